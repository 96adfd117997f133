// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::sqrt, std::cbrt (also of a negative argument), std::pow (variable
// base and exponent, int exponent, constant fractional exponent),
// std::hypot (double).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_sqrt(T x, T y) { return std::sqrt(x * y); }
DDX_TANGENT(f_sqrt<double>);
template <class T> T f_cbrt(T x, T y) { return std::cbrt(x - y); }
DDX_TANGENT(f_cbrt<double>);
template <class T> T f_pow(T x, T y) { return std::pow(x, y); }
DDX_TANGENT(f_pow<double>);
template <class T> T f_powi(T x, T y) { return std::pow(x, 3) * y; }
DDX_TANGENT(f_powi<double>);
template <class T> T f_powc(T x, T y) { return std::pow(x * y, 2.5); }
DDX_TANGENT(f_powc<double>);
template <class T> T f_hypot(T x, T y) { return std::hypot(x, y); }
DDX_TANGENT(f_hypot<double>);

int main() {
  const double Pos[][2] = {{0.5, 1.2}, {1.3, 2.1}, {2.0, 0.7}};
  ddx_test::check_tangent(
      "f_sqrt", f_sqrt_tangent, f_sqrt<double>, f_sqrt<long double>,
      [](double x, double y) {
        double d = 0.5 / std::sqrt(x * y);
        return A2{d * y, d * x};
      },
      {{0.5, 1.2}, {1.3, 2.1}, {-2.0, -0.7}});
  ddx_test::check_tangent(
      "f_cbrt", f_cbrt_tangent, f_cbrt<double>, f_cbrt<long double>,
      [](double x, double y) {
        double c = std::cbrt(x - y), d = 1 / (3 * c * c);
        return A2{d, -d};
      },
      {{0.5, 1.2}, {2.3, 0.1}, {-2.0, 6.0}});
  ddx_test::check_tangent(
      "f_pow", f_pow_tangent, f_pow<double>, f_pow<long double>,
      [](double x, double y) {
        double p = std::pow(x, y);
        return A2{y * std::pow(x, y - 1), p * std::log(x)};
      },
      {{0.5, 1.2}, {1.3, -2.1}, {2.0, 0.7}, {3.0, 2.0}});
  ddx_test::check_tangent(
      "f_powi", f_powi_tangent, f_powi<double>, f_powi<long double>,
      [](double x, double y) { return A2{3 * x * x * y, x * x * x}; },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  ddx_test::check_tangent(
      "f_powc", f_powc_tangent, f_powc<double>, f_powc<long double>,
      [](double x, double y) {
        double d = 2.5 * std::pow(x * y, 1.5);
        return A2{d * y, d * x};
      },
      Pos);
  ddx_test::check_tangent(
      "f_hypot", f_hypot_tangent, f_hypot<double>, f_hypot<long double>,
      [](double x, double y) {
        double h = std::hypot(x, y);
        return A2{x / h, y / h};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {-0.03, -0.04}});
  return ddx_test::finish();
}
