// ADOL-C version of the GMM objective (kernels/gmm.cpp): the same code on
// adoubles, recorded on a tape with params = [alphas | means | icf] as the
// independents; the data x, gamma and m are constants on the tape. Evaluate
// the gradient with gradient(tag, gmm_num_params(d, k), params, g).
//
// The maxima in the log-sum-exps are taken with adouble comparisons, as in
// ADBench's templated code; the tape records them, and gradient() returns a
// negative value if a comparison would go the other way at a new point (the
// result does not depend on which element is the maximum, so the gradient is
// right either way).
#include "kernels.h"

#include <adolc/adolc.h>

#include <cmath>
#include <vector>

void gmm_adolc_record(short tag, int d, int k, int n, const double* params,
                      const double* x, double wishart_gamma, int wishart_m,
                      const AdolcBuffers& buffers) {
  const double pi = 3.14159265358979323846;
  const int icf_sz = d * (d + 1) / 2;

  adolc_trace_on(tag, buffers);
  std::vector<adouble> p(gmm_num_params(d, k));
  for (int i = 0; i < gmm_num_params(d, k); ++i)
    p[i] <<= params[i];
  const adouble* alphas = &p[0];
  const adouble* means = &p[k];
  const adouble* icf = &p[k + k * d];

  std::vector<adouble> Qdiags(k * d), sum_qs(k);
  for (int ik = 0; ik < k; ++ik) {
    sum_qs[ik] = 0.0;
    for (int id = 0; id < d; ++id) {
      sum_qs[ik] += icf[ik * icf_sz + id];
      Qdiags[ik * d + id] = exp(icf[ik * icf_sz + id]);
    }
  }

  std::vector<adouble> xcentered(d), Qxcentered(d), main_term(k);
  adouble slse = 0.0;
  for (int ix = 0; ix < n; ++ix) {
    for (int ik = 0; ik < k; ++ik) {
      for (int id = 0; id < d; ++id)
        xcentered[id] = x[ix * d + id] - means[ik * d + id];
      for (int id = 0; id < d; ++id)
        Qxcentered[id] = Qdiags[ik * d + id] * xcentered[id];
      int l = ik * icf_sz + d;
      for (int i = 0; i < d; ++i) {
        for (int j = i + 1; j < d; ++j) {
          Qxcentered[j] += icf[l] * xcentered[i];
          ++l;
        }
      }
      adouble sqnorm = 0.0;
      for (int id = 0; id < d; ++id)
        sqnorm += Qxcentered[id] * Qxcentered[id];
      main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm;
    }
    adouble mx = main_term[0];
    for (int ik = 1; ik < k; ++ik)
      if (main_term[ik] > mx)
        mx = main_term[ik];
    adouble se = 0.0;
    for (int ik = 0; ik < k; ++ik)
      se += exp(main_term[ik] - mx);
    slse += mx + log(se);
  }

  adouble amx = alphas[0];
  for (int ik = 1; ik < k; ++ik)
    if (alphas[ik] > amx)
      amx = alphas[ik];
  adouble ase = 0.0;
  for (int ik = 0; ik < k; ++ik)
    ase += exp(alphas[ik] - amx);
  adouble lse_alphas = amx + log(ase);

  adouble prior = 0.0;
  for (int ik = 0; ik < k; ++ik) {
    adouble frobenius = 0.0;
    for (int id = 0; id < d; ++id)
      frobenius += Qdiags[ik * d + id] * Qdiags[ik * d + id];
    for (int j = d; j < icf_sz; ++j)
      frobenius += icf[ik * icf_sz + j] * icf[ik * icf_sz + j];
    prior += 0.5 * wishart_gamma * wishart_gamma * frobenius -
             double(wishart_m) * sum_qs[ik];
  }

  const double constant = -0.5 * n * d * std::log(2.0 * pi);
  adouble E = constant + slse - double(n) * lse_alphas + prior;
  double e;
  E >>= e;
  trace_off();
}
