//===- Generator.cpp - Generating derivatives inside a Clang compile ------===//
#include "ddx/Driver/Generator.h"
#include "BrokenCode.h"
#include "ddx/Driver/FormatSource.h"
#include "ddx/Driver/Pipeline.h"
#include "ddx/Frontend/Diagnostics.h"
#include "ddx/Frontend/Lowering.h"
#include "ddx/Frontend/Requests.h"
#include "ddx/IR/Diagnostic.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace ddx;

namespace {

/// Where a request's definitions go in the main file.
struct Replacement {
  unsigned Begin, End;
  std::string Text;
  /// The line the request ends on: the text after it keeps that number.
  unsigned EndLine;
};

/// A requested derivative's declaration and the namespaces around it.
struct Declaration {
  std::vector<std::string> Namespaces;
  std::string Text;
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

/// Opening lines of the namespaces enclosing DC, outermost first (`inline`
/// kept, since a header must reopen an inline namespace as inline).
/// False if one of them is anonymous: nothing there is visible to other
/// translation units.
bool enclosingNamespaces(const DeclContext *DC, std::vector<std::string> &Out) {
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS)
      continue; // extern "C++" { } and the like.
    if (NS->isAnonymousNamespace())
      return false;
    Out.insert(Out.begin(), std::string(NS->isInline() ? "inline " : "") +
                                "namespace " + NS->getName().str());
  }
  return true;
}

/// Instantiates the function templates FD calls (and FD itself) that Sema
/// has only declared so far: Clang defers that to the end of the
/// translation unit, but ddx needs their bodies at the request.
void instantiateDefinitions(Sema &S, const FunctionDecl *FD, SourceLocation Loc,
                            llvm::DenseSet<const FunctionDecl *> &Seen) {
  if (!Seen.insert(FD->getCanonicalDecl()).second)
    return;
  if (!FD->isDefined() && FD->isImplicitlyInstantiable())
    S.InstantiateFunctionDefinition(Loc, const_cast<FunctionDecl *>(FD));
  if (const FunctionDecl *Def = FD->getDefinition())
    forEachCallee(Def->getBody(), [&](const FunctionDecl *Callee) {
      instantiateDefinitions(S, Callee, Loc, Seen);
    });
}

} // namespace

struct DerivativeGenerator::Impl {
  Sema *S = nullptr;
  ir::Module M;
  std::unique_ptr<ModuleLowering> Lowering;
  EmissionState State;
  std::vector<Replacement> Replacements;
  std::vector<Declaration> Declarations;
  /// Requests a pragma announced (processed or reported).
  llvm::DenseSet<const VarDecl *> Seen;
  /// Derivatives whose generation failed (ddx said why at the request).
  llvm::StringSet<> Failed;
  std::string MainText;

  void onPragma(Preprocessor &PP, const Token &Id, SourceLocation PragmaLoc);
  std::optional<std::string> generate(const VarDecl *VD);
  void reportFailure(ASTContext &Ctx, const DerivativeRequest &R,
                     llvm::Error E);
  void enterDefinitions(Preprocessor &PP, llvm::StringRef Text,
                        llvm::StringRef Name, SourceLocation At);
  void finish(ASTContext &Ctx);
  void reportUnannounced(ASTContext &Ctx, const DeclContext *DC);
};

namespace {

/// `#pragma ddx request <id>`, which ddx.h's request macros write after the
/// request's declaration.
class RequestPragmaHandler : public PragmaHandler {
public:
  explicit RequestPragmaHandler(DerivativeGenerator::Impl &G)
      : PragmaHandler("request"), G(G) {}

