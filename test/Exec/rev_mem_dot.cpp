// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Two array inputs in reverse: dot(a, b) gets dot_grad(a, b, n, d_a, d_b);
// wrt one of them only; a cosine similarity (each array read in two loops).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> T dot(const T *a, const T *b, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}
DDX_TANGENT(dot<double>);
DDX_GRADIENT(dot<double>);
DDX_ADJOINT(dot<double>);
DDX_GRADIENT_AS(dot_grad_b, dot<double>, "b");

static_assert(
    std::is_same_v<decltype(&dot_grad), double (*)(const double *,
                                                   const double *, int,
                                                   double *, double *)>,
    "dot_grad(a, b, n, d_a, d_b)");
static_assert(std::is_same_v<decltype(&dot_grad_b),
                             double (*)(const double *, const double *, int,
                                        double *)>,
              "dot_grad_b(a, b, n, d_b)");

template <class T> T cosine(const T *a, const T *b, int n) {
  T ab = 0, aa = 0, bb = 0;
  for (int i = 0; i < n; ++i)
    ab += a[i] * b[i];
  for (int i = 0; i < n; ++i) {
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / std::sqrt(aa * bb);
}
DDX_TANGENT(cosine<double>);
DDX_GRADIENT(cosine<double>);
DDX_ADJOINT(cosine<double>);

int main() {
  namespace R = ddx_rev_test;
  for (int n : {4, 1, 9, 2}) {
    // z = (a, b) packed in one vector of 2n.
    std::vector<double> z(2 * n);
    for (int i = 0; i < 2 * n; ++i)
      z[i] = std::cos(0.7 * i + 0.2) * (1 + 0.1 * i);
    auto g = [n](const double *z, double *dz) {
      return dot_grad(z, z + n, n, dz, dz + n);
    };
    auto a = [n](const double *z, double dr, double *dz) {
      dot_adjoint(z, z + n, n, dr, dz, dz + n);
    };
    auto t = [n](const double *z, const double *dz) {
      return dot_tangent(z, z + n, n, dz, dz + n);
    };
    auto p = [n](const auto *z) { return dot(z, z + n, n); };
    auto an = [n](const double *z, double *gr) {
      for (int i = 0; i < n; ++i) {
        gr[i] = z[n + i];
        gr[n + i] = z[i];
      }
    };
    R::check_array_gradient("dot_grad", g, p, p, an, z);
    R::check_array_adjoint("dot_adjoint", a, p, an, z);
    R::check_array_dot("dot", t, g, z);

    // Only b: a held fixed.
    std::vector<double> av(z.begin(), z.begin() + n), bv(z.begin() + n,
                                                         z.end());
    auto gb = [n, av](const double *b, double *db) {
      return dot_grad_b(av.data(), b, n, db);
    };
    auto pb = [n, av](const auto *b) {
      using T = std::remove_const_t<std::remove_pointer_t<decltype(b)>>;
      std::vector<T> al(av.begin(), av.end());
      return dot(al.data(), b, n);
    };
    auto anb = [n, av](const double *, double *gr) {
      for (int i = 0; i < n; ++i)
        gr[i] = av[i];
    };
    R::check_array_gradient("dot_grad_b", gb, pb, pb, anb, bv);

    auto cg = [n](const double *z, double *dz) {
      return cosine_grad(z, z + n, n, dz, dz + n);
    };
    auto ca = [n](const double *z, double dr, double *dz) {
      cosine_adjoint(z, z + n, n, dr, dz, dz + n);
    };
    auto ct = [n](const double *z, const double *dz) {
      return cosine_tangent(z, z + n, n, dz, dz + n);
    };
    auto cp = [n](const auto *z) { return cosine(z, z + n, n); };
    auto can = [n](const double *z, double *gr) {
      double ab = 0, aa = 0, bb = 0;
      for (int i = 0; i < n; ++i) {
        ab += z[i] * z[n + i];
        aa += z[i] * z[i];
        bb += z[n + i] * z[n + i];
      }
      double c = ab / std::sqrt(aa * bb);
      for (int i = 0; i < n; ++i) {
        gr[i] = z[n + i] / std::sqrt(aa * bb) - c * z[i] / aa;
        gr[n + i] = z[i] / std::sqrt(aa * bb) - c * z[n + i] / bb;
      }
    };
    if (n > 1) {
      R::check_array_gradient("cosine_grad", cg, cp, cp, can, z);
      R::check_array_adjoint("cosine_adjoint", ca, cp, can, z);
      R::check_array_dot("cosine", ct, cg, z);
    }
  }
  return R::finish();
}
