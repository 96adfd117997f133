//===- ClangDriver.cpp - Running Clang and the ddx commands ---------------===//
#include "ddx/Driver/ClangDriver.h"
#include "ddx/Driver/FormatSource.h"
#include "ddx/Driver/Pipeline.h"
#include "ddx/Frontend/Diagnostics.h"
#include "ddx/Frontend/Lowering.h"
#include "ddx/Frontend/Requests.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace ddx;

//===----------------------------------------------------------------------===//
// Running Clang
//===----------------------------------------------------------------------===//

ParsedInput::~ParsedInput() = default;

namespace {

/// Holds back Clang's own diagnostics (each with its notes) until released;
/// ddx's custom diagnostics pass straight to Clang's printer.
class HoldingConsumer : public DiagnosticConsumer {
public:
  HoldingConsumer(DiagnosticsEngine &Engine,
                  std::unique_ptr<DiagnosticConsumer> Inner)
      : Engine(Engine), Inner(std::move(Inner)) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Inner->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override {
    // Nothing stays hidden, even if the AST was never handed out.
    release([](llvm::ArrayRef<SourceLocation>) { return true; });
    Holding = false;
    Inner->EndSourceFile();
  }
  void finish() override { Inner->finish(); }

  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    bool Custom = Info.getID() >= diag::DIAG_UPPER_LIMIT;
    if (Holding && !Custom) {
      if (L == DiagnosticsEngine::Note && LastHeld && !Held.empty())
        Held.back().push_back(StoredDiagnostic(L, Info));
      else
        Held.push_back({StoredDiagnostic(L, Info)});
      LastHeld = true;
      return;
    }
    LastHeld = false;
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    Inner->HandleDiagnostic(L, Info);
  }

  bool hasHeldErrors() const {
    return llvm::any_of(Held, [](const std::vector<StoredDiagnostic> &G) {
      return G.front().getLevel() >= DiagnosticsEngine::Error;
    });
  }

  void release(llvm::function_ref<bool(llvm::ArrayRef<SourceLocation>)> Select,
               bool ErrorsOnly = false) {
    std::vector<std::vector<StoredDiagnostic>> Kept;
    bool WasHolding = Holding;
    Holding = false;
    for (std::vector<StoredDiagnostic> &G : Held) {
      llvm::SmallVector<SourceLocation, 4> Locs;
      for (const StoredDiagnostic &SD : G)
        Locs.push_back(SD.getLocation());
      if ((ErrorsOnly && G.front().getLevel() < DiagnosticsEngine::Error) ||
          !Select(Locs)) {
        Kept.push_back(std::move(G));
        continue;
      }
      for (const StoredDiagnostic &SD : G)
        Engine.Report(SD);
    }
    Holding = WasHolding;
    Held = std::move(Kept);
  }

  void drop() {
    DroppedErrors |= hasHeldErrors();
    Held.clear();
  }

  void stopHolding() { Holding = false; }
  bool droppedErrors() const { return DroppedErrors; }

private:
  DiagnosticsEngine &Engine;
  std::unique_ptr<DiagnosticConsumer> Inner;
  std::vector<std::vector<StoredDiagnostic>> Held;
  bool Holding = true;
  bool LastHeld = false;
  bool DroppedErrors = false;
};

class ParsedInputImpl : public ParsedInput {
public:
  ParsedInputImpl(ASTContext &Ctx, HoldingConsumer &Diags)
      : Ctx(Ctx), Diags(Diags) {}
  ASTContext &context() override { return Ctx; }
  bool hasHeldErrors() const override { return Diags.hasHeldErrors(); }
  void report(llvm::function_ref<bool(llvm::ArrayRef<SourceLocation>)> Select,
              bool ErrorsOnly) override {
    Diags.release(Select, ErrorsOnly);
  }
  void drop() override { Diags.drop(); }

private:
  ASTContext &Ctx;
  HoldingConsumer &Diags;
};

class CallbackConsumer : public ASTConsumer {
public:
  CallbackConsumer(HoldingConsumer &Diags,
                   llvm::function_ref<void(ParsedInput &)> OnParsed)
      : Diags(Diags), OnParsed(OnParsed) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    ParsedInputImpl Input(Ctx, Diags);
    OnParsed(Input);
    Diags.release([](llvm::ArrayRef<SourceLocation>) { return true; });
    Diags.stopHolding();
  }

private:
  HoldingConsumer &Diags;
  llvm::function_ref<void(ParsedInput &)> OnParsed;
};

class CallbackAction : public ASTFrontendAction {
public:
  CallbackAction(HoldingConsumer &Diags,
                 llvm::function_ref<void(ParsedInput &)> OnParsed)
      : Diags(Diags), OnParsed(OnParsed) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<CallbackConsumer>(Diags, OnParsed);
  }

