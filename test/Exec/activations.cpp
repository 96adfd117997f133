// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Neural-network activations: softplus (with its large-input branch),
// sigmoid, swish with a trainable beta (calls sigmoid), GELU (erf).
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T softplus(T x) {
  if (x > 20)
    return x;
  return std::log1p(std::exp(x));
}
DDX_TANGENT(softplus<double>);

template <class T> T sigmoid(T x) { return 1 / (1 + std::exp(-x)); }
DDX_TANGENT(sigmoid<double>);

template <class T> T swish(T x, T beta) { return x * sigmoid(beta * x); }
DDX_TANGENT(swish<double>);

template <class T> T gelu(T x) {
  return 0.5 * x * (1 + std::erf(x / std::sqrt(T(2))));
}
DDX_TANGENT(gelu<double>);

double sig(double x) { return 1 / (1 + std::exp(-x)); }

int main() {
  const double kPi = 3.14159265358979323846;
  for (double x : {-3.0, -0.5, 0.25, 2.0, 25.0, -30.0}) {
    ddx_test::check_tangent("softplus", softplus_tangent, softplus<double>,
                            softplus<long double>,
                            [](double x) { return x > 20 ? 1 : sig(x); }, {x});
    ddx_test::check_tangent("sigmoid", sigmoid_tangent, sigmoid<double>,
                            sigmoid<long double>,
                            [](double x) { return sig(x) * (1 - sig(x)); },
                            {x});
    ddx_test::check_tangent(
        "gelu", gelu_tangent, gelu<double>, gelu<long double>,
        [kPi](double x) {
          return 0.5 * (1 + std::erf(x / std::sqrt(2.0))) +
                 x * std::exp(-x * x / 2) / std::sqrt(2 * kPi);
        },
        {x});
  }
  ddx_test::check_tangent(
      "swish", swish_tangent, swish<double>, swish<long double>,
      [](double x, double b) {
        double s = sig(b * x), ds = s * (1 - s);
        return std::array<double, 2>{s + x * ds * b, x * ds * x};
      },
      {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}, {-3.0, 0.5}});
  return ddx_test::finish();
}
