//===- VariablePlan.cpp - Mapping SSA values to C++ variables -------------===//
//
// Values sharing a variable form chains in program order. A value may take
// over the variable of an earlier value of the same source variable only
// when that earlier value is dead at the point of the write, so a shared
// variable always holds the value its readers expect:
//
//  - a pure operation's result takes over an operand's variable when the
//    operand is not read after it (`y = y + 1`);
//  - an `if` result takes over a value defined beside the `if` that one of
//    its branches yields and nothing after the `if` reads (`if (c) y *= 2;`);
//  - otherwise a value of the same source variable that a branch defines
//    and yields is computed straight into the `if` result's variable
//    (`if (c) { t = sqrt(s); ... }`, not `t_1 = sqrt(s); ... t = t_1;`);
//  - a loop's carried variable takes over its initial value when the loop is
//    that value's only reader.
//
// Reads are counted where they happen: a use inside an inlined expression
// happens where that expression is printed.
//
//===----------------------------------------------------------------------===//
#include "VariablePlan.h"
#include "llvm/ADT/StringSet.h"
#include <cctype>

using namespace ddx;
using namespace ddx::ir;

static const char *const CxxKeywords[] = {
    "alignas",  "alignof",   "and",      "and_eq",    "asm",       "auto",
    "bitand",   "bitor",     "bool",     "break",     "case",      "catch",
    "char",     "class",     "compl",    "const",     "constexpr", "continue",
    "default",  "delete",    "do",       "double",    "else",      "enum",
    "explicit", "export",    "extern",   "false",     "float",     "for",
    "friend",   "goto",      "if",       "inline",    "int",       "long",
    "mutable",  "namespace", "new",      "noexcept",  "not",       "nullptr",
    "operator", "or",        "private",  "protected", "public",    "register",
    "return",   "short",     "signed",   "sizeof",    "static",    "struct",
    "switch",   "template",  "this",     "throw",     "true",      "try",
    "typedef",  "typeid",    "typename", "union",     "unsigned",  "using",
    "virtual",  "void",      "volatile", "while",     "xor",       "std",
    "ddx"};

/// The source variable a value's name hint stands for: `y.2` (the IR
/// printer's way of telling values of `y` apart) is `y`. Characters C++
/// does not allow in names become `_`.
static std::string baseName(llvm::StringRef Hint) {
  while (true) {
    size_t Dot = Hint.rfind('.');
    if (Dot == llvm::StringRef::npos || Dot + 1 == Hint.size() ||
        !llvm::all_of(Hint.substr(Dot + 1),
                      [](char C) { return C >= '0' && C <= '9'; }))
      break;
    Hint = Hint.take_front(Dot);
  }
  std::string Name;
  for (char C : Hint)
    Name += std::isalnum(static_cast<unsigned char>(C)) || C == '_' ? C : '_';
  if (!Name.empty() && std::isdigit(static_cast<unsigned char>(Name[0])))
    Name.clear();
  return Name;
}

namespace {

class Planner {
public:
  Planner(VariablePlan &P, const llvm::DenseSet<llvm::StringRef> &Reserved)
      : P(P) {
    for (const char *K : CxxKeywords)
      Fixed.insert(K);
    for (llvm::StringRef R : Reserved)
      Fixed.insert(R);
    Open.emplace_back();
  }

  void run(const Function &F) {
    collect(F.getBody());
    findScalarSlots(F);
    decideInlining(F.getBody());
    decideLoadInlining(F.getBody());
    for (Value *Param : F.getBody().getArguments())
      newVar(Param);
    assign(F.getBody());
  }

private:
  void collect(const Region &R) {
    unsigned I = 0;
    for (const auto &Op : R.getOps()) {
      Index[Op.get()] = I++;
      for (Value *V : Op->getOperands())
        Uses[V].push_back(Op.get());
      for (unsigned K = 0; K != Op->getNumRegions(); ++K)
        collect(Op->getRegion(K));
    }
  }

