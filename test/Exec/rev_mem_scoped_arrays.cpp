// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Local arrays declared inside loops and branches, in reverse mode. Each
// iteration gets a fresh (zero-initialized) array, so an element one
// iteration reads without writing holds 0, and its adjoint must not leak
// into the reverse of another iteration. Also: a 2-D array in a while loop,
// an array declared in a branch, and one passed to read-only and writing
// helpers. Checked against finite differences and, by the dot-product test,
// against forward mode.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

// Even iterations write a[0], odd ones a[1]; both read a[0] and a[1].
template <class T> T alternate(const T *x, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i) {
    T a[3] = {};
    if (i % 2 == 0)
      a[0] = x[i];
    else
      a[1] = x[i] * x[i];
    a[2] = a[0] * a[1] + std::sin(a[0] + a[1]);
    s += a[2] * x[i] + a[0];
  }
  return s;
}
DDX_TANGENT(alternate<double>);
DDX_GRADIENT(alternate<double>);
DDX_ADJOINT(alternate<double>);

// A 2x2 rotation per step, built in a while loop and applied in place.
template <class T> T spin(const T *x, int n) {
  T v[2] = {x[0], x[1]};
  int k = 0;
  while (k < n) {
    T m[2][2];
    T c = std::cos(x[2] * (k + 1)), s = std::sin(x[2] * (k + 1));
    m[0][0] = c;
    m[0][1] = -s;
    m[1][0] = s;
    m[1][1] = c;
    T w0 = m[0][0] * v[0] + m[0][1] * v[1];
    T w1 = m[1][0] * v[0] + m[1][1] * v[1];
    v[0] = w0 * x[3];
    v[1] = w1;
    ++k;
  }
  return v[0] * v[0] + 3 * v[1];
}
DDX_TANGENT(spin<double>);
DDX_GRADIENT(spin<double>);

template <class T> T dot3(const T *a, const T *b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
template <class T> void unit(const T *a, T *u) {
  T r = std::sqrt(dot3(a, a));
  for (int j = 0; j < 3; ++j)
    u[j] = a[j] / r;
}

// Per triple: its unit vector, declared in a branch, then used by a
// read-only helper; otherwise a plain sum.
template <class T> T directions(const T *x, int m) {
  T s = 0;
  for (int i = 0; i < m; ++i) {
    const T *p = x + 3 * i;
    if (p[0] > 0) {
      T u[3];
      unit(p, u);
      s += dot3(u, x) * p[1];
    } else {
      s += p[0] * p[2];
    }
  }
  return s;
}
DDX_TANGENT(directions<double>);
DDX_GRADIENT(directions<double>);
DDX_ADJOINT(directions<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {1, 2, 5, 8}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = 0.3 + 0.7 * std::sin(1.3 * i + 0.2);
    auto g = [n](const double *x, double *d) { return alternate_grad(x, n, d); };
    auto a = [n](const double *x, double dr, double *d) {
      alternate_adjoint(x, n, dr, d);
    };
    auto t = [n](const double *x, const double *d) {
      return alternate_tangent(x, n, d);
    };
    auto p = [n](const auto *x) { return alternate(x, n); };
    // d/dx_i: even i: a0 = x, a1 = 0: s_i = sin(x) x + x -> cos(x) x + sin(x) + 1;
    // odd i: a0 = 0, a1 = x^2: s_i = sin(x^2) x -> 2 x^2 cos(x^2) + sin(x^2).
    auto an = [n](const double *x, double *G) {
      for (int i = 0; i < n; ++i)
        G[i] = i % 2 == 0
                   ? std::cos(x[i]) * x[i] + std::sin(x[i]) + 1
                   : 2 * x[i] * x[i] * std::cos(x[i] * x[i]) +
                         std::sin(x[i] * x[i]);
    };
    R::check_array_gradient("alternate_grad", g, p, p, an, x);
    R::check_array_adjoint("alternate_adjoint", a, p, an, x);
    R::check_array_dot("alternate", t, g, x);
  }
  for (int n : {0, 1, 3, 6}) {
    std::vector<double> x = {0.8, -0.4, 0.35, 0.9};
    auto g = [n](const double *x, double *d) { return spin_grad(x, n, d); };
    auto t = [n](const double *x, const double *d) {
      return spin_tangent(x, n, d);
    };
    auto p = [n](const auto *x) { return spin(x, n); };
    R::check_array_gradient("spin_grad", g, p, p, R::no_analytic, x);
    R::check_array_dot("spin", t, g, x);
  }
  for (int m : {1, 2, 4}) {
    std::vector<double> x(3 * m);
    for (int i = 0; i < 3 * m; ++i)
      x[i] = std::cos(0.7 * i + 0.1) + (i % 3 == 0 ? 0.2 : 0.0);
    auto g = [m](const double *x, double *d) {
      return directions_grad(x, m, d);
    };
    auto a = [m](const double *x, double dr, double *d) {
      directions_adjoint(x, m, dr, d);
    };
    auto t = [m](const double *x, const double *d) {
      return directions_tangent(x, m, d);
    };
    auto p = [m](const auto *x) { return directions(x, m); };
    R::check_array_gradient("directions_grad", g, p, p, R::no_analytic, x);
    R::check_array_adjoint("directions_adjoint", a, p, R::no_analytic, x);
    R::check_array_dot("directions", t, g, x);
  }
  return R::finish();
}
