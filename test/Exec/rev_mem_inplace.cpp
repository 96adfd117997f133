// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// In-place updates of a non-const array (an in/out parameter), in reverse:
// x[i] = x[i] * x[i] overwrites the value its own adjoint needs. The
// adjoint takes d_x holding the seed of x's outputs and leaves in it the
// adjoint of x's inputs; it also performs the writes to x. Also a prefix
// recurrence that reads the element just overwritten, and axpy
// (y += a x) with a scalar and a const array input.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> void square(T *x, int n) {
  for (int i = 0; i < n; ++i)
    x[i] = x[i] * x[i];
}
DDX_TANGENT(square<double>);
DDX_ADJOINT(square<double>);

static_assert(std::is_same_v<decltype(&square_adjoint),
                             void (*)(double *, int, double *)>,
              "square_adjoint(x, n, d_x)");
static_assert(std::is_same_v<decltype(&square_tangent),
                             void (*)(double *, int, double *)>,
              "square_tangent(x, n, d_x)");

// x[i] = x[i-1] * x[i] + sin(x[i]): reads the previous (already new) value.
template <class T> void prefix(T *x, int n) {
  for (int i = 1; i < n; ++i)
    x[i] = x[i - 1] * x[i] + std::sin(x[i]);
}
DDX_TANGENT(prefix<double>);
DDX_ADJOINT(prefix<double>);

template <class T> void axpy(T a, const T *x, T *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] += a * x[i];
}
DDX_TANGENT(axpy<double>);
DDX_ADJOINT(axpy<double>);

static_assert(
    std::is_same_v<decltype(&axpy_adjoint),
                   void (*)(double, const double *, double *, int, double *,
                            double *, double *)>,
    "axpy_adjoint(a, x, y, n, d_a, d_x, d_y)");

int main() {
  namespace R = ddx_rev_test;
  for (int n : {4, 1, 9, 0, 3}) {
    std::vector<double> none, y(n);
    for (int i = 0; i < n; ++i)
      y[i] = 0.8 * std::cos(1.1 * i) + 0.3;
    // square: no const inputs, y in/out.
    R::check_vector(
        "square",
        [n](const double *, double *y, double *, double *dy) {
          square_adjoint(y, n, dy);
        },
        [n](const double *, double *y, const double *, double *dy) {
          square_tangent(y, n, dy);
        },
        [n](const double *, double *y) { square(y, n); },
        [n](const long double *, long double *y) { square(y, n); },
        [n](const double *, const double *y, double *, double *Jy) {
          for (int i = 0; i < n; ++i)
            Jy[i * n + i] = 2 * y[i];
        },
        none, y, true);
    R::check_vector(
        "prefix",
        [n](const double *, double *y, double *, double *dy) {
          prefix_adjoint(y, n, dy);
        },
        [n](const double *, double *y, const double *, double *dy) {
          prefix_tangent(y, n, dy);
        },
        [n](const double *, double *y) { prefix(y, n); },
        [n](const long double *, long double *y) { prefix(y, n); },
        [n](const double *, const double *y0, double *, double *Jy) {
          // Forward: row i of d(new x)/d(x_in).
          std::vector<double> v(y0, y0 + n);
          for (int i = 0; i < n; ++i)
            Jy[i * n + i] = 1;
          for (int i = 1; i < n; ++i) {
            double prev = v[i - 1], cur = v[i];
            for (int j = 0; j < n; ++j)
              Jy[i * n + j] = cur * Jy[(i - 1) * n + j] +
                              (j == i ? prev + std::cos(cur) : 0);
            v[i] = prev * cur + std::sin(cur);
          }
        },
        none, y, true);
    // axpy: X = (a, x[0..n)), y in/out.
    std::vector<double> ax(n + 1);
    ax[0] = -1.7;
    for (int i = 0; i < n; ++i)
      ax[i + 1] = std::sin(0.5 * i + 1);
    R::check_vector(
        "axpy",
        [n](const double *X, double *y, double *DX, double *dy) {
          axpy_adjoint(X[0], X + 1, y, n, &DX[0], DX + 1, dy);
        },
        [n](const double *X, double *y, const double *DX, double *dy) {
          axpy_tangent(X[0], X + 1, y, n, DX[0], DX + 1, dy);
        },
        [n](const double *X, double *y) { axpy(X[0], X + 1, y, n); },
        [n](const long double *X, long double *y) {
          axpy(X[0], X + 1, y, n);
        },
        [n](const double *X, const double *, double *Jx, double *Jy) {
          for (int i = 0; i < n; ++i) {
            Jx[i * (n + 1) + 0] = X[1 + i];
            Jx[i * (n + 1) + 1 + i] = X[0];
            Jy[i * n + i] = 1;
          }
        },
        ax, y, true);
  }
  return R::finish();
}
