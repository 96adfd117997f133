//===- ClangDriver.cpp - Running Clang and the ddx commands ---------------===//
#include "ddx/Driver/ClangDriver.h"
#include "ddx/Driver/FormatSource.h"
#include "ddx/Driver/Pipeline.h"
#include "ddx/Frontend/Diagnostics.h"
#include "ddx/Frontend/Lowering.h"
#include "ddx/Frontend/Requests.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace ddx;

//===----------------------------------------------------------------------===//
// Running Clang
//===----------------------------------------------------------------------===//

namespace {

class CallbackConsumer : public ASTConsumer {
public:
  explicit CallbackConsumer(llvm::function_ref<void(ASTContext &)> OnAST)
      : OnAST(OnAST) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!Ctx.getDiagnostics().hasErrorOccurred())
      OnAST(Ctx);
  }

private:
  llvm::function_ref<void(ASTContext &)> OnAST;
};

class CallbackAction : public ASTFrontendAction {
public:
  explicit CallbackAction(llvm::function_ref<void(ASTContext &)> OnAST)
      : OnAST(OnAST) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<CallbackConsumer>(OnAST);
  }

private:
  llvm::function_ref<void(ASTContext &)> OnAST;
};

bool choosesStandard(llvm::ArrayRef<std::string> Args) {
  return llvm::any_of(Args, [](llvm::StringRef A) {
    return A.starts_with("-std=") || A.starts_with("--std=") ||
           A == "-std" || A == "--std";
  });
}

} // namespace

bool ddx::runOnAST(const ClangOptions &Opts,
                   llvm::function_ref<void(ASTContext &)> OnAST) {
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
    return false;

  CompilerInstance CI;
  CI.setInvocation(std::move(Invocation));
  CI.createDiagnostics();
  if (!CI.hasDiagnostics())
    return false;
  CallbackAction Action(OnAST);
  bool OK = CI.ExecuteAction(Action);
  return OK && !CI.getDiagnostics().hasErrorOccurred();
}

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

void ddx::lowerMainFileFunctions(ASTContext &Ctx,
                                 llvm::ArrayRef<std::string> Only,
                                 ir::Module &M,
                                 std::vector<std::string> &Unmatched) {
  DefinitionFinder Finder(Ctx.getSourceManager());
  Finder.visit(Ctx.getTranslationUnitDecl());
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressUnwrittenScope = true;

  ModuleLowering Lowering(Ctx, M);
  std::vector<bool> Used(Only.size());
  for (const FunctionDecl *FD : Finder.Found) {
    bool Wanted = Only.empty();
    for (size_t I = 0; I != Only.size(); ++I)
      if (nameMatches(FD, Only[I], PP))
        Wanted = Used[I] = true;
    if (Wanted)
      Lowering.lower(FD);
  }
  for (size_t I = 0; I != Only.size(); ++I)
    if (!Used[I])
      Unmatched.push_back(Only[I]);
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

std::optional<std::string> ddx::generateDerivatives(ASTContext &Ctx,
                                                    llvm::StringRef LinePath) {
  SourceManager &SM = Ctx.getSourceManager();
  frontend::Reporter Diags(Ctx.getDiagnostics());
  std::vector<DerivativeRequest> Requests = collectRequests(Ctx);

  ir::Module M;
  ModuleLowering Lowering(Ctx, M);
  EmissionState State;
  std::vector<Replacement> Replacements;
  for (const DerivativeRequest &R : Requests) {
    ir::Function *F = Lowering.lower(R.Function, R.Loc);
    if (!F)
      continue;
    DerivativeSpec Spec;
    Spec.Kind = R.Kind;
    Spec.Function = F->getName();
    Spec.Name = R.Name;
    for (const std::string &Wrt : R.Wrt)
      for (unsigned I = 0; I != R.Function->getNumParams(); ++I)
        if (R.Function->getParamDecl(I)->getName() == Wrt)
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
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return std::nullopt;

  llvm::StringRef Input = SM.getBufferData(SM.getMainFileID());
  std::string Out;
  size_t Pos = 0;
  for (const Replacement &R : Replacements) {
    if (R.Begin < Pos)
      continue; // Overlapping requests cannot come from valid code.
    Out += Input.slice(Pos, R.Begin);
    // The definition starts on a line of its own.
    if (!Out.empty() && Out.back() != '\n')
      Out += '\n';
    Out += R.Text;
    Out += lineDirective(R.EndLine, LinePath);
    Pos = R.End;
  }
  Out += Input.substr(Pos);
  return Out;
}
