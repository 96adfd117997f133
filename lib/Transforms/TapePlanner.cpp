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
// Then a strategy per loop (see TapePlan), each time planning again with
// the chosen bodies as scopes of their own: first top-level loops whose
// reverse can be fused into the primal loop (fusedSeedCoefficients), then,
// outermost first, loops at the top of a scope whose inner regions would
// tape into growing stacks and whose body can run again
// (canRecomputeLoopBody): they recompute their body in the reverse sweep.
//
// A load is recomputed (loaded again in the reverse sweep) when nothing
// writes its memory from the outermost operation holding it in its scope
// (the function body, a recomputed or a fused loop body) to the end of that
// scope: the reverse sweep itself writes primal memory only by running
// recomputed bodies, which are operations of the scope too, and a scope is
// reversed right after it ran (or after everything, for the function).
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/IterationMemory.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/Transforms/DerivativeRules.h"
#include "ddx/Transforms/TapePlan.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

class Planner {
public:
  Planner(const Function &F, llvm::function_ref<bool(const Value *)> IsActive,
          llvm::function_ref<bool(const Value *)> IsActiveMemory, TapePlan &P)
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
    planValues();
    if (chooseFusion()) {
      P.Decisions.clear();
      P.Taped.clear();
      planValues();
    }
    // Outermost loops first: a loop in a recomputed body is a candidate once
    // that body is a scope of its own.
    while (chooseStrategies()) {
      P.Decisions.clear();
      P.Taped.clear();
      planValues();
      if (!revisitScratch())
        continue;
      P.Decisions.clear();
      P.Taped.clear();
      planValues();
    }
    orderTapes();
    collectCarried();
  }

