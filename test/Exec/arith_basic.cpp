// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Arithmetic: + - * /, unary minus and plus, int, double and float literals.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) { return (x * y - x / y + 3.5) * -x + 2 - y; }
DDX_TANGENT(f<double>);

// 1 / x - 2x/3 + x/4 + x
template <class T> T g(T x) { return 1 / x - 2 * x / 3 + +x * 0.25f - -x; }
DDX_TANGENT(g<double>);

// f = -x^2 y + x^2 / y - 3.5 x + 2 - y
std::array<double, 2> grad_f(double x, double y) {
  return {-2 * x * y + 2 * x / y - 3.5, -x * x - x * x / (y * y) - 1};
}
double dg(double x) { return -1 / (x * x) - 2.0 / 3 + 0.25 + 1; }

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}, {4.0, 0.125}};
  for (const auto &p : P)
    ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                            {p[0], p[1]});
  for (double x : {0.5, -1.75, 3.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg, {x});
  return ddx_test::finish();
}
