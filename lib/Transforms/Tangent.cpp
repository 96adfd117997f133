//===- Tangent.cpp - Forward-mode transformation --------------------------===//
//
// Walks the primal function once, copying each operation into the tangent
// function and, when the operation's result is active, appending its tangent
// computed by the rule table. Structured operations carry tangents alongside
// primal values: an `if` yields them, a loop carries them as extra iteration
// arguments. Inactive values (per ActivityAnalysis) get no tangent code;
// within a rule, an inactive operand is a symbolic zero.
//
// Calls stay calls: a callee with active arguments gets its own tangent
// function. Keeping calls (rather than inlining) keeps the emitted code the
// size and shape of the source, and handles recursion.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/Tangent.h"
#include "ddx/Analysis/Activity.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/Diagnostic.h"
#include "ddx/Transforms/DerivativeRules.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

using namespace ddx;
using namespace ddx::ir;

namespace {

class TangentBuilder {
public:
  TangentBuilder(Module &M, TangentCache &Cache) : M(M), Cache(Cache) {}

  llvm::Expected<Function *> build(Function &Primal, llvm::StringRef Name,
                                   llvm::ArrayRef<unsigned> ActiveParams);

private:
  Value *primal(Value *V) const { return PrimalMap.lookup(V); }
  /// The tangent of a primal-function value; null is a zero tangent.
  Value *tangent(Value *V) const { return TangentMap.lookup(V); }
  /// The tangent as a value, materializing zero where needed.
  Value *tangentOrZero(Value *V) {
    if (Value *T = tangent(V))
      return T;
    return B.constant(V->getType(), 0.0);
  }
  void setTangent(Value *V, Value *T) {
    if (!T)
      return;
    if (T->getName().empty())
      T->setName(derivativeName(primal(V)->getName()));
    TangentMap[V] = T;
  }

  /// Transforms Src into Dst; its terminator forwards the tangents of the
  /// operands at positions Carried (the slots the parent operation added).
  llvm::Error transformRegion(const Region &Src, Region &Dst,
                              llvm::ArrayRef<unsigned> Carried = {});
  llvm::Error transformOp(const Operation &Op);
  Operation *clone(const Operation &Op);
  llvm::Error transformCall(const Operation &Op);
  llvm::Error transformIf(const Operation &Op);
  llvm::Error transformFor(const Operation &Op);
  llvm::Error transformWhile(const Operation &Op);
  void emitTerminator(const Operation &Term, llvm::ArrayRef<unsigned> Carried);
  /// Values of Vs that are active.
  llvm::SmallVector<unsigned, 4> activeIndices(llvm::ArrayRef<Value *> Vs);
  llvm::Expected<std::string> calleeTangent(const Function &Callee,
                                            llvm::ArrayRef<unsigned> Active);

  Module &M;
  TangentCache &Cache;
  std::unique_ptr<ActivityAnalysis> AA;
  Builder B;
  llvm::DenseMap<Value *, Value *> PrimalMap, TangentMap;
};

} // namespace

llvm::Expected<Function *>
TangentBuilder::build(Function &Primal, llvm::StringRef Name,
                      llvm::ArrayRef<unsigned> ActiveParams) {
  AA = std::make_unique<ActivityAnalysis>(Primal, ActiveParams);

  // d_ parameters: independent inputs and outputs, in parameter order.
  llvm::SmallVector<unsigned, 4> Derivative;
  for (unsigned I = 0; I != Primal.getNumParams(); ++I)
    if (llvm::is_contained(ActiveParams, I) ||
        Primal.getParam(I)->getType().isFloatOutput())
      Derivative.push_back(I);
  llvm::SmallVector<Type, 8> Params;
  for (unsigned I = 0; I != Primal.getNumParams(); ++I)
    Params.push_back(Primal.getParam(I)->getType());
  for (unsigned I : Derivative)
    Params.push_back(Primal.getParam(I)->getType());
  llvm::SmallVector<Type, 2> Results(Primal.getResultTypes().begin(),
                                     Primal.getResultTypes().end());
  for (Type T : Primal.getResultTypes())
    if (T.isFloat())
      Results.push_back(T);

  auto F = std::make_unique<Function>(Name, Params, Results);
  F->setLoc(Primal.getLoc());
  for (unsigned I = 0; I != Primal.getNumParams(); ++I) {
    Value *P = Primal.getParam(I);
    F->getParam(I)->setName(P->getName());
    F->setParamDeclarator(I, Primal.getParamDeclarator(I));
    PrimalMap[P] = F->getParam(I);
  }
  for (unsigned K = 0; K != Derivative.size(); ++K) {
    Value *P = Primal.getParam(Derivative[K]);
    Value *D = F->getParam(Primal.getNumParams() + K);
    D->setName(derivativeName(P->getName()));
    TangentMap[P] = D;
  }
  Function *Result = M.addFunction(std::move(F));
  if (llvm::Error E = transformRegion(Primal.getBody(), Result->getBody()))
    return E;
  return Result;
}