private:
  HoldingConsumer &Diags;
  llvm::function_ref<void(ParsedInput &)> OnParsed;
};

bool choosesStandard(llvm::ArrayRef<std::string> Args) {
  return llvm::any_of(Args, [](llvm::StringRef A) {
    return A.starts_with("-std=") || A.starts_with("--std=") || A == "-std" ||
           A == "--std";
  });
}

} // namespace

ClangResult ddx::runOnAST(const ClangOptions &Opts,
                          llvm::function_ref<void(ParsedInput &)> OnParsed) {
  ClangResult Result;
  std::vector<std::string> Args = {"clang++", "-fsyntax-only",
                                   "-resource-dir=" DDX_CLANG_RESOURCE_DIR};
  if (!choosesStandard(Opts.Args))
    Args.push_back("-std=c++17");
  Args.insert(Args.end(), Opts.Args.begin(), Opts.Args.end());
  Args.push_back(Opts.InputFile);
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());

  // Diagnostics about the flags themselves.
  IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  CreateInvocationOptions CIOpts;
  CIOpts.Diags = CompilerInstance::createDiagnostics(DiagOpts.get());
  std::shared_ptr<CompilerInvocation> Invocation =
      createInvocation(Argv, CIOpts);
  if (!Invocation || CIOpts.Diags->hasErrorOccurred())
    return Result;
  if (Opts.Contents)
    Invocation->getPreprocessorOpts().addRemappedFile(
        Opts.InputFile,
        llvm::MemoryBuffer::getMemBufferCopy(*Opts.Contents, Opts.InputFile)
            .release());
  // Calls of derivatives that do not exist yet are errors at first; the
  // error limit must not cut the compile short because of them.
  Invocation->getDiagnosticOpts().ErrorLimit = 0;

  CompilerInstance CI;
  CI.setInvocation(std::move(Invocation));
  CI.createDiagnostics();
  if (!CI.hasDiagnostics())
    return Result;
  DiagnosticsEngine &Engine = CI.getDiagnostics();
  auto *Holding = new HoldingConsumer(Engine, Engine.takeClient());
  Engine.setClient(Holding, /*ShouldOwnClient=*/true);

  CallbackAction Action(*Holding, OnParsed);
  bool OK = CI.ExecuteAction(Action);
  Result.Success = OK && Holding->getNumErrors() == 0;
  Result.DroppedErrors = Holding->droppedErrors();
  return Result;
}

//===----------------------------------------------------------------------===//
// Functions that do not compile
//===----------------------------------------------------------------------===//

namespace {

bool containsErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->containsErrors();
  for (const Stmt *Child : S->children())
    if (containsErrors(Child))
      return true;
  return false;
}

bool isBroken(const FunctionDecl *FD) {
  return FD->isInvalidDecl() || containsErrors(FD->getBody());
}

void forEachCallee(const Stmt *S,
                   llvm::function_ref<void(const FunctionDecl *)> Fn) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Fn(Callee);
  for (const Stmt *Child : S->children())
    forEachCallee(Child, Fn);
}

/// FD or a function it calls, directly or not, whose definition has errors.
const FunctionDecl *findBroken(const FunctionDecl *FD,
                               llvm::DenseSet<const FunctionDecl *> &Seen) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Seen.insert(Def->getCanonicalDecl()).second)
    return nullptr;
  if (isBroken(Def))
    return Def;
  const FunctionDecl *Found = nullptr;
  forEachCallee(Def->getBody(), [&](const FunctionDecl *Callee) {
    if (!Found)
      Found = findBroken(Callee, Seen);
  });
  return Found;
}

const FunctionDecl *findBroken(const FunctionDecl *FD) {
  llvm::DenseSet<const FunctionDecl *> Seen;
  return findBroken(FD, Seen);
}

/// The first request in the main file; code that can call a derivative
/// comes after it.
SourceLocation firstRequest(const SourceManager &SM, const DeclContext *DC) {
  SourceLocation First;
  for (const Decl *D : DC->decls()) {
    SourceLocation Loc;
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
      Loc = firstRequest(SM, cast<DeclContext>(D));
    else if (const auto *VD = dyn_cast<VarDecl>(D))
      for (const auto *A : VD->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == "ddx.request" &&
            SM.isInMainFile(SM.getExpansionLoc(VD->getLocation())))
          Loc = SM.getExpansionLoc(VD->getBeginLoc());
    if (Loc.isValid() &&
        (First.isInvalid() || SM.isBeforeInTranslationUnit(Loc, First)))
      First = Loc;
  }
  return First;
}

