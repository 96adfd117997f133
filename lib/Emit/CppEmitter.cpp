//===- CppEmitter.cpp - ddx IR to C++ source ------------------------------===//
//
// Structured IR maps onto C++ statements directly: `if` to if/else, `for` to
// a counted for, `while` to while (c) / do-while / while (true) with break,
// depending on where the condition is computed. Variables come from
// VariablePlan. Region terminators become (parallel) assignments to the
// variables of the values they pass on.
//
//===----------------------------------------------------------------------===//
#include "ddx/Emit/CppEmitter.h"
#include "VariablePlan.h"
#include "ddx/IR/Printer.h"
#include "llvm/ADT/SmallString.h"
#include <charconv>
#include <climits>
#include <map>
#include <cmath>

using namespace ddx;
using namespace ddx::ir;

llvm::StringRef ddx::cxxType(Type T) {
  if (T.isPointer()) {
    switch (T.getElementType().kind()) {
    case TypeKind::I1:
      return T.isConstPointer() ? "const bool *" : "bool *";
    case TypeKind::I32:
      return T.isConstPointer() ? "const int *" : "int *";
    case TypeKind::I64:
      return T.isConstPointer() ? "const long *" : "long *";
    case TypeKind::F32:
      return T.isConstPointer() ? "const float *" : "float *";
    default:
      return T.isConstPointer() ? "const double *" : "double *";
    }
  }
  switch (T.kind()) {
  case TypeKind::Ptr:
    break;
  case TypeKind::Void:
    return "void";
  case TypeKind::I1:
    return "bool";
  case TypeKind::I32:
    return "int";
  case TypeKind::I64:
    return "long";
  case TypeKind::F32:
    return "float";
  case TypeKind::F64:
    return "double";
  }
  return "void";
}

namespace {

/// C++ operator precedence, higher binds tighter.
enum Prec : int {
  PrecConditional = 3,
  PrecOr = 4,
  PrecAnd = 5,
  PrecEquality = 9,
  PrecRelational = 10,
  PrecAdditive = 12,
  PrecMultiplicative = 13,
  PrecUnary = 15,
  PrecPrimary = 16,
};

struct Expr {
  std::string Text;
  int Precedence = PrecPrimary;
  /// Variables the expression reads, for ordering parallel assignments.
  llvm::SmallVector<unsigned, 4> Reads;
};

std::string literal(const Operation &Op) {
  Type T = Op.getResult()->getType();
  if (T.isFloat()) {
    double V = Op.getFloatAttr();
    llvm::StringRef Ty = cxxType(T);
    if (std::isnan(V))
      return ("std::numeric_limits<" + Ty + ">::quiet_NaN()").str();
    if (std::isinf(V))
      return ((V < 0 ? "-" : "") + ("std::numeric_limits<" + Ty +
                                    ">::infinity()"))
          .str();
    if (T == Type::f64())
      return formatFloat(V);
    // The shortest literal that reads back to the same float: 0.1f, not
    // 0.10000000149011612f.
    char Buf[64];
    auto Res = std::to_chars(Buf, Buf + sizeof(Buf), static_cast<float>(V));
    std::string S(Buf, Res.ptr);
    if (S.find_first_of(".eE") == std::string::npos)
      S += ".0";
    return S + "f";
  }
  int64_t V = Op.getIntAttr();
  if (T.isBool())
    return V ? "true" : "false";
  if (V == INT64_MIN)
    return "(-9223372036854775807L - 1)";
  if (V < INT_MIN || V > INT_MAX)
    return std::to_string(V) + "L";
  if (V == INT_MIN)
    return "(-2147483647 - 1)";
  return std::to_string(V);
}

llvm::StringRef binarySpelling(OpKind K, int &P) {
  switch (K) {
  case OpKind::Add:
    P = PrecAdditive;
    return "+";
  case OpKind::Sub:
    P = PrecAdditive;
    return "-";
  case OpKind::Mul:
    P = PrecMultiplicative;
    return "*";
  case OpKind::Div:
    P = PrecMultiplicative;
    return "/";
  case OpKind::Rem:
    P = PrecMultiplicative;
    return "%";
  case OpKind::And:
    P = PrecAnd;
    return "&&";
  case OpKind::Or:
    P = PrecOr;
    return "||";
  default:
    P = PrecPrimary;
    return "?";
  }
}

llvm::StringRef cmpSpelling(CmpPred Pred) {
  switch (Pred) {
  case CmpPred::EQ:
    return "==";
  case CmpPred::NE:
    return "!=";
  case CmpPred::LT:
    return "<";
  case CmpPred::LE:
    return "<=";
  case CmpPred::GT:
    return ">";
  case CmpPred::GE:
    return ">=";
  }
  return "?";
}

class FunctionEmitter {
public:
  FunctionEmitter(const Function &F, const EmitOptions &Opts)
      : F(F), Opts(Opts) {}

