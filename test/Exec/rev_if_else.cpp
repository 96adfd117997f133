// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// if/else in reverse: the reverse sweep must take the branch the primal
// took; a value assigned in one branch only; an if without else; a value
// used in both branches (its adjoint must be counted once per path, not
// once per branch).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = x * y;
  T s = std::sin(x); // used in both branches
  if (x > y) {
    r = r * s + y;
  } else {
    r = r - s * s * y;
  }
  if (r > 0)
    r += x * x;
  return r * s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double s = std::sin(x), c = std::cos(x);
  double r, rx, ry;
  if (x > y) {
    r = x * y * s + y;
    rx = y * s + x * y * c;
    ry = x * s + 1;
  } else {
    r = x * y - s * s * y;
    rx = y - 2 * s * c * y;
    ry = x - s * s;
  }
  if (r > 0) {
    r += x * x;
    rx += 2 * x;
  }
  return {rx * s + r * c, ry * s};
}

// The same value x feeds both branches and the code after them.
template <class T> T g(T x) {
  T a = x * x;
  T b;
  if (x < 1)
    b = a * x;
  else
    b = a + x;
  return a + b;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

double grad_g(double x) { return x < 1 ? 2 * x + 3 * x * x : 4 * x + 1; }

int main() {
  namespace R = ddx_rev_test;
  // Both orders of x, y; both signs of r.
  const double P[][2] = {{0.5, 1.2},  {2.0, -0.7}, {1.5, 0.3},
                         {-1.3, 2.1}, {-0.4, -1.9}, {3.0, 2.5}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][1] = {{0.5}, {-1.3}, {2.0}, {1.25}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  return R::finish();
}
