// RUN: %ddx gen %s -o %t.cpp --report=%t.report -- %cxxflags
// RUN: FileCheck %s --check-prefix=PLAN < %t.report
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Loops whose body the reverse sweep runs again per iteration ("recompute
// body per iteration"): a small Gaussian-mixture-style likelihood whose
// outer loop over points fills scratch arrays that every iteration
// overwrites (z, y, and the per-component terms t), with a triangular
// inner loop (its counter q is recomputed, not taped) and a log-sum-exp
// with a data-dependent maximum. The loop over points only adds into the
// result, so each point is reversed right after it is computed (the
// reverse is fused into the primal loop); inside it, the loop over
// components keeps its scratch arrays z and y per component (StoreScratch)
// instead of recomputing them. Then two
// loops the planner must not recompute: one whose scratch array carries
// values from one iteration to the next (read before it is written), and
// one whose reads go past the elements the iteration writes.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

// p = [alphas (k), means (k*d), l (k*d*(d-1)/2)]; x: n points of d.
template <class T> T mixture(const T *p, const double *x, int d, int k, int n) {
  T z[4], y[4], t[3];
  const T *alphas = p;
  const T *means = p + k;
  const T *l = p + k + k * d;
  int lsz = d * (d - 1) / 2;
  T total = 0;
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < k; ++c) {
      for (int r = 0; r < d; ++r)
        z[r] = x[i * d + r] - means[c * d + r];
      for (int r = 0; r < d; ++r)
        y[r] = z[r];
      int q = c * lsz;
      for (int a = 0; a < d; ++a)
        for (int b = a + 1; b < d; ++b) {
          y[b] += l[q] * z[a];
          ++q;
        }
      T sq = 0;
      for (int r = 0; r < d; ++r)
        sq += y[r] * y[r];
      t[c] = alphas[c] - 0.5 * sq;
    }
    T mx = t[0];
    for (int c = 1; c < k; ++c)
      if (t[c] > mx)
        mx = t[c];
    T se = 0;
    for (int c = 0; c < k; ++c)
      se += std::exp(t[c] - mx);
    total += mx + std::log(se);
  }
  return total;
}
DDX_TANGENT(mixture<double>, "p");
DDX_GRADIENT(mixture<double>, "p");
DDX_ADJOINT(mixture<double>, "p");
// PLAN-LABEL: tape plan for @mixture<double>
// PLAN-NEXT: loop for at line [[#@LINE-32]]: reverse fused into each iteration (recompute factor 1), no tape, 0 values (0 bytes) per iteration
// PLAN-NEXT: loop for at line [[#@LINE-32]]: scratch arrays kept per iteration (%z, %y: 8 values per iteration), no recompute, no tape, 0 values (0 bytes) per iteration, within one iteration of the loop at line [[#@LINE-33]]
// PLAN: loop for at line [[#@LINE-27]]: array tape (allocated once per call, indexed by iteration of 2 nested loops at lines [[#@LINE-33]], [[#@LINE-27]]), 1 values (4 bytes) per iteration, within one iteration of the loop at line [[#@LINE-34]]
// PLAN: loop for at line [[#@LINE-17]]: array tape (allocated once per call, indexed by iteration), 1 values (8 bytes) per iteration, within one iteration of the loop at line [[#@LINE-35]]

// The same, squared: the loop's result no longer just adds into the
// function's, so its reverse cannot run inside the primal loop; the reverse
// sweep runs the body again per point instead.
template <class T> T mixture_sq(const T *p, const double *x, int d, int k, int n) {
  T z[4], y[4], t[3];
  const T *alphas = p;
  const T *means = p + k;
  const T *l = p + k + k * d;
  int lsz = d * (d - 1) / 2;
  T total = 0;
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < k; ++c) {
      for (int r = 0; r < d; ++r)
        z[r] = x[i * d + r] - means[c * d + r];
      for (int r = 0; r < d; ++r)
        y[r] = z[r];
      int q = c * lsz;
      for (int a = 0; a < d; ++a)
        for (int b = a + 1; b < d; ++b) {
          y[b] += l[q] * z[a];
          ++q;
        }
      T sq = 0;
      for (int r = 0; r < d; ++r)
        sq += y[r] * y[r];
      t[c] = alphas[c] - 0.5 * sq;
    }
    T mx = t[0];
    for (int c = 1; c < k; ++c)
      if (t[c] > mx)
        mx = t[c];
    T se = 0;
    for (int c = 0; c < k; ++c)
      se += std::exp(t[c] - mx);
    total += mx + std::log(se);
  }
  return total * total;
}
DDX_TANGENT(mixture_sq<double>, "p");
DDX_GRADIENT(mixture_sq<double>, "p");
// PLAN-LABEL: tape plan for @mixture_sq<double>
// PLAN-NEXT: loop for at line [[#@LINE-31]]: scratch arrays kept per iteration (%z, %y, %t: 11 values per iteration), no recompute, array tape, 2 values (16 bytes) per iteration
// PLAN-NEXT: loop for at line [[#@LINE-31]]: no tape, 0 values (0 bytes) per iteration

