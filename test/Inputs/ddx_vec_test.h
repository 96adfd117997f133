//===- ddx_vec_test.h - Helpers for vector-adjoint execution tests -*- C++ -*-//
//
// Companion of ddx_test.h (whose checks, tolerances, failure lines and
// finish() it reuses) for the vector adjoint DDX_ADJOINT_N(f, N): N
// pullbacks from one primal sweep, every d_ array lane-interleaved (element
// k, lane l at d_p[k * N + l]). A test (test/Exec/vec_*.cpp) builds with
// clang++ and g++, runs and expects `PASS` on stdout.
//
// The helpers see a function as a map between two packed vectors: the n
// independent inputs x (scalars, array elements, the input values of in/out
// arrays, in an order the test picks) and the m outputs y (the floating
// result, output arrays' values). Since every d_ array is lane-interleaved,
// a contiguous run of packed inputs [o, o + len) has its lanes in the
// contiguous run [o * N, (o + len) * N) of the packed adjoint, so the
// test's lambdas can pass `xbar + o * N` straight to the derivative.
//
//   check(name, N, Primal, Tan, VecAdj, Jac, x, m)
//     Primal(const T* x, T* y)      generic lambda, called with T = double
//                                   and T = long double (finite differences)
//     Tan(const double* x, const double* xdot, double* y, double* ydot)
//                                   the function's DDX_TANGENT, packed; or
//                                   no_tangent
//     VecAdj(const double* x, const double* ybar, double* xbar, double* y)
//                                   the vector adjoint, packed: ybar holds
//                                   m * N seeds (output j, lane l at
//                                   ybar[j * N + l]); adds the lanes' input
//                                   adjoints into xbar (n * N, same layout);
//                                   writes into y (m values, NaN on entry)
//                                   the primal outputs the adjoint computes
//                                   (output arrays); entries left NaN are not
//                                   checked
//     Jac(const double* x, double* J)  the analytic Jacobian, m x n
//                                   row-major (J[j * n + k] = dy_j/dx_k, J
//                                   zeroed on entry); or no_analytic
//   checks:
//     - unit seeds in batches of N outputs (lane l seeds output b + l): the
//       lanes are the rows of the Jacobian, against the analytic Jacobian
//       (tight) and central differences (loose), and the analytic Jacobian
//       against the differences (self-check: a bug in the test);
//     - random seeds per lane: every lane against J^T ybar_l (analytic,
//       tight; differences, loose) and the dot-product test against the
//       tangent with a random xdot per lane,
//         <ybar_l, J xdot_l> == <J^T ybar_l, xdot_l>   (~1e-12 relative);
//     - adds: xbar prefilled with constants ends as constants + the lanes;
//     - lanes are independent: seeding only lane l gives lane l's values
//       (tight) and exactly 0 in every other lane;
//     - the outputs the adjoint writes equal the primal's.
//
//   check_vs_scalar(name, N, VecAdj, ScalarAdj, x, m)
//     ScalarAdj(const double* x, const double* ybar, double* xbar)
//                                   the function's DDX_ADJOINT, packed (ybar:
//                                   m seeds, xbar: n, added into)
//   checks: for random seeds, each lane of one vector-adjoint call equals a
//   separate scalar adjoint call seeded with that lane's seeds (tight).
//
//===----------------------------------------------------------------------===//
#ifndef DDX_VEC_TEST_H
#define DDX_VEC_TEST_H

#include "ddx_test.h"

#include <ddx/ddx.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace ddx_vec_test {

using ddx_test::expect;
using ddx_test::expect_analytic;
using ddx_test::expect_eq;
using ddx_test::expect_fd;
using ddx_test::expect_selfcheck;
using ddx_test::finish;
using ddx_test::kLoose;
using ddx_test::kTight;
using ddx_test::kValue;
using ddx_test::Tol;

using ddx_test::no_analytic;
using ddx_test::no_tangent;
using ddx_test::NoAnalytic;
using ddx_test::NoTangent;

