//===- PointerInduction.h - Pointers advanced by loops to indices -*- C++ -*-//
#ifndef DDX_TRANSFORMS_POINTERINDUCTION_H
#define DDX_TRANSFORMS_POINTERINDUCTION_H

#include "ddx/IR/IR.h"

namespace ddx {

/// Rewrites each pointer a `for` loop advances by a loop-invariant step
/// (`++p`, `p += k`) as an offset from its initial value, indexed by the
/// iteration count, and drops it from the loop-carried values:
///
///   for %i = %lb to %ub step %s iter_args(%p = %x) { ...%p...;
///                                         yield offset %p, %k }
/// becomes
///   for %i = %lb to %ub step %s { %p = offset %x, (%i - %lb) / %s * %k; ... }
///
/// and the pointer after the loop is offset %x, trips * %k. Reverse mode
/// finds the shadow of such a pointer from its base array. Returns whether
/// anything changed.
bool rewritePointerInductions(ir::Function &F);

} // namespace ddx

#endif
