// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// std::floor, std::ceil, std::round, std::trunc (double): derivative zero,
// value used as a factor. Points keep the arguments away from integers and
// half-integers.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_floor(T x, T y) { return std::floor(x * y) * y; }
DDX_TANGENT(f_floor<double>);
template <class T> T f_ceil(T x, T y) { return std::ceil(x - y) * x; }
DDX_TANGENT(f_ceil<double>);
template <class T> T f_round(T x, T y) { return std::round(x * y) * x; }
DDX_TANGENT(f_round<double>);
template <class T> T f_trunc(T x, T y) { return std::trunc(x / y) * y; }
DDX_TANGENT(f_trunc<double>);
template <class T> T f_alone(T x, T y) {
  return std::floor(x) + std::ceil(y) + std::round(x + y) + std::trunc(x * y);
}
DDX_TANGENT(f_alone<double>);

int main() {
  const double P[][2] = {{0.55, 1.2}, {-1.3, 2.1}, {2.1, -0.65}, {-2.3, -1.7}};
  ddx_test::check_tangent(
      "f_floor", f_floor_tangent, f_floor<double>, f_floor<long double>,
      [](double x, double y) { return A2{0, std::floor(x * y)}; }, P);
  ddx_test::check_tangent(
      "f_ceil", f_ceil_tangent, f_ceil<double>, f_ceil<long double>,
      [](double x, double y) { return A2{std::ceil(x - y), 0}; }, P);
  ddx_test::check_tangent(
      "f_round", f_round_tangent, f_round<double>, f_round<long double>,
      [](double x, double y) { return A2{std::round(x * y), 0}; }, P);
  ddx_test::check_tangent(
      "f_trunc", f_trunc_tangent, f_trunc<double>, f_trunc<long double>,
      [](double x, double y) { return A2{0, std::trunc(x / y)}; }, P);
  ddx_test::check_tangent(
      "f_alone", f_alone_tangent, f_alone<double>, f_alone<long double>,
      [](double, double) { return A2{0, 0}; }, P);
  return ddx_test::finish();
}
