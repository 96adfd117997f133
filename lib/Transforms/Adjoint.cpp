//===- Adjoint.cpp - Reverse-mode transformation --------------------------===//
//
// The adjoint function runs the primal sweep (a copy of f that also stores
// the values the tape plan asks for), then the reverse sweep, which walks
// the primal's regions backwards and accumulates adjoints using the rules'
// transposes (vjp). Structured control flow reverses structurally:
//
//  - an `if` becomes an `if` on the same condition over the reversed
//    branches;
//  - a `for` becomes the same `for` run backwards, carrying the adjoints of
//    its iteration values;
//  - a `while` counts its iterations in the primal sweep and is reversed by
//    a counted loop over the before/after regions.
//
// Adjoints of values used only in their own region are SSA values. A value
// whose adjoint is also accumulated inside nested regions gets a slot (a
// one-element local, emitted as a plain variable); a scalar parameter's slot
// is its `d_` pointer. Memory adjoints live in shadow memory: a load adds
// into the shadow of its address, a store moves the shadow into the stored
// value's adjoint and clears it.
//
// Values the reverse sweep reads come from TapePlan: kept (still in scope),
// recomputed on the spot, or popped from the region's tape at the start of
// the region's reversal, in the reverse order of the pushes.
//
//===----------------------------------------------------------------------===//
#include "AdjointBuilder.h"
#include "ddx/Transforms/Simplify.h"

using namespace ddx;
using namespace ddx::ir;
using namespace ddx::detail;

std::string ddx::adjointCacheKey(const Function &Callee,
                                 llvm::ArrayRef<unsigned> Active,
                                 unsigned Lanes) {
  std::string Key = Callee.getName() + "#";
  for (unsigned I : Active)
    Key += std::to_string(I) + ",";
  if (Lanes)
    Key += "x" + std::to_string(Lanes);
  return Key;
}

std::pair<llvm::StringRef, unsigned>
ddx::adjointCacheKeyParts(llvm::StringRef Key) {
  auto [Callee, Activity] = Key.split('#');
  unsigned Lanes = 0;
  if (Activity.split('x').second.getAsInteger(10, Lanes))
    Lanes = 0; // No `x<lanes>`: a scalar adjoint.
  return {Callee, Lanes};
}

llvm::Expected<std::unique_ptr<Function>>
ddx::detail::prepareForReverse(const Module &M, const Function &F) {
  std::unique_ptr<Function> Copy = inlineCalls(M, F, inlinedInReverse);
  rewritePointerInductions(*Copy);
  simplify(*Copy);
  // Memory is tracked per array a pointer is derived from; a pointer chosen
  // at run time may point into either array.
  const Operation *Chosen = nullptr;
  walk(Copy->getBody(), [&](const Operation *Op) {
    if ((Op->getKind() == OpKind::Select || Op->getKind() == OpKind::If) &&
        !Chosen)
      for (Value *R : Op->getResults())
        if (R->getType().isPointer())
          Chosen = Op;
  });
  if (Chosen)
    return errorAt(*Chosen, "a pointer chosen at run time (c ? a : b, or "
                            "assigned in a branch) is not supported in "
                            "reverse mode yet; index each array directly");
  return Copy;
}

//===----------------------------------------------------------------------===//
// The adjoint function
//===----------------------------------------------------------------------===//

