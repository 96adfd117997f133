//===- ddx_rev_test.h - Helpers for reverse-mode execution tests -*- C++ -*-===//
//
// Reverse-mode companion of ddx_test.h (whose checks, tolerances, failure
// lines and finish() it reuses). A reverse-mode execution test
// (test/Exec/rev_*.cpp) requests DDX_GRADIENT / DDX_ADJOINT (and usually
// DDX_TANGENT of the same function), builds the output with clang++ and g++,
// runs it and expects `PASS` on stdout.
//
// Scalar functions of N floating inputs (bind int parameters, wrt subsets,
// ... with lambdas, as for ddx_test::check_tangent):
//
//   check_gradient(name, Grad, Primal, PrimalFd, Analytic, points)
//     Grad(x_0..x_{N-1}, T* d_0..T* d_{N-1}) -> T        (f_grad)
//     Primal(x...) -> T, PrimalFd(long double...) -> long double
//     Analytic(x...) -> the gradient (scalar if N == 1, else indexable), or
//                       ddx_rev_test::no_analytic when there is no closed form
//   checks: the returned value equals the primal; each d_i against the
//   analytic gradient (tight) and central differences (loose), and the two
//   against each other (self-check); a second call without zeroing doubles
//   the d_i; d_i prefilled with c_i ends as c_i + g_i.
//
//   check_adjoint(name, Adj, PrimalFd, Analytic, points)
//     Adj(x_0..x_{N-1}, T d_ret, T* d_0..T* d_{N-1})     (f_adjoint)
//   checks: d_ret = 1 against analytic / finite differences; d_ret = 2.5
//   gives 2.5 x that; d_ret = 0 leaves the d_i at exactly 0; prefilled d_i
//   get d_ret * g_i added.
//
//   check_dot(name, Tangent, Grad, points)       dot-product test:
//   check_dot_adjoint(name, Tangent, Adj, points)
//     for pseudo-random xdot (and ybar), <ybar, J xdot> = <J^T ybar, xdot>
//     to ~1e-12 relative; the tangent's .value equals the gradient's value.
//
// Arrays (functions of `const T* x` with n elements; lambdas bind n):
//
//   check_array_gradient(name, Grad, Primal, PrimalFd, Analytic, x)
//     Grad(const T* x, T* d_x) -> T, Primal(const T* x) -> T,
//     PrimalFd(const long double* x) -> long double,
//     Analytic(const T* x, T* g) (writes the n components) or no_analytic
//   check_array_adjoint(name, Adj, Analytic-or-no_analytic, PrimalFd, x)
//     Adj(const T* x, T d_ret, T* d_x)
//   check_array_dot(name, Tangent, Grad, x)
//     Tangent(const T* x, const T* d_x) -> ddx::dual<T>
//
// Vector functions: inputs x[n] (read only), y[m] written (pure outputs) or
// read and written (in/out), the map (x, y_in) -> y_out:
//
//   check_vector(name, Adj, Tan, Primal, PrimalFd, Jac, x, y_in, inout)
//     Adj(const T* x, T* y, T* d_x, T* d_y)  d_y: seed in, adjoint of y_in out
//     Tan(const T* x, T* y, const T* d_x, T* d_y)  (pass no_tangent to skip)
//     Primal(const T* x, T* y), PrimalFd(const long double* x, long double* y)
//     Jac(const T* x, const T* y_in, T* Jx /*m x n*/, T* Jy /*m x m*/),
//       row-major, or no_analytic
//   checks, per unit seed e_k of the outputs: y after the adjoint equals the
//   primal's y; d_x = row k of Jx (analytic, finite differences), d_y = row k
//   of Jy (0 for pure outputs); a random seed with d_x prefilled adds into
//   d_x and sets d_y; the dot-product test between Tan and Adj.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_REV_TEST_H
#define DDX_REV_TEST_H

#include "ddx_test.h"

#include <ddx/ddx.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ddx_rev_test {

using ddx_test::expect;
using ddx_test::expect_analytic;
using ddx_test::expect_eq;
using ddx_test::expect_fd;
using ddx_test::expect_selfcheck;
using ddx_test::finish;
using ddx_test::Tol;

using ddx_test::no_analytic;
using ddx_test::no_tangent;
using ddx_test::NoAnalytic;
using ddx_test::NoTangent;

