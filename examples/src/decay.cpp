// The decay model and its fit. ddx builds two derivatives from the requests
// below: decay_tangent (forward mode), which fit_decay uses further down in
// this file, and misfit_grad (reverse mode), which main.cpp calls through the
// generated header decay.ddx.h.
#include "decay.h"

#include <ddx/ddx.h>

#include <cmath>

#ifndef DECAY_MAX_ITERATIONS
#define DECAY_MAX_ITERATIONS 100
#endif

double decay(double a, double k, double t) { return a * std::exp(-k * t); }

// ddx::dual<double> decay_tangent(double a, double k, double t,
//                                 double d_a, double d_k);
DDX_TANGENT(decay, "a, k");

double misfit(const double *t, const double *y, int n, double a, double k) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    double r = decay(a, k, t[i]) - y[i];
    sum += r * r;
  }
  return sum;
}

// double misfit_grad(const double *t, const double *y, int n, double a,
//                    double k, double *d_a, double *d_k);
DDX_GRADIENT(misfit, "a, k");

DecayFit fit_decay(const double *t, const double *y, int n, double a0,
                   double k0) {
  DecayFit fit{a0, k0, 0};
  while (fit.iterations < DECAY_MAX_ITERATIONS) {
    // Normal equations J^T J step = -J^T r, one row of the Jacobian J per
    // measurement, from the tangent along a and along k.
    double jaa = 0, jak = 0, jkk = 0, ga = 0, gk = 0;
    for (int i = 0; i < n; ++i) {
      ddx::dual<double> da = decay_tangent(fit.a, fit.k, t[i], 1, 0);
      ddx::dual<double> dk = decay_tangent(fit.a, fit.k, t[i], 0, 1);
      double r = da.value - y[i];
      jaa += da.tangent * da.tangent;
      jak += da.tangent * dk.tangent;
      jkk += dk.tangent * dk.tangent;
      ga += da.tangent * r;
      gk += dk.tangent * r;
    }
    double det = jaa * jkk - jak * jak;
    double step_a = -(jkk * ga - jak * gk) / det;
    double step_k = -(jaa * gk - jak * ga) / det;
    fit.a += step_a;
    fit.k += step_k;
    ++fit.iterations;
    if (std::fabs(step_a) <= 1e-14 * std::fabs(fit.a) &&
        std::fabs(step_k) <= 1e-14 * std::fabs(fit.k))
      break;
  }
  return fit;
}
