// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Conversions between float and double inside a function, float parameters
// of a double function and a float result of a double computation. The
// derivatives are as accurate as float arithmetic, so they are checked with
// float tolerances.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <cmath>
#include <type_traits>

// double -> float -> double inside a double function.
double f(double x, double y) {
  float a = x;
  float b = static_cast<float>(y) * a;
  double c = b;
  return c + (double)a * x + double(float(y * y)); // ~ x y + x^2 + y^2
}
DDX_TANGENT(f);

// A float parameter of a double function, and the float version of sin.
double h(float x, double y) {
  double t = x;
  return t * y + std::sin(x);
}
DDX_TANGENT(h);
static_assert(std::is_same_v<decltype(&h_tangent),
                             ddx::dual<double> (*)(float, double, float,
                                                   double)>,
              "h_tangent(float x, double y, float d_x, double d_y)");

// A double computation returned as float.
float k(double x) { return x * x - 0.5 * x; }
DDX_TANGENT(k);
static_assert(std::is_same_v<decltype(&k_tangent),
                             ddx::dual<float> (*)(double, double)>,
              "k_tangent(double x, double d_x) -> dual<float>");

// The same computations in long double, for finite differences.
long double f_ref(long double x, long double y) {
  return x * y + x * x + y * y;
}
long double h_ref(long double x, long double y) { return x * y + std::sin(x); }

int main() {
  using ddx_test::expect;
  using ddx_test::kLooseFloat;
  using ddx_test::kTightFloat;
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &p : P) {
    double x = p[0], y = p[1];
    ddx_test::at("f", x, y);
    auto rx = f_tangent(x, y, 1, 0), ry = f_tangent(x, y, 0, 1);
    ddx_test::expect_value(rx.value, f(x, y));
    ddx_test::expect_value(ry.value, f(x, y));
    expect("d/dx vs analytic", rx.tangent, y + 2 * x, kTightFloat);
    expect("d/dy vs analytic", ry.tangent, x + 2 * y, kTightFloat);
    expect("d/dx vs finite differences", rx.tangent,
           ddx_test::fd(f_ref, {x, y}, {1, 0}), kLooseFloat);
    expect("d/dy vs finite differences", ry.tangent,
           ddx_test::fd(f_ref, {x, y}, {0, 1}), kLooseFloat);

    float xf = static_cast<float>(x);
    ddx_test::at("h", xf, y);
    auto hx = h_tangent(xf, y, 1, 0), hy = h_tangent(xf, y, 0, 1);
    ddx_test::expect_value(hx.value, h(xf, y));
    ddx_test::expect_value(hy.value, h(xf, y));
    expect("d/dx vs analytic", hx.tangent, y + std::cos((double)xf),
           kTightFloat);
    expect("d/dy vs analytic", hy.tangent, xf, ddx_test::kTight);
    expect("d/dx vs finite differences", hx.tangent,
           ddx_test::fd(h_ref, {xf, y}, {1, 0}), kLooseFloat);

    ddx_test::at("k", x);
    auto kx = k_tangent(x, 1);
    ddx_test::expect_value(kx.value, k(x));
    expect("d/dx vs analytic", kx.tangent, 2 * x - 0.5, kTightFloat);
  }
  return ddx_test::finish();
}