llvm::Error TangentBuilder::transformRegion(const Region &Src, Region &Dst,
                                            llvm::ArrayRef<unsigned> Carried) {
  Region *Saved = B.getInsertionRegion();
  B.setInsertionPointToEnd(Dst);
  for (const auto &Op : Src.getOps()) {
    if (isTerminator(Op->getKind())) {
      B.setLoc(Op->getLoc());
      emitTerminator(*Op, Carried);
      continue;
    }
    if (llvm::Error E = transformOp(*Op))
      return E;
  }
  if (Saved)
    B.setInsertionPointToEnd(*Saved);
  return llvm::Error::success();
}

Operation *TangentBuilder::clone(const Operation &Op) {
  llvm::SmallVector<Value *, 4> Operands;
  for (Value *V : Op.getOperands())
    Operands.push_back(primal(V));
  Operation *New = B.clone(Op, Operands);
  for (unsigned I = 0; I != Op.getNumResults(); ++I)
    PrimalMap[Op.getResult(I)] = New->getResult(I);
  return New;
}

llvm::SmallVector<unsigned, 4>
TangentBuilder::activeIndices(llvm::ArrayRef<Value *> Vs) {
  llvm::SmallVector<unsigned, 4> Indices;
  for (unsigned I = 0; I != Vs.size(); ++I)
    if (AA->isActive(Vs[I]))
      Indices.push_back(I);
  return Indices;
}

llvm::Error TangentBuilder::transformOp(const Operation &Op) {
  B.setLoc(Op.getLoc());
  switch (Op.getKind()) {
  case OpKind::Call:
    return transformCall(Op);
  case OpKind::If:
    return transformIf(Op);
  case OpKind::For:
    return transformFor(Op);
  case OpKind::While:
    return transformWhile(Op);
  case OpKind::Offset: {
    Operation *New = clone(Op);
    if (Value *Shadow = tangent(Op.getOperand(0)))
      setTangent(Op.getResult(), B.offset(Shadow, New->getOperand(1)));
    return llvm::Error::success();
  }
  case OpKind::Load: {
    clone(Op);
    Value *Shadow = tangent(Op.getOperand(0));
    if (Shadow && Op.getResult()->getType().isFloat())
      setTangent(Op.getResult(), B.load(Shadow));
    return llvm::Error::success();
  }
  case OpKind::Store: {
    clone(Op);
    if (Value *Shadow = tangent(Op.getOperand(1)))
      B.store(tangentOrZero(Op.getOperand(0)), Shadow);
    return llvm::Error::success();
  }
  case OpKind::Alloca: {
    Operation *New = clone(Op);
    if (AA->isActive(Op.getResult()))
      setTangent(Op.getResult(),
                 B.localAlloc(Op.getResult()->getType().getElementType(),
                              New->getIntAttr()));
    return llvm::Error::success();
  }
  default:
    break;
  }

  Operation *New = clone(Op);
  if (Op.getNumResults() != 1 || Op.getResult()->getType().isPointer() ||
      !AA->isActive(Op.getResult()))
    return llvm::Error::success();
  const DerivativeRule *Rule = lookupRule(Op.getKind());
  if (!Rule || !Rule->Jvp)
    return errorAt(Op, "no tangent rule for operation '" +
                           Op.getMnemonic().str() + "'");
  llvm::SmallVector<Value *, 3> DX;
  for (Value *V : Op.getOperands())
    DX.push_back(tangent(V));
  JvpArgs Args{New->getOperands(), New->getResult(), DX};
  Type Ty = New->getResult()->getType();
  setTangent(Op.getResult(), Rule->Jvp(Args).materialize(B, Ty));
  return llvm::Error::success();
}

