// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Compound assignment of every kind: += -= *= /= on doubles (including
// `b *= b`), += -= *= /= %= on ints, and a double scaled by an int.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T a = x;
  a += y;     // x + y
  a *= x;     // x^2 + x y
  a -= 2 * y; // x^2 + x y - 2 y
  a /= y;     // x^2 / y + x - 2
  T b = 3;
  b -= x; // 3 - x
  b *= b; // (3 - x)^2
  b += a;
  b /= 2;
  return b; // ((3 - x)^2 + x^2 / y + x - 2) / 2
}
DDX_TANGENT(f<double>);

template <class T> T g(T x, int n) {
  int k = n;
  k %= 4;
  k *= 3;
  k += 1;
  k -= 2;
  k /= 2;
  T s = x;
  s *= k;
  s += k;
  return s * x; // k x^2 + k x
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  return {(-2 * (3 - x) + 2 * x / y + 1) / 2, -x * x / (2 * y * y)};
}

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}, {4.0, 0.125}};
  for (const auto &p : P)
    ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                            {p[0], p[1]});
  // n -> k by C++ integer semantics: 7 -> 4, 5 -> 1, -6 -> -3.
  const struct {
    int n, k;
  } C[] = {{7, 4}, {5, 1}, {-6, -3}};
  for (const auto &c : C) {
    int n = c.n, k = c.k;
    for (double x : {0.75, -1.25, 2.5})
      ddx_test::check_tangent(
          "g", [n](double x, double d) { return g_tangent(x, n, d); },
          [n](auto x) { return g(x, n); }, [n](auto x) { return g(x, n); },
          [k](double x) { return k * (2 * x + 1); }, {x});
  }
  return ddx_test::finish();
}
