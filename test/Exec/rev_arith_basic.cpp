// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode on straight-line arithmetic: + - * /, unary minus, constants
// on either side. f_grad returns the value and adds the gradient; f_adjoint
// scales by d_ret; the tangent of the same function agrees (dot test).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <type_traits>

template <class T> T f(T x, T y) {
  return x * y + x / y - x + 3 * y - 2 / x + (-y) * 0.5 + 7;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

static_assert(std::is_same_v<decltype(&f_grad),
                             double (*)(double, double, double *, double *)>,
              "f_grad(x, y, d_x, d_y) -> double");
static_assert(
    std::is_same_v<decltype(&f_adjoint),
                   void (*)(double, double, double, double *, double *)>,
    "f_adjoint(x, y, d_ret, d_x, d_y)");

std::array<double, 2> grad_f(double x, double y) {
  return {y + 1 / y - 1 + 2 / (x * x), x - x / (y * y) + 3 - 0.5};
}

// One input: g_grad(x, double* d_x).
template <class T> T g(T x) { return (x - 1) * (x + 2) / (x * x + 1); }
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

double grad_g(double x) {
  double n = (x - 1) * (x + 2), d = x * x + 1;
  return ((2 * x + 1) * d - n * 2 * x) / (d * d);
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {3.5, 0.25}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);

  const double Q[][1] = {{0.5}, {-1.3}, {2.0}, {0.0}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, Q);
  return R::finish();
}
