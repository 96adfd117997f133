// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Values computed inside an if (square root, cosine, sine, a reciprocal,
// and chains of products) are yielded out of it for the reverse sweep
// instead of being recomputed there: f nests a second if whose branches
// need different values, and g has the if inside a loop whose reverse is
// fused into each iteration. Each branch must see its own values, never
// the other branch's placeholders.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>

template <class T> T f(T a, T b, T x, int mode) {
  T s2 = a * a + b * b;
  T r;
  if (s2 > 0.01) {
    T th = std::sqrt(s2);
    T co = std::cos(th);
    T si = std::sin(th);
    T inv = 1.0 / th;
    T u = a * inv;
    T v = b * inv;
    T q;
    if (mode > 0) {
      T e = std::exp(u * x);
      q = e * co + v * si;
    } else {
      q = co * x - si * u;
    }
    r = q * q + u * v * x;
  } else {
    r = x + a * b;
  }
  return r * x;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

template <class T> T g(T x, T y, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T t = x + y * i;
    if (t > 0) {
      T r = std::sqrt(t);
      t = std::cos(r) * r / (1 + t);
    }
    s += t * y;
  }
  return s;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

int main() {
  namespace R = ddx_rev_test;
  const double P[][3] = {{0.5, 1.2, 0.7}, {-0.3, 0.4, 1.1}, {0.05, 0.02, 0.9},
                         {2.0, -1.5, -0.4}};
  for (int mode : {1, 0}) {
    auto fg = [mode](double a, double b, double x, double *da, double *db,
                     double *dx) { return f_grad(a, b, x, mode, da, db, dx); };
    auto fa = [mode](double a, double b, double x, double dr, double *da,
                     double *db, double *dx) {
      f_adjoint(a, b, x, mode, dr, da, db, dx);
    };
    auto ft = [mode](double a, double b, double x, double da, double db,
                     double dx) { return f_tangent(a, b, x, mode, da, db, dx); };
    auto fp = [mode](auto a, auto b, auto x) { return f(a, b, x, mode); };
    R::check_gradient("f_grad", fg, fp, fp, R::no_analytic, P);
    R::check_adjoint("f_adjoint", fa, fp, R::no_analytic, P);
    R::check_dot("f", ft, fg, P);
    R::check_dot_adjoint("f", ft, fa, P);
  }
  const double Q[][2] = {{0.5, 0.3}, {-0.4, 0.6}, {0.2, -0.5}};
  for (int n : {5, 0, 1, 3}) {
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
    R::check_gradient("g_grad", gg, gp, gp, R::no_analytic, Q);
    R::check_adjoint("g_adjoint", ga, gp, R::no_analytic, Q);
    R::check_dot("g", gt, gg, Q);
    R::check_dot_adjoint("g", gt, ga, Q);
  }
  return R::finish();
}
