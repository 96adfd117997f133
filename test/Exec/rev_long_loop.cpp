// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Long loops in reverse: 20000 iterations with a known trip count and a
// while loop of data-dependent length in the tens of thousands (a growing
// tape). Nonlinear steps, so every iteration's stored value matters.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T t = x;
  for (int i = 0; i < n; ++i)
    t = t + 1e-4 * (std::sin(t) * y - t * t * 0.1);
  return t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double t = x, tx = 1, ty = 0;
  for (int i = 0; i < n; ++i) {
    double d = 1 + 1e-4 * (std::cos(t) * y - 0.2 * t);
    ty = d * ty + 1e-4 * std::sin(t);
    tx = d * tx;
    t = t + 1e-4 * (std::sin(t) * y - t * t * 0.1);
  }
  return {tx, ty};
}

// Runs until an accumulated length, which depends on the active v, exceeds
// limit: the compiler cannot know the trip count (~limit / 1.5); the
// dependence is weak enough that the count is the same at every point the
// finite differences evaluate.
template <class T> T g(T x, T y, int limit) {
  T s = 0, len = 0, v = y;
  while (len < limit) {
    v = v + 1e-3 * std::cos(v * x);
    s += v * 1e-3;
    len += 1.5 + 1e-9 * std::sin(v);
  }
  return s + v;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int limit) {
  double len = 0, v = y, sx = 0, sy = 0, vx = 0, vy = 1;
  while (len < limit) {
    double d = -1e-3 * std::sin(v * x);
    vx = vx + d * (vx * x + v);
    vy = vy + d * vy * x;
    v = v + 1e-3 * std::cos(v * x);
    sx += vx * 1e-3;
    sy += vy * 1e-3;
    len += 1.5 + 1e-9 * std::sin(v);
  }
  return {sx + vx, sy + vy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.3}, {-1.3, 0.7}};
  for (int n : {20000, 3, 12345}) {
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
  }
  // About 8000 to 60000 iterations.
  const double Q[][2] = {{0.5, 0.3}, {1.7, -0.6}, {-0.9, 1.1}};
  for (int limit : {37501, 61000, 12001}) {
    auto gg = [limit](double x, double y, double *dx, double *dy) {
      return g_grad(x, y, limit, dx, dy);
    };
    auto ga = [limit](double x, double y, double dr, double *dx, double *dy) {
      g_adjoint(x, y, limit, dr, dx, dy);
    };
    auto gt = [limit](double x, double y, double dx, double dy) {
      return g_tangent(x, y, limit, dx, dy);
    };
    auto gp = [limit](auto x, auto y) { return g(x, y, limit); };
    auto gan = [limit](double x, double y) { return grad_g(x, y, limit); };
    R::check_gradient("g_grad", gg, gp, gp, gan, Q);
    R::check_adjoint("g_adjoint", ga, gp, gan, Q);
    R::check_dot("g", gt, gg, Q);
  }
  return R::finish();
}
