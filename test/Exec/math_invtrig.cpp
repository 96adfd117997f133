// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::asin, std::acos, std::atan, std::atan2 (double); atan2 in all four
// quadrants.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_asin(T x, T y) { return std::asin(x * y); }
DDX_TANGENT(f_asin<double>);
template <class T> T f_acos(T x, T y) { return std::acos(x - y); }
DDX_TANGENT(f_acos<double>);
template <class T> T f_atan(T x, T y) { return std::atan(x * y); }
DDX_TANGENT(f_atan<double>);
template <class T> T f_atan2(T x, T y) { return std::atan2(y, x); }
DDX_TANGENT(f_atan2<double>);
template <class T> T f_atan2b(T x, T y) { return std::atan2(x * x, y) * x; }
DDX_TANGENT(f_atan2b<double>);

int main() {
  ddx_test::check_tangent(
      "f_asin", f_asin_tangent, f_asin<double>, f_asin<long double>,
      [](double x, double y) {
        double u = x * y, d = 1 / std::sqrt(1 - u * u);
        return A2{d * y, d * x};
      },
      {{0.5, 1.2}, {-1.3, 0.4}, {2.0, -0.45}});
  ddx_test::check_tangent(
      "f_acos", f_acos_tangent, f_acos<double>, f_acos<long double>,
      [](double x, double y) {
        double u = x - y, d = -1 / std::sqrt(1 - u * u);
        return A2{d, -d};
      },
      {{0.5, 1.2}, {-1.3, -0.4}, {2.0, 2.25}});
  ddx_test::check_tangent(
      "f_atan", f_atan_tangent, f_atan<double>, f_atan<long double>,
      [](double x, double y) {
        double u = x * y, d = 1 / (1 + u * u);
        return A2{d * y, d * x};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  ddx_test::check_tangent(
      "f_atan2", f_atan2_tangent, f_atan2<double>, f_atan2<long double>,
      [](double x, double y) {
        double r2 = x * x + y * y;
        return A2{-y / r2, x / r2};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {-2.0, -0.7}, {1.5, -0.25}});
  ddx_test::check_tangent(
      "f_atan2b", f_atan2b_tangent, f_atan2b<double>, f_atan2b<long double>,
      [](double x, double y) {
        double u = x * x, r2 = u * u + y * y;
        return A2{std::atan2(u, y) + x * (y * 2 * x) / r2, x * (-u / r2)};
      },
      {{0.5, 1.2}, {-1.3, -2.1}, {2.0, -0.7}});
  return ddx_test::finish();
}
