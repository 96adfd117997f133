// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Logistic regression: the numerically stable loss log(1 + exp(-label z))
// of one sample in four inputs, and the mean loss over eight samples made
// in a loop, in the weight and bias.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

template <class T> T loss(T w, T b, T x, T label) {
  T z = w * x + b;
  T m = -label * z;
  if (m > 0)
    return m + std::log1p(std::exp(-m));
  return std::log1p(std::exp(m));
}
DDX_TANGENT(loss<double>);

template <class T> T mean_loss(T w, T b) {
  T s = 0;
  for (int i = 0; i < 8; ++i) {
    T xi = -1.5 + 0.4 * i;
    T yi = i % 2 == 0 ? 1 : -1;
    s += loss(w, b, xi, yi);
  }
  return s / 8;
}
DDX_TANGENT(mean_loss<double>);

double sigmoid(double m) { return 1 / (1 + std::exp(-m)); }

std::array<double, 4> grad_loss(double w, double b, double x, double label) {
  double z = w * x + b, s = sigmoid(-label * z);
  return {-s * label * x, -s * label, -s * label * w, -s * z};
}

std::array<double, 2> grad_mean(double w, double b) {
  double gw = 0, gb = 0;
  for (int i = 0; i < 8; ++i) {
    double xi = -1.5 + 0.4 * i, yi = i % 2 == 0 ? 1 : -1;
    double s = sigmoid(-yi * (w * xi + b));
    gw -= s * yi * xi / 8, gb -= s * yi / 8;
  }
  return {gw, gb};
}

int main() {
  ddx_test::check_tangent("loss", loss_tangent, loss<double>,
                          loss<long double>, grad_loss,
                          {{0.5, 0.1, 1.2, 1.0},
                           {-1.3, 0.4, 2.1, 1.0},
                           {2.0, -0.3, -0.7, -1.0},
                           {3.0, 1.0, 4.0, -1.0},
                           {0.8, -0.2, -9.0, 1.0}});
  ddx_test::check_tangent("mean_loss", mean_loss_tangent, mean_loss<double>,
                          mean_loss<long double>, grad_mean,
                          {{0.5, 0.1}, {-1.3, 0.4}, {2.0, -0.3}});
  return ddx_test::finish();
}
