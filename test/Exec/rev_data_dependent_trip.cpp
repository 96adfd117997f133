// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Trip counts that depend on the data: a while loop that runs until a
// value crosses a threshold, and a nested loop whose inner trip count is
// computed from an active value in each outer iteration. The number of
// values the primal sweep stores differs per call and per outer iteration;
// the reverse sweep must pop exactly what was pushed. Several calls at
// different points run in one process, so a stale tape shows up.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

// Doubles t (times a factor that depends on y) until it exceeds 100.
template <class T> T f(T x, T y) {
  T t = x;
  T acc = 0;
  while (t < 100) {
    t = t * (2 + std::sin(y) * 0.5);
    acc += t * y;
  }
  return acc + t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double q = 2 + std::sin(y) * 0.5, qy = std::cos(y) * 0.5;
  double t = x, tx = 1, ty = 0, acc = 0, ax = 0, ay = 0;
  while (t < 100) {
    ty = ty * q + t * qy;
    tx = tx * q;
    t = t * q;
    ax += tx * y;
    ay += ty * y + t;
    acc += t * y;
  }
  (void)acc;
  return {ax + tx, ay + ty};
}

// The inner trip count floor(|s|) + 1 is recomputed from the carried s.
template <class T> T g(T x, T y) {
  T s = x;
  for (int i = 0; i < 4; ++i) {
    int m = static_cast<int>(std::fabs(s)) + 1;
    for (int j = 0; j < m; ++j)
      s = s * 0.9 + y * 0.1;
    s = s * y + x;
  }
  return s;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < 4; ++i) {
    int m = static_cast<int>(std::fabs(s)) + 1;
    for (int j = 0; j < m; ++j) {
      sx = sx * 0.9;
      sy = sy * 0.9 + 0.1;
      s = s * 0.9 + y * 0.1;
    }
    sx = sx * y + 1;
    sy = sy * y + s;
    s = s * y + x;
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  // Different loop counts at each point: 0 iterations (x >= 100) too.
  const double P[][2] = {{0.5, 0.3}, {3.0, 1.2}, {0.01, -0.4},
                         {150.0, 0.2}, {7.5, -1.3}, {0.002, 2.0}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  // |s| passes through several integer parts (away from the boundaries).
  const double Q[][2] = {{0.5, 1.7}, {3.3, 1.1}, {-2.2, 1.9}, {6.1, -0.8}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, Q);
  // Interleave calls with different trip counts.
  for (int rep = 0; rep < 3; ++rep)
    for (const auto &p : P) {
      const double One[][2] = {{p[0], p[1]}};
      R::check_dot("f (interleaved)", f_tangent, f_grad, One);
      R::check_dot("g (interleaved)", g_tangent, g_grad, Q);
    }
  return R::finish();
}
