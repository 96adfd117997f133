// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Pointers and arrays pass to helpers as IR values; a non-const pointer
// passes where a const one is expected. The same array may be passed to
// two const parameters.
double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}
void axpy(double a, const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] += a * x[i];
}
double norm2(const double *x, int n) {
  double t[4] = {1, 2, 3, 4};
  axpy(2, x, t, 4);
  axpy(1, &t[2], t, 2);
  return dot(x, x, n) + dot(t, x + 1, 3);
}
// CHECK-LABEL: func @norm2(%x: ptr<const f64>, %n: i32) -> (f64) {
// CHECK-NEXT:    %t = alloca 4 : ptr<f64>
// CHECK-NEXT:    %0 = constant 1.0 : f64
// CHECK-NEXT:    store %0, %t
// CHECK-NEXT:    %1 = constant 2.0 : f64
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %3 = offset %t, %2 : ptr<f64>
// CHECK-NEXT:    store %1, %3
// CHECK-NEXT:    %4 = constant 3.0 : f64
// CHECK-NEXT:    %5 = constant 2 : i32
// CHECK-NEXT:    %6 = offset %t, %5 : ptr<f64>
// CHECK-NEXT:    store %4, %6
// CHECK-NEXT:    %7 = constant 4.0 : f64
// CHECK-NEXT:    %8 = constant 3 : i32
// CHECK-NEXT:    %9 = offset %t, %8 : ptr<f64>
// CHECK-NEXT:    store %7, %9
// CHECK-NEXT:    %10 = constant 2.0 : f64
// CHECK-NEXT:    %11 = constant 4 : i32
// CHECK-NEXT:    call @axpy(%10, %x, %t, %11) : ()
// CHECK-NEXT:    %12 = constant 1.0 : f64
// CHECK-NEXT:    %13 = constant 2 : i32
// CHECK-NEXT:    %14 = offset %t, %13 : ptr<f64>
// CHECK-NEXT:    %15 = constant 2 : i32
// CHECK-NEXT:    call @axpy(%12, %14, %t, %15) : ()
// CHECK-NEXT:    %16 = call @dot(%x, %x, %n) : (f64)
// CHECK-NEXT:    %17 = constant 1 : i32
// CHECK-NEXT:    %18 = offset %x, %17 : ptr<const f64>
// CHECK-NEXT:    %19 = constant 3 : i32
// CHECK-NEXT:    %20 = call @dot(%t, %18, %19) : (f64)
// CHECK-NEXT:    %21 = add %16, %20 : f64
// CHECK-NEXT:    return %21

// Outputs through references: an argument for a `double &` parameter is
// its address. A local scalar whose address is needed (`&`, a reference
// parameter, a local reference) lives in an `alloca 1`; a scalar parameter
// too, copied there on entry. `const double &` arguments pass by value,
// temporaries included.
void polar(double x, double y, double &r, double &theta) {
  r = x * x + y * y;
  theta = y / x;
}
double scaled(const double &s, const double &t) { return s * t; }
double outputs(double x, double y, double *out) {
  double r, theta;
  polar(x, y, r, theta);
  polar(r, theta, out[0], out[1]);
  double *p = &x;
  *p += 1;
  return scaled(r, x + 1) + x;
}
// CHECK-LABEL: func @outputs(%x: f64, %y: f64, %out: ptr<f64>) -> (f64) {
// CHECK-NEXT:    %x.1 = alloca 1 : ptr<f64>
// CHECK-NEXT:    store %x, %x.1
// CHECK-NEXT:    %r = alloca 1 : ptr<f64>
// CHECK-NEXT:    %theta = alloca 1 : ptr<f64>
// CHECK-NEXT:    %0 = load %x.1 : f64
// CHECK-NEXT:    call @polar(%0, %y, %r, %theta) : ()
// CHECK-NEXT:    %1 = load %r : f64
// CHECK-NEXT:    %2 = load %theta : f64
// CHECK-NEXT:    %3 = constant 1 : i32
// CHECK-NEXT:    %4 = offset %out, %3 : ptr<f64>
// CHECK-NEXT:    call @polar(%1, %2, %out, %4) : ()
// CHECK-NEXT:    %5 = constant 1.0 : f64
// CHECK-NEXT:    %6 = load %x.1 : f64
// CHECK-NEXT:    %7 = add %6, %5 : f64
// CHECK-NEXT:    store %7, %x.1
// CHECK-NEXT:    %8 = load %r : f64
// CHECK-NEXT:    %9 = load %x.1 : f64
// CHECK-NEXT:    %10 = constant 1.0 : f64
// CHECK-NEXT:    %11 = add %9, %10 : f64
// CHECK-NEXT:    %12 = call @scaled(%8, %11) : (f64)
// CHECK-NEXT:    %13 = load %x.1 : f64
// CHECK-NEXT:    %14 = add %12, %13 : f64
// CHECK-NEXT:    return %14