  void HandlePragma(Preprocessor &PP, PragmaIntroducer Introducer,
                    Token &) override {
    Token Id;
    PP.LexUnexpandedToken(Id);
    Token Tok = Id;
    while (Tok.isNot(tok::eod))
      PP.LexUnexpandedToken(Tok);
    G.onPragma(PP, Id, Introducer.Loc);
  }

private:
  DerivativeGenerator::Impl &G;
};

/// Drops the errors Clang reports where code uses a derivative whose
/// generation failed: ddx has said why at the request, and "use of undeclared
/// identifier 'f_grad'" would only bury that.
class FollowOnFilter : public DiagnosticConsumer {
public:
  FollowOnFilter(DiagnosticsEngine &Engine, const llvm::StringSet<> &Failed)
      : Failed(Failed) {
    bool Owned = Engine.ownsClient();
    Inner = Engine.getClient();
    if (Owned)
      OwnedInner = Engine.takeClient();
  }

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Inner->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Inner->EndSourceFile(); }
  void finish() override { Inner->finish(); }
  bool IncludeInDiagnosticCounts() const override {
    return Inner->IncludeInDiagnosticCounts();
  }

  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    if (L == DiagnosticsEngine::Note ? DroppedLast : isFollowOn(Info)) {
      DroppedLast = true;
      return;
    }
    DroppedLast = false;
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    Inner->HandleDiagnostic(L, Info);
  }

private:
  bool isFollowOn(const Diagnostic &Info) const {
    unsigned ID = Info.getID();
    if (Failed.empty() ||
        (ID != diag::err_undeclared_var_use &&
         ID != diag::err_undeclared_var_use_suggest &&
         ID != diag::err_undeclared_use_suggest && ID != diag::err_no_member &&
         ID != diag::err_no_member_suggest))
      return false;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    return llvm::any_of(Failed, [&](const auto &Entry) {
      return llvm::StringRef(Text).contains("'" + Entry.getKey().str() + "'");
    });
  }

  const llvm::StringSet<> &Failed;
  DiagnosticConsumer *Inner;
  std::unique_ptr<DiagnosticConsumer> OwnedInner;
  bool DroppedLast = false;
};

class GeneratorConsumer : public SemaConsumer {
public:
  explicit GeneratorConsumer(DerivativeGenerator::Impl &G) : G(G) {}
  void InitializeSema(Sema &S) override { G.S = &S; }
  void ForgetSema() override { G.S = nullptr; }
  void HandleTranslationUnit(ASTContext &Ctx) override { G.finish(Ctx); }

private:
  DerivativeGenerator::Impl &G;
};

} // namespace

void DerivativeGenerator::Impl::onPragma(Preprocessor &PP, const Token &Id,
                                         SourceLocation PragmaLoc) {
  SourceManager &SM = PP.getSourceManager();
  frontend::Reporter Diags(PP.getDiagnostics());
  SourceLocation Loc = SM.getExpansionLoc(PragmaLoc);
  if (!S)
    return; // Preprocessing only: there is nothing to differentiate.
  if (Id.isNot(tok::identifier)) {
    Diags.report(Loc, frontend::Msg::RequestPragmaMalformed);
    return;
  }
  if (!S->CurContext->getRedeclContext()->isFileContext()) {
    Diags.report(Loc, frontend::Msg::RequestNotAtNamespaceScope);
    return;
  }
  LookupResult R(*S, Id.getIdentifierInfo(), Loc, Sema::LookupOrdinaryName);
  S->LookupName(R, S->getCurScope());
  const auto *VD = R.getAsSingle<VarDecl>();
  // Clang drops a request's annotation it rejected (a lane count that is
  // not a constant, say), and has said why.
  if (VD && !requestAttr(VD) && VD->getName().starts_with("ddx_request_") &&
      PP.getDiagnostics().hasErrorOccurred())
    return;
  if (!VD || !requestAttr(VD)) {
    Diags.report(Loc, frontend::Msg::RequestPragmaMalformed);
    return;
  }
  Seen.insert(VD);
  if (!SM.isInMainFile(Loc)) {
    Diags.report(Loc, frontend::Msg::RequestNotInMainFile);
    return;
  }
  if (std::optional<std::string> Text = generate(VD))
    enterDefinitions(PP, *Text, Id.getIdentifierInfo()->getName(), Loc);
}