  llvm::Error emit(llvm::raw_ostream &OS);

private:
  // Expressions.
  Expr expr(const Value *V);
  Expr exprOf(const Operation &Op);
  /// The element a pointer designates, as an assignable expression:
  /// `p[i]`, `*p`, or a scalar slot's name.
  Expr lvalue(const Value *Ptr);
  void emitStore(const Operation &Op);
  void emitAllocation(const Operation &Op);
  std::string tapeName(const Operation &Op) const {
    return "tape" + std::to_string(Op.getIntAttr());
  }
  static std::string wrap(const Expr &E, int MinPrec) {
    return E.Precedence >= MinPrec ? E.Text : "(" + E.Text + ")";
  }
  Expr join(std::string Text, int P, std::initializer_list<const Expr *> Es) {
    Expr R{std::move(Text), P, {}};
    for (const Expr *E : Es)
      R.Reads.append(E->Reads.begin(), E->Reads.end());
    return R;
  }

  // Statements.
  void line(llvm::StringRef Text);
  void locate(const Operation &Op);
  std::string emitRegion(const Region &R, llvm::ArrayRef<const Value *> Dests);
  void emitOp(const Operation &Op);
  void emitIf(const Operation &Op);
  void emitFor(const Operation &Op);
  void emitWhile(const Operation &Op);
  void emitCall(const Operation &Op);
  /// Assigns Srcs to the variables of Dests, all at once.
  void assignAll(llvm::ArrayRef<const Value *> Dests,
                 llvm::ArrayRef<Value *> Srcs, Expr *Keep = nullptr);
  /// Declares (before a structured statement) variables first defined by it.
  void declareAhead(const Value *V, const Value *Init);
  /// Whether R's operations are all printed inside expressions.
  bool emitsNothing(const Region &R) const {
    for (const auto &Op : R.getOps())
      if (!isTerminator(Op->getKind()) &&
          (!isPure(Op->getKind()) ||
           !(Plan.isInlined(Op->getResult()) ||
             VariablePlan::isConstant(Op->getResult()))))
        return false;
    return true;
  }
  unsigned var(const Value *V) const { return Plan.VarOf.lookup(V); }
  const std::string &varName(const Value *V) const {
    return Plan.Vars[var(V)].Name;
  }
  /// `double x = ` the first time variable of V is written, `x = ` after.
  std::string defineOrAssign(const Value *V);

  const Function &F;
  const EmitOptions &Opts;
  VariablePlan Plan;
  llvm::DenseSet<unsigned> Declared;
  llvm::DenseSet<const Value *> Used;
  std::string Out;
  unsigned Depth = 1;
  unsigned LastLine = 0;
  unsigned TempCount = 0;
};

} // namespace

/// Whether two pointers address the same element: the same value, or
/// offsets by the same index from the same pointer.
static bool samePointer(const Value *A, const Value *B) {
  if (A == B)
    return true;
  const Operation *DA = A->getDefiningOp(), *DB = B->getDefiningOp();
  return DA && DB && DA->getKind() == OpKind::Offset &&
         DB->getKind() == OpKind::Offset &&
         DA->getOperand(1) == DB->getOperand(1) &&
         samePointer(DA->getOperand(0), DB->getOperand(0));
}

