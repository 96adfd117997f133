//===- Activity.h - Which values carry derivatives --------------*- C++ -*-===//
#ifndef DDX_ANALYSIS_ACTIVITY_H
#define DDX_ANALYSIS_ACTIVITY_H

#include "ddx/IR/IR.h"
#include "llvm/ADT/DenseSet.h"

namespace ddx {

/// Forward ("varied") activity: a value is active when it is floating and
/// depends, through floating data flow, on an active parameter. Values that
/// are not active get no derivative code. Integers and bools never are:
/// a derivative through them is zero almost everywhere.
///
/// Memory is tracked per base object (an alloca, tape or pointer parameter):
/// it is active when an active parameter points to it or an active value is
/// stored into it, and a pointer is active when its base object is. Loads
/// from active memory are active.
///
/// Loop-carried values are solved to a fixed point. Calls are treated as
/// dependent on all their floating arguments, and as writing active data
/// through their non-const pointer arguments when any argument is active.
class ActivityAnalysis {
public:
  ActivityAnalysis(const ir::Function &F,
                   llvm::ArrayRef<unsigned> ActiveParams);

  bool isActive(const ir::Value *V) const;
  /// Whether the memory of a base object (see baseObject) is active.
  bool isActiveMemory(const ir::Value *Base) const {
    return ActiveMemory.contains(Base);
  }

  /// Indices of F's floating parameters (the default independent inputs).
  static llvm::SmallVector<unsigned, 4>
  floatingParams(const ir::Function &F);

private:
  bool markActive(const ir::Value *V);
  bool markMemory(const ir::Value *Base);
  bool propagate(const ir::Region &R);
  bool propagate(const ir::Operation &Op);
  bool anyActive(llvm::ArrayRef<ir::Value *> Vs) const;

  llvm::DenseSet<const ir::Value *> Active, ActiveMemory;
};

} // namespace ddx

#endif
