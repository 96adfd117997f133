// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The C float functions of <math.h> (sinf, expf, sqrtf, ...) in a float
// function, and std::abs on a double.
#include <math.h>
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

float f(float x, float y) {
  float a = sinf(x) * expf(y) + sqrtf(x * x + 1.0f) - logf(y);
  float b = powf(y, 1.5f) + cosf(x * y) + fabsf(x - y);
  return a + b + atan2f(y, x) + tanhf(x);
}
DDX_TANGENT(f);

double g(double x, double y) { return std::abs(x * y) + std::abs(x); }
DDX_TANGENT(g);

// f in long double, for finite differences.
long double f_ref(long double x, long double y) {
  long double a = std::sin(x) * std::exp(y) + std::sqrt(x * x + 1) -
                  std::log(y);
  long double b = std::pow(y, 1.5L) + std::cos(x * y) + std::fabs(x - y);
  return a + b + std::atan2(y, x) + std::tanh(x);
}

std::array<double, 2> grad_f(double x, double y) {
  double s = x > y ? 1 : -1, r2 = x * x + y * y, t = std::tanh(x);
  return {std::cos(x) * std::exp(y) + x / std::sqrt(x * x + 1) -
              std::sin(x * y) * y + s - y / r2 + 1 - t * t,
          std::sin(x) * std::exp(y) - 1 / y + 1.5 * std::sqrt(y) -
              std::sin(x * y) * x - s + x / r2};
}

std::array<double, 2> grad_g(double x, double y) {
  double s = x * y > 0 ? 1 : -1, sx = x > 0 ? 1 : -1;
  return {s * y + sx, s * x};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f, f_ref, grad_f,
                          {{0.5f, 1.2f}, {-1.3f, 2.1f}, {2.0f, 0.7f}});
  ddx_test::check_tangent("g", g_tangent, g, g, grad_g,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  return ddx_test::finish();
}
