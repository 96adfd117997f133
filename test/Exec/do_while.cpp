// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// do-while: the body runs before the first test (once even when the
// condition is false at once), with a && in the condition.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T s = y;
  int n = 0;
  do {
    s = s * x + 1;
    ++n;
  } while (n < 4 && s < 50);
  return s; // y x^k + sum_{i < k} x^i after k trips
}
DDX_TANGENT(f<double>);

template <class T> T g(T x) {
  T r = x;
  do {
    r = r * r + x;
  } while (false);
  return r;
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  double s = y;
  int k = 0;
  do {
    s = s * x + 1;
    ++k;
  } while (k < 4 && s < 50);
  // d/dx = y k x^(k-1) + sum_{1 <= i < k} i x^(i-1), d/dy = x^k
  double xk1 = 1;
  for (int i = 0; i < k - 1; ++i)
    xk1 *= x;
  double gx = y * k * xk1, p = 1;
  for (int i = 1; i < k; ++i) {
    gx += i * p;
    p *= x;
  }
  return {gx, xk1 * x};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{2.0, 1.0}, {5.0, 3.0}, {60.0, 1.0}, {0.5, -2.0}, {-1.5, 0.25}});
  for (double x : {0.5, -1.25, 2.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>,
                            [](double x) { return 2 * x + 1; }, {x});
  return ddx_test::finish();
}