/// Whether an error at Loc may come from calling a derivative that ddx has
/// not generated yet: it is in the main file, after the first request.
bool mayUseDerivative(const SourceManager &SM, SourceLocation FirstRequest,
                      llvm::ArrayRef<SourceLocation> Locs) {
  if (FirstRequest.isInvalid())
    return false;
  return llvm::any_of(Locs, [&](SourceLocation Loc) {
    if (Loc.isInvalid())
      return false;
    Loc = SM.getExpansionLoc(Loc);
    return SM.isInMainFile(Loc) &&
           SM.isBeforeInTranslationUnit(FirstRequest, Loc);
  });
}

/// Whether a diagnostic (its own location or a note's) points into R.
bool within(const SourceManager &SM, SourceRange R,
            llvm::ArrayRef<SourceLocation> Locs) {
  SourceLocation B = SM.getExpansionLoc(R.getBegin());
  SourceLocation E = SM.getExpansionLoc(R.getEnd());
  return llvm::any_of(Locs, [&](SourceLocation Loc) {
    if (Loc.isInvalid())
      return false;
    SourceLocation L = SM.getExpansionLoc(Loc);
    return !SM.isBeforeInTranslationUnit(L, B) &&
           !SM.isBeforeInTranslationUnit(E, L);
  });
}

unsigned errorCount(ASTContext &Ctx) {
  return Ctx.getDiagnostics().getClient()->getNumErrors();
}

} // namespace

//===----------------------------------------------------------------------===//
// ddx ir
//===----------------------------------------------------------------------===//

namespace {

/// Function definitions in the main file that ddx can be asked to lower, in
/// source order: free functions and instantiated function templates.
class DefinitionFinder {
public:
  explicit DefinitionFinder(const SourceManager &SM) : SM(SM) {}

  void visit(const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
        visit(cast<DeclContext>(D));
      else if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
        if (inMainFile(FTD))
          for (const FunctionDecl *Spec : FTD->specializations())
            add(Spec);
      } else if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (inMainFile(FD) && !FD->isDependentContext())
          add(FD);
      }
    }
  }

  std::vector<const FunctionDecl *> Found;

private:
  bool inMainFile(const Decl *D) const {
    return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
  }
  void add(const FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isImplicit() &&
        !isa<CXXMethodDecl>(FD))
      Found.push_back(FD);
  }

  const SourceManager &SM;
};

bool nameMatches(const FunctionDecl *FD, llvm::StringRef Name,
                 const PrintingPolicy &PP) {
  std::string Plain, Qualified;
  llvm::raw_string_ostream P(Plain), Q(Qualified);
  FD->getNameForDiagnostic(P, PP, /*Qualified=*/false);
  FD->getNameForDiagnostic(Q, PP, /*Qualified=*/true);
  return Name == FD->getNameAsString() || Name == P.str() ||
         Name == FD->getQualifiedNameAsString() || Name == Q.str();
}

} // namespace

void ddx::lowerMainFileFunctions(ParsedInput &Input,
                                 llvm::ArrayRef<std::string> Only,
                                 ir::Module &M,
                                 std::vector<std::string> &Unmatched) {
  ASTContext &Ctx = Input.context();
  const SourceManager &SM = Ctx.getSourceManager();
  DefinitionFinder Finder(SM);
  Finder.visit(Ctx.getTranslationUnitDecl());
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressUnwrittenScope = true;
  auto Named = [&](const FunctionDecl *FD, std::vector<bool> *Used) {
    bool Match = false;
    for (size_t I = 0; I != Only.size(); ++I)
      if (nameMatches(FD, Only[I], PP)) {
        Match = true;
        if (Used)
          (*Used)[I] = true;
      }
    return Match;
  };

  bool Held = Input.hasHeldErrors();
  if (!Held)
    Input.report([](llvm::ArrayRef<SourceLocation>) {
      return true; // Warnings only.
    });
  // Functions after a request that do not compile probably call a
  // derivative; they are skipped unless named.
  SourceLocation First = firstRequest(SM, Ctx.getTranslationUnitDecl());
  std::vector<SourceRange> Skipped;
  auto IsSkipped = [&](const FunctionDecl *FD) {
    return Held && isBroken(FD) && !Named(FD, nullptr) &&
           mayUseDerivative(SM, First, FD->getBeginLoc());
  };

  ModuleLowering Lowering(Ctx, M);
  std::vector<bool> Used(Only.size());
  for (const FunctionDecl *FD : Finder.Found) {
    if (IsSkipped(FD)) {
      Skipped.push_back(FD->getSourceRange());
      continue;
    }
    if (!Only.empty() && !Named(FD, &Used))
      continue;
    if (Held)
      if (const FunctionDecl *Bad = findBroken(FD)) {
        Input.report([&](llvm::ArrayRef<SourceLocation> L) {
          return within(SM, Bad->getSourceRange(), L);
        });
        continue;
      }
    Lowering.lower(FD);
  }
  for (size_t I = 0; I != Only.size(); ++I)
    if (!Used[I])
      Unmatched.push_back(Only[I]);
  Input.report([&](llvm::ArrayRef<SourceLocation> L) {
    return llvm::none_of(Skipped,
                         [&](SourceRange R) { return within(SM, R, L); });
  });
  Input.drop();
}

