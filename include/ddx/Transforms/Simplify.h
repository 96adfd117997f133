//===- Simplify.h - Folding, CSE and dead-code elimination ------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_SIMPLIFY_H
#define DDX_TRANSFORMS_SIMPLIFY_H

#include "ddx/IR/IR.h"

namespace ddx {

/// Cleans up what the transformations leave behind, so the emitted code reads
/// as if written by hand:
///  - folds algebraic identities (x * 1, x + 0, -(-x)) and constant
///    arithmetic;
///  - merges identical pure operations (common subexpressions), including one
///    in an enclosing region;
///  - removes dead code (see eliminateDeadCode).
/// Calls are kept: a callee may do more than compute its results.
void simplify(ir::Function &F);

} // namespace ddx

#endif
