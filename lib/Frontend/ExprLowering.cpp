//===- ExprLowering.cpp - Expressions -------------------------------------===//
//
// Expressions lower to values of their C++ type. Lvalues designate locals
// or memory (lowerLValue): assignments and increments rebind a local in the
// environment, or store. Constant subexpressions are folded with Clang's
// evaluator, which also reads `constexpr` globals. Operands that may have
// effects are never evaluated speculatively: `&&`, `||` and `?:` then become
// `if`.
//
//===----------------------------------------------------------------------===//
#include "AssignedVars.h"
#include "LoweringImpl.h"
#include "MathFunctions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/OperationKinds.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

namespace {

/// Expressions that are unsupported whatever their type, with the name the
/// message shows.
std::optional<Construct> classifyUnsupported(const Expr *E, std::string &Name) {
  E = E->IgnoreParens();
  if (isa<LambdaExpr>(E))
    return Construct::Lambda;
  if (isa<CXXThrowExpr>(E))
    return Construct::Throw;
  if (isa<CXXNewExpr>(E))
    return Construct::New;
  if (isa<CXXDeleteExpr>(E))
    return Construct::Delete;
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return Construct::NullPointer;
  if (isa<CXXThisExpr>(E))
    return Construct::This;
  if (isa<StringLiteral>(E))
    return Construct::StringLiteral;
  if (isa<StmtExpr>(E))
    return Construct::StatementExpr;
  if (isa<CoroutineSuspendExpr>(E))
    return Construct::Coroutine;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    Name = ME->getMemberDecl()->getNameAsString();
    return Construct::MemberAccess;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      Name = MD->getQualifiedNameAsString();
    return Construct::MemberCall;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    const CXXRecordDecl *Object =
        OC->getNumArgs() ? OC->getArg(0)->getType()->getAsCXXRecordDecl()
                         : nullptr;
    if (Object && Object->isLambda())
      return Construct::Lambda;
    Name = std::string("operator") + getOperatorSpelling(OC->getOperator());
    return Construct::OperatorCall;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Not) {
      Name = "~";
      return Construct::BitwiseOp;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_And:
    case BO_Or:
    case BO_Xor:
    case BO_Shl:
    case BO_Shr:
    case BO_AndAssign:
    case BO_OrAssign:
    case BO_XorAssign:
    case BO_ShlAssign:
    case BO_ShrAssign:
      Name = BO->getOpcodeStr().str();
      return Construct::BitwiseOp;
    case BO_Cmp:
      return Construct::Spaceship;
    default:
      break;
    }
  }
  return std::nullopt;
}

/// Float and double constants convert exactly.
double toDouble(llvm::APFloat F) {
  bool LosesInfo;
  F.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven,
            &LosesInfo);
  return F.convertToDouble();
}

std::optional<ir::OpKind> arithKind(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_Add:
  case BO_AddAssign:
    return ir::OpKind::Add;
  case BO_Sub:
  case BO_SubAssign:
    return ir::OpKind::Sub;
  case BO_Mul:
  case BO_MulAssign:
    return ir::OpKind::Mul;
  case BO_Div:
  case BO_DivAssign:
    return ir::OpKind::Div;
  case BO_Rem:
  case BO_RemAssign:
    return ir::OpKind::Rem;
  default:
    return std::nullopt;
  }
}

std::optional<ir::CmpPred> cmpPred(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_EQ:
    return ir::CmpPred::EQ;
  case BO_NE:
    return ir::CmpPred::NE;
  case BO_LT:
    return ir::CmpPred::LT;
  case BO_LE:
    return ir::CmpPred::LE;
  case BO_GT:
    return ir::CmpPred::GT;
  case BO_GE:
    return ir::CmpPred::GE;
  default:
    return std::nullopt;
  }
}

} // namespace

bool FunctionLowering::usesPoisonedVar(const Expr *E) const {
  if (!E)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (LocalVar *V = lookupVar(VD))
        return V->Poisoned;
  for (const Stmt *Child : E->children())
    if (usesPoisonedVar(dyn_cast_or_null<Expr>(Child)))
      return true;
  return false;
}

