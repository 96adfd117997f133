// Diagnostics read the same under the plugin and `ddx gen`: both run the
// same generator inside one Clang compile.
// RUN: not %clangxx -fsyntax-only %cxxflags %plugin %s 2> %t.plugin
// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2> %t.gen
// RUN: FileCheck %s < %t.plugin
// RUN: diff %t.plugin %t.gen
// RUN: test ! -e %t.cpp
#include <ddx/ddx.h>
#include "Inputs/request-in-header.h"
// CHECK: request-in-header.h:2:1: error: ddx generates derivatives only for requests in the file being compiled; move the request from this header into a source file

double jumpy(double x) {
  if (x > 0)
    goto out;
  x = -x;
out:
  return x;
}
// CHECK: diagnostics.cpp:[[@LINE-5]]:5: error: 'goto' is not supported by ddx
// CHECK: diagnostics.cpp:[[@LINE+1]]:1: note: while differentiating 'jumpy' requested here
DDX_GRADIENT(jumpy);

double later(double x);
double uses_later(double x) { return later(x) + 1; }
// CHECK: diagnostics.cpp:[[@LINE-1]]:38: error: call to 'later' has no visible definition; define it in this file, before the request
DDX_TANGENT(uses_later);
double later(double x) { return x * x; }

struct Holder {
  static double twice(double x) { return 2 * x; }
  // CHECK: diagnostics.cpp:[[@LINE+1]]:3: error: a ddx request must be at namespace scope; move it out of the class or function
  DDX_TANGENT(later);
};

void local() {
  // CHECK: diagnostics.cpp:[[@LINE+1]]:3: error: a ddx request must be at namespace scope
  DDX_TANGENT(later);
}

// A malformed request: its derivative is not built either.
double twice(double x) { return 2 * x; }
// CHECK: diagnostics.cpp:[[@LINE+1]]:1: error: 'y' is not a parameter of 'twice'; its parameters are: x
DDX_GRADIENT(twice, "y");

// A derivative whose generation failed, or whose request is malformed, is
// not declared; its uses are not reported again (the errors above say why),
// other errors are.
double call_it() {
  return jumpy_grad(1.0, nullptr) + uses_later_tangent(1.0, 1.0).value +
         twice_grad(1.0, nullptr);
}
// CHECK-NOT: undeclared identifier 'jumpy_grad'
// CHECK-NOT: undeclared identifier 'uses_later_tangent'
// CHECK-NOT: undeclared identifier 'twice_grad'
double other() { return not_a_derivative(1.0); }
// CHECK: diagnostics.cpp:[[@LINE-1]]:25: error: use of undeclared identifier 'not_a_derivative'

// A request written out by hand has no pragma after it (reported at the end of
// the translation unit).
// CHECK: diagnostics.cpp:[[@LINE+1]]:1: error: this request was written without the macros from <ddx/ddx.h>, so ddx cannot place the derivative here; use DDX_TANGENT, DDX_GRADIENT or DDX_ADJOINT
[[maybe_unused, clang::annotate("ddx.request", "tangent", "", "")]] static constexpr auto by_hand = &later;

