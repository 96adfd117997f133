//===- Requests.h - Finding derivative requests in a C++ file ---*- C++ -*-===//
#ifndef DDX_FRONTEND_REQUESTS_H
#define DDX_FRONTEND_REQUESTS_H

#include "ddx/Driver/Pipeline.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class AnnotateAttr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace ddx {

/// One DDX_TANGENT / DDX_GRADIENT / DDX_ADJOINT / DDX_ADJOINT_N.
struct DerivativeRequest {
  RequestKind Kind = RequestKind::Tangent;
  /// The function to differentiate, with its body.
  const clang::FunctionDecl *Function = nullptr;
  /// The derivative's name: the chosen one, or `<function>_tangent` etc.
  std::string Name;
  /// Parameter names from the request's second argument; empty means every
  /// parameter that holds floating data.
  std::vector<std::string> Wrt;
  /// DDX_ADJOINT_N's number of lanes; 0 for the other kinds.
  unsigned Lanes = 0;
  /// Where the request stands: the macro invocation and its `;`, as a file
  /// range in the main file. The derivative's definition replaces it.
  clang::CharSourceRange Range;
  clang::SourceLocation Loc;
};

/// The `ddx.request` annotation that marks VD as a request, or null.
const clang::AnnotateAttr *requestAttr(const clang::VarDecl *VD);

/// The function a request's initializer (`&f`, or `f`) names, or null.
const clang::FunctionDecl *requestedFunction(const clang::VarDecl *VD);

/// Reads the request VD declares. A malformed one (no definition visible,
/// unknown parameter in the wrt list, ...) is reported through the
/// ASTContext's diagnostics, and nullopt returned; *NameOnError (if given)
/// is then the derivative's intended name, or empty.
std::optional<DerivativeRequest>
parseRequest(clang::ASTContext &Ctx, const clang::VarDecl *VD,
             std::string *NameOnError = nullptr);

} // namespace ddx

#endif
