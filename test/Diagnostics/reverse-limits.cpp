// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
//
// What reverse mode does not do yet is an error that says so, at the
// request, with the line of the construct: never a crash or a wrong
// gradient.
#include <ddx/ddx.h>

double walk(const double *x, int n) {
  double s = 0;
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    s += *p * *p;
    ++p;
  }
  return s;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: error: cannot generate 'walk_grad': line {{[0-9]+}}: a pointer that is advanced inside a loop is not supported in reverse mode yet; index the array instead (p[i])
DDX_GRADIENT(walk);

void twice(const double *a, double *out) { out[0] = 2 * a[0]; }
double useTwice(const double *a) {
  double t[1];
  twice(a, t);
  return t[0] * a[0];
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: error: cannot generate 'useTwice_grad': line {{[0-9]+}}: passing writable memory to 'twice' is not supported in reverse mode yet
DDX_GRADIENT(useTwice);
