// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A helper taking `const double*`, called inside a loop on x + 3 i, in
// reverse: each call's adjoint must be added into the right slice of d_x.
// A helper called twice per iteration with the two arrays' roles swapped.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T> T norm3(const T *v) {
  return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

// sum over consecutive 3-vectors of |v_i| * |v_{i+1}| (slices overlap in
// use: v_i is read by two calls).
template <class T> T chain(const T *x, int m) {
  T s = 0;
  for (int i = 0; i + 1 < m; ++i)
    s += norm3(x + 3 * i) * norm3(x + 3 * (i + 1));
  return s;
}
DDX_TANGENT(chain<double>);
DDX_GRADIENT(chain<double>);
DDX_ADJOINT(chain<double>);

// A helper with a const pointer and an int, on slices of two arrays.
template <class T> T wdot(const T *a, const T *w, int k) {
  T s = 0;
  for (int j = 0; j < k; ++j)
    s += a[j] * w[j];
  return std::tanh(s);
}

template <class T> T layer(const T *x, const T *w, int m) {
  T s = 0;
  for (int i = 0; i < m; ++i)
    s += wdot(x + 3 * i, w, 3) * wdot(w + 3, x + 3 * i, 3);
  return s;
}
DDX_TANGENT(layer<double>);
DDX_GRADIENT(layer<double>);
DDX_ADJOINT(layer<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int m : {2, 4, 1, 7}) {
    std::vector<double> x(3 * m);
    for (int i = 0; i < 3 * m; ++i)
      x[i] = std::sin(0.9 * i + 0.3) + 0.4;
    auto g = [m](const double *x, double *dx) {
      return chain_grad(x, m, dx);
    };
    auto a = [m](const double *x, double dr, double *dx) {
      chain_adjoint(x, m, dr, dx);
    };
    auto t = [m](const double *x, const double *dx) {
      return chain_tangent(x, m, dx);
    };
    auto p = [m](const auto *x) { return chain(x, m); };
    auto an = [m](const double *x, double *G) {
      std::vector<double> nr(m);
      for (int i = 0; i < m; ++i)
        nr[i] = norm3(x + 3 * i);
      for (int i = 0; i < 3 * m; ++i)
        G[i] = 0;
      for (int i = 0; i + 1 < m; ++i)
        for (int k = 0; k < 3; ++k) {
          G[3 * i + k] += x[3 * i + k] / nr[i] * nr[i + 1];
          G[3 * i + 3 + k] += nr[i] * x[3 * i + 3 + k] / nr[i + 1];
        }
    };
    R::check_array_gradient("chain_grad", g, p, p, an, x);
    R::check_array_adjoint("chain_adjoint", a, p, an, x);
    R::check_array_dot("chain", t, g, x);

    // z = (x[0..3m), w[0..6)).
    std::vector<double> z(3 * m + 6);
    for (int i = 0; i < 3 * m + 6; ++i)
      z[i] = 0.6 * std::cos(1.3 * i + 0.2);
    const int N = 3 * m;
    auto lg = [m, N](const double *z, double *dz) {
      return layer_grad(z, z + N, m, dz, dz + N);
    };
    auto la = [m, N](const double *z, double dr, double *dz) {
      layer_adjoint(z, z + N, m, dr, dz, dz + N);
    };
    auto lt = [m, N](const double *z, const double *dz) {
      return layer_tangent(z, z + N, m, dz, dz + N);
    };
    auto lp = [m, N](const auto *z) { return layer(z, z + N, m); };
    auto lan = [m, N](const double *z, double *G) {
      const double *w = z + N;
      for (int i = 0; i < N + 6; ++i)
        G[i] = 0;
      for (int i = 0; i < m; ++i) {
        const double *xi = z + 3 * i;
        double s1 = 0, s2 = 0;
        for (int j = 0; j < 3; ++j) {
          s1 += xi[j] * w[j];
          s2 += w[3 + j] * xi[j];
        }
        double t1 = std::tanh(s1), t2 = std::tanh(s2);
        double d1 = (1 - t1 * t1) * t2, d2 = t1 * (1 - t2 * t2);
        for (int j = 0; j < 3; ++j) {
          G[3 * i + j] += d1 * w[j] + d2 * w[3 + j];
          G[N + j] += d1 * xi[j];
          G[N + 3 + j] += d2 * xi[j];
        }
      }
    };
    R::check_array_gradient("layer_grad", lg, lp, lp, lan, z);
    R::check_array_adjoint("layer_adjoint", la, lp, lan, z);
    R::check_array_dot("layer", lt, lg, z);
  }
  return R::finish();
}
