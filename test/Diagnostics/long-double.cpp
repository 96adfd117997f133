// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s
#include <cmath>

// CHECK: {{.*}}long-double.cpp:[[@LINE+2]]:27: error: parameter 'x' has type 'long double', which is not supported by ddx; use double
// CHECK: {{.*}}long-double.cpp:[[@LINE+1]]:1: error: the return value of 'f' has type 'long double', which is not supported by ddx; use double
long double f(long double x) { return x; }

double g(double x) {
  // CHECK: {{.*}}long-double.cpp:[[@LINE+1]]:10: error: the long double function 'std::sin' is not supported by ddx; call the double or float overload
  return std::sin((long double)x);
}

double h(double x) {
  // CHECK: {{.*}}long-double.cpp:[[@LINE+1]]:10: error: the long double function 'expl' is not supported by ddx; call the double or float overload
  return expl(x);
}

double k(double x) {
  // CHECK: {{.*}}long-double.cpp:[[@LINE+1]]:12: error: this expression has type 'long double', which is not supported by ddx; use double
  return x * 2.0L;
}
