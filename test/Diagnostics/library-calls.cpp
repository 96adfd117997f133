// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s
#include <algorithm>
#include <cmath>

// std::max(a, b) and std::min(a, b) are supported; with a comparator or an
// initializer list they are not.
static bool greater(double a, double b) { return a > b; }
double f(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling 'std::max<double, bool (*)(double, double)>' is not supported by ddx; call std::max or std::min with two values of the same arithmetic type, or use std::fmax or std::fmin
  return std::max(x, 1.0, greater);
}
double f2(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling 'std::min<double>' is not supported by ddx
  return std::min({x, 1.0, 2.0});
}

double g(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling the library function 'fma' is not supported by ddx; only <cmath> functions such as std::sin and std::exp can be called; otherwise call a function defined in this file
  return std::fma(x, x, 1.0);
}

double h(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling the library function 'std::isnan' is not supported by ddx
  return std::isnan(x) ? 0.0 : x;
}
