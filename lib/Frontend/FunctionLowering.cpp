//===- FunctionLowering.cpp - Locals, values and merging ------------------===//
//
// The function-level frame of lowering: parameters, the return value, the
// environment of local values, and `buildIf`, which merges the environments
// of two branches into `if` results.
//
//===----------------------------------------------------------------------===//
#include "LoweringImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

FunctionLowering::FunctionLowering(ModuleContext &MC, const FunctionDecl *FD,
                                   const FlagKeySet &DeadFlags)
    : MC(MC), Ctx(MC.Ctx), FD(FD), DeadFlags(DeadFlags) {}

FunctionLowering::~FunctionLowering() = default;

FunctionLowering::LocScope::LocScope(FunctionLowering &FL, SourceLocation Loc)
    : FL(FL), Saved(FL.B.getLoc()) {
  if (Loc.isInvalid())
    return;
  const SourceManager &SM = FL.Ctx.getSourceManager();
  SourceLocation Exp = SM.getExpansionLoc(Loc);
  FL.B.setLoc(ir::Location{SM.getExpansionLineNumber(Exp),
                           SM.getExpansionColumnNumber(Exp),
                           Exp.getRawEncoding()});
}

void FunctionLowering::error(SourceLocation Loc, Msg M,
                             llvm::ArrayRef<std::string> Args) {
  ++Failures;
  MC.error(Loc, M, Args);
}

void FunctionLowering::unsupported(SourceLocation Loc, Construct C,
                                   llvm::StringRef Name) {
  ++Failures;
  MC.unsupported(Loc, C, Name);
}

void FunctionLowering::unsupportedType(SourceLocation Loc, llvm::StringRef What,
                                       QualType T) {
  ++Failures;
  MC.unsupportedType(Loc, What, T);
}

bool FunctionLowering::lowerSignature() {
  std::string Name = MC.displayName(FD);
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (MD->getParent()->isLambda())
      unsupported(FD->getLocation(), Construct::Lambda);
    else
      unsupported(FD->getLocation(), Construct::MemberFunction, Name);
    return false;
  }
  if (FD->isVariadic())
    unsupported(FD->getLocation(), Construct::VariadicFunction, Name);

  llvm::SmallVector<ir::Type, 4> ParamTys;
  llvm::SmallVector<std::optional<ParamLowering>, 4> Params;
  for (const ParmVarDecl *P : FD->parameters()) {
    std::optional<ParamLowering> PL = lowerParamType(Ctx, P->getType());
    if (!PL) {
      std::string What = P->getName().empty()
                             ? std::string("a parameter")
                             : "parameter '" + P->getName().str() + "'";
      unsupportedType(P->getLocation(), What, P->getType());
    }
    Params.push_back(PL);
    ParamTys.push_back(PL ? PL->Ty : ir::Type::f64());
  }
  llvm::SmallVector<ir::Type, 1> ResultTys;
  QualType RT = FD->getReturnType();
  if (!RT->isVoidType()) {
    SourceLocation Loc = FD->getReturnTypeSourceRange().getBegin();
    if (Loc.isInvalid())
      Loc = FD->getLocation();
    // Memory a function allocates dies with it, so the IR returns no
    // pointers; references are pointers too.
    if (RT->isPointerType() || RT->isReferenceType()) {
      unsupported(Loc, Construct::ReturnPointer, Name);
      ResultTy = std::nullopt;
    } else {
      ResultTy = lowerType(Ctx, RT);
      if (!ResultTy)
        unsupportedType(Loc, "the return value of '" + Name + "'", RT);
    }
    if (!ResultTy) {
      ResultTy = ir::Type::f64();
      ResultUnsupported = true;
    }
    ResultTys.push_back(*ResultTy);
  }

  F = std::make_unique<ir::Function>(MC.irName(FD), ParamTys, ResultTys);
  {
    LocScope L(*this, FD->getLocation());
    F->setLoc(B.getLoc());
  }
  B.setInsertionPointToEnd(F->getBody());
  // Aliasing: ddx assumes that pointer and reference parameters do not
  // overlap one another when one of them is written through, as if every
  // pointer were `restrict`, and that nothing writes what a `const T &`
  // parameter refers to while the function runs (so it is passed by value).
  // Derivatives rely on it: shadow memory for `y` in `f(x, y)` is separate
  // from `x`'s, so `f(a, a)` would mix the derivatives of input and output.
  // checkAliasing reports the obvious violations at calls in this file.
  for (unsigned I = 0; I != FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    ir::Value *Arg = F->getParam(I);
    Arg->setName(P->getName());
    // References keep their C++ form in derivatives' signatures, so callers
    // pass what they pass to the function.
    if (P->getType()->isReferenceType()) {
      std::string Decl;
      llvm::raw_string_ostream OS(Decl);
      P->getType().print(OS, Ctx.getPrintingPolicy(), "{}");
      F->setParamDeclarator(I, Decl);
    }
    const std::optional<ParamLowering> &PL = Params[I];
    if (!PL) {
      LocalVar *V = declareVar(P, Arg->getType());
      V->Poisoned = true;
      Vals[V] = Slot{Arg, 0};
      continue;
    }
    switch (PL->K) {
    case ParamLowering::Value:
      if (needsMemory(P)) {
        // Its address is taken: a copy in memory.
        LocScope L(*this, P->getLocation());
        ir::Value *Mem = B.localAlloc(Arg->getType(), 1);
        Mem->setName(P->getName());
        B.store(Arg, Mem);
        Vals[declareVar(P, Mem->getType(), Storage::Memory)] = Slot{Mem, 0};
        break;
      }
      [[fallthrough]];
    case ParamLowering::Pointer:
      Vals[declareVar(P, Arg->getType())] = Slot{Arg, 0};
      break;
    case ParamLowering::ScalarRef:
      Vals[declareVar(P, Arg->getType(), Storage::Memory)] = Slot{Arg, 0};
      break;
    case ParamLowering::ArrayRef:
      Vals[declareVar(P, Arg->getType(), Storage::Array)] = Slot{Arg, 0};
      break;
    }
  }
  EntryPos = F->getBody().size();
  return true;
}

