// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::fmod (d/dx = 1, d/dy = -trunc(x / y)) and std::erf (double).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_fmod(T x, T y) { return std::fmod(x, y); }
DDX_TANGENT(f_fmod<double>);
template <class T> T f_fmod2(T x, T y) { return std::fmod(x * x, y) * y; }
DDX_TANGENT(f_fmod2<double>);
template <class T> T f_erf(T x, T y) { return std::erf(x * y); }
DDX_TANGENT(f_erf<double>);

int main() {
  const double kPi = 3.14159265358979323846;
  // x / y and x^2 / y away from integers.
  const double P[][2] = {{5.3, 1.2}, {-7.1, 2.2}, {2.9, -0.75}, {0.3, 0.8}};
  ddx_test::check_tangent(
      "f_fmod", f_fmod_tangent, f_fmod<double>, f_fmod<long double>,
      [](double x, double y) { return A2{1, -std::trunc(x / y)}; }, P);
  ddx_test::check_tangent(
      "f_fmod2", f_fmod2_tangent, f_fmod2<double>, f_fmod2<long double>,
      [](double x, double y) {
        double q = std::trunc(x * x / y);
        return A2{2 * x * y, std::fmod(x * x, y) - q * y};
      },
      P);
  ddx_test::check_tangent(
      "f_erf", f_erf_tangent, f_erf<double>, f_erf<long double>,
      [kPi](double x, double y) {
        double d = 2 / std::sqrt(kPi) * std::exp(-(x * y) * (x * y));
        return A2{d * y, d * x};
      },
      {{0.5, 1.2}, {-1.3, 0.6}, {2.0, -0.7}, {0.01, 0.02}});
  return ddx_test::finish();
}
