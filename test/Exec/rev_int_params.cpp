// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// int, long and bool parameters mixed with doubles, in reverse: only the
// doubles get d_ parameters (in primal order, after all primal
// parameters); int arithmetic (*, %, truncating /) and int -> double
// conversions inside the active computation.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <type_traits>

template <class T> T f(T x, int n, T y, long m, bool neg) {
  int k = n * 2 + 1;
  long q = m % 3;
  T r = x * k + y / q;
  r += n / 2;
  r = r * x - m * y; // k x^2 + x y / q + (n / 2) x - m y
  return neg ? -r : r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

static_assert(std::is_same_v<decltype(&f_grad),
                             double (*)(double, int, double, long, bool,
                                        double *, double *)>,
              "f_grad(x, n, y, m, neg, d_x, d_y)");
static_assert(std::is_same_v<decltype(&f_adjoint),
                             void (*)(double, int, double, long, bool, double,
                                      double *, double *)>,
              "f_adjoint(x, n, y, m, neg, d_ret, d_x, d_y)");

std::array<double, 2> grad_f(double x, int n, double y, long m, bool neg) {
  int k = 2 * n + 1;
  long q = m % 3;
  int h = n / 2;
  double s = neg ? -1 : 1;
  return {s * (2 * k * x + y / q + h), s * (x / q - m)};
}

int main() {
  namespace R = ddx_rev_test;
  const struct {
    int n;
    long m;
  } C[] = {{3, 7}, {-4, 5}, {5, -4}};
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &c : C)
    for (bool neg : {false, true}) {
      int n = c.n;
      long m = c.m;
      auto g = [=](double x, double y, double *dx, double *dy) {
        return f_grad(x, n, y, m, neg, dx, dy);
      };
      auto a = [=](double x, double y, double dr, double *dx, double *dy) {
        f_adjoint(x, n, y, m, neg, dr, dx, dy);
      };
      auto t = [=](double x, double y, double dx, double dy) {
        return f_tangent(x, n, y, m, neg, dx, dy);
      };
      auto p = [=](auto x, auto y) { return f(x, n, y, m, neg); };
      auto an = [=](double x, double y) { return grad_f(x, n, y, m, neg); };
      R::check_gradient("f_grad", g, p, p, an, P);
      R::check_adjoint("f_adjoint", a, p, an, P);
      R::check_dot("f", t, g, P);
      R::check_dot_adjoint("f", t, a, P);
    }
  return R::finish();
}
