//===- Adjoint.cpp - Reverse-mode transformation --------------------------===//
//
// The adjoint function runs the primal sweep (a copy of f that also stores
// the values the tape plan asks for), then the reverse sweep, which walks
// the primal's regions backwards and accumulates adjoints using the rules'
// transposes (vjp). Structured control flow reverses structurally:
//
//  - an `if` becomes an `if` on the same condition over the reversed
//    branches;
//  - a `for` becomes the same `for` run backwards, carrying the adjoints of
//    its iteration values;
//  - a `while` counts its iterations in the primal sweep and is reversed by
//    a counted loop over the before/after regions.
//
// Adjoints of values used only in their own region are SSA values. A value
// whose adjoint is also accumulated inside nested regions gets a slot (a
// one-element local, emitted as a plain variable); a scalar parameter's slot
// is its `d_` pointer. Memory adjoints live in shadow memory: a load adds
// into the shadow of its address, a store moves the shadow into the stored
// value's adjoint and clears it.
//
// Values the reverse sweep reads come from TapePlan: kept (still in scope),
// recomputed on the spot, or popped from the region's tape at the start of
// the region's reversal, in the reverse order of the pushes.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/Adjoint.h"
#include "ddx/Analysis/Activity.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/IR/Builder.h"
#include "ddx/Transforms/DerivativeRules.h"
#include "ddx/Transforms/TapePlan.h"
#include "ddx/Transforms/Tangent.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

/// "line N: " for messages about an operation with a known location.
std::string atLine(Location L) {
  return L.isKnown() ? "line " + std::to_string(L.Line) + ": " : "";
}

std::string adjointName(llvm::StringRef Primal) {
  return Primal.empty() ? std::string() : "d_" + Primal.str();
}

bool isFloatData(Type T) {
  return T.isFloat() || (T.isPointer() && T.getElementType().isFloat());
}

} // namespace

std::string ddx::adjointCacheKey(const Function &Callee,
                                 llvm::ArrayRef<unsigned> Active) {
  std::string Key = Callee.getName() + "#";
  for (unsigned I : Active)
    Key += std::to_string(I) + ",";
  return Key;
}

namespace {

class AdjointBuilder {
public:
  AdjointBuilder(Module &M, AdjointCache &Cache, const Function &Primal,
                 llvm::ArrayRef<unsigned> ActiveParams)
      : M(M), Cache(Cache), P(Primal), Varied(Primal, ActiveParams),
        Useful(Primal) {
    for (unsigned I : ActiveParams)
      Independent.insert(I);
    Plan = planTape(
        P, [&](const Value *V) { return isActive(V); },
        [&](const Value *Base) { return isActiveMemory(Base); });
    collectSlotNeeds();
  }

  llvm::Expected<Function *> build(llvm::StringRef Name, bool Gradient);
  const TapePlan &getPlan() const { return Plan; }

private:
  //===--- Activity --------------------------------------------------------===//
  bool isActive(const Value *V) const {
    if (V->getType().isPointer())
      return isActiveMemory(baseObject(V));
    return V->getType().isFloat() && Varied.isActive(V) &&
           Useful.isUseful(V);
  }
  bool isActiveMemory(const Value *Base) const {
    return Base && Varied.isActiveMemory(Base) && Useful.isUsefulMemory(Base);
  }

  /// Values whose adjoint is accumulated in a region nested in their own.
  void collectSlotNeeds() {
    walk(P.getBody(), [&](Operation *Op) {
      for (Value *V : Op->getOperands())
        if (V->getType().isFloat() && isActive(V) &&
            Op->getParentRegion() != V->getParentRegion())
          NeedsSlot.insert(V);
    });
  }

  //===--- Primal sweep ----------------------------------------------------===//
  llvm::Error cloneRegion(const Region &Src, Region &Dst);
  llvm::Error cloneOp(const Operation &Op);
  Operation *cloneSimple(const Operation &Op);
  void pushTaped(const Region &R, const Value *V);
  unsigned tapeId(const Region &R, Type T);
  /// The index of the current iteration in a top-level `for`'s body.
  Value *iterationIndex(const Region &Body, Value *IV);

  //===--- Reverse sweep ---------------------------------------------------===//
  struct Scope {
    llvm::DenseMap<const Value *, Value *> Prim, Adj;
    llvm::DenseMap<const Operation *, Value *> Count;
  };
  llvm::Expected<Value *> prim(const Value *V);
  llvm::Expected<Value *> shadowPointer(const Value *Ptr);
  /// The adjoint of V accumulated so far (SSA part plus slot); null if zero.
  Value *adjoint(const Value *V);
  Value *adjointOrZero(const Value *V) {
    if (Value *A = adjoint(V))
      return A;
    return B.constant(V->getType(), 0.0);
  }
  void accumulate(const Value *V, Value *Contribution);
  /// Starts reversing R: binds its popped values and creates its slots.
  llvm::Error enterRegion(const Region &R, Value *IV = nullptr,
                          const Operation *Loop = nullptr);
  llvm::Error reverseOps(const Region &R);
  llvm::Error reverseOp(const Operation &Op);
  llvm::Error reversePure(const Operation &Op);
  llvm::Error reverseCall(const Operation &Op);
  llvm::Error reverseIf(const Operation &Op);
  llvm::Error reverseFor(const Operation &Op);
  llvm::Error reverseWhile(const Operation &Op);
  llvm::Expected<std::string> calleeAdjoint(const Function &Callee,
                                            llvm::ArrayRef<unsigned> Active);

