//===- MathFunctions.h - Recognizing <cmath> calls --------------*- C++ -*-===//
#ifndef DDX_LIB_FRONTEND_MATHFUNCTIONS_H
#define DDX_LIB_FRONTEND_MATHFUNCTIONS_H

#include "ddx/IR/IR.h"
#include <optional>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
} // namespace clang

namespace ddx::frontend {

struct MathFunction {
  ir::OpKind Kind;
  /// The long double overload (or `sinl`): recognized so it can be rejected
  /// with a precise message.
  bool LongDouble = false;
};

/// The IR math operation FD computes, if FD is a <cmath> function: declared
/// in namespace std or at global scope (possibly extern "C"), named like an
/// IR math operation (`sin`), its C float or long double variant (`sinf`,
/// `sinl`), or `abs` on a floating type; with a floating result and as many
/// parameters as the operation has operands. The names come from Ops.def, so
/// a math operation added there is recognized here.
std::optional<MathFunction> matchMathFunction(const clang::FunctionDecl *FD);

/// True if FD is declared in namespace std or a namespace nested in it.
bool isInStdNamespace(const clang::FunctionDecl *FD);

/// A call of std::max(a, b) or std::min(a, b): two arguments of the
/// result's arithmetic type, no comparator.
struct StdMinMax {
  const clang::CallExpr *Call;
  bool IsMax;
};

/// E (parentheses and implicit casts aside) as such a call, if it is one.
std::optional<StdMinMax> matchStdMinMax(const clang::Expr *E);

} // namespace ddx::frontend

#endif
