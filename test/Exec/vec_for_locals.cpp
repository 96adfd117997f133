// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// `for` loops whose locals are overwritten every iteration, in a vector
// adjoint. A damped pendulum integrated with Heun's method (the stage
// values a1, w1, a2, w2 and the predictor are locals of the body, the state
// is overwritten in place); its final state (angle, angular velocity) is
// written through `double* out` and DDX_ADJOINT_N(pendulum, 2) with unit
// seeds gives its 2 x 4 Jacobian with respect to (theta0, omega0, c, dt),
// checked against the sensitivities propagated by hand. Then nested loops:
// a polynomial evaluated by Horner's rule at several nodes, with the
// running value overwritten in the inner loop and two outputs (the sum and
// the sum of squares over the nodes), with 2 lanes and with scalar adjoints
// to compare.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> void pendulum(T theta0, T omega0, T c, T dt, int n, T *out) {
  T th = theta0, om = omega0;
  for (int i = 0; i < n; ++i) {
    T a1 = om;
    T w1 = -std::sin(th) - c * om;
    T thp = th + dt * a1;
    T omp = om + dt * w1;
    T a2 = omp;
    T w2 = -std::sin(thp) - c * omp;
    th = th + 0.5 * dt * (a1 + a2);
    om = om + 0.5 * dt * (w1 + w2);
  }
  out[0] = th;
  out[1] = om;
}
DDX_TANGENT(pendulum<double>);
DDX_ADJOINT_N(pendulum<double>, 2);

// Forward sensitivities of (th, om) with respect to p = (theta0, omega0, c,
// dt), by hand: J[i * 4 + k] = d out_i / d p_k.
void pendulum_jac(const double *p, int n, double *J) {
  double th = p[0], om = p[1], c = p[2], dt = p[3];
  double dth[4] = {1, 0, 0, 0}, dom[4] = {0, 1, 0, 0};
  for (int i = 0; i < n; ++i) {
    double a1 = om, w1 = -std::sin(th) - c * om;
    double thp = th + dt * a1, omp = om + dt * w1;
    double a2 = omp, w2 = -std::sin(thp) - c * omp;
    double nth[4], nom[4];
    for (int k = 0; k < 4; ++k) {
      double ddt = k == 3, dc = k == 2;
      double da1 = dom[k];
      double dw1 = -std::cos(th) * dth[k] - dc * om - c * dom[k];
      double dthp = dth[k] + ddt * a1 + dt * da1;
      double domp = dom[k] + ddt * w1 + dt * dw1;
      double da2 = domp;
      double dw2 = -std::cos(thp) * dthp - dc * omp - c * domp;
      nth[k] = dth[k] + 0.5 * ddt * (a1 + a2) + 0.5 * dt * (da1 + da2);
      nom[k] = dom[k] + 0.5 * ddt * (w1 + w2) + 0.5 * dt * (dw1 + dw2);
    }
    for (int k = 0; k < 4; ++k) {
      dth[k] = nth[k];
      dom[k] = nom[k];
    }
    th = th + 0.5 * dt * (a1 + a2);
    om = om + 0.5 * dt * (w1 + w2);
  }
  for (int k = 0; k < 4; ++k) {
    J[k] = dth[k];
    J[4 + k] = dom[k];
  }
}

// Horner at nodes t_j = -1 + 2 j / (m - 1): out = (sum_j p(t_j),
// sum_j p(t_j)^2), coefficients a[0..deg] (a[0] the leading one).
template <class T> void poly_moments(const T *a, int deg, int m, T *out) {
  T s = 0, s2 = 0;
  for (int j = 0; j < m; ++j) {
    double t = m > 1 ? -1 + 2.0 * j / (m - 1) : 0.5;
    T v = a[0];
    for (int k = 1; k <= deg; ++k)
      v = v * t + a[k];
    s += v;
    s2 += v * v;
  }
  out[0] = s;
  out[1] = s2;
}
DDX_TANGENT(poly_moments<double>);
DDX_ADJOINT(poly_moments<double>);
DDX_ADJOINT_N(poly_moments<double>, 2);

int main() {
  namespace V = ddx_vec_test;
  const double P[][4] = {{0.4, -0.3, 0.2, 0.05},
                         {2.5, 1.1, 0.7, 0.02},
                         {-1.0, 2.0, 0.0, 0.1}};
  for (int n : {30, 1, 0, 400}) {
    auto pr = [n](const auto *p, auto *y) {
      pendulum(p[0], p[1], p[2], p[3], n, y);
    };
    auto tan = [n](const double *p, const double *dp, double *y, double *dy) {
      pendulum_tangent(p[0], p[1], p[2], p[3], n, y, dp[0], dp[1], dp[2],
                       dp[3], dy);
    };
    auto adj = [n](const double *p, const double *ybar, double *pbar,
                   double *y) {
      double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
      pendulum_adjoint_n(p[0], p[1], p[2], p[3], n, y, pbar, pbar + 2,
                         pbar + 4, pbar + 6, dout);
    };
    auto jac = [n](const double *p, double *J) { pendulum_jac(p, n, J); };
    for (const auto &p : P)
      V::check("pendulum_adjoint_n", 2, pr, tan, adj, jac,
               std::vector<double>(p, p + 4), 2);
  }

  for (int deg : {3, 0, 6}) {
    for (int m : {5, 1, 2}) {
      std::vector<double> a(deg + 1);
      for (int k = 0; k <= deg; ++k)
        a[k] = 0.9 * std::cos(1.3 * k + 0.4) - 0.1 * k;
      auto pr = [deg, m](const auto *a, auto *y) {
        poly_moments(a, deg, m, y);
      };
      auto tan = [deg, m](const double *a, const double *da, double *y,
                          double *dy) {
        poly_moments_tangent(a, deg, m, y, da, dy);
      };
      auto adj = [deg, m](const double *a, const double *ybar, double *abar,
                          double *y) {
        double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
        poly_moments_adjoint_n(a, deg, m, y, abar, dout);
      };
      auto sadj = [deg, m](const double *a, const double *ybar,
                           double *abar) {
        double out[2], dout[2] = {ybar[0], ybar[1]};
        poly_moments_adjoint(a, deg, m, out, abar, dout);
      };
      auto jac = [deg, m](const double *a, double *J) {
        int n = deg + 1;
        for (int j = 0; j < m; ++j) {
          double t = m > 1 ? -1 + 2.0 * j / (m - 1) : 0.5, v = 0;
          for (int k = 0; k <= deg; ++k)
            v = v * t + a[k];
          for (int k = 0; k <= deg; ++k) {
            double dv = std::pow(t, deg - k);
            J[k] += dv;
            J[n + k] += 2 * v * dv;
          }
        }
      };
      V::check("poly_moments_adjoint_n", 2, pr, tan, adj, jac, a, 2);
      V::check_vs_scalar("poly_moments_adjoint_n", 2, adj, sadj, a, 2);
    }
  }
  return V::finish();
}