void FunctionLowering::unsupportedExpr(const Expr *E, Construct C,
                                       llvm::StringRef Name) {
  if (usesPoisonedVar(E)) {
    ++Failures;
    return;
  }
  unsupported(E->getExprLoc(), C, Name);
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

ir::Value *FunctionLowering::lowerExprAs(const Expr *E, ir::Type Ty) {
  {
    LocScope L(*this, E->getExprLoc());
    if (ir::Value *C = tryFold(E, Ty))
      return C;
  }
  ir::Value *V = lowerExpr(E);
  if (!V) {
    // A void expression where a value is needed: only after an error.
    ++Failures;
    return poison(Ty);
  }
  return convert(V, Ty);
}

ir::Value *FunctionLowering::convert(ir::Value *V, ir::Type Ty) {
  if (!Ty.isPointer() && !V->getType().isPointer())
    return B.cast(V, Ty);
  ir::Type From = V->getType();
  if (From == Ty || (From.isPointer() && Ty.isConstPointer() &&
                     From.getElementType() == Ty.getElementType()))
    return V;
  // C++ type checking leaves no other pointer conversion: only after an
  // error (a poisoned value) or a cast reported already.
  ++Failures;
  return poison(Ty);
}

void FunctionLowering::lowerDiscarded(const Expr *E) {
  // Nothing to do for a discarded expression without effects (`(void)x;`).
  if (!E->HasSideEffects(Ctx))
    return;
  if (E->isGLValue())
    lowerLValue(E, Access::Read);
  else
    lowerExpr(E);
}

ir::Value *FunctionLowering::lowerExpr(const Expr *E) {
  LocScope L(*this, E->getExprLoc());
  QualType T = E->getType();
  std::optional<ir::Type> Ty = lowerType(Ctx, T);

  if (E->isGLValue()) {
    // `c ? x : y` on lvalues, read: a conditional read of either.
    if (const auto *CO = dyn_cast<ConditionalOperator>(E->IgnoreParens());
        CO && Ty)
      return lowerConditional(CO, *Ty);
    // A temporary bound to a `const T &` parameter: its value.
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E->IgnoreParens()))
      return lowerExpr(MT->getSubExpr());
    LValue LV = lowerLValue(E, Access::Read);
    if (!LV)
      return poison(Ty.value_or(ir::Type::f64()));
    return readLValue(LV);
  }

  if (!Ty && !T->isVoidType()) {
    // A call says more about itself (long double std::sin, a library call,
    // a callee's own errors) than its type does.
    if (const auto *CE = dyn_cast<CallExpr>(E->IgnoreParens())) {
      unsigned Before = Failures;
      lowerCall(CE);
      if (Failures == Before)
        unsupportedType(E->getExprLoc(), "this call", T);
      return poison(ir::Type::f64());
    }
    std::string Name;
    if (std::optional<Construct> C = classifyUnsupported(E, Name))
      unsupportedExpr(E, *C, Name);
    else if (usesPoisonedVar(E))
      ++Failures;
    else
      unsupportedType(E->getExprLoc(), "this expression", T);
    return poison(ir::Type::f64());
  }

  if (Ty)
    if (ir::Value *C = tryFold(E, *Ty))
      return C;

  // Pointer arithmetic, `&lvalue` and array decay: one address.
  if (Ty && Ty->isPointer()) {
    const Expr *S = E->IgnoreParens();
    const auto *CE = dyn_cast<CastExpr>(S);
    const auto *BO = dyn_cast<BinaryOperator>(S);
    const auto *UO = dyn_cast<UnaryOperator>(S);
    if ((CE && (CE->getCastKind() == CK_ArrayToPointerDecay ||
                CE->getCastKind() == CK_NoOp)) ||
        (BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) ||
        (UO && UO->getOpcode() == UO_AddrOf))
      return materialize(lowerPointer(S));
  }

  if (const auto *PE = dyn_cast<ParenExpr>(E))
    return lowerExpr(PE->getSubExpr());
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return lowerExpr(FE->getSubExpr());
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return lowerCast(CE, Ty.value_or(ir::Type::voidTy()));
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return lowerBinary(BO, Ty.value_or(ir::Type::voidTy()));
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return lowerConditional(CO, Ty.value_or(ir::Type::voidTy()));
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return lowerCall(CE);
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
    return lowerExpr(DA->getExpr());
  if (const auto *SN = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return lowerExpr(SN->getReplacement());

  if (Ty) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      return lowerUnary(UO, *Ty);
    if (isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(E))
      return constant(*Ty, 0);
    if (const auto *IL = dyn_cast<InitListExpr>(E))
      return IL->getNumInits() ? lowerExprAs(IL->getInit(0), *Ty)
                               : constant(*Ty, 0);
  }

  std::string Name;
  std::optional<Construct> C = classifyUnsupported(E, Name);
  if (!C) {
    C = Construct::OtherExpr;
    Name = E->getStmtClassName();
  }
  unsupportedExpr(E, *C, Name);
  return Ty ? poison(*Ty) : nullptr;
}

