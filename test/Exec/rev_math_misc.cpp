// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode through the piecewise functions: fabs, std::abs, fmin, fmax,
// fmod, erf, and floor, ceil, round, trunc (derivative 0, but their results
// multiply active values).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  return std::fabs(x * y) + std::abs(x) * y + std::fmin(x, y) * y +
         std::fmax(x * y, x + y) + std::fmod(x * x, y) * y + std::erf(x * y);
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  const double kPi = 3.14159265358979323846;
  double s = x * y > 0 ? 1 : -1, sx = x > 0 ? 1 : -1;
  double gx = s * y + sx * y, gy = s * x + std::fabs(x);
  if (x < y) {
    gx += y;
    gy += x;
  } else {
    gy += 2 * y;
  }
  if (x * y > x + y) {
    gx += y;
    gy += x;
  } else {
    gx += 1;
    gy += 1;
  }
  double q = std::trunc(x * x / y);
  gx += 2 * x * y;
  gy += std::fmod(x * x, y) - q * y;
  double d = 2 / std::sqrt(kPi) * std::exp(-(x * y) * (x * y));
  gx += d * y;
  gy += d * x;
  return {gx, gy};
}

template <class T> T g(T x, T y) {
  return std::floor(x * y) * y + std::ceil(x - y) * x +
         std::round(x * y) * x + std::trunc(x / y) * y + x * y;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  return {std::ceil(x - y) + std::round(x * y) + y,
          std::floor(x * y) + std::trunc(x / y) + x};
}

int main() {
  namespace R = ddx_rev_test;
  // Away from kinks and from integer x*x/y.
  const double P[][2] = {{5.3, 1.2}, {-1.3, 2.1}, {2.9, -0.75}, {0.3, 0.8}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);

  const double Q[][2] = {{0.55, 1.2}, {-1.3, 2.1}, {2.1, -0.65}, {-2.3, -1.7}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  return R::finish();
}
