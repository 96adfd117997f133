//===- ScratchExpansion.cpp - Scratch arrays kept per loop iteration ------===//
//
// A loop body that fills a local scratch array and reads it back (GMM's
// `xcentered`, `Qxcentered`) overwrites it in the next iteration, so its
// reverse sweep must either run the body again (RecomputeBody) or find each
// iteration's contents somewhere else. The latter is what one writes by
// hand: give every iteration its own copy of the array, a slice of a buffer
// sized by the trip count, so the primal writes each iteration's values
// once and the reverse reads them back from that iteration's slice.
//
// That is sound when the array is private to the loop (no access outside
// the body, so nobody sees which copy holds what) and to each iteration
// (every read is of an element written earlier in the same iteration, which
// canRecomputeLoopBody proves), and when the loop's trip count is the same
// whenever it runs (bounds at function level or constant), so one buffer,
// allocated before the top-level operation holding the loop, serves every
// execution.
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/IterationMemory.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/Transforms/TapePlan.h"

using namespace ddx;
using namespace ddx::ir;

std::vector<const Value *> ddx::scratchArrays(const Function &F,
                                              const Operation &Loop) {
  std::vector<const Value *> Result;
  if (Loop.getKind() != OpKind::For || !canRecomputeLoopBody(Loop))
    return Result;
  for (unsigned I = 0; I != 3; ++I) {
    const Value *Bound = Loop.getOperand(I);
    const Operation *Def = Bound->getDefiningOp();
    if (Bound->getParentRegion() != &F.getBody() &&
        !(Def && Def->getKind() == OpKind::Constant))
      return Result;
  }
  const Region &Body = Loop.getRegion(0);
  MemoryAccesses Acc;
  for (const auto &Op : Body.getOps())
    Acc.add(*Op);
  for (const auto &Op : F.getBody().getOps()) {
    const Value *Base = Op->getNumResults() ? Op->getResult(0) : nullptr;
    if (Op->getKind() != OpKind::Alloca || !Acc.Written.contains(Base) ||
        !Acc.Read.contains(Base))
      continue;
    bool Private = true;
    walk(F.getBody(), [&](const Operation *User) {
      if (User->getParentRegion()->isNestedIn(Body))
        return;
      for (const Value *V : User->getOperands())
        Private &= !V->getType().isPointer() || baseObject(V) != Base;
    });
    if (Private)
      Result.push_back(Base);
  }
  return Result;
}
