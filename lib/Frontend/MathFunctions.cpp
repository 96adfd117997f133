//===- MathFunctions.cpp - Recognizing <cmath> calls ----------------------===//
#include "MathFunctions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace ddx::frontend {

namespace {

/// C++ name -> operation, built from Ops.def.
const llvm::StringMap<ir::OpKind> &mathTable() {
  static const llvm::StringMap<ir::OpKind> Table = [] {
    llvm::StringMap<ir::OpKind> T;
#define DDX_MATH(Enum, Mnemonic, Arity) T[Mnemonic] = ir::OpKind::Enum;
#include "ddx/IR/Ops.def"
    // std::abs on floating types is fabs.
    T["abs"] = ir::OpKind::Fabs;
    return T;
  }();
  return Table;
}

/// The namespace-level context of DC with inline namespaces (libc++'s
/// std::__1) and linkage specifications (extern "C") looked through.
const DeclContext *enclosingNamespace(const DeclContext *DC) {
  DC = DC->getRedeclContext();
  while (DC->isInlineNamespace())
    DC = DC->getParent()->getRedeclContext();
  return DC;
}

} // namespace

bool isInStdNamespace(const FunctionDecl *FD) {
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

std::optional<StdMinMax> matchStdMinMax(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !isInStdNamespace(Callee) ||
      !Callee->getDeclName().isIdentifier() || Call->getNumArgs() != 2 ||
      !Call->getType()->isArithmeticType())
    return std::nullopt;
  llvm::StringRef Id = Callee->getName();
  if (Id != "max" && Id != "min")
    return std::nullopt;
  for (const Expr *Arg : Call->arguments())
    if (!Arg->getType()->isArithmeticType())
      return std::nullopt;
  return StdMinMax{Call, Id == "max"};
}

std::optional<MathFunction> matchMathFunction(const FunctionDecl *FD) {
  if (!FD->getDeclName().isIdentifier())
    return std::nullopt;
  const DeclContext *DC = enclosingNamespace(FD->getDeclContext());
  if (!DC->isTranslationUnit() && !DC->isStdNamespace())
    return std::nullopt;

  QualType Result = FD->getReturnType().getCanonicalType();
  const auto *BT = Result->getAs<BuiltinType>();
  if (!BT || !BT->isFloatingPoint())
    return std::nullopt;
  bool IsFloat = BT->getKind() == BuiltinType::Float;
  bool IsLongDouble = BT->getKind() == BuiltinType::LongDouble;

  const auto &Table = mathTable();
  llvm::StringRef Name = FD->getName();
  auto It = Table.find(Name);
  // The C variants: sinf (float), sinl (long double).
  if (It == Table.end() && Name.size() > 1 &&
      ((Name.back() == 'f' && IsFloat) || (Name.back() == 'l' && IsLongDouble)))
    It = Table.find(Name.drop_back());
  if (It == Table.end())
    return std::nullopt;

  if (FD->getNumParams() != ir::arity(It->second))
    return std::nullopt;
  for (const ParmVarDecl *P : FD->parameters())
    if (!P->getType().getNonReferenceType()->isArithmeticType())
      return std::nullopt;
  return MathFunction{It->second, IsLongDouble};
}

} // namespace ddx::frontend
