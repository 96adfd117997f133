// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Nested loops in reverse: a triangular nest (the inner trip count depends
// on the outer index), carried values at both levels, and an inner value
// that is overwritten in every inner iteration.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

// s = sum_{i<n} sum_{j<=i} x^i y^j, built by carried products.
template <class T> T f(T x, T y, int n) {
  T s = 0;
  T xi = 1;
  for (int i = 0; i < n; ++i) {
    T yj = 1;
    for (int j = 0; j <= i; ++j) {
      s += xi * yj;
      yj *= y;
    }
    xi *= x;
  }
  return s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double gx = 0, gy = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j) {
      if (i > 0)
        gx += i * std::pow(x, i - 1) * std::pow(y, j);
      if (j > 0)
        gy += std::pow(x, i) * j * std::pow(y, j - 1);
    }
  return {gx, gy};
}

// The inner loop overwrites t every iteration; the outer one feeds t back.
template <class T> T g(T x, T y, int n, int m) {
  T t = x;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j)
      t = std::sin(t) * y + x;
    t = t * t / (1 + t * t);
  }
  return t;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n, int m) {
  double t = x, tx = 1, ty = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      double c = std::cos(t), s = std::sin(t);
      tx = c * tx * y + 1;
      ty = c * ty * y + s;
      t = s * y + x;
    }
    double d = 1 + t * t, dt = 2 * t / (d * d);
    tx *= dt;
    ty *= dt;
    t = t * t / d;
  }
  return {tx, ty};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {-1.3, 0.7}, {1.1, -0.4}};
  for (int n : {3, 0, 6, 1, 4}) {
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
    for (int m : {2, 0, 5, 1}) {
      auto gg = [n, m](double x, double y, double *dx, double *dy) {
        return g_grad(x, y, n, m, dx, dy);
      };
      auto ga = [n, m](double x, double y, double dr, double *dx,
                       double *dy) { g_adjoint(x, y, n, m, dr, dx, dy); };
      auto gt = [n, m](double x, double y, double dx, double dy) {
        return g_tangent(x, y, n, m, dx, dy);
      };
      auto gp = [n, m](auto x, auto y) { return g(x, y, n, m); };
      auto gan = [n, m](double x, double y) { return grad_g(x, y, n, m); };
      R::check_gradient("g_grad", gg, gp, gp, gan, P);
      R::check_adjoint("g_adjoint", ga, gp, gan, P);
      R::check_dot("g", gt, gg, P);
    }
  }
  return R::finish();
}
