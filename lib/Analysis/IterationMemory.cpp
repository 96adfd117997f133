//===- IterationMemory.cpp - Which memory a loop iteration can redo -------===//
//
// Iteration privacy is proven with affine index forms: an index is a sum of
// integer multiples of SSA values ("atoms") plus a constant. An access inside
// loops nested in the region where the covering store stands is bounded by
// replacing those loops' induction variables with their bounds (iv >= lb,
// iv <= ub - 1 while the body runs), until only atoms both sides share are
// left to cancel.
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/IterationMemory.h"
#include "ddx/Analysis/Usefulness.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <optional>

using namespace ddx;
using namespace ddx::ir;

void MemoryAccesses::add(const Operation &Op) {
  auto Base = [&](const Value *Ptr) -> const Value * {
    const Value *B = baseObject(Ptr);
    if (!isKnownBase(B))
      Unknown = true;
    return B;
  };
  switch (Op.getKind()) {
  case OpKind::Load:
    Read.insert(Base(Op.getOperand(0)));
    break;
  case OpKind::Store:
    Written.insert(Base(Op.getOperand(1)));
    break;
  case OpKind::Call:
    for (Value *V : Op.getOperands()) {
      if (!V->getType().isPointer())
        continue;
      const Value *B = Base(V);
      Read.insert(B);
      if (!V->getType().isConstPointer()) {
        Written.insert(B);
        CallWrites = true;
      }
    }
    break;
  default:
    break;
  }
  for (unsigned R = 0; R != Op.getNumRegions(); ++R)
    for (const auto &Inner : Op.getRegion(R).getOps())
      add(*Inner);
}

bool ddx::isKnownBase(const Value *Base) {
  if (!Base)
    return false;
  if (const Operation *Def = Base->getDefiningOp())
    return Def->getKind() == OpKind::Alloca ||
           Def->getKind() == OpKind::TapeAlloc;
  // A parameter: an argument of the function body, which no operation owns.
  return Base->getArgOwner() && !Base->getArgOwner()->getParentOp();
}

bool ddx::writtenFrom(const Region &R, size_t Start, const Value *Base) {
  for (size_t I = Start; I < R.size(); ++I) {
    MemoryAccesses A;
    A.add(*R.getOps()[I]);
    if (A.Unknown || A.Written.contains(Base))
      return true;
  }
  return false;
}

namespace {

/// sum(coefficient * atom) + constant over integers.
struct Affine {
  std::map<const Value *, int64_t> Terms;
  int64_t Const = 0;

