// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode through sqrt, cbrt, pow (both arguments active, an integer
// exponent, a constant exponent) and hypot.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  return std::sqrt(x * y) + std::cbrt(x - 2 * y) + std::pow(x, y) +
         std::pow(y, 3) * x + std::pow(x * y, 2.5) + std::hypot(x, y + 1);
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double ds = 0.5 / std::sqrt(x * y);
  double c = std::cbrt(x - 2 * y), dc = 1 / (3 * c * c);
  double p = std::pow(x, y);
  double dq = 2.5 * std::pow(x * y, 1.5);
  double h = std::hypot(x, y + 1);
  return {ds * y + dc + y * std::pow(x, y - 1) + y * y * y + dq * y + x / h,
          ds * x - 2 * dc + p * std::log(x) + 3 * y * y * x + dq * x +
              (y + 1) / h};
}

int main() {
  namespace R = ddx_rev_test;
  // x, y > 0; x - 2 y away from 0 (cbrt).
  const double P[][2] = {{0.5, 1.2}, {1.3, 2.1}, {2.0, 0.7}, {3.0, 0.4}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
