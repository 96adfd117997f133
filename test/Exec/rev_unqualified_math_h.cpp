// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// <math.h> functions called unqualified (the C library's ::sin, ::exp,
// ...), and the C float variants sinf, expf, in reverse.
#include <math.h>
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>

double f(double x, double y) {
  double r = sqrt(x * x + y * y);
  return sin(x) * exp(y) + r + pow(x, 3.0) + fabs(y) + atan2(y, x) +
         log(1 + x * x) + cos(y) + tanh(x * y) + cbrt(x + 5);
}
DDX_TANGENT(f);
DDX_GRADIENT(f);
DDX_ADJOINT(f);

std::array<double, 2> grad_f(double x, double y) {
  double r2 = x * x + y * y, r = std::sqrt(r2);
  double sy = y > 0 ? 1 : -1;
  double t = std::tanh(x * y), c = std::cbrt(x + 5);
  return {std::cos(x) * std::exp(y) + x / r + 3 * x * x - y / r2 +
              2 * x / (1 + x * x) + (1 - t * t) * y + 1 / (3 * c * c),
          std::sin(x) * std::exp(y) + y / r + sy + x / r2 - std::sin(y) +
              (1 - t * t) * x};
}

float g(float x, float y) { return sinf(x) * expf(y) + sqrtf(x * x + 1); }
DDX_GRADIENT(g);
DDX_ADJOINT(g);
DDX_TANGENT(g);

std::array<double, 2> grad_g(double x, double y) {
  return {std::cos(x) * std::exp(y) + x / std::sqrt(x * x + 1),
          std::sin(x) * std::exp(y)};
}
long double gl(long double x, long double y) {
  return std::sin(x) * std::exp(y) + std::sqrt(x * x + 1);
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {-1.5, -0.5}};
  R::check_gradient("f_grad", f_grad, f, f, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  const float Q[][2] = {{0.5f, 1.2f}, {-1.3f, 0.1f}, {2.0f, -0.7f}};
  R::check_gradient("g_grad", g_grad, g, gl, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, gl, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  return R::finish();
}
