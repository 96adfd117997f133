// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// ++ and -- on doubles, prefix and postfix, with their results used.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T a = x;
  ++a;                // a = x + 1
  T b = a++;          // b = x + 1, a = x + 2
  T c = --b * y;      // b = x, c = x y
  T d = b-- - y;      // d = x - y, b = x - 1
  return a * c + d * b; // (x + 2) x y + (x - y)(x - 1)
}
DDX_TANGENT(f<double>);

template <class T> T g(T x) {
  T t = x;
  T u = t--; // u = x, t = x - 1
  --t;       // t = x - 2
  T v = ++u; // u = v = x + 1
  return u * t + v; // (x + 1)(x - 2) + x + 1
}
DDX_TANGENT(g<double>);

// f = x^2 y + x y + x^2 - x + y
std::array<double, 2> grad_f(double x, double y) {
  return {2 * x * y + y + 2 * x - 1, x * x + x + 1};
}
double dg(double x) { return 2 * x - 1 + 1; }

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &p : P)
    ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                            {p[0], p[1]});
  for (double x : {0.5, -1.75, 3.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg, {x});
  return ddx_test::finish();
}
