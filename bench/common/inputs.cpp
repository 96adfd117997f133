#include "inputs.h"

#include "kernels.h"

#include <random>

RosenbrockInput make_rosenbrock(int n, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(-1.5, 1.5);
  RosenbrockInput r{n, std::vector<double>(n)};
  for (double& v : r.x)
    v = u(gen);
  return r;
}

GmmInput make_gmm(int d, int k, int n, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  std::uniform_real_distribution<double> usym(-1.0, 1.0);
  GmmInput g{d, k, n, std::vector<double>(gmm_num_params(d, k)),
             std::vector<double>(n * d), /*wishart_gamma=*/1.0,
             /*wishart_m=*/0};
  const int icf_sz = d * (d + 1) / 2;
  double* alphas = g.params.data();
  double* means = alphas + k;
  double* icf = means + k * d;
  for (int i = 0; i < k; ++i)
    alphas[i] = usym(gen);
  for (int i = 0; i < k * d; ++i)
    means[i] = u01(gen);
  for (int ik = 0; ik < k; ++ik)
    for (int j = 0; j < icf_sz; ++j)
      icf[ik * icf_sz + j] = j < d ? 0.5 * usym(gen) : 0.3 * usym(gen);
  for (double& v : g.x)
    v = u01(gen);
  return g;
}

GmmGradParts gmm_grad_parts(const GmmInput& in, double* g) {
  return {g, g + in.k, g + in.k + in.k * in.d};
}

BaInput make_ba(unsigned seed, bool zero_rotation) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  BaInput b;
  b.in.assign(15, 0.0);
  double* cam = b.in.data();
  for (int i = 0; i < 3; ++i)
    cam[i] = zero_rotation ? 0.0 : 0.2 * u(gen);       // rotation
  cam[3] = 0.3 * u(gen);                                // centre
  cam[4] = 0.3 * u(gen);
  cam[5] = -1.0 + 0.3 * u(gen);
  cam[6] = 500.0 + 50.0 * u(gen);                       // focal length
  cam[7] = 0.01 * u(gen);                               // principal point
  cam[8] = 0.01 * u(gen);
  cam[9] = -0.1 + 0.05 * u(gen);                        // radial distortion
  cam[10] = 0.02 + 0.01 * u(gen);
  double* X = cam + 11;
  X[0] = 1.0 * u(gen);
  X[1] = 1.0 * u(gen);
  X[2] = 5.0 + u(gen);
  b.in[14] = 0.8 + 0.2 * u(gen);                        // weight
  // a feature near the projection
  const double origin[2] = {0.0, 0.0};
  double r[2];
  ba_residual(b.cam(), b.X(), 1.0, origin, r);
  b.feat[0] = r[0] + 2.0 * u(gen);
  b.feat[1] = r[1] + 2.0 * u(gen);
  return b;
}
