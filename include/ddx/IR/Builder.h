//===- Builder.h - Creating ddx IR operations -------------------*- C++ -*-===//
#ifndef DDX_IR_BUILDER_H
#define DDX_IR_BUILDER_H

#include "ddx/IR/IR.h"

namespace ddx::ir {

/// Creates operations at an insertion point (the end of a region, or before
/// a given position) and stamps them with the current source location.
class Builder {
public:
  Builder() = default;
  explicit Builder(Region &R) { setInsertionPointToEnd(R); }

  void setInsertionPointToEnd(Region &R) {
    Block = &R;
    Pos = npos;
  }
  void setInsertionPoint(Region &R, size_t Before) {
    Block = &R;
    Pos = Before;
  }
  Region *getInsertionRegion() const { return Block; }

  void setLoc(Location L) { Loc = L; }
  Location getLoc() const { return Loc; }

  /// Creates and inserts a generic operation.
  Operation *create(OpKind Kind, llvm::ArrayRef<Value *> Operands,
                    llvm::ArrayRef<Type> ResultTypes, unsigned NumRegions = 0);

  /// A copy of Op (attributes and result names included) with the given
  /// operands. Op must have no regions.
  Operation *clone(const Operation &Op, llvm::ArrayRef<Value *> Operands);

  Value *constant(Type Ty, double V);
  Value *arith(OpKind Kind, llvm::ArrayRef<Value *> Operands);
  Value *neg(Value *A) { return arith(OpKind::Neg, {A}); }
  Value *add(Value *A, Value *B) { return arith(OpKind::Add, {A, B}); }
  Value *sub(Value *A, Value *B) { return arith(OpKind::Sub, {A, B}); }
  Value *mul(Value *A, Value *B) { return arith(OpKind::Mul, {A, B}); }
  Value *div(Value *A, Value *B) { return arith(OpKind::Div, {A, B}); }
  Value *logicalNot(Value *A) { return arith(OpKind::Not, {A}); }
  Value *math(OpKind Kind, llvm::ArrayRef<Value *> Operands);
  Value *cmp(CmpPred P, Value *A, Value *B);
  Value *select(Value *Cond, Value *T, Value *F);
  /// The trip count of `for (i = Lb; i < Ub; i += Step)` (Step > 0):
  /// ceil((Ub - Lb) / Step), or 0 when Ub <= Lb.
  Value *tripCount(Value *Lb, Value *Ub, Value *Step);
  /// A conversion; returns V itself when it already has type To.
  Value *cast(Value *V, Type To);
  Operation *call(llvm::StringRef Callee, llvm::ArrayRef<Value *> Args,
                  llvm::ArrayRef<Type> ResultTypes);

  /// Structured operations come back with empty regions (arguments added);
  /// callers fill them and end each with its terminator.
  Operation *createIf(Value *Cond, llvm::ArrayRef<Type> ResultTypes);
  /// Body arguments: the induction variable, then one per init. A reverse
  /// loop visits the same induction values in decreasing order.
  Operation *createFor(Value *Lower, Value *Upper, Value *Step,
                       llvm::ArrayRef<Value *> Inits, bool Reverse = false);
  /// Before and after regions get one argument per init.
  Operation *createWhile(llvm::ArrayRef<Value *> Inits);

  // Memory and tapes.
  /// `alloca N : ptr<Elem>`: N > 0 zero-initialized elements. (Not named
  /// `alloca`: glibc defines that as a function-like macro in <stdlib.h>.)
  Value *localAlloc(Type Elem, int64_t N);
  /// The address of element I of P; has P's type.
  Value *offset(Value *P, Value *I);
  Value *load(Value *P);
  Operation *store(Value *V, Value *P);
  /// `tape_alloc N : ptr<Elem>`: N (i32 or i64) zero-initialized elements.
  Value *tapeAlloc(Type Elem, Value *N);
  Operation *tapePush(unsigned Tape, Value *V);
  Value *tapePop(unsigned Tape, Type T);

  Operation *yield(llvm::ArrayRef<Value *> Values);
  Operation *condition(Value *Cond, llvm::ArrayRef<Value *> Values);
  Operation *ret(llvm::ArrayRef<Value *> Values);

private:
  static constexpr size_t npos = ~size_t(0);
  Region *Block = nullptr;
  size_t Pos = npos;
  Location Loc;
};

} // namespace ddx::ir

#endif
