//===- LoopScalarReplacement.cpp - Carry array elements in registers ------===//
//
// The pattern, for a loop whose induction variable i steps by one (d = +1
// forward, -1 reversed) and one array base B:
//
//   L0?  load  B[i + c0]      S0  store B[i + c0]     (this iteration's element)
//   L1   load  B[i + c1]      S1  store B[i + c1]     with c1 = c0 - d
//
// B[i + c1] in one iteration is B[i + c0] of the previous one: L1 reads what
// S0 wrote, and S1 overwrites it. So S0's value is carried to the next
// iteration instead (replacing L1), the element S0 of the last iteration
// writes is stored after the loop, and the first iteration's L1 reads
// memory before the loop. Any other access to B's object in the loop, or a
// call, leaves the loop alone.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/LoopScalarReplacement.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/IR/Builder.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

using namespace ddx;
using namespace ddx::ir;

namespace {

std::optional<int64_t> constantInt(const Value *V) {
  const Operation *D = V->getDefiningOp();
  if (D && D->getKind() == OpKind::Constant && V->getType().isInteger())
    return D->getIntAttr();
  return std::nullopt;
}

/// c when Index is IV + c.
std::optional<int64_t> offsetFromIV(const Value *Index, const Value *IV) {
  if (Index == IV)
    return 0;
  const Operation *D = Index->getDefiningOp();
  if (!D)
    return std::nullopt;
  if (D->getKind() == OpKind::Add) {
    if (D->getOperand(0) == IV)
      return constantInt(D->getOperand(1));
    if (D->getOperand(1) == IV)
      return constantInt(D->getOperand(0));
  }
  if (D->getKind() == OpKind::Sub && D->getOperand(0) == IV)
    if (auto C = constantInt(D->getOperand(1)))
      return -*C;
  return std::nullopt;
}

struct Access {
  Operation *Op;
  unsigned Pos;
  int64_t Offset;
  bool IsStore;
};

/// V + C, or V itself for C = 0.
Value *plus(Builder &B, Value *V, int64_t C) {
  return C == 0 ? V
                : B.add(V, B.constant(V->getType(), static_cast<double>(C)));
}

class Replacer {
public:
  void run(Region &R) {
    for (size_t I = 0; I != R.size(); ++I) {
      Operation &Op = *R.getOps()[I];
      for (unsigned K = 0; K != Op.getNumRegions(); ++K)
        run(Op.getRegion(K));
      if (Op.getKind() == OpKind::For)
        while (transform(R, I, Op)) {
        }
    }
  }

private:
  /// Finds one instance of the pattern in Loop and rewrites it.
  bool transform(Region &Parent, size_t LoopPos, Operation &Loop) {
    auto Step = constantInt(Loop.getOperand(2));
    if (!Step || *Step != 1)
      return false;
    Region &Body = Loop.getRegion(0);
    Value *IV = Body.getArgument(0);
    bool HasCall = false;
    walk(Body, [&](Operation *Op) { HasCall |= Op->getKind() == OpKind::Call; });
    if (HasCall)
      return false;

    // Memory accesses per base object anywhere in the body, and the
    // top-level ones at i + c of a pointer defined outside the loop.
    llvm::DenseMap<const Value *, unsigned> AllAccesses;
    walk(Body, [&](Operation *Op) {
      if (Op->getKind() == OpKind::Load || Op->getKind() == OpKind::Store)
        ++AllAccesses[baseObject(Op->getOperand(Op->getKind() ==
                                                  OpKind::Store))];
    });
    llvm::DenseMap<Value *, llvm::SmallVector<Access, 4>> ByPointer;
    for (unsigned I = 0; I != Body.size(); ++I) {
      Operation *Op = Body.getOps()[I].get();
      bool IsStore = Op->getKind() == OpKind::Store;
      if (!IsStore && Op->getKind() != OpKind::Load)
        continue;
      const Operation *Addr = Op->getOperand(IsStore)->getDefiningOp();
      if (!Addr || Addr->getKind() != OpKind::Offset)
        continue;
      Value *Base = Addr->getOperand(0);
      if (Base->getParentRegion() == &Body)
        continue;
      if (auto C = offsetFromIV(Addr->getOperand(1), IV))
        ByPointer[Base].push_back({Op, I, *C, IsStore});
    }
    int64_t D = Loop.isReverseLoop() ? -1 : 1;
    for (auto &[Base, Accesses] : ByPointer) {

      if (AllAccesses.lookup(baseObject(Base)) != Accesses.size())
        continue;
      // Two elements: c0 (written this iteration) and c1 = c0 - d.
      const Access *L0 = nullptr, *S0 = nullptr, *L1 = nullptr, *S1 = nullptr;
      std::optional<int64_t> C0;
      for (const Access &A : Accesses)
        if (A.IsStore && (!C0 || A.Offset == *C0 + D))
          C0 = A.Offset; // Prefer the element the next iteration re-reads.
      if (!C0)
        continue;
      int64_t C1 = *C0 - D;
      bool Valid = true;
      for (const Access &A : Accesses) {
        const Access **Slot = A.Offset == *C0   ? (A.IsStore ? &S0 : &L0)
                              : A.Offset == C1 ? (A.IsStore ? &S1 : &L1)
                                               : nullptr;
        if (!Slot || *Slot) {
          Valid = false;
          break;
        }
        *Slot = &A;
      }
      if (!Valid || !S0 || !L1 || !S1 || L1->Pos > S1->Pos ||
          (L0 && L0->Pos > S0->Pos))
        continue;
      rewrite(Parent, LoopPos, Loop, Base, *L1->Op, *S0->Op, *C0, C1);
      return true;
    }
    return false;
  }