Expr FunctionEmitter::lvalue(const Value *Ptr) {
  if (Plan.ScalarSlots.contains(Ptr))
    return {varName(Ptr), PrecPrimary, {var(Ptr)}};
  const Operation *Def = Ptr->getDefiningOp();
  if (Def && Def->getKind() == OpKind::Offset && Plan.isInlined(Ptr)) {
    // A chain of unnamed offsets indexes its named pointer once:
    // `d_x[t + 1]`, not `(d_x + t)[1]`.
    const Value *BasePtr = Def->getOperand(0);
    Expr I = expr(Def->getOperand(1));
    for (const Operation *BD = BasePtr->getDefiningOp();
         BD && BD->getKind() == OpKind::Offset && Plan.isInlined(BasePtr);
         BD = BasePtr->getDefiningOp()) {
      Expr J = expr(BD->getOperand(1));
      I = join(wrap(J, PrecAdditive) + " + " + wrap(I, PrecAdditive + 1),
               PrecAdditive, {&J, &I});
      BasePtr = BD->getOperand(0);
    }
    Expr Base = expr(BasePtr);
    return join(wrap(Base, PrecPrimary) + "[" + I.Text + "]", PrecPrimary,
                {&Base, &I});
  }
  Expr P = expr(Ptr);
  return join("*" + wrap(P, PrecUnary), PrecUnary, {&P});
}

Expr FunctionEmitter::expr(const Value *V) {
  if (VariablePlan::isConstant(V)) {
    std::string L = literal(*V->getDefiningOp());
    return {L, L[0] == '-' ? PrecUnary : PrecPrimary, {}};
  }
  if (Plan.isInlined(V))
    return exprOf(*V->getDefiningOp());
  // A scalar slot passed to a call: its address.
  if (Plan.ScalarSlots.contains(V))
    return {"&" + varName(V), PrecUnary, {var(V)}};
  return {varName(V), PrecPrimary, {var(V)}};
}

Expr FunctionEmitter::exprOf(const Operation &Op) {
  OpKind K = Op.getKind();
  auto Arg = [&](unsigned I) { return expr(Op.getOperand(I)); };
  if (isMath(K)) {
    Expr A = Arg(0);
    if (arity(K) == 1)
      return join(("std::" + Op.getMnemonic() + "(" + A.Text + ")").str(),
                  PrecPrimary, {&A});
    Expr B = Arg(1);
    return join(("std::" + Op.getMnemonic() + "(" + A.Text + ", " + B.Text +
                 ")")
                    .str(),
                PrecPrimary, {&A, &B});
  }
  switch (K) {
  case OpKind::Offset: {
    Expr Base = Arg(0), I = Arg(1);
    return join(wrap(Base, PrecAdditive) + " + " + wrap(I, PrecAdditive + 1),
                PrecAdditive, {&Base, &I});
  }
  case OpKind::Load:
    return lvalue(Op.getOperand(0));
  case OpKind::Neg:
  case OpKind::Not: {
    Expr A = Arg(0);
    std::string Inner = wrap(A, PrecUnary);
    // `- -x` would read as a decrement without the parentheses.
    if (K == OpKind::Neg && Inner[0] == '-')
      Inner = "(" + Inner + ")";
    return join((K == OpKind::Neg ? "-" : "!") + Inner, PrecUnary, {&A});
  }
  case OpKind::Cmp: {
    Expr A = Arg(0), B = Arg(1);
    CmpPred Pred = Op.getPredicate();
    int P = Pred == CmpPred::EQ || Pred == CmpPred::NE ? PrecEquality
                                                       : PrecRelational;
    return join(wrap(A, P) + " " + cmpSpelling(Pred).str() + " " +
                    wrap(B, P + 1),
                P, {&A, &B});
  }
  case OpKind::Select: {
    Expr C = Arg(0), A = Arg(1), B = Arg(2);
    return join(wrap(C, PrecConditional + 1) + " ? " +
                    wrap(A, PrecConditional) + " : " +
                    wrap(B, PrecConditional),
                PrecConditional, {&C, &A, &B});
  }
  case OpKind::Cast: {
    Expr A = Arg(0);
    return join(("static_cast<" + cxxType(Op.getResult()->getType()) + ">(" +
                 A.Text + ")")
                    .str(),
                PrecPrimary, {&A});
  }
  default: {
    int P;
    llvm::StringRef Spelling = binarySpelling(K, P);
    Expr A = Arg(0), B = Arg(1);
    // Left-associative: the right operand needs parentheses at equal
    // precedence, which also keeps floating-point evaluation order exact.
    return join(wrap(A, P) + " " + Spelling.str() + " " + wrap(B, P + 1), P,
                {&A, &B});
  }
  }
}

void FunctionEmitter::line(llvm::StringRef Text) {
  Out.append(2 * Depth, ' ');
  Out += Text;
  Out += '\n';
}

