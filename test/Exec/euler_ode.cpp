// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Explicit Euler over 100 steps with a loop-carried state, differentiated in
// the rate and the initial value: exponential decay (closed form
// y0 (1 - h k)^100) and logistic growth (hand-derived sensitivities).
#include <ddx/ddx.h>
#include "ddx_test.h"
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

template <class T> T logistic(T r, T y0) {
  T y = y0;
  for (int i = 0; i < 100; ++i)
    y = y + 0.05 * r * y * (1 - y);
  return y;
}
DDX_TANGENT(logistic<double>);

std::array<double, 2> grad_decay(double k, double y0) {
  double q = 1 - 0.01 * k;
  return {y0 * 100 * std::pow(q, 99) * -0.01, std::pow(q, 100)};
}

// Forward sensitivities dy/dr and dy/dy0 of the logistic recurrence.
std::array<double, 2> grad_logistic(double r, double y0) {
  double y = y0, yr = 0, yy = 1;
  for (int i = 0; i < 100; ++i) {
    double g = 1 - 2 * y; // d(y (1 - y)) / dy
    yr = yr + 0.05 * (y * (1 - y) + r * g * yr);
    yy = yy + 0.05 * r * g * yy;
    y = y + 0.05 * r * y * (1 - y);
  }
  return {yr, yy};
}

int main() {
  ddx_test::check_tangent("decay", decay_tangent, decay<double>,
                          decay<long double>, grad_decay,
                          {{0.5, 1.0}, {2.0, -3.0}, {-1.0, 0.25}});
  ddx_test::check_tangent("logistic", logistic_tangent, logistic<double>,
                          logistic<long double>, grad_logistic,
                          {{0.5, 0.1}, {1.5, 0.01}, {0.2, 0.9}});
  return ddx_test::finish();
}
