//===- ddx-opt.cpp - Run ddx passes on textual IR -------------------------===//
//
// Like LLVM's opt: reads textual IR, verifies it, runs the passes named on the
// command line in order (verifying after each), and prints the result.
//
//===----------------------------------------------------------------------===//
#include "ddx/Analysis/Activity.h"
#include "ddx/Emit/CppEmitter.h"
#include "ddx/IR/Parser.h"
#include "ddx/IR/Printer.h"
#include "ddx/IR/Verifier.h"
#include "ddx/Transforms/Adjoint.h"
#include "ddx/Transforms/Inline.h"
#include "ddx/Transforms/PointerInduction.h"
#include "ddx/Transforms/Simplify.h"
#include "ddx/Transforms/Tangent.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace ddx;

static cl::OptionCategory Category("ddx-opt options");
static cl::opt<std::string> InputFile(cl::Positional, cl::desc("<input .ir>"),
                                      cl::init("-"), cl::cat(Category));
static cl::opt<bool> PrintLocs("print-locs",
                               cl::desc("Print operation source locations"),
                               cl::cat(Category));
static cl::opt<bool> VerifyOnly("verify-only",
                                cl::desc("Parse and verify; print nothing"),
                                cl::cat(Category));

static cl::opt<std::string>
    Tangent("tangent", cl::desc("Build the tangent of function <name>"),
            cl::value_desc("name"), cl::cat(Category));
static cl::opt<std::string>
    TangentName("tangent-name",
                cl::desc("Name of the tangent (default <name>_tangent)"),
                cl::cat(Category));
static cl::opt<std::string>
    Adjoint("adjoint", cl::desc("Build the adjoint of function <name>"),
            cl::value_desc("name"), cl::cat(Category));
static cl::opt<std::string>
    Gradient("gradient", cl::desc("Build the gradient of function <name>"),
             cl::value_desc("name"), cl::cat(Category));
static cl::opt<unsigned>
    Lanes("lanes",
          cl::desc("With --adjoint: the vector adjoint, <n> seeds at once"),
          cl::value_desc("n"), cl::init(0), cl::cat(Category));
static cl::opt<std::string> InlineForReverse(
    "inline-for-reverse",
    cl::desc("Add <name>_inlined: function <name> with the calls reverse "
             "mode inlines (writable memory, arrays declared in a loop or "
             "branch) inlined"),
    cl::value_desc("name"), cl::cat(Category));
static cl::opt<bool> PointerInductions(
    "pointer-inductions",
    cl::desc("Rewrite pointers that loops advance by fixed steps as offsets "
             "from their start (every function)"),
    cl::cat(Category));
static cl::opt<bool> PrintTapePlan(
    "print-tape-plan",
    cl::desc("With --adjoint/--gradient: print the tape plan, not the IR"),
    cl::cat(Category));
static cl::list<std::string>
    Wrt("wrt", cl::CommaSeparated,
        cl::desc("Independent parameters, by name (default: every floating "
                 "one)"),
        cl::cat(Category));
static cl::opt<bool> Simplify("simplify",
                              cl::desc("Fold, CSE and remove dead code in "
                                       "every function"),
                              cl::cat(Category));
static cl::opt<std::string> PrintActivity(
    "print-activity",
    cl::desc("Print which values of function <name> are active (with --wrt)"),
    cl::value_desc("name"), cl::cat(Category));
static cl::opt<bool> EmitCpp("emit-cpp",
                             cl::desc("Print C++ instead of IR"),
                             cl::cat(Category));

