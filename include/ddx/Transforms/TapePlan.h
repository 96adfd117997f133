//===- TapePlan.h - What the reverse sweep keeps, recomputes, tapes -*- C++
//-*-//
#ifndef DDX_TRANSFORMS_TAPEPLAN_H
#define DDX_TRANSFORMS_TAPEPLAN_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <vector>

namespace ddx {

/// For every primal value the reverse sweep reads, how it gets there:
///  - Keep: still in scope (defined at function level, or a `for` induction
///    variable, which the reversed loop reproduces);
///  - Recompute: pure, from values that are themselves kept or recomputed
///    (including loads from memory not written from there on, and loop
///    counters, see counterIncrement);
///  - Tape: stored during the primal sweep, read back in reverse;
///  - Carry: defined in an `if` (in ifs nested in one another) at the top of
///    a scope: each enclosing `if` yields it as an extra result (its other
///    branch yields 0), so the reverse sweep has it in scope for free.
///    Chosen over Tape always, and over Recompute when recomputing would
///    cost more than one cheap operation (recomputeCost).
/// Taped values inside a top-level counted loop go to an array sized at loop
/// entry (indexed by iteration). Inside a `for` nested only in `for` loops
/// up to its scope, all with bounds at function level or constant (so the
/// same trip counts every time), they go to an array allocated once per call
/// before the top-level operation holding them, indexed by the iterations of
/// those loops (ArrayLoops): a scope's tapes are read back before the scope
/// runs again. Elsewhere to a growing stack.
///
/// Per loop, a strategy: Tape (the above), or RecomputeBody for a `for` at
/// the top of the function or of a recomputed or fused body, whose body
/// would otherwise tape into stacks that grow with every iteration. Its
/// primal sweep stores only the loop-carried values; the reverse sweep runs
/// the body again for each iteration, taping what its inner regions need
/// into stacks that hold one iteration, then reverses it. Inside such a
/// body, the body's own values are kept, as at function level. Chosen only
/// when canRecomputeLoopBody proves the body reads the same memory the
/// second time.
///
/// FusedReverse upgrades a top-level RecomputeBody loop whose reverse does
/// not need the code after it (fusedSeedCoefficients): each iteration's
/// reverse runs right after that iteration in the primal sweep, so the body
/// runs once and nothing is stored per iteration.
///
/// StoreScratch is chosen instead of RecomputeBody when the body fills
/// local scratch arrays it alone uses (scratchArrays): each iteration gets
/// its own copy of them (a slice of a buffer sized by the trip count), so
/// the reverse sweep reads them back instead of running the body again; the
/// body's remaining needs are taped. Chosen when that tapes fewer values
/// per iteration than running the body again costs (recomputeCost).
struct TapePlan {
  enum class Decision { Keep, Recompute, Tape, Carry };
  enum class Storage { Stack, Array, HoistedArray };
  enum class LoopStrategy { Tape, RecomputeBody, FusedReverse, StoreScratch };

  llvm::DenseMap<const ir::Value *, Decision> Decisions;
  /// Operations the reverse sweep handles (they hold active work).
  llvm::DenseSet<const ir::Operation *> Reversed;
  /// Taped values per region, in primal program order.
  llvm::DenseMap<const ir::Region *, std::vector<const ir::Value *>> Taped;
  /// `while` loops whose iteration count must be taped (not at top level).
  llvm::DenseSet<const ir::Operation *> TapedCounts;
  /// Storage of each loop body's tape.
  llvm::DenseMap<const ir::Region *, Storage> RegionStorage;
  /// Per HoistedArray body, the loops whose iterations index its array,
  /// outermost first (the last one is the body's own).
  llvm::DenseMap<const ir::Region *,
                 llvm::SmallVector<const ir::Operation *, 2>>
      ArrayLoops;

  /// Per `if`, the Carry values it yields as extra results, in program
  /// order (also those of ifs nested in it).
  llvm::DenseMap<const ir::Operation *, std::vector<const ir::Value *>> Carried;

