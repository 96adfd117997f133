//===- VariablePlan.h - Mapping SSA values to C++ variables -----*- C++ -*-===//
//
// Internal to the emitter. Decides, for every value of a function, whether it
// is printed inside the expression that uses it or lives in a C++ variable,
// and which values share a variable (out-of-SSA translation with coalescing).
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_EMIT_VARIABLEPLAN_H
#define DDX_LIB_EMIT_VARIABLEPLAN_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace ddx {

struct VariablePlan {
  struct Variable {
    std::string Name;
    ir::Type Ty;
  };
  std::vector<Variable> Vars;
  /// The variable holding each non-inlined, non-constant value.
  llvm::DenseMap<const ir::Value *, unsigned> VarOf;
  /// Values printed as part of their single user's expression.
  llvm::DenseSet<const ir::Value *> Inlined;
  /// One-element allocas only loaded, stored and passed to calls: printed as
  /// a plain variable (`double d_t = 0.0;`, `d_t += ...`, `&d_t`).
  llvm::DenseSet<const ir::Value *> ScalarSlots;

  bool isInlined(const ir::Value *V) const { return Inlined.contains(V); }
  /// Constants are always printed as literals.
  static bool isConstant(const ir::Value *V) {
    return V->getDefiningOp() &&
           V->getDefiningOp()->getKind() == ir::OpKind::Constant;
  }
};

/// Names reserved in the emitted function (callees), besides C++ keywords.
VariablePlan planVariables(const ir::Function &F,
                           const llvm::DenseSet<llvm::StringRef> &Reserved);

} // namespace ddx

#endif
