//===- IR.h - ddx IR: values, operations, regions, functions ----*- C++ -*-===//
//
// A typed SSA IR with structured control flow, in the spirit of MLIR's scf
// dialect. A function body is a region; a region is a single block with
// arguments and a list of operations ending in a terminator. `if`, `for` and
// `while` own nested regions and pass values out through `yield`/`condition`.
//
// Visibility follows nesting: an operation may use a value defined earlier in
// its own region or in any enclosing region. That is the only dominance rule.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_IR_IR_H
#define DDX_IR_IR_H

#include "ddx/IR/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ddx::ir {

class Operation;
class Region;
class Function;
class Module;

enum class OpKind : unsigned char {
#define DDX_OP(Enum, Mnemonic) Enum,
#include "ddx/IR/Ops.def"
};

llvm::StringRef mnemonic(OpKind K);
std::optional<OpKind> parseMnemonic(llvm::StringRef M);
bool isArith(OpKind K);
bool isMath(OpKind K);
/// Number of operands of an arithmetic or math operation.
unsigned arity(OpKind K);
bool isTerminator(OpKind K);
/// Operations whose effect is more than their results: `store`,
/// `tape_push`, `tape_pop` (it changes the tape) and `call` (the callee may
/// store through pointer arguments). They must be kept and not reordered
/// across each other or across operations that read memory.
bool hasMemoryEffects(OpKind K);
/// Operations whose result depends on memory, not only on their operands:
/// `load`, `tape_pop` and `call`. They may not be merged or moved across
/// operations with memory effects.
bool readsMemory(OpKind K);
/// `alloca` and `tape_alloc`: every execution yields a fresh buffer, so two
/// of them are never interchangeable even with equal operands; an unused
/// one may be removed.
bool isAllocation(OpKind K);
/// Operations whose result depends only on their operands (and which have
/// no effects): constants, arithmetic, math, comparisons, selects, casts and
/// offsets. They may be moved, merged, recomputed or deleted when unused.
bool isPure(OpKind K);

/// Comparison predicates with C++ semantics (`!=` is true on NaN operands).
enum class CmpPred : unsigned char { EQ, NE, LT, LE, GT, GE };
llvm::StringRef str(CmpPred P);
std::optional<CmpPred> parseCmpPred(llvm::StringRef S);

/// Source position an operation came from; Line == 0 means unknown.
struct Location {
  unsigned Line = 0;
  unsigned Col = 0;
  /// An opaque handle the frontend maps back to the exact position, file
  /// included (code inlined from a header keeps its own); 0 if none. Not
  /// printed.
  unsigned Origin = 0;
  bool isKnown() const { return Line != 0; }
};

/// An SSA value: an operation result or a region argument.
class Value {
public:
  Type getType() const { return Ty; }
  /// A name hint taken from the source (`x`, `d_x`); may be empty. Printers
  /// and the emitter make names unique, so hints need not be.
  const std::string &getName() const { return Name; }
  void setName(llvm::StringRef N) { Name = N.str(); }

  /// The operation that defines this value, or null for region arguments.
  Operation *getDefiningOp() const { return DefOp; }
  /// The region this value is an argument of, or null for results.
  Region *getArgOwner() const { return ArgOwner; }
  unsigned getIndex() const { return Index; }
  /// The region in which this value is defined.
  Region *getParentRegion() const;

private:
  friend class Operation;
  friend class Region;
  Value(Type Ty, Operation *Def, Region *Owner, unsigned Index)
      : Ty(Ty), DefOp(Def), ArgOwner(Owner), Index(Index) {}

  Type Ty;
  Operation *DefOp;
  Region *ArgOwner;
  unsigned Index;
  std::string Name;
};

class Operation {
public:
  static std::unique_ptr<Operation> create(OpKind Kind,
                                           llvm::ArrayRef<Value *> Operands,
                                           llvm::ArrayRef<Type> ResultTypes,
                                           unsigned NumRegions = 0);
  ~Operation();

  OpKind getKind() const { return Kind; }
  llvm::StringRef getMnemonic() const { return mnemonic(Kind); }

