//===- PointerInduction.cpp - Pointers advanced by loops to indices -------===//
//
// A pointer carried by a loop has no fixed offset from its array, so reverse
// mode could not find its adjoint storage; as an offset from the pointer's
// initial value it has one (like LLVM's induction-variable simplification,
// in the other direction).
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/PointerInduction.h"
#include "ddx/IR/Builder.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

/// The step by which an iteration makes Next from pointer Arg: k for
/// `offset %Arg, %k` with k a constant or defined outside Loop, null for
/// Arg itself (not advanced); nullopt otherwise.
std::optional<Value *> stepFrom(const Value *Arg, Value *Next,
                                const Operation &Loop) {
  if (!Arg->getType().isPointer())
    return std::nullopt;
  if (Next == Arg)
    return nullptr;
  const Operation *Def = Next->getDefiningOp();
  if (!Def || Def->getKind() != OpKind::Offset || Def->getOperand(0) != Arg)
    return std::nullopt;
  Value *Step = Def->getOperand(1);
  const Operation *StepDef = Step->getDefiningOp();
  if (Step->getParentRegion()->isInside(Loop) &&
      !(StepDef && StepDef->getKind() == OpKind::Constant))
    return std::nullopt;
  return Step;
}

/// The step of `for` Loop's carried value J (see stepFrom).
std::optional<Value *> pointerStep(const Operation &Loop, unsigned J) {
  const Region &Body = Loop.getRegion(0);
  return stepFrom(Body.getArgument(J + 1), Body.getTerminator()->getOperand(J),
                  Loop);
}

/// Removes the yielded operand J of Yield, and what computed it if nothing
/// else uses that.
void dropYielded(Function &F, Operation &Yield, unsigned J) {
  Value *Next = Yield.getOperand(J);
  Yield.eraseOperand(J);
  Operation *Def = Next->getDefiningOp();
  if (Def && !isUsedIn(F.getBody(), Next))
    Def->getParentRegion()->erase(Def->getParentRegion()->indexOf(Def));
}

/// Step where B inserts: itself, or a copy if it is a constant in the loop.
Value *stepHere(Builder &B, Value *Step) {
  const Operation *Def = Step->getDefiningOp();
  if (Def && Def->getKind() == OpKind::Constant)
    return B.clone(*Def, {})->getResult();
  return Step;
}

/// Rewrites carried value J of Loop (a pointer advanced by Step).
void rewrite(Function &F, Operation &Loop, unsigned J, Value *Step) {
  Region &Body = Loop.getRegion(0);
  Value *Arg = Body.getArgument(J + 1);
  Value *Init = Loop.getLoopInits()[J];
  Value *Lb = Loop.getOperand(0), *Ub = Loop.getOperand(1),
        *LoopStep = Loop.getOperand(2);
  Builder B;
  B.setLoc(Loop.getLoc());

  // In the body: the pointer of this iteration.
  B.setInsertionPoint(Body, 0);
  Value *Here = Init;
  if (Step) {
    Value *IV = Body.getArgument(0);
    Value *Index = B.div(B.sub(IV, Lb), LoopStep);
    Here =
        B.offset(Init, B.mul(Index, B.cast(stepHere(B, Step), IV->getType())));
    Here->setName(Arg->getName());
  }
  replaceUsesIn(Body, Arg, Here);

  // After the loop: the pointer past the last iteration.
  Region &Outer = *Loop.getParentRegion();
  B.setInsertionPoint(Outer, Outer.indexOf(&Loop) + 1);
  Value *Result = Loop.getResult(J);
  Value *After = Init;
  if (Step) {
    Value *Trips = B.tripCount(Lb, Ub, LoopStep);
    After = B.offset(Init,
                     B.mul(Trips, B.cast(stepHere(B, Step), Trips->getType())));
    After->setName(Result->getName());
  }
  replaceUsesIn(F.getBody(), Result, After);

  // Drop the carried value, and the advance that only fed it.
  dropYielded(F, *Body.getTerminator(), J);
  Body.eraseArgument(J + 1);
  Loop.eraseResult(J);
  Loop.eraseOperand(3 + J);
}