std::unique_ptr<ir::Function> FunctionLowering::run() {
  analyzeMemory();
  if (!lowerSignature())
    return nullptr;
  RetFlag = newFlag(FD, FlagKind::Return);
  if (ResultTy) {
    RetVal = newLocal("retval", *ResultTy);
    RetVal->Synthetic = true;
    Vals[RetVal] = Slot::known(0);
  }
  const Stmt *Body = FD->getBody();
  {
    // Only retval is read at the end.
    UntestedScope U(*this, {RetFlag});
    lowerBody(Body);
  }
  {
    LocScope L(*this, Body ? Body->getEndLoc() : FD->getLocation());
    if (RetVal)
      B.ret({read(RetVal)});
    else
      B.ret({});
  }
  if (Failures)
    return nullptr;
  return std::move(F);
}

FlagKeySet FunctionLowering::unreadFlags() const {
  FlagKeySet Unread;
  for (const auto &[V, Key] : FlagKeys)
    if (V->Written && !V->Read)
      Unread.insert(Key);
  return Unread;
}

//===----------------------------------------------------------------------===//
// Locals and values
//===----------------------------------------------------------------------===//

LocalVar *FunctionLowering::newLocal(llvm::StringRef Name, ir::Type Ty) {
  LocalVar &V = Locals.emplace_back();
  V.Name = Name.str();
  V.Ty = Ty;
  V.Order = Locals.size() - 1;
  return &V;
}

LocalVar *FunctionLowering::declareVar(const VarDecl *VD, ir::Type Ty,
                                       Storage S) {
  LocalVar *V = newLocal(VD->getName(), Ty);
  V->Store = S;
  V->Decl = VD;
  Vars[VD] = V;
  return V;
}

