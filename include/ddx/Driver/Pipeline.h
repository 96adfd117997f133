//===- Pipeline.h - From lowered IR to derivative C++ source ----*- C++ -*-===//
//
// The Clang-free half of the driver: given a module holding the lowered
// primal functions, build one requested derivative, simplify it and emit C++.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_DRIVER_PIPELINE_H
#define DDX_DRIVER_PIPELINE_H

#include "ddx/IR/IR.h"
#include "ddx/Transforms/Adjoint.h"
#include "ddx/Transforms/Tangent.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace ddx {

enum class RequestKind { Tangent, Gradient, Adjoint };

/// One derivative to build, in IR terms.
struct DerivativeSpec {
  RequestKind Kind = RequestKind::Tangent;
  /// IR name of the primal function.
  std::string Function;
  /// C++ name of the derivative.
  std::string Name;
  /// Indices of the independent parameters; empty means every floating one.
  std::vector<unsigned> WrtParams;
};

/// What has been emitted into the translation unit so far, so that a helper
/// derivative (a callee's tangent) is defined once, before its first use.
struct EmissionState {
  /// Functions already defined in the output, by name.
  llvm::StringSet<> Defined;
  /// Tangents and adjoints built for callees, shared by all requests.
  TangentCache Tangents;
  AdjointCache Adjoints;
  /// The tape planner's report for every reverse-mode derivative so far.
  std::string Report;
  /// Emit `// line N` comments tying statements to the source.
  bool LineComments = true;
};

/// Builds the derivative described by Spec inside M and returns C++ source
/// defining it, preceded by the helper derivatives it calls that State has
/// not seen. Errors describe what cannot be differentiated and why.
llvm::Expected<std::string> generateDerivative(ir::Module &M,
                                               const DerivativeSpec &Spec,
                                               EmissionState &State);

} // namespace ddx

#endif
