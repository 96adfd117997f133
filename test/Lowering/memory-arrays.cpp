// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// A local array is an `alloca` where it is declared. Fresh memory is zero,
// so only initializer elements other than +0 are stored.
double init(double x) {
  double a[4] = {x, 2, 0, -0.0};
  double z[3] = {};
  double u[2];
  int k[3] = {1};
  u[1] = a[1] + z[2] + k[0];
  return u[1] + a[3];
}
// CHECK-LABEL: func @init(%x: f64) -> (f64) {
// CHECK-NEXT:    %a = alloca 4 : ptr<f64>
// CHECK-NEXT:    store %x, %a
// CHECK-NEXT:    %0 = constant 2.0 : f64
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %2 = offset %a, %1 : ptr<f64>
// CHECK-NEXT:    store %0, %2
// CHECK-NEXT:    %3 = constant -0.0 : f64
// CHECK-NEXT:    %4 = constant 3 : i32
// CHECK-NEXT:    %5 = offset %a, %4 : ptr<f64>
// CHECK-NEXT:    store %3, %5
// CHECK-NEXT:    %z = alloca 3 : ptr<f64>
// CHECK-NEXT:    %u = alloca 2 : ptr<f64>
// CHECK-NEXT:    %k = alloca 3 : ptr<i32>
// CHECK-NEXT:    %6 = constant 1 : i32
// CHECK-NEXT:    store %6, %k
// CHECK-NEXT:    %7 = constant 1 : i32
// CHECK-NEXT:    %8 = offset %a, %7 : ptr<f64>
// CHECK-NEXT:    %9 = load %8 : f64
// CHECK-NEXT:    %10 = constant 2 : i32
// CHECK-NEXT:    %11 = offset %z, %10 : ptr<f64>
// CHECK-NEXT:    %12 = load %11 : f64
// CHECK-NEXT:    %13 = add %9, %12 : f64
// CHECK-NEXT:    %14 = load %k : i32
// CHECK-NEXT:    %15 = cast %14 : i32 to f64
// CHECK-NEXT:    %16 = add %13, %15 : f64
// CHECK-NEXT:    %17 = constant 1 : i32
// CHECK-NEXT:    %18 = offset %u, %17 : ptr<f64>
// CHECK-NEXT:    store %16, %18
// CHECK-NEXT:    %19 = constant 1 : i32
// CHECK-NEXT:    %20 = offset %u, %19 : ptr<f64>
// CHECK-NEXT:    %21 = load %20 : f64
// CHECK-NEXT:    %22 = constant 3 : i32
// CHECK-NEXT:    %23 = offset %a, %22 : ptr<f64>
// CHECK-NEXT:    %24 = load %23 : f64
// CHECK-NEXT:    %25 = add %21, %24 : f64
// CHECK-NEXT:    return %25

// `double m[2][3]` is one `alloca 6`, row-major; nested and flat (brace
// elided) initializers fill the same elements, and `m[i][j]` is element
// `i * 3 + j`: one `offset`.
double matrix(double x, int i, int j) {
  double m[2][3] = {{x, 1}, {0, 0, x}};
  double n[2][3] = {x, 1, 0, 0, 0, x};
  m[i][j] += n[1][2];
  return m[i][j] * m[1][0];
}
// CHECK-LABEL: func @matrix(%x: f64, %i: i32, %j: i32) -> (f64) {
// CHECK-NEXT:    %m = alloca 6 : ptr<f64>
// CHECK-NEXT:    store %x, %m
// CHECK-NEXT:    %0 = constant 1.0 : f64
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %2 = offset %m, %1 : ptr<f64>
// CHECK-NEXT:    store %0, %2
// CHECK-NEXT:    %3 = constant 5 : i32
// CHECK-NEXT:    %4 = offset %m, %3 : ptr<f64>
// CHECK-NEXT:    store %x, %4
// CHECK-NEXT:    %n = alloca 6 : ptr<f64>
// CHECK-NEXT:    store %x, %n
// CHECK-NEXT:    %5 = constant 1.0 : f64
// CHECK-NEXT:    %6 = constant 1 : i32
// CHECK-NEXT:    %7 = offset %n, %6 : ptr<f64>
// CHECK-NEXT:    store %5, %7
// CHECK-NEXT:    %8 = constant 5 : i32
// CHECK-NEXT:    %9 = offset %n, %8 : ptr<f64>
// CHECK-NEXT:    store %x, %9
// CHECK-NEXT:    %10 = constant 5 : i32
// CHECK-NEXT:    %11 = offset %n, %10 : ptr<f64>
// CHECK-NEXT:    %12 = load %11 : f64
// CHECK-NEXT:    %13 = constant 3 : i32
// CHECK-NEXT:    %14 = mul %i, %13 : i32
// CHECK-NEXT:    %15 = add %14, %j : i32
// CHECK-NEXT:    %16 = offset %m, %15 : ptr<f64>
// CHECK-NEXT:    %17 = load %16 : f64
// CHECK-NEXT:    %18 = add %17, %12 : f64
// CHECK-NEXT:    store %18, %16
// CHECK-NEXT:    %19 = constant 3 : i32
// CHECK-NEXT:    %20 = mul %i, %19 : i32
// CHECK-NEXT:    %21 = add %20, %j : i32
// CHECK-NEXT:    %22 = offset %m, %21 : ptr<f64>
// CHECK-NEXT:    %23 = load %22 : f64
// CHECK-NEXT:    %24 = constant 3 : i32
// CHECK-NEXT:    %25 = offset %m, %24 : ptr<f64>
// CHECK-NEXT:    %26 = load %25 : f64
// CHECK-NEXT:    %27 = mul %23, %26 : f64
// CHECK-NEXT:    return %27