LocalVar *FunctionLowering::newFlag(const void *Owner, FlagKind K) {
  static const char *const Names[] = {"did_return", "did_break",
                                      "did_continue"};
  LocalVar *V = newLocal(Names[static_cast<unsigned>(K)], ir::Type::i1());
  V->IsFlag = true;
  V->Synthetic = true;
  FlagKey Key{Owner, static_cast<unsigned>(K)};
  V->Dead = DeadFlags.contains(Key);
  FlagKeys[V] = Key;
  Vals[V] = Slot::known(0);
  return V;
}

LocalVar *FunctionLowering::lookupVar(const VarDecl *VD) const {
  return Vars.lookup(VD);
}

ir::Value *FunctionLowering::constantInt(ir::Type Ty, int64_t C) {
  ir::Operation *Op = B.create(ir::OpKind::Constant, {}, {Ty});
  Op->setIntAttr(Ty.isBool() ? C != 0 : C);
  return Op->getResult();
}

ir::Value *FunctionLowering::constant(ir::Type Ty, double C) {
  if (Ty.isFloat())
    return B.constant(Ty, C);
  return constantInt(Ty, static_cast<int64_t>(C));
}

ir::Value *FunctionLowering::poison(ir::Type Ty) {
  // Only used after an error was reported: the function is discarded, the
  // value just keeps lowering going so later errors are found too.
  if (Ty.isPointer())
    return B.localAlloc(Ty.getElementType(), 1);
  return constant(Ty, 0);
}

bool FunctionLowering::checkUsable(LocalVar *V, const Slot &S) {
  if (!S.Untested)
    return true;
  error(FD->getLocation(), Msg::InternalError,
        {"flag '" + V->Name + "' is used after it was left unmerged"});
  return false;
}

ir::Value *FunctionLowering::materialize(const Slot &S, LocalVar *V) {
  if (S.V)
    return S.V;
  if (!checkUsable(V, S))
    return poison(V->Ty);
  if (V->Ty.isPointer()) {
    // There is no null pointer: a pointer variable must be set before its
    // value flows anywhere (into a loop or out of one arm of an `if`).
    if (!V->ReportedUninit && !V->Poisoned)
      unsupported(V->Decl ? V->Decl->getLocation() : FD->getLocation(),
                  Construct::UninitializedPointer, V->Name);
    else
      ++Failures;
    V->ReportedUninit = true;
    return poison(V->Ty);
  }
  ir::Value *C = constant(V->Ty, S.K);
  C->setName(V->Name);
  return C;
}

ir::Value *FunctionLowering::read(LocalVar *V) {
  auto It = Vals.find(V);
  if (It == Vals.end()) {
    error(FD->getLocation(), Msg::InternalError,
          {"'" + V->Name + "' is read outside its scope"});
    return poison(V->Ty);
  }
  if (!It->second.isKnown())
    return It->second.V;
  ir::Value *C = materialize(It->second, V);
  // Keep a materialized variable so later reads share it; flags stay known
  // so guards can still be decided statically.
  if (!V->IsFlag)
    It->second.V = C;
  return C;
}

void FunctionLowering::write(LocalVar *V, ir::Value *Val) {
  if (V->Poisoned)
    return;
  if (!V->IsFlag && V != RetVal && Val->getName().empty() &&
      Val->getDefiningOp())
    Val->setName(V->Name);
  Vals[V] = Slot{Val, 0};
}

void FunctionLowering::setFlag(LocalVar *F, bool Value) {
  if (!F || F->Dead)
    return;
  F->Written |= Value;
  Vals[F] = Slot::known(Value);
}

void FunctionLowering::sortLocals(llvm::SmallVectorImpl<LocalVar *> &Vs) {
  llvm::sort(Vs, [](const LocalVar *A, const LocalVar *B) {
    return std::make_pair(A->Synthetic, A->Order) <
           std::make_pair(B->Synthetic, B->Order);
  });
}

llvm::SmallVector<LocalVar *, 8> FunctionLowering::liveLocals() const {
  llvm::SmallVector<LocalVar *, 8> Live;
  for (const auto &KV : Vals)
    Live.push_back(KV.first);
  sortLocals(Live);
  return Live;
}

