//===- MemoryLowering.cpp - Addresses, pointers and arrays ----------------===//
//
// Memory in the IR is C++ memory: pointer parameters, `alloca` for local
// arrays and for scalars whose address is needed, `offset` for element
// addresses, `load` and `store`. Arrays of arrays are flattened row-major:
// `double m[3][4]` is `alloca 12` and `m[i][j]` is `offset %m, i * 4 + j`.
//
// Pointer variables are SSA values like any other local: `p++` makes a new
// `offset` value, and a loop carries the pointer. Only what a pointer points
// to lives in memory, so loops and `if`s carry no memory state; loads and
// stores stay in source evaluation order within their region.
//
// The IR type of a pointer says whether it may be written through
// (`ptr<T>`) or not (`ptr<const T>`), and has no conversion between the two
// (a call may pass ptr<T> for a ptr<const T> parameter). So a pointer value
// keeps the const-ness of where it comes from: `const double *p = a` with
// `double a[4]` is ptr<f64>. A pointer variable has one IR type: const if
// anything const is ever assigned to it (analyzeMemory).
//
//===----------------------------------------------------------------------===//
#include "AssignedVars.h"
#include "LoweringImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <cmath>

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

namespace {

/// True if the scalar under T's pointers and arrays is const.
bool pointeeIsConst(const ASTContext &Ctx, QualType T) {
  T = T.getCanonicalType();
  if (const auto *RT = T->getAs<ReferenceType>())
    T = RT->getPointeeType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return Ctx.getBaseElementType(T).isConstQualified();
}

/// A local pointer variable (not a parameter) whose pointee is const in
/// C++, i.e. that may be given const data.
bool isConstPointerLocal(const VarDecl *VD) {
  if (isa<ParmVarDecl>(VD) || !VD->hasLocalStorage())
    return false;
  QualType T = VD->getType().getCanonicalType();
  return T->isPointerType() && VD->getASTContext()
                                   .getBaseElementType(T->getPointeeType())
                                   .isConstQualified();
}

/// Collects `p = <expr>` and `T *p = <expr>` for local pointer variables to
/// const data.
class PointerAssignments : public RecursiveASTVisitor<PointerAssignments> {
public:
  std::vector<std::pair<const VarDecl *, const Expr *>> Pairs;

  bool VisitVarDecl(VarDecl *VD) {
    if (isConstPointerLocal(VD) && VD->getInit())
      Pairs.push_back({VD, VD->getInit()});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens());
    if (const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        VD && isConstPointerLocal(VD))
      Pairs.push_back({VD, BO->getRHS()});
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
};

/// True if E is a constant +0 (or false): storing it into fresh memory
/// changes nothing.
bool isZeroConstant(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return false;
  if (R.Val.isInt())
    return R.Val.getInt().isZero();
  if (R.Val.isFloat())
    return R.Val.getFloat().isPosZero();
  return false;
}

} // namespace

//===----------------------------------------------------------------------===//
// Analyses
//===----------------------------------------------------------------------===//

void FunctionLowering::analyzeMemory() {
  const Stmt *Body = FD->getBody();
  llvm::SmallPtrSet<const VarDecl *, 8> Taken;
  collectAddressTaken(Body, Taken);
  // Parameters' default arguments are not part of the body; nothing else
  // can take a parameter's address.
  MemoryVars.insert(Taken.begin(), Taken.end());

  // Const-ness of pointer variables: a fixpoint, since `p = q` makes p
  // const if q is.
  PointerAssignments PA;
  PA.TraverseStmt(const_cast<Stmt *>(Body));
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const auto &[VD, E] : PA.Pairs)
      if (!ConstPointerVars.contains(VD) && isConstRooted(E)) {
        ConstPointerVars.insert(VD);
        Changed = true;
      }
  }
}