// Element types other than double; indices may be long.
float others(const float *f, long i) {
  float a[2] = {f[0], f[i]};
  long c[2] = {3, 4};
  bool b[1] = {true};
  return b[0] ? a[1] * c[i] : a[0];
}
// CHECK-LABEL: func @others(%f: ptr<const f32>, %i: i64) -> (f32) {
// CHECK-NEXT:    %a = alloca 2 : ptr<f32>
// CHECK-NEXT:    %0 = load %f : f32
// CHECK-NEXT:    store %0, %a
// CHECK-NEXT:    %1 = offset %f, %i : ptr<const f32>
// CHECK-NEXT:    %2 = load %1 : f32
// CHECK-NEXT:    %3 = constant 1 : i32
// CHECK-NEXT:    %4 = offset %a, %3 : ptr<f32>
// CHECK-NEXT:    store %2, %4
// CHECK-NEXT:    %c = alloca 2 : ptr<i64>
// CHECK-NEXT:    %5 = constant 3 : i64
// CHECK-NEXT:    store %5, %c
// CHECK-NEXT:    %6 = constant 4 : i64
// CHECK-NEXT:    %7 = constant 1 : i32
// CHECK-NEXT:    %8 = offset %c, %7 : ptr<i64>
// CHECK-NEXT:    store %6, %8
// CHECK-NEXT:    %b = alloca 1 : ptr<i1>
// CHECK-NEXT:    %9 = constant 1 : i1
// CHECK-NEXT:    store %9, %b
// CHECK-NEXT:    %10 = load %b : i1
// CHECK-NEXT:    %11 = if %10 -> (f32) {
// CHECK-NEXT:      %12 = constant 1 : i32
// CHECK-NEXT:      %13 = offset %a, %12 : ptr<f32>
// CHECK-NEXT:      %14 = load %13 : f32
// CHECK-NEXT:      %15 = offset %c, %i : ptr<i64>
// CHECK-NEXT:      %16 = load %15 : i64
// CHECK-NEXT:      %17 = cast %16 : i64 to f32
// CHECK-NEXT:      %18 = mul %14, %17 : f32
// CHECK-NEXT:      yield %18
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %19 = load %a : f32
// CHECK-NEXT:      yield %19
// CHECK-NEXT:    }
// CHECK-NEXT:    return %11

