// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// continue in a for loop: on an int condition and on a data-dependent one.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T s = 0;
  for (int i = 0; i < 8; ++i) {
    if (i % 3 == 1)
      continue; // skips i = 1, 4, 7
    T t = x * i + y;
    if (t < 0)
      continue;
    s += t * t;
  }
  return s;
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double gx = 0, gy = 0;
  for (int i : {0, 2, 3, 5, 6}) {
    double t = x * i + y;
    if (t >= 0)
      gx += 2 * t * i, gy += 2 * t;
  }
  return {gx, gy};
}

int main() {
  ddx_test::check_tangent(
      "f", f_tangent, f<double>, f<long double>, grad_f,
      {{1.0, 0.5}, {-1.0, 2.5}, {0.3, -1.0}, {2.0, -5.0}, {-1.0, -1.0}});
  return ddx_test::finish();
}
