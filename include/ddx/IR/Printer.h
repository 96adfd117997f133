//===- Printer.h - Textual form of ddx IR -----------------------*- C++ -*-===//
#ifndef DDX_IR_PRINTER_H
#define DDX_IR_PRINTER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/raw_ostream.h"

namespace ddx::ir {

struct PrintOptions {
  /// Append `loc(line:col)` to operations with a known source location.
  bool PrintLocations = false;
};

/// Prints in the form Parser reads back: parse(print(M)) prints as print(M).
void print(const Module &M, llvm::raw_ostream &OS, PrintOptions Opts = {});
void print(const Function &F, llvm::raw_ostream &OS, PrintOptions Opts = {});

/// Formats a floating constant so that it reads back to the same bits.
std::string formatFloat(double V);

/// `@name` for a plain symbol (letters, digits, `_`, `.`, `::`), otherwise
/// `@"name"` with `"` and `\` escaped, e.g. `@"f<double>"`.
std::string formatSymbol(llvm::StringRef Name);

} // namespace ddx::ir

#endif
