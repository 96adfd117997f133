//===- Generator.h - Generating derivatives inside a Clang compile -*- C++ -*-//
//
// The one place where derivatives are made from C++: `ddx gen` and the
// plugin both attach a DerivativeGenerator to their Clang compile.
//
// In a ddx compile the request macros expand to a declaration followed by
// `#pragma ddx request <id>`. The pragma is lexed once the declaration is
// complete; the generator then builds the requested derivative and enters its
// definition as a new buffer, which Clang parses next. Code after the request
// therefore sees the derivative, and the compile (plugin) or the output of
// `ddx gen` holds exactly the same definitions.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_DRIVER_GENERATOR_H
#define DDX_DRIVER_GENERATOR_H

#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace clang {
class ASTConsumer;
class CompilerInstance;
} // namespace clang

namespace ddx {

/// The macro a ddx compile defines, so code can tell whether derivatives
/// are generated.
inline constexpr const char *GeneratingMacro = "DDX_GENERATING";

class DerivativeGenerator {
public:
  DerivativeGenerator();
  ~DerivativeGenerator();
  DerivativeGenerator(const DerivativeGenerator &) = delete;
  DerivativeGenerator &operator=(const DerivativeGenerator &) = delete;

  /// Hooks into CI's compile, before its main file is entered: registers
  /// `#pragma ddx` and defines DDX_GENERATING. The returned consumer must
  /// see the translation unit (it learns Sema and finishes at its end).
  std::unique_ptr<clang::ASTConsumer> attach(clang::CompilerInstance &CI);

  /// After the compile: the main file with each request replaced by the
  /// definitions generated for it, each followed by a `#line` directive
  /// naming LinePath so later lines keep their numbers.
  std::string translationUnit(llvm::StringRef LinePath) const;

  /// After the compile: a header declaring the requested derivatives, for
  /// other translation units. SourceName is mentioned in its comment.
  std::string header(llvm::StringRef SourceName) const;

  /// The tape planner's decisions for every gradient and adjoint.
  const std::string &report() const;

  struct Impl;

private:
  std::unique_ptr<Impl> P;
};

} // namespace ddx

#endif
