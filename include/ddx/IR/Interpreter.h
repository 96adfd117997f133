//===- Interpreter.h - Evaluating ddx IR directly ---------------*- C++ -*-===//
//
// A reference evaluator for IR. Tests use it to check derivative rules and
// transformations numerically without compiling C++.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_IR_INTERPRETER_H
#define DDX_IR_INTERPRETER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace ddx::ir {

/// One argument of a function that may take pointers. A scalar parameter
/// takes Scalar; a pointer parameter takes Buffer (it points at element 0),
/// which the function reads and writes in place, so the caller sees its
/// stores afterwards. Elements are doubles like every scalar (see below).
struct InterpArg {
  double Scalar = 0;
  std::vector<double> *Buffer = nullptr;

  static InterpArg scalar(double V) { return {V, nullptr}; }
  static InterpArg buffer(std::vector<double> &B) { return {0, &B}; }
};

/// Every scalar as a double (bools 0/1, integers exact up to 2^53), with
/// C++ semantics per type: integer division truncates, f32 results are
/// rounded to float. Pointers are a buffer and an element index: `alloca`
/// and `tape_alloc` make fresh zeroed buffers that live until their
/// function returns, `offset` moves the index, and a `load` or `store`
/// outside its buffer is an error, as are popping an empty tape, a `for`
/// step that is not positive (when the loop would run), and a pointer
/// argument given no buffer. Each call has its own tapes, one stack per id.
llvm::Expected<std::vector<double>> interpret(const Module &M,
                                              llvm::StringRef Function,
                                              llvm::ArrayRef<InterpArg> Args);

/// For functions without pointer parameters.
llvm::Expected<std::vector<double>>
interpret(const Module &M, llvm::StringRef Function,
          llvm::ArrayRef<double> Args);

} // namespace ddx::ir

#endif
