//===- ddx.cpp - The ddx command line -------------------------------------===//
//
//   ddx ir  <file.cpp> [--function=<name>]... [--print-locs] [-- <flags>]
//   ddx gen <file.cpp> [-o <out.cpp>] [--header <out.h>] [--depfile <out.d>]
//           [--report[=<file>]] [-- <flags>]
//
// Subcommands are parsed by hand: each has a few options, and everything
// after `--` goes to Clang untouched.
//
//===----------------------------------------------------------------------===//
#include "ddx/Driver/ClangDriver.h"
#include "ddx/Driver/Generator.h"
#include "ddx/IR/Printer.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

using namespace llvm;
using namespace ddx;

namespace {

const char *const MainHelp =
    R"(OVERVIEW: ddx, source-to-source automatic differentiation for C++

USAGE: ddx <command> [options] <file.cpp> [-- <compile flags>]

COMMANDS:
  gen    Write <file.cpp> with each derivative request (DDX_TANGENT, ...)
         replaced by the derivative's definition
  ir     Lower the functions of <file.cpp> to ddx IR and print it

Run 'ddx <command> --help' for the options of a command. Flags after '--'
go to Clang (include paths, -D, -std=...); the default standard is C++17.
)";

const char *const IrHelp =
    R"(OVERVIEW: lower the functions of a C++ file to ddx IR and print it

USAGE: ddx ir <file.cpp> [options] [-- <compile flags>]

OPTIONS:
  --function=<name>  Lower only this function and its callees; may be
                     repeated. Matches the unqualified or qualified name.
  --print-locs       Print each operation's source position (loc(line:col))
  -h, --help         Show this help
)";

const char *const GenHelp =
    R"(OVERVIEW: generate the requested derivatives of a C++ file

USAGE: ddx gen <file.cpp> [-o <out.cpp>] [--header <out.h>]
               [--depfile <out.d>] [--report[=<file>]] [-- <compile flags>]

Writes <file.cpp> with each request replaced by the derivative's definition,
as C++ that any C++17 compiler builds in <file.cpp>'s place: exactly what
clang++ compiles with ddx-plugin.so. On any error nothing is written.

OPTIONS:
  -o <file>    Write the output to <file> ('-': stdout; the default unless
               --header is given)
  --header <file>
               Write the declarations of the requested derivatives to
               <file>, for other translation units to include
  --depfile <file>
               Write a Makefile-style dependency file: the output (or the
               header) depends on <file.cpp> and every header it includes
  --report[=<file>]
               Print the tape planner's decisions for every gradient and
               adjoint: per loop, its tape (array or stack) and bytes per
               iteration; per value the reverse sweep reads, keep,
               recompute or tape. To stderr, or to <file>.
  -h, --help   Show this help
)";

int usageError(StringRef Command, const Twine &Msg) {
  WithColor::error(errs(), Command) << Msg << "\n";
  errs() << "Run '" << Command << " --help' for usage.\n";
  return 1;
}

struct CommandLine {
  std::string Input;
  std::vector<std::string> ClangArgs;
  std::vector<std::string> Functions;
  std::optional<std::string> Output;
  std::optional<std::string> Header;
  std::string DepFile;
  std::optional<std::string> Report;
  bool PrintLocs = false;
  bool Help = false;
};

