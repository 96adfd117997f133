//===- DerivativeRules.cpp - One derivative rule per primitive ------------===//
//
// Notation: x(i) primal operands, y() the primal result, dx(i) operand
// tangents. Rules reuse y() where that saves work (d exp(x) = exp(x) dx).
//
// Functions that are flat almost everywhere (floor, ceil, round, trunc) have
// a zero tangent; at their jumps no derivative exists and ddx, like every AD
// tool, reports the one-sided value 0. fabs, fmin and fmax follow the branch
// the primal took (sign(0) = 0 for fabs at 0).
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/DerivativeRules.h"
#include <cassert>

using namespace ddx;
using namespace ddx::ir;

//===----------------------------------------------------------------------===//
// Terms
//===----------------------------------------------------------------------===//

Term::Term(Value *V) {
  auto Leaf = std::make_shared<Node>();
  Leaf->K = Kind::Leaf;
  Leaf->V = V;
  N = std::move(Leaf);
}

Term Term::constant(double C) {
  auto Const = std::make_shared<Node>();
  Const->K = Kind::Constant;
  Const->C = C;
  Term T;
  T.N = std::move(Const);
  return T;
}

Term Term::op(OpKind K, std::vector<Term> Operands) {
  auto O = std::make_shared<Node>();
  O->K = Kind::Op;
  O->Op = K;
  O->Operands = std::move(Operands);
  Term T;
  T.N = std::move(O);
  return T;
}

Term Term::cmp(CmpPred P, Term A, Term B) {
  Term T = op(OpKind::Cmp, {std::move(A), std::move(B)});
  const_cast<Node &>(*T.N).Pred = P;
  return T;
}

Term Term::cast(Term A, Type To) {
  if (A.isZero())
    return A;
  Term T = op(OpKind::Cast, {std::move(A)});
  const_cast<Node &>(*T.N).CastTo = To;
  return T;
}

Term Term::slot(unsigned I) {
  auto S = std::make_shared<Node>();
  S->K = Kind::Slot;
  S->Slot = I;
  Term T;
  T.N = std::move(S);
  return T;
}

void Term::forEachLeaf(llvm::function_ref<void(Value *)> Fn) const {
  if (!N)
    return;
  if (N->K == Kind::Leaf)
    Fn(N->V);
  for (const Term &T : N->Operands)
    T.forEachLeaf(Fn);
}

bool Term::isLinear() const {
  if (!N)
    return false;
  if (N->K == Kind::Slot)
    return true;
  for (const Term &T : N->Operands)
    if (T.isLinear())
      return true;
  return false;
}

void Term::transposeInto(Term Ct, std::vector<Term> &Adjoints) const {
  if (!N || Ct.isZero())
    return;
  auto Arg = [&](unsigned I) -> const Term & { return N->Operands[I]; };
  switch (N->K) {
  case Kind::Slot:
    Adjoints[N->Slot] = Adjoints[N->Slot] + Ct;
    return;
  case Kind::Op:
    break;
  default:
    return; // Constants and primal values carry no cotangent.
  }
  switch (N->Op) {
  case OpKind::Add:
    Arg(0).transposeInto(Ct, Adjoints);
    Arg(1).transposeInto(Ct, Adjoints);
    return;
  case OpKind::Sub:
    Arg(0).transposeInto(Ct, Adjoints);
    Arg(1).transposeInto(-Ct, Adjoints);
    return;
  case OpKind::Neg:
    Arg(0).transposeInto(-Ct, Adjoints);
    return;
  case OpKind::Mul:
    // Linear terms are products of one linear factor and primal factors.
    if (Arg(0).isLinear())
      Arg(0).transposeInto(Ct * Arg(1), Adjoints);
    else
      Arg(1).transposeInto(Arg(0) * Ct, Adjoints);
    return;
  case OpKind::Div:
    Arg(0).transposeInto(Ct / Arg(1), Adjoints);
    return;
  case OpKind::Select:
    Arg(1).transposeInto(select(Arg(0), Ct, Term()), Adjoints);
    Arg(2).transposeInto(select(Arg(0), Term(), Ct), Adjoints);
    return;
  case OpKind::Cast:
    // Back to the operand's type, which the slot's operand knows; the
    // adjoint pass converts on accumulation.
    Arg(0).transposeInto(Term::op(OpKind::Cast, {Ct}), Adjoints);
    return;
  default:
    assert(false && "transposing a term that is not linear");
    return;
  }
}

