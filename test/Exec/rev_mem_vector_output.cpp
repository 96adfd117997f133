// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Vector outputs in reverse: void g(const double* x, double* y, int n)
// gets g_adjoint(x, y, n, d_x, d_y); seeding d_y with each unit vector e_k
// gives row k of the Jacobian in d_x (checked in full), d_y on exit is 0
// (y's input values are never read), and the adjoint writes y like g does.
// The dot-product test against g_tangent with random seeds.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

// y[i] = x[i] x[(i+1) % n] + sin(x[i]); each x[j] feeds two outputs.
template <class T> void g(const T *x, T *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = x[i] * x[(i + 1) % n] + std::sin(x[i]);
}
DDX_TANGENT(g<double>);
DDX_ADJOINT(g<double>);

static_assert(std::is_same_v<decltype(&g_adjoint),
                             void (*)(const double *, double *, int, double *,
                                      double *)>,
              "g_adjoint(x, y, n, d_x, d_y)");
static_assert(std::is_same_v<decltype(&g_tangent),
                             void (*)(const double *, double *, int,
                                      const double *, double *)>,
              "g_tangent(x, y, n, d_x, d_y)");

// m outputs from n inputs (m != n): running sums and a product.
template <class T> void h(const T *x, int n, T *y, int m) {
  T s = 0;
  for (int k = 0; k < m; ++k) {
    s += x[k % n] * (k + 1);
    y[k] = s * x[(k + 1) % n];
  }
}
DDX_TANGENT(h<double>);
DDX_ADJOINT(h<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {3, 1, 6, 2}) {
    std::vector<double> x(n), y(n, 1e6); // y's old contents are not read
    for (int i = 0; i < n; ++i)
      x[i] = 0.9 * std::sin(1.7 * i + 0.5) + 0.2;
    R::check_vector(
        "g", [n](const double *x, double *y, double *dx, double *dy) {
          g_adjoint(x, y, n, dx, dy);
        },
        [n](const double *x, double *y, const double *dx, double *dy) {
          g_tangent(x, y, n, dx, dy);
        },
        [n](const double *x, double *y) { g(x, y, n); },
        [n](const long double *x, long double *y) { g(x, y, n); },
        [n](const double *x, const double *, double *Jx, double *) {
          for (int i = 0; i < n; ++i) {
            int j = (i + 1) % n;
            Jx[i * n + i] += x[j] + std::cos(x[i]);
            Jx[i * n + j] += x[i];
          }
        },
        x, y, false);
    for (int m : {1, 4, 7}) {
      std::vector<double> ym(m, -3.0);
      R::check_vector(
          "h",
          [n, m](const double *x, double *y, double *dx, double *dy) {
            h_adjoint(x, n, y, m, dx, dy);
          },
          [n, m](const double *x, double *y, const double *dx, double *dy) {
            h_tangent(x, n, y, m, dx, dy);
          },
          [n, m](const double *x, double *y) { h(x, n, y, m); },
          [n, m](const long double *x, long double *y) { h(x, n, y, m); },
          [n, m](const double *x, const double *, double *Jx, double *) {
            std::vector<double> ds(n, 0.0); // d s / d x
            double s = 0;
            for (int k = 0; k < m; ++k) {
              s += x[k % n] * (k + 1);
              ds[k % n] += k + 1;
              int j = (k + 1) % n;
              for (int i = 0; i < n; ++i)
                Jx[k * n + i] = ds[i] * x[j];
              Jx[k * n + j] += s;
            }
          },
          x, ym, false);
    }
  }
  return R::finish();
}
