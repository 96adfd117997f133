//===- AdjointTest.cpp - Reverse mode against forward mode ----------------===//
//
// The dot-product test: for the Jacobian J of f at a point, random ẋ and ȳ,
//   <ȳ, J ẋ> (forward mode, f_tangent)  ==  <Jᵀ ȳ, ẋ> (reverse mode, f_adjoint)
// to rounding. Both derivatives are built from the same IR and evaluated by
// the IR interpreter, so this checks the adjoint pass, the tape planner and
// the tangent pass against each other on control flow and memory, with no
// C++ compiler in the loop.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Interpreter.h"
#include "ddx/IR/Parser.h"
#include "ddx/IR/Printer.h"
#include "ddx/IR/Verifier.h"
#include "ddx/Transforms/Adjoint.h"
#include "ddx/Transforms/Simplify.h"
#include "ddx/Transforms/Tangent.h"
#include "gtest/gtest.h"
#include <cmath>
#include <random>

using namespace ddx;
using namespace ddx::ir;

namespace {

/// An argument of the function under test: a scalar, or an array.
struct Arg {
  double Scalar = 0;
  std::vector<double> Array;
  bool IsArray = false;
};

Arg scalar(double V) { return {V, {}, false}; }
Arg array(std::vector<double> V) { return {0, std::move(V), true}; }

bool isFloatData(Type T) {
  return T.isFloat() || (T.isPointer() && T.getElementType().isFloat());
}

/// Runs the dot-product test on @f with the given primal arguments.
void dotProductTest(const char *Source, std::vector<Arg> Primal,
                    bool Simplify = true, unsigned Seed = 1) {
  auto MOrErr = parseModule(Source);
  ASSERT_TRUE(static_cast<bool>(MOrErr)) << toString(MOrErr.takeError());
  Module &M = **MOrErr;
  TangentCache TC;
  auto T = buildTangent(M, {"f", "f_tangent", {}}, TC);
  ASSERT_TRUE(static_cast<bool>(T)) << toString(T.takeError());
  AdjointCache AC;
  AdjointOptions AO;
  AO.Function = "f";
  AO.Name = "f_adjoint";
  auto A = buildAdjoint(M, AO, AC);
  ASSERT_TRUE(static_cast<bool>(A)) << toString(A.takeError());
  // The vector adjoint, with its own cache so that it shares nothing with
  // the scalar one.
  constexpr unsigned Lanes = 3;
  AdjointCache VC;
  AO.Name = "f_adjoint_n";
  AO.Lanes = Lanes;
  auto AN = buildAdjoint(M, AO, VC);
  ASSERT_TRUE(static_cast<bool>(AN)) << toString(AN.takeError());
  if (Simplify)
    for (const auto &F : M.getFunctions())
      simplify(*F);
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  print(M, OS);
  ASSERT_FALSE(static_cast<bool>(verify(M))) << Printed;

  const Function &F = *M.lookup("f");
  bool FloatResult =
      F.getResultTypes().size() == 1 && F.getResultTypes()[0].isFloat();
  std::mt19937 Rng(Seed);
  std::uniform_real_distribution<double> U(-1, 1);

  // Random directions for every floating input, random seeds for outputs.
  std::vector<Arg> Dot = Primal, Bar = Primal;
  double ReturnBar = U(Rng);
  for (unsigned I = 0; I != Primal.size(); ++I) {
    for (double &V : Dot[I].Array)
      V = U(Rng);
    for (double &V : Bar[I].Array)
      V = U(Rng);
    Dot[I].Scalar = U(Rng);
  }

  // Forward: J ẋ.
  std::vector<Arg> TArgs = Primal, TDot = Dot;
  std::vector<InterpArg> In;
  for (Arg &A : TArgs)
    In.push_back(A.IsArray ? InterpArg::buffer(A.Array)
                           : InterpArg::scalar(A.Scalar));
  for (unsigned I = 0; I != F.getNumParams(); ++I)
    if (isFloatData(F.getParam(I)->getType()))
      In.push_back(TDot[I].IsArray ? InterpArg::buffer(TDot[I].Array)
                                   : InterpArg::scalar(TDot[I].Scalar));
  auto TR = interpret(M, "f_tangent", In);
  ASSERT_TRUE(static_cast<bool>(TR)) << toString(TR.takeError()) << Printed;

  // Reverse: Jᵀ ȳ; d_ arrays of outputs start as the seeds ȳ.
  std::vector<Arg> AArgs = Primal, ABar = Bar;
  std::vector<std::vector<double>> ScalarBar(F.getNumParams(),
                                             std::vector<double>(1, 0.0));
  In.clear();
  for (Arg &A : AArgs)
    In.push_back(A.IsArray ? InterpArg::buffer(A.Array)
                           : InterpArg::scalar(A.Scalar));
  if (FloatResult)
    In.push_back(InterpArg::scalar(ReturnBar));
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    Type Ty = F.getParam(I)->getType();
    if (!isFloatData(Ty))
      continue;
    if (!Ty.isPointer()) {
      In.push_back(InterpArg::buffer(ScalarBar[I]));
      continue;
    }
    if (Ty.isConstPointer())
      std::fill(ABar[I].Array.begin(), ABar[I].Array.end(), 0.0);
    In.push_back(InterpArg::buffer(ABar[I].Array));
  }
  auto AR = interpret(M, "f_adjoint", In);
  ASSERT_TRUE(static_cast<bool>(AR)) << toString(AR.takeError()) << Printed;

