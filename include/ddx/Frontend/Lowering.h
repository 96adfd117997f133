//===- Lowering.h - Clang AST to ddx IR -------------------------*- C++ -*-===//
#ifndef DDX_FRONTEND_LOWERING_H
#define DDX_FRONTEND_LOWERING_H

#include "ddx/IR/IR.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace ddx {

/// How a C++ parameter is passed to its IR function. The IR type alone does
/// not say how the C++ signature spelled it, which a derivative's signature
/// must repeat: `double &r` and `double *p` are both `ptr<f64>`.
enum class ParamPassing {
  /// `T p`: the IR parameter is the scalar.
  Value,
  /// `const T &p` to a scalar: passed by value, the IR parameter is the
  /// scalar (ddx assumes no pointer or reference parameter aliases it).
  ConstReference,
  /// `T *p`, `T p[]`, `T p[N]`, `T p[][N]`: `ptr<T>` to the first scalar,
  /// arrays of arrays flattened row-major.
  Pointer,
  /// `T &p` to a non-const scalar: `ptr<T>` to the one element.
  Reference,
  /// `T (&p)[N]`, `const T (&p)[M][N]`: `ptr<T>` to the first scalar.
  ArrayReference,
};

/// How a parameter of type T is passed, or nullopt if ddx does not lower
/// parameters of type T.
std::optional<ParamPassing> paramPassing(const clang::ASTContext &Ctx,
                                         clang::QualType T);

/// Lowers function definitions into one IR module. Unsupported constructs are
/// reported through the ASTContext's DiagnosticsEngine as Clang-style errors
/// at the construct, with notes naming the call chain and the request (or the
/// function) that led there.
class ModuleLowering {
public:
  ModuleLowering(clang::ASTContext &Ctx, ir::Module &M);
  ~ModuleLowering();

  /// Lowers FD (which must have a body) and, first, every function it calls.
  /// Returns the IR function, or null if any diagnostic was reported. Lowering
  /// the same declaration twice returns the same function (or null again,
  /// without repeating the diagnostics).
  ///
  /// RequestLoc, when valid, is the request that asked for FD's derivative;
  /// diagnostics then end with "while differentiating 'f' requested here".
  ir::Function *lower(const clang::FunctionDecl *FD,
                      clang::SourceLocation RequestLoc = {});

  /// The IR name chosen for FD: its qualified C++ name (`ns::g`, `f<double>`),
  /// plus `.N` when an overload already took that name (the emitter drops the
  /// suffix).
  std::string irName(const clang::FunctionDecl *FD);

  /// The declaration lowered to the IR function IRName, or null.
  const clang::FunctionDecl *declFor(llvm::StringRef IRName) const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace ddx

#endif
