// An exponential decay model, y(t) = a exp(-k t), and its least-squares fit
// to measurements.
#ifndef DDX_EXAMPLE_DECAY_H
#define DDX_EXAMPLE_DECAY_H

/// The model at time t: amplitude a, rate k.
double decay(double a, double k, double t);

/// The misfit sum_i (decay(a, k, t[i]) - y[i])^2 of n measurements.
double misfit(const double *t, const double *y, int n, double a, double k);

struct DecayFit {
  double a, k;    // the fitted parameters
  int iterations; // Gauss-Newton steps taken
};

/// Fits a and k to the measurements by Gauss-Newton, from (a0, k0).
DecayFit fit_decay(const double *t, const double *y, int n, double a0,
                   double k0);

#endif