  // <ȳ, J ẋ>: the returned tangent and the output arrays' tangents.
  double Lhs = FloatResult ? ReturnBar * (*TR)[1] : 0.0;
  // <Jᵀ ȳ, ẋ>: input adjoints against input directions. For an in/out
  // array, d_y on exit is the adjoint of y's input, ẋ its input tangent.
  double Rhs = 0;
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    Type Ty = F.getParam(I)->getType();
    if (!isFloatData(Ty))
      continue;
    if (!Ty.isPointer()) {
      Rhs += ScalarBar[I][0] * Dot[I].Scalar;
      continue;
    }
    for (size_t K = 0; K != Dot[I].Array.size(); ++K) {
      if (!Ty.isConstPointer())
        Lhs += Bar[I].Array[K] * TDot[I].Array[K];
      Rhs += ABar[I].Array[K] * Dot[I].Array[K];
    }
  }
  EXPECT_NEAR(Lhs, Rhs, 1e-12 * std::max(1.0, std::fabs(Lhs))) << Printed;
  EXPECT_NE(Lhs, 0.0) << "degenerate test: nothing flows";

  // The vector adjoint: each lane has its own random seeds ȳ_l and passes
  // the dot-product test against the same forward run. Lanes sit together
  // per element: element k, lane l at k * Lanes + l.
  std::vector<double> ReturnBars(Lanes);
  std::vector<std::vector<Arg>> LaneBar(Lanes, Primal);
  for (unsigned L = 0; L != Lanes; ++L) {
    ReturnBars[L] = U(Rng);
    for (unsigned I = 0; I != Primal.size(); ++I)
      for (double &V : LaneBar[L][I].Array)
        V = U(Rng);
  }
  std::vector<Arg> NArgs = Primal;
  std::vector<std::vector<double>> NBar(F.getNumParams());
  In.clear();
  for (Arg &A : NArgs)
    In.push_back(A.IsArray ? InterpArg::buffer(A.Array)
                           : InterpArg::scalar(A.Scalar));
  if (FloatResult)
    In.push_back(InterpArg::buffer(ReturnBars));
  for (unsigned I = 0; I != F.getNumParams(); ++I) {
    Type Ty = F.getParam(I)->getType();
    if (!isFloatData(Ty))
      continue;
    size_t Elements = Ty.isPointer() ? Primal[I].Array.size() : 1;
    NBar[I].assign(Elements * Lanes, 0.0);
    if (Ty.isPointer() && !Ty.isConstPointer())
      for (size_t K = 0; K != Elements; ++K)
        for (unsigned L = 0; L != Lanes; ++L)
          NBar[I][K * Lanes + L] = LaneBar[L][I].Array[K];
    In.push_back(InterpArg::buffer(NBar[I]));
  }
  auto NR = interpret(M, "f_adjoint_n", In);
  ASSERT_TRUE(static_cast<bool>(NR)) << toString(NR.takeError()) << Printed;
  for (unsigned L = 0; L != Lanes; ++L) {
    double LaneLhs = FloatResult ? ReturnBars[L] * (*TR)[1] : 0.0;
    double LaneRhs = 0;
    for (unsigned I = 0; I != F.getNumParams(); ++I) {
      Type Ty = F.getParam(I)->getType();
      if (!isFloatData(Ty))
        continue;
      if (!Ty.isPointer()) {
        LaneRhs += NBar[I][L] * Dot[I].Scalar;
        continue;
      }
      for (size_t K = 0; K != Dot[I].Array.size(); ++K) {
        if (!Ty.isConstPointer())
          LaneLhs += LaneBar[L][I].Array[K] * TDot[I].Array[K];
        LaneRhs += NBar[I][K * Lanes + L] * Dot[I].Array[K];
      }
    }
    EXPECT_NEAR(LaneLhs, LaneRhs, 1e-12 * std::max(1.0, std::fabs(LaneLhs)))
        << "lane " << L << "\n"
        << Printed;
    EXPECT_NE(LaneLhs, 0.0) << "degenerate test: nothing flows in lane " << L;
  }
}

