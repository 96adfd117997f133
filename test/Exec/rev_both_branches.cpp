// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A value used in both branches of an if, in reverse: its adjoint must get
// the contribution of the branch taken only (not of both, and not twice).
// Variants: used in the condition and both arms; modified in one arm and
// read after the if; both arms assigning the same variable from it; and
// inside a loop where the branch alternates.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T u = x * y;
  T v;
  if (u > 0.5)
    v = u * u + x;
  else
    v = std::sin(u) * y;
  T w = u;
  if (v > 1)
    w = w * v;
  return v + w + u;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double u = x * y, ux = y, uy = x;
  double v, vx, vy;
  if (u > 0.5) {
    v = u * u + x;
    vx = 2 * u * ux + 1;
    vy = 2 * u * uy;
  } else {
    v = std::sin(u) * y;
    vx = std::cos(u) * ux * y;
    vy = std::cos(u) * uy * y + std::sin(u);
  }
  double wx = ux, wy = uy;
  if (v > 1) {
    wx = ux * v + u * vx;
    wy = uy * v + u * vy;
  }
  return {vx + wx + ux, vy + wy + uy};
}

template <class T> T g(T x, T y, int n) {
  T s = x;
  for (int i = 0; i < n; ++i) {
    T a = s * y; // used in both arms
    if (i % 2 == 0)
      s = a + s;
    else
      s = a * a - s * 0.5;
  }
  return s;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < n; ++i) {
    double a = s * y, ax = sx * y, ay = sy * y + s;
    if (i % 2 == 0) {
      sx = ax + sx;
      sy = ay + sy;
      s = a + s;
    } else {
      sx = 2 * a * ax - 0.5 * sx;
      sy = 2 * a * ay - 0.5 * sy;
      s = a * a - s * 0.5;
    }
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {2.0, 1.5}, {-1.3, 0.6},
                         {0.3, 0.4}, {1.1, -0.7}, {3.0, 0.5}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][2] = {{0.5, 0.3}, {-0.4, 0.6}, {0.2, -0.5}};
  for (int n : {5, 0, 1, 2, 8}) {
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
    R::check_gradient("g_grad", gg, gp, gp, gan, Q);
    R::check_adjoint("g_adjoint", ga, gp, gan, Q);
    R::check_dot("g", gt, gg, Q);
    R::check_dot_adjoint("g", gt, ga, Q);
  }
  return R::finish();
}
