// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: FileCheck %s --check-prefix=GEN < %t.cpp
// CHECK: PASS

// Helpers called inside a loop, in vector adjoints: each helper gets its
// own vector adjoint (with the caller's lane count) and every iteration's
// call is reversed with that iteration's values.
//  - rnn: a scalar recurrent cell h = act(w h + u x_i + b) with a branch in
//    the helper (tanh above 0, a C1-matching rational below); outputs the
//    last state and the mean state, 2 lanes.
//  - moments: trapezoid moments of a Chebyshev series times e^(-s t); the
//    series is summed by a helper with a loop of its own (Clenshaw), called
//    once per node; 3 outputs, 3 lanes.
// (A helper writing through a pointer is not supported in reverse mode
// yet, see test/Diagnostics/reverse-limits.cpp.)
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> T cell(T h, T x, T w, T u, T b) {
  T z = w * h + u * x + b;
  if (z > 0)
    return std::tanh(z);
  return z / (1 - z);
}

template <class T> void rnn(const T *xs, int n, T w, T u, T b, T *out) {
  T h = 0, sum = 0;
  for (int i = 0; i < n; ++i) {
    h = cell(h, xs[i], w, u, b);
    sum += h;
  }
  out[0] = h;
  out[1] = n > 0 ? sum / n : sum;
}
DDX_TANGENT(rnn<double>);
DDX_ADJOINT_N(rnn<double>, 2);
// GEN: cell_adjoint_n(double h, double x, double w, double u, double b,
// GEN-NEXT: const double *d_ret,
// GEN: void rnn_adjoint_n(
// GEN: cell_adjoint_n(

// Clenshaw's recurrence for sum_{k<m} c_k T_k(x) (its own loop, with
// locals overwritten per step).
template <class T> T cheb(const T *c, int m, T x) {
  T b1 = 0, b2 = 0;
  for (int k = m - 1; k >= 1; --k) {
    T b0 = 2 * x * b1 - b2 + c[k];
    b2 = b1;
    b1 = b0;
  }
  return x * b1 - b2 + c[0];
}

// Trapezoid moments over t in [0, 1] of p(t) = cheb(c, m, 2t - 1) e^(-s t):
// the integrals of p, t p and p^2.
template <class T> void moments(const T *c, int m, T s, int n, T *out) {
  T i0 = 0, i1 = 0, i2 = 0;
  for (int j = 0; j <= n; ++j) {
    double t = double(j) / n;
    double w = (j == 0 || j == n) ? 0.5 / n : 1.0 / n;
    T x = 2 * t - 1;
    T p = cheb(c, m, x) * std::exp(-s * t);
    i0 += w * p;
    i1 += w * p * t;
    i2 += w * p * p;
  }
  out[0] = i0;
  out[1] = i1;
  out[2] = i2;
}
DDX_TANGENT(moments<double>);
DDX_ADJOINT_N(moments<double>, 3);
// GEN: cheb_adjoint_n(const double *c, int m, double x, const double *d_ret,
// GEN: void moments_adjoint_n(
// GEN: cheb_adjoint_n(

int main() {
  namespace V = ddx_vec_test;
  // x = (w, u, b, xs[0..n)).
  for (int n : {6, 1, 0, 40}) {
    for (double b : {0.1, -0.6}) {
      std::vector<double> x(3 + n);
      x[0] = 0.8;
      x[1] = 1.3;
      x[2] = b;
      for (int i = 0; i < n; ++i)
        x[3 + i] = std::sin(0.9 * i + 0.3);
      auto pr = [n](const auto *x, auto *y) {
        rnn(x + 3, n, x[0], x[1], x[2], y);
      };
      auto tan = [n](const double *x, const double *dx, double *y,
                     double *dy) {
        rnn_tangent(x + 3, n, x[0], x[1], x[2], y, dx + 3, dx[0], dx[1],
                    dx[2], dy);
      };
      auto adj = [n](const double *x, const double *ybar, double *xbar,
                     double *y) {
        double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
        rnn_adjoint_n(x + 3, n, x[0], x[1], x[2], y, xbar + 6, xbar,
                      xbar + 2, xbar + 4, dout);
      };
      V::check("rnn_adjoint_n", 2, pr, tan, adj, V::no_analytic, x, 2);
    }
  }

  // x = (s, c[0..m)).
  for (int m : {4, 1, 7}) {
    for (int n : {8, 1, 30}) {
      std::vector<double> x(1 + m);
      x[0] = 0.6;
      for (int k = 0; k < m; ++k)
        x[1 + k] = 1.0 / (k + 1) - 0.3 * std::sin(1.7 * k);
      auto pr = [m, n](const auto *x, auto *y) { moments(x + 1, m, x[0], n, y); };
      auto tan = [m, n](const double *x, const double *dx, double *y,
                        double *dy) {
        moments_tangent(x + 1, m, x[0], n, y, dx + 1, dx[0], dy);
      };
      auto adj = [m, n](const double *x, const double *ybar, double *xbar,
                        double *y) {
        double dout[9];
        for (int i = 0; i < 9; ++i)
          dout[i] = ybar[i];
        moments_adjoint_n(x + 1, m, x[0], n, y, xbar + 3, xbar, dout);
      };
      // T_k(x) = cos(k acos x) on [-1, 1].
      auto jac = [m, n](const double *x, double *J) {
        const int N = 1 + m;
        for (int j = 0; j <= n; ++j) {
          double t = double(j) / n, w = (j == 0 || j == n) ? 0.5 / n : 1.0 / n;
          double xx = 2 * t - 1, e = std::exp(-x[0] * t), q = 0;
          for (int k = 0; k < m; ++k)
            q += x[1 + k] * std::cos(k * std::acos(xx));
          double p = q * e;
          for (int k = 0; k < m; ++k) {
            double dp = std::cos(k * std::acos(xx)) * e;
            J[0 * N + 1 + k] += w * dp;
            J[1 * N + 1 + k] += w * dp * t;
            J[2 * N + 1 + k] += w * 2 * p * dp;
          }
          double dps = -t * p;
          J[0 * N] += w * dps;
          J[1 * N] += w * dps * t;
          J[2 * N] += w * 2 * p * dps;
        }
      };
      V::check("moments_adjoint_n", 3, pr, tan, adj, jac, x, 3);
    }
  }
  return V::finish();
}
