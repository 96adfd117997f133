//===- Interpreter.cpp - Evaluating ddx IR directly -----------------------===//
#include "ddx/IR/Interpreter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Twine.h"
#include <cmath>
#include <map>
#include <memory>

using namespace ddx::ir;

namespace {

using Buffer = std::vector<double>;

/// A runtime value: a scalar as a double (see Interpreter.h), or a pointer,
/// which is a buffer and the index of the element it addresses. The index
/// may leave the buffer (C++ allows one past the end); accesses check it.
struct RtValue {
  double Num = 0;
  Buffer *Buf = nullptr;
  int64_t Index = 0;

  static RtValue scalar(double V) { return {V, nullptr, 0}; }
  static RtValue pointer(Buffer *B, int64_t I) { return {0, B, I}; }
  bool isPointer() const { return Buf != nullptr; }
};

using RtValues = std::vector<RtValue>;

/// Larger allocations (in total per call) are reported rather than
/// attempted.
constexpr int64_t MaxElements = int64_t(1) << 27;

/// One function invocation: its values, the buffers it allocated and its
/// tapes, all of which die when it returns.
class Frame {
public:
  explicit Frame(const Module &M) : M(M) {}

  llvm::Expected<RtValues> call(const Function &Fn,
                                llvm::ArrayRef<RtValue> Args) {
    F = &Fn;
    if (Args.size() != Fn.getNumParams())
      return error("expects " + std::to_string(Fn.getNumParams()) +
                   " arguments, got " + std::to_string(Args.size()));
    if (++Depth > 10000)
      return llvm::createStringError("call depth exceeded");
    for (unsigned I = 0; I != Args.size(); ++I) {
      Type T = Fn.getParam(I)->getType();
      if (T.isPointer() != Args[I].isPointer())
        return error("parameter #" + std::to_string(I) + " has type " +
                     T.str().str() + ", but the argument is " +
                     (Args[I].isPointer() ? "a buffer" : "a scalar"));
      Env[Fn.getParam(I)] = Args[I];
    }
    auto R = run(Fn.getBody());
    --Depth;
    return R;
  }

private:
  /// "@f: <Msg>"
  llvm::Error error(const llvm::Twine &Msg) const {
    return llvm::createStringError("@" + F->getName() + ": " + Msg.str());
  }
  llvm::Error error(const Operation &Op, const llvm::Twine &Msg) const {
    return error("'" + Op.getMnemonic() + "' " + Msg);
  }

  RtValue get(const Value *V) const { return Env.lookup(V); }
  double num(const Value *V) const { return Env.lookup(V).Num; }

  static double fit(Type T, double V) {
    switch (T.kind()) {
    case TypeKind::F32:
      return static_cast<float>(V);
    case TypeKind::I1:
      return V != 0;
    case TypeKind::I32:
      return static_cast<int32_t>(V);
    case TypeKind::I64:
      return static_cast<double>(static_cast<int64_t>(V));
    default:
      return V;
    }
  }

  /// Runs R and returns its terminator's operand values.
  llvm::Expected<RtValues> run(const Region &R) {
    for (const auto &Op : R.getOps()) {
      if (isTerminator(Op->getKind())) {
        RtValues Out;
        for (Value *V : Op->getOperands())
          Out.push_back(get(V));
        return Out;
      }
      if (llvm::Error E = step(*Op))
        return E;
    }
    return error("region without terminator");
  }

  void bind(const Region &R, unsigned First, llvm::ArrayRef<RtValue> Vs) {
    for (unsigned I = 0; I != Vs.size(); ++I)
      Env[R.getArgument(First + I)] = Vs[I];
  }

  void results(const Operation &Op, llvm::ArrayRef<RtValue> Vs) {
    for (unsigned I = 0; I != Op.getNumResults(); ++I)
      Env[Op.getResult(I)] = Vs[I];
  }

