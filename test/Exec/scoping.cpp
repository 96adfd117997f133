// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Shadowed locals in nested blocks and loop bodies, parameters assigned to.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

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

std::array<double, 2> grad_f(double x, double y) {
  return {2 * y + 2 * x + 1, 2 * x + 3};
}

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &p : P)
    ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                            {p[0], p[1]});
  return ddx_test::finish();
}
