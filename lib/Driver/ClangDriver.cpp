//===- ClangDriver.cpp - Running Clang and the ddx commands ---------------===//
#include "ddx/Driver/ClangDriver.h"
#include "BrokenCode.h"
#include "ddx/Driver/Generator.h"
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

  void drop() { Held.clear(); }

  void stopHolding() { Holding = false; }

private:
  DiagnosticsEngine &Engine;
  std::unique_ptr<DiagnosticConsumer> Inner;
  std::vector<std::vector<StoredDiagnostic>> Held;
  bool Holding = true;
  bool LastHeld = false;
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

/// A compiler for Opts with its diagnostics set up, or null after reporting
/// bad flags.
static std::unique_ptr<CompilerInstance>
createCompiler(const ClangOptions &Opts) {
  // Clang's own path, so it finds the same system headers as clang++ does.
  std::vector<std::string> Args = {DDX_CLANG_EXECUTABLE, "-fsyntax-only",
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
    return nullptr;
  if (Opts.Contents)
    Invocation->getPreprocessorOpts().addRemappedFile(
        Opts.InputFile,
        llvm::MemoryBuffer::getMemBufferCopy(*Opts.Contents, Opts.InputFile)
            .release());
  if (!Opts.DepFile.empty()) {
    DependencyOutputOptions &Deps = Invocation->getDependencyOutputOpts();
    Deps.OutputFile = Opts.DepFile;
    Deps.Targets = {Opts.DepTarget};
    Deps.IncludeSystemHeaders = true;
  }
  // Under `ddx ir`, calls of derivatives (which it does not generate) are
  // errors; the error limit must not cut the compile short because of them.
  Invocation->getDiagnosticOpts().ErrorLimit = 0;

  auto CI = std::make_unique<CompilerInstance>();
  CI->setInvocation(std::move(Invocation));
  CI->createDiagnostics();
  if (!CI->hasDiagnostics())
    return nullptr;
  return CI;
}

ClangResult ddx::runOnAST(const ClangOptions &Opts,
                          llvm::function_ref<void(ParsedInput &)> OnParsed) {
  ClangResult Result;
  std::unique_ptr<CompilerInstance> CI = createCompiler(Opts);
  if (!CI)
    return Result;
  DiagnosticsEngine &Engine = CI->getDiagnostics();
  auto *Holding = new HoldingConsumer(Engine, Engine.takeClient());
  Engine.setClient(Holding, /*ShouldOwnClient=*/true);

  CallbackAction Action(*Holding, OnParsed);
  bool OK = CI->ExecuteAction(Action);
  Result.Success = OK && Holding->getNumErrors() == 0;
  return Result;
}

namespace {

class GenerateAction : public ASTFrontendAction {
public:
  explicit GenerateAction(DerivativeGenerator &Generator)
      : Generator(Generator) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return Generator.attach(CI);
  }

private:
  DerivativeGenerator &Generator;
};

} // namespace

bool ddx::runGenerator(const ClangOptions &Opts,
                       DerivativeGenerator &Generator) {
  std::unique_ptr<CompilerInstance> CI = createCompiler(Opts);
  if (!CI)
    return false;
  GenerateAction Action(Generator);
  return CI->ExecuteAction(Action) && !CI->getDiagnostics().hasErrorOccurred();
}

//===----------------------------------------------------------------------===//
// Functions that do not compile
//===----------------------------------------------------------------------===//

namespace {

/// The first request in the main file; code that can call a derivative
/// comes after it.
SourceLocation firstRequest(const SourceManager &SM, const DeclContext *DC) {
  SourceLocation First;
  for (const Decl *D : DC->decls()) {
    SourceLocation Loc;
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
      Loc = firstRequest(SM, cast<DeclContext>(D));
    else if (const auto *VD = dyn_cast<VarDecl>(D);
             VD && requestAttr(VD) &&
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
