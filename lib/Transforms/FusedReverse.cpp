//===- FusedReverse.cpp - Loops whose reverse runs in the primal sweep ----===//
//
// The reverse sweep reverses a loop after the code that follows it, because
// that code produces the adjoints the loop's reverse starts from. A loop
// whose results only add into the function's result gets adjoints that are
// a fixed multiple of the result seed, known before the loop runs; if in
// addition every carried value is a running sum, each iteration's reverse
// needs nothing from the other iterations, and if the code after the loop
// leaves the loop's scratch memory alone, nothing from that code either.
// Then each iteration can be reversed right after it runs, as one writes
// such gradients by hand.
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/IterationMemory.h"
#include "ddx/Transforms/TapePlan.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

/// How V reaches F's return, as a multiple of the return value, when only
/// + and - (at function level) lie in between.
std::optional<double> returnCoefficient(const Function &F, const Value *V,
                                        unsigned Depth = 0) {
  if (Depth > 32)
    return std::nullopt;
  double Sum = 0;
  bool Ok = true;
  walk(F.getBody(), [&](const Operation *Op) {
    for (unsigned K = 0; Ok && K != Op->getNumOperands(); ++K) {
      if (Op->getOperand(K) != V)
        continue;
      if (Op->getParentRegion() != &F.getBody()) {
        Ok = false;
        return;
      }
      double Sign = 1;
      switch (Op->getKind()) {
      case OpKind::Return:
        Sum += 1;
        continue;
      case OpKind::Add:
        break;
      case OpKind::Sub:
        Sign = K == 0 ? 1 : -1;
        break;
      case OpKind::Neg:
        Sign = -1;
        break;
      default:
        Ok = false;
        return;
      }
      std::optional<double> C =
          returnCoefficient(F, Op->getResult(), Depth + 1);
      if (!C) {
        Ok = false;
        return;
      }
      Sum += Sign * *C;
    }
  });
  if (!Ok)
    return std::nullopt;
  return Sum;
}

/// Whether body argument Arg is used once, by the add or sub (with Arg on
/// the left) that the body yields in its place.
bool isRunningSum(const Region &Body, const Value *Arg, const Value *Next) {
  const Operation *Def = Next->getDefiningOp();
  if (!Def || Def->getParentRegion() != &Body ||
      (Def->getKind() != OpKind::Add && Def->getKind() != OpKind::Sub))
    return false;
  unsigned Uses = 0;
  walk(Body, [&](const Operation *Op) {
    for (const Value *V : Op->getOperands())
      Uses += V == Arg;
  });
  bool Direct = Def->getOperand(0) == Arg ||
                (Def->getKind() == OpKind::Add && Def->getOperand(1) == Arg);
  return Uses == 1 && Direct;
}

} // namespace

std::optional<llvm::SmallVector<double, 2>>
ddx::fusedSeedCoefficients(const Function &F, const Operation &Loop,
                           llvm::function_ref<bool(const Value *)> IsActive) {
  llvm::ArrayRef<Type> Results = F.getResultTypes();
  if (Loop.getKind() != OpKind::For || Loop.getParentRegion() != &F.getBody() ||
      Results.size() != 1 || !Results[0].isFloat())
    return std::nullopt;
  const Region &Body = Loop.getRegion(0);
  const Operation *Yield = Body.getTerminator();
  llvm::SmallVector<double, 2> Coefficients;
  for (unsigned J = 0; J != Loop.getNumResults(); ++J) {
    const Value *Arg = Body.getArgument(J + 1), *Result = Loop.getResult(J);
    if (!IsActive(Arg) && !IsActive(Result)) {
      Coefficients.push_back(0);
      continue;
    }
    std::optional<double> C = returnCoefficient(F, Result);
    if (!C || !isRunningSum(Body, Arg, Yield->getOperand(J)))
      return std::nullopt;
    Coefficients.push_back(*C);
  }
  // Code after the loop must not touch what the body writes: its reverse
  // would otherwise feed adjoints into (or take them from) the body's.
  MemoryAccesses Inside, After;
  for (const auto &Op : Body.getOps())
    Inside.add(*Op);
  bool Seen = false;
  for (const auto &Op : F.getBody().getOps()) {
    if (Seen)
      After.add(*Op);
    Seen |= Op.get() == &Loop;
  }
  if (Inside.Unknown || After.Unknown)
    return std::nullopt;
  for (const Value *Base : Inside.Written)
    if (After.Read.contains(Base) || After.Written.contains(Base))
      return std::nullopt;
  return Coefficients;
}