private:
  void planValues() {
    P.TapedCounts.clear();
    walk(F.getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::While && P.Reversed.contains(Op) &&
          !isRoot(*Op->getParentRegion()))
        P.TapedCounts.insert(Op);
    });
    // A recomputed body runs again from its loop-carried values.
    for (auto &Entry : P.Strategies) {
      if (Entry.second != TapePlan::LoopStrategy::RecomputeBody)
        continue;
      const Region &Body = Entry.first->getRegion(0);
      for (unsigned I = 1; I < Body.getNumArguments(); ++I)
        need(Body.getArgument(I));
    }
    walk(F.getBody(), [&](Operation *Op) {
      if (P.Reversed.contains(Op))
        collectNeeds(*Op);
    });
  }

  /// Regions whose values the reverse sweep has in scope.
  bool isRoot(const Region &R) const {
    return &R == &F.getBody() || P.isScopeBody(R);
  }

  /// FusedReverse for top-level loops whose body could run again and whose
  /// reverse needs nothing from later code (fusedSeedCoefficients).
  bool chooseFusion() {
    bool Chose = false;
    for (const auto &Op : F.getBody().getOps()) {
      if (Op->getKind() != OpKind::For || !P.Reversed.contains(Op.get()) ||
          !canRecomputeLoopBody(*Op))
        continue;
      auto Seeds = fusedSeedCoefficients(F, *Op, IsActive);
      if (!Seeds)
        continue;
      P.Strategies[Op.get()] = TapePlan::LoopStrategy::FusedReverse;
      for (unsigned J = 0; J != Seeds->size(); ++J)
        P.SeedCoefficients[Op->getResult(J)] = (*Seeds)[J];
      Chose = true;
    }
    return Chose;
  }

  /// RecomputeBody for loops at the top of a scope whose inner regions tape
  /// (their stacks grow with the trip count) and whose body can run again.
  /// Returns whether it chose any.
  bool chooseStrategies() {
    llvm::SmallVector<const Operation *, 8> Candidates;
    walk(F.getBody(), [&](const Operation *Op) {
      if (Op->getKind() == OpKind::For && P.Reversed.contains(Op) &&
          isRoot(*Op->getParentRegion()) && !P.Strategies.count(Op))
        Candidates.push_back(Op);
    });
    bool Chose = false;
    for (const Operation *Op : Candidates) {
      const Region &Body = Op->getRegion(0);
      bool InnerTape = llvm::any_of(P.Taped, [&](const auto &Entry) {
        return Entry.first != &Body && !Entry.second.empty() &&
               Entry.first->isNestedIn(Body);
      });
      InnerTape |= llvm::any_of(P.TapedCounts, [&](const Operation *W) {
        return W->getParentRegion()->isNestedIn(Body);
      });
      if (!InnerTape || !canRecomputeLoopBody(*Op))
        continue;
      // Tentatively: revisitScratch compares it with RecomputeBody once the
      // values it still tapes are known.
      std::vector<const Value *> Scratch = scratchArrays(F, *Op);
      if (!Scratch.empty()) {
        P.Strategies[Op] = TapePlan::LoopStrategy::StoreScratch;
        P.Scratch[Op] = std::move(Scratch);
      } else {
        P.Strategies[Op] = TapePlan::LoopStrategy::RecomputeBody;
      }
      Chose = true;
    }
    return Chose;
  }

  /// StoreScratch loops that would tape at least as many values per
  /// iteration as running their body again costs get RecomputeBody instead.
  /// Returns whether any changed.
  bool revisitScratch() {
    bool Changed = false;
    for (auto &Entry : P.Strategies) {
      const Operation *Loop = Entry.first;
      if (Entry.second != TapePlan::LoopStrategy::StoreScratch ||
          !Revisited.insert(Loop).second)
        continue;
      const Region &Body = Loop->getRegion(0);
      unsigned Taped = 0, Cost = 0;
      for (const auto &T : P.Taped)
        if (T.first->isNestedIn(Body))
          Taped += T.second.size();
      for (const Operation *W : P.TapedCounts)
        Taped += W->getParentRegion()->isNestedIn(Body);
      walk(Body, [&](const Operation *Op) { Cost += recomputeCost(*Op); });
      if (Taped < Cost)
        continue;
      Entry.second = TapePlan::LoopStrategy::RecomputeBody;
      P.Scratch.erase(Loop);
      Changed = true;
    }
    return Changed;
  }

  /// Whether the reverse sweep can load Load's element again: nothing writes
  /// it from Load's outermost enclosing operation in its scope on.
  /// A scratch array kept per iteration of a StoreScratch loop reads the
  /// same from that iteration's copy unless the rest of the iteration
  /// writes it.
  bool isReloadable(const Operation &Load) const {
    const Value *Base = baseObject(Load.getOperand(0));
    const Operation *Anc = &Load;
    while (!isRoot(*Anc->getParentRegion()) && !isScratchOf(*Anc, Base))
      Anc = Anc->getParentOp();
    const Region &Root = *Anc->getParentRegion();
    return isKnownBase(Base) && !writtenFrom(Root, Root.indexOf(Anc), Base);
  }

  /// Whether Base's memory still exists where the reverse sweep reads it: an
  /// array declared inside a loop or branch is gone, unless the reverse
  /// runs in (fused) or runs again (recomputed) the body that declares it.
  bool outlivesRegion(const Value *Base) const {
    const Operation *Def = Base ? Base->getDefiningOp() : nullptr;
    return !Def || Def->getKind() != OpKind::Alloca ||
           isRoot(*Def->getParentRegion());
  }

  /// Whether Op stands in the body of a StoreScratch loop that keeps Base.
  bool isScratchOf(const Operation &Op, const Value *Base) const {
    auto It = P.Scratch.find(Op.getParentRegion()->getParentOp());
    return It != P.Scratch.end() && llvm::is_contained(It->second, Base);
  }

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
    if (D != TapePlan::Decision::Recompute)
      return;
    if (const Operation *Def = V->getDefiningOp()) {
      for (Value *Operand : Def->getOperands())
        need(Operand);
      return;
    }
    // A counter: init + step * iteration index.
    need(counterInit(V));
    need(counterIncrement(V));
  }

  /// Tape or Recompute become Carry for values an `if` can yield (see
  /// TapePlan), unless recomputing is as cheap as one cheap operation.
  TapePlan::Decision decide(const Value *V) {
    TapePlan::Decision D = decideInScope(V);
    if (D == TapePlan::Decision::Keep || !canCarry(V))
      return D;
    if (D == TapePlan::Decision::Tape || chainCost(V, 1) > 1)
      return TapePlan::Decision::Carry;
    return D;
  }

  /// Whether V is defined in ifs nested in one another at the top of a
  /// scope, so that they can yield it (a scalar) to the scope.
  bool canCarry(const Value *V) const {
    if (!V->getDefiningOp() || V->getType().isPointer())
      return false;
    for (const Region *R = V->getParentRegion();;) {
      const Operation *Op = R->getParentOp();
      if (!Op || Op->getKind() != OpKind::If)
        return false;
      if (isRoot(*Op->getParentRegion()))
        return true;
      R = Op->getParentRegion();
    }
  }

  /// What recomputing V in the reverse sweep costs (recomputeCost), counting
  /// the operands it would recompute too, but no more than Budget + 1.
  unsigned chainCost(const Value *V, unsigned Budget) {
    const Operation *Def = V->getDefiningOp();
    if (!Def || isRoot(*V->getParentRegion()))
      return 0;
    unsigned Cost = recomputeCost(*Def);
    for (const Value *Operand : Def->getOperands()) {
      if (Cost > Budget)
        break;
      const Operation *OpDef = Operand->getDefiningOp();
      // Operands that are carried anyway come for free.
      if (OpDef && canCarry(Operand) &&
          (recomputeCost(*OpDef) > 1 ||
           decideInScope(Operand) == TapePlan::Decision::Tape))
        continue;
      Cost += chainCost(Operand, Budget - Cost);
    }
    return Cost;
  }

  TapePlan::Decision decideInScope(const Value *V) {
    if (V->getParentRegion() == &F.getBody())
      return TapePlan::Decision::Keep;
    // A recomputed body's values are computed again right before its
    // reversal; its loop-carried arguments are what it starts from.
    if (P.isFusedBody(*V->getParentRegion()))
      return TapePlan::Decision::Keep;
    if (P.isRecomputedBody(*V->getParentRegion()))
      return V->getDefiningOp() || V->getIndex() == 0
                 ? TapePlan::Decision::Keep
                 : TapePlan::Decision::Tape;
    const Operation *Def = V->getDefiningOp();
    // An array declared in a loop or branch: the reverse sweep addresses
    // its shadow, never the array (loads from it are stored, calls passing
    // it inlined).
    if (Def && Def->getKind() == OpKind::Alloca)
      return TapePlan::Decision::Keep;
    // Pointers are never stored; the reverse sweep reports one it cannot
    // rebuild (a pointer a loop advances by a changing step).
    if (!Def && V->getType().isPointer())
      return TapePlan::Decision::Keep;
    if (!Def) {
      const Operation *Loop = V->getArgOwner()->getParentOp();
      bool InductionVar =
          Loop && Loop->getKind() == OpKind::For && V->getIndex() == 0;
      if (InductionVar)
        return TapePlan::Decision::Keep;
      return counterIncrement(V) ? TapePlan::Decision::Recompute
                                 : TapePlan::Decision::Tape;
    }
    if (isPure(Def->getKind()))
      return isStoredNotRecomputed(*Def) ? TapePlan::Decision::Tape
                                         : TapePlan::Decision::Recompute;
    // Memory nobody writes, or nobody writes from here on, reads the same in
    // reverse.
    if (Def->getKind() == OpKind::Load &&
        outlivesRegion(baseObject(Def->getOperand(0))) &&
        (!Written.contains(baseObject(Def->getOperand(0))) ||
         isReloadable(*Def)))
      return TapePlan::Decision::Recompute;
    return TapePlan::Decision::Tape;
  }

  /// A costly pure operation (a division, a math call: recomputeCost 8 and
  /// up) in a loop at the top of a fused body with an array tape
  /// (fixedLoopNest) is stored: a store and a load per iteration instead of
  /// running it again (the exp of a log-sum-exp, as one writes it by hand).
  /// Only there: elsewhere an inner tape changes which loops recompute
  /// their body.
  bool isStoredNotRecomputed(const Operation &Def) {
    const Region &R = *Def.getParentRegion();
    const Operation *Loop = R.getParentOp();
    return recomputeCost(Def) >= 8 && Loop && Loop->getParentRegion() &&
           P.isFusedBody(*Loop->getParentRegion()) &&
           !fixedLoopNest(R).empty();
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
      auto Loops = fixedLoopNest(*R);
      P.RegionStorage[R] = TopLevelFor      ? TapePlan::Storage::Array
                           : !Loops.empty() ? TapePlan::Storage::HoistedArray
                                            : TapePlan::Storage::Stack;
      if (!TopLevelFor && !Loops.empty())
        P.ArrayLoops[R] = std::move(Loops);
    }
  }

  /// The `for` loops from the top of R's scope down to R's own, outermost
  /// first, when all have bounds at function level or constant and one
  /// integer type (each (iteration, ...) then has one slot in an array
  /// sized once per call); otherwise none.
  llvm::SmallVector<const Operation *, 2> fixedLoopNest(const Region &R) {
    llvm::SmallVector<const Operation *, 2> Loops;
    for (const Region *Cur = &R;;) {
      const Operation *Loop = Cur->getParentOp();
      if (!Loop || Loop->getKind() != OpKind::For)
        return {};
      for (unsigned I = 0; I != 3; ++I) {
        const Value *Bound = Loop->getOperand(I);
        const Operation *Def = Bound->getDefiningOp();
        if (Bound->getParentRegion() != &F.getBody() &&
            !(Def && Def->getKind() == OpKind::Constant))
          return {};
        if (Bound->getType() != R.getParentOp()->getOperand(0)->getType())
          return {};
      }
      Loops.insert(Loops.begin(), Loop);
      Cur = Loop->getParentRegion();
      if (isRoot(*Cur))
        return Loops;
    }
  }

  /// Each Carry value, for every `if` that yields it.
  void collectCarried() {
    walk(F.getBody(), [&](Operation *Op) {
      for (Value *V : Op->getResults()) {
        if (P.decision(V) != TapePlan::Decision::Carry)
          continue;
        for (const Region *R = V->getParentRegion(); !isRoot(*R);) {
          const Operation *If = R->getParentOp();
          P.Carried[If].push_back(V);
          R = If->getParentRegion();
        }
      }
    });
  }

  const Function &F;
  llvm::function_ref<bool(const Value *)> IsActive, IsActiveMemory;
  TapePlan &P;
  Region Placeholder;
  llvm::DenseSet<const Value *> Written;
  /// StoreScratch loops already compared with RecomputeBody.
  llvm::DenseSet<const Operation *> Revisited;
};

} // namespace

