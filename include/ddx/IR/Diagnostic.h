//===- Diagnostic.h - Errors that point at a source construct ---*- C++ -*-===//
//
// A transform that cannot differentiate an operation says so with a
// LocatedError: the function and the operation's source position travel with
// the message, so the driver can put the caret on the construct that caused
// it rather than on the request.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_IR_DIAGNOSTIC_H
#define DDX_IR_DIAGNOSTIC_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <string>

namespace ddx::ir {

class LocatedError : public llvm::ErrorInfo<LocatedError> {
public:
  static char ID;

  LocatedError(std::string Function, Location Loc, std::string Message)
      : Function(std::move(Function)), Loc(Loc), Message(std::move(Message)) {}

  /// The IR name of the function holding the construct.
  const std::string &function() const { return Function; }
  Location location() const { return Loc; }
  /// What went wrong and what the user can do, without the position.
  const std::string &text() const { return Message; }

  /// "line N: <message>" (just the message if the line is unknown).
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  std::string Function;
  Location Loc;
  std::string Message;
};

/// An error about Op, located at Op's source position in its function.
llvm::Error errorAt(const Operation &Op, const llvm::Twine &Message);

/// An error about a construct at Loc in Function.
llvm::Error errorAt(llvm::StringRef Function, Location Loc,
                    const llvm::Twine &Message);

} // namespace ddx::ir

#endif
