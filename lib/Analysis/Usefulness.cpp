//===- Usefulness.cpp - Which values reach the outputs --------------------===//
//
// A worklist walks data flow backwards from the roots: floating operands of
// `return`, and values stored into memory the caller sees. Memory is tracked
// per base object: a useful load makes its object useful, and a useful object
// makes every value stored into it useful.
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/Usefulness.h"

using namespace ddx;
using namespace ddx::ir;

const Value *ddx::baseObject(const Value *Ptr) {
  while (Ptr && Ptr->getType().isPointer()) {
    const Operation *Def = Ptr->getDefiningOp();
    if (!Def || Def->getKind() != OpKind::Offset)
      return Ptr;
    Ptr = Def->getOperand(0);
  }
  return nullptr;
}

UsefulnessAnalysis::UsefulnessAnalysis(const Function &F) : F(F) {
  walk(F.getBody(), [&](Operation *Op) {
    if (Op->getKind() == OpKind::Store)
      StoresTo[baseObject(Op->getOperand(1))].push_back(Op);
    if (Op->getKind() == OpKind::Return)
      for (Value *V : Op->getOperands())
        mark(V);
  });
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    Type T = F.getParam(I)->getType();
    if (T.isPointer() && !T.isConstPointer())
      markMemory(F.getParam(I));
  }
  while (!Worklist.empty())
    visit(Worklist.pop_back_val());
}

void UsefulnessAnalysis::mark(const Value *V) {
  if (V->getType().isFloatData() && Useful.insert(V).second)
    Worklist.push_back(V);
}

void UsefulnessAnalysis::markMemory(const Value *Base) {
  if (!Base || !UsefulMemory.insert(Base).second)
    return;
  for (const Operation *Store : StoresTo.lookup(Base))
    mark(Store->getOperand(0));
}

void UsefulnessAnalysis::visit(const Value *V) {
  auto Yielded = [](const Region &R, unsigned I) {
    return R.getTerminator()->getOperand(I);
  };
  if (const Operation *Op = V->getDefiningOp()) {
    unsigned J = V->getIndex();
    switch (Op->getKind()) {
    case OpKind::Cmp:
    case OpKind::Constant:
    case OpKind::TapePop:
      return;
    case OpKind::Load:
      markMemory(baseObject(Op->getOperand(0)));
      return;
    case OpKind::Select:
      mark(Op->getOperand(1));
      mark(Op->getOperand(2));
      return;
    case OpKind::If:
      mark(Yielded(Op->getRegion(0), J));
      mark(Yielded(Op->getRegion(1), J));
      return;
    case OpKind::For:
      mark(Op->getRegion(0).getArgument(J + 1));
      return;
    case OpKind::While:
      mark(Yielded(Op->getRegion(0), J + 1));
      return;
    case OpKind::Offset:
      mark(Op->getOperand(0));
      return;
    default:
      // Arithmetic, math, casts and calls: every operand that carries data.
      for (const Value *Operand : Op->getOperands())
        mark(Operand);
      return;
    }
  }
  // A region argument: a loop's carried value.
  const Region *R = V->getArgOwner();
  const Operation *Loop = R->getParentOp();
  if (!Loop) {
    // A pointer parameter: what it points to matters.
    if (V->getType().isPointer())
      markMemory(V);
    return;
  }
  unsigned I = V->getIndex();
  if (Loop->getKind() == OpKind::For) {
    if (I == 0)
      return;
    mark(Loop->getLoopInits()[I - 1]);
    mark(Yielded(Loop->getRegion(0), I - 1));
    return;
  }
  if (Loop->getKind() == OpKind::While) {
    if (R == &Loop->getRegion(0)) {
      mark(Loop->getOperand(I));
      mark(Yielded(Loop->getRegion(1), I));
    } else {
      mark(Yielded(Loop->getRegion(0), I + 1));
    }
  }
}
