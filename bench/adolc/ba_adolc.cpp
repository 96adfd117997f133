// ADOL-C version of the bundle-adjustment residual (kernels/ba.cpp): the
// same code on adoubles, with both residuals as dependents and in = [cam (11)
// | X (3) | w] as the 15 independents; feat is a constant on the tape.
// Evaluate the Jacobian with jacobian(tag, 2, 15, in, J) (J: 2 row
// pointers). The tape holds the branch taken when it was recorded (normal or
// small-angle Rodrigues): jacobian() returns a negative value at a point
// that takes the other one, and the tape must be recorded again there.
#include "kernels.h"

#include <adolc/adolc.h>

void ba_adolc_record(short tag, const double* in, const double* feat,
                     const AdolcBuffers& buffers) {
  adolc_trace_on(tag, buffers);
  adouble a[BA_NUM_IN];
  for (int i = 0; i < BA_NUM_IN; ++i)
    a[i] <<= in[i];
  const adouble* cam = a;
  const adouble* X = a + 11;
  const adouble& w = a[14];

  adouble xo = X[0] - cam[3];
  adouble yo = X[1] - cam[4];
  adouble zo = X[2] - cam[5];

  adouble xc, yc, zc;
  adouble sqtheta = cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2];
  if (sqtheta != 0.0) {
    adouble theta = sqrt(sqtheta);
    adouble costheta = cos(theta);
    adouble sintheta = sin(theta);
    adouble theta_inverse = 1.0 / theta;
    adouble ux = cam[0] * theta_inverse;
    adouble uy = cam[1] * theta_inverse;
    adouble uz = cam[2] * theta_inverse;
    adouble cx = uy * zo - uz * yo;
    adouble cy = uz * xo - ux * zo;
    adouble cz = ux * yo - uy * xo;
    adouble tmp = (ux * xo + uy * yo + uz * zo) * (1.0 - costheta);
    xc = xo * costheta + cx * sintheta + ux * tmp;
    yc = yo * costheta + cy * sintheta + uy * tmp;
    zc = zo * costheta + cz * sintheta + uz * tmp;
  } else {
    xc = xo + (cam[1] * zo - cam[2] * yo);
    yc = yo + (cam[2] * xo - cam[0] * zo);
    zc = zo + (cam[0] * yo - cam[1] * xo);
  }

  adouble px = xc / zc;
  adouble py = yc / zc;
  adouble rsq = px * px + py * py;
  adouble L = 1.0 + cam[9] * rsq + cam[10] * rsq * rsq;
  px = px * L;
  py = py * L;
  adouble projx = px * cam[6] + cam[7];
  adouble projy = py * cam[6] + cam[8];

  adouble rx = w * (projx - feat[0]);
  adouble ry = w * (projy - feat[1]);
  double err[2];
  rx >>= err[0];
  ry >>= err[1];
  trace_off();
}