void FunctionEmitter::locate(const Operation &Op) {
  if (!Opts.LineComments || !Op.getLoc().isKnown() ||
      Op.getLoc().Line == LastLine)
    return;
  LastLine = Op.getLoc().Line;
  line("// line " + std::to_string(LastLine));
}

std::string FunctionEmitter::defineOrAssign(const Value *V) {
  unsigned Var = var(V);
  if (Declared.insert(Var).second)
    return (cxxType(V->getType()) + " " + Plan.Vars[Var].Name + " = ").str();
  return Plan.Vars[Var].Name + " = ";
}

void FunctionEmitter::declareAhead(const Value *V, const Value *Init) {
  unsigned Var = var(V);
  if (Declared.contains(Var))
    return;
  Declared.insert(Var);
  std::string Decl = (cxxType(V->getType()) + " " + Plan.Vars[Var].Name).str();
  if (Init)
    Decl += " = " + expr(Init).Text;
  line(Decl + ";");
}

void FunctionEmitter::assignAll(llvm::ArrayRef<const Value *> Dests,
                                llvm::ArrayRef<Value *> Srcs, Expr *Keep) {
  struct Move {
    unsigned Var;
    Expr Src;
  };
  llvm::SmallVector<Move, 4> Moves;
  for (unsigned I = 0; I != Dests.size(); ++I) {
    Expr E = expr(Srcs[I]);
    unsigned Var = var(Dests[I]);
    if (E.Text == Plan.Vars[Var].Name)
      continue; // Already there.
    Moves.push_back({Var, std::move(E)});
  }
  // Sequentialize the parallel assignment: emit a move once no pending move
  // still reads its target; on a cycle, save one source in a temporary.
  auto Save = [&](Expr &E, Type Ty) {
    std::string Name = "tmp" + std::to_string(TempCount++);
    line((cxxType(Ty) + " " + Name + " = " + E.Text + ";").str());
    E = {Name, PrecPrimary, {}};
  };
  auto ReadByOthers = [&](unsigned I) {
    for (unsigned J = 0; J != Moves.size(); ++J)
      if (J != I && llvm::is_contained(Moves[J].Src.Reads, Moves[I].Var))
        return true;
    return Keep && llvm::is_contained(Keep->Reads, Moves[I].Var);
  };
  llvm::SmallVector<std::string, 4> Lines;
  while (!Moves.empty()) {
    unsigned I = 0;
    while (I != Moves.size() && ReadByOthers(I))
      ++I;
    if (I == Moves.size()) {
      // Every target is still read: break the cycle at the first move.
      I = 0;
      for (unsigned J = 1; J != Moves.size(); ++J)
        if (llvm::is_contained(Moves[J].Src.Reads, Moves[0].Var))
          Save(Moves[J].Src, Plan.Vars[Moves[J].Var].Ty);
      if (Keep && llvm::is_contained(Keep->Reads, Moves[0].Var))
        Save(*Keep, Type::i1());
    }
    Lines.push_back(Plan.Vars[Moves[I].Var].Name + " = " + Moves[I].Src.Text +
                    ";");
    Moves.erase(Moves.begin() + I);
  }
  for (const std::string &L : Lines)
    line(L);
}

/// Emits R's operations at one more level of indentation, with its
/// terminator's operands assigned to the variables of Dests, and returns the
/// text.
std::string FunctionEmitter::emitRegion(const Region &R,
                                        llvm::ArrayRef<const Value *> Dests) {
  std::string Saved = std::move(Out);
  Out.clear();
  ++Depth;
  for (const auto &Op : R.getOps()) {
    if (Op->getKind() == OpKind::Yield)
      assignAll(Dests, Op->getOperands());
    else
      emitOp(*Op);
  }
  --Depth;
  std::string Body = std::move(Out);
  Out = std::move(Saved);
  return Body;
}

