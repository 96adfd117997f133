// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::fabs, std::fmin, std::fmax (double), on both sides of each kink.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_fabs(T x, T y) { return std::fabs(x * y) + std::fabs(x); }
DDX_TANGENT(f_fabs<double>);
template <class T> T f_fmin(T x, T y) { return std::fmin(x, y) * y; }
DDX_TANGENT(f_fmin<double>);
template <class T> T f_fmax(T x, T y) { return std::fmax(x * y, x + y); }
DDX_TANGENT(f_fmax<double>);

int main() {
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7},
                         {-2.5, -1.5}, {3.0, 2.0}, {1.5, 0.25}};
  ddx_test::check_tangent(
      "f_fabs", f_fabs_tangent, f_fabs<double>, f_fabs<long double>,
      [](double x, double y) {
        double s = x * y > 0 ? 1 : -1, sx = x > 0 ? 1 : -1;
        return A2{s * y + sx, s * x};
      },
      P);
  ddx_test::check_tangent(
      "f_fmin", f_fmin_tangent, f_fmin<double>, f_fmin<long double>,
      [](double x, double y) {
        return x < y ? A2{y, x} : A2{0, 2 * y};
      },
      P);
  ddx_test::check_tangent(
      "f_fmax", f_fmax_tangent, f_fmax<double>, f_fmax<long double>,
      [](double x, double y) {
        return x * y > x + y ? A2{y, x} : A2{1, 1};
      },
      P);
  return ddx_test::finish();
}
