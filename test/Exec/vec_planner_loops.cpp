// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %ddx gen %s -o %t.report.cpp --report=%t.report -- %cxxflags
// RUN: FileCheck %s --check-prefix=PLAN < %t.report
// CHECK: PASS

// The tape planner's loop strategies in vector adjoints.
//  - sse: the squared error of a damped sinusoid fitted to 20000 samples, a
//    long running sum that only adds into the result: each iteration is
//    reversed right after it runs (the reverse fused into the primal loop,
//    nothing taped), for all 3 lanes of d_ret at once.
//  - windows: per window, a scratch array is filled with weighted samples
//    and turned into its running sum in place; the code after the loop
//    reads the last window's profile, so the iterations cannot keep copies
//    of their own: the reverse sweep runs each window's body again (the
//    inner loop's values taped for that window only), 2 lanes.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> T sse(const T *p, const double *data, int n) {
  T e = 0;
  for (int i = 0; i < n; ++i) {
    double t = 1e-3 * i;
    T r = p[0] * std::exp(-p[1] * t) * std::sin(p[2] * t + p[3]) - data[i];
    e += r * r;
  }
  return e;
}
DDX_TANGENT(sse<double>, "p");
DDX_ADJOINT_N(sse<double>, 3, "p");
// PLAN-LABEL: tape plan for @sse<double>
// PLAN-NEXT: loop for at line [[#@LINE-10]]: reverse fused into each iteration (recompute factor 1), no tape, 0 values (0 bytes) per iteration

template <class T>
void windows(const T *x, const T *w, int n, int m, T *out) {
  T tmp[8];
  T s = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j)
      tmp[j] = x[i * m + j] * w[j];
    T a = 0;
    for (int k = 0; k < m; ++k) {
      a = a + std::sin(tmp[k]);
      tmp[k] = a;
    }
    s += a;
  }
  out[0] = s * s;
  out[1] = n > 0 && m > 0 ? tmp[m - 1] : s;
}
DDX_TANGENT(windows<double>);
DDX_ADJOINT_N(windows<double>, 2);
// PLAN-LABEL: tape plan for @windows<double>
// PLAN-NEXT: loop for at line [[#@LINE-16]]: recompute body per iteration (recompute factor 2), array tape, 1 values (8 bytes) per iteration
// PLAN-NEXT: loop for at line [[#@LINE-16]]: no tape, 0 values (0 bytes) per iteration, within one iteration of the loop at line [[#@LINE-17]]
// PLAN-NEXT: loop for at line [[#@LINE-14]]: array tape

int main() {
  namespace V = ddx_vec_test;
  for (int n : {20000, 1, 0}) {
    std::vector<double> data(n);
    for (int i = 0; i < n; ++i)
      data[i] = 1.3 * std::exp(-0.4e-3 * i) * std::sin(2.1e-3 * i + 0.2) +
                0.05 * std::cos(0.37 * i);
    std::vector<double> p = {1.2, 0.5, 2.0, 0.1};
    auto pr = [&](const auto *p, auto *y) { y[0] = sse(p, data.data(), n); };
    auto tan = [&](const double *p, const double *dp, double *y, double *dy) {
      ddx::dual<double> r = sse_tangent(p, data.data(), n, dp);
      y[0] = r.value;
      dy[0] = r.tangent;
    };
    auto adj = [&](const double *p, const double *ybar, double *pbar,
                   double *) { sse_adjoint_n(p, data.data(), n, ybar, pbar); };
    auto jac = [&](const double *p, double *J) {
      for (int i = 0; i < n; ++i) {
        double t = 1e-3 * i, e = std::exp(-p[1] * t),
               s = std::sin(p[2] * t + p[3]), c = std::cos(p[2] * t + p[3]);
        double r = p[0] * e * s - data[i];
        J[0] += 2 * r * e * s;
        J[1] += 2 * r * p[0] * e * s * -t;
        J[2] += 2 * r * p[0] * e * c * t;
        J[3] += 2 * r * p[0] * e * c;
      }
    };
    V::check("sse_adjoint_n", 3, pr, tan, adj, jac, p, 1);
  }

  // x = (w[m], x[n * m]).
  for (int n : {5, 1, 0}) {
    for (int m : {4, 8, 1, 0}) {
      std::vector<double> x(m + n * m);
      for (int j = 0; j < m; ++j)
        x[j] = 0.8 + 0.1 * j;
      for (int i = 0; i < n * m; ++i)
        x[m + i] = std::sin(0.7 * i + 0.3) + 0.2;
      auto pr = [n, m](const auto *x, auto *y) { windows(x + m, x, n, m, y); };
      auto tan = [n, m](const double *x, const double *dx, double *y,
                        double *dy) {
        windows_tangent(x + m, x, n, m, y, dx + m, dx, dy);
      };
      auto adj = [n, m](const double *x, const double *ybar, double *xbar,
                        double *y) {
        double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
        windows_adjoint_n(x + m, x, n, m, y, xbar + 2 * m, xbar, dout);
      };
      V::check("windows_adjoint_n", 2, pr, tan, adj, V::no_analytic, x, 2);
    }
  }
  return V::finish();
}
