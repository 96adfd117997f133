// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A damped pendulum theta'' = -sin(theta) - c theta', explicit Euler over
// 100 steps with a two-variable loop-carried state; derivative of the final
// angle in the initial angle and the damping, against hand-derived forward
// sensitivities.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T pendulum(T theta0, T c) {
  T th = theta0, om = 0;
  const T h = 0.02;
  for (int i = 0; i < 100; ++i) {
    T acc = -std::sin(th) - c * om;
    th += h * om;
    om += h * acc;
  }
  return th;
}
DDX_TANGENT(pendulum<double>);

std::array<double, 2> grad_pendulum(double theta0, double c) {
  const double h = 0.02;
  double th = theta0, om = 0;
  // (d th, d om) along theta0 and along c
  double t1 = 1, o1 = 0, t2 = 0, o2 = 0;
  for (int i = 0; i < 100; ++i) {
    double acc = -std::sin(th) - c * om;
    double a1 = -std::cos(th) * t1 - c * o1;
    double a2 = -std::cos(th) * t2 - om - c * o2;
    t1 += h * o1, t2 += h * o2;
    o1 += h * a1, o2 += h * a2;
    th += h * om;
    om += h * acc;
  }
  return {t1, t2};
}

int main() {
  ddx_test::check_tangent("pendulum", pendulum_tangent, pendulum<double>,
                          pendulum<long double>, grad_pendulum,
                          {{0.5, 0.1}, {2.5, 0.5}, {-1.0, 0.0}, {1.2, 2.0}});
  return ddx_test::finish();
}