void FunctionEmitter::emitOp(const Operation &Op) {
  switch (Op.getKind()) {
  case OpKind::If:
    return emitIf(Op);
  case OpKind::For:
    return emitFor(Op);
  case OpKind::While:
    return emitWhile(Op);
  case OpKind::Call:
    return emitCall(Op);
  case OpKind::Store:
    locate(Op);
    return emitStore(Op);
  case OpKind::Alloca:
  case OpKind::TapeAlloc:
    return emitAllocation(Op);
  case OpKind::TapePush:
    locate(Op);
    line(tapeName(Op) + ".push(" + expr(Op.getOperand(0)).Text + ");");
    return;
  case OpKind::TapePop:
    // A pop keeps the tape in step even when its value goes unused.
    if (!Used.contains(Op.getResult())) {
      line(tapeName(Op) + ".pop();");
      return;
    }
    line(defineOrAssign(Op.getResult()) + tapeName(Op) + ".pop();");
    return;
  case OpKind::Return: {
    locate(Op);
    if (Op.getNumOperands() == 0) {
      line("return;");
      return;
    }
    Expr A = expr(Op.getOperand(0));
    if (Op.getNumOperands() == 1) {
      line("return " + A.Text + ";");
      return;
    }
    line("return {" + A.Text + ", " + expr(Op.getOperand(1)).Text + "};");
    return;
  }
  default:
    break;
  }
  const Value *V = Op.getResult();
  if (Plan.isInlined(V) || VariablePlan::isConstant(V))
    return;
  Expr E = exprOf(Op);
  if (Declared.contains(var(V)) && E.Text == varName(V))
    return;
  locate(Op);
  line(defineOrAssign(V) + E.Text + ";");
}

void FunctionEmitter::emitStore(const Operation &Op) {
  const Value *V = Op.getOperand(0), *Ptr = Op.getOperand(1);
  Expr Lhs = lvalue(Ptr);
  // `p[i] = p[i] + e` reads best as `p[i] += e`.
  const Operation *Def = V->getDefiningOp();
  if (Def && Plan.isInlined(V) && Def->getKind() == OpKind::Add) {
    const Operation *Load = Def->getOperand(0)->getDefiningOp();
    if (Load && Load->getKind() == OpKind::Load &&
        Plan.isInlined(Def->getOperand(0)) &&
        samePointer(Load->getOperand(0), Ptr)) {
      line(Lhs.Text + " += " + expr(Def->getOperand(1)).Text + ";");
      return;
    }
  }
  line(Lhs.Text + " = " + expr(V).Text + ";");
}

void FunctionEmitter::emitAllocation(const Operation &Op) {
  const Value *V = Op.getResult();
  Declared.insert(var(V));
  llvm::StringRef Elem = cxxType(V->getType().getElementType());
  if (Plan.ScalarSlots.contains(V)) {
    line((Elem + " " + varName(V) + " = " +
          (V->getType().getElementType().isFloat() ? "0.0" : "0") + ";")
             .str());
    return;
  }
  if (Op.getKind() == OpKind::Alloca) {
    line((Elem + " " + varName(V) + "[" + std::to_string(Op.getIntAttr()) +
          "] = {};")
             .str());
    return;
  }
  line(("std::vector<" + Elem + "> " + varName(V) + "(" +
        expr(Op.getOperand(0)).Text + ");")
           .str());
}

void FunctionEmitter::emitCall(const Operation &Op) {
  locate(Op);
  std::string Call = cxxName(Op.getCallee()).str() + "(";
  for (unsigned I = 0; I != Op.getNumOperands(); ++I)
    Call += (I ? ", " : "") + expr(Op.getOperand(I)).Text;
  Call += ")";
  bool ResultUsed = false;
  for (Value *R : Op.getResults())
    ResultUsed |= Used.contains(R);
  switch (ResultUsed ? Op.getNumResults() : 0) {
  case 0:
    line(Call + ";");
    return;
  case 1:
    line(defineOrAssign(Op.getResult(0)) + Call + ";");
    return;
  default: {
    // Two results come back as ddx::dual; bind them to their names.
    std::string Names;
    for (unsigned I = 0; I != Op.getNumResults(); ++I) {
      Declared.insert(var(Op.getResult(I)));
      Names += (I ? ", " : "") + varName(Op.getResult(I));
    }
    bool AnyUsed = false;
    for (Value *R : Op.getResults())
      AnyUsed |= Used.contains(R);
    line(std::string(AnyUsed ? "" : "[[maybe_unused]] ") + "auto [" + Names +
         "] = " + Call + ";");
    return;
  }
  }
}

