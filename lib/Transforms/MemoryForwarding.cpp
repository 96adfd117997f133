//===- MemoryForwarding.cpp - Store-to-load forwarding, dead stores -------===//
#include "ddx/Transforms/MemoryForwarding.h"
#include "ddx/Analysis/Usefulness.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <utility>

using namespace ddx;
using namespace ddx::ir;

namespace {

/// An element address: the pointer an offset starts from and the index
/// value, or the pointer itself (index null). Equal keys are the same
/// element; different keys on one base object may still overlap.
using Key = std::pair<const Value *, const Value *>;

Key keyOf(const Value *Ptr) {
  const Operation *Def = Ptr->getDefiningOp();
  if (Def && Def->getKind() == OpKind::Offset)
    return {Def->getOperand(0), Def->getOperand(1)};
  return {Ptr, nullptr};
}

class Forwarder {
public:
  void run(Region &R) {
    // Known element values, and the last store to each element that nothing
    // has read since.
    std::map<Key, Value *> Known;
    std::map<Key, Operation *> Unread;
    llvm::DenseSet<Operation *> DeadStores;
    auto Forget = [&](const Value *Base, std::map<Key, Value *> &M) {
      for (auto It = M.begin(); It != M.end();)
        It = baseObject(It->first.first) == Base ? M.erase(It) : std::next(It);
    };
    for (const auto &OpPtr : R.getOps()) {
      Operation &Op = *OpPtr;
      for (unsigned K = 0; K != Op.getNumOperands(); ++K)
        if (Value *New = Replaced.lookup(Op.getOperand(K)))
          Op.setOperand(K, New);
      for (unsigned K = 0; K != Op.getNumRegions(); ++K)
        run(Op.getRegion(K));
      switch (Op.getKind()) {
      case OpKind::Load: {
        Key K = keyOf(Op.getOperand(0));
        auto It = Known.find(K);
        if (It != Known.end()) {
          Replaced[Op.getResult()] = It->second;
          break;
        }
        Known[K] = Op.getResult();
        // The element (and, conservatively, its object) has been read.
        const Value *Base = baseObject(Op.getOperand(0));
        for (auto U = Unread.begin(); U != Unread.end();)
          U = baseObject(U->first.first) == Base ? Unread.erase(U)
                                                  : std::next(U);
        break;
      }
      case OpKind::Store: {
        Key K = keyOf(Op.getOperand(1));
        // Storing the value the element already holds (`t = a[j]; ...;
        // a[j] = t`, left by a read-modify-write whose update folded away)
        // changes nothing.
        auto Same = Known.find(K);
        if (Same != Known.end() && Same->second == Op.getOperand(0)) {
          DeadStores.insert(&Op);
          break;
        }
        const Value *Base = baseObject(Op.getOperand(1));
        auto Prev = Unread.find(K);
        if (Prev != Unread.end())
          DeadStores.insert(Prev->second);
        // Another index of the same object may be this element.
        Forget(Base, Known);
        for (auto U = Unread.begin(); U != Unread.end();)
          U = baseObject(U->first.first) == Base && U->first != K
                  ? Unread.erase(U)
                  : std::next(U);
        Known[K] = Op.getOperand(0);
        Unread[K] = &Op;
        break;
      }
      default:
        if (Op.getKind() == OpKind::Call || Op.getNumRegions()) {
          Known.clear();
          Unread.clear();
        }
        break;
      }
    }
    for (size_t I = R.size(); I-- > 0;)
      if (DeadStores.contains(R.getOps()[I].get()))
        R.erase(I);
  }

  llvm::DenseMap<const Value *, Value *> Replaced;
};

} // namespace

void ddx::forwardMemory(Function &F) { Forwarder().run(F.getBody()); }
