// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Helpers calling helpers, in reverse: three levels, the innermost called
// from two levels, one level in a loop, and a helper that is also requested
// directly (its gradient is checked on its own and through the caller).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T leaf(T v) { return std::tanh(v) * v; }
template <class T> T mid(T a, T b) { return leaf(a * b) + leaf(a) * b; }
template <class T> T top(T a, T b, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += mid(a + i * 0.1, b) * leaf(b);
  return s;
}

template <class T> T f(T x, T y) { return top(x, y, 3) + mid(y, x); }
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);
DDX_GRADIENT_AS(mid_grad, mid<double>);

double dleaf(double v) {
  double t = std::tanh(v);
  return (1 - t * t) * v + t;
}
double leafv(double v) { return std::tanh(v) * v; }
// d mid / da, d mid / db
std::array<double, 2> grad_mid(double a, double b) {
  return {dleaf(a * b) * b + dleaf(a) * b, dleaf(a * b) * a + leafv(a)};
}

std::array<double, 2> grad_f(double x, double y) {
  double gx = 0, gy = 0;
  for (int i = 0; i < 3; ++i) {
    double a = x + i * 0.1;
    double m = leafv(a * y) + leafv(a) * y;
    auto dm = grad_mid(a, y);
    gx += dm[0] * leafv(y);
    gy += dm[1] * leafv(y) + m * dleaf(y);
  }
  auto d2 = grad_mid(y, x);
  return {gx + d2[1], gy + d2[0]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, 1.7}, {1.1, -0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  R::check_gradient("mid_grad", mid_grad, mid<double>, mid<long double>,
                    grad_mid, P);
  return R::finish();
}
