// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::log, std::log2, std::log10, std::log1p (double).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_log(T x, T y) { return std::log(x * y); }
DDX_TANGENT(f_log<double>);
template <class T> T f_log2(T x, T y) { return std::log2(x + y); }
DDX_TANGENT(f_log2<double>);
template <class T> T f_log10(T x, T y) { return std::log10(x * y) * x; }
DDX_TANGENT(f_log10<double>);
template <class T> T f_log1p(T x, T y) { return std::log1p(x * y); }
DDX_TANGENT(f_log1p<double>);

int main() {
  // x y > 0 and x + y > 0 at every point.
  const double P[][2] = {{0.5, 1.2}, {1.3, 2.1}, {2.0, 0.7}, {0.03, 0.05}};
  ddx_test::check_tangent(
      "f_log", f_log_tangent, f_log<double>, f_log<long double>,
      [](double x, double y) { return A2{1 / x, 1 / y}; }, P);
  ddx_test::check_tangent(
      "f_log", f_log_tangent, f_log<double>, f_log<long double>,
      [](double x, double y) { return A2{1 / x, 1 / y}; },
      {{-0.5, -1.2}, {-2.0, -0.7}});
  ddx_test::check_tangent(
      "f_log2", f_log2_tangent, f_log2<double>, f_log2<long double>,
      [](double x, double y) {
        double d = 1 / ((x + y) * std::log(2.0));
        return A2{d, d};
      },
      P);
  ddx_test::check_tangent(
      "f_log10", f_log10_tangent, f_log10<double>, f_log10<long double>,
      [](double x, double y) {
        double l10 = std::log(10.0);
        return A2{std::log10(x * y) + 1 / l10, x / (y * l10)};
      },
      P);
  ddx_test::check_tangent(
      "f_log1p", f_log1p_tangent, f_log1p<double>, f_log1p<long double>,
      [](double x, double y) {
        double d = 1 / (1 + x * y);
        return A2{d * y, d * x};
      },
      {{0.5, 1.2}, {1.3, 2.1}, {2.0, -0.3}, {3e-3, 5e-4}, {-1.5, 0.4}});
  return ddx_test::finish();
}
