// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// The Jacobian of straight-line code with two outputs written through
// `double* out`: a camera projection of a point given in spherical
// coordinates (r, theta, phi) onto an image plane at focal length f. With
// DDX_ADJOINT_N(project, 2) and unit seeds (lane l seeds out[l]), the d_
// lanes of each scalar input are the columns of the 2 x 4 Jacobian:
// d_p[l] = d out[l] / d p. Also the scalar DDX_ADJOINT of the same
// function: its calls, one per lane, agree with the lanes.
#include <ddx/ddx.h>
#include "ddx_vec_test.h"
#include <cmath>
#include <type_traits>
#include <vector>

template <class T> void project(T r, T theta, T phi, T f, T *out) {
  T st = std::sin(theta);
  T x = r * st * std::cos(phi);
  T y = r * st * std::sin(phi);
  T z = r * std::cos(theta) + 3;
  T inv = f / z;
  out[0] = x * inv;
  out[1] = y * inv;
}
DDX_TANGENT(project<double>);
DDX_ADJOINT(project<double>);
DDX_ADJOINT_N(project<double>, 2);

static_assert(std::is_same_v<decltype(&project_adjoint_n),
                             void (*)(double, double, double, double, double *,
                                      double *, double *, double *, double *,
                                      double *)>,
              "project_adjoint_n(r, theta, phi, f, out, d_r, d_theta, d_phi, "
              "d_f, d_out)");

// d out / d (r, theta, phi, f), by hand.
void jac(const double *p, double *J) {
  double r = p[0], th = p[1], ph = p[2], f = p[3];
  double st = std::sin(th), ct = std::cos(th), sp = std::sin(ph),
         cp = std::cos(ph);
  double z = r * ct + 3;
  double u[2] = {r * st * cp, r * st * sp};
  double du[2][3] = {{st * cp, r * ct * cp, -r * st * sp},
                     {st * sp, r * ct * sp, r * st * cp}};
  double dz[3] = {ct, -r * st, 0};
  for (int i = 0; i < 2; ++i) {
    for (int k = 0; k < 3; ++k)
      J[i * 4 + k] = f * (du[i][k] * z - u[i] * dz[k]) / (z * z);
    J[i * 4 + 3] = u[i] / z;
  }
}

int main() {
  namespace V = ddx_vec_test;
  const double P[][4] = {{1.5, 0.7, 0.3, 2.0},
                         {0.8, 2.1, -1.2, 0.5},
                         {2.5, -0.4, 2.8, 1.3}};
  auto primal = [](const auto *p, auto *y) {
    project(p[0], p[1], p[2], p[3], y);
  };
  auto tan = [](const double *p, const double *dp, double *y, double *dy) {
    project_tangent(p[0], p[1], p[2], p[3], y, dp[0], dp[1], dp[2], dp[3],
                    dy);
  };
  auto vadj = [](const double *p, const double *ybar, double *pbar,
                 double *y) {
    double d_out[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
    project_adjoint_n(p[0], p[1], p[2], p[3], y, pbar, pbar + 2, pbar + 4,
                      pbar + 6, d_out);
    for (double v : d_out)
      V::expect_eq("d_out on exit (pure outputs)", v, 0);
  };
  auto sadj = [](const double *p, const double *ybar, double *pbar) {
    double out[2], d_out[2] = {ybar[0], ybar[1]};
    project_adjoint(p[0], p[1], p[2], p[3], out, &pbar[0], &pbar[1], &pbar[2],
                    &pbar[3], d_out);
  };
  for (const auto &p : P) {
    std::vector<double> x(p, p + 4);
    V::check("project_adjoint_n", 2, primal, tan, vadj, jac, x, 2);
    V::check_vs_scalar("project_adjoint_n", 2, vadj, sadj, x, 2);

    // The Jacobian, explicitly: one call with d_out = identity (lane l seeds
    // out[l]); d_r[l] = d out[l] / d r, ...
    double out[2] = {0, 0}, d_out[4] = {1, 0, 0, 1};
    double d_r[2] = {0, 0}, d_th[2] = {0, 0}, d_ph[2] = {0, 0},
           d_f[2] = {0, 0};
    project_adjoint_n(p[0], p[1], p[2], p[3], out, d_r, d_th, d_ph, d_f,
                      d_out);
    double J[8];
    jac(p, J);
    double *cols[4] = {d_r, d_th, d_ph, d_f};
    for (int i = 0; i < 2; ++i)
      for (int k = 0; k < 4; ++k)
        V::expect_analytic(V::at("Jacobian column d_p", k, i).c_str(),
                           cols[k][i], J[i * 4 + k]);
  }
  return V::finish();
}
