// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Softmax and log-sum-exp in reverse, written the numerically safe way:
// the maximum is found by a data-dependent branch in a loop (its index
// changes with the point), subtracted, exponentiated, summed, normalized.
// The Jacobian of softmax (diag(s) - s s^T) is checked row by row; the
// gradient of log-sum-exp is the softmax.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> void softmax(const T *x, T *y, int n) {
  T m = x[0];
  for (int i = 1; i < n; ++i)
    if (x[i] > m)
      m = x[i];
  T s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = std::exp(x[i] - m);
    s += y[i];
  }
  for (int i = 0; i < n; ++i)
    y[i] = y[i] / s;
}
DDX_TANGENT(softmax<double>);
DDX_ADJOINT(softmax<double>);

template <class T> T logsumexp(const T *x, int n) {
  T m = x[0];
  for (int i = 1; i < n; ++i)
    m = std::fmax(m, x[i]);
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  return m + std::log(s);
}
DDX_TANGENT(logsumexp<double>);
DDX_GRADIENT(logsumexp<double>);
DDX_ADJOINT(logsumexp<double>);

std::vector<double> softmaxRef(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    m = std::fmax(m, x[i]);
  std::vector<double> s(n);
  double t = 0;
  for (int i = 0; i < n; ++i)
    t += s[i] = std::exp(x[i] - m);
  for (int i = 0; i < n; ++i)
    s[i] /= t;
  return s;
}

int main() {
  namespace R = ddx_rev_test;
  for (int n : {4, 1, 7, 2}) {
    for (double shift : {0.0, 2.1, -0.8}) {
      std::vector<double> x(n), y(n, 0.0);
      for (int i = 0; i < n; ++i)
        x[i] = 1.5 * std::sin(1.9 * i + shift) + 0.3 * i;
      R::check_vector(
          "softmax",
          [n](const double *x, double *y, double *dx, double *dy) {
            softmax_adjoint(x, y, n, dx, dy);
          },
          [n](const double *x, double *y, const double *dx, double *dy) {
            softmax_tangent(x, y, n, dx, dy);
          },
          [n](const double *x, double *y) { softmax(x, y, n); },
          [n](const long double *x, long double *y) { softmax(x, y, n); },
          [n](const double *x, const double *, double *Jx, double *) {
            auto s = softmaxRef(x, n);
            for (int i = 0; i < n; ++i)
              for (int j = 0; j < n; ++j)
                Jx[i * n + j] = (i == j ? s[i] : 0) - s[i] * s[j];
          },
          x, y, false);
      auto g = [n](const double *x, double *dx) {
        return logsumexp_grad(x, n, dx);
      };
      auto a = [n](const double *x, double dr, double *dx) {
        logsumexp_adjoint(x, n, dr, dx);
      };
      auto t = [n](const double *x, const double *dx) {
        return logsumexp_tangent(x, n, dx);
      };
      auto p = [n](const auto *x) { return logsumexp(x, n); };
      auto an = [n](const double *x, double *G) {
        auto s = softmaxRef(x, n);
        for (int i = 0; i < n; ++i)
          G[i] = s[i];
      };
      R::check_array_gradient("logsumexp_grad", g, p, p, an, x);
      R::check_array_adjoint("logsumexp_adjoint", a, p, an, x);
      R::check_array_dot("logsumexp", t, g, x);
    }
  }
  return R::finish();
}
