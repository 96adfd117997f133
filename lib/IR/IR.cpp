//===- IR.cpp - ddx IR core classes ---------------------------------------===//
#include "ddx/IR/IR.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <cassert>

using namespace ddx::ir;

unsigned Type::bitWidth() const {
  switch (Kind) {
  case TypeKind::Void:
    return 0;
  case TypeKind::I1:
    return 1;
  case TypeKind::I32:
  case TypeKind::F32:
    return 32;
  case TypeKind::I64:
  case TypeKind::F64:
  case TypeKind::Ptr:
    return 64;
  }
  return 0;
}

static llvm::StringRef scalarSpelling(TypeKind K) {
  switch (K) {
  case TypeKind::Void:
    return "void";
  case TypeKind::I1:
    return "i1";
  case TypeKind::I32:
    return "i32";
  case TypeKind::I64:
    return "i64";
  case TypeKind::F32:
    return "f32";
  case TypeKind::F64:
    return "f64";
  case TypeKind::Ptr:
    break;
  }
  return "?";
}

llvm::StringRef Type::str() const {
  if (!isPointer())
    return scalarSpelling(Kind);
  // str() hands out a StringRef, so pointer spellings live in a table:
  // [const][element kind].
  static const char *const Spellings[2][6] = {
      {"?", "ptr<i1>", "ptr<i32>", "ptr<i64>", "ptr<f32>", "ptr<f64>"},
      {"?", "ptr<const i1>", "ptr<const i32>", "ptr<const i64>",
       "ptr<const f32>", "ptr<const f64>"}};
  unsigned E = static_cast<unsigned>(Elem);
  return E < 6 ? Spellings[Const][E] : "?";
}

static std::optional<Type> parseScalar(llvm::StringRef S) {
  return llvm::StringSwitch<std::optional<Type>>(S)
      .Case("void", Type::voidTy())
      .Case("i1", Type::i1())
      .Case("i32", Type::i32())
      .Case("i64", Type::i64())
      .Case("f32", Type::f32())
      .Case("f64", Type::f64())
      .Default(std::nullopt);
}

std::optional<Type> Type::parse(llvm::StringRef S) {
  if (!S.consume_front("ptr"))
    return parseScalar(S);
  S = S.ltrim();
  if (!S.consume_front("<") || !S.consume_back(">"))
    return std::nullopt;
  S = S.trim();
  bool Const = false;
  if (S.starts_with("const") && S.size() > 5 && llvm::isSpace(S[5])) {
    Const = true;
    S = S.drop_front(5).ltrim();
  }
  std::optional<Type> Elem = parseScalar(S);
  if (!Elem || !Elem->isScalar())
    return std::nullopt;
  return Type::ptr(*Elem, Const);
}

llvm::StringRef ddx::ir::mnemonic(OpKind K) {
  switch (K) {
#define DDX_OP(Enum, Mnemonic)                                                 \
  case OpKind::Enum:                                                           \
    return Mnemonic;
#include "ddx/IR/Ops.def"
  }
  return "?";
}

std::optional<OpKind> ddx::ir::parseMnemonic(llvm::StringRef M) {
#define DDX_OP(Enum, Mnemonic)                                                 \
  if (M == Mnemonic)                                                           \
    return OpKind::Enum;
#include "ddx/IR/Ops.def"
  return std::nullopt;
}

bool ddx::ir::isArith(OpKind K) {
  switch (K) {
#define DDX_ARITH(Enum, Mnemonic, Arity)                                       \
  case OpKind::Enum:                                                           \
    return true;
#include "ddx/IR/Ops.def"
  default:
    return false;
  }
}

bool ddx::ir::isMath(OpKind K) {
  switch (K) {
#define DDX_MATH(Enum, Mnemonic, Arity)                                        \
  case OpKind::Enum:                                                           \
    return true;
#include "ddx/IR/Ops.def"
  default:
    return false;
  }
}

unsigned ddx::ir::arity(OpKind K) {
  switch (K) {
#define DDX_ARITH(Enum, Mnemonic, Arity)                                       \
  case OpKind::Enum:                                                           \
    return Arity;
#define DDX_MATH(Enum, Mnemonic, Arity)                                        \
  case OpKind::Enum:                                                           \
    return Arity;
#include "ddx/IR/Ops.def"
  default:
    return 0;
  }
}