/// Parses the arguments of `ddx <Command>`; nullopt after reporting an error.
std::optional<CommandLine> parseCommand(StringRef Command,
                                        ArrayRef<const char *> Args) {
  std::string Prog = ("ddx " + Command).str();
  bool IsIr = Command == "ir";
  CommandLine CL;
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--") {
      CL.ClangArgs.assign(Args.begin() + I + 1, Args.end());
      break;
    }
    auto Value = [&](StringRef Flag) -> std::optional<std::string> {
      if (A.consume_front(Flag)) {
        if (A.consume_front("="))
          return A.str();
        if (A.empty() && I + 1 < Args.size())
          return std::string(Args[++I]);
      }
      return std::nullopt;
    };
    if (A == "-h" || A == "--help" || A == "-help") {
      CL.Help = true;
    } else if (IsIr && A == "--print-locs") {
      CL.PrintLocs = true;
    } else if (IsIr && A.starts_with("--function")) {
      std::optional<std::string> V = Value("--function");
      if (!V || V->empty()) {
        usageError(Prog, "'--function' needs a function name");
        return std::nullopt;
      }
      CL.Functions.push_back(*V);
    } else if (!IsIr && (A == "--report" || A.starts_with("--report="))) {
      CL.Report = A.consume_front("--report=") ? A.str() : std::string();
    } else if (!IsIr && A.starts_with("-o")) {
      if (A.size() > 2 && A[2] != '=') {
        CL.Output = A.drop_front(2).str();
      } else if (std::optional<std::string> V = Value("-o"); V && !V->empty()) {
        CL.Output = *V;
      } else {
        usageError(Prog, "'-o' needs a file name");
        return std::nullopt;
      }
    } else if (!IsIr && (A == "--header" || A.starts_with("--header=") ||
                         A == "--depfile" || A.starts_with("--depfile="))) {
      StringRef Flag = A.starts_with("--header") ? "--header" : "--depfile";
      std::optional<std::string> V = Value(Flag);
      if (!V || V->empty()) {
        usageError(Prog, "'" + Flag + "' needs a file name");
        return std::nullopt;
      }
      if (Flag == "--header")
        CL.Header = *V;
      else
        CL.DepFile = *V;
    } else if (A.starts_with("-") && A != "-") {
      usageError(Prog, "unknown option '" + A + "'");
      return std::nullopt;
    } else if (!CL.Input.empty()) {
      usageError(Prog, "more than one input file ('" + CL.Input + "' and '" +
                           A + "')");
      return std::nullopt;
    } else {
      CL.Input = A.str();
    }
  }
  if (CL.Help)
    return CL;
  if (!IsIr && !CL.Output && !CL.Header)
    CL.Output = "-";
  if (CL.Input.empty()) {
    usageError(Prog, "no input file");
    return std::nullopt;
  }
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(CL.Input, Status)) {
    WithColor::error(errs(), Prog)
        << "cannot open '" << CL.Input << "': " << EC.message() << "\n";
    return std::nullopt;
  }
  if (!sys::fs::is_regular_file(Status)) {
    WithColor::error(errs(), Prog)
        << "'" << CL.Input << "' is not a regular file\n";
    return std::nullopt;
  }
  return CL;
}

int runIr(const CommandLine &CL) {
  ir::Module M;
  std::vector<std::string> Unmatched;
  bool OK = runOnAST({CL.Input, CL.ClangArgs, std::nullopt, "", ""},
                     [&](ParsedInput &In) {
                       lowerMainFileFunctions(In, CL.Functions, M, Unmatched);
                     })
                .Success;
  for (const std::string &Name : Unmatched)
    WithColor::error(errs(), "ddx ir")
        << "no function named '" << Name << "' is defined in '" << CL.Input
        << "'\n";
  if (!OK || !Unmatched.empty())
    return 1;
  ir::PrintOptions Opts;
  Opts.PrintLocations = CL.PrintLocs;
  ir::print(M, outs(), Opts);
  return 0;
}

/// Writes Text to Path ('-': stdout), replacing the file atomically.
bool writeFile(StringRef Path, StringRef Text) {
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        OS << Text;
        return Error::success();
      })) {
    WithColor::error(errs(), "ddx gen")
        << "cannot write '" << Path << "': " << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

int runGen(const CommandLine &CL) {
  ClangOptions Opts{CL.Input, CL.ClangArgs, std::nullopt, "", ""};
  if (!CL.DepFile.empty()) {
    Opts.DepFile = CL.DepFile;
    Opts.DepTarget = CL.Output && *CL.Output != "-" ? *CL.Output : *CL.Header;
  }
  DerivativeGenerator Generator;
  if (!runGenerator(Opts, Generator))
    return 1;
  // Written only now that everything succeeded.
  if (CL.Output && !writeFile(*CL.Output, Generator.translationUnit(CL.Input)))
    return 1;
  if (CL.Header &&
      !writeFile(*CL.Header, Generator.header(sys::path::filename(CL.Input))))
    return 1;
  if (CL.Report) {
    if (CL.Report->empty())
      errs() << Generator.report();
    else if (!writeFile(*CL.Report, Generator.report()))
      return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  ArrayRef<const char *> Args(argv + 1, argv + argc);
  if (Args.empty()) {
    errs() << MainHelp;
    return 1;
  }
  StringRef Command = Args.front();
  if (Command == "-h" || Command == "--help" || Command == "-help" ||
      Command == "help") {
    outs() << MainHelp;
    return 0;
  }
  if (Command == "--version") {
    outs() << "ddx version 0.1.0\n";
    return 0;
  }
  if (Command != "ir" && Command != "gen")
    return usageError("ddx", Command.starts_with("-")
                                 ? "unknown option '" + Command + "'"
                                 : "unknown command '" + Command + "'");

  std::optional<CommandLine> CL = parseCommand(Command, Args.drop_front());
  if (!CL)
    return 1;
  if (CL->Help) {
    outs() << (Command == "ir" ? IrHelp : GenHelp);
    return 0;
  }
  return Command == "ir" ? runIr(*CL) : runGen(*CL);
}