/// C if Next is `add %Arg, %C` (either order) in region Body, with C a
/// constant or defined outside Loop; null otherwise.
static const Value *incrementOf(const Value *Arg, const Value *Next,
                                const Region &Body, const Operation &Loop) {
  const Operation *Add = Next->getDefiningOp();
  if (!Add || Add->getKind() != OpKind::Add || Add->getParentRegion() != &Body)
    return nullptr;
  for (unsigned I = 0; I != 2; ++I) {
    const Value *C = Add->getOperand(1 - I);
    if (Add->getOperand(I) != Arg || C == Arg)
      continue;
    // The increment must be the same in every iteration.
    const Operation *CDef = C->getDefiningOp();
    if (CDef && CDef->getKind() == OpKind::Constant)
      return C;
    return C->getParentRegion()->isInside(Loop) ? nullptr : C;
  }
  return nullptr;
}

const Value *ddx::counterIncrement(const Value *Arg) {
  const Region *R = Arg->getArgOwner();
  const Operation *Loop = R ? R->getParentOp() : nullptr;
  if (!Loop || !Arg->getType().isInteger() || Arg->getType().isBool())
    return nullptr;
  if (Loop->getKind() == OpKind::For)
    return Arg->getIndex() == 0
               ? nullptr
               : incrementOf(Arg,
                             R->getTerminator()->getOperand(Arg->getIndex() - 1),
                             *R, *Loop);
  if (Loop->getKind() != OpKind::While)
    return nullptr;
  // A while counter: the before region passes it on unchanged, the after
  // region adds the increment.
  unsigned J = Arg->getIndex();
  const Region &Before = Loop->getRegion(0), &After = Loop->getRegion(1);
  if (Before.getTerminator()->getOperand(J + 1) != Before.getArgument(J))
    return nullptr;
  return incrementOf(After.getArgument(J), After.getTerminator()->getOperand(J),
                     After, *Loop);
}

