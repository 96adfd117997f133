// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// A `switch` with fall-through in a vector adjoint. The damped oscillator
// x'' = -a x - b x', as the system z' = M z, z = (x, v), is advanced over
// `steps` steps of dt by the Taylor polynomial of exp(M dt) of a chosen
// order, in Horner form: case 4 falls into case 3, 2 and 1 (each applying
// y = z + (M dt / k) y); unknown orders fall to `default` (no step). The
// final state is written through `out`: with 2 lanes and unit seeds the
// lanes are its 2 x 5 Jacobian with respect to (a, b, dt, x0, v0), checked
// against derivatives propagated by hand through the same steps.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <vector>

template <class T>
void taylor_step(T a, T b, T dt, T x0, T v0, int order, int steps, T *out) {
  T x = x0, v = v0;
  for (int s = 0; s < steps; ++s) {
    T yx = x, yv = v;
    T h = dt;
    switch (order) {
    case 4:
      h = dt / 4;
      {
        T nx = x + h * yv;
        T nv = v + h * (-a * yx - b * yv);
        yx = nx;
        yv = nv;
      }
      [[fallthrough]];
    case 3:
      h = dt / 3;
      {
        T nx = x + h * yv;
        T nv = v + h * (-a * yx - b * yv);
        yx = nx;
        yv = nv;
      }
      [[fallthrough]];
    case 2:
      h = dt / 2;
      {
        T nx = x + h * yv;
        T nv = v + h * (-a * yx - b * yv);
        yx = nx;
        yv = nv;
      }
      [[fallthrough]];
    case 1:
      h = dt;
      {
        T nx = x + h * yv;
        T nv = v + h * (-a * yx - b * yv);
        yx = nx;
        yv = nv;
      }
      break;
    default:
      break;
    }
    x = yx;
    v = yv;
  }
  out[0] = x;
  out[1] = v;
}
DDX_TANGENT(taylor_step<double>);
DDX_ADJOINT_N(taylor_step<double>, 2);

// Value and 5 partial derivatives, propagated by hand.
struct D5 {
  double v, d[5];
};
static D5 var(double v, int k) {
  D5 r{v, {0, 0, 0, 0, 0}};
  if (k >= 0)
    r.d[k] = 1;
  return r;
}
static D5 add(const D5 &p, const D5 &q) {
  D5 r{p.v + q.v, {}};
  for (int k = 0; k < 5; ++k)
    r.d[k] = p.d[k] + q.d[k];
  return r;
}
static D5 mul(const D5 &p, const D5 &q) {
  D5 r{p.v * q.v, {}};
  for (int k = 0; k < 5; ++k)
    r.d[k] = p.d[k] * q.v + p.v * q.d[k];
  return r;
}
static D5 scale(const D5 &p, double c) {
  D5 r{p.v * c, {}};
  for (int k = 0; k < 5; ++k)
    r.d[k] = p.d[k] * c;
  return r;
}

int main() {
  namespace V = ddx_vec_test;
  const double P[][5] = {{4.0, 0.3, 0.05, 1.0, 0.0},
                         {1.5, 1.2, 0.2, -0.4, 0.9},
                         {9.0, 0.05, 0.01, 0.3, -2.0}};
  for (int order : {4, 3, 2, 1, 0, 7}) {
    for (int steps : {10, 1, 0}) {
      auto pr = [order, steps](const auto *p, auto *y) {
        taylor_step(p[0], p[1], p[2], p[3], p[4], order, steps, y);
      };
      auto tan = [order, steps](const double *p, const double *dp, double *y,
                                double *dy) {
        taylor_step_tangent(p[0], p[1], p[2], p[3], p[4], order, steps, y,
                            dp[0], dp[1], dp[2], dp[3], dp[4], dy);
      };
      auto adj = [order, steps](const double *p, const double *ybar,
                                double *pbar, double *y) {
        double dout[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
        taylor_step_adjoint_n(p[0], p[1], p[2], p[3], p[4], order, steps, y,
                              pbar, pbar + 2, pbar + 4, pbar + 6, pbar + 8,
                              dout);
      };
      auto jac = [order, steps](const double *p, double *J) {
        D5 a = var(p[0], 0), b = var(p[1], 1), dt = var(p[2], 2),
           x = var(p[3], 3), v = var(p[4], 4);
        D5 na = scale(a, -1), nb = scale(b, -1);
        for (int s = 0; s < steps; ++s) {
          D5 yx = x, yv = v;
          int top = order >= 1 && order <= 4 ? order : 0;
          for (int k = top; k >= 1; --k) {
            D5 h = scale(dt, 1.0 / k);
            D5 nx = add(x, mul(h, yv));
            D5 nv = add(v, mul(h, add(mul(na, yx), mul(nb, yv))));
            yx = nx;
            yv = nv;
          }
          x = yx;
          v = yv;
        }
        for (int k = 0; k < 5; ++k) {
          J[k] = x.d[k];
          J[5 + k] = v.d[k];
        }
      };
      for (const auto &p : P)
        V::check("taylor_step_adjoint_n", 2, pr, tan, adj, jac,
                 std::vector<double>(p, p + 5), 2);
    }
  }
  return V::finish();
}
