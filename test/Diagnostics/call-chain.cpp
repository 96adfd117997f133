// RUN: not %ddx gen %s -- %cxxflags 2>&1 | FileCheck %s
#include <ddx/ddx.h>

double inner(double x) {
  // CHECK: {{.*}}call-chain.cpp:[[@LINE+1]]:3: error: 'goto' is not supported by ddx
  goto done;
done:
  return x;
}
double middle(double x) { return inner(x) * 2; }
double outer(double x) { return middle(x) + 1; }
// CHECK: {{.*}}call-chain.cpp:[[@LINE-2]]:34: note: while lowering 'inner', called from 'middle' here
// CHECK: {{.*}}call-chain.cpp:[[@LINE-2]]:33: note: while lowering 'middle', called from 'outer' here
// CHECK: {{.*}}call-chain.cpp:[[@LINE+1]]:1: note: while differentiating 'outer' requested here
DDX_TANGENT(outer);

// A second request that needs the same function fails too, and says why.
double other(double x) { return inner(x); }
// CHECK: {{.*}}call-chain.cpp:[[@LINE-1]]:33: error: call to 'inner', which ddx could not lower (see the errors reported for it above)
// CHECK: {{.*}}call-chain.cpp:[[@LINE+1]]:1: note: while differentiating 'other' requested here
DDX_TANGENT(other);
