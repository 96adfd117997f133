// Hand-written Jacobian of the bundle-adjustment residual (kernels/ba.cpp):
// both residuals and the full 2x15 Jacobian in one pass, by the chain rule
// through the small dense Jacobians of each stage.
//
// Rodrigues, theta = |rot| > 0, u = rot / theta, Xo = X - C:
//   P = cos(theta) Xo + sin(theta) (u x Xo) + (1 - cos(theta)) (u.Xo) u
//   dP/dXo  = R = cos I + sin [u]x + (1 - cos) u u^T
//   dP/drot = a u^T + B (I - u u^T) / theta, with
//     a = dP/dtheta = -sin Xo + cos (u x Xo) + sin (u.Xo) u
//     B = dP/du     = -sin [Xo]x + (1 - cos) ((u.Xo) I + u Xo^T)
// Fallback (rot == 0): P = Xo + rot x Xo, dP/drot = -[Xo]x,
//   dP/dXo = I + [rot]x.
// Then p = P[0..1] / P[2], dist = p L(|p|^2), proj = f dist + x0,
// err = w (proj - feat).
#include "kernels.h"

#include <cmath>

namespace {
// [v]x, the matrix of v x .
void cross_matrix(const double* v, double M[3][3]) {
  M[0][0] = 0.0;   M[0][1] = -v[2]; M[0][2] = v[1];
  M[1][0] = v[2];  M[1][1] = 0.0;   M[1][2] = -v[0];
  M[2][0] = -v[1]; M[2][1] = v[0];  M[2][2] = 0.0;
}
} // namespace

void ba_hand_jacobian(const double* cam, const double* X, double w,
                      const double* feat, double* err, double* J) {
  const double* rot = cam;
  const double Xo[3] = {X[0] - cam[3], X[1] - cam[4], X[2] - cam[5]};

  double P[3];         // the rotated point
  double dP_drot[3][3];
  double R[3][3];      // dP/dXo
  const double sqtheta = rot[0] * rot[0] + rot[1] * rot[1] + rot[2] * rot[2];
  if (sqtheta != 0.0) {
    const double theta = std::sqrt(sqtheta);
    const double c = std::cos(theta), s = std::sin(theta);
    const double inv = 1.0 / theta;
    const double u[3] = {rot[0] * inv, rot[1] * inv, rot[2] * inv};
    const double uxX[3] = {u[1] * Xo[2] - u[2] * Xo[1],
                           u[2] * Xo[0] - u[0] * Xo[2],
                           u[0] * Xo[1] - u[1] * Xo[0]};
    const double udX = u[0] * Xo[0] + u[1] * Xo[1] + u[2] * Xo[2];
    const double tmp = udX * (1.0 - c);
    double Ux[3][3], Xx[3][3];
    cross_matrix(u, Ux);
    cross_matrix(Xo, Xx);
    double a[3], B[3][3], Bu[3];
    for (int r = 0; r < 3; ++r) {
      P[r] = Xo[r] * c + uxX[r] * s + u[r] * tmp;
      a[r] = -s * Xo[r] + c * uxX[r] + s * udX * u[r];
      Bu[r] = 0.0;
      for (int q = 0; q < 3; ++q) {
        R[r][q] = (r == q ? c : 0.0) + s * Ux[r][q] + (1.0 - c) * u[r] * u[q];
        B[r][q] = -s * Xx[r][q] +
                  (1.0 - c) * ((r == q ? udX : 0.0) + u[r] * Xo[q]);
        Bu[r] += B[r][q] * u[q];
      }
    }
    for (int r = 0; r < 3; ++r)
      for (int q = 0; q < 3; ++q)
        dP_drot[r][q] = a[r] * u[q] + (B[r][q] - Bu[r] * u[q]) * inv;
  } else {
    double Rx[3][3], Xx[3][3];
    cross_matrix(rot, Rx);
    cross_matrix(Xo, Xx);
    for (int r = 0; r < 3; ++r) {
      P[r] = Xo[r] + (Rx[r][0] * Xo[0] + Rx[r][1] * Xo[1] + Rx[r][2] * Xo[2]);
      for (int q = 0; q < 3; ++q) {
        dP_drot[r][q] = -Xx[r][q];
        R[r][q] = (r == q ? 1.0 : 0.0) + Rx[r][q];
      }
    }
  }

  // perspective division: p = P[0..1] / P[2]
  const double iz = 1.0 / P[2];
  const double p[2] = {P[0] * iz, P[1] * iz};
  const double G[2][3] = {{iz, 0.0, -p[0] * iz}, {0.0, iz, -p[1] * iz}};

  // radial distortion: dist = p L, L = 1 + k1 rsq + k2 rsq^2
  const double k1 = cam[9], k2 = cam[10];
  const double rsq = p[0] * p[0] + p[1] * p[1];
  const double L = 1.0 + k1 * rsq + k2 * rsq * rsq;
  const double Lr = k1 + 2.0 * k2 * rsq;  // dL/drsq
  const double dist[2] = {p[0] * L, p[1] * L};
  const double M[2][2] = {{L + 2.0 * Lr * p[0] * p[0], 2.0 * Lr * p[0] * p[1]},
                          {2.0 * Lr * p[0] * p[1], L + 2.0 * Lr * p[1] * p[1]}};

  const double f = cam[6];
  const double wf = w * f;
  for (int r = 0; r < 2; ++r) {
    const double proj = f * dist[r] + cam[7 + r];
    err[r] = w * (proj - feat[r]);

    // A = d err_r / dP = w f (M G)[r]
    double A[3];
    for (int q = 0; q < 3; ++q)
      A[q] = wf * (M[r][0] * G[0][q] + M[r][1] * G[1][q]);

    double* Jr = J + r * BA_NUM_IN;
    for (int q = 0; q < 3; ++q) {
      const double dRot = A[0] * dP_drot[0][q] + A[1] * dP_drot[1][q] +
                          A[2] * dP_drot[2][q];
      const double dXo = A[0] * R[0][q] + A[1] * R[1][q] + A[2] * R[2][q];
      Jr[q] = dRot;       // rotation
      Jr[3 + q] = -dXo;   // camera centre
      Jr[11 + q] = dXo;   // point
    }
    Jr[6] = w * dist[r];                  // focal length
    Jr[7] = r == 0 ? w : 0.0;             // principal point x
    Jr[8] = r == 1 ? w : 0.0;             // principal point y
    Jr[9] = wf * p[r] * rsq;              // k1
    Jr[10] = wf * p[r] * rsq * rsq;       // k2
    Jr[14] = proj - feat[r];              // weight
  }
}