  /// The element a load or store of Op addresses through P.
  llvm::Expected<double *> element(const Operation &Op, RtValue P) {
    if (!P.isPointer())
      return error(Op, "through a value that is not a pointer");
    if (P.Index < 0 || uint64_t(P.Index) >= P.Buf->size())
      return error(Op, "out of bounds: element " + llvm::Twine(P.Index) +
                           " of a buffer of " + llvm::Twine(P.Buf->size()) +
                           " elements");
    return &(*P.Buf)[P.Index];
  }

  /// A fresh zeroed buffer of N elements, owned by this frame.
  llvm::Expected<RtValue> allocate(const Operation &Op, double N) {
    if (!(N >= 0) || N > double(MaxElements))
      return error(Op, "of " + llvm::Twine(formatCount(N)) +
                           " elements: the size must be between 0 and " +
                           llvm::Twine(MaxElements));
    // Buffers allocated in a loop all live until the return.
    Allocated += static_cast<int64_t>(N);
    if (Allocated > MaxElements)
      return error(Op, "exceeds the interpreter's limit of " +
                           llvm::Twine(MaxElements) +
                           " elements allocated per call");
    Owned.push_back(std::make_unique<Buffer>(static_cast<size_t>(N), 0.0));
    return RtValue::pointer(Owned.back().get(), 0);
  }

  static std::string formatCount(double N) {
    return N == std::trunc(N) && std::fabs(N) < 1e18
               ? std::to_string(static_cast<int64_t>(N))
               : std::to_string(N);
  }

  llvm::Error runFor(const Operation &Op) {
    RtValues Carried;
    for (Value *V : Op.getLoopInits())
      Carried.push_back(get(V));
    int64_t Lb = static_cast<int64_t>(num(Op.getOperand(0)));
    int64_t Ub = static_cast<int64_t>(num(Op.getOperand(1)));
    int64_t St = static_cast<int64_t>(num(Op.getOperand(2)));
    if (Lb < Ub) {
      if (St <= 0)
        return error(Op, "step must be positive, not " + llvm::Twine(St));
      // Induction values Lb + K * St for K = 0 .. Count - 1; unsigned
      // arithmetic cannot overflow where the values themselves fit.
      uint64_t Count = (uint64_t(Ub) - uint64_t(Lb) - 1) / uint64_t(St) + 1;
      const Region &Body = Op.getRegion(0);
      for (uint64_t K = 0; K != Count; ++K) {
        uint64_t Step = Op.isReverseLoop() ? Count - 1 - K : K;
        int64_t I = static_cast<int64_t>(uint64_t(Lb) + Step * uint64_t(St));
        Env[Body.getArgument(0)] = RtValue::scalar(static_cast<double>(I));
        bind(Body, 1, Carried);
        auto R = run(Body);
        if (!R)
          return R.takeError();
        Carried = std::move(*R);
      }
    }
    results(Op, Carried);
    return llvm::Error::success();
  }

