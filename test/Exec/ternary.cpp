// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// ?: with both arms active (each depends on x and y), nested, with constant
// arms, and as an operand. Points take every arm.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T a = x > y ? x * x * y : std::sin(x) + y;
  T b = (a > 0 ? a : -a) * (y < 1 ? y : 2 * y - 1);
  T m = x > 0 ? 2 : 3;
  return b + (x < 0 ? std::exp(x) : x) * m;
}
DDX_TANGENT(f<double>);

template <class T> T g(T x, T y) {
  return x > 1 ? (y > 1 ? x * y : x) : (y > 1 ? y : T(1));
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  double a, ax, ay;
  if (x > y)
    a = x * x * y, ax = 2 * x * y, ay = x * x;
  else
    a = std::sin(x) + y, ax = std::cos(x), ay = 1;
  double s = a > 0 ? 1 : -1;
  double c = y < 1 ? y : 2 * y - 1, cy = y < 1 ? 1 : 2;
  double bx = s * ax * c, by = s * ay * c + s * a * cy;
  double m = x > 0 ? 2 : 3;
  double ex = x < 0 ? std::exp(x) : 1;
  return {bx + ex * m, by};
}

std::array<double, 2> grad_g(double x, double y) {
  if (x > 1)
    return y > 1 ? std::array<double, 2>{y, x} : std::array<double, 2>{1, 0};
  return y > 1 ? std::array<double, 2>{0, 1} : std::array<double, 2>{0, 0};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{2.0, 0.5}, {0.3, 1.5}, {-1.0, 2.0}, {-0.5, -2.0}, {1.5, 1.25}});
  ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, grad_g,
                          {{2.0, 1.5}, {2.0, 0.5}, {0.5, 1.5}, {0.5, 0.5}});
  return ddx_test::finish();
}
