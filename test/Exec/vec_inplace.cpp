// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// In-place updates of an in/out array in a vector adjoint (N = 4): a
// leaky-integrator layer run for a few sweeps,
//   y[i] = y[i] * decay[i] + g * tanh(y[i - 1]),
// where y[i - 1] is the value this sweep already wrote. d_y holds the 4
// lanes of the outputs' seeds on entry and the 4 lanes of the adjoint of
// y's input values on exit (it is set, not added to); d_g and d_decay are
// added into. Unit seeds with n = 4 give the whole Jacobian of y_out with
// respect to (g, decay, y_in) in one call; n = 6 takes two batches.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> void leaky(const T *decay, T g, T *y, int n, int sweeps) {
  for (int s = 0; s < sweeps; ++s)
    for (int i = 0; i < n; ++i) {
      T prev = i > 0 ? y[i - 1] : 0;
      y[i] = y[i] * decay[i] + g * std::tanh(prev);
    }
}
DDX_TANGENT(leaky<double>);
DDX_ADJOINT(leaky<double>);
DDX_ADJOINT_N(leaky<double>, 4);

static_assert(std::is_same_v<decltype(&leaky_adjoint_n),
                             void (*)(const double *, double, double *, int,
                                      int, double *, double *, double *)>,
              "leaky_adjoint_n(decay, g, y, n, sweeps, d_decay, d_g, d_y)");

int main() {
  namespace V = ddx_vec_test;
  constexpr int L = 4;
  for (int n : {4, 1, 6, 0}) {
    for (int sweeps : {1, 3, 0}) {
      // x = (g, decay[n], y_in[n]); outputs y_out[n].
      std::vector<double> x(1 + 2 * n);
      x[0] = 0.7;
      for (int i = 0; i < n; ++i) {
        x[1 + i] = 0.9 - 0.15 * i;
        x[1 + n + i] = std::cos(1.2 * i) + 0.2;
      }
      auto pr = [n, sweeps](const auto *x, auto *y) {
        for (int i = 0; i < n; ++i)
          y[i] = x[1 + n + i];
        leaky(x + 1, x[0], y, n, sweeps);
      };
      auto tan = [n, sweeps](const double *x, const double *dx, double *y,
                             double *dy) {
        for (int i = 0; i < n; ++i) {
          y[i] = x[1 + n + i];
          dy[i] = dx[1 + n + i];
        }
        leaky_tangent(x + 1, x[0], y, n, sweeps, dx + 1, dx[0], dy);
      };
      auto adj = [n, sweeps](const double *x, const double *ybar,
                             double *xbar, double *y) {
        std::vector<double> dy(ybar, ybar + n * L);
        for (int i = 0; i < n; ++i)
          y[i] = x[1 + n + i];
        leaky_adjoint_n(x + 1, x[0], y, n, sweeps, xbar + L, xbar, dy.data());
        // d_y on exit: the adjoint of y's input values, lane-interleaved.
        for (int i = 0; i < n * L; ++i)
          xbar[(1 + n) * L + i] += dy[i];
      };
      auto sadj = [n, sweeps](const double *x, const double *ybar,
                              double *xbar) {
        std::vector<double> y(x + 1 + n, x + 1 + 2 * n), dy(ybar, ybar + n);
        leaky_adjoint(x + 1, x[0], y.data(), n, sweeps, xbar + 1, &xbar[0],
                      dy.data());
        for (int i = 0; i < n; ++i)
          xbar[1 + n + i] += dy[i];
      };
      // Forward sensitivities by hand: D[i][k] = d y[i] / d x[k].
      auto jac = [n, sweeps](const double *x, double *J) {
        const int N = 1 + 2 * n;
        std::vector<double> y(x + 1 + n, x + 1 + 2 * n), D(n * N, 0.0);
        for (int i = 0; i < n; ++i)
          D[i * N + 1 + n + i] = 1;
        for (int s = 0; s < sweeps; ++s)
          for (int i = 0; i < n; ++i) {
            double prev = i > 0 ? y[i - 1] : 0, th = std::tanh(prev);
            for (int k = 0; k < N; ++k) {
              double dprev = i > 0 ? D[(i - 1) * N + k] : 0;
              D[i * N + k] = D[i * N + k] * x[1 + i] +
                             (k == 1 + i) * y[i] + (k == 0) * th +
                             x[0] * (1 - th * th) * dprev;
            }
            y[i] = y[i] * x[1 + i] + x[0] * th;
          }
        for (int i = 0; i < n * N; ++i)
          J[i] = D[i];
      };
      V::check("leaky_adjoint_n", L, pr, tan, adj, jac, x, n);
      V::check_vs_scalar("leaky_adjoint_n", L, adj, sadj, x, n);
    }
  }
  return V::finish();
}
