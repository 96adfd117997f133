//===- Diagnostic.cpp - Errors that point at a source construct -----------===//
#include "ddx/IR/Diagnostic.h"
#include "llvm/Support/raw_ostream.h"

using namespace ddx::ir;

char LocatedError::ID = 0;

void LocatedError::log(llvm::raw_ostream &OS) const {
  if (Loc.isKnown())
    OS << "line " << Loc.Line << ": ";
  OS << Message;
}

std::error_code LocatedError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

llvm::Error ddx::ir::errorAt(llvm::StringRef Function, Location Loc,
                             const llvm::Twine &Message) {
  return llvm::make_error<LocatedError>(Function.str(), Loc, Message.str());
}

llvm::Error ddx::ir::errorAt(const Operation &Op, const llvm::Twine &Message) {
  const Function *F = Op.getParentRegion()
                          ? Op.getParentRegion()->getParentFunction()
                          : nullptr;
  return errorAt(F ? F->getName() : "", Op.getLoc(), Message);
}
