//===- Verifier.cpp - Checking ddx IR invariants --------------------------===//
//
// One walk over each function in program order. A set of visible values
// implements the nesting rule: a region's arguments and each operation's
// results become visible as the walk passes them and disappear when the walk
// leaves their region, so a use is valid exactly when its value is in the set.
// Counts (operands, results, regions, region arguments) are checked before
// anything indexes them, so malformed IR built through the C++ API is
// reported rather than crashed on.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Verifier.h"
#include "ddx/IR/Printer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include <cstdint>
#include <map>

using namespace ddx::ir;
using llvm::Error;
using llvm::Twine;

namespace {

using TypeList = llvm::SmallVector<Type, 4>;

std::string formatTypes(llvm::ArrayRef<Type> Ts) {
  std::string S = "(";
  for (unsigned I = 0; I != Ts.size(); ++I) {
    if (I)
      S += ", ";
    S += Ts[I].str();
  }
  return S + ")";
}

template <typename Range> TypeList typesOf(const Range &Values) {
  TypeList Ts;
  for (const Value *V : Values)
    Ts.push_back(V->getType());
  return Ts;
}

bool sameTypes(llvm::ArrayRef<Type> A, llvm::ArrayRef<Type> B) {
  return A.size() == B.size() && std::equal(A.begin(), A.end(), B.begin());
}

std::string plural(size_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

class FunctionVerifier {
public:
  explicit FunctionVerifier(const Function &F) : F(F) {}
  Error verify();

private:
  Error fail(const Twine &Msg) const;
  Error fail(const Operation &Op, const Twine &Msg) const;

  Error verifyRegion(const Region &R, const Operation *Owner, unsigned Index,
                     OpKind Terminator);
  Error verifyOp(const Operation &Op);
  Error verifyShape(const Operation &Op, int NumOperands, int NumResults,
                    unsigned NumRegions) const;
  Error verifyTypes(const Operation &Op, llvm::ArrayRef<Type> Actual,
                    llvm::ArrayRef<Type> Expected, const Twine &What,
                    const Twine &ExpectedWhat) const;

  Error verifyConstant(const Operation &Op) const;
  Error verifyArithOrMath(const Operation &Op) const;
  Error verifyCmp(const Operation &Op) const;
  Error verifySelect(const Operation &Op) const;
  Error verifyCast(const Operation &Op) const;
  Error verifyCall(const Operation &Op) const;
  Error verifyIf(const Operation &Op);
  Error verifyFor(const Operation &Op);
  Error verifyWhile(const Operation &Op);
  Error verifyAllocation(const Operation &Op) const;
  Error verifyOffset(const Operation &Op) const;
  Error verifyLoad(const Operation &Op) const;
  Error verifyStore(const Operation &Op) const;
  Error verifyTape(const Operation &Op);
  Error verifyScalar(const Operation &Op, Type T, const Twine &What) const;
  Error verifyPointer(const Operation &Op, Type T, const Twine &What) const;
  Error verifyIndex(const Operation &Op, Type T, const Twine &What) const;

  const Function &F;
  llvm::DenseSet<const Value *> Visible;
  /// The value type of each tape, set by its first push or pop. (Not a
  /// DenseMap: any int64_t is a key the IR can hold.)
  std::map<int64_t, Type> TapeTypes;
};

Error FunctionVerifier::fail(const Twine &Msg) const {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "in function " + formatSymbol(F.getName()) +
                                     ": " + Msg);
}

/// `in function @f: [line:col: ]'<mnemonic>' <Msg>`
Error FunctionVerifier::fail(const Operation &Op, const Twine &Msg) const {
  std::string Where;
  if (Op.getLoc().isKnown())
    Where = std::to_string(Op.getLoc().Line) + ":" +
            std::to_string(Op.getLoc().Col) + ": ";
  return fail(Twine(Where) + "'" + Op.getMnemonic() + "' " + Msg);
}

Error FunctionVerifier::verify() {
  for (unsigned I = 0; I != F.getNumParams(); ++I)
    if (F.getParam(I)->getType().isVoid())
      return fail("'func' parameter #" + Twine(I) + " has type void");
  for (unsigned I = 0; I != F.getResultTypes().size(); ++I) {
    Type T = F.getResultTypes()[I];
    if (T.isVoid())
      return fail("'func' result #" + Twine(I) + " has type void");
    // Memory a function allocates dies when it returns, so no pointer may
    // leave it; pointers come in only as parameters.
    if (T.isPointer())
      return fail("'func' result #" + Twine(I) + " has type " + T.str() +
                  "; functions cannot return pointers");
  }
  const Region &Body = F.getBody();
  if (Error E = verifyRegion(Body, nullptr, 0, OpKind::Return))
    return E;
  const Operation &Ret = *Body.getTerminator();
  return verifyTypes(Ret, typesOf(Ret.getOperands()), F.getResultTypes(),
                     "operand types", "the function result types");
}

/// Checks the ops of R in order with R's arguments visible, and that R ends
/// in a terminator of the kind its owner (an operation, or the function when
/// Owner is null) expects. Terminator operand types are the owner's to check.
Error FunctionVerifier::verifyRegion(const Region &R, const Operation *Owner,
                                     unsigned Index, OpKind Terminator) {
  auto FailOwner = [&](const Twine &Msg) {
    return Owner ? fail(*Owner, "region #" + Twine(Index) + " " + Msg)
                 : fail("'func' body " + Msg);
  };

  // Argument types were checked by the owner against its operands, results
  // or parameters, none of which can be void.
  llvm::SmallVector<const Value *, 16> Defined;
  for (const Value *Arg : R.getArguments()) {
    Visible.insert(Arg);
    Defined.push_back(Arg);
  }

  const Region::OpList &Ops = R.getOps();
  for (size_t I = 0; I != Ops.size(); ++I) {
    const Operation &Op = *Ops[I];
    if (isTerminator(Op.getKind()) && I + 1 != Ops.size())
      return fail(Op, "must be the last operation in its region");
    if (Error E = verifyOp(Op))
      return E;
    for (const Value *Result : Op.getResults()) {
      Visible.insert(Result);
      Defined.push_back(Result);
    }
  }

  std::string Expected = ("must end in '" + mnemonic(Terminator) + "'").str();
  if (Ops.empty())
    return FailOwner("is empty; it " + Expected);
  if (Ops.back()->getKind() != Terminator)
    return FailOwner(Expected + ", not '" + Ops.back()->getMnemonic() + "'");

  // Leaving the region: its values go out of scope.
  for (const Value *V : Defined)
    Visible.erase(V);
  return Error::success();
}

Error FunctionVerifier::verifyOp(const Operation &Op) {
  for (unsigned I = 0; I != Op.getNumOperands(); ++I) {
    const Value *V = Op.getOperand(I);
    if (!V)
      return fail(Op, "operand #" + Twine(I) + " is null");
    if (!Visible.contains(V)) {
      std::string Name = V->getName().empty() ? "" : " (%" + V->getName() + ")";
      return fail(Op, "operand #" + Twine(I) + Name +
                          " does not dominate this use: it is not defined "
                          "earlier in this region or an enclosing one");
    }
  }
  for (unsigned I = 0; I != Op.getNumResults(); ++I)
    if (Op.getResult(I)->getType().isVoid())
      return fail(Op, "result #" + Twine(I) + " has type void");

  switch (Op.getKind()) {
  case OpKind::Constant:
    return verifyConstant(Op);
  case OpKind::Cmp:
    return verifyCmp(Op);
  case OpKind::Select:
    return verifySelect(Op);
  case OpKind::Cast:
    return verifyCast(Op);
  case OpKind::Call:
    return verifyCall(Op);
  case OpKind::If:
    return verifyIf(Op);
  case OpKind::For:
    return verifyFor(Op);
  case OpKind::While:
    return verifyWhile(Op);
  case OpKind::Alloca:
  case OpKind::TapeAlloc:
    return verifyAllocation(Op);
  case OpKind::Offset:
    return verifyOffset(Op);
  case OpKind::Load:
    return verifyLoad(Op);
  case OpKind::Store:
    return verifyStore(Op);
  case OpKind::TapePush:
  case OpKind::TapePop:
    return verifyTape(Op);
  case OpKind::Yield:
  case OpKind::Condition:
  case OpKind::Return:
    // Placement and operand types are checked by the enclosing region's
    // owner, which knows what it expects.
    return verifyShape(Op, -1, 0, 0);
  default:
    return verifyArithOrMath(Op);
  }
}

/// Checks the counts; -1 accepts any number.
Error FunctionVerifier::verifyShape(const Operation &Op, int NumOperands,
                                    int NumResults, unsigned NumRegions) const {
  if (NumOperands >= 0 && Op.getNumOperands() != unsigned(NumOperands))
    return fail(Op, "expects " + plural(NumOperands, "operand") + ", got " +
                        Twine(Op.getNumOperands()));
  if (NumResults >= 0 && Op.getNumResults() != unsigned(NumResults))
    return fail(Op, "expects " + plural(NumResults, "result") + ", got " +
                        Twine(Op.getNumResults()));
  if (Op.getNumRegions() != NumRegions)
    return fail(Op, "expects " + plural(NumRegions, "region") + ", got " +
                        Twine(Op.getNumRegions()));
  return Error::success();
}

/// "'<op>' <What> (..) do not match <ExpectedWhat> (..)"
Error FunctionVerifier::verifyTypes(const Operation &Op,
                                    llvm::ArrayRef<Type> Actual,
                                    llvm::ArrayRef<Type> Expected,
                                    const Twine &What,
                                    const Twine &ExpectedWhat) const {
  if (sameTypes(Actual, Expected))
    return Error::success();
  return fail(Op, What + " " + formatTypes(Actual) + " do not match " +
                      ExpectedWhat + " " + formatTypes(Expected));
}

Error FunctionVerifier::verifyConstant(const Operation &Op) const {
  if (Error E = verifyShape(Op, 0, 1, 0))
    return E;
  Type T = Op.getResult()->getType();
  if (Error E = verifyScalar(Op, T, "result"))
    return E;
  int64_t V = Op.getIntAttr();
  bool Fits = true;
  if (T.isBool())
    Fits = V == 0 || V == 1;
  else if (T == Type::i32())
    Fits = V >= INT32_MIN && V <= INT32_MAX;
  if (!Fits)
    return fail(Op, "value " + Twine(V) + " does not fit in " + T.str());
  return Error::success();
}

/// Element-wise operations: every operand has the result type.
Error FunctionVerifier::verifyArithOrMath(const Operation &Op) const {
  OpKind K = Op.getKind();
  if (Error E = verifyShape(Op, arity(K), 1, 0))
    return E;
  Type T = Op.getResult()->getType();
  for (unsigned I = 0; I != Op.getNumOperands(); ++I)
    if (Op.getOperand(I)->getType() != T)
      return fail(Op, "operand #" + Twine(I) + " has type " +
                          Op.getOperand(I)->getType().str() + ", expected " +
                          T.str() + " (the result type)");
  if (!T.isScalar())
    return fail(Op, "requires a scalar type, not " + T.str());
  if (K == OpKind::Rem && !T.isInteger())
    return fail(Op, "requires an integer type, not " + T.str());
  if ((K == OpKind::Not || K == OpKind::And || K == OpKind::Or) && !T.isBool())
    return fail(Op, "requires i1, not " + T.str());
  if (isMath(K) && !T.isFloat())
    return fail(Op, "requires f32 or f64, not " + T.str());
  return Error::success();
}

Error FunctionVerifier::verifyCmp(const Operation &Op) const {
  if (Error E = verifyShape(Op, 2, 1, 0))
    return E;
  Type L = Op.getOperand(0)->getType(), R = Op.getOperand(1)->getType();
  if (L != R)
    return fail(Op, "operand types differ: " + L.str() + " and " + R.str());
  if (!L.isScalar())
    return fail(Op, "operands must be scalars, not " + L.str());
  if (!Op.getResult()->getType().isBool())
    return fail(Op,
                "result must be i1, not " + Op.getResult()->getType().str());
  return Error::success();
}

Error FunctionVerifier::verifySelect(const Operation &Op) const {
  if (Error E = verifyShape(Op, 3, 1, 0))
    return E;
  Type Cond = Op.getOperand(0)->getType();
  if (!Cond.isBool())
    return fail(Op, "condition must be i1, not " + Cond.str());
  Type T = Op.getResult()->getType();
  for (unsigned I = 1; I != 3; ++I)
    if (Op.getOperand(I)->getType() != T)
      return fail(Op, "operand #" + Twine(I) + " has type " +
                          Op.getOperand(I)->getType().str() + ", expected " +
                          T.str() + " (the result type)");
  return Error::success();
}

/// Any scalar converts to any scalar; void was rejected with the results.
Error FunctionVerifier::verifyCast(const Operation &Op) const {
  if (Error E = verifyShape(Op, 1, 1, 0))
    return E;
  if (Error E = verifyScalar(Op, Op.getOperand(0)->getType(), "operand"))
    return E;
  return verifyScalar(Op, Op.getResult()->getType(), "result");
}

Error FunctionVerifier::verifyCall(const Operation &Op) const {
  if (Error E = verifyShape(Op, -1, -1, 0))
    return E;
  // A function outside a module has nothing to resolve callees against.
  const Module *M = F.getParent();
  if (!M)
    return Error::success();
  std::string Sym = formatSymbol(Op.getCallee());
  const Function *Callee = M->lookup(Op.getCallee());
  if (!Callee)
    return fail(Op, "to unknown function " + Sym);
  TypeList Params;
  for (unsigned I = 0; I != Callee->getNumParams(); ++I)
    Params.push_back(Callee->getParam(I)->getType());
  // As in C++, a pointer argument may gain const: ptr<T> passes as
  // ptr<const T>.
  TypeList Args = typesOf(Op.getOperands());
  auto Passes = [](Type Arg, Type Param) {
    return Arg == Param || (Param.isConstPointer() && Arg.isPointer() &&
                            Arg.getElementType() == Param.getElementType());
  };
  bool Match = Args.size() == Params.size();
  for (unsigned I = 0; Match && I != Args.size(); ++I)
    Match = Passes(Args[I], Params[I]);
  if (!Match)
    return fail(Op, "argument types " + formatTypes(Args) +
                        " do not match the parameter types of " + Sym + " " +
                        formatTypes(Params));
  return verifyTypes(Op, typesOf(Op.getResults()), Callee->getResultTypes(),
                     "result types", "the result types of " + Sym);
}

Error FunctionVerifier::verifyIf(const Operation &Op) {
  if (Error E = verifyShape(Op, 1, -1, 2))
    return E;
  Type Cond = Op.getOperand(0)->getType();
  if (!Cond.isBool())
    return fail(Op, "condition must be i1, not " + Cond.str());
  TypeList Results = typesOf(Op.getResults());
  for (unsigned I = 0; I != 2; ++I) {
    const Region &R = Op.getRegion(I);
    if (R.getNumArguments())
      return fail(Op, "region #" + Twine(I) + " must have no arguments");
    if (Error E = verifyRegion(R, &Op, I, OpKind::Yield))
      return E;
    const Operation &Yield = *R.getTerminator();
    if (Error E = verifyTypes(Yield, typesOf(Yield.getOperands()), Results,
                              "operand types", "the 'if' result types"))
      return E;
  }
  return Error::success();
}

Error FunctionVerifier::verifyFor(const Operation &Op) {
  if (Op.getNumOperands() < 3)
    return fail(Op, "expects lower bound, upper bound and step operands, got " +
                        plural(Op.getNumOperands(), "operand"));
  if (Error E = verifyShape(Op, -1, -1, 1))
    return E;
  Type IV = Op.getOperand(0)->getType();
  if (!IV.isInteger())
    return fail(Op, "bounds must be i32 or i64, not " + IV.str());
  static const char *const BoundNames[] = {"lower bound", "upper bound",
                                           "step"};
  for (unsigned I = 1; I != 3; ++I)
    if (Op.getOperand(I)->getType() != IV)
      return fail(Op, Twine(BoundNames[I]) + " has type " +
                          Op.getOperand(I)->getType().str() + ", expected " +
                          IV.str() + " like the lower bound");

  if (Op.getIntAttr() != 0 && Op.getIntAttr() != 1)
    return fail(Op, "direction must be 0 (forward) or 1 (reverse), not " +
                        Twine(Op.getIntAttr()));

  TypeList Iter = typesOf(Op.getLoopInits());
  if (Error E = verifyTypes(Op, typesOf(Op.getResults()), Iter, "result types",
                            "the iter_args types"))
    return E;
  const Region &Body = Op.getRegion(0);
  TypeList BodyArgs{IV};
  BodyArgs.append(Iter.begin(), Iter.end());
  if (Error E = verifyTypes(Op, typesOf(Body.getArguments()), BodyArgs,
                            "body argument types",
                            "the induction variable and iter_args types"))
    return E;
  if (Error E = verifyRegion(Body, &Op, 0, OpKind::Yield))
    return E;
  const Operation &Yield = *Body.getTerminator();
  return verifyTypes(Yield, typesOf(Yield.getOperands()), Iter, "operand types",
                     "the 'for' iter_args types");
}

Error FunctionVerifier::verifyWhile(const Operation &Op) {
  if (Error E = verifyShape(Op, -1, -1, 2))
    return E;
  TypeList Inits = typesOf(Op.getOperands());
  TypeList Results = typesOf(Op.getResults());
  // The textual form spells one list of carried types, so the results must
  // have the init types for the loop to print and parse back.
  if (Error E =
          verifyTypes(Op, Results, Inits, "result types", "the init types"))
    return E;

  const Region &Before = Op.getRegion(0);
  if (Error E = verifyTypes(Op, typesOf(Before.getArguments()), Inits,
                            "region #0 argument types", "the init types"))
    return E;
  if (Error E = verifyRegion(Before, &Op, 0, OpKind::Condition))
    return E;
  const Operation &Cond = *Before.getTerminator();
  if (Cond.getNumOperands() == 0 || !Cond.getOperand(0)->getType().isBool())
    return fail(Cond, "expects an i1 condition as its first operand");
  if (Error E =
          verifyTypes(Cond, typesOf(Cond.getOperands().drop_front()), Results,
                      "forwarded value types", "the 'while' result types"))
    return E;

  const Region &After = Op.getRegion(1);
  if (Error E = verifyTypes(Op, typesOf(After.getArguments()), Results,
                            "region #1 argument types", "the result types"))
    return E;
  if (Error E = verifyRegion(After, &Op, 1, OpKind::Yield))
    return E;
  const Operation &Yield = *After.getTerminator();
  return verifyTypes(Yield, typesOf(Yield.getOperands()), Inits,
                     "operand types", "the 'while' init types");
}

/// "'<op>' <What> must be a scalar, not <T>"
Error FunctionVerifier::verifyScalar(const Operation &Op, Type T,
                                     const Twine &What) const {
  if (T.isScalar())
    return Error::success();
  return fail(Op, What + " must be a scalar, not " + T.str());
}

/// "'<op>' <What> must be a pointer, not <T>"
Error FunctionVerifier::verifyPointer(const Operation &Op, Type T,
                                      const Twine &What) const {
  if (T.isPointer())
    return Error::success();
  return fail(Op, What + " must be a pointer, not " + T.str());
}

/// "'<op>' <What> must be i32 or i64, not <T>"
Error FunctionVerifier::verifyIndex(const Operation &Op, Type T,
                                    const Twine &What) const {
  if (T.isInteger())
    return Error::success();
  return fail(Op, What + " must be i32 or i64, not " + T.str());
}

/// `alloca N : ptr<T>` (N > 0) and `tape_alloc %n : ptr<T>`: a fresh
/// buffer, which the function may write.
Error FunctionVerifier::verifyAllocation(const Operation &Op) const {
  bool IsAlloca = Op.getKind() == OpKind::Alloca;
  if (Error E = verifyShape(Op, IsAlloca ? 0 : 1, 1, 0))
    return E;
  if (IsAlloca && Op.getIntAttr() <= 0)
    return fail(Op, "element count must be positive, not " +
                        Twine(Op.getIntAttr()));
  if (!IsAlloca)
    if (Error E = verifyIndex(Op, Op.getOperand(0)->getType(), "size"))
      return E;
  Type T = Op.getResult()->getType();
  if (Error E = verifyPointer(Op, T, "result"))
    return E;
  if (T.isConstPointer())
    return fail(Op, "result must be a non-const pointer, not " + T.str());
  return Error::success();
}

/// `offset %p, %i : <type of %p>`
Error FunctionVerifier::verifyOffset(const Operation &Op) const {
  if (Error E = verifyShape(Op, 2, 1, 0))
    return E;
  Type P = Op.getOperand(0)->getType();
  if (Error E = verifyPointer(Op, P, "base"))
    return E;
  if (Error E = verifyIndex(Op, Op.getOperand(1)->getType(), "index"))
    return E;
  Type T = Op.getResult()->getType();
  if (T != P)
    return fail(Op, "result has type " + T.str() + ", expected " + P.str() +
                        " (the base type)");
  return Error::success();
}

/// `load %p : <element type of %p>`
Error FunctionVerifier::verifyLoad(const Operation &Op) const {
  if (Error E = verifyShape(Op, 1, 1, 0))
    return E;
  Type P = Op.getOperand(0)->getType();
  if (Error E = verifyPointer(Op, P, "address"))
    return E;
  Type T = Op.getResult()->getType();
  if (T != P.getElementType())
    return fail(Op, "result has type " + T.str() + ", expected " +
                        P.getElementType().str() + " (the element type of " +
                        P.str() + ")");
  return Error::success();
}

/// `store %v, %p`: %v has the element type, %p is not const.
Error FunctionVerifier::verifyStore(const Operation &Op) const {
  if (Error E = verifyShape(Op, 2, 0, 0))
    return E;
  Type P = Op.getOperand(1)->getType();
  if (Error E = verifyPointer(Op, P, "address"))
    return E;
  if (P.isConstPointer())
    return fail(Op, "address must be a non-const pointer, not " + P.str());
  Type V = Op.getOperand(0)->getType();
  if (V != P.getElementType())
    return fail(Op, "value has type " + V.str() + ", expected " +
                        P.getElementType().str() + " (the element type of " +
                        P.str() + ")");
  return Error::success();
}

/// `tape_push N, %v` and `%v = tape_pop N : T`: N >= 0, and every push and
/// pop of tape N in the function moves values of one scalar type.
Error FunctionVerifier::verifyTape(const Operation &Op) {
  bool IsPush = Op.getKind() == OpKind::TapePush;
  if (Error E = verifyShape(Op, IsPush ? 1 : 0, IsPush ? 0 : 1, 0))
    return E;
  int64_t Tape = Op.getIntAttr();
  if (Tape < 0)
    return fail(Op, "tape id must be non-negative, not " + Twine(Tape));
  Type T = IsPush ? Op.getOperand(0)->getType() : Op.getResult()->getType();
  const char *What = IsPush ? "value" : "result";
  if (Error E = verifyScalar(Op, T, What))
    return E;
  auto [It, First] = TapeTypes.try_emplace(Tape, T);
  if (!First && It->second != T)
    return fail(Op, Twine(What) + " has type " + T.str() + ", but tape " +
                        Twine(Tape) + " holds " + It->second.str() +
                        " (its first push or pop)");
  return Error::success();
}

} // namespace

Error ddx::ir::verify(const Function &F) {
  return FunctionVerifier(F).verify();
}

Error ddx::ir::verify(const Module &M) {
  llvm::StringSet<> Names;
  for (const auto &F : M.getFunctions()) {
    if (!Names.insert(F->getName()).second)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "in function " + formatSymbol(F->getName()) +
              ": 'func' name is already used by an earlier function");
    if (Error E = verify(*F))
      return E;
  }
  return Error::success();
}
