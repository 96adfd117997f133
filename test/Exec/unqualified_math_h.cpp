// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// C-style code: <math.h> and unqualified sin, exp, sqrt, pow, fabs, atan2,
// log, cos in a plain double function.
#include <math.h>
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

double f(double x, double y) {
  double r = sqrt(x * x + y * y);
  return sin(x) * exp(y) + r + pow(x, 3.0) + fabs(y) + atan2(y, x) +
         log(1 + x * x) + cos(y);
}
DDX_TANGENT(f);

std::array<double, 2> grad_f(double x, double y) {
  double r2 = x * x + y * y, r = std::sqrt(r2);
  double sy = y > 0 ? 1 : -1;
  return {std::cos(x) * std::exp(y) + x / r + 3 * x * x - y / r2 +
              2 * x / (1 + x * x),
          std::sin(x) * std::exp(y) + y / r + sy + x / r2 - std::sin(y)};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f, f, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {-1.5, -0.5}});
  return ddx_test::finish();
}