/// Terminators forward primal values and then the tangents of the values
/// at positions Carried; `return` forwards the tangent of every result.
void TangentBuilder::emitTerminator(const Operation &Term,
                                    llvm::ArrayRef<unsigned> Carried) {
  llvm::ArrayRef<Value *> Operands = Term.getOperands();
  llvm::SmallVector<Value *, 8> NewOperands;
  for (Value *V : Operands)
    NewOperands.push_back(primal(V));
  if (Term.getKind() == OpKind::Return) {
    for (Value *V : Operands)
      NewOperands.push_back(tangentOrZero(V));
  } else {
    // A `condition`'s first operand is the bool; slots index the rest.
    unsigned Offset = Term.getKind() == OpKind::Condition ? 1 : 0;
    for (unsigned I : Carried)
      NewOperands.push_back(tangentOrZero(Operands[Offset + I]));
  }
  B.create(Term.getKind(), NewOperands, {});
}

llvm::Expected<std::string>
TangentBuilder::calleeTangent(const Function &Callee,
                              llvm::ArrayRef<unsigned> Active) {
  // One tangent per callee and activity pattern; the common all-active one
  // keeps the plain name.
  std::string Key = Callee.getName();
  auto All = ActivityAnalysis::floatingParams(Callee);
  if (!llvm::equal(All, Active)) {
    Key += "#";
    for (unsigned I : Active)
      Key += std::to_string(I) + ",";
  }
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  std::string Name =
      uniqueFunctionName(M, baseIdentifier(Callee.getName()) + "_tangent");
  Cache[Key] = Name;
  // The callee's tangent is built by a builder of its own: activity and value
  // maps are per function.
  TangentBuilder Sub(M, Cache);
  auto F = Sub.build(const_cast<Function &>(Callee), Name, Active);
  if (!F)
    return F.takeError();
  return Name;
}

llvm::Error TangentBuilder::transformCall(const Operation &Op) {
  Function *Callee = M.lookup(Op.getCallee());
  if (!Callee)
    return llvm::createStringError("call to unknown function '" +
                                   Op.getCallee() + "'");
  llvm::SmallVector<unsigned, 4> Active;
  for (unsigned I = 0; I != Op.getNumOperands(); ++I) {
    if (Op.getOperand(I)->getType().isFloatData() &&
        AA->isActive(Op.getOperand(I)))
      Active.push_back(I);
  }
  if (Active.empty()) {
    clone(Op);
    return llvm::Error::success();
  }
  auto Name = calleeTangent(*Callee, Active);
  if (!Name)
    return Name.takeError();

  llvm::SmallVector<Value *, 8> Args;
  for (Value *V : Op.getOperands())
    Args.push_back(primal(V));
  for (unsigned I = 0; I != Op.getNumOperands(); ++I) {
    Value *Arg = Op.getOperand(I);
    if (Arg->getType().isPointer()) {
      if (llvm::is_contained(Active, I) || Arg->getType().isFloatOutput()) {
        Value *Shadow = tangent(Arg);
        if (!Shadow)
          return errorAt(
              Op, "passing an output array without derivative storage to '" +
                      cxxName(Op.getCallee()).str() + "' is not supported yet");
        Args.push_back(Shadow);
      }
    } else if (llvm::is_contained(Active, I)) {
      Args.push_back(tangentOrZero(Arg));
    }
  }
  llvm::SmallVector<Type, 4> Types;
  for (Value *R : Op.getResults())
    Types.push_back(R->getType());
  for (Value *R : Op.getResults())
    if (R->getType().isFloat())
      Types.push_back(R->getType());
  Operation *New = B.call(*Name, Args, Types);
  unsigned N = Op.getNumResults();
  for (unsigned I = 0; I != N; ++I) {
    // An unnamed result (a call inside an expression) is named after the
    // callee, so the emitted code reads `auto [g, d_g] = g_tangent(...)`.
    llvm::StringRef Hint = Op.getResult(I)->getName();
    std::string CalleeName = baseIdentifier(Op.getCallee());
    New->getResult(I)->setName(
        Hint.empty() && N == 1 ? llvm::StringRef(CalleeName) : Hint);
    PrimalMap[Op.getResult(I)] = New->getResult(I);
  }
  if (N == 1 && New->getNumResults() == 2) {
    New->getResult(1)->setName(derivativeName(New->getResult(0)->getName()));
    setTangent(Op.getResult(0), New->getResult(1));
  }
  return llvm::Error::success();
}