  /// Per StoreScratch loop, the scratch arrays (allocas) kept per iteration.
  llvm::DenseMap<const ir::Operation *, std::vector<const ir::Value *>> Scratch;

  /// Loops whose strategy is not Tape.
  llvm::DenseMap<const ir::Operation *, LoopStrategy> Strategies;

  Decision decision(const ir::Value *V) const { return Decisions.lookup(V); }
  LoopStrategy strategy(const ir::Operation *Loop) const {
    return Strategies.lookup(Loop);
  }
  /// For each carried result of a FusedReverse loop, its adjoint as a
  /// multiple of the function's result seed.
  llvm::DenseMap<const ir::Value *, double> SeedCoefficients;

  /// Whether R is the body of a RecomputeBody loop.
  bool isRecomputedBody(const ir::Region &R) const {
    return R.getParentOp() &&
           strategy(R.getParentOp()) == LoopStrategy::RecomputeBody;
  }
  /// Whether R is the body of a FusedReverse loop.
  bool isFusedBody(const ir::Region &R) const {
    return R.getParentOp() &&
           strategy(R.getParentOp()) == LoopStrategy::FusedReverse;
  }
  /// Bodies whose values the reverse sweep has in scope, like the function
  /// body's: recomputed and fused ones.
  bool isScopeBody(const ir::Region &R) const {
    return isRecomputedBody(R) || isFusedBody(R);
  }
  /// `ddx gen --report` / `ddx-opt --print-tape-plan` text: one line per
  /// loop (strategy, bytes per iteration) and per decision.
  void print(const ir::Function &F, llvm::raw_ostream &OS) const;
};

/// If Arg is a `for` loop-carried integer that every iteration increases by
/// the same amount (`yield %arg + %c`, %c defined outside the body), returns
/// %c: its value in an iteration is init + c * (iv - lb) / step, which the
/// reverse sweep recomputes instead of taping.
/// The same for a `while` counter (an argument of either region) that the
/// before region passes on unchanged and the after region increments: its
/// value in iteration k (the k-th run of the after region, from 0) is
/// init + c * k.
const ir::Value *counterIncrement(const ir::Value *Arg);
/// A counter's initial value (the loop's init for it).
const ir::Value *counterInit(const ir::Value *Arg);

/// The cost, in cheap operations (add, mul, load, ...), of running Op once
/// more: 0 for constants, more for division, square roots and the other
/// math functions.
unsigned recomputeCost(const ir::Operation &Op);

/// The function-level local arrays that `for` Loop's body both writes and
/// reads, that nothing outside the body touches, and whose reads are
/// iteration-private (canRecomputeLoopBody); empty unless Loop's bounds are
/// function-level values or constants. Each iteration may use a copy of its
/// own.
std::vector<const ir::Value *> scratchArrays(const ir::Function &F,
                                             const ir::Operation &Loop);

/// If the reverse of top-level `for` Loop (whose body can be recomputed) can
/// run inside each primal iteration, returns each result's adjoint as a
/// multiple of the result seed (0 for inactive ones): every active carried
/// value is a sum (`yield %acc + %v`, %acc used nowhere else), so its adjoint
/// is the same in every iteration; the result reaches F's return only
/// through + and -; and no code after Loop touches memory the body writes.
/// Then the iterations' reverses commute with each other and with the
/// reverse of the code after Loop.
std::optional<llvm::SmallVector<double, 2>>
fusedSeedCoefficients(const ir::Function &F, const ir::Operation &Loop,
                      llvm::function_ref<bool(const ir::Value *)> IsActive);

/// Plans the reverse sweep of F, where IsActive says which values carry
/// adjoints and IsActiveMemory which base objects have shadow memory.
TapePlan planTape(const ir::Function &F,
                  llvm::function_ref<bool(const ir::Value *)> IsActive,
                  llvm::function_ref<bool(const ir::Value *)> IsActiveMemory);

} // namespace ddx

#endif
