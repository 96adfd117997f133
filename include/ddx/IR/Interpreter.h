//===- Interpreter.h - Evaluating ddx IR directly ---------------*- C++ -*-===//
//
// A reference evaluator for scalar IR. Tests use it to check derivative
// rules and transformations numerically without compiling C++.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_IR_INTERPRETER_H
#define DDX_IR_INTERPRETER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace ddx::ir {

/// Every scalar as a double (bools 0/1, integers exact up to 2^53), with
/// C++ semantics per type: integer division truncates, f32 results are
/// rounded to float.
llvm::Expected<std::vector<double>>
interpret(const Module &M, llvm::StringRef Function,
          llvm::ArrayRef<double> Args);

} // namespace ddx::ir

#endif