// Arrays declared in a loop get a fresh `alloca` per iteration; elements
// written in the loop are stored, not carried.
double inloop(const double *x, int n) {
  double acc[2] = {};
  for (int i = 0; i < n; ++i) {
    double t[2] = {x[i], 1};
    acc[0] += t[0];
    acc[1] += t[1];
  }
  return acc[0] / acc[1];
}
// CHECK-LABEL: func @inloop(%x: ptr<const f64>, %n: i32) -> (f64) {
// CHECK-NEXT:    %acc = alloca 2 : ptr<f64>
// CHECK-NEXT:    %0 = constant 0 : i32
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    for %i = %0 to %n step %1 : i32 {
// CHECK-NEXT:      %t = alloca 2 : ptr<f64>
// CHECK-NEXT:      %2 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:      %3 = load %2 : f64
// CHECK-NEXT:      store %3, %t
// CHECK-NEXT:      %4 = constant 1.0 : f64
// CHECK-NEXT:      %5 = constant 1 : i32
// CHECK-NEXT:      %6 = offset %t, %5 : ptr<f64>
// CHECK-NEXT:      store %4, %6
// CHECK-NEXT:      %7 = load %t : f64
// CHECK-NEXT:      %8 = load %acc : f64
// CHECK-NEXT:      %9 = add %8, %7 : f64
// CHECK-NEXT:      store %9, %acc
// CHECK-NEXT:      %10 = constant 1 : i32
// CHECK-NEXT:      %11 = offset %t, %10 : ptr<f64>
// CHECK-NEXT:      %12 = load %11 : f64
// CHECK-NEXT:      %13 = constant 1 : i32
// CHECK-NEXT:      %14 = offset %acc, %13 : ptr<f64>
// CHECK-NEXT:      %15 = load %14 : f64
// CHECK-NEXT:      %16 = add %15, %12 : f64
// CHECK-NEXT:      store %16, %14
// CHECK-NEXT:      yield
// CHECK-NEXT:    }
// CHECK-NEXT:    %17 = load %acc : f64
// CHECK-NEXT:    %18 = constant 1 : i32
// CHECK-NEXT:    %19 = offset %acc, %18 : ptr<f64>
// CHECK-NEXT:    %20 = load %19 : f64
// CHECK-NEXT:    %21 = div %17, %20 : f64
// CHECK-NEXT:    return %21

// Constant arrays outside the function (`constexpr` globals, `static
// constexpr` locals) that are indexed at run time are copied into memory at
// the function's entry; constant indices still fold to constants.
constexpr double Weights[3] = {0.5, 0.25, 0.25};
double weighted(const double *x) {
  static constexpr int Perm[2][2] = {{1, 0}, {0, 1}};
  double s = Weights[0] * x[0];
  for (int i = 1; i < 3; ++i)
    s += Weights[i] * x[Perm[i - 1][1]];
  return s;
}
// CHECK-LABEL: func @weighted(%x: ptr<const f64>) -> (f64) {
// CHECK-NEXT:    %Weights = alloca 3 : ptr<f64>
// CHECK-NEXT:    %0 = constant 0.5 : f64
// CHECK-NEXT:    store %0, %Weights
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %2 = offset %Weights, %1 : ptr<f64>
// CHECK-NEXT:    %3 = constant 0.25 : f64
// CHECK-NEXT:    store %3, %2
// CHECK-NEXT:    %4 = constant 2 : i32
// CHECK-NEXT:    %5 = offset %Weights, %4 : ptr<f64>
// CHECK-NEXT:    %6 = constant 0.25 : f64
// CHECK-NEXT:    store %6, %5
// CHECK-NEXT:    %Perm = alloca 4 : ptr<i32>
// CHECK-NEXT:    %7 = constant 1 : i32
// CHECK-NEXT:    store %7, %Perm
// CHECK-NEXT:    %8 = constant 3 : i32
// CHECK-NEXT:    %9 = offset %Perm, %8 : ptr<i32>
// CHECK-NEXT:    %10 = constant 1 : i32
// CHECK-NEXT:    store %10, %9
// CHECK-NEXT:    %11 = constant 0.5 : f64
// CHECK-NEXT:    %12 = load %x : f64
// CHECK-NEXT:    %s = mul %11, %12 : f64
// CHECK-NEXT:    %13 = constant 1 : i32
// CHECK-NEXT:    %14 = constant 3 : i32
// CHECK-NEXT:    %15 = constant 1 : i32
// CHECK-NEXT:    %s.1 = for %i = %13 to %14 step %15 : i32 iter_args(%s.2 = %s) -> (f64) {
// CHECK-NEXT:      %16 = offset %Weights, %i : ptr<f64>
// CHECK-NEXT:      %17 = load %16 : f64
// CHECK-NEXT:      %18 = constant 1 : i32
// CHECK-NEXT:      %19 = sub %i, %18 : i32
// CHECK-NEXT:      %20 = constant 2 : i32
// CHECK-NEXT:      %21 = mul %19, %20 : i32
// CHECK-NEXT:      %22 = constant 1 : i32
// CHECK-NEXT:      %23 = add %21, %22 : i32
// CHECK-NEXT:      %24 = offset %Perm, %23 : ptr<i32>
// CHECK-NEXT:      %25 = load %24 : i32
// CHECK-NEXT:      %26 = offset %x, %25 : ptr<const f64>
// CHECK-NEXT:      %27 = load %26 : f64
// CHECK-NEXT:      %28 = mul %17, %27 : f64
// CHECK-NEXT:      %s.3 = add %s.2, %28 : f64
// CHECK-NEXT:      yield %s.3
// CHECK-NEXT:    }
// CHECK-NEXT:    return %s.1

// `sizeof` is a constant.
double count(double x) {
  double a[5] = {};
  return x * (sizeof(a) / sizeof(a[0]));
}
// CHECK-LABEL: func @count(%x: f64) -> (f64) {
// CHECK-NEXT:    %a = alloca 5 : ptr<f64>
// CHECK-NEXT:    %0 = constant 5.0 : f64
// CHECK-NEXT:    %1 = mul %x, %0 : f64
// CHECK-NEXT:    return %1
