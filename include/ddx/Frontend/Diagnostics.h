//===- Diagnostics.h - Messages the frontend reports ------------*- C++ -*-===//
//
// Every message about the user's C++ lives in Diagnostics.cpp, so wording
// stays consistent: an error names the construct and says what to do
// instead.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_FRONTEND_DIAGNOSTICS_H
#define DDX_FRONTEND_DIAGNOSTICS_H

#include "clang/AST/Type.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace ddx::frontend {

/// Constructs ddx does not lower. Each has a description (which may contain
/// `{0}` for a name) and a hint.
enum class Construct {
  Goto,
  Label,
  Try,
  Throw,
  Asm,
  Lambda,
  New,
  Delete,
  RangeFor,
  Coroutine,
  AddressOf,
  Deref,
  BitwiseOp,
  Spaceship,
  MemberAccess,
  ArraySubscript,
  This,
  StringLiteral,
  StatementExpr,
  StaticLocal,
  StructuredBinding,
  GlobalRead,
  GlobalWrite,
  CapturedVar,
  MemberFunction,
  MemberCall,
  OperatorCall,
  IndirectCall,
  VariadicFunction,
  LibraryCall,
  MinMaxCall,
  LongDoubleMath,
  NestedCaseLabel,
  CaseRange,
  WhileConditionVariable,
  ConditionalLValue,
  UnsupportedCast,
  UnsupportedLValue,
  PointerCompare,
  PointerDifference,
  NullPointer,
  PointerTest,
  CastAwayConst,
  ReturnPointer,
  UninitializedPointer,
  MixedConstPointer,
  MixedConstConditional,
  AliasedArguments,
  OtherStmt,
  OtherExpr,
};

/// The other messages. Formats use Clang's `%0`, `%1` placeholders.
enum class Msg {
  /// "%0 is not supported by ddx; %1": construct, hint.
  Unsupported,
  /// "%0 has type '%1', which is not supported by ddx; %2".
  UnsupportedType,
  CallNoDefinition,
  CallFailedCallee,
  InternalError,
  RequestNotFunction,
  RequestBadKind,
  RequestBadLanes,
  RequestNoDefinition,
  RequestUnknownParam,
  RequestNonFloatParam,
  RequestDuplicateParam,
  RequestEmptyParam,
  RequestPragmaMalformed,
  RequestNotAtNamespaceScope,
  RequestNotInMainFile,
  RequestWithoutPragma,
  GenerateFailed,
  NoteCalledFrom,
  NoteRequestedHere,
  NoteLowering,
};

/// Emits ddx's diagnostics through a Clang DiagnosticsEngine, so they print
/// like Clang's own (file:line:col, caret, notes).
class Reporter {
public:
  explicit Reporter(clang::DiagnosticsEngine &Diags) : Diags(Diags) {}

  void report(clang::SourceLocation Loc, Msg M,
              llvm::ArrayRef<std::string> Args = {});
  /// "<construct> is not supported by ddx; <hint>".
  void unsupported(clang::SourceLocation Loc, Construct C,
                   llvm::StringRef Name = "");
  /// "<What> has type '<T>', which is not supported by ddx; <hint for T>".
  void unsupportedType(clang::SourceLocation Loc, llvm::StringRef What,
                       clang::QualType T, const clang::PrintingPolicy &PP);

  clang::DiagnosticsEngine &engine() { return Diags; }

private:
  clang::DiagnosticsEngine &Diags;
};

} // namespace ddx::frontend

#endif
