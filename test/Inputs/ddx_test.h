//===- ddx_test.h - Helpers for ddx execution tests -------------*- C++ -*-===//
//
// An execution test (test/Exec/*.cpp) runs `ddx gen` on itself, builds the
// output with clang++ and g++, runs it and expects `PASS` on stdout.
//
// Each test compares the derivative ddx built with
//   - an analytic derivative written by hand in the test (tight tolerance),
//   - central finite differences in long double (loose tolerance; fourth
//     order, step 1e-5 * max(1, |x_i|) per input),
// and checks that `.value` equals the primal. The analytic derivative is also
// compared with the finite differences, so a mistake in the test itself shows
// up as a `self-check` failure, distinct from a wrong derivative.
//
// Primal functions are written as templates, `template <class T> T f(T x)`:
// ddx differentiates `f<double>` and the finite differences evaluate
// `f<long double>`. A plain double function works too (its finite differences
// are then accurate to ~1e-10, well inside the loose tolerance).
//
// Typical use:
//
//   template <class T> T f(T x, T y) { return x * y + std::sin(x); }
//   DDX_TANGENT(f<double>);
//   std::array<double, 2> grad_f(double x, double y) {
//     return {y + std::cos(x), x};
//   }
//   int main() {
//     ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>,
//                             grad_f, {{0.5, 1.2}, {-1.3, 2.1}});
//     return ddx_test::finish();
//   }
//
// check_tangent seeds every unit direction (d_x = 1, d_y = 0, ...) and one
// mixed direction at each point. For int parameters, wrap the functions in
// lambdas that bind them:
//
//   ddx_test::check_tangent(
//       "g", [n](double x, double dx) { return g_tangent(x, n, dx); },
//       [n](auto x) { return g(x, n); }, [n](auto x) { return g(x, n); },
//       [n](double x) { return n * std::pow(x, n - 1); }, {x});
//
// For anything else (wrt subsets, other tolerances) use at(), expect_*()
// and fd() directly.
//
// Every failed check prints one line
//   FAIL <function> <what> at (<point>): expected <e>, got <g> (...)
// and finish() prints `PASS` (exit code 0) or `FAIL <n>` (exit code 1).
//
//===----------------------------------------------------------------------===//
#ifndef DDX_TEST_H
#define DDX_TEST_H

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <unistd.h>

