//===- Requests.cpp - Finding derivative requests in a C++ file -----------===//
//
// A request is a namespace-scope variable that ddx.h's macros declare (and
// follow with `#pragma ddx request ddx_request_N`, see Driver/Generator.h):
//
//   [[clang::annotate("ddx.request", kind, name, wrt[, lanes])]]
//   static constexpr auto ddx_request_N = &f;
//
//===----------------------------------------------------------------------===//
#include "ddx/Frontend/Requests.h"
#include "ddx/Frontend/Diagnostics.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace ddx;
using namespace ddx::frontend;

namespace {

const Expr *stripWrappers(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<ConstantExpr>(Next))
      Next = CE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

std::optional<std::string> stringArg(const Expr *E) {
  if (const auto *SL = dyn_cast<StringLiteral>(stripWrappers(E)))
    return SL->getString().str();
  return std::nullopt;
}

} // namespace

const FunctionDecl *ddx::requestedFunction(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return nullptr;
  const Expr *E = stripWrappers(Init);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = stripWrappers(UO->getSubExpr());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

namespace {

const char *kindSuffix(RequestKind K) {
  switch (K) {
  case RequestKind::Tangent:
    return "_tangent";
  case RequestKind::Gradient:
    return "_grad";
  case RequestKind::Adjoint:
    return "_adjoint";
  case RequestKind::VectorAdjoint:
    return "_adjoint_n";
  }
  return "";
}

std::optional<RequestKind> kindNamed(llvm::StringRef S) {
  return llvm::StringSwitch<std::optional<RequestKind>>(S)
      .Case("tangent", RequestKind::Tangent)
      .Case("gradient", RequestKind::Gradient)
      .Case("adjoint", RequestKind::Adjoint)
      .Case("adjoint_n", RequestKind::VectorAdjoint)
      .Default(std::nullopt);
}

/// Integers, bools and enums never are independent inputs, nor pointers,
/// arrays and references to them: a pointer, array or reference is one
/// through the data it holds (`const double *x`, `double (&a)[3]`).
bool canBeIndependent(QualType T) {
  const Type *Ty = T.getNonReferenceType().getCanonicalType().getTypePtr();
  while (Ty->isPointerType() || Ty->isArrayType())
    Ty = Ty->getPointeeOrArrayElementType()
             ->getCanonicalTypeInternal()
             .getTypePtr();
  return !Ty->isIntegralOrEnumerationType() && !Ty->isVoidType();
}

class RequestParser {
public:
  explicit RequestParser(ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Diags(Ctx.getDiagnostics()),
        PP(Ctx.getLangOpts()) {
    PP.SuppressUnwrittenScope = true;
  }

  std::optional<DerivativeRequest> parse(const VarDecl *VD,
                                         std::string *NameOnError) {
    const AnnotateAttr *Request = requestAttr(VD);
    if (!Request)
      return std::nullopt;
    DerivativeRequest R;
    R.Range = requestRange(VD, Request);
    R.Loc = R.Range.getBegin();

    llvm::SmallVector<std::string, 3> Args;
    for (const Expr *E :
         llvm::ArrayRef<Expr *>(Request->args_begin(), Request->args_size())
             .take_front(3))
      if (std::optional<std::string> S = stringArg(E))
        Args.push_back(*S);
    if (Args.size() != 3) {
      Diags.report(R.Loc, Msg::RequestNotFunction);
      return std::nullopt;
    }
    if (NameOnError)
      *NameOnError = intendedName(VD, Args);
    if (std::optional<RequestKind> K = kindNamed(Args[0])) {
      R.Kind = *K;
    } else {
      Diags.report(R.Loc, Msg::RequestBadKind, {Args[0]});
      return std::nullopt;
    }
    if (R.Kind == RequestKind::VectorAdjoint) {
      std::optional<unsigned> Lanes = lanesArg(Request);
      if (!Lanes) {
        Diags.report(R.Loc, Msg::RequestBadLanes);
        return std::nullopt;
      }
      R.Lanes = *Lanes;
    }

    const FunctionDecl *FD = requestedFunction(VD);
    if (!FD) {
      Diags.report(R.Loc, Msg::RequestNotFunction);
      return std::nullopt;
    }
    std::string Name = qualifiedName(FD);
    R.Name = Args[1].empty()
                 ? FD->getDeclName().getAsString() + kindSuffix(R.Kind)
                 : Args[1];
    if (isa<CXXMethodDecl>(FD)) {
      Diags.unsupported(R.Loc, Construct::MemberFunction, Name);
      return std::nullopt;
    }
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->doesThisDeclarationHaveABody()) {
      Diags.report(R.Loc, Msg::RequestNoDefinition, {Name});
      return std::nullopt;
    }
    R.Function = Def;
    if (!parseWrt(Args[2], Def, Name, R))
      return std::nullopt;
    return R;
  }

private:
  /// The name the derivative would have had (the chosen one, or the
  /// function's with the kind's suffix); empty if that cannot be told.
  static std::string intendedName(const VarDecl *VD,
                                  llvm::ArrayRef<std::string> Args) {
    if (!Args[1].empty())
      return Args[1];
    const FunctionDecl *FD = requestedFunction(VD);
    std::optional<RequestKind> K = kindNamed(Args[0]);
    if (!FD || !K)
      return "";
    return FD->getDeclName().getAsString() + kindSuffix(*K);
  }

  /// The lane count: the annotation's fourth argument, an integer constant
  /// from 1 to MaxLanes.
  std::optional<unsigned> lanesArg(const AnnotateAttr *Request) {
    if (Request->args_size() != 4)
      return std::nullopt;
    const Expr *E = *(Request->args_begin() + 3);
    if (E->isValueDependent() || !E->getType()->isIntegerType())
      return std::nullopt;
    Expr::EvalResult Result;
    if (!E->EvaluateAsInt(Result, Ctx))
      return std::nullopt;
    llvm::APSInt N = Result.Val.getInt();
    if (N < 1 || N > MaxLanes)
      return std::nullopt;
    return static_cast<unsigned>(N.getExtValue());
  }
  static constexpr int MaxLanes = 64;

  std::string qualifiedName(const FunctionDecl *FD) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    FD->getNameForDiagnostic(OS, PP, /*Qualified=*/true);
    return OS.str();
  }

  bool parseWrt(llvm::StringRef List, const FunctionDecl *FD,
                const std::string &FnName, DerivativeRequest &R) {
    if (List.trim().empty())
      return true;
    llvm::SmallVector<llvm::StringRef, 4> Names;
    List.split(Names, ',');
    llvm::StringSet<> Seen;
    bool OK = true;
    for (llvm::StringRef N : Names) {
      N = N.trim();
      if (N.empty()) {
        Diags.report(R.Loc, Msg::RequestEmptyParam, {List.str()});
        return false;
      }
      const ParmVarDecl *Param = nullptr;
      for (const ParmVarDecl *P : FD->parameters())
        if (P->getName() == N)
          Param = P;
      if (!Param) {
        Diags.report(R.Loc, Msg::RequestUnknownParam,
                     {N.str(), FnName, parameterList(FD)});
        OK = false;
      } else if (!canBeIndependent(Param->getType())) {
        Diags.report(R.Loc, Msg::RequestNonFloatParam,
                     {N.str(), Param->getType().getAsString(PP)});
        OK = false;
      } else if (!Seen.insert(N).second) {
        Diags.report(R.Loc, Msg::RequestDuplicateParam, {N.str()});
        OK = false;
      } else {
        R.Wrt.push_back(N.str());
      }
    }
    return OK;
  }

  static std::string parameterList(const FunctionDecl *FD) {
    std::string S;
    for (const ParmVarDecl *P : FD->parameters()) {
      if (P->getName().empty())
        continue;
      if (!S.empty())
        S += ", ";
      S += P->getName();
    }
    return S.empty() ? "(none)" : S;
  }

  /// The request's text in the main file: the macro invocation (or, when
  /// written out by hand, the declaration from its `[[`), through the `;`.
  CharSourceRange requestRange(const VarDecl *VD, const AnnotateAttr *A) {
    const LangOptions &LO = Ctx.getLangOpts();
    CharSourceRange Exp = SM.getExpansionRange(VD->getSourceRange());
    SourceLocation Begin = Exp.getBegin();
    SourceLocation End = Exp.getEnd();
    if (Exp.isTokenRange())
      End = Lexer::getLocForEndOfToken(End, 0, SM, LO);
    if (!VD->getBeginLoc().isMacroID())
      Begin = attributeStart(SM.getExpansionLoc(A->getLocation()), Begin);

    // Extend over whitespace and the `;` that ends the declaration.
    bool Invalid = false;
    const char *P = SM.getCharacterData(End, &Invalid);
    if (!Invalid) {
      unsigned N = 0;
      while (P[N] == ' ' || P[N] == '\t' || P[N] == '\n' || P[N] == '\r')
        ++N;
      if (P[N] == ';')
        End = End.getLocWithOffset(N + 1);
    }
    return CharSourceRange::getCharRange(Begin, End);
  }

  /// For a hand-written request: the `[[` before the attribute at AttrLoc,
  /// if it comes before Begin.
  SourceLocation attributeStart(SourceLocation AttrLoc, SourceLocation Begin) {
    if (!SM.isBeforeInTranslationUnit(AttrLoc, Begin))
      return Begin;
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(AttrLoc), &Invalid);
    if (Invalid)
      return Begin;
    unsigned Offset = SM.getFileOffset(AttrLoc);
    size_t Open = Buffer.substr(0, Offset).rfind("[[");
    if (Open == llvm::StringRef::npos)
      return Begin;
    return AttrLoc.getLocWithOffset(-static_cast<int>(Offset - Open));
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  Reporter Diags;
  PrintingPolicy PP;
};

} // namespace

const AnnotateAttr *ddx::requestAttr(const VarDecl *VD) {
  for (const auto *A : VD->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "ddx.request")
      return A;
  return nullptr;
}

std::optional<DerivativeRequest> ddx::parseRequest(ASTContext &Ctx,
                                                   const VarDecl *VD,
                                                   std::string *NameOnError) {
  return RequestParser(Ctx).parse(VD, NameOnError);
}
