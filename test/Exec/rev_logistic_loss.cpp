// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Logistic regression loss over a data set in reverse: weights and bias
// active, data (arrays of features and labels) passive and not in wrt; a
// numerically safe log(1 + exp(-z)) with a branch on the sign of z.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T>
T loss(const T *w, T b, const double *X, const int *y, int m, int d) {
  T L = 0;
  for (int i = 0; i < m; ++i) {
    T z = b;
    for (int j = 0; j < d; ++j)
      z += w[j] * X[i * d + j];
    T s = y[i] ? z : -z; // margin
    if (s > 0)
      L += std::log1p(std::exp(-s));
    else
      L += -s + std::log1p(std::exp(s));
  }
  return L / m;
}
DDX_TANGENT(loss<double>, "w, b");
DDX_GRADIENT(loss<double>, "w, b");
DDX_ADJOINT(loss<double>, "w, b");

int main() {
  namespace R = ddx_rev_test;
  const int m = 9, d = 3;
  std::vector<double> X(m * d);
  std::vector<int> y(m);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < d; ++j)
      X[i * d + j] = 2 * std::sin(1.3 * i + 0.7 * j + 0.1);
    y[i] = (i * 7 + 3) % 3 == 0;
  }
  const double *Xp = X.data();
  const int *yp = y.data();
  for (double s : {1.0, -3.0, 0.2}) {
    // P = (w[0..d), b).
    std::vector<double> P = {0.4 * s, -0.9 * s, 0.3 * s, 0.25};
    auto g = [=](const double *P, double *dP) {
      return loss_grad(P, P[d], Xp, yp, m, d, dP, &dP[d]);
    };
    auto a = [=](const double *P, double dr, double *dP) {
      loss_adjoint(P, P[d], Xp, yp, m, d, dr, dP, &dP[d]);
    };
    auto t = [=](const double *P, const double *dP) {
      return loss_tangent(P, P[d], Xp, yp, m, d, dP, dP[d]);
    };
    auto p = [=](const auto *P) { return loss(P, P[d], Xp, yp, m, d); };
    auto an = [=](const double *P, double *G) {
      for (int j = 0; j <= d; ++j)
        G[j] = 0;
      for (int i = 0; i < m; ++i) {
        double z = P[d];
        for (int j = 0; j < d; ++j)
          z += P[j] * Xp[i * d + j];
        double sg = yp[i] ? 1 : -1;
        // d/dz log(1 + exp(-sg z)) = -sg / (1 + exp(sg z))
        double dz = -sg / (1 + std::exp(sg * z)) / m;
        for (int j = 0; j < d; ++j)
          G[j] += dz * Xp[i * d + j];
        G[d] += dz;
      }
    };
    R::check_array_gradient("loss_grad", g, p, p, an, P);
    R::check_array_adjoint("loss_adjoint", a, p, an, P);
    R::check_array_dot("loss", t, g, P);
  }
  return R::finish();
}
