// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x) {
  // CHECK: {{.*}}lambda.cpp:[[@LINE+1]]:13: error: a lambda expression is not supported by ddx; move the lambda's body into a function and call it by name
  auto sq = [](double v) { return v * v; };
  return sq(x);
}

double g(double x) {
  // CHECK: {{.*}}lambda.cpp:[[@LINE+1]]:10: error: a lambda expression is not supported by ddx
  return [x] { return x; }();
}
