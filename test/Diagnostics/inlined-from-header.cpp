// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
// RUN: not %clangxx -fsyntax-only %cxxflags %plugin %s 2>&1 | FileCheck %s
//
// An error in code that reverse mode inlined from a header points into the
// header, at the construct, not at the same line and column of the caller's
// file.
#include <ddx/ddx.h>
#include "Inputs/hops-writer.h"

double f(const double *x, int n) {
  double t[8];
  hops(x, t, n);
  return t[0] + t[1];
}
// CHECK: hops-writer.h:6:19: error: cannot generate 'f_grad': a pointer that is advanced inside a loop by a step that changes
// CHECK: inlined-from-header.cpp:[[@LINE+1]]:1: note: while differentiating 'f' requested here
DDX_GRADIENT(f);
