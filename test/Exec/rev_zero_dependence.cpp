// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Inputs the result does not depend on, in reverse: an unused parameter, a
// parameter used only in a condition or a trip count (derivative 0, the
// branch still followed), a value multiplied by 0 at runtime, and a
// function whose result is a constant. Their d_ must end exactly as they
// started (0 added), and the live inputs' gradients must still be right.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T unused, T cond, T y) {
  (void)unused;
  T r = x * y;
  if (cond > 0)
    r = std::sin(r);
  int n = static_cast<int>(std::floor(std::fabs(cond))) + 1;
  for (int i = 0; i < n; ++i)
    r = r * 0.5 + x;
  return r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 4> grad_f(double x, double, double cond, double y) {
  double r = x * y, rx = y, ry = x;
  if (cond > 0) {
    double c = std::cos(r);
    rx *= c;
    ry *= c;
    r = std::sin(r);
  }
  int n = static_cast<int>(std::floor(std::fabs(cond))) + 1;
  for (int i = 0; i < n; ++i) {
    rx = rx * 0.5 + 1;
    ry = ry * 0.5;
  }
  return {rx, 0, 0, ry};
}

template <class T> T constant(T x, T y) { return 3 + 0 * x + (y - y); }
DDX_GRADIENT(constant<double>);
DDX_ADJOINT(constant<double>);

int main() {
  namespace R = ddx_rev_test;
  const double P[][4] = {{0.5, 7.0, 1.5, 1.2},
                         {-1.3, -2.0, -0.4, 0.6},
                         {2.0, 0.0, 3.7, -1.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  for (const auto &p : P) {
    ddx_rev_test::detail::setPoint("f_grad exact zeros",
                                   std::array<double, 4>{p[0], p[1], p[2],
                                                         p[3]});
    double d[4] = {0.25, -0.5, 0.75, 1.0};
    f_grad(p[0], p[1], p[2], p[3], &d[0], &d[1], &d[2], &d[3]);
    R::expect_eq("d_unused unchanged", d[1], -0.5);
    R::expect_eq("d_cond unchanged", d[2], 0.75);
  }
  const double Q[][2] = {{0.5, 1.2}, {-1.3, 0.6}};
  R::check_gradient(
      "constant_grad", constant_grad, constant<double>, constant<long double>,
      [](double, double) { return std::array<double, 2>{0, 0}; }, Q);
  R::check_adjoint(
      "constant_adjoint", constant_adjoint, constant<long double>,
      [](double, double) { return std::array<double, 2>{0, 0}; }, Q);
  return R::finish();
}
