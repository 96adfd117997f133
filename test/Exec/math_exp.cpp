// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::exp, std::exp2, std::expm1 (double).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_exp(T x, T y) { return std::exp(x * y); }
DDX_TANGENT(f_exp<double>);
template <class T> T f_exp2(T x, T y) { return std::exp2(x - y); }
DDX_TANGENT(f_exp2<double>);
template <class T> T f_expm1(T x, T y) { return std::expm1(x * y); }
DDX_TANGENT(f_expm1<double>);

int main() {
  const double P[][2] = {
      {0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {1e-3, 2e-3}, {-2.5, -1.5}};
  ddx_test::check_tangent(
      "f_exp", f_exp_tangent, f_exp<double>, f_exp<long double>,
      [](double x, double y) {
        double e = std::exp(x * y);
        return A2{e * y, e * x};
      },
      P);
  ddx_test::check_tangent(
      "f_exp2", f_exp2_tangent, f_exp2<double>, f_exp2<long double>,
      [](double x, double y) {
        double d = std::exp2(x - y) * std::log(2.0);
        return A2{d, -d};
      },
      P);
  ddx_test::check_tangent(
      "f_expm1", f_expm1_tangent, f_expm1<double>, f_expm1<long double>,
      [](double x, double y) {
        double e = std::exp(x * y);
        return A2{e * y, e * x};
      },
      P);
  return ddx_test::finish();
}
