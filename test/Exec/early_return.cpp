// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Several early returns outside loops; points take every return.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  if (x < 0)
    return -x * y;
  T a = x * x;
  if (a > y)
    return a - y;
  a += std::sqrt(x);
  if (y > 5)
    return a * y;
  return a / y;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  if (x < 0)
    return {-y, -x};
  if (x * x > y)
    return {2 * x, -1};
  double a = x * x + std::sqrt(x), ax = 2 * x + 0.5 / std::sqrt(x);
  if (y > 5)
    return {ax * y, a};
  return {ax / y, -a / (y * y)};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{-1.0, 2.0}, {2.0, 1.0}, {1.0, 6.0}, {0.5, 2.0}});
  return ddx_test::finish();
}
