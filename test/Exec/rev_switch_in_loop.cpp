// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// switch with fall-through inside a loop, in reverse: each iteration takes
// a different path (i % 4, and a case chosen from an active value), so the
// reverse sweep needs the path of every iteration, in reverse order. A break
// inside the switch leaves the switch, not the loop; a continue inside it
// goes to the next iteration.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T r = x;
  for (int i = 0; i < n; ++i) {
    switch (i % 4) {
    case 0:
      r = r * y;
      [[fallthrough]];
    case 1:
      r = r + x * 0.5;
      break;
    case 2:
      r = std::sin(r) + y;
      [[fallthrough]];
    default:
      r = r * 0.75;
    }
  }
  return r;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double r = x, rx = 1, ry = 0;
  for (int i = 0; i < n; ++i) {
    int k = i % 4;
    if (k == 0) {
      rx = rx * y;
      ry = ry * y + r;
      r = r * y;
    }
    if (k == 0 || k == 1) {
      rx += 0.5;
      r = r + x * 0.5;
      continue;
    }
    if (k == 2) {
      double c = std::cos(r);
      rx = c * rx;
      ry = c * ry + 1;
      r = std::sin(r) + y;
    }
    rx *= 0.75;
    ry *= 0.75;
    r *= 0.75;
  }
  return {rx, ry};
}

// The case comes from an active value; continue inside the switch.
template <class T> T g(T x, T y) {
  T s = x;
  for (int i = 0; i < 12; ++i) {
    int k = static_cast<int>(std::floor(s * 3)) % 3;
    if (k < 0)
      k += 3;
    switch (k) {
    case 0:
      s = s + y;
      [[fallthrough]];
    case 1:
      s = s * 0.8 + 0.1;
      if (s > 2)
        continue;
      s = s * s;
      break;
    default:
      s = std::sqrt(s * s + 1) - y;
    }
    s = s * 0.9 + 0.05 * x;
  }
  return s;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y) {
  double s = x, sx = 1, sy = 0;
  for (int i = 0; i < 12; ++i) {
    int k = static_cast<int>(std::floor(s * 3)) % 3;
    if (k < 0)
      k += 3;
    bool skip = false;
    if (k == 0) {
      sy += 1;
      s = s + y;
    }
    if (k == 0 || k == 1) {
      sx *= 0.8;
      sy *= 0.8;
      s = s * 0.8 + 0.1;
      if (s > 2) {
        skip = true;
      } else {
        sx = 2 * s * sx;
        sy = 2 * s * sy;
        s = s * s;
      }
    } else {
      double h = std::sqrt(s * s + 1);
      sx = s / h * sx;
      sy = s / h * sy - 1;
      s = h - y;
    }
    if (skip)
      continue;
    sx = sx * 0.9 + 0.05;
    sy = sy * 0.9;
    s = s * 0.9 + 0.05 * x;
  }
  return {sx, sy};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.3}, {-1.3, 0.7}, {1.1, -0.4}};
  for (int n : {9, 0, 3, 1, 6, 2, 17}) {
    auto fg = [n](double x, double y, double *dx, double *dy) {
      return f_grad(x, y, n, dx, dy);
    };
    auto fa = [n](double x, double y, double dr, double *dx, double *dy) {
      f_adjoint(x, y, n, dr, dx, dy);
    };
    auto ft = [n](double x, double y, double dx, double dy) {
      return f_tangent(x, y, n, dx, dy);
    };
    auto fp = [n](auto x, auto y) { return f(x, y, n); };
    auto fan = [n](double x, double y) { return grad_f(x, y, n); };
    R::check_gradient("f_grad", fg, fp, fp, fan, P);
    R::check_adjoint("f_adjoint", fa, fp, fan, P);
    R::check_dot("f", ft, fg, P);
    R::check_dot_adjoint("f", ft, fa, P);
  }
  // Points away from the case boundaries (multiples of 1/3).
  const double Q[][2] = {{0.5, 0.3}, {0.9, 0.45}, {0.2, -0.3}, {1.7, 0.11}};
  R::check_gradient("g_grad", g_grad, g<double>, g<long double>, grad_g, Q);
  R::check_adjoint("g_adjoint", g_adjoint, g<long double>, grad_g, Q);
  R::check_dot("g", g_tangent, g_grad, Q);
  R::check_dot_adjoint("g", g_tangent, g_adjoint, Q);
  return R::finish();
}
