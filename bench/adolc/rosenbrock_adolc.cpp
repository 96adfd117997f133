// ADOL-C version of the chained Rosenbrock function (kernels/rosenbrock.cpp):
// the same code on adoubles, recorded on a tape. Evaluate the gradient with
// gradient(tag, n, x, g).
#include "kernels.h"

#include <adolc/adolc.h>

#include <vector>

void rosenbrock_adolc_record(short tag, const double* x, int n,
                             const AdolcBuffers& buffers) {
  adolc_trace_on(tag, buffers);
  std::vector<adouble> ax(n);
  for (int i = 0; i < n; ++i)
    ax[i] <<= x[i];
  adouble f = 0.0;
  for (int i = 0; i < n - 1; ++i) {
    adouble t = ax[i + 1] - ax[i] * ax[i];
    adouble u = 1.0 - ax[i];
    f += 100.0 * t * t + u * u;
  }
  double y;
  f >>= y;
  trace_off();
}
