// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Horner's scheme: a counting-down loop with coefficients from an inactive
// helper, coefficients that depend on an input, and a written-out Horner
// expression.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

double coef(int i) { return (i % 3) - 0.5 * i; }

// sum_{i <= 7} coef(i) x^i
template <class T> T p(T x) {
  T r = 0;
  for (int i = 7; i >= 0; --i)
    r = r * x + coef(i);
  return r;
}
DDX_TANGENT(p<double>);

// sum_{i <= 5} (a + i) x^i
template <class T> T q(T x, T a) {
  T r = 0;
  for (int i = 5; i >= 0; --i)
    r = r * x + (a + i);
  return r;
}
DDX_TANGENT(q<double>);

// 2 x^4 - 3 x^3 + x^2 / 2 - x + 4
template <class T> T h(T x) {
  return (((2 * x - 3) * x + 0.5) * x - 1) * x + 4;
}
DDX_TANGENT(h<double>);

double dp(double x) {
  double d = 0, xi = 1; // xi = x^(i-1)
  for (int i = 1; i <= 7; ++i) {
    d += i * coef(i) * xi;
    xi *= x;
  }
  return d;
}

std::array<double, 2> grad_q(double x, double a) {
  double dx = 0, da = 0, xi = 1; // xi = x^i
  for (int i = 0; i <= 5; ++i) {
    if (i > 0)
      dx += i * (a + i) * xi / x;
    da += xi;
    xi *= x;
  }
  return {dx, da};
}

int main() {
  for (double x : {0.5, -1.25, 2.0, 0.9}) {
    ddx_test::check_tangent("p", p_tangent, p<double>, p<long double>, dp,
                            {x});
    ddx_test::check_tangent(
        "h", h_tangent, h<double>, h<long double>,
        [](double x) { return 8 * x * x * x - 9 * x * x + x - 1; }, {x});
  }
  ddx_test::check_tangent("q", q_tangent, q<double>, q<long double>, grad_q,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  return ddx_test::finish();
}