ir::Value *FunctionLowering::tryFold(const Expr *E, ir::Type Ty) {
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors() ||
      !E->isPRValue())
    return nullptr;
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return nullptr;
  // Convert to Ty as C++ would, so `pow(x, 2)` gets the constant 2.0.
  if (R.Val.isInt()) {
    const llvm::APSInt &I = R.Val.getInt();
    if (Ty.isBool())
      return constantInt(Ty, !I.isZero());
    if (Ty.isInteger())
      return constantInt(Ty, I.extOrTrunc(Ty.bitWidth()).getSExtValue());
    llvm::APFloat F(Ty == ir::Type::f32() ? llvm::APFloat::IEEEsingle()
                                          : llvm::APFloat::IEEEdouble());
    F.convertFromAPInt(I, I.isSigned(), llvm::APFloat::rmNearestTiesToEven);
    return constant(Ty, toDouble(F));
  }
  if (R.Val.isFloat()) {
    llvm::APFloat F = R.Val.getFloat();
    if (Ty.isBool())
      return constantInt(Ty, !F.isZero());
    if (Ty.isInteger()) {
      llvm::APSInt I(Ty.bitWidth(), /*isUnsigned=*/false);
      bool Exact;
      if (F.convertToInteger(I, llvm::APFloat::rmTowardZero, &Exact) &
          llvm::APFloat::opInvalidOp)
        return nullptr; // Out of range: leave it to the program.
      return constantInt(Ty, I.getSExtValue());
    }
    bool LosesInfo;
    F.convert(Ty == ir::Type::f32() ? llvm::APFloat::IEEEsingle()
                                    : llvm::APFloat::IEEEdouble(),
              llvm::APFloat::rmNearestTiesToEven, &LosesInfo);
    return constant(Ty, toDouble(F));
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Lvalues: locals, assignments, increments
//===----------------------------------------------------------------------===//

void FunctionLowering::assign(LocalVar *V, ir::Value *Val, SourceLocation Loc) {
  if (V->Poisoned)
    return;
  if (V->Ty.isPointer() || Val->getType().isPointer()) {
    // A pointer variable is ptr<T> or ptr<const T> for its whole life (see
    // isConstRooted); the IR cannot turn one into the other.
    if (Val->getType() != V->Ty) {
      unsupported(Loc.isValid() ? Loc
                  : V->Decl     ? V->Decl->getLocation()
                                : FD->getLocation(),
                  Construct::MixedConstPointer, V->Name);
      V->Poisoned = true; // Its uses are not reported again.
      return;
    }
    return write(V, Val);
  }
  write(V, B.cast(Val, V->Ty));
}

ir::Value *FunctionLowering::readLValue(const LValue &LV) {
  if (LV.Var)
    return read(LV.Var);
  if (LV.IsArray) {
    error(FD->getLocation(), Msg::InternalError,
          {"an array is read as a scalar"});
    return poison(ir::Type::f64());
  }
  return B.load(LV.Addr.Base);
}

void FunctionLowering::writeLValue(const LValue &LV, ir::Value *V,
                                   SourceLocation Loc) {
  if (LV.Var)
    return assign(LV.Var, V, Loc);
  ir::Value *P = LV.Addr.Base;
  if (LV.IsArray || P->getType().isConstPointer()) {
    error(Loc, Msg::InternalError, {"a store to an array or to const data"});
    return;
  }
  B.store(convert(V, P->getType().getElementType()), P);
}

ir::Value *FunctionLowering::stepByOne(ir::Value *Old, QualType T, bool Inc) {
  if (T->isPointerType()) {
    int64_t Stride = scalarCount(Ctx, T->getPointeeType());
    return materialize(Address{Old, nullptr, Inc ? Stride : -Stride});
  }
  return B.arith(Inc ? ir::OpKind::Add : ir::OpKind::Sub,
                 {Old, constant(Old->getType(), 1)});
}

FunctionLowering::LValue FunctionLowering::lowerLValue(const Expr *E,
                                                       Access A) {
  E = E->IgnoreParens();
  LocScope L(*this, E->getExprLoc());

  if (const auto *FE = dyn_cast<FullExpr>(E))
    return lowerLValue(FE->getSubExpr(), A);
  if (const auto *CE = dyn_cast<CastExpr>(E);
      CE && CE->getCastKind() == CK_NoOp)
    return lowerLValue(CE->getSubExpr(), A);

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (isa<BindingDecl>(DRE->getDecl())) {
      ++Failures; // Reported at the structured binding.
      return {};
    }
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD) {
      unsupportedExpr(E, Construct::OtherExpr,
                      DRE->getDecl()->getNameAsString());
      return {};
    }
    if (!VD->hasLocalStorage()) {
      // A constant array, indexed at run time: a local copy.
      if (A == Access::Read)
        if (ir::Value *Mem = constantArray(VD))
          return LValue::memory({Mem, nullptr, 0}, /*IsArray=*/true);
      if (VD->isStaticLocal()) {
        ++Failures; // Reported at its declaration.
        return {};
      }
      unsupported(E->getExprLoc(),
                  A == Access::Write ? Construct::GlobalWrite
                                     : Construct::GlobalRead,
                  VD->getName());
      return {};
    }
    LocalVar *V = lookupVar(VD);
    if (!V) {
      unsupported(E->getExprLoc(), Construct::CapturedVar, VD->getName());
      return {};
    }
    if (V->inMemory() && !V->Poisoned)
      return LValue::memory({read(V), nullptr, 0}, V->Store == Storage::Array);
    return LValue::local(V);
  }

  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return lowerSubscript(AS);

  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref) {
    Address Ad = lowerPointer(UO->getSubExpr());
    if (!Ad.Base)
      return {};
    if (E->getType()->isArrayType())
      return LValue::memory(Ad, /*IsArray=*/true);
    return LValue::memory({materialize(Ad), nullptr, 0});
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    BinaryOperatorKind Op = BO->getOpcode();
    if (Op == BO_Comma) {
      lowerDiscarded(BO->getLHS());
      return lowerLValue(BO->getRHS(), A);
    }
    if (Op == BO_Assign) {
      // C++17: the right operand is sequenced before the left.
      unsigned Before = Failures;
      ir::Value *R = lowerExpr(BO->getRHS());
      LValue LV = lowerLValue(BO->getLHS(), Access::Write);
      // A pointer that failed to lower is not assigned: its stand-in would
      // only add errors.
      if (LV && R && (Failures == Before || !R->getType().isPointer()))
        writeLValue(LV, R, BO->getOperatorLoc());
      return LV;
    }
    if (const auto *CA = dyn_cast<CompoundAssignOperator>(BO)) {
      std::optional<ir::OpKind> K = arithKind(Op);
      if (!K) {
        unsupportedExpr(E, Construct::BitwiseOp, BO->getOpcodeStr());
        return {};
      }
      QualType LT = CA->getLHS()->getType();
      if (LT->isPointerType()) {
        // p += n, p -= n.
        IndexValue N = lowerIndex(CA->getRHS());
        LValue LV = lowerLValue(CA->getLHS(), Access::Write);
        if (!LV || (LV.Var && LV.Var->Poisoned))
          return LV;
        Address P{readLValue(LV), nullptr, 0};
        addIndex(P, N, scalarCount(Ctx, LT->getPointeeType()),
                 Op == BO_SubAssign);
        writeLValue(LV, materialize(P), BO->getOperatorLoc());
        return LV;
      }
      ir::Value *R = lowerExpr(CA->getRHS());
      LValue LV = lowerLValue(CA->getLHS(), Access::Write);
      if (!LV || !R)
        return LV;
      std::optional<ir::Type> LTy = lowerType(Ctx, CA->getComputationLHSType());
      std::optional<ir::Type> RTy =
          lowerType(Ctx, CA->getComputationResultType());
      if (!LTy || !RTy) {
        if (!(LV.Var && LV.Var->Poisoned))
          unsupportedType(BO->getOperatorLoc(), "this compound assignment",
                          CA->getComputationResultType());
        return LV;
      }
      ir::Value *Lhs = B.cast(B.cast(readLValue(LV), *LTy), *RTy);
      writeLValue(LV, B.arith(*K, {Lhs, B.cast(R, *RTy)}),
                  BO->getOperatorLoc());
      return LV;
    }
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->isPrefix() && UO->isIncrementDecrementOp()) {
    LValue LV = lowerLValue(UO->getSubExpr(), Access::Write);
    if (LV && !(LV.Var && LV.Var->Poisoned))
      writeLValue(LV,
                  stepByOne(readLValue(LV), UO->getSubExpr()->getType(),
                            UO->isIncrementOp()),
                  UO->getOperatorLoc());
    return LV;
  }

  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    // A call returning a reference (std::max): rejected by lowerCall or by
    // lowering the callee.
    unsigned Before = Failures;
    lowerCall(CE);
    if (Failures == Before)
      unsupportedType(E->getExprLoc(), "this call", CE->getCallReturnType(Ctx));
    return {};
  }

  if (isa<ConditionalOperator>(E)) {
    unsupportedExpr(E, Construct::ConditionalLValue);
    return {};
  }
  std::string Name;
  if (std::optional<Construct> C = classifyUnsupported(E, Name))
    unsupportedExpr(E, *C, Name);
  else
    unsupportedExpr(E, Construct::UnsupportedLValue);
  return {};
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// The value of a non-local constant with a constant initializer.
static std::optional<APValue> globalConstant(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->hasLocalStorage() || !VD->getType().isConstQualified() ||
      !VD->getAnyInitializer())
    return std::nullopt;
  if (const APValue *V = VD->evaluateValue())
    return *V;
  return std::nullopt;
}

