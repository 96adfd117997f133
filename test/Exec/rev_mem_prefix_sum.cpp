// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Output arrays that the function also reads back, in reverse: a running
// product into y (y[i] reads y[i-1]), then a normalization pass over y that
// reads the whole output (the norm) and rewrites every element; a function
// that both returns a value and writes an output.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> void cumprod_normalize(const T *x, T *y, int n) {
  y[0] = x[0];
  for (int i = 1; i < n; ++i)
    y[i] = y[i - 1] * x[i];
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += y[i] * y[i];
  T inv = 1 / std::sqrt(s);
  for (int i = 0; i < n; ++i)
    y[i] = y[i] * inv;
}
DDX_TANGENT(cumprod_normalize<double>);
DDX_ADJOINT(cumprod_normalize<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {4, 1, 6, 2}) {
    std::vector<double> x(n), y(n, 0.0);
    for (int i = 0; i < n; ++i)
      x[i] = 0.8 + 0.5 * std::sin(1.7 * i + 0.2);
    R::check_vector(
        "cumprod_normalize",
        [n](const double *x, double *y, double *dx, double *dy) {
          cumprod_normalize_adjoint(x, y, n, dx, dy);
        },
        [n](const double *x, double *y, const double *dx, double *dy) {
          cumprod_normalize_tangent(x, y, n, dx, dy);
        },
        [n](const double *x, double *y) { cumprod_normalize(x, y, n); },
        [n](const long double *x, long double *y) {
          cumprod_normalize(x, y, n);
        },
        [n](const double *x, const double *, double *Jx, double *) {
          // p_i = prod_{j<=i} x_j; y = p / |p|;
          // dy/dp = (I - y y^T) / |p|; dp_i/dx_j = p_i / x_j for j <= i.
          std::vector<double> p(n);
          double s = 0;
          for (int i = 0; i < n; ++i) {
            p[i] = (i ? p[i - 1] : 1) * x[i];
            s += p[i] * p[i];
          }
          double nrm = std::sqrt(s);
          for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
              double v = 0;
              for (int k = j; k < n; ++k) {
                double dyp = ((i == k ? 1 : 0) - p[i] * p[k] / s) / nrm;
                v += dyp * p[k] / x[j];
              }
              Jx[i * n + j] = v;
            }
        },
        x, y, false);
  }
  return R::finish();
}
