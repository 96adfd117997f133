// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::pow with a negative base and an exponent that is constant or not an
// independent input: d/dx = e x^(e-1), finite. A tangent that computes the
// exponent's term x^e log(x) d_e and multiplies it by d_e = 0 gets NaN.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f_cube(T x) { return std::pow(x, 3.0); }
DDX_TANGENT(f_cube<double>);
template <class T> T f_sq(T x) { return std::pow(x, 2); }
DDX_TANGENT(f_sq<double>);
template <class T> T f_e(T x, T e) { return std::pow(x, e); }
DDX_TANGENT_AS(f_e_dx, f_e<double>, "x"); // e is not an independent input
template <class T> T f_zero(T x) { return std::pow(x, 0.0) + x; }
DDX_TANGENT(f_zero<double>);

int main() {
  for (double x : {-1.5, -0.25, 2.0, -3.0}) {
    ddx_test::check_tangent("f_cube", f_cube_tangent, f_cube<double>,
                            f_cube<long double>,
                            [](double x) { return 3 * x * x; }, {x});
    ddx_test::check_tangent("f_sq", f_sq_tangent, f_sq<double>,
                            f_sq<long double>, [](double x) { return 2 * x; },
                            {x});
    ddx_test::check_tangent("f_zero", f_zero_tangent, f_zero<double>,
                            f_zero<long double>, [](double) { return 1.0; },
                            {x});
    for (double e : {3.0, 4.0, -2.0}) {
      ddx_test::at("f_e_dx", x, e);
      auto r = f_e_dx(x, e, 1.0);
      ddx_test::expect_value(r.value, f_e<double>(x, e));
      ddx_test::expect_deriv(
          "d/dx", r.tangent, e * std::pow(x, e - 1),
          ddx_test::fd([e](auto x) { return f_e(x, (decltype(x))e); }, x));
    }
  }
  return ddx_test::finish();
}
