// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A helper called once, in reverse: its result feeds a nonlinear op, its
// arguments are expressions of several inputs, and one argument is an int.
// The helper has a branch of its own. A plain (non-template) helper too.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T smooth(T a, T b, int k) {
  T d = a - b;
  if (d > 0)
    return a + std::log1p(std::exp(-k * d)) / k;
  return b + std::log1p(std::exp(k * d)) / k;
}

template <class T> T f(T x, T y) { return std::sin(smooth(x * y, x + y, 3)); }
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  // smooth(a, b, k) = log(exp(k a) + exp(k b)) / k: weights softmax.
  double a = x * y, b = x + y, k = 3;
  double m = std::fmax(a, b);
  double ea = std::exp(k * (a - m)), eb = std::exp(k * (b - m));
  double wa = ea / (ea + eb), wb = eb / (ea + eb);
  double s = m + std::log(ea + eb) / k;
  double c = std::cos(s);
  return {c * (wa * y + wb), c * (wa * x + wb)};
}

double rel(double u, double v) { return (u - v) / (u * u + v * v + 1); }

double g(double x, double y) { return rel(x * x, y) * y; }
DDX_TANGENT(g);
DDX_GRADIENT(g);
DDX_ADJOINT(g);

std::array<double, 2> grad_g(double x, double y) {
  double u = x * x, v = y, d = u * u + v * v + 1, n = u - v;
  double ru = (d - n * 2 * u) / (d * d), rv = (-d - n * 2 * v) / (d * d);
  return {ru * 2 * x * y, rv * y + n / d};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, 1.7}, {1.1, -0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  R::check_gradient("g_grad", g_grad, g, g, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, g, grad_g, P);
  R::check_dot("g", g_tangent, g_grad, P);
  return R::finish();
}
