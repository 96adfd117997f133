// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Newton iterations differentiated through the iterations: once converged,
// the derivative of the iterate is the derivative of the solution
// (1 / (2 sqrt(a)) for sqrt, 1 / (3 x^2 + 1) for the root of x^3 + x = y).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <cmath>

// Fixed number of iterations.
template <class T> T nsqrt(T a) {
  T x = a > 1 ? a : T(1);
  for (int i = 0; i < 30; ++i)
    x = 0.5 * (x + a / x);
  return x;
}
DDX_TANGENT(nsqrt<double>);

// Until the iterate stops changing.
template <class T> T nsqrt2(T a) {
  T x = a, prev = 0;
  int it = 0;
  while (x != prev && it < 100) {
    prev = x;
    x = 0.5 * (x + a / x);
    ++it;
  }
  return x;
}
DDX_TANGENT(nsqrt2<double>);

// The real root of x^3 + x - y.
template <class T> T cubic_root(T y) {
  T x = 0;
  for (int i = 0; i < 50; ++i)
    x -= (x * x * x + x - y) / (3 * x * x + 1);
  return x;
}
DDX_TANGENT(cubic_root<double>);

int main() {
  for (double a : {0.25, 2.0, 10.0, 12345.0}) {
    ddx_test::check_tangent("nsqrt", nsqrt_tangent, nsqrt<double>,
                            nsqrt<long double>,
                            [](double a) { return 0.5 / std::sqrt(a); }, {a});
    ddx_test::check_tangent("nsqrt2", nsqrt2_tangent, nsqrt2<double>,
                            nsqrt2<long double>,
                            [](double a) { return 0.5 / std::sqrt(a); }, {a});
  }
  for (double y : {2.0, 10.0, -3.0, 0.5})
    ddx_test::check_tangent(
        "cubic_root", cubic_root_tangent, cubic_root<double>,
        cubic_root<long double>,
        [](double y) {
          double x = cubic_root(y);
          return 1 / (3 * x * x + 1);
        },
        {y});
  return ddx_test::finish();
}
