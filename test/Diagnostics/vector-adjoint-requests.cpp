// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not="Stack dump"
// RUN: not %clangxx -fsyntax-only %cxxflags %plugin %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not="Stack dump"
// RUN: test ! -e %t.cpp
//
// DDX_ADJOINT_N(f, N [, "wrt"]) needs a lane count N from 1 to 64, an
// integer constant: a missing, out-of-range or non-integer count is an
// error at the request, never a crash. A count that is not a constant
// expression is rejected by Clang itself (the annotation's arguments must
// be constants), at the argument.
#include <ddx/ddx.h>

double f(double x, double y) { return x * y; }

constexpr int kLanes = 3;

// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64 as its second argument, as in DDX_ADJOINT_N(f, 2)
DDX_ADJOINT_N(f);
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N(f, 0);
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N(f, 65);
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N(f, -1);
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N(f, 2.5);
// The wrt list where the count belongs.
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N(f, "x");
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N_AS(g0, f, 0, "x");
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N_AS(g65, f, 65);
// 2^32 + 2 is not 2 (the count is not truncated), 'A' is 65.
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N_AS(gbig, f, 4294967298LL);
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: DDX_ADJOINT_N needs a number of lanes from 1 to 64
DDX_ADJOINT_N_AS(gchar, f, 'A');

// With a valid count, the third argument is the wrt list.
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+1]]:1: error: 'z' is not a parameter of 'f'; its parameters are: x, y
DDX_ADJOINT_N(f, 2, "z");

// Not a constant: Clang rejects the annotation at the argument, and ddx
// adds nothing (the request has lost its annotation, but Clang said why).
int lanes = 2;
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+5]]:18: error: 'annotate' attribute requires parameter 4 to be a constant expression
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE+4]]:18: note: read of non-const variable 'lanes' is not allowed in a constant expression
// CHECK: {{.*}}vector-adjoint-requests.cpp:[[@LINE-3]]:5: note: declared here
// CHECK-NOT: '#pragma ddx request' must follow a request
// CHECK-NOT: DDX_ADJOINT_N needs
DDX_ADJOINT_N(f, lanes);

// The bounds, and a constexpr count, are fine (no error).
DDX_ADJOINT_N_AS(g1, f, 1);
DDX_ADJOINT_N_AS(g64, f, 64);
DDX_ADJOINT_N_AS(g3, f, kLanes, "y");

// CHECK: 12 errors generated.
