//===- AdjointBuilder.h - The reverse-mode transformation's state -*- C++ -*-//
//
// Internal to the adjoint pass, whose work is split by sweep:
// AdjointPrimalSweep.cpp copies f and stores what the tape plan asks for,
// AdjointReverseSweep.cpp walks f backwards accumulating adjoints, and
// Adjoint.cpp builds the function around them. See Adjoint.cpp for the
// design.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_TRANSFORMS_ADJOINTBUILDER_H
#define DDX_LIB_TRANSFORMS_ADJOINTBUILDER_H

#include "ddx/Analysis/Activity.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/Diagnostic.h"
#include "ddx/Transforms/Adjoint.h"
#include "ddx/Transforms/DerivativeRules.h"
#include "ddx/Transforms/Inline.h"
#include "ddx/Transforms/PointerInduction.h"
#include "ddx/Transforms/Tangent.h"
#include "ddx/Transforms/TapePlan.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

namespace ddx::detail {

using namespace ddx::ir;

/// The function reverse mode differentiates in place of F: a copy with the
/// calls it inlines inlined (Inline.h) and the pointers loops advance turned
/// into indices (PointerInduction.h).
/// A pointer chosen at run time (select, or yielded by an `if`) is an
/// error.
llvm::Expected<std::unique_ptr<Function>> prepareForReverse(const Module &M,
                                                            const Function &F);

/// The pointer Ptr is offset from through a chain of offsets, and their
/// indices (outermost first).
const Value *offsetChain(const Value *Ptr,
                         llvm::SmallVectorImpl<const Value *> &Indices);

class AdjointBuilder {
public:
  /// VectorLanes > 0 builds the vector (multi-seed) adjoint: every adjoint
  /// is computed once per lane, from one primal sweep.
  AdjointBuilder(Module &M, AdjointCache &Cache, const Function &Primal,
                 llvm::ArrayRef<unsigned> ActiveParams,
                 unsigned VectorLanes = 0)
      : M(M), Cache(Cache), P(Primal), Varied(Primal, ActiveParams),
        Useful(Primal), Lanes(std::max(VectorLanes, 1u)),
        Vector(VectorLanes != 0) {
    for (unsigned I : ActiveParams)
      Independent.insert(I);
    Plan = planTape(
        P, [&](const Value *V) { return isActive(V); },
        [&](const Value *Base) { return isActiveMemory(Base); });
    collectSlotNeeds();
  }

  llvm::Expected<Function *> build(llvm::StringRef Name, bool Gradient);
  const TapePlan &getPlan() const { return Plan; }

private:
  //===--- Activity
  //--------------------------------------------------------===//
  bool isActive(const Value *V) const {
    if (V->getType().isPointer())
      return isActiveMemory(baseObject(V));
    return V->getType().isFloat() && Varied.isActive(V) && Useful.isUseful(V);
  }
  bool isActiveMemory(const Value *Base) const {
    return Base && Varied.isActiveMemory(Base) && Useful.isUsefulMemory(Base);
  }

  /// Values whose adjoint is accumulated in a region nested in their own.
  void collectSlotNeeds() {
    walk(P.getBody(), [&](Operation *Op) {
      for (Value *V : Op->getOperands())
        if (V->getType().isFloat() && isActive(V) &&
            Op->getParentRegion() != V->getParentRegion())
          NeedsSlot.insert(V);
    });
  }

  //===--- Primal sweep
  //----------------------------------------------------===//
  llvm::Error cloneRegion(const Region &Src, Region &Dst);
  llvm::Error cloneOp(const Operation &Op);
  Operation *cloneSimple(const Operation &Op);
  void pushTaped(const Region &R, const Value *V);
  unsigned tapeId(const Region &R, Type T);
  /// The index of the current iteration in a top-level `for`'s body.
  Value *iterationIndex(const Region &Body, Value *IV);
  /// Runs a RecomputeBody loop's body again in the reverse sweep, for the
  /// iteration IV, from its popped loop-carried values; inner regions tape.
  llvm::Error recomputeBody(const Region &Body, Value *IV);
  /// In the primal sweep, before a FusedReverse loop: the adjoints of its
  /// results (multiples of the result seed) and slots its reverse uses.
  void prepareFusedLoop(const Operation &Loop);
  /// Before top-level operation Op: the buffers of the StoreScratch loops
  /// in it, one copy of each scratch array per iteration.
  void allocateScratch(const Operation &Op);
  /// Before top-level operation Op: the trip counts of the loops indexing
  /// its HoistedArray tapes, and those tapes' buffers.
  void allocateArrayTapes(const Operation &Op);
  /// The trip count of a loop whose bounds are function-level values or
  /// constants, made once, at function level (FixedTrips).
  Value *fixedTripCount(const Operation &Loop);
  /// The slot of the current iteration in HoistedArray body R's buffers:
  /// its loops' iteration indices in mixed radix, each loop's induction
  /// variable and bounds read through Lookup.
  llvm::Expected<Value *> nestedIndex(
      const Region &R,
      llvm::function_ref<llvm::Expected<Value *>(const Value *)> Lookup);
  /// In an iteration of StoreScratch loop Loop (index (IV - lb) / step),
  /// where its own copy of each scratch array starts in the array's buffer,
  /// by the array's alloca.
  llvm::SmallVector<std::pair<const Value *, Value *>, 2>
  scratchStarts(const Operation &Loop, Value *IV, Value *Lb, Value *Step);
  /// Element sum(Indices) of scratch array Base's copy that starts at
  /// Start, as one offset from the buffer, made for each access (the
  /// emitter indexes buffers; it does not keep pointers into them).
  Value *scratchAddress(const Value *Base, Value *Start,
                        llvm::ArrayRef<Value *> Indices);

