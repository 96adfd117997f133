//===- LoopScalarReplacement.h - Carry array elements in registers -*- C++ -*-//
#ifndef DDX_TRANSFORMS_LOOPSCALARREPLACEMENT_H
#define DDX_TRANSFORMS_LOOPSCALARREPLACEMENT_H

#include "ddx/IR/IR.h"

namespace ddx {

/// In a unit-step `for` loop that writes a[i + c] and, in the next
/// iteration, reads and rewrites that element as a[i' + c'] (a stencil such
/// as `d_x[i] += ...; d_x[i + 1] += ...`), passes the value from one
/// iteration to the next as a loop-carried value instead of through memory,
/// and stores the last one after the loop. Reverse sweeps produce exactly
/// this shape, and through memory it costs a store-to-load round trip per
/// iteration (and defeats vectorization, whose lanes overlap).
void replaceLoopCarriedElements(ir::Function &F);

} // namespace ddx

#endif
