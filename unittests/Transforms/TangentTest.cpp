//===- TangentTest.cpp - Tangent rules and pass, checked numerically ------===//
//
// Derivatives here are checked against central finite differences of the
// primal, evaluated with the IR interpreter: no expected value comes from the
// code under test.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Builder.h"
#include "ddx/IR/Interpreter.h"
#include "ddx/IR/Parser.h"
#include "ddx/IR/Printer.h"
#include "ddx/IR/Verifier.h"
#include "ddx/Transforms/DerivativeRules.h"
#include "ddx/Transforms/Simplify.h"
#include "ddx/Transforms/Tangent.h"
#include "gtest/gtest.h"
#include <cmath>

using namespace ddx;
using namespace ddx::ir;

namespace {

double eval(const Module &M, llvm::StringRef F, llvm::ArrayRef<double> Args,
            unsigned Result = 0) {
  auto R = interpret(M, F, Args);
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return NAN;
  }
  return (*R)[Result];
}

/// Checks f_tangent against central differences of f along each unit seed.
void expectTangentMatchesFD(Module &M, llvm::StringRef F,
                            std::vector<double> Point, double RelTol = 1e-6) {
  std::string Name = F.str() + "_tangent";
  if (!M.lookup(Name)) {
    TangentCache Cache;
    auto T = buildTangent(M, {F.str(), Name, {}}, Cache);
    ASSERT_TRUE(static_cast<bool>(T)) << llvm::toString(T.takeError());
    ASSERT_FALSE(static_cast<bool>(verify(M)));
  }
  unsigned N = Point.size();
  for (unsigned K = 0; K != N; ++K) {
    std::vector<double> Args = Point;
    for (unsigned J = 0; J != N; ++J)
      Args.push_back(J == K ? 1.0 : 0.0);
    double Value = eval(M, Name, Args, 0);
    double Tangent = eval(M, Name, Args, 1);
    double H = 1e-6 * std::max(1.0, std::fabs(Point[K]));
    std::vector<double> Up = Point, Down = Point;
    Up[K] += H;
    Down[K] -= H;
    double FD = (eval(M, F, Up) - eval(M, F, Down)) / (2 * H);
    EXPECT_DOUBLE_EQ(Value, eval(M, F, Point)) << F.str();
    EXPECT_NEAR(Tangent, FD, RelTol * std::max(1.0, std::fabs(FD)))
        << F.str() << " d/d(arg " << K << ")";
  }
}

std::vector<OpKind> mathOps() {
  return {
#define DDX_MATH(Enum, Mnemonic, Arity) OpKind::Enum,
#include "ddx/IR/Ops.def"
  };
}

TEST(DerivativeRules, EveryFloatPrimitiveHasARule) {
  for (OpKind K : mathOps())
    EXPECT_NE(lookupRule(K), nullptr) << mnemonic(K).str();
  for (OpKind K : {OpKind::Neg, OpKind::Add, OpKind::Sub, OpKind::Mul,
                   OpKind::Div, OpKind::Select, OpKind::Cast})
    EXPECT_NE(lookupRule(K), nullptr) << mnemonic(K).str();
}

// Each math function's rule, in each argument, at points inside its domain
// and away from the jumps of round, floor and fmod.
TEST(DerivativeRules, MathRulesMatchFiniteDifferences) {
  const std::vector<std::vector<double>> Points = {
      {0.3, 0.7}, {-0.45, 1.9}, {2.2, -1.35}};
  for (OpKind K : mathOps()) {
    for (const auto &P : Points) {
      Module M;
      unsigned Arity = arity(K);
      std::vector<Type> Params(Arity, Type::f64());
      auto *F = M.addFunction(
          std::make_unique<Function>("f", Params, std::vector<Type>{
                                                      Type::f64()}));
      Builder B(F->getBody());
      llvm::SmallVector<Value *, 2> Args;
      for (unsigned I = 0; I != Arity; ++I)
        Args.push_back(F->getParam(I));
      B.ret({B.math(K, Args)});
      std::vector<double> Point(P.begin(), P.begin() + Arity);
      if (!std::isfinite(eval(M, "f", Point)))
        continue; // Outside the domain.
      SCOPED_TRACE(mnemonic(K).str() + " at " + std::to_string(Point[0]));
      expectTangentMatchesFD(M, "f", Point);
    }
  }
}