/// Deterministic pseudo-random numbers in [-1, 1] (runs repeat exactly).
inline double rnd() {
  static unsigned long long S = 0x9E3779B97F4A7C15ULL;
  return ddx_test::lcgUniform(S);
}
/// A random value away from 0: sign * [0.25, 1.25].
inline double rndNonZero() { return ddx_test::awayFromZero(rnd()); }

/// "what[k] lane l".
inline std::string at(const std::string &What, std::size_t K, std::size_t L) {
  return What + "[" + std::to_string(K) + "] lane " + std::to_string(L);
}

/// Names the function and point of the following checks.
inline void setPoint(const char *Name, const std::vector<double> &X) {
  ddx_test::State &S = ddx_test::state();
  S.name = Name;
  S.point = "(";
  for (std::size_t I = 0; I < X.size(); ++I) {
    if (I == 6 && X.size() > 8) {
      S.point += ", ... n=" + std::to_string(X.size());
      break;
    }
    S.point += (I ? ", " : "") + ddx_test::str(static_cast<long double>(X[I]));
  }
  S.point += ")";
}

namespace detail {

/// The value xbar is prefilled with to check that the adjoint adds.
inline double prefill(std::size_t I) {
  return 0.375 * (static_cast<double>(I % 7) + 1) * (I % 2 ? -1 : 1);
}

template <class AdjF>
void callVecAdj(AdjF &VecAdj, const std::vector<double> &X,
                const std::vector<double> &YBar, std::vector<double> &XBar,
                std::vector<double> &Y) {
  std::vector<double> XC = X;
  Y.assign(Y.size(), std::numeric_limits<double>::quiet_NaN());
  VecAdj(static_cast<const double *>(XC.data()),
         static_cast<const double *>(YBar.data()), XBar.data(), Y.data());
  for (std::size_t K = 0; K < X.size(); ++K)
    expect_eq(("vector adjoint leaves the input unchanged: x[" +
               std::to_string(K) + "]")
                  .c_str(),
              XC[K], X[K]);
}

/// The m x n Jacobian by fourth-order central differences of the
/// long-double primal, column k with step 1e-5 * max(1, |x_k|).
template <class PF>
std::vector<long double> fdJacobian(PF &Primal, const std::vector<double> &X,
                                    std::size_t M) {
  const std::size_t N = X.size();
  std::vector<long double> J(M * N);
  for (std::size_t K = 0; K < N; ++K) {
    long double H = ddx_test::fdStep(X[K]);
    auto Eval = [&](long double T) {
      std::vector<long double> XL(X.begin(), X.end());
      std::vector<long double> YL(M, 0.0L);
      XL[K] += T;
      Primal(static_cast<const long double *>(XL.data()), YL.data());
      return YL;
    };
    auto P1 = Eval(H), M1 = Eval(-H), P2 = Eval(2 * H), M2 = Eval(-2 * H);
    for (std::size_t J2 = 0; J2 < M; ++J2)
      J[J2 * N + K] =
          (8 * (P1[J2] - M1[J2]) - (P2[J2] - M2[J2])) / (12 * H);
  }
  return J;
}

/// sum_j Bar[j] * J[j][k] and its scale sum_j |Bar[j] * J[j][k]|.
inline void contract(const std::vector<long double> &J, std::size_t M,
                     std::size_t N, const std::vector<double> &YBar,
                     std::size_t Lanes, std::size_t L, std::size_t K,
                     long double &Want, long double &Scale) {
  Want = 0;
  Scale = 0;
  for (std::size_t J2 = 0; J2 < M; ++J2) {
    long double T = YBar[J2 * Lanes + L] * J[J2 * N + K];
    Want += T;
    Scale += std::fabs(T);
  }
}

} // namespace detail

