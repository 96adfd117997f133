// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// if / else if / else chains, a nested if, and a local assigned in one
// branch only. Points take every branch.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = 0;
  if (x < -1) {
    r = x * y;
  } else if (x < 1) {
    r = x * x + y;
    if (y > 0)
      r *= y;
  } else {
    r = std::log(x) * y;
  }
  T s = 1;
  if (r > 0)
    s = r;
  return s + r * x;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double r, rx, ry;
  if (x < -1) {
    r = x * y, rx = y, ry = x;
  } else if (x < 1) {
    r = x * x + y, rx = 2 * x, ry = 1;
    if (y > 0)
      r = (x * x + y) * y, rx = 2 * x * y, ry = x * x + 2 * y;
  } else {
    r = std::log(x) * y, rx = y / x, ry = std::log(x);
  }
  double sx = r > 0 ? rx : 0, sy = r > 0 ? ry : 0;
  return {sx + rx * x + r, sy + ry * x};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{-2.0, 1.5},
                           {-2.0, -1.5},
                           {0.5, 2.0},
                           {0.5, -2.0},
                           {3.0, 2.0},
                           {3.0, -1.0}});
  return ddx_test::finish();
}
