// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Local fixed-size arrays used as scratch, in reverse: a 1-D array filled
// in one loop and read (in a different order) in another; an element
// overwritten after it was read (the reverse sweep needs the old value);
// the local array's adjoint must start at zero on every call.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T t[8];
  for (int i = 0; i < 8; ++i)
    t[i] = std::sin(x * (i + 1)) + y * i;
  T s = 0;
  for (int i = 7; i >= 0; --i)
    s = s * 0.5 + t[i] * t[(i + 3) % 8];
  t[2] = t[2] * t[2]; // overwrite after use
  return s + t[2] * y;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double t[8], tx[8], ty[8];
  for (int i = 0; i < 8; ++i) {
    t[i] = std::sin(x * (i + 1)) + y * i;
    tx[i] = std::cos(x * (i + 1)) * (i + 1);
    ty[i] = i;
  }
  double s = 0, sx = 0, sy = 0;
  for (int i = 7; i >= 0; --i) {
    int j = (i + 3) % 8;
    sx = sx * 0.5 + tx[i] * t[j] + t[i] * tx[j];
    sy = sy * 0.5 + ty[i] * t[j] + t[i] * ty[j];
    s = s * 0.5 + t[i] * t[j];
  }
  double u = t[2] * t[2], ux = 2 * t[2] * tx[2], uy = 2 * t[2] * ty[2];
  return {sx + ux * y, sy + uy * y + u};
}

// A local array as a queue of the last three values (a third-order
// recurrence), rotated by copying.
template <class T> T g(T x, T y, int n) {
  T q[3] = {x, y, x * y};
  for (int i = 0; i < n; ++i) {
    T next = 0.5 * q[2] + 0.3 * q[1] * q[0] - 0.1 * q[0];
    q[0] = q[1];
    q[1] = q[2];
    q[2] = next;
  }
  return q[2] + q[0];
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double q[3] = {x, y, x * y}, qx[3] = {1, 0, y}, qy[3] = {0, 1, x};
  for (int i = 0; i < n; ++i) {
    double nx = 0.5 * qx[2] + 0.3 * (qx[1] * q[0] + q[1] * qx[0]) - 0.1 * qx[0];
    double ny = 0.5 * qy[2] + 0.3 * (qy[1] * q[0] + q[1] * qy[0]) - 0.1 * qy[0];
    double nv = 0.5 * q[2] + 0.3 * q[1] * q[0] - 0.1 * q[0];
    q[0] = q[1], qx[0] = qx[1], qy[0] = qy[1];
    q[1] = q[2], qx[1] = qx[2], qy[1] = qy[2];
    q[2] = nv, qx[2] = nx, qy[2] = ny;
  }
  return {qx[2] + qx[0], qy[2] + qy[0]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, -1.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  for (int n : {5, 0, 1, 12}) {
    auto gg = [n](double x, double y, double *dx, double *dy) {
      return g_grad(x, y, n, dx, dy);
    };
    auto ga = [n](double x, double y, double dr, double *dx, double *dy) {
      g_adjoint(x, y, n, dr, dx, dy);
    };
    auto gt = [n](double x, double y, double dx, double dy) {
      return g_tangent(x, y, n, dx, dy);
    };
    auto gp = [n](auto x, auto y) { return g(x, y, n); };
    auto gan = [n](double x, double y) { return grad_g(x, y, n); };
    R::check_gradient("g_grad", gg, gp, gp, gan, P);
    R::check_adjoint("g_adjoint", ga, gp, gan, P);
    R::check_dot("g", gt, gg, P);
  }
  return R::finish();
}