const char *LoopsCallsBranches = R"(
func @g(%a: f64, %b: f64) -> (f64) {
  %m = mul %a, %b : f64
  %e = exp %m : f64
  return %e
}

func @f(%x: f64, %y: f64, %n: i32) -> (f64) {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %tenth = constant 0.1 : f64
  %acc = for %i = %zero to %n step %one : i32 iter_args(%a = %x) -> (f64) {
    %c = cmp gt %a, %y : f64
    %v = if %c -> (f64) {
      %gv = call @g(%a, %x) : (f64)
      %h = mul %gv, %tenth : f64
      yield %h
    } else {
      %q = mul %a, %x : f64
      %q2 = add %q, %y : f64
      yield %q2
    }
    yield %v
  }
  %r = mul %acc, %y : f64
  return %r
}
)";

TEST(Adjoint, LoopWithBranchesAndCallsMatchesForward) {
  dotProductTest(LoopsCallsBranches, {scalar(0.9), scalar(0.7), scalar(6)});
  dotProductTest(LoopsCallsBranches, {scalar(0.2), scalar(0.5), scalar(5)},
                 /*Simplify=*/false, 7);
}

// A while loop whose trip count depends on the data; the result also uses
// the count (an integer: no derivative through it).
const char *WhileLoop = R"(
func @f(%x: f64, %y: f64) -> (f64) {
  %c0 = constant 0 : i32
  %lim = constant 3.0 : f64
  %half = constant 0.5 : f64
  %one = constant 1 : i32
  %r, %n = while (%a = %x, %k = %c0) -> (f64, i32) {
    %go = cmp lt %a, %lim : f64
    condition %go, %a, %k
  } do (%a1, %k1) {
    %s = sin %a1 : f64
    %t = mul %s, %y : f64
    %a2 = add %a1, %t : f64
    %a3 = add %a2, %half : f64
    %k2 = add %k1, %one : i32
    yield %a3, %k2
  }
  %kf = cast %n : i32 to f64
  %res = mul %r, %kf : f64
  %res2 = mul %res, %x : f64
  return %res2
}
)";

TEST(Adjoint, WhileLoopMatchesForward) {
  dotProductTest(WhileLoop, {scalar(0.4), scalar(0.3)});
  dotProductTest(WhileLoop, {scalar(-0.8), scalar(0.6)}, false, 3);
}

// Nested loops with a data-dependent inner trip count, reads of an in/out
// array inside the inner loop, and an in-place update after it.
const char *NestedInPlace = R"(
func @f(%x: ptr<const f64>, %y: ptr<f64>, %n: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %s0 = constant 0.25 : f64
  %tot = for %i = %z to %n step %o : i32 iter_args(%s = %s0) -> (f64) {
    %ip1 = add %i, %o : i32
    %inner = for %j = %z to %ip1 step %o : i32 iter_args(%t = %s) -> (f64) {
      %px = offset %x, %j : ptr<const f64>
      %xj = load %px : f64
      %py = offset %y, %i : ptr<f64>
      %yi = load %py : f64
      %m = mul %xj, %yi : f64
      %c = cos %t : f64
      %u = mul %m, %c : f64
      %t2 = add %t, %u : f64
      yield %t2
    }
    %py2 = offset %y, %i : ptr<f64>
    %yi2 = load %py2 : f64
    %sq = mul %yi2, %inner : f64
    %py3 = offset %y, %i : ptr<f64>
    store %sq, %py3
    yield %inner
  }
  return %tot
}
)";

