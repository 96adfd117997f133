// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x) {
// CHECK: {{.*}}goto.cpp:[[@LINE+1]]:1: error: the label 'again' is not supported by ddx; restructure the code with loops, 'break', 'continue' and 'return'
again:
  x = x * 2;
  if (x < 10)
    // CHECK: {{.*}}goto.cpp:[[@LINE+1]]:5: error: 'goto' is not supported by ddx; restructure the code with loops, 'break', 'continue' and 'return'
    goto again;
  return x;
}
// CHECK: {{.*}}goto.cpp:3:8: note: while lowering 'f' to ddx IR
