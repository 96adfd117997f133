// Bundle-adjustment reprojection residual, the ADBench BA objective
// (computeReprojError): one camera, one 3-D point, one weight.
//
//   cam[0..2]  Rodrigues rotation vector     cam[3..5]  camera centre
//   cam[6]     focal length                  cam[7..8]  principal point
//   cam[9..10] radial distortion k1, k2
//   X[0..2]    the point;  w the weight;  feat[0..1] the observed feature
//
//   Xcam = R(cam[0..2]) (X - C);  p = Xcam[0..1] / Xcam[2];
//   proj = f p (1 + k1 |p|^2 + k2 |p|^4) + principal point;
//   residual = w (proj - feat)
//
// The rotation falls back to first order, X + rot x X, when the rotation
// vector is exactly zero (ADBench's test). The residual has two components,
// written to err[0..1]; the 2x15 Jacobian is the vector adjoint with two
// lanes and unit seeds: one primal sweep, and a reverse sweep that carries
// both rows.

#include <ddx/ddx.h>
#include <cmath>

void ba_residual(const double* cam, const double* X, double w,
                 const double* feat, double* err) {
  // the point relative to the camera centre
  double xo = X[0] - cam[3];
  double yo = X[1] - cam[4];
  double zo = X[2] - cam[5];

  // rotate it (Rodrigues)
  double xc, yc, zc;
  double sqtheta = cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2];
  if (sqtheta != 0.0) {
    double theta = std::sqrt(sqtheta);
    double costheta = std::cos(theta);
    double sintheta = std::sin(theta);
    double theta_inverse = 1.0 / theta;
    // unit axis
    double ux = cam[0] * theta_inverse;
    double uy = cam[1] * theta_inverse;
    double uz = cam[2] * theta_inverse;
    // axis x point
    double cx = uy * zo - uz * yo;
    double cy = uz * xo - ux * zo;
    double cz = ux * yo - uy * xo;
    double tmp = (ux * xo + uy * yo + uz * zo) * (1.0 - costheta);
    xc = xo * costheta + cx * sintheta + ux * tmp;
    yc = yo * costheta + cy * sintheta + uy * tmp;
    zc = zo * costheta + cz * sintheta + uz * tmp;
  } else {
    // small-angle fallback: X + rot x X
    xc = xo + (cam[1] * zo - cam[2] * yo);
    yc = yo + (cam[2] * xo - cam[0] * zo);
    zc = zo + (cam[0] * yo - cam[1] * xo);
  }

  // perspective division
  double px = xc / zc;
  double py = yc / zc;

  // radial distortion
  double rsq = px * px + py * py;
  double L = 1.0 + cam[9] * rsq + cam[10] * rsq * rsq;
  px = px * L;
  py = py * L;

  // focal length and principal point
  double projx = px * cam[6] + cam[7];
  double projy = py * cam[6] + cam[8];

  err[0] = w * (projx - feat[0]);
  err[1] = w * (projy - feat[1]);
}

// void ba_residual_adjoint_n(const double* cam, const double* X, double w,
//                            const double* feat, double* err, double* d_cam,
//                            double* d_X, double* d_w, double* d_err);
// d_err holds the seeds (lane l seeds err[l]: {1, 0, 0, 1} for the
// Jacobian) and is cleared; d_cam[k * 2 + l] += d err[l] / d cam[k].
DDX_ADJOINT_N(ba_residual, 2, "cam, X, w");