/// A local reference bound to a temporary (`const double &r = x + 1`).
static bool bindsTemporary(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (const auto *FE = dyn_cast_or_null<FullExpr>(Init))
    Init = FE->getSubExpr();
  return Init && isa<MaterializeTemporaryExpr>(Init->IgnoreParens());
}

bool FunctionLowering::needsMemory(const VarDecl *VD) const {
  if (!MemoryVars.contains(VD))
    return false;
  QualType T = VD->getType();
  // A reference is a value of its own when it is a `const T &` parameter
  // (passed by value) or bound to a temporary; otherwise it already holds
  // an address.
  if (T->isReferenceType()) {
    if (isa<ParmVarDecl>(VD)) {
      std::optional<ParamLowering> PL = lowerParamType(Ctx, T);
      return PL && PL->K == ParamLowering::Value;
    }
    if (!bindsTemporary(VD))
      return false;
    T = T.getNonReferenceType();
  }
  std::optional<ir::Type> Ty = lowerType(Ctx, T);
  return Ty && Ty->isScalar();
}

bool FunctionLowering::isConstRooted(const Expr *E) const {
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return isConstRooted(FE->getSubExpr());
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return isConstRooted(MT->getSubExpr());
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    switch (CE->getCastKind()) {
    case CK_ArrayToPointerDecay:
    case CK_NoOp:
    case CK_LValueToRValue:
      return isConstRooted(CE->getSubExpr());
    default:
      break;
    }
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    if (!VD->hasLocalStorage())
      return false; // A constant array's local copy.
    if (needsMemory(VD))
      return false; // Its own `alloca`.
    QualType T = VD->getType().getCanonicalType();
    if (T->isReferenceType()) {
      if (isa<ParmVarDecl>(VD))
        return pointeeIsConst(Ctx, T) && T->getPointeeType()->isArrayType();
      // Bound to an lvalue: its address. (A reference to a temporary is a
      // value of its own.)
      return !bindsTemporary(VD) && VD->getInit() &&
             isConstRooted(VD->getInit());
    }
    if (T->isPointerType())
      return isa<ParmVarDecl>(VD) ? pointeeIsConst(Ctx, T)
                                  : ConstPointerVars.contains(VD);
    return false; // A local array, or a scalar in the environment.
  } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    return isConstRooted(AS->getBase());
  } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_Deref:
    case UO_AddrOf:
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec:
      return isConstRooted(UO->getSubExpr());
    default:
      break;
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_Add:
    case BO_Sub:
      return isConstRooted(BO->getLHS()->getType()->isPointerType()
                               ? BO->getLHS()
                               : BO->getRHS());
    case BO_Comma:
      return isConstRooted(BO->getRHS());
    default:
      if (BO->isAssignmentOp())
        return isConstRooted(BO->getLHS());
      break;
    }
  } else if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    return isConstRooted(CO->getTrueExpr()) ||
           isConstRooted(CO->getFalseExpr());
  }
  // Anything else (calls, unsupported forms) has the const of its type.
  QualType T = E->getType();
  return T->isPointerType() ? pointeeIsConst(Ctx, T)
                            : Ctx.getBaseElementType(T).isConstQualified();
}

//===----------------------------------------------------------------------===//
// Addresses
//===----------------------------------------------------------------------===//

ir::Value *FunctionLowering::materialize(const Address &A) {
  if (!A.Base)
    return poison(ir::Type::ptr(ir::Type::f64()));
  ir::Value *I = A.Index;
  if (!I && A.Const == 0)
    return A.Base;
  if (!I) {
    bool Small = A.Const >= INT32_MIN && A.Const <= INT32_MAX;
    I = constantInt(Small ? ir::Type::i32() : ir::Type::i64(), A.Const);
  } else if (A.Const > 0) {
    I = B.add(I, constantInt(I->getType(), A.Const));
  } else if (A.Const < 0) {
    I = B.sub(I, constantInt(I->getType(), -A.Const));
  }
  return B.offset(A.Base, I);
}