llvm::Error TangentBuilder::transformIf(const Operation &Op) {
  auto Results = Op.getResults();
  llvm::SmallVector<unsigned, 4> Active = activeIndices(Results);
  llvm::SmallVector<Type, 8> Types;
  for (Value *R : Results)
    Types.push_back(R->getType());
  for (unsigned I : Active)
    Types.push_back(Results[I]->getType());
  Operation *New = B.createIf(primal(Op.getOperand(0)), Types);
  for (unsigned R = 0; R != 2; ++R)
    if (llvm::Error E =
            transformRegion(Op.getRegion(R), New->getRegion(R), Active))
      return E;
  for (unsigned I = 0; I != Results.size(); ++I) {
    New->getResult(I)->setName(Results[I]->getName());
    PrimalMap[Results[I]] = New->getResult(I);
  }
  for (unsigned K = 0; K != Active.size(); ++K)
    setTangent(Results[Active[K]], New->getResult(Results.size() + K));
  return llvm::Error::success();
}

/// Maps a loop region's carried arguments: the primal ones first, then the
/// tangents of the active ones. Skip leading non-carried arguments (the
/// induction variable).
static void mapCarriedArgs(const Region &Src, Region &Dst, unsigned Skip,
                           llvm::ArrayRef<unsigned> Active,
                           llvm::DenseMap<Value *, Value *> &PrimalMap,
                           llvm::DenseMap<Value *, Value *> &TangentMap) {
  unsigned N = Src.getNumArguments() - Skip;
  for (unsigned I = 0; I != Src.getNumArguments(); ++I) {
    Dst.getArgument(I)->setName(Src.getArgument(I)->getName());
    PrimalMap[Src.getArgument(I)] = Dst.getArgument(I);
  }
  for (unsigned K = 0; K != Active.size(); ++K) {
    Value *Arg = Src.getArgument(Skip + Active[K]);
    Value *T = Dst.getArgument(Skip + N + K);
    T->setName(derivativeName(Arg->getName()));
    TangentMap[Arg] = T;
  }
}

llvm::Error TangentBuilder::transformFor(const Operation &Op) {
  const Region &Body = Op.getRegion(0);
  auto Carried = Body.getArguments();
  llvm::SmallVector<unsigned, 4> Active =
      activeIndices(llvm::ArrayRef(Carried).drop_front());
  llvm::SmallVector<Value *, 8> Inits;
  for (Value *V : Op.getLoopInits())
    Inits.push_back(primal(V));
  for (unsigned I : Active)
    Inits.push_back(tangentOrZero(Op.getLoopInits()[I]));
  Operation *New =
      B.createFor(primal(Op.getOperand(0)), primal(Op.getOperand(1)),
                  primal(Op.getOperand(2)), Inits, Op.isReverseLoop());
  mapCarriedArgs(Body, New->getRegion(0), 1, Active, PrimalMap, TangentMap);
  if (llvm::Error E = transformRegion(Body, New->getRegion(0), Active))
    return E;
  auto Results = Op.getResults();
  for (unsigned I = 0; I != Results.size(); ++I) {
    New->getResult(I)->setName(Results[I]->getName());
    PrimalMap[Results[I]] = New->getResult(I);
  }
  for (unsigned K = 0; K != Active.size(); ++K)
    setTangent(Results[Active[K]], New->getResult(Results.size() + K));
  return llvm::Error::success();
}

