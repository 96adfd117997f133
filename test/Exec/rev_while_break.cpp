// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// while loops with break at a data-dependent point, in reverse: the break
// leaves in the middle of an iteration (after the first update, before the
// second), so the last iteration is partial and must be reversed as such.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T a = x, b = y;
  int i = 0;
  while (true) {
    a = a * 1.5 + b * 0.1;
    if (a > 10 || i >= 50)
      break;
    b = b * a * 0.5;
    ++i;
  }
  return a * b;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double a = x, b = y, ax = 1, ay = 0, bx = 0, by = 1;
  int i = 0;
  while (true) {
    ax = ax * 1.5 + bx * 0.1;
    ay = ay * 1.5 + by * 0.1;
    a = a * 1.5 + b * 0.1;
    if (a > 10 || i >= 50)
      break;
    bx = 0.5 * (bx * a + b * ax);
    by = 0.5 * (by * a + b * ay);
    b = b * a * 0.5;
    ++i;
  }
  return {ax * b + a * bx, ay * b + a * by};
}

// A while with a condition on an active value and a second exit by break.
template <class T> T g(T x, T y) {
  T s = 0;
  T t = x;
  while (t > 0.01) {
    s += t * y;
    if (s > 5)
      break;
    t = t * std::exp(-y);
  }
  return s + t;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double s = 0, sx = 0, sy = 0, t = x, tx = 1, ty = 0;
  double e = std::exp(-y);
  while (t > 0.01) {
    sx += tx * y;
    sy += ty * y + t;
    s += t * y;
    if (s > 5)
      break;
    tx = tx * e;
    ty = ty * e - t * e;
    t = t * e;
  }
  return {sx + tx, sy + ty};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {2.0, 1.2}, {0.05, 0.7},
                         {9.0, 0.2}, {0.3, -0.25}, {20.0, 1.0}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][2] = {{0.5, 0.3}, {2.0, 1.2}, {0.005, 0.7},
                         {9.0, 0.2}, {1.3, 0.05}, {0.8, 2.5}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, Q);
  return R::finish();
}