std::optional<std::string>
DerivativeGenerator::Impl::generate(const VarDecl *VD) {
  ASTContext &Ctx = S->getASTContext();
  SourceManager &SM = Ctx.getSourceManager();
  if (const FunctionDecl *FD = requestedFunction(VD)) {
    llvm::DenseSet<const FunctionDecl *> Instantiated;
    instantiateDefinitions(*S, FD, SM.getExpansionLoc(VD->getBeginLoc()),
                           Instantiated);
  }
  // Uses of a derivative that is not built are not errors of their own:
  // ddx or Clang has said why at the request (FollowOnFilter).
  std::string Intended;
  std::optional<DerivativeRequest> R = parseRequest(Ctx, VD, &Intended);
  if (!R) {
    if (!Intended.empty())
      Failed.insert(Intended);
    return std::nullopt;
  }
  // Clang has reported the errors in a function that does not compile.
  if (findBroken(R->Function)) {
    Failed.insert(R->Name);
    return std::nullopt;
  }
  if (!Lowering)
    Lowering = std::make_unique<ModuleLowering>(Ctx, M);
  ir::Function *F = Lowering->lower(R->Function, R->Loc);
  if (!F) {
    Failed.insert(R->Name);
    return std::nullopt;
  }

  DerivativeSpec Spec;
  Spec.Kind = R->Kind;
  Spec.Lanes = R->Lanes;
  Spec.Function = F->getName();
  Spec.Name = R->Name;
  // In parameter order, however the request lists them: derivative
  // parameters follow the primal parameters' order.
  for (unsigned I = 0; I != R->Function->getNumParams(); ++I)
    if (llvm::is_contained(R->Wrt, R->Function->getParamDecl(I)->getName()))
      Spec.WrtParams.push_back(I);
  llvm::Expected<GeneratedDerivative> Generated =
      generateDerivative(M, Spec, State);
  if (!Generated) {
    Failed.insert(R->Name);
    reportFailure(Ctx, *R, Generated.takeError());
    return std::nullopt;
  }

  std::string Text = formatGeneratedSource(Generated->Definitions);
  if (!Text.empty() && Text.back() != '\n')
    Text += '\n';
  SourceLocation End = R->Range.getEnd();
  Replacements.push_back({SM.getFileOffset(R->Range.getBegin()),
                          SM.getFileOffset(End), Text,
                          SM.getSpellingLineNumber(End)});
  Declaration D;
  if (enclosingNamespaces(VD->getDeclContext(), D.Namespaces))
    D.Text = Generated->Declaration.empty()
                 ? "// " + Spec.Name +
                       " is internal: an earlier request built it as a "
                       "helper. Request it first to declare it here.\n"
                 : Generated->Declaration;
  else
    D.Text = "// " + Spec.Name + " is in an anonymous namespace.\n";
  Declarations.push_back(std::move(D));
  return Text;
}

/// Why a derivative could not be built: at the construct that caused it when
/// the transform says where that is, else at the request.
void DerivativeGenerator::Impl::reportFailure(ASTContext &Ctx,
                                              const DerivativeRequest &R,
                                              llvm::Error E) {
  SourceManager &SM = Ctx.getSourceManager();
  frontend::Reporter Diags(Ctx.getDiagnostics());
  llvm::handleAllErrors(
      std::move(E),
      [&](const ir::LocatedError &LE) {
        const FunctionDecl *FD = Lowering->declFor(LE.function());
        SourceLocation At;
        if (LE.location().Origin)
          At = SourceLocation::getFromRawEncoding(LE.location().Origin);
        else if (FD && LE.location().isKnown())
          At = SM.translateLineCol(
              SM.getFileID(SM.getExpansionLoc(FD->getLocation())),
              LE.location().Line, LE.location().Col);
        if (At.isInvalid()) {
          Diags.report(R.Loc, frontend::Msg::GenerateFailed,
                       {R.Name, LE.text()});
          return;
        }
        Diags.report(At, frontend::Msg::GenerateFailed, {R.Name, LE.text()});
        Diags.report(R.Loc, frontend::Msg::NoteRequestedHere,
                     {R.Function->getQualifiedNameAsString()});
      },
      [&](const llvm::ErrorInfoBase &EI) {
        Diags.report(R.Loc, frontend::Msg::GenerateFailed,
                     {R.Name, EI.message()});
      });
}

