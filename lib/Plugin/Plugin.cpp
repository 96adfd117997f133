//===- Plugin.cpp - ddx as a Clang plugin ---------------------------------===//
//
//   clang++-19 -fplugin=<prefix>/lib/ddx/ddx-plugin.so -c foo.cpp
//
// Generates the derivatives requested in foo.cpp inside the same compile
// (through the DerivativeGenerator that `ddx gen` uses too), so later code
// in foo.cpp can call them and foo.o holds them. Options, each passed as
// -fplugin-arg-ddx-<option>:
//   output=<file>   write the translation unit `ddx gen -o` would write
//   header=<file>   write the derivatives' declarations (`ddx gen --header`)
//   report[=<file>] print the tape planner's decisions (to stderr or <file>)
//
//===----------------------------------------------------------------------===//
#include "ddx/Driver/Generator.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Sema/SemaConsumer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace clang;
using namespace ddx;

namespace {

struct PluginOptions {
  std::string Output;
  std::string Header;
  /// Empty: to stderr.
  std::optional<std::string> Report;
};

/// Owns the generator for one compile and writes the requested files once
/// the translation unit compiled without errors.
class PluginConsumer : public SemaConsumer {
public:
  PluginConsumer(CompilerInstance &CI, PluginOptions Opts, StringRef InFile)
      : CI(CI), Opts(std::move(Opts)), InFile(InFile.str()),
        Inner(Generator.attach(CI)) {}

  void InitializeSema(Sema &S) override {
    static_cast<SemaConsumer &>(*Inner).InitializeSema(S);
  }
  void ForgetSema() override {
    static_cast<SemaConsumer &>(*Inner).ForgetSema();
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Inner->HandleTranslationUnit(Ctx);
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    if (!Opts.Output.empty())
      write(Opts.Output, Generator.translationUnit(InFile));
    if (!Opts.Header.empty())
      write(Opts.Header, Generator.header(llvm::sys::path::filename(InFile)));
    if (Opts.Report) {
      if (Opts.Report->empty())
        llvm::errs() << Generator.report();
      else
        write(*Opts.Report, Generator.report());
    }
  }

private:
  void write(StringRef Path, StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (!EC) {
      OS << Text;
      OS.close();
      EC = OS.error();
    }
    if (EC) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "ddx: cannot write '%0': %1"))
          << Path << EC.message();
    }
  }

  CompilerInstance &CI;
  PluginOptions Opts;
  std::string InFile;
  DerivativeGenerator Generator;
  std::unique_ptr<ASTConsumer> Inner;
};

class DdxPluginAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    return std::make_unique<PluginConsumer>(CI, Opts, InFile);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (StringRef A : Args) {
      auto [Name, Value] = A.split('=');
      bool HasValue = A.contains('=');
      if (Name == "output" && HasValue && !Value.empty())
        Opts.Output = Value.str();
      else if (Name == "header" && HasValue && !Value.empty())
        Opts.Header = Value.str();
      else if (Name == "report" && (!HasValue || !Value.empty()))
        Opts.Report = Value.str();
      else {
        DiagnosticsEngine &D = CI.getDiagnostics();
        D.Report(D.getCustomDiagID(
            DiagnosticsEngine::Error,
            "ddx plugin: unknown or incomplete option '%0'; the options are "
            "-fplugin-arg-ddx-output=<file>, -fplugin-arg-ddx-header=<file> "
            "and -fplugin-arg-ddx-report[=<file>]"))
            << A;
        return false;
      }
    }
    return true;
  }

  // Runs alongside the compile (codegen or -fsyntax-only), not instead.
  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  PluginOptions Opts;
};

} // namespace

static FrontendPluginRegistry::Add<DdxPluginAction>
    X("ddx", "generate the derivatives requested with ddx.h's macros");
