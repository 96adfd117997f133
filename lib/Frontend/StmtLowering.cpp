//===- StmtLowering.cpp - Statements and structured control flow ----------===//
//
// Statements lower in order into the current region. Jumps set flags:
// `return` sets did_return (and retval), `break`/`continue` the flags of the
// innermost loop or switch. A statement after one that may have jumped is
// wrapped in `if (!flags)`; a statement after one that certainly jumped is
// unreachable and skipped. When one arm of an `if` always jumps, the
// statements after the `if` move into the other arm instead of being guarded,
// so the common early-return pattern needs no flag at all.
//
//===----------------------------------------------------------------------===//
#include "AssignedVars.h"
#include "LoweringImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

//===----------------------------------------------------------------------===//
// Flags and guards
//===----------------------------------------------------------------------===//

llvm::SmallVector<LocalVar *, 3> FunctionLowering::activeFlags() const {
  llvm::SmallVector<LocalVar *, 3> Flags;
  for (LocalVar *F : {RetFlag, BreakFlag, ContinueFlag})
    if (F)
      Flags.push_back(F);
  return Flags;
}

FunctionLowering::FlagTest FunctionLowering::testFlags() {
  return testFlags(activeFlags());
}

FunctionLowering::FlagTest
FunctionLowering::testFlags(llvm::ArrayRef<LocalVar *> Flags) {
  FlagTest T;
  for (LocalVar *F : Flags) {
    const Slot &S = Vals[F];
    if (S.isKnown(0) || !checkUsable(F, S))
      continue;
    F->Read = true;
    if (S.isKnown())
      T.AnySet = true;
    else
      T.Unknown.push_back(F);
  }
  return T;
}

ir::Value *FunctionLowering::anyOf(llvm::ArrayRef<LocalVar *> Flags) {
  ir::Value *Any = read(Flags.front());
  for (LocalVar *F : Flags.drop_front())
    Any = B.arith(ir::OpKind::Or, {Any, read(F)});
  return Any;
}

void FunctionLowering::withGuard(llvm::function_ref<void()> Fn) {
  FlagTest T = testFlags();
  if (T.AnySet)
    return;
  if (T.Unknown.empty())
    return Fn();
  buildGuarded(B.logicalNot(anyOf(T.Unknown)), T.Unknown, Fn);
}

//===----------------------------------------------------------------------===//
// Statement lists
//===----------------------------------------------------------------------===//

/// An `if` exactly one arm of which always jumps: what follows it can move
/// into the other arm.
static bool isEarlyExit(const IfStmt *S, const ASTContext &Ctx) {
  if (S->isConstexpr())
    return false;
  bool ThenJumps = alwaysJumps(S->getThen(), Ctx);
  bool ElseJumps = S->getElse() && alwaysJumps(S->getElse(), Ctx);
  return ThenJumps != ElseJumps;
}

void FunctionLowering::lowerList(llvm::ArrayRef<const Stmt *> Stmts) {
  for (size_t I = 0; I != Stmts.size(); ++I) {
    FlagTest T = testFlags();
    if (T.AnySet)
      return; // Unreachable: a jump certainly happened.
    if (!T.Unknown.empty()) {
      llvm::ArrayRef<const Stmt *> Rest = Stmts.drop_front(I);
      buildGuarded(B.logicalNot(anyOf(T.Unknown)), T.Unknown,
                   [&] { lowerList(Rest); });
      return;
    }
    const Stmt *S = Stmts[I];
    llvm::ArrayRef<const Stmt *> Rest = Stmts.drop_front(I + 1);
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && !Rest.empty() && isEarlyExit(If, Ctx)) {
      lowerIf(If, Rest);
      return;
    }
    if (Rest.empty()) {
      lowerStmt(S);
      return;
    }
    {
      // What follows may test any flag.
      UntestedScope U(*this, {});
      lowerStmt(S);
    }
    if (alwaysJumps(S, Ctx))
      return;
  }
}

void FunctionLowering::lowerBody(const Stmt *S) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return lowerList(
        llvm::ArrayRef<const Stmt *>(CS->body_begin(), CS->body_end()));
  lowerList(llvm::ArrayRef<const Stmt *>(S));
}

//===----------------------------------------------------------------------===//
// Simple statements
//===----------------------------------------------------------------------===//