TEST(Adjoint, NestedLoopsWithInPlaceUpdatesMatchForward) {
  dotProductTest(NestedInPlace,
                 {array({0.3, -0.5, 0.8, 0.1}), array({0.7, 0.2, -0.4, 0.9}),
                  scalar(4)});
  dotProductTest(NestedInPlace,
                 {array({0.3, -0.5, 0.8, 0.1}), array({0.7, 0.2, -0.4, 0.9}),
                  scalar(3)},
                 false, 11);
}

// A local array as scratch, written in one loop and read in another.
const char *LocalScratch = R"(
func @f(%x: ptr<const f64>, %n: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %buf = alloca 8 : ptr<f64>
  for %i = %z to %n step %o : i32 {
    %px = offset %x, %i : ptr<const f64>
    %xi = load %px : f64
    %e = exp %xi : f64
    %pb = offset %buf, %i : ptr<f64>
    store %e, %pb
    yield
  }
  %s0 = constant 0.0 : f64
  %s = for %i = %z to %n step %o : i32 iter_args(%acc = %s0) -> (f64) {
    %pb = offset %buf, %i : ptr<f64>
    %bi = load %pb : f64
    %sq = mul %bi, %acc : f64
    %a2 = add %sq, %bi : f64
    yield %a2
  }
  return %s
}
)";

TEST(Adjoint, LocalArrayScratchMatchesForward) {
  dotProductTest(LocalScratch, {array({0.3, -0.5, 0.8, 0.1, 0.2}), scalar(5)});
}

// An outer loop whose body the reverse sweep would run again per iteration,
// but whose scratch array t is kept per iteration instead: it fills
// t[0..k) from the carried value, reads t[0] (written
// this iteration when k > 0) and takes a log-sum-exp with a data-dependent
// maximum over it. The carried sum is also read in the body, so its reverse
// cannot run inside the primal loop.
const char *RecomputedBody = R"(
func @f(%x: ptr<const f64>, %n: i32, %k: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %half = constant 0.5 : f64
  %s0 = constant 0.25 : f64
  %t = alloca 4 : ptr<f64>
  %s = for %i = %z to %n step %o : i32 iter_args(%acc = %s0) -> (f64) {
    for %c = %z to %k step %o : i32 {
      %ic = add %i, %c : i32
      %px = offset %x, %ic : ptr<const f64>
      %xv = load %px : f64
      %e = mul %xv, %acc : f64
      %sn = sin %e : f64
      %pt = offset %t, %c : ptr<f64>
      store %sn, %pt
      yield
    }
    %m0 = load %t : f64
    %mx = for %c = %o to %k step %o : i32 iter_args(%m = %m0) -> (f64) {
      %pt = offset %t, %c : ptr<f64>
      %tc = load %pt : f64
      %gt = cmp gt %tc, %m : f64
      %r = if %gt -> (f64) {
        yield %tc
      } else {
        yield %m
      }
      yield %r
    }
    %se = for %c = %z to %k step %o : i32 iter_args(%a = %s0) -> (f64) {
      %pt = offset %t, %c : ptr<f64>
      %tc = load %pt : f64
      %d = sub %tc, %mx : f64
      %ex = exp %d : f64
      %a2 = add %a, %ex : f64
      yield %a2
    }
    %lg = log %se : f64
    %v = add %mx, %lg : f64
    %h = mul %acc, %half : f64
    %v2 = sub %v, %h : f64
    %acc2 = add %acc, %v2 : f64
    yield %acc2
  }
  return %s
}
)";

TEST(Adjoint, RecomputedLoopBodyMatchesForward) {
  auto M = parseModule(RecomputedBody);
  ASSERT_TRUE(static_cast<bool>(M)) << toString(M.takeError());
  AdjointCache AC;
  std::string Report;
  auto A = buildAdjoint(**M, {"f", "f_grad", {}, true}, AC, &Report);
  ASSERT_TRUE(static_cast<bool>(A)) << toString(A.takeError());
  // t is scratch of the loop alone: kept per iteration, not recomputed.
  EXPECT_NE(Report.find("scratch arrays kept per iteration (%t"),
            std::string::npos)
      << Report;
  std::vector<double> X = {0.3, -0.5, 0.8, 0.1, 0.9, -0.2, 0.6, 0.4};
  dotProductTest(RecomputedBody, {array(X), scalar(5), scalar(3)});
  dotProductTest(RecomputedBody, {array(X), scalar(4), scalar(4)}, false, 7);
  dotProductTest(RecomputedBody, {array(X), scalar(3), scalar(1)});
}

