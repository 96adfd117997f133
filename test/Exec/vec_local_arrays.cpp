// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Local arrays in vector adjoints.
//  - A local 2-D array: the rotation matrix R = Rz(a) Ry(b) Rx(c) of three
//    Euler angles, built element by element into `T R[3][3]`, then applied
//    to a point and translated. The 3 outputs with 3 lanes and unit seeds
//    give the 3 x 7 Jacobian with respect to (a, b, c, p, t), against the
//    derivatives of the rotation matrices by hand.
//  - Local 1-D arrays: explicit diffusion steps on a local copy of a rod's
//    temperatures, with a second local array for the new values and a
//    conductivity that varies with temperature; outputs the two end
//    temperatures and the total heat (3 outputs) with 4 lanes (lane 3 seeds
//    nothing under unit seeds).
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> void pose(T a, T b, T c, const T *p, T tz, T *out) {
  T ca = std::cos(a), sa = std::sin(a), cb = std::cos(b), sb = std::sin(b),
    cc = std::cos(c), sc = std::sin(c);
  T R[3][3];
  R[0][0] = ca * cb;
  R[0][1] = ca * sb * sc - sa * cc;
  R[0][2] = ca * sb * cc + sa * sc;
  R[1][0] = sa * cb;
  R[1][1] = sa * sb * sc + ca * cc;
  R[1][2] = sa * sb * cc - ca * sc;
  R[2][0] = -sb;
  R[2][1] = cb * sc;
  R[2][2] = cb * cc;
  for (int i = 0; i < 3; ++i) {
    T s = 0;
    for (int j = 0; j < 3; ++j)
      s += R[i][j] * p[j];
    out[i] = s;
  }
  out[2] += tz;
}
DDX_TANGENT(pose<double>);
DDX_ADJOINT_N(pose<double>, 3);

using M3 = std::vector<double>;
static M3 mul(const M3 &A, const M3 &B) {
  M3 C(9, 0.0);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k)
        C[i * 3 + j] += A[i * 3 + k] * B[k * 3 + j];
  return C;
}
// Rotations about z, y, x and their derivatives.
static M3 rz(double t, bool d) {
  double c = std::cos(t), s = std::sin(t);
  return d ? M3{-s, -c, 0, c, -s, 0, 0, 0, 0} : M3{c, -s, 0, s, c, 0, 0, 0, 1};
}
static M3 ry(double t, bool d) {
  double c = std::cos(t), s = std::sin(t);
  return d ? M3{-s, 0, c, 0, 0, 0, -c, 0, -s} : M3{c, 0, s, 0, 1, 0, -s, 0, c};
}
static M3 rx(double t, bool d) {
  double c = std::cos(t), s = std::sin(t);
  return d ? M3{0, 0, 0, 0, -s, -c, 0, c, -s} : M3{1, 0, 0, 0, c, -s, 0, s, c};
}

// u: a rod of n <= 8 cells, k steps, r the base diffusion number.
template <class T> void rod(const T *u0, int n, int k, T r, T *out) {
  T u[8], v[8];
  for (int i = 0; i < n; ++i)
    u[i] = u0[i];
  for (int s = 0; s < k; ++s) {
    for (int i = 0; i < n; ++i) {
      T left = i > 0 ? u[i - 1] : u[i];
      T right = i + 1 < n ? u[i + 1] : u[i];
      T kappa = r * (1 + 0.1 * u[i] * u[i]);
      v[i] = u[i] + kappa * (left - 2 * u[i] + right);
    }
    for (int i = 0; i < n; ++i)
      u[i] = v[i];
  }
  T heat = 0;
  for (int i = 0; i < n; ++i)
    heat += u[i];
  out[0] = u[0];
  out[1] = u[n - 1];
  out[2] = heat;
}
DDX_TANGENT(rod<double>);
DDX_ADJOINT(rod<double>);
DDX_ADJOINT_N(rod<double>, 4);

int main() {
  namespace V = ddx_vec_test;
  // x = (a, b, c, p[3], tz).
  const double P[][7] = {{0.3, -0.7, 1.1, 1.0, 2.0, -0.5, 0.25},
                         {2.5, 0.4, -2.0, -0.3, 0.8, 1.7, -1.0}};
  auto pr = [](const auto *x, auto *y) {
    pose(x[0], x[1], x[2], x + 3, x[6], y);
  };
  auto tan = [](const double *x, const double *dx, double *y, double *dy) {
    pose_tangent(x[0], x[1], x[2], x + 3, x[6], y, dx[0], dx[1], dx[2],
                 dx + 3, dx[6], dy);
  };
  auto adj = [](const double *x, const double *ybar, double *xbar,
                double *y) {
    double dout[9];
    for (int i = 0; i < 9; ++i)
      dout[i] = ybar[i];
    pose_adjoint_n(x[0], x[1], x[2], x + 3, x[6], y, xbar, xbar + 3, xbar + 6,
                   xbar + 9, xbar + 18, dout);
  };
  auto jac = [](const double *x, double *J) {
    M3 Rs[4] = {mul(rz(x[0], false), mul(ry(x[1], false), rx(x[2], false))),
                mul(rz(x[0], true), mul(ry(x[1], false), rx(x[2], false))),
                mul(rz(x[0], false), mul(ry(x[1], true), rx(x[2], false))),
                mul(rz(x[0], false), mul(ry(x[1], false), rx(x[2], true)))};
    for (int i = 0; i < 3; ++i) {
      for (int k = 0; k < 3; ++k) {
        double s = 0;
        for (int j = 0; j < 3; ++j)
          s += Rs[1 + k][i * 3 + j] * x[3 + j];
        J[i * 7 + k] = s;
        J[i * 7 + 3 + k] = Rs[0][i * 3 + k];
      }
      J[i * 7 + 6] = i == 2;
    }
  };
  for (const auto &p : P)
    V::check("pose_adjoint_n", 3, pr, tan, adj, jac,
             std::vector<double>(p, p + 7), 3);

  // x = (r, u0[0..n)).
  for (int n : {6, 1, 8}) {
    for (int k : {5, 0, 1}) {
      std::vector<double> x(1 + n);
      x[0] = 0.2;
      for (int i = 0; i < n; ++i)
        x[1 + i] = 1 + 0.8 * std::sin(1.3 * i + 0.5);
      auto pr = [n, k](const auto *x, auto *y) { rod(x + 1, n, k, x[0], y); };
      auto tan = [n, k](const double *x, const double *dx, double *y,
                        double *dy) {
        rod_tangent(x + 1, n, k, x[0], y, dx + 1, dx[0], dy);
      };
      auto adj = [n, k](const double *x, const double *ybar, double *xbar,
                        double *y) {
        double dout[12];
        for (int i = 0; i < 12; ++i)
          dout[i] = ybar[i];
        rod_adjoint_n(x + 1, n, k, x[0], y, xbar + 4, xbar, dout);
      };
      auto sadj = [n, k](const double *x, const double *ybar, double *xbar) {
        double out[3], dout[3] = {ybar[0], ybar[1], ybar[2]};
        rod_adjoint(x + 1, n, k, x[0], out, xbar + 1, &xbar[0], dout);
      };
      V::check("rod_adjoint_n", 4, pr, tan, adj, V::no_analytic, x, 3);
      V::check_vs_scalar("rod_adjoint_n", 4, adj, sadj, x, 3);
    }
  }
  return V::finish();
}
