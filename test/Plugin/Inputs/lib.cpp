// A library source whose derivatives other translation units call through
// the header that ddx writes.
#include <ddx/ddx.h>
#include <cmath>

namespace phys {

double energy(double m, double v) { return 0.5 * m * v * v; }
DDX_GRADIENT(energy);

inline namespace v1 {
double spring(const double *x, int n, double k) {
  double s = 0;
  for (int i = 0; i + 1 < n; ++i)
    s += 0.5 * k * (x[i + 1] - x[i]) * (x[i + 1] - x[i]);
  return s;
}
DDX_ADJOINT(spring, "x");
} // namespace v1

} // namespace phys

template <typename T> T sq(T x) { return x * x; }
template <typename T> T wave(T x, T w) { return std::sin(w * x) + sq(x); }
DDX_TANGENT_AS(wave_dx, wave<double>, "x");
