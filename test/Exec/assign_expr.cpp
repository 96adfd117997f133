// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Assignments used as values: chained assignment, a compound assignment
// whose result initializes another local, an assignment inside a condition;
// locals declared without an initializer.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T a, b;
  a = b = x * y;
  T c = (a += x);     // a = c = x y + x
  T d = (b *= y) + 1; // b = x y^2, d = x y^2 + 1
  T e;
  if ((e = x - y) > 0)
    e *= 2;
  return a * c + d + e + b;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double k = x > y ? 2 : 1, a = x * y + x;
  return {2 * a * (y + 1) + 2 * y * y + k, 2 * a * x + 4 * x * y - k};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}});
  return ddx_test::finish();
}