void FunctionLowering::lowerStmt(const Stmt *S) {
  if (!S)
    return;
  LocScope L(*this, S->getBeginLoc());
  if (const auto *E = dyn_cast<Expr>(S))
    return lowerDiscarded(E);

  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    return lowerBody(S);
  case Stmt::NullStmtClass:
    return;
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        lowerDecl(VD);
    return;
  case Stmt::IfStmtClass:
    return lowerIf(cast<IfStmt>(S));
  case Stmt::WhileStmtClass:
    return lowerWhile(cast<WhileStmt>(S));
  case Stmt::DoStmtClass:
    return lowerDo(cast<DoStmt>(S));
  case Stmt::ForStmtClass:
    return lowerFor(cast<ForStmt>(S));
  case Stmt::SwitchStmtClass:
    return lowerSwitch(cast<SwitchStmt>(S));
  case Stmt::ReturnStmtClass:
    return lowerReturn(cast<ReturnStmt>(S));
  case Stmt::BreakStmtClass:
    return setFlag(BreakFlag, true);
  case Stmt::ContinueStmtClass:
    return setFlag(ContinueFlag, true);
  case Stmt::AttributedStmtClass:
    return lowerStmt(cast<AttributedStmt>(S)->getSubStmt());
  case Stmt::GotoStmtClass:
  case Stmt::IndirectGotoStmtClass:
    return unsupported(S->getBeginLoc(), Construct::Goto);
  case Stmt::LabelStmtClass:
    return unsupported(S->getBeginLoc(), Construct::Label,
                       cast<LabelStmt>(S)->getName());
  case Stmt::CXXTryStmtClass:
    return unsupported(S->getBeginLoc(), Construct::Try);
  case Stmt::GCCAsmStmtClass:
  case Stmt::MSAsmStmtClass:
    return unsupported(S->getBeginLoc(), Construct::Asm);
  case Stmt::CXXForRangeStmtClass:
    return unsupported(S->getBeginLoc(), Construct::RangeFor);
  case Stmt::CoroutineBodyStmtClass:
  case Stmt::CoreturnStmtClass:
    return unsupported(S->getBeginLoc(), Construct::Coroutine);
  case Stmt::CaseStmtClass:
  case Stmt::DefaultStmtClass:
    return unsupported(S->getBeginLoc(), Construct::NestedCaseLabel);
  default:
    return unsupported(S->getBeginLoc(), Construct::OtherStmt,
                       S->getStmtClassName());
  }
}

/// The value of a non-local constant (`constexpr`, or `const` with a
/// constant initializer), if it has one.
static const APValue *constantValueOf(const VarDecl *VD) {
  if (!VD->getType().isConstQualified() || !VD->getAnyInitializer())
    return nullptr;
  return VD->evaluateValue();
}

LocalVar *FunctionLowering::createLocal(const VarDecl *VD) {
  LocScope L(*this, VD->getLocation());
  QualType T = VD->getType();
  std::optional<ir::Type> Ty = lowerType(Ctx, T);
  if (!Ty || T->isReferenceType()) {
    const auto *Closure = T->getAsCXXRecordDecl();
    if (Closure && Closure->isLambda() && VD->getInit())
      unsupported(VD->getInit()->getExprLoc(), Construct::Lambda);
    else
      unsupportedType(VD->getLocation(),
                      "variable '" + VD->getName().str() + "'", T);
    LocalVar *V = declareVar(VD, ir::Type::f64());
    V->Poisoned = true;
    Vals[V] = Slot::known(0);
    return nullptr;
  }
  if (T->isArrayType()) {
    // Arrays of arrays are one buffer, row-major; fresh memory is zero.
    ir::Type Elem = Ty->getElementType();
    ir::Value *Mem = B.localAlloc(Elem, scalarCount(Ctx, T));
    Mem->setName(VD->getName());
    LocalVar *V = declareVar(VD, Mem->getType(), Storage::Array);
    Vals[V] = Slot{Mem, 0};
    return V;
  }
  if (Ty->isPointer()) {
    ir::Type PTy =
        ir::Type::ptr(Ty->getElementType(), ConstPointerVars.contains(VD));
    LocalVar *V = declareVar(VD, PTy);
    Vals[V] = Slot::known(0);
    return V;
  }
  if (needsMemory(VD)) {
    ir::Value *Mem = B.localAlloc(*Ty, 1);
    Mem->setName(VD->getName());
    LocalVar *V = declareVar(VD, Mem->getType(), Storage::Memory);
    Vals[V] = Slot{Mem, 0};
    return V;
  }
  LocalVar *V = declareVar(VD, *Ty);
  Vals[V] = Slot::known(0);
  return V;
}

