//===- FormatSource.h - clang-format for generated code ---------*- C++ -*-===//
#ifndef DDX_DRIVER_FORMATSOURCE_H
#define DDX_DRIVER_FORMATSOURCE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace ddx {

/// Formats generated C++ with clang-format's LLVM style, so derivatives read
/// the same whatever the input's style. Returns Code unchanged if it cannot
/// be formatted. Deterministic.
std::string formatGeneratedSource(llvm::StringRef Code);

} // namespace ddx

#endif