FunctionLowering::IndexValue FunctionLowering::lowerIndex(const Expr *E) {
  // A constant index folds into the address without an operation.
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx) && !R.HasSideEffects &&
      R.Val.getInt().getSignificantBits() <= 64)
    return {nullptr, R.Val.getInt().getExtValue()};
  ir::Value *V = lowerExpr(E);
  if (V && V->getType().isInteger())
    return {V, 0};
  if (V && V->getType().isBool())
    return {B.cast(V, ir::Type::i32()), 0};
  ++Failures; // Only after an error.
  return {nullptr, 0};
}

void FunctionLowering::addIndex(Address &A, IndexValue N, uint64_t Stride,
                                bool Neg) {
  int64_t S = static_cast<int64_t>(Stride);
  if (!N.V) {
    A.Const += (Neg ? -N.C : N.C) * S;
    return;
  }
  // i64 if either part is.
  ir::Type Ty = (A.Index && A.Index->getType() == ir::Type::i64()) ||
                        N.V->getType() == ir::Type::i64() || S > INT32_MAX
                    ? ir::Type::i64()
                    : ir::Type::i32();
  ir::Value *Scaled = B.cast(N.V, Ty);
  if (S != 1)
    Scaled = B.mul(Scaled, constantInt(Ty, S));
  if (!A.Index) {
    A.Index = Neg ? B.neg(Scaled) : Scaled;
    return;
  }
  A.Index = B.arith(Neg ? ir::OpKind::Sub : ir::OpKind::Add,
                    {B.cast(A.Index, Ty), Scaled});
}

FunctionLowering::Address FunctionLowering::lowerPointer(const Expr *E) {
  E = E->IgnoreParens();
  LocScope L(*this, E->getExprLoc());
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    if (CE->getCastKind() == CK_ArrayToPointerDecay) {
      LValue LV = lowerLValue(CE->getSubExpr(), Access::Read);
      if (!LV)
        return {};
      if (!LV.isMemory()) {
        if (LV.Var->Poisoned)
          ++Failures; // Its type was reported.
        else
          error(E->getExprLoc(), Msg::InternalError,
                {"an array is not in memory"});
        return {};
      }
      return LV.Addr;
    }
    if (CE->getCastKind() == CK_NoOp) {
      // Adding const needs nothing; removing it (const_cast) cannot be
      // expressed when the pointer is const in the IR.
      if (!pointeeIsConst(Ctx, E->getType()) &&
          isConstRooted(CE->getSubExpr())) {
        unsupportedExpr(E, Construct::CastAwayConst);
        return {};
      }
      return lowerPointer(CE->getSubExpr());
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    const Expr *Sub = UO->getSubExpr();
    LValue LV = lowerLValue(Sub, Access::Read);
    if (!LV)
      return {};
    if (!LV.isMemory()) {
      const auto *DRE = dyn_cast<DeclRefExpr>(Sub->IgnoreParenImpCasts());
      unsupportedExpr(E, Construct::AddressOf,
                      DRE ? DRE->getDecl()->getNameAsString()
                          : "an expression");
      return {};
    }
    return LV.Addr;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) &&
      E->getType()->isPointerType()) {
    // Operands in source order; the pointer may be either (`2 + p`).
    bool PtrFirst = BO->getLHS()->getType()->isPointerType();
    const Expr *PtrE = PtrFirst ? BO->getLHS() : BO->getRHS();
    const Expr *IdxE = PtrFirst ? BO->getRHS() : BO->getLHS();
    Address P;
    IndexValue N;
    if (PtrFirst) {
      P = lowerPointer(PtrE);
      N = lowerIndex(IdxE);
    } else {
      N = lowerIndex(IdxE);
      P = lowerPointer(PtrE);
    }
    if (!P.Base)
      return {};
    addIndex(P, N, scalarCount(Ctx, PtrE->getType()->getPointeeType()),
             BO->getOpcode() == BO_Sub);
    return P;
  }
  ir::Value *V = lowerExpr(E);
  if (!V || !V->getType().isPointer())
    return {}; // Reported.
  return {V, nullptr, 0};
}

