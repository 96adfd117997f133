//===- Interpreter.cpp - Evaluating ddx IR directly -----------------------===//
#include "ddx/IR/Interpreter.h"
#include "llvm/ADT/DenseMap.h"
#include <cmath>

using namespace ddx::ir;

namespace {

class Frame {
public:
  explicit Frame(const Module &M) : M(M) {}

  llvm::Expected<std::vector<double>> call(const Function &F,
                                           llvm::ArrayRef<double> Args) {
    if (Args.size() != F.getNumParams())
      return llvm::createStringError("@" + F.getName() + " expects " +
                                     std::to_string(F.getNumParams()) +
                                     " arguments");
    if (++Depth > 10000)
      return llvm::createStringError("call depth exceeded");
    for (unsigned I = 0; I != Args.size(); ++I)
      Env[F.getParam(I)] = Args[I];
    auto R = run(F.getBody());
    --Depth;
    return R;
  }

private:
  double get(const Value *V) const { return Env.lookup(V); }

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
  llvm::Expected<std::vector<double>> run(const Region &R) {
    for (const auto &Op : R.getOps()) {
      if (isTerminator(Op->getKind())) {
        std::vector<double> Out;
        for (Value *V : Op->getOperands())
          Out.push_back(get(V));
        return Out;
      }
      if (llvm::Error E = step(*Op))
        return E;
    }
    return llvm::createStringError("region without terminator");
  }

  void bind(const Region &R, unsigned First, llvm::ArrayRef<double> Vs) {
    for (unsigned I = 0; I != Vs.size(); ++I)
      Env[R.getArgument(First + I)] = Vs[I];
  }

  void results(const Operation &Op, llvm::ArrayRef<double> Vs) {
    for (unsigned I = 0; I != Op.getNumResults(); ++I)
      Env[Op.getResult(I)] = Vs[I];
  }

  llvm::Error step(const Operation &Op) {
    auto X = [&](unsigned I) { return get(Op.getOperand(I)); };
    switch (Op.getKind()) {
    case OpKind::If: {
      auto R = run(Op.getRegion(X(0) != 0 ? 0 : 1));
      if (!R)
        return R.takeError();
      results(Op, *R);
      return llvm::Error::success();
    }
    case OpKind::For: {
      std::vector<double> Carried;
      for (Value *V : Op.getLoopInits())
        Carried.push_back(get(V));
      for (double I = X(0); I < X(1); I += X(2)) {
        Env[Op.getRegion(0).getArgument(0)] = I;
        bind(Op.getRegion(0), 1, Carried);
        auto R = run(Op.getRegion(0));
        if (!R)
          return R.takeError();
        Carried = *R;
      }
      results(Op, Carried);
      return llvm::Error::success();
    }
    case OpKind::While: {
      std::vector<double> Carried;
      for (Value *V : Op.getOperands())
        Carried.push_back(get(V));
      for (unsigned Iter = 0;; ++Iter) {
        if (Iter > 100000000)
          return llvm::createStringError("while loop did not terminate");
        bind(Op.getRegion(0), 0, Carried);
        auto C = run(Op.getRegion(0));
        if (!C)
          return C.takeError();
        std::vector<double> Forwarded(C->begin() + 1, C->end());
        if ((*C)[0] == 0) {
          results(Op, Forwarded);
          return llvm::Error::success();
        }
        bind(Op.getRegion(1), 0, Forwarded);
        auto Next = run(Op.getRegion(1));
        if (!Next)
          return Next.takeError();
        Carried = *Next;
      }
    }
    case OpKind::Call: {
      const Function *Callee = M.lookup(Op.getCallee());
      if (!Callee)
        return llvm::createStringError("unknown callee @" + Op.getCallee());
      std::vector<double> Args;
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
    default:
      break;
    }
    Type T = Op.getNumResults() ? Op.getResult()->getType() : Type();
    Env[Op.getResult()] = fit(T, scalar(Op, X));
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
  llvm::DenseMap<const Value *, double> Env;
  unsigned Depth = 0;
};

} // namespace

llvm::Expected<std::vector<double>>
ddx::ir::interpret(const Module &M, llvm::StringRef Function,
                   llvm::ArrayRef<double> Args) {
  const ddx::ir::Function *F = M.lookup(Function);
  if (!F)
    return llvm::createStringError("no function @" + Function.str());
  return Frame(M).call(*F, Args);
}