void FunctionLowering::lowerDecl(const VarDecl *VD) {
  LocScope L(*this, VD->getLocation());
  if (isa<DecompositionDecl>(VD))
    return unsupported(VD->getLocation(), Construct::StructuredBinding);
  // A block-scope `extern` declares a global: reading it is reported.
  if (VD->hasExternalStorage())
    return;
  if (!VD->hasLocalStorage()) {
    // `static constexpr` locals are constants; reads fold them (arrays are
    // copied into memory where indexed).
    if (!VD->isStaticLocal() || !constantValueOf(VD))
      unsupported(VD->getLocation(), Construct::StaticLocal, VD->getName());
    return;
  }
  QualType T = VD->getType();
  const Expr *Init = VD->getInit();
  if (T->isReferenceType() && Init) {
    const Expr *E = Init;
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    QualType Pointee = T.getNonReferenceType();
    if (const auto *MT =
            dyn_cast<MaterializeTemporaryExpr>(E->IgnoreParens())) {
      // Bound to a temporary (`const double &r = x + 1`): the reference
      // names a fresh object, like a variable of its own.
      std::optional<ir::Type> Ty = lowerType(Ctx, Pointee);
      if (Ty && Ty->isScalar()) {
        ir::Value *Val = lowerExprAs(MT->getSubExpr(), *Ty);
        if (needsMemory(VD)) {
          ir::Value *Mem = B.localAlloc(*Ty, 1);
          Mem->setName(VD->getName());
          B.store(Val, Mem);
          Vals[declareVar(VD, Mem->getType(), Storage::Memory)] = Slot{Mem, 0};
          return;
        }
        LocalVar *V = declareVar(VD, *Ty);
        Vals[V] = Slot::known(0);
        assign(V, Val, VD->getLocation());
        return;
      }
    } else if (T->isLValueReferenceType() && !Pointee->isPointerType() &&
               lowerType(Ctx, Pointee)) {
      // Bound to an lvalue: the reference holds its address.
      LValue LV = lowerLValue(E, Access::Read);
      if (!LV) {
        LocalVar *V = declareVar(VD, ir::Type::f64());
        V->Poisoned = true;
        Vals[V] = Slot::known(0);
        return;
      }
      if (!LV.isMemory()) {
        // analyzeMemory puts every variable a reference binds to in memory.
        if (LV.Var->Poisoned)
          ++Failures;
        else
          error(VD->getLocation(), Msg::InternalError,
                {"'" + LV.Var->Name + "' is referenced but not in memory"});
        LocalVar *V = declareVar(VD, ir::Type::f64());
        V->Poisoned = true;
        Vals[V] = Slot::known(0);
        return;
      }
      ir::Value *Addr = materialize(LV.Addr);
      LocalVar *V = declareVar(VD, Addr->getType(),
                               LV.IsArray ? Storage::Array : Storage::Memory);
      Vals[V] = Slot{Addr, 0};
      return;
    }
  }
  LocalVar *V = createLocal(VD);
  if (!V || !Init)
    return;
  if (V->Store == Storage::Array)
    return lowerArrayInit(read(V), Init, T, 0);
  if (V->Store == Storage::Memory) {
    ir::Value *Val = lowerExprAs(Init, V->Ty.getElementType());
    B.store(Val, read(V));
    return;
  }
  unsigned Before = Failures;
  ir::Value *Val = lowerExprAs(Init, V->Ty);
  // After an error in a pointer's initializer, its stand-in value would
  // only add errors: uses of the variable are not reported again.
  if (Failures != Before && V->Ty.isPointer())
    V->Poisoned = true;
  else
    assign(V, Val, VD->getLocation());
}

void FunctionLowering::lowerReturn(const ReturnStmt *S) {
  if (const Expr *E = S->getRetValue(); E && !ResultUnsupported) {
    if (RetVal)
      write(RetVal, lowerExprAs(E, RetVal->Ty));
    else
      lowerDiscarded(E);
  }
  setFlag(RetFlag, true);
}

//===----------------------------------------------------------------------===//
// if
//===----------------------------------------------------------------------===//

