// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Comparisons < <= > >= == != between doubles (and a double and a literal),
// used in ifs and stored in a bool local. Points take each branch.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = 0;
  if (x < y)
    r += x * y;
  if (x <= 1.0)
    r += x;
  if (x > 2 * y)
    r -= y * y;
  if (y >= 0)
    r += 3 * y;
  if (x == y)
    r += 100;
  if (x != 0.5)
    r *= x;
  bool c = x * y > 1;
  if (c)
    r += std::exp(x);
  return r;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double r = 0, rx = 0, ry = 0;
  if (x < y) {
    r += x * y, rx += y, ry += x;
  }
  if (x <= 1) {
    r += x, rx += 1;
  }
  if (x > 2 * y) {
    r -= y * y, ry -= 2 * y;
  }
  if (y >= 0) {
    r += 3 * y, ry += 3;
  }
  if (x != 0.5) {
    rx = rx * x + r, ry *= x;
  }
  if (x * y > 1)
    rx += std::exp(x);
  return {rx, ry};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{0.3, 0.7}, {3.0, 1.0}, {-2.0, -3.0}, {1.5, 2.5}, {0.75, -0.5}});
  return ddx_test::finish();
}