const Value *ddx::counterInit(const Value *Arg) {
  const Operation *Loop = Arg->getArgOwner()->getParentOp();
  return Loop->getKind() == OpKind::For
             ? Loop->getLoopInits()[Arg->getIndex() - 1]
             : Loop->getOperand(Arg->getIndex());
}

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
  case TapePlan::Decision::Carry:
    return "keep (yielded by the enclosing if)";
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
    bool Hoisted =
        It != RegionStorage.end() && It->second == Storage::HoistedArray;
    OS << "loop " << Op->getMnemonic();
    if (Op->getLoc().isKnown())
      OS << " at line " << Op->getLoc().Line;
    OS << ": ";
    if (strategy(Op) == LoopStrategy::FusedReverse)
      OS << "reverse fused into each iteration (recompute factor 1), ";
    if (strategy(Op) == LoopStrategy::StoreScratch) {
      OS << "scratch arrays kept per iteration (";
      unsigned Values = 0;
      for (const Value *Base : Scratch.lookup(Op)) {
        OS << (Values ? ", " : "") << "%" << Base->getName();
        Values += Base->getDefiningOp()->getIntAttr();
      }
      OS << ": " << Values << " values per iteration), no recompute, ";
    }
    if (strategy(Op) == LoopStrategy::RecomputeBody) {
      // The body runs once in the primal sweep, and again for every
      // recomputation of an enclosing body.
      unsigned Factor = 2;
      for (const Operation *Outer = Op->getParentOp(); Outer;
           Outer = Outer->getParentOp())
        Factor += strategy(Outer) == LoopStrategy::RecomputeBody;
      OS << "recompute body per iteration (recompute factor " << Factor
         << "), ";
    }
    OS << (Count == 0         ? "no tape"
           : Array || Hoisted ? "array tape"
                              : "stack tape");
    if (Count && Hoisted) {
      // One buffer per call, a slot per iteration of the enclosing loops.
      auto Loops = ArrayLoops.lookup(&Op->getRegion(0));
      OS << " (allocated once per call, indexed by iteration";
      if (Loops.size() > 1) {
        bool Known = llvm::all_of(
            Loops, [](const Operation *L) { return L->getLoc().isKnown(); });
        OS << " of " << Loops.size() << " nested loops";
        for (unsigned I = 0; Known && I != Loops.size(); ++I)
          OS << (I ? ", " : " at lines ") << Loops[I]->getLoc().Line;
      }
      OS << ")";
    }
    OS << ", " << Count << " values (" << Bytes << " bytes) per iteration";
    if (TapedCounts.contains(Op))
      OS << ", iteration count taped";
    // Tapes inside a recomputed body hold one iteration of it at a time.
    for (const Operation *Outer = Op->getParentOp(); Outer;
         Outer = Outer->getParentOp())
      if (strategy(Outer) != LoopStrategy::Tape &&
          strategy(Outer) != LoopStrategy::StoreScratch) {
        OS << ", within one iteration of the loop";
        if (Outer->getLoc().isKnown())
          OS << " at line " << Outer->getLoc().Line;
        break;
      }
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
