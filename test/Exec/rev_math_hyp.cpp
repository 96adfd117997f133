// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reverse mode through sinh, cosh and tanh, each result used more than once
// (the adjoint of a shared value must accumulate every use).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T s = std::sinh(x);
  T c = std::cosh(x * y);
  T t = std::tanh(y);
  return s * y + c - t * x + s * c + t * t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double s = std::sinh(x), ch = std::cosh(x), c = std::cosh(x * y),
         sh = std::sinh(x * y), t = std::tanh(y), dt = 1 - t * t;
  return {ch * y + sh * y - t + ch * c + s * sh * y,
          s + sh * x - dt * x + s * sh * x + 2 * t * dt};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {1.1, -0.7}, {-0.4, -1.9}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  return R::finish();
}