/// Deterministic pseudo-random numbers in [-1, 1] (runs repeat exactly).
inline double rnd() {
  static unsigned long long S = 0x2545F4914F6CDD1DULL;
  return ddx_test::lcgUniform(S);
}
/// A random value away from 0: sign * [0.25, 1.25].
inline double rndNonZero() { return ddx_test::awayFromZero(rnd()); }

inline std::string idx(const char *Prefix, std::size_t I) {
  return std::string(Prefix) + "[" + std::to_string(I) + "]";
}

namespace detail {

// Every call of a derivative goes through one of these, whose return types
// are spelled out: while `ddx gen` parses the test, the derivatives are not
// declared yet, and a call to them must fail in exactly one place per
// instantiation (the first error in an instantiation carries the notes that
// lead back to the test's main(), which ddx gen uses to hold it back).
template <class F, class T, std::size_t N, std::size_t... I>
T callGrad(F &Fn, const std::array<T, N> &X, std::array<T, N> &D,
           std::index_sequence<I...>) {
  return Fn(X[I]..., &D[I]...);
}
template <class F, class T, std::size_t N, std::size_t... I>
void callAdj(F &Fn, const std::array<T, N> &X, T DRet, std::array<T, N> &D,
             std::index_sequence<I...>) {
  Fn(X[I]..., DRet, &D[I]...);
}
template <class F, class T, std::size_t N, std::size_t... I>
ddx::dual<T> callTan(F &Fn, const std::array<T, N> &X,
                     const std::array<T, N> &V, std::index_sequence<I...>) {
  return Fn(X[I]..., V[I]...);
}
template <class F, class T> T callArrayGrad(F &Fn, const T *X, T *D) {
  return Fn(X, D);
}
template <class F, class T> void callArrayAdj(F &Fn, const T *X, T DRet, T *D) {
  Fn(X, DRet, D);
}
template <class F, class T>
ddx::dual<T> callArrayTan(F &Fn, const T *X, const T *V) {
  return Fn(X, V);
}
template <class F, class T> void callVecAdj(F &Fn, const T *X, T *Y, T *DX,
                                            T *DY) {
  Fn(X, Y, DX, DY);
}
template <class F, class T>
void callVecTan(F &Fn, const T *X, T *Y, const T *DX, T *DY) {
  Fn(X, Y, DX, DY);
}

template <class T, std::size_t N>
void setPoint(const char *Name, const std::array<T, N> &X) {
  ddx_test::State &S = ddx_test::state();
  S.name = Name;
  S.point = "(";
  for (std::size_t I = 0; I < N; ++I)
    S.point += (I ? ", " : "") + ddx_test::str(static_cast<long double>(X[I]));
  S.point += ")";
}

template <class T>
void setPointVec(const char *Name, const std::vector<T> &X) {
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

template <class T, std::size_t N, class AF>
std::array<long double, N> analytic(AF &Analytic, const std::array<T, N> &X) {
  using G = std::decay_t<decltype(std::apply(Analytic, X))>;
  return ddx_test::detail::gradArray<G, N>(std::apply(Analytic, X));
}

/// Per-component central differences of PrimalFd at X.
template <class LF, class T, std::size_t N>
std::array<long double, N> fdGrad(LF &PrimalFd, const std::array<T, N> &X) {
  std::array<long double, N> XL, R;
  for (std::size_t I = 0; I < N; ++I)
    XL[I] = X[I];
  for (std::size_t I = 0; I < N; ++I) {
    std::array<long double, N> V{};
    V[I] = 1;
    R[I] = ddx_test::fd_dir(PrimalFd, XL, V);
  }
  return R;
}

/// Compares computed gradient components with analytic (if any) and finite
/// differences, scaled by DRet.
template <class T, std::size_t N>
void compareGrad(const char *Prefix, const std::array<T, N> &Got,
                 const std::array<long double, N> *An,
                 const std::array<long double, N> &Fd) {
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx(Prefix, I);
    if (An) {
      ddx_test::expect_analytic(W.c_str(), Got[I], (*An)[I]);
      long double Scale = std::max(std::fabs((*An)[I]), std::fabs(Fd[I]));
      ddx_test::expect_fd(W.c_str(), Got[I], Fd[I], Scale);
      ddx_test::expect_selfcheck(W.c_str(), (*An)[I], Fd[I], Scale);
    } else {
      ddx_test::expect_fd(W.c_str(), Got[I], Fd[I]);
    }
  }
}

template <class T> T prefill(std::size_t I) {
  return static_cast<T>(0.375 * (static_cast<double>(I) + 1) *
                        (I % 2 ? -1 : 1));
}

} // namespace detail

