// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
#include <ddx/ddx.h>

double f(double x, int n, bool b, long m) { return b ? x * n : x * m; }

// CHECK: {{.*}}wrt-int.cpp:[[@LINE+1]]:1: error: parameter 'n' has type 'int' and cannot be an independent input; list only floating-point parameters
DDX_TANGENT(f, "x, n");
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+2]]:1: error: parameter 'b' has type 'bool' and cannot be an independent input
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+1]]:1: error: parameter 'm' has type 'long' and cannot be an independent input
DDX_TANGENT_AS(df, f, "b, m");
