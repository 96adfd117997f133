// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Reference parameters keep their C++ form in every derivative's signature
// (callers pass what they pass to the function); their derivative parameters
// are pointers. Checked against the analytic derivatives of polar
// coordinates and of the Euclidean norm.
#include "ddx_test.h"
#include <ddx/ddx.h>
#include <cmath>
#include <type_traits>

void polar(const double &r, double theta, double &x, double &y) {
  x = r * std::cos(theta);
  y = r * std::sin(theta);
}
DDX_TANGENT(polar);
DDX_ADJOINT(polar);

double norm3(const double (&v)[3]) {
  return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}
DDX_GRADIENT(norm3);

// The signatures, exactly.
static_assert(std::is_same_v<decltype(&polar_tangent),
                             void (*)(const double &, double, double &,
                                      double &, double, double, double *,
                                      double *)>);
static_assert(std::is_same_v<decltype(&polar_adjoint),
                             void (*)(const double &, double, double &,
                                      double &, double *, double *, double *,
                                      double *)>);
static_assert(std::is_same_v<decltype(&norm3_grad),
                             double (*)(const double (&)[3], double *)>);

int main() {
  auto expect_close = [](const char *What, double Got, double Expected) {
    ddx_test::expect_analytic(What, Got, Expected, 1.0);
  };
  for (double r : {0.5, 2.0}) {
    for (double t : {-1.2, 0.3, 2.5}) {
      ddx_test::at("polar", r, t);
      double x, y, dx = 0, dy = 0;
      polar_tangent(r, t, x, y, 0.7, -0.4, &dx, &dy);
      expect_close("polar x", x, r * std::cos(t));
      expect_close("polar y", y, r * std::sin(t));
      expect_close("polar dx", dx, 0.7 * std::cos(t) + 0.4 * r * std::sin(t));
      expect_close("polar dy", dy, 0.7 * std::sin(t) - 0.4 * r * std::cos(t));
      // Adjoint with seeds (1.5, -0.5) on (x, y): the transposed Jacobian.
      double rb = 0, tb = 0, xb = 1.5, yb = -0.5;
      polar_adjoint(r, t, x, y, &rb, &tb, &xb, &yb);
      expect_close("polar r-bar", rb, 1.5 * std::cos(t) - 0.5 * std::sin(t));
      expect_close("polar theta-bar", tb,
                   -1.5 * r * std::sin(t) - 0.5 * r * std::cos(t));
    }
  }
  ddx_test::at("norm3", 1.0, -2.0, 2.0);
  double v[3] = {1.0, -2.0, 2.0}, g[3] = {0, 0, 0};
  double n = norm3_grad(v, g);
  expect_close("norm", n, 3.0);
  for (int i = 0; i < 3; ++i)
    expect_close("norm gradient", g[i], v[i] / 3.0);
  return ddx_test::finish();
}
