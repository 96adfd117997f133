// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// switch with fall-through in reverse: case 0 runs the code of cases 0, 1
// and 2, case 4 that of 4, 5 and default; the reverse sweep must undo them
// in the opposite order (r is overwritten along the way). Every label is
// taken.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int mode) {
  T r = x;
  switch (mode) {
  case 0:
    r *= y;
    [[fallthrough]];
  case 1:
    r += 3 * x;
    [[fallthrough]];
  case 2:
    r = r * y;
    break;
  case 3:
    r = std::sin(r * y);
    break;
  case 4:
  case 5:
    r = -r * r;
    [[fallthrough]];
  default:
    r += x * y * y;
  }
  return r * r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

// Returns {r, dr/dx, dr/dy}; the gradient of r^2 is 2 r (dr).
std::array<double, 3> inner(double x, double y, int mode) {
  switch (mode) {
  case 0: // x y^2 + 3 x y
    return {x * y * y + 3 * x * y, y * y + 3 * y, 2 * x * y + 3 * x};
  case 1: // 4 x y
    return {4 * x * y, 4 * y, 4 * x};
  case 2: // x y
    return {x * y, y, x};
  case 3: // sin(x y)
    return {std::sin(x * y), std::cos(x * y) * y, std::cos(x * y) * x};
  case 4:
  case 5: // -x^2 + x y^2
    return {-x * x + x * y * y, -2 * x + y * y, 2 * x * y};
  default: // x + x y^2
    return {x + x * y * y, 1 + y * y, 2 * x * y};
  }
}
std::array<double, 2> grad_f(double x, double y, int mode) {
  auto r = inner(x, y, mode);
  return {2 * r[0] * r[1], 2 * r[0] * r[2]};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{1.5, -2.0}, {0.3, 0.7}, {-2.5, 3.25}};
  for (int mode : {3, -1, 0, 7, 1, 4, 2, 5, 6, 0}) {
    auto fg = [mode](double x, double y, double *dx, double *dy) {
      return f_grad(x, y, mode, dx, dy);
    };
    auto fa = [mode](double x, double y, double dr, double *dx, double *dy) {
      f_adjoint(x, y, mode, dr, dx, dy);
    };
    auto ft = [mode](double x, double y, double dx, double dy) {
      return f_tangent(x, y, mode, dx, dy);
    };
    auto fp = [mode](auto x, auto y) { return f(x, y, mode); };
    auto fan = [mode](double x, double y) { return grad_f(x, y, mode); };
    R::check_gradient("f_grad", fg, fp, fp, fan, P);
    R::check_adjoint("f_adjoint", fa, fp, fan, P);
    R::check_dot("f", ft, fg, P);
    R::check_dot_adjoint("f", ft, fa, P);
  }
  return R::finish();
}
