// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// while (true) with a data-dependent break, and a while whose condition
// depends on the independent input: the trip count changes with the point.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T s = x;
  int k = 0;
  while (true) {
    s = s * y + x;
    ++k;
    if (s > 10 || k >= 20)
      break;
  }
  return s + k; // s = x (1 + y + ... + y^k)
}
DDX_TANGENT(f<double>);

template <class T> T g(T x) {
  T p = x;
  while (p < 100)
    p *= x;
  return p; // x^(n+1) for the first n with x^(n+1) >= 100
}
DDX_TANGENT(g<double>);

std::array<double, 2> grad_f(double x, double y) {
  // Trip count of the loop at this point.
  double s = x;
  int k = 0;
  do {
    s = s * y + x;
    ++k;
  } while (!(s > 10 || k >= 20));
  double sx = 0, sy = 0, p = 1;
  for (int i = 0; i <= k; ++i) {
    sx += p; // y^i
    if (i < k)
      sy += x * (i + 1) * p; // x (i + 1) y^i
    p *= y;
  }
  return {sx, sy};
}

double dg(double x) {
  int m = 1;
  double p = x;
  while (p < 100)
    p *= x, ++m; // p = x^m
  double d = m;
  for (int i = 0; i < m - 1; ++i)
    d *= x;
  return d;
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{1.0, 1.5}, {0.5, 0.9}, {2.0, -1.2}, {3.0, 2.0}});
  for (double x : {1.5, 3.3, 9.5, 150.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg,
                            {x});
  return ddx_test::finish();
}
