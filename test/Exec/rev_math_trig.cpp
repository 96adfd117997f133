// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode through sin, cos, tan and the inverse functions asin, acos,
// atan, atan2.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  return std::sin(x * y) * std::cos(x) + std::tan(y - x) + std::sin(x) * x;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double s = std::sin(x * y), c = std::cos(x * y), t = std::tan(y - x);
  double sec2 = 1 + t * t;
  return {c * y * std::cos(x) - s * std::sin(x) - sec2 + std::cos(x) * x +
              std::sin(x),
          c * x * std::cos(x) + sec2};
}

template <class T> T g(T x, T y) {
  return std::asin(x / 2) * y + std::acos(x * y / 4) + std::atan(x * y) +
         std::atan2(y, x) * x;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double da = 1 / std::sqrt(1 - x * x / 4) / 2;
  double u = x * y / 4, dc = -1 / std::sqrt(1 - u * u);
  double dt = 1 / (1 + x * x * y * y);
  double r2 = x * x + y * y;
  return {da * y + dc * y / 4 + dt * y + std::atan2(y, x) + x * (-y / r2),
          std::asin(x / 2) + dc * x / 4 + dt * x + x * (x / r2)};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {1.1, -0.7}, {-0.4, -1.9}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, P);
  R::check_dot("g", g_tangent, g_grad, P);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, P);
  return R::finish();
}
