// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Tree recursion (two recursive calls with different arguments) and mutual
// recursion between two function templates.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <cmath>

template <class T> T tr(T x, int n) {
  if (n < 2)
    return x;
  return tr(x, n - 1) * 0.5 + tr(x * x, n - 2);
}
DDX_TANGENT(tr<double>);

template <class T> T odd_f(T x, int n);
template <class T> T even_f(T x, int n) {
  if (n == 0)
    return x;
  return std::sin(odd_f(x, n - 1));
}
template <class T> T odd_f(T x, int n) { return x * even_f(x, n - 1); }
DDX_TANGENT(even_f<double>);

double dtr(double x, int n) {
  if (n < 2)
    return 1;
  return 0.5 * dtr(x, n - 1) + dtr(x * x, n - 2) * 2 * x;
}

// (value, derivative) of even_f and odd_f.
void eo(double x, int n, bool even, double &v, double &d) {
  if (even) {
    if (n == 0) {
      v = x, d = 1;
      return;
    }
    double ov, od;
    eo(x, n - 1, false, ov, od);
    v = std::sin(ov), d = std::cos(ov) * od;
  } else {
    double ev, ed;
    eo(x, n - 1, true, ev, ed);
    v = x * ev, d = ev + x * ed;
  }
}

int main() {
  for (int n : {0, 1, 2, 3, 6})
    for (double x : {0.5, -0.75, 1.1})
      ddx_test::check_tangent(
          "tr", [n](double x, double dx) { return tr_tangent(x, n, dx); },
          [n](auto x) { return tr(x, n); }, [n](auto x) { return tr(x, n); },
          [n](double x) { return dtr(x, n); }, {x});
  for (int n : {0, 2, 4, 8})
    for (double x : {0.5, -0.75, 1.1})
      ddx_test::check_tangent(
          "even_f",
          [n](double x, double dx) { return even_f_tangent(x, n, dx); },
          [n](auto x) { return even_f(x, n); },
          [n](auto x) { return even_f(x, n); },
          [n](double x) {
            double v, d;
            eo(x, n, true, v, d);
            return d;
          },
          {x});
  return ddx_test::finish();
}
