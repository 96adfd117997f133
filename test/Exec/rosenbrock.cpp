// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The Rosenbrock function (1 - x)^2 + 100 (y - x^2)^2, including its
// minimum (zero gradient), and the version with a and b as inputs.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T rosen(T x, T y) {
  T a = 1 - x;
  T b = y - x * x;
  return a * a + 100 * b * b;
}
DDX_TANGENT(rosen<double>);

template <class T> T rosen_ab(T x, T y, T a, T b) {
  return (a - x) * (a - x) + b * (y - x * x) * (y - x * x);
}
DDX_TANGENT(rosen_ab<double>);

std::array<double, 2> grad_rosen(double x, double y) {
  return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
}

std::array<double, 4> grad_rosen_ab(double x, double y, double a, double b) {
  double r = y - x * x;
  return {-2 * (a - x) - 4 * b * x * r, 2 * b * r, 2 * (a - x), r * r};
}

int main() {
  ddx_test::check_tangent("rosen", rosen_tangent, rosen<double>,
                          rosen<long double>, grad_rosen,
                          {{-1.2, 1.0}, {1.0, 1.0}, {0.5, -0.3}, {2.0, 3.0}});
  ddx_test::check_tangent("rosen_ab", rosen_ab_tangent, rosen_ab<double>,
                          rosen_ab<long double>, grad_rosen_ab,
                          {{-1.2, 1.0, 1.0, 100.0}, {0.5, -0.3, 2.0, 10.0}});
  return ddx_test::finish();
}
