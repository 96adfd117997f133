// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A pointer advanced inside a loop (`++p`) and only passed to a helper, in
// the vector adjoint (and the scalar ones). Once an internal error (a
// pointer on the tape); now the pointer is an index from its start
// (PointerInduction) and the helper's adjoint gets the right element.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

double first(const double *a) { return a[0] * a[0] + std::sin(a[1]); }

double walk(const double *x, int n) {
  double s = 0;
  const double *p = x;
  for (int i = 0; i < n; ++i, ++p)
    s += first(p);
  return s;
}
DDX_TANGENT(walk);
DDX_ADJOINT_N(walk, 2);

constexpr int n = 4;

int main() {
  namespace V = ddx_vec_test;
  std::vector<double> x = {0.3, -0.8, 1.1, 0.4, -0.2};
  auto pr = [](const auto *x, auto *y) {
    using std::sin;
    y[0] = 0;
    for (int i = 0; i < n; ++i)
      y[0] += x[i] * x[i] + sin(x[i + 1]);
  };
  auto tan = [](const double *x, const double *dx, double *y, double *dy) {
    ddx::dual<double> r = walk_tangent(x, n, dx);
    y[0] = r.value;
    dy[0] = r.tangent;
  };
  auto adj = [](const double *x, const double *ybar, double *xbar, double *) {
    walk_adjoint_n(x, n, ybar, xbar);
  };
  auto jac = [](const double *x, double *J) {
    for (int i = 0; i < n; ++i) {
      J[i] += 2 * x[i];
      J[i + 1] += std::cos(x[i + 1]);
    }
  };
  V::check("walk_adjoint_n", 2, pr, tan, adj, jac, x, 1);
  return V::finish();
}