  Affine &add(const Affine &O, int64_t Scale = 1) {
    for (auto [V, C] : O.Terms)
      if ((Terms[V] += Scale * C) == 0)
        Terms.erase(V);
    Const += Scale * O.Const;
    return *this;
  }
  Affine operator-(const Affine &O) const { return Affine(*this).add(O, -1); }
  Affine operator+(int64_t C) const {
    Affine R = *this;
    R.Const += C;
    return R;
  }
};

Affine atom(const Value *V) {
  Affine A;
  A.Terms[V] = 1;
  return A;
}

Affine affine(const Value *V, unsigned Depth = 0) {
  const Operation *Def = V->getDefiningOp();
  if (!Def || Depth > 16 || !V->getType().isInteger())
    return atom(V);
  auto Sub = [&](unsigned I) { return affine(Def->getOperand(I), Depth + 1); };
  switch (Def->getKind()) {
  case OpKind::Constant: {
    Affine A;
    A.Const = Def->getIntAttr();
    return A;
  }
  case OpKind::Add:
    return Sub(0).add(Sub(1));
  case OpKind::Sub:
    return Sub(0).add(Sub(1), -1);
  case OpKind::Mul: {
    Affine L = Sub(0), R = Sub(1);
    if (R.Terms.empty())
      return Affine().add(L, R.Const);
    if (L.Terms.empty())
      return Affine().add(R, L.Const);
    return atom(V);
  }
  case OpKind::Cast: {
    // Widening keeps the value; anything else is opaque.
    Type From = Def->getOperand(0)->getType();
    if (From.isInteger() && !From.isBool() &&
        From.bitWidth() <= V->getType().bitWidth())
      return Sub(0);
    return atom(V);
  }
  default:
    return atom(V);
  }
}

/// The element index of Ptr relative to its base object.
Affine addressIndex(const Value *Ptr) {
  Affine A;
  while (const Operation *Def = Ptr->getDefiningOp()) {
    if (Def->getKind() != OpKind::Offset)
      break;
    A.add(affine(Def->getOperand(1)));
    Ptr = Def->getOperand(0);
  }
  return A;
}

bool isInductionVar(const Value *V, const Operation *Loop) {
  return Loop->getKind() == OpKind::For &&
         V == Loop->getRegion(0).getArgument(0);
}

/// A lower bound of A when the induction variables of Loops (which enclose
/// the access) are replaced by their ranges; none if atoms remain.
std::optional<int64_t>
lowerBound(Affine A, const llvm::SmallPtrSetImpl<const Operation *> &Loops) {
  for (unsigned Round = 0; Round != 32; ++Round) {
    const Operation *Loop = nullptr;
    int64_t Coef = 0;
    for (auto [V, C] : A.Terms) {
      Region *Owner = V->getArgOwner();
      const Operation *L = Owner ? Owner->getParentOp() : nullptr;
      if (L && Loops.contains(L) && isInductionVar(V, L)) {
        Loop = L;
        Coef = C;
        break;
      }
    }
    if (!Loop)
      break;
    A.Terms.erase(Loop->getRegion(0).getArgument(0));
    // iv >= lb; iv <= ub - 1.
    A.add(Coef > 0 ? affine(Loop->getOperand(0))
                   : affine(Loop->getOperand(1)) + -1,
          Coef);
  }
  if (!A.Terms.empty())
    return std::nullopt;
  return A.Const;
}

bool nonNegative(const Affine &A,
                 const llvm::SmallPtrSetImpl<const Operation *> &Loops) {
  std::optional<int64_t> Lb = lowerBound(A, Loops);
  return Lb && *Lb >= 0;
}

bool definedIn(const Value *V, const Region &R) {
  for (const Region *P = V->getParentRegion(); P;) {
    if (P == &R)
      return true;
    const Operation *Op = P->getParentOp();
    P = Op ? Op->getParentRegion() : nullptr;
  }
  return false;
}

/// An element range [Lo, Hi) that W certainly writes to Base; Store is the
/// store doing it.
struct Interval {
  Affine Lo, Hi;
  const Operation *Store;
};

void writtenIntervals(const Operation &W, const Value *Base,
                      llvm::SmallVectorImpl<Interval> &Out) {
  auto StoresTo = [&](const Operation &S) {
    return S.getKind() == OpKind::Store && baseObject(S.getOperand(1)) == Base;
  };
  if (StoresTo(W)) {
    Affine I = addressIndex(W.getOperand(1));
    Out.push_back({I, I + 1, &W});
    return;
  }
  // A unit-step loop storing to iv + c each iteration covers [lb+c, ub+c).
  if (W.getKind() != OpKind::For)
    return;
  Affine Step = affine(W.getOperand(2));
  if (!Step.Terms.empty() || Step.Const != 1)
    return;
  const Region &Body = W.getRegion(0);
  const Value *IV = Body.getArgument(0);
  for (const auto &S : Body.getOps()) {
    if (!StoresTo(*S))
      continue;
    Affine Rest = addressIndex(S->getOperand(1));
    auto It = Rest.Terms.find(IV);
    if (It == Rest.Terms.end() || It->second != 1)
      continue;
    Rest.Terms.erase(It);
    if (llvm::any_of(Rest.Terms,
                     [&](auto &T) { return definedIn(T.first, Body); }))
      continue;
    Affine Lo = affine(W.getOperand(0)), Hi = affine(W.getOperand(1));
    Out.push_back({Lo.add(Rest), Hi.add(Rest), S.get()});
  }
}

unsigned countStores(const Region &R, const Value *Base) {
  unsigned N = 0;
  walk(R, [&](const Operation *Op) {
    if (Op->getKind() == OpKind::Store && baseObject(Op->getOperand(1)) == Base)
      ++N;
  });
  return N;
}

/// Whether Load, inside Body, reads an element the same iteration of Body
/// wrote before it (or, for Body's only store to the array, an element no
/// iteration writes).
bool isCoveredRead(const Operation &Load, const Region &Body) {
  const Value *Base = baseObject(Load.getOperand(0));
  Affine Index = addressIndex(Load.getOperand(0));
  llvm::SmallPtrSet<const Operation *, 4> Loops;
  const Operation *Anc = &Load;
  for (const Region *R = Load.getParentRegion();;) {
    for (const auto &W : R->getOps()) {
      if (W.get() == Anc)
        break;
      llvm::SmallVector<Interval, 2> Intervals;
      writtenIntervals(*W, Base, Intervals);
      for (const Interval &I : Intervals) {
        Affine AboveLo = Index - I.Lo, BelowHi = (I.Hi + -1) - Index;
        if (nonNegative(AboveLo, Loops) && nonNegative(BelowHi, Loops))
          return true;
        // If the interval is the same in every iteration of Body and the
        // only thing writing the array, then when it is empty no iteration
        // writes the array at all: prove the read is inside it given that
        // it is not empty (NonEmpty = Hi - Lo - 1 >= 0).
        if (R != &Body || countStores(Body, Base) != 1)
          continue;
        bool Invariant = true;
        for (const Affine *A : {&I.Lo, &I.Hi})
          for (auto &T : A->Terms)
            Invariant &= !definedIn(T.first, Body);
        if (!Invariant)
          continue;
        Affine NonEmpty = (I.Hi + -1) - I.Lo;
        auto Given = [&](const Affine &A) {
          return nonNegative(A, Loops) || nonNegative(A - NonEmpty, Loops);
        };
        if (Given(AboveLo) && Given(BelowHi))
          return true;
      }
    }
    if (R == &Body)
      return false;
    Anc = R->getParentOp();
    if (Anc->getKind() == OpKind::For)
      Loops.insert(Anc);
    R = Anc->getParentRegion();
  }
}

} // namespace

