// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Differentiating through an iterative solver in reverse: Newton's method
// for r^3 + a r = b, run to convergence with a data-dependent number of
// iterations. At convergence the derivative of the iterate matches the
// implicit-function derivative dr/da = -r / (3 r^2 + a), dr/db =
// 1 / (3 r^2 + a) (to ~1e-12 after the quadratic convergence).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T solve(T a, T b) {
  T r = 1;
  for (int it = 0; it < 100; ++it) {
    T f = r * r * r + a * r - b;
    T step = f / (3 * r * r + a);
    r = r - step;
    if (std::fabs(step) < 1e-15 * (1 + std::fabs(r)))
      break;
  }
  return r;
}
DDX_TANGENT(solve<double>);
DDX_GRADIENT(solve<double>);
DDX_ADJOINT(solve<double>);

std::array<double, 2> grad_solve(double a, double b) {
  double r = solve(a, b), d = 3 * r * r + a;
  return {-r / d, 1 / d};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{1.0, 2.0}, {0.5, -3.0}, {4.0, 0.7}, {2.5, 10.0}};
  R::check_gradient("solve_grad", solve_grad, solve<double>,
                    solve<long double>, grad_solve, P);
  R::check_adjoint("solve_adjoint", solve_adjoint, solve<long double>,
                   grad_solve, P);
  R::check_dot("solve", solve_tangent, solve_grad, P);
  R::check_dot_adjoint("solve", solve_tangent, solve_adjoint, P);
  return R::finish();
}
