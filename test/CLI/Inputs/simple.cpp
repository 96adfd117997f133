#include <ddx/ddx.h>

double f(double x, double y) { return x * y + std::sin(x); }
DDX_TANGENT(f); // request

int main() {
  ddx::dual<double> d = f_tangent(1.0, 2.0, 1.0, 0.0);
  return d.value > 0 ? 0 : 1;
}