//===----------------------------------------------------------------------===//
// Scalar functions of N floating inputs.
//===----------------------------------------------------------------------===//

template <class GF, class PF, class LF, class AF, class T, std::size_t N>
void check_gradient(const char *Name, GF &&Grad, PF &&Primal, LF &&PrimalFd,
                    AF &&Analytic, const T (&Point)[N]) {
  static_assert(std::is_floating_point_v<T>, "the point must be floating");
  using Seq = std::make_index_sequence<N>;
  std::array<T, N> X;
  for (std::size_t I = 0; I < N; ++I)
    X[I] = Point[I];
  detail::setPoint(Name, X);
  const Tol Tight = ddx_test::tightTol<T>();

  long double Value = std::apply(Primal, X);
  std::array<long double, N> An{};
  constexpr bool HasAn = !std::is_same_v<std::decay_t<AF>, NoAnalytic>;
  if constexpr (HasAn)
    An = detail::analytic(Analytic, X);
  std::array<long double, N> Fd = detail::fdGrad(PrimalFd, X);

  // 1. Zeroed d_: value and gradient.
  std::array<T, N> D{};
  T R = detail::callGrad(Grad, X, D, Seq{});
  expect("value (returned by the gradient)", R, Value,
         ddx_test::valueTol<T>());
  detail::compareGrad("d_", D, HasAn ? &An : nullptr, Fd);
  // 2. Called again without zeroing: the gradient is added, so it doubles.
  std::array<T, N> G = D;
  T R2 = detail::callGrad(Grad, X, D, Seq{});
  expect("value (second call)", R2, Value, ddx_test::valueTol<T>());
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx("second call adds: d_", I);
    expect(W.c_str(), D[I], 2.0L * G[I], Tight);
  }
  // 3. Prefilled d_: c + g.
  for (std::size_t I = 0; I < N; ++I)
    D[I] = detail::prefill<T>(I);
  detail::callGrad(Grad, X, D, Seq{});
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx("prefilled adds: d_", I);
    long double C = detail::prefill<T>(I);
    expect(W.c_str(), D[I], C + G[I], Tight,
           std::fabs(C) + std::fabs(static_cast<long double>(G[I])));
  }
}

template <class GF, class PF, class LF, class AF, class T, std::size_t M,
          std::size_t N>
void check_gradient(const char *Name, GF &&Grad, PF &&Primal, LF &&PrimalFd,
                    AF &&Analytic, const T (&Points)[M][N]) {
  for (std::size_t I = 0; I < M; ++I)
    check_gradient(Name, Grad, Primal, PrimalFd, Analytic, Points[I]);
}

template <class AdjF, class LF, class AF, class T, std::size_t N>
void check_adjoint(const char *Name, AdjF &&Adj, LF &&PrimalFd, AF &&Analytic,
                   const T (&Point)[N]) {
  static_assert(std::is_floating_point_v<T>, "the point must be floating");
  using Seq = std::make_index_sequence<N>;
  std::array<T, N> X;
  for (std::size_t I = 0; I < N; ++I)
    X[I] = Point[I];
  detail::setPoint(Name, X);
  const Tol Tight = ddx_test::tightTol<T>();

  std::array<long double, N> An{};
  constexpr bool HasAn = !std::is_same_v<std::decay_t<AF>, NoAnalytic>;
  if constexpr (HasAn)
    An = detail::analytic(Analytic, X);
  std::array<long double, N> Fd = detail::fdGrad(PrimalFd, X);

  // d_ret = 1: the gradient.
  std::array<T, N> D{};
  detail::callAdj(Adj, X, T(1), D, Seq{});
  detail::compareGrad("adjoint d_ret=1: d_", D, HasAn ? &An : nullptr, Fd);
  std::array<T, N> G = D;
  // d_ret = 2.5 scales.
  D = {};
  detail::callAdj(Adj, X, T(2.5), D, Seq{});
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx("adjoint d_ret=2.5 scales: d_", I);
    expect(W.c_str(), D[I], 2.5L * G[I], Tight);
  }
  // d_ret = 0 adds nothing.
  D = {};
  detail::callAdj(Adj, X, T(0), D, Seq{});
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx("adjoint d_ret=0: d_", I);
    expect_eq(W.c_str(), D[I], 0);
  }
  // Prefilled: c + d_ret g.
  for (std::size_t I = 0; I < N; ++I)
    D[I] = detail::prefill<T>(I);
  detail::callAdj(Adj, X, T(-0.75), D, Seq{});
  for (std::size_t I = 0; I < N; ++I) {
    std::string W = idx("adjoint d_ret=-0.75 prefilled adds: d_", I);
    long double C = detail::prefill<T>(I);
    expect(W.c_str(), D[I], C - 0.75L * G[I], Tight,
           std::fabs(C) + std::fabs(0.75L * G[I]));
  }
}