ir::Value *FunctionLowering::lowerCast(const CastExpr *E, ir::Type Ty) {
  const Expr *Sub = E->getSubExpr();
  switch (E->getCastKind()) {
  case CK_LValueToRValue: {
    // `c ? x : y` on lvalues reads one of them.
    if (const auto *CO = dyn_cast<ConditionalOperator>(Sub->IgnoreParens()))
      return lowerConditional(CO, Ty);
    // std::max and std::min return a reference to an argument; reading it
    // reads the value.
    if (std::optional<StdMinMax> MM = matchStdMinMax(Sub))
      return convert(lowerMinMax(*MM), Ty);
    if (std::optional<APValue> C = globalConstant(Sub)) {
      if (C->isFloat() && Ty.isFloat())
        return constant(Ty, toDouble(C->getFloat()));
      if (C->isInt() && !Ty.isFloat())
        return constantInt(Ty, C->getInt().getExtValue());
    }
    LValue LV = lowerLValue(Sub, Access::Read);
    return LV ? convert(readLValue(LV), Ty) : poison(Ty);
  }
  case CK_NoOp:
    return lowerExprAs(Sub, Ty);
  case CK_ArrayToPointerDecay:
    return materialize(lowerPointer(E));
  case CK_NullToPointer:
    unsupportedExpr(E, Construct::NullPointer);
    return poison(Ty);
  case CK_PointerToBoolean:
    unsupportedExpr(E, Construct::PointerTest);
    return poison(Ty);
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
    return lowerExprAs(Sub, Ty);
  case CK_BooleanToSignedIntegral:
    return B.neg(lowerExprAs(Sub, Ty));
  case CK_ToVoid:
    lowerDiscarded(Sub);
    return nullptr;
  default: {
    std::string Name;
    if (std::optional<Construct> C = classifyUnsupported(Sub, Name)) {
      unsupportedExpr(Sub, *C, Name);
    } else {
      std::string From = Sub->getType().getAsString(MC.NamePolicy);
      std::string To = E->getType().getAsString(MC.NamePolicy);
      unsupportedExpr(E, Construct::UnsupportedCast,
                      "from '" + From + "' to '" + To + "'");
    }
    return Ty.isVoid() ? nullptr : poison(Ty);
  }
  }
}

