// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A value overwritten every iteration, `t = t * x + y` (Horner): the reverse
// sweep needs each iteration's old t, which no longer exists after the loop.
// Also a nonlinear overwrite t = sin(t) * x + y, and an overwrite through a
// compound assignment.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

// t_{k+1} = t_k x + y, t_0 = 1: x^n + y (x^{n-1} + ... + 1).
template <class T> T f(T x, T y, int n) {
  T t = 1;
  for (int i = 0; i < n; ++i)
    t = t * x + y;
  return t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double gx = n == 0 ? 0 : n * std::pow(x, n - 1), gy = 0;
  for (int k = 0; k < n; ++k) {
    gy += std::pow(x, k);
    if (k >= 1)
      gx += y * k * std::pow(x, k - 1);
  }
  return {gx, gy};
}

// Nonlinear overwrite; no closed form: sensitivities by hand, forward.
template <class T> T g(T x, T y, int n) {
  T t = y;
  for (int i = 0; i < n; ++i)
    t = std::sin(t) * x + y;
  return t * t;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double t = y, tx = 0, ty = 1;
  for (int i = 0; i < n; ++i) {
    double c = std::cos(t);
    double nt = std::sin(t) * x + y;
    tx = c * tx * x + std::sin(t);
    ty = c * ty * x + 1;
    t = nt;
  }
  return {2 * t * tx, 2 * t * ty};
}

// Compound overwrite: t *= x; t += y * t; (t <- t x (1 + y)).
template <class T> T h(T x, T y, int n) {
  T t = x;
  for (int i = 0; i < n; ++i) {
    t *= x;
    t += y * t;
  }
  return t;
}
DDX_TANGENT(h<double>);
DDX_GRADIENT(h<double>);
DDX_ADJOINT(h<double>);

std::array<double, 2> grad_h(double x, double y, int n) {
  // x^{n+1} (1 + y)^n
  double a = std::pow(1 + y, n);
  return {(n + 1) * std::pow(x, n) * a,
          n == 0 ? 0 : std::pow(x, n + 1) * n * std::pow(1 + y, n - 1)};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {-1.3, 0.7}, {1.1, -0.4}, {0.9, 2.0}};
  for (int n : {4, 0, 11, 1, 6, 30, 2}) {
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

    auto hg = [n](double x, double y, double *dx, double *dy) {
      return h_grad(x, y, n, dx, dy);
    };
    auto ha = [n](double x, double y, double dr, double *dx, double *dy) {
      h_adjoint(x, y, n, dr, dx, dy);
    };
    auto ht = [n](double x, double y, double dx, double dy) {
      return h_tangent(x, y, n, dx, dy);
    };
    auto hp = [n](auto x, auto y) { return h(x, y, n); };
    auto han = [n](double x, double y) { return grad_h(x, y, n); };
    R::check_gradient("h_grad", hg, hp, hp, han, P);
    R::check_adjoint("h_adjoint", ha, hp, han, P);
    R::check_dot_adjoint("h", ht, ha, P);
  }
  return R::finish();
}
