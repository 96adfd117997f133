// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Pointers walked by loops, as C programmers write them, in reverse mode:
// `while (n--) ... *x++`, a stride in a for loop's comma increment, a row
// pointer advanced by the outer loop of a nest, and an advanced pointer
// passed to a helper. ddx turns each into an index from the pointer's start
// (PointerInduction), so the adjoint lands on the element it addressed.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

// Horner's rule on the coefficients x[0..n).
template <class T> T horner(const T *x, int n, T t) {
  T s = 0;
  while (n-- > 0)
    s = s * t + *x++;
  return s;
}
DDX_TANGENT(horner<double>, "x");
DDX_GRADIENT(horner<double>, "x");

// Every other element, through a pointer stepped by 2.
template <class T> T evens(const T *x, int n) {
  T s = 0;
  const T *q = x;
  for (int i = 0; 2 * i < n; ++i, q += 2)
    s += std::sin(*q) * q[0];
  return s;
}
DDX_TANGENT(evens<double>);
DDX_GRADIENT(evens<double>);
DDX_ADJOINT(evens<double>);

// Row sums of squares of a rows x 3 matrix, by a row pointer.
template <class T> T rows(const T *a, int r) {
  T s = 0;
  const T *row = a;
  for (int i = 0; i < r; ++i) {
    T t = 0;
    for (int j = 0; j < 3; ++j)
      t += row[j] * row[j];
    s += std::sqrt(t + 1);
    row += 3;
  }
  return s;
}
DDX_TANGENT(rows<double>);
DDX_GRADIENT(rows<double>);

template <class T> T pair(const T *p) { return p[0] * p[1]; }
// Products of neighbours, by a pointer passed to a helper.
template <class T> T chain(const T *x, int n) {
  T s = 0;
  const T *p = x;
  for (int i = 0; i + 1 < n; ++i) {
    s += pair(p);
    ++p;
  }
  return s;
}
DDX_TANGENT(chain<double>);
DDX_GRADIENT(chain<double>);
DDX_ADJOINT_N(chain<double>, 2);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {1, 4, 7}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = std::cos(1.1 * i) - 0.3;
    const double t = 0.7;
    auto g = [n, t](const double *x, double *d) {
      return horner_grad(x, n, t, d);
    };
    auto tg = [n, t](const double *x, const double *d) {
      return horner_tangent(x, n, t, d);
    };
    auto p = [n, t](const auto *x) { return horner(x, n, decltype(*x + 0)(t)); };
    // d/dx_k = t^(n-1-k)
    auto an = [n, t](const double *, double *G) {
      for (int k = 0; k < n; ++k)
        G[k] = std::pow(t, n - 1 - k);
    };
    R::check_array_gradient("horner_grad", g, p, p, an, x);
    R::check_array_dot("horner", tg, g, x);
  }
  for (int n : {1, 2, 5, 8}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = 0.9 * std::sin(0.6 * i + 0.4);
    auto g = [n](const double *x, double *d) { return evens_grad(x, n, d); };
    auto a = [n](const double *x, double dr, double *d) {
      evens_adjoint(x, n, dr, d);
    };
    auto tg = [n](const double *x, const double *d) {
      return evens_tangent(x, n, d);
    };
    auto p = [n](const auto *x) { return evens(x, n); };
    auto an = [n](const double *x, double *G) {
      for (int k = 0; k < n; ++k)
        G[k] = k % 2 ? 0 : std::cos(x[k]) * x[k] + std::sin(x[k]);
    };
    R::check_array_gradient("evens_grad", g, p, p, an, x);
    R::check_array_adjoint("evens_adjoint", a, p, an, x);
    R::check_array_dot("evens", tg, g, x);
  }
  for (int r : {1, 3}) {
    std::vector<double> a(3 * r);
    for (int i = 0; i < 3 * r; ++i)
      a[i] = std::sin(0.5 * i) + 0.1;
    auto g = [r](const double *a, double *d) { return rows_grad(a, r, d); };
    auto tg = [r](const double *a, const double *d) {
      return rows_tangent(a, r, d);
    };
    auto p = [r](const auto *a) { return rows(a, r); };
    auto an = [r](const double *a, double *G) {
      for (int i = 0; i < r; ++i) {
        const double *row = a + 3 * i;
        double t = row[0] * row[0] + row[1] * row[1] + row[2] * row[2];
        for (int j = 0; j < 3; ++j)
          G[3 * i + j] = row[j] / std::sqrt(t + 1);
      }
    };
    R::check_array_gradient("rows_grad", g, p, p, an, a);
    R::check_array_dot("rows", tg, g, a);
  }
  for (int n : {2, 6}) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[i] = 0.5 + 0.3 * i;
    auto g = [n](const double *x, double *d) { return chain_grad(x, n, d); };
    auto tg = [n](const double *x, const double *d) {
      return chain_tangent(x, n, d);
    };
    auto p = [n](const auto *x) { return chain(x, n); };
    auto an = [n](const double *x, double *G) {
      for (int k = 0; k < n; ++k)
        G[k] = (k > 0 ? x[k - 1] : 0) + (k + 1 < n ? x[k + 1] : 0);
    };
    R::check_array_gradient("chain_grad", g, p, p, an, x);
    R::check_array_dot("chain", tg, g, x);
    // Two seeds at once: lane l is the gradient scaled by seed l.
    std::vector<double> G(n), D(2 * n, 0.0);
    an(x.data(), G.data());
    const double seeds[2] = {1.5, -0.25};
    chain_adjoint_n(x.data(), n, seeds, D.data());
    ddx_test::at("chain_adjoint_n", n);
    for (int k = 0; k < n; ++k)
      for (int l = 0; l < 2; ++l)
        ddx_test::expect_analytic(R::idx("lane", l).c_str(),
                                  D[2 * k + l], seeds[l] * G[k]);
  }
  return R::finish();
}
