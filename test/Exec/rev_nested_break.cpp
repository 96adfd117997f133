// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Nested loops with breaks at both levels at data-dependent points, and an
// inner while whose trip count depends on the outer iteration's state: the
// number of inner iterations differs per outer iteration and per call, so
// the reverse sweep must replay each inner loop's exact count. Many calls
// with different counts run in one process.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y) {
  T s = x;
  for (int i = 0; i < 6; ++i) {
    T t = s;
    int j = 0;
    while (t < 2 + i) {      // inner trip count depends on s and i
      t = t * 1.3 + y * 0.2;
      if (t * y > 3)         // inner break
        break;
      ++j;
      if (j > 40)
        break;
    }
    s = std::sqrt(t * t + 1) - 0.5 * s;
    if (s > 6)               // outer break
      break;
  }
  return s;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < 6; ++i) {
    double t = s, tx = sx, ty = sy;
    int j = 0;
    while (t < 2 + i) {
      tx = tx * 1.3;
      ty = ty * 1.3 + 0.2;
      t = t * 1.3 + y * 0.2;
      if (t * y > 3)
        break;
      ++j;
      if (j > 40)
        break;
    }
    double h = std::sqrt(t * t + 1);
    sx = t / h * tx - 0.5 * sx;
    sy = t / h * ty - 0.5 * sy;
    s = h - 0.5 * s;
    if (s > 6)
      break;
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.3},  {0.1, 1.7},  {3.0, 0.05},
                         {1.2, 2.5},  {-0.5, 0.8}, {7.0, 0.4},
                         {0.05, 0.01}, {2.2, 1.1}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  // Interleaved, repeated calls.
  for (int rep = 0; rep < 4; ++rep)
    R::check_dot("f (again)", f_tangent, f_grad, P);
  return R::finish();
}
