// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// An early `return` inside a loop, in a vector adjoint. A projectile with
// quadratic drag is integrated with explicit Euler steps; the step that
// crosses the ground returns from inside the loop the interpolated time of
// flight and writes the landing distance and horizontal speed through
// `land`. If it never lands within max steps, the loop ends and the
// function returns after it. The result and land[0..2) are 3 outputs, so
// DDX_ADJOINT_N(flight, 3) with unit seeds is the 3 x 4 Jacobian with
// respect to (v0, angle, k, dt_ms), the time step in
// milliseconds; N = 3 random seeds go through d_ret and
// d_land together.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> T flight(T v0, T angle, T k, T dt_ms, int max, T *land) {
  T dt = dt_ms * 1e-3;
  T x = 0, y = 0;
  T vx = v0 * std::cos(angle), vy = v0 * std::sin(angle);
  for (int i = 0; i < max; ++i) {
    T sp = std::sqrt(vx * vx + vy * vy);
    T nx = x + dt * vx;
    T ny = y + dt * vy;
    vx = vx - dt * k * sp * vx;
    vy = vy - dt * (9.81 + k * sp * vy);
    if (ny < 0) {
      T frac = y / (y - ny);
      land[0] = x + frac * (nx - x);
      land[1] = vx;
      return (i + frac) * dt;
    }
    x = nx;
    y = ny;
  }
  land[0] = x;
  land[1] = vx;
  return max * dt;
}
DDX_TANGENT(flight<double>);
DDX_ADJOINT(flight<double>);
DDX_ADJOINT_N(flight<double>, 3);

static_assert(std::is_same_v<decltype(&flight_adjoint_n),
                             void (*)(double, double, double, double, int,
                                      double *, const double *, double *,
                                      double *, double *, double *, double *)>,
              "flight_adjoint_n(v0, angle, k, dt_ms, max, land, d_ret, d_v0, "
              "d_angle, d_k, d_dt_ms, d_land)");

int main() {
  namespace V = ddx_vec_test;
  // (v0, angle, k, dt_ms): they land in the 256th, 101st and 139th step,
  // so max = 25 takes the return after the loop.
  const double P[][4] = {{20.0, 0.8, 0.02, 10.0},
                         {35.0, 0.3, 0.005, 20.0},
                         {12.0, 1.2, 0.1, 13.0}};
  for (int max : {1000, 25, 0}) {
    auto pr = [max](const auto *p, auto *y) {
      y[0] = flight(p[0], p[1], p[2], p[3], max, y + 1);
    };
    auto tan = [max](const double *p, const double *dp, double *y,
                     double *dy) {
      ddx::dual<double> r = flight_tangent(p[0], p[1], p[2], p[3], max, y + 1,
                                           dp[0], dp[1], dp[2], dp[3], dy + 1);
      y[0] = r.value;
      dy[0] = r.tangent;
    };
    // ybar: the result's 3 seeds, then land's 2 x 3 (lane-interleaved).
    auto adj = [max](const double *p, const double *ybar, double *pbar,
                     double *y) {
      double dland[6];
      for (int i = 0; i < 6; ++i)
        dland[i] = ybar[3 + i];
      flight_adjoint_n(p[0], p[1], p[2], p[3], max, y + 1, ybar, pbar,
                       pbar + 3, pbar + 6, pbar + 9, dland);
    };
    auto sadj = [max](const double *p, const double *ybar, double *pbar) {
      double land[2], dland[2] = {ybar[1], ybar[2]};
      flight_adjoint(p[0], p[1], p[2], p[3], max, land, ybar[0], &pbar[0],
                     &pbar[1], &pbar[2], &pbar[3], dland);
    };
    for (const auto &p : P) {
      std::vector<double> x(p, p + 4);
      V::check("flight_adjoint_n", 3, pr, tan, adj, V::no_analytic, x, 3);
      V::check_vs_scalar("flight_adjoint_n", 3, adj, sadj, x, 3);
    }
  }
  return V::finish();
}
