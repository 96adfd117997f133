// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// continue in a while loop, on a data-dependent condition, with the
// counter incremented before the continue.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T s = 0;
  int i = 0;
  while (i < 10) {
    ++i;
    T v = std::sin(x * i) + y;
    if (v > 0.5)
      continue;
    s += v * x;
  }
  return s;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double gx = 0, gy = 0;
  for (int i = 1; i <= 10; ++i) {
    double v = std::sin(x * i) + y;
    if (v <= 0.5)
      gx += i * std::cos(x * i) * x + v, gy += x;
  }
  return {gx, gy};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{0.3, 0.1}, {1.1, -0.2}, {2.0, 0.65}, {-0.7, 0.2}});
  return ddx_test::finish();
}