// The scratch array h carries each iteration's values into the next: the
// body cannot run again on its own, so it is taped.
template <class T> T carried(const T *p, int n, int m) {
  T h[4] = {};
  T s = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j)
      h[j] = std::sin(h[j] + p[(i + j) % 3]);
    for (int j = 0; j < m; ++j)
      s += h[j] * h[j];
  }
  return s;
}
DDX_TANGENT(carried<double>, "p");
DDX_GRADIENT(carried<double>, "p");
// PLAN-LABEL: tape plan for @carried<double>
// PLAN-NEXT: loop for at line [[#@LINE-11]]: no tape
// PLAN-NEXT: loop for at line [[#@LINE-11]]: array tape (allocated once per call, indexed by iteration of 2 nested loops at lines [[#@LINE-12]], [[#@LINE-11]])

// Each iteration writes w[0..m) and then reads w[0..m], one element past
// what it wrote: w[m] comes from the previous iteration (the last inner loop
// writes w[1..m]), so the body cannot run again on its own and is taped.
template <class T> T overread(const T *p, int n, int m) {
  T w[5] = {};
  T s = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j)
      w[j] = p[(i + j) % 3] * (i + 1);
    for (int j = 0; j <= m; ++j)
      s += std::cos(w[j]);
    for (int j = 0; j < m; ++j)
      w[j + 1] = s;
  }
  return s;
}
DDX_TANGENT(overread<double>, "p");
DDX_GRADIENT(overread<double>, "p");
// PLAN-LABEL: tape plan for @overread<double>
// PLAN-NEXT: loop for at line [[#@LINE-13]]: no tape
// PLAN: loop for at line [[#@LINE-11]]: stack tape

int main() {
  namespace R = ddx_rev_test;
  struct Shape {
    int d, k, n;
  };
  for (Shape s : {Shape{3, 2, 4}, Shape{4, 3, 3}, Shape{1, 1, 2},
                  Shape{2, 3, 0}, Shape{4, 1, 1}}) {
    int np = s.k + s.k * s.d + s.k * s.d * (s.d - 1) / 2;
    std::vector<double> p(np), x(s.n * s.d);
    for (int i = 0; i < np; ++i)
      p[i] = 0.4 * std::sin(1.3 * i + 0.2) + 0.05 * i;
    for (int i = 0; i < s.n * s.d; ++i)
      x[i] = std::cos(0.7 * i) + 0.1 * i;
    auto g = [&](const double *p, double *dp) {
      return mixture_grad(p, x.data(), s.d, s.k, s.n, dp);
    };
    auto a = [&](const double *p, double dr, double *dp) {
      mixture_adjoint(p, x.data(), s.d, s.k, s.n, dr, dp);
    };
    auto t = [&](const double *p, const double *dp) {
      return mixture_tangent(p, x.data(), s.d, s.k, s.n, dp);
    };
    auto f = [&](const auto *p) { return mixture(p, x.data(), s.d, s.k, s.n); };
    R::check_array_gradient("mixture_grad", g, f, f, R::no_analytic, p);
    R::check_array_adjoint("mixture_adjoint", a, f, R::no_analytic, p);
    R::check_array_dot("mixture", t, g, p);
    auto gs = [&](const double *p, double *dp) {
      return mixture_sq_grad(p, x.data(), s.d, s.k, s.n, dp);
    };
    auto ts = [&](const double *p, const double *dp) {
      return mixture_sq_tangent(p, x.data(), s.d, s.k, s.n, dp);
    };
    auto fs = [&](const auto *p) {
      return mixture_sq(p, x.data(), s.d, s.k, s.n);
    };
    R::check_array_gradient("mixture_sq_grad", gs, fs, fs, R::no_analytic, p);
    R::check_array_dot("mixture_sq", ts, gs, p);
  }
  for (int n : {3, 1, 0}) {
    for (int m : {4, 2, 1}) {
      std::vector<double> p = {0.3, -0.7, 1.1};
      auto g = [&](const double *p, double *dp) {
        return carried_grad(p, n, m, dp);
      };
      auto t = [&](const double *p, const double *dp) {
        return carried_tangent(p, n, m, dp);
      };
      auto f = [&](const auto *p) { return carried(p, n, m); };
      R::check_array_gradient("carried_grad", g, f, f, R::no_analytic, p);
      R::check_array_dot("carried", t, g, p);
      auto g2 = [&](const double *p, double *dp) {
        return overread_grad(p, n, m, dp);
      };
      auto t2 = [&](const double *p, const double *dp) {
        return overread_tangent(p, n, m, dp);
      };
      auto f2 = [&](const auto *p) { return overread(p, n, m); };
      R::check_array_gradient("overread_grad", g2, f2, f2, R::no_analytic, p);
      R::check_array_dot("overread", t2, g2, p);
    }
  }
  return R::finish();
}
