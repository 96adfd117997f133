// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// if / else-if chains and unqualified math (`using std::exp;` ...) in a
// vector adjoint: a layer z_i = w_i x_i + c x_{i+1 mod n} followed by a
// numerically stable softplus, chosen by an if / else-if chain on z (the
// asymptote, the two stable forms, the exponential tail), writing y[n] and
// returning the regularizer 0.5 sum y_i^2. With n = 4 the 5 outputs
// (result, y) and N = 5 lanes with unit seeds give the whole Jacobian with
// respect to (c, x, w) in one call, against the analytic one.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T> T softplus(T z) {
  using std::exp;
  using std::log;
  T y;
  if (z > 35)
    y = z;
  else if (z > 0)
    y = z + log(1 + exp(-z));
  else if (z > -30)
    y = log(1 + exp(z));
  else
    y = exp(z);
  return y;
}

template <class T>
T softplus_layer(const T *x, const T *w, T c, int n, T *y) {
  using std::exp;
  using std::log;
  T reg = 0;
  for (int i = 0; i < n; ++i) {
    T z = w[i] * x[i] + c * x[(i + 1) % n];
    T s;
    if (z > 35)
      s = z;
    else if (z > 0)
      s = z + log(1 + exp(-z));
    else if (z > -30)
      s = log(1 + exp(z));
    else
      s = exp(z);
    y[i] = s;
    reg += 0.5 * s * s;
  }
  return reg;
}
DDX_TANGENT(softplus_layer<double>);
DDX_ADJOINT_N(softplus_layer<double>, 5);

int main() {
  namespace V = ddx_vec_test;
  constexpr int L = 5;
  for (int n : {4, 2, 7}) {
    // Points that put the z_i in all four branches.
    for (double scale : {1.0, 40.0, 0.1}) {
      // x = (c, x[n], w[n]); outputs (result, y[n]).
      std::vector<double> x(1 + 2 * n);
      x[0] = 0.3;
      for (int i = 0; i < n; ++i) {
        x[1 + i] = scale * (i % 2 ? -1.0 : 1.0) * (0.5 + 0.4 * i);
        x[1 + n + i] = 1.0 + 0.25 * std::sin(2.0 * i);
      }
      auto pr = [n](const auto *x, auto *y) {
        y[0] = softplus_layer(x + 1, x + 1 + n, x[0], n, y + 1);
      };
      auto tan = [n](const double *x, const double *dx, double *y,
                     double *dy) {
        ddx::dual<double> r = softplus_layer_tangent(
            x + 1, x + 1 + n, x[0], n, y + 1, dx + 1, dx + 1 + n, dx[0],
            dy + 1);
        y[0] = r.value;
        dy[0] = r.tangent;
      };
      auto adj = [n](const double *x, const double *ybar, double *xbar,
                     double *y) {
        std::vector<double> dy(ybar + L, ybar + L * (1 + n));
        softplus_layer_adjoint_n(x + 1, x + 1 + n, x[0], n, y + 1, ybar,
                                 xbar + L, xbar + L * (1 + n), xbar,
                                 dy.data());
      };
      auto jac = [n](const double *x, double *J) {
        const int N = 1 + 2 * n;
        for (int i = 0; i < n; ++i) {
          int j = (i + 1) % n;
          double z = x[1 + n + i] * x[1 + i] + x[0] * x[1 + j];
          double s = softplus(z), ds = 1 / (1 + std::exp(-z));
          double *row = J + (1 + i) * N;
          row[0] += ds * x[1 + j];
          row[1 + i] += ds * x[1 + n + i];
          row[1 + j] += ds * x[0];
          row[1 + n + i] += ds * x[1 + i];
          for (int k = 0; k < N; ++k)
            J[k] += s * row[k];
        }
      };
      V::check("softplus_layer_adjoint_n", L, pr, tan, adj, jac, x, 1 + n);
    }
  }
  return V::finish();
}
