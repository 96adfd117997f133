// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Recursive helpers in reverse: fast exponentiation (depth log n, a value
// used twice in `h * h`), a continued fraction (depth n), and a function
// that is itself recursive and requested directly.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T rpow(T x, int n) {
  if (n == 0)
    return 1;
  if (n < 0)
    return 1 / rpow(x, -n);
  if (n % 2 == 0) {
    T h = rpow(x, n / 2);
    return h * h;
  }
  return x * rpow(x, n - 1);
}

template <class T> T f(T x, T y) { return rpow(x, 5) * y + rpow(y, -3) * x; }
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  return {5 * std::pow(x, 4) * y + std::pow(y, -3),
          std::pow(x, 5) - 3 * std::pow(y, -4) * x};
}

// Requested directly: cf(x, n) = x + 1 / cf(x, n - 1), scaled by y.
template <class T> T cf(T x, T y, int n) {
  if (n == 0)
    return x * y;
  return x + y / cf(x, y, n - 1);
}
DDX_TANGENT(cf<double>);
DDX_GRADIENT(cf<double>);
DDX_ADJOINT(cf<double>);

std::array<double, 2> grad_cf(double x, double y, int n) {
  double c = x * y, cx = y, cy = x;
  for (int i = 0; i < n; ++i) {
    double nx = 1 - y * cx / (c * c), ny = 1 / c - y * cy / (c * c);
    c = x + y / c;
    cx = nx;
    cy = ny;
  }
  return {cx, cy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, 1.7}, {1.1, -0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][2] = {{0.5, 1.2}, {1.3, 0.6}, {2.0, 1.7}};
  for (int n : {0, 1, 4, 2, 9}) {
    auto g = [n](double x, double y, double *dx, double *dy) {
      return cf_grad(x, y, n, dx, dy);
    };
    auto a = [n](double x, double y, double dr, double *dx, double *dy) {
      cf_adjoint(x, y, n, dr, dx, dy);
    };
    auto t = [n](double x, double y, double dx, double dy) {
      return cf_tangent(x, y, n, dx, dy);
    };
    auto p = [n](auto x, auto y) { return cf(x, y, n); };
    auto an = [n](double x, double y) { return grad_cf(x, y, n); };
    R::check_gradient("cf_grad", g, p, p, an, Q);
    R::check_adjoint("cf_adjoint", a, p, an, Q);
    R::check_dot("cf", t, g, Q);
    R::check_dot_adjoint("cf", t, a, Q);
  }
  return R::finish();
}
