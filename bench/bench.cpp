// ddx-bench: times, for each kernel, the function f, the hand-written
// gradient, ADOL-C's taped gradient (and the cost of recording its tape) and
// ddx's gradient, then prints the ratios from the same run.
//
// Benchmarks are named <kernel>/<variant>, variant one of f, hand, adolc,
// adolc_retape, ddx. "Gradient" means the full gradient (for ba, the 2x15
// Jacobian: one vector adjoint with two lanes for ddx, one jacobian() call
// for ADOL-C, one pass for the hand-written code). The gradients add into their output
// (ddx's contract), which is not zeroed between calls: the time is that of
// the call alone. ADOL-C's drivers overwrite theirs.
//
// Any Google Benchmark flag works; the summary uses the median CPU time over
// the repetitions (--benchmark_repetitions=N), and goes to stderr when
// --benchmark_format is not console.
#include "inputs.h"
#include "kernels.h"

#include <adolc/adolc.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#ifndef DDX_BENCH_WITH_DDX
#define DDX_BENCH_WITH_DDX 0
#endif

namespace {

// ADOL-C tape numbers: one per recording (see adolc_support.h).
constexpr short TAG_ROSENBROCK = 1, TAG_GMM = 2, TAG_BA = 3;
constexpr short TAG_ROSENBROCK_RETAPE = 11, TAG_GMM_RETAPE = 12, TAG_BA_RETAPE = 13;

// ---------------------------------------------------------------------------
// Inputs and tapes, made before the benchmarks run (main calls the setups
// in order of tape size, smallest first: ADOL-C's location store never
// shrinks, and a tape records the store's size (NUM_MAX_LIVES) when it is
// recorded, and every forward sweep of it allocates arrays of that size. A
// BA tape recorded after the Rosenbrock tape makes jacobian() take ~20 ms
// instead of ~3 us).

struct RosenbrockSetup {
  RosenbrockInput in = make_rosenbrock(ROSENBROCK_N, 1);
  AdolcBuffers buffers;
  RosenbrockSetup() {
    buffers = adolc_record_in_core(TAG_ROSENBROCK, [&](short tag, const AdolcBuffers& b) {
      rosenbrock_adolc_record(tag, in.x.data(), in.n, b);
    });
  }
};
RosenbrockSetup& rosenbrock_setup() {
  static RosenbrockSetup s;
  return s;
}

struct GmmSetup {
  GmmInput in = make_gmm(GMM_D, GMM_K, GMM_N, 2);
  AdolcBuffers buffers;
  void record(short tag, const AdolcBuffers& b) {
    gmm_adolc_record(tag, in.d, in.k, in.n, in.params.data(), in.x.data(),
                     in.wishart_gamma, in.wishart_m, b);
  }
  GmmSetup() {
    buffers = adolc_record_in_core(
        TAG_GMM, [&](short tag, const AdolcBuffers& b) { record(tag, b); });
  }
};
GmmSetup& gmm_setup() {
  static GmmSetup s;
  return s;
}

struct BaSetup {
  BaInput in = make_ba(3);
  AdolcBuffers buffers;
  BaSetup() {
    buffers = adolc_record_in_core(TAG_BA, [&](short tag, const AdolcBuffers& b) {
      ba_adolc_record(tag, in.in.data(), in.feat, b);
    });
  }
};
BaSetup& ba_setup() {
  static BaSetup s;
  return s;
}

// ---------------------------------------------------------------------------
// Rosenbrock

void rosenbrock_f(benchmark::State& state) {
  const RosenbrockInput& in = rosenbrock_setup().in;
  for (auto _ : state)
    benchmark::DoNotOptimize(rosenbrock(in.x.data(), in.n));
}

void rosenbrock_hand(benchmark::State& state) {
  const RosenbrockInput& in = rosenbrock_setup().in;
  std::vector<double> g(in.n, 0.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rosenbrock_hand_grad(in.x.data(), in.n, g.data()));
    benchmark::ClobberMemory();
  }
}

void rosenbrock_adolc(benchmark::State& state) {
  const RosenbrockInput& in = rosenbrock_setup().in;
  std::vector<double> g(in.n);
  for (auto _ : state) {
    benchmark::DoNotOptimize(gradient(TAG_ROSENBROCK, in.n, in.x.data(), g.data()));
    benchmark::ClobberMemory();
  }
}

