// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A switch inside a loop: `break` leaves the switch, not the loop;
// `continue` inside the switch goes to the next iteration and skips the
// code after the switch.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  T s = 0;
  for (int i = 0; i < 6; ++i) {
    switch (i % 3) {
    case 0:
      s += x;
      break;
    case 1:
      s *= y;
      continue;
    default:
      s -= x * 0.25;
    }
    s += 0.5;
  }
  return s; // (x + 1/2) y^2 + 3/4 x y + y - x / 4 + 1/2
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  return {y * y + 0.75 * y - 0.25, 2 * (x + 0.5) * y + 0.75 * x + 1};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}});
  return ddx_test::finish();
}
