// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A local 2-D array as scratch, in reverse: a 3x3 matrix built from the
// inputs, squared into a second local matrix by a triple loop, then its
// trace and determinant; a small dynamic-programming table (each entry read
// by two later ones).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T A[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      A[i][j] = std::cos(x * (i + 1) - y * j) + (i == j ? y : 0);
  T B[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      B[i][j] = 0;
      for (int k = 0; k < 3; ++k)
        B[i][j] += A[i][k] * A[k][j];
    }
  T det = A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) -
          A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0]) +
          A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
  return B[0][0] + B[1][1] + B[2][2] + det;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double A[3][3], Ax[3][3], Ay[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = std::sin(x * (i + 1) - y * j);
      A[i][j] = std::cos(x * (i + 1) - y * j) + (i == j ? y : 0);
      Ax[i][j] = -s * (i + 1);
      Ay[i][j] = s * j + (i == j ? 1 : 0);
    }
  // tr(A^2) = sum_{ik} A_ik A_ki; d = sum_{ik} 2 A_ki dA_ik.
  // det: d det = sum_ij cof_ij dA_ij.
  double cof[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      int r0 = (i + 1) % 3, r1 = (i + 2) % 3, c0 = (j + 1) % 3,
          c1 = (j + 2) % 3;
      cof[i][j] = A[r0][c0] * A[r1][c1] - A[r0][c1] * A[r1][c0];
    }
  double gx = 0, gy = 0;
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) {
      double w = 2 * A[k][i] + cof[i][k];
      gx += w * Ax[i][k];
      gy += w * Ay[i][k];
    }
  return {gx, gy};
}

// DP table: T[i][j] = T[i-1][j] * x + T[i][j-1] * y, T[0][*] = T[*][0] = 1.
template <class T> T paths(T x, T y) {
  T D[5][5];
  for (int i = 0; i < 5; ++i) {
    D[i][0] = 1;
    D[0][i] = 1;
  }
  for (int i = 1; i < 5; ++i)
    for (int j = 1; j < 5; ++j)
      D[i][j] = D[i - 1][j] * x + D[i][j - 1] * y;
  return D[4][4];
}
DDX_TANGENT(paths<double>);
DDX_GRADIENT(paths<double>);
DDX_ADJOINT(paths<double>);

std::array<double, 2> grad_paths(double x, double y) {
  double D[5][5], Dx[5][5], Dy[5][5];
  for (int i = 0; i < 5; ++i) {
    D[i][0] = D[0][i] = 1;
    Dx[i][0] = Dx[0][i] = Dy[i][0] = Dy[0][i] = 0;
  }
  for (int i = 1; i < 5; ++i)
    for (int j = 1; j < 5; ++j) {
      Dx[i][j] = Dx[i - 1][j] * x + D[i - 1][j] + Dx[i][j - 1] * y;
      Dy[i][j] = Dy[i - 1][j] * x + Dy[i][j - 1] * y + D[i][j - 1];
      D[i][j] = D[i - 1][j] * x + D[i][j - 1] * y;
    }
  return {Dx[4][4], Dy[4][4]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, -1.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  R::check_gradient("paths_grad", paths_grad, paths<double>,
                    paths<long double>, grad_paths, P);
  R::check_adjoint("paths_adjoint", paths_adjoint, paths<long double>,
                   grad_paths, P);
  R::check_dot("paths", paths_tangent, paths_grad, P);
  return R::finish();
}