void rosenbrock_adolc_retape(benchmark::State& state) {
  RosenbrockSetup& s = rosenbrock_setup();
  for (auto _ : state)
    rosenbrock_adolc_record(TAG_ROSENBROCK_RETAPE, s.in.x.data(), s.in.n, s.buffers);
  state.counters["tape_ops"] = double(adolc_num_operations(TAG_ROSENBROCK_RETAPE));
}

#if DDX_BENCH_WITH_DDX
void rosenbrock_ddx(benchmark::State& state) {
  const RosenbrockInput& in = rosenbrock_setup().in;
  std::vector<double> g(in.n, 0.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rosenbrock_grad(in.x.data(), in.n, g.data()));
    benchmark::ClobberMemory();
  }
}
#endif

// ---------------------------------------------------------------------------
// GMM

void gmm_f(benchmark::State& state) {
  const GmmInput& in = gmm_setup().in;
  for (auto _ : state)
    benchmark::DoNotOptimize(gmm_objective(in.d, in.k, in.n, in.alphas(), in.means(),
                                           in.icf(), in.x.data(), in.wishart_gamma,
                                           in.wishart_m));
}

void gmm_hand(benchmark::State& state) {
  const GmmInput& in = gmm_setup().in;
  std::vector<double> g(in.params.size(), 0.0);
  GmmGradParts p = gmm_grad_parts(in, g.data());
  for (auto _ : state) {
    benchmark::DoNotOptimize(gmm_objective_hand_grad(
        in.d, in.k, in.n, in.alphas(), in.means(), in.icf(), in.x.data(),
        in.wishart_gamma, in.wishart_m, p.alphas, p.means, p.icf));
    benchmark::ClobberMemory();
  }
}

void gmm_adolc(benchmark::State& state) {
  const GmmInput& in = gmm_setup().in;
  std::vector<double> g(in.params.size());
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        gradient(TAG_GMM, int(in.params.size()), in.params.data(), g.data()));
    benchmark::ClobberMemory();
  }
}

void gmm_adolc_retape(benchmark::State& state) {
  GmmSetup& s = gmm_setup();
  for (auto _ : state)
    s.record(TAG_GMM_RETAPE, s.buffers);
  state.counters["tape_ops"] = double(adolc_num_operations(TAG_GMM_RETAPE));
}

#if DDX_BENCH_WITH_DDX
void gmm_ddx(benchmark::State& state) {
  const GmmInput& in = gmm_setup().in;
  std::vector<double> g(in.params.size(), 0.0);
  GmmGradParts p = gmm_grad_parts(in, g.data());
  for (auto _ : state) {
    benchmark::DoNotOptimize(gmm_objective_grad(
        in.d, in.k, in.n, in.alphas(), in.means(), in.icf(), in.x.data(),
        in.wishart_gamma, in.wishart_m, p.alphas, p.means, p.icf));
    benchmark::ClobberMemory();
  }
}
#endif

// ---------------------------------------------------------------------------
// Bundle adjustment: f is one call of the primal (both residuals); the
// gradients are the 2x15 Jacobian.

void ba_f(benchmark::State& state) {
  const BaInput& in = ba_setup().in;
  double err[2];
  for (auto _ : state) {
    ba_residual(in.cam(), in.X(), in.w(), in.feat, err);
    benchmark::ClobberMemory();
  }
}

void ba_hand(benchmark::State& state) {
  const BaInput& in = ba_setup().in;
  double err[2], J[2 * BA_NUM_IN];
  for (auto _ : state) {
    ba_hand_jacobian(in.cam(), in.X(), in.w(), in.feat, err, J);
    benchmark::ClobberMemory();
  }
}

void ba_adolc(benchmark::State& state) {
  const BaInput& in = ba_setup().in;
  double J[2 * BA_NUM_IN];
  double* rows[2] = {J, J + BA_NUM_IN};
  for (auto _ : state) {
    benchmark::DoNotOptimize(jacobian(TAG_BA, 2, BA_NUM_IN, in.in.data(), rows));
    benchmark::ClobberMemory();
  }
}

void ba_adolc_retape(benchmark::State& state) {
  BaSetup& s = ba_setup();
  for (auto _ : state)
    ba_adolc_record(TAG_BA_RETAPE, s.in.in.data(), s.in.feat, s.buffers);
  state.counters["tape_ops"] = double(adolc_num_operations(TAG_BA_RETAPE));
}