void FunctionLowering::lowerIf(const IfStmt *S,
                               llvm::ArrayRef<const Stmt *> Rest) {
  LocScope L(*this, S->getIfLoc());
  lowerStmt(S->getInit());
  if (const VarDecl *CV = S->getConditionVariable())
    lowerDecl(CV);
  if (S->isConstexpr()) {
    if (std::optional<const Stmt *> Taken = S->getNondiscardedCase(Ctx))
      lowerStmt(*Taken);
    return lowerList(Rest);
  }
  ir::Value *Cond = lowerExprAs(S->getCond(), ir::Type::i1());
  // Rest (non-empty only for an early exit) continues the arm that does not
  // always jump.
  bool RestInThen = !Rest.empty() && !alwaysJumps(S->getThen(), Ctx);
  auto Arm = [&](const Stmt *Branch, bool WithRest) {
    if (!WithRest) {
      lowerStmt(Branch);
      return ValueList();
    }
    {
      UntestedScope U(*this, {});
      lowerStmt(Branch);
    }
    lowerList(Rest);
    return ValueList();
  };
  buildIf(
      Cond, {}, [&] { return Arm(S->getThen(), RestInThen); },
      [&] { return Arm(S->getElse(), !Rest.empty() && !RestInThen); });
}

//===----------------------------------------------------------------------===//
// Loops
//===----------------------------------------------------------------------===//

llvm::SmallVector<LocalVar *, 8>
FunctionLowering::carriedLocals(const Stmt *Loop, bool &MayBreak,
                                bool &MayReturn) {
  StmtEffects Eff;
  // The parts that run on every iteration; a for-init runs before the loop.
  if (const auto *W = dyn_cast<WhileStmt>(Loop)) {
    collectEffects(W->getCond(), Eff);
    collectEffects(W->getBody(), Eff);
  } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
    collectEffects(D->getBody(), Eff);
    collectEffects(D->getCond(), Eff);
  } else if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    collectEffects(For->getCond(), Eff);
    collectEffects(For->getBody(), Eff);
    collectEffects(For->getInc(), Eff);
  }
  MayBreak = Eff.MayBreak;
  MayReturn = Eff.MayReturn;

  llvm::SmallVector<LocalVar *, 8> Carried;
  // What lives in memory keeps its address: nothing to carry.
  for (const VarDecl *VD : Eff.Assigned)
    if (LocalVar *V = lookupVar(VD); V && !V->inMemory() && Vals.count(V))
      Carried.push_back(V);
  if (MayReturn) {
    Carried.push_back(RetFlag);
    if (RetVal)
      Carried.push_back(RetVal);
  }
  sortLocals(Carried);
  return Carried;
}

void FunctionLowering::checkCarried(const Env &Before,
                                    llvm::ArrayRef<LocalVar *> Carried,
                                    SourceLocation Loc) {
  for (const auto &[V, S] : Before) {
    // The loop's own break flag is tested inside the loop only.
    if (V == BreakFlag || llvm::is_contained(Carried, V))
      continue;
    auto It = Vals.find(V);
    if (It == Vals.end() || It->second == S)
      continue;
    // A variable read while uninitialized gets a zero constant; that is not
    // a change.
    if (S.isKnown() && !It->second.isKnown()) {
      ir::Operation *Op = It->second.V->getDefiningOp();
      if (Op && Op->getKind() == ir::OpKind::Constant)
        continue;
    }
    error(Loc, Msg::InternalError,
          {"the loop changes '" + V->Name + "', which is not loop-carried"});
  }
}

ir::Value *
FunctionLowering::lowerLoopCondition(const Expr *Cond,
                                     llvm::ArrayRef<LocalVar *> Flags) {
  llvm::SmallVector<LocalVar *, 3> Unknown;
  for (LocalVar *F : Flags) {
    const Slot &S = Vals[F];
    if (S.isKnown(0) || !checkUsable(F, S))
      continue;
    F->Read = true;
    if (S.isKnown())
      return constantInt(ir::Type::i1(), 0); // The loop certainly ends.
    Unknown.push_back(F);
  }
  auto LowerCond = [&] {
    return Cond ? lowerExprAs(Cond, ir::Type::i1())
                : constantInt(ir::Type::i1(), 1);
  };
  if (Unknown.empty())
    return LowerCond();
  ir::Value *Stop = anyOf(Unknown);
  if (!Cond)
    return B.logicalNot(Stop);
  if (!mayHaveEffects(Cond)) {
    ir::Value *Go = B.logicalNot(Stop);
    return B.arith(ir::OpKind::And, {Go, LowerCond()});
  }
  // Once a flag is set the condition must not run: it may have effects.
  return buildIf(
      Stop, {ir::Type::i1()},
      [&] { return ValueList{constantInt(ir::Type::i1(), 0)}; },
      [&] { return ValueList{LowerCond()}; })[0];
}

