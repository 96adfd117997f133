// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Pointer and array parameters are pointers to their scalar: `ptr<const T>`
// when the data is const. Arrays decay, whatever their written size.
double kinds(const double *a, double *b, double c[], const double d[],
             double e[3], const float *f, int *g, const long *h, bool *k) {
  return a[0] + b[0] + c[0] + d[0] + e[0] + f[0] + g[0] + h[0] + k[0];
}
// CHECK-LABEL: func @kinds(%a: ptr<const f64>, %b: ptr<f64>, %c: ptr<f64>, %d: ptr<const f64>, %e: ptr<f64>, %f: ptr<const f32>, %g: ptr<i32>, %h: ptr<const i64>, %k: ptr<i1>) -> (f64) {

// Element reads: `x[i]`, `i[x]`, `*x`, `*(x + i)` are `offset` and `load`;
// index 0 needs no offset, and constant parts of an index fold.
double reads(const double *x, int i, long j) {
  return x[i] + i[x] + *x + *(x + i) + x[j + 1] + *(x + 2);
}
// CHECK-LABEL: func @reads(%x: ptr<const f64>, %i: i32, %j: i64) -> (f64) {
// CHECK-NEXT:    %0 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:    %1 = load %0 : f64
// CHECK-NEXT:    %2 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:    %3 = load %2 : f64
// CHECK-NEXT:    %4 = add %1, %3 : f64
// CHECK-NEXT:    %5 = load %x : f64
// CHECK-NEXT:    %6 = add %4, %5 : f64
// CHECK-NEXT:    %7 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:    %8 = load %7 : f64
// CHECK-NEXT:    %9 = add %6, %8 : f64
// CHECK-NEXT:    %10 = constant 1 : i64
// CHECK-NEXT:    %11 = add %j, %10 : i64
// CHECK-NEXT:    %12 = offset %x, %11 : ptr<const f64>
// CHECK-NEXT:    %13 = load %12 : f64
// CHECK-NEXT:    %14 = add %9, %13 : f64
// CHECK-NEXT:    %15 = constant 2 : i32
// CHECK-NEXT:    %16 = offset %x, %15 : ptr<const f64>
// CHECK-NEXT:    %17 = load %16 : f64
// CHECK-NEXT:    %18 = add %14, %17 : f64
// CHECK-NEXT:    return %18

// Element writes: `store` through the parameter; `y[i] += v`, `++y[i]` and
// `y[i]--` load and store the one element, its address computed once.
void writes(double *y, const double *x, int i) {
  y[i] = 2 * x[i];
  y[i + 1] += x[0];
  ++y[0];
  y[1]--;
  *y *= 3;
}
// CHECK-LABEL: func @writes(%y: ptr<f64>, %x: ptr<const f64>, %i: i32) -> () {
// CHECK-NEXT:    %0 = constant 2.0 : f64
// CHECK-NEXT:    %1 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:    %2 = load %1 : f64
// CHECK-NEXT:    %3 = mul %0, %2 : f64
// CHECK-NEXT:    %4 = offset %y, %i : ptr<f64>
// CHECK-NEXT:    store %3, %4
// CHECK-NEXT:    %5 = load %x : f64
// CHECK-NEXT:    %6 = constant 1 : i32
// CHECK-NEXT:    %7 = add %i, %6 : i32
// CHECK-NEXT:    %8 = offset %y, %7 : ptr<f64>
// CHECK-NEXT:    %9 = load %8 : f64
// CHECK-NEXT:    %10 = add %9, %5 : f64
// CHECK-NEXT:    store %10, %8
// CHECK-NEXT:    %11 = load %y : f64
// CHECK-NEXT:    %12 = constant 1.0 : f64
// CHECK-NEXT:    %13 = add %11, %12 : f64
// CHECK-NEXT:    store %13, %y
// CHECK-NEXT:    %14 = constant 1 : i32
// CHECK-NEXT:    %15 = offset %y, %14 : ptr<f64>
// CHECK-NEXT:    %16 = load %15 : f64
// CHECK-NEXT:    %17 = constant 1.0 : f64
// CHECK-NEXT:    %18 = sub %16, %17 : f64
// CHECK-NEXT:    store %18, %15
// CHECK-NEXT:    %19 = constant 3.0 : f64
// CHECK-NEXT:    %20 = load %y : f64
// CHECK-NEXT:    %21 = mul %20, %19 : f64
// CHECK-NEXT:    store %21, %y
// CHECK-NEXT:    return