  llvm::ArrayRef<Value *> getOperands() const { return Operands; }
  Value *getOperand(unsigned I) const { return Operands[I]; }
  unsigned getNumOperands() const { return Operands.size(); }
  void setOperand(unsigned I, Value *V) { Operands[I] = V; }

  /// Removes operand I.
  void eraseOperand(unsigned I) { Operands.erase(Operands.begin() + I); }
  void appendOperand(Value *V) { Operands.push_back(V); }

  unsigned getNumResults() const { return Results.size(); }
  /// Removes result I, which must be unused; later results shift down.
  void eraseResult(unsigned I);
  /// Adds a result (e.g. a new loop-carried value) after the others.
  Value *appendResult(Type Ty);
  Value *getResult(unsigned I = 0) const { return Results[I].get(); }
  llvm::SmallVector<Value *, 2> getResults() const;

  unsigned getNumRegions() const { return Regions.size(); }
  Region &getRegion(unsigned I) const { return *Regions[I]; }

  /// The region holding this operation.
  Region *getParentRegion() const { return Parent; }
  /// The operation whose region holds this one, or null at function level.
  Operation *getParentOp() const;

  Location getLoc() const { return Loc; }
  void setLoc(Location L) { Loc = L; }

  // Attributes. Which ones an operation uses depends on its kind: constants
  // hold a number, `cmp` a predicate, `call` a callee name; the integer
  // attribute is the element count of `alloca`, the tape id of `tape_push`
  // and `tape_pop`, and the direction of `for` (1 = reverse).
  double getFloatAttr() const { return FloatAttr; }
  int64_t getIntAttr() const { return IntAttr; }
  void setFloatAttr(double V) { FloatAttr = V; }
  void setIntAttr(int64_t V) { IntAttr = V; }
  CmpPred getPredicate() const { return Pred; }
  void setPredicate(CmpPred P) { Pred = P; }
  const std::string &getCallee() const { return Callee; }
  void setCallee(llvm::StringRef C) { Callee = C.str(); }

  // Accessors for structured operations.
  /// `for` operands: lower bound, upper bound, step, then iteration inits.
  llvm::ArrayRef<Value *> getLoopInits() const;
  /// A `for` whose induction variable runs over its values in decreasing
  /// order (`for ... : i32 reverse`).
  bool isReverseLoop() const { return Kind == OpKind::For && IntAttr == 1; }
  void setReverseLoop(bool Reverse) {
    assert(Kind == OpKind::For && "only 'for' has a direction");
    IntAttr = Reverse;
  }

private:
  friend class Region;
  Operation(OpKind K) : Kind(K) {}

  OpKind Kind;
  llvm::SmallVector<Value *, 3> Operands;
  std::vector<std::unique_ptr<Value>> Results;
  std::vector<std::unique_ptr<Region>> Regions;
  Region *Parent = nullptr;
  Location Loc;
  double FloatAttr = 0;
  int64_t IntAttr = 0;
  CmpPred Pred = CmpPred::EQ;
  std::string Callee;
};

/// A single block with arguments. Operation order is program order.
class Region {
public:
  using OpList = std::vector<std::unique_ptr<Operation>>;

  Value *addArgument(Type Ty, llvm::StringRef Name = "");
  unsigned getNumArguments() const { return Args.size(); }
  Value *getArgument(unsigned I) const { return Args[I].get(); }
  /// Removes argument I, which must be unused; later arguments shift down.
  void eraseArgument(unsigned I);
  llvm::SmallVector<Value *, 4> getArguments() const;

  /// Appends Op (or inserts it before position Pos) and takes ownership.
  Operation *push_back(std::unique_ptr<Operation> Op);
  Operation *insert(size_t Pos, std::unique_ptr<Operation> Op);
  /// Removes and destroys the operation at Pos. Its results must be unused.
  void erase(size_t Pos);
  /// Removes the operation at Pos and hands it to the caller.
  std::unique_ptr<Operation> take(size_t Pos);

  const OpList &getOps() const { return Ops; }
  size_t size() const { return Ops.size(); }
  bool empty() const { return Ops.empty(); }
  Operation *getTerminator() const {
    return Ops.empty() || !isTerminator(Ops.back()->getKind())
               ? nullptr
               : Ops.back().get();
  }