llvm::Expected<Function *> AdjointBuilder::build(llvm::StringRef Name,
                                                 bool Gradient) {
  llvm::ArrayRef<Type> Results = P.getResultTypes();
  bool FloatResult = Results.size() == 1 && Results[0].isFloat();
  llvm::SmallVector<Type, 8> Params;
  for (unsigned I = 0; I != P.getNumParams(); ++I)
    Params.push_back(P.getParam(I)->getType());
  bool HasSeed = FloatResult && !Gradient;
  // A vector adjoint's seeds: one per lane, in an array.
  if (HasSeed)
    Params.push_back(Vector ? Type::ptr(Results[0], /*Const=*/true)
                            : Results[0]);
  // One d_ parameter per independent scalar and per pointer that is an
  // input or an output.
  llvm::SmallVector<unsigned, 4> Derivative;
  for (unsigned I = 0; I != P.getNumParams(); ++I) {
    Type T = P.getParam(I)->getType();
    if (!Independent.contains(I) && !T.isFloatOutput())
      continue;
    Derivative.push_back(I);
    Type Elem = T.isPointer() ? T.getElementType() : T;
    Params.push_back(Type::ptr(Elem));
  }
  llvm::SmallVector<Type, 1> NewResults;
  if (Gradient)
    NewResults.push_back(Results[0]);

  auto F = std::make_unique<Function>(Name, Params, NewResults);
  F->setLoc(P.getLoc());
  A = M.addFunction(std::move(F));
  for (unsigned I = 0; I != P.getNumParams(); ++I) {
    A->getParam(I)->setName(P.getParam(I)->getName());
    A->setParamDeclarator(I, P.getParamDeclarator(I));
    Fwd[P.getParam(I)] = A->getParam(I);
  }
  unsigned Next = P.getNumParams();
  Value *Seed = nullptr;
  if (HasSeed) {
    Seed = A->getParam(Next++);
    Seed->setName("d_ret");
  }
  for (unsigned I : Derivative) {
    Value *D = A->getParam(Next++);
    const Value *Param = P.getParam(I);
    D->setName(derivativeName(Param->getName()));
    if (Param->getType().isPointer())
      Shadow[Param] = D;
    else if (Vector)
      LaneSlots[Param] = D;
    else
      Slot[{Param, 0}] = D;
  }

  B.setInsertionPointToEnd(A->getBody());
  // A vector adjoint's seeds: d_ret[l] for lane l.
  if (Seed && Vector)
    for (unsigned L = 0; L != Lanes; ++L)
      ResultSeeds.push_back(B.load(laneElement(Seed, L)));
  if (Seed && !Vector)
    ResultSeeds.push_back(Seed);
  if (llvm::Error E = cloneRegion(P.getBody(), A->getBody()))
    return E;

  B.setInsertionPointToEnd(A->getBody());
  B.setLoc(Location());
  Scopes.emplace_back();
  // Slots for function-level values accumulated inside nested regions.
  for (const auto &Op : P.getBody().getOps())
    for (Value *Res : Op->getResults())
      if (NeedsSlot.contains(Res))
        makeSlot(Res);
  const Operation *Ret = P.getBody().getTerminator();
  if (FloatResult && Ret && Ret->getNumOperands() == 1)
    inEachLane([&] {
      accumulate(Ret->getOperand(0), ResultSeeds.empty()
                                         ? B.constant(Results[0], 1.0)
                                         : ResultSeeds[Lane]);
    });
  if (llvm::Error E = reverseOps(P.getBody()))
    return E;
  Scopes.pop_back();
  B.setLoc(Location());
  B.ret(Gradient ? llvm::ArrayRef<Value *>(Returned)
                 : llvm::ArrayRef<Value *>());
  return A;
}

llvm::Expected<Function *> ddx::buildAdjoint(Module &M,
                                             const AdjointOptions &Options,
                                             AdjointCache &Cache,
                                             std::string *Report) {
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
      return llvm::createStringError(
          "parameter " + std::to_string(I) + " of '" + Options.Function +
          "' does not hold floating-point data");
  llvm::ArrayRef<Type> Results = Primal->getResultTypes();
  if (Options.Gradient && Options.Lanes)
    return llvm::createStringError("a gradient has one lane; use a vector "
                                   "adjoint for several seeds");
  if (Options.Gradient && (Results.size() != 1 || !Results[0].isFloat()))
    return llvm::createStringError(
        "a gradient needs a floating-point result, and '" + Options.Function +
        "' returns " +
        (Results.empty() ? std::string("void")
                         : "'" + Results[0].str().str() + "'") +
        "; use DDX_ADJOINT for functions with outputs through pointers");
  if (M.lookup(Options.Name))
    return llvm::createStringError("a function named '" + Options.Name +
                                   "' already exists");
  auto Prepared = prepareForReverse(M, *Primal);
  if (!Prepared)
    return Prepared.takeError();
  AdjointBuilder AB(M, Cache, **Prepared, Active, Options.Lanes);
  auto F = AB.build(Options.Name, Options.Gradient);
  if (F && Report) {
    llvm::raw_string_ostream OS(*Report);
    AB.getPlan().print(**Prepared, OS);
  }
  return F;
}
