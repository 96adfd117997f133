// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::max(a, b) and std::min(a, b) in both modes: the derivative follows
// the argument the call returns (`a < b ? b : a` for max, `b < a ? b : a`
// for min, so a on a tie), also through a clamp and inside a loop.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <algorithm>
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T hi = std::max(x * y, std::sin(x));
  T lo = std::min(y * y, x + 1);
  T clamped = std::min(std::max(x, T(-0.5)), T(0.5));
  return hi * lo + clamped * y;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

template <class T> T g(T x, T y, int n) {
  T best = x;
  T s = 0;
  for (int i = 1; i < n; ++i) {
    T v = std::sin(x * i) * y;
    best = std::max(best, v);
    s += std::min(v, best * y);
  }
  return s + best;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);

int main() {
  namespace R = ddx_rev_test;
  auto fp = [](auto x, auto y) { return f(x, y); };
  // Points chosen so that no max/min is near a tie.
  const double P[][2] = {{0.3, 2.0}, {1.5, 0.2}, {-0.8, 0.4}, {0.1, -1.2},
                         {2.0, 1.1}};
  // The analytic gradient, branch by branch.
  auto analytic = [](double x, double y) {
    bool hiProd = !(x * y < std::sin(x));
    double hi = hiProd ? x * y : std::sin(x);
    double dhx = hiProd ? y : std::cos(x), dhy = hiProd ? x : 0.0;
    bool loSq = !(x + 1 < y * y);
    double lo = loSq ? y * y : x + 1;
    double dlx = loSq ? 0.0 : 1.0, dly = loSq ? 2 * y : 0.0;
    double c = std::min(std::max(x, -0.5), 0.5);
    double dc = (x > -0.5 && x < 0.5) ? 1.0 : 0.0;
    return std::array<double, 2>{dhx * lo + hi * dlx + dc * y,
                                 dhy * lo + hi * dly + c};
  };
  R::check_gradient("f_grad", f_grad, fp, fp, analytic, P);
  R::check_adjoint("f_adjoint", f_adjoint, fp, analytic, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);

  const double Q[][2] = {{0.7, 1.3}, {-0.4, 0.9}, {1.1, -0.6}};
  for (int n : {1, 4, 7}) {
    auto gg = [n](double x, double y, double *dx, double *dy) {
      return g_grad(x, y, n, dx, dy);
    };
    auto gt = [n](double x, double y, double dx, double dy) {
      return g_tangent(x, y, n, dx, dy);
    };
    auto gp = [n](auto x, auto y) { return g(x, y, n); };
    R::check_gradient("g_grad", gg, gp, gp, R::no_analytic, Q);
    R::check_dot("g", gt, gg, Q);
  }
  return R::finish();
}
