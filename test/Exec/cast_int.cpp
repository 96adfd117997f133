// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Casts double -> int -> double: the derivative through the int is zero.
// C-style, static_cast, functional and implicit conversions.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T f(T x, T y) {
  int i = (int)x;
  T a = static_cast<T>(i);
  long j = static_cast<long>(y * 2);
  T b = T(j) + x * y;
  int k = x;
  T c = (T)(int)(x * x) + x;
  return a * y + b + k * x + c; // i y + j + x y + k x + int(x^2) + x
}
DDX_TANGENT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  int i = (int)x;
  return {y + i + 1, i + x};
}

int main() {
  // Away from integers (x, 2 y and x^2 are not near one).
  const double P[][2] = {
      {2.3, 1.7}, {-1.6, -0.8}, {0.4, 2.2}, {3.7, -2.9}};
  for (const auto &p : P)
    ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                            {p[0], p[1]});
  return ddx_test::finish();
}
