// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// && || ! on comparisons of doubles, in bool locals and in conditions.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  bool inside = x > 0 && y > 0;
  bool outside = !(x < 2) || y < -1;
  T r = x * y;
  if (inside && !outside)
    r = r * x; // x^2 y
  else if (outside || x < -3)
    r = r + y * y; // x y + y^2
  if (!inside)
    r -= x;
  return r;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  bool inside = x > 0 && y > 0;
  bool outside = x >= 2 || y < -1;
  std::array<double, 2> g;
  if (inside && !outside)
    g = {2 * x * y, x * x};
  else if (outside || x < -3)
    g = {y, x + 2 * y};
  else
    g = {y, x};
  if (!inside)
    g[0] -= 1;
  return g;
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{1.0, 1.0},
                           {3.0, 1.0},
                           {-4.0, 1.0},
                           {-1.0, -2.0},
                           {-1.0, 0.5},
                           {0.5, -0.5}});
  return ddx_test::finish();
}