template <class AdjF, class LF, class AF, class T, std::size_t M,
          std::size_t N>
void check_adjoint(const char *Name, AdjF &&Adj, LF &&PrimalFd, AF &&Analytic,
                   const T (&Points)[M][N]) {
  for (std::size_t I = 0; I < M; ++I)
    check_adjoint(Name, Adj, PrimalFd, Analytic, Points[I]);
}

/// Dot-product test between a tangent and a gradient of the same function.
template <class TF, class GF, class T, std::size_t N>
void check_dot(const char *Name, TF &&Tangent, GF &&Grad, const T (&Point)[N]) {
  using Seq = std::make_index_sequence<N>;
  std::array<T, N> X;
  for (std::size_t I = 0; I < N; ++I)
    X[I] = Point[I];
  detail::setPoint(Name, X);
  std::array<T, N> G{};
  T Value = detail::callGrad(Grad, X, G, Seq{});
  for (int Rep = 0; Rep < 3; ++Rep) {
    std::array<T, N> V;
    for (std::size_t I = 0; I < N; ++I)
      V[I] = static_cast<T>(rndNonZero());
    ddx::dual<T> R = detail::callTan(Tangent, X, V, Seq{});
    expect("dot test: tangent value vs gradient value", R.value, Value,
           ddx_test::valueTol<T>());
    long double Lhs = 0, Scale = 0;
    for (std::size_t I = 0; I < N; ++I) {
      Lhs += static_cast<long double>(G[I]) * V[I];
      Scale += std::fabs(static_cast<long double>(G[I]) * V[I]);
    }
    Scale = std::max(Scale, std::fabs(static_cast<long double>(R.tangent)));
    expect("dot test <grad, xdot> vs tangent", Lhs, R.tangent,
           ddx_test::tightTol<T>(), Scale);
  }
}

template <class TF, class GF, class T, std::size_t M, std::size_t N>
void check_dot(const char *Name, TF &&Tangent, GF &&Grad,
               const T (&Points)[M][N]) {
  for (std::size_t I = 0; I < M; ++I)
    check_dot(Name, Tangent, Grad, Points[I]);
}

/// Dot-product test between a tangent and an adjoint: ybar (J xdot) =
/// <J^T ybar, xdot>.
template <class TF, class AdjF, class T, std::size_t N>
void check_dot_adjoint(const char *Name, TF &&Tangent, AdjF &&Adj,
                       const T (&Point)[N]) {
  using Seq = std::make_index_sequence<N>;
  std::array<T, N> X;
  for (std::size_t I = 0; I < N; ++I)
    X[I] = Point[I];
  detail::setPoint(Name, X);
  for (int Rep = 0; Rep < 3; ++Rep) {
    T YBar = static_cast<T>(rndNonZero() * 2);
    std::array<T, N> V, XBar{};
    for (std::size_t I = 0; I < N; ++I)
      V[I] = static_cast<T>(rndNonZero());
    detail::callAdj(Adj, X, YBar, XBar, Seq{});
    ddx::dual<T> R = detail::callTan(Tangent, X, V, Seq{});
    long double Rhs = 0, Scale = 0;
    for (std::size_t I = 0; I < N; ++I) {
      Rhs += static_cast<long double>(XBar[I]) * V[I];
      Scale += std::fabs(static_cast<long double>(XBar[I]) * V[I]);
    }
    long double Lhs = static_cast<long double>(YBar) * R.tangent;
    Scale = std::max(Scale, std::fabs(Lhs));
    expect("dot test ybar*(J xdot) vs <J^T ybar, xdot>", Rhs, Lhs,
           ddx_test::tightTol<T>(), Scale);
  }
}

