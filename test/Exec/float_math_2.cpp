// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The float versions of log log2 log10 log1p sqrt cbrt pow hypot fabs fmin
// fmax floor ceil round trunc fmod erf, differentiated at <float>.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using A2 = std::array<double, 2>;

template <class T> T f_log(T x, T y) { return std::log(x * y); }
DDX_TANGENT(f_log<float>);
template <class T> T f_log2(T x, T y) { return std::log2(x + y); }
DDX_TANGENT(f_log2<float>);
template <class T> T f_log10(T x, T y) { return std::log10(x * y); }
DDX_TANGENT(f_log10<float>);
template <class T> T f_log1p(T x, T y) { return std::log1p(x * y); }
DDX_TANGENT(f_log1p<float>);
template <class T> T f_sqrt(T x, T y) { return std::sqrt(x * y); }
DDX_TANGENT(f_sqrt<float>);
template <class T> T f_cbrt(T x, T y) { return std::cbrt(x - y); }
DDX_TANGENT(f_cbrt<float>);
template <class T> T f_pow(T x, T y) { return std::pow(x, y); }
DDX_TANGENT(f_pow<float>);
template <class T> T f_hypot(T x, T y) { return std::hypot(x, y); }
DDX_TANGENT(f_hypot<float>);
template <class T> T f_fabs(T x, T y) { return std::fabs(x * y); }
DDX_TANGENT(f_fabs<float>);
template <class T> T f_fmin(T x, T y) { return std::fmin(x, y * y); }
DDX_TANGENT(f_fmin<float>);
template <class T> T f_fmax(T x, T y) { return std::fmax(x * y, x + y); }
DDX_TANGENT(f_fmax<float>);
template <class T> T f_floor(T x, T y) { return std::floor(x * y) * y; }
DDX_TANGENT(f_floor<float>);
template <class T> T f_ceil(T x, T y) { return std::ceil(x - y) * x; }
DDX_TANGENT(f_ceil<float>);
template <class T> T f_round(T x, T y) { return std::round(x * y) * x; }
DDX_TANGENT(f_round<float>);
template <class T> T f_trunc(T x, T y) { return std::trunc(x / y) * y; }
DDX_TANGENT(f_trunc<float>);
template <class T> T f_fmod(T x, T y) { return std::fmod(x, y); }
DDX_TANGENT(f_fmod<float>);
template <class T> T f_erf(T x, T y) { return std::erf(x * y); }
DDX_TANGENT(f_erf<float>);

int main() {
  const double kPi = 3.14159265358979323846;
  const float Pos[][2] = {{0.5f, 1.2f}, {1.3f, 2.1f}, {2.0f, 0.7f}};
  const float P[][2] = {{0.55f, 1.2f}, {-1.3f, 2.1f}, {2.1f, -0.65f},
                        {-2.3f, -1.7f}};
  ddx_test::check_tangent(
      "f_log", f_log_tangent, f_log<float>, f_log<long double>,
      [](double x, double y) { return A2{1 / x, 1 / y}; }, Pos);
  ddx_test::check_tangent(
      "f_log2", f_log2_tangent, f_log2<float>, f_log2<long double>,
      [](double x, double y) {
        double d = 1 / ((x + y) * std::log(2.0));
        return A2{d, d};
      },
      Pos);
  ddx_test::check_tangent(
      "f_log10", f_log10_tangent, f_log10<float>, f_log10<long double>,
      [](double x, double y) {
        double l10 = std::log(10.0);
        return A2{1 / (x * l10), 1 / (y * l10)};
      },
      Pos);
  ddx_test::check_tangent(
      "f_log1p", f_log1p_tangent, f_log1p<float>, f_log1p<long double>,
      [](double x, double y) {
        double d = 1 / (1 + x * y);
        return A2{d * y, d * x};
      },
      {{0.5f, 1.2f}, {2.0f, -0.3f}, {-1.5f, 0.4f}});
  ddx_test::check_tangent(
      "f_sqrt", f_sqrt_tangent, f_sqrt<float>, f_sqrt<long double>,
      [](double x, double y) {
        double d = 0.5 / std::sqrt(x * y);
        return A2{d * y, d * x};
      },
      Pos);
  ddx_test::check_tangent(
      "f_cbrt", f_cbrt_tangent, f_cbrt<float>, f_cbrt<long double>,
      [](double x, double y) {
        double c = std::cbrt(x - y), d = 1 / (3 * c * c);
        return A2{d, -d};
      },
      {{0.5f, 1.2f}, {2.3f, 0.1f}, {-2.0f, 6.0f}});
  ddx_test::check_tangent(
      "f_pow", f_pow_tangent, f_pow<float>, f_pow<long double>,
      [](double x, double y) {
        return A2{y * std::pow(x, y - 1), std::pow(x, y) * std::log(x)};
      },
      {{0.5f, 1.2f}, {1.3f, -2.1f}, {2.0f, 0.7f}});
  ddx_test::check_tangent(
      "f_hypot", f_hypot_tangent, f_hypot<float>, f_hypot<long double>,
      [](double x, double y) {
        double h = std::hypot(x, y);
        return A2{x / h, y / h};
      },
      P);
  ddx_test::check_tangent(
      "f_fabs", f_fabs_tangent, f_fabs<float>, f_fabs<long double>,
      [](double x, double y) {
        double s = x * y > 0 ? 1 : -1;
        return A2{s * y, s * x};
      },
      P);
  ddx_test::check_tangent(
      "f_fmin", f_fmin_tangent, f_fmin<float>, f_fmin<long double>,
      [](double x, double y) { return x < y * y ? A2{1, 0} : A2{0, 2 * y}; },
      P);
  ddx_test::check_tangent(
      "f_fmax", f_fmax_tangent, f_fmax<float>, f_fmax<long double>,
      [](double x, double y) {
        return x * y > x + y ? A2{y, x} : A2{1, 1};
      },
      {{0.5f, 1.2f}, {3.0f, 2.0f}, {-2.5f, -1.5f}});
  ddx_test::check_tangent(
      "f_floor", f_floor_tangent, f_floor<float>, f_floor<long double>,
      [](double x, double y) { return A2{0, std::floor(x * y)}; }, P);
  ddx_test::check_tangent(
      "f_ceil", f_ceil_tangent, f_ceil<float>, f_ceil<long double>,
      [](double x, double y) { return A2{std::ceil(x - y), 0}; }, P);
  ddx_test::check_tangent(
      "f_round", f_round_tangent, f_round<float>, f_round<long double>,
      [](double x, double y) { return A2{std::round(x * y), 0}; }, P);
  ddx_test::check_tangent(
      "f_trunc", f_trunc_tangent, f_trunc<float>, f_trunc<long double>,
      [](double x, double y) { return A2{0, std::trunc(x / y)}; }, P);
  ddx_test::check_tangent(
      "f_fmod", f_fmod_tangent, f_fmod<float>, f_fmod<long double>,
      [](double x, double y) { return A2{1, -std::trunc(x / y)}; },
      {{5.3f, 1.2f}, {-7.1f, 2.2f}, {2.9f, -0.75f}});
  ddx_test::check_tangent(
      "f_erf", f_erf_tangent, f_erf<float>, f_erf<long double>,
      [kPi](double x, double y) {
        double d = 2 / std::sqrt(kPi) * std::exp(-(x * y) * (x * y));
        return A2{d * y, d * x};
      },
      {{0.5f, 1.2f}, {-1.3f, 0.6f}, {2.0f, -0.7f}});
  return ddx_test::finish();
}
