// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// ?: in reverse, including nested ?:, ?: selecting between expressions that
// share an operand, and ?: whose arms call math functions.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T a = x > y ? x * y : x + y;
  T b = a > 1 ? std::exp(-a) : (a < -1 ? a * a : std::sin(a) * x);
  T m = x < y ? x : y; // min
  return a * b + m * m;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double a, ax, ay;
  if (x > y) {
    a = x * y;
    ax = y;
    ay = x;
  } else {
    a = x + y;
    ax = 1;
    ay = 1;
  }
  double b, bx, by;
  if (a > 1) {
    b = std::exp(-a);
    bx = -b * ax;
    by = -b * ay;
  } else if (a < -1) {
    b = a * a;
    bx = 2 * a * ax;
    by = 2 * a * ay;
  } else {
    b = std::sin(a) * x;
    bx = std::cos(a) * ax * x + std::sin(a);
    by = std::cos(a) * ay * x;
  }
  double gx = ax * b + a * bx, gy = ay * b + a * by;
  if (x < y)
    gx += 2 * x;
  else
    gy += 2 * y;
  return {gx, gy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{2.0, 1.5},  {0.5, 1.2},  {-1.3, -2.1},
                         {0.3, 0.1},  {-2.0, 0.4}, {1.5, -3.0}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
