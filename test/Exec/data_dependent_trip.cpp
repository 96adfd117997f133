// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A for loop whose trip count is computed from an independent input through
// a cast to int (zero trips for small and negative x).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  int n = static_cast<int>(x * 3);
  T s = y;
  for (int i = 0; i < n; ++i)
    s = s * x + y;
  return s; // y (1 + x + ... + x^n)
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  int n = static_cast<int>(x * 3);
  if (n < 0)
    n = 0; // no trips
  double gx = 0, gy = 0, p = 1; // p = x^i
  for (int i = 0; i <= n; ++i) {
    gy += p;
    if (i < n)
      gx += y * (i + 1) * p;
    p *= x;
  }
  return {gx, gy};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{1.1, 0.5}, {2.2, -1.5}, {0.2, 2.0}, {-0.5, 1.25}, {-1.2, 0.75}});
  return ddx_test::finish();
}
