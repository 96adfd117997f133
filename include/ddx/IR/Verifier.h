//===- Verifier.h - Checking ddx IR invariants ------------------*- C++ -*-===//
#ifndef DDX_IR_VERIFIER_H
#define DDX_IR_VERIFIER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/Error.h"

namespace ddx::ir {

/// Checks that definitions dominate uses, operand and result types agree with
/// each operation's signature, every region ends in the terminator its parent
/// expects, and calls match their callee. Returns the first problem found,
/// naming the function and the operation.
llvm::Error verify(const Module &M);
llvm::Error verify(const Function &F);

} // namespace ddx::ir

#endif
