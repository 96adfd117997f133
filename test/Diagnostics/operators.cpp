// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x, int n) {
  // CHECK: {{.*}}operators.cpp:[[@LINE+1]]:17: error: the bitwise operator '&' is not supported by ddx; use arithmetic and comparison operators
  return x * (n & 1);
}

int g(int n) {
  // CHECK: {{.*}}operators.cpp:[[@LINE+1]]:5: error: the bitwise operator '<<=' is not supported by ddx
  n <<= 2;
  // CHECK: {{.*}}operators.cpp:[[@LINE+1]]:10: error: the bitwise operator '~' is not supported by ddx
  return ~n;
}

double h(double x, double y) {
  // CHECK: {{.*}}operators.cpp:[[@LINE+1]]:4: error: assigning to a conditional expression is not supported by ddx; assign in an if/else statement instead
  (x > y ? x : y) = 0;
  return x + y;
}
