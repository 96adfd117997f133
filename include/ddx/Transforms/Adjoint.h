//===- Adjoint.h - Reverse-mode transformation ------------------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_ADJOINT_H
#define DDX_TRANSFORMS_ADJOINT_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace ddx {

struct AdjointOptions {
  /// The primal function and the name of the derivative.
  std::string Function;
  std::string Name;
  /// Indices of the independent parameters; empty means every floating one
  /// (scalars and pointers to floating data).
  std::vector<unsigned> ActiveParams;
  /// A gradient returns f's value and seeds the result's adjoint with 1; an
  /// adjoint takes the seed as a parameter `d_ret` and returns nothing.
  bool Gradient = false;
  /// Nonzero: the vector adjoint with this many lanes, one pullback per lane
  /// from one primal sweep. Every d_ array holds the lanes of each element
  /// together (element k, lane l at d_p[k * Lanes + l]), a scalar's d_
  /// points to its Lanes adjoints, and d_ret is an array of Lanes seeds.
  unsigned Lanes = 0;
};

/// Adjoints built for callees (keyed by callee and activity pattern, see
/// adjointCacheKey).
using AdjointCache = llvm::StringMap<std::string>;

/// The cache key of Callee's adjoint with the given independent parameters
/// and lanes.
std::string adjointCacheKey(const ir::Function &Callee,
                            llvm::ArrayRef<unsigned> Active,
                            unsigned Lanes = 0);
/// What a cache key names: the callee, and the lanes (0: scalar adjoint).
std::pair<llvm::StringRef, unsigned> adjointCacheKeyParts(llvm::StringRef Key);

/// Adds the adjoint (or gradient) of Options.Function to M:
///
///   f(p...) -> (r)  becomes  f_adjoint(p..., d_ret, d_p...) -> ()
///                       or   f_grad(p..., d_p...) -> (r)
///
/// with one `d_p` per independent scalar (a pointer: the adjoint is added to
/// *d_p) and per pointer parameter that is an input or an output (a shadow
/// array shaped like p: output seeds on entry, input adjoints added on
/// exit). The body is the primal sweep, storing what the tape planner says,
/// then the reverse sweep. Callees get adjoints of their own, except those
/// passed writable memory, which are inlined (see Inline.h).
/// If Report is given, the tape plan's report is appended to it.
llvm::Expected<ir::Function *> buildAdjoint(ir::Module &M,
                                            const AdjointOptions &Options,
                                            AdjointCache &Cache,
                                            std::string *Report = nullptr);

} // namespace ddx

#endif
