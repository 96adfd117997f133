// Gaussian mixture model negative log-likelihood, the ADBench GMM objective
// (Srajer, Kukelova & Fitzgibbon, "A benchmark of selected algorithmic
// differentiation tools on some problems in computer vision and machine
// learning", 2018), written the way ADBench's C++ reference writes it.
//
//   d dimensions, k components, n data points x[n*d];
//   alphas[k]     mixture weights (log-space, unnormalised);
//   means[k*d]    component means;
//   icf[k*(d*(d+1)/2)]  inverse covariance factor of each component: Q_k is
//                 lower triangular with diagonal exp(icf[0..d-1]) and the
//                 strictly lower triangle icf[d..] stored column by column.
//
//   E = -n d/2 log(2 pi)
//       + sum_i logsumexp_k( alphas[k] + sum(log diag Q_k)
//                            - 1/2 |Q_k (x_i - mean_k)|^2 )
//       - n logsumexp(alphas)
//       + sum_k ( gamma^2/2 |Q_k|_F^2 - m sum(log diag Q_k) )   (Wishart prior)
//
// The Wishart prior's normalising constant -k C(d, m, gamma) (it needs
// lgamma) is left out: it does not depend on the parameters. Both
// log-sum-exps subtract the maximum first.

#include <ddx/ddx.h>
#include <cmath>

// Capacity of the local arrays. Callers check d <= GMM_MAX_D and
// k <= GMM_MAX_K.
constexpr int GMM_MAX_D = 16;
constexpr int GMM_MAX_K = 32;

double gmm_objective(int d, int k, int n, const double* alphas,
                     const double* means, const double* icf, const double* x,
                     double wishart_gamma, int wishart_m) {
  const double pi = 3.14159265358979323846;
  const int icf_sz = d * (d + 1) / 2;

  // Diagonal of each Q_k and the sum of its logarithm (log det Q_k).
  double Qdiags[GMM_MAX_K * GMM_MAX_D];
  double sum_qs[GMM_MAX_K];
  for (int ik = 0; ik < k; ++ik) {
    sum_qs[ik] = 0.0;
    for (int id = 0; id < d; ++id) {
      sum_qs[ik] += icf[ik * icf_sz + id];
      Qdiags[ik * d + id] = std::exp(icf[ik * icf_sz + id]);
    }
  }

  double xcentered[GMM_MAX_D];
  double Qxcentered[GMM_MAX_D];
  double main_term[GMM_MAX_K];
  double slse = 0.0;
  for (int ix = 0; ix < n; ++ix) {
    for (int ik = 0; ik < k; ++ik) {
      for (int id = 0; id < d; ++id)
        xcentered[id] = x[ix * d + id] - means[ik * d + id];
      // Qxcentered = Q_k * xcentered
      for (int id = 0; id < d; ++id)
        Qxcentered[id] = Qdiags[ik * d + id] * xcentered[id];
      int l = ik * icf_sz + d;
      for (int i = 0; i < d; ++i) {
        for (int j = i + 1; j < d; ++j) {
          Qxcentered[j] += icf[l] * xcentered[i];
          ++l;
        }
      }
      double sqnorm = 0.0;
      for (int id = 0; id < d; ++id)
        sqnorm += Qxcentered[id] * Qxcentered[id];
      main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm;
    }
    // log-sum-exp over the components
    double mx = main_term[0];
    for (int ik = 1; ik < k; ++ik)
      if (main_term[ik] > mx)
        mx = main_term[ik];
    double se = 0.0;
    for (int ik = 0; ik < k; ++ik)
      se += std::exp(main_term[ik] - mx);
    slse += mx + std::log(se);
  }

  // log-sum-exp of the mixture weights
  double amx = alphas[0];
  for (int ik = 1; ik < k; ++ik)
    if (alphas[ik] > amx)
      amx = alphas[ik];
  double ase = 0.0;
  for (int ik = 0; ik < k; ++ik)
    ase += std::exp(alphas[ik] - amx);
  double lse_alphas = amx + std::log(ase);

  // Wishart prior, without its constant
  double prior = 0.0;
  for (int ik = 0; ik < k; ++ik) {
    double frobenius = 0.0;
    for (int id = 0; id < d; ++id)
      frobenius += Qdiags[ik * d + id] * Qdiags[ik * d + id];
    for (int j = d; j < icf_sz; ++j)
      frobenius += icf[ik * icf_sz + j] * icf[ik * icf_sz + j];
    prior += 0.5 * wishart_gamma * wishart_gamma * frobenius -
             wishart_m * sum_qs[ik];
  }

  const double constant = -0.5 * n * d * std::log(2.0 * pi);
  return constant + slse - n * lse_alphas + prior;
}

// double gmm_objective_grad(int d, int k, int n, const double* alphas,
//                           const double* means, const double* icf,
//                           const double* x, double wishart_gamma,
//                           int wishart_m, double* d_alphas,
//                           double* d_means, double* d_icf);
DDX_GRADIENT(gmm_objective, "alphas, means, icf");
