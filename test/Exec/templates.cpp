// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Function templates: DDX_TANGENT(f<double>) names f_tangent; a template
// calling templates (deduced and explicit arguments, nested calls); two
// instantiations of one template; a template with an int parameter, whose
// N = 0 instance has a zero derivative.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>

template <class T> T sq(T v) { return v * v; }

template <class T> T poly(T x, T y) { return sq(x) * y + sq<T>(y - x); }
DDX_TANGENT(poly<double>);
DDX_TANGENT_AS(poly_tangent_f, poly<float>);

template <class T> T quart(T x) { return sq(sq(x)) + sq(x); }
DDX_TANGENT(quart<double>);

template <int N> double powN(double x) {
  double r = 1;
  for (int i = 0; i < N; ++i)
    r *= x;
  return r;
}
DDX_TANGENT_AS(pow3_tangent, powN<3>);
DDX_TANGENT_AS(pow0_tangent, powN<0>);

std::array<double, 2> grad_poly(double x, double y) {
  return {2 * x * y - 2 * (y - x), x * x + 2 * (y - x)};
}

int main() {
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, -0.7}};
  ddx_test::check_tangent("poly", poly_tangent, poly<double>,
                          poly<long double>, grad_poly, P);
  ddx_test::check_tangent("poly<float>", poly_tangent_f, poly<float>,
                          poly<long double>, grad_poly,
                          {{0.5f, 1.2f}, {-1.3f, 2.1f}, {2.0f, -0.7f}});
  for (double x : {0.5, -1.25, 2.0}) {
    ddx_test::check_tangent("quart", quart_tangent, quart<double>,
                            quart<long double>,
                            [](double x) { return 4 * x * x * x + 2 * x; },
                            {x});
    ddx_test::check_tangent("powN<3>", pow3_tangent, powN<3>, powN<3>,
                            [](double x) { return 3 * x * x; }, {x});
    ddx_test::check_tangent("powN<0>", pow0_tangent, powN<0>, powN<0>,
                            [](double) { return 0.0; }, {x});
  }
  return ddx_test::finish();
}
