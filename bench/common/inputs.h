//===- bench/common/inputs.h - deterministic benchmark inputs ----*- C++ -*-===//
#ifndef DDX_BENCH_INPUTS_H
#define DDX_BENCH_INPUTS_H

#include <vector>

// Benchmark sizes.
constexpr int ROSENBROCK_N = 1000000;
constexpr int GMM_D = 10, GMM_K = 25, GMM_N = 1000;

struct RosenbrockInput {
  int n;
  std::vector<double> x;
};
RosenbrockInput make_rosenbrock(int n, unsigned seed);

struct GmmInput {
  int d, k, n;
  std::vector<double> params;  // [alphas (k) | means (k*d) | icf]
  std::vector<double> x;       // n*d data points
  double wishart_gamma;
  int wishart_m;
  const double* alphas() const { return params.data(); }
  const double* means() const { return params.data() + k; }
  const double* icf() const { return params.data() + k + k * d; }
};
GmmInput make_gmm(int d, int k, int n, unsigned seed);
// Pointers to the alphas, means and icf parts of a gradient laid out like
// GmmInput::params.
struct GmmGradParts {
  double *alphas, *means, *icf;
};
GmmGradParts gmm_grad_parts(const GmmInput& in, double* g);

struct BaInput {
  std::vector<double> in;  // [cam (11) | X (3) | w]
  double feat[2];
  const double* cam() const { return in.data(); }
  const double* X() const { return in.data() + 11; }
  double w() const { return in[14]; }
};
// A camera with a rotation of about 0.3 rad looking at a point about 6 units
// in front of it; zero_rotation = true gives the small-angle branch.
BaInput make_ba(unsigned seed, bool zero_rotation = false);

#endif // DDX_BENCH_INPUTS_H
