// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Recursion: a recursive power function (by squaring, negative exponents),
// requested directly and called from another function, and a recursive
// continued fraction.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T rpow(T x, int n) {
  if (n == 0)
    return 1;
  if (n < 0)
    return 1 / rpow(x, -n);
  if (n % 2 == 0) {
    T h = rpow(x, n / 2);
    return h * h;
  }
  return x * rpow(x, n - 1);
}
DDX_TANGENT(rpow<double>); // rpow_tangent(x, n, d_x)

template <class T> T f(T x, T y) { return rpow(x, 5) * y + rpow(y, 2); }
DDX_TANGENT(f<double>);

// x + 1 / (x + 1 / (x + ...)), n levels.
template <class T> T cf(T x, int n) {
  if (n == 0)
    return x;
  return x + 1 / cf(x, n - 1);
}
DDX_TANGENT(cf<double>);

double dcf(double x, int n) {
  double c = x, d = 1;
  for (int i = 0; i < n; ++i) {
    d = 1 - d / (c * c);
    c = x + 1 / c;
  }
  return d;
}

int main() {
  for (int n : {0, 1, 2, 5, 7, 8, -3})
    for (double x : {0.5, -1.25, 2.0})
      ddx_test::check_tangent(
          "rpow", [n](double x, double dx) { return rpow_tangent(x, n, dx); },
          [n](auto x) { return rpow(x, n); }, [n](auto x) { return rpow(x, n); },
          [n](double x) { return n * std::pow(x, n - 1); }, {x});
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>,
      [](double x, double y) {
        return std::array<double, 2>{5 * std::pow(x, 4) * y,
                                     std::pow(x, 5) + 2 * y};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  for (int n : {0, 1, 4, 10})
    for (double x : {0.5, 1.25, 2.0})
      ddx_test::check_tangent(
          "cf", [n](double x, double dx) { return cf_tangent(x, n, dx); },
          [n](auto x) { return cf(x, n); }, [n](auto x) { return cf(x, n); },
          [n](double x) { return dcf(x, n); }, {x});
  return ddx_test::finish();
}
