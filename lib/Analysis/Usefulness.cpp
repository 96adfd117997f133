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

/// For a pointer a loop carries: the value it starts from and the value
/// each iteration passes on (null while the loop is being built); null if
/// Arg is not loop-carried.
static std::pair<const Value *, const Value *> carriedFrom(const Value *Arg) {
  const Region *R = Arg->getArgOwner();
  const Operation *Loop = R ? R->getParentOp() : nullptr;
  if (!Loop)
    return {nullptr, nullptr};
  unsigned I = Arg->getIndex();
  auto Operand = [](const Region &Of, unsigned K) -> const Value * {
    const Operation *Term = Of.getTerminator();
    return Term && K < Term->getNumOperands() ? Term->getOperand(K) : nullptr;
  };
  if (Loop->getKind() == OpKind::For && I > 0)
    return {Loop->getLoopInits()[I - 1], Operand(*R, I - 1)};
  if (Loop->getKind() != OpKind::While)
    return {nullptr, nullptr};
  if (R == &Loop->getRegion(0))
    return {Loop->getOperand(I), Operand(Loop->getRegion(1), I)};
  // The after region's arguments are what the condition forwards.
  return {Operand(Loop->getRegion(0), I + 1), nullptr};
}

const Value *ddx::baseObject(const Value *Ptr) {
  while (Ptr && Ptr->getType().isPointer()) {
    const Operation *Def = Ptr->getDefiningOp();
    if (!Def) {
      // A pointer a loop advances through one array (`++p`) addresses that
      // array: the one it starts in, if each iteration offsets it from
      // itself.
      auto [Init, Next] = carriedFrom(Ptr);
      if (!Init)
        return Ptr;
      if (Next && Next != Init) {
        const Value *N = Next;
        while (N != Ptr && N->getDefiningOp() &&
               N->getDefiningOp()->getKind() == OpKind::Offset)
          N = N->getDefiningOp()->getOperand(0);
        // In a `while`, the after region offsets what the condition
        // forwarded.
        if (N != Ptr && !N->getDefiningOp() &&
            N->getArgOwner() != Ptr->getArgOwner()) {
          auto [Forwarded, Unused] = carriedFrom(N);
          (void)Unused;
          if (Forwarded == Ptr)
            N = Ptr;
        }
        if (N != Ptr)
          return Ptr;
      }
      Ptr = Init;
      continue;
    }
    if (Def->getKind() != OpKind::Offset)
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
