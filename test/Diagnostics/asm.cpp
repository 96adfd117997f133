// RUN: not %ddx ir %s -- %cxxflags 2>&1 | FileCheck %s

double f(double x) {
  // CHECK: {{.*}}asm.cpp:[[@LINE+1]]:3: error: inline assembly is not supported by ddx; write the computation in C++
  asm volatile("" ::: "memory");
  return x;
}
