// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// wrt subsets in reverse: only the named parameters get d_ parameters, in
// primal parameter order whatever the order in the string; int parameters
// never do. The derivatives in the named inputs are the full partials
// (the inputs left out are held constant, not dropped from the math).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>
#include <type_traits>

template <class T> T f(T x, T y, T z) {
  return x * y * z + std::sin(y) * z + std::exp(x * z);
}
DDX_GRADIENT(f<double>, "y");                 // f_grad(x, y, z, d_y)
DDX_GRADIENT_AS(f_grad_zx, f<double>, "z, x"); // (x, y, z, d_x, d_z)
DDX_ADJOINT(f<double>, "z");                  // f_adjoint(x, y, z, d_ret, d_z)
DDX_ADJOINT_AS(f_adj_xy, f<double>, "y,x");   // (x, y, z, d_ret, d_x, d_y)
DDX_TANGENT_AS(f_tan_y, f<double>, "y");

template <class T> T g(T x, int n, T y) { return std::pow(x, n) * y; }
DDX_GRADIENT(g<double>, "x");       // g_grad(x, n, y, d_x)
DDX_ADJOINT_AS(g_all, g<double>);   // g_all(x, n, y, d_ret, d_x, d_y)

static_assert(std::is_same_v<decltype(&f_grad),
                             double (*)(double, double, double, double *)>,
              "f_grad(x, y, z, d_y)");
static_assert(
    std::is_same_v<decltype(&f_grad_zx),
                   double (*)(double, double, double, double *, double *)>,
    "f_grad_zx(x, y, z, d_x, d_z)");
static_assert(
    std::is_same_v<decltype(&f_adjoint),
                   void (*)(double, double, double, double, double *)>,
    "f_adjoint(x, y, z, d_ret, d_z)");
static_assert(std::is_same_v<decltype(&f_adj_xy),
                             void (*)(double, double, double, double,
                                      double *, double *)>,
              "f_adj_xy(x, y, z, d_ret, d_x, d_y)");
static_assert(std::is_same_v<decltype(&g_grad),
                             double (*)(double, int, double, double *)>,
              "g_grad(x, n, y, d_x)");
static_assert(std::is_same_v<decltype(&g_all),
                             void (*)(double, int, double, double, double *,
                                      double *)>,
              "g_all(x, n, y, d_ret, d_x, d_y)");

std::array<double, 3> grad_f(double x, double y, double z) {
  double e = std::exp(x * z);
  return {y * z + e * z, x * z + std::cos(y) * z, x * y + std::sin(y) + e * x};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][3] = {{0.5, 1.2, -0.3}, {-1.3, 2.1, 0.8}, {2.0, -0.7, 1.5}};
  for (const auto &p : P) {
    double x = p[0], y = p[1], z = p[2];
    auto G = grad_f(x, y, z);
    const double Py[][1] = {{y}};
    auto fy = [=](auto v) { return f(static_cast<decltype(v)>(x), v,
                                     static_cast<decltype(v)>(z)); };
    R::check_gradient(
        "f_grad (wrt y)",
        [=](double v, double *dv) { return f_grad(x, v, z, dv); }, fy, fy,
        [=](double v) { return grad_f(x, v, z)[1]; }, Py);
    R::check_dot("f (wrt y)",
                 [=](double v, double dv) { return f_tan_y(x, v, z, dv); },
                 [=](double v, double *dv) { return f_grad(x, v, z, dv); },
                 Py);

    const double Pxz[][2] = {{x, z}};
    auto fxz = [=](auto u, auto w) {
      return f(u, static_cast<decltype(u)>(y), w);
    };
    R::check_gradient(
        "f_grad_zx",
        [=](double u, double w, double *du, double *dw) {
          return f_grad_zx(u, y, w, du, dw);
        },
        fxz, fxz,
        [=](double u, double w) {
          auto H = grad_f(u, y, w);
          return std::array<double, 2>{H[0], H[2]};
        },
        Pxz);

    const double Pz[][1] = {{z}};
    auto fz = [=](auto w) {
      return f(static_cast<decltype(w)>(x), static_cast<decltype(w)>(y), w);
    };
    R::check_adjoint(
        "f_adjoint (wrt z)",
        [=](double w, double dr, double *dw) { f_adjoint(x, y, w, dr, dw); },
        fz, [=](double w) { return grad_f(x, y, w)[2]; }, Pz);

    const double Pxy[][2] = {{x, y}};
    auto fxy = [=](auto u, auto v) {
      return f(u, v, static_cast<decltype(u)>(z));
    };
    R::check_adjoint(
        "f_adj_xy",
        [=](double u, double v, double dr, double *du, double *dv) {
          f_adj_xy(u, v, z, dr, du, dv);
        },
        fxy,
        [=](double u, double v) {
          auto H = grad_f(u, v, z);
          return std::array<double, 2>{H[0], H[1]};
        },
        Pxy);
    (void)G;
  }
  for (int n : {0, 1, 3, -2})
    for (double x : {0.5, 1.3, 2.0}) {
      double y = 1.7;
      const double Px[][1] = {{x}};
      auto gx = [=](auto u) { return g(u, n, static_cast<decltype(u)>(y)); };
      R::check_gradient(
          "g_grad (wrt x)",
          [=](double u, double *du) { return g_grad(u, n, y, du); }, gx, gx,
          [=](double u) { return n * std::pow(u, n - 1) * y; }, Px);
      const double Pxy[][2] = {{x, y}};
      auto gxy = [=](auto u, auto v) { return g(u, n, v); };
      R::check_adjoint(
          "g_all",
          [=](double u, double v, double dr, double *du, double *dv) {
            g_all(u, n, v, dr, du, dv);
          },
          gxy,
          [=](double u, double v) {
            return std::array<double, 2>{n * std::pow(u, n - 1) * v,
                                         std::pow(u, n)};
          },
          Pxy);
    }
  return R::finish();
}
