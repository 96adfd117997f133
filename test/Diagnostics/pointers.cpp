// RUN: not %ddx ir %s -- %cxxflags -Wno-everything 2>&1 | FileCheck %s --implicit-check-not=error:
// Pointers, arrays and references ddx does not lower (see
// test/Lowering/memory-*.cpp for those it does). Each function reports one
// error: what follows a failed construct is not reported again.

// CHECK: {{.*}}pointers.cpp:[[@LINE+2]]:12: error: comparing pointers is not supported by ddx; compare integer indices instead
double cmp(const double *a, const double *b) {
  return a < b ? a[0] : b[0];
}

// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:58: error: subtracting pointers is not supported by ddx; keep an integer index alongside the pointer
double diff(const double *a, const double *b) { return b - a; }

double null(const double *a) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:21: error: a null pointer is not supported by ddx; every pointer must point into an array; pass an array, or split the function into one per case
  const double *p = nullptr;
  return p[0] + a[0];
}

double test(const double *a) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:7: error: testing whether a pointer is null is not supported by ddx; every pointer must point into an array
  if (a)
    return a[0];
  return 0;
}

double castaway(const double *a) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:15: error: casting away 'const' from a pointer is not supported by ddx; declare the pointer (or the parameter it comes from) without 'const' if the function writes through it
  double *p = const_cast<double *>(a);
  p[0] = 1;
  return a[0];
}

// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:1: error: returning a pointer or reference from 'next' is not supported by ddx; return a value, or write results through a pointer or reference parameter
double *next(double *a) { return a + 1; }
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:1: error: returning a pointer or reference from 'first' is not supported by ddx
double &first(double *a) { return a[0]; }

// A pointer carried into a loop needs a value before the loop.
double uninit(const double *a, int n) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:17: error: the pointer variable 'p' without an initializer is not supported by ddx; initialize it where it is declared, e.g. with the array it will point into
  const double *p;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    p = a + i;
    s += *p;
  }
  return s;
}

// The IR has no conversion from a pointer to writable data to a pointer to
// const data.
double mixed(const double *a, int n) {
  double t[2] = {1, 2};
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:17: error: pointing 'p' at both const and non-const data is not supported by ddx; use separate pointer variables for const and non-const arrays
  const double *p = t;
  if (n)
    p = a;
  return p[0];
}
double mixedcond(const double *a, int n) {
  double t[2] = {1, 2};
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:11: error: a conditional expression choosing between pointers to const and non-const data is not supported by ddx
  return (n ? a : t)[0];
}

// Pointer parameters are assumed not to overlap when one is written.
void twice(const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = 2 * x[i];
}
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:43: error: passing 'a' to two parameters of 'twice' is not supported by ddx; ddx assumes that pointer and reference parameters do not overlap when one of them is written (like 'restrict'); pass a copy of the array
void inplace(double *a, int n) { twice(a, a, n); }
// Reading the same array twice is fine.
double dot(const double *a, const double *b) { return a[0] * b[0]; }
double square(const double *a) { return dot(a, a); }

// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:24: error: parameter 'm' has type 'double **', which is not supported by ddx; pointers to pointers and arrays of pointers are not supported; store the data in one flat array
double ptrptr(double **m) { return m[0][0]; }
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:23: error: parameter 'rows' has type 'double **', which is not supported by ddx; pointers to pointers
double arrptr(double *rows[3]) { return rows[0][0]; }
double addrptr(double *a) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:12: error: variable 'q' has type 'double **', which is not supported by ddx; pointers to pointers
  double **q = &a;
  return **q;
}
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:20: error: parameter 'v' has type 'void *', which is not supported by ddx; use a pointer to double, float, int, long or bool
double voidp(void *v) { return 0; }
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:24: error: parameter 'p' has type 'double *&', which is not supported by ddx; references to pointers are not supported; pass the pointer by value
double refptr(double *&p) { return *p; }
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:23: error: parameter 'r' has type 'double &&', which is not supported by ddx; rvalue references are not supported; pass by value or by 'const' reference
double rvref(double &&r) { return r; }
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:28: error: parameter 'u' has type 'unsigned int *', which is not supported by ddx; unsigned integers are not supported; use int or long
double unsignedp(unsigned *u) { return u[0]; }

double heap(int n) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:15: error: 'new' is not supported by ddx; dynamic memory is not supported; use a local array of constant size, or take the storage as a pointer parameter
  double *a = new double[n];
  return a[0];
}

double vla(int n) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:10: error: variable 'a' has type 'double[n]', which is not supported by ddx; variable-length arrays are not supported; give the array a constant size
  double a[n];
  a[0] = 1;
  return a[0];
}

double bitcast(const double *a) {
  // CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:20: error: the conversion from 'const double *' to 'const float *' is not supported by ddx
  const float *f = (const float *)a;
  return f[0];
}

// Non-constant global arrays are globals like any other.
double table[3] = {1, 2, 3};
// CHECK: {{.*}}pointers.cpp:[[@LINE+1]]:31: error: reading the global variable 'table' is not supported by ddx
double lookup(int i) { return table[i]; }
