//===- BrokenCode.cpp - Functions whose definitions have errors -----------===//
#include "BrokenCode.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

static bool containsErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->containsErrors();
  for (const Stmt *Child : S->children())
    if (containsErrors(Child))
      return true;
  return false;
}

bool ddx::isBroken(const FunctionDecl *FD) {
  return FD->isInvalidDecl() || containsErrors(FD->getBody());
}

void ddx::forEachCallee(const Stmt *S,
                        llvm::function_ref<void(const FunctionDecl *)> Fn) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Fn(Callee);
  for (const Stmt *Child : S->children())
    forEachCallee(Child, Fn);
}

static const FunctionDecl *
findBroken(const FunctionDecl *FD, llvm::DenseSet<const FunctionDecl *> &Seen) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Seen.insert(Def->getCanonicalDecl()).second)
    return nullptr;
  if (ddx::isBroken(Def))
    return Def;
  const FunctionDecl *Found = nullptr;
  ddx::forEachCallee(Def->getBody(), [&](const FunctionDecl *Callee) {
    if (!Found)
      Found = findBroken(Callee, Seen);
  });
  return Found;
}

const FunctionDecl *ddx::findBroken(const FunctionDecl *FD) {
  llvm::DenseSet<const FunctionDecl *> Seen;
  return ::findBroken(FD, Seen);
}