// The same shape with the sum carried as a plain running sum, returned as
// it is: each iteration is reversed inside the primal loop.
const char *FusedReverse = R"(
func @f(%x: ptr<const f64>, %n: i32, %k: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %s0 = constant 0.25 : f64
  %t = alloca 4 : ptr<f64>
  %s = for %i = %z to %n step %o : i32 iter_args(%acc = %s0) -> (f64) {
    for %c = %z to %k step %o : i32 {
      %ic = add %i, %c : i32
      %px = offset %x, %ic : ptr<const f64>
      %xv = load %px : f64
      %e = mul %xv, %xv : f64
      %sn = sin %e : f64
      %pt = offset %t, %c : ptr<f64>
      store %sn, %pt
      yield
    }
    %m0 = load %t : f64
    %se = for %c = %z to %k step %o : i32 iter_args(%a = %s0) -> (f64) {
      %pt = offset %t, %c : ptr<f64>
      %tc = load %pt : f64
      %d = sub %tc, %m0 : f64
      %ex = exp %d : f64
      %a2 = add %a, %ex : f64
      yield %a2
    }
    %lg = log %se : f64
    %v = add %m0, %lg : f64
    %acc2 = add %acc, %v : f64
    yield %acc2
  }
  %r = sub %s, %s0 : f64
  return %r
}
)";

TEST(Adjoint, FusedLoopReverseMatchesForward) {
  auto M = parseModule(FusedReverse);
  ASSERT_TRUE(static_cast<bool>(M)) << toString(M.takeError());
  AdjointCache AC;
  std::string Report;
  auto A = buildAdjoint(**M, {"f", "f_grad", {}, true}, AC, &Report);
  ASSERT_TRUE(static_cast<bool>(A)) << toString(A.takeError());
  EXPECT_NE(Report.find("reverse fused into each iteration"),
            std::string::npos)
      << Report;
  std::vector<double> X = {0.3, -0.5, 0.8, 0.1, 0.9, -0.2, 0.6, 0.4};
  dotProductTest(FusedReverse, {array(X), scalar(5), scalar(3)});
  dotProductTest(FusedReverse, {array(X), scalar(4), scalar(4)}, false, 7);
  dotProductTest(FusedReverse, {array(X), scalar(1), scalar(2)});

  // Reading the scratch array after the loop feeds adjoints into it that
  // the last iteration's reverse must see: not fused.
  std::string ReadsAfter = FusedReverse;
  std::string Ret = "  %r = sub %s, %s0 : f64\n";
  ReadsAfter.replace(ReadsAfter.find(Ret), Ret.size(),
                     "  %t0 = load %t : f64\n  %r0 = sub %s, %s0 : f64\n"
                     "  %r = add %r0, %t0 : f64\n");
  auto M2 = parseModule(ReadsAfter);
  ASSERT_TRUE(static_cast<bool>(M2)) << toString(M2.takeError());
  std::string Report2;
  auto A2 = buildAdjoint(**M2, {"f", "f_grad", {}, true}, AC, &Report2);
  ASSERT_TRUE(static_cast<bool>(A2)) << toString(A2.takeError());
  EXPECT_EQ(Report2.find("reverse fused"), std::string::npos) << Report2;
  dotProductTest(ReadsAfter.c_str(), {array(X), scalar(5), scalar(3)});
}

// Vector output: y[i] = x[i]^2 * a (void function, outputs only).
const char *VectorOutput = R"(
func @f(%x: ptr<const f64>, %y: ptr<f64>, %a: f64, %n: i32) -> () {
  %z = constant 0 : i32
  %o = constant 1 : i32
  for %i = %z to %n step %o : i32 {
    %px = offset %x, %i : ptr<const f64>
    %xi = load %px : f64
    %sq = mul %xi, %xi : f64
    %v = mul %sq, %a : f64
    %py = offset %y, %i : ptr<f64>
    store %v, %py
    yield
  }
  return
}
)";

