// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// continue in reverse: iterations that skip the rest of the body (by an int
// test and by a test on an active value) must be reversed as skipped.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T s = 0, t = x;
  for (int i = 0; i < n; ++i) {
    t = t * y + 0.25;
    if (i % 3 == 1)
      continue;
    s += t * t;
    if (std::sin(t) < 0)
      continue;
    s = s * 0.9 + x;
  }
  return s + t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double s = 0, sx = 0, sy = 0, t = x, tx = 1, ty = 0;
  for (int i = 0; i < n; ++i) {
    tx = tx * y;
    ty = ty * y + t;
    t = t * y + 0.25;
    if (i % 3 == 1)
      continue;
    sx += 2 * t * tx;
    sy += 2 * t * ty;
    s += t * t;
    if (std::sin(t) < 0)
      continue;
    sx = sx * 0.9 + 1;
    sy = sy * 0.9;
    s = s * 0.9 + x;
  }
  return {sx + tx, sy + ty};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {-1.3, 0.7}, {2.1, -1.1}, {4.0, 1.05}};
  for (int n : {7, 0, 2, 13}) {
    auto fg = [n](double x, double y, double *dx, double *dy) {
      return f_grad(x, y, n, dx, dy);
    };
    auto fa = [n](double x, double y, double dr, double *dx, double *dy) {
      f_adjoint(x, y, n, dr, dx, dy);
    };
    auto ft = [n](double x, double y, double dx, double dy) {
      return f_tangent(x, y, n, dx, dy);
    };
    auto fp = [n](auto x, auto y) { return f(x, y, n); };
    auto fan = [n](double x, double y) { return grad_f(x, y, n); };
    R::check_gradient("f_grad", fg, fp, fp, fan, P);
    R::check_adjoint("f_adjoint", fa, fp, fan, P);
    R::check_dot("f", ft, fg, P);
    R::check_dot_adjoint("f", ft, fa, P);
  }
  return R::finish();
}
