// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// for loops in reverse with loop-carried doubles: a product (every
// iteration's factor is needed in reverse), two coupled carried values, and
// a trip count from an int parameter that changes from call to call in one
// run (a tape sized for one call must not leak into the next).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

// prod_{i<n} (x + i y)
template <class T> T f(T x, T y, int n) {
  T p = 1;
  for (int i = 0; i < n; ++i)
    p *= x + i * y;
  return p;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  // d/dx prod = sum_i prod_{j != i} (x + j y); d/dy = sum_i i prod_{j != i}.
  double gx = 0, gy = 0;
  for (int i = 0; i < n; ++i) {
    double q = 1;
    for (int j = 0; j < n; ++j)
      if (j != i)
        q *= x + j * y;
    gx += q;
    gy += i * q;
  }
  return {gx, gy};
}

// Coupled rotation-and-scale: (a, b) <- (a c - b s, a s + b c) * x.
template <class T> T g(T x, T th, int n) {
  T a = 1, b = 0;
  T c = std::cos(th), s = std::sin(th);
  for (int i = 0; i < n; ++i) {
    T a2 = (a * c - b * s) * x;
    b = (a * s + b * c) * x;
    a = a2;
  }
  return a + 2 * b; // x^n (cos(n th) + 2 sin(n th))
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double th, int n) {
  double xn = std::pow(x, n), xn1 = n == 0 ? 0 : n * std::pow(x, n - 1);
  double u = std::cos(n * th) + 2 * std::sin(n * th);
  return {xn1 * u, xn * n * (-std::sin(n * th) + 2 * std::cos(n * th))};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3}, {-1.3, 0.7}, {1.1, -0.4}};
  // Trip counts change from call to call, including 0 and 1.
  for (int n : {5, 0, 1, 9, 2, 17, 3}) {
    auto grad = [n](double x, double y, double *dx, double *dy) {
      return f_grad(x, y, n, dx, dy);
    };
    auto adj = [n](double x, double y, double dr, double *dx, double *dy) {
      f_adjoint(x, y, n, dr, dx, dy);
    };
    auto tan = [n](double x, double y, double dx, double dy) {
      return f_tangent(x, y, n, dx, dy);
    };
    auto prim = [n](auto x, auto y) { return f(x, y, n); };
    auto an = [n](double x, double y) { return grad_f(x, y, n); };
    R::check_gradient("f_grad", grad, prim, prim, an, P);
    R::check_adjoint("f_adjoint", adj, prim, an, P);
    R::check_dot("f", tan, grad, P);
    R::check_dot_adjoint("f", tan, adj, P);

    auto ggrad = [n](double x, double t, double *dx, double *dt) {
      return g_grad(x, t, n, dx, dt);
    };
    auto gadj = [n](double x, double t, double dr, double *dx, double *dt) {
      g_adjoint(x, t, n, dr, dx, dt);
    };
    auto gtan = [n](double x, double t, double dx, double dt) {
      return g_tangent(x, t, n, dx, dt);
    };
    auto gprim = [n](auto x, auto t) { return g(x, t, n); };
    auto gan = [n](double x, double t) { return grad_g(x, t, n); };
    R::check_gradient("g_grad", ggrad, gprim, gprim, gan, P);
    R::check_adjoint("g_adjoint", gadj, gprim, gan, P);
    R::check_dot("g", gtan, ggrad, P);
  }
  return R::finish();
}
