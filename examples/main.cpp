// Fits the decay model to noise-free measurements, then checks the two
// derivatives ddx built against their closed forms. Exits 1 on a mismatch.
#include "decay.h"
#include "decay.ddx.h" // decay_tangent and misfit_grad, written by ddx

#include <cmath>
#include <cstdio>

namespace {

int failures = 0;

void check(const char *what, double ddx_value, double exact) {
  double err = std::fabs(ddx_value - exact);
  bool ok = err <= 1e-12 * (1 + std::fabs(exact));
  std::printf("%-22s ddx %22.15e   exact %22.15e   %s\n", what, ddx_value,
              exact, ok ? "ok" : "MISMATCH");
  if (!ok)
    ++failures;
}

} // namespace

int main() {
  // Measurements of 2.5 exp(-0.7 t) at t = 0, 0.5, ..., 4.5.
  const int n = 10;
  double t[n], y[n];
  for (int i = 0; i < n; ++i) {
    t[i] = 0.5 * i;
    y[i] = 2.5 * std::exp(-0.7 * t[i]);
  }

  // Forward mode: d decay / da and d decay / dk at one point.
  const double a = 1.5, k = 0.4, t0 = 2.0;
  double e = std::exp(-k * t0);
  check("d decay / da", decay_tangent(a, k, t0, 1, 0).tangent, e);
  check("d decay / dk", decay_tangent(a, k, t0, 0, 1).tangent, -a * t0 * e);

  // Reverse mode: the gradient of the misfit in (a, k).
  double ga = 0, gk = 0; // misfit_grad adds into them
  double value = misfit_grad(t, y, n, a, k, &ga, &gk);
  double exact_ga = 0, exact_gk = 0;
  for (int i = 0; i < n; ++i) {
    double ei = std::exp(-k * t[i]);
    double r = a * ei - y[i];
    exact_ga += 2 * r * ei;
    exact_gk += 2 * r * (-a * t[i] * ei);
  }
  check("misfit", value, misfit(t, y, n, a, k));
  check("d misfit / da", ga, exact_ga);
  check("d misfit / dk", gk, exact_gk);

  // The fit (Gauss-Newton on decay_tangent, in decay.cpp) recovers the
  // parameters the measurements were made with.
  DecayFit fit = fit_decay(t, y, n, a, k);
  std::printf("fit after %d Gauss-Newton steps: a = %.15f, k = %.15f\n",
              fit.iterations, fit.a, fit.k);
  check("fitted a", fit.a, 2.5);
  check("fitted k", fit.k, 0.7);

  if (failures != 0) {
    std::printf("FAIL: %d mismatches\n", failures);
    return 1;
  }
  std::printf("PASS\n");
  return 0;
}
