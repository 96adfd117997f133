//===- DeadCode.cpp - Liveness-based dead code elimination ----------------===//
//
// Marks live values backwards from the roots (returned values, and the
// operands of operations with memory effects: stores, tape pushes and pops,
// calls), then deletes what is unmarked. Starting from "everything is
// dead" is what lets a loop-carried value that only feeds itself die; a
// use-count sweep never sees it as unused.
//
// An operation is needed when it must run: a root, or the definition of a
// live value. A needed operation inside a region needs its parent to run,
// so the parent's controls (if condition, loop bounds, while condition) are
// live too.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/DeadCode.h"
#include "ddx/Analysis/Usefulness.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <string>

using namespace ddx;
using namespace ddx::ir;

namespace {

class Liveness {
public:
  void run(Function &F) {
    collectUnreadArrays(F);
    walk(F.getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::Store &&
          Unread.contains(baseObject(Op->getOperand(1))))
        return;
      if (Op->getKind() == OpKind::Return ||
          (Op->getKind() == OpKind::Call
               ? mayHaveEffects(F.getParent(), Op->getCallee())
               : hasMemoryEffects(Op->getKind())))
        need(Op);
    });
    while (!Worklist.empty()) {
      Value *V = Worklist.pop_back_val();
      if (Operation *Def = V->getDefiningOp())
        resultLive(Def, V->getIndex());
      else
        argumentLive(V->getArgOwner(), V->getIndex());
    }
    sweep(F.getBody());
  }

private:
  /// Local arrays that are only ever stored to (a copy of a parameter
  /// whose loads were forwarded, say): their stores are dead.
  void collectUnreadArrays(const Function &F) {
    walk(F.getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::Alloca)
        Unread.insert(Op->getResult());
    });
    walk(F.getBody(), [&](Operation *Op) {
      for (unsigned I = 0; I != Op->getNumOperands(); ++I) {
        Value *V = Op->getOperand(I);
        bool Addressing = (Op->getKind() == OpKind::Store && I == 1) ||
                          (Op->getKind() == OpKind::Offset && I == 0);
        if (V->getType().isPointer() && !Addressing)
          Unread.erase(baseObject(V));
      }
    });
  }

  /// Whether calling Name may store, push or pop: a function in the module
  /// whose body (and callees' bodies) does none of that is pure, so a call
  /// whose results are unused can go. Unknown callees may do anything.
  bool mayHaveEffects(const Module *M, const std::string &Name) {
    auto It = Effects.find(Name);
    if (It != Effects.end())
      return It->second;
    const Function *Callee = M ? M->lookup(Name) : nullptr;
    if (!Callee)
      return Effects[Name] = true;
    Effects[Name] = false; // A recursive call adds no effects of its own.
    bool Any = false;
    walk(Callee->getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::Call)
        Any |= mayHaveEffects(M, Op->getCallee());
      else
        Any |= hasMemoryEffects(Op->getKind());
    });
    return Effects[Name] = Any;
  }

  void mark(Value *V) {
    if (Live.insert(V).second)
      Worklist.push_back(V);
  }

  static Operation *terminator(const Region &R) { return R.getTerminator(); }

  void need(Operation *Op) {
    if (!Op || !Needed.insert(Op).second)
      return;
    switch (Op->getKind()) {
    case OpKind::If:
      mark(Op->getOperand(0));
      break;
    case OpKind::For:
      for (unsigned I = 0; I != 3; ++I)
        mark(Op->getOperand(I));
      break;
    case OpKind::While:
      mark(terminator(Op->getRegion(0))->getOperand(0));
      break;
    default:
      for (Value *V : Op->getOperands())
        mark(V);
      break;
    }
    need(Op->getParentOp());
  }

  void resultLive(Operation *Op, unsigned J) {
    need(Op);
    switch (Op->getKind()) {
    case OpKind::If:
      for (unsigned R = 0; R != 2; ++R)
        mark(terminator(Op->getRegion(R))->getOperand(J));
      break;
    case OpKind::For:
      mark(Op->getRegion(0).getArgument(J + 1));
      break;
    case OpKind::While:
      mark(terminator(Op->getRegion(0))->getOperand(J + 1));
      break;
    default:
      break;
    }
  }

  void argumentLive(Region *R, unsigned I) {
    Operation *Op = R->getParentOp();
    if (!Op)
      return; // A function parameter.
    need(Op);
    if (Op->getKind() == OpKind::For) {
      if (I == 0)
        return; // The induction variable.
      mark(Op->getOperand(3 + I - 1));
      mark(terminator(Op->getRegion(0))->getOperand(I - 1));
      return;
    }
    if (Op->getKind() != OpKind::While)
      return;
    if (R == &Op->getRegion(0)) {
      mark(Op->getOperand(I));
      mark(terminator(Op->getRegion(1))->getOperand(I));
    } else {
      mark(terminator(Op->getRegion(0))->getOperand(I + 1));
    }
  }

  void sweep(Region &R) {
    for (size_t I = R.size(); I-- > 0;) {
      Operation &Op = *R.getOps()[I];
      if (isTerminator(Op.getKind()))
        continue;
      if (!Needed.contains(&Op)) {
        R.erase(I);
        continue;
      }
      dropDeadSlots(Op);
      for (unsigned K = 0; K != Op.getNumRegions(); ++K)
        sweep(Op.getRegion(K));
    }
  }

  void dropDeadSlots(Operation &Op) {
    switch (Op.getKind()) {
    case OpKind::If:
      for (unsigned J = Op.getNumResults(); J-- > 0;) {
        if (Live.contains(Op.getResult(J)))
          continue;
        Op.eraseResult(J);
        for (unsigned R = 0; R != 2; ++R)
          terminator(Op.getRegion(R))->eraseOperand(J);
      }
      break;
    case OpKind::For: {
      Region &Body = Op.getRegion(0);
      for (unsigned J = Op.getNumResults(); J-- > 0;) {
        if (Live.contains(Op.getResult(J)) ||
            Live.contains(Body.getArgument(J + 1)))
          continue;
        Op.eraseResult(J);
        Op.eraseOperand(3 + J);
        terminator(Body)->eraseOperand(J);
        Body.eraseArgument(J + 1);
      }
      break;
    }
    case OpKind::While: {
      Region &Before = Op.getRegion(0), &After = Op.getRegion(1);
      for (unsigned J = Op.getNumResults(); J-- > 0;) {
        if (Live.contains(Op.getResult(J)) ||
            Live.contains(Before.getArgument(J)) ||
            Live.contains(After.getArgument(J)))
          continue;
        Op.eraseResult(J);
        Op.eraseOperand(J);
        terminator(Before)->eraseOperand(J + 1);
        terminator(After)->eraseOperand(J);
        Before.eraseArgument(J);
        After.eraseArgument(J);
      }
      break;
    }
    default:
      break;
    }
  }

  std::map<std::string, bool> Effects;
  llvm::DenseSet<const Value *> Live;
  llvm::DenseSet<const Operation *> Needed;
  llvm::SmallVector<Value *, 32> Worklist;
  llvm::DenseSet<const Value *> Unread;
};

} // namespace

void ddx::eliminateDeadCode(Function &F) { Liveness().run(F); }