/// True if two slots hold the same value: also a known constant and a
/// materialized copy of it.
static bool sameValue(const Slot &A, const Slot &B) {
  if (A == B)
    return true;
  auto IsCopy = [](const Slot &Known, const Slot &Other) {
    if (!Known.isKnown() || !Other.V)
      return false;
    ir::Operation *Op = Other.V->getDefiningOp();
    if (!Op || Op->getKind() != ir::OpKind::Constant)
      return false;
    double C = Other.V->getType().isFloat()
                   ? Op->getFloatAttr()
                   : static_cast<double>(Op->getIntAttr());
    return C == Known.K;
  };
  return IsCopy(A, B) || IsCopy(B, A);
}

//===----------------------------------------------------------------------===//
// Merging
//===----------------------------------------------------------------------===//

FunctionLowering::ValueList
FunctionLowering::buildIf(ir::Value *Cond, llvm::ArrayRef<ir::Type> ExtraTypes,
                          BranchFn Then, BranchFn Else) {
  ir::Region *Outer = B.getInsertionRegion();
  const Env Saved = Vals;
  // The result types depend on what the branches assign, so they are built
  // in a scratch operation and moved into the real one afterwards.
  std::unique_ptr<ir::Operation> Scratch =
      ir::Operation::create(ir::OpKind::If, {Cond}, {}, 2);
  BranchFn Fns[2] = {Then, Else};
  Env Out[2];
  ValueList Extra[2];
  for (unsigned I = 0; I != 2; ++I) {
    B.setInsertionPointToEnd(Scratch->getRegion(I));
    Extra[I] = Fns[I]();
    Out[I] = std::move(Vals);
    Vals = Saved;
  }
  B.setInsertionPointToEnd(*Outer);

  llvm::SmallVector<LocalVar *, 8> Merged;
  for (LocalVar *V : liveLocals()) {
    const Slot &A = Out[0][V], &C = Out[1][V];
    if (sameValue(A, C)) {
      // Prefer the unmaterialized form: it is visible everywhere.
      Vals[V] = A.isKnown() ? A : C.isKnown() ? C : A;
      continue;
    }
    if (llvm::is_contained(Untested, V)) {
      Vals[V] = Slot::untested();
      continue;
    }
    Merged.push_back(V);
  }

  llvm::SmallVector<ir::Type, 8> Types(ExtraTypes.begin(), ExtraTypes.end());
  for (LocalVar *V : Merged)
    Types.push_back(V->Ty);
  ir::Operation *If = B.createIf(Cond, Types);
  for (unsigned I = 0; I != 2; ++I) {
    ir::Region &To = If->getRegion(I);
    ir::Region &From = Scratch->getRegion(I);
    while (!From.empty())
      To.push_back(From.take(0));
    B.setInsertionPointToEnd(To);
    ValueList Yields = Extra[I];
    for (LocalVar *V : Merged)
      Yields.push_back(materialize(Out[I][V], V));
    B.yield(Yields);
  }
  B.setInsertionPointToEnd(*Outer);

  ValueList Results;
  for (unsigned I = 0; I != ExtraTypes.size(); ++I)
    Results.push_back(If->getResult(I));
  for (unsigned I = 0; I != Merged.size(); ++I) {
    ir::Value *R = If->getResult(ExtraTypes.size() + I);
    R->setName(Merged[I]->Name);
    Vals[Merged[I]] = Slot{R, 0};
  }
  return Results;
}

void FunctionLowering::buildGuarded(ir::Value *Cond,
                                    llvm::ArrayRef<LocalVar *> FalseFlags,
                                    llvm::function_ref<void()> Body) {
  buildIf(
      Cond, {},
      [&] {
        llvm::SmallVector<Slot, 3> Outside;
        for (LocalVar *F : FalseFlags) {
          Outside.push_back(Vals[F]);
          Vals[F] = Slot::known(0);
        }
        Body();
        // A flag still false at the end was false on entry too, so it keeps
        // its outside value and needs no `if` result.
        for (unsigned I = 0; I != FalseFlags.size(); ++I)
          if (Vals[FalseFlags[I]].isKnown(0))
            Vals[FalseFlags[I]] = Outside[I];
        return ValueList();
      },
      [] { return ValueList(); });
}
