//===- AdjointReverseSweep.cpp - The adjoint's reverse sweep --------------===//
//
// Walks f's regions backwards, accumulating adjoints with the transposed
// rules; structured operations reverse structurally.
//
//===----------------------------------------------------------------------===//
#include "AdjointBuilder.h"

using namespace ddx;
using namespace ddx::ir;
using namespace ddx::detail;

llvm::Expected<Value *> AdjointBuilder::prim(const Value *V) {
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    if (Value *Found = It->Prim.lookup(V))
      return Found;
  // Function-level values, and a recomputed body's values once it has run
  // again, are in the copy.
  if (V->getParentRegion() == &P.getBody() ||
      Plan.isScopeBody(*V->getParentRegion()))
    return Fwd.lookup(V);
  if (Plan.decision(V) == TapePlan::Decision::Carry)
    return CarriedOut.lookup(V);
  if (V->getType().isPointer() && !V->getDefiningOp())
    return advancedPointerError();
  if (Plan.decision(V) != TapePlan::Decision::Recompute)
    return llvm::createStringError(
        "internal error: the reverse sweep needs a value the tape plan did "
        "not provide ('" +
        V->getName() + "')");
  const Operation *Def = V->getDefiningOp();
  if (!Def)
    return counterValue(V);
  // A scratch array's copy (StoreScratch) is addressed from its buffer,
  // by each load.
  if (Def->getKind() == OpKind::Load) {
    llvm::SmallVector<const Value *, 2> Indices;
    const Value *Base = offsetChain(Def->getOperand(0), Indices);
    if (Value *Start = scratchStart(Base)) {
      llvm::SmallVector<Value *, 2> IndexCopies;
      for (const Value *I : Indices) {
        auto Copy = prim(I);
        if (!Copy)
          return Copy.takeError();
        IndexCopies.push_back(*Copy);
      }
      Operation *New =
          B.clone(*Def, {scratchAddress(Base, Start, IndexCopies)});
      Scopes.back().Prim[V] = New->getResult();
      return New->getResult();
    }
  }
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

Value *AdjointBuilder::scratchStart(const Value *Base) {
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    if (Value *Start = It->ScratchStart.lookup(Base))
      return Start;
  return nullptr;
}

llvm::Expected<Value *> AdjointBuilder::counterValue(const Value *V) {
  const Operation *Loop = V->getArgOwner()->getParentOp();
  llvm::SmallVector<Value *, 5> Vs;
  llvm::SmallVector<const Value *, 5> Needs = {counterInit(V),
                                               counterIncrement(V)};
  if (Loop->getKind() == OpKind::For)
    Needs.append({Loop->getRegion(0).getArgument(0), Loop->getOperand(0),
                  Loop->getOperand(2)});
  for (const Value *Needed : Needs) {
    auto Pv = prim(Needed);
    if (!Pv)
      return Pv.takeError();
    Vs.push_back(B.cast(*Pv, V->getType()));
  }
  // init + c * index: the index is (iv - lb) / step in a `for`, the number
  // of the iteration being reversed in a `while` (reverseWhile).
  Value *Index = nullptr;
  if (Loop->getKind() == OpKind::For)
    Index = B.div(B.sub(Vs[2], Vs[3]), Vs[4]);
  for (auto It = Scopes.rbegin(); It != Scopes.rend() && !Index; ++It)
    if (Value *K = It->WhileIteration.lookup(Loop))
      Index = B.cast(K, V->getType());
  if (!Index)
    return llvm::createStringError("internal error: a while counter outside "
                                   "its loop's reversal");
  Value *Result = B.add(Vs[0], B.mul(Vs[1], Index));
  Result->setName(V->getName());
  Scopes.back().Prim[V] = Result;
  return Result;
}

llvm::Expected<Value *> AdjointBuilder::shadowAddress(const Value *Ptr,
                                                      bool InLane) {
  const Operation *Def = Ptr->getDefiningOp();
  if (Def && Def->getKind() == OpKind::Offset) {
    auto Base = shadowAddress(Def->getOperand(0), /*InLane=*/false);
    if (!Base)
      return Base.takeError();
    auto Index = prim(Def->getOperand(1));
    if (!Index)
      return Index.takeError();
    Value *I = *Index;
    if (Vector) {
      I = B.mul(I, B.constant(I->getType(), double(Lanes)));
      if (InLane && Lane)
        I = B.add(I, B.constant(I->getType(), double(Lane)));
    }
    return B.offset(*Base, I);
  }
  if (Value *S = Shadow.lookup(Ptr)) {
    if (Vector && InLane)
      return laneElement(S, Lane);
    return S;
  }
  return advancedPointerError();
}

llvm::Error AdjointBuilder::advancedPointerError() {
  // A pointer a loop advances by a varying step (fixed steps were rewritten
  // as indices, see PointerInduction.h) has no fixed offset from its array,
  // so neither it nor its adjoint storage can be found in the reverse sweep.
  return errorAt(P.getName(), B.getLoc(),
                 "a pointer that is advanced inside a loop by a step that "
                 "changes is not supported in reverse mode yet; index the "
                 "array instead (p[i])");
}

Value *AdjointBuilder::adjoint(const Value *V) {
  Value *Sum = nullptr;
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    if (Value *A = It->Adj.lookup({V, Lane})) {
      Sum = A;
      break;
    }
  if (Value *S = slot(V)) {
    Value *Stored = B.load(S);
    Sum = Sum ? B.add(Sum, Stored) : Stored;
  }
  return Sum;
}

void AdjointBuilder::accumulate(const Value *V, Value *Contribution) {
  if (!Contribution || !isActive(V))
    return;
  if (Value *S = slot(V)) {
    B.store(B.add(B.load(S), Contribution), S);
    return;
  }
  Value *&Adj = Scopes.back().Adj[{V, Lane}];
  Adj = Adj ? B.add(Adj, Contribution) : Contribution;
  if (Adj->getName().empty())
    Adj->setName(derivativeName(V->getName()));
}

void AdjointBuilder::clearShadow(Value *S, int64_t N) {
  Value *Zero = B.constant(Type::i64(), 0);
  Operation *Loop = B.createFor(Zero, B.constant(Type::i64(), double(N)),
                                B.constant(Type::i64(), 1), {});
  Region *Outer = B.getInsertionRegion();
  Region &Body = Loop->getRegion(0);
  B.setInsertionPointToEnd(Body);
  B.store(B.constant(S->getType().getElementType(), 0.0),
          B.offset(S, Body.getArgument(0)));
  B.yield({});
  B.setInsertionPointToEnd(*Outer);
}

void AdjointBuilder::makeSlot(const Value *V) {
  if (Slot.count({V, 0}) || LaneSlots.count(V))
    return;
  for (unsigned L = 0; L != Lanes; ++L) {
    Value *Sl = B.localAlloc(V->getType(), 1);
    Sl->setName(derivativeName(V->getName()));
    Slot[{V, L}] = Sl;
  }
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
                 StorageIt->second != TapePlan::Storage::Stack;
    Value *Index = nullptr;
    if (Array && StorageIt->second == TapePlan::Storage::HoistedArray) {
      auto Nested = nestedIndex(R, [&](const Value *V) { return prim(V); });
      if (!Nested)
        return Nested.takeError();
      Index = *Nested;
    } else if (Array) {
      auto Lb = prim(R.getParentOp()->getOperand(0));
      auto Step = prim(R.getParentOp()->getOperand(2));
      if (!Lb || !Step)
        return Lb ? Step.takeError() : Lb.takeError();
      Index = B.div(B.sub(IV, *Lb), *Step);
    }
    for (auto It = PushIt->second.rbegin(); It != PushIt->second.rend(); ++It) {
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
  // An array declared in R is dead past R's end: its adjoint is zero there.
  for (const auto &Op : R.getOps())
    if (Op->getKind() == OpKind::Alloca && &R != &P.getBody())
      if (Value *S = Shadow.lookup(Op->getResult()))
        clearShadow(S, Op->getIntAttr() * Lanes);
  // Slots for values of R whose adjoints nested regions accumulate.
  auto NeedSlot = [&](const Value *V) {
    if (NeedsSlot.contains(V))
      makeSlot(V);
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
  case OpKind::Load:
    return forEachLane([&]() -> llvm::Error {
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
    });
  case OpKind::Store:
    if (!isActiveMemory(baseObject(Op.getOperand(1))))
      return llvm::Error::success();
    return forEachLane([&]() -> llvm::Error {
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
    });
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
    return errorAt(Op,
                   "no derivative rule for '" + Op.getMnemonic().str() + "'");
  return forEachLane([&] { return reversePureInLane(Op, *Rule); });
}

llvm::Error AdjointBuilder::reversePureInLane(const Operation &Op,
                                              const DerivativeRule &Rule) {
  Value *Ct = adjoint(Op.getResult());
  if (!Ct)
    return llvm::Error::success();
  llvm::SmallVector<bool, 3> Active;
  for (Value *V : Op.getOperands())
    Active.push_back(isActive(V));
  // The primal values the transposed rule mentions (e.g. none for add, the
  // other factor for mul, the result for exp) are the only ones fetched.
  llvm::DenseSet<Value *> Mentioned;
  for (const Term &T :
       vjp(Rule, Op.getOperands(), Op.getResult(), Active, Term(Ct)))
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
  std::vector<Term> Adj = vjp(Rule, Operands, Y, Active, Term(Ct));
  for (unsigned I = 0; I != Adj.size(); ++I)
    if (Active[I])
      accumulate(Op.getOperand(I),
                 Adj[I].materialize(B, Op.getOperand(I)->getType()));
  return llvm::Error::success();
}

llvm::Expected<std::string>
AdjointBuilder::calleeAdjoint(const Function &Callee,
                              llvm::ArrayRef<unsigned> Active) {
  std::string Key = adjointCacheKey(Callee, Active, vectorLanes());
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  // The all-inputs adjoint has the name a request for it would have, and is
  // shared with such a request; others say which inputs they cover.
  std::string Name =
      baseIdentifier(Callee.getName()) + (Vector ? "_adjoint_n" : "_adjoint");
  if (!llvm::equal(Active, ActivityAnalysis::floatingParams(Callee)))
    for (unsigned I : Active)
      Name += "_" + Callee.getParam(I)->getName();
  Name = uniqueFunctionName(M, Name);
  Cache[Key] = Name;
  auto Prepared = prepareForReverse(M, Callee);
  if (!Prepared)
    return Prepared.takeError();
  AdjointBuilder Sub(M, Cache, **Prepared, Active, vectorLanes());
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
      // Other calls that write through pointers were inlined (Inline.h).
      return errorAt(Op, "a recursive call that writes through a pointer ('" +
                             cxxName(Op.getCallee()).str() +
                             "') is not supported in reverse mode yet; make "
                             "the recursion a loop, or return the results");
    if (Arg->getType().isFloatData() && isActive(Arg))
      Active.push_back(I);
  }
  bool FloatResult = !Callee->getResultTypes().empty() &&
                     Callee->getResultTypes()[0].isFloat();
  // The result's adjoint in each lane (null: zero).
  llvm::SmallVector<Value *, 2> ResultAdj;
  if (Op.getNumResults())
    ResultAdj = perLane({Op.getResult()}, [&](const Value *R) {
      return isActive(R) ? adjoint(R) : nullptr;
    });
  bool AnyResultAdj = llvm::any_of(ResultAdj, [](Value *A) { return A; });
  if (Active.empty() || (!AnyResultAdj && Op.getNumResults() &&
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
  if (FloatResult) {
    Type T = Callee->getResultTypes()[0];
    auto SeedOf = [&](unsigned L) {
      return L < ResultAdj.size() && ResultAdj[L] ? ResultAdj[L]
                                                  : B.constant(T, 0.0);
    };
    if (!Vector) {
      Args.push_back(SeedOf(0));
    } else {
      // A vector adjoint takes its lanes' seeds as an array.
      Value *Seeds = B.localAlloc(T, Lanes);
      Seeds->setName("d_ret");
      for (unsigned L = 0; L != Lanes; ++L)
        B.store(SeedOf(L), laneElement(Seeds, L));
      Args.push_back(Seeds);
    }
  }
  llvm::SmallVector<std::pair<unsigned, Value *>, 4> Slots;
  for (unsigned I : Active) {
    Value *Arg = Op.getOperand(I);
    if (Arg->getType().isPointer()) {
      auto S = shadowAddress(Arg, /*InLane=*/false);
      if (!S)
        return S.takeError();
      Args.push_back(*S);
      continue;
    }
    Value *Sl = B.localAlloc(Arg->getType(), Lanes);
    Sl->setName(derivativeName(Arg->getName().empty()
                                   ? Callee->getParam(I)->getName()
                                   : Arg->getName()));
    Args.push_back(Sl);
    Slots.push_back({I, Sl});
  }
  B.call(*Name, Args, {});
  inEachLane([&] {
    for (auto [I, Sl] : Slots)
      accumulate(Op.getOperand(I), B.load(Vector ? laneElement(Sl, Lane) : Sl));
  });
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseIf(const Operation &Op) {
  llvm::SmallVector<Value *, 4> ResultAdj =
      perLane(Op.getResults(), [&](const Value *R) {
        return isActive(R) ? adjoint(R) : nullptr;
      });
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
    accumulateLanes(Branch.getTerminator()->getOperands(), ResultAdj);
    if (llvm::Error E = reverseOps(Branch))
      return E;
    B.yield({});
    Scopes.pop_back();
  }
  B.setInsertionPointToEnd(*Outer);
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseFusedIteration(const Region &Body,
                                                  Value *IV) {
  const Operation *Loop = Body.getParentOp();
  if (llvm::Error E = enterRegion(Body, IV, Loop))
    return E;
  accumulateLanes(Body.getTerminator()->getOperands(),
                  FusedSeeds.find(Loop)->second);
  if (llvm::Error E = reverseOps(Body))
    return E;
  Scopes.pop_back();
  return llvm::Error::success();
}

void AdjointBuilder::accumulateLanes(llvm::ArrayRef<const Value *> Values,
                                     llvm::ArrayRef<Value *> Adj) {
  for (unsigned K = 0; K != Values.size(); ++K)
    inEachLane([&] { accumulate(Values[K], Adj[K * Lanes + Lane]); });
}

llvm::Error AdjointBuilder::reverseFor(const Operation &Op) {
  const Region &Body = Op.getRegion(0);
  // A fused loop was reversed in the primal sweep; its carried values are
  // running sums, so their initial values get the results' adjoints.
  if (Plan.strategy(&Op) == TapePlan::LoopStrategy::FusedReverse) {
    inEachLane([&] {
      for (unsigned J = 0; J != Op.getNumResults(); ++J)
        if (isActive(Op.getResult(J)))
          accumulate(Op.getLoopInits()[J], adjoint(Op.getResult(J)));
    });
    return llvm::Error::success();
  }
  llvm::SmallVector<unsigned, 4> Carried;
  for (unsigned J = 0; J != Op.getNumResults(); ++J)
    if (isActive(Op.getResult(J)) || isActive(Body.getArgument(J + 1)))
      Carried.push_back(J);
  auto Select = [&](auto &&Of) {
    llvm::SmallVector<const Value *, 4> Vs;
    for (unsigned J : Carried)
      Vs.push_back(Of(J));
    return Vs;
  };
  llvm::SmallVector<Value *, 4> Inits =
      laneAdjoints(Select([&](unsigned J) { return Op.getResult(J); }));
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
  for (unsigned K = 0; K != Inits.size(); ++K)
    RevBody.getArgument(K + 1)->setName(
        derivativeName(Op.getResult(Carried[K / Lanes])->getName()));
  Region *Outer = B.getInsertionRegion();
  B.setInsertionPointToEnd(RevBody);
  if (llvm::Error E = enterRegion(Body, RevBody.getArgument(0), &Op))
    return E;
  // Reloads of scratch arrays read this iteration's copy.
  if (Plan.strategy(&Op) == TapePlan::LoopStrategy::StoreScratch)
    for (auto [Base, Start] :
         scratchStarts(Op, RevBody.getArgument(0), Bounds[0], Bounds[2]))
      Scopes.back().ScratchStart[Base] = Start;
  if (Plan.isRecomputedBody(Body))
    if (llvm::Error E = recomputeBody(Body, RevBody.getArgument(0)))
      return E;
  Operation *Term = Body.getTerminator();
  accumulateLanes(Select([&](unsigned J) { return Term->getOperand(J); }),
                  llvm::ArrayRef<Value *>(RevBody.getArguments()).drop_front());
  if (llvm::Error E = reverseOps(Body))
    return E;
  B.yield(laneAdjoints(
      Select([&](unsigned J) { return Body.getArgument(J + 1); })));
  Scopes.pop_back();
  B.setInsertionPointToEnd(*Outer);
  accumulateLanes(Select([&](unsigned J) { return Op.getLoopInits()[J]; }),
                  New->getResults());
  return llvm::Error::success();
}

llvm::Error AdjointBuilder::reverseWhile(const Operation &Op) {
  const Region &Before = Op.getRegion(0), &After = Op.getRegion(1);
  llvm::SmallVector<unsigned, 4> Carried;
  for (unsigned J = 0; J != Op.getNumResults(); ++J)
    if (isActive(Op.getResult(J)) || isActive(Before.getArgument(J)) ||
        isActive(After.getArgument(J)))
      Carried.push_back(J);
  auto Select = [&](auto &&Of) {
    llvm::SmallVector<const Value *, 4> Vs;
    for (unsigned J : Carried)
      Vs.push_back(Of(J));
    return Vs;
  };
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
  // before region forwards; G, the adjoints of its arguments (each per
  // carried value and lane).
  llvm::SmallVector<Value *, 8> Inits =
      laneAdjoints(Select([&](unsigned J) { return Op.getResult(J); }));
  unsigned N = Inits.size();
  for (unsigned I = 0; I != N; ++I)
    Inits.push_back(
        B.constant(Op.getResult(Carried[I / Lanes])->getType(), 0.0));
  Value *Zero = B.constant(Type::i64(), 0);
  Value *One = B.constant(Type::i64(), 1);
  Operation *New = B.createFor(Zero, B.add(Count, One), One, Inits,
                               /*Reverse=*/true);
  Region &RevBody = New->getRegion(0);
  Value *K = RevBody.getArgument(0);
  K->setName("k");
  for (unsigned I = 0; I != N; ++I) {
    RevBody.getArgument(1 + I)->setName(
        derivativeName(Op.getResult(Carried[I / Lanes])->getName()));
    RevBody.getArgument(1 + N + I)->setName(
        derivativeName(Before.getArgument(Carried[I / Lanes])->getName()));
  }
  Region *Outer = B.getInsertionRegion();
  B.setInsertionPointToEnd(RevBody);

  if (llvm::Error E = enterRegion(Before))
    return E;
  // Before #k has seen k runs of the after region.
  Scopes.back().WhileIteration[&Op] = K;
  Operation *Cond = Before.getTerminator();
  accumulateLanes(Select([&](unsigned J) { return Cond->getOperand(J + 1); }),
                  llvm::ArrayRef<Value *>(RevBody.getArguments()).slice(1, N));
  if (llvm::Error E = reverseOps(Before))
    return E;
  llvm::SmallVector<Value *, 4> G =
      laneAdjoints(Select([&](unsigned J) { return Before.getArgument(J); }));
  Scopes.pop_back();

  llvm::SmallVector<Type, 4> Types;
  for (unsigned I = 0; I != N; ++I)
    Types.push_back(Op.getResult(Carried[I / Lanes])->getType());
  Operation *IfOp = B.createIf(B.cmp(CmpPred::GT, K, Zero), Types);
  for (unsigned I = 0; I != N; ++I)
    IfOp->getResult(I)->setName(
        derivativeName(After.getArgument(Carried[I / Lanes])->getName()));
  B.setInsertionPointToEnd(IfOp->getRegion(0));
  if (llvm::Error E = enterRegion(After))
    return E;
  Scopes.back().WhileIteration[&Op] = B.sub(K, One);
  Operation *Yield = After.getTerminator();
  accumulateLanes(Select([&](unsigned J) { return Yield->getOperand(J); }), G);
  if (llvm::Error E = reverseOps(After))
    return E;
  B.yield(
      laneAdjoints(Select([&](unsigned J) { return After.getArgument(J); })));
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
  accumulateLanes(Select([&](unsigned J) { return Op.getOperand(J); }),
                  llvm::ArrayRef<Value *>(New->getResults()).slice(N, N));
  return llvm::Error::success();
}
