// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// "wrt" subsets and DDX_ADJOINT_N_AS. The forward kinematics of a planar
// two-link arm (joint angles q1, q2, link lengths l1, l2) writes the
// effector position through `double* p`:
//  - DDX_ADJOINT_N(arm, 2, "q1, q2"): the manipulator Jacobian (d p / d q)
//    with unit seeds; only d_q1 and d_q2 (and d_p) are parameters.
//  - DDX_ADJOINT_N_AS(arm_dl, arm, 2, "l1, l2"): the lengths only, under a
//    chosen name.
//  - DDX_ADJOINT_N_AS(arm_all, arm, 4): every input, 4 lanes for 2 outputs
//    (lanes 2 and 3 are unseeded under unit seeds).
// A weighted p-norm with its array input picked by "x" (the weights held
// fixed) and the exponent by "p".
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> void arm(T q1, T q2, T l1, T l2, T *p) {
  T a = q1 + q2;
  p[0] = l1 * std::cos(q1) + l2 * std::cos(a);
  p[1] = l1 * std::sin(q1) + l2 * std::sin(a);
}
DDX_TANGENT(arm<double>);
DDX_ADJOINT_N(arm<double>, 2, "q1, q2");
DDX_ADJOINT_N_AS(arm_dl, arm<double>, 2, "l1, l2");
DDX_ADJOINT_N_AS(arm_all, arm<double>, 4);

static_assert(std::is_same_v<decltype(&arm_adjoint_n),
                             void (*)(double, double, double, double, double *,
                                      double *, double *, double *)>,
              "arm_adjoint_n(q1, q2, l1, l2, p, d_q1, d_q2, d_p)");
static_assert(std::is_same_v<decltype(&arm_dl),
                             void (*)(double, double, double, double, double *,
                                      double *, double *, double *)>,
              "arm_dl(q1, q2, l1, l2, p, d_l1, d_l2, d_p)");
static_assert(std::is_same_v<decltype(&arm_all),
                             void (*)(double, double, double, double, double *,
                                      double *, double *, double *, double *,
                                      double *)>,
              "arm_all(q1, q2, l1, l2, p, d_q1, d_q2, d_l1, d_l2, d_p)");

template <class T> T wnorm(const T *x, const T *w, int n, T p) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * std::pow(std::fabs(x[i]), p);
  return std::pow(s, 1 / p);
}
DDX_TANGENT_AS(wnorm_tx, wnorm<double>, "x");
DDX_ADJOINT_N(wnorm<double>, 2, "x");
DDX_ADJOINT_N_AS(wnorm_dp, wnorm<double>, 3, "p");

DDX_TANGENT_AS(wnorm_tp, wnorm<double>, "p");

static_assert(std::is_same_v<decltype(&wnorm_adjoint_n),
                             void (*)(const double *, const double *, int,
                                      double, const double *, double *)>,
              "wnorm_adjoint_n(x, w, n, p, d_ret, d_x)");
static_assert(std::is_same_v<decltype(&wnorm_dp),
                             void (*)(const double *, const double *, int,
                                      double, const double *, double *)>,
              "wnorm_dp(x, w, n, p, d_ret, d_p)");

