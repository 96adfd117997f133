// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A recursive helper that calls itself twice per level (a tree of calls,
// each with its own saved values), with a data-dependent base case, in
// reverse.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

// t(x, y, n) = t(x, y, n-1) * y + t(x * 0.5, y, n-2) * x, t(.., 0) = x,
// t(.., 1) = sin(x) (and stops early once |x| < 0.1).
template <class T> T tree(T x, T y, int n) {
  if (n <= 0 || std::fabs(x) < 0.1)
    return x;
  if (n == 1)
    return std::sin(x);
  return tree(x, y, n - 1) * y + tree(x * 0.5, y, n - 2) * x;
}

template <class T> T f(T x, T y) { return tree(x, y, 6); }
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

// Value and partials by the same recursion, by hand.
std::array<double, 3> tv(double x, double y, int n) {
  if (n <= 0 || std::fabs(x) < 0.1)
    return {x, 1, 0};
  if (n == 1)
    return {std::sin(x), std::cos(x), 0};
  auto a = tv(x, y, n - 1), b = tv(x * 0.5, y, n - 2);
  return {a[0] * y + b[0] * x, a[1] * y + 0.5 * b[1] * x + b[0],
          a[2] * y + a[0] + b[2] * x};
}
std::array<double, 2> grad_f(double x, double y) {
  auto r = tv(x, y, 6);
  return {r[1], r[2]};
}

int main() {
  namespace R = ddx_rev_test;
  // 0.3 reaches the |x| < 0.1 cut-off inside the tree; 1.7 and -2.2 not.
  const double P[][2] = {{1.7, 0.6}, {0.3, 1.2}, {-2.2, -0.8}, {0.9, 0.5}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
