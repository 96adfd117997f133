//===- DeadCode.h - Liveness-based dead code elimination --------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_DEADCODE_H
#define DDX_TRANSFORMS_DEADCODE_H

#include "ddx/IR/IR.h"

namespace ddx {

/// Removes everything that cannot affect F's results or calls: pure
/// operations, `if`/`for`/`while` results and loop-carried values nobody
/// reads (including a value a loop only carries into itself), and whole
/// structured operations left without live results or calls. Calls are
/// kept, since a callee may do more than compute its results.
void eliminateDeadCode(ir::Function &F);

} // namespace ddx

#endif