void FunctionLowering::lowerLoopBody(const Stmt *Loop, const Stmt *Body) {
  LocalVar *OuterContinue = ContinueFlag;
  ContinueFlag = newFlag(Loop, FlagKind::Continue);
  {
    UntestedScope U(*this, {ContinueFlag});
    lowerBody(Body);
  }
  // `continue` only skips the rest of this iteration.
  Vals.erase(ContinueFlag);
  ContinueFlag = OuterContinue;
}

void FunctionLowering::buildWhileLoop(const Stmt *Loop, const Expr *Cond,
                                      const Stmt *Body, const Expr *Inc,
                                      bool IsDo) {
  UntestedScope U(*this, {});
  bool MayBreak, MayReturn;
  llvm::SmallVector<LocalVar *, 8> Carried =
      carriedLocals(Loop, MayBreak, MayReturn);
  LocalVar *OuterBreak = BreakFlag;
  BreakFlag = newFlag(Loop, FlagKind::Break);
  // In a `while`, the condition runs after the body and must see its jumps.
  // A do-while tests them right after the body, in the same region.
  if (MayBreak && !IsDo)
    Carried.push_back(BreakFlag);
  llvm::SmallVector<LocalVar *, 2> JumpFlags;
  if (MayReturn)
    JumpFlags.push_back(RetFlag);
  if (MayBreak)
    JumpFlags.push_back(BreakFlag);

  ValueList Inits;
  for (LocalVar *V : Carried)
    Inits.push_back(read(V));
  ir::Operation *W = B.createWhile(Inits);
  ir::Region *Outer = B.getInsertionRegion();
  const Env Saved = Vals;

  auto EnterRegion = [&](ir::Region &R) {
    Vals = Saved;
    B.setInsertionPointToEnd(R);
    for (unsigned I = 0; I != Carried.size(); ++I) {
      R.getArgument(I)->setName(Carried[I]->Name);
      Vals[Carried[I]] = Slot{R.getArgument(I), 0};
    }
  };
  auto CarriedValues = [&] {
    ValueList Vs;
    for (LocalVar *V : Carried)
      Vs.push_back(read(V));
    return Vs;
  };
  auto Iteration = [&] {
    // An iteration only starts when no jump happened.
    for (LocalVar *F : JumpFlags)
      Vals[F] = Slot::known(0);
    lowerLoopBody(Loop, Body);
  };

  if (!IsDo) {
    EnterRegion(W->getRegion(0));
    ir::Value *C = lowerLoopCondition(Cond, JumpFlags);
    B.condition(C, CarriedValues());
    checkCarried(Saved, Carried, Loop->getBeginLoc());

    EnterRegion(W->getRegion(1));
    Iteration();
    if (Inc)
      withGuard([&] { lowerDiscarded(Inc); });
    B.yield(CarriedValues());
    checkCarried(Saved, Carried, Loop->getBeginLoc());
  } else {
    EnterRegion(W->getRegion(0));
    Iteration();
    ir::Value *C = lowerLoopCondition(Cond, JumpFlags);
    B.condition(C, CarriedValues());
    checkCarried(Saved, Carried, Loop->getBeginLoc());

    EnterRegion(W->getRegion(1));
    B.yield(W->getRegion(1).getArguments());
  }

  Vals = Saved;
  B.setInsertionPointToEnd(*Outer);
  for (unsigned I = 0; I != Carried.size(); ++I) {
    W->getResult(I)->setName(Carried[I]->Name);
    Vals[Carried[I]] = Slot{W->getResult(I), 0};
  }
  Vals.erase(BreakFlag);
  BreakFlag = OuterBreak;
}

void FunctionLowering::lowerWhile(const WhileStmt *S) {
  LocScope L(*this, S->getWhileLoc());
  if (const VarDecl *CV = S->getConditionVariable())
    return unsupported(CV->getLocation(), Construct::WhileConditionVariable);
  buildWhileLoop(S, S->getCond(), S->getBody(), nullptr, /*IsDo=*/false);
}

void FunctionLowering::lowerDo(const DoStmt *S) {
  LocScope L(*this, S->getDoLoc());
  buildWhileLoop(S, S->getCond(), S->getBody(), nullptr, /*IsDo=*/true);
}

void FunctionLowering::lowerFor(const ForStmt *S) {
  LocScope L(*this, S->getForLoc());
  if (const VarDecl *CV = S->getConditionVariable())
    return unsupported(CV->getLocation(), Construct::WhileConditionVariable);
  if (lowerCountedFor(S))
    return;
  lowerStmt(S->getInit());
  buildWhileLoop(S, S->getCond(), S->getBody(), S->getInc(), /*IsDo=*/false);
}

