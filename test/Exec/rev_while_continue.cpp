// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// while loops with continue in reverse, counting down and with strides:
// the counter update sits before the continue, the active update after it;
// a loop counting down by 2; a guarded division (y != 0 ? x / y : 0).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T s = 0;
  int i = n;
  while (i > 0) {
    i -= 1;
    T q = i % 3 == 0 ? T(0) : x / (y + i); // guarded
    if (q > 1)
      continue;
    s = s * 0.8 + q * x;
  }
  for (int j = n; j > 0; j -= 2)
    s += std::cos(s) * y * 0.1;
  return s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double s = 0, sx = 0, sy = 0;
  int i = n;
  while (i > 0) {
    i -= 1;
    double q = 0, qx = 0, qy = 0;
    if (i % 3 != 0) {
      q = x / (y + i);
      qx = 1 / (y + i);
      qy = -x / ((y + i) * (y + i));
    }
    if (q > 1)
      continue;
    sx = sx * 0.8 + qx * x + q;
    sy = sy * 0.8 + qy * x;
    s = s * 0.8 + q * x;
  }
  for (int j = n; j > 0; j -= 2) {
    double d = 1 - std::sin(s) * y * 0.1;
    sy = d * sy + std::cos(s) * 0.1;
    sx = d * sx;
    s += std::cos(s) * y * 0.1;
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.3}, {2.5, 0.7}, {-1.1, 2.4}, {4.0, 0.3}};
  for (int n : {7, 0, 1, 4, 12}) {
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
