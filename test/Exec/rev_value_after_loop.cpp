// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Values used both inside and after a loop, in reverse: an input read in
// every iteration and again after the loop; a value computed before the
// loop, used inside and after; the loop's final carried value used twice
// after the loop. Their adjoints collect contributions from every
// iteration and from after the loop, each exactly once.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T w = std::exp(y);  // before, inside and after
  T s = x;
  for (int i = 0; i < n; ++i)
    s = s * w * 0.5 + x; // x and w inside
  return s * s + s * x + w * y; // s twice, x and w after
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double w = std::exp(y), s = x, sx = 1, sy = 0;
  for (int i = 0; i < n; ++i) {
    sy = 0.5 * (sy * w + s * w);
    sx = 0.5 * sx * w + 1;
    s = s * w * 0.5 + x;
  }
  return {2 * s * sx + sx * x + s, 2 * s * sy + sy * x + w * y + w};
}

// A value set inside the loop (the last iteration's) is used after it.
template <class T> T g(T x, T y, int n) {
  T last = y;
  T acc = 0;
  for (int i = 0; i < n; ++i) {
    last = std::sin(x * (i + 1)) * y;
    acc += last * last;
  }
  return acc + 3 * last;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double gx = 0, gy = 0, last = y, lx = 0, ly = 1;
  for (int i = 0; i < n; ++i) {
    double k = i + 1;
    last = std::sin(x * k) * y;
    lx = std::cos(x * k) * k * y;
    ly = std::sin(x * k);
    gx += 2 * last * lx;
    gy += 2 * last * ly;
  }
  return {gx + 3 * lx, gy + 3 * ly};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {-1.3, 0.2}, {1.1, -0.4}};
  for (int n : {4, 0, 1, 7, 2}) {
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

    auto gg = [n](double x, double y, double *dx, double *dy) {
      return g_grad(x, y, n, dx, dy);
    };
    auto ga = [n](double x, double y, double dr, double *dx, double *dy) {
      g_adjoint(x, y, n, dr, dx, dy);
    };
    auto gt = [n](double x, double y, double dx, double dy) {
      return g_tangent(x, y, n, dx, dy);
    };
    auto gp = [n](auto x, auto y) { return g(x, y, n); };
    auto gan = [n](double x, double y) { return grad_g(x, y, n); };
    R::check_gradient("g_grad", gg, gp, gp, gan, P);
    R::check_adjoint("g_adjoint", ga, gp, gan, P);
    R::check_dot("g", gt, gg, P);
  }
  return R::finish();
}
