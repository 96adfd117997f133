//===- DeadCode.h - Liveness-based dead code elimination --------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_DEADCODE_H
#define DDX_TRANSFORMS_DEADCODE_H

#include "ddx/IR/IR.h"

namespace ddx {

/// Removes everything that cannot affect F's results or memory: pure
/// operations, `if`/`for`/`while` results and loop-carried values nobody
/// reads (including a value a loop only carries into itself), and whole
/// structured operations left without live results or effects. Operations
/// with memory effects (stores, tape pushes and pops, calls) are kept.
void eliminateDeadCode(ir::Function &F);

} // namespace ddx

#endif
