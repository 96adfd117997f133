// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// return from inside a loop, in reverse: the returned expression is built
// from values of the iteration that returns; the fall-through return after
// the loop uses the final carried values. Also an early return before any
// loop and a return from inside a nested loop.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  if (x < -5)
    return x * y;
  T t = x;
  for (int i = 0; i < n; ++i) {
    T u = t * y;
    if (u > 4)
      return u * t + i;
    t = u + std::sin(t);
  }
  return t * t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  if (x < -5)
    return {y, x};
  double t = x, tx = 1, ty = 0;
  for (int i = 0; i < n; ++i) {
    double u = t * y, ux = tx * y, uy = ty * y + t;
    if (u > 4)
      return {ux * t + u * tx, uy * t + u * ty};
    double c = std::cos(t);
    tx = ux + c * tx;
    ty = uy + c * ty;
    t = u + std::sin(t);
  }
  return {2 * t * tx, 2 * t * ty};
}

template <class T> T g(T x, T y) {
  T s = 0;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) {
      s += x * (i + 1) + y * j * s;
      if (s > 20)
        return s * y;
    }
  return -s;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double s = 0, sx = 0, sy = 0;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) {
      sx += (i + 1) + y * j * sx;
      sy += j * s + y * j * sy;
      s += x * (i + 1) + y * j * s;
      if (s > 20)
        return {sx * y, sy * y + s};
    }
  return {-sx, -sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.3}, {2.0, 2.1}, {-6.0, 0.7},
                         {1.1, -0.4}, {0.3, 3.5}, {-0.5, 0.9}};
  for (int n : {6, 0, 3, 1, 10}) {
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
  // Returns at different (i, j), and not at all.
  const double Q[][2] = {{0.5, 0.1}, {2.0, 0.3}, {0.1, 0.05},
                         {5.0, 0.5}, {1.0, -0.2}, {0.7, 0.9}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, Q);
  return R::finish();
}
