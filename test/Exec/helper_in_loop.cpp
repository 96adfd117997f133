// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A helper called in a loop with a loop-carried argument and the loop
// counter.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T step(T s, T x, int i) {
  return s * x + std::sin(s) / (i + 1);
}

template <class T> T f(T x, T y) {
  T s = y;
  for (int i = 0; i < 5; ++i)
    s = step(s, x, i);
  return s;
}
DDX_TANGENT(f<double>);

// Hand-derived tangent of the recurrence, for both directions at once.
std::array<double, 2> grad_f(double x, double y) {
  double s = y, sx = 0, sy = 1;
  for (int i = 0; i < 5; ++i) {
    double c = std::cos(s) / (i + 1);
    sx = sx * x + s + c * sx;
    sy = sy * x + c * sy;
    s = s * x + std::sin(s) / (i + 1);
  }
  return {sx, sy};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {0.9, -0.7}});
  return ddx_test::finish();
}