/// True if E, ignoring parentheses and implicit conversions, names VD.
static bool refersTo(const Expr *E, const VarDecl *VD) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && DRE->getDecl() == VD;
}

/// True if E may call, assign or increment (integer division is fine in a
/// loop bound: evaluating it once before the loop traps exactly when the
/// first test would).
static bool hasSideEffects(const Expr *E) {
  if (!E)
    return false;
  if (isa<CallExpr, LambdaExpr, CXXThrowExpr, CXXNewExpr, CXXDeleteExpr,
          StmtExpr>(E))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp())
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->isIncrementDecrementOp())
    return true;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child);
        CE && hasSideEffects(CE))
      return true;
  return false;
}

bool FunctionLowering::lowerCountedFor(const ForStmt *S) {
  // for (T i = lb; i < ub; ++i / i++ / i += c) with i an integer.
  const auto *Init = dyn_cast_or_null<DeclStmt>(S->getInit());
  if (!Init || !Init->isSingleDecl() || !S->getCond() || !S->getInc())
    return false;
  const auto *IV = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!IV || !IV->hasLocalStorage() || !IV->getInit() || needsMemory(IV))
    return false;
  std::optional<ir::Type> Ty = lowerType(Ctx, IV->getType());
  if (!Ty || !Ty->isInteger())
    return false;
  QualType IVType = IV->getType().getCanonicalType().getUnqualifiedType();
  auto HasIVType = [&](const Expr *E) {
    return E->getType().getCanonicalType().getUnqualifiedType() == IVType;
  };

  const auto *Cmp = dyn_cast<BinaryOperator>(S->getCond()->IgnoreParens());
  if (!Cmp || !HasIVType(Cmp->getLHS()) || !HasIVType(Cmp->getRHS()))
    return false;
  const Expr *Bound = nullptr;
  bool Inclusive = false;
  BinaryOperatorKind Op = Cmp->getOpcode();
  if ((Op == BO_LT || Op == BO_LE) && refersTo(Cmp->getLHS(), IV)) {
    Bound = Cmp->getRHS();
    Inclusive = Op == BO_LE;
  } else if ((Op == BO_GT || Op == BO_GE) && refersTo(Cmp->getRHS(), IV)) {
    Bound = Cmp->getLHS();
    Inclusive = Op == BO_GE;
  } else {
    return false;
  }

  // ++i, i++, i += c, i = i + c with c a positive constant.
  int64_t Step = 0;
  auto PositiveConstant = [&](const Expr *C) -> int64_t {
    Expr::EvalResult R;
    if (!HasIVType(C) || !C->EvaluateAsInt(R, Ctx) ||
        !R.Val.getInt().isStrictlyPositive())
      return 0;
    return R.Val.getInt().getExtValue();
  };
  const Expr *Inc = S->getInc()->IgnoreParens();
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc)) {
    if (UO->isIncrementOp() && refersTo(UO->getSubExpr(), IV))
      Step = 1;
  } else if (const auto *CA = dyn_cast<CompoundAssignOperator>(Inc)) {
    if (CA->getOpcode() == BO_AddAssign && refersTo(CA->getLHS(), IV) &&
        CA->getComputationResultType().getCanonicalType() == IVType)
      Step = PositiveConstant(CA->getRHS());
  } else if (const auto *As = dyn_cast<BinaryOperator>(Inc);
             As && As->getOpcode() == BO_Assign && refersTo(As->getLHS(), IV)) {
    const auto *Add = dyn_cast<BinaryOperator>(As->getRHS()->IgnoreParens());
    if (Add && Add->getOpcode() == BO_Add && HasIVType(Add)) {
      if (refersTo(Add->getLHS(), IV))
        Step = PositiveConstant(Add->getRHS());
      else if (refersTo(Add->getRHS(), IV))
        Step = PositiveConstant(Add->getLHS());
    }
  }
  if (Step <= 0)
    return false;

  StmtEffects BodyEff;
  collectEffects(S->getBody(), BodyEff);
  if (BodyEff.MayBreak || BodyEff.MayReturn || BodyEff.Assigned.count(IV))
    return false;
  if (hasSideEffects(Bound))
    return false;
  // The bound is read once, before the loop: memory the body may write
  // could change it.
  if (BodyEff.MayWriteMemory && readsMemory(Bound, [&](const VarDecl *VD) {
        LocalVar *V = lookupVar(VD);
        return V && V->inMemory();
      }))
    return false;
  llvm::SmallPtrSet<const VarDecl *, 8> BoundVars;
  collectReferencedVars(Bound, BoundVars);
  for (const VarDecl *VD : BoundVars)
    if (VD == IV || BodyEff.Assigned.count(VD))
      return false;

  // Canonical: lower it to `for`.
  UntestedScope U(*this, {});
  ir::Value *Lower = lowerExprAs(IV->getInit(), *Ty);
  ir::Value *Upper = lowerExprAs(Bound, *Ty);
  if (Inclusive)
    Upper = B.add(Upper, constantInt(*Ty, 1));
  ir::Value *StepV = constantInt(*Ty, Step);

  bool MayBreak, MayReturn;
  llvm::SmallVector<LocalVar *, 8> Carried =
      carriedLocals(S, MayBreak, MayReturn);
  ValueList Inits;
  for (LocalVar *V : Carried)
    Inits.push_back(read(V));
  ir::Operation *For = B.createFor(Lower, Upper, StepV, Inits);
  ir::Region *Outer = B.getInsertionRegion();
  const Env Saved = Vals;
  ir::Region &Body = For->getRegion(0);
  B.setInsertionPointToEnd(Body);
  Body.getArgument(0)->setName(IV->getName());
  LocalVar *I = declareVar(IV, *Ty);
  Vals[I] = Slot{Body.getArgument(0), 0};
  for (unsigned K = 0; K != Carried.size(); ++K) {
    Body.getArgument(K + 1)->setName(Carried[K]->Name);
    Vals[Carried[K]] = Slot{Body.getArgument(K + 1), 0};
  }
  LocalVar *OuterBreak = BreakFlag;
  BreakFlag = nullptr; // The body has no break of its own.
  lowerLoopBody(S, S->getBody());
  BreakFlag = OuterBreak;
  ValueList Next;
  for (LocalVar *V : Carried)
    Next.push_back(read(V));
  B.yield(Next);
  Vals.erase(I);
  checkCarried(Saved, Carried, S->getForLoc());

  Vals = Saved;
  B.setInsertionPointToEnd(*Outer);
  for (unsigned K = 0; K != Carried.size(); ++K) {
    For->getResult(K)->setName(Carried[K]->Name);
    Vals[Carried[K]] = Slot{For->getResult(K), 0};
  }
  return true;
}

