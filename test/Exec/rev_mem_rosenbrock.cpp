// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The chained Rosenbrock function on an array, in reverse: each x[i] is
// read by two terms (i - 1 and i), so its adjoint has two contributions.
// Also the extended variant read through x[i + 1] and x[i - 1] in one term.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> T rosen(const T *x, int n) {
  T s = 0;
  for (int i = 0; i + 1 < n; ++i) {
    T a = x[i + 1] - x[i] * x[i];
    T b = 1 - x[i];
    s += 100 * a * a + b * b;
  }
  return s;
}
DDX_TANGENT(rosen<double>);
DDX_GRADIENT(rosen<double>);
DDX_ADJOINT(rosen<double>);

void grad_rosen(const double *x, double *g, int n) {
  for (int i = 0; i < n; ++i)
    g[i] = 0;
  for (int i = 0; i + 1 < n; ++i) {
    double a = x[i + 1] - x[i] * x[i];
    g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
    g[i + 1] += 200 * a;
  }
}

// Centered stencil: sum_{0<i<n-1} (x[i-1] - 2 x[i] + x[i+1])^2 x[i].
template <class T> T stencil(const T *x, int n) {
  T s = 0;
  for (int i = 1; i + 1 < n; ++i) {
    T l = x[i - 1] - 2 * x[i] + x[i + 1];
    s += l * l * x[i];
  }
  return s;
}
DDX_TANGENT(stencil<double>);
DDX_GRADIENT(stencil<double>);
DDX_ADJOINT(stencil<double>);

void grad_stencil(const double *x, double *g, int n) {
  for (int i = 0; i < n; ++i)
    g[i] = 0;
  for (int i = 1; i + 1 < n; ++i) {
    double l = x[i - 1] - 2 * x[i] + x[i + 1];
    double dl = 2 * l * x[i];
    g[i - 1] += dl;
    g[i] += -2 * dl + l * l;
    g[i + 1] += dl;
  }
}

int main() {
  namespace R = ddx_rev_test;
  for (int n : {2, 7, 1, 20, 3}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = 1.2 * std::sin(0.9 * i + 0.3);
    auto g = [n](const double *x, double *dx) {
      return rosen_grad(x, n, dx);
    };
    auto a = [n](const double *x, double dr, double *dx) {
      rosen_adjoint(x, n, dr, dx);
    };
    auto t = [n](const double *x, const double *dx) {
      return rosen_tangent(x, n, dx);
    };
    auto p = [n](const auto *x) { return rosen(x, n); };
    auto an = [n](const double *x, double *gr) { grad_rosen(x, gr, n); };
    R::check_array_gradient("rosen_grad", g, p, p, an, x);
    R::check_array_adjoint("rosen_adjoint", a, p, an, x);
    R::check_array_dot("rosen", t, g, x);

    auto sg = [n](const double *x, double *dx) {
      return stencil_grad(x, n, dx);
    };
    auto sa = [n](const double *x, double dr, double *dx) {
      stencil_adjoint(x, n, dr, dx);
    };
    auto st = [n](const double *x, const double *dx) {
      return stencil_tangent(x, n, dx);
    };
    auto sp = [n](const auto *x) { return stencil(x, n); };
    auto san = [n](const double *x, double *gr) { grad_stencil(x, gr, n); };
    R::check_array_gradient("stencil_grad", sg, sp, sp, san, x);
    R::check_array_adjoint("stencil_adjoint", sa, sp, san, x);
    R::check_array_dot("stencil", st, sg, x);
  }
  return R::finish();
}