void FunctionEmitter::emitIf(const Operation &Op) {
  auto Results = Op.getResults();
  llvm::SmallVector<const Value *, 4> Dests(Results.begin(), Results.end());
  Expr Cond = expr(Op.getOperand(0));
  // A single fresh result computed without statements reads best as ?:.
  if (Results.size() == 1 && !Declared.contains(var(Results[0])) &&
      emitsNothing(Op.getRegion(0)) && emitsNothing(Op.getRegion(1))) {
    Expr A = expr(Op.getRegion(0).getTerminator()->getOperand(0));
    Expr B = expr(Op.getRegion(1).getTerminator()->getOperand(0));
    locate(Op);
    line(defineOrAssign(Results[0]) + wrap(Cond, PrecConditional + 1) +
         " ? " + wrap(A, PrecConditional) + " : " + wrap(B, PrecConditional) +
         ";");
    return;
  }
  locate(Op);
  for (const Value *R : Dests)
    declareAhead(R, nullptr);
  std::string Then = emitRegion(Op.getRegion(0), Dests);
  std::string Else = emitRegion(Op.getRegion(1), Dests);
  if (Then.empty() && Else.empty())
    return;
  if (Then.empty()) {
    line("if (!" + wrap(Cond, PrecUnary) + ") {");
    Out += Else;
    line("}");
    return;
  }
  line("if (" + Cond.Text + ") {");
  Out += Then;
  if (!Else.empty()) {
    line("} else {");
    Out += Else;
  }
  line("}");
}

void FunctionEmitter::emitFor(const Operation &Op) {
  locate(Op);
  const Region &Body = Op.getRegion(0);
  llvm::ArrayRef<Value *> Inits = Op.getLoopInits();
  for (unsigned J = 0; J != Inits.size(); ++J)
    declareAhead(Op.getResult(J), Inits[J]);
  const Value *IV = Body.getArgument(0);
  Declared.insert(var(IV));
  std::string I = varName(IV);
  Expr Step = expr(Op.getOperand(2));
  Expr Lb = expr(Op.getOperand(0)), Ub = expr(Op.getOperand(1));
  std::string Ty = cxxType(IV->getType()).str();
  if (!Op.isReverseLoop()) {
    std::string Inc = Step.Text == "1" ? "++" + I : I + " += " + Step.Text;
    line("for (" + Ty + " " + I + " = " + Lb.Text + "; " + I + " < " +
         wrap(Ub, PrecRelational + 1) + "; " + Inc + ") {");
  } else if (Step.Text == "1") {
    // The same induction values, last first: from ub - 1 (`n` for a bound
    // written `n + 1`).
    std::string Last = wrap(Ub, PrecAdditive) + " - 1";
    const Value *UbV = Op.getOperand(1);
    const Operation *UbDef = UbV->getDefiningOp();
    if (UbDef && Plan.isInlined(UbV) && UbDef->getKind() == OpKind::Add &&
        expr(UbDef->getOperand(1)).Text == "1")
      Last = expr(UbDef->getOperand(0)).Text;
    line("for (" + Ty + " " + I + " = " + Last + "; " + I + " >= " +
         wrap(Lb, PrecRelational + 1) + "; --" + I + ") {");
  } else {
    // Last value: lb + (ub - lb - 1) / step * step, when ub > lb.
    std::string L = wrap(Lb, PrecMultiplicative + 1);
    std::string Last = L + " + (" + wrap(Ub, PrecAdditive) + " - " + L +
                       " - 1) / " + wrap(Step, PrecMultiplicative + 1) +
                       " * " + wrap(Step, PrecMultiplicative + 1);
    line("for (" + Ty + " " + I + " = " + wrap(Ub, PrecRelational + 1) +
         " > " + L + " ? " + Last + " : " + L + " - 1; " + I + " >= " + L +
         "; " + I + " -= " + Step.Text + ") {");
  }
  auto Args = Body.getArguments();
  llvm::SmallVector<const Value *, 4> Dests(Args.begin() + 1, Args.end());
  Out += emitRegion(Body, Dests);
  line("}");
}