ir::Value *FunctionLowering::lowerBinary(const BinaryOperator *E, ir::Type Ty) {
  BinaryOperatorKind Op = E->getOpcode();
  if (Op == BO_Comma) {
    lowerDiscarded(E->getLHS());
    return lowerExpr(E->getRHS());
  }
  if (Op == BO_LAnd || Op == BO_LOr)
    return lowerLogical(E);
  bool PointerOperands = E->getLHS()->getType()->isPointerType() ||
                         E->getRHS()->getType()->isPointerType() ||
                         E->getLHS()->getType()->isNullPtrType();
  if (PointerOperands && cmpPred(Op)) {
    unsupportedExpr(E, Construct::PointerCompare);
    return poison(Ty);
  }
  if (PointerOperands && Op == BO_Sub && !Ty.isPointer()) {
    unsupportedExpr(E, Construct::PointerDifference);
    return poison(Ty);
  }
  if (Ty.isPointer())
    return materialize(lowerPointer(E));
  if (std::optional<ir::OpKind> K = arithKind(Op); K && !Ty.isVoid()) {
    // Usual arithmetic conversions already gave both operands type Ty.
    ir::Value *L = lowerExprAs(E->getLHS(), Ty);
    ir::Value *R = lowerExprAs(E->getRHS(), Ty);
    return B.arith(*K, {L, R});
  }
  if (std::optional<ir::CmpPred> P = cmpPred(Op)) {
    ir::Value *L = lowerExpr(E->getLHS());
    if (!L)
      return poison(ir::Type::i1());
    ir::Value *R = lowerExprAs(E->getRHS(), L->getType());
    return B.cmp(*P, L, R);
  }
  std::string Name;
  std::optional<Construct> C = classifyUnsupported(E, Name);
  unsupportedExpr(E, C.value_or(Construct::OtherExpr),
                  C ? Name : std::string(E->getOpcodeStr()));
  return Ty.isVoid() ? nullptr : poison(Ty);
}