  llvm::Error step(const Operation &Op) {
    auto X = [&](unsigned I) { return num(Op.getOperand(I)); };
    switch (Op.getKind()) {
    case OpKind::If: {
      auto R = run(Op.getRegion(X(0) != 0 ? 0 : 1));
      if (!R)
        return R.takeError();
      results(Op, *R);
      return llvm::Error::success();
    }
    case OpKind::For:
      return runFor(Op);
    case OpKind::While: {
      RtValues Carried;
      for (Value *V : Op.getOperands())
        Carried.push_back(get(V));
      for (unsigned Iter = 0;; ++Iter) {
        if (Iter > 100000000)
          return error(Op, "loop did not terminate");
        bind(Op.getRegion(0), 0, Carried);
        auto C = run(Op.getRegion(0));
        if (!C)
          return C.takeError();
        RtValues Forwarded(C->begin() + 1, C->end());
        if ((*C)[0].Num == 0) {
          results(Op, Forwarded);
          return llvm::Error::success();
        }
        bind(Op.getRegion(1), 0, Forwarded);
        auto Next = run(Op.getRegion(1));
        if (!Next)
          return Next.takeError();
        Carried = std::move(*Next);
      }
    }
    case OpKind::Call: {
      const Function *Callee = M.lookup(Op.getCallee());
      if (!Callee)
        return error(Op, "to unknown function @" + Op.getCallee());
      RtValues Args;
      for (Value *V : Op.getOperands())
        Args.push_back(get(V));
      Frame Inner(M);
      Inner.Depth = Depth;
      auto R = Inner.call(*Callee, Args);
      if (!R)
        return R.takeError();
      results(Op, *R);
      return llvm::Error::success();
    }
    case OpKind::Select:
      // Copies pointers as well as scalars.
      Env[Op.getResult()] = get(Op.getOperand(X(0) != 0 ? 1 : 2));
      return llvm::Error::success();
    case OpKind::Alloca:
    case OpKind::TapeAlloc: {
      auto P = allocate(Op, Op.getKind() == OpKind::Alloca
                                ? static_cast<double>(Op.getIntAttr())
                                : X(0));
      if (!P)
        return P.takeError();
      Env[Op.getResult()] = *P;
      return llvm::Error::success();
    }
    case OpKind::Offset: {
      RtValue P = get(Op.getOperand(0));
      P.Index += static_cast<int64_t>(X(1));
      Env[Op.getResult()] = P;
      return llvm::Error::success();
    }
    case OpKind::Load: {
      auto Elt = element(Op, get(Op.getOperand(0)));
      if (!Elt)
        return Elt.takeError();
      Env[Op.getResult()] =
          RtValue::scalar(fit(Op.getResult()->getType(), **Elt));
      return llvm::Error::success();
    }
    case OpKind::Store: {
      auto Elt = element(Op, get(Op.getOperand(1)));
      if (!Elt)
        return Elt.takeError();
      **Elt = X(0);
      return llvm::Error::success();
    }
    case OpKind::TapePush:
      Tapes[Op.getIntAttr()].push_back(X(0));
      return llvm::Error::success();
    case OpKind::TapePop: {
      std::vector<double> &Tape = Tapes[Op.getIntAttr()];
      if (Tape.empty())
        return error(Op, "from empty tape " + llvm::Twine(Op.getIntAttr()));
      Env[Op.getResult()] = RtValue::scalar(Tape.back());
      Tape.pop_back();
      return llvm::Error::success();
    }
    default:
      break;
    }
    if (Op.getNumResults() != 1)
      return error(Op, "is not supported by the interpreter");
    Type T = Op.getResult()->getType();
    Env[Op.getResult()] = RtValue::scalar(fit(T, scalar(Op, X)));
    return llvm::Error::success();
  }

