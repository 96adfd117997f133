// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Shadowed names and block scopes in reverse: a local named like an outer
// one, a loop-local that shadows, and a parameter overwritten inside a
// block. The adjoint of each must go to the right variable (and the
// generated d_ names must not collide).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T a = x;
  {
    T a = y * 2;
    x = a + x; // x1 = 2 y + x
  }
  for (int i = 0; i < 2; ++i) {
    T a = x * i;
    y += a; // y1 = y + x1
  }
  return a * x + y; // x (2 y + x) + 3 y + x
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  return {2 * y + 2 * x + 1, 2 * x + 3};
}

// Locals named d_x and t, like the generated names.
template <class T> T g(T x, T d_y) {
  T d_x = x * d_y;
  T t = std::sin(d_x);
  T t_1 = t * x;
  return t_1 + d_x;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double u = x * y, c = std::cos(u);
  return {c * y * x + std::sin(u) + y, c * x * x + x};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, P);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, P);
  return R::finish();
}