ir::Value *FunctionLowering::lowerLogical(const BinaryOperator *E) {
  bool IsAnd = E->getOpcode() == BO_LAnd;
  ir::Type I1 = ir::Type::i1();
  ir::Value *L = lowerExprAs(E->getLHS(), I1);
  if (!mayHaveEffects(E->getRHS()))
    return B.arith(IsAnd ? ir::OpKind::And : ir::OpKind::Or,
                   {L, lowerExprAs(E->getRHS(), I1)});
  // Short-circuit: the right operand runs only if it decides the result.
  auto Rhs = [&] { return ValueList{lowerExprAs(E->getRHS(), I1)}; };
  auto Known = [&] { return ValueList{constantInt(I1, IsAnd ? 0 : 1)}; };
  return IsAnd ? buildIf(L, {I1}, Rhs, Known)[0]
               : buildIf(L, {I1}, Known, Rhs)[0];
}

ir::Value *FunctionLowering::lowerUnary(const UnaryOperator *E, ir::Type Ty) {
  const Expr *Sub = E->getSubExpr();
  switch (E->getOpcode()) {
  case UO_Minus:
    return B.neg(lowerExprAs(Sub, Ty));
  case UO_Plus:
  case UO_Extension:
    return lowerExprAs(Sub, Ty);
  case UO_LNot:
    return B.logicalNot(lowerExprAs(Sub, ir::Type::i1()));
  case UO_PostInc:
  case UO_PostDec: {
    LValue LV = lowerLValue(Sub, Access::Write);
    if (!LV || (LV.Var && LV.Var->Poisoned))
      return poison(Ty);
    ir::Value *Old = readLValue(LV);
    writeLValue(LV, stepByOne(Old, Sub->getType(), E->isIncrementOp()),
                E->getOperatorLoc());
    return convert(Old, Ty);
  }
  case UO_AddrOf:
    if (Ty.isPointer())
      return materialize(lowerPointer(E));
    [[fallthrough]];
  default: {
    std::string Name;
    std::optional<Construct> C = classifyUnsupported(E, Name);
    unsupportedExpr(
        E, C.value_or(Construct::OtherExpr),
        C ? Name : std::string(UnaryOperator::getOpcodeStr(E->getOpcode())));
    return poison(Ty);
  }
  }
}

