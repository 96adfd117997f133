// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Pointer arithmetic in reverse: `const double* p = x + 1` and p[i],
// *(x + i), a pointer walked with ++, and a non-const output addressed
// through an offset pointer. The adjoint must land on the element the
// pointer addresses. (Pointers are never compared: ddx rejects that.)
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> T f(const T *x, int n) {
  const T *p = x + 1;
  T s = 0;
  for (int i = 0; i + 1 < n; ++i)
    s += p[i] * *(x + i) + std::sin(p[i]);
  return s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

template <class T> T walk(const T *x, int n) {
  T s = 0;
  const T *q = x;
  for (int i = 0; i < n; ++i) {
    s = s * 0.5 + *q * *q;
    ++q;
  }
  return s;
}
DDX_TANGENT(walk<double>);
DDX_GRADIENT(walk<double>);
DDX_ADJOINT(walk<double>);

// Writes y[1..n) through an offset pointer; y[0] = x[0].
template <class T> void shifted(const T *x, T *y, int n) {
  T *out = y + 1;
  y[0] = x[0];
  for (int i = 0; i + 1 < n; ++i)
    out[i] = x[i] * x[i + 1];
}
DDX_TANGENT(shifted<double>);
DDX_ADJOINT(shifted<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {5, 1, 2, 11}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = 1.1 * std::cos(0.8 * i + 0.1) - 0.2;
    auto g = [n](const double *x, double *dx) { return f_grad(x, n, dx); };
    auto a = [n](const double *x, double dr, double *dx) {
      f_adjoint(x, n, dr, dx);
    };
    auto t = [n](const double *x, const double *dx) {
      return f_tangent(x, n, dx);
    };
    auto p = [n](const auto *x) { return f(x, n); };
    auto an = [n](const double *x, double *G) {
      for (int i = 0; i < n; ++i)
        G[i] = 0;
      for (int i = 0; i + 1 < n; ++i) {
        G[i + 1] += x[i] + std::cos(x[i + 1]);
        G[i] += x[i + 1];
      }
    };
    R::check_array_gradient("f_grad", g, p, p, an, x);
    R::check_array_adjoint("f_adjoint", a, p, an, x);
    R::check_array_dot("f", t, g, x);

    auto wg = [n](const double *x, double *dx) {
      return walk_grad(x, n, dx);
    };
    auto wa = [n](const double *x, double dr, double *dx) {
      walk_adjoint(x, n, dr, dx);
    };
    auto wt = [n](const double *x, const double *dx) {
      return walk_tangent(x, n, dx);
    };
    auto wp = [n](const auto *x) { return walk(x, n); };
    auto wan = [n](const double *x, double *G) {
      for (int i = 0; i < n; ++i)
        G[i] = 2 * x[i] * std::pow(0.5, n - 1 - i);
    };
    R::check_array_gradient("walk_grad", wg, wp, wp, wan, x);
    R::check_array_adjoint("walk_adjoint", wa, wp, wan, x);
    R::check_array_dot("walk", wt, wg, x);

    std::vector<double> y(n, 0.0);
    R::check_vector(
        "shifted",
        [n](const double *x, double *y, double *dx, double *dy) {
          shifted_adjoint(x, y, n, dx, dy);
        },
        [n](const double *x, double *y, const double *dx, double *dy) {
          shifted_tangent(x, y, n, dx, dy);
        },
        [n](const double *x, double *y) { shifted(x, y, n); },
        [n](const long double *x, long double *y) { shifted(x, y, n); },
        [n](const double *x, const double *, double *Jx, double *) {
          Jx[0] = 1;
          for (int i = 0; i + 1 < n; ++i) {
            Jx[(i + 1) * n + i] = x[i + 1];
            Jx[(i + 1) * n + i + 1] = x[i];
          }
        },
        x, y, false);
  }
  return R::finish();
}
