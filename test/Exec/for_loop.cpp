// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// for loops with loop-carried doubles: a Taylor series with a runtime trip
// count (including zero trips), a two-variable recurrence, a loop whose
// counter is a double, and a loop with step 3.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

// sum_{i < n} x^i / i!
template <class T> T f(T x, int n) {
  T term = 1, sum = 1;
  for (int i = 1; i < n; ++i) {
    term *= x / i;
    sum += term;
  }
  return sum;
}
DDX_TANGENT(f<double>);

// Fibonacci-like: after 6 steps a = 5x + 8y, b = 8x + 13y.
template <class T> T g(T x, T y) {
  T a = x, b = y;
  for (int i = 0; i < 6; ++i) {
    T t = a + b;
    a = b;
    b = t;
  }
  return a * b;
}
DDX_TANGENT(g<double>);

// The counter is a double (not an independent input): t = 0, .25, .5, .75.
template <class T> T h(T x) {
  T s = 0;
  for (T t = 0; t < 1; t += 0.25)
    s += t * x + x * x; // 1.5 x + 4 x^2
  return s;
}
DDX_TANGENT(h<double>);

// (1 + x)(1 + x/4)(1 + x/7)(1 + x/10)
template <class T> T k(T x) {
  T p = 1;
  for (int i = 0; i < 10; i += 3)
    p *= 1 + x / (i + 1);
  return p;
}
DDX_TANGENT(k<double>);

int main() {
  for (int n : {1, 2, 5, 12}) {
    for (double x : {0.5, -1.25, 2.0}) {
      double d = 0, term = 1;
      for (int i = 0; i <= n - 2; ++i) {
        d += term;
        term *= x / (i + 1);
      }
      ddx_test::check_tangent(
          "f", [n](double x, double dx) { return f_tangent(x, n, dx); },
          [n](auto x) { return f(x, n); }, [n](auto x) { return f(x, n); },
          [d](double) { return d; }, {x});
    }
  }
  ddx_test::check_tangent(
      "g", g_tangent, g<double>, g<long double>,
      [](double x, double y) {
        double a = 5 * x + 8 * y, b = 8 * x + 13 * y;
        return std::array<double, 2>{5 * b + 8 * a, 8 * b + 13 * a};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  for (double x : {0.5, -1.25, 2.0}) {
    ddx_test::check_tangent("h", h_tangent, h<double>, h<long double>,
                            [](double x) { return 1.5 + 8 * x; }, {x});
    ddx_test::check_tangent(
        "k", k_tangent, k<double>, k<long double>,
        [](double x) {
          double s = 0;
          for (int i : {1, 4, 7, 10})
            s += 1 / (i + x);
          return k(x) * s;
        },
        {x});
  }
  return ddx_test::finish();
}