bool ddx::canRecomputeLoopBody(const Operation &Loop) {
  if (Loop.getKind() != OpKind::For)
    return false;
  const Region &Body = Loop.getRegion(0);
  MemoryAccesses Acc;
  for (const auto &Op : Body.getOps())
    Acc.add(*Op);
  if (Acc.Unknown || Acc.CallWrites)
    return false;
  for (const Value *Base : Acc.Written) {
    const Operation *Def = Base->getDefiningOp();
    if (!Def || Def->getKind() != OpKind::Alloca)
      return false;
  }
  const Region &Parent = *Loop.getParentRegion();
  size_t Pos = Parent.indexOf(&Loop);
  for (const Value *Base : Acc.Read)
    if (writtenFrom(Parent, Pos + 1, Base))
      return false;
  // Arrays the body both writes and reads: every read is iteration-private.
  // (An array allocated inside the body is new in every iteration.)
  bool Private = true;
  walk(Body, [&](const Operation *Op) {
    auto Shared = [&](const Value *Ptr) {
      const Value *Base = baseObject(Ptr);
      return Acc.Written.contains(Base) && !definedIn(Base, Body);
    };
    if (Op->getKind() == OpKind::Load)
      Private &= !Shared(Op->getOperand(0)) || isCoveredRead(*Op, Body);
    // What a callee reads is not tracked element by element.
    if (Op->getKind() == OpKind::Call)
      for (Value *V : Op->getOperands())
        Private &= !V->getType().isPointer() || !Shared(V);
  });
  return Private;
}
