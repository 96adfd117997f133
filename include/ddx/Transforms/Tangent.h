//===- Tangent.h - Forward-mode transformation ------------------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_TANGENT_H
#define DDX_TRANSFORMS_TANGENT_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace ddx {

using ir::cxxName;

struct TangentOptions {
  /// The primal function and the name of its tangent.
  std::string Function;
  std::string Name;
  /// Indices of the independent parameters; empty means every floating one.
  std::vector<unsigned> ActiveParams;
};

/// Remembers the tangents built for callees (primal name -> tangent name),
/// so that each is built once per module however many callers need it.
using TangentCache = llvm::StringMap<std::string>;

/// Adds the tangent of Options.Function to M:
///
///   f(p...) -> (r)   becomes   f_tangent(p..., d_p...) -> (r, d_r)
///
/// with one `d_p` per active parameter, in parameter order. Callees that
/// receive active arguments get tangents of their own (every floating
/// parameter active, named `<callee>_tangent`), built on demand and recorded
/// in Cache. Fails, naming the reason, if f has nothing to differentiate.
llvm::Expected<ir::Function *> buildTangent(ir::Module &M,
                                            const TangentOptions &Options,
                                            TangentCache &Cache);

} // namespace ddx

#endif
