// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Calls to helper function templates: one helper called twice with
// different arguments, a three-argument helper, a helper with an int
// parameter and an early return that calls another helper.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T sq(T v) { return v * v; }
template <class T> T lerp(T a, T b, T t) { return a + (b - a) * t; }
template <class T> T clampsq(T v, int lim) {
  if (sq(v) > lim)
    return lim;
  return sq(v);
}

template <class T> T f(T x, T y) {
  return sq(x + y) - 3 * sq(x - 2 * y) + lerp(x, y, x * y);
}
DDX_TANGENT(f<double>);

template <class T> T g(T x) { return clampsq(x, 4) + clampsq(2 * x, 4); }
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  // lerp(x, y, x y) = x + x y^2 - x^2 y
  return {2 * (x + y) - 6 * (x - 2 * y) + 1 + y * y - 2 * x * y,
          2 * (x + y) + 12 * (x - 2 * y) + 2 * x * y - x * x};
}

double dg(double x) {
  double d = 0;
  if (x * x <= 4)
    d += 2 * x;
  if (4 * x * x <= 4)
    d += 8 * x;
  return d;
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  for (double x : {1.5, 0.5, 3.0, -0.9})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg,
                            {x});
  return ddx_test::finish();
}
