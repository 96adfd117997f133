// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s
#include <algorithm>
#include <cmath>

double f(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling 'std::max<double>' is not supported by ddx; use std::fmax or std::fmin on floating-point values
  return std::max(x, 1.0);
}

double g(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling the library function 'fma' is not supported by ddx; only <cmath> functions such as std::sin and std::exp can be called; otherwise call a function defined in this file
  return std::fma(x, x, 1.0);
}

double h(double x) {
  // CHECK: {{.*}}library-calls.cpp:[[@LINE+1]]:10: error: calling the library function 'std::isnan' is not supported by ddx
  return std::isnan(x) ? 0.0 : x;
}
