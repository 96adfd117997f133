//===- Activity.cpp - Which values carry derivatives ----------------------===//
#include "ddx/Analysis/Activity.h"
#include "ddx/Analysis/Usefulness.h"

using namespace ddx;
using namespace ddx::ir;

ActivityAnalysis::ActivityAnalysis(const Function &F,
                                   llvm::ArrayRef<unsigned> ActiveParams) {
  for (unsigned I : ActiveParams)
    markActive(F.getParam(I));
  // Each sweep only adds values, so this terminates; loops need a few sweeps
  // because a carried value may become active on a later iteration.
  while (propagate(F.getBody())) {
  }
}

llvm::SmallVector<unsigned, 4>
ActivityAnalysis::floatingParams(const Function &F) {
  llvm::SmallVector<unsigned, 4> Indices;
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    if (F.getParam(I)->getType().isFloatData())
      Indices.push_back(I);
  }
  return Indices;
}

bool ActivityAnalysis::isActive(const Value *V) const {
  if (V->getType().isPointer())
    return ActiveMemory.contains(baseObject(V));
  return Active.contains(V);
}

bool ActivityAnalysis::markActive(const Value *V) {
  if (V->getType().isPointer())
    return markMemory(baseObject(V));
  if (!V->getType().isFloat())
    return false;
  return Active.insert(V).second;
}

bool ActivityAnalysis::markMemory(const Value *Base) {
  if (!Base || !Base->getType().getElementType().isFloat())
    return false;
  return ActiveMemory.insert(Base).second;
}

bool ActivityAnalysis::anyActive(llvm::ArrayRef<Value *> Vs) const {
  for (const Value *V : Vs)
    if (isActive(V))
      return true;
  return false;
}

bool ActivityAnalysis::propagate(const Region &R) {
  bool Changed = false;
  for (const auto &Op : R.getOps())
    Changed |= propagate(*Op);
  return Changed;
}

/// Marks the values that `Sources[I]` flows into, position by position.
static bool flowInto(ActivityAnalysis &AA, llvm::ArrayRef<Value *> Sources,
                     llvm::ArrayRef<Value *> Targets,
                     llvm::function_ref<bool(const Value *)> Mark) {
  bool Changed = false;
  for (unsigned I = 0; I != Sources.size() && I != Targets.size(); ++I)
    if (AA.isActive(Sources[I]))
      Changed |= Mark(Targets[I]);
  return Changed;
}

bool ActivityAnalysis::propagate(const Operation &Op) {
  auto Mark = [this](const Value *V) { return markActive(V); };
  bool Changed = false;
  switch (Op.getKind()) {
  case OpKind::Constant:
  case OpKind::Cmp:
  case OpKind::Yield:
  case OpKind::Condition:
  case OpKind::Return:
  case OpKind::Offset: // A pointer's activity is its base object's.
  case OpKind::Alloca:
  case OpKind::TapeAlloc:
  case OpKind::TapePush:
  case OpKind::TapePop:
    return false;
  case OpKind::Load:
    return isActive(Op.getOperand(0)) && markActive(Op.getResult());
  case OpKind::Store:
    return isActive(Op.getOperand(0)) && markActive(Op.getOperand(1));
  case OpKind::Call:
    if (!anyActive(Op.getOperands()))
      return false;
    for (Value *R : Op.getResults())
      Changed |= markActive(R);
    for (Value *V : Op.getOperands())
      if (V->getType().isPointer() && !V->getType().isConstPointer())
        Changed |= markActive(V);
    return Changed;
  case OpKind::Select:
    // The condition is a bool; only the arms carry derivatives.
    if (anyActive(Op.getOperands().drop_front()))
      Changed |= markActive(Op.getResult());
    return Changed;
  case OpKind::If: {
    Changed |= propagate(Op.getRegion(0));
    Changed |= propagate(Op.getRegion(1));
    for (unsigned R = 0; R != 2; ++R)
      Changed |= flowInto(*this, Op.getRegion(R).getTerminator()->getOperands(),
                          Op.getResults(), Mark);
    return Changed;
  }
  case OpKind::For: {
    const Region &Body = Op.getRegion(0);
    auto Carried = Body.getArguments();
    llvm::ArrayRef<Value *> Iter = llvm::ArrayRef(Carried).drop_front();
    Changed |= flowInto(*this, Op.getLoopInits(), Iter, Mark);
    Changed |= propagate(Body);
    auto Next = Body.getTerminator()->getOperands();
    Changed |= flowInto(*this, Next, Iter, Mark);
    Changed |= flowInto(*this, Iter, Op.getResults(), Mark);
    Changed |= flowInto(*this, Next, Op.getResults(), Mark);
    return Changed;
  }
  case OpKind::While: {
    const Region &Before = Op.getRegion(0), &After = Op.getRegion(1);
    Changed |= flowInto(*this, Op.getOperands(), Before.getArguments(), Mark);
    Changed |= propagate(Before);
    auto Forwarded = Before.getTerminator()->getOperands().drop_front();
    Changed |= flowInto(*this, Forwarded, After.getArguments(), Mark);
    Changed |= flowInto(*this, Forwarded, Op.getResults(), Mark);
    Changed |= propagate(After);
    Changed |= flowInto(*this, After.getTerminator()->getOperands(),
                        Before.getArguments(), Mark);
    return Changed;
  }
  default:
    // Arithmetic, math and casts: any active operand makes every floating
    // result active.
    if (anyActive(Op.getOperands()))
      for (Value *R : Op.getResults())
        Changed |= markActive(R);
    return Changed;
  }
}