namespace ddx_test {

/// A derivative that never returns (a reverse loop whose count is wrong, a
/// tape popped past its end) must fail the test, not stall the suite: every
/// test binary dies by SIGALRM after two minutes.
struct Watchdog {
  Watchdog() { alarm(120); }
};
inline Watchdog TheWatchdog;

/// A check passes when |got - expected| <= abs or <= rel * scale, where scale
/// is |expected| unless the check says otherwise.
struct Tol {
  long double rel;
  long double abs;
};

// double-precision derivatives.
inline constexpr Tol kValue{1e-15L, 1e-300L}; ///< .value vs the primal
inline constexpr Tol kTight{1e-12L, 1e-14L};  ///< vs an analytic derivative
inline constexpr Tol kLoose{1e-6L, 1e-9L};    ///< vs finite differences
// float-precision derivatives (float functions).
inline constexpr Tol kValueFloat{1e-6L, 1e-37L};
inline constexpr Tol kTightFloat{1e-5L, 1e-6L};
inline constexpr Tol kLooseFloat{1e-4L, 1e-5L};

template <class T> constexpr Tol valueTol() {
  return std::is_same_v<T, float> ? kValueFloat : kValue;
}
template <class T> constexpr Tol tightTol() {
  return std::is_same_v<T, float> ? kTightFloat : kTight;
}
template <class T> constexpr Tol looseTol() {
  return std::is_same_v<T, float> ? kLooseFloat : kLoose;
}

struct State {
  int checks = 0;
  int failures = 0;
  std::string name;  ///< the function under test
  std::string point; ///< "(x, y)"
};

/// Pass instead of an analytic derivative when there is no closed form.
struct NoAnalytic {};
inline constexpr NoAnalytic no_analytic{};
/// Pass instead of a tangent when a test has none.
struct NoTangent {};
inline constexpr NoTangent no_tangent{};

/// The next number in [-1, 1] of a 64-bit linear congruential sequence
/// (deterministic: runs repeat exactly).
inline double lcgUniform(unsigned long long &S) {
  S = S * 6364136223846793005ULL + 1442695040888963407ULL;
  double U = static_cast<double>((S >> 11) & ((1ULL << 53) - 1)) /
             static_cast<double>(1ULL << 53);
  return 2 * U - 1;
}
/// R in [-1, 1] moved away from 0: sign(R) * [0.25, 1.25].
inline double awayFromZero(double R) {
  return (R < 0 ? -1 : 1) * (0.25 + std::fabs(R));
}

inline State &state() {
  static State S;
  return S;
}

inline std::string str(long double V) {
  char Buf[64];
  std::snprintf(Buf, sizeof Buf, "%.17Lg", V);
  return Buf;
}
inline std::string str(double V) { return str(static_cast<long double>(V)); }
inline std::string str(float V) { return str(static_cast<long double>(V)); }
inline std::string str(bool V) { return V ? "true" : "false"; }
inline std::string str(int V) { return std::to_string(V); }
inline std::string str(long V) { return std::to_string(V); }
inline std::string str(long long V) { return std::to_string(V); }
inline std::string str(unsigned V) { return std::to_string(V); }

/// Names the function and point the following checks are about, for the
/// failure messages: at("f", x, y, n).
template <class... A> void at(const char *Name, A... Args) {
  State &S = state();
  S.name = Name;
  S.point = "(";
  bool First = true;
  ((S.point += (First ? "" : ", ") + str(Args), First = false), ...);
  S.point += ")";
}

/// The basic check. Scale < 0 means |Expected|.
inline bool expect(const char *What, long double Got, long double Expected,
                   Tol T, long double Scale = -1) {
  State &S = state();
  ++S.checks;
  if (Scale < 0)
    Scale = std::fabs(Expected);
  bool Ok;
  long double Diff = std::fabs(Got - Expected);
  if (std::isnan(Got) || std::isnan(Expected))
    Ok = false;
  else if (std::isinf(Got) || std::isinf(Expected))
    Ok = Got == Expected;
  else
    Ok = Diff <= T.abs || Diff <= T.rel * Scale;
  if (!Ok) {
    ++S.failures;
    std::printf("FAIL %s %s at %s: expected %.17Lg, got %.17Lg (diff %.3Lg, "
                "tolerance rel %.0Lg abs %.0Lg)\n",
                S.name.c_str(), What, S.point.c_str(), Expected, Got, Diff,
                T.rel, T.abs);
    std::fflush(stdout);
  }
  return Ok;
}

/// `.value` of a tangent against the primal's result.
template <class G> bool expect_value(G Got, long double Primal) {
  return expect("value", Got, Primal, valueTol<G>());
}

/// A derivative against an analytic one (tight).
template <class G>
bool expect_analytic(const char *What, G Got, long double Analytic,
                     long double Scale = -1) {
  std::string W = std::string(What) + " vs analytic";
  return expect(W.c_str(), Got, Analytic, tightTol<G>(), Scale);
}

/// A derivative against finite differences (loose).
template <class G>
bool expect_fd(const char *What, G Got, long double Fd,
               long double Scale = -1) {
  std::string W = std::string(What) + " vs finite differences";
  return expect(W.c_str(), Got, Fd, looseTol<G>(), Scale);
}

/// The test's own analytic derivative against finite differences: a failure
/// here is a mistake in the test, not in ddx.
inline bool expect_selfcheck(const char *What, long double Analytic,
                             long double Fd, long double Scale = -1) {
  std::string W = std::string(What) + " self-check (analytic vs finite "
                                      "differences; a bug in the test)";
  return expect(W.c_str(), Analytic, Fd, kLoose, Scale);
}

/// Checks a derivative against both an analytic value and finite
/// differences, and the two against each other.
template <class G>
void expect_deriv(const char *What, G Got, long double Analytic,
                  long double Fd) {
  expect_analytic(What, Got, Analytic);
  expect_fd(What, Got, Fd);
  expect_selfcheck(What, Analytic, Fd);
}

/// Exact equality (for derivatives that must be exactly 0, ints, ...).
inline bool expect_eq(const char *What, long double Got, long double Expected) {
  return expect(What, Got, Expected, Tol{0, 0});
}

/// Step for central differences around X: 1e-5 * max(1, |X|).
inline long double fdStep(long double X) {
  return 1e-5L * std::max(1.0L, std::fabs(X));
}

/// The fourth-order central difference
///   (8 (g(h) - g(-h)) - (g(2h) - g(-2h))) / 12h
/// of G(t) = F(X + t) at t = 0, in long double.
template <class G> long double centralDiff(G &&Gt, long double H) {
  auto At = [&](long double T) { return static_cast<long double>(Gt(T)); };
  return (8 * (At(H) - At(-H)) - (At(2 * H) - At(-2 * H))) / (12 * H);
}

/// d/dx F(x) at X, central differences in long double. F takes one argument
/// (a lambda binding any others: [&](auto x) { return f(x, n); }).
template <class F> long double fd(F &&Fn, long double X) {
  return centralDiff([&](long double T) { return Fn(X + T); }, fdStep(X));
}

/// Directional derivative of F(x_0, ..., x_{N-1}) at X along V, as
/// sum_i V_i dF/dx_i with each partial derivative taken by central
/// differences in long double with its own step 1e-5 * max(1, |x_i|) (so
/// inputs of different scales do not spoil each other).
template <class F, std::size_t N>
long double fd_dir(F &&Fn, const std::array<long double, N> &X,
                   const std::array<long double, N> &V) {
  long double D = 0;
  for (std::size_t I = 0; I < N; ++I) {
    if (V[I] == 0)
      continue;
    auto Gt = [&](long double T) {
      std::array<long double, N> XT = X;
      XT[I] += T;
      return std::apply(Fn, XT);
    };
    D += V[I] * centralDiff(Gt, fdStep(X[I]));
  }
  return D;
}

/// fd(f, {x, y}, {1, 0}): the same with braced lists.
template <class F, std::size_t N>
long double fd(F &&Fn, const long double (&X)[N], const long double (&V)[N]) {
  std::array<long double, N> XA, VA;
  for (std::size_t I = 0; I < N; ++I) {
    XA[I] = X[I];
    VA[I] = V[I];
  }
  return fd_dir(Fn, XA, VA);
}

/// The mixed ("random") direction component I: fixed, so runs repeat.
inline long double mixedDir(std::size_t I) {
  static const long double D[] = {0.7L, -1.3L, 0.45L, 1.1L,
                                  -0.6L, 0.35L, -0.9L, 1.7L};
  return D[I % 8];
}

namespace detail {
template <class G, std::size_t N>
std::array<long double, N> gradArray(const G &Grad) {
  std::array<long double, N> R{};
  if constexpr (std::is_arithmetic_v<G>) {
    static_assert(N == 1, "a scalar derivative needs a one-input function");
    R[0] = Grad;
  } else {
    for (std::size_t I = 0; I < N; ++I)
      R[I] = Grad[I];
  }
  return R;
}
} // namespace detail

/// Checks the tangent of a function of N floating inputs at one point.
///
///   Tangent(x_0..x_{N-1}, d_0..d_{N-1}) -> ddx::dual<T>  (e.g. f_tangent)
///   Primal(x_0..x_{N-1}) -> T                           (e.g. f<double>)
///   PrimalFd(long double x_0, ...) -> long double        (e.g. f<long double>)
///   Grad(x_0..x_{N-1}) -> the analytic gradient: a scalar when N == 1, else
///                         anything indexable [0, N) (std::array)
///
/// For each unit direction and one mixed direction it checks .value against
/// the primal, .tangent against grad . dir (tight) and against central
/// differences (loose), and grad . dir against the differences (self-check).
template <class TF, class PF, class LF, class GF, class T, std::size_t N>
void check_tangent(const char *Name, TF &&Tangent, PF &&Primal, LF &&PrimalFd,
                   GF &&Grad, const T (&Point)[N]) {
  static_assert(std::is_floating_point_v<T>, "the point must be floating");
  std::array<T, N> X;
  std::array<long double, N> XL;
  State &S = state();
  S.name = Name;
  S.point = "(";
  for (std::size_t I = 0; I < N; ++I) {
    X[I] = Point[I];
    XL[I] = Point[I];
    S.point += (I ? ", " : "") + str(static_cast<long double>(X[I]));
  }
  S.point += ")";

  auto G = detail::gradArray<std::decay_t<decltype(std::apply(Grad, X))>, N>(
      std::apply(Grad, X));
  long double Value = std::apply(Primal, X);

  for (std::size_t K = 0; K <= N; ++K) {
    std::array<T, N> V{};
    std::array<long double, N> VL{};
    std::string Dir;
    if (K < N) {
      V[K] = 1;
      Dir = "d/d(input " + std::to_string(K) + ")";
    } else {
      Dir = "along (";
      for (std::size_t I = 0; I < N; ++I) {
        V[I] = static_cast<T>(mixedDir(I));
        Dir += (I ? ", " : "") + str(static_cast<long double>(V[I]));
      }
      Dir += ")";
    }
    for (std::size_t I = 0; I < N; ++I)
      VL[I] = V[I];

    std::array<T, 2 * N> Args;
    for (std::size_t I = 0; I < N; ++I) {
      Args[I] = X[I];
      Args[N + I] = V[I];
    }
    auto R = std::apply(Tangent, Args);

    long double Want = 0, Scale = 0;
    for (std::size_t I = 0; I < N; ++I) {
      Want += G[I] * VL[I];
      Scale += std::fabs(G[I] * VL[I]);
    }
    long double Fd = fd_dir(PrimalFd, XL, VL);
    long double FdScale = std::max(Scale, std::fabs(Fd));

    std::string W = Dir + " value";
    expect(W.c_str(), R.value, Value, valueTol<T>());
    expect_analytic(Dir.c_str(), R.tangent, Want, Scale);
    expect_fd(Dir.c_str(), R.tangent, Fd, FdScale);
    expect_selfcheck(Dir.c_str(), Want, Fd, FdScale);
  }
}

/// The same at several points: check_tangent(..., {{x0, y0}, {x1, y1}}).
template <class TF, class PF, class LF, class GF, class T, std::size_t M,
          std::size_t N>
void check_tangent(const char *Name, TF &&Tangent, PF &&Primal, LF &&PrimalFd,
                   GF &&Grad, const T (&Points)[M][N]) {
  for (std::size_t I = 0; I < M; ++I)
    check_tangent(Name, Tangent, Primal, PrimalFd, Grad, Points[I]);
}

/// Prints the summary line and returns main's exit code.
inline int finish() {
  State &S = state();
  if (S.checks == 0) {
    std::printf("FAIL no checks ran\n");
    return 1;
  }
  if (S.failures) {
    std::printf("FAIL %d (of %d checks)\n", S.failures, S.checks);
    return 1;
  }
  std::printf("%d checks\nPASS\n", S.checks);
  return 0;
}

} // namespace ddx_test

#endif // DDX_TEST_H