//===----------------------------------------------------------------------===//
// switch
//===----------------------------------------------------------------------===//

namespace {
/// The statements from one group of top-level labels to the next.
struct SwitchSegment {
  llvm::SmallVector<const CaseStmt *, 2> Cases;
  bool HasDefault = false;
  llvm::SmallVector<const Stmt *, 4> Stmts;
};
} // namespace

void FunctionLowering::lowerSwitch(const SwitchStmt *S) {
  LocScope L(*this, S->getSwitchLoc());
  lowerStmt(S->getInit());
  if (const VarDecl *CV = S->getConditionVariable())
    lowerDecl(CV);

  llvm::SmallVector<const Stmt *, 8> Items;
  if (const auto *CS = dyn_cast<CompoundStmt>(S->getBody()))
    Items.append(CS->body_begin(), CS->body_end());
  else
    Items.push_back(S->getBody());

  llvm::SmallVector<const Stmt *, 4> Leading;
  llvm::SmallVector<SwitchSegment, 8> Segments;
  bool Bad = false;
  for (const Stmt *Item : Items) {
    if (!isa<SwitchCase>(Item)) {
      (Segments.empty() ? Leading : Segments.back().Stmts).push_back(Item);
      continue;
    }
    SwitchSegment &Seg = Segments.emplace_back();
    const Stmt *Cur = Item;
    while (const auto *Label = dyn_cast<SwitchCase>(Cur)) {
      if (const auto *Case = dyn_cast<CaseStmt>(Label)) {
        if (Case->caseStmtIsGNURange()) {
          unsupported(Case->getKeywordLoc(), Construct::CaseRange);
          Bad = true;
        }
        Seg.Cases.push_back(Case);
      } else {
        Seg.HasDefault = true;
      }
      Cur = Label->getSubStmt();
    }
    Seg.Stmts.push_back(Cur);
  }
  // Labels must be at the top level so each segment is a straight list.
  auto CheckNested = [&](const Stmt *St) {
    if (const SwitchCase *SC = findNestedCaseLabel(St)) {
      unsupported(SC->getKeywordLoc(), Construct::NestedCaseLabel);
      Bad = true;
    }
  };
  for (const Stmt *St : Leading)
    CheckNested(St);
  for (const SwitchSegment &Seg : Segments)
    for (const Stmt *St : Seg.Stmts)
      CheckNested(St);
  if (Bad)
    return;

  ir::Value *V = lowerExpr(S->getCond());
  if (!V)
    return;
  // Declarations before the first label are in scope but never initialized.
  for (const Stmt *St : Leading)
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
            lowerType(Ctx, VD->getType()))
          createLocal(VD);

  // One comparison per case value, shared by its segment and `default`.
  llvm::DenseMap<const CaseStmt *, ir::Value *> CaseEq;
  auto Equals = [&](llvm::ArrayRef<const CaseStmt *> Cases) -> ir::Value * {
    ir::Value *Any = nullptr;
    for (const CaseStmt *C : Cases) {
      ir::Value *&Eq = CaseEq[C];
      if (!Eq) {
        LocScope CL(*this, C->getKeywordLoc());
        llvm::APSInt Val = C->getLHS()->EvaluateKnownConstInt(Ctx);
        Eq = B.cmp(ir::CmpPred::EQ, V,
                   constantInt(V->getType(), Val.getExtValue()));
      }
      Any = Any ? B.arith(ir::OpKind::Or, {Any, Eq}) : Eq;
    }
    return Any;
  };
  llvm::SmallVector<const CaseStmt *, 8> AllCases;
  for (const SwitchSegment &Seg : Segments)
    AllCases.append(Seg.Cases.begin(), Seg.Cases.end());

  // A segment after one that always jumps is entered only through its own
  // labels. Labels are distinct, so no earlier segment ran then and no flag
  // can be set: such a "fresh" segment tests no flag.
  llvm::SmallVector<bool, 8> Fresh;
  for (size_t K = 0; K != Segments.size(); ++K)
    Fresh.push_back(K == 0 ||
                    llvm::any_of(Segments[K - 1].Stmts, [&](const Stmt *St) {
                      return alwaysJumps(St, Ctx);
                    }));

  LocalVar *OuterBreak = BreakFlag;
  BreakFlag = newFlag(S, FlagKind::Break);
  // Flags untested after segment K: if no later segment tests flags, those
  // untested after the switch, and its break flag.
  llvm::SmallVector<LocalVar *, 3> UntestedAfterSwitch(Untested.begin(),
                                                       Untested.end());
  UntestedAfterSwitch.push_back(BreakFlag);
  ir::Value *Entered = nullptr;
  for (size_t K = 0; K != Segments.size(); ++K) {
    const SwitchSegment &Seg = Segments[K];
    bool LaterTests =
        std::find(Fresh.begin() + K + 1, Fresh.end(), false) != Fresh.end();
    UntestedScope U(*this, LaterTests ? llvm::ArrayRef<LocalVar *>()
                                      : llvm::ArrayRef(UntestedAfterSwitch));
    if (AllCases.empty()) {
      // Only `default`: always entered.
      lowerList(Seg.Stmts);
      continue;
    }
    ir::Value *Match = Equals(Seg.Cases);
    if (Seg.HasDefault) {
      ir::Value *Default = B.logicalNot(Equals(AllCases));
      Match = Match ? B.arith(ir::OpKind::Or, {Match, Default}) : Default;
    }
    if (Fresh[K]) {
      Entered = Match;
      buildGuarded(Entered, activeFlags(), [&] { lowerList(Seg.Stmts); });
      continue;
    }
    // Falling through: test the flags the segments since the last fresh one
    // may have set; earlier segments did not run if this one is entered.
    Entered = B.arith(ir::OpKind::Or, {Entered, Match});
    StmtEffects Eff;
    for (size_t J = K; J-- > 0;) {
      for (const Stmt *St : Segments[J].Stmts)
        collectEffects(St, Eff);
      if (Fresh[J])
        break;
    }
    llvm::SmallVector<LocalVar *, 3> MaySet;
    if (Eff.MayReturn)
      MaySet.push_back(RetFlag);
    if (Eff.MayBreak)
      MaySet.push_back(BreakFlag);
    if (Eff.MayContinue && ContinueFlag)
      MaySet.push_back(ContinueFlag);
    FlagTest T = testFlags(MaySet);
    if (T.AnySet)
      break;
    ir::Value *Cond = Entered;
    if (!T.Unknown.empty())
      Cond = B.arith(ir::OpKind::And, {Cond, B.logicalNot(anyOf(T.Unknown))});
    buildGuarded(Cond, activeFlags(), [&] { lowerList(Seg.Stmts); });
  }
  Vals.erase(BreakFlag);
  BreakFlag = OuterBreak;
}
