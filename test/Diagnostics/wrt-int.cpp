// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s --implicit-check-not=error:
#include <ddx/ddx.h>

double f(double x, int n, bool b, long m) { return b ? x * n : x * m; }

// CHECK: {{.*}}wrt-int.cpp:[[@LINE+1]]:1: error: parameter 'n' has type 'int' and cannot be an independent input; list only floating-point parameters (or pointers, arrays and references to floating-point data)
DDX_TANGENT(f, "x, n");
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+2]]:1: error: parameter 'b' has type 'bool' and cannot be an independent input
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+1]]:1: error: parameter 'm' has type 'long' and cannot be an independent input
DDX_TANGENT_AS(df, f, "b, m");

// Pointers, arrays and references to floating-point data may be listed;
// to integers, not.
double g(const double *x, const int *idx, double y[], double &r,
         const float (&a)[2], int (&counts)[2], long &total) {
  r = x[idx[0]] * y[0] + a[1];
  counts[0] += 1;
  total += 1;
  return r;
}
DDX_TANGENT_AS(dg, g, "x, y, r, a");
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+3]]:1: error: parameter 'idx' has type 'const int *' and cannot be an independent input
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+2]]:1: error: parameter 'counts' has type 'int (&)[2]' and cannot be an independent input
// CHECK: {{.*}}wrt-int.cpp:[[@LINE+1]]:1: error: parameter 'total' has type 'long &' and cannot be an independent input
DDX_TANGENT_AS(dg2, g, "idx, counts, total");
