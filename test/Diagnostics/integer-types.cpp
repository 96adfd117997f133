// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

// CHECK: {{.*}}integer-types.cpp:[[@LINE+1]]:29: error: parameter 'u' has type 'unsigned int', which is not supported by ddx; unsigned integers are not supported; use int or long
double f(double x, unsigned u) { return x * u; }

double g(double x) {
  // CHECK: {{.*}}integer-types.cpp:[[@LINE+1]]:8: error: variable 'c' has type 'char', which is not supported by ddx; use int or long
  char c = 2;
  // CHECK: {{.*}}integer-types.cpp:[[@LINE+1]]:9: error: variable 's' has type 'short', which is not supported by ddx; use int or long
  short s = 3;
  return x * c * s;
}

enum Mode { A, B };
// CHECK: {{.*}}integer-types.cpp:[[@LINE+1]]:25: error: parameter 'm' has type 'Mode', which is not supported by ddx; enumerations are not supported; use int
double h(double x, Mode m) { return m == A ? x : -x; }

// Constants of other integer types are fine: they fold.
double k(double x) { return x * 2u + sizeof(double); }
// CHECK-NOT: integer-types.cpp:[[@LINE-1]]
