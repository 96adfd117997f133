//===- ModuleLowering.cpp - Lowering functions into one module ------------===//
//
// Drives FunctionLowering for each function and its callees, names IR
// functions, and adds the call chain to every diagnostic.
//
//===----------------------------------------------------------------------===//
#include "LoweringImpl.h"
#include "ddx/Frontend/Lowering.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

/// The IR type of a scalar C++ type.
static std::optional<ir::Type> lowerScalarType(const ASTContext &Ctx,
                                               QualType T) {
  const auto *BT = T.getCanonicalType()->getAs<BuiltinType>();
  if (!BT)
    return std::nullopt;
  switch (BT->getKind()) {
  case BuiltinType::Bool:
    return ir::Type::i1();
  case BuiltinType::Int:
  case BuiltinType::Long:
  case BuiltinType::LongLong:
    switch (Ctx.getTypeSize(BT)) {
    case 32:
      return ir::Type::i32();
    case 64:
      return ir::Type::i64();
    default:
      return std::nullopt;
    }
  case BuiltinType::Float:
    return ir::Type::f32();
  case BuiltinType::Double:
    return ir::Type::f64();
  default:
    return std::nullopt;
  }
}

/// `ptr<S>` for memory holding objects of type T: a scalar S, or arrays of
/// constant size of them. The IR pointer is const when the scalar is.
static std::optional<ir::Type> lowerMemoryType(const ASTContext &Ctx,
                                               QualType T) {
  // Only constant-size arrays flatten: a variable-length one has no stride.
  QualType E = T;
  while (const ArrayType *AT = Ctx.getAsArrayType(E)) {
    if (!isa<ConstantArrayType>(AT))
      return std::nullopt;
    E = AT->getElementType();
  }
  QualType Elem = Ctx.getBaseElementType(T);
  std::optional<ir::Type> S = lowerScalarType(Ctx, Elem);
  if (!S)
    return std::nullopt;
  return ir::Type::ptr(*S, Elem.isConstQualified());
}

std::optional<ir::Type> ddx::frontend::lowerType(const ASTContext &Ctx,
                                                 QualType T) {
  QualType C = T.getCanonicalType();
  if (const auto *PT = C->getAs<PointerType>())
    return lowerMemoryType(Ctx, PT->getPointeeType());
  if (C->isArrayType()) {
    // The outermost extent may be unknown (`double x[]`); what matters is
    // the element.
    const ArrayType *AT = Ctx.getAsArrayType(C);
    if (isa<VariableArrayType>(AT))
      return std::nullopt;
    return lowerMemoryType(Ctx, AT->getElementType());
  }
  return lowerScalarType(Ctx, C);
}

std::optional<ParamLowering>
ddx::frontend::lowerParamType(const ASTContext &Ctx, QualType T) {
  QualType C = T.getCanonicalType();
  if (const auto *RT = C->getAs<LValueReferenceType>()) {
    QualType Pointee = RT->getPointeeType();
    if (Pointee->isArrayType()) {
      std::optional<ir::Type> Ty = lowerType(Ctx, Pointee);
      if (!Ty)
        return std::nullopt;
      return ParamLowering{ParamLowering::ArrayRef, *Ty};
    }
    std::optional<ir::Type> S = lowerScalarType(Ctx, Pointee);
    if (!S)
      return std::nullopt;
    if (Pointee.isConstQualified())
      return ParamLowering{ParamLowering::Value, *S};
    return ParamLowering{ParamLowering::ScalarRef, ir::Type::ptr(*S)};
  }
  std::optional<ir::Type> Ty = lowerType(Ctx, T);
  if (!Ty)
    return std::nullopt;
  return ParamLowering{
      Ty->isPointer() ? ParamLowering::Pointer : ParamLowering::Value, *Ty};
}