  /// Whether V (a one-element alloca, or a parameter declared as a scalar
  /// reference) is used only by name: loaded, stored, passed by address.
  bool onlyDirectUses(Value *V) {
    for (const Operation *User : Uses[V]) {
      OpKind K = User->getKind();
      bool Direct = (K == OpKind::Load && User->getOperand(0) == V) ||
                    (K == OpKind::Store && User->getOperand(1) == V) ||
                    K == OpKind::Call;
      if (!Direct)
        return false;
    }
    return true;
  }

  void findScalarSlots(const Function &F) {
    // `double &r`: in C++ the element is `r` itself.
    for (unsigned I = 0; I != F.getNumParams(); ++I) {
      llvm::StringRef D = F.getParamDeclarator(I);
      if (D.ends_with("&{}") && F.getParam(I)->getType().isPointer() &&
          onlyDirectUses(F.getParam(I)))
        P.ScalarSlots.insert(F.getParam(I));
    }
    walk(F.getBody(), [&](Operation *Op) {
      if (Op->getKind() == OpKind::Alloca && Op->getIntAttr() == 1 &&
          onlyDirectUses(Op->getResult()))
        P.ScalarSlots.insert(Op->getResult());
    });
  }

  /// A load may move into its single user's expression when nothing between
  /// the two can change memory.
  void decideLoadInlining(const Region &Top) {
    walk(Top, [&](Operation *Op) {
      if (Op->getKind() != OpKind::Load)
        return;
      Value *V = Op->getResult();
      auto &VUses = Uses[V];
      const Region &R = *Op->getParentRegion();
      if (VUses.size() != 1 || VUses[0]->getParentRegion() != &R)
        return;
      const Operation *At = liftTo(effectiveUser(VUses[0]), R);
      if (!At)
        return;
      unsigned From = Index.lookup(Op), To = Index.lookup(At);
      for (unsigned I = From + 1; I < To; ++I) {
        const Operation &Between = *R.getOps()[I];
        if (hasMemoryEffects(Between.getKind()) || Between.getNumRegions())
          return;
      }
      P.Inlined.insert(V);
    });
  }

  /// An unnamed element address used only to load and store that element
  /// in its own block is written `a[i]` at each access (`a[i] += t`), not
  /// through a temporary pointer. Its index must not read memory: it is
  /// evaluated again at every access. (A pointer the source names stays.)
  bool isInlinableAddress(const Operation &Op) {
    if (Op.getKind() != OpKind::Offset || !Op.getResult()->getName().empty())
      return false;
    for (const Value *Operand : Op.getOperands())
      if (const Operation *Def = Operand->getDefiningOp();
          Def && readsMemory(Def->getKind()))
        return false;
    for (const Operation *User : Uses.lookup(Op.getResult())) {
      bool Access = (User->getKind() == OpKind::Load &&
                     User->getOperand(0) == Op.getResult()) ||
                    (User->getKind() == OpKind::Store &&
                     User->getOperand(1) == Op.getResult() &&
                     User->getOperand(0) != Op.getResult());
      if (!Access || User->getParentRegion() != Op.getParentRegion())
        return false;
    }
    return true;
  }

  void decideInlining(const Region &R) {
    walk(R, [&](Operation *Op) {
      if (isInlinableAddress(*Op)) {
        P.Inlined.insert(Op->getResult());
        return;
      }
      if (!isPure(Op->getKind()) || Op->getKind() == OpKind::Constant ||
          Op->getNumResults() != 1)
        return;
      Value *V = Op->getResult();
      auto &VUses = Uses[V];
      if (VUses.size() != 1 ||
          VUses[0]->getParentRegion() != Op->getParentRegion())
        return;
      // Source-named values stay variables, except when they are only
      // returned or passed on (`return x * x;`).
      if (V->getName().empty() || isTerminator(VUses[0]->getKind()))
        P.Inlined.insert(V);
    });
  }

