#include <ddx/ddx.h>

double f(double x) { return x * x; }
DDX_TANGENT(f);

double g(double x) {
  // The derivative takes two arguments.
  return f_tangent(x).tangent;
}
