// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:18: error: parameter 'p' has type 'double *', which is not supported by ddx; pointers and arrays are not supported yet; use scalar values
double f(double *p) { return *p; }
// The parameter's uses are not reported again.
// CHECK-NOT: pointers.cpp:[[@LINE-2]]:{{.*}}error

bool g(double x, double y) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:10: error: taking the address of 'x' is not supported by ddx; pointers are not supported yet; pass and return values instead
  return &x < &y;
}

double g2(double x) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:10: error: dereferencing a pointer is not supported by ddx; pointers are not supported yet; pass and return values instead
  return *&x;
}

double h(double x, int n) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:10: error: variable 'a' has type 'double[3]', which is not supported by ddx; pointers and arrays are not supported yet; use scalar values
  double a[3] = {x, x, x};
  return a[n];
}

// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:20: error: parameter 'r' has type 'double &', which is not supported by ddx; references are not supported yet; pass and return values
void byref(double &r) { r = 2; }
