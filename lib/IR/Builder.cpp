//===- Builder.cpp - Creating ddx IR operations ---------------------------===//
#include "ddx/IR/Builder.h"
#include <cassert>

using namespace ddx::ir;

Operation *Builder::create(OpKind Kind, llvm::ArrayRef<Value *> Operands,
                           llvm::ArrayRef<Type> ResultTypes,
                           unsigned NumRegions) {
  assert(Block && "no insertion point");
  auto Op = Operation::create(Kind, Operands, ResultTypes, NumRegions);
  Op->setLoc(Loc);
  if (Pos == npos)
    return Block->push_back(std::move(Op));
  return Block->insert(Pos++, std::move(Op));
}

Operation *Builder::clone(const Operation &Op,
                          llvm::ArrayRef<Value *> Operands) {
  assert(Op.getNumRegions() == 0 && "cloning regions is not supported");
  llvm::SmallVector<Type, 2> Types;
  for (Value *R : Op.getResults())
    Types.push_back(R->getType());
  Operation *New = create(Op.getKind(), Operands, Types);
  New->setFloatAttr(Op.getFloatAttr());
  New->setIntAttr(Op.getIntAttr());
  New->setPredicate(Op.getPredicate());
  New->setCallee(Op.getCallee());
  for (unsigned I = 0; I != Op.getNumResults(); ++I)
    New->getResult(I)->setName(Op.getResult(I)->getName());
  return New;
}

Value *Builder::constant(Type Ty, double V) {
  Operation *Op = create(OpKind::Constant, {}, {Ty});
  if (Ty.isFloat())
    Op->setFloatAttr(V);
  else
    Op->setIntAttr(static_cast<int64_t>(V));
  return Op->getResult();
}

Value *Builder::arith(OpKind Kind, llvm::ArrayRef<Value *> Operands) {
  assert(isArith(Kind) && Operands.size() == arity(Kind));
  return create(Kind, Operands, {Operands[0]->getType()})->getResult();
}

Value *Builder::math(OpKind Kind, llvm::ArrayRef<Value *> Operands) {
  assert(isMath(Kind) && Operands.size() == arity(Kind));
  return create(Kind, Operands, {Operands[0]->getType()})->getResult();
}

Value *Builder::cmp(CmpPred P, Value *A, Value *B) {
  Operation *Op = create(OpKind::Cmp, {A, B}, {Type::i1()});
  Op->setPredicate(P);
  return Op->getResult();
}

Value *Builder::select(Value *Cond, Value *T, Value *F) {
  return create(OpKind::Select, {Cond, T, F}, {T->getType()})->getResult();
}

Value *Builder::tripCount(Value *Lb, Value *Ub, Value *Step) {
  Type IT = Lb->getType();
  Value *Span = sub(Ub, Lb);
  Value *Trips = div(add(Span, sub(Step, constant(IT, 1))), Step);
  Value *Zero = constant(IT, 0);
  return select(cmp(CmpPred::GT, Span, Zero), Trips, Zero);
}

Value *Builder::cast(Value *V, Type To) {
  if (V->getType() == To)
    return V;
  return create(OpKind::Cast, {V}, {To})->getResult();
}

Operation *Builder::call(llvm::StringRef Callee, llvm::ArrayRef<Value *> Args,
                         llvm::ArrayRef<Type> ResultTypes) {
  Operation *Op = create(OpKind::Call, Args, ResultTypes);
  Op->setCallee(Callee);
  return Op;
}

Operation *Builder::createIf(Value *Cond, llvm::ArrayRef<Type> ResultTypes) {
  return create(OpKind::If, {Cond}, ResultTypes, 2);
}

Operation *Builder::createFor(Value *Lower, Value *Upper, Value *Step,
                              llvm::ArrayRef<Value *> Inits, bool Reverse) {
  llvm::SmallVector<Value *, 8> Operands{Lower, Upper, Step};
  llvm::SmallVector<Type, 4> Types;
  for (Value *V : Inits) {
    Operands.push_back(V);
    Types.push_back(V->getType());
  }
  Operation *Op = create(OpKind::For, Operands, Types, 1);
  Op->setReverseLoop(Reverse);
  Region &Body = Op->getRegion(0);
  Body.addArgument(Lower->getType());
  for (Value *V : Inits)
    Body.addArgument(V->getType(), V->getName());
  return Op;
}

Operation *Builder::createWhile(llvm::ArrayRef<Value *> Inits) {
  llvm::SmallVector<Type, 4> Types;
  for (Value *V : Inits)
    Types.push_back(V->getType());
  Operation *Op = create(OpKind::While, Inits, Types, 2);
  for (unsigned R = 0; R != 2; ++R)
    for (Value *V : Inits)
      Op->getRegion(R).addArgument(V->getType(), V->getName());
  return Op;
}

Value *Builder::localAlloc(Type Elem, int64_t N) {
  Operation *Op = create(OpKind::Alloca, {}, {Type::ptr(Elem)});
  Op->setIntAttr(N);
  return Op->getResult();
}

Value *Builder::offset(Value *P, Value *I) {
  return create(OpKind::Offset, {P, I}, {P->getType()})->getResult();
}

Value *Builder::load(Value *P) {
  assert(P->getType().isPointer() && "load from a non-pointer");
  return create(OpKind::Load, {P}, {P->getType().getElementType()})
      ->getResult();
}

Operation *Builder::store(Value *V, Value *P) {
  return create(OpKind::Store, {V, P}, {});
}

Value *Builder::tapeAlloc(Type Elem, Value *N) {
  return create(OpKind::TapeAlloc, {N}, {Type::ptr(Elem)})->getResult();
}

Operation *Builder::tapePush(unsigned Tape, Value *V) {
  Operation *Op = create(OpKind::TapePush, {V}, {});
  Op->setIntAttr(Tape);
  return Op;
}

Value *Builder::tapePop(unsigned Tape, Type T) {
  Operation *Op = create(OpKind::TapePop, {}, {T});
  Op->setIntAttr(Tape);
  return Op->getResult();
}

Operation *Builder::yield(llvm::ArrayRef<Value *> Values) {
  return create(OpKind::Yield, Values, {});
}

Operation *Builder::condition(Value *Cond, llvm::ArrayRef<Value *> Values) {
  llvm::SmallVector<Value *, 4> Operands{Cond};
  Operands.append(Values.begin(), Values.end());
  return create(OpKind::Condition, Operands, {});
}

Operation *Builder::ret(llvm::ArrayRef<Value *> Values) {
  return create(OpKind::Return, Values, {});
}
