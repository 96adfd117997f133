// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Nested ifs in reverse: four leaves, values defined at different depths,
// else-if chains; every leaf is reached.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T r = x + y;
  T t = x * y;
  if (x > 0) {
    T u = std::exp(t);
    if (y > 0) {
      r = u * r;
    } else {
      r = u - x * r;
      t = t * t;
    }
  } else {
    if (y > x) {
      r = std::sin(t) + r * r;
    } else {
      T v = x - y;
      r = v * v * t;
    }
  }
  return r + t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double t = x * y;
  if (x > 0) {
    double u = std::exp(t);
    if (y > 0) // u (x + y) + t
      return {u * y * (x + y) + u + y, u * x * (x + y) + u + x};
    // u - x (x + y) + t^2
    return {u * y - 2 * x - y + 2 * t * y, u * x - x + 2 * t * x};
  }
  if (y > x) { // sin(t) + (x + y)^2 + t
    double c = std::cos(t);
    return {c * y + 2 * (x + y) + y, c * x + 2 * (x + y) + x};
  }
  double v = x - y; // v^2 t + t
  return {2 * v * t + v * v * y + y, -2 * v * t + v * v * x + x};
}

// else-if chain.
template <class T> T g(T x) {
  T r;
  if (x < -1)
    r = -x * x;
  else if (x < 0)
    r = x * x * x;
  else if (x < 1)
    r = std::sin(x);
  else
    r = std::log(x) + std::sin(T(1));
  return r * x;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

double grad_g(double x) {
  if (x < -1)
    return -3 * x * x;
  if (x < 0)
    return 4 * x * x * x;
  if (x < 1)
    return std::cos(x) * x + std::sin(x);
  return 1 + std::log(x) + std::sin(1.0);
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2},  {1.3, -0.6}, {-0.5, 0.7},
                         {-0.4, -1.9}, {0.2, 0.3}, {-2.0, -0.5}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const double Q[][1] = {{-1.5}, {-0.5}, {0.5}, {1.5}, {3.0}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  return R::finish();
}
