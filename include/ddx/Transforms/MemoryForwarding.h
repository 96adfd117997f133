//===- MemoryForwarding.h - Store-to-load forwarding, dead stores -*- C++ -*-//
#ifndef DDX_TRANSFORMS_MEMORYFORWARDING_H
#define DDX_TRANSFORMS_MEMORYFORWARDING_H

#include "ddx/IR/IR.h"

namespace ddx {

/// Within each region: a load of an element whose value is known (stored or
/// loaded earlier, with no possibly-interfering write since) is replaced by
/// that value, and a store overwritten before anything reads the element,
/// or storing the value the element already holds, is deleted. Reverse mode accumulates `d_x[i] += a; d_x[i] += b;` as one
/// read-modify-write this way.
///
/// Distinct base objects (allocas, tapes, pointer parameters) are assumed not
/// to overlap, which is ddx's contract for pointer parameters. Calls and
/// structured operations end what is known.
void forwardMemory(ir::Function &F);

} // namespace ddx

#endif