  //===--- Reverse sweep
  //---------------------------------------------------===//
  /// An adjoint is per value and lane.
  using AdjKey = std::pair<const Value *, unsigned>;
  struct Scope {
    llvm::DenseMap<const Value *, Value *> Prim;
    /// Adjoints of values in the current lane (SSA part).
    llvm::DenseMap<AdjKey, Value *> Adj;
    llvm::DenseMap<const Operation *, Value *> Count;
    /// Scratch array -> where this iteration's copy starts (StoreScratch).
    llvm::DenseMap<const Value *, Value *> ScratchStart;
    /// `while` -> how many times its after region ran before the part being
    /// reversed (rebuilds its counters, see counterIncrement).
    llvm::DenseMap<const Operation *, Value *> WhileIteration;
  };
  llvm::Expected<Value *> prim(const Value *V);
  /// A loop counter's value in the current iteration (counterIncrement).
  llvm::Expected<Value *> counterValue(const Value *V);
  /// The current lane's element of Ptr's shadow. Shadow storage holds the
  /// lanes of each element together: element k, lane l at k * Lanes + l.
  llvm::Expected<Value *> shadowPointer(const Value *Ptr) {
    return shadowAddress(Ptr, /*InLane=*/true);
  }
  /// InLane false: lane 0 of the element (where a callee's shadow starts).
  llvm::Expected<Value *> shadowAddress(const Value *Ptr, bool InLane);
  llvm::Error advancedPointerError();
  /// Where the innermost StoreScratch iteration's copy of Base starts, or
  /// null.
  Value *scratchStart(const Value *Base);
  /// The adjoint of V in the current lane accumulated so far (SSA part plus
  /// slot); null if zero.
  Value *adjoint(const Value *V);
  Value *adjointOrZero(const Value *V) {
    if (Value *A = adjoint(V))
      return A;
    return B.constant(V->getType(), 0.0);
  }
  void accumulate(const Value *V, Value *Contribution);
  /// Zeroes the N elements of shadow array S.
  void clearShadow(Value *S, int64_t N);
  /// Creates V's slots (one local per lane), unless it has them.
  void makeSlot(const Value *V);
  /// Runs Fn once per lane, with Lane set.
  llvm::Error forEachLane(llvm::function_ref<llvm::Error()> Fn) {
    for (Lane = 0; Lane != Lanes; ++Lane)
      if (llvm::Error E = Fn()) {
        Lane = 0;
        return E;
      }
    Lane = 0;
    return llvm::Error::success();
  }
  void inEachLane(llvm::function_ref<void()> Fn) {
    for (Lane = 0; Lane != Lanes; ++Lane)
      Fn();
    Lane = 0;
  }
  /// Fn(V) for each value V in each lane, lane-minor: value K, lane L at
  /// K * Lanes + L (the order reversed loops carry adjoints in).
  llvm::SmallVector<Value *, 4>
  perLane(llvm::ArrayRef<const Value *> Values,
          llvm::function_ref<Value *(const Value *)> Fn) {
    llvm::SmallVector<Value *, 4> Result;
    for (const Value *V : Values)
      inEachLane([&] { Result.push_back(Fn(V)); });
    return Result;
  }
  /// Element L of P: a lane of a vector adjoint's storage.
  Value *laneElement(Value *P, unsigned L) {
    return B.offset(P, B.constant(Type::i64(), double(L)));
  }
  /// The lane count a callee's adjoint is built with (0: scalar adjoint).
  unsigned vectorLanes() const { return Vector ? Lanes : 0; }
  /// Starts reversing R: binds its popped values and creates its slots.
  llvm::Error enterRegion(const Region &R, Value *IV = nullptr,
                          const Operation *Loop = nullptr);
  llvm::Error reverseOps(const Region &R);
  llvm::Error reverseOp(const Operation &Op);
  llvm::Error reversePure(const Operation &Op);
  llvm::Error reversePureInLane(const Operation &Op,
                                const DerivativeRule &Rule);
  llvm::Error reverseCall(const Operation &Op);
  llvm::Error reverseIf(const Operation &Op);
  /// Each value's adjoint (or zero) in every lane (laid out as perLane).
  llvm::SmallVector<Value *, 4>
  laneAdjoints(llvm::ArrayRef<const Value *> Values) {
    return perLane(Values, [&](const Value *V) { return adjointOrZero(V); });
  }
  /// Adds Adj (laid out as perLane makes it) into Values' adjoints.
  void accumulateLanes(llvm::ArrayRef<const Value *> Values,
                       llvm::ArrayRef<Value *> Adj);
  llvm::Error reverseFor(const Operation &Op);
  llvm::Error reverseWhile(const Operation &Op);
  /// Reverses one iteration of a FusedReverse loop inside the primal copy
  /// of that iteration.
  llvm::Error reverseFusedIteration(const Region &Body, Value *IV);
  llvm::Expected<std::string> calleeAdjoint(const Function &Callee,
                                            llvm::ArrayRef<unsigned> Active);

