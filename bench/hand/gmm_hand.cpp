// Hand-written gradient of the GMM objective (kernels/gmm.cpp) with respect
// to alphas, means and icf. Returns E and adds the gradient into d_alphas,
// d_means, d_icf.
//
// For data point i and component k let z = x_i - mean_k, y = Q_k z and
// beta_k = alphas[k] + sum_r q_kr - |y|^2/2 (q_kr = log-diagonal, l = the
// strictly lower part of Q_k), and w_k = softmax_k(beta) (the
// responsibility). Then, summed over i:
//   dE/dalphas[k] += w_k
//   dE/dq_kr      += w_k (1 - y_r exp(q_kr) z_r)
//   dE/dl_k(r,c)  += -w_k y_r z_c          (r > c)
//   dE/dmean_k    += w_k Q_k^T y
// plus -n softmax(alphas) for the alphas' log-sum-exp and, from the Wishart
// prior, gamma^2 exp(2 q_kr) - m on the log-diagonal and gamma^2 l on the
// lower triangle. z and y of every component are kept for the second pass
// over the components of each data point.
#include "kernels.h"

#include <cmath>
#include <vector>

double gmm_objective_hand_grad(int d, int k, int n, const double* alphas,
                               const double* means, const double* icf,
                               const double* x, double wishart_gamma,
                               int wishart_m, double* d_alphas,
                               double* d_means, double* d_icf) {
  const double pi = 3.14159265358979323846;
  const int icf_sz = d * (d + 1) / 2;

  std::vector<double> Qdiags(k * d), sum_qs(k);
  for (int ik = 0; ik < k; ++ik) {
    double s = 0.0;
    for (int id = 0; id < d; ++id) {
      s += icf[ik * icf_sz + id];
      Qdiags[ik * d + id] = std::exp(icf[ik * icf_sz + id]);
    }
    sum_qs[ik] = s;
  }

  std::vector<double> zs(k * d), ys(k * d), beta(k);
  double slse = 0.0;
  for (int ix = 0; ix < n; ++ix) {
    const double* xi = x + ix * d;
    // forward: beta_k, keeping z and y
    for (int ik = 0; ik < k; ++ik) {
      double* z = &zs[ik * d];
      double* y = &ys[ik * d];
      const double* Qd = &Qdiags[ik * d];
      const double* Lk = icf + ik * icf_sz + d;
      for (int id = 0; id < d; ++id) {
        z[id] = xi[id] - means[ik * d + id];
        y[id] = Qd[id] * z[id];
      }
      int l = 0;
      for (int c = 0; c < d; ++c)
        for (int r = c + 1; r < d; ++r)
          y[r] += Lk[l++] * z[c];
      double sqnorm = 0.0;
      for (int id = 0; id < d; ++id)
        sqnorm += y[id] * y[id];
      beta[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm;
    }
    double mx = beta[0];
    for (int ik = 1; ik < k; ++ik)
      if (beta[ik] > mx)
        mx = beta[ik];
    double se = 0.0;
    for (int ik = 0; ik < k; ++ik) {
      beta[ik] = std::exp(beta[ik] - mx);  // now unnormalised weights
      se += beta[ik];
    }
    slse += mx + std::log(se);

    // reverse: accumulate w_k times the derivatives of beta_k
    const double inv_se = 1.0 / se;
    for (int ik = 0; ik < k; ++ik) {
      const double wk = beta[ik] * inv_se;
      const double* z = &zs[ik * d];
      const double* y = &ys[ik * d];
      const double* Qd = &Qdiags[ik * d];
      const double* Lk = icf + ik * icf_sz + d;
      double* dq = d_icf + ik * icf_sz;
      double* dL = dq + d;
      double* dmu = d_means + ik * d;
      d_alphas[ik] += wk;
      int l = 0;
      for (int c = 0; c < d; ++c) {
        const double wyc = wk * y[c];
        double qty = Qd[c] * wyc;  // (Q^T (w y))_c
        dq[c] += wk - wyc * Qd[c] * z[c];
        const double wzc = wk * z[c];
        for (int r = c + 1; r < d; ++r) {
          qty += Lk[l] * (wk * y[r]);
          dL[l] -= wzc * y[r];
          ++l;
        }
        dmu[c] += qty;
      }
    }
  }

  // - n logsumexp(alphas)
  double amx = alphas[0];
  for (int ik = 1; ik < k; ++ik)
    if (alphas[ik] > amx)
      amx = alphas[ik];
  double ase = 0.0;
  for (int ik = 0; ik < k; ++ik)
    ase += std::exp(alphas[ik] - amx);
  const double lse_alphas = amx + std::log(ase);
  for (int ik = 0; ik < k; ++ik)
    d_alphas[ik] -= n * (std::exp(alphas[ik] - amx) / ase);

  // Wishart prior
  const double g2 = wishart_gamma * wishart_gamma;
  double prior = 0.0;
  for (int ik = 0; ik < k; ++ik) {
    double frobenius = 0.0;
    double* dq = d_icf + ik * icf_sz;
    for (int id = 0; id < d; ++id) {
      const double q = Qdiags[ik * d + id];
      frobenius += q * q;
      dq[id] += g2 * q * q - wishart_m;
    }
    for (int j = d; j < icf_sz; ++j) {
      const double v = icf[ik * icf_sz + j];
      frobenius += v * v;
      dq[j] += g2 * v;
    }
    prior += 0.5 * g2 * frobenius - wishart_m * sum_qs[ik];
  }

  const double constant = -0.5 * n * d * std::log(2.0 * pi);
  return constant + slse - n * lse_alphas + prior;
}
