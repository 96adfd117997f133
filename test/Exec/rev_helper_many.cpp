// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// One helper called several times from one function (each call site needs
// its own saved values), the result of one call fed into the next, and the
// same argument passed twice (both adjoints go to the one input).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T sq(T v) { return v * v; }
template <class T> T mix(T a, T b) { return a * std::exp(-b) + b * b; }

template <class T> T f(T x, T y) {
  T a = mix(x, y);
  T b = mix(y, a);
  T c = mix(x, x);
  return sq(a) + sq(b - c) + mix(sq(x), sq(y));
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  // mix(a, b): d/da = exp(-b), d/db = -a exp(-b) + 2 b
  auto ma = [](double, double b) { return std::exp(-b); };
  auto mb = [](double a, double b) { return -a * std::exp(-b) + 2 * b; };
  auto m = [](double a, double b) { return a * std::exp(-b) + b * b; };
  double a = m(x, y), ax = ma(x, y), ay = mb(x, y);
  double b = m(y, a);
  double bx = mb(y, a) * ax, by = ma(y, a) + mb(y, a) * ay;
  double c = m(x, x), cx = ma(x, x) + mb(x, x);
  double u = x * x, v = y * y;
  double gx = 2 * a * ax + 2 * (b - c) * (bx - cx) + ma(u, v) * 2 * x;
  double gy = 2 * a * ay + 2 * (b - c) * by + mb(u, v) * 2 * y;
  return {gx, gy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, 1.7}, {1.1, -0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
