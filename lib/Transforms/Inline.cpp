//===- Inline.cpp - Inlining calls into a copy of a function --------------===//
//
// Reverse mode inlines the calls that pass writable memory: a callee's own
// adjoint would run the callee's primal again in the reverse sweep, on
// memory the caller has changed since (and would write it again). Inlined,
// its loads and stores are the caller's, which the tape planner and the
// shadow memory already handle. Likewise for calls passing an array
// declared in a loop or branch, which no longer exists in the reverse
// sweep.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/Inline.h"
#include "ddx/Analysis/Usefulness.h"
#include "ddx/IR/Builder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

class InliningCloner {
public:
  InliningCloner(const Module &M,
                 llvm::function_ref<bool(llvm::ArrayRef<Value *>)> ShouldInline)
      : M(M), ShouldInline(ShouldInline) {}

  std::unique_ptr<Function> run(const Function &F) {
    llvm::SmallVector<Type, 4> Params;
    for (unsigned I = 0; I != F.getNumParams(); ++I)
      Params.push_back(F.getParam(I)->getType());
    auto Copy =
        std::make_unique<Function>(F.getName(), Params, F.getResultTypes());
    Copy->setLoc(F.getLoc());
    for (unsigned I = 0; I != F.getNumParams(); ++I) {
      Copy->getParam(I)->setName(F.getParam(I)->getName());
      Copy->setParamDeclarator(I, F.getParamDeclarator(I));
      Map[F.getParam(I)] = Copy->getParam(I);
    }
    Active.push_back(&F);
    B.setInsertionPointToEnd(Copy->getBody());
    cloneOps(F.getBody(), /*DropTerminator=*/false);
    return Copy;
  }

  bool inlinedAny() const { return Inlined; }

private:
  void cloneOps(const Region &Src, bool DropTerminator) {
    for (const auto &Op : Src.getOps())
      if (!DropTerminator || Op.get() != Src.getTerminator())
        cloneOp(*Op);
  }

  void cloneOp(const Operation &Op) {
    llvm::SmallVector<Value *, 4> Operands;
    for (Value *V : Op.getOperands())
      Operands.push_back(Map.lookup(V));
    B.setLoc(Op.getLoc());
    if (Op.getKind() == OpKind::Call)
      if (const Function *Callee = M.lookup(Op.getCallee());
          Callee && ShouldInline(Operands) &&
          !llvm::is_contained(Active, Callee)) {
        inlineCall(Op, *Callee, Operands);
        return;
      }
    // An inlined callee's const parameter may hold a non-const pointer:
    // offsets from it keep the argument's type.
    if (Op.getKind() == OpKind::Offset) {
      Value *New = B.offset(Operands[0], Operands[1]);
      New->setName(Op.getResult()->getName());
      Map[Op.getResult()] = New;
      return;
    }
    if (Op.getNumRegions() == 0) {
      Operation *New = B.clone(Op, Operands);
      for (unsigned I = 0; I != Op.getNumResults(); ++I)
        Map[Op.getResult(I)] = New->getResult(I);
      return;
    }
    llvm::SmallVector<Type, 2> Types;
    for (Value *R : Op.getResults())
      Types.push_back(R->getType());
    Operation *New =
        B.create(Op.getKind(), Operands, Types, Op.getNumRegions());
    New->setIntAttr(Op.getIntAttr());
    for (unsigned I = 0; I != Op.getNumResults(); ++I) {
      New->getResult(I)->setName(Op.getResult(I)->getName());
      Map[Op.getResult(I)] = New->getResult(I);
    }
    Region *Outer = B.getInsertionRegion();
    for (unsigned K = 0; K != Op.getNumRegions(); ++K) {
      const Region &Src = Op.getRegion(K);
      Region &Dst = New->getRegion(K);
      for (Value *Arg : Src.getArguments())
        Map[Arg] = Dst.addArgument(Arg->getType(), Arg->getName());
      B.setInsertionPointToEnd(Dst);
      cloneOps(Src, /*DropTerminator=*/false);
    }
    B.setInsertionPointToEnd(*Outer);
  }

  void inlineCall(const Operation &Call, const Function &Callee,
                  llvm::ArrayRef<Value *> Args) {
    Inlined = true;
    Active.push_back(&Callee);
    for (unsigned I = 0; I != Callee.getNumParams(); ++I)
      Map[Callee.getParam(I)] = Args[I];
    cloneOps(Callee.getBody(), /*DropTerminator=*/true);
    if (const Operation *Ret = Callee.getBody().getTerminator())
      for (unsigned I = 0; I != Call.getNumResults(); ++I)
        Map[Call.getResult(I)] = Map.lookup(Ret->getOperand(I));
    Active.pop_back();
  }

  const Module &M;
  llvm::function_ref<bool(llvm::ArrayRef<Value *>)> ShouldInline;
  Builder B;
  llvm::DenseMap<const Value *, Value *> Map;
  /// The functions being copied, outermost first: calls to them stay calls.
  llvm::SmallVector<const Function *, 4> Active;
  bool Inlined = false;
};

} // namespace

std::unique_ptr<Function>
ddx::inlineCalls(const Module &M, const Function &F,
                 llvm::function_ref<bool(llvm::ArrayRef<Value *>)> ShouldInline,
                 bool *Inlined) {
  InliningCloner Cloner(M, ShouldInline);
  std::unique_ptr<Function> Copy = Cloner.run(F);
  if (Inlined)
    *Inlined = Cloner.inlinedAny();
  return Copy;
}

bool ddx::inlinedInReverse(llvm::ArrayRef<Value *> Args) {
  return llvm::any_of(Args, [&](const Value *V) {
    if (!V->getType().isPointer() || !V->getType().getElementType().isFloat())
      return false;
    if (V->getType().isFloatOutput())
      return true;
    const Value *Base = baseObject(V);
    const Operation *Def = Base ? Base->getDefiningOp() : nullptr;
    return Def && Def->getKind() == OpKind::Alloca &&
           Def->getParentRegion()->getParentOp();
  });
}
