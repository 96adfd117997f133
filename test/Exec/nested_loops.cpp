// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Nested loops: an inner trip count that depends on the outer counter, a
// product carried by the inner loop and a sum by the outer; a break that
// leaves only the inner loop.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

// x + x (x + y) / 2 + x (x + y)(x + 2 y) / 3
template <class T> T f(T x, T y) {
  T s = 0;
  for (int i = 1; i <= 3; ++i) {
    T p = 1;
    for (int j = 0; j < i; ++j)
      p *= x + j * y;
    s += p / i;
  }
  return s;
}
DDX_TANGENT(f<double>);

// s = x * sum_{i < 4} sum_{j <= i} (i + 1) / (j + 1) = (107 / 6) x
template <class T> T g(T x) {
  T s = 0;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      if (j > i)
        break;
      s += x * (i + 1) / (j + 1);
    }
  return s * x;
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  double a = x + y, b = x + 2 * y;
  return {1 + (2 * x + y) / 2 + (a * b + x * b + x * a) / 3,
          x / 2 + (x * b + 2 * x * a) / 3};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  for (double x : {0.5, -1.25, 2.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>,
                            [](double x) { return 2 * 107.0 / 6 * x; }, {x});
  return ddx_test::finish();
}
