// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Math functions named through using-declarations: `using std::exp;
// exp(x)` at namespace scope, in a block and inside a namespace, and
// `using namespace std;`. They are the math functions, not constants: the
// derivative must include their terms.
#include <ddx/ddx.h>
#include "ddx_test.h"
#include <array>
#include <cmath>

using std::exp;
using std::log;

template <class T> T f(T x, T y) { return exp(x * y) + log(y) * x; }
DDX_TANGENT(f<double>);

double g(double x) {
  using std::cos;
  return cos(2 * x) * x;
}
DDX_TANGENT(g);

namespace num {
using std::sin;
inline double h(double x) { return sin(x) * x; }
} // namespace num
DDX_TANGENT_AS(h_tangent, num::h);

double k(double x) {
  using namespace std;
  return tanh(x) + pow(x, 2.0);
}
DDX_TANGENT(k);

std::array<double, 2> grad_f(double x, double y) {
  double e = std::exp(x * y);
  return {y * e + std::log(y), x * e + x / y};
}

int main() {
  ddx_test::check_tangent("f", f_tangent, f<double>, f<long double>, grad_f,
                          {{0.5, 1.2}, {-1.3, 2.1}, {2.0, 0.7}});
  for (double x : {0.5, -1.25, 2.0}) {
    ddx_test::check_tangent(
        "g", g_tangent, g, g,
        [](double x) { return -2 * std::sin(2 * x) * x + std::cos(2 * x); },
        {x});
    ddx_test::check_tangent(
        "num::h", h_tangent, num::h, num::h,
        [](double x) { return std::cos(x) * x + std::sin(x); }, {x});
    ddx_test::check_tangent(
        "k", k_tangent, k, k,
        [](double x) {
          double t = std::tanh(x);
          return 1 - t * t + 2 * x;
        },
        {x});
  }
  return ddx_test::finish();
}
