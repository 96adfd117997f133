// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

struct P {
  double v;
  double get() const { return v; }
};

// CHECK: {{.*}}classes.cpp:[[@LINE+1]]:22: error: parameter 'p' has type 'P', which is not supported by ddx; classes and structs are not supported yet; pass their fields as scalar parameters
double f(double x, P p) { return x * p.get(); }

double g(double x) {
  // CHECK: {{.*}}classes.cpp:[[@LINE+1]]:5: error: variable 'q' has type 'P', which is not supported by ddx; classes and structs
  P q{x};
  return q.v;
}

double h(double x) {
  // CHECK: {{.*}}classes.cpp:[[@LINE+1]]:8: error: a structured binding declaration is not supported by ddx; classes and structs
  auto [v] = P{x};
  return v;
}
