// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// int and long parameters mixed with doubles: only the doubles get d_
// parameters; int *, %, / (truncating) and int -> double conversions.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, int n, T y, long m) {
  int k = n * 2 + 1;
  long q = m % 3;
  T r = x * k + y / q;
  r += n / 2;
  return r * x - m * y; // k x^2 + x y / q + (n / 2) x - m y
}
DDX_TANGENT(f<double>); // f_tangent(x, n, y, m, d_x, d_y)

int main() {
  const struct {
    int n;
    long m;
  } C[] = {{3, 7}, {-4, 5}, {5, -4}};
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &c : C) {
    int n = c.n;
    long m = c.m;
    for (const auto &p : P)
      ddx_test::check_tangent(
          "f",
          [n, m](double x, double y, double dx, double dy) {
            return f_tangent(x, n, y, m, dx, dy);
          },
          [n, m](auto x, auto y) { return f(x, n, y, m); },
          [n, m](auto x, auto y) { return f(x, n, y, m); },
          [n, m](double x, double y) {
            int k = 2 * n + 1;
            long q = m % 3;
            int h = n / 2;
            return std::array<double, 2>{2 * k * x + y / q + h,
                                         x / q - m};
          },
          {p[0], p[1]});
  }
  return ddx_test::finish();
}
