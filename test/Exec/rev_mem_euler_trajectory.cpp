// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// An explicit-Euler ODE integrator over 100 steps that writes the whole
// trajectory into an output array, in reverse: scalar inputs (rate, initial
// value) and 101 outputs. Seeding one output at a time gives the
// sensitivity of each trajectory point; a random seed and the dot-product
// test check the full vector-Jacobian product. Then a 2-state system
// (a predator-prey model) writing interleaved states.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> void logistic_traj(T r, T y0, T *out) {
  T y = y0;
  out[0] = y;
  for (int i = 0; i < 100; ++i) {
    y = y + 0.05 * r * y * (1 - y);
    out[i + 1] = y;
  }
}
DDX_TANGENT(logistic_traj<double>);
DDX_ADJOINT(logistic_traj<double>);

static_assert(std::is_same_v<decltype(&logistic_traj_adjoint),
                             void (*)(double, double, double *, double *,
                                      double *, double *)>,
              "logistic_traj_adjoint(r, y0, out, d_r, d_y0, d_out)");
static_assert(std::is_same_v<decltype(&logistic_traj_tangent),
                             void (*)(double, double, double *, double,
                                      double, double *)>,
              "logistic_traj_tangent(r, y0, out, d_r, d_y0, d_out)");

// Lotka-Volterra with parameters a, b and initial state (u0, v0); out holds
// (u, v) pairs for steps 0..n.
template <class T> void lv_traj(const T *p, T *out, int n) {
  T u = p[2], v = p[3];
  const T h = 0.01;
  out[0] = u;
  out[1] = v;
  for (int i = 0; i < n; ++i) {
    T du = p[0] * u - u * v;
    T dv = u * v - p[1] * v;
    u = u + h * du;
    v = v + h * dv;
    out[2 * i + 2] = u;
    out[2 * i + 3] = v;
  }
}
DDX_TANGENT(lv_traj<double>);
DDX_ADJOINT(lv_traj<double>);

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 0.1}, {1.5, 0.01}, {-0.3, 0.9}};
  for (const auto &q : P) {
    std::vector<double> X = {q[0], q[1]}, out(101, 0.0);
    R::check_vector(
        "logistic_traj",
        [](const double *X, double *y, double *DX, double *dy) {
          logistic_traj_adjoint(X[0], X[1], y, &DX[0], &DX[1], dy);
        },
        [](const double *X, double *y, const double *DX, double *dy) {
          logistic_traj_tangent(X[0], X[1], y, DX[0], DX[1], dy);
        },
        [](const double *X, double *y) { logistic_traj(X[0], X[1], y); },
        [](const long double *X, long double *y) {
          logistic_traj(X[0], X[1], y);
        },
        [](const double *X, const double *, double *Jx, double *) {
          double r = X[0], y = X[1], yr = 0, yy = 1;
          Jx[0] = 0;
          Jx[1] = 1;
          for (int i = 0; i < 100; ++i) {
            double g = 1 - 2 * y;
            yr = yr + 0.05 * (y * (1 - y) + r * g * yr);
            yy = yy + 0.05 * r * g * yy;
            y = y + 0.05 * r * y * (1 - y);
            Jx[2 * (i + 1)] = yr;
            Jx[2 * (i + 1) + 1] = yy;
          }
        },
        X, out, false);
  }
  for (int n : {100, 7, 0, 33}) {
    std::vector<double> p = {1.1, 0.4, 0.9, 0.5}, out(2 * n + 2, 0.0);
    R::check_vector(
        "lv_traj",
        [n](const double *p, double *y, double *dp, double *dy) {
          lv_traj_adjoint(p, y, n, dp, dy);
        },
        [n](const double *p, double *y, const double *dp, double *dy) {
          lv_traj_tangent(p, y, n, dp, dy);
        },
        [n](const double *p, double *y) { lv_traj(p, y, n); },
        [n](const long double *p, long double *y) { lv_traj(p, y, n); },
        [n](const double *p, const double *, double *Jx, double *) {
          // Forward sensitivities of (u, v) in (a, b, u0, v0).
          double u = p[2], v = p[3], h = 0.01;
          double su[4] = {0, 0, 1, 0}, sv[4] = {0, 0, 0, 1};
          for (int j = 0; j < 4; ++j) {
            Jx[0 * 4 + j] = su[j];
            Jx[1 * 4 + j] = sv[j];
          }
          for (int i = 0; i < n; ++i) {
            double nsu[4], nsv[4];
            for (int j = 0; j < 4; ++j) {
              double dsu = p[0] * su[j] - su[j] * v - u * sv[j];
              double dsv = su[j] * v + u * sv[j] - p[1] * sv[j];
              if (j == 0)
                dsu += u;
              if (j == 1)
                dsv -= v;
              nsu[j] = su[j] + h * dsu;
              nsv[j] = sv[j] + h * dsv;
            }
            double du = p[0] * u - u * v, dv = u * v - p[1] * v;
            u += h * du;
            v += h * dv;
            for (int j = 0; j < 4; ++j) {
              su[j] = nsu[j];
              sv[j] = nsv[j];
              Jx[(2 * i + 2) * 4 + j] = su[j];
              Jx[(2 * i + 3) * 4 + j] = sv[j];
            }
          }
        },
        p, out, false);
  }
  return R::finish();
}
