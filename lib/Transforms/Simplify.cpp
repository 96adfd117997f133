//===- Simplify.cpp - Folding, CSE and dead-code elimination --------------===//
#include "ddx/Transforms/Simplify.h"
#include "ddx/Transforms/DeadCode.h"
#include "ddx/Transforms/LoopScalarReplacement.h"
#include "ddx/Transforms/MemoryForwarding.h"
#include "ddx/IR/Builder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/bit.h"
#include <cmath>
#include <optional>
#include <map>
#include <tuple>

using namespace ddx;
using namespace ddx::ir;

namespace {

/// Pure operations that are folded and merged. Offsets are left alone: one
/// per access prints as `p[i]`.
bool isMergeable(OpKind K) { return isPure(K) && K != OpKind::Offset; }

bool isConstant(Value *V, double C) {
  Operation *Op = V->getDefiningOp();
  if (!Op || Op->getKind() != OpKind::Constant)
    return false;
  return V->getType().isFloat() ? Op->getFloatAttr() == C
                                : Op->getIntAttr() == static_cast<int64_t>(C);
}

/// Identity folds: returns an existing value equal to Op's result, or null.
Value *foldIdentity(const Operation &Op) {
  auto X = [&](unsigned I) { return Op.getOperand(I); };
  switch (Op.getKind()) {
  case OpKind::Add:
    if (isConstant(X(1), 0))
      return X(0);
    if (isConstant(X(0), 0))
      return X(1);
    return nullptr;
  case OpKind::Sub:
    return isConstant(X(1), 0) ? X(0) : nullptr;
  case OpKind::Mul:
    if (isConstant(X(1), 1))
      return X(0);
    if (isConstant(X(0), 1))
      return X(1);
    return nullptr;
  case OpKind::Div:
    return isConstant(X(1), 1) ? X(0) : nullptr;
  case OpKind::Neg:
  case OpKind::Not: {
    Operation *Inner = X(0)->getDefiningOp();
    return Inner && Inner->getKind() == Op.getKind() ? Inner->getOperand(0)
                                                     : nullptr;
  }
  case OpKind::Select:
    if (isConstant(X(0), 1))
      return X(1);
    if (isConstant(X(0), 0))
      return X(2);
    // c ? true : false
    if (X(1)->getType().isBool() && isConstant(X(1), 1) && isConstant(X(2), 0))
      return X(0);
    return X(1) == X(2) ? X(1) : nullptr;
  default:
    return nullptr;
  }
}

/// Evaluates arithmetic, comparisons and casts of constants, with C++
/// semantics; nullopt when it would not be exact or defined (division by
/// zero, results that do not fit).
std::optional<double> foldConstants(const Operation &Op) {
  OpKind K = Op.getKind();
  if (!(isArith(K) || K == OpKind::Cmp || K == OpKind::Cast) ||
      Op.getNumResults() != 1)
    return std::nullopt;
  llvm::SmallVector<double, 2> X;
  for (Value *V : Op.getOperands()) {
    Operation *Def = V->getDefiningOp();
    if (!Def || Def->getKind() != OpKind::Constant)
      return std::nullopt;
    X.push_back(V->getType().isFloat() ? Def->getFloatAttr()
                                       : static_cast<double>(Def->getIntAttr()));
  }
  Type In = Op.getOperand(0)->getType(), Out = Op.getResult()->getType();
  bool Int = In.isInteger();
  double R = 0;
  switch (K) {
  case OpKind::Neg:
    R = -X[0];
    break;
  case OpKind::Add:
    R = X[0] + X[1];
    break;
  case OpKind::Sub:
    R = X[0] - X[1];
    break;
  case OpKind::Mul:
    R = X[0] * X[1];
    break;
  case OpKind::Div:
    if (Int && X[1] == 0)
      return std::nullopt;
    R = Int ? std::trunc(X[0] / X[1]) : X[0] / X[1];
    break;
  case OpKind::Not:
    R = X[0] == 0;
    break;
  case OpKind::And:
    R = X[0] != 0 && X[1] != 0;
    break;
  case OpKind::Or:
    R = X[0] != 0 || X[1] != 0;
    break;
  case OpKind::Cmp:
    switch (Op.getPredicate()) {
    case CmpPred::EQ: R = X[0] == X[1]; break;
    case CmpPred::NE: R = X[0] != X[1]; break;
    case CmpPred::LT: R = X[0] < X[1]; break;
    case CmpPred::LE: R = X[0] <= X[1]; break;
    case CmpPred::GT: R = X[0] > X[1]; break;
    case CmpPred::GE: R = X[0] >= X[1]; break;
    }
    break;
  case OpKind::Cast:
    R = Out.isFloat() ? X[0] : Out.isBool() ? (X[0] != 0) : std::trunc(X[0]);
    break;
  default:
    return std::nullopt; // rem: leave to C++.
  }
  // Keep integer results exact and in range; f32 results rounded.
  if (Out.isInteger()) {
    double Limit = Out == Type::i32() ? 2147483647.0 : 9007199254740992.0;
    if (!(std::fabs(R) <= Limit))
      return std::nullopt;
  }
  if (Out == Type::f32())
    R = static_cast<float>(R);
  // Integer operations in f64 are exact only below 2^53.
  if (Int && std::fabs(R) > 9007199254740992.0)
    return std::nullopt;
  return R;
}

/// Key for common-subexpression lookup: kind, attributes, operands, type.
/// Floats are keyed by bit pattern: -0.0 is not 0.0 and NaN is a value.
using ExprKey = std::tuple<OpKind, uint64_t, int64_t, CmpPred, TypeKind,
                           std::vector<Value *>>;

ExprKey keyOf(const Operation &Op) {
  return {Op.getKind(),
          llvm::bit_cast<uint64_t>(Op.getFloatAttr()),
          Op.getIntAttr(),
          Op.getPredicate(),
          Op.getResult()->getType().kind(),
          std::vector<Value *>(Op.getOperands().begin(),
                               Op.getOperands().end())};
}

class Simplifier {
public:
  void run(Region &R) { forward(R, {}); }

private:
  /// Rewrites operands through Replaced, then folds or merges each pure
  /// operation. Scope holds the expressions visible from enclosing regions.
  /// Replaced operations stay in place, unused, for dead code elimination
  /// to delete: freeing them here could hand a new operation the address of
  /// a key still in Replaced.
  void forward(Region &R, std::map<ExprKey, Value *> Scope) {
    for (size_t I = 0; I < R.size(); ++I) {
      Operation &Op = *R.getOps()[I];
      if (Dead.contains(&Op))
        continue;
      // Replacements chain (an if becomes a select that then folds).
      for (unsigned K = 0; K != Op.getNumOperands(); ++K) {
        Value *V = Op.getOperand(K);
        while (Value *New = Replaced.lookup(V))
          V = New;
        Op.setOperand(K, V);
      }
      for (unsigned K = 0; K != Op.getNumRegions(); ++K) {
        if (Op.getKind() != OpKind::If) {
          forward(Op.getRegion(K), Scope);
          continue;
        }
        std::map<ExprKey, Value *> Inner = Scope;
        for (size_t J = 0; J != I; ++J)
          addBranchResults(*R.getOps()[J], Op.getOperand(0), K, Inner);
        forward(Op.getRegion(K), std::move(Inner));
      }
      if (Op.getKind() == OpKind::If && onlyYields(Op.getRegion(0)) &&
          onlyYields(Op.getRegion(1))) {
        // Revisit from I: the selects that replace the if may fold further.
        replaceIfWithSelects(R, I);
        --I;
        continue;
      }
      if (!isMergeable(Op.getKind()) || Op.getNumResults() != 1)
        continue;
      if (std::optional<double> C = foldConstants(Op)) {
        Builder B;
        B.setInsertionPoint(R, I);
        B.setLoc(Op.getLoc());
        Value *K = B.constant(Op.getResult()->getType(), *C);
        K->setName(Op.getResult()->getName());
        Replaced[Op.getResult()] = K;
        Dead.insert(&Op);
        // Revisit from the new constant: it may merge with an equal one.
        --I;
        continue;
      }
      Value *Existing = foldIdentity(Op);
      if (!Existing) {
        auto [It, Inserted] = Scope.try_emplace(keyOf(Op), Op.getResult());
        if (!Inserted)
          Existing = It->second;
      }
      if (Existing) {
        // Keep the more descriptive name (a source variable's).
        if (Existing->getName().empty())
          Existing->setName(Op.getResult()->getName());
        Replaced[Op.getResult()] = Existing;
        Dead.insert(&Op);
      }
    }
  }

