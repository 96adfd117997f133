// Hand-written gradient of the chained Rosenbrock function (kernels/
// rosenbrock.cpp). Returns f and adds the gradient into d_x.
//
// Term i contributes -400 t x[i] - 2 (1 - x[i]) to d_x[i] and 200 t to
// d_x[i+1] (t = x[i+1] - x[i]^2); the second part is carried in a register
// to the next iteration, so each d_x[i] is read and written once.
#include "kernels.h"

double rosenbrock_hand_grad(const double* x, int n, double* d_x) {
  if (n < 1)
    return 0.0;
  double f = 0.0;
  double carry = 0.0;  // 200 t from the previous term, owed to d_x[i]
  for (int i = 0; i < n - 1; ++i) {
    double xi = x[i];
    double t = x[i + 1] - xi * xi;
    double u = 1.0 - xi;
    f += 100.0 * t * t + u * u;
    d_x[i] += carry - 400.0 * t * xi - 2.0 * u;
    carry = 200.0 * t;
  }
  d_x[n - 1] += carry;
  return f;
}
