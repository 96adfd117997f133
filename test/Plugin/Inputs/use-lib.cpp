// Calls the derivatives defined in lib.cpp through lib.ddx.h and checks
// them against closed forms.
#include "lib.ddx.h"
#include <cmath>
#include <cstdio>

static bool close(double a, double b) {
  return std::fabs(a - b) <= 1e-12 * (1 + std::fabs(b));
}

int main() {
  bool ok = true;
  double dm = 0, dv = 0;
  double e = phys::energy_grad(2.0, 3.0, &dm, &dv);
  ok &= close(e, 9.0) && close(dm, 4.5) && close(dv, 6.0);

  double x[3] = {0.0, 1.0, 3.0}, dx[3] = {0, 0, 0};
  phys::spring_adjoint(x, 3, 2.0, 1.0, dx);
  // d/dx of k/2 ((x1-x0)^2 + (x2-x1)^2) with k = 2.
  ok &= close(dx[0], -2.0) && close(dx[1], 2.0 - 4.0) && close(dx[2], 4.0);

  ddx::dual<double> w = wave_dx(0.5, 3.0, 1.0);
  ok &= close(w.value, std::sin(1.5) + 0.25) &&
        close(w.tangent, 3.0 * std::cos(1.5) + 1.0);
  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
