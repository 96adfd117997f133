// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// float <-> double conversions in reverse: the adjoint of a conversion is
// the conversion back. Mixed parameter types get d_ parameters of their own
// type (float x -> float* d_x), and a float function that computes in double
// (std::pow(float, int) is double in C++11) returns float.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>
#include <type_traits>

double f(double x, double y) {
  float a = x;
  float b = static_cast<float>(y) * a;
  double c = b;
  return c + (double)a * x + double(float(y * y)); // ~ x y + x^2 + y^2
}
DDX_GRADIENT(f);
DDX_ADJOINT(f);

double h(float x, double y) {
  double t = x;
  return t * y + std::sin(x);
}
DDX_GRADIENT(h);
DDX_ADJOINT(h);
static_assert(std::is_same_v<decltype(&h_grad),
                             double (*)(float, double, float *, double *)>,
              "h_grad(float x, double y, float* d_x, double* d_y)");
static_assert(
    std::is_same_v<decltype(&h_adjoint),
                   void (*)(float, double, double, float *, double *)>,
    "h_adjoint(float x, double y, double d_ret, float* d_x, double* d_y)");

float k(double x) { return x * x - 0.5 * x; }
DDX_GRADIENT(k);
DDX_ADJOINT(k);
static_assert(std::is_same_v<decltype(&k_grad), float (*)(double, double *)>,
              "k_grad(double x, double* d_x) -> float");
static_assert(std::is_same_v<decltype(&k_adjoint),
                             void (*)(double, float, double *)>,
              "k_adjoint(double x, float d_ret, double* d_x)");

// float in, computed in double.
float p(float x) {
  return std::pow(x, 3) + static_cast<float>(std::sin(static_cast<double>(x)));
}
DDX_GRADIENT(p);
DDX_TANGENT(p);

template <class T> T twice(T v) { return v * v + std::sin(v); }

// A helper template instantiated at float and at double in one function.
double mixed(double x, double y) {
  float a = static_cast<float>(x);
  double b = twice(a); // float instance
  return b * y + twice(x * y); // double instance
}
DDX_GRADIENT(mixed);
DDX_ADJOINT(mixed);

std::array<double, 2> grad_mixed(double x, double y) {
  float a = static_cast<float>(x);
  double da = 2.0 * a + std::cos(static_cast<double>(a));
  double b = static_cast<double>(a) * a + std::sin(static_cast<double>(a));
  double u = x * y, du = 2 * u + std::cos(u);
  return {da * y + du * y, b + du * x};
}

long double f_ref(long double x, long double y) {
  return x * y + x * x + y * y;
}

int main() {
  using ddx_test::expect;
  using ddx_test::kLooseFloat;
  using ddx_test::kTightFloat;
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (const auto &q : P) {
    double x = q[0], y = q[1];
    ddx_test::at("f_grad", x, y);
    double dx = 0, dy = 0;
    double v = f_grad(x, y, &dx, &dy);
    ddx_test::expect_value(v, f(x, y));
    expect("d_x vs analytic", dx, y + 2 * x, kTightFloat);
    expect("d_y vs analytic", dy, x + 2 * y, kTightFloat);
    expect("d_x vs finite differences", dx,
           ddx_test::fd(f_ref, {x, y}, {1, 0}), kLooseFloat);
    expect("d_y vs finite differences", dy,
           ddx_test::fd(f_ref, {x, y}, {0, 1}), kLooseFloat);
    double g0 = dx, g1 = dy;
    f_grad(x, y, &dx, &dy);
    expect("second call adds: d_x", dx, 2 * g0, kTightFloat);
    expect("second call adds: d_y", dy, 2 * g1, kTightFloat);
    ddx_test::at("f_adjoint", x, y);
    double ax = 0, ay = 0;
    f_adjoint(x, y, 2.5, &ax, &ay);
    expect("d_ret=2.5: d_x", ax, 2.5 * g0, kTightFloat);
    expect("d_ret=2.5: d_y", ay, 2.5 * g1, kTightFloat);

    float xf = static_cast<float>(x);
    ddx_test::at("h_grad", xf, y);
    float hx = 0;
    double hy = 0;
    double hv = h_grad(xf, y, &hx, &hy);
    ddx_test::expect_value(hv, h(xf, y));
    expect("d_x vs analytic", hx, y + std::cos((double)xf), kTightFloat);
    expect("d_y vs analytic", hy, (double)xf, kTightFloat);
    float ahx = 0;
    double ahy = 0;
    ddx_test::at("h_adjoint", xf, y);
    h_adjoint(xf, y, -0.75, &ahx, &ahy);
    expect("d_ret=-0.75: d_x", ahx, -0.75 * hx, kTightFloat);
    expect("d_ret=-0.75: d_y", ahy, -0.75 * hy, kTightFloat);

    ddx_test::at("k_grad", x);
    double kx = 0;
    float kv = k_grad(x, &kx);
    ddx_test::expect_value(kv, k(x));
    expect("d_x vs analytic", kx, 2 * x - 0.5, kTightFloat);
    double akx = 0;
    k_adjoint(x, 2.5f, &akx);
    expect("d_ret=2.5: d_x", akx, 2.5 * kx, kTightFloat);

    ddx_test::at("p_grad", xf);
    float px = 0;
    float pv = p_grad(xf, &px);
    ddx_test::expect_value(pv, p(xf));
    double xd = xf;
    expect("d_x vs analytic", px, 3 * xd * xd + std::cos(xd), kTightFloat);
    auto pt = p_tangent(xf, 1.0f);
    expect("dot test: tangent vs gradient", pt.tangent, px, kTightFloat);

    ddx_test::at("mixed_grad", x, y);
    double mx = 0, my = 0;
    double mv = mixed_grad(x, y, &mx, &my);
    ddx_test::expect_value(mv, mixed(x, y));
    auto G = grad_mixed(x, y);
    expect("d_x vs analytic", mx, G[0], kTightFloat);
    expect("d_y vs analytic", my, G[1], kTightFloat);
    double amx = 0, amy = 0;
    mixed_adjoint(x, y, 2.5, &amx, &amy);
    // x's cotangent flows through `float a`, so it is computed (and the seed
    // scaled) in float: the two agree to float rounding, not double.
    expect("adjoint d_ret=2.5: d_x", amx, 2.5 * mx, kTightFloat);
    expect("adjoint d_ret=2.5: d_y", amy, 2.5 * my, ddx_test::kTight);
  }
  return ddx_test::finish();
}