  Module &M;
  AdjointCache &Cache;
  const Function &P;
  ActivityAnalysis Varied;
  UsefulnessAnalysis Useful;
  TapePlan Plan;
  llvm::DenseSet<unsigned> Independent;
  llvm::DenseSet<const Value *> NeedsSlot;

  Function *A = nullptr;
  Builder B;
  /// Primal value -> its copy in the primal sweep.
  llvm::DenseMap<const Value *, Value *> Fwd;
  /// Base object -> its shadow (function level).
  llvm::DenseMap<const Value *, Value *> Shadow;
  /// Adjoint slots: scalar parameters' d_ pointers, and one-element locals.
  llvm::DenseMap<const Value *, Value *> Slot;
  /// `while` -> its iteration count in the primal sweep.
  llvm::DenseMap<const Operation *, Value *> FwdCount;
  /// What each primal region pushed, in push order (a value, or a while's
  /// iteration count).
  struct Push {
    const Value *V = nullptr;
    const Operation *CountOf = nullptr;
    Type Ty;
  };
  llvm::DenseMap<const Region *, std::vector<Push>> Pushes;
  llvm::DenseMap<std::pair<const Region *, unsigned>, unsigned> TapeIds;
  /// Array tapes of top-level loop bodies: value -> its buffer.
  llvm::DenseMap<const Value *, Value *> ArrayTape;
  /// Iteration index inside each top-level loop body, in the primal sweep.
  llvm::DenseMap<const Region *, Value *> FwdIndex;
  std::vector<Scope> Scopes;
  std::vector<Value *> Returned;
};

} // namespace

//===----------------------------------------------------------------------===//
// Primal sweep
//===----------------------------------------------------------------------===//

unsigned AdjointBuilder::tapeId(const Region &R, Type T) {
  auto Key = std::make_pair(&R, static_cast<unsigned>(T.kind()));
  auto It = TapeIds.find(Key);
  if (It != TapeIds.end())
    return It->second;
  unsigned Id = TapeIds.size();
  TapeIds[Key] = Id;
  return Id;
}

Value *AdjointBuilder::iterationIndex(const Region &Body, Value *IV) {
  const Operation *Loop = Body.getParentOp();
  Value *Lb = Fwd.lookup(Loop->getOperand(0));
  Value *Step = Fwd.lookup(Loop->getOperand(2));
  return B.div(B.sub(IV, Lb), Step);
}

void AdjointBuilder::pushTaped(const Region &R, const Value *V) {
  if (Plan.decision(V) != TapePlan::Decision::Tape)
    return;
  Value *Copy = Fwd.lookup(V);
  auto StorageIt = Plan.RegionStorage.find(&R);
  if (StorageIt != Plan.RegionStorage.end() &&
      StorageIt->second == TapePlan::Storage::Array) {
    B.store(Copy, B.offset(ArrayTape.lookup(V), FwdIndex.lookup(&R)));
  } else {
    B.tapePush(tapeId(R, V->getType()), Copy);
  }
  Pushes[&R].push_back({V, nullptr, V->getType()});
}

Operation *AdjointBuilder::cloneSimple(const Operation &Op) {
  llvm::SmallVector<Value *, 4> Operands;
  for (Value *V : Op.getOperands())
    Operands.push_back(Fwd.lookup(V));
  Operation *New = B.clone(Op, Operands);
  for (unsigned I = 0; I != Op.getNumResults(); ++I)
    Fwd[Op.getResult(I)] = New->getResult(I);
  return New;
}

