// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::sinh, std::cosh, std::tanh (double).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_sinh(T x, T y) { return std::sinh(x * y); }
DDX_TANGENT(f_sinh<double>);
template <class T> T f_cosh(T x, T y) { return std::cosh(x - y); }
DDX_TANGENT(f_cosh<double>);
template <class T> T f_tanh(T x, T y) { return std::tanh(x * y) * y; }
DDX_TANGENT(f_tanh<double>);

int main() {
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {0.1, 0.2}};
  ddx_test::check_tangent(
      "f_sinh", f_sinh_tangent, f_sinh<double>, f_sinh<long double>,
      [](double x, double y) {
        double c = std::cosh(x * y);
        return A2{c * y, c * x};
      },
      P);
  ddx_test::check_tangent(
      "f_cosh", f_cosh_tangent, f_cosh<double>, f_cosh<long double>,
      [](double x, double y) {
        double s = std::sinh(x - y);
        return A2{s, -s};
      },
      P);
  ddx_test::check_tangent(
      "f_tanh", f_tanh_tangent, f_tanh<double>, f_tanh<long double>,
      [](double x, double y) {
        double t = std::tanh(x * y), d = 1 - t * t;
        return A2{d * y * y, d * x * y + t};
      },
      P);
  return ddx_test::finish();
}
