//===- IterationMemory.h - Which memory a loop iteration can redo -*- C++ -*-//
//
// Facts about memory that decide whether a loop body may be executed again
// in the reverse sweep ("recomputed"), and whether a value loaded from memory
// can be loaded again there instead of being taped. Both need the memory to
// hold what it held when the primal read it.
//
// Memory is tracked per base object (baseObject: an alloca, tape or pointer
// parameter); distinct base objects do not overlap (ddx's contract for
// pointer parameters). A pointer whose base is anything else (carried by a
// loop, chosen by a select) is unknown, and every question about it is
// answered conservatively.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_ANALYSIS_ITERATIONMEMORY_H
#define DDX_ANALYSIS_ITERATIONMEMORY_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseSet.h"

namespace ddx {

/// The base objects that Op and everything nested in it may read or write.
/// A call reads the memory of every pointer argument and may write through
/// the non-const ones.
struct MemoryAccesses {
  llvm::DenseSet<const ir::Value *> Read, Written;
  /// Some access goes through a pointer with no known base object.
  bool Unknown = false;
  /// Op holds a call that may write through a pointer argument.
  bool CallWrites = false;

  void add(const ir::Operation &Op);
};

/// Whether a base object is one ddx can reason about: an alloca, a tape or a
/// pointer parameter.
bool isKnownBase(const ir::Value *Base);

/// Whether some operation of Region R, from position Start on (nested
/// operations included), may write Base's memory.
bool writtenFrom(const ir::Region &R, size_t Start, const ir::Value *Base);

/// Whether the body of `for` loop Loop can run again, for any of its
/// iterations, after the primal sweep has finished the rest of Loop's
/// region, and compute what it computed the first time (given its region
/// arguments). Proven, or false:
///  - it writes only local arrays (so re-running it changes nothing the
///    caller sees) and through no call;
///  - nothing after Loop in its region writes memory the body reads;
///  - memory the body both writes and reads is iteration-private: each read
///    element was written earlier in the same iteration (by a store, or by a
///    unit-step `for` storing to [lb + c, ub + c)), or, for the only store to
///    that array in the body, by a loop whose bounds do not change between
///    iterations, so that an element it does not write is never written.
bool canRecomputeLoopBody(const ir::Operation &Loop);

} // namespace ddx

#endif
