// RUN: %ddx gen %s -o %t.cpp -- %cxxflags
// RUN: %clangxx %exec_flags %plugin -fplugin-arg-ddx-output=%t.plugin.cpp %s -o %t.clang && %t.clang | FileCheck %s
// RUN: diff %t.cpp %t.plugin.cpp
// RUN: %gxx %exec_flags %t.cpp -o %t.gcc && %t.gcc | FileCheck %s
// CHECK: PASS

// Parameters declared as arrays (`const double x[3]`, `double y[3]`), which
// are pointers in C++: the gradient of a triple product and the adjoint of
// a cross product written into an array parameter.
#include <ddx/ddx.h>
#include "ddx_rev_test.h"
#include <cmath>
#include <vector>

double triple(const double a[3], const double b[3], const double c[3]) {
  return a[0] * (b[1] * c[2] - b[2] * c[1]) -
         a[1] * (b[0] * c[2] - b[2] * c[0]) +
         a[2] * (b[0] * c[1] - b[1] * c[0]);
}
DDX_TANGENT(triple);
DDX_GRADIENT(triple);
DDX_ADJOINT(triple);

void cross(const double a[3], const double b[3], double out[3]) {
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}
DDX_TANGENT(cross);
DDX_ADJOINT(cross);

void crossRef(const double *a, const double *b, double *o) {
  o[0] = a[1] * b[2] - a[2] * b[1];
  o[1] = a[2] * b[0] - a[0] * b[2];
  o[2] = a[0] * b[1] - a[1] * b[0];
}
long double tripleL(const long double *z) {
  const long double *a = z, *b = z + 3, *c = z + 6;
  return a[0] * (b[1] * c[2] - b[2] * c[1]) -
         a[1] * (b[0] * c[2] - b[2] * c[0]) +
         a[2] * (b[0] * c[1] - b[1] * c[0]);
}

int main() {
  namespace R = ddx_rev_test;
  for (double s : {0.0, 1.3, -0.6}) {
    std::vector<double> z(9);
    for (int i = 0; i < 9; ++i)
      z[i] = std::sin(1.9 * i + s) + 0.1 * i;
    auto g = [](const double *z, double *dz) {
      return triple_grad(z, z + 3, z + 6, dz, dz + 3, dz + 6);
    };
    auto a = [](const double *z, double dr, double *dz) {
      triple_adjoint(z, z + 3, z + 6, dr, dz, dz + 3, dz + 6);
    };
    auto t = [](const double *z, const double *dz) {
      return triple_tangent(z, z + 3, z + 6, dz, dz + 3, dz + 6);
    };
    auto p = [](const double *z) { return triple(z, z + 3, z + 6); };
    auto an = [](const double *z, double *G) {
      // d/da = b x c, d/db = c x a, d/dc = a x b
      crossRef(z + 3, z + 6, G);
      crossRef(z + 6, z, G + 3);
      crossRef(z, z + 3, G + 6);
    };
    R::check_array_gradient("triple_grad", g, p, tripleL, an, z);
    R::check_array_adjoint("triple_adjoint", a, tripleL, an, z);
    R::check_array_dot("triple", t, g, z);

    std::vector<double> ab(z.begin(), z.begin() + 6), out(3, 0.0);
    R::check_vector(
        "cross",
        [](const double *x, double *y, double *dx, double *dy) {
          cross_adjoint(x, x + 3, y, dx, dx + 3, dy);
        },
        [](const double *x, double *y, const double *dx, double *dy) {
          cross_tangent(x, x + 3, y, dx, dx + 3, dy);
        },
        [](const double *x, double *y) { cross(x, x + 3, y); },
        [](const long double *x, long double *y) {
          const long double *a = x, *b = x + 3;
          y[0] = a[1] * b[2] - a[2] * b[1];
          y[1] = a[2] * b[0] - a[0] * b[2];
          y[2] = a[0] * b[1] - a[1] * b[0];
        },
        [](const double *x, const double *, double *Jx, double *) {
          const double *a = x, *b = x + 3;
          // out_i = eps_ijk a_j b_k
          for (int i = 0; i < 3; ++i) {
            int j = (i + 1) % 3, k = (i + 2) % 3;
            Jx[i * 6 + j] = b[k];
            Jx[i * 6 + k] = -b[j];
            Jx[i * 6 + 3 + k] = a[j];
            Jx[i * 6 + 3 + j] = -a[k];
          }
        },
        ab, out, false);
  }
  return R::finish();
}
