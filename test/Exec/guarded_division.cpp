// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Integer division and remainder guarded by an if or a ?:: the guarded code
// must run only when its condition holds (n == 0 would trap), and a guarded
// floating division by zero must not leak inf or NaN into the result.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, int n) {
  int q = 0;
  if (n != 0)
    q = 100 / n;
  int r = n != 0 ? 7 % n : 1;
  return x * q + x * x * r;
}
DDX_TANGENT(f<double>);

template <class T> T g(T x, T y) {
  T a = x != 0 ? y / x : y;
  T b = 0;
  if (y != 0)
    b = x / y;
  return a + b;
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  std::array<double, 2> d{0, 0};
  if (x != 0)
    d[0] -= y / (x * x), d[1] += 1 / x;
  else
    d[1] += 1;
  if (y != 0)
    d[0] += 1 / y, d[1] -= x / (y * y);
  return d;
}

int main() {
  for (int n : {0, 3, -4, 120})
    for (double x : {0.5, -1.25, 2.0}) {
      int q = n != 0 ? 100 / n : 0, r = n != 0 ? 7 % n : 1;
      ddx_test::check_tangent(
          "f", [n](double x, double dx) { return f_tangent(x, n, dx); },
          [n](auto x) { return f(x, n); }, [n](auto x) { return f(x, n); },
          [q, r](double x) { return q + 2 * x * r; }, {x});
    }
  // g at x == 0 or y == 0 exactly: only the directions that keep the zero
  // input at zero are smooth there, so check those by hand.
  ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, grad_g,
                          {{0.5, 1.2}, {-1.3, 2.1}});
  {
    ddx_test::at("g", 0.0, 1.5);
    auto r = g_tangent(0.0, 1.5, 0, 1); // d/dy at x = 0: a = y, b = 0
    ddx_test::expect_value(r.value, g(0.0, 1.5));
    ddx_test::expect_analytic("d/dy", r.tangent, 1.0);
  }
  {
    ddx_test::at("g", 2.0, 0.0);
    auto r = g_tangent(2.0, 0.0, 1, 0); // d/dx at y = 0: a = 0, b = 0
    ddx_test::expect_value(r.value, g(2.0, 0.0));
    ddx_test::expect_analytic("d/dx", r.tangent, 0.0);
  }
  return ddx_test::finish();
}