int main() {
  namespace V = ddx_vec_test;
  const double Q[][4] = {{0.3, 1.1, 1.0, 0.7}, {-2.0, -0.4, 0.5, 1.5}};
  for (const auto &q : Q) {
    double l1 = q[2], l2 = q[3], q1 = q[0], q2 = q[1];
    // Over the angles: x = (q1, q2).
    auto pr = [l1, l2](const auto *x, auto *y) {
      using T = std::remove_const_t<std::remove_pointer_t<decltype(x)>>;
      arm<T>(x[0], x[1], l1, l2, y);
    };
    auto tan = [l1, l2](const double *x, const double *dx, double *y,
                        double *dy) {
      arm_tangent(x[0], x[1], l1, l2, y, dx[0], dx[1], 0, 0, dy);
    };
    auto adj = [l1, l2](const double *x, const double *ybar, double *xbar,
                        double *y) {
      double dp[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
      arm_adjoint_n(x[0], x[1], l1, l2, y, xbar, xbar + 2, dp);
    };
    auto jac = [l1, l2](const double *x, double *J) {
      double a = x[0] + x[1];
      J[0] = -l1 * std::sin(x[0]) - l2 * std::sin(a);
      J[1] = -l2 * std::sin(a);
      J[2] = l1 * std::cos(x[0]) + l2 * std::cos(a);
      J[3] = l2 * std::cos(a);
    };
    V::check("arm_adjoint_n", 2, pr, tan, adj, jac, {q1, q2}, 2);

    // Over the lengths: x = (l1, l2).
    auto prl = [q1, q2](const auto *x, auto *y) {
      using T = std::remove_const_t<std::remove_pointer_t<decltype(x)>>;
      arm<T>(q1, q2, x[0], x[1], y);
    };
    auto tanl = [q1, q2](const double *x, const double *dx, double *y,
                         double *dy) {
      arm_tangent(q1, q2, x[0], x[1], y, 0, 0, dx[0], dx[1], dy);
    };
    auto adjl = [q1, q2](const double *x, const double *ybar, double *xbar,
                         double *y) {
      double dp[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
      arm_dl(q1, q2, x[0], x[1], y, xbar, xbar + 2, dp);
    };
    auto jacl = [q1, q2](const double *, double *J) {
      J[0] = std::cos(q1);
      J[1] = std::cos(q1 + q2);
      J[2] = std::sin(q1);
      J[3] = std::sin(q1 + q2);
    };
    V::check("arm_dl", 2, prl, tanl, adjl, jacl, {l1, l2}, 2);

    // Everything, 4 lanes: x = (q1, q2, l1, l2).
    auto pra = [](const auto *x, auto *y) { arm(x[0], x[1], x[2], x[3], y); };
    auto tana = [](const double *x, const double *dx, double *y, double *dy) {
      arm_tangent(x[0], x[1], x[2], x[3], y, dx[0], dx[1], dx[2], dx[3], dy);
    };
    auto adja = [](const double *x, const double *ybar, double *xbar,
                   double *y) {
      double dp[8];
      for (int i = 0; i < 8; ++i)
        dp[i] = ybar[i];
      arm_all(x[0], x[1], x[2], x[3], y, xbar, xbar + 4, xbar + 8, xbar + 12,
              dp);
    };
    auto jaca = [](const double *x, double *J) {
      double a = x[0] + x[1];
      double Jr[2][4] = {{-x[2] * std::sin(x[0]) - x[3] * std::sin(a),
                          -x[3] * std::sin(a), std::cos(x[0]), std::cos(a)},
                         {x[2] * std::cos(x[0]) + x[3] * std::cos(a),
                          x[3] * std::cos(a), std::sin(x[0]), std::sin(a)}};
      for (int i = 0; i < 2; ++i)
        for (int k = 0; k < 4; ++k)
          J[i * 4 + k] = Jr[i][k];
    };
    V::check("arm_all", 4, pra, tana, adja, jaca,
             std::vector<double>(q, q + 4), 2);
  }

  for (int n : {5, 1, 3}) {
    std::vector<double> x(n), w(n);
    for (int i = 0; i < n; ++i) {
      x[i] = (i % 2 ? -1 : 1) * (0.4 + 0.3 * i);
      w[i] = 1.0 + 0.2 * i;
    }
    for (double p : {2.0, 3.5, 1.3}) {
      auto pr = [&](const auto *x, auto *y) {
        using T = std::remove_const_t<std::remove_pointer_t<decltype(x)>>;
        std::vector<T> wl(w.begin(), w.end());
        y[0] = wnorm<T>(x, wl.data(), n, p);
      };
      auto tan = [&](const double *x, const double *dx, double *y,
                     double *dy) {
        ddx::dual<double> r = wnorm_tx(x, w.data(), n, p, dx);
        y[0] = r.value;
        dy[0] = r.tangent;
      };
      auto adj = [&](const double *x, const double *ybar, double *xbar,
                     double *) { wnorm_adjoint_n(x, w.data(), n, p, ybar, xbar); };
      auto jac = [&](const double *x, double *J) {
        double s = 0;
        for (int i = 0; i < n; ++i)
          s += w[i] * std::pow(std::fabs(x[i]), p);
        for (int i = 0; i < n; ++i)
          J[i] = std::pow(s, 1 / p - 1) * w[i] *
                 std::pow(std::fabs(x[i]), p - 1) * (x[i] < 0 ? -1 : 1);
      };
      V::check("wnorm_adjoint_n", 2, pr, tan, adj, jac, x, 1);

      // Over p only: x = (p), 3 lanes.
      auto prp = [&](const auto *q, auto *y) {
        using T = std::remove_const_t<std::remove_pointer_t<decltype(q)>>;
        std::vector<T> xl(x.begin(), x.end()), wl(w.begin(), w.end());
        y[0] = wnorm<T>(xl.data(), wl.data(), n, q[0]);
      };
      auto adjp = [&](const double *q, const double *ybar, double *qbar,
                      double *) { wnorm_dp(x.data(), w.data(), n, q[0], ybar, qbar); };
      auto tanp = [&](const double *q, const double *dq, double *y,
                      double *dy) {
        ddx::dual<double> r = wnorm_tp(x.data(), w.data(), n, q[0], dq[0]);
        y[0] = r.value;
        dy[0] = r.tangent;
      };
      auto jacp = [&](const double *q, double *J) {
        double s = 0, sl = 0;
        for (int i = 0; i < n; ++i) {
          double t = w[i] * std::pow(std::fabs(x[i]), q[0]);
          s += t;
          sl += t * std::log(std::fabs(x[i]));
        }
        J[0] = std::pow(s, 1 / q[0]) *
               (-std::log(s) / (q[0] * q[0]) + sl / (q[0] * s));
      };
      V::check("wnorm_dp", 3, prp, tanp, adjp, jacp, {p}, 1);
    }
  }
  return V::finish();
}
