// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// && and || in conditions (short circuit), ! and a bool local, in reverse.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = x * y;
  bool inside = x > 0 && y > 0 && x * y < 2;
  if (inside)
    r = std::sqrt(r) * x;
  if (x < -1 || y < -1 || !(x * x + y * y < 9))
    r = r * r + y;
  else if (!inside)
    r = r - x;
  return r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double r = x * y, rx = y, ry = x;
  bool inside = x > 0 && y > 0 && x * y < 2;
  if (inside) {
    double s = std::sqrt(x * y);
    r = s * x;
    rx = 0.5 / s * y * x + s;
    ry = 0.5 / s * x * x;
  }
  if (x < -1 || y < -1 || !(x * x + y * y < 9))
    return {2 * r * rx, 2 * r * ry + 1};
  if (!inside)
    return {rx - 1, ry};
  return {rx, ry};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2},  {1.5, 1.6}, {-1.5, 0.5}, {0.5, -1.5},
                         {2.5, 2.5}, {-0.5, 0.5}, {0.7, -0.2}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
