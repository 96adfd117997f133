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
/// Loop-carried values are solved to a fixed point. Calls are treated as
/// dependent on all their floating arguments, which is exact for the scalar
/// (pass-by-value) functions ddx lowers today.
class ActivityAnalysis {
public:
  ActivityAnalysis(const ir::Function &F,
                   llvm::ArrayRef<unsigned> ActiveParams);

  bool isActive(const ir::Value *V) const { return Active.contains(V); }

  /// Indices of F's floating parameters (the default independent inputs).
  static llvm::SmallVector<unsigned, 4>
  floatingParams(const ir::Function &F);

private:
  bool markActive(const ir::Value *V);
  bool propagate(const ir::Region &R);
  bool propagate(const ir::Operation &Op);
  bool anyActive(llvm::ArrayRef<ir::Value *> Vs) const;

  llvm::DenseSet<const ir::Value *> Active;
};

} // namespace ddx

#endif
