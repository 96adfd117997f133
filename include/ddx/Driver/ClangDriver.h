//===- ClangDriver.h - Running Clang and the ddx commands -------*- C++ -*-===//
//
// The Clang-facing half of the driver: parse a file with Clang, then lower
// its functions (`ddx ir`), or generate its derivatives (`ddx gen`, through
// a DerivativeGenerator as the plugin does). Errors are Clang diagnostics on
// stderr.
//
// `ddx ir` does not generate derivatives, so code after a request that calls
// one does not compile there. Clang's diagnostics are therefore held back
// until `ddx ir` decides which are real.
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
class SourceLocation;
} // namespace clang

namespace ddx {

struct ClangOptions {
  std::string InputFile;
  /// Compile flags (what follows `--` on the command line). `-std=c++17` is
  /// added unless they choose a standard.
  std::vector<std::string> Args;
  /// Compile this text as the input file's contents instead.
  std::optional<std::string> Contents;
  /// If set, write a Makefile-style dependency file (the input and every
  /// header it includes) with DepTarget as its target.
  std::string DepFile;
  std::string DepTarget;
};

class DerivativeGenerator;

/// A translation unit Clang has parsed, with Clang's own diagnostics held
/// back (ddx's diagnostics print at once).
class ParsedInput {
public:
  virtual ~ParsedInput();
  virtual clang::ASTContext &context() = 0;
  /// True if Clang reported an error that is still held back.
  virtual bool hasHeldErrors() const = 0;
  /// Prints the held-back diagnostics that Select accepts (only errors, if
  /// ErrorsOnly). Select sees the locations of a diagnostic and of its notes
  /// (an error in a header may come from a template instantiated in the main
  /// file).
  virtual void
  report(llvm::function_ref<bool(llvm::ArrayRef<clang::SourceLocation>)> Select,
         bool ErrorsOnly = false) = 0;
  /// Forgets the held-back diagnostics not printed so far.
  virtual void drop() = 0;
};

struct ClangResult {
  /// No error was printed.
  bool Success = false;
};

/// Parses the input with Clang and calls OnParsed while the compile is live,
/// so diagnostics print with source lines. Held-back diagnostics that
/// OnParsed neither prints nor drops are printed after it returns.
ClangResult runOnAST(const ClangOptions &Opts,
                     llvm::function_ref<void(ParsedInput &)> OnParsed);

/// `ddx ir`: lowers the functions defined in the main file into M: all of
/// them, or those named in Only (by unqualified or qualified name) and their
/// callees. Names in Only that match nothing are returned in Unmatched.
void lowerMainFileFunctions(ParsedInput &Input,
                            llvm::ArrayRef<std::string> Only, ir::Module &M,
                            std::vector<std::string> &Unmatched);

/// `ddx gen`: compiles the input (syntax only) with Generator attached, so
/// every request gets its derivative. Clang's and ddx's diagnostics print as
/// they come. Returns true if there was no error.
bool runGenerator(const ClangOptions &Opts, DerivativeGenerator &Generator);

} // namespace ddx

#endif
