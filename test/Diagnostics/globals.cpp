// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double scale = 2;

double f(double x) {
  // CHECK: {{.*}}globals.cpp:[[@LINE+1]]:14: error: reading the global variable 'scale' is not supported by ddx; pass its value as a parameter, or make it 'constexpr'
  return x * scale;
}

double g(double x) {
  // CHECK: {{.*}}globals.cpp:[[@LINE+1]]:3: error: assigning to the global variable 'scale' is not supported by ddx; return the value instead
  scale = x;
  return x;
}

double h(double x) {
  // CHECK: {{.*}}globals.cpp:[[@LINE+1]]:17: error: the static local variable 'calls' is not supported by ddx; use an ordinary local variable, or make it 'static constexpr'
  static double calls = 0;
  calls += 1;
  return x * calls;
}
// Uses of the static local are not reported again.
// CHECK-NOT: globals.cpp:[[@LINE-4]]

// Constants are fine.
constexpr double Half = 0.5;
double k(double x) { return x * Half; }
// CHECK: 3 errors generated.
