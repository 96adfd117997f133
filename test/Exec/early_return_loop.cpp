// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// return from inside a for loop, a while (true) loop and a doubly nested
// loop, at different iterations depending on the point, and the fall-through
// return after the loop.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

// The first partial sum of 1 + x + x^2 + ... that exceeds y, times y.
template <class T> T f(T x, T y) {
  T p = 1, s = 0;
  for (int i = 0; i < 20; ++i) {
    s += p;
    if (s > y)
      return s * y;
    p *= x;
  }
  return s;
}
DDX_TANGENT(f<double>);

// s = c_k x with c_k = 3 * 1.5^k - 2 after k trips.
template <class T> T g(T x) {
  T s = x;
  while (true) {
    s = s * 1.5 + x;
    if (s > 20)
      return s;
    if (s < -20)
      return -s * x;
  }
}
DDX_TANGENT(g<double>);

template <class T> T h(T x) {
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) {
      T v = x * i + j;
      if (v > 4)
        return v * x;
    }
  return x;
}
DDX_TANGENT(h<double>);

std::array<double, 2> grad_f(double x, double y) {
  double p = 1, s = 0, ds = 0, dp = 0; // ds = d s / dx, dp = d p / dx
  for (int i = 0; i < 20; ++i) {
    s += p, ds += dp;
    if (s > y)
      return {ds * y, s};
    dp = dp * x + p, p *= x;
  }
  return {ds, 0};
}

double dg(double x) {
  double c = 1;
  for (;;) {
    c = c * 1.5 + 1;
    if (c * x > 20)
      return c;
    if (c * x < -20)
      return -2 * c * x;
  }
}

double dh(double x) {
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      if (x * i + j > 4)
        return 2 * x * i + j;
  return 1;
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{2.0, 10.0}, {0.5, 3.0}, {1.5, 1.2}, {-0.5, 0.8}});
  for (double x : {1.0, -2.0, 3.0})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg,
                            {x});
  for (double x : {0.3, 2.5, -1.0, 1.7})
    ddx_test::check_tangent("h", h_tangent, h<double>, h<long double>, dh,
                            {x});
  return ddx_test::finish();
}