TEST(DerivativeRules, ArithmeticAndSelectMatchFiniteDifferences) {
  auto M = parseModule(R"(
func @f(%x: f64, %y: f64) -> (f64) {
  %q = div %x, %y : f64
  %p = mul %q, %x : f64
  %d = sub %p, %y : f64
  %n = neg %d : f64
  %c = cmp lt %x, %y : f64
  %s = select %c, %n, %q : f64
  return %s
}
)");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  expectTangentMatchesFD(**M, "f", {0.3, 0.7});
  expectTangentMatchesFD(**M, "f", {1.3, 0.7});
}

const char *LoopsAndCalls = R"(
func @g(%a: f64, %b: f64) -> (f64) {
  %s = sin %a : f64
  %m = mul %s, %b : f64
  return %m
}

func @f(%x: f64, %y: f64, %n: i32) -> (f64) {
  %c2 = constant 2.0 : f64
  %xy = mul %x, %y : f64
  %g = call @g(%xy, %x) : (f64)
  %lt = cmp lt %x, %y : f64
  %v = if %lt -> (f64) {
    %e = exp %g : f64
    yield %e
  } else {
    yield %g
  }
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %s = for %i = %zero to %n step %one : i32 iter_args(%acc = %v) -> (f64) {
    %t = mul %acc, %x : f64
    %u = add %t, %y : f64
    yield %u
  }
  %w = while (%a = %s) -> (f64) {
    %k = cmp gt %a, %y : f64
    condition %k, %a
  } do (%b) {
    %h = div %b, %c2 : f64
    yield %h
  }
  return %w
}
)";

TEST(Tangent, LoopsCallsAndBranchesMatchFiniteDifferences) {
  for (auto P : std::vector<std::vector<double>>{{0.4, 0.9}, {0.9, 0.4}}) {
    auto M = parseModule(LoopsAndCalls);
    ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
    // n is an integer parameter: it gets no tangent, and FD must not move it.
    TangentCache Cache;
    auto T = buildTangent(**M, {"f", "f_tangent", {0, 1}}, Cache);
    ASSERT_TRUE(static_cast<bool>(T)) << llvm::toString(T.takeError());
    ASSERT_FALSE(static_cast<bool>(verify(**M)));
    for (unsigned K = 0; K != 2; ++K) {
      std::vector<double> Args = {P[0], P[1], 5, K == 0 ? 1.0 : 0.0,
                                  K == 1 ? 1.0 : 0.0};
      double H = 1e-6;
      std::vector<double> Up = {P[0], P[1], 5}, Down = Up;
      Up[K] += H;
      Down[K] -= H;
      double FD = (eval(**M, "f", Up) - eval(**M, "f", Down)) / (2 * H);
      EXPECT_NEAR(eval(**M, "f_tangent", Args, 1), FD,
                  1e-6 * std::max(1.0, std::fabs(FD)));
    }
  }
}

TEST(Tangent, SimplifyPreservesValues) {
  auto M = parseModule(LoopsAndCalls);
  ASSERT_TRUE(static_cast<bool>(M));
  TangentCache Cache;
  ASSERT_TRUE(static_cast<bool>(buildTangent(**M, {"f", "f_tangent", {}},
                                             Cache)));
  std::vector<double> Args = {0.4, 0.9, 4, 0.3, -0.7};
  double Before = eval(**M, "f_tangent", Args, 1);
  for (const auto &F : (*M)->getFunctions())
    simplify(*F);
  ASSERT_FALSE(static_cast<bool>(verify(**M)));
  EXPECT_EQ(Before, eval(**M, "f_tangent", Args, 1));
}

TEST(Tangent, OutputIsDeterministic) {
  std::string Text[2];
  for (std::string &Out : Text) {
    auto M = parseModule(LoopsAndCalls);
    ASSERT_TRUE(static_cast<bool>(M));
    TangentCache Cache;
    ASSERT_TRUE(
        static_cast<bool>(buildTangent(**M, {"f", "f_tangent", {}}, Cache)));
    llvm::raw_string_ostream OS(Out);
    print(**M, OS);
  }
  EXPECT_EQ(Text[0], Text[1]);
}

