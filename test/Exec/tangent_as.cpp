// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// DDX_TANGENT_AS picks the derivative's name: two derivatives of one
// function, a function in a namespace, and two instantiations of a template.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>
#include <type_traits>

double f(double x, double y) { return x * std::exp(y) - y; }
DDX_TANGENT_AS(df, f);
DDX_TANGENT_AS(df_x, f, "x");

namespace geo {
inline double norm(double a, double b) { return std::sqrt(a * a + b * b); }
} // namespace geo
DDX_TANGENT_AS(d_norm, geo::norm);

template <class T> T cube(T v) { return v * v * v; }
DDX_TANGENT_AS(dcube_f, cube<float>);
DDX_TANGENT_AS(dcube_d, cube<double>);

static_assert(std::is_same_v<decltype(&df), ddx::dual<double> (*)(
                                                double, double, double, double)>,
              "df(x, y, d_x, d_y)");
static_assert(std::is_same_v<decltype(&df_x),
                             ddx::dual<double> (*)(double, double, double)>,
              "df_x(x, y, d_x)");
static_assert(std::is_same_v<decltype(&dcube_f),
                             ddx::dual<float> (*)(float, float)>,
              "dcube_f(v, d_v)");
static_assert(std::is_same_v<decltype(&dcube_d),
                             ddx::dual<double> (*)(double, double)>,
              "dcube_d(v, d_v)");

int main() {
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}};
  ddx_test::check_tangent(
      "df", df, f, f,
      [](double x, double y) {
        return std::array<double, 2>{std::exp(y), x * std::exp(y) - 1};
      },
      P);
  for (const auto &p : P) {
    double x = p[0], y = p[1];
    ddx_test::at("df_x", x, y);
    auto r = df_x(x, y, 1);
    ddx_test::expect_value(r.value, f(x, y));
    ddx_test::expect_deriv("d/dx", r.tangent, std::exp(y),
                           ddx_test::fd(f, {x, y}, {1, 0}));
  }
  ddx_test::check_tangent(
      "d_norm", d_norm, geo::norm, geo::norm,
      [](double a, double b) {
        double r = std::sqrt(a * a + b * b);
        return std::array<double, 2>{a / r, b / r};
      },
      P);
  for (double v : {0.5, -1.25, 2.0}) {
    ddx_test::check_tangent("dcube_d", dcube_d, cube<double>,
                            cube<long double>,
                            [](double v) { return 3 * v * v; }, {v});
    ddx_test::check_tangent("dcube_f", dcube_f, cube<float>, cube<long double>,
                            [](double v) { return 3 * v * v; },
                            {static_cast<float>(v)});
  }
  return ddx_test::finish();
}
