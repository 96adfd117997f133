// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// switch with default in the middle (falling through into a later case, and
// a default that only breaks), a return inside a case, a switch on an
// expression (k % 4, negative for negative k) and on an int computed from a
// double.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int k) {
  T r = 0;
  switch (k % 4) {
  case 0:
    r = x + y;
    break;
  default:
    r = x * y;
    [[fallthrough]];
  case 2:
    r += x;
    break;
  case 3:
    return y * y;
  }
  return r * x;
}
DDX_TANGENT(f<double>); // f_tangent(x, y, k, d_x, d_y)

template <class T> T g(T x) {
  switch (static_cast<int>(std::floor(x))) {
  case 0:
    return x * x;
  case 1:
    return std::sqrt(x);
  default:
    break;
  case -1:
    return -x;
  }
  return std::exp(x);
}
DDX_TANGENT(g<double>);

using A2 = std::array<double, 2>;

A2 grad_f(double x, double y, int k) {
  switch (k % 4) {
  case 0: // (x + y) x
    return {2 * x + y, x};
  case 2: // x^2
    return {2 * x, 0};
  case 3: // y^2
    return {0, 2 * y};
  default: // (x y + x) x
    return {2 * x * y + 2 * x, x * x};
  }
}

double dg(double x) {
  if (x >= 0 && x < 1)
    return 2 * x;
  if (x >= 1 && x < 2)
    return 0.5 / std::sqrt(x);
  if (x >= -1 && x < 0)
    return -1;
  return std::exp(x);
}

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (int k : {0, 1, 2, 3, 5, 6, 7, -1, -2, -3, -4})
    for (const auto &p : P)
      ddx_test::check_tangent(
          "f",
          [k](double x, double y, double dx, double dy) {
            return f_tangent(x, y, k, dx, dy);
          },
          [k](auto x, auto y) { return f(x, y, k); },
          [k](auto x, auto y) { return f(x, y, k); },
          [k](double x, double y) { return grad_f(x, y, k); }, {p[0], p[1]});
  for (double x : {0.5, 1.5, -0.5, 2.5, -3.2})
    ddx_test::check_tangent("g", g_tangent, g<double>, g<long double>, dg,
                            {x});
  return ddx_test::finish();
}