bool ddx::ir::isPure(OpKind K) {
  return K == OpKind::Constant || K == OpKind::Cmp || K == OpKind::Select ||
         K == OpKind::Cast || K == OpKind::Offset || isArith(K) || isMath(K);
}

bool ddx::ir::isTerminator(OpKind K) {
  return K == OpKind::Yield || K == OpKind::Condition || K == OpKind::Return;
}

bool ddx::ir::hasMemoryEffects(OpKind K) {
  return K == OpKind::Store || K == OpKind::TapePush || K == OpKind::TapePop ||
         K == OpKind::Call;
}

bool ddx::ir::readsMemory(OpKind K) {
  return K == OpKind::Load || K == OpKind::Call || K == OpKind::TapePop;
}

bool ddx::ir::isAllocation(OpKind K) {
  return K == OpKind::Alloca || K == OpKind::TapeAlloc;
}

llvm::StringRef ddx::ir::str(CmpPred P) {
  switch (P) {
  case CmpPred::EQ:
    return "eq";
  case CmpPred::NE:
    return "ne";
  case CmpPred::LT:
    return "lt";
  case CmpPred::LE:
    return "le";
  case CmpPred::GT:
    return "gt";
  case CmpPred::GE:
    return "ge";
  }
  return "?";
}

std::optional<CmpPred> ddx::ir::parseCmpPred(llvm::StringRef S) {
  return llvm::StringSwitch<std::optional<CmpPred>>(S)
      .Case("eq", CmpPred::EQ)
      .Case("ne", CmpPred::NE)
      .Case("lt", CmpPred::LT)
      .Case("le", CmpPred::LE)
      .Case("gt", CmpPred::GT)
      .Case("ge", CmpPred::GE)
      .Default(std::nullopt);
}

Region *Value::getParentRegion() const {
  return DefOp ? DefOp->getParentRegion() : ArgOwner;
}

std::unique_ptr<Operation> Operation::create(OpKind Kind,
                                             llvm::ArrayRef<Value *> Operands,
                                             llvm::ArrayRef<Type> ResultTypes,
                                             unsigned NumRegions) {
  std::unique_ptr<Operation> Op(new Operation(Kind));
  Op->Operands.assign(Operands.begin(), Operands.end());
  for (unsigned I = 0; I != ResultTypes.size(); ++I)
    Op->Results.emplace_back(new Value(ResultTypes[I], Op.get(), nullptr, I));
  for (unsigned I = 0; I != NumRegions; ++I) {
    Op->Regions.push_back(std::make_unique<Region>());
    Op->Regions.back()->ParentOp = Op.get();
  }
  return Op;
}

Operation::~Operation() = default;

llvm::SmallVector<Value *, 2> Operation::getResults() const {
  llvm::SmallVector<Value *, 2> Vs;
  for (const auto &R : Results)
    Vs.push_back(R.get());
  return Vs;
}

void Operation::eraseResult(unsigned I) {
  Results.erase(Results.begin() + I);
  for (unsigned K = I; K != Results.size(); ++K)
    Results[K]->Index = K;
}

Value *Operation::appendResult(Type Ty) {
  Results.emplace_back(new Value(Ty, this, nullptr, Results.size()));
  return Results.back().get();
}

Operation *Operation::getParentOp() const {
  return Parent ? Parent->getParentOp() : nullptr;
}

llvm::ArrayRef<Value *> Operation::getLoopInits() const {
  llvm::ArrayRef<Value *> Ops = Operands;
  return Kind == OpKind::For ? Ops.drop_front(3) : Ops;
}

Value *Region::addArgument(Type Ty, llvm::StringRef Name) {
  Args.emplace_back(new Value(Ty, nullptr, this, Args.size()));
  Args.back()->setName(Name);
  return Args.back().get();
}

void Region::eraseArgument(unsigned I) {
  Args.erase(Args.begin() + I);
  for (unsigned K = I; K != Args.size(); ++K)
    Args[K]->Index = K;
}