llvm::Error AdjointBuilder::cloneRegion(const Region &Src, Region &Dst) {
  Region *Saved = B.getInsertionRegion();
  B.setInsertionPointToEnd(Dst);
  for (unsigned I = 0; I != Src.getNumArguments(); ++I) {
    Dst.getArgument(I)->setName(Src.getArgument(I)->getName());
    Fwd[Src.getArgument(I)] = Dst.getArgument(I);
  }
  const Operation *Loop = Src.getParentOp();
  auto StorageIt = Plan.RegionStorage.find(&Src);
  if (Loop && StorageIt != Plan.RegionStorage.end() &&
      StorageIt->second == TapePlan::Storage::Array)
    FwdIndex[&Src] = iterationIndex(Src, Dst.getArgument(0));
  for (Value *Arg : Src.getArguments())
    pushTaped(Src, Arg);
  for (const auto &Op : Src.getOps())
    if (llvm::Error E = cloneOp(*Op))
      return E;
  if (Saved)
    B.setInsertionPointToEnd(*Saved);
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::cloneOp(const Operation &Op) {
  B.setLoc(Op.getLoc());
  const Region &Parent = *Op.getParentRegion();
  switch (Op.getKind()) {
  case OpKind::Return:
    for (Value *V : Op.getOperands())
      Returned.push_back(Fwd.lookup(V));
    return llvm::Error::success();
  case OpKind::If: {
    llvm::SmallVector<Type, 4> Types;
    for (Value *R : Op.getResults())
      Types.push_back(R->getType());
    Operation *New = B.createIf(Fwd.lookup(Op.getOperand(0)), Types);
    for (unsigned R = 0; R != 2; ++R)
      if (llvm::Error E = cloneRegion(Op.getRegion(R), New->getRegion(R)))
        return E;
    for (unsigned I = 0; I != Op.getNumResults(); ++I) {
      New->getResult(I)->setName(Op.getResult(I)->getName());
      Fwd[Op.getResult(I)] = New->getResult(I);
    }
    break;
  }
  case OpKind::For: {
    const Region &Body = Op.getRegion(0);
    // Array tapes are sized by the trip count before the loop.
    auto StorageIt = Plan.RegionStorage.find(&Body);
    auto TapedIt = Plan.Taped.find(&Body);
    if (StorageIt != Plan.RegionStorage.end() &&
        StorageIt->second == TapePlan::Storage::Array &&
        TapedIt != Plan.Taped.end() && !TapedIt->second.empty()) {
      Value *Lb = Fwd.lookup(Op.getOperand(0));
      Value *Ub = Fwd.lookup(Op.getOperand(1));
      Value *Step = Fwd.lookup(Op.getOperand(2));
      Type IT = Lb->getType();
      // ceil((ub - lb) / step), or 0 when ub <= lb.
      Value *Span = B.sub(Ub, Lb);
      Value *Trips = B.div(B.add(Span, B.sub(Step, B.constant(IT, 1))), Step);
      Value *Zero = B.constant(IT, 0);
      Value *Count = B.select(B.cmp(CmpPred::GT, Span, Zero), Trips, Zero);
      for (const Value *V : TapedIt->second) {
        Value *Buffer = B.tapeAlloc(V->getType(), Count);
        Buffer->setName("tape_" + (V->getName().empty() ? std::string("t")
                                                         : V->getName()));
        ArrayTape[V] = Buffer;
      }
    }
    llvm::SmallVector<Value *, 4> Inits;
    for (Value *V : Op.getLoopInits())
      Inits.push_back(Fwd.lookup(V));
    Operation *New = B.createFor(
        Fwd.lookup(Op.getOperand(0)), Fwd.lookup(Op.getOperand(1)),
        Fwd.lookup(Op.getOperand(2)), Inits, Op.isReverseLoop());
    if (llvm::Error E = cloneRegion(Body, New->getRegion(0)))
      return E;
    for (unsigned I = 0; I != Op.getNumResults(); ++I) {
      New->getResult(I)->setName(Op.getResult(I)->getName());
      Fwd[Op.getResult(I)] = New->getResult(I);
    }
    break;
  }
  case OpKind::While: {
    // The primal sweep counts iterations: the reverse sweep runs that many.
    bool Counted = Plan.Reversed.contains(&Op);
    llvm::SmallVector<Value *, 4> Inits;
    for (Value *V : Op.getOperands())
      Inits.push_back(Fwd.lookup(V));
    Value *Zero = nullptr;
    if (Counted) {
      Zero = B.constant(Type::i64(), 0);
      Inits.push_back(Zero);
    }
    Operation *New = B.createWhile(Inits);
    unsigned N = Op.getNumOperands();
    if (Counted)
      for (unsigned R = 0; R != 2; ++R)
        New->getRegion(R).getArgument(N)->setName("iterations");
    // Before region: forward the count along with the values.
    {
      B.setInsertionPointToEnd(New->getRegion(0));
      const Region &Before = Op.getRegion(0);
      for (unsigned I = 0; I != N; ++I) {
        New->getRegion(0).getArgument(I)->setName(
            Before.getArgument(I)->getName());
        Fwd[Before.getArgument(I)] = New->getRegion(0).getArgument(I);
      }
      for (Value *Arg : Before.getArguments())
        pushTaped(Before, Arg);
      for (const auto &Inner : Before.getOps()) {
        if (Inner->getKind() == OpKind::Condition) {
          llvm::SmallVector<Value *, 4> Operands;
          for (Value *V : Inner->getOperands())
            Operands.push_back(Fwd.lookup(V));
          if (Counted)
            Operands.push_back(New->getRegion(0).getArgument(N));
          B.setLoc(Inner->getLoc());
          B.condition(Operands[0], llvm::ArrayRef(Operands).drop_front());
          continue;
        }
        if (llvm::Error E = cloneOp(*Inner))
          return E;
      }
    }
    // After region: count one more iteration.
    {
      B.setInsertionPointToEnd(New->getRegion(1));
      const Region &After = Op.getRegion(1);
      for (unsigned I = 0; I != N; ++I) {
        New->getRegion(1).getArgument(I)->setName(
            After.getArgument(I)->getName());
        Fwd[After.getArgument(I)] = New->getRegion(1).getArgument(I);
      }
      for (Value *Arg : After.getArguments())
        pushTaped(After, Arg);
      for (const auto &Inner : After.getOps()) {
        if (Inner->getKind() == OpKind::Yield) {
          llvm::SmallVector<Value *, 4> Operands;
          for (Value *V : Inner->getOperands())
            Operands.push_back(Fwd.lookup(V));
          if (Counted) {
            Value *Count = New->getRegion(1).getArgument(N);
            Operands.push_back(B.add(Count, B.constant(Type::i64(), 1)));
          }
          B.setLoc(Inner->getLoc());
          B.yield(Operands);
          continue;
        }
        if (llvm::Error E = cloneOp(*Inner))
          return E;
      }
    }
    B.setInsertionPointToEnd(*New->getParentRegion());
    for (unsigned I = 0; I != N; ++I) {
      New->getResult(I)->setName(Op.getResult(I)->getName());
      Fwd[Op.getResult(I)] = New->getResult(I);
    }
    if (Counted) {
      Value *Count = New->getResult(N);
      Count->setName("iterations");
      FwdCount[&Op] = Count;
      if (Plan.TapedCounts.contains(&Op)) {
        B.tapePush(tapeId(Parent, Type::i64()), Count);
        Pushes[&Parent].push_back({nullptr, &Op, Type::i64()});
      }
    }
    break;
  }
  case OpKind::Alloca: {
    cloneSimple(Op);
    if (isActiveMemory(&*Op.getResult())) {
      if (&Parent != &P.getBody())
        return llvm::createStringError(
            "a local array declared inside a loop or branch is not "
            "supported in reverse mode yet; declare it at function level");
      Value *S = B.localAlloc(Op.getResult()->getType().getElementType(),
                              Op.getIntAttr());
      S->setName(adjointName(Op.getResult()->getName()));
      Shadow[Op.getResult()] = S;
    }
    break;
  }
  default:
    cloneSimple(Op);
    break;
  }
  for (Value *R : Op.getResults())
    pushTaped(Parent, R);
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Reverse sweep
//===----------------------------------------------------------------------===//

llvm::Expected<Value *> AdjointBuilder::prim(const Value *V) {
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    if (Value *Found = It->Prim.lookup(V))
      return Found;
  if (V->getParentRegion() == &P.getBody())
    return Fwd.lookup(V);
  if (Plan.decision(V) != TapePlan::Decision::Recompute)
    return llvm::createStringError(
        "internal error: the reverse sweep needs a value the tape plan did "
        "not provide ('" +
        V->getName() + "')");
  const Operation *Def = V->getDefiningOp();
  llvm::SmallVector<Value *, 3> Operands;
  for (Value *Operand : Def->getOperands()) {
    auto Op = prim(Operand);
    if (!Op)
      return Op.takeError();
    Operands.push_back(*Op);
  }
  Operation *New = B.clone(*Def, Operands);
  Scopes.back().Prim[V] = New->getResult();
  return New->getResult();
}

llvm::Expected<Value *> AdjointBuilder::shadowPointer(const Value *Ptr) {
  const Operation *Def = Ptr->getDefiningOp();
  if (Def && Def->getKind() == OpKind::Offset) {
    auto Base = shadowPointer(Def->getOperand(0));
    if (!Base)
      return Base.takeError();
    auto Index = prim(Def->getOperand(1));
    if (!Index)
      return Index.takeError();
    return B.offset(*Base, *Index);
  }
  if (Value *S = Shadow.lookup(Ptr))
    return S;
  // A pointer carried by a loop (`p++` in the loop) has no fixed offset from
  // its array, so its adjoint storage cannot be found from its value.
  return llvm::createStringError(
      atLine(B.getLoc()) +
      "a pointer that is advanced inside a loop is not supported in reverse "
      "mode yet; index the array instead (p[i])");
}

Value *AdjointBuilder::adjoint(const Value *V) {
  Value *Sum = nullptr;
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    if (Value *A = It->Adj.lookup(V)) {
      Sum = A;
      break;
    }
  if (Value *S = Slot.lookup(V)) {
    Value *Stored = B.load(S);
    Sum = Sum ? B.add(Sum, Stored) : Stored;
  }
  return Sum;
}

void AdjointBuilder::accumulate(const Value *V, Value *Contribution) {
  if (!Contribution || !isActive(V))
    return;
  if (Value *S = Slot.lookup(V)) {
    B.store(B.add(B.load(S), Contribution), S);
    return;
  }
  Value *&Adj = Scopes.back().Adj[V];
  Adj = Adj ? B.add(Adj, Contribution) : Contribution;
  if (Adj->getName().empty())
    Adj->setName(adjointName(V->getName()));
}

llvm::Error AdjointBuilder::enterRegion(const Region &R, Value *IV,
                                        const Operation *Loop) {
  Scopes.emplace_back();
  Scope &S = Scopes.back();
  if (Loop)
    S.Prim[Loop->getRegion(0).getArgument(0)] = IV;
  // Pops mirror the pushes of one execution of R, last first.
  auto PushIt = Pushes.find(&R);
  if (PushIt != Pushes.end()) {
    auto StorageIt = Plan.RegionStorage.find(&R);
    bool Array = StorageIt != Plan.RegionStorage.end() &&
                 StorageIt->second == TapePlan::Storage::Array;
    Value *Index = nullptr;
    if (Array) {
      auto Lb = prim(R.getParentOp()->getOperand(0));
      auto Step = prim(R.getParentOp()->getOperand(2));
      if (!Lb || !Step)
        return Lb ? Step.takeError() : Lb.takeError();
      Index = B.div(B.sub(IV, *Lb), *Step);
    }
    for (auto It = PushIt->second.rbegin(); It != PushIt->second.rend();
         ++It) {
      Value *Popped;
      if (Array && It->V)
        Popped = B.load(B.offset(ArrayTape.lookup(It->V), Index));
      else
        Popped = B.tapePop(tapeId(R, It->Ty), It->Ty);
      if (It->V) {
        Popped->setName(It->V->getName());
        S.Prim[It->V] = Popped;
      } else {
        Popped->setName("iterations");
        S.Count[It->CountOf] = Popped;
      }
    }
  }
  // Slots for values of R whose adjoints nested regions accumulate.
  auto NeedSlot = [&](const Value *V) {
    if (NeedsSlot.contains(V) && !Slot.count(V)) {
      Value *Sl = B.localAlloc(V->getType(), 1);
      Sl->setName(adjointName(V->getName()));
      Slot[V] = Sl;
    }
  };
  for (Value *Arg : R.getArguments())
    NeedSlot(Arg);
  for (const auto &Op : R.getOps())
    for (Value *Res : Op->getResults())
      NeedSlot(Res);
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseOps(const Region &R) {
  for (auto It = R.getOps().rbegin(); It != R.getOps().rend(); ++It)
    if (llvm::Error E = reverseOp(**It))
      return E;
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseOp(const Operation &Op) {
  if (!Plan.Reversed.contains(&Op))
    return llvm::Error::success();
  B.setLoc(Op.getLoc());
  switch (Op.getKind()) {
  case OpKind::If:
    return reverseIf(Op);
  case OpKind::For:
    return reverseFor(Op);
  case OpKind::While:
    return reverseWhile(Op);
  case OpKind::Call:
    return reverseCall(Op);
  case OpKind::Load: {
    Value *Adj = adjoint(Op.getResult());
    if (!Adj)
      return llvm::Error::success();
    // One address per access, so each prints as `d_x[i]`.
    auto Read = shadowPointer(Op.getOperand(0));
    if (!Read)
      return Read.takeError();
    Value *Sum = B.add(B.load(*Read), Adj);
    auto Write = shadowPointer(Op.getOperand(0));
    if (!Write)
      return Write.takeError();
    B.store(Sum, *Write);
    return llvm::Error::success();
  }
  case OpKind::Store: {
    if (!isActiveMemory(baseObject(Op.getOperand(1))))
      return llvm::Error::success();
    auto Read = shadowPointer(Op.getOperand(1));
    if (!Read)
      return Read.takeError();
    Value *Adj = B.load(*Read);
    auto Write = shadowPointer(Op.getOperand(1));
    if (!Write)
      return Write.takeError();
    Type Elem = Op.getOperand(0)->getType();
    B.store(B.constant(Elem, 0.0), *Write);
    accumulate(Op.getOperand(0), Adj);
    return llvm::Error::success();
  }
  default:
    return reversePure(Op);
  }
}

llvm::Error AdjointBuilder::reversePure(const Operation &Op) {
  // Pointers (offsets, allocations) carry no adjoint of their own: their
  // memory's is in its shadow.
  if (Op.getNumResults() != 1 || Op.getResult()->getType().isPointer() ||
      !isActive(Op.getResult()))
    return llvm::Error::success();
  const DerivativeRule *Rule = lookupRule(Op.getKind());
  if (!Rule)
    return llvm::createStringError("no derivative rule for '" +
                                   Op.getMnemonic().str() + "'");
  Value *Ct = adjoint(Op.getResult());
  if (!Ct)
    return llvm::Error::success();
  llvm::SmallVector<bool, 3> Active;
  for (Value *V : Op.getOperands())
    Active.push_back(isActive(V));
  // The primal values the transposed rule mentions (e.g. none for add, the
  // other factor for mul, the result for exp) are the only ones fetched.
  llvm::DenseSet<Value *> Mentioned;
  for (const Term &T : vjp(*Rule, Op.getOperands(), Op.getResult(), Active,
                           Term(Ct)))
    T.forEachLeaf([&](Value *Leaf) { Mentioned.insert(Leaf); });
  llvm::SmallVector<Value *, 3> Operands;
  for (Value *V : Op.getOperands()) {
    Value *Pv = nullptr;
    if (Mentioned.contains(V)) {
      auto Fetched = prim(V);
      if (!Fetched)
        return Fetched.takeError();
      Pv = *Fetched;
    }
    Operands.push_back(Pv);
  }
  // When the rule does not mention the result, the primal's own result
  // stands in (rules may still read its type, e.g. a cast's).
  Value *Y = Op.getResult();
  if (Mentioned.contains(Op.getResult())) {
    auto Prim = prim(Op.getResult());
    if (!Prim)
      return Prim.takeError();
    Y = *Prim;
  }
  std::vector<Term> Adj = vjp(*Rule, Operands, Y, Active, Term(Ct));
  for (unsigned I = 0; I != Adj.size(); ++I)
    if (Active[I])
      accumulate(Op.getOperand(I),
                 Adj[I].materialize(B, Op.getOperand(I)->getType()));
  return llvm::Error::success();
}

llvm::Expected<std::string>
AdjointBuilder::calleeAdjoint(const Function &Callee,
                              llvm::ArrayRef<unsigned> Active) {
  std::string Key = adjointCacheKey(Callee, Active);
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  // The all-inputs adjoint has the name a request for it would have, and is
  // shared with such a request; others say which inputs they cover.
  std::string Name = baseIdentifier(Callee.getName()) + "_adjoint";
  if (!llvm::equal(Active, ActivityAnalysis::floatingParams(Callee)))
    for (unsigned I : Active)
      Name += "_" + Callee.getParam(I)->getName();
  Name = uniqueFunctionName(M, Name);
  Cache[Key] = Name;
  AdjointBuilder Sub(M, Cache, Callee, Active);
  auto F = Sub.build(Name, /*Gradient=*/false);
  if (!F)
    return F.takeError();
  return Name;
}

llvm::Error AdjointBuilder::reverseCall(const Operation &Op) {
  Function *Callee = M.lookup(Op.getCallee());
  if (!Callee)
    return llvm::createStringError("call to unknown function '" +
                                   Op.getCallee() + "'");
  llvm::SmallVector<unsigned, 4> Active;
  for (unsigned I = 0; I != Op.getNumOperands(); ++I) {
    Value *Arg = Op.getOperand(I);
    if (Arg->getType().isPointer() && !Arg->getType().isConstPointer() &&
        isActive(Arg))
      return llvm::createStringError(
          atLine(Op.getLoc()) + "passing writable memory to '" +
          cxxName(Op.getCallee()).str() +
          "' is not supported in reverse mode yet; write the results in the "
          "caller, or make the helper return them");
    if (isFloatData(Arg->getType()) && isActive(Arg))
      Active.push_back(I);
  }
  Value *ResultAdj =
      Op.getNumResults() && isActive(Op.getResult()) ? adjoint(Op.getResult())
                                                     : nullptr;
  if (Active.empty() || (!ResultAdj && Op.getNumResults() &&
                         llvm::none_of(Active, [&](unsigned I) {
                           return Op.getOperand(I)->getType().isPointer();
                         })))
    return llvm::Error::success();
  auto Name = calleeAdjoint(*Callee, Active);
  if (!Name)
    return Name.takeError();

  llvm::SmallVector<Value *, 8> Args;
  for (Value *V : Op.getOperands()) {
    auto Pv = prim(V);
    if (!Pv)
      return Pv.takeError();
    Args.push_back(*Pv);
  }
  if (!Callee->getResultTypes().empty() &&
      Callee->getResultTypes()[0].isFloat())
    Args.push_back(ResultAdj
                       ? ResultAdj
                       : B.constant(Callee->getResultTypes()[0], 0.0));
  llvm::SmallVector<std::pair<unsigned, Value *>, 4> Slots;
  for (unsigned I : Active) {
    Value *Arg = Op.getOperand(I);
    if (Arg->getType().isPointer()) {
      auto S = shadowPointer(Arg);
      if (!S)
        return S.takeError();
      Args.push_back(*S);
      continue;
    }
    Value *Sl = B.localAlloc(Arg->getType(), 1);
    Sl->setName(adjointName(Arg->getName().empty()
                                ? Callee->getParam(I)->getName()
                                : Arg->getName()));
    Args.push_back(Sl);
    Slots.push_back({I, Sl});
  }
  B.call(*Name, Args, {});
  for (auto [I, Sl] : Slots)
    accumulate(Op.getOperand(I), B.load(Sl));
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseIf(const Operation &Op) {
  llvm::SmallVector<Value *, 4> ResultAdj;
  for (Value *R : Op.getResults())
    ResultAdj.push_back(isActive(R) ? adjoint(R) : nullptr);
  auto Cond = prim(Op.getOperand(0));
  if (!Cond)
    return Cond.takeError();
  Operation *New = B.createIf(*Cond, {});
  Region *Outer = B.getInsertionRegion();
  for (unsigned R = 0; R != 2; ++R) {
    const Region &Branch = Op.getRegion(R);
    B.setInsertionPointToEnd(New->getRegion(R));
    if (llvm::Error E = enterRegion(Branch))
      return E;
    Operation *Term = Branch.getTerminator();
    for (unsigned J = 0; J != ResultAdj.size(); ++J)
      accumulate(Term->getOperand(J), ResultAdj[J]);
    if (llvm::Error E = reverseOps(Branch))
      return E;
    B.yield({});
    Scopes.pop_back();
  }
  B.setInsertionPointToEnd(*Outer);
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseFor(const Operation &Op) {
  const Region &Body = Op.getRegion(0);
  llvm::SmallVector<unsigned, 4> Carried;
  for (unsigned J = 0; J != Op.getNumResults(); ++J)
    if (isActive(Op.getResult(J)) || isActive(Body.getArgument(J + 1)))
      Carried.push_back(J);
  llvm::SmallVector<Value *, 4> Inits;
  for (unsigned J : Carried)
    Inits.push_back(adjointOrZero(Op.getResult(J)));
  llvm::SmallVector<Value *, 3> Bounds;
  for (unsigned I = 0; I != 3; ++I) {
    auto V = prim(Op.getOperand(I));
    if (!V)
      return V.takeError();
    Bounds.push_back(*V);
  }
  Operation *New =
      B.createFor(Bounds[0], Bounds[1], Bounds[2], Inits, /*Reverse=*/true);
  Region &RevBody = New->getRegion(0);
  RevBody.getArgument(0)->setName(Body.getArgument(0)->getName());
  for (unsigned K = 0; K != Carried.size(); ++K)
    RevBody.getArgument(K + 1)->setName(
        adjointName(Op.getResult(Carried[K])->getName()));
  Region *Outer = B.getInsertionRegion();
  B.setInsertionPointToEnd(RevBody);
  if (llvm::Error E = enterRegion(Body, RevBody.getArgument(0), &Op))
    return E;
  Operation *Term = Body.getTerminator();
  for (unsigned K = 0; K != Carried.size(); ++K)
    accumulate(Term->getOperand(Carried[K]), RevBody.getArgument(K + 1));
  if (llvm::Error E = reverseOps(Body))
    return E;
  llvm::SmallVector<Value *, 4> Next;
  for (unsigned J : Carried)
    Next.push_back(adjointOrZero(Body.getArgument(J + 1)));
  B.yield(Next);
  Scopes.pop_back();
  B.setInsertionPointToEnd(*Outer);
  for (unsigned K = 0; K != Carried.size(); ++K)
    accumulate(Op.getLoopInits()[Carried[K]], New->getResult(K));
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseWhile(const Operation &Op) {
  const Region &Before = Op.getRegion(0), &After = Op.getRegion(1);
  llvm::SmallVector<unsigned, 4> Carried;
  for (unsigned J = 0; J != Op.getNumResults(); ++J)
    if (isActive(Op.getResult(J)) || isActive(Before.getArgument(J)) ||
        isActive(After.getArgument(J)))
      Carried.push_back(J);
  // The iteration count: kept, or popped in an enclosing region's scope.
  Value *Count = nullptr;
  for (auto It = Scopes.rbegin(); It != Scopes.rend() && !Count; ++It)
    Count = It->Count.lookup(&Op);
  if (!Count)
    Count = FwdCount.lookup(&Op);
  if (!Count)
    return llvm::createStringError("internal error: uncounted while loop");

  // The loop runs the before region Count + 1 times and the after region
  // Count times. Reversed: k = Count, ..., 0 reverses before #k, then
  // (k > 0) after #(k - 1). Carried: F, the adjoints of the values the
  // before region forwards; G, the adjoints of its arguments.
  llvm::SmallVector<Value *, 8> Inits;
  for (unsigned J : Carried)
    Inits.push_back(adjointOrZero(Op.getResult(J)));
  for (unsigned J : Carried)
    Inits.push_back(B.constant(Op.getResult(J)->getType(), 0.0));
  Value *Zero = B.constant(Type::i64(), 0);
  Value *One = B.constant(Type::i64(), 1);
  Operation *New = B.createFor(Zero, B.add(Count, One), One, Inits,
                               /*Reverse=*/true);
  Region &RevBody = New->getRegion(0);
  Value *K = RevBody.getArgument(0);
  K->setName("k");
  unsigned N = Carried.size();
  for (unsigned I = 0; I != N; ++I) {
    RevBody.getArgument(1 + I)->setName(
        adjointName(Op.getResult(Carried[I])->getName()));
    RevBody.getArgument(1 + N + I)->setName(
        adjointName(Before.getArgument(Carried[I])->getName()));
  }
  Region *Outer = B.getInsertionRegion();
  B.setInsertionPointToEnd(RevBody);

  if (llvm::Error E = enterRegion(Before))
    return E;
  Operation *Cond = Before.getTerminator();
  for (unsigned I = 0; I != N; ++I)
    accumulate(Cond->getOperand(Carried[I] + 1), RevBody.getArgument(1 + I));
  if (llvm::Error E = reverseOps(Before))
    return E;
  llvm::SmallVector<Value *, 4> G;
  for (unsigned J : Carried)
    G.push_back(adjointOrZero(Before.getArgument(J)));
  Scopes.pop_back();

  llvm::SmallVector<Type, 4> Types;
  for (unsigned J : Carried)
    Types.push_back(Op.getResult(J)->getType());
  Operation *IfOp = B.createIf(B.cmp(CmpPred::GT, K, Zero), Types);
  for (unsigned I = 0; I != N; ++I)
    IfOp->getResult(I)->setName(
        adjointName(After.getArgument(Carried[I])->getName()));
  B.setInsertionPointToEnd(IfOp->getRegion(0));
  if (llvm::Error E = enterRegion(After))
    return E;
  Operation *Yield = After.getTerminator();
  for (unsigned I = 0; I != N; ++I)
    accumulate(Yield->getOperand(Carried[I]), G[I]);
  if (llvm::Error E = reverseOps(After))
    return E;
  llvm::SmallVector<Value *, 4> F;
  for (unsigned J : Carried)
    F.push_back(adjointOrZero(After.getArgument(J)));
  B.yield(F);
  Scopes.pop_back();
  B.setInsertionPointToEnd(IfOp->getRegion(1));
  llvm::SmallVector<Value *, 4> Zeros;
  for (Type T : Types)
    Zeros.push_back(B.constant(T, 0.0));
  B.yield(Zeros);

  B.setInsertionPointToEnd(RevBody);
  llvm::SmallVector<Value *, 8> Next;
  for (unsigned I = 0; I != N; ++I)
    Next.push_back(IfOp->getResult(I));
  Next.append(G.begin(), G.end());
  B.yield(Next);
  B.setInsertionPointToEnd(*Outer);
  for (unsigned I = 0; I != N; ++I)
    accumulate(Op.getOperand(Carried[I]), New->getResult(N + I));
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// The adjoint function
//===----------------------------------------------------------------------===//

llvm::Expected<Function *> AdjointBuilder::build(llvm::StringRef Name,
                                                 bool Gradient) {
  llvm::ArrayRef<Type> Results = P.getResultTypes();
  bool FloatResult = Results.size() == 1 && Results[0].isFloat();
  llvm::SmallVector<Type, 8> Params;
  for (unsigned I = 0; I != P.getNumParams(); ++I)
    Params.push_back(P.getParam(I)->getType());
  bool HasSeed = FloatResult && !Gradient;
  if (HasSeed)
    Params.push_back(Results[0]);
  // One d_ parameter per independent scalar and per pointer that is an
  // input or an output.
  llvm::SmallVector<unsigned, 4> Derivative;
  for (unsigned I = 0; I != P.getNumParams(); ++I) {
    Type T = P.getParam(I)->getType();
    bool Output = T.isPointer() && !T.isConstPointer() &&
                  T.getElementType().isFloat();
    if (!Independent.contains(I) && !Output)
      continue;
    Derivative.push_back(I);
    Type Elem = T.isPointer() ? T.getElementType() : T;
    Params.push_back(Type::ptr(Elem));
  }
  llvm::SmallVector<Type, 1> NewResults;
  if (Gradient)
    NewResults.push_back(Results[0]);

  auto F = std::make_unique<Function>(Name, Params, NewResults);
  F->setLoc(P.getLoc());
  A = M.addFunction(std::move(F));
  for (unsigned I = 0; I != P.getNumParams(); ++I) {
    A->getParam(I)->setName(P.getParam(I)->getName());
    A->setParamDeclarator(I, P.getParamDeclarator(I));
    Fwd[P.getParam(I)] = A->getParam(I);
  }
  unsigned Next = P.getNumParams();
  Value *Seed = nullptr;
  if (HasSeed) {
    Seed = A->getParam(Next++);
    Seed->setName("d_ret");
  }
  for (unsigned I : Derivative) {
    Value *D = A->getParam(Next++);
    const Value *Param = P.getParam(I);
    D->setName(adjointName(Param->getName()));
    if (Param->getType().isPointer())
      Shadow[Param] = D;
    else
      Slot[Param] = D;
  }

  B.setInsertionPointToEnd(A->getBody());
  if (llvm::Error E = cloneRegion(P.getBody(), A->getBody()))
    return E;

  B.setInsertionPointToEnd(A->getBody());
  B.setLoc(Location());
  Scopes.emplace_back();
  // Slots for function-level values accumulated inside nested regions.
  for (const auto &Op : P.getBody().getOps())
    for (Value *Res : Op->getResults())
      if (NeedsSlot.contains(Res) && !Slot.count(Res)) {
        Value *Sl = B.localAlloc(Res->getType(), 1);
        Sl->setName(adjointName(Res->getName()));
        Slot[Res] = Sl;
      }
  const Operation *Ret = P.getBody().getTerminator();
  if (FloatResult && Ret && Ret->getNumOperands() == 1)
    accumulate(Ret->getOperand(0),
               Seed ? Seed : B.constant(Results[0], 1.0));
  if (llvm::Error E = reverseOps(P.getBody()))
    return E;
  Scopes.pop_back();
  B.setLoc(Location());
  B.ret(Gradient ? llvm::ArrayRef<Value *>(Returned)
                 : llvm::ArrayRef<Value *>());
  return A;
}

llvm::Expected<Function *> ddx::buildAdjoint(Module &M,
                                             const AdjointOptions &Options,
                                             AdjointCache &Cache,
                                             std::string *Report) {
  Function *Primal = M.lookup(Options.Function);
  if (!Primal)
    return llvm::createStringError("no function named '" + Options.Function +
                                   "' in the module");
  std::vector<unsigned> Active = Options.ActiveParams;
  if (Active.empty())
    for (unsigned I : ActivityAnalysis::floatingParams(*Primal))
      Active.push_back(I);
  for (unsigned I : Active)
    if (I >= Primal->getNumParams() ||
        !isFloatData(Primal->getParam(I)->getType()))
      return llvm::createStringError(
          "parameter " + std::to_string(I) + " of '" + Options.Function +
          "' does not hold floating-point data");
  llvm::ArrayRef<Type> Results = Primal->getResultTypes();
  if (Options.Gradient && (Results.size() != 1 || !Results[0].isFloat()))
    return llvm::createStringError(
        "a gradient needs a floating-point result, and '" + Options.Function +
        "' returns " +
        (Results.empty() ? std::string("void")
                         : "'" + Results[0].str().str() + "'") +
        "; use DDX_ADJOINT for functions with outputs through pointers");
  if (M.lookup(Options.Name))
    return llvm::createStringError("a function named '" + Options.Name +
                                   "' already exists");
  AdjointBuilder AB(M, Cache, *Primal, Active);
  auto F = AB.build(Options.Name, Options.Gradient);
  if (F && Report) {
    llvm::raw_string_ostream OS(*Report);
    AB.getPlan().print(*Primal, OS);
  }
  return F;
}
