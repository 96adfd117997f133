// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
// RUN: not %clangxx -fsyntax-only %cxxflags %plugin %s 2>&1 | FileCheck %s
//
// What reverse mode does not do yet is an error that says so, at the
// construct that causes it, with a note at the request: never a crash or a
// wrong gradient.
#include <ddx/ddx.h>

// A pointer a loop advances by a fixed step is an index in disguise; one
// advanced by a step that changes is not.
double walk(const double *x, int n) {
  double s = 0;
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:13: error: cannot generate 'walk_grad': a pointer that is advanced inside a loop by a step that changes is not supported in reverse mode yet; index the array instead (p[i])
    s += *p * *p;
    p += i;
  }
  return s;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'walk' requested here
DDX_GRADIENT(walk);

// Helpers that write through pointers are inlined in reverse mode; a
// recursive one cannot be.
void squares(const double *a, double *out, int n) {
  if (n > 0) {
    out[0] = a[0] * a[0];
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:5: error: cannot generate 'useSquares_grad': a recursive call that writes through a pointer ('squares') is not supported in reverse mode yet; make the recursion a loop, or return the results
    squares(a + 1, out + 1, n - 1);
  }
}
double useSquares(const double *a) {
  double t[3];
  squares(a, t, 3);
  return t[0] * t[2];
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'useSquares' requested here
DDX_GRADIENT(useSquares);

// Only passed to a helper, such a pointer is needed in the reverse sweep to
// call the helper's adjoint.
double first(const double *p) { return p[0] * p[0]; }
double hops(const double *x, int n) {
  double s = 0;
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:10: error: cannot generate 'hops_grad': a pointer that is advanced inside a loop by a step that changes
    s += first(p);
    p += i;
  }
  return s;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'hops' requested here
DDX_GRADIENT(hops);

// Shadow memory follows the array a pointer is derived from; a pointer
// chosen at run time has no single one.
double sq(const double *p) { return p[0] * p[0]; }
double pick(const double *a, const double *b, double t) {
  // CHECK: reverse-limits.cpp:[[@LINE+1]]:21: error: cannot generate 'pick_grad': a pointer chosen at run time (c ? a : b, or assigned in a branch) is not supported in reverse mode yet; index each array directly
  const double *p = t > 0 ? a : b;
  return sq(p) * t;
}
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'pick' requested here
DDX_GRADIENT(pick);

// The construct may be in a callee: the error points there, the note at the
// request of the function that calls it.
double inner(const double *x, int n) {
  double s = 0;
  const double *q = x;
  for (int i = 0; i < n; ++i, q += i)
    // CHECK: reverse-limits.cpp:[[@LINE+1]]:13: error: cannot generate 'outer_grad': a pointer that is advanced inside a loop
    s += *q * *q;
  return s;
}
double outer(const double *x, int n) { return 2 * inner(x, n); }
// CHECK: reverse-limits.cpp:[[@LINE+1]]:1: note: while differentiating 'outer' requested here
DDX_GRADIENT(outer);
