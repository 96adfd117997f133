// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A floating return value seeded through `const double* d_ret` with N = 3
// lanes (d_ret[l] seeds lane l), and the scalar inputs' d_ lanes (d_k[l]).
// First a smooth maximum (log-sum-exp with a temperature), a pure scalar
// function: each lane is d_ret[l] times the gradient. Then a Gaussian
// regression log-likelihood that returns a value and also writes the
// standardized residuals through an output array, so the lanes see the
// result's seed and the residuals' seeds together.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> T smooth_max(T a, T b, T c, T k) {
  T m = a > b ? a : b;
  m = m > c ? m : c;
  T s = std::exp(k * (a - m)) + std::exp(k * (b - m)) + std::exp(k * (c - m));
  return m + std::log(s) / k;
}
DDX_TANGENT(smooth_max<double>);
DDX_ADJOINT_N(smooth_max<double>, 3);

static_assert(std::is_same_v<decltype(&smooth_max_adjoint_n),
                             void (*)(double, double, double, double,
                                      const double *, double *, double *,
                                      double *, double *)>,
              "smooth_max_adjoint_n(a, b, c, k, d_ret, d_a, d_b, d_c, d_k)");

// theta = (intercept, slope, log sigma); data[i] observed at t = 0.1 i.
template <class T>
T loglik(const T *theta, const T *data, int n, T *resid) {
  T ls = theta[2];
  T sigma = std::exp(ls);
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T r = (data[i] - theta[0] - theta[1] * (0.1 * i)) / sigma;
    resid[i] = r;
    s += 0.5 * r * r + ls;
  }
  return -s;
}
DDX_TANGENT(loglik<double>);
DDX_ADJOINT_N(loglik<double>, 3);

static_assert(std::is_same_v<decltype(&loglik_adjoint_n),
                             void (*)(const double *, const double *, int,
                                      double *, const double *, double *,
                                      double *, double *)>,
              "loglik_adjoint_n(theta, data, n, resid, d_ret, d_theta, "
              "d_data, d_resid)");

int main() {
  namespace V = ddx_vec_test;

  // smooth_max: x = (a, b, c, k), y = (result).
  auto sm = [](const auto *x, auto *y) { y[0] = smooth_max(x[0], x[1], x[2], x[3]); };
  auto smt = [](const double *x, const double *dx, double *y, double *dy) {
    ddx::dual<double> r =
        smooth_max_tangent(x[0], x[1], x[2], x[3], dx[0], dx[1], dx[2], dx[3]);
    y[0] = r.value;
    dy[0] = r.tangent;
  };
  auto sma = [](const double *x, const double *ybar, double *xbar, double *) {
    smooth_max_adjoint_n(x[0], x[1], x[2], x[3], ybar, xbar, xbar + 3,
                         xbar + 6, xbar + 9);
  };
  // Softmax weights w_i = exp(k (x_i - M)) / S, M the smooth max.
  auto smj = [](const double *x, double *J) {
    double k = x[3];
    double m = std::max(x[0], std::max(x[1], x[2]));
    double e[3], s = 0, es = 0;
    for (int i = 0; i < 3; ++i) {
      e[i] = std::exp(k * (x[i] - m));
      s += e[i];
      es += e[i] * (x[i] - m);
    }
    for (int i = 0; i < 3; ++i)
      J[i] = e[i] / s;
    J[3] = es / (s * k) - std::log(s) / (k * k);
  };
  const double P[][4] = {{0.3, -0.2, 0.9, 2.0},
                         {1.5, 1.4, -0.7, 0.5},
                         {-2.0, 0.1, 0.05, 7.0}};
  for (const auto &p : P)
    V::check("smooth_max_adjoint_n", 3, sm, smt, sma, smj,
             std::vector<double>(p, p + 4), 1);

  // Explicitly: d_ret = (1, 2.5, -1) gives lanes g, 2.5 g, -g.
  {
    double dret[3] = {1, 2.5, -1}, da[3] = {}, db[3] = {}, dc[3] = {},
           dk[3] = {}, J[4];
    const double *p = P[0];
    V::setPoint("smooth_max_adjoint_n, d_ret = (1, 2.5, -1)",
                std::vector<double>(p, p + 4));
    smooth_max_adjoint_n(p[0], p[1], p[2], p[3], dret, da, db, dc, dk);
    smj(p, J);
    double *d[4] = {da, db, dc, dk};
    for (int k = 0; k < 4; ++k)
      for (int l = 0; l < 3; ++l)
        V::expect_analytic(V::at("d_ret-scaled lanes d_p", k, l).c_str(),
                           d[k][l], dret[l] * J[k]);
  }

  // loglik: x = (theta[3], data[n]), y = (result, resid[n]).
  for (int n : {5, 1, 0, 12}) {
    std::vector<double> x(3 + n);
    x[0] = 0.4;
    x[1] = -1.1;
    x[2] = -0.3;
    for (int i = 0; i < n; ++i)
      x[3 + i] = 0.4 - 0.11 * i + 0.3 * std::sin(1.7 * i);
    auto ll = [n](const auto *x, auto *y) {
      y[0] = loglik(x, x + 3, n, y + 1);
    };
    auto llt = [n](const double *x, const double *dx, double *y, double *dy) {
      ddx::dual<double> r = loglik_tangent(x, x + 3, n, y + 1, dx, dx + 3,
                                           dy + 1);
      y[0] = r.value;
      dy[0] = r.tangent;
    };
    auto lla = [n](const double *x, const double *ybar, double *xbar,
                   double *y) {
      // d_ret = the result's 3 seeds; d_resid = the residuals' seeds, lane-
      // interleaved right after them in ybar.
      std::vector<double> dres(ybar + 3, ybar + 3 * (n + 1));
      loglik_adjoint_n(x, x + 3, n, y + 1, ybar, xbar, xbar + 9, dres.data());
      for (double v : dres)
        V::expect_eq("d_resid on exit (pure outputs)", v, 0);
    };
    auto llj = [n](const double *x, double *J) {
      const int N = 3 + n;
      double sigma = std::exp(x[2]);
      double dsum[3] = {0, 0, 0};
      for (int i = 0; i < n; ++i) {
        double r = (x[3 + i] - x[0] - x[1] * (0.1 * i)) / sigma;
        double *row = J + (1 + i) * N;
        row[0] = -1 / sigma;
        row[1] = -0.1 * i / sigma;
        row[2] = -r;
        row[3 + i] = 1 / sigma;
        // d(-s) = -(r dr + d ls)
        for (int k = 0; k < 3; ++k)
          dsum[k] += r * row[k];
        dsum[2] += 1;
        J[3 + i] = -r * row[3 + i];
      }
      for (int k = 0; k < 3; ++k)
        J[k] = -dsum[k];
    };
    V::check("loglik_adjoint_n", 3, ll, llt, lla, llj, x, 1 + n);
  }
  return V::finish();
}
