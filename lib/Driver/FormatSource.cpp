//===- FormatSource.cpp - clang-format for generated code -----------------===//
#include "ddx/Driver/FormatSource.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

std::string ddx::formatGeneratedSource(llvm::StringRef Code) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  Style.Standard = clang::format::FormatStyle::LS_Cpp17;
  clang::tooling::Range Whole(0, Code.size());
  clang::tooling::Replacements Fixes =
      clang::format::reformat(Style, Code, {Whole}, "<ddx>");
  auto Formatted = clang::tooling::applyAllReplacements(Code, Fixes);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Code.str();
  }
  return *Formatted;
}
