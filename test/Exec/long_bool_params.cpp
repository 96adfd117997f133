// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// long and bool parameters and locals: long arithmetic, a bool parameter
// selecting a branch, a bool from a comparison combined with &&, a bool
// converted to double, a long narrowed to int.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <type_traits>

template <class T> T f(T x, long n, bool flip, T y) {
  long m = n * n - 3;
  T r = x * m;
  bool big = m > 10;
  if (flip)
    r = -r;
  if (big && !flip)
    r += y * y;
  r += (x > 0) * y;
  int k = static_cast<int>(n % 4);
  return r + k * y;
}
DDX_TANGENT(f<double>);
static_assert(std::is_same_v<decltype(&f_tangent),
                             ddx::dual<double> (*)(double, long, bool, double,
                                                   double, double)>,
              "f_tangent(x, n, flip, y, d_x, d_y)");

int main() {
  const double P[][2] = {{1.5, -2.0}, {-0.3, 0.7}, {-2.5, 3.25}};
  for (long n : {1L, 4L, -5L})
    for (bool flip : {false, true})
      for (const auto &p : P)
        ddx_test::check_tangent(
            "f",
            [n, flip](double x, double y, double dx, double dy) {
              return f_tangent(x, n, flip, y, dx, dy);
            },
            [n, flip](auto x, auto y) { return f(x, n, flip, y); },
            [n, flip](auto x, auto y) { return f(x, n, flip, y); },
            [n, flip](double x, double y) {
              long m = n * n - 3;
              double dy = (m > 10 && !flip ? 2 * y : 0) + (x > 0 ? 1 : 0) +
                          static_cast<int>(n % 4);
              return std::array<double, 2>{static_cast<double>(flip ? -m : m), dy};
            },
            {p[0], p[1]});
  return ddx_test::finish();
}
