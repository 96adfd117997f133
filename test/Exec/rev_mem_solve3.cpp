// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Gaussian elimination with partial pivoting on a local 3x3 copy of A,
// solving A x = b in place in b (an in/out array), in reverse: triple
// nested loops overwriting a local 2-D array and the output, row swaps
// chosen by data (the pivot order differs between points). The adjoint of
// the solution: b-bar = A^{-T} x-bar, A-bar = -b-bar x^T.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> void solve3(const T *A, T *b) {
  T M[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      M[i][j] = A[3 * i + j];
  for (int k = 0; k < 3; ++k) {
    int p = k;
    for (int i = k + 1; i < 3; ++i)
      if (std::fabs(M[i][k]) > std::fabs(M[p][k]))
        p = i;
    if (p != k) {
      for (int j = 0; j < 3; ++j) {
        T t = M[k][j];
        M[k][j] = M[p][j];
        M[p][j] = t;
      }
      T t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    for (int i = k + 1; i < 3; ++i) {
      T f = M[i][k] / M[k][k];
      for (int j = k; j < 3; ++j)
        M[i][j] -= f * M[k][j];
      b[i] -= f * b[k];
    }
  }
  for (int i = 2; i >= 0; --i) {
    T s = b[i];
    for (int j = i + 1; j < 3; ++j)
      s -= M[i][j] * b[j];
    b[i] = s / M[i][i];
  }
}
DDX_TANGENT(solve3<double>);
DDX_ADJOINT(solve3<double>);

// Inverse of a 3x3 by cofactors.
void inverse(const double *A, double *Ai) {
  double det = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3,
          c1 = (i + 2) % 3;
      Ai[3 * i + j] = A[3 * r0 + c0] * A[3 * r1 + c1] -
                      A[3 * r0 + c1] * A[3 * r1 + c0];
    }
  for (int j = 0; j < 3; ++j)
    det += A[j] * Ai[3 * j];
  for (int i = 0; i < 9; ++i)
    Ai[i] /= det;
}

int main() {
  namespace R = ddx_rev_test;
  const double Mats[][9] = {{4, 1, 0.5, 1, 3, -1, 0.2, -0.7, 2.5},
                            {0.1, 2, 1, 3, 0.5, -1, 1, 1, 4},  // pivots
                            {0.2, 0.3, 5, 0.4, 6, 0.1, 7, 0.5, 0.6}};
  for (const auto &Am : Mats) {
    std::vector<double> A(Am, Am + 9), b = {1.0, -2.0, 0.5};
    R::check_vector(
        "solve3",
        [](const double *A, double *b, double *dA, double *db) {
          solve3_adjoint(A, b, dA, db);
        },
        [](const double *A, double *b, const double *dA, double *db) {
          solve3_tangent(A, b, dA, db);
        },
        [](const double *A, double *b) { solve3(A, b); },
        [](const long double *A, long double *b) { solve3(A, b); },
        [](const double *A, const double *b, double *Jx, double *Jy) {
          double Ai[9], x[3];
          inverse(A, Ai);
          for (int i = 0; i < 3; ++i) {
            x[i] = 0;
            for (int j = 0; j < 3; ++j)
              x[i] += Ai[3 * i + j] * b[j];
          }
          for (int r = 0; r < 3; ++r) {
            for (int j = 0; j < 3; ++j)
              Jy[3 * r + j] = Ai[3 * r + j];
            // dx_r / dA_ij = -Ai[r][i] x_j
            for (int i = 0; i < 3; ++i)
              for (int j = 0; j < 3; ++j)
                Jx[9 * r + 3 * i + j] = -Ai[3 * r + i] * x[j];
          }
        },
        A, b, true);
  }
  return R::finish();
}
