// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// `while` and `do`-`while` loops left by `break`, in vector adjoints (the
// reverse must run exactly the iterations the primal ran).
//  - drawdown: a savings account paying interest and a monthly withdrawal,
//    `while (month < max)`, left by `break` when the balance would go
//    negative; outputs the final balance and a discounted total paid out.
//  - exp_series: the exponential series of a*x summed by a `do`-`while`
//    that breaks once a term is negligible, with a second output (the
//    series of the derivative, shifted), 2 lanes; also with DDX_ADJOINT and
//    the lanes compared with scalar calls.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> void drawdown(T b0, T rate, T w, int max, T *out) {
  T b = b0, paid = 0, disc = 1;
  int month = 0;
  while (month < max) {
    T next = b * (1 + rate) - w;
    if (next < 0)
      break;
    b = next;
    disc = disc / (1 + rate);
    paid += w * disc;
    ++month;
  }
  out[0] = b;
  out[1] = paid;
}
DDX_TANGENT(drawdown<double>);
DDX_ADJOINT_N(drawdown<double>, 2);

// Sum_k (a x)^k / k! until a term falls below 1e-17 (at most 80 terms);
// out[1] = Sum_k k (a x)^(k-1) / k! * a = a * exp(a x) too, summed in the
// same loop.
template <class T> void exp_series(T x, T a, T *out) {
  T term = 1, s = 1, ds = 0;
  int k = 1;
  do {
    ds += a * term;
    term = term * (a * x) / k;
    if (std::fabs(term) < 1e-17)
      break;
    s += term;
    ++k;
  } while (k < 80);
  out[0] = s;
  out[1] = ds;
}
DDX_TANGENT(exp_series<double>);
DDX_ADJOINT(exp_series<double>);
DDX_ADJOINT_N(exp_series<double>, 2);

int main() {
  namespace V = ddx_vec_test;
  // (b0, rate, w): runs out after some months, or never within max.
  const double P[][3] = {
      {100.0, 0.01, 7.5}, {50.0, 0.004, 1.2}, {20.0, 0.02, 30.0}};
  for (int max : {24, 0, 120}) {
    auto pr = [max](const auto *p, auto *y) {
      drawdown(p[0], p[1], p[2], max, y);
    };
    auto tan = [max](const double *p, const double *dp, double *y,
                     double *dy) {
      drawdown_tangent(p[0], p[1], p[2], max, y, dp[0], dp[1], dp[2], dy);
    };
    auto adj = [max](const double *p, const double *ybar, double *pbar,
                     double *y) {
      double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
      drawdown_adjoint_n(p[0], p[1], p[2], max, y, pbar, pbar + 2, pbar + 4,
                         dout);
    };
    // Sensitivities by hand (forward, the same months).
    auto jac = [max](const double *p, double *J) {
      double b = p[0], r = p[1], w = p[2], disc = 1;
      double db[3] = {1, 0, 0}, dpaid[3] = {0, 0, 0}, ddisc[3] = {0, 0, 0};
      for (int m = 0; m < max; ++m) {
        double next = b * (1 + r) - w;
        if (next < 0)
          break;
        for (int k = 0; k < 3; ++k) {
          double dr = k == 1, dw = k == 2;
          db[k] = db[k] * (1 + r) + b * dr - dw;
          ddisc[k] = ddisc[k] / (1 + r) - disc * dr / ((1 + r) * (1 + r));
        }
        b = next;
        disc = disc / (1 + r);
        for (int k = 0; k < 3; ++k)
          dpaid[k] += (k == 2) * disc + w * ddisc[k];
      }
      for (int k = 0; k < 3; ++k) {
        J[k] = db[k];
        J[3 + k] = dpaid[k];
      }
    };
    for (const auto &p : P)
      V::check("drawdown_adjoint_n", 2, pr, tan, adj, jac,
               std::vector<double>(p, p + 3), 2);
  }

  const double Q[][2] = {{0.7, 1.3}, {-2.0, 0.9}, {3.0, -1.5}, {0.05, 2.0}};
  auto pr = [](const auto *p, auto *y) { exp_series(p[0], p[1], y); };
  auto tan = [](const double *p, const double *dp, double *y, double *dy) {
    exp_series_tangent(p[0], p[1], y, dp[0], dp[1], dy);
  };
  auto adj = [](const double *p, const double *ybar, double *pbar,
                double *y) {
    double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
    exp_series_adjoint_n(p[0], p[1], y, pbar, pbar + 2, dout);
  };
  auto sadj = [](const double *p, const double *ybar, double *pbar) {
    double out[2], dout[2] = {ybar[0], ybar[1]};
    exp_series_adjoint(p[0], p[1], out, &pbar[0], &pbar[1], dout);
  };
  // The series converges to exp(a x) and a exp(a x) to double precision.
  auto jac = [](const double *p, double *J) {
    double x = p[0], a = p[1], e = std::exp(a * x);
    J[0] = a * e;
    J[1] = x * e;
    J[2] = a * a * e;
    J[3] = e + a * x * e;
  };
  for (const auto &q : Q) {
    std::vector<double> x(q, q + 2);
    V::check("exp_series_adjoint_n", 2, pr, tan, adj, jac, x, 2);
    V::check_vs_scalar("exp_series_adjoint_n", 2, adj, sadj, x, 2);
  }
  return V::finish();
}
