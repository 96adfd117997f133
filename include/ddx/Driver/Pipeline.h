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

enum class RequestKind { Tangent, Gradient, Adjoint, VectorAdjoint };

/// One derivative to build, in IR terms.
struct DerivativeSpec {
  RequestKind Kind = RequestKind::Tangent;
  /// IR name of the primal function.
  std::string Function;
  /// C++ name of the derivative.
  std::string Name;
  /// Indices of the independent parameters; empty means every floating one.
  std::vector<unsigned> WrtParams;
  /// A VectorAdjoint's number of lanes (seeds propagated together).
  unsigned Lanes = 0;
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

/// The C++ source of one requested derivative.
struct GeneratedDerivative {
  /// Its definition, preceded by the helper derivatives it calls that were
  /// not defined before.
  std::string Definitions;
  /// Its declaration, for other translation units (`ddx gen --header`);
  /// empty if an earlier request defined it as an internal helper.
  std::string Declaration;
};

/// Builds the derivative described by Spec inside M and returns its C++
/// source. Errors describe what cannot be differentiated and why.
llvm::Expected<GeneratedDerivative>
generateDerivative(ir::Module &M, const DerivativeSpec &Spec,
                   EmissionState &State);

} // namespace ddx

#endif
