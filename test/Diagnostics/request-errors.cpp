// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags 2>&1 | FileCheck %s
#include <ddx/ddx.h>

double f(double x, double y) { return x * y; }

// CHECK: {{.*}}request-errors.cpp:[[@LINE+1]]:1: error: parameter 'x' is listed twice as an independent input
DDX_TANGENT(f, "x, x");
// CHECK: {{.*}}request-errors.cpp:[[@LINE+1]]:1: error: the list of independent inputs "x,,y" has an empty entry; separate parameter names with single commas
DDX_TANGENT_AS(df2, f, "x,,y");

struct S {
  static double g(double x) { return x; }
};
// CHECK: {{.*}}request-errors.cpp:[[@LINE+1]]:1: error: the member function 'S::g' is not supported by ddx; make it a free function that takes the object's fields as parameters
DDX_TANGENT(S::g);

// A request written out by hand with an unknown kind.
// CHECK: {{.*}}request-errors.cpp:[[@LINE+1]]:1: error: unknown derivative kind 'hessian'; expected 'tangent', 'gradient', 'adjoint' or 'adjoint_n'
[[maybe_unused, clang::annotate("ddx.request", "hessian", "", "")]] static constexpr auto r1 = &f;

// A request naming something that is not a function.
constexpr double k = 2;
// CHECK: {{.*}}request-errors.cpp:[[@LINE+1]]:1: error: a ddx request must name a function, as in DDX_TANGENT(f)
[[maybe_unused, clang::annotate("ddx.request", "tangent", "", "")]] static constexpr auto r2 = &k;