llvm::Error TangentBuilder::transformWhile(const Operation &Op) {
  // Before-region arguments, after-region arguments and results correspond
  // position by position, and activity agrees across them at the fixed
  // point, so one index set describes all three.
  auto BeforeArgs = Op.getRegion(0).getArguments();
  llvm::SmallVector<unsigned, 4> Active = activeIndices(BeforeArgs);
  for (unsigned I : activeIndices(Op.getResults()))
    if (!llvm::is_contained(Active, I))
      Active.push_back(I);
  llvm::sort(Active);
  llvm::SmallVector<Value *, 8> Inits;
  for (Value *V : Op.getOperands())
    Inits.push_back(primal(V));
  for (unsigned I : Active)
    Inits.push_back(tangentOrZero(Op.getOperand(I)));
  Operation *New = B.createWhile(Inits);
  for (unsigned R = 0; R != 2; ++R) {
    mapCarriedArgs(Op.getRegion(R), New->getRegion(R), 0, Active, PrimalMap,
                   TangentMap);
    if (llvm::Error E =
            transformRegion(Op.getRegion(R), New->getRegion(R), Active))
      return E;
  }
  auto Results = Op.getResults();
  for (unsigned I = 0; I != Results.size(); ++I) {
    New->getResult(I)->setName(Results[I]->getName());
    PrimalMap[Results[I]] = New->getResult(I);
  }
  for (unsigned K = 0; K != Active.size(); ++K)
    setTangent(Results[Active[K]], New->getResult(Results.size() + K));
  return llvm::Error::success();
}

llvm::Expected<Function *> ddx::buildTangent(Module &M,
                                             const TangentOptions &Options,
                                             TangentCache &Cache) {
  Function *Primal = M.lookup(Options.Function);
  if (!Primal)
    return llvm::createStringError("no function named '" + Options.Function +
                                   "' in the module");
  std::vector<unsigned> Active = Options.ActiveParams;
  if (Active.empty())
    for (unsigned I : ActivityAnalysis::floatingParams(*Primal))
      Active.push_back(I);
  for (unsigned I : Active)
    if (I >= Primal->getNumParams() ||
        !Primal->getParam(I)->getType().isFloatData())
      return llvm::createStringError("parameter " + std::to_string(I) +
                                     " of '" + Options.Function +
                                     "' is not a floating-point parameter");
  if (Active.empty())
    return llvm::createStringError(
        "'" + cxxName(Options.Function).str() +
        "' has no floating-point parameters to differentiate with respect to");
  bool HasOutputs =
      llvm::any_of(Primal->getBody().getArguments(),
                   [](Value *P) { return P->getType().isFloatOutput(); });
  bool FloatResult = llvm::any_of(Primal->getResultTypes(),
                                  [](Type T) { return T.isFloat(); });
  if (!FloatResult && !HasOutputs) {
    if (Primal->getResultTypes().empty())
      return llvm::createStringError(
          "'" + cxxName(Options.Function).str() +
          "' returns void and writes no outputs: there is nothing to "
          "differentiate");
    return llvm::createStringError(
        "'" + cxxName(Options.Function).str() + "' returns '" +
        Primal->getResultTypes()[0].str().str() +
        "', which has no derivative; forward mode needs a floating-point "
        "result or outputs written through pointers");
  }
  if (M.lookup(Options.Name))
    return llvm::createStringError("a function named '" + Options.Name +
                                   "' already exists");
  TangentBuilder TB(M, Cache);
  return TB.build(*Primal, Options.Name, Active);
}
