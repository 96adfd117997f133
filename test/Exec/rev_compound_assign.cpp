// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Compound assignments and overwritten parameters in reverse: +=, -=, *=,
// /= on locals and on the parameters themselves (the primal's old value is
// gone after the overwrite, the reverse sweep still needs it), and a chained
// assignment a = b = expr.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = x;
  r *= y;     // x y
  r += x * x; // x y + x^2
  r -= y / 2; // x y + x^2 - y/2
  r /= y;     // x + x^2/y - 1/2
  x *= x;     // x^2 (the parameter is overwritten)
  y += x;     // y + x^2
  T a, b;
  a = b = r * y;
  return a * b + x * y;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double r = x + x * x / y - 0.5;
  double rx = 1 + 2 * x / y, ry = -x * x / (y * y);
  double Y = y + x * x, Yx = 2 * x, Yy = 1;
  double ab = r * Y;
  double abx = rx * Y + r * Yx, aby = ry * Y + r * Yy;
  double X = x * x, Xx = 2 * x;
  // ab^2 + X Y
  return {2 * ab * abx + Xx * Y + X * Yx, 2 * ab * aby + X * Yy};
}

// Parameters overwritten inside a loop.
template <class T> T g(T x, T y, int n) {
  for (int i = 0; i < n; ++i) {
    T t = x;
    x = x * 0.5 + y * 0.25;
    y = std::sin(t) - y * 0.1;
  }
  return x * y;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  // Jacobian of (x, y) -> (x', y') accumulated forward.
  double a = 1, b = 0, c = 0, d = 1; // [dx/dx0 dx/dy0; dy/dx0 dy/dy0]
  for (int i = 0; i < n; ++i) {
    double co = std::cos(x);
    double na = 0.5 * a + 0.25 * c, nb = 0.5 * b + 0.25 * d;
    double nc = co * a - 0.1 * c, nd = co * b - 0.1 * d;
    double nx = x * 0.5 + y * 0.25, ny = std::sin(x) - y * 0.1;
    a = na, b = nb, c = nc, d = nd, x = nx, y = ny;
  }
  return {a * y + x * c, b * y + x * d};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, -1.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  for (int n : {3, 0, 1, 10}) {
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