static int fail(const Twine &Msg) {
  WithColor::error(errs(), "ddx-opt") << Msg << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(argc, argv, "ddx IR optimizer and pass runner\n");

  auto Buffer = MemoryBuffer::getFileOrSTDIN(InputFile);
  if (!Buffer)
    return fail("cannot read '" + InputFile + "': " +
                Buffer.getError().message());
  StringRef Name = InputFile == "-" ? "<stdin>" : StringRef(InputFile);
  auto M = ir::parseModule((*Buffer)->getBuffer(), Name);
  if (!M) {
    // Parse errors already read `file:line:col: error: ...`.
    errs() << toString(M.takeError()) << "\n";
    return 1;
  }
  if (Error E = ir::verify(**M))
    return fail(toString(std::move(E)));

  auto WrtIndices = [&](const ir::Function &F) -> Expected<std::vector<unsigned>> {
    std::vector<unsigned> Indices;
    for (const std::string &Name : Wrt) {
      unsigned I = 0;
      while (I != F.getNumParams() && F.getParam(I)->getName() != Name)
        ++I;
      if (I == F.getNumParams())
        return createStringError("function @" + F.getName() +
                                 " has no parameter %" + Name);
      Indices.push_back(I);
    }
    return Indices;
  };

  if (PointerInductions) {
    for (const auto &F : (*M)->getFunctions())
      rewritePointerInductions(*F);
    if (Error E = ir::verify(**M))
      return fail("after pointer-inductions: " + toString(std::move(E)));
  }

  if (!InlineForReverse.empty()) {
    ir::Function *F = (*M)->lookup(InlineForReverse);
    if (!F)
      return fail("no function @" + InlineForReverse);
    bool Inlined = false;
    std::unique_ptr<ir::Function> Copy =
        inlineCalls(**M, *F, inlinedInReverse, &Inlined);
    if (!Inlined)
      return fail("@" + InlineForReverse + " has no call to inline");
    Copy->setName(InlineForReverse + "_inlined");
    (*M)->addFunction(std::move(Copy));
    if (Error E = ir::verify(**M))
      return fail("after inlining: " + toString(std::move(E)));
  }

  if (!PrintActivity.empty()) {
    ir::Function *F = (*M)->lookup(PrintActivity);
    if (!F)
      return fail("no function @" + PrintActivity);
    auto Indices = WrtIndices(*F);
    if (!Indices)
      return fail(toString(Indices.takeError()));
    if (Indices->empty())
      for (unsigned I : ActivityAnalysis::floatingParams(*F))
        Indices->push_back(I);
    ActivityAnalysis AA(*F, *Indices);
    // Print the function with each active value's name listed after it, so
    // tests read activity next to the IR.
    ir::print(*F, outs());
    outs() << "active:";
    auto Report = [&](ir::Value *V) {
      if (AA.isActive(V))
        outs() << " %" << (V->getName().empty() ? "<unnamed>" : V->getName());
    };
    for (ir::Value *P : F->getBody().getArguments())
      Report(P);
    ir::walk(F->getBody(), [&](ir::Operation *Op) {
      for (unsigned R = 0; R != Op->getNumRegions(); ++R)
        for (ir::Value *A : Op->getRegion(R).getArguments())
          Report(A);
      for (ir::Value *V : Op->getResults())
        Report(V);
    });
    outs() << "\n";
    return 0;
  }

  if (!Tangent.empty()) {
    ir::Function *F = (*M)->lookup(Tangent);
    if (!F)
      return fail("no function @" + Tangent);
    auto Indices = WrtIndices(*F);
    if (!Indices)
      return fail(toString(Indices.takeError()));
    TangentOptions Options;
    Options.Function = Tangent;
    Options.Name = TangentName.empty()
                       ? cxxName(Tangent).str() + "_tangent"
                       : TangentName.getValue();
    Options.ActiveParams = *Indices;
    TangentCache Cache;
    auto Result = buildTangent(**M, Options, Cache);
    if (!Result)
      return fail(toString(Result.takeError()));
    if (Error E = ir::verify(**M))
      return fail("after tangent: " + toString(std::move(E)));
  }

  for (bool IsGradient : {false, true}) {
    const std::string &Target = IsGradient ? Gradient : Adjoint;
    if (Target.empty())
      continue;
    ir::Function *F = (*M)->lookup(Target);
    if (!F)
      return fail("no function @" + Target);
    auto Indices = WrtIndices(*F);
    if (!Indices)
      return fail(toString(Indices.takeError()));
    AdjointOptions Options;
    Options.Function = Target;
    Options.Name = cxxName(Target).str() + (IsGradient ? "_grad"
                                            : Lanes    ? "_adjoint_n"
                                                       : "_adjoint");
    Options.ActiveParams = *Indices;
    Options.Gradient = IsGradient;
    Options.Lanes = Lanes;
    AdjointCache Cache;
    std::string Report;
    auto Result = buildAdjoint(**M, Options, Cache, &Report);
    if (!Result)
      return fail(toString(Result.takeError()));
    if (PrintTapePlan) {
      outs() << Report;
      return 0;
    }
    if (Error E = ir::verify(**M))
      return fail("after adjoint: " + toString(std::move(E)));
  }

  if (Simplify) {
    for (const auto &F : (*M)->getFunctions())
      simplify(*F);
    if (Error E = ir::verify(**M))
      return fail("after simplify: " + toString(std::move(E)));
  }

  if (VerifyOnly)
    return 0;
  if (EmitCpp) {
    EmitOptions Opts;
    Opts.LineComments = PrintLocs;
    for (const auto &F : (*M)->getFunctions()) {
      if (Error E = emitFunction(*F, outs(), Opts))
        return fail(toString(std::move(E)));
      outs() << "\n";
    }
    return 0;
  }
  ir::PrintOptions Opts;
  Opts.PrintLocations = PrintLocs;
  ir::print(**M, outs(), Opts);
  return 0;
}
