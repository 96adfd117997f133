// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Explicit Euler over 100 steps with loop-carried state, in reverse:
// exponential decay (closed form y0 (1 - h k)^100), logistic growth
// (hand-derived sensitivities) and a damped oscillator with two carried
// values (position, velocity) in the stiffness, damping and initial state.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T decay(T k, T y0) {
  T y = y0;
  const T h = 0.01;
  for (int i = 0; i < 100; ++i)
    y += h * (-k * y);
  return y;
}
DDX_TANGENT(decay<double>);
DDX_GRADIENT(decay<double>);
DDX_ADJOINT(decay<double>);

std::array<double, 2> grad_decay(double k, double y0) {
  double q = 1 - 0.01 * k;
  return {y0 * 100 * std::pow(q, 99) * -0.01, std::pow(q, 100)};
}

template <class T> T logistic(T r, T y0) {
  T y = y0;
  for (int i = 0; i < 100; ++i)
    y = y + 0.05 * r * y * (1 - y);
  return y;
}
DDX_TANGENT(logistic<double>);
DDX_GRADIENT(logistic<double>);
DDX_ADJOINT(logistic<double>);

std::array<double, 2> grad_logistic(double r, double y0) {
  double y = y0, yr = 0, yy = 1;
  for (int i = 0; i < 100; ++i) {
    double g = 1 - 2 * y;
    yr = yr + 0.05 * (y * (1 - y) + r * g * yr);
    yy = yy + 0.05 * r * g * yy;
    y = y + 0.05 * r * y * (1 - y);
  }
  return {yr, yy};
}

// x'' = -k x - c x'; returns x(T)^2 + v(T).
template <class T> T osc(T k, T c, T x0) {
  T x = x0, v = 0;
  const T h = 0.02;
  for (int i = 0; i < 100; ++i) {
    T a = -k * x - c * v;
    x = x + h * v;
    v = v + h * a;
  }
  return x * x + v;
}
DDX_TANGENT(osc<double>);
DDX_GRADIENT(osc<double>);
DDX_ADJOINT(osc<double>);

std::array<double, 3> grad_osc(double k, double c, double x0) {
  // state (x, v) and its sensitivities in k, c, x0.
  double x = x0, v = 0;
  double xs[3] = {0, 0, 1}, vs[3] = {0, 0, 0};
  const double h = 0.02;
  for (int i = 0; i < 100; ++i) {
    double as[3];
    for (int j = 0; j < 3; ++j)
      as[j] = -k * xs[j] - c * vs[j];
    as[0] -= x;
    as[1] -= v;
    double a = -k * x - c * v;
    for (int j = 0; j < 3; ++j) {
      xs[j] = xs[j] + h * vs[j];
      vs[j] = vs[j] + h * as[j];
    }
    x = x + h * v;
    v = v + h * a;
  }
  return {2 * x * xs[0] + vs[0], 2 * x * xs[1] + vs[1],
          2 * x * xs[2] + vs[2]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.0}, {2.0, -3.0}, {-1.0, 0.25}};
  R::check_gradient("decay_grad", decay_grad, decay<double>,
                    decay<long double>, grad_decay, P);
  R::check_adjoint("decay_adjoint", decay_adjoint, decay<long double>,
                   grad_decay, P);
  R::check_dot("decay", decay_tangent, decay_grad, P);
  const double Q[][2] = {{0.5, 0.1}, {1.5, 0.01}, {0.2, 0.9}};
  R::check_gradient("logistic_grad", logistic_grad, logistic<double>,
                    logistic<long double>, grad_logistic, Q);
  R::check_adjoint("logistic_adjoint", logistic_adjoint,
                   logistic<long double>, grad_logistic, Q);
  R::check_dot("logistic", logistic_tangent, logistic_grad, Q);
  R::check_dot_adjoint("logistic", logistic_tangent, logistic_adjoint, Q);
  const double S[][3] = {{4.0, 0.3, 1.0}, {9.0, 0.1, -0.5}, {1.0, 1.5, 2.0}};
  R::check_gradient("osc_grad", osc_grad, osc<double>, osc<long double>,
                    grad_osc, S);
  R::check_adjoint("osc_adjoint", osc_adjoint, osc<long double>, grad_osc, S);
  R::check_dot("osc", osc_tangent, osc_grad, S);
  R::check_dot_adjoint("osc", osc_tangent, osc_adjoint, S);
  return R::finish();
}