#if DDX_BENCH_WITH_DDX
void ba_ddx(benchmark::State& state) {
  const BaInput& in = ba_setup().in;
  // Columns of the Jacobian, two lanes each (d_cam | d_X | d_w).
  double err[2], J[2 * BA_NUM_IN] = {};
  for (auto _ : state) {
    double seeds[4] = {1, 0, 0, 1};
    ba_residual_adjoint_n(in.cam(), in.X(), in.w(), in.feat, err, J, J + 22, J + 28,
                          seeds);
    benchmark::ClobberMemory();
  }
}
#endif

// ---------------------------------------------------------------------------
// Summary: forwards everything to the usual display reporter and keeps the
// CPU time per call of each benchmark.

class SummaryReporter : public benchmark::BenchmarkReporter {
public:
  explicit SummaryReporter(benchmark::BenchmarkReporter* inner) : inner_(inner) {}

  bool ReportContext(const Context& context) override {
    return inner_->ReportContext(context);
  }
  void ReportRuns(const std::vector<Run>& runs) override {
    inner_->ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred)
        continue;
      double seconds = r.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(r.time_unit);
      const std::string& name = r.run_name.function_name;
      repetitions_[name] = std::max<size_t>(repetitions_[name], size_t(r.repetitions));
      if (r.run_type == Run::RT_Iteration)
        iterations_[name].push_back(seconds);
      else if (r.aggregate_name == "median")
        medians_[name] = seconds;
    }
  }
  void Finalize() override { inner_->Finalize(); }

  /// Median CPU seconds per call of `name`, or a negative value if it did
  /// not run.
  double seconds(const std::string& name) const {
    auto it = iterations_.find(name);
    if (it != iterations_.end() && !it->second.empty()) {
      std::vector<double> v = it->second;
      std::sort(v.begin(), v.end());
      size_t m = v.size() / 2;
      return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }
    auto m = medians_.find(name);
    return m != medians_.end() ? m->second : -1.0;
  }
  size_t repetitions(const std::string& name) const {
    auto it = repetitions_.find(name);
    return it == repetitions_.end() ? 0 : it->second;
  }

private:
  benchmark::BenchmarkReporter* inner_;
  std::map<std::string, std::vector<double>> iterations_;
  std::map<std::string, double> medians_;
  std::map<std::string, size_t> repetitions_;
};

