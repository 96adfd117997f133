//===- DerivativeRules.h - One derivative rule per primitive ----*- C++ -*-===//
//
// The table in DerivativeRules.cpp holds, for every primitive operation, its
// tangent (JVP) rule, as JAX's ad.py does. Transformations consult it and
// contain no per-primitive calculus of their own: adding `atan2` adds one
// entry there.
//
// A rule is a formula over terms: `cos(x(0)) * dx(0)`. Building a term has
// no side effects; the transformation materializes the finished term as IR
// in one fixed order. (Emitting IR from nested builder calls instead would
// depend on C++'s unspecified argument evaluation order, and so would the
// output.) A symbolic zero tangent propagates through the arithmetic, so a
// rule costs nothing for inactive operands.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_TRANSFORMS_DERIVATIVERULES_H
#define DDX_TRANSFORMS_DERIVATIVERULES_H

#include "ddx/IR/Builder.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <vector>

namespace ddx {

/// An expression over IR values, constants and primitive operations.
class Term {
public:
  enum class Kind { Zero, Leaf, Constant, Op, Slot };

  /// The symbolic zero.
  Term() = default;
  /*implicit*/ Term(ir::Value *V);
  static Term constant(double C);
  static Term op(ir::OpKind K, std::vector<Term> Operands);
  static Term cmp(ir::CmpPred P, Term A, Term B);
  /// A conversion to To (between floating types, in rules).
  static Term cast(Term A, ir::Type To);
  /// A placeholder for the tangent of operand I, for transposition.
  static Term slot(unsigned I);

  bool isZero() const { return !N; }
  /// Whether the term depends on a slot (is linear in the tangents).
  bool isLinear() const;

  /// Transposes a term that is linear in its slots: adds, for each slot I,
  /// the cotangent that Ct contributes to operand I into Adjoints[I]. This
  /// derives every reverse-mode rule from its forward-mode rule, as JAX's
  /// transpose does.
  void transposeInto(Term Ct, std::vector<Term> &Adjoints) const;

  /// Calls Fn on every IR value the term reads.
  void forEachLeaf(llvm::function_ref<void(ir::Value *)> Fn) const;
  /// Builds the term's operations (operands first, left to right) and
  /// returns its value; null for zero. Constants take type Ty.
  ir::Value *materialize(ir::Builder &B, ir::Type Ty) const;

private:
  struct Node {
    Kind K = Kind::Zero;
    ir::Value *V = nullptr;
    double C = 0;
    ir::OpKind Op = ir::OpKind::Add;
    ir::CmpPred Pred = ir::CmpPred::EQ;
    ir::Type CastTo;
    unsigned Slot = 0;
    std::vector<Term> Operands;
  };
  std::shared_ptr<const Node> N;
};

// Tangent arithmetic: zero-aware, so `dx(0) + dx(1)` is dx(1) when the first
// operand is inactive and `f * dx(0)` is zero when dx(0) is.
Term operator+(Term A, Term B);
Term operator-(Term A, Term B);
Term operator-(Term A);
Term operator*(Term A, Term B);
Term operator/(Term A, Term B);
/// `C ? A : B`, with a zero arm made an explicit 0.
Term select(Term C, Term A, Term B);
Term math(ir::OpKind K, Term A);
Term math(ir::OpKind K, Term A, Term B);

/// What a rule sees: the primal operands and result, already in the
/// derivative function, and the operands' tangents (zero when inactive).
struct JvpArgs {
  llvm::ArrayRef<ir::Value *> Primals;
  ir::Value *Result;
  llvm::ArrayRef<ir::Value *> Tangents; // null = zero
  /// For transposition: tangents become slots, present for the operands
  /// marked active (Tangents is unused).
  bool Symbolic = false;
  llvm::ArrayRef<bool> ActiveMask = {};

  Term x(unsigned I) const { return Primals[I]; }
  Term y() const { return Result; }
  Term dx(unsigned I) const {
    if (Symbolic)
      return ActiveMask[I] ? Term::slot(I) : Term();
    return Tangents[I] ? Term(Tangents[I]) : Term();
  }
};

/// Returns the tangent of the result as a term.
using JvpRule = Term (*)(const JvpArgs &);

struct DerivativeRule {
  ir::OpKind Kind;
  /// Forward-mode rule.
  JvpRule Jvp;
};

/// The rule for K, or null if the table has none (structured operations,
/// calls, and operations whose results never carry derivatives).
const DerivativeRule *lookupRule(ir::OpKind K);

/// Reverse mode for one operation: the cotangents of its operands, given the
/// cotangent Ct of its result, as terms (zero for operands not marked in
/// Active). Obtained by transposing the forward rule.
std::vector<Term> vjp(const DerivativeRule &Rule,
                      llvm::ArrayRef<ir::Value *> Primals, ir::Value *Result,
                      llvm::ArrayRef<bool> Active, Term Ct);

} // namespace ddx

#endif
