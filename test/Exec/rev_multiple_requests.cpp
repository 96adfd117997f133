// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Several requests in one file: tangent, gradient and adjoint of a helper
// that a second requested function also calls (the helper's derivatives are
// generated once and shared, or kept apart, but never clash), requests
// before and after the use, and the gradient of g calling h's gradient
// indirectly.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T h(T x, T y) { return std::exp(x * y) / (1 + y * y); }
DDX_GRADIENT(h<double>);
DDX_TANGENT(h<double>);
DDX_ADJOINT(h<double>);

template <class T> T g(T x, T y) { return h(x, y) * h(y, x) + h(x * x, y); }
DDX_ADJOINT(g<double>);
DDX_GRADIENT(g<double>);
DDX_TANGENT(g<double>);

std::array<double, 2> grad_h(double x, double y) {
  double e = std::exp(x * y), d = 1 + y * y;
  return {e * y / d, e * x / d - e * 2 * y / (d * d)};
}
std::array<double, 2> grad_g(double x, double y) {
  auto hv = [](double a, double b) { return std::exp(a * b) / (1 + b * b); };
  auto a = grad_h(x, y), b = grad_h(y, x), c = grad_h(x * x, y);
  return {a[0] * hv(y, x) + hv(x, y) * b[1] + c[0] * 2 * x,
          a[1] * hv(y, x) + hv(x, y) * b[0] + c[1]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {1.0, -0.7}};
  R::check_gradient("h_grad", h_grad, h<double>, h<long double>, grad_h, P);
  R::check_adjoint("h_adjoint", h_adjoint, h<long double>, grad_h, P);
  R::check_dot("h", h_tangent, h_grad, P);
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, P);
  R::check_dot("g", g_tangent, g_grad, P);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, P);
  return R::finish();
}
