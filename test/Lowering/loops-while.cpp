// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Locals assigned in the condition or the body and declared before the loop
// are carried: `before` tests the condition, `after` runs the body.
double halve(double x) {
  int steps = 0;
  while (x > 1) {
    x = x / 2;
    steps++;
  }
  return x + steps;
}
// CHECK-LABEL: func @halve(%x: f64) -> (f64) {
// CHECK-NEXT:    %steps = constant 0 : i32
// CHECK-NEXT:    %x.1, %steps.1 = while (%x.2 = %x, %steps.2 = %steps) -> (f64, i32) {
// CHECK-NEXT:      %0 = constant 1.0 : f64
// CHECK-NEXT:      %1 = cmp gt %x.2, %0 : f64
// CHECK-NEXT:      condition %1, %x.2, %steps.2
// CHECK-NEXT:    } do (%x.3, %steps.3) {
// CHECK-NEXT:      %2 = constant 2.0 : f64
// CHECK-NEXT:      %x.4 = div %x.3, %2 : f64
// CHECK-NEXT:      %3 = constant 1 : i32
// CHECK-NEXT:      %steps.4 = add %steps.3, %3 : i32
// CHECK-NEXT:      yield %x.4, %steps.4
// CHECK-NEXT:    }
// CHECK-NEXT:    %4 = cast %steps.1 : i32 to f64
// CHECK-NEXT:    %5 = add %x.1, %4 : f64
// CHECK-NEXT:    return %5

// A condition with side effects runs in the before region on every test.
int countdown(int n) {
  int k = 0;
  while (n-- > 0)
    k += 2;
  return k;
}
// CHECK-LABEL: func @countdown(%n: i32) -> (i32) {
// CHECK-NEXT:    %k = constant 0 : i32
// CHECK-NEXT:    %n.1, %k.1 = while (%n.2 = %n, %k.2 = %k) -> (i32, i32) {
// CHECK-NEXT:      %0 = constant 1 : i32
// CHECK-NEXT:      %n.3 = sub %n.2, %0 : i32
// CHECK-NEXT:      %1 = constant 0 : i32
// CHECK-NEXT:      %2 = cmp gt %n.2, %1 : i32
// CHECK-NEXT:      condition %2, %n.3, %k.2
// CHECK-NEXT:    } do (%n.4, %k.3) {
// CHECK-NEXT:      %3 = constant 2 : i32
// CHECK-NEXT:      %k.4 = add %k.3, %3 : i32
// CHECK-NEXT:      yield %n.4, %k.4
// CHECK-NEXT:    }
// CHECK-NEXT:    return %k.1

// Variables local to the body are not carried; loop-invariant values are
// used directly.
double locals(double x, double y) {
  double acc = 1;
  while (acc < y) {
    double t = acc * x;
    acc = t + 1;
  }
  return acc;
}
// CHECK-LABEL: func @locals(%x: f64, %y: f64) -> (f64) {
// CHECK:         %acc.1 = while (%acc.2 = %acc) -> (f64) {
// CHECK-NEXT:      %0 = cmp lt %acc.2, %y : f64
// CHECK-NEXT:      condition %0, %acc.2
// CHECK-NEXT:    } do (%acc.3) {
// CHECK-NEXT:      %t = mul %acc.3, %x : f64
// CHECK-NEXT:      %1 = constant 1.0 : f64
// CHECK-NEXT:      %acc.4 = add %t, %1 : f64
// CHECK-NEXT:      yield %acc.4
// CHECK-NEXT:    }

// An uninitialized local assigned in the loop starts from zero.
double uninit(double x, int n) {
  double last;
  int i = 0;
  while (i < n) {
    last = x * i;
    ++i;
  }
  return last;
}
// CHECK-LABEL: func @uninit(%x: f64, %n: i32) -> (f64) {
// CHECK-NEXT:    %i = constant 0 : i32
// CHECK-NEXT:    %last = constant 0.0 : f64
// CHECK-NEXT:    %last.1, %i.1 = while (%last.2 = %last, %i.2 = %i) -> (f64, i32) {
