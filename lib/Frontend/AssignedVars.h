//===- AssignedVars.h - What a statement may change -------------*- C++ -*-===//
//
// Small syntactic analyses that structured lowering needs before it lowers a
// statement: which locals an `if` arm or a loop may assign (they become
// results and loop-carried values), and whether it may leave through
// `return`, `break` or `continue` (which then needs a flag).
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_FRONTEND_ASSIGNEDVARS_H
#define DDX_LIB_FRONTEND_ASSIGNEDVARS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class SwitchCase;
class VarDecl;
} // namespace clang

namespace ddx::frontend {

struct StmtEffects {
  /// Variables assigned, incremented or declared inside.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Assigned;
  bool MayReturn = false;
  /// A `break` / `continue` that leaves the analysed statements, i.e. is not
  /// nested in a loop (or, for break, a switch) inside them.
  bool MayBreak = false;
  bool MayContinue = false;
  /// May write memory: assigns through a subscript, a dereference or a
  /// reference, or calls a function (which may write through its pointer
  /// arguments).
  bool MayWriteMemory = false;
};

/// Adds the effects of S (may be null) to E.
void collectEffects(const clang::Stmt *S, StmtEffects &E);

/// True if control never falls through S to the next statement: every path
/// ends in return, break or continue. Conservative (loops count as falling
/// through).
bool alwaysJumps(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// True if evaluating E may assign, call a function or trap (integer `/` and
/// `%`, subscripts and dereferences, which may be out of bounds). Such an
/// operand must not be evaluated speculatively.
bool mayHaveEffects(const clang::Expr *E);

/// Adds every variable that E refers to.
void collectReferencedVars(const clang::Expr *E,
                           llvm::SmallPtrSetImpl<const clang::VarDecl *> &Vars);

/// Adds the local variables whose address the code in S needs: operands of
/// `&`, variables a reference binds to (a local reference, or an argument
/// for a non-const reference parameter).
void collectAddressTaken(const clang::Stmt *S,
                         llvm::SmallPtrSetImpl<const clang::VarDecl *> &Vars);

/// True if E reads memory: a subscript, a dereference, or a variable that
/// IsMemoryVar says lives in memory.
bool readsMemory(const clang::Expr *E,
                 llvm::function_ref<bool(const clang::VarDecl *)> IsMemoryVar);

/// A case or default label inside S that is not S itself and does not belong
/// to a switch nested in S, or null.
const clang::SwitchCase *findNestedCaseLabel(const clang::Stmt *S);

} // namespace ddx::frontend

#endif
