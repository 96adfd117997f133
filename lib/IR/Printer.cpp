//===- Printer.cpp - Textual form of ddx IR -------------------------------===//
//
// The grammar is documented in docs/IR.md; Parser.cpp reads what this writes.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Printer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <cctype>
#include <cmath>
#include <charconv>

using namespace ddx::ir;

std::string ddx::ir::formatFloat(double V) {
  if (std::isnan(V))
    return "nan";
  if (std::isinf(V))
    return V < 0 ? "-inf" : "inf";
  // The shortest text that reads back to the same double keeps tests and
  // emitted code readable: 0.1, 100.0, 1e+300.
  char Buf[64];
  auto Res = std::to_chars(Buf, Buf + sizeof(Buf), V);
  std::string S(Buf, Res.ptr);
  if (S.find_first_of(".eE") == std::string::npos)
    S += ".0";
  return S;
}

std::string ddx::ir::formatSymbol(llvm::StringRef Name) {
  auto IsPlain = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_' ||
           C == '.' || C == ':';
  };
  if (!Name.empty() && !std::isdigit(static_cast<unsigned char>(Name[0])) &&
      llvm::all_of(Name, IsPlain))
    return "@" + Name.str();
  std::string Quoted = "@\"";
  for (char C : Name) {
    if (C == '"' || C == '\\')
      Quoted += '\\';
    Quoted += C;
  }
  return Quoted + "\"";
}

namespace {

class FunctionPrinter {
public:
  FunctionPrinter(llvm::raw_ostream &OS, PrintOptions Opts)
      : OS(OS), Opts(Opts) {}

  void print(const Function &F) {
    OS << "func " << formatSymbol(F.getName()) << "(";
    const Region &Body = F.getBody();
    for (unsigned I = 0; I != Body.getNumArguments(); ++I) {
      if (I)
        OS << ", ";
      Value *A = Body.getArgument(I);
      OS << name(A) << ": " << A->getType().str();
    }
    OS << ") -> (";
    llvm::ArrayRef<Type> Results = F.getResultTypes();
    for (unsigned I = 0; I != Results.size(); ++I)
      OS << (I ? ", " : "") << Results[I].str();
    OS << ") {\n";
    printOps(Body, 1);
    OS << "}\n";
  }

private:
  llvm::StringRef name(Value *V) {
    auto It = Names.find(V);
    if (It != Names.end())
      return It->second;
    std::string N;
    const std::string &Hint = V->getName();
    if (Hint.empty() || std::isdigit(static_cast<unsigned char>(Hint[0]))) {
      do
        N = "%" + std::to_string(NextNumber++);
      while (Used.contains(N));
    } else {
      N = "%" + Hint;
      for (unsigned K = 1; Used.contains(N); ++K)
        N = "%" + Hint + "." + std::to_string(K);
    }
    Used.insert(N);
    return Names[V] = N;
  }

  void indent(unsigned Depth) { OS.indent(2 * Depth); }

  void printValueList(llvm::ArrayRef<Value *> Vs) {
    for (unsigned I = 0; I != Vs.size(); ++I)
      OS << (I ? ", " : "") << name(Vs[I]);
  }

  void printTypeList(llvm::ArrayRef<Type> Ts) {
    OS << "(";
    for (unsigned I = 0; I != Ts.size(); ++I)
      OS << (I ? ", " : "") << Ts[I].str();
    OS << ")";
  }

  llvm::SmallVector<Type, 4> resultTypes(const Operation &Op) {
    llvm::SmallVector<Type, 4> Ts;
    for (Value *R : Op.getResults())
      Ts.push_back(R->getType());
    return Ts;
  }

  /// The type of an operation's single result; `void` when it has none, so
  /// that malformed IR built through the C++ API still prints.
  static llvm::StringRef resultType(const Operation &Op) {
    return Op.getNumResults() ? Op.getResult()->getType().str() : "void";
  }

  void printRegionBody(const Region &R, unsigned Depth) {
    OS << "{\n";
    printOps(R, Depth + 1);
    indent(Depth);
    OS << "}";
  }

  void printOps(const Region &R, unsigned Depth) {
    for (const auto &Op : R.getOps())
      printOp(*Op, Depth);
  }

