// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Several requests in one file that share callees: outer's tangent needs
// inner's, which is requested afterwards under its own name; third calls
// both. Every helper derivative must be defined once.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T inner(T x, T y) { return std::sin(x) * y; }
template <class T> T outer(T x, T y) { return inner(x, y) * inner(y, x) + x; }
DDX_TANGENT(outer<double>);
DDX_TANGENT(inner<double>);
template <class T> T third(T x) { return outer(x, x) + inner(x, T(2)); }
DDX_TANGENT(third<double>);

std::array<double, 2> grad_inner(double x, double y) {
  return {std::cos(x) * y, std::sin(x)};
}

std::array<double, 2> grad_outer(double x, double y) {
  double i1 = std::sin(x) * y, i2 = std::sin(y) * x;
  return {std::cos(x) * y * i2 + i1 * std::sin(y) + 1,
          std::sin(x) * i2 + i1 * std::cos(y) * x};
}

int main() {
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}};
  ddx_test::check_tangent("inner", inner_tangent, inner<double>,
                          inner<long double>, grad_inner, P);
  ddx_test::check_tangent("outer", outer_tangent, outer<double>,
                          outer<long double>, grad_outer, P);
  for (double x : {0.5, -1.25, 2.0})
    ddx_test::check_tangent(
        "third", third_tangent, third<double>, third<long double>,
        [](double x) {
          auto g = grad_outer(x, x);
          return g[0] + g[1] + 2 * std::cos(x);
        },
        {x});
  return ddx_test::finish();
}