Value *Term::materialize(Builder &B, Type Ty) const {
  if (!N)
    return nullptr;
  switch (N->K) {
  case Kind::Zero:
  case Kind::Slot:
    return nullptr;
  case Kind::Leaf:
    return N->V;
  case Kind::Constant:
    return B.constant(Ty, N->C);
  case Kind::Op:
    break;
  }
  // Operands first, left to right: this loop fixes the output order.
  llvm::SmallVector<Value *, 3> Vs;
  for (const Term &T : N->Operands) {
    Value *V = T.materialize(B, Ty);
    Vs.push_back(V ? V : B.constant(Ty, 0.0));
  }
  if (N->Op == OpKind::Cmp)
    return B.cmp(N->Pred, Vs[0], Vs[1]);
  if (N->Op == OpKind::Select)
    return B.select(Vs[0], Vs[1], Vs[2]);
  if (N->Op == OpKind::Cast)
    return B.cast(Vs[0], N->CastTo.isVoid() ? Ty : N->CastTo);
  if (isMath(N->Op))
    return B.math(N->Op, Vs);
  return B.arith(N->Op, Vs);
}

Term ddx::operator+(Term A, Term B) {
  if (A.isZero())
    return B;
  if (B.isZero())
    return A;
  return Term::op(OpKind::Add, {A, B});
}

Term ddx::operator-(Term A, Term B) {
  if (B.isZero())
    return A;
  if (A.isZero())
    return -B;
  return Term::op(OpKind::Sub, {A, B});
}

Term ddx::operator-(Term A) {
  return A.isZero() ? A : Term::op(OpKind::Neg, {A});
}

Term ddx::operator*(Term A, Term B) {
  if (A.isZero() || B.isZero())
    return Term();
  return Term::op(OpKind::Mul, {A, B});
}

Term ddx::operator/(Term A, Term B) {
  return A.isZero() ? A : Term::op(OpKind::Div, {A, B});
}

Term ddx::select(Term C, Term A, Term B) {
  if (A.isZero() && B.isZero())
    return Term();
  return Term::op(OpKind::Select, {C, A, B});
}

Term ddx::math(OpKind K, Term A) { return Term::op(K, {A}); }
Term ddx::math(OpKind K, Term A, Term B) { return Term::op(K, {A, B}); }

//===----------------------------------------------------------------------===//
// The rule table
//===----------------------------------------------------------------------===//