  template <typename Fn> double scalar(const Operation &Op, Fn X) {
    bool Int = Op.getNumOperands() && !Op.getOperand(0)->getType().isFloat();
    switch (Op.getKind()) {
    case OpKind::Constant:
      return Op.getResult()->getType().isFloat() ? Op.getFloatAttr()
                                                 : Op.getIntAttr();
    case OpKind::Cmp:
      switch (Op.getPredicate()) {
      case CmpPred::EQ:
        return X(0) == X(1);
      case CmpPred::NE:
        return X(0) != X(1);
      case CmpPred::LT:
        return X(0) < X(1);
      case CmpPred::LE:
        return X(0) <= X(1);
      case CmpPred::GT:
        return X(0) > X(1);
      case CmpPred::GE:
        return X(0) >= X(1);
      }
      return 0;
    case OpKind::Select:
      return X(0) != 0 ? X(1) : X(2);
    case OpKind::Cast:
      return Op.getResult()->getType().isFloat() ? X(0) : std::trunc(X(0));
    case OpKind::Neg:
      return -X(0);
    case OpKind::Add:
      return X(0) + X(1);
    case OpKind::Sub:
      return X(0) - X(1);
    case OpKind::Mul:
      return X(0) * X(1);
    case OpKind::Div:
      return Int ? std::trunc(X(0) / X(1)) : X(0) / X(1);
    case OpKind::Rem:
      return std::fmod(X(0), X(1));
    case OpKind::Not:
      return X(0) == 0;
    case OpKind::And:
      return X(0) != 0 && X(1) != 0;
    case OpKind::Or:
      return X(0) != 0 || X(1) != 0;
    case OpKind::Sin: return std::sin(X(0));
    case OpKind::Cos: return std::cos(X(0));
    case OpKind::Tan: return std::tan(X(0));
    case OpKind::Asin: return std::asin(X(0));
    case OpKind::Acos: return std::acos(X(0));
    case OpKind::Atan: return std::atan(X(0));
    case OpKind::Atan2: return std::atan2(X(0), X(1));
    case OpKind::Sinh: return std::sinh(X(0));
    case OpKind::Cosh: return std::cosh(X(0));
    case OpKind::Tanh: return std::tanh(X(0));
    case OpKind::Exp: return std::exp(X(0));
    case OpKind::Exp2: return std::exp2(X(0));
    case OpKind::Expm1: return std::expm1(X(0));
    case OpKind::Log: return std::log(X(0));
    case OpKind::Log2: return std::log2(X(0));
    case OpKind::Log10: return std::log10(X(0));
    case OpKind::Log1p: return std::log1p(X(0));
    case OpKind::Sqrt: return std::sqrt(X(0));
    case OpKind::Cbrt: return std::cbrt(X(0));
    case OpKind::Pow: return std::pow(X(0), X(1));
    case OpKind::Hypot: return std::hypot(X(0), X(1));
    case OpKind::Fabs: return std::fabs(X(0));
    case OpKind::Fmin: return std::fmin(X(0), X(1));
    case OpKind::Fmax: return std::fmax(X(0), X(1));
    case OpKind::Floor: return std::floor(X(0));
    case OpKind::Ceil: return std::ceil(X(0));
    case OpKind::Round: return std::round(X(0));
    case OpKind::Trunc: return std::trunc(X(0));
    case OpKind::Fmod: return std::fmod(X(0), X(1));
    case OpKind::Erf: return std::erf(X(0));
    default:
      return 0;
    }
  }

  const Module &M;
  const Function *F = nullptr;
  llvm::DenseMap<const Value *, RtValue> Env;
  std::vector<std::unique_ptr<Buffer>> Owned;
  int64_t Allocated = 0;
  std::map<int64_t, std::vector<double>> Tapes;
  unsigned Depth = 0;
};

} // namespace

llvm::Expected<std::vector<double>>
ddx::ir::interpret(const Module &M, llvm::StringRef Function,
                   llvm::ArrayRef<InterpArg> Args) {
  const ddx::ir::Function *F = M.lookup(Function);
  if (!F)
    return llvm::createStringError("no function @" + Function.str());
  RtValues In;
  for (const InterpArg &A : Args)
    In.push_back(A.Buffer ? RtValue::pointer(A.Buffer, 0)
                          : RtValue::scalar(A.Scalar));
  auto R = Frame(M).call(*F, In);
  if (!R)
    return R.takeError();
  std::vector<double> Out;
  for (const RtValue &V : *R) {
    if (V.isPointer())
      return llvm::createStringError("@" + F->getName() + " returns a pointer");
    Out.push_back(V.Num);
  }
  return Out;
}

llvm::Expected<std::vector<double>>
ddx::ir::interpret(const Module &M, llvm::StringRef Function,
                   llvm::ArrayRef<double> Args) {
  std::vector<InterpArg> In;
  for (double A : Args)
    In.push_back(InterpArg::scalar(A));
  return interpret(M, Function, llvm::ArrayRef<InterpArg>(In));
}
