// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Time stepping on an array in place, in reverse: a nonlinear heat equation
// u_t = (k u_x)_x - u^3 over many steps, each step overwriting every
// element of the in/out state u through a scratch array (the reverse sweep
// needs every step's state, which the primal destroyed). The diffusion
// coefficient k is an active scalar.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> void heat(T k, T *u, T *tmp, int n, int steps) {
  const T dt = 0.1;
  for (int s = 0; s < steps; ++s) {
    for (int i = 0; i < n; ++i) {
      T l = i > 0 ? u[i - 1] : T(0);
      T r = i + 1 < n ? u[i + 1] : T(0);
      tmp[i] = u[i] + dt * (k * (l - 2 * u[i] + r) - u[i] * u[i] * u[i]);
    }
    for (int i = 0; i < n; ++i)
      u[i] = tmp[i];
  }
}
DDX_TANGENT(heat<double>);
DDX_ADJOINT(heat<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int steps : {30, 1, 0, 7}) {
    for (int n : {5, 1, 8}) {
      std::vector<double> X = {0.4}, u(n);
      for (int i = 0; i < n; ++i)
        u[i] = std::sin(3.1 * (i + 1) / (n + 1)) + 0.1 * i;
      // The scratch array is an in/out parameter too; its input values are
      // never read, so it only matters through u. Keep it internal: the
      // harness sees u only.
      R::check_vector(
          "heat",
          [n, steps](const double *X, double *u, double *dX, double *du) {
            std::vector<double> tmp(n, 0.0), dtmp(n, 0.0);
            heat_adjoint(X[0], u, tmp.data(), n, steps, &dX[0], du,
                         dtmp.data());
          },
          [n, steps](const double *X, double *u, const double *dX,
                     double *du) {
            std::vector<double> tmp(n, 0.0), dtmp(n, 0.0);
            heat_tangent(X[0], u, tmp.data(), n, steps, dX[0], du,
                         dtmp.data());
          },
          [n, steps](const double *X, double *u) {
            std::vector<double> tmp(n);
            heat(X[0], u, tmp.data(), n, steps);
          },
          [n, steps](const long double *X, long double *u) {
            std::vector<long double> tmp(n);
            heat(X[0], u, tmp.data(), n, steps);
          },
          [n, steps](const double *X, const double *u0, double *Jx,
                     double *Ju) {
            // Forward sensitivities: S = du/d(k, u0), n x (1 + n).
            double k = X[0];
            std::vector<double> u(u0, u0 + n), S(n * (n + 1), 0.0);
            for (int i = 0; i < n; ++i)
              S[i * (n + 1) + 1 + i] = 1;
            for (int s = 0; s < steps; ++s) {
              std::vector<double> nu(n), NS(n * (n + 1));
              for (int i = 0; i < n; ++i) {
                double l = i > 0 ? u[i - 1] : 0, r = i + 1 < n ? u[i + 1] : 0;
                nu[i] = u[i] + 0.1 * (k * (l - 2 * u[i] + r) -
                                      u[i] * u[i] * u[i]);
                for (int j = 0; j <= n; ++j) {
                  double sl = i > 0 ? S[(i - 1) * (n + 1) + j] : 0;
                  double sr = i + 1 < n ? S[(i + 1) * (n + 1) + j] : 0;
                  double si = S[i * (n + 1) + j];
                  NS[i * (n + 1) + j] =
                      si + 0.1 * (k * (sl - 2 * si + sr) -
                                  3 * u[i] * u[i] * si +
                                  (j == 0 ? l - 2 * u[i] + r : 0));
                }
              }
              u = nu;
              S = NS;
            }
            for (int i = 0; i < n; ++i) {
              Jx[i] = S[i * (n + 1)];
              for (int j = 0; j < n; ++j)
                Ju[i * n + j] = S[i * (n + 1) + 1 + j];
            }
          },
          X, u, true);
    }
  }
  return R::finish();
}
