// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// DDX_GRADIENT_AS / DDX_ADJOINT_AS: the derivative gets the chosen name
// (and no other), for a template instance, a function in a namespace and
// two instances of one template; several names for one function coexist.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>
#include <type_traits>

template <class T> T f(T x, T y) { return std::exp(x) * y - x / (1 + y * y); }
DDX_GRADIENT_AS(df, f<double>);
DDX_GRADIENT_AS(df_again, f<double>);
DDX_ADJOINT_AS(vjp_f, f<double>);
DDX_TANGENT_AS(jvp_f, f<double>);

namespace phys {
inline double energy(double m, double v) { return 0.5 * m * v * v; }
} // namespace phys
DDX_GRADIENT_AS(energy_grad, phys::energy);
DDX_ADJOINT_AS(energy_vjp, phys::energy);

DDX_GRADIENT_AS(df_float, f<float>);

static_assert(std::is_same_v<decltype(&df),
                             double (*)(double, double, double *, double *)>,
              "df(x, y, d_x, d_y)");
static_assert(
    std::is_same_v<decltype(&vjp_f),
                   void (*)(double, double, double, double *, double *)>,
    "vjp_f(x, y, d_ret, d_x, d_y)");
static_assert(std::is_same_v<decltype(&df_float),
                             float (*)(float, float, float *, float *)>,
              "df_float(x, y, d_x, d_y)");

std::array<double, 2> grad_f(double x, double y) {
  double d = 1 + y * y;
  return {std::exp(x) * y - 1 / d, std::exp(x) + x * 2 * y / (d * d)};
}
std::array<float, 2> grad_ff(float x, float y) {
  auto G = grad_f(x, y);
  return {static_cast<float>(G[0]), static_cast<float>(G[1])};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 0.6}, {2.0, -1.7}};
  R::check_gradient("df", df, f<double>, f<long double>, grad_f, P);
  R::check_gradient("df_again", df_again, f<double>, f<long double>, grad_f,
                    P);
  R::check_adjoint("vjp_f", vjp_f, f<long double>, grad_f, P);
  R::check_dot("f", jvp_f, df, P);
  R::check_dot_adjoint("f", jvp_f, vjp_f, P);
  R::check_gradient(
      "energy_grad", energy_grad, phys::energy, phys::energy,
      [](double m, double v) { return std::array<double, 2>{0.5 * v * v, m * v}; },
      P);
  R::check_adjoint(
      "energy_vjp", energy_vjp, phys::energy,
      [](double m, double v) { return std::array<double, 2>{0.5 * v * v, m * v}; },
      P);
  const float Pf[][2] = {{0.5f, 1.2f}, {-1.3f, 0.6f}, {2.0f, -1.7f}};
  R::check_gradient("df_float", df_float, f<float>, f<long double>, grad_ff,
                    Pf);
  return R::finish();
}
