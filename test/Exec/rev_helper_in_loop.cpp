// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A helper called inside a loop, in reverse: every iteration's call needs
// its own saved values. The helper has a data-dependent branch and a loop
// of its own (so the tapes of caller and callee interleave).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T step(T s, T a, int k) {
  T r = s;
  for (int j = 0; j < k; ++j)
    r = r - 0.1 * (r * r * r - a);
  if (r > 1)
    return std::sqrt(r);
  return r * r;
}

template <class T> T f(T x, T y, int n) {
  T s = x;
  for (int i = 0; i < n; ++i)
    s = step(s, y, i % 3 + 1) + 0.1 * x;
  return s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < n; ++i) {
    int k = i % 3 + 1;
    double r = s, rx = sx, ry = sy;
    for (int j = 0; j < k; ++j) {
      double d = 1 - 0.3 * r * r;
      rx = d * rx;
      ry = d * ry + 0.1;
      r = r - 0.1 * (r * r * r - y);
    }
    if (r > 1) {
      double q = std::sqrt(r);
      sx = rx / (2 * q);
      sy = ry / (2 * q);
      s = q;
    } else {
      sx = 2 * r * rx;
      sy = 2 * r * ry;
      s = r * r;
    }
    s += 0.1 * x;
    sx += 0.1;
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {1.3, 0.6}, {0.9, 2.5}, {0.2, 0.1}};
  for (int n : {5, 0, 1, 8, 3}) {
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