  /// A name is free when no variable visible here uses it. Variables of a
  /// closed block (a finished loop body) free their names: the reverse
  /// sweep's loop can reuse `i` and `x`.
  bool taken(const std::string &Name) const {
    if (Fixed.contains(Name))
      return true;
    for (const auto &Scope : Open)
      if (Scope.contains(Name))
        return true;
    return false;
  }

  unsigned newVar(const Value *V) {
    std::string Base = baseName(V->getName());
    if (Base.empty())
      Base = "t";
    std::string Name = Base;
    for (unsigned K = 1; taken(Name); ++K)
      Name = Base + "_" + std::to_string(K);
    Open.back().insert(Name);
    P.Vars.push_back({Name, V->getType()});
    return P.VarOf[V] = P.Vars.size() - 1;
  }

  /// The operations at which a use by User is actually evaluated: User, or
  /// where User's inlined result is printed (an inlined address may be
  /// printed at several loads and stores).
  void forEachEffectiveUser(const Operation *User,
                            llvm::function_ref<void(const Operation *)> Fn) {
    if (User->getNumResults() == 1 && P.isInlined(User->getResult())) {
      for (const Operation *Next : Uses.lookup(User->getResult()))
        forEachEffectiveUser(Next, Fn);
      return;
    }
    Fn(User);
  }

  /// The operation at which a single use by User is evaluated.
  const Operation *effectiveUser(const Operation *User) {
    const Operation *At = User;
    forEachEffectiveUser(User, [&](const Operation *Op) { At = Op; });
    return At;
  }

  /// The operation of region R that contains Op (or is Op).
  static const Operation *liftTo(const Operation *Op, const Region &R) {
    while (Op && Op->getParentRegion() != &R)
      Op = Op->getParentOp();
    return Op;
  }

  /// Whether V, visible in R, is not read after the operation at Pos in R.
  bool deadAfter(const Value *V, const Region &R, unsigned Pos) {
    bool Dead = true;
    for (const Operation *User : Uses.lookup(V))
      forEachEffectiveUser(User, [&](const Operation *Op) {
        const Operation *At = liftTo(Op, R);
        Dead &= At && Index.lookup(At) <= Pos;
      });
    return Dead;
  }

  /// Whether Candidate can hand its variable to a value of Name defined at
  /// Pos in R.
  bool canTakeOver(const Value *Candidate, llvm::StringRef Name,
                   const Region &R, unsigned Pos) {
    return Candidate && !Name.empty() &&
           baseName(Candidate->getName()) == baseName(Name) &&
           Candidate->getParentRegion() == &R && P.VarOf.count(Candidate) &&
           deadAfter(Candidate, R, Pos);
  }

  void assign(const Region &R) {
    for (const auto &OpPtr : R.getOps()) {
      const Operation &Op = *OpPtr;
      unsigned Pos = Index.lookup(&Op);
      switch (Op.getKind()) {
      case OpKind::If:
        assignIf(Op, R, Pos);
        break;
      case OpKind::For:
      case OpKind::While:
        assignLoop(Op, R);
        break;
      default:
        for (Value *Res : Op.getResults()) {
          if (P.isInlined(Res) || VariablePlan::isConstant(Res))
            continue;
          const Value *Donor = nullptr;
          if (isPure(Op.getKind()))
            for (Value *V : Op.getOperands())
              if (canTakeOver(V, Res->getName(), R, Pos))
                Donor = V;
          if (Donor)
            P.VarOf[Res] = P.VarOf[Donor];
          else if (auto It = IfResultVar.find(Res); It != IfResultVar.end())
            P.VarOf[Res] = It->second;
          else
            newVar(Res);
        }
        break;
      }
      // Each region is a C++ block, except that a while's two regions share
      // one (`while (true) { before; if (!c) break; after }`). A for's
      // induction variable belongs to its block.
      bool SharedBlock = Op.getKind() == OpKind::While;
      if (SharedBlock)
        Open.emplace_back();
      for (unsigned K = 0; K != Op.getNumRegions(); ++K) {
        if (!SharedBlock)
          Open.emplace_back();
        if (Op.getKind() == OpKind::For)
          newVar(Op.getRegion(0).getArgument(0));
        assign(Op.getRegion(K));
        if (!SharedBlock)
          Open.pop_back();
      }
      if (SharedBlock)
        Open.pop_back();
    }
  }

