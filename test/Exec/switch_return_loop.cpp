// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A return inside a switch inside a loop, taken at different iterations (or
// never) depending on the point.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T s = x;
  for (int i = 0; i < 10; ++i) {
    switch (i % 4) {
    case 0:
      s = s * y;
      break;
    case 1:
      s += x;
      break;
    case 2:
      if (s > 5)
        return s * x;
      s -= y;
      break;
    default:
      s *= 0.5;
    }
  }
  return s;
}
DDX_TANGENT(f<double>);

// Hand-derived tangent: (s, ds/dx, ds/dy) through the same steps.
std::array<double, 2> grad_f(double x, double y) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < 10; ++i) {
    switch (i % 4) {
    case 0:
      sx *= y, sy = sy * y + s, s *= y;
      break;
    case 1:
      sx += 1, s += x;
      break;
    case 2:
      if (s > 5)
        return {sx * x + s, sy * x};
      sy -= 1, s -= y;
      break;
    default:
      sx *= 0.5, sy *= 0.5, s *= 0.5;
    }
  }
  return {sx, sy};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{1.5, 2.0}, {0.3, 0.7}, {-2.5, 3.25}, {2.0, 3.0}, {0.5, 4.0}});
  return ddx_test::finish();
}