  /// Inside branch K of an `if %c`, an earlier `if %c` took branch K too:
  /// its results equal what that branch yields. So an expression of that
  /// branch whose operands are visible, or are yielded too, is available
  /// as the result that yields it (the reverse sweep's `cos(theta)` is the
  /// primal's `costheta`).
  void addBranchResults(const Operation &Earlier, Value *Cond, unsigned K,
                        std::map<ExprKey, Value *> &Scope) {
    if (Earlier.getKind() != OpKind::If || Earlier.getOperand(0) != Cond ||
        Dead.contains(&Earlier))
      return;
    const Region &Branch = Earlier.getRegion(K);
    const Operation *Yield = Branch.getTerminator();
    llvm::DenseMap<Value *, Value *> ResultOf;
    for (unsigned J = 0; J != Yield->getNumOperands(); ++J)
      ResultOf.try_emplace(Yield->getOperand(J), Earlier.getResult(J));
    for (const auto &Op : Branch.getOps()) {
      if (!isMergeable(Op->getKind()) || Op->getNumResults() != 1 ||
          !ResultOf.count(Op->getResult()))
        continue;
      ExprKey Key = keyOf(*Op);
      bool Visible = true;
      for (Value *&V : std::get<5>(Key)) {
        if (Value *R = ResultOf.lookup(V))
          V = R;
        else if (V->getParentRegion() == &Branch)
          Visible = false;
      }
      if (Visible)
        Scope.try_emplace(std::move(Key), ResultOf.lookup(Op->getResult()));
    }
  }