  Operation *getParentOp() const { return ParentOp; }
  Function *getParentFunction() const;
  /// Whether this region is Outer or nested (at any depth) in it.
  bool isNestedIn(const Region &Outer) const;
  /// Whether this region belongs to Op (at any depth).
  bool isInside(const Operation &Op) const;
  /// The position of Op, which must be one of this region's operations.
  size_t indexOf(const Operation *Op) const;

private:
  friend class Operation;
  friend class Function;
  std::vector<std::unique_ptr<Value>> Args;
  OpList Ops;
  Operation *ParentOp = nullptr;
  Function *ParentFunc = nullptr;
};

class Function {
public:
  Function(llvm::StringRef Name, llvm::ArrayRef<Type> ParamTypes,
           llvm::ArrayRef<Type> ResultTypes);

  const std::string &getName() const { return Name; }
  void setName(llvm::StringRef N) { Name = N.str(); }
  Region &getBody() { return Body; }
  const Region &getBody() const { return Body; }
  unsigned getNumParams() const { return Body.getNumArguments(); }
  Value *getParam(unsigned I) const { return Body.getArgument(I); }
  llvm::ArrayRef<Type> getResultTypes() const { return ResultTypes; }
  void setResultTypes(llvm::ArrayRef<Type> Tys) {
    ResultTypes.assign(Tys.begin(), Tys.end());
  }
  Location getLoc() const { return Loc; }
  void setLoc(Location L) { Loc = L; }
  Module *getParent() const { return Parent; }

  /// How parameter I is declared in C++, when its IR type does not say it:
  /// `double &{}` for a reference (a ptr<f64> in the IR), `const double &{}`
  /// (an f64 in the IR), `const double (&{})[3]`; `{}` stands for the name.
  /// Empty for the default spelling. Emission metadata: not printed.
  const std::string &getParamDeclarator(unsigned I) const {
    static const std::string None;
    return I < ParamDeclarators.size() ? ParamDeclarators[I] : None;
  }
  void setParamDeclarator(unsigned I, std::string D) {
    if (ParamDeclarators.size() <= I)
      ParamDeclarators.resize(I + 1);
    ParamDeclarators[I] = std::move(D);
  }

private:
  friend class Module;
  std::string Name;
  Region Body;
  std::vector<Type> ResultTypes;
  std::vector<std::string> ParamDeclarators;
  Location Loc;
  Module *Parent = nullptr;
};

class Module {
public:
  Function *addFunction(std::unique_ptr<Function> F);
  Function *lookup(llvm::StringRef Name) const;
  const std::vector<std::unique_ptr<Function>> &getFunctions() const {
    return Functions;
  }

private:
  std::vector<std::unique_ptr<Function>> Functions;
};

/// The C++ name a function's IR name stands for: the name without its
/// overload suffix (`g.1` is the second overload of `g`).
llvm::StringRef cxxName(llvm::StringRef IRName);
/// The identifier a derived name starts from: `ns::f<double>.1` -> `f`.
std::string baseIdentifier(llvm::StringRef IRName);
/// The name of the derivative of a value or parameter named Primal: `d_x`
/// (empty for an unnamed one).
std::string derivativeName(llvm::StringRef Primal);
/// Base, or Base_2, Base_3, ...: the first name no function in M has.
std::string uniqueFunctionName(const Module &M, const std::string &Base);

/// Calls Fn on every operation nested in R, outer before inner, in program
/// order.
template <typename Callable> void walk(const Region &R, Callable &&Fn) {
  for (const auto &Op : R.getOps()) {
    Fn(Op.get());
    for (unsigned I = 0, E = Op->getNumRegions(); I != E; ++I)
      walk(Op->getRegion(I), Fn);
  }
}

/// Makes every operation in R (nested ones included) that uses Old use New.
void replaceUsesIn(const Region &R, const Value *Old, Value *New);
/// Whether some operation in R (nested ones included) uses V.
bool isUsedIn(const Region &R, const Value *V);

} // namespace ddx::ir

#endif
