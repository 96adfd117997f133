// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A function with two kinds of dependent outputs, the return value and a
// non-const array: f_adjoint(x, y, n, d_ret, d_x, d_y) seeds both (d_ret
// and d_y on entry); f_grad(x, y, n, d_x, d_y) is the adjoint with
// d_ret = 1 that also returns the value and writes y. The return value is
// treated as output m of the vector harness.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

// y[i] = exp(x[i]) / sum; returns log(sum) (softmax and log-sum-exp at once)
template <class T> T smx(const T *x, T *y, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = std::exp(x[i]);
    s += y[i];
  }
  for (int i = 0; i < n; ++i)
    y[i] /= s;
  return std::log(s);
}
DDX_TANGENT(smx<double>);
DDX_GRADIENT(smx<double>);
DDX_ADJOINT(smx<double>);

static_assert(std::is_same_v<decltype(&smx_adjoint),
                             void (*)(const double *, double *, int, double,
                                      double *, double *)>,
              "smx_adjoint(x, y, n, d_ret, d_x, d_y)");
static_assert(std::is_same_v<decltype(&smx_grad),
                             double (*)(const double *, double *, int,
                                        double *, double *)>,
              "smx_grad(x, y, n, d_x, d_y)");

int main() {
  namespace R = ddx_rev_test;
  for (int n : {3, 1, 6}) {
    std::vector<double> x(n), y(n + 1, 0.0);
    for (int i = 0; i < n; ++i)
      x[i] = std::sin(2.3 * i + 0.4);
    // Outputs: y[0..n) and the return value as y[n].
    auto jac = [n](const double *x, const double *, double *Jx, double *) {
      std::vector<double> s(n);
      double t = 0;
      for (int i = 0; i < n; ++i)
        t += s[i] = std::exp(x[i]);
      for (int i = 0; i < n; ++i)
        s[i] /= t;
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
          Jx[i * n + j] = (i == j ? s[i] : 0) - s[i] * s[j];
      for (int j = 0; j < n; ++j)
        Jx[n * n + j] = s[j];
    };
    R::check_vector(
        "smx",
        [n](const double *x, double *y, double *dx, double *dy) {
          smx_adjoint(x, y, n, dy[n], dx, dy);
          std::vector<double> tmp(n);
          y[n] = smx(x, tmp.data(), n); // the adjoint need not return it
          dy[n] = 0;                    // the return value is not an input
        },
        [n](const double *x, double *y, const double *dx, double *dy) {
          auto r = smx_tangent(x, y, n, dx, dy);
          y[n] = r.value;
          dy[n] = r.tangent;
        },
        [n](const double *x, double *y) { y[n] = smx(x, y, n); },
        [n](const long double *x, long double *y) { y[n] = smx(x, y, n); },
        jac, x, y, false);

    // smx_grad: the adjoint with d_ret = 1, returning the value, writing y.
    std::vector<double> Jx((n + 1) * n, 0.0);
    jac(x.data(), nullptr, Jx.data(), nullptr);
    std::vector<double> seed(n);
    for (int pass = 0; pass < 2; ++pass) {
      for (int i = 0; i < n; ++i)
        seed[i] = pass ? R::rndNonZero() : 0.0;
      std::vector<double> yy(n, 0.0), yref(n), dx(n, 0.0), dy = seed;
      double v = smx_grad(x.data(), yy.data(), n, dx.data(), dy.data());
      double vref = smx(x.data(), yref.data(), n);
      ddx_test::at("smx_grad", pass, n);
      ddx_test::expect_value(v, vref);
      for (int i = 0; i < n; ++i) {
        ddx_test::expect_value(yy[i], yref[i]);
        double want = Jx[n * n + i], scale = std::fabs(want);
        for (int k = 0; k < n; ++k) {
          want += seed[k] * Jx[k * n + i];
          scale += std::fabs(seed[k] * Jx[k * n + i]);
        }
        R::expect(R::idx("d_x", i).c_str(), dx[i], want, ddx_test::kTight,
                  scale);
        R::expect_eq(R::idx("d_y on exit", i).c_str(), dy[i], 0);
      }
    }
  }
  return R::finish();
}
