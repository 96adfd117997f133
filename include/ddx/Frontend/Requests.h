//===- Requests.h - Finding derivative requests in a C++ file ---*- C++ -*-===//
#ifndef DDX_FRONTEND_REQUESTS_H
#define DDX_FRONTEND_REQUESTS_H

#include "ddx/Driver/Pipeline.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace ddx {

/// One DDX_TANGENT / DDX_GRADIENT / DDX_ADJOINT in the main file.
struct DerivativeRequest {
  RequestKind Kind = RequestKind::Tangent;
  /// The function to differentiate, with its body.
  const clang::FunctionDecl *Function = nullptr;
  /// The derivative's name: the chosen one, or `<function>_tangent` etc.
  std::string Name;
  /// Parameter names from the request's second argument; empty means every
  /// parameter that holds floating data.
  std::vector<std::string> Wrt;
  /// Where the request stands: the macro invocation and its `;`, as a file
  /// range in the main file. The derivative's definition replaces it.
  clang::CharSourceRange Range;
  clang::SourceLocation Loc;
};

/// Collects the requests in the main file, in source order. Malformed ones
/// (no definition visible, unknown parameter in the wrt list, ...) are
/// reported through the ASTContext's diagnostics and left out.
std::vector<DerivativeRequest> collectRequests(clang::ASTContext &Ctx);

} // namespace ddx

#endif
