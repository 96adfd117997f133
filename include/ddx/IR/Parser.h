//===- Parser.h - Reading the textual form of ddx IR ------------*- C++ -*-===//
#ifndef DDX_IR_PARSER_H
#define DDX_IR_PARSER_H

#include "ddx/IR/IR.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace ddx::ir {

/// Parses a module. Errors read `<BufferName>:line:col: error: message`.
llvm::Expected<std::unique_ptr<Module>>
parseModule(llvm::StringRef Text, llvm::StringRef BufferName = "<input>");

} // namespace ddx::ir

#endif
