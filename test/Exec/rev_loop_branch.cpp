// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Branches inside loops and loops inside branches, in reverse: the branch
// taken in each iteration depends on the carried active value (so the
// reverse sweep needs each iteration's decision, not the last one's), and a
// loop that only runs on one side of an if.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <array>
#include <cmath>

template <class T> T f(T x, T y, int n) {
  T t = x;
  for (int i = 0; i < n; ++i) {
    if (std::sin(3 * t) > 0)
      t = t * y + 0.1;
    else if (t > 0)
      t = std::sqrt(t) + y * y;
    else
      t = -t * 0.5 + y;
  }
  return t;
}
DDX_TANGENT(f<double>);
DDX_GRADIENT(f<double>);
DDX_ADJOINT(f<double>);

std::array<double, 2> grad_f(double x, double y, int n) {
  double t = x, tx = 1, ty = 0;
  for (int i = 0; i < n; ++i) {
    if (std::sin(3 * t) > 0) {
      tx = tx * y;
      ty = ty * y + t;
      t = t * y + 0.1;
    } else if (t > 0) {
      double s = std::sqrt(t);
      tx = tx / (2 * s);
      ty = ty / (2 * s) + 2 * y;
      t = s + y * y;
    } else {
      tx = -0.5 * tx;
      ty = -0.5 * ty + 1;
      t = -t * 0.5 + y;
    }
  }
  return {tx, ty};
}

template <class T> T g(T x, T y, int n) {
  T r = x * y;
  if (r > 0) {
    for (int i = 0; i < n; ++i)
      r = r * 0.9 + std::cos(r) * x;
  } else {
    int k = 0;
    while (r < 1 && k < n) {
      r = r + y * y + 0.23;
      ++k;
    }
  }
  return r;
}
DDX_TANGENT(g<double>);
DDX_GRADIENT(g<double>);
DDX_ADJOINT(g<double>);

std::array<double, 2> grad_g(double x, double y, int n) {
  double r = x * y, rx = y, ry = x;
  if (r > 0) {
    for (int i = 0; i < n; ++i) {
      double s = std::sin(r), c = std::cos(r);
      rx = rx * 0.9 - s * rx * x + c;
      ry = ry * 0.9 - s * ry * x;
      r = r * 0.9 + c * x;
    }
  } else {
    int k = 0;
    while (r < 1 && k < n) {
      ry = ry + 2 * y;
      r = r + y * y + 0.23;
      ++k;
    }
  }
  return {rx, ry};
}

int main() {
  namespace R = ddx_rev_test;
  const double P[][2] = {{0.5, 1.3}, {-1.3, 0.7}, {1.1, -0.4}, {2.3, 0.45}};
  for (int n : {6, 0, 1, 15, 3}) {
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

    auto gg = [n](double x, double y, double *dx, double *dy) {
      return g_grad(x, y, n, dx, dy);
    };
    auto ga = [n](double x, double y, double dr, double *dx, double *dy) {
      g_adjoint(x, y, n, dr, dx, dy);
    };
    auto gt = [n](double x, double y, double dx, double dy) {
      return g_tangent(x, y, n, dx, dy);
    };
    auto gp = [n](auto x, auto y) { return g(x, y, n); };
    auto gan = [n](double x, double y) { return grad_g(x, y, n); };
    R::check_gradient("g_grad", gg, gp, gp, gan, P);
    R::check_adjoint("g_adjoint", ga, gp, gan, P);
    R::check_dot("g", gt, gg, P);
  }
  return R::finish();
}
