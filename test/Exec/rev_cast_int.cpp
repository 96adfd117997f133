// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Conversions to int in reverse: an active value cast to int (derivative 0
// through the cast) used as a loop count, an array index and a factor; the
// rest of the computation stays active.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  int k = static_cast<int>(x * 3);  // 0 derivative
  T table[4] = {T(1), y, y * y, std::sin(y)};
  int idx = k % 4;
  if (idx < 0)
    idx += 4;
  T r = table[idx] * x + k * y;
  int m = k < 0 ? -k : k;
  for (int i = 0; i < m; ++i)
    r = r * 0.5 + x;
  return r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  int k = static_cast<int>(x * 3);
  int idx = ((k % 4) + 4) % 4;
  double tv[4] = {1, y, y * y, std::sin(y)};
  double td[4] = {0, 1, 2 * y, std::cos(y)};
  double rx = tv[idx], ry = td[idx] * x + k;
  for (int i = 0; i < std::abs(k); ++i) {
    rx = rx * 0.5 + 1;
    ry = ry * 0.5;
  }
  return {rx, ry};
}

int main() {
  namespace R = ddx_rev_test;
  // x * 3 away from integers.
  const double P[][2] = {{0.5, 1.2},  {-1.3, 0.6}, {1.1, -0.7},
                         {0.2, 2.0},  {2.5, 0.3},  {-0.55, -1.1}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
