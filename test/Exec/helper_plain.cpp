// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Plain (non-template) double helpers: a static helper, a helper called
// with a constant argument, a helper declared before the caller and defined
// after it.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

static double sq(double v) { return v * v; }
double norm2(double a, double b) { return std::sqrt(sq(a) + sq(b)); }

double f(double x, double y) { return norm2(x, y) * sq(x - y) + norm2(y, 1.0); }
DDX_TANGENT(f);

double later(double v);
double g(double x) { return later(x) * 2 + later(x * x); }
double later(double v) { return std::exp(-v * v); }
DDX_TANGENT(g);

std::array<double, 2> grad_f(double x, double y) {
  double r = std::sqrt(x * x + y * y), d = x - y;
  return {x / r * d * d + r * 2 * d,
          y / r * d * d - r * 2 * d + y / std::sqrt(y * y + 1)};
}

double dg(double x) {
  double x2 = x * x;
  return -4 * x * std::exp(-x2) - 4 * x2 * x * std::exp(-x2 * x2);
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f, f, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}});
  for (double x : {0.5, -1.25, 2.0})
    ddx_test::check_tangent("g", g_tangent, g, g, dg, {x});
  return ddx_test::finish();
}
