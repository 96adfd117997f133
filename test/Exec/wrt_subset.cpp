// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// wrt subsets: only the named parameters get d_ parameters, in primal
// parameter order whatever the order in the string; int parameters never do.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <cmath>
#include <type_traits>

double f(double x, double y, double z) { return x * y * z + std::sin(y) * z; }
DDX_TANGENT(f, "y");             // f_tangent(x, y, z, d_y)
DDX_TANGENT_AS(f_zx, f, "z, x"); // f_zx(x, y, z, d_x, d_z)

double g(double x, int n, double y) { return std::pow(x, n) * y; }
DDX_TANGENT(g, "x");      // g_tangent(x, n, y, d_x)
DDX_TANGENT_AS(g_all, g); // g_all(x, n, y, d_x, d_y)

template <class T> T h(T a, T b) { return a / b; }
DDX_TANGENT(h<double>, "b"); // h_tangent(a, b, d_b)

using D = ddx::dual<double>;
static_assert(std::is_same_v<decltype(&f_tangent),
                             D (*)(double, double, double, double)>,
              "f_tangent(x, y, z, d_y)");
static_assert(std::is_same_v<decltype(&f_zx),
                             D (*)(double, double, double, double, double)>,
              "f_zx(x, y, z, d_x, d_z)");
static_assert(std::is_same_v<decltype(&g_tangent),
                             D (*)(double, int, double, double)>,
              "g_tangent(x, n, y, d_x)");
static_assert(std::is_same_v<decltype(&g_all),
                             D (*)(double, int, double, double, double)>,
              "g_all(x, n, y, d_x, d_y)");
static_assert(std::is_same_v<decltype(&h_tangent),
                             D (*)(double, double, double)>,
              "h_tangent(a, b, d_b)");

int main() {
  const double P[][3] = {{0.5, 1.2, -0.3}, {-1.3, 2.1, 0.8}, {2.0, -0.7, 1.5}};
  for (const auto &p : P) {
    double x = p[0], y = p[1], z = p[2];
    ddx_test::at("f_tangent", x, y, z);
    auto ry = f_tangent(x, y, z, 1);
    ddx_test::expect_value(ry.value, f(x, y, z));
    ddx_test::expect_deriv("d/dy", ry.tangent, x * z + std::cos(y) * z,
                           ddx_test::fd(f, {x, y, z}, {0, 1, 0}));

    ddx_test::at("f_zx", x, y, z);
    auto rx = f_zx(x, y, z, 1, 0), rz = f_zx(x, y, z, 0, 1);
    ddx_test::expect_value(rx.value, f(x, y, z));
    ddx_test::expect_deriv("d/dx", rx.tangent, y * z,
                           ddx_test::fd(f, {x, y, z}, {1, 0, 0}));
    ddx_test::expect_deriv("d/dz", rz.tangent, x * y + std::sin(y),
                           ddx_test::fd(f, {x, y, z}, {0, 0, 1}));

    ddx_test::at("h_tangent", x, y);
    auto rb = h_tangent(x, y, 1);
    ddx_test::expect_value(rb.value, h(x, y));
    ddx_test::expect_deriv("d/db", rb.tangent, -x / (y * y),
                           ddx_test::fd(h<long double>, {x, y}, {0, 1}));
  }
  for (int n : {0, 1, 3, -2}) {
    for (double x : {0.5, 1.3, 2.0}) {
      double y = 1.7;
      auto gn = [n](auto x, auto y) { return g(x, n, y); };
      ddx_test::at("g_tangent", x, n, y);
      auto r = g_tangent(x, n, y, 1);
      ddx_test::expect_value(r.value, g(x, n, y));
      ddx_test::expect_deriv("d/dx", r.tangent, n * std::pow(x, n - 1) * y,
                             ddx_test::fd(gn, {x, y}, {1, 0}));
      ddx_test::at("g_all", x, n, y);
      auto ax = g_all(x, n, y, 1, 0), ay = g_all(x, n, y, 0, 1);
      ddx_test::expect_value(ax.value, g(x, n, y));
      ddx_test::expect_deriv("d/dx", ax.tangent, n * std::pow(x, n - 1) * y,
                             ddx_test::fd(gn, {x, y}, {1, 0}));
      ddx_test::expect_deriv("d/dy", ay.tangent, std::pow(x, n),
                             ddx_test::fd(gn, {x, y}, {0, 1}));
    }
  }
  return ddx_test::finish();
}
