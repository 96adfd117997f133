// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Vector adjoints of a function template instantiation with several lane
// counts: N = 1 (one pullback, like DDX_ADJOINT but with d_ arrays of one
// lane), N = 4 (the whole Jacobian of a 4-vector's normalization in one
// call), and N = 64, the largest (a 64 x 64 Jacobian in one call). The
// function: the unit vector u = v / |v| of n components, by a helper
// that computes the norm with a scaling loop (robust against overflow);
// its Jacobian is (I - u u^T) / |v|.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> T norm2(const T *v, int n) {
  T scale = 0;
  for (int i = 0; i < n; ++i) {
    T a = std::fabs(v[i]);
    if (a > scale)
      scale = a;
  }
  if (scale == 0)
    return scale;
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T r = v[i] / scale;
    s += r * r;
  }
  return scale * std::sqrt(s);
}

template <class T> void normalize(const T *v, int n, T *u) {
  T len = norm2(v, n);
  for (int i = 0; i < n; ++i)
    u[i] = v[i] / len;
}
DDX_TANGENT(normalize<double>);
DDX_ADJOINT_N_AS(normalize_j1, normalize<double>, 1);
DDX_ADJOINT_N(normalize<double>, 4);
DDX_ADJOINT_N_AS(normalize_j64, normalize<double>, 64);

static_assert(std::is_same_v<decltype(&normalize_j1),
                             void (*)(const double *, int, double *, double *,
                                      double *)>,
              "normalize_j1(v, n, u, d_v, d_u)");
static_assert(std::is_same_v<decltype(&normalize_adjoint_n),
                             decltype(&normalize_j64)>,
              "one signature for every lane count");

template <int L> void run(const char *name, int n, double shift) {
  namespace V = ddx_vec_test;
  std::vector<double> v(n);
  for (int i = 0; i < n; ++i)
    v[i] = std::sin(0.9 * i + shift) + 0.3;
  auto pr = [n](const auto *v, auto *u) { normalize(v, n, u); };
  auto tan = [n](const double *v, const double *dv, double *u, double *du) {
    normalize_tangent(v, n, u, dv, du);
  };
  auto adj = [n](const double *v, const double *ubar, double *vbar,
                 double *u) {
    std::vector<double> du(ubar, ubar + n * L);
    if constexpr (L == 1)
      normalize_j1(v, n, u, vbar, du.data());
    else if constexpr (L == 4)
      normalize_adjoint_n(v, n, u, vbar, du.data());
    else
      normalize_j64(v, n, u, vbar, du.data());
    for (double d : du)
      V::expect_eq("d_u on exit (pure outputs)", d, 0);
  };
  auto jac = [n](const double *v, double *J) {
    double len = 0;
    for (int i = 0; i < n; ++i)
      len += v[i] * v[i];
    len = std::sqrt(len);
    for (int i = 0; i < n; ++i)
      for (int k = 0; k < n; ++k)
        J[i * n + k] = ((i == k) - v[i] * v[k] / (len * len)) / len;
  };
  V::check(name, L, pr, tan, adj, jac, v, n);
}

int main() {
  for (double shift : {0.2, 2.0}) {
    for (int n : {4, 1, 3})
      run<1>("normalize_j1", n, shift);
    for (int n : {4, 1, 6})
      run<4>("normalize_adjoint_n", n, shift);
    for (int n : {64, 5})
      run<64>("normalize_j64", n, shift);
  }
  return ddx_vec_test::finish();
}