/// The step by which `while` Loop advances its carried pointer J: the
/// before region forwards it unchanged and the after region yields
/// `offset %p, %k` (k invariant or a constant).
std::optional<Value *> whilePointerStep(const Operation &Loop, unsigned J) {
  const Region &Before = Loop.getRegion(0), &After = Loop.getRegion(1);
  if (Before.getTerminator()->getOperand(J + 1) != Before.getArgument(J))
    return std::nullopt;
  return stepFrom(After.getArgument(J), After.getTerminator()->getOperand(J),
                  Loop);
}

/// Adds an iteration counter to `while` Loop (0 on entry, +1 per run of
/// the after region); returns it in the before region, the after region
/// and after the loop.
struct WhileCounter {
  Value *Before, *After, *Result;
};
WhileCounter addCounter(Operation &Loop) {
  Builder B;
  B.setLoc(Loop.getLoc());
  Region &Outer = *Loop.getParentRegion();
  B.setInsertionPoint(Outer, Outer.indexOf(&Loop));
  Loop.appendOperand(B.constant(Type::i64(), 0));
  Region &Before = Loop.getRegion(0), &After = Loop.getRegion(1);
  WhileCounter C;
  C.Before = Before.addArgument(Type::i64(), "count");
  Before.getTerminator()->appendOperand(C.Before);
  C.After = After.addArgument(Type::i64(), "count");
  B.setInsertionPoint(After, After.size() - 1);
  After.getTerminator()->appendOperand(
      B.add(C.After, B.constant(Type::i64(), 1)));
  C.Result = Loop.appendResult(Type::i64());
  C.Result->setName("count");
  return C;
}

/// Rewrites carried pointer J of `while` Loop, advanced by Step.
void rewriteWhile(Function &F, Operation &Loop, unsigned J, Value *Step,
                  const WhileCounter &Count) {
  Region &Before = Loop.getRegion(0), &After = Loop.getRegion(1);
  Value *Init = Loop.getOperand(J);
  Builder B;
  B.setLoc(Loop.getLoc());
  auto At = [&](Value *Index, const Value *Old) -> Value * {
    if (!Step)
      return Init;
    Value *P = B.offset(
        Init, B.mul(Index, B.cast(stepHere(B, Step), Index->getType())));
    P->setName(Old->getName());
    return P;
  };
  B.setInsertionPoint(Before, 0);
  replaceUsesIn(Before, Before.getArgument(J),
              At(Count.Before, Before.getArgument(J)));
  B.setInsertionPoint(After, 0);
  replaceUsesIn(After, After.getArgument(J),
              At(Count.After, After.getArgument(J)));
  Region &Outer = *Loop.getParentRegion();
  B.setInsertionPoint(Outer, Outer.indexOf(&Loop) + 1);
  replaceUsesIn(F.getBody(), Loop.getResult(J),
              At(Count.Result, Loop.getResult(J)));

  dropYielded(F, *After.getTerminator(), J);
  Before.getTerminator()->eraseOperand(J + 1);
  Before.eraseArgument(J);
  After.eraseArgument(J);
  Loop.eraseResult(J);
  Loop.eraseOperand(J);
}

} // namespace

bool ddx::rewritePointerInductions(Function &F) {
  llvm::SmallVector<Operation *, 4> Loops;
  walk(F.getBody(), [&](Operation *Op) {
    if ((Op->getKind() == OpKind::For && !Op->isReverseLoop()) ||
        Op->getKind() == OpKind::While)
      Loops.push_back(Op);
  });
  bool Changed = false;
  for (Operation *Loop : Loops) {
    if (Loop->getKind() == OpKind::For) {
      for (unsigned J = Loop->getNumResults(); J-- > 0;)
        if (std::optional<Value *> Step = pointerStep(*Loop, J)) {
          rewrite(F, *Loop, J, *Step);
          Changed = true;
        }
      continue;
    }
    std::optional<WhileCounter> Count;
    for (unsigned J = Loop->getNumResults(); J-- > 0;)
      if (std::optional<Value *> Step = whilePointerStep(*Loop, J)) {
        if (!Count)
          Count = addCounter(*Loop);
        rewriteWhile(F, *Loop, J, *Step, *Count);
        Changed = true;
      }
  }
  return Changed;
}