template <class PF, class TanF, class AdjF, class JF>
void check(const char *Name, std::size_t Lanes, PF &&Primal, TanF &&Tan,
           AdjF &&VecAdj, JF &&Jac, const std::vector<double> &X,
           std::size_t M) {
  const std::size_t N = X.size();
  setPoint(Name, X);
  constexpr bool HasAn = !std::is_same_v<std::decay_t<JF>, NoAnalytic>;
  constexpr bool HasTan = !std::is_same_v<std::decay_t<TanF>, NoTangent>;

  // The primal's outputs, and the Jacobians the lanes are compared with.
  std::vector<double> Y0(M, 0.0);
  {
    std::vector<double> XC = X;
    Primal(static_cast<const double *>(XC.data()), Y0.data());
  }
  std::vector<long double> JFd = detail::fdJacobian(Primal, X, M);
  std::vector<long double> JAn(M * N, 0.0L);
  if constexpr (HasAn) {
    std::vector<double> JA(M * N, 0.0);
    Jac(X.data(), JA.data());
    JAn.assign(JA.begin(), JA.end());
    for (std::size_t I = 0; I < M * N; ++I) {
      std::string W = "J[" + std::to_string(I / N) + "][" +
                      std::to_string(I % N) + "]";
      expect_selfcheck(W.c_str(), JAn[I], JFd[I],
                       std::max(std::fabs(JAn[I]), std::fabs(JFd[I])));
    }
  }
  std::vector<double> Y(M);
  auto checkOutputs = [&](const std::string &When) {
    for (std::size_t J = 0; J < M; ++J)
      if (!std::isnan(Y[J]))
        expect((When + ": output y[" + std::to_string(J) +
                "] written by the vector adjoint")
                   .c_str(),
               Y[J], Y0[J], kValue);
  };
  auto compare = [&](const std::string &What, double Got,
                     const std::vector<double> &YBar, std::size_t L,
                     std::size_t K) {
    long double WantF, ScaleF;
    detail::contract(JFd, M, N, YBar, Lanes, L, K, WantF, ScaleF);
    if (HasAn) {
      long double WantA, ScaleA;
      detail::contract(JAn, M, N, YBar, Lanes, L, K, WantA, ScaleA);
      expect_analytic(What.c_str(), Got, WantA, ScaleA);
      ScaleF = std::max(ScaleF, ScaleA);
    }
    expect_fd(What.c_str(), Got, WantF, std::max(ScaleF, std::fabs(WantF)));
  };

  // 1. Unit seeds: the Jacobian, Lanes rows per call.
  for (std::size_t B = 0; B < M; B += Lanes) {
    std::vector<double> YBar(M * Lanes, 0.0), XBar(N * Lanes, 0.0);
    for (std::size_t L = 0; L < Lanes; ++L)
      if (B + L < M)
        YBar[(B + L) * Lanes + L] = 1;
    detail::callVecAdj(VecAdj, X, YBar, XBar, Y);
    std::string Seed = "unit seeds (lane l seeds output " + std::to_string(B) +
                       " + l): ";
    checkOutputs(Seed);
    for (std::size_t L = 0; L < Lanes; ++L)
      for (std::size_t K = 0; K < N; ++K) {
        std::string W = at(Seed + "d_x", K, L);
        if (B + L < M)
          compare(W, XBar[K * Lanes + L], YBar, L, K);
        else
          expect_eq((W + " (an unseeded lane)").c_str(), XBar[K * Lanes + L],
                    0);
      }
  }

  // 2. Random seeds per lane.
  std::vector<double> YBar(M * Lanes);
  for (auto &V : YBar)
    V = rndNonZero();
  std::vector<double> G(N * Lanes, 0.0);
  detail::callVecAdj(VecAdj, X, YBar, G, Y);
  checkOutputs("random seeds");
  for (std::size_t L = 0; L < Lanes; ++L)
    for (std::size_t K = 0; K < N; ++K)
      compare(at("random seeds: d_x", K, L), G[K * Lanes + L], YBar, L, K);

  // 3. The dot-product test against the tangent, a random xdot per lane.
  if constexpr (HasTan) {
    for (std::size_t L = 0; L < Lanes; ++L) {
      std::vector<double> XDot(N), YT(M, 0.0), YDot(M, 0.0);
      for (auto &V : XDot)
        V = rndNonZero();
      std::vector<double> XC = X;
      Tan(static_cast<const double *>(XC.data()),
          static_cast<const double *>(XDot.data()), YT.data(), YDot.data());
      for (std::size_t J = 0; J < M; ++J)
        expect(("tangent: y[" + std::to_string(J) + "]").c_str(), YT[J],
               Y0[J], kValue);
      long double Lhs = 0, LScale = 0, Rhs = 0, RScale = 0;
      for (std::size_t J = 0; J < M; ++J) {
        Lhs += static_cast<long double>(YBar[J * Lanes + L]) * YDot[J];
        LScale += std::fabs(static_cast<long double>(YBar[J * Lanes + L]) *
                            YDot[J]);
      }
      for (std::size_t K = 0; K < N; ++K) {
        Rhs += static_cast<long double>(G[K * Lanes + L]) * XDot[K];
        RScale +=
            std::fabs(static_cast<long double>(G[K * Lanes + L]) * XDot[K]);
      }
      std::string W = "dot test <ybar, J xdot> vs <J^T ybar, xdot>, lane " +
                      std::to_string(L);
      expect(W.c_str(), Rhs, Lhs, kTight, std::max(LScale, RScale));
    }
  }

  // 4. Prefilled xbar: the lanes are added.
  {
    std::vector<double> XBar(N * Lanes);
    for (std::size_t I = 0; I < N * Lanes; ++I)
      XBar[I] = detail::prefill(I);
    detail::callVecAdj(VecAdj, X, YBar, XBar, Y);
    for (std::size_t L = 0; L < Lanes; ++L)
      for (std::size_t K = 0; K < N; ++K) {
        std::size_t I = K * Lanes + L;
        long double C = detail::prefill(I);
        expect(at("prefilled d_x adds", K, L).c_str(), XBar[I], C + G[I],
               kTight, std::fabs(C) + std::fabs(G[I]));
      }
  }

  // 5. Lanes are independent: only lane l seeded.
  for (std::size_t L = 0; L < Lanes; ++L) {
    std::vector<double> One(M * Lanes, 0.0), XBar(N * Lanes, 0.0);
    for (std::size_t J = 0; J < M; ++J)
      One[J * Lanes + L] = YBar[J * Lanes + L];
    detail::callVecAdj(VecAdj, X, One, XBar, Y);
    std::string Only = "only lane " + std::to_string(L) + " seeded: d_x";
    for (std::size_t L2 = 0; L2 < Lanes; ++L2)
      for (std::size_t K = 0; K < N; ++K) {
        std::size_t I = K * Lanes + L2;
        if (L2 == L)
          expect(at(Only, K, L2).c_str(), XBar[I], G[I], kTight,
                 std::fabs(static_cast<long double>(G[I])));
        else
          expect_eq(at(Only, K, L2).c_str(), XBar[I], 0);
      }
  }
}

