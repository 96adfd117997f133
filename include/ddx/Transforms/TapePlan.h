//===- TapePlan.h - What the reverse sweep keeps, recomputes, tapes -*- C++ -*-//
#ifndef DDX_TRANSFORMS_TAPEPLAN_H
#define DDX_TRANSFORMS_TAPEPLAN_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace ddx {

/// For every primal value the reverse sweep reads, how it gets there:
///  - Keep: still in scope (defined at function level, or a `for` induction
///    variable, which the reversed loop reproduces);
///  - Recompute: pure, from values that are themselves kept or recomputed
///    (including loads from memory the function never writes);
///  - Tape: stored during the primal sweep, read back in reverse.
/// Taped values inside a top-level counted loop go to an array sized at loop
/// entry (indexed by iteration); elsewhere to a growing stack.
struct TapePlan {
  enum class Decision { Keep, Recompute, Tape };
  enum class Storage { Stack, Array };

  llvm::DenseMap<const ir::Value *, Decision> Decisions;
  /// Operations the reverse sweep handles (they hold active work).
  llvm::DenseSet<const ir::Operation *> Reversed;
  /// Taped values per region, in primal program order.
  llvm::DenseMap<const ir::Region *, std::vector<const ir::Value *>> Taped;
  /// `while` loops whose iteration count must be taped (not at top level).
  llvm::DenseSet<const ir::Operation *> TapedCounts;
  /// Storage of each loop body's tape.
  llvm::DenseMap<const ir::Region *, Storage> RegionStorage;

  Decision decision(const ir::Value *V) const {
    return Decisions.lookup(V);
  }
  /// `ddx gen --report` / `ddx-opt --print-tape-plan` text: one line per
  /// loop (strategy, bytes per iteration) and per decision.
  void print(const ir::Function &F, llvm::raw_ostream &OS) const;
};

/// Plans the reverse sweep of F, where IsActive says which values carry
/// adjoints and IsActiveMemory which base objects have shadow memory.
TapePlan planTape(const ir::Function &F,
                  llvm::function_ref<bool(const ir::Value *)> IsActive,
                  llvm::function_ref<bool(const ir::Value *)> IsActiveMemory);

} // namespace ddx

#endif
