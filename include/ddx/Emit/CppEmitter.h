//===- CppEmitter.h - ddx IR to C++ source ----------------------*- C++ -*-===//
#ifndef DDX_EMIT_CPPEMITTER_H
#define DDX_EMIT_CPPEMITTER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace ddx {

struct EmitOptions {
  /// Give the function internal linkage (helpers such as a callee's tangent).
  bool Internal = false;
  /// Precede statements with `// line N` when the source line changes.
  bool LineComments = true;
  /// A comment line placed above the definition (without `//`).
  std::string Banner;
};

/// Prints F as a C++17 function definition. Values live in variables named
/// after their source variables; single-use temporaries become part of the
/// expression that uses them; an SSA value that replaces a dead one of the
/// same source variable reuses its C++ variable, so `s = s + x` reads as
/// written. Two results of one floating type return `ddx::dual<T>`.
/// Fails only for IR that C++ cannot express (e.g. three results).
llvm::Error emitFunction(const ir::Function &F, llvm::raw_ostream &OS,
                         const EmitOptions &Options = {});

/// The C++ spelling of a scalar type (`double`, `int`, ...).
llvm::StringRef cxxType(ir::Type T);

} // namespace ddx

#endif