template <class TF, class AdjF, class T, std::size_t M, std::size_t N>
void check_dot_adjoint(const char *Name, TF &&Tangent, AdjF &&Adj,
                       const T (&Points)[M][N]) {
  for (std::size_t I = 0; I < M; ++I)
    check_dot_adjoint(Name, Tangent, Adj, Points[I]);
}

//===----------------------------------------------------------------------===//
// Scalar functions of arrays.
//===----------------------------------------------------------------------===//

namespace detail {
/// Central differences of the scalar PrimalFd(const long double*) in each
/// component of X.
template <class LF, class T>
std::vector<long double> fdArrayGrad(LF &PrimalFd, const std::vector<T> &X) {
  std::vector<long double> R(X.size());
  for (std::size_t I = 0; I < X.size(); ++I) {
    auto Gt = [&](long double Tt) {
      std::vector<long double> XT(X.begin(), X.end());
      XT[I] += Tt;
      return static_cast<long double>(PrimalFd(XT.data()));
    };
    R[I] = ddx_test::centralDiff(Gt, ddx_test::fdStep(X[I]));
  }
  return R;
}

template <class T>
void compareArrayGrad(const char *Prefix, const std::vector<T> &Got,
                      const std::vector<long double> *An,
                      const std::vector<long double> &Fd) {
  for (std::size_t I = 0; I < Got.size(); ++I) {
    std::string W = idx(Prefix, I);
    if (An) {
      ddx_test::expect_analytic(W.c_str(), Got[I], (*An)[I]);
      long double Scale = std::max(std::fabs((*An)[I]), std::fabs(Fd[I]));
      ddx_test::expect_fd(W.c_str(), Got[I], Fd[I], Scale);
      ddx_test::expect_selfcheck(W.c_str(), (*An)[I], Fd[I], Scale);
    } else {
      ddx_test::expect_fd(W.c_str(), Got[I], Fd[I]);
    }
  }
}

template <class AF, class T>
std::vector<long double> arrayAnalytic(AF &Analytic, const std::vector<T> &X) {
  std::vector<T> G(X.size());
  Analytic(X.data(), G.data());
  return std::vector<long double>(G.begin(), G.end());
}

template <class T>
void expectUnchanged(const std::vector<T> &X, const std::vector<T> &X0) {
  for (std::size_t I = 0; I < X.size(); ++I) {
    std::string W = idx("const input unchanged: x", I);
    expect_eq(W.c_str(), X[I], X0[I]);
  }
}
} // namespace detail

template <class GF, class PF, class LF, class AF, class T>
void check_array_gradient(const char *Name, GF &&Grad, PF &&Primal,
                          LF &&PrimalFd, AF &&Analytic, std::vector<T> X) {
  detail::setPointVec(Name, X);
  const std::vector<T> X0 = X;
  const Tol Tight = ddx_test::tightTol<T>();
  constexpr bool HasAn = !std::is_same_v<std::decay_t<AF>, NoAnalytic>;
  std::vector<long double> An;
  if constexpr (HasAn)
    An = detail::arrayAnalytic(Analytic, X);
  std::vector<long double> Fd = detail::fdArrayGrad(PrimalFd, X);
  long double Value = Primal(X.data());

  std::vector<T> D(X.size(), T(0));
  T R = detail::callArrayGrad(Grad, static_cast<const T *>(X.data()),
                              D.data());
  expect("value (returned by the gradient)", R, Value,
         ddx_test::valueTol<T>());
  detail::expectUnchanged(X, X0);
  detail::compareArrayGrad("d_x", D, HasAn ? &An : nullptr, Fd);
  std::vector<T> G = D;
  R = detail::callArrayGrad(Grad, static_cast<const T *>(X.data()), D.data());
  expect("value (second call)", R, Value, ddx_test::valueTol<T>());
  for (std::size_t I = 0; I < X.size(); ++I) {
    std::string W = idx("second call adds: d_x", I);
    expect(W.c_str(), D[I], 2.0L * G[I], Tight);
  }
  for (std::size_t I = 0; I < X.size(); ++I)
    D[I] = detail::prefill<T>(I);
  detail::callArrayGrad(Grad, static_cast<const T *>(X.data()), D.data());
  for (std::size_t I = 0; I < X.size(); ++I) {
    std::string W = idx("prefilled adds: d_x", I);
    long double C = detail::prefill<T>(I);
    expect(W.c_str(), D[I], C + G[I], Tight,
           std::fabs(C) + std::fabs(static_cast<long double>(G[I])));
  }
}

