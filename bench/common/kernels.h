//===- bench/common/kernels.h - every function the benchmarks call -*- C++ -*-===//
//
// For each kernel: the primal (kernels/<k>.cpp), the gradient `ddx gen`
// writes for its DDX_GRADIENT request (same file, only when built with
// DDX_BENCH_WITH_DDX), the hand-written gradient (hand/<k>_hand.cpp) and the
// ADOL-C recording (adolc/<k>_adolc.cpp: trace_on ... trace_off with the
// given buffer sizes, see adolc_support.h).
//
// All gradients follow ddx's contract: they return f's value and ADD the
// gradient into the d_ arrays (callers zero them). ADOL-C's drivers
// (gradient(), jacobian()) overwrite their output instead.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_BENCH_KERNELS_H
#define DDX_BENCH_KERNELS_H

#include "adolc_support.h"

// ---------------------------------------------------------------------------
// Extended (chained) Rosenbrock: sum_{i<n-1} 100 (x[i+1]-x[i]^2)^2 + (1-x[i])^2
double rosenbrock(const double* x, int n);
double rosenbrock_grad(const double* x, int n, double* d_x);       // ddx
double rosenbrock_hand_grad(const double* x, int n, double* d_x);  // by hand
// Records f on ADOL-C tape `tag` with x as the n independents.
void rosenbrock_adolc_record(short tag, const double* x, int n,
                             const AdolcBuffers& buffers);

// ---------------------------------------------------------------------------
// GMM negative log-likelihood (ADBench). The parameters are contiguous in the
// benchmarks: params = [alphas (k) | means (k*d) | icf (k*d*(d+1)/2)].
constexpr int gmm_num_params(int d, int k) {
  return k + k * d + k * (d * (d + 1) / 2);
}
double gmm_objective(int d, int k, int n, const double* alphas,
                     const double* means, const double* icf, const double* x,
                     double wishart_gamma, int wishart_m);
double gmm_objective_grad(int d, int k, int n, const double* alphas,  // ddx
                          const double* means, const double* icf,
                          const double* x, double wishart_gamma, int wishart_m,
                          double* d_alphas, double* d_means, double* d_icf);
double gmm_objective_hand_grad(int d, int k, int n, const double* alphas,
                               const double* means, const double* icf,
                               const double* x, double wishart_gamma,
                               int wishart_m, double* d_alphas,
                               double* d_means, double* d_icf);
// Records E on ADOL-C tape `tag` with params (as above) as the independents;
// x, gamma and m are constants on the tape.
void gmm_adolc_record(short tag, int d, int k, int n, const double* params,
                      const double* x, double wishart_gamma, int wishart_m,
                      const AdolcBuffers& buffers);

// ---------------------------------------------------------------------------
// Bundle-adjustment reprojection residual (ADBench). The 15 inputs are
// contiguous in the benchmarks: in = [cam (11) | X (3) | w].
constexpr int BA_NUM_IN = 15;
void ba_residual(const double* cam, const double* X, double w,
                 const double* feat, double* err);
// ddx's vector adjoint with 2 lanes: lane l of input k at d_<in>[k * 2 + l],
// seeded by d_err (lane l seeds err[l]; cleared on return).
void ba_residual_adjoint_n(const double* cam, const double* X, double w,
                           const double* feat, double* err, double* d_cam,
                           double* d_X, double* d_w, double* d_err);
// Both residuals and the whole 2x15 Jacobian (row-major, columns in the order
// cam, X, w), written (not added).
void ba_hand_jacobian(const double* cam, const double* X, double w,
                      const double* feat, double* err, double* J);
// Records both residuals (2 dependents) on ADOL-C tape `tag` with `in` (as
// above) as the 15 independents; feat is a constant on the tape.
void ba_adolc_record(short tag, const double* in, const double* feat,
                     const AdolcBuffers& buffers);

#endif // DDX_BENCH_KERNELS_H