  void assignIf(const Operation &Op, const Region &R, unsigned Pos) {
    for (unsigned J = 0; J != Op.getNumResults(); ++J) {
      Value *Res = Op.getResult(J);
      const Value *Donor = nullptr;
      for (unsigned B = 0; B != 2 && !Donor; ++B) {
        Value *Yielded = Op.getRegion(B).getTerminator()->getOperand(J);
        if (canTakeOver(Yielded, Res->getName(), R, Pos))
          Donor = Yielded;
      }
      if (Donor && !sharesWithOtherResult(Op, J, P.VarOf[Donor])) {
        P.VarOf[Res] = P.VarOf[Donor];
        continue;
      }
      auto Outer = IfResultVar.find(Res);
      unsigned Var = Outer != IfResultVar.end() ? Outer->second : newVar(Res);
      if (Outer != IfResultVar.end())
        P.VarOf[Res] = Var;
      for (unsigned B = 0; B != 2; ++B) {
        const Region &Branch = Op.getRegion(B);
        Value *Yielded = Branch.getTerminator()->getOperand(J);
        const Operation *Def = Yielded->getDefiningOp();
        if (Def && Def->getParentRegion() == &Branch &&
            baseName(Yielded->getName()) == baseName(Res->getName()) &&
            yieldedOnce(Branch, Yielded))
          IfResultVar[Yielded] = Var;
      }
    }
  }

  static bool yieldedOnce(const Region &Branch, const Value *V) {
    return llvm::count(Branch.getTerminator()->getOperands(), V) == 1;
  }

  bool sharesWithOtherResult(const Operation &Op, unsigned J, unsigned Var) {
    for (unsigned K = 0; K != J; ++K) {
      auto It = P.VarOf.find(Op.getResult(K));
      if (It != P.VarOf.end() && It->second == Var)
        return true;
    }
    return false;
  }

  void assignLoop(const Operation &Op, const Region &R) {
    llvm::ArrayRef<Value *> Inits = Op.getLoopInits();
    unsigned Skip = Op.getKind() == OpKind::For ? 1 : 0;
    for (unsigned J = 0; J != Inits.size(); ++J) {
      Value *Res = Op.getResult(J);
      // The carried argument names the source variable the loop updates.
      const Value *Carried = Op.getRegion(0).getArgument(Skip + J);
      const Value *Init = Inits[J];
      bool OnlyReader = Uses.lookup(Init).size() == 1;
      unsigned Var;
      if (OnlyReader &&
          canTakeOver(Init, Carried->getName(), R, Index.lookup(&Op)))
        Var = P.VarOf[Init];
      else
        Var = newVar(Carried);
      // A second slot with the same init needs its own variable.
      bool Clash = false;
      for (unsigned K = 0; K != J; ++K)
        Clash |= P.VarOf.lookup(Op.getResult(K)) == Var;
      if (Clash)
        Var = newVar(Carried);
      P.VarOf[Res] = Var;
      for (unsigned Reg = 0; Reg != Op.getNumRegions(); ++Reg)
        P.VarOf[Op.getRegion(Reg).getArgument(Skip + J)] = Var;
    }
  }

  VariablePlan &P;
  llvm::StringSet<> Fixed;
  std::vector<llvm::StringSet<>> Open;
  llvm::DenseMap<const Value *, llvm::SmallVector<const Operation *, 2>> Uses;
  llvm::DenseMap<const Operation *, unsigned> Index;
  /// Values a branch yields that are computed into the `if` result's
  /// variable.
  llvm::DenseMap<const Value *, unsigned> IfResultVar;
};

} // namespace

VariablePlan
ddx::planVariables(const Function &F,
                   const llvm::DenseSet<llvm::StringRef> &Reserved) {
  VariablePlan P;
  Planner(P, Reserved).run(F);
  return P;
}
