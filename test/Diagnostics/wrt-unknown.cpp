// RUN: rm -f %t.cpp
// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
// RUN: not test -e %t.cpp
#include <ddx/ddx.h>

double f(double x, double y, int n) { return x * y * n; }

// CHECK: {{.*}}wrt-unknown.cpp:[[@LINE+1]]:1: error: 'z' is not a parameter of 'f'; its parameters are: x, y, n
DDX_TANGENT(f, "x, z");
