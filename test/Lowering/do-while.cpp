// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// do-while: the before region runs the body, then tests the condition; the
// after region only passes the values on.
double newton(double a) {
  double x = a;
  int it = 0;
  do {
    x = 0.5 * (x + a / x);
    ++it;
  } while (it < 5);
  return x;
}
// CHECK-LABEL: func @newton(%a: f64) -> (f64) {
// CHECK-NEXT:    %it = constant 0 : i32
// CHECK-NEXT:    %x, %it.1 = while (%x.1 = %a, %it.2 = %it) -> (f64, i32) {
// CHECK-NEXT:      %0 = constant 0.5 : f64
// CHECK-NEXT:      %1 = div %a, %x.1 : f64
// CHECK-NEXT:      %2 = add %x.1, %1 : f64
// CHECK-NEXT:      %x.2 = mul %0, %2 : f64
// CHECK-NEXT:      %3 = constant 1 : i32
// CHECK-NEXT:      %it.3 = add %it.2, %3 : i32
// CHECK-NEXT:      %4 = constant 5 : i32
// CHECK-NEXT:      %5 = cmp lt %it.3, %4 : i32
// CHECK-NEXT:      condition %5, %x.2, %it.3
// CHECK-NEXT:    } do (%x.3, %it.4) {
// CHECK-NEXT:      yield %x.3, %it.4
// CHECK-NEXT:    }
// CHECK-NEXT:    return %x

// break leaves the loop: the condition is false once the flag is set, and
// nothing after the break in the body runs. The break flag is not carried.
double withbreak(double x) {
  do {
    if (x > 100)
      break;
    x = x * 3;
  } while (x < 50);
  return x;
}
// CHECK-LABEL: func @withbreak(%x: f64) -> (f64) {
// CHECK-NEXT:    %x.1 = while (%x.2 = %x) -> (f64) {
// CHECK-NEXT:      %0 = constant 100.0 : f64
// CHECK-NEXT:      %1 = cmp gt %x.2, %0 : f64
// CHECK-NEXT:      %x.3, %did_break = if %1 -> (f64, i1) {
// CHECK-NEXT:        %did_break.1 = constant 1 : i1
// CHECK-NEXT:        yield %x.2, %did_break.1
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %2 = constant 3.0 : f64
// CHECK-NEXT:        %x.4 = mul %x.2, %2 : f64
// CHECK-NEXT:        %did_break.2 = constant 0 : i1
// CHECK-NEXT:        yield %x.4, %did_break.2
// CHECK-NEXT:      }
// CHECK-NEXT:      %3 = not %did_break : i1
// CHECK-NEXT:      %4 = constant 50.0 : f64
// CHECK-NEXT:      %5 = cmp lt %x.3, %4 : f64
// CHECK-NEXT:      %6 = and %3, %5 : i1
// CHECK-NEXT:      condition %6, %x.3
// CHECK-NEXT:    } do (%x.5) {
// CHECK-NEXT:      yield %x.5
// CHECK-NEXT:    }
// CHECK-NEXT:    return %x.1

// continue jumps to the condition.
int skipodd(int n) {
  int i = 0, s = 0;
  do {
    ++i;
    if (i % 2)
      continue;
    s += i;
  } while (i < n);
  return s;
}
// CHECK-LABEL: func @skipodd(%n: i32) -> (i32) {
// CHECK:         %i.1, %s.1 = while (%i.2 = %i, %s.2 = %s) -> (i32, i32) {
// CHECK:           %s.3 = if %{{[0-9]+}} -> (i32) {
// CHECK-NEXT:        yield %s.2
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %s.4 = add %s.2, %i.3 : i32
// CHECK-NEXT:        yield %s.4
// CHECK-NEXT:      }
// CHECK-NEXT:      %{{[0-9]+}} = cmp lt %i.3, %n : i32
// CHECK-NEXT:      condition