TEST(Tangent, CalleeTangentIsBuiltOnce) {
  auto M = parseModule(R"(
func @g(%a: f64) -> (f64) {
  %s = sin %a : f64
  return %s
}
func @f(%x: f64) -> (f64) {
  %p = call @g(%x) : (f64)
  %q = call @g(%p) : (f64)
  return %q
}
func @h(%x: f64) -> (f64) {
  %p = call @g(%x) : (f64)
  return %p
}
)");
  ASSERT_TRUE(static_cast<bool>(M));
  TangentCache Cache;
  ASSERT_TRUE(static_cast<bool>(buildTangent(**M, {"f", "f_tangent", {}},
                                             Cache)));
  ASSERT_TRUE(static_cast<bool>(buildTangent(**M, {"h", "h_tangent", {}},
                                             Cache)));
  EXPECT_EQ((*M)->getFunctions().size(), 6u); // g f h f_tangent g_tangent h_tangent
  EXPECT_EQ(Cache.lookup("g"), "g_tangent");
}

TEST(Tangent, RejectsFunctionsWithNothingToDifferentiate) {
  auto M = parseModule(R"(
func @f(%n: i32) -> (i32) {
  return %n
}
)");
  ASSERT_TRUE(static_cast<bool>(M));
  TangentCache Cache;
  auto T = buildTangent(**M, {"f", "f_tangent", {}}, Cache);
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_NE(llvm::toString(T.takeError()).find("no floating-point parameters"),
            std::string::npos);
}

} // namespace

namespace {

// Reverse-mode rules come from transposing forward rules. For a scalar
// primitive y = op(x0, x1) the cotangent of operand i at Ct = 1 must equal
// the tangent of y with a unit seed on x_i: the two modes see the same
// Jacobian.
TEST(DerivativeRules, TransposedRulesAgreeWithForwardRules) {
  const double Point[2] = {0.3, 0.7};
  std::vector<OpKind> Kinds = mathOps();
  for (OpKind K : {OpKind::Neg, OpKind::Add, OpKind::Sub, OpKind::Mul,
                   OpKind::Div})
    Kinds.push_back(K);
  for (OpKind K : Kinds) {
    unsigned Arity = arity(K);
    // f(x...) -> (y, dy/dx_0, ..., dy/dx_{n-1}) by forward rules, and
    // g(x...) -> (adj_0, ..., adj_{n-1}) by transposed rules.
    Module M;
    std::vector<Type> Params(Arity, Type::f64());
    std::vector<Type> Results(Arity, Type::f64());
    auto *G = M.addFunction(std::make_unique<Function>("g", Params, Results));
    Builder B(G->getBody());
    llvm::SmallVector<Value *, 2> Xs;
    for (unsigned I = 0; I != Arity; ++I)
      Xs.push_back(G->getParam(I));
    Value *Y = isMath(K) ? B.math(K, Xs) : B.arith(K, Xs);
    llvm::SmallVector<bool, 2> Active(Arity, true);
    auto Adj = vjp(*lookupRule(K), Xs, Y, Active, Term::constant(1.0));
    llvm::SmallVector<Value *, 2> Outs;
    for (const Term &T : Adj) {
      Value *V = T.materialize(B, Type::f64());
      Outs.push_back(V ? V : B.constant(Type::f64(), 0.0));
    }
    B.ret(Outs);
    ASSERT_FALSE(static_cast<bool>(verify(M))) << mnemonic(K).str();

    Module MF;
    auto *F = MF.addFunction(std::make_unique<Function>(
        "f", Params, std::vector<Type>{Type::f64()}));
    Builder BF(F->getBody());
    llvm::SmallVector<Value *, 2> FX;
    for (unsigned I = 0; I != Arity; ++I)
      FX.push_back(F->getParam(I));
    BF.ret({isMath(K) ? BF.math(K, FX) : BF.arith(K, FX)});
    TangentCache Cache;
    ASSERT_TRUE(static_cast<bool>(buildTangent(MF, {"f", "f_t", {}}, Cache)));
    std::vector<double> Args(Point, Point + Arity);
    auto Reverse = interpret(M, "g", Args);
    ASSERT_TRUE(static_cast<bool>(Reverse));
    for (unsigned I = 0; I != Arity; ++I) {
      std::vector<double> TArgs(Point, Point + Arity);
      for (unsigned J = 0; J != Arity; ++J)
        TArgs.push_back(I == J ? 1.0 : 0.0);
      double Forward = eval(MF, "f_t", TArgs, 1);
      EXPECT_NEAR((*Reverse)[I], Forward, 1e-14 * std::max(1.0, std::fabs(Forward)))
          << mnemonic(K).str() << " operand " << I;
    }
  }
}

} // namespace