llvm::SmallVector<Value *, 4> Region::getArguments() const {
  llvm::SmallVector<Value *, 4> Vs;
  for (const auto &A : Args)
    Vs.push_back(A.get());
  return Vs;
}

Operation *Region::push_back(std::unique_ptr<Operation> Op) {
  return insert(Ops.size(), std::move(Op));
}

Operation *Region::insert(size_t Pos, std::unique_ptr<Operation> Op) {
  assert(Pos <= Ops.size() && "insertion point out of range");
  Op->Parent = this;
  return Ops.insert(Ops.begin() + Pos, std::move(Op))->get();
}

void Region::erase(size_t Pos) { Ops.erase(Ops.begin() + Pos); }

std::unique_ptr<Operation> Region::take(size_t Pos) {
  std::unique_ptr<Operation> Op = std::move(Ops[Pos]);
  Ops.erase(Ops.begin() + Pos);
  Op->Parent = nullptr;
  return Op;
}

Function *Region::getParentFunction() const {
  const Region *R = this;
  while (R->ParentOp)
    R = R->ParentOp->getParentRegion();
  return R->ParentFunc;
}

void ddx::ir::replaceUsesIn(const Region &R, const Value *Old, Value *New) {
  walk(R, [&](Operation *Op) {
    for (unsigned I = 0; I != Op->getNumOperands(); ++I)
      if (Op->getOperand(I) == Old)
        Op->setOperand(I, New);
  });
}

bool ddx::ir::isUsedIn(const Region &R, const Value *V) {
  bool Used = false;
  walk(R, [&](const Operation *Op) { Used |= llvm::is_contained(Op->getOperands(), V); });
  return Used;
}

bool Region::isNestedIn(const Region &Outer) const {
  for (const Region *R = this; R;) {
    if (R == &Outer)
      return true;
    const Operation *Op = R->getParentOp();
    R = Op ? Op->getParentRegion() : nullptr;
  }
  return false;
}

bool Region::isInside(const Operation &Op) const {
  for (unsigned I = 0; I != Op.getNumRegions(); ++I)
    if (isNestedIn(Op.getRegion(I)))
      return true;
  return false;
}

size_t Region::indexOf(const Operation *Op) const {
  size_t Pos = 0;
  while (Ops[Pos].get() != Op)
    ++Pos;
  return Pos;
}

Function::Function(llvm::StringRef Name, llvm::ArrayRef<Type> ParamTypes,
                   llvm::ArrayRef<Type> ResultTypes)
    : Name(Name.str()), ResultTypes(ResultTypes.begin(), ResultTypes.end()) {
  Body.ParentFunc = this;
  for (Type T : ParamTypes)
    Body.addArgument(T);
}

Function *Module::addFunction(std::unique_ptr<Function> F) {
  F->Parent = this;
  Functions.push_back(std::move(F));
  return Functions.back().get();
}

llvm::StringRef ddx::ir::cxxName(llvm::StringRef IRName) {
  size_t Dot = IRName.rfind('.');
  if (Dot == llvm::StringRef::npos || Dot + 1 == IRName.size())
    return IRName;
  llvm::StringRef Suffix = IRName.substr(Dot + 1);
  return llvm::all_of(Suffix, [](char C) { return C >= '0' && C <= '9'; })
             ? IRName.take_front(Dot)
             : IRName;
}

std::string ddx::ir::baseIdentifier(llvm::StringRef IRName) {
  llvm::StringRef Name = cxxName(IRName);
  Name = Name.take_front(Name.find('<'));
  size_t Colon = Name.rfind("::");
  if (Colon != llvm::StringRef::npos)
    Name = Name.drop_front(Colon + 2);
  return Name.str();
}

std::string ddx::ir::derivativeName(llvm::StringRef Primal) {
  return Primal.empty() ? std::string() : "d_" + Primal.str();
}

std::string ddx::ir::uniqueFunctionName(const Module &M,
                                        const std::string &Base) {
  std::string Name = Base;
  for (unsigned K = 2; M.lookup(Name); ++K)
    Name = Base + "_" + std::to_string(K);
  return Name;
}

Function *Module::lookup(llvm::StringRef Name) const {
  for (const auto &F : Functions)
    if (F->getName() == Name)
      return F.get();
  return nullptr;
}