/// Each lane of the vector adjoint against a separate call of the scalar
/// adjoint DDX_ADJOINT seeded with that lane's seeds.
template <class AdjF, class SAdjF>
void check_vs_scalar(const char *Name, std::size_t Lanes, AdjF &&VecAdj,
                     SAdjF &&ScalarAdj, const std::vector<double> &X,
                     std::size_t M) {
  const std::size_t N = X.size();
  setPoint(Name, X);
  for (int Rep = 0; Rep < 2; ++Rep) {
    std::vector<double> YBar(M * Lanes), G(N * Lanes, 0.0), Y(M);
    for (auto &V : YBar)
      V = rndNonZero();
    detail::callVecAdj(VecAdj, X, YBar, G, Y);
    for (std::size_t L = 0; L < Lanes; ++L) {
      std::vector<double> Bar(M), XBar(N, 0.0), XC = X;
      for (std::size_t J = 0; J < M; ++J)
        Bar[J] = YBar[J * Lanes + L];
      ScalarAdj(static_cast<const double *>(XC.data()),
                static_cast<const double *>(Bar.data()), XBar.data());
      for (std::size_t K = 0; K < N; ++K)
        expect(at("lane vs scalar adjoint: d_x", K, L).c_str(),
               G[K * Lanes + L], XBar[K], kTight, std::fabs(XBar[K]));
    }
  }
}

} // namespace ddx_vec_test

#endif // DDX_VEC_TEST_H
