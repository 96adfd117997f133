// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode through the exponential and logarithm family: exp, exp2,
// expm1, log, log2, log10, log1p, grouped in one function of three inputs.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, T z) {
  return std::exp(x * y) + std::exp2(z) * std::log(y) + std::expm1(x - z) +
         std::log2(x * x + 1) * z + std::log10(y + 3) - std::log1p(z * z) * x;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 3> grad_f(double x, double y, double z) {
  const double ln2 = std::log(2.0), ln10 = std::log(10.0);
  double e = std::exp(x * y), e2 = std::exp2(z), em = std::exp(x - z);
  return {
      e * y + em + 2 * x / ((x * x + 1) * ln2) * z - std::log1p(z * z),
      e * x + e2 / y + 1 / ((y + 3) * ln10),
      e2 * ln2 * std::log(y) - em + std::log2(x * x + 1) -
          2 * z / (1 + z * z) * x,
  };
}

// The results of one log feed another exp: a chain in reverse.
template <class T> T g(T x) { return std::log(std::exp(x) + std::exp(-2 * x)); }
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

double grad_g(double x) {
  double a = std::exp(x), b = std::exp(-2 * x);
  return (a - 2 * b) / (a + b);
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][3] = {
      {0.5, 1.2, -0.3}, {-1.3, 2.1, 0.8}, {0.9, 0.4, 1.5}, {0.1, 3.0, -1.1}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);

  const double Q[][1] = {{0.5}, {-1.3}, {2.0}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  return R::finish();
}