void FunctionEmitter::emitWhile(const Operation &Op) {
  locate(Op);
  for (unsigned J = 0; J != Op.getNumOperands(); ++J)
    declareAhead(Op.getResult(J), Op.getOperand(J));
  const Region &Before = Op.getRegion(0), &After = Op.getRegion(1);
  auto AfterArgs = After.getArguments();
  llvm::SmallVector<const Value *, 4> Dests(AfterArgs.begin(),
                                            AfterArgs.end());

  // The before region without its `condition`, then the condition's moves.
  const Operation *Cond = Before.getTerminator();
  llvm::DenseSet<unsigned> DeclaredOutside = Declared;
  std::string Saved = std::move(Out);
  Out.clear();
  ++Depth;
  for (const auto &Op2 : Before.getOps())
    if (Op2.get() != Cond)
      emitOp(*Op2);
  Expr C = expr(Cond->getOperand(0));
  std::string CondText = C.Text;
  assignAll(Dests, Cond->getOperands().drop_front(), &C);
  // `do { ... } while (c)` evaluates c outside the block: only possible when
  // c reads nothing declared inside it.
  bool CondVisibleAfter = C.Text == CondText;
  for (unsigned R : C.Reads)
    CondVisibleAfter &= DeclaredOutside.contains(R);
  std::string BeforeText = std::move(Out);
  --Depth;
  Out = std::move(Saved);

  std::string AfterText = emitRegion(After, Dests);
  if (BeforeText.empty()) {
    line("while (" + C.Text + ") {");
    Out += AfterText;
    line("}");
    return;
  }
  if (AfterText.empty() && CondVisibleAfter) {
    line("do {");
    Out += BeforeText;
    line("} while (" + C.Text + ");");
    return;
  }
  line("while (true) {");
  Out += BeforeText;
  line("  if (!" + wrap(C, PrecUnary) + ")");
  line("    break;");
  Out += AfterText;
  line("}");
}

llvm::Error FunctionEmitter::emit(llvm::raw_ostream &OS) {
  llvm::ArrayRef<Type> Results = F.getResultTypes();
  std::string RetType;
  if (Results.empty())
    RetType = "void";
  else if (Results.size() == 1)
    RetType = cxxType(Results[0]).str();
  else if (Results.size() == 2 && Results[0] == Results[1] &&
           Results[0].isFloat())
    RetType = ("ddx::dual<" + cxxType(Results[0]) + ">").str();
  else
    return llvm::createStringError("cannot emit '" + F.getName() +
                                   "': C++ has no return type for its " +
                                   std::to_string(Results.size()) +
                                   " results");

  llvm::DenseSet<llvm::StringRef> Reserved;
  walk(F.getBody(), [&](Operation *Op) {
    if (Op->getKind() == OpKind::Call)
      Reserved.insert(cxxName(Op->getCallee()));
    for (Value *V : Op->getOperands())
      Used.insert(V);
  });
  Reserved.insert(F.getName());
  Plan = planVariables(F, Reserved);

  std::string Sig;
  if (Opts.Internal)
    Sig += "static ";
  Sig += RetType + " " + F.getName() + "(";
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    Value *P = F.getParam(I);
    Declared.insert(var(P));
    Sig += I ? ", " : "";
    // A derivative parameter can be unused (its input does not reach the
    // result); say so rather than trip -Wunused-parameter.
    if (!Used.contains(P))
      Sig += "[[maybe_unused]] ";
    std::string Declarator = F.getParamDeclarator(I);
    size_t Hole = Declarator.find("{}");
    if (Hole != std::string::npos)
      Sig += Declarator.replace(Hole, 2, varName(P));
    else
      Sig += cxxType(P->getType()).str() + " " + varName(P);
  }
  Sig += ")";

  // Tapes (LIFO stacks), one per id, declared up front.
  std::map<int64_t, Type> Tapes;
  walk(F.getBody(), [&](Operation *Op) {
    if (Op->getKind() == OpKind::TapePush)
      Tapes[Op->getIntAttr()] = Op->getOperand(0)->getType();
    if (Op->getKind() == OpKind::TapePop)
      Tapes[Op->getIntAttr()] = Op->getResult()->getType();
  });
  for (auto &[Id, Ty] : Tapes)
    line(("ddx::tape<" + cxxType(Ty) + "> tape" + std::to_string(Id) + ";")
             .str());

  const Region &Body = F.getBody();
  for (const auto &Op : Body.getOps()) {
    // A final `return;` says nothing.
    if (Op->getKind() == OpKind::Return && Op->getNumOperands() == 0)
      continue;
    emitOp(*Op);
  }
  if (!Opts.Banner.empty())
    OS << "// " << Opts.Banner << "\n";
  OS << Sig << " {\n" << Out << "}\n";
  return llvm::Error::success();
}

llvm::Error ddx::emitFunction(const Function &F, llvm::raw_ostream &OS,
                              const EmitOptions &Options) {
  return FunctionEmitter(F, Options).emit(OS);
}
