//===- Usefulness.h - Which values reach the outputs ------------*- C++ -*-===//
#ifndef DDX_ANALYSIS_USEFULNESS_H
#define DDX_ANALYSIS_USEFULNESS_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseSet.h"

namespace ddx {

/// Backward ("useful") activity: a floating value is useful when it flows,
/// through floating data, into the function's results or into memory the
/// function exposes to its caller (non-const pointer parameters). Reverse
/// mode propagates adjoints only through values that are both varied
/// (ActivityAnalysis) and useful: any other adjoint is zero or never read.
class UsefulnessAnalysis {
public:
  explicit UsefulnessAnalysis(const ir::Function &F);

  bool isUseful(const ir::Value *V) const { return Useful.contains(V); }
  /// Whether memory reachable from pointer P (an alloca, tape or parameter)
  /// holds useful values.
  bool isUsefulMemory(const ir::Value *Base) const {
    return UsefulMemory.contains(Base);
  }

private:
  void mark(const ir::Value *V);
  void markMemory(const ir::Value *Base);
  void visit(const ir::Value *V);

  const ir::Function &F;
  llvm::DenseSet<const ir::Value *> Useful, UsefulMemory;
  llvm::SmallVector<const ir::Value *, 32> Worklist;
  /// Stores by base object, filled on demand.
  llvm::DenseMap<const ir::Value *, llvm::SmallVector<const ir::Operation *, 4>>
      StoresTo;
};

/// The object a pointer points into: the alloca, tape or pointer parameter
/// it was derived from by offsets; null if not a pointer.
const ir::Value *baseObject(const ir::Value *Ptr);

} // namespace ddx

#endif