// Local references: to an element (its address), to a local (which then
// lives in memory), to a temporary (a fresh value), to an array row.
double locals(double *y, int i) {
  double &e = y[i];
  e *= 2;
  double s = 1;
  double &rs = s;
  rs += e;
  const double &k = s * 2;
  double m[2][2] = {};
  double(&row)[2] = m[i];
  row[1] = k;
  return s + m[i][1];
}
// CHECK-LABEL: func @locals(%y: ptr<f64>, %i: i32) -> (f64) {
// CHECK-NEXT:    %0 = offset %y, %i : ptr<f64>
// CHECK-NEXT:    %1 = constant 2.0 : f64
// CHECK-NEXT:    %2 = load %0 : f64
// CHECK-NEXT:    %3 = mul %2, %1 : f64
// CHECK-NEXT:    store %3, %0
// CHECK-NEXT:    %s = alloca 1 : ptr<f64>
// CHECK-NEXT:    %4 = constant 1.0 : f64
// CHECK-NEXT:    store %4, %s
// CHECK-NEXT:    %5 = load %0 : f64
// CHECK-NEXT:    %6 = load %s : f64
// CHECK-NEXT:    %7 = add %6, %5 : f64
// CHECK-NEXT:    store %7, %s
// CHECK-NEXT:    %8 = load %s : f64
// CHECK-NEXT:    %9 = constant 2.0 : f64
// CHECK-NEXT:    %k = mul %8, %9 : f64
// CHECK-NEXT:    %m = alloca 4 : ptr<f64>
// CHECK-NEXT:    %10 = constant 2 : i32
// CHECK-NEXT:    %11 = mul %i, %10 : i32
// CHECK-NEXT:    %12 = offset %m, %11 : ptr<f64>
// CHECK-NEXT:    %13 = constant 1 : i32
// CHECK-NEXT:    %14 = offset %12, %13 : ptr<f64>
// CHECK-NEXT:    store %k, %14
// CHECK-NEXT:    %15 = load %s : f64
// CHECK-NEXT:    %16 = constant 2 : i32
// CHECK-NEXT:    %17 = mul %i, %16 : i32
// CHECK-NEXT:    %18 = constant 1 : i32
// CHECK-NEXT:    %19 = add %17, %18 : i32
// CHECK-NEXT:    %20 = offset %m, %19 : ptr<f64>
// CHECK-NEXT:    %21 = load %20 : f64
// CHECK-NEXT:    %22 = add %15, %21 : f64
// CHECK-NEXT:    return %22

// Taking the address of what is passed by value (a `const double &`
// parameter, a reference to a temporary) gives it memory of its own.
double addresses(const double &x, double y) {
  const double &c = y * 2;
  const double *p = &x;
  const double *q = &c;
  return *p + *q;
}
// CHECK-LABEL: func @addresses(%x: f64, %y: f64) -> (f64) {
// CHECK-NEXT:    %x.1 = alloca 1 : ptr<f64>
// CHECK-NEXT:    store %x, %x.1
// CHECK-NEXT:    %0 = constant 2.0 : f64
// CHECK-NEXT:    %1 = mul %y, %0 : f64
// CHECK-NEXT:    %c = alloca 1 : ptr<f64>
// CHECK-NEXT:    store %1, %c
// CHECK-NEXT:    %2 = load %x.1 : f64
// CHECK-NEXT:    %3 = load %c : f64
// CHECK-NEXT:    %4 = add %2, %3 : f64
// CHECK-NEXT:    return %4