std::string format_time(double s) {
  char buf[32];
  if (s < 0)
    return "-";
  if (s < 1e-6)
    std::snprintf(buf, sizeof buf, "%.1f ns", s * 1e9);
  else if (s < 1e-3)
    std::snprintf(buf, sizeof buf, "%.2f us", s * 1e6);
  else if (s < 1.0)
    std::snprintf(buf, sizeof buf, "%.2f ms", s * 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string format_ratio(double a, double b) {
  char buf[32];
  if (a < 0 || b <= 0)
    return "-";
  std::snprintf(buf, sizeof buf, "%.2f", a / b);
  return buf;
}

void print_summary(const SummaryReporter& rep, FILE* out) {
  const char* kernels[] = {"rosenbrock", "gmm", "ba"};
  // Speed targets (DESIGN.md): ddx/f <= 3 on Rosenbrock, ddx/hand <= 1.2 on
  // GMM and BA, ddx/ADOL-C < 1 everywhere.
  const double ddx_over_f_target[] = {3.0, -1, -1};
  const double ddx_over_hand_target[] = {-1, 1.2, 1.2};

  size_t reps = 0;
  for (const char* k : kernels)
    reps = std::max(reps, rep.repetitions(std::string(k) + "/f"));
  std::fprintf(out, "\n== ddx-bench summary: median CPU time per call%s\n",
               reps > 1 ? (" over " + std::to_string(reps) + " repetitions").c_str() : "");
  std::fprintf(out, "   gradient = full gradient; for ba the 2x15 Jacobian (ddx: 2-lane vector adjoint)\n");
  std::fprintf(out, "%-11s %10s %10s %10s %10s %12s | %6s %8s %6s %8s %10s %7s\n",
               "kernel", "f", "hand", "ADOL-C", "ddx", "ADOL-C tape",
               "hand/f", "ADOL-C/f", "ddx/f", "ddx/hand", "ddx/ADOL-C", "tape/f");
  for (int i = 0; i < 3; ++i) {
    std::string k = kernels[i];
    double f = rep.seconds(k + "/f"), hand = rep.seconds(k + "/hand"),
           adolc = rep.seconds(k + "/adolc"), ddx = rep.seconds(k + "/ddx"),
           tape = rep.seconds(k + "/adolc_retape");
    if (f < 0 && hand < 0 && adolc < 0 && ddx < 0 && tape < 0)
      continue;
    std::fprintf(out, "%-11s %10s %10s %10s %10s %12s | %6s %8s %6s %8s %10s %7s\n",
                 k.c_str(), format_time(f).c_str(), format_time(hand).c_str(),
                 format_time(adolc).c_str(), format_time(ddx).c_str(),
                 format_time(tape).c_str(), format_ratio(hand, f).c_str(),
                 format_ratio(adolc, f).c_str(), format_ratio(ddx, f).c_str(),
                 format_ratio(ddx, hand).c_str(), format_ratio(ddx, adolc).c_str(),
                 format_ratio(tape, f).c_str());
  }
  if (!DDX_BENCH_WITH_DDX) {
    std::fprintf(out, "(ddx's gradients not built: configure with -DDDX_BENCH_WITH_DDX=ON)\n");
    return;
  }
  std::fprintf(out, "targets:\n");
  for (int i = 0; i < 3; ++i) {
    std::string k = kernels[i];
    double f = rep.seconds(k + "/f"), hand = rep.seconds(k + "/hand"),
           adolc = rep.seconds(k + "/adolc"), ddx = rep.seconds(k + "/ddx");
    if (ddx < 0)
      continue;
    auto line = [&](const char* what, double value, double target, bool strict) {
      if (value < 0)
        return;
      bool met = strict ? value < target : value <= target;
      std::fprintf(out, "  %-11s %-11s %6.2f %s %.1f  %s\n", k.c_str(), what, value,
                   strict ? "< " : "<=", target, met ? "met" : "MISSED");
    };
    if (ddx_over_f_target[i] > 0 && f > 0)
      line("ddx/f", ddx / f, ddx_over_f_target[i], false);
    if (ddx_over_hand_target[i] > 0 && hand > 0)
      line("ddx/hand", ddx / hand, ddx_over_hand_target[i], false);
    if (adolc > 0)
      line("ddx/ADOL-C", ddx / adolc, 1.0, true);
  }
}

void register_all() {
  struct Entry {
    const char* name;
    void (*fn)(benchmark::State&);
  };
  const Entry entries[] = {
      {"rosenbrock/f", rosenbrock_f},
      {"rosenbrock/hand", rosenbrock_hand},
      {"rosenbrock/adolc", rosenbrock_adolc},
      {"rosenbrock/adolc_retape", rosenbrock_adolc_retape},
#if DDX_BENCH_WITH_DDX
      {"rosenbrock/ddx", rosenbrock_ddx},
#endif
      {"gmm/f", gmm_f},
      {"gmm/hand", gmm_hand},
      {"gmm/adolc", gmm_adolc},
      {"gmm/adolc_retape", gmm_adolc_retape},
#if DDX_BENCH_WITH_DDX
      {"gmm/ddx", gmm_ddx},
#endif
      {"ba/f", ba_f},
      {"ba/hand", ba_hand},
      {"ba/adolc", ba_adolc},
      {"ba/adolc_retape", ba_adolc_retape},
#if DDX_BENCH_WITH_DDX
      {"ba/ddx", ba_ddx},
#endif
  };
  for (const Entry& e : entries) {
    benchmark::TimeUnit unit = std::strncmp(e.name, "ba/", 3) == 0
                                   ? benchmark::kNanosecond
                                   : benchmark::kMicrosecond;
    benchmark::RegisterBenchmark(e.name, e.fn)->Unit(unit);
  }
}

} // namespace

int main(int argc, char** argv) {
  bool console = true;
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_format=", 19) == 0 &&
        std::strcmp(argv[i] + 19, "console") != 0)
      console = false;

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  register_all();
  ba_setup();
  gmm_setup();
  rosenbrock_setup();

  // Google Benchmark owns the default reporter (it is never freed).
  benchmark::BenchmarkReporter* display = benchmark::CreateDefaultDisplayReporter();
  display->SetOutputStream(&std::cout);
  display->SetErrorStream(&std::cerr);
  SummaryReporter summary(display);
  benchmark::RunSpecifiedBenchmarks(&summary);
  benchmark::Shutdown();

  std::fflush(stdout);
  print_summary(summary, console ? stdout : stderr);
  return 0;
}
