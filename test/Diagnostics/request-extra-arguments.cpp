// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
// RUN: not %gxx %cxxflags -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=GXX
//
// A request with more arguments than its form takes is an error under every
// compiler, not a silently ignored argument.
#include <ddx/ddx.h>

double f(double x, double y) { return x * y; }

// The forms themselves are fine.
DDX_GRADIENT(f);
DDX_GRADIENT_AS(f_dx, f, "x");
DDX_ADJOINT_N(f, 2);
DDX_ADJOINT_N_AS(f_vjp, f, 2, "y");

// CHECK: request-extra-arguments.cpp:[[@LINE+1]]:1: error: static assertion failed {{.*}}too many arguments to a ddx request
DDX_TANGENT(f, "x", "y");
// CHECK: request-extra-arguments.cpp:[[@LINE+1]]:1: error: static assertion failed {{.*}}too many arguments to a ddx request
DDX_ADJOINT_N_AS(f_vjp2, f, 2, "x", "y");
// CHECK: request-extra-arguments.cpp:[[@LINE+1]]:1: error: static assertion failed {{.*}}too many arguments to a ddx request
DDX_ADJOINT(f, "x", 3);
// CHECK-NOT: error
// CHECK: 3 errors generated.

// GXX-COUNT-3: error: static assertion failed: too many arguments to a ddx request
// GXX-NOT: error
