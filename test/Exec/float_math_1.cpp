// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The float versions of sin cos tan asin acos atan atan2 sinh cosh tanh exp
// exp2 expm1: each function template is differentiated at <float>
// (std::sin(float) etc.), checked with float tolerances.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_sin(T x, T y) { return std::sin(x * y); }
DDX_TANGENT(f_sin<float>);
template <class T> T f_cos(T x, T y) { return std::cos(x + 2 * y); }
DDX_TANGENT(f_cos<float>);
template <class T> T f_tan(T x, T y) { return std::tan(x - y); }
DDX_TANGENT(f_tan<float>);
template <class T> T f_asin(T x, T y) { return std::asin(x * y); }
DDX_TANGENT(f_asin<float>);
template <class T> T f_acos(T x, T y) { return std::acos(x - y); }
DDX_TANGENT(f_acos<float>);
template <class T> T f_atan(T x, T y) { return std::atan(x * y); }
DDX_TANGENT(f_atan<float>);
template <class T> T f_atan2(T x, T y) { return std::atan2(y, x); }
DDX_TANGENT(f_atan2<float>);
template <class T> T f_sinh(T x, T y) { return std::sinh(x * y); }
DDX_TANGENT(f_sinh<float>);
template <class T> T f_cosh(T x, T y) { return std::cosh(x - y); }
DDX_TANGENT(f_cosh<float>);
template <class T> T f_tanh(T x, T y) { return std::tanh(x * y); }
DDX_TANGENT(f_tanh<float>);
template <class T> T f_exp(T x, T y) { return std::exp(x * y); }
DDX_TANGENT(f_exp<float>);
template <class T> T f_exp2(T x, T y) { return std::exp2(x - y); }
DDX_TANGENT(f_exp2<float>);
template <class T> T f_expm1(T x, T y) { return std::expm1(x * y); }
DDX_TANGENT(f_expm1<float>);

int main() {
  const float P[][2] = {{0.5f, 1.2f}, {-1.3f, 2.1f}, {2.0f, -0.7f}};
  // |x y| < 1 and |x - y| < 1.
  const float Q[][2] = {{0.5f, 1.2f}, {-1.3f, -0.4f}, {2.0f, 2.25f}};
  ddx_test::check_tangent(
      "f_sin", f_sin_tangent, f_sin<float>, f_sin<long double>,
      [](double x, double y) {
        double c = std::cos(x * y);
        return A2{c * y, c * x};
      },
      P);
  ddx_test::check_tangent(
      "f_cos", f_cos_tangent, f_cos<float>, f_cos<long double>,
      [](double x, double y) {
        double s = std::sin(x + 2 * y);
        return A2{-s, -2 * s};
      },
      P);
  ddx_test::check_tangent(
      "f_tan", f_tan_tangent, f_tan<float>, f_tan<long double>,
      [](double x, double y) {
        double t = std::tan(x - y);
        return A2{1 + t * t, -(1 + t * t)};
      },
      Q);
  ddx_test::check_tangent(
      "f_asin", f_asin_tangent, f_asin<float>, f_asin<long double>,
      [](double x, double y) {
        double u = x * y, d = 1 / std::sqrt(1 - u * u);
        return A2{d * y, d * x};
      },
      {{0.5f, 1.2f}, {-1.3f, 0.4f}, {2.0f, -0.45f}});
  ddx_test::check_tangent(
      "f_acos", f_acos_tangent, f_acos<float>, f_acos<long double>,
      [](double x, double y) {
        double u = x - y, d = -1 / std::sqrt(1 - u * u);
        return A2{d, -d};
      },
      Q);
  ddx_test::check_tangent(
      "f_atan", f_atan_tangent, f_atan<float>, f_atan<long double>,
      [](double x, double y) {
        double u = x * y, d = 1 / (1 + u * u);
        return A2{d * y, d * x};
      },
      P);
  ddx_test::check_tangent(
      "f_atan2", f_atan2_tangent, f_atan2<float>, f_atan2<long double>,
      [](double x, double y) {
        double r2 = x * x + y * y;
        return A2{-y / r2, x / r2};
      },
      {{0.5f, 1.2f}, {-1.3f, 2.1f}, {-2.0f, -0.7f}, {1.5f, -0.25f}});
  ddx_test::check_tangent(
      "f_sinh", f_sinh_tangent, f_sinh<float>, f_sinh<long double>,
      [](double x, double y) {
        double c = std::cosh(x * y);
        return A2{c * y, c * x};
      },
      P);
  ddx_test::check_tangent(
      "f_cosh", f_cosh_tangent, f_cosh<float>, f_cosh<long double>,
      [](double x, double y) {
        double s = std::sinh(x - y);
        return A2{s, -s};
      },
      P);
  ddx_test::check_tangent(
      "f_tanh", f_tanh_tangent, f_tanh<float>, f_tanh<long double>,
      [](double x, double y) {
        double t = std::tanh(x * y), d = 1 - t * t;
        return A2{d * y, d * x};
      },
      Q);
  ddx_test::check_tangent(
      "f_exp", f_exp_tangent, f_exp<float>, f_exp<long double>,
      [](double x, double y) {
        double e = std::exp(x * y);
        return A2{e * y, e * x};
      },
      P);
  ddx_test::check_tangent(
      "f_exp2", f_exp2_tangent, f_exp2<float>, f_exp2<long double>,
      [](double x, double y) {
        double d = std::exp2(x - y) * std::log(2.0);
        return A2{d, -d};
      },
      P);
  ddx_test::check_tangent(
      "f_expm1", f_expm1_tangent, f_expm1<float>, f_expm1<long double>,
      [](double x, double y) {
        double e = std::exp(x * y);
        return A2{e * y, e * x};
      },
      P);
  return ddx_test::finish();
}
