//===- TapePlanner.cpp - What the reverse sweep keeps, recomputes, tapes --===//
//
// Two steps. First, which operations the reverse sweep handles and which
// primal values each needs: a differentiable operation needs the primal
// values its transposed rule mentions (found by building the rule's terms
// and reading their leaves), memory operations need their address, calls
// their arguments, and structured operations their conditions and bounds.
// Second, a decision per needed value, preferring keep over recompute over
// tape; a recomputed value's operands become needed in turn.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/TapePlan.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/Transforms/DerivativeRules.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

class Planner {
public:
  Planner(const Function &F, llvm::function_ref<bool(const Value *)> IsActive,
          llvm::function_ref<bool(const Value *)> IsActiveMemory,
          TapePlan &P)
      : F(F), IsActive(IsActive), IsActiveMemory(IsActiveMemory), P(P) {
    Placeholder.addArgument(Type::f64());
    walk(F.getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::Store || Op->getKind() == OpKind::Call)
        for (Value *V : Op->getOperands())
          if (V->getType().isPointer())
            Written.insert(baseObject(V));
    });
  }

  void run() {
    markReversed(F.getBody());
    walk(F.getBody(), [&](Operation *Op) {
      if (P.Reversed.contains(Op))
        collectNeeds(*Op);
    });
    orderTapes();
  }

private:
  bool anyActiveResult(const Operation &Op) {
    for (Value *R : Op.getResults())
      if (IsActive(R))
        return true;
    return false;
  }

  bool touchesActiveMemory(const Operation &Op) {
    for (Value *V : Op.getOperands())
      if (V->getType().isPointer() && IsActiveMemory(baseObject(V)))
        return true;
    return false;
  }

  /// Whether Op (or anything inside it) has reverse-sweep work.
  bool markReversed(const Region &R) {
    bool Any = false;
    for (const auto &Op : R.getOps()) {
      bool Inner = false;
      for (unsigned K = 0; K != Op->getNumRegions(); ++K)
        Inner |= markReversed(Op->getRegion(K));
      bool Self = anyActiveResult(*Op);
      switch (Op->getKind()) {
      case OpKind::Load:
      case OpKind::Store:
      case OpKind::Call:
        Self |= touchesActiveMemory(*Op);
        break;
      default:
        break;
      }
      if (Inner || Self) {
        P.Reversed.insert(Op.get());
        Any = true;
        if (Op->getKind() == OpKind::While &&
            Op->getParentRegion() != &F.getBody())
          P.TapedCounts.insert(Op.get());
      }
    }
    return Any;
  }

  void collectNeeds(const Operation &Op) {
    switch (Op.getKind()) {
    case OpKind::Load:
    case OpKind::Offset:
      need(Op.getOperand(0));
      return;
    case OpKind::Store:
      need(Op.getOperand(1));
      return;
    case OpKind::Call:
      for (Value *V : Op.getOperands())
        need(V);
      return;
    case OpKind::If:
      need(Op.getOperand(0));
      return;
    case OpKind::For:
      for (unsigned I = 0; I != 3; ++I)
        need(Op.getOperand(I));
      return;
    case OpKind::While:
      return;
    default:
      break;
    }
    const DerivativeRule *Rule = lookupRule(Op.getKind());
    if (!Rule || Op.getNumResults() != 1 || !IsActive(Op.getResult()))
      return;
    llvm::SmallVector<bool, 3> Active;
    for (Value *V : Op.getOperands())
      Active.push_back(IsActive(V));
    Value *Ct = Placeholder.getArgument(0);
    for (const Term &T :
         vjp(*Rule, Op.getOperands(), Op.getResult(), Active, Term(Ct)))
      T.forEachLeaf([&](Value *Leaf) {
        if (Leaf != Ct)
          need(Leaf);
      });
  }

  void need(const Value *V) {
    if (P.Decisions.count(V))
      return;
    TapePlan::Decision D = decide(V);
    P.Decisions[V] = D;
    if (D == TapePlan::Decision::Tape)
      P.Taped[V->getParentRegion()].push_back(V);
    if (D == TapePlan::Decision::Recompute)
      for (Value *Operand : V->getDefiningOp()->getOperands())
        need(Operand);
  }

  TapePlan::Decision decide(const Value *V) {
    if (V->getParentRegion() == &F.getBody())
      return TapePlan::Decision::Keep;
    const Operation *Def = V->getDefiningOp();
    if (!Def) {
      const Operation *Loop = V->getArgOwner()->getParentOp();
      bool InductionVar = Loop && Loop->getKind() == OpKind::For &&
                          V->getIndex() == 0;
      return InductionVar ? TapePlan::Decision::Keep
                          : TapePlan::Decision::Tape;
    }
    if (isPure(Def->getKind()))
      return TapePlan::Decision::Recompute;
    // Memory nobody writes reads the same in reverse.
    if (Def->getKind() == OpKind::Load &&
        !Written.contains(baseObject(Def->getOperand(0))))
      return TapePlan::Decision::Recompute;
    return TapePlan::Decision::Tape;
  }

  /// Taped values in primal order (region arguments first), so that pops in
  /// reverse mirror pushes; and each loop body's storage.
  void orderTapes() {
    for (auto &Entry : P.Taped) {
      const Region *R = Entry.first;
      llvm::DenseMap<const Value *, unsigned> Position;
      unsigned N = 0;
      for (Value *A : R->getArguments())
        Position[A] = N++;
      for (const auto &Op : R->getOps())
        for (Value *Res : Op->getResults())
          Position[Res] = N++;
      llvm::sort(Entry.second, [&](const Value *A, const Value *B) {
        return Position.lookup(A) < Position.lookup(B);
      });
      const Operation *Loop = R->getParentOp();
      bool TopLevelFor = Loop && Loop->getKind() == OpKind::For &&
                         Loop->getParentRegion() == &F.getBody();
      P.RegionStorage[R] =
          TopLevelFor ? TapePlan::Storage::Array : TapePlan::Storage::Stack;
    }
  }

  const Function &F;
  llvm::function_ref<bool(const Value *)> IsActive, IsActiveMemory;
  TapePlan &P;
  Region Placeholder;
  llvm::DenseSet<const Value *> Written;
};

} // namespace

