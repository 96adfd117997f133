// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
// RUN: not %clangxx -fsyntax-only %cxxflags %plugin %s 2>&1 | FileCheck %s
//
// What reverse mode does not do yet is an error that says so, at the
// construct that causes it, with a note at the request: never a crash or a
// wrong gradient.
#include <ddx/ddx.h>

double walk(const double *x, int n) {
  double s = 0;
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:15: error: cannot generate 'walk_grad': a pointer that is advanced inside a loop is not supported in reverse mode yet; index the array instead (p[i])
    s += *p * *p;
    ++p;
  }
  return s;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'walk' requested here
DDX_GRADIENT(walk);

void twice(const double *a, double *out) { out[0] = 2 * a[0]; }
double useTwice(const double *a) {
  double t[1];
  // CHECK: reverse-limits.cpp:[[@LINE+1]]:3: error: cannot generate 'useTwice_grad': passing writable memory to 'twice' is not supported in reverse mode yet; write the results in the caller, or make the helper return them
  twice(a, t);
  return t[0] * a[0];
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'useTwice' requested here
DDX_GRADIENT(useTwice);

double perRow(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:12: error: cannot generate 'perRow_adjoint': a local array declared inside a loop or branch is not supported in reverse mode yet; declare it at function level
    double row[2];
    row[0] = a[i];
    row[1] = a[i] * a[i];
    s += row[0] * row[1];
  }
  return s;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'perRow' requested here
DDX_ADJOINT(perRow);

// The construct may be in a callee: the error points there, the note at the
// request of the function that calls it.
double inner(const double *x, int n) {
  double s = 0;
  const double *q = x;
  for (int i = 0; i < n; ++i, ++q)
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:15: error: cannot generate 'outer_grad': a pointer that is advanced inside a loop
    s += *q * *q;
  return s;
}
double outer(const double *x, int n) { return 2 * inner(x, n); }
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'outer' requested here
DDX_GRADIENT(outer);