ir::Value *
FunctionLowering::lowerConditional(const AbstractConditionalOperator *E,
                                   ir::Type Ty) {
  ir::Value *C = lowerExprAs(E->getCond(), ir::Type::i1());
  if (Ty.isVoid()) {
    buildIf(
        C, {},
        [&] {
          lowerDiscarded(E->getTrueExpr());
          return ValueList();
        },
        [&] {
          lowerDiscarded(E->getFalseExpr());
          return ValueList();
        });
    return nullptr;
  }
  if (Ty.isPointer()) {
    // Both arms must give the same IR pointer type.
    bool ConstTrue = isConstRooted(E->getTrueExpr());
    if (ConstTrue != isConstRooted(E->getFalseExpr())) {
      unsupportedExpr(E, Construct::MixedConstConditional);
      return poison(Ty);
    }
    Ty = ir::Type::ptr(Ty.getElementType(), ConstTrue);
  }
  return buildIf(
      C, {Ty}, [&] { return ValueList{lowerExprAs(E->getTrueExpr(), Ty)}; },
      [&] { return ValueList{lowerExprAs(E->getFalseExpr(), Ty)}; })[0];
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

ir::Value *FunctionLowering::lowerCall(const CallExpr *E) {
  std::optional<ir::Type> Ty = lowerType(Ctx, E->getType());
  auto Fail = [&]() -> ir::Value * { return Ty ? poison(*Ty) : nullptr; };
  std::string Name;
  if (std::optional<Construct> C = classifyUnsupported(E, Name)) {
    unsupportedExpr(E, *C, Name);
    return Fail();
  }
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    unsupportedExpr(E, Construct::IndirectCall);
    return Fail();
  }
  if (std::optional<MathFunction> M = matchMathFunction(Callee)) {
    if (!M->LongDouble)
      return lowerMathCall(E, M->Kind);
    unsupported(E->getExprLoc(), Construct::LongDoubleMath,
                MC.displayName(Callee));
    return Fail();
  }
  if (isa<CXXMethodDecl>(Callee)) {
    unsupported(E->getExprLoc(), Construct::MemberCall, MC.displayName(Callee));
    return Fail();
  }
  if (std::optional<StdMinMax> MM = matchStdMinMax(E))
    return lowerMinMax(*MM);
  const SourceManager &SM = Ctx.getSourceManager();
  if (isInStdNamespace(Callee) || Callee->getBuiltinID() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()))) {
    llvm::StringRef Id =
        Callee->getDeclName().isIdentifier() ? Callee->getName() : "";
    unsupported(E->getExprLoc(),
                Id == "max" || Id == "min" ? Construct::MinMaxCall
                                           : Construct::LibraryCall,
                MC.displayName(Callee));
    return Fail();
  }
  return lowerUserCall(E, Callee);
}