template <class AdjF, class LF, class AF, class T>
void check_array_adjoint(const char *Name, AdjF &&Adj, LF &&PrimalFd,
                         AF &&Analytic, std::vector<T> X) {
  detail::setPointVec(Name, X);
  const std::vector<T> X0 = X;
  const Tol Tight = ddx_test::tightTol<T>();
  constexpr bool HasAn = !std::is_same_v<std::decay_t<AF>, NoAnalytic>;
  std::vector<long double> An;
  if constexpr (HasAn)
    An = detail::arrayAnalytic(Analytic, X);
  std::vector<long double> Fd = detail::fdArrayGrad(PrimalFd, X);

  std::vector<T> D(X.size(), T(0));
  detail::callArrayAdj(Adj, static_cast<const T *>(X.data()), T(1), D.data());
  detail::expectUnchanged(X, X0);
  detail::compareArrayGrad("adjoint d_ret=1: d_x", D, HasAn ? &An : nullptr,
                           Fd);
  std::vector<T> G = D;
  std::fill(D.begin(), D.end(), T(0));
  detail::callArrayAdj(Adj, static_cast<const T *>(X.data()), T(2.5), D.data());
  for (std::size_t I = 0; I < X.size(); ++I) {
    std::string W = idx("adjoint d_ret=2.5 scales: d_x", I);
    expect(W.c_str(), D[I], 2.5L * G[I], Tight);
  }
  for (std::size_t I = 0; I < X.size(); ++I)
    D[I] = detail::prefill<T>(I);
  detail::callArrayAdj(Adj, static_cast<const T *>(X.data()), T(-0.75), D.data());
  for (std::size_t I = 0; I < X.size(); ++I) {
    std::string W = idx("adjoint d_ret=-0.75 prefilled adds: d_x", I);
    long double C = detail::prefill<T>(I);
    expect(W.c_str(), D[I], C - 0.75L * G[I], Tight,
           std::fabs(C) + std::fabs(0.75L * G[I]));
  }
}

template <class TF, class GF, class T>
void check_array_dot(const char *Name, TF &&Tangent, GF &&Grad,
                     std::vector<T> X) {
  detail::setPointVec(Name, X);
  std::vector<T> G(X.size(), T(0));
  T Value =
      detail::callArrayGrad(Grad, static_cast<const T *>(X.data()), G.data());
  for (int Rep = 0; Rep < 3; ++Rep) {
    std::vector<T> V(X.size());
    for (auto &Vi : V)
      Vi = static_cast<T>(rndNonZero());
    const T *VP = V.data();
    ddx::dual<T> R =
        detail::callArrayTan(Tangent, static_cast<const T *>(X.data()), VP);
    expect("dot test: tangent value vs gradient value", R.value, Value,
           ddx_test::valueTol<T>());
    long double Lhs = 0, Scale = 0;
    for (std::size_t I = 0; I < X.size(); ++I) {
      Lhs += static_cast<long double>(G[I]) * V[I];
      Scale += std::fabs(static_cast<long double>(G[I]) * V[I]);
    }
    Scale = std::max(Scale, std::fabs(static_cast<long double>(R.tangent)));
    expect("dot test <grad, xdot> vs tangent", Lhs, R.tangent,
           ddx_test::tightTol<T>(), Scale);
  }
}

//===----------------------------------------------------------------------===//
// Vector functions (x[n] read only, y[m] written or read and written).
//===----------------------------------------------------------------------===//

