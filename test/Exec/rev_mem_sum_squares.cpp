// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode over an array input: f(const double* x, int n) gets
// f_grad(x, n, double* d_x) with d_x an array of n, gradient added into it.
// Sum of squares, a weighted sum with a nonlinear term, and lengths that
// change from call to call (0 and 1 included).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> T sumsq(const T *x, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return s;
}
DDX_TANGENT(sumsq<double>);
DDX_GRADIENT(sumsq<double>);
DDX_ADJOINT(sumsq<double>);

static_assert(std::is_same_v<decltype(&sumsq_grad),
                             double (*)(const double *, int, double *)>,
              "sumsq_grad(x, n, d_x)");
static_assert(std::is_same_v<decltype(&sumsq_adjoint),
                             void (*)(const double *, int, double, double *)>,
              "sumsq_adjoint(x, n, d_ret, d_x)");
static_assert(
    std::is_same_v<decltype(&sumsq_tangent),
                   ddx::dual<double> (*)(const double *, int, const double *)>,
    "sumsq_tangent(x, n, d_x)");

// sum_i (i + 1) x_i^2 + exp(sum_i x_i / n)
template <class T> T wsum(const T *x, int n) {
  T s = 0, m = 0;
  for (int i = 0; i < n; ++i) {
    s += (i + 1) * x[i] * x[i];
    m += x[i];
  }
  return s + std::exp(m / n);
}
DDX_TANGENT(wsum<double>);
DDX_GRADIENT(wsum<double>);
DDX_ADJOINT(wsum<double>);

std::vector<double> point(int n, double scale) {
  std::vector<double> x(n);
  for (int i = 0; i < n; ++i)
    x[i] = scale * std::sin(1.3 * i + 0.4) + 0.1 * i;
  return x;
}

int main() {
  namespace R = ddx_rev_test;
  for (int n : {5, 0, 1, 12, 3, 40}) {
    for (double scale : {1.0, -2.5}) {
      auto x = point(n, scale);
      auto g = [n](const double *x, double *dx) {
        return sumsq_grad(x, n, dx);
      };
      auto a = [n](const double *x, double dr, double *dx) {
        sumsq_adjoint(x, n, dr, dx);
      };
      auto t = [n](const double *x, const double *dx) {
        return sumsq_tangent(x, n, dx);
      };
      auto p = [n](const auto *x) { return sumsq(x, n); };
      auto an = [n](const double *x, double *gr) {
        for (int i = 0; i < n; ++i)
          gr[i] = 2 * x[i];
      };
      R::check_array_gradient("sumsq_grad", g, p, p, an, x);
      R::check_array_adjoint("sumsq_adjoint", a, p, an, x);
      R::check_array_dot("sumsq", t, g, x);
      if (n == 0)
        continue;
      auto wg = [n](const double *x, double *dx) {
        return wsum_grad(x, n, dx);
      };
      auto wa = [n](const double *x, double dr, double *dx) {
        wsum_adjoint(x, n, dr, dx);
      };
      auto wt = [n](const double *x, const double *dx) {
        return wsum_tangent(x, n, dx);
      };
      auto wp = [n](const auto *x) { return wsum(x, n); };
      auto wan = [n](const double *x, double *gr) {
        double m = 0;
        for (int i = 0; i < n; ++i)
          m += x[i];
        double e = std::exp(m / n) / n;
        for (int i = 0; i < n; ++i)
          gr[i] = 2 * (i + 1) * x[i] + e;
      };
      R::check_array_gradient("wsum_grad", wg, wp, wp, wan, x);
      R::check_array_adjoint("wsum_adjoint", wa, wp, wan, x);
      R::check_array_dot("wsum", wt, wg, x);
    }
  }
  return R::finish();
}