FunctionLowering::LValue
FunctionLowering::lowerSubscript(const ArraySubscriptExpr *E) {
  // C++17: in E1[E2], E1 is sequenced before E2; the pointer may be either.
  const Expr *PtrE = E->getBase(), *IdxE = E->getIdx();
  bool PtrFirst = PtrE == E->getLHS();
  Address P;
  IndexValue N;
  if (PtrFirst) {
    P = lowerPointer(PtrE);
    N = lowerIndex(IdxE);
  } else {
    N = lowerIndex(IdxE);
    P = lowerPointer(PtrE);
  }
  if (!P.Base)
    return {};
  LocScope L(*this, E->getExprLoc());
  // The element may itself be an array (`m[i]` of `double m[3][4]`): then
  // the address stays symbolic, so `m[i][j]` is one offset.
  addIndex(P, N, scalarCount(Ctx, E->getType()), /*Neg=*/false);
  if (E->getType()->isArrayType())
    return LValue::memory(P, /*IsArray=*/true);
  return LValue::memory({materialize(P), nullptr, 0});
}

//===----------------------------------------------------------------------===//
// Arrays
//===----------------------------------------------------------------------===//

void FunctionLowering::lowerArrayInit(ir::Value *Base, const Expr *Init,
                                      QualType T, uint64_t Offset) {
  Init = Init->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(Init))
    return lowerArrayInit(Base, FE->getSubExpr(), T, Offset);
  // Fresh memory is zero: value-initialized elements need no store.
  if (isa<ImplicitValueInitExpr, CXXScalarValueInitExpr>(Init))
    return;
  if (const auto *IL = dyn_cast<InitListExpr>(Init)) {
    if (const ArrayType *AT = Ctx.getAsArrayType(T)) {
      QualType ElemT = AT->getElementType();
      uint64_t Count = scalarCount(Ctx, ElemT);
      for (unsigned I = 0; I != IL->getNumInits(); ++I)
        lowerArrayInit(Base, IL->getInit(I), ElemT, Offset + I * Count);
      // The array filler, if any, value-initializes the rest: zero.
      return;
    }
    // A scalar in braces.
    if (IL->getNumInits() == 0)
      return;
    return lowerArrayInit(Base, IL->getInit(0), T, Offset);
  }
  if (T->isArrayType()) {
    unsupportedExpr(Init, Construct::OtherExpr, Init->getStmtClassName());
    return;
  }
  // Storing a constant +0 into fresh memory changes nothing.
  if (isZeroConstant(Init, Ctx))
    return;
  LocScope L(*this, Init->getExprLoc());
  ir::Value *V = lowerExprAs(Init, Base->getType().getElementType());
  B.store(V, materialize(Address{Base, nullptr, static_cast<int64_t>(Offset)}));
}