//===----------------------------------------------------------------------===//
// ddx gen
//===----------------------------------------------------------------------===//

namespace {

struct Replacement {
  unsigned Begin, End;
  std::string Text;
  /// The line the request ends on: the text after it keeps that number.
  unsigned EndLine;
};

std::string lineDirective(unsigned Line, llvm::StringRef Path) {
  std::string S = "#line " + std::to_string(Line) + " \"";
  for (char C : Path) {
    if (C == '"' || C == '\\')
      S += '\\';
    S += C;
  }
  return S + "\"\n";
}

} // namespace

std::optional<std::string> ddx::generateDerivatives(ParsedInput &Input,
                                                    llvm::StringRef LinePath,
                                                    std::string *Report) {
  ASTContext &Ctx = Input.context();
  SourceManager &SM = Ctx.getSourceManager();
  frontend::Reporter Diags(Ctx.getDiagnostics());
  unsigned ErrorsBefore = errorCount(Ctx);

  // Errors that cannot come from calling a derivative are reported now.
  // The others are dropped: the generated file is compiled afterwards,
  // with the derivatives defined, to check that code.
  SourceLocation First = firstRequest(SM, Ctx.getTranslationUnitDecl());
  bool Held = Input.hasHeldErrors();
  // Warnings wait for that compile too, so they print once.
  Input.report(
      [&](llvm::ArrayRef<SourceLocation> L) {
        return !Held || !mayUseDerivative(SM, First, L);
      },
      /*ErrorsOnly=*/Held);
  if (errorCount(Ctx) != ErrorsBefore) {
    Input.drop();
    return std::nullopt;
  }

  std::vector<DerivativeRequest> Requests = collectRequests(Ctx);
  ir::Module M;
  ModuleLowering Lowering(Ctx, M);
  EmissionState State;
  std::vector<Replacement> Replacements;
  for (const DerivativeRequest &R : Requests) {
    if (Held)
      if (const FunctionDecl *Bad = findBroken(R.Function)) {
        Input.report([&](llvm::ArrayRef<SourceLocation> L) {
          return within(SM, Bad->getSourceRange(), L);
        });
        continue;
      }
    ir::Function *F = Lowering.lower(R.Function, R.Loc);
    if (!F)
      continue;
    DerivativeSpec Spec;
    Spec.Kind = R.Kind;
    Spec.Function = F->getName();
    Spec.Name = R.Name;
    // In parameter order, however the request lists them: derivative
    // parameters follow the primal parameters' order.
    for (unsigned I = 0; I != R.Function->getNumParams(); ++I)
      if (llvm::is_contained(R.Wrt, R.Function->getParamDecl(I)->getName()))
        Spec.WrtParams.push_back(I);

    llvm::Expected<std::string> Source = generateDerivative(M, Spec, State);
    if (!Source) {
      Diags.report(R.Loc, frontend::Msg::GenerateFailed,
                   {R.Name, llvm::toString(Source.takeError())});
      continue;
    }
    std::string Text = formatGeneratedSource(*Source);
    if (!Text.empty() && Text.back() != '\n')
      Text += '\n';
    SourceLocation End = R.Range.getEnd();
    Replacements.push_back({SM.getFileOffset(R.Range.getBegin()),
                            SM.getFileOffset(End), std::move(Text),
                            SM.getSpellingLineNumber(End)});
  }
  Input.drop();
  if (errorCount(Ctx) != ErrorsBefore)
    return std::nullopt;
  if (Report)
    *Report += State.Report;

  llvm::StringRef Text = SM.getBufferData(SM.getMainFileID());
  std::string Out;
  size_t Pos = 0;
  for (const Replacement &R : Replacements) {
    if (R.Begin < Pos)
      continue; // Overlapping requests cannot come from valid code.
    Out += Text.slice(Pos, R.Begin);
    // The definition starts on a line of its own.
    if (!Out.empty() && Out.back() != '\n')
      Out += '\n';
    Out += R.Text;
    Out += lineDirective(R.EndLine, LinePath);
    Pos = R.End;
  }
  Out += Text.substr(Pos);
  return Out;
}
