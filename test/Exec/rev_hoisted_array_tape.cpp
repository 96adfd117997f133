// RUN: %ddx gen %s -o %t.cpp --report=%t.report -- %cxxflags
// RUN: FileCheck %s --check-prefix=PLAN < %t.report
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Tapes of loops whose bounds are the same every time (function-level or
// constant) below a scope are arrays allocated once per call, one slot per
// iteration of the loops from the scope down (not stacks).

#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

// Inside the fused sum over points: a running max over odd indices (from 1,
// by 2) and a triangular counter l (carried by the c loop, advanced in the
// inner r loop) that indexes p.
template <class T> T oddmax(const T *p, const double *x, int n, int k) {
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T m = p[0] * x[i];
    for (int a = 1; a < k; a += 2)
      if (p[a] * x[i] > m)
        m = p[a] * x[i];
    int l = 1;
    T t = 0;
    for (int c = 0; c < 3; ++c)
      for (int r = c + 1; r < 3; ++r) {
        t += p[l] * std::sin(m * r + c);
        ++l;
      }
    s += m * m + t;
  }
  return s;
}
DDX_TANGENT(oddmax<double>, "p");
DDX_GRADIENT(oddmax<double>, "p");
DDX_ADJOINT(oddmax<double>, "p");
// PLAN-LABEL: tape plan for @oddmax<double>
// PLAN-NEXT: loop for at line [[#@LINE-20]]: reverse fused into each iteration
// PLAN-NEXT: loop for at line [[#@LINE-19]]: array tape (allocated once per call, indexed by iteration), 1 values (8 bytes) per iteration
// PLAN-NEXT: loop for at line [[#@LINE-15]]: array tape (allocated once per call, indexed by iteration), 1 values (4 bytes) per iteration
// PLAN-NEXT: loop for at line [[#@LINE-15]]: no tape

// The outer loop reads w[0] from the previous iteration, so it is taped;
// the recurrence in it tapes into one array of n * ceil((m - 1) / 2)
// slots.
template <class T> T chain(const T *p, int n, int m) {
  T w[1] = {};
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T mm = w[0] + p[2];
    for (int j = 1; j < m; j += 2)
      mm = std::sin(mm) * p[j % 3] + 0.5 * mm;
    w[0] = mm;
    s += std::sin(mm);
  }
  return s;
}
DDX_TANGENT(chain<double>, "p");
DDX_GRADIENT(chain<double>, "p");
// PLAN-LABEL: tape plan for @chain<double>
// PLAN-NEXT: loop for at line [[#@LINE-12]]: array tape
// PLAN-NEXT: loop for at line [[#@LINE-11]]: array tape (allocated once per call, indexed by iteration of 2 nested loops at lines [[#@LINE-13]], [[#@LINE-11]])

int main() {
  namespace R = ddx_rev_test;
  std::vector<double> x = {0.9, -0.4, 1.3, 0.25, -1.1};
  for (int n : {5, 2, 0}) {
    for (int k : {6, 5, 2, 1}) {
      std::vector<double> p = {0.3, -0.7, 1.1, 0.45, -0.2, 0.8};
      auto g = [&](const double *p, double *dp) {
        return oddmax_grad(p, x.data(), n, k, dp);
      };
      auto a = [&](const double *p, double dr, double *dp) {
        oddmax_adjoint(p, x.data(), n, k, dr, dp);
      };
      auto t = [&](const double *p, const double *dp) {
        return oddmax_tangent(p, x.data(), n, k, dp);
      };
      auto f = [&](const auto *p) { return oddmax(p, x.data(), n, k); };
      R::check_array_gradient("oddmax_grad", g, f, f, R::no_analytic, p);
      R::check_array_adjoint("oddmax_adjoint", a, f, R::no_analytic, p);
      R::check_array_dot("oddmax", t, g, p);
      auto g2 = [&](const double *p, double *dp) {
        return chain_grad(p, n, k, dp);
      };
      auto t2 = [&](const double *p, const double *dp) {
        return chain_tangent(p, n, k, dp);
      };
      auto f2 = [&](const auto *p) { return chain(p, n, k); };
      R::check_array_gradient("chain_grad", g2, f2, f2, R::no_analytic, p);
      R::check_array_dot("chain", t2, g2, p);
    }
  }
  return R::finish();
}
