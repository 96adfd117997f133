// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A tiny two-layer network with the usual activations, in reverse: relu
// (by fmax and by a branch), leaky relu (?:), sigmoid, softplus (with the
// overflow-safe branch), gelu-tanh, and a squared loss.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T relu(T v) { return std::fmax(v, T(0)); }
template <class T> T relu2(T v) {
  if (v > 0)
    return v;
  return 0;
}
template <class T> T leaky(T v) { return v > 0 ? v : 0.01 * v; }
template <class T> T sigmoid(T v) { return 1 / (1 + std::exp(-v)); }
template <class T> T softplus(T v) {
  if (v > 20)
    return v;
  return std::log1p(std::exp(v));
}
template <class T> T gelu(T v) {
  const T c = 0.7978845608028654; // sqrt(2 / pi)
  return 0.5 * v * (1 + std::tanh(c * (v + 0.044715 * v * v * v)));
}

template <class T> T net(T x, T w1, T w2, T b) {
  T h1 = relu(w1 * x + b);
  T h2 = relu2(w2 * x - b);
  T h3 = leaky(w1 * w2 - x);
  T h4 = sigmoid(w1 * h1 + w2 * h2);
  T h5 = softplus(h3 * 25 + h4);
  T h6 = gelu(h5 - w2);
  T r = h6 - 0.5;
  return r * r;
}
DDX_TANGENT(net<double>);
DDX_GRADIENT(net<double>);
DDX_ADJOINT(net<double>);

std::array<double, 4> grad_net(double x, double w1, double w2, double b) {
  // Forward sensitivities in (x, w1, w2, b), tracked as 4-vectors.
  using V = std::array<double, 4>;
  auto lin = [](double a, const V &u, double c, const V &v) {
    V r;
    for (int i = 0; i < 4; ++i)
      r[i] = a * u[i] + c * v[i];
    return r;
  };
  V dx = {1, 0, 0, 0}, dw1 = {0, 1, 0, 0}, dw2 = {0, 0, 1, 0},
    db = {0, 0, 0, 1}, zero = {0, 0, 0, 0};
  double a1 = w1 * x + b;
  V da1 = lin(1, lin(x, dw1, w1, dx), 1, db);
  double h1 = a1 > 0 ? a1 : 0;
  V dh1 = a1 > 0 ? da1 : zero;
  double a2 = w2 * x - b;
  V da2 = lin(1, lin(x, dw2, w2, dx), -1, db);
  double h2 = a2 > 0 ? a2 : 0;
  V dh2 = a2 > 0 ? da2 : zero;
  double a3 = w1 * w2 - x;
  V da3 = lin(1, lin(w2, dw1, w1, dw2), -1, dx);
  double h3 = a3 > 0 ? a3 : 0.01 * a3;
  V dh3 = lin(a3 > 0 ? 1 : 0.01, da3, 0, zero);
  double a4 = w1 * h1 + w2 * h2;
  V da4 = lin(1, lin(h1, dw1, w1, dh1), 1, lin(h2, dw2, w2, dh2));
  double h4 = 1 / (1 + std::exp(-a4));
  V dh4 = lin(h4 * (1 - h4), da4, 0, zero);
  double a5 = h3 * 25 + h4;
  V da5 = lin(25, dh3, 1, dh4);
  double h5 = a5 > 20 ? a5 : std::log1p(std::exp(a5));
  V dh5 = lin(a5 > 20 ? 1 : 1 / (1 + std::exp(-a5)), da5, 0, zero);
  double v = h5 - w2;
  V dv = lin(1, dh5, -1, dw2);
  const double c = 0.7978845608028654;
  double u = c * (v + 0.044715 * v * v * v), t = std::tanh(u);
  double dgelu = 0.5 * (1 + t) +
                 0.5 * v * (1 - t * t) * c * (1 + 3 * 0.044715 * v * v);
  double h6 = 0.5 * v * (1 + t);
  return lin(2 * (h6 - 0.5) * dgelu, dv, 0, zero);
}

int main() {
  namespace R = ddx_rev_test;
  // Covers both sides of each kink, and the softplus cut-off.
  const double P[][4] = {{0.5, 1.2, -0.7, 0.1},  {-1.3, 0.6, 0.9, -0.2},
                         {2.0, -1.7, 0.4, 0.3},  {1.1, 2.0, 1.5, -0.5},
                         {0.2, -0.3, -0.8, 0.05}};
  R::check_gradient("net_grad", net_grad, net<double>, net<long double>,
                    grad_net, P);
  R::check_adjoint("net_adjoint", net_adjoint, net<long double>, grad_net, P);
  R::check_dot("net", net_tangent, net_grad, P);
  R::check_dot_adjoint("net", net_tangent, net_adjoint, P);
  return R::finish();
}
