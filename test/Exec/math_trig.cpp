// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::sin, std::cos, std::tan (double), alone and combined.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_sin(T x, T y) { return std::sin(x * y); }
DDX_TANGENT(f_sin<double>);
template <class T> T f_cos(T x, T y) { return std::cos(x + 2 * y); }
DDX_TANGENT(f_cos<double>);
template <class T> T f_tan(T x, T y) { return std::tan(x - y); }
DDX_TANGENT(f_tan<double>);
template <class T> T f_all(T x, T y) {
  return std::sin(x) * std::cos(y) + std::tan(x * y);
}
DDX_TANGENT(f_all<double>);

int main() {
  ddx_test::check_tangent(
      "f_sin", f_sin_tangent, f_sin<double>, f_sin<long double>,
      [](double x, double y) {
        double c = std::cos(x * y);
        return A2{c * y, c * x};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  ddx_test::check_tangent(
      "f_cos", f_cos_tangent, f_cos<double>, f_cos<long double>,
      [](double x, double y) {
        double s = std::sin(x + 2 * y);
        return A2{-s, -2 * s};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  ddx_test::check_tangent(
      "f_tan", f_tan_tangent, f_tan<double>, f_tan<long double>,
      [](double x, double y) {
        double t = std::tan(x - y);
        return A2{1 + t * t, -(1 + t * t)};
      },
      {{0.5, 1.2}, {-1.3, -2.1}, {2.0, 2.9}, {1.0, -0.3}});
  ddx_test::check_tangent(
      "f_all", f_all_tangent, f_all<double>, f_all<long double>,
      [](double x, double y) {
        double t = std::tan(x * y), s2 = 1 + t * t;
        return A2{std::cos(x) * std::cos(y) + s2 * y,
                  -std::sin(x) * std::sin(y) + s2 * x};
      },
      {{0.5, 1.2}, {-1.3, 0.9}, {2.0, -0.4}});
  return ddx_test::finish();
}