  void rewrite(Region &Parent, size_t LoopPos, Operation &Loop, Value *Base,
               Operation &L1, Operation &S0, int64_t C0, int64_t C1) {
    Region &Body = Loop.getRegion(0);
    Type T = L1.getResult()->getType();
    Builder B;
    B.setLoc(Loop.getLoc());
    B.setInsertionPoint(Parent, LoopPos);
    Value *Lb = Loop.getOperand(0), *Ub = Loop.getOperand(1);
    Value *Ran = B.cmp(CmpPred::GT, Ub, Lb);
    Value *LastIV = plus(B, Ub, -1);
    Value *First = Loop.isReverseLoop() ? LastIV : Lb;
    Value *Last = Loop.isReverseLoop() ? Lb : LastIV;
    // The first iteration's element comes from memory.
    Operation *Init = B.createIf(Ran, {T});
    Builder Then(Init->getRegion(0));
    Value *V = Then.load(Then.offset(Base, plus(Then, First, C1)));
    V->setName(L1.getResult()->getName());
    Then.yield({V});
    Builder Else(Init->getRegion(1));
    Else.yield({Else.constant(T, 0.0)});
    size_t NewLoopPos = LoopPos;
    // Positions shifted by what was inserted before the loop.
    for (size_t I = 0; I != Parent.size(); ++I)
      if (Parent.getOps()[I].get() == &Loop)
        NewLoopPos = I;

    // The carried value replaces L1; S0's value is passed on.
    Loop.appendOperand(Init->getResult());
    Value *Carried = Body.addArgument(T, L1.getResult()->getName());
    Value *Out = Loop.appendResult(T);
    Value *Stored = S0.getOperand(0);
    Value *Loaded = L1.getResult();
    replaceUsesIn(Body, Loaded, Carried);
    Body.getTerminator()->appendOperand(Stored);
    for (size_t I = Body.size(); I-- > 0;) {
      Operation *Op = Body.getOps()[I].get();
      if (Op == &L1 || Op == &S0)
        Body.erase(I);
    }

    // The last iteration's element is stored after the loop.
    B.setInsertionPoint(Parent, NewLoopPos + 1);
    Operation *Final = B.createIf(Ran, {});
    Builder Store(Final->getRegion(0));
    Store.setLoc(Loop.getLoc());
    Store.store(Out, Store.offset(Base, plus(Store, Last, C0)));
    Store.yield({});
    Builder(Final->getRegion(1)).yield({});
  }
};

} // namespace

void ddx::replaceLoopCarriedElements(Function &F) { Replacer().run(F.getBody()); }