std::optional<ParamPassing> ddx::paramPassing(const ASTContext &Ctx,
                                              QualType T) {
  std::optional<ParamLowering> PL = lowerParamType(Ctx, T);
  if (!PL)
    return std::nullopt;
  switch (PL->K) {
  case ParamLowering::Value:
    return T->isReferenceType() ? ParamPassing::ConstReference
                                : ParamPassing::Value;
  case ParamLowering::Pointer:
    return ParamPassing::Pointer;
  case ParamLowering::ScalarRef:
    return ParamPassing::Reference;
  case ParamLowering::ArrayRef:
    return ParamPassing::ArrayReference;
  }
  return std::nullopt;
}

uint64_t ddx::frontend::scalarCount(const ASTContext &Ctx, QualType T) {
  uint64_t N = 1;
  for (const ArrayType *AT = Ctx.getAsArrayType(T); AT;
       AT = Ctx.getAsArrayType(AT->getElementType()))
    if (const auto *CAT = dyn_cast<ConstantArrayType>(AT))
      N *= CAT->getZExtSize();
  return N;
}

ModuleContext::ModuleContext(ASTContext &Ctx, ir::Module &M)
    : Ctx(Ctx), M(M), Diags(Ctx.getDiagnostics()),
      NamePolicy(Ctx.getLangOpts()) {
  // `f` for a function in an anonymous namespace, `std::sin` rather than
  // `std::__1::sin`: names the emitted C++ can use.
  NamePolicy.SuppressUnwrittenScope = true;
  NamePolicy.SuppressInlineNamespace = true;
}

std::string ModuleContext::displayName(const FunctionDecl *FD) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  FD->getNameForDiagnostic(OS, NamePolicy, /*Qualified=*/true);
  return OS.str();
}

std::string ModuleContext::irName(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = Names.find(FD);
  if (It != Names.end())
    return It->second;
  std::string Base = displayName(FD);
  unsigned &Uses = NameUses[Base];
  std::string Name = Uses ? Base + "." + std::to_string(Uses) : Base;
  ++Uses;
  return Names[FD] = Name;
}

const FunctionDecl *ModuleContext::declFor(llvm::StringRef IRName) const {
  for (const auto &[FD, Name] : Names)
    if (Name == IRName)
      return FD->getDefinition() ? FD->getDefinition() : FD;
  return nullptr;
}

void ModuleContext::emitContextNotes() {
  if (Stack.empty())
    return;
  for (size_t I = Stack.size() - 1; I > 0; --I)
    Diags.report(Stack[I].CallLoc, Msg::NoteCalledFrom,
                 {displayName(Stack[I].FD), displayName(Stack[I - 1].FD)});
  const FunctionDecl *Root = Stack.front().FD;
  if (RequestLoc.isValid())
    Diags.report(RequestLoc, Msg::NoteRequestedHere, {displayName(Root)});
  else
    Diags.report(Root->getLocation(), Msg::NoteLowering, {displayName(Root)});
}

void ModuleContext::error(SourceLocation Loc, Msg M,
                          llvm::ArrayRef<std::string> Args) {
  Diags.report(Loc, M, Args);
  emitContextNotes();
}

void ModuleContext::unsupported(SourceLocation Loc, Construct C,
                                llvm::StringRef Name) {
  Diags.unsupported(Loc, C, Name);
  emitContextNotes();
}

void ModuleContext::unsupportedType(SourceLocation Loc, llvm::StringRef What,
                                    QualType T) {
  Diags.unsupportedType(Loc, What, T, NamePolicy);
  emitContextNotes();
}

ir::Function *ModuleContext::lowerTop(const FunctionDecl *FD,
                                      SourceLocation ReqLoc) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody()) {
    Diags.report(ReqLoc.isValid() ? ReqLoc : FD->getLocation(),
                 Msg::RequestNoDefinition, {displayName(FD)});
    return nullptr;
  }
  RequestLoc = ReqLoc;
  bool OK = lowerImpl(Def, SourceLocation());
  RequestLoc = SourceLocation();
  if (!OK)
    return nullptr;
  return Entries.lookup(Def->getCanonicalDecl()).F;
}

