//===- Inline.h - Inlining calls into a copy of a function ------*- C++ -*-===//
#ifndef DDX_TRANSFORMS_INLINE_H
#define DDX_TRANSFORMS_INLINE_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>

namespace ddx {

/// A copy of F (same name and parameters, not added to a module) in which
/// every call whose arguments (as copied) ShouldInline accepts is replaced
/// by the callee's body, taken from M, and so on inside the inlined bodies.
/// A recursive call is kept as a call. *Inlined (if given) tells whether
/// any call was.
std::unique_ptr<ir::Function> inlineCalls(
    const ir::Module &M, const ir::Function &F,
    llvm::function_ref<bool(llvm::ArrayRef<ir::Value *> Args)> ShouldInline,
    bool *Inlined = nullptr);

/// The calls reverse mode inlines: those passing memory the callee may
/// write floating results through (a non-const pointer to floating data),
/// or an array declared inside a loop or branch (gone by the time the
/// reverse sweep would call the callee's adjoint).
bool inlinedInReverse(llvm::ArrayRef<ir::Value *> Args);

} // namespace ddx

#endif
