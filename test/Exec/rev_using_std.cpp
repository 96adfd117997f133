// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Math functions named through using-declarations, in reverse:
// `using std::exp; exp(x)` at namespace scope, in a block, inside a
// namespace, and `using namespace std;`. Their terms must be in the
// gradient (not dropped as if they were constants or unknown calls).
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

using std::exp;
using std::log;

template <class T> T f(T x, T y) { return exp(x * y) + log(y) * x; }
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y) {
  double e = std::exp(x * y);
  return {e * y + std::log(y), e * x + x / y};
}

double g(double x, double y) {
  using std::cos;
  using std::exp;
  return cos(2 * x) * y + exp(x - y);
}
DDX_TANGENT(g);
DDX_GRADIENT(g);
DDX_ADJOINT(g);

std::array<double, 2> grad_g(double x, double y) {
  double e = std::exp(x - y);
  return {-2 * std::sin(2 * x) * y + e, std::cos(2 * x) - e};
}

namespace num {
using std::sin;
inline double h(double x, double y) { return sin(x * y) * x; }
} // namespace num
DDX_GRADIENT_AS(h_grad, num::h);
DDX_ADJOINT_AS(h_adjoint, num::h);
DDX_TANGENT_AS(h_tangent, num::h);

std::array<double, 2> grad_h(double x, double y) {
  double c = std::cos(x * y);
  return {c * y * x + std::sin(x * y), c * x * x};
}

double k(double x, double y) {
  using namespace std;
  return tanh(x) * y + pow(x, 2.0) + sqrt(y);
}
DDX_TANGENT(k);
DDX_GRADIENT(k);
DDX_ADJOINT(k);

std::array<double, 2> grad_k(double x, double y) {
  double t = std::tanh(x);
  return {(1 - t * t) * y + 2 * x, t + 0.5 / std::sqrt(y)};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.2}, {-1.3, 2.1}, {2.0, 0.7}};
  R::check_gradient("f_grad", f_grad, f<double>, f<long double>, grad_f, P);
  R::check_adjoint("f_adjoint", f_adjoint, f<long double>, grad_f, P);
  R::check_dot("f", f_tangent, f_grad, P);
  R::check_gradient("g_grad", g_grad, g, g, grad_g, P);
  R::check_adjoint("g_adjoint", g_adjoint, g, grad_g, P);
  R::check_dot("g", g_tangent, g_grad, P);
  R::check_gradient("h_grad", h_grad, num::h, num::h, grad_h, P);
  R::check_adjoint("h_adjoint", h_adjoint, num::h, grad_h, P);
  R::check_dot_adjoint("h", h_tangent, h_adjoint, P);
  R::check_gradient("k_grad", k_grad, k, k, grad_k, P);
  R::check_adjoint("k_adjoint", k_adjoint, k, grad_k, P);
  R::check_dot("k", k_tangent, k_grad, P);
  return R::finish();
}