bool ModuleContext::lowerCallee(const FunctionDecl *Def,
                                SourceLocation CallLoc) {
  return lowerImpl(Def, CallLoc);
}

/// Lowers FD twice when the first pass finds flags that nothing tests: the
/// second pass drops them, so the IR carries no dead control-flow values.
static std::unique_ptr<ir::Function> lowerTwoPass(ModuleContext &MC,
                                                  const FunctionDecl *FD) {
  FlagKeySet None;
  FunctionLowering First(MC, FD, None);
  std::unique_ptr<ir::Function> F = First.run();
  if (!F)
    return nullptr;
  FlagKeySet Dead = First.unreadFlags();
  if (Dead.empty())
    return F;
  FunctionLowering Second(MC, FD, Dead);
  return Second.run();
}

bool ModuleContext::lowerImpl(const FunctionDecl *FD, SourceLocation CallLoc) {
  const FunctionDecl *Key = FD->getCanonicalDecl();
  auto It = Entries.find(Key);
  if (It != Entries.end()) {
    Entry &E = It->second;
    switch (E.S) {
    case State::Done:
      return true;
    case State::Failed:
      if (CallLoc.isValid())
        error(CallLoc, Msg::CallFailedCallee, {displayName(FD)});
      return false;
    case State::InProgress:
    case State::Pending:
      // Recursion: the call refers to a function that a caller further up
      // is still lowering.
      Stack.back().Low = std::min(Stack.back().Low, E.Low);
      return true;
    }
  }

  unsigned Depth = Stack.size();
  Entries[Key] = Entry{State::InProgress, nullptr, Depth};
  Stack.push_back(Frame{FD, CallLoc, Depth, {}, {}});
  std::unique_ptr<ir::Function> F = lowerTwoPass(*this, FD);
  Frame Done = std::move(Stack.back());
  Stack.pop_back();

  auto FailAll = [&] {
    Entries[Key] = Entry{State::Failed, nullptr, 0};
    for (const FunctionDecl *P : Done.PendingDecls)
      Entries[P] = Entry{State::Failed, nullptr, 0};
    return false;
  };
  if (!F)
    return FailAll();

  if (Done.Low < Depth) {
    // Part of a recursion cycle whose first function is still being lowered:
    // wait for it.
    Frame &Parent = Stack.back();
    Parent.Low = std::min(Parent.Low, Done.Low);
    for (size_t I = 0; I != Done.PendingFns.size(); ++I) {
      Parent.PendingFns.push_back(std::move(Done.PendingFns[I]));
      Parent.PendingDecls.push_back(Done.PendingDecls[I]);
    }
    Entries[Key] = Entry{State::Pending, F.get(), Done.Low};
    Parent.PendingFns.push_back(std::move(F));
    Parent.PendingDecls.push_back(Key);
    return true;
  }

  // Callees first, in the order they were finished.
  for (size_t I = 0; I != Done.PendingFns.size(); ++I)
    Entries[Done.PendingDecls[I]] =
        Entry{State::Done, M.addFunction(std::move(Done.PendingFns[I])), 0};
  Entries[Key] = Entry{State::Done, M.addFunction(std::move(F)), 0};
  return true;
}

//===----------------------------------------------------------------------===//
// ModuleLowering
//===----------------------------------------------------------------------===//

struct ModuleLowering::Impl : ModuleContext {
  using ModuleContext::ModuleContext;
};

ModuleLowering::ModuleLowering(ASTContext &Ctx, ir::Module &M)
    : P(std::make_unique<Impl>(Ctx, M)) {}

ModuleLowering::~ModuleLowering() = default;

ir::Function *ModuleLowering::lower(const FunctionDecl *FD,
                                    SourceLocation RequestLoc) {
  return P->lowerTop(FD, RequestLoc);
}

std::string ModuleLowering::irName(const FunctionDecl *FD) {
  return P->irName(FD);
}

const FunctionDecl *ModuleLowering::declFor(llvm::StringRef IRName) const {
  return P->declFor(IRName);
}