TapePlan ddx::planTape(const Function &F,
                       llvm::function_ref<bool(const Value *)> IsActive,
                       llvm::function_ref<bool(const Value *)> IsActiveMemory) {
  TapePlan P;
  Planner(F, IsActive, IsActiveMemory, P).run();
  return P;
}

static const char *str(TapePlan::Decision D) {
  switch (D) {
  case TapePlan::Decision::Keep:
    return "keep";
  case TapePlan::Decision::Recompute:
    return "recompute";
  case TapePlan::Decision::Tape:
    return "tape";
  }
  return "?";
}

static std::string describe(const Value *V) {
  std::string S = V->getName().empty() ? "<unnamed>" : "%" + V->getName();
  if (const Operation *Def = V->getDefiningOp()) {
    S += " = " + Def->getMnemonic().str();
    if (Def->getLoc().isKnown())
      S += " at line " + std::to_string(Def->getLoc().Line);
  } else {
    S += " (region argument)";
  }
  return S;
}

void TapePlan::print(const Function &F, llvm::raw_ostream &OS) const {
  OS << "tape plan for @" << F.getName() << "\n";
  walk(F.getBody(), [&](Operation *Op) {
    if (!Reversed.contains(Op) ||
        (Op->getKind() != OpKind::For && Op->getKind() != OpKind::While))
      return;
    unsigned Bytes = 0, Count = 0;
    for (unsigned R = 0; R != Op->getNumRegions(); ++R) {
      auto It = Taped.find(&Op->getRegion(R));
      if (It == Taped.end())
        continue;
      for (const Value *V : It->second) {
        Bytes += (V->getType().bitWidth() + 7) / 8;
        ++Count;
      }
    }
    auto It = RegionStorage.find(&Op->getRegion(0));
    bool Array = It != RegionStorage.end() && It->second == Storage::Array;
    OS << "loop " << Op->getMnemonic();
    if (Op->getLoc().isKnown())
      OS << " at line " << Op->getLoc().Line;
    OS << ": " << (Count == 0 ? "no tape" : Array ? "array tape" : "stack tape")
       << ", " << Count << " values (" << Bytes << " bytes) per iteration";
    if (TapedCounts.contains(Op))
      OS << ", iteration count taped";
    OS << "\n";
  });
  // Decisions in program order.
  auto Report = [&](const Value *V) {
    auto It = Decisions.find(V);
    if (It != Decisions.end() && It->second != Decision::Keep)
      OS << "  " << describe(V) << ": " << str(It->second) << "\n";
  };
  walk(F.getBody(), [&](Operation *Op) {
    for (unsigned R = 0; R != Op->getNumRegions(); ++R)
      for (Value *A : Op->getRegion(R).getArguments())
        Report(A);
    for (Value *V : Op->getResults())
      Report(V);
  });
}