namespace detail {
/// Central differences of y_out with respect to x_j (Wrt = 0) or y_in_j
/// (Wrt = 1): a column of the Jacobian.
template <class LF, class T>
std::vector<long double> fdColumn(LF &PrimalFd, const std::vector<T> &X,
                                  const std::vector<T> &YIn, int Wrt,
                                  std::size_t J) {
  std::size_t M = YIn.size();
  auto Eval = [&](long double Tt) {
    std::vector<long double> XL(X.begin(), X.end());
    std::vector<long double> YL(YIn.begin(), YIn.end());
    if (Wrt == 0)
      XL[J] += Tt;
    else
      YL[J] += Tt;
    PrimalFd(static_cast<const long double *>(XL.data()), YL.data());
    return YL;
  };
  long double H = ddx_test::fdStep(Wrt == 0 ? X[J] : YIn[J]);
  auto P1 = Eval(H), M1 = Eval(-H), P2 = Eval(2 * H), M2 = Eval(-2 * H);
  std::vector<long double> C(M);
  for (std::size_t K = 0; K < M; ++K)
    C[K] = (8 * (P1[K] - M1[K]) - (P2[K] - M2[K])) / (12 * H);
  return C;
}
} // namespace detail

template <class AdjF, class TanF, class PF, class LF, class JF, class T>
void check_vector(const char *Name, AdjF &&Adj, TanF &&Tan, PF &&Primal,
                  LF &&PrimalFd, JF &&Jac, std::vector<T> X,
                  std::vector<T> YIn, bool InOut) {
  const std::size_t N = X.size(), M = YIn.size();
  std::vector<T> XY = X;
  XY.insert(XY.end(), YIn.begin(), YIn.end());
  detail::setPointVec(Name, XY);
  const std::vector<T> X0 = X;
  const Tol Tight = ddx_test::tightTol<T>();
  constexpr bool HasAn = !std::is_same_v<std::decay_t<JF>, NoAnalytic>;

  // Primal outputs.
  std::vector<T> YOut = YIn;
  Primal(static_cast<const T *>(X.data()), YOut.data());

  // Jacobians: analytic (if any) and finite differences.
  std::vector<long double> AJx(M * N, 0), AJy(M * M, 0);
  if constexpr (HasAn) {
    std::vector<T> Jx(M * N, T(0)), Jy(M * M, T(0));
    Jac(static_cast<const T *>(X.data()), static_cast<const T *>(YIn.data()),
        Jx.data(), Jy.data());
    AJx.assign(Jx.begin(), Jx.end());
    AJy.assign(Jy.begin(), Jy.end());
    if (!InOut)
      for (std::size_t I = 0; I < M * M; ++I)
        expect_eq("test bug: pure outputs with a nonzero Jy", AJy[I], 0);
  }
  std::vector<long double> FJx(M * N), FJy(M * M, 0);
  for (std::size_t J = 0; J < N; ++J) {
    auto C = detail::fdColumn(PrimalFd, X, YIn, 0, J);
    for (std::size_t K = 0; K < M; ++K)
      FJx[K * N + J] = C[K];
  }
  if (InOut)
    for (std::size_t J = 0; J < M; ++J) {
      auto C = detail::fdColumn(PrimalFd, X, YIn, 1, J);
      for (std::size_t K = 0; K < M; ++K)
        FJy[K * M + J] = C[K];
    }

  auto cmp = [&](const std::string &W, T Got, long double A, long double F) {
    if (HasAn) {
      ddx_test::expect_analytic(W.c_str(), Got, A);
      long double Scale = std::max(std::fabs(A), std::fabs(F));
      ddx_test::expect_fd(W.c_str(), Got, F, Scale);
      ddx_test::expect_selfcheck(W.c_str(), A, F, Scale);
    } else {
      ddx_test::expect_fd(W.c_str(), Got, F);
    }
  };

  // Unit seeds: the rows of the Jacobian.
  for (std::size_t K = 0; K < M; ++K) {
    std::vector<T> Y = YIn, DX(N, T(0)), DY(M, T(0));
    DY[K] = 1;
    detail::callVecAdj(Adj, static_cast<const T *>(X.data()), Y.data(),
                       DX.data(), DY.data());
    std::string Seed = "adjoint seed e_" + std::to_string(K) + ": ";
    detail::expectUnchanged(X, X0);
    for (std::size_t I = 0; I < M; ++I)
      expect((Seed + idx("y (the adjoint performs the writes)", I)).c_str(),
             Y[I], YOut[I], ddx_test::valueTol<T>());
    for (std::size_t J = 0; J < N; ++J)
      cmp(Seed + idx("d_x", J), DX[J], AJx[K * N + J], FJx[K * N + J]);
    for (std::size_t J = 0; J < M; ++J) {
      std::string W = Seed + idx("d_y on exit (adjoint of y's input)", J);
      if (InOut)
        cmp(W, DY[J], AJy[K * M + J], FJy[K * M + J]);
      else
        expect_eq(W.c_str(), DY[J], 0);
    }
  }

  // A random seed, d_x prefilled: adds into d_x, sets d_y.
  std::vector<T> YBar(M);
  for (auto &Yb : YBar)
    Yb = static_cast<T>(rndNonZero());
  {
    std::vector<T> Y = YIn, DX(N), DY = YBar;
    for (std::size_t J = 0; J < N; ++J)
      DX[J] = detail::prefill<T>(J);
    detail::callVecAdj(Adj, static_cast<const T *>(X.data()), Y.data(),
                       DX.data(), DY.data());
    const std::vector<long double> &Jx = HasAn ? AJx : FJx;
    const std::vector<long double> &Jy = HasAn ? AJy : FJy;
    Tol T2 = HasAn ? Tight : ddx_test::looseTol<T>();
    for (std::size_t J = 0; J < N; ++J) {
      long double Want = detail::prefill<T>(J), Scale = std::fabs(Want);
      for (std::size_t K = 0; K < M; ++K) {
        Want += YBar[K] * Jx[K * N + J];
        Scale += std::fabs(YBar[K] * Jx[K * N + J]);
      }
      expect(idx("random seed, prefilled d_x adds: d_x", J).c_str(), DX[J],
             Want, T2, Scale);
    }
    for (std::size_t J = 0; J < M; ++J) {
      long double Want = 0, Scale = 0;
      for (std::size_t K = 0; K < M; ++K) {
        Want += YBar[K] * Jy[K * M + J];
        Scale += std::fabs(YBar[K] * Jy[K * M + J]);
      }
      expect(idx("random seed: d_y on exit", J).c_str(), DY[J], Want, T2,
             Scale);
    }
  }

  // Dot-product test with the tangent.
  if constexpr (!std::is_same_v<std::decay_t<TanF>, NoTangent>) {
    for (int Rep = 0; Rep < 3; ++Rep) {
      std::vector<T> XDot(N), YDotIn(M), Bar(M);
      for (auto &V : XDot)
        V = static_cast<T>(rndNonZero());
      for (auto &V : YDotIn)
        V = InOut ? static_cast<T>(rndNonZero()) : T(0);
      for (auto &V : Bar)
        V = static_cast<T>(rndNonZero());
      std::vector<T> Y = YIn, DY = YDotIn;
      detail::callVecTan(Tan, static_cast<const T *>(X.data()), Y.data(),
                         static_cast<const T *>(XDot.data()), DY.data());
      for (std::size_t I = 0; I < M; ++I)
        expect(idx("tangent: y", I).c_str(), Y[I], YOut[I],
               ddx_test::valueTol<T>());
      std::vector<T> YA = YIn, XBar(N, T(0)), YBarIO = Bar;
      detail::callVecAdj(Adj, static_cast<const T *>(X.data()), YA.data(),
                         XBar.data(), YBarIO.data());
      long double Lhs = 0, LScale = 0, Rhs = 0, RScale = 0;
      for (std::size_t K = 0; K < M; ++K) {
        Lhs += static_cast<long double>(Bar[K]) * DY[K];
        LScale += std::fabs(static_cast<long double>(Bar[K]) * DY[K]);
      }
      for (std::size_t J = 0; J < N; ++J) {
        Rhs += static_cast<long double>(XBar[J]) * XDot[J];
        RScale += std::fabs(static_cast<long double>(XBar[J]) * XDot[J]);
      }
      for (std::size_t J = 0; J < M; ++J) {
        Rhs += static_cast<long double>(YBarIO[J]) * YDotIn[J];
        RScale += std::fabs(static_cast<long double>(YBarIO[J]) * YDotIn[J]);
      }
      expect("dot test <ybar, J xdot> vs <J^T ybar, xdot>", Rhs, Lhs,
             ddx_test::tightTol<T>(), std::max(LScale, RScale));
    }
  }
}

} // namespace ddx_rev_test

#endif // DDX_REV_TEST_H