ir::Value *FunctionLowering::lowerMathCall(const CallExpr *E, ir::OpKind K) {
  // Arguments convert to the result type: std::pow(double, int) is double.
  ir::Type Ty = *lowerType(Ctx, E->getType());
  llvm::SmallVector<ir::Value *, 2> Args;
  for (const Expr *Arg : E->arguments())
    Args.push_back(lowerExprAs(Arg, Ty));
  LocScope L(*this, E->getExprLoc());
  return B.math(K, Args);
}

ir::Value *FunctionLowering::lowerMinMax(const StdMinMax &MM) {
  const CallExpr *E = MM.Call;
  ir::Type Ty = *lowerType(Ctx, E->getType());
  // An argument may itself be std::max/std::min (a clamp), bound to the
  // reference parameter as an lvalue.
  auto Arg = [&](const Expr *A) {
    if (std::optional<StdMinMax> Nested = matchStdMinMax(A))
      return convert(lowerMinMax(*Nested), Ty);
    return lowerExprAs(A, Ty);
  };
  ir::Value *First = Arg(E->getArg(0));
  ir::Value *Second = Arg(E->getArg(1));
  LocScope L(*this, E->getExprLoc());
  // As the standard specifies: max is `a < b ? b : a`, min is `b < a ? b :
  // a`; on a tie both return a, and so does the derivative.
  ir::Value *TakeSecond = MM.IsMax ? B.cmp(ir::CmpPred::LT, First, Second)
                                   : B.cmp(ir::CmpPred::LT, Second, First);
  return B.select(TakeSecond, Second, First);
}

ir::Value *FunctionLowering::lowerUserCall(const CallExpr *E,
                                           const FunctionDecl *Callee) {
  std::optional<ir::Type> Ty = lowerType(Ctx, E->getType());
  auto Fail = [&]() -> ir::Value * { return Ty ? poison(*Ty) : nullptr; };
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody()) {
    error(E->getExprLoc(), Msg::CallNoDefinition, {MC.displayName(Callee)});
    return Fail();
  }
  if (!MC.lowerCallee(Def, E->getExprLoc())) {
    ++Failures; // The callee's errors are reported already.
    return Fail();
  }
  checkAliasing(E, Def);
  llvm::SmallVector<ir::Value *, 4> Args;
  for (unsigned I = 0; I != Def->getNumParams() && I != E->getNumArgs(); ++I) {
    std::optional<ParamLowering> PL =
        lowerParamType(Ctx, Def->getParamDecl(I)->getType());
    if (!PL) { // Only in a recursive call to a function that fails.
      ++Failures;
      return Fail();
    }
    const Expr *Arg = E->getArg(I);
    if (PL->K == ParamLowering::ScalarRef || PL->K == ParamLowering::ArrayRef) {
      // Passed by reference: the argument's address.
      LValue LV = lowerLValue(Arg, Access::Write);
      if (!LV) {
        Args.push_back(poison(PL->Ty));
        continue;
      }
      if (!LV.isMemory()) {
        // analyzeMemory puts such arguments in memory.
        if (LV.Var->Poisoned)
          ++Failures;
        else
          error(Arg->getExprLoc(), Msg::InternalError,
                {"an argument passed by reference is not in memory"});
        Args.push_back(poison(PL->Ty));
        continue;
      }
      Args.push_back(materialize(LV.Addr));
      continue;
    }
    Args.push_back(lowerExprAs(Arg, PL->Ty));
  }
  LocScope L(*this, E->getExprLoc());
  llvm::SmallVector<ir::Type, 1> Results;
  if (!E->getType()->isVoidType()) {
    if (!Ty) {
      ++Failures;
      return nullptr;
    }
    Results.push_back(*Ty);
  }
  ir::Operation *Call = B.call(MC.irName(Def), Args, Results);
  return Results.empty() ? nullptr : Call->getResult();
}
