//===- BrokenCode.h - Functions whose definitions have errors ---*- C++ -*-===//
//
// Clang has already reported errors in such functions; ddx skips them rather
// than lower ASTs with error recovery in them.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_DRIVER_BROKENCODE_H
#define DDX_LIB_DRIVER_BROKENCODE_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace ddx {

/// Calls Fn for every function S calls directly.
void forEachCallee(const clang::Stmt *S,
                   llvm::function_ref<void(const clang::FunctionDecl *)> Fn);

/// Whether FD is invalid or its body holds error-recovery expressions.
bool isBroken(const clang::FunctionDecl *FD);

/// FD or a function it calls, directly or not, whose definition is broken;
/// null if there is none.
const clang::FunctionDecl *findBroken(const clang::FunctionDecl *FD);

} // namespace ddx

#endif
