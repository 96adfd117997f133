// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s
#include <initializer_list>

double f(double x) {
  // CHECK: {{.*}}loops.cpp:[[@LINE+1]]:3: error: a range-based 'for' loop is not supported by ddx; loop over an integer index
  for (double v : {1.0, 2.0})
    x += v;
  return x;
}

double g(double x, int n) {
  // CHECK: {{.*}}loops.cpp:[[@LINE+1]]:14: error: a variable declared in a loop condition is not supported by ddx; declare the variable before the loop
  while (int k = n--)
    x += k;
  return x;
}