ir::Value *FunctionLowering::constantArray(const VarDecl *VD) {
  auto It = ConstantArrays.find(VD);
  if (It != ConstantArrays.end())
    return It->second;
  QualType T = VD->getType();
  std::optional<ir::Type> Ty = lowerType(Ctx, T);
  if (!T->isConstantArrayType() || !Ty || !T.isConstQualified() ||
      !VD->getAnyInitializer())
    return nullptr;
  const APValue *Val = VD->evaluateValue();
  if (!Val || !Val->isArray())
    return nullptr;
  // Flatten the constant, row-major.
  llvm::SmallVector<const APValue *, 16> Elems;
  bool OK = true;
  auto Flatten = [&](auto &&Self, const APValue &V, QualType ET) -> void {
    if (const auto *CAT =
            dyn_cast_or_null<ConstantArrayType>(Ctx.getAsArrayType(ET));
        CAT && V.isArray()) {
      for (uint64_t I = 0, N = CAT->getZExtSize(); I != N; ++I)
        Self(Self,
             I < V.getArrayInitializedElts() ? V.getArrayInitializedElt(I)
                                             : V.getArrayFiller(),
             CAT->getElementType());
      return;
    }
    // Only a float array holds floats.
    if (!V.isInt() && !(V.isFloat() && Ty->getElementType().isFloat()))
      OK = false;
    Elems.push_back(&V);
  };
  Flatten(Flatten, *Val, T);
  if (!OK || Elems.empty())
    return nullptr;

  // At the function's entry, so every use sees it, whatever the region
  // being built; after the parameters' copies and earlier constant arrays.
  ir::Builder EB;
  EB.setInsertionPoint(F->getBody(), EntryPos);
  {
    LocScope L(*this, VD->getLocation());
    EB.setLoc(B.getLoc());
  }
  size_t Before = F->getBody().size();
  ir::Type Elem = Ty->getElementType();
  ir::Value *Mem = EB.localAlloc(Elem, Elems.size());
  Mem->setName(VD->getName());
  auto Const = [&](ir::Type CT, double D, int64_t I) {
    ir::Operation *Op = EB.create(ir::OpKind::Constant, {}, {CT});
    if (CT.isFloat())
      Op->setFloatAttr(D);
    else
      Op->setIntAttr(CT.isBool() ? I != 0 : I);
    return Op->getResult();
  };
  for (size_t I = 0; I != Elems.size(); ++I) {
    const APValue &V = *Elems[I];
    double D;
    int64_t N;
    if (V.isFloat()) {
      llvm::APFloat FV = V.getFloat();
      bool LosesInfo;
      FV.convert(llvm::APFloat::IEEEdouble(),
                 llvm::APFloat::rmNearestTiesToEven, &LosesInfo);
      D = FV.convertToDouble();
      N = 0;
    } else {
      N = V.getInt().getExtValue();
      D = static_cast<double>(N);
    }
    if (D == 0 && !std::signbit(D) && N == 0)
      continue; // Fresh memory is zero.
    ir::Value *Addr = Mem;
    if (I)
      Addr = EB.offset(Mem, Const(ir::Type::i32(), 0, static_cast<int64_t>(I)));
    EB.store(Const(Elem, D, N), Addr);
  }
  EntryPos += F->getBody().size() - Before;
  ConstantArrays[VD] = Mem;
  return Mem;
}

//===----------------------------------------------------------------------===//
// Aliasing
//===----------------------------------------------------------------------===//

/// The variable an argument passes as a whole: `a` (an array or pointer
/// variable, decayed) or `&x`; null for anything with an offset.
static const VarDecl *wholeVariable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

void FunctionLowering::checkAliasing(const CallExpr *E,
                                     const FunctionDecl *Callee) {
  unsigned N = std::min(E->getNumArgs(), Callee->getNumParams());
  auto Memory = [&](unsigned I, bool &Written) {
    QualType PT = Callee->getParamDecl(I)->getType().getCanonicalType();
    bool IsRef = PT->isLValueReferenceType() &&
                 (!PT->getPointeeType().isConstQualified() ||
                  PT->getPointeeType()->isArrayType());
    if (!PT->isPointerType() && !IsRef)
      return false;
    Written = !pointeeIsConst(Ctx, PT);
    return true;
  };
  for (unsigned I = 0; I != N; ++I) {
    bool WI;
    const VarDecl *VI = wholeVariable(E->getArg(I));
    if (!VI || !Memory(I, WI))
      continue;
    for (unsigned J = I + 1; J != N; ++J) {
      bool WJ;
      if (wholeVariable(E->getArg(J)) != VI || !Memory(J, WJ) || !(WI || WJ))
        continue;
      unsupported(E->getArg(J)->getExprLoc(), Construct::AliasedArguments,
                  "'" + VI->getName().str() + "' to two parameters of '" +
                      MC.displayName(Callee) + "'");
      return;
    }
  }
}
