//===- AdjointPrimalSweep.cpp - The adjoint's primal sweep ----------------===//
//
// A copy of f that also stores, per region execution, the values the tape
// plan tapes (arrays for top-level counted loops, stacks elsewhere) and
// counts while loops' iterations. A loop whose body is recomputed stores
// only its loop-carried values here; the reverse sweep runs the body again
// with the same code (recomputeBody), and that copy does the inner taping.
//
//===----------------------------------------------------------------------===//
#include "AdjointBuilder.h"

using namespace ddx;
using namespace ddx::ir;
using namespace ddx::detail;

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
  if (Silent || Plan.decision(V) != TapePlan::Decision::Tape)
    return;
  Value *Copy = Fwd.lookup(V);
  auto StorageIt = Plan.RegionStorage.find(&R);
  if (StorageIt != Plan.RegionStorage.end() &&
      StorageIt->second != TapePlan::Storage::Stack) {
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
  if (StorageIt != Plan.RegionStorage.end() &&
      StorageIt->second == TapePlan::Storage::HoistedArray) {
    auto Index =
        nestedIndex(Src, [&](const Value *V) -> llvm::Expected<Value *> {
          return Fwd.lookup(V);
        });
    if (!Index)
      return Index.takeError();
    FwdIndex[&Src] = *Index;
  }
  // A StoreScratch iteration works on its own copy of the scratch arrays.
  llvm::SmallVector<const Value *, 2> Scratch;
  if (Loop && Plan.strategy(Loop) == TapePlan::LoopStrategy::StoreScratch)
    for (auto [Base, Start] : scratchStarts(*Loop, Dst.getArgument(0),
                                            Fwd.lookup(Loop->getOperand(0)),
                                            Fwd.lookup(Loop->getOperand(2)))) {
      FwdScratchStart[Base] = Start;
      Scratch.push_back(Base);
    }
  for (Value *Arg : Src.getArguments())
    pushTaped(Src, Arg);
  bool Recomputed = Plan.isRecomputedBody(Src);
  bool Fused = Plan.isFusedBody(Src);
  Silent += Recomputed;
  for (const auto &Op : Src.getOps()) {
    // A fused loop's iteration is reversed before it yields.
    if (Fused && Op.get() == Src.getTerminator())
      if (llvm::Error E = reverseFusedIteration(Src, Dst.getArgument(0)))
        return E;
    if (llvm::Error E = cloneOp(*Op))
      return E;
  }
  Silent -= Recomputed;
  for (const Value *Base : Scratch)
    FwdScratchStart.erase(Base);
  if (Saved)
    B.setInsertionPointToEnd(*Saved);
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::cloneOp(const Operation &Op) {
  B.setLoc(Op.getLoc());
  const Region &Parent = *Op.getParentRegion();
  if (&Parent == &P.getBody()) {
    allocateScratch(Op);
    allocateArrayTapes(Op);
  }
  switch (Op.getKind()) {
  case OpKind::Return:
    for (Value *V : Op.getOperands())
      Returned.push_back(Fwd.lookup(V));
    return llvm::Error::success();
  case OpKind::If: {
    llvm::SmallVector<Type, 4> Types;
    for (Value *R : Op.getResults())
      Types.push_back(R->getType());
    // Values the reverse sweep keeps are extra results (see yieldCarried).
    auto CarriedIt = Plan.Carried.find(&Op);
    if (CarriedIt != Plan.Carried.end())
      for (const Value *V : CarriedIt->second)
        Types.push_back(V->getType());
    Operation *New = B.createIf(Fwd.lookup(Op.getOperand(0)), Types);
    for (unsigned R = 0; R != 2; ++R)
      if (llvm::Error E = cloneRegion(Op.getRegion(R), New->getRegion(R)))
        return E;
    for (unsigned I = 0; I != Op.getNumResults(); ++I) {
      New->getResult(I)->setName(Op.getResult(I)->getName());
      Fwd[Op.getResult(I)] = New->getResult(I);
    }
    if (CarriedIt != Plan.Carried.end())
      for (unsigned K = 0; K != CarriedIt->second.size(); ++K) {
        Value *Result = New->getResult(Op.getNumResults() + K);
        Result->setName(CarriedIt->second[K]->getName());
        CarriedOut[CarriedIt->second[K]] = Result;
      }
    break;
  }
  case OpKind::Yield: {
    auto CarriedIt = Plan.Carried.find(Parent.getParentOp());
    if (CarriedIt == Plan.Carried.end()) {
      cloneSimple(Op);
      break;
    }
    llvm::SmallVector<Value *, 8> Operands;
    for (Value *V : Op.getOperands())
      Operands.push_back(Fwd.lookup(V));
    // A value of this branch, or a result of an `if` nested in it; the other
    // branch does not define it, and yields 0 (the reverse sweep reads it
    // only in the reverse of the branch that did).
    for (const Value *V : CarriedIt->second) {
      const Region *R = V->getParentRegion();
      while (R && R != &Parent) {
        const Operation *Owner = R->getParentOp();
        R = Owner ? Owner->getParentRegion() : nullptr;
      }
      if (!R)
        Operands.push_back(B.constant(V->getType(), 0.0));
      else if (V->getParentRegion() == &Parent)
        Operands.push_back(Fwd.lookup(V));
      else
        Operands.push_back(CarriedOut.lookup(V));
    }
    B.yield(Operands);
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
      Value *Count = B.tripCount(Lb, Ub, Step);
      for (const Value *V : TapedIt->second) {
        Value *Buffer = B.tapeAlloc(V->getType(), Count);
        Buffer->setName(
            "tape_" + (V->getName().empty() ? std::string("t") : V->getName()));
        ArrayTape[V] = Buffer;
      }
    }
    if (Plan.strategy(&Op) == TapePlan::LoopStrategy::FusedReverse)
      prepareFusedLoop(Op);
    llvm::SmallVector<Value *, 4> Inits;
    for (Value *V : Op.getLoopInits())
      Inits.push_back(Fwd.lookup(V));
    Operation *New =
        B.createFor(Fwd.lookup(Op.getOperand(0)), Fwd.lookup(Op.getOperand(1)),
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
      if (Plan.TapedCounts.contains(&Op) && !Silent) {
        B.tapePush(tapeId(Parent, Type::i64()), Count);
        Pushes[&Parent].push_back({nullptr, &Op, Type::i64()});
      }
    }
    break;
  }
  case OpKind::Alloca: {
    cloneSimple(Op);
    // The shadow lives at function level, also for an array declared in a
    // loop or branch: the reverse sweep clears it where the array's scope
    // ends (enterRegion), so each iteration's reverse starts from zero.
    if (isActiveMemory(&*Op.getResult()) && !Shadow.count(Op.getResult())) {
      Builder Top;
      Top.setInsertionPoint(A->getBody(), 0);
      Value *S = Top.localAlloc(Op.getResult()->getType().getElementType(),
                                Op.getIntAttr() * Lanes);
      S->setName(derivativeName(Op.getResult()->getName()));
      Shadow[Op.getResult()] = S;
    }
    break;
  }
  case OpKind::Offset:
  case OpKind::Load:
  case OpKind::Store: {
    // In a StoreScratch iteration, scratch arrays are its copies; each
    // access computes its address from the copy's start.
    unsigned PtrOperand = Op.getKind() == OpKind::Store ? 1 : 0;
    llvm::SmallVector<const Value *, 2> Indices;
    const Value *Base = offsetChain(Op.getOperand(PtrOperand), Indices);
    Value *Start = FwdScratchStart.lookup(Base);
    if (!Start) {
      cloneSimple(Op);
      break;
    }
    if (Op.getKind() == OpKind::Offset)
      break;
    llvm::SmallVector<Value *, 2> IndexCopies;
    for (const Value *I : Indices)
      IndexCopies.push_back(Fwd.lookup(I));
    llvm::SmallVector<Value *, 2> Operands;
    for (Value *V : Op.getOperands())
      Operands.push_back(Fwd.lookup(V));
    Operands[PtrOperand] = scratchAddress(Base, Start, IndexCopies);
    Operation *New = B.clone(Op, Operands);
    if (Op.getNumResults())
      Fwd[Op.getResult()] = New->getResult();
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

llvm::Error AdjointBuilder::recomputeBody(const Region &Body, Value *IV) {
  Fwd[Body.getArgument(0)] = IV;
  for (unsigned I = 1; I < Body.getNumArguments(); ++I) {
    auto Carried = prim(Body.getArgument(I));
    if (!Carried)
      return Carried.takeError();
    Fwd[Body.getArgument(I)] = *Carried;
  }
  for (const auto &Op : Body.getOps())
    if (Op.get() != Body.getTerminator())
      if (llvm::Error E = cloneOp(*Op))
        return E;
  return llvm::Error::success();
}

void AdjointBuilder::prepareFusedLoop(const Operation &Loop) {
  llvm::SmallVector<Value *, 2> &Seeds = FusedSeeds[&Loop];
  for (Value *R : Loop.getResults()) {
    double C = Plan.SeedCoefficients.lookup(R);
    for (unsigned L = 0; L != Lanes; ++L) {
      Value *Seed = nullptr;
      if (C != 0) {
        Seed = ResultSeeds.empty() ? B.constant(R->getType(), 1.0)
                                   : B.cast(ResultSeeds[L], R->getType());
        if (C != 1)
          Seed = B.mul(B.constant(R->getType(), C), Seed);
      }
      Seeds.push_back(Seed);
    }
  }
  // The iterations' reverses add into the slots of function-level values
  // they use, so those exist before the loop.
  walk(Loop.getRegion(0), [&](const Operation *Op) {
    for (Value *V : Op->getOperands())
      if (V->getParentRegion() == &P.getBody() && NeedsSlot.contains(V))
        makeSlot(V);
  });
}

void AdjointBuilder::allocateScratch(const Operation &Op) {
  auto Allocate = [&](const Operation *Loop) {
    auto It = Plan.Scratch.find(Loop);
    if (It == Plan.Scratch.end())
      return;
    // Trip count * array size; the bounds are function-level values or
    // constants.
    Value *Count = fixedTripCount(*Loop);
    for (const Value *Base : It->second) {
      int64_t Size = Base->getDefiningOp()->getIntAttr();
      Value *Buffer =
          B.tapeAlloc(Base->getType().getElementType(),
                      B.mul(Count, B.constant(Count->getType(), Size)));
      Buffer->setName("kept_" + Base->getName());
      ScratchBuffer[Base] = Buffer;
    }
  };
  Allocate(&Op);
  for (unsigned K = 0; K != Op.getNumRegions(); ++K)
    walk(Op.getRegion(K), Allocate);
}

Value *AdjointBuilder::fixedTripCount(const Operation &Loop) {
  Value *&Trips = FixedTrips[&Loop];
  if (Trips)
    return Trips;
  // Constant bounds may stand in the loop's region, not copied yet.
  auto Bound = [&](const Value *V) {
    const Operation *Def = V->getDefiningOp();
    return Def && Def->getKind() == OpKind::Constant
               ? B.clone(*Def, {})->getResult()
               : Fwd.lookup(V);
  };
  Value *Lb = Bound(Loop.getOperand(0));
  Value *Ub = Bound(Loop.getOperand(1));
  Value *Step = Bound(Loop.getOperand(2));
  Trips = B.tripCount(Lb, Ub, Step);
  return Trips;
}

void AdjointBuilder::allocateArrayTapes(const Operation &Op) {
  for (unsigned K = 0; K != Op.getNumRegions(); ++K)
    walk(Op.getRegion(K), [&](const Operation *Loop) {
      if (Loop->getKind() != OpKind::For)
        return;
      const Region &Body = Loop->getRegion(0);
      auto TapedIt = Plan.Taped.find(&Body);
      auto StorageIt = Plan.RegionStorage.find(&Body);
      if (TapedIt == Plan.Taped.end() || TapedIt->second.empty() ||
          StorageIt == Plan.RegionStorage.end() ||
          StorageIt->second != TapePlan::Storage::HoistedArray)
        return;
      Value *Size = nullptr;
      for (const Operation *L : Plan.ArrayLoops.lookup(&Body)) {
        Value *Trips = fixedTripCount(*L);
        Size = Size ? B.mul(Size, Trips) : Trips;
      }
      for (const Value *V : TapedIt->second) {
        Value *Buffer = B.tapeAlloc(V->getType(), Size);
        Buffer->setName(
            "tape_" + (V->getName().empty() ? std::string("t") : V->getName()));
        ArrayTape[V] = Buffer;
      }
    });
}

llvm::Expected<Value *> AdjointBuilder::nestedIndex(
    const Region &R,
    llvm::function_ref<llvm::Expected<Value *>(const Value *)> Lookup) {
  Value *Index = nullptr;
  for (const Operation *L : Plan.ArrayLoops.lookup(&R)) {
    llvm::SmallVector<Value *, 3> Vs;
    for (const Value *V :
         {L->getRegion(0).getArgument(0), L->getOperand(0), L->getOperand(2)}) {
      auto Found = Lookup(V);
      if (!Found)
        return Found.takeError();
      Vs.push_back(*Found);
    }
    Value *Iteration = B.div(B.sub(Vs[0], Vs[1]), Vs[2]);
    Index = Index ? B.add(B.mul(Index, FixedTrips.lookup(L)), Iteration)
                  : Iteration;
  }
  return Index;
}

llvm::SmallVector<std::pair<const Value *, Value *>, 2>
AdjointBuilder::scratchStarts(const Operation &Loop, Value *IV, Value *Lb,
                              Value *Step) {
  llvm::SmallVector<std::pair<const Value *, Value *>, 2> Starts;
  Value *Index = B.div(B.sub(IV, Lb), Step);
  for (const Value *Base : Plan.Scratch.lookup(&Loop)) {
    int64_t Size = Base->getDefiningOp()->getIntAttr();
    Starts.push_back({Base, B.mul(Index, B.constant(Index->getType(), Size))});
  }
  return Starts;
}

Value *AdjointBuilder::scratchAddress(const Value *Base, Value *Start,
                                      llvm::ArrayRef<Value *> Indices) {
  for (Value *I : Indices)
    Start = B.add(Start, B.cast(I, Start->getType()));
  return B.offset(ScratchBuffer.lookup(Base), Start);
}

const Value *
ddx::detail::offsetChain(const Value *Ptr,
                         llvm::SmallVectorImpl<const Value *> &Indices) {
  const Operation *Def = Ptr->getDefiningOp();
  if (!Def || Def->getKind() != OpKind::Offset)
    return Ptr;
  const Value *Base = offsetChain(Def->getOperand(0), Indices);
  Indices.push_back(Def->getOperand(1));
  return Base;
}