  /// A region that computes nothing but constants before its yield.
  static bool onlyYields(const Region &R) {
    for (const auto &Op : R.getOps())
      if (Op->getKind() != OpKind::Constant && Op->getKind() != OpKind::Yield)
        return false;
    return true;
  }

  /// `if %c { yield %a } else { yield %b }` is `select %c, %a, %b` per
  /// result: both sides are already computed, so nothing is evaluated that
  /// the if would have skipped.
  void replaceIfWithSelects(Region &R, size_t I) {
    // Constants are free to compute on both paths: hoist them.
    for (unsigned K = 0; K != 2; ++K) {
      Region &Branch = R.getOps()[I]->getRegion(K);
      while (Branch.size() > 1)
        R.insert(I++, Branch.take(0));
    }
    Operation &If = *R.getOps()[I];
    Builder B;
    B.setInsertionPoint(R, I);
    B.setLoc(If.getLoc());
    Operation *Then = If.getRegion(0).getTerminator();
    Operation *Else = If.getRegion(1).getTerminator();
    for (unsigned J = 0; J != If.getNumResults(); ++J) {
      Value *Sel = B.select(If.getOperand(0), Then->getOperand(J),
                            Else->getOperand(J));
      Sel->setName(If.getResult(J)->getName());
      Replaced[If.getResult(J)] = Sel;
    }
    Dead.insert(&If);
  }

  llvm::DenseMap<Value *, Value *> Replaced;
  llvm::DenseSet<const Operation *> Dead;
};

} // namespace

void ddx::simplify(Function &F) {
  Simplifier().run(F.getBody());
  forwardMemory(F);
  // Loads that forwarding made redundant go before the loop patterns are
  // matched.
  eliminateDeadCode(F);
  replaceLoopCarriedElements(F);
  // Forwarded values may fold further, and folding may leave a store of the
  // value its element already holds (`t = a[j]; a[j] = 0 + t`).
  Simplifier().run(F.getBody());
  forwardMemory(F);
  eliminateDeadCode(F);
}
