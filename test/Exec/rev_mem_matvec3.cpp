// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A 3x3 matrix-vector product in reverse: y = A x with A row-major in a
// const array; the adjoint gives A-bar = ybar x^T and x-bar = A^T ybar.
// Also a quadratic form x^T A x returned as a scalar, through a local
// array holding A x.
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
DDX_TANGENT(matvec<double>);
DDX_ADJOINT(matvec<double>);

template <class T> T quad(const T *A, const T *x) {
  T y[3];
  for (int i = 0; i < 3; ++i) {
    y[i] = 0;
    for (int j = 0; j < 3; ++j)
      y[i] += A[3 * i + j] * x[j];
  }
  T s = 0;
  for (int i = 0; i < 3; ++i)
    s += x[i] * y[i];
  return s;
}
DDX_TANGENT(quad<double>);
DDX_GRADIENT(quad<double>);
DDX_ADJOINT(quad<double>);

int main() {
  namespace R = ddx_rev_test;
  for (double shift : {0.0, 0.7, -1.9}) {
    // X = (A[0..9), x[0..3)).
    std::vector<double> X(12), y(3, 0.0);
    for (int i = 0; i < 12; ++i)
      X[i] = std::sin(1.1 * i + shift) + 0.05 * i;
    R::check_vector(
        "matvec",
        [](const double *X, double *y, double *DX, double *dy) {
          matvec_adjoint(X, X + 9, y, DX, DX + 9, dy);
        },
        [](const double *X, double *y, const double *DX, double *dy) {
          matvec_tangent(X, X + 9, y, DX, DX + 9, dy);
        },
        [](const double *X, double *y) { matvec(X, X + 9, y); },
        [](const long double *X, long double *y) { matvec(X, X + 9, y); },
        [](const double *X, const double *, double *Jx, double *) {
          for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
              Jx[i * 12 + 3 * i + j] = X[9 + j]; // d y_i / d A_ij
              Jx[i * 12 + 9 + j] = X[3 * i + j]; // d y_i / d x_j
            }
        },
        X, y, false);
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
  return R::finish();
}
