// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// float functions in reverse: f_grad(float, float, float*, float*) returns
// float; the math calls stay in float (std::sin(float), sinf, expf); a
// float loop with a carried value; float tolerances.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>
#include <math.h>
#include <type_traits>

template <class T> T f(T x, T y) {
  return std::sin(x * y) + std::exp(x) * y - std::sqrt(x * x + y * y) +
         std::log(1 + y * y) * std::tanh(x) + std::pow(x, 2) * std::cos(y);
}
DDX_TANGENT(f<float>);
DDX_GRADIENT(f<float>);
DDX_ADJOINT(f<float>);

static_assert(std::is_same_v<decltype(&f_grad),
                             float (*)(float, float, float *, float *)>,
              "f_grad(x, y, d_x, d_y) -> float");
static_assert(
    std::is_same_v<decltype(&f_adjoint),
                   void (*)(float, float, float, float *, float *)>,
    "f_adjoint(x, y, d_ret, d_x, d_y)");

std::array<double, 2> grad_f(double x, double y) {
  double c = std::cos(x * y), e = std::exp(x), r = std::sqrt(x * x + y * y);
  double t = std::tanh(x), l = std::log(1 + y * y);
  return {c * y + e * y - x / r + l * (1 - t * t) + 2 * x * std::cos(y),
          c * x + e - y / r + 2 * y / (1 + y * y) * t -
              x * x * std::sin(y)};
}

float g(float x, float y) {
  float t = x;
  for (int i = 0; i < 8; ++i)
    t = sinf(t) * y + expf(-t * t) * 0.5f;
  return t * x;
}
DDX_TANGENT(g);
DDX_GRADIENT(g);
DDX_ADJOINT(g);

std::array<double, 2> grad_g(double x, double y) {
  double t = x, tx = 1, ty = 0;
  for (int i = 0; i < 8; ++i) {
    double c = std::cos(t), e = std::exp(-t * t);
    double d = c * y - t * e; // d/dt (sin t y + 0.5 e^{-t^2})
    tx = d * tx;
    ty = d * ty + std::sin(t);
    t = std::sin(t) * y + e * 0.5;
  }
  return {tx * x + t, ty * x};
}

int main() {
  namespace R = ddx_rev_test;
  const float P[][2] = {{0.5f, 1.2f}, {-1.3f, 0.6f}, {1.1f, -0.7f}};
  auto fl = [](long double x, long double y) { return f(x, y); };
  R::check_gradient("f_grad", f_grad, f<float>, fl, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, fl, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_dot_adjoint("f", f_tangent, f_adjoint, P);
  // g is float only: its finite differences are taken in float-rounded
  // arithmetic through a long double copy of the same code.
  auto gl = [](long double x, long double y) {
    long double t = x;
    for (int i = 0; i < 8; ++i)
      t = std::sin(t) * y + std::exp(-t * t) * 0.5L;
    return t * x;
  };
  R::check_gradient("g_grad", g_grad, g, gl, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, gl, grad_g, P);
  R::check_dot("g", g_tangent, g_grad, P);
  return R::finish();
}