void DerivativeGenerator::Impl::enterDefinitions(Preprocessor &PP,
                                                 llvm::StringRef Text,
                                                 llvm::StringRef Name,
                                                 SourceLocation At) {
  SourceManager &SM = PP.getSourceManager();
  // Diagnostics inside it read "in file included from <the request>".
  FileID FID = SM.createFileID(
      llvm::MemoryBuffer::getMemBufferCopy(Text, "<ddx: " + Name.str() + ">"),
      SrcMgr::C_User, 0, 0, At);
  PP.EnterSourceFile(FID, nullptr, At);
}

void DerivativeGenerator::Impl::finish(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  MainText = SM.getBufferData(SM.getMainFileID()).str();
  reportUnannounced(Ctx, Ctx.getTranslationUnitDecl());
}

/// A request written without ddx.h's macros has no pragma after it, so
/// nothing was generated for it: say so rather than leave calls of the
/// derivative to fail.
void DerivativeGenerator::Impl::reportUnannounced(ASTContext &Ctx,
                                                  const DeclContext *DC) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : DC->decls()) {
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
      reportUnannounced(Ctx, cast<DeclContext>(D));
      continue;
    }
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !requestAttr(VD) || Seen.contains(VD) ||
        !SM.isInMainFile(SM.getExpansionLoc(VD->getLocation())))
      continue;
    // Malformed requests get their own diagnostic.
    if (std::optional<DerivativeRequest> R = parseRequest(Ctx, VD))
      frontend::Reporter(Ctx.getDiagnostics())
          .report(R->Loc, frontend::Msg::RequestWithoutPragma);
  }
}

DerivativeGenerator::DerivativeGenerator() : P(std::make_unique<Impl>()) {}
DerivativeGenerator::~DerivativeGenerator() = default;

std::unique_ptr<ASTConsumer> DerivativeGenerator::attach(CompilerInstance &CI) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  auto *Filter = new FollowOnFilter(Diags, P->Failed);
  Diags.setClient(Filter, /*ShouldOwnClient=*/true);
  Preprocessor &PP = CI.getPreprocessor();
  PP.setPredefines(PP.getPredefines() + "#define " + GeneratingMacro + " 1\n");
  PP.AddPragmaHandler("ddx", new RequestPragmaHandler(*P));
  return std::make_unique<GeneratorConsumer>(*P);
}

std::string
DerivativeGenerator::translationUnit(llvm::StringRef LinePath) const {
  llvm::StringRef Text = P->MainText;
  std::string Out;
  size_t Pos = 0;
  for (const Replacement &R : P->Replacements) {
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

std::string DerivativeGenerator::header(llvm::StringRef SourceName) const {
  std::string Out = "// Declarations of the derivatives ddx generates for " +
                    SourceName.str() +
                    ".\n// Generated by ddx; do not edit.\n#pragma once\n\n"
                    "#include <ddx/ddx.h>\n";
  for (const Declaration &D : P->Declarations) {
    Out += "\n";
    for (const std::string &NS : D.Namespaces)
      Out += NS + " {\n";
    Out += D.Text;
    for (const std::string &NS : llvm::reverse(D.Namespaces))
      Out += "} // namespace " + llvm::StringRef(NS).rsplit(' ').second.str() +
             "\n";
  }
  return formatGeneratedSource(Out);
}

const std::string &DerivativeGenerator::report() const {
  return P->State.Report;
}
