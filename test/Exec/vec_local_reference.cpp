// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A local reference bound to a parameter (`const double &r = x;`) puts the
// parameter in a one-element local array. Its loads are forwarded, and the
// stores to it that nothing reads any more are removed (DeadCode), so the
// derivatives compile without "set but not used" warnings under -Werror.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>

double f(double x, double y) {
  const double &r = x;
  return r * y + std::sin(x);
}
DDX_TANGENT(f);
DDX_ADJOINT_N(f, 2);

int main() {
  namespace V = ddx_vec_test;
  auto pr = [](const auto *x, auto *y) {
    using std::sin;
    y[0] = x[0] * x[1] + sin(x[0]);
  };
  auto tan = [](const double *x, const double *dx, double *y, double *dy) {
    ddx::dual<double> r = f_tangent(x[0], x[1], dx[0], dx[1]);
    y[0] = r.value;
    dy[0] = r.tangent;
  };
  auto adj = [](const double *x, const double *ybar, double *xbar, double *) {
    f_adjoint_n(x[0], x[1], ybar, xbar, xbar + 2);
  };
  auto jac = [](const double *x, double *J) {
    J[0] = x[1] + std::cos(x[0]);
    J[1] = x[0];
  };
  V::check("f_adjoint_n", 2, pr, tan, adj, jac, {0.7, -1.2}, 1);
  return V::finish();
}