  void printOp(const Operation &Op, unsigned Depth) {
    indent(Depth);
    if (Op.getNumResults()) {
      printValueList(Op.getResults());
      OS << " = ";
    }
    OS << Op.getMnemonic();
    switch (Op.getKind()) {
    case OpKind::Constant: {
      Type T = Op.getResult()->getType();
      OS << " ";
      if (T.isFloat())
        OS << formatFloat(Op.getFloatAttr());
      else
        OS << Op.getIntAttr();
      OS << " : " << T.str();
      break;
    }
    case OpKind::Cmp:
      OS << " " << str(Op.getPredicate()) << " ";
      printValueList(Op.getOperands());
      OS << " : " << Op.getOperand(0)->getType().str();
      break;
    case OpKind::Cast:
      OS << " " << name(Op.getOperand(0)) << " : "
         << Op.getOperand(0)->getType().str() << " to "
         << Op.getResult()->getType().str();
      break;
    case OpKind::Call:
      OS << " " << formatSymbol(Op.getCallee()) << "(";
      printValueList(Op.getOperands());
      OS << ") : ";
      printTypeList(resultTypes(Op));
      break;
    case OpKind::If:
      OS << " " << name(Op.getOperand(0));
      if (Op.getNumResults()) {
        OS << " -> ";
        printTypeList(resultTypes(Op));
      }
      OS << " ";
      printRegionBody(Op.getRegion(0), Depth);
      OS << " else ";
      printRegionBody(Op.getRegion(1), Depth);
      break;
    case OpKind::For: {
      const Region &Body = Op.getRegion(0);
      OS << " " << name(Body.getArgument(0)) << " = "
         << name(Op.getOperand(0)) << " to " << name(Op.getOperand(1))
         << " step " << name(Op.getOperand(2)) << " : "
         << Op.getOperand(0)->getType().str();
      if (Op.isReverseLoop())
        OS << " reverse";
      printCarried(Body, 1, Op.getLoopInits(), "iter_args");
      OS << " ";
      printRegionBody(Body, Depth);
      break;
    }
    case OpKind::While:
      printCarried(Op.getRegion(0), 0, Op.getOperands(), "");
      OS << " ";
      printRegionBody(Op.getRegion(0), Depth);
      OS << " do (";
      printValueList(Op.getRegion(1).getArguments());
      OS << ") ";
      printRegionBody(Op.getRegion(1), Depth);
      break;
    case OpKind::Alloca:
      OS << " " << Op.getIntAttr() << " : " << resultType(Op);
      break;
    case OpKind::Store:
      if (Op.getNumOperands()) {
        OS << " ";
        printValueList(Op.getOperands());
      }
      break;
    case OpKind::TapePush:
      OS << " " << Op.getIntAttr();
      for (Value *V : Op.getOperands())
        OS << ", " << name(V);
      break;
    case OpKind::TapePop:
      OS << " " << Op.getIntAttr() << " : " << resultType(Op);
      break;
    case OpKind::Yield:
    case OpKind::Condition:
    case OpKind::Return:
      if (Op.getNumOperands()) {
        OS << " ";
        printValueList(Op.getOperands());
      }
      break;
    default: // Arithmetic, math, select, offset, load and tape_alloc:
             // operands, then the result type.
      OS << " ";
      printValueList(Op.getOperands());
      OS << " : " << resultType(Op);
      break;
    }
    if (Opts.PrintLocations && Op.getLoc().isKnown())
      OS << " loc(" << Op.getLoc().Line << ":" << Op.getLoc().Col << ")";
    OS << "\n";
  }

  /// `Keyword(%a = %init, ...) -> (types)`; the list is printed even when
  /// empty for `while`, whose header would otherwise be ambiguous.
  void printCarried(const Region &R, unsigned FirstArg,
                    llvm::ArrayRef<Value *> Inits, llvm::StringRef Keyword) {
    if (Inits.empty() && !Keyword.empty())
      return;
    OS << " " << Keyword << "(";
    for (unsigned I = 0; I != Inits.size(); ++I) {
      if (I)
        OS << ", ";
      OS << name(R.getArgument(FirstArg + I)) << " = " << name(Inits[I]);
    }
    OS << ")";
    if (!Inits.empty()) {
      OS << " -> (";
      for (unsigned I = 0; I != Inits.size(); ++I)
        OS << (I ? ", " : "") << Inits[I]->getType().str();
      OS << ")";
    }
  }

  llvm::raw_ostream &OS;
  PrintOptions Opts;
  llvm::DenseMap<const Value *, std::string> Names;
  llvm::StringSet<> Used;
  unsigned NextNumber = 0;
};

} // namespace

void ddx::ir::print(const Function &F, llvm::raw_ostream &OS,
                    PrintOptions Opts) {
  FunctionPrinter(OS, Opts).print(F);
}

void ddx::ir::print(const Module &M, llvm::raw_ostream &OS,
                    PrintOptions Opts) {
  bool First = true;
  for (const auto &F : M.getFunctions()) {
    if (!First)
      OS << "\n";
    First = false;
    print(*F, OS, Opts);
  }
}
