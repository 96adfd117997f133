// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// do-while in reverse: the body runs at least once even when the condition
// is false at entry; a condition on an active value; a do-while with an int
// counter from a parameter (0 still runs once).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T t = x;
  do {
    t = t * t * 0.5 + y;
  } while (t < 3 && t > -3);
  return t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double t = x, tx = 1, ty = 0;
  do {
    tx = t * tx;
    ty = t * ty + 1;
    t = t * t * 0.5 + y;
  } while (t < 3 && t > -3);
  return {tx, ty};
}

template <class T> T g(T x, T y, int n) {
  T p = y;
  int k = 0;
  do {
    p = p * x + std::cos(p);
    ++k;
  } while (k < n);
  return p;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double p = y, px = 0, py = 1;
  int k = 0;
  do {
    double s = std::sin(p);
    px = px * x + p - s * px;
    py = py * x - s * py;
    p = p * x + std::cos(p);
    ++k;
  } while (k < n);
  return {px, py};
}

int main() {
  namespace R = ddx_rev_test;
  // 1 iteration (t already >= 3 after the first), several, many; y > 1/2
  // or t leaving (-3, 3) at once, so the loop ends.
  const double P[][2] = {{3.0, 1.0}, {0.5, 1.2}, {1.0, 0.55},
                         {-2.5, 0.1}, {0.2, 0.9}, {1.9, 0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][2] = {{0.5, 0.3}, {-0.7, 1.2}, {0.9, -0.4}};
  for (int n : {0, 1, 5, 2, 12}) {
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
  }
  return R::finish();
}
