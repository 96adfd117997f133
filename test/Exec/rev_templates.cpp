// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Templates in reverse: a function template with a non-type parameter
// (the trip count is a template argument) requested at two instantiations,
// and a helper template instantiated twice inside one function.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <int N> double powsum(double x, double y) {
  double s = 0, p = 1;
  for (int i = 0; i < N; ++i) {
    p *= x;
    s += p * y;
  }
  return s;
}
DDX_GRADIENT_AS(powsum3_grad, powsum<3>);
DDX_GRADIENT_AS(powsum7_grad, powsum<7>);
DDX_ADJOINT_AS(powsum7_adjoint, powsum<7>);
DDX_TANGENT_AS(powsum7_tangent, powsum<7>);

template <int N> std::array<double, 2> grad_powsum(double x, double y) {
  double gx = 0, gy = 0;
  for (int i = 1; i <= N; ++i) {
    gx += i * std::pow(x, i - 1) * y;
    gy += std::pow(x, i);
  }
  return {gx, gy};
}

template <class T, int K> T scaled(T v) { return std::sin(K * v) / K; }

// Two instantiations of one helper template inside one function.
double mixed(double x, double y) {
  return scaled<double, 2>(x * y) + scaled<double, 3>(x) * y;
}
DDX_GRADIENT(mixed);
DDX_ADJOINT(mixed);
DDX_TANGENT(mixed);

std::array<double, 2> grad_mixed(double x, double y) {
  double c2 = std::cos(2 * x * y), c3 = std::cos(3 * x);
  return {c2 * y + c3 * y, c2 * x + std::sin(3 * x) / 3};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {1.1, -0.7}};
  R::check_gradient("powsum3_grad", powsum3_grad, powsum<3>, powsum<3>,
                    grad_powsum<3>, P);
  R::check_gradient("powsum7_grad", powsum7_grad, powsum<7>, powsum<7>,
                    grad_powsum<7>, P);
  R::check_adjoint("powsum7_adjoint", powsum7_adjoint, powsum<7>,
                   grad_powsum<7>, P);
  R::check_dot("powsum7", powsum7_tangent, powsum7_grad, P);
  R::check_gradient("mixed_grad", mixed_grad, mixed, mixed, grad_mixed, P);
  R::check_adjoint("mixed_adjoint", mixed_adjoint, mixed, grad_mixed, P);
  R::check_dot("mixed", mixed_tangent, mixed_grad, P);
  return R::finish();
}