TEST(Adjoint, VectorOutputMatchesForward) {
  dotProductTest(VectorOutput,
                 {array({0.3, -0.5, 0.8}), array({0.0, 0.0, 0.0}),
                  scalar(1.7), scalar(3)});
}

TEST(Adjoint, GradientReturnsValueAndAddsIntoDerivatives) {
  auto M = parseModule(LoopsCallsBranches);
  ASSERT_TRUE(static_cast<bool>(M));
  AdjointCache AC;
  AdjointOptions AO;
  AO.Function = "f";
  AO.Name = "f_grad";
  AO.Gradient = true;
  ASSERT_TRUE(static_cast<bool>(buildAdjoint(**M, AO, AC)));
  std::vector<double> DX = {1.0}, DY = {2.0};
  std::vector<InterpArg> Args = {InterpArg::scalar(0.9), InterpArg::scalar(0.7),
                                 InterpArg::scalar(6), InterpArg::buffer(DX),
                                 InterpArg::buffer(DY)};
  auto R = interpret(**M, "f_grad", Args);
  ASSERT_TRUE(static_cast<bool>(R));
  auto Primal = interpret(**M, "f", {0.9, 0.7, 6.0});
  ASSERT_TRUE(static_cast<bool>(Primal));
  EXPECT_EQ((*R)[0], (*Primal)[0]);
  std::vector<double> DX0 = {0.0}, DY0 = {0.0};
  Args[3] = InterpArg::buffer(DX0);
  Args[4] = InterpArg::buffer(DY0);
  ASSERT_TRUE(static_cast<bool>(interpret(**M, "f_grad", Args)));
  EXPECT_NEAR(DX[0], 1.0 + DX0[0], 1e-14);
  EXPECT_NEAR(DY[0], 2.0 + DY0[0], 1e-14);
}

} // namespace

namespace {

// Simplify's memory transformations (forwarding, dead stores, carrying an
// element across iterations) must not change what a function computes:
// run the original and the simplified function on the same inputs.
TEST(Simplify, MemoryTransformationsPreserveResults) {
  const char *Source = R"(
func @f(%g: ptr<f64>, %x: ptr<const f64>, %v: f64, %n: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %acc0 = constant 0.0 : f64
  %r = for %i = %z to %n step %o : i32 reverse iter_args(%acc = %acc0) -> (f64) {
    %p0 = offset %g, %i : ptr<f64>
    %a = load %p0 : f64
    %px = offset %x, %i : ptr<const f64>
    %xi = load %px : f64
    %a2 = add %a, %xi : f64
    %q0 = offset %g, %i : ptr<f64>
    store %a2, %q0
    %q0b = offset %g, %i : ptr<f64>
    %a3 = load %q0b : f64
    %a4 = mul %a3, %v : f64
    %q0c = offset %g, %i : ptr<f64>
    store %a4, %q0c
    %ip = add %i, %o : i32
    %p1 = offset %g, %ip : ptr<f64>
    %b = load %p1 : f64
    %b2 = mul %b, %xi : f64
    %q1 = offset %g, %ip : ptr<f64>
    store %b2, %q1
    %acc2 = add %acc, %b2 : f64
    yield %acc2
  }
  return %r
}
)";
  for (int N : {0, 1, 2, 5}) {
    std::vector<double> Results[2], G[2];
    for (int Simplified = 0; Simplified != 2; ++Simplified) {
      auto M = parseModule(Source);
      ASSERT_TRUE(static_cast<bool>(M));
      if (Simplified)
        simplify(*(*M)->lookup("f"));
      ASSERT_FALSE(static_cast<bool>(verify(**M)));
      G[Simplified] = {0.5, -1.0, 2.0, 0.25, 3.0, -0.75};
      std::vector<double> X = {1.5, -0.5, 0.75, 2.0, -1.25, 0.5};
      auto R = interpret(**M, "f",
                         {InterpArg::buffer(G[Simplified]),
                          InterpArg::buffer(X), InterpArg::scalar(1.25),
                          InterpArg::scalar(N)});
      ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
      Results[Simplified] = *R;
    }
    EXPECT_EQ(Results[0], Results[1]) << "n = " << N;
    EXPECT_EQ(G[0], G[1]) << "n = " << N;
  }
}

} // namespace