namespace {
constexpr double Ln2 = 0.693147180559945309417232121458176568;
constexpr double Ln10 = 2.30258509299404568401799145468436421;
constexpr double TwoOverSqrtPi = 1.12837916709551257389615890312154517;

Term c(double V) { return Term::constant(V); }
Term sqr(Term A) { return A * A; }
Term lt(Term A, Term B) { return Term::cmp(CmpPred::LT, A, B); }
Term gt(Term A, Term B) { return Term::cmp(CmpPred::GT, A, B); }
Term eq(Term A, Term B) { return Term::cmp(CmpPred::EQ, A, B); }
Term cos(Term A) { return math(OpKind::Cos, A); }
Term sin(Term A) { return math(OpKind::Sin, A); }
Term cosh(Term A) { return math(OpKind::Cosh, A); }
Term sinh(Term A) { return math(OpKind::Sinh, A); }
Term sqrt(Term A) { return math(OpKind::Sqrt, A); }
Term exp(Term A) { return math(OpKind::Exp, A); }
Term log(Term A) { return math(OpKind::Log, A); }
Term pow(Term A, Term B) { return math(OpKind::Pow, A, B); }
Term trunc(Term A) { return math(OpKind::Trunc, A); }

// A rule is a formula in the operands `a` (primal) and their tangents.
#define RULE(Formula)                                                          \
  +[](const JvpArgs &a) -> Term { return Formula; }

const DerivativeRule Rules[] = {
    {OpKind::Neg, RULE(-a.dx(0))},
    {OpKind::Add, RULE(a.dx(0) + a.dx(1))},
    {OpKind::Sub, RULE(a.dx(0) - a.dx(1))},
    {OpKind::Mul, RULE(a.x(1) * a.dx(0) + a.x(0) * a.dx(1))},
    {OpKind::Div, RULE((a.dx(0) - a.y() * a.dx(1)) / a.x(1))},
    {OpKind::Select, RULE(select(a.x(0), a.dx(1), a.dx(2)))},
    // Between floating types the tangent converts like the value.
    {OpKind::Cast, RULE(Term::cast(a.dx(0), a.Result->getType()))},

    {OpKind::Sin, RULE(cos(a.x(0)) * a.dx(0))},
    {OpKind::Cos, RULE(-(sin(a.x(0)) * a.dx(0)))},
    {OpKind::Tan, RULE((c(1) + sqr(a.y())) * a.dx(0))},
    {OpKind::Asin, RULE(a.dx(0) / sqrt(c(1) - sqr(a.x(0))))},
    {OpKind::Acos, RULE(-(a.dx(0) / sqrt(c(1) - sqr(a.x(0)))))},
    {OpKind::Atan, RULE(a.dx(0) / (c(1) + sqr(a.x(0))))},
    // atan2(u, v): (v du - u dv) / (u^2 + v^2)
    {OpKind::Atan2, RULE((a.x(1) * a.dx(0) - a.x(0) * a.dx(1)) /
                         (sqr(a.x(0)) + sqr(a.x(1))))},
    {OpKind::Sinh, RULE(cosh(a.x(0)) * a.dx(0))},
    {OpKind::Cosh, RULE(sinh(a.x(0)) * a.dx(0))},
    {OpKind::Tanh, RULE((c(1) - sqr(a.y())) * a.dx(0))},
    {OpKind::Exp, RULE(a.y() * a.dx(0))},
    {OpKind::Exp2, RULE(a.y() * c(Ln2) * a.dx(0))},
    {OpKind::Expm1, RULE((a.y() + c(1)) * a.dx(0))},
    {OpKind::Log, RULE(a.dx(0) / a.x(0))},
    {OpKind::Log2, RULE(a.dx(0) / (a.x(0) * c(Ln2)))},
    {OpKind::Log10, RULE(a.dx(0) / (a.x(0) * c(Ln10)))},
    {OpKind::Log1p, RULE(a.dx(0) / (c(1) + a.x(0)))},
    {OpKind::Sqrt, RULE(a.dx(0) / (c(2) * a.y()))},
    {OpKind::Cbrt, RULE(a.dx(0) / (c(3) * sqr(a.y())))},
    // pow(u, v): v u^(v-1) du + log(u) y dv. The log term exists only when
    // the exponent varies, so pow(negative, constant) stays finite.
    {OpKind::Pow, RULE(a.x(1) * pow(a.x(0), a.x(1) - c(1)) * a.dx(0) +
                       (a.dx(1).isZero() ? Term()
                                         : log(a.x(0)) * a.y() * a.dx(1)))},
    // hypot(u, v): (u du + v dv) / y
    {OpKind::Hypot, RULE((a.x(0) * a.dx(0) + a.x(1) * a.dx(1)) / a.y())},
    // |u|' = sign(u), with sign(0) = 0.
    {OpKind::Fabs, RULE(select(lt(a.x(0), c(0)), -a.dx(0),
                               select(gt(a.x(0), c(0)), a.dx(0), Term())))},
    // fmin/fmax follow the operand the primal returned (the first on ties,
    // and the non-NaN one, as the C library does).
    {OpKind::Fmin, RULE(select(eq(a.y(), a.x(0)), a.dx(0), a.dx(1)))},
    {OpKind::Fmax, RULE(select(eq(a.y(), a.x(0)), a.dx(0), a.dx(1)))},
    {OpKind::Floor, RULE(Term())},
    {OpKind::Ceil, RULE(Term())},
    {OpKind::Round, RULE(Term())},
    {OpKind::Trunc, RULE(Term())},
    // fmod(u, v) = u - trunc(u / v) v
    {OpKind::Fmod, RULE(a.dx(0) - trunc(a.x(0) / a.x(1)) * a.dx(1))},
    {OpKind::Erf,
     RULE(c(TwoOverSqrtPi) * exp(-sqr(a.x(0))) * a.dx(0))},
};
#undef RULE

} // namespace

std::vector<Term> ddx::vjp(const DerivativeRule &Rule,
                           llvm::ArrayRef<Value *> Primals, Value *Result,
                           llvm::ArrayRef<bool> Active, Term Ct) {
  JvpArgs Args{Primals, Result, {}, /*Symbolic=*/true, Active};
  std::vector<Term> Adjoints(Primals.size());
  Rule.Jvp(Args).transposeInto(std::move(Ct), Adjoints);
  return Adjoints;
}

const DerivativeRule *ddx::lookupRule(OpKind K) {
  for (const DerivativeRule &R : Rules)
    if (R.Kind == K)
      return &R;
  return nullptr;
}
