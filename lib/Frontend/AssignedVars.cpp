//===- AssignedVars.cpp - What a statement may change ---------------------===//
#include "AssignedVars.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace ddx::frontend {

namespace {

/// The variables an lvalue expression designates as an assignment target.
void addTargets(const Expr *E, StmtEffects &Eff) {
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Eff.Assigned.insert(VD);
      if (VD->getType()->isReferenceType())
        Eff.MayWriteMemory = true;
    }
  } else if (isa<ArraySubscriptExpr>(E)) {
    Eff.MayWriteMemory = true;
  } else if (const auto *CE = dyn_cast<CastExpr>(E);
             CE && CE->getCastKind() == CK_NoOp) {
    addTargets(CE->getSubExpr(), Eff);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      addTargets(BO->getLHS(), Eff);
    else if (BO->getOpcode() == BO_Comma)
      addTargets(BO->getRHS(), Eff);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->isIncrementDecrementOp())
      addTargets(UO->getSubExpr(), Eff);
    else if (UO->getOpcode() == UO_Deref)
      Eff.MayWriteMemory = true;
  } else if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    addTargets(CO->getTrueExpr(), Eff);
    addTargets(CO->getFalseExpr(), Eff);
  }
}

void walkEffects(const Stmt *S, StmtEffects &Eff, bool InLoop, bool InSwitch) {
  if (!S)
    return;
  // A lambda's body is another function; ddx rejects lambdas anyway.
  if (isa<LambdaExpr>(S))
    return;
  if (isa<ReturnStmt>(S))
    Eff.MayReturn = true;
  else if (isa<BreakStmt>(S) && !InLoop && !InSwitch)
    Eff.MayBreak = true;
  else if (isa<ContinueStmt>(S) && !InLoop)
    Eff.MayContinue = true;
  else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      addTargets(BO->getLHS(), Eff);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      addTargets(UO->getSubExpr(), Eff);
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        Eff.Assigned.insert(VD);
  } else if (isa<CallExpr>(S)) {
    Eff.MayWriteMemory = true;
  }

  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    InLoop = true;
  else if (isa<SwitchStmt>(S))
    InSwitch = true;
  for (const Stmt *Child : S->children())
    walkEffects(Child, Eff, InLoop, InSwitch);
}

bool walkMayHaveEffects(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CallExpr, LambdaExpr, CXXThrowExpr, CXXNewExpr, CXXDeleteExpr,
          StmtExpr>(S))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      return true;
    if ((BO->getOpcode() == BO_Div || BO->getOpcode() == BO_Rem) &&
        BO->getType()->isIntegerType())
      return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_Deref)
      return true;
  // An element access may be out of bounds when not guarded.
  if (isa<ArraySubscriptExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (walkMayHaveEffects(Child))
      return true;
  return false;
}

void walkReferencedVars(const Stmt *S,
                        llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Vars.insert(VD);
  for (const Stmt *Child : S->children())
    walkReferencedVars(Child, Vars);
}

/// The local variable E names, ignoring parentheses and no-op casts.
const VarDecl *namedVar(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E);
        CE && CE->getCastKind() == CK_NoOp) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *FE = dyn_cast<FullExpr>(E)) {
      E = FE->getSubExpr();
      continue;
    }
    break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

void walkAddressTaken(const Stmt *S,
                      llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  if (!S || isa<LambdaExpr>(S))
    return;
  auto Add = [&](const Expr *E) {
    if (const VarDecl *VD = namedVar(E))
      Vars.insert(VD);
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->getOpcode() == UO_AddrOf) {
    Add(UO->getSubExpr());
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->getType()->isLValueReferenceType() && VD->getInit())
        Add(VD->getInit());
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *FD = CE->getDirectCallee())
      for (unsigned I = 0; I != FD->getNumParams() && I != CE->getNumArgs();
           ++I) {
        QualType PT = FD->getParamDecl(I)->getType();
        if (PT->isLValueReferenceType() &&
            !PT->getPointeeType().isConstQualified())
          Add(CE->getArg(I));
      }
  }
  for (const Stmt *Child : S->children())
    walkAddressTaken(Child, Vars);
}

const SwitchCase *walkCaseLabels(const Stmt *S) {
  if (!S || isa<SwitchStmt>(S))
    return nullptr;
  if (const auto *SC = dyn_cast<SwitchCase>(S))
    return SC;
  for (const Stmt *Child : S->children())
    if (const SwitchCase *SC = walkCaseLabels(Child))
      return SC;
  return nullptr;
}

} // namespace

void collectEffects(const Stmt *S, StmtEffects &E) {
  walkEffects(S, E, /*InLoop=*/false, /*InSwitch=*/false);
}

bool alwaysJumps(const Stmt *S, const ASTContext &Ctx) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(CS->body(),
                        [&](const Stmt *C) { return alwaysJumps(C, Ctx); });
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return alwaysJumps(AS->getSubStmt(), Ctx);
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (If->isConstexpr()) {
      std::optional<const Stmt *> Taken = If->getNondiscardedCase(Ctx);
      return Taken && alwaysJumps(*Taken, Ctx);
    }
    return alwaysJumps(If->getThen(), Ctx) && alwaysJumps(If->getElse(), Ctx);
  }
  return false;
}

bool mayHaveEffects(const Expr *E) { return walkMayHaveEffects(E); }

void collectReferencedVars(const Expr *E,
                           llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  walkReferencedVars(E, Vars);
}

void collectAddressTaken(const Stmt *S,
                         llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  walkAddressTaken(S, Vars);
}

bool readsMemory(const Expr *E,
                 llvm::function_ref<bool(const VarDecl *)> IsMemoryVar) {
  if (!E)
    return false;
  if (isa<ArraySubscriptExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && IsMemoryVar(VD))
      return true;
  for (const Stmt *Child : E->children())
    if (readsMemory(dyn_cast_or_null<Expr>(Child), IsMemoryVar))
      return true;
  return false;
}

const SwitchCase *findNestedCaseLabel(const Stmt *S) {
  if (!S || isa<SwitchStmt>(S))
    return nullptr;
  for (const Stmt *Child : S->children())
    if (const SwitchCase *SC = walkCaseLabels(Child))
      return SC;
  return nullptr;
}

} // namespace ddx::frontend