// `const double &` is passed by value; `double &` is a pointer to the one
// element, read and written with `load` and `store` (element 0).
void refs(const double &in, double &out, int &count) {
  out = in * in;
  out += 1;
  count++;
}
// CHECK-LABEL: func @refs(%in: f64, %out: ptr<f64>, %count: ptr<i32>) -> () {
// CHECK-NEXT:    %0 = mul %in, %in : f64
// CHECK-NEXT:    store %0, %out
// CHECK-NEXT:    %1 = constant 1.0 : f64
// CHECK-NEXT:    %2 = load %out : f64
// CHECK-NEXT:    %3 = add %2, %1 : f64
// CHECK-NEXT:    store %3, %out
// CHECK-NEXT:    %4 = load %count : i32
// CHECK-NEXT:    %5 = constant 1 : i32
// CHECK-NEXT:    %6 = add %4, %5 : i32
// CHECK-NEXT:    store %6, %count
// CHECK-NEXT:    return

// A reference to an array is a pointer to its first element.
double arrayref(const double (&a)[3], double (&b)[2]) {
  b[1] = a[2];
  return a[0];
}
// CHECK-LABEL: func @arrayref(%a: ptr<const f64>, %b: ptr<f64>) -> (f64) {
// CHECK-NEXT:    %0 = constant 2 : i32
// CHECK-NEXT:    %1 = offset %a, %0 : ptr<const f64>
// CHECK-NEXT:    %2 = load %1 : f64
// CHECK-NEXT:    %3 = constant 1 : i32
// CHECK-NEXT:    %4 = offset %b, %3 : ptr<f64>
// CHECK-NEXT:    store %2, %4
// CHECK-NEXT:    %5 = load %a : f64
// CHECK-NEXT:    return %5

// `double m[][4]` is a pointer to rows of 4: flattened, `m[i][j]` is
// element `i * 4 + j`, and `m[1]` is `m + 4`.
double rows(const double m[][4], int i, int j) {
  return m[i][j] + m[1][2] + *m[i] + (*(m + 1))[3];
}
// CHECK-LABEL: func @rows(%m: ptr<const f64>, %i: i32, %j: i32) -> (f64) {
// CHECK-NEXT:    %0 = constant 4 : i32
// CHECK-NEXT:    %1 = mul %i, %0 : i32
// CHECK-NEXT:    %2 = add %1, %j : i32
// CHECK-NEXT:    %3 = offset %m, %2 : ptr<const f64>
// CHECK-NEXT:    %4 = load %3 : f64
// CHECK-NEXT:    %5 = constant 6 : i32
// CHECK-NEXT:    %6 = offset %m, %5 : ptr<const f64>
// CHECK-NEXT:    %7 = load %6 : f64
// CHECK-NEXT:    %8 = add %4, %7 : f64
// CHECK-NEXT:    %9 = constant 4 : i32
// CHECK-NEXT:    %10 = mul %i, %9 : i32
// CHECK-NEXT:    %11 = offset %m, %10 : ptr<const f64>
// CHECK-NEXT:    %12 = load %11 : f64
// CHECK-NEXT:    %13 = add %8, %12 : f64
// CHECK-NEXT:    %14 = constant 7 : i32
// CHECK-NEXT:    %15 = offset %m, %14 : ptr<const f64>
// CHECK-NEXT:    %16 = load %15 : f64
// CHECK-NEXT:    %17 = add %13, %16 : f64
// CHECK-NEXT:    return %17
