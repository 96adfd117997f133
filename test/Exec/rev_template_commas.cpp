// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A template instantiation whose argument list has a comma is requested in
// parentheses, which keep the macro from splitting it: DDX_GRADIENT((f<T, N>)).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

template <class T, int N> T weighted(const T *x) {
  T s = 0;
  for (int i = 0; i < N; ++i)
    s += (i + 1) * std::sin(x[i]);
  return s;
}
DDX_TANGENT((weighted<double, 3>));
DDX_GRADIENT((weighted<double, 3>));
DDX_GRADIENT_AS(weighted5_grad, (weighted<double, 5>), "x");

int main() {
  namespace R = ddx_rev_test;
  std::vector<double> x = {0.3, -1.1, 0.8, 2.0, -0.4};
  auto an = [](int n) {
    return [n](const double *x, double *G) {
      for (int i = 0; i < n; ++i)
        G[i] = (i + 1) * std::cos(x[i]);
    };
  };
  std::vector<double> x3(x.begin(), x.begin() + 3);
  auto g3 = [](const double *x, double *d) { return weighted_grad(x, d); };
  auto t3 = [](const double *x, const double *d) {
    return weighted_tangent(x, d);
  };
  auto p3 = [](const auto *x) { return weighted<std::decay_t<decltype(*x)>, 3>(x); };
  R::check_array_gradient("weighted_grad", g3, p3, p3, an(3), x3);
  R::check_array_dot("weighted", t3, g3, x3);
  auto g5 = [](const double *x, double *d) { return weighted5_grad(x, d); };
  auto p5 = [](const auto *x) { return weighted<std::decay_t<decltype(*x)>, 5>(x); };
  R::check_array_gradient("weighted5_grad", g5, p5, p5, an(5), x);
  return R::finish();
}
