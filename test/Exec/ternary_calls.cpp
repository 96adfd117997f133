// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// ?: whose arms call functions: only the taken arm may run. The recursion
// in cf ends only if the untaken arm is not evaluated; sqrt and log of a
// negative number in the untaken arm must not turn the result into NaN.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T cf(T x, int n) { return n == 0 ? x : x + 1 / cf(x, n - 1); }
DDX_TANGENT(cf<double>);

template <class T> T safe(T x, T y) {
  T a = x > 0 ? std::sqrt(x) : -x * y;
  T b = y > 0 ? std::log(y) * x : y * y;
  return a + b;
}
DDX_TANGENT(safe<double>);

double dcf(double x, int n) {
  double c = x, d = 1;
  for (int i = 0; i < n; ++i) {
    d = 1 - d / (c * c);
    c = x + 1 / c;
  }
  return d;
}

std::array<double, 2> grad_safe(double x, double y) {
  std::array<double, 2> g{0, 0};
  if (x > 0)
    g[0] += 0.5 / std::sqrt(x);
  else
    g[0] -= y, g[1] -= x;
  if (y > 0)
    g[0] += std::log(y), g[1] += x / y;
  else
    g[1] += 2 * y;
  return g;
}

int main() {
  for (int n : {0, 1, 4, 10})
    for (double x : {0.5, 1.25, 2.0})
      ddx_test::check_tangent(
          "cf", [n](double x, double dx) { return cf_tangent(x, n, dx); },
          [n](auto x) { return cf(x, n); }, [n](auto x) { return cf(x, n); },
          [n](double x) { return dcf(x, n); }, {x});
  ddx_test::check_tangent("safe", safe_tangent, safe<double>,
                          safe<long double>, grad_safe,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {-1.5, -0.5}});
  return ddx_test::finish();
}
