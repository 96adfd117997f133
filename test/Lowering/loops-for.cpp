// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// A counted loop becomes `for`; locals it assigns are iter_args.
double sum(double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x * i;
  return s;
}
// CHECK-LABEL: func @sum(%x: f64, %n: i32) -> (f64) {
// CHECK-NEXT:    %s = constant 0.0 : f64
// CHECK-NEXT:    %0 = constant 0 : i32
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %s.1 = for %i = %0 to %n step %1 : i32 iter_args(%s.2 = %s) -> (f64) {
// CHECK-NEXT:      %2 = cast %i : i32 to f64
// CHECK-NEXT:      %3 = mul %x, %2 : f64
// CHECK-NEXT:      %s.3 = add %s.2, %3 : f64
// CHECK-NEXT:      yield %s.3
// CHECK-NEXT:    }
// CHECK-NEXT:    return %s.1

// `<=` adds one to the bound; `i += c` with a positive constant is the step.
double inclusive(double x, long n) {
  for (long k = 1; k <= n; k += 2)
    x = x * 0.5;
  return x;
}
// CHECK-LABEL: func @inclusive(%x: f64, %n: i64) -> (f64) {
// CHECK-NEXT:    %0 = constant 1 : i64
// CHECK-NEXT:    %1 = constant 1 : i64
// CHECK-NEXT:    %2 = add %n, %1 : i64
// CHECK-NEXT:    %3 = constant 2 : i64
// CHECK-NEXT:    %x.1 = for %k = %0 to %2 step %3 : i64 iter_args(%x.2 = %x) -> (f64) {

// The bound may be an expression of values the loop does not change; the
// forms `i++`, `i = i + 1` and `bound > i` are counted loops too.
double forms(double x, int n) {
  for (int i = 0; n * 2 > i; i++)
    x += i;
  for (int j = 3; j < n; j = j + 1)
    x -= j;
  return x;
}
// CHECK-LABEL: func @forms(%x: f64, %n: i32) -> (f64) {
// CHECK:         %[[UB:[0-9]+]] = mul %n, %{{[0-9]+}} : i32
// CHECK:         = for %i = %{{[0-9]+}} to %[[UB]] step
// CHECK:         = for %j = %{{[0-9]+}} to %n step

// Nested counted loops; the inner bound reads the outer induction variable.
double nested(double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < i; ++j)
      s += x;
  return s;
}
// CHECK-LABEL: func @nested(%x: f64, %n: i32) -> (f64) {
// CHECK:         %s.1 = for %i = %{{[0-9]+}} to %n step %{{[0-9]+}} : i32 iter_args(%s.2 = %s) -> (f64) {
// CHECK:           %s.3 = for %j = %{{[0-9]+}} to %i step %{{[0-9]+}} : i32 iter_args(%s.4 = %s.2) -> (f64) {
// CHECK-NEXT:        %s.5 = add %s.4, %x : f64
// CHECK-NEXT:        yield %s.5
// CHECK-NEXT:      }
// CHECK-NEXT:      yield %s.3
// CHECK-NEXT:    }

// Not counted (the body assigns i, the bound changes, a step that is not a
// positive constant, a floating induction variable): `while` form. The
// init runs before the loop; the increment ends the after region.
double general(double x, int n) {
  for (int i = 0; i < n; ++i)
    i += 1;
  for (int i = 0; i < n; ++i)
    n -= 1;
  for (int i = n; i > 0; --i)
    x += i;
  for (double t = 0; t < x; t += 1)
    x -= 0.5;
  return x;
}
// CHECK-LABEL: func @general(%x: f64, %n: i32) -> (f64) {
// CHECK-NOT:     = for
// CHECK:         %i = constant 0 : i32
// CHECK-NEXT:    %i.1 = while (%i.2 = %i) -> (i32) {
// CHECK-NEXT:      %0 = cmp lt %i.2, %n : i32
// CHECK-NEXT:      condition %0, %i.2
// CHECK-NEXT:    } do (%i.3) {
// CHECK-NEXT:      %1 = constant 1 : i32
// CHECK-NEXT:      %i.4 = add %i.3, %1 : i32
// CHECK-NEXT:      %2 = constant 1 : i32
// CHECK-NEXT:      %i.5 = add %i.4, %2 : i32
// CHECK-NEXT:      yield %i.5
// CHECK-NEXT:    }
// CHECK:         = while (%n.{{[0-9]+}} = %n, %i.{{[0-9]+}} = %i.{{[0-9]+}}) -> (i32, i32) {
// CHECK:         = while (%x.{{[0-9]+}} = %x, %i.{{[0-9]+}} = %n.1) -> (f64, i32) {
// CHECK:         = while (%x.{{[0-9]+}} = %x.{{[0-9]+}}, %t.{{[0-9]+}} = %t) -> (f64, f64) {
// CHECK-NOT:     = for
// CHECK:         return
