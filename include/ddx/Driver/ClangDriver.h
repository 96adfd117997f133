//===- ClangDriver.h - Running Clang and the ddx commands -------*- C++ -*-===//
//
// The Clang-facing half of the driver: parse a file with Clang, then lower
// its functions (`ddx ir`) or replace its derivative requests with generated
// definitions (`ddx gen`). Errors are Clang diagnostics on stderr.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_DRIVER_CLANGDRIVER_H
#define DDX_DRIVER_CLANGDRIVER_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace ddx {

struct ClangOptions {
  std::string InputFile;
  /// Compile flags (what follows `--` on the command line). `-std=c++17` is
  /// added unless they choose a standard.
  std::vector<std::string> Args;
};

/// Parses the input with Clang and calls OnAST with the translation unit
/// while the compile is still live, so diagnostics print with source lines.
/// OnAST is not called if the input does not compile. Returns true if no
/// error was reported.
bool runOnAST(const ClangOptions &Opts,
              llvm::function_ref<void(clang::ASTContext &)> OnAST);

/// `ddx ir`: lowers the functions defined in the main file into M: all of
/// them, or those named in Only (by unqualified or qualified name) and their
/// callees. Names in Only that match nothing are returned in Unmatched.
void lowerMainFileFunctions(clang::ASTContext &Ctx,
                            llvm::ArrayRef<std::string> Only, ir::Module &M,
                            std::vector<std::string> &Unmatched);

/// `ddx gen`: builds every requested derivative, in source order, and returns
/// the main file's text with each request replaced by its definition and
/// followed by `#line N "<LinePath>"` so later lines keep their numbers.
/// Returns nullopt after reporting errors.
std::optional<std::string> generateDerivatives(clang::ASTContext &Ctx,
                                               llvm::StringRef LinePath);

} // namespace ddx

#endif
