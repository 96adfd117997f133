// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// switch with fall-through: the derivative must follow the fall-through
// exactly (case 0 runs the code of cases 0, 1 and 2; case 4 that of 4, 5
// and default). Every label is taken.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int mode) {
  T r = x;
  switch (mode) {
  case 0:
    r *= y;
    [[fallthrough]];
  case 1:
    r += 3 * x;
    [[fallthrough]];
  case 2:
    r = r * y;
    break;
  case 3:
    r = std::sin(r * y);
    break;
  case 4:
  case 5:
    r = -r;
    [[fallthrough]];
  default:
    r += x * y * y;
  }
  return r;
}
DDX_TANGENT(f<double>); // f_tangent(x, y, mode, d_x, d_y)

using A2 = std::array<double, 2>;

A2 grad_f(double x, double y, int mode) {
  switch (mode) {
  case 0: // x y^2 + 3 x y
    return {y * y + 3 * y, 2 * x * y + 3 * x};
  case 1: // 4 x y
    return {4 * y, 4 * x};
  case 2: // x y
    return {y, x};
  case 3: // sin(x y)
    return {std::cos(x * y) * y, std::cos(x * y) * x};
  case 4:
  case 5: // -x + x y^2
    return {-1 + y * y, 2 * x * y};
  default: // x + x y^2
    return {1 + y * y, 2 * x * y};
  }
}

int main() {
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (int mode = -1; mode <= 7; ++mode)
    for (const auto &p : P)
      ddx_test::check_tangent(
          "f",
          [mode](double x, double y, double dx, double dy) {
            return f_tangent(x, y, mode, dx, dy);
          },
          [mode](auto x, auto y) { return f(x, y, mode); },
          [mode](auto x, auto y) { return f(x, y, mode); },
          [mode](double x, double y) { return grad_f(x, y, mode); },
          {p[0], p[1]});
  return ddx_test::finish();
}
