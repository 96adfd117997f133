// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Helpers that write through a non-const pointer into the caller's local
// array, in reverse (the helper's outputs are the caller's intermediate
// values): y = A x by a matvec helper, then x^T y; a cross-product helper
// called in a loop on a function-level scratch array; and the same with the
// scratch array declared inside the loop body.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> void matvec(const T *A, const T *x, T *y) {
  for (int i = 0; i < 3; ++i) {
    T s = 0;
    for (int j = 0; j < 3; ++j)
      s += A[3 * i + j] * x[j];
    y[i] = s;
  }
}

template <class T> T quad(const T *A, const T *x) {
  T y[3];
  matvec(A, x, y);
  T s = 0;
  for (int i = 0; i < 3; ++i)
    s += x[i] * y[i];
  return s;
}
DDX_TANGENT(quad<double>);
DDX_GRADIENT(quad<double>);
DDX_ADJOINT(quad<double>);

template <class T> void cross(const T *a, const T *b, T *c) {
  c[0] = a[1] * b[2] - a[2] * b[1];
  c[1] = a[2] * b[0] - a[0] * b[2];
  c[2] = a[0] * b[1] - a[1] * b[0];
}

// sum over consecutive pairs of |a x b|^2; c is reused by every iteration.
template <class T> T areas(const T *x, int m) {
  T s = 0;
  T c[3];
  for (int i = 0; i + 1 < m; ++i) {
    cross(x + 3 * i, x + 3 * i + 3, c);
    s += c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
  }
  return s;
}
DDX_TANGENT(areas<double>);
DDX_GRADIENT(areas<double>);
DDX_ADJOINT(areas<double>);

// The same with the scratch array declared in the loop body.
template <class T> T areas_local(const T *x, int m) {
  T s = 0;
  for (int i = 0; i + 1 < m; ++i) {
    T c[3];
    cross(x + 3 * i, x + 3 * i + 3, c);
    s += c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
  }
  return s;
}
DDX_TANGENT(areas_local<double>);
DDX_GRADIENT(areas_local<double>);
DDX_ADJOINT(areas_local<double>);

void grad_areas(const double *x, double *G, int m) {
  // |a x b|^2 = |a|^2 |b|^2 - (a.b)^2
  for (int i = 0; i < 3 * m; ++i)
    G[i] = 0;
  for (int i = 0; i + 1 < m; ++i) {
    const double *u = x + 3 * i, *v = x + 3 * i + 3;
    double uu = 0, vv = 0, uv = 0;
    for (int k = 0; k < 3; ++k) {
      uu += u[k] * u[k];
      vv += v[k] * v[k];
      uv += u[k] * v[k];
    }
    for (int k = 0; k < 3; ++k) {
      G[3 * i + k] += 2 * u[k] * vv - 2 * uv * v[k];
      G[3 * i + 3 + k] += 2 * v[k] * uu - 2 * uv * u[k];
    }
  }
}

int main() {
  namespace R = ddx_rev_test;
  for (double shift : {0.0, 0.7, -1.9}) {
    std::vector<double> X(12);
    for (int i = 0; i < 12; ++i)
      X[i] = std::sin(1.1 * i + shift) + 0.05 * i;
    auto g = [](const double *X, double *DX) {
      return quad_grad(X, X + 9, DX, DX + 9);
    };
    auto a = [](const double *X, double dr, double *DX) {
      quad_adjoint(X, X + 9, dr, DX, DX + 9);
    };
    auto t = [](const double *X, const double *DX) {
      return quad_tangent(X, X + 9, DX, DX + 9);
    };
    auto p = [](const auto *X) { return quad(X, X + 9); };
    auto an = [](const double *X, double *G) {
      const double *A = X, *x = X + 9;
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          G[3 * i + j] = x[i] * x[j];
      for (int k = 0; k < 3; ++k) {
        G[9 + k] = 0;
        for (int j = 0; j < 3; ++j)
          G[9 + k] += (A[3 * k + j] + A[3 * j + k]) * x[j];
      }
    };
    R::check_array_gradient("quad_grad", g, p, p, an, X);
    R::check_array_adjoint("quad_adjoint", a, p, an, X);
    R::check_array_dot("quad", t, g, X);
  }
  for (int m : {2, 4, 1, 7}) {
    std::vector<double> x(3 * m);
    for (int i = 0; i < 3 * m; ++i)
      x[i] = std::sin(0.9 * i + 0.3) + 0.4;
    auto an = [m](const double *x, double *G) { grad_areas(x, G, m); };
    auto ag = [m](const double *x, double *dx) {
      return areas_grad(x, m, dx);
    };
    auto aa = [m](const double *x, double dr, double *dx) {
      areas_adjoint(x, m, dr, dx);
    };
    auto at = [m](const double *x, const double *dx) {
      return areas_tangent(x, m, dx);
    };
    auto ap = [m](const auto *x) { return areas(x, m); };
    R::check_array_gradient("areas_grad", ag, ap, ap, an, x);
    R::check_array_adjoint("areas_adjoint", aa, ap, an, x);
    R::check_array_dot("areas", at, ag, x);
    auto lg = [m](const double *x, double *dx) {
      return areas_local_grad(x, m, dx);
    };
    auto la = [m](const double *x, double dr, double *dx) {
      areas_local_adjoint(x, m, dr, dx);
    };
    auto lt = [m](const double *x, const double *dx) {
      return areas_local_tangent(x, m, dx);
    };
    auto lp = [m](const auto *x) { return areas_local(x, m); };
    R::check_array_gradient("areas_local_grad", lg, lp, lp, an, x);
    R::check_array_adjoint("areas_local_adjoint", la, lp, an, x);
    R::check_array_dot("areas_local", lt, lg, x);
  }
  return R::finish();
}
