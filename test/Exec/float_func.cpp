// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A float function: float parameters, locals, literals (0.5f and double
// literals narrowed to float) and float math.
// DDX_TANGENT(f<float>) gives ddx::dual<float> f_tangent(float, float, float,
// float).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>
#include <type_traits>

template <class T> T f(T x, T y) {
  T a = std::sin(x) * y + std::exp(y / 4);
  T b = std::sqrt(x * x + 1) - std::log(y);
  T c = a * b;
  c += T(0.5f) * x;
  return c;
}
DDX_TANGENT(f<float>);

static_assert(std::is_same_v<decltype(&f_tangent),
                             ddx::dual<float> (*)(float, float, float, float)>,
              "f_tangent has the float signature");

std::array<double, 2> grad_f(double x, double y) {
  double a = std::sin(x) * y + std::exp(y / 4);
  double b = std::sqrt(x * x + 1) - std::log(y);
  double ax = std::cos(x) * y, ay = std::sin(x) + std::exp(y / 4) / 4;
  double bx = x / std::sqrt(x * x + 1), by = -1 / y;
  return {ax * b + a * bx + 0.5, ay * b + a * by};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<float>, f<long double>, grad_f,
                          {{1.2f, 0.8f}, {-0.7f, 2.5f}, {3.1f, 0.3f}});
  return ddx_test::finish();
}
