// Chained (generalized) Rosenbrock function, the form scipy.optimize.rosen
// and CUTEst's GENROSE use:
//
//   f(x) = sum_{i=0}^{n-2} 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2
//
// Every x[i] except the first and last appears in two terms, so the gradient
// accumulates into d_x[i] from two iterations.

#include <ddx/ddx.h>
double rosenbrock(const double* x, int n) {
  double f = 0.0;
  for (int i = 0; i < n - 1; ++i) {
    double t = x[i + 1] - x[i] * x[i];
    double u = 1.0 - x[i];
    f += 100.0 * t * t + u * u;
  }
  return f;
}

// double rosenbrock_grad(const double* x, int n, double* d_x);
DDX_GRADIENT(rosenbrock);