  Module &M;
  AdjointCache &Cache;
  const Function &P;
  ActivityAnalysis Varied;
  UsefulnessAnalysis Useful;
  TapePlan Plan;
  llvm::DenseSet<unsigned> Independent;
  llvm::DenseSet<const Value *> NeedsSlot;

  Function *A = nullptr;
  Builder B;
  /// Primal value -> its copy in the primal sweep.
  llvm::DenseMap<const Value *, Value *> Fwd;
  /// Base object -> its shadow (function level).
  llvm::DenseMap<const Value *, Value *> Shadow;
  /// Adjoint slots per lane: scalar parameters' d_ pointers (an element of
  /// them with lanes), and one-element locals.
  llvm::DenseMap<AdjKey, Value *> Slot;
  /// Vector adjoint: a scalar parameter -> its d_ pointer, whose element
  /// Lane is the parameter's slot in that lane (addressed at each use, so
  /// each prints as `d_x[l]`).
  llvm::DenseMap<const Value *, Value *> LaneSlots;
  /// V's slot in the current lane, or null.
  Value *slot(const Value *V) {
    if (Value *D = LaneSlots.lookup(V))
      return laneElement(D, Lane);
    return Slot.lookup({V, Lane});
  }
  /// Carry value -> the result of the latest copy of the outermost `if`
  /// yielding it (TapePlan::Carried), or of the innermost one copied so far.
  llvm::DenseMap<const Value *, Value *> CarriedOut;
  /// `while` -> its iteration count in the primal sweep.
  llvm::DenseMap<const Operation *, Value *> FwdCount;
  /// What each primal region pushed, in push order (a value, or a while's
  /// iteration count).
  struct Push {
    const Value *V = nullptr;
    const Operation *CountOf = nullptr;
    Type Ty;
  };
  llvm::DenseMap<const Region *, std::vector<Push>> Pushes;
  llvm::DenseMap<std::pair<const Region *, unsigned>, unsigned> TapeIds;
  /// Array tapes of top-level loop bodies: value -> its buffer.
  llvm::DenseMap<const Value *, Value *> ArrayTape;
  /// Loop -> its trip count, for loops indexing HoistedArray tapes.
  llvm::DenseMap<const Operation *, Value *> FixedTrips;
  /// Scratch array (alloca) -> the buffer holding a copy per iteration.
  llvm::DenseMap<const Value *, Value *> ScratchBuffer;
  /// In the primal sweep, scratch array -> where the current iteration's
  /// copy starts.
  llvm::DenseMap<const Value *, Value *> FwdScratchStart;
  /// Iteration index inside each top-level loop body, in the primal sweep.
  llvm::DenseMap<const Region *, Value *> FwdIndex;
  std::vector<Scope> Scopes;
  std::vector<Value *> Returned;
  /// Nonzero while the primal sweep copies a recomputed body: its inner
  /// regions tape when the body runs again, not now.
  unsigned Silent = 0;
  /// The seed of f's result in each lane: `d_ret` (or `d_ret[l]`); empty
  /// for a gradient (seed 1).
  llvm::SmallVector<Value *, 2> ResultSeeds;
  unsigned Lanes = 1;
  /// The vector adjoint's signature and storage layout (see AdjointOptions).
  bool Vector = false;
  /// The lane the reverse sweep is working on.
  unsigned Lane = 0;
  /// FusedReverse loop -> the adjoint of each carried result J in lane L,
  /// at J * Lanes + L (null: none).
  llvm::DenseMap<const Operation *, llvm::SmallVector<Value *, 2>> FusedSeeds;
};

} // namespace ddx::detail

#endif
