// bench-check: checks every gradient the benchmarks time before they are
// timed.
//   - the hand-written gradients against central finite differences
//     (fourth order, in double; relative 1e-6 of max(|g_i|, 1e-3 |g|_inf));
//   - ADOL-C's gradients, and ddx's when built with DDX_BENCH_WITH_DDX,
//     against the hand-written ones (|a - b|_inf <= 1e-10 |b|_inf), and
//     their values against the primal;
//   - that ddx's gradients add into their d_ storage rather than overwrite.
// Prints one line per check and exits non-zero if any fails.
#include "inputs.h"
#include "kernels.h"

#include <adolc/adolc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#ifndef DDX_BENCH_WITH_DDX
#define DDX_BENCH_WITH_DDX 0
#endif

namespace {

int failures = 0;

// Every recording gets its own tape number (see adolc_support.h).
short next_tag() {
  static short tag = 1;
  return tag++;
}

void report(const std::string& what, double err, double tol) {
  bool ok = err <= tol;  // false on NaN
  if (!ok)
    ++failures;
  std::printf("%-4s %-58s err %.2e (tol %.0e)\n", ok ? "ok" : "FAIL",
              what.c_str(), err, tol);
}

double inf_norm(const std::vector<double>& v) {
  double m = 0.0;
  for (double x : v)
    m = std::max(m, std::fabs(x));
  return m;
}

// |got - want|_inf / |want|_inf
double rel_err(const std::vector<double>& got, const std::vector<double>& want) {
  double e = 0.0;
  for (size_t i = 0; i < want.size(); ++i)
    e = std::max(e, std::fabs(got[i] - want[i]));
  double s = inf_norm(want);
  return s > 0.0 ? e / s : e;
}

double rel_err(double got, double want) {
  return std::fabs(got - want) / std::max(std::fabs(want), 1e-300);
}

// Fourth-order central difference of f along input i of v.
double central_difference(const std::function<double(const double*)>& f,
                          std::vector<double> v, size_t i, double h) {
  const double v0 = v[i];
  auto at = [&](double t) {
    v[i] = v0 + t;
    return f(v.data());
  };
  return (8.0 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12.0 * h);
}

// Worst error of the finite differences at `indices` against g, relative to
// max(|g_i|, 1e-3 |g|_inf).
double fd_err(const std::function<double(const double*)>& f,
              const std::vector<double>& v, const std::vector<double>& g,
              const std::vector<size_t>& indices, double rel_step) {
  const double floor = 1e-3 * inf_norm(g);
  double worst = 0.0;
  for (size_t i : indices) {
    double h = rel_step * std::max(1.0, std::fabs(v[i]));
    double fd = central_difference(f, v, i, h);
    worst = std::max(worst, std::fabs(fd - g[i]) / std::max(std::fabs(g[i]), floor));
  }
  return worst;
}

std::vector<size_t> spread(size_t n, size_t count) {
  std::vector<size_t> idx;
  if (n <= count) {
    for (size_t i = 0; i < n; ++i)
      idx.push_back(i);
    return idx;
  }
  for (size_t j = 0; j < count; ++j)
    idx.push_back(j * (n - 1) / (count - 1));
  return idx;
}

constexpr double AD_TOL = 1e-10;  // AD against hand-written
constexpr double FD_TOL = 1e-6;   // finite differences against hand-written

// ----------------------------------------------------------------------------
void check_rosenbrock(int n, size_t fd_count) {
  const std::string tag = "rosenbrock n=" + std::to_string(n);
  RosenbrockInput in = make_rosenbrock(n, 1);
  const double f = rosenbrock(in.x.data(), n);

  std::vector<double> hand(n, 0.0);
  report(tag + ": hand value", rel_err(rosenbrock_hand_grad(in.x.data(), n, hand.data()), f), 1e-13);
  auto fn = [n](const double* v) { return rosenbrock(v, n); };
  // f is a quartic polynomial in each x[i], so the fourth-order difference
  // has no truncation error and a large step keeps the rounding error of
  // the long sum small.
  report(tag + ": hand vs finite differences", fd_err(fn, in.x, hand, spread(n, fd_count), 0.1), FD_TOL);

  {
    const short t = next_tag();
    adolc_record_in_core(t, [&](short tape, const AdolcBuffers& b) {
      rosenbrock_adolc_record(tape, in.x.data(), n, b);
    });
    report(tag + ": ADOL-C tape in memory", adolc_tape_spilled(t) ? 1.0 : 0.0, 0.0);
    std::vector<double> g(n);
    int rc = gradient(t, n, in.x.data(), g.data());
    report(tag + ": ADOL-C gradient() return code >= 0", rc < 0 ? 1.0 : 0.0, 0.0);
    report(tag + ": ADOL-C vs hand", rel_err(g, hand), AD_TOL);
  }

#if DDX_BENCH_WITH_DDX
  std::vector<double> g(n, 0.0);
  report(tag + ": ddx value", rel_err(rosenbrock_grad(in.x.data(), n, g.data()), f), 1e-13);
  report(tag + ": ddx vs hand", rel_err(g, hand), AD_TOL);
  // adds: a second call doubles the gradient
  rosenbrock_grad(in.x.data(), n, g.data());
  for (double& v : g)
    v *= 0.5;
  report(tag + ": ddx adds into d_x", rel_err(g, hand), AD_TOL);
#endif
}

// ----------------------------------------------------------------------------
void check_gmm(int d, int k, int n, size_t fd_count) {
  const std::string tag = "gmm d=" + std::to_string(d) + " k=" + std::to_string(k) +
                          " n=" + std::to_string(n);
  GmmInput in = make_gmm(d, k, n, 2);
  const size_t np = in.params.size();
  auto fn = [&](const double* p) {
    return gmm_objective(d, k, n, p, p + k, p + k + k * d, in.x.data(),
                         in.wishart_gamma, in.wishart_m);
  };
  const double f = fn(in.params.data());

  std::vector<double> hand(np, 0.0);
  GmmGradParts h = gmm_grad_parts(in, hand.data());
  double v = gmm_objective_hand_grad(d, k, n, in.alphas(), in.means(), in.icf(), in.x.data(),
                                     in.wishart_gamma, in.wishart_m, h.alphas, h.means, h.icf);
  report(tag + ": hand value", rel_err(v, f), 1e-13);
  report(tag + ": hand vs finite differences", fd_err(fn, in.params, hand, spread(np, fd_count), 1e-3), FD_TOL);

  // The Wishart prior with m != 0 (the benchmark uses ADBench's m = 0).
  {
    GmmInput in2 = in;
    in2.wishart_gamma = 1.7;
    in2.wishart_m = 3;
    auto fn2 = [&](const double* p) {
      return gmm_objective(d, k, n, p, p + k, p + k + k * d, in2.x.data(),
                           in2.wishart_gamma, in2.wishart_m);
    };
    std::vector<double> hand2(np, 0.0);
    GmmGradParts h2 = gmm_grad_parts(in2, hand2.data());
    gmm_objective_hand_grad(d, k, n, in2.alphas(), in2.means(), in2.icf(), in2.x.data(),
                            in2.wishart_gamma, in2.wishart_m, h2.alphas, h2.means, h2.icf);
    report(tag + " gamma=1.7 m=3: hand vs finite differences",
           fd_err(fn2, in2.params, hand2, spread(np, fd_count), 1e-3), FD_TOL);
  }

  {
    const short t = next_tag();
    adolc_record_in_core(t, [&](short tape, const AdolcBuffers& b) {
      gmm_adolc_record(tape, d, k, n, in.params.data(), in.x.data(), in.wishart_gamma,
                       in.wishart_m, b);
    });
    report(tag + ": ADOL-C tape in memory", adolc_tape_spilled(t) ? 1.0 : 0.0, 0.0);
    std::vector<double> g(np);
    int rc = gradient(t, (int)np, in.params.data(), g.data());
    report(tag + ": ADOL-C gradient() return code >= 0", rc < 0 ? 1.0 : 0.0, 0.0);
    report(tag + ": ADOL-C vs hand", rel_err(g, hand), AD_TOL);
  }

#if DDX_BENCH_WITH_DDX
  std::vector<double> g(np, 0.0);
  GmmGradParts p = gmm_grad_parts(in, g.data());
  v = gmm_objective_grad(d, k, n, in.alphas(), in.means(), in.icf(), in.x.data(),
                         in.wishart_gamma, in.wishart_m, p.alphas, p.means, p.icf);
  report(tag + ": ddx value", rel_err(v, f), 1e-13);
  report(tag + ": ddx vs hand", rel_err(g, hand), AD_TOL);
  gmm_objective_grad(d, k, n, in.alphas(), in.means(), in.icf(), in.x.data(),
                     in.wishart_gamma, in.wishart_m, p.alphas, p.means, p.icf);
  for (double& x : g)
    x *= 0.5;
  report(tag + ": ddx adds into d_", rel_err(g, hand), AD_TOL);
#endif
}

// ----------------------------------------------------------------------------
void check_ba(bool zero_rotation) {
  const std::string tag = zero_rotation ? "ba rot=0 (small-angle branch)" : "ba";
  BaInput in = make_ba(3, zero_rotation);
  std::vector<double> err(2), J(2 * BA_NUM_IN);
  ba_hand_jacobian(in.cam(), in.X(), in.w(), in.feat, err.data(), J.data());
  double fe[2];
  ba_residual(in.cam(), in.X(), in.w(), in.feat, fe);
  for (int r = 0; r < 2; ++r) {
    const std::string row = tag + " residual " + std::to_string(r);
    report(row + ": hand value", rel_err(err[r], fe[r]), 1e-14);
    auto fn = [&](const double* v) {
      double e[2];
      ba_residual(v, v + 11, v[14], in.feat, e);
      return e[r];
    };
    std::vector<double> Jr(J.begin() + r * BA_NUM_IN, J.begin() + (r + 1) * BA_NUM_IN);
    report(row + ": hand vs finite differences",
           fd_err(fn, in.in, Jr, spread(BA_NUM_IN, BA_NUM_IN), 1e-5), FD_TOL);
  }

  {
    const short t = next_tag();
    adolc_record_in_core(t, [&](short tape, const AdolcBuffers& b) {
      ba_adolc_record(tape, in.in.data(), in.feat, b);
    });
    std::vector<double> JA(2 * BA_NUM_IN);
    double* rows[2] = {JA.data(), JA.data() + BA_NUM_IN};
    int rc = jacobian(t, 2, BA_NUM_IN, in.in.data(), rows);
    report(tag + ": ADOL-C jacobian() return code >= 0", rc < 0 ? 1.0 : 0.0, 0.0);
    report(tag + ": ADOL-C vs hand", rel_err(JA, J), AD_TOL);
  }

#if DDX_BENCH_WITH_DDX
  // The vector adjoint's columns (two lanes per input) as the row-major J.
  std::vector<double> cols(2 * BA_NUM_IN, 0.0);
  auto jacobian = [&] {
    double e[2] = {0, 0}, seeds[4] = {1, 0, 0, 1};
    ba_residual_adjoint_n(in.cam(), in.X(), in.w(), in.feat, e, cols.data(),
                          cols.data() + 22, cols.data() + 28, seeds);
    for (int r = 0; r < 2; ++r)
      report(tag + " residual " + std::to_string(r) + ": ddx value",
             rel_err(e[r], err[r]), 1e-14);
    report(tag + ": ddx clears its seeds",
           std::fabs(seeds[0]) + std::fabs(seeds[1]) + std::fabs(seeds[2]) +
               std::fabs(seeds[3]),
           0.0);
    std::vector<double> JD(2 * BA_NUM_IN);
    for (int r = 0; r < 2; ++r)
      for (int k = 0; k < BA_NUM_IN; ++k)
        JD[r * BA_NUM_IN + k] = cols[k * 2 + r];
    return JD;
  };
  report(tag + ": ddx vs hand", rel_err(jacobian(), J), AD_TOL);
  std::vector<double> JD = jacobian();
  for (double& x : JD)
    x *= 0.5;
  report(tag + ": ddx adds into d_", rel_err(JD, J), AD_TOL);
#endif
}

} // namespace

int main() {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("bench-check: ddx gradients %s\n",
              DDX_BENCH_WITH_DDX ? "included" : "not built (DDX_BENCH_WITH_DDX=OFF)");
  check_rosenbrock(10, 10);
  check_rosenbrock(ROSENBROCK_N, 40);
  check_gmm(3, 4, 20, 1000);
  check_gmm(GMM_D, GMM_K, GMM_N, 60);
  check_ba(false);
  check_ba(true);
  if (failures) {
    std::printf("bench-check: FAIL (%d checks failed)\n", failures);
    return 1;
  }
  std::printf("bench-check: PASS\n");
  return 0;
}
