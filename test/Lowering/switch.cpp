// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Every segment ends in break: each is entered by its own labels alone, and
// no flag is needed.
double plain(double x, int k) {
  double r = 0;
  switch (k) {
  case 0:
    r = x;
    break;
  case 1:
  case 2:
    r = x * x;
    break;
  default:
    r = -x;
    break;
  }
  return r;
}
// CHECK-LABEL: func @plain(%x: f64, %k: i32) -> (f64) {
// CHECK-NEXT:    %r = constant 0.0 : f64
// CHECK-NEXT:    %0 = constant 0 : i32
// CHECK-NEXT:    %1 = cmp eq %k, %0 : i32
// CHECK-NEXT:    %r.1 = if %1 -> (f64) {
// CHECK-NEXT:      yield %x
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %r
// CHECK-NEXT:    }
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %3 = cmp eq %k, %2 : i32
// CHECK-NEXT:    %4 = constant 2 : i32
// CHECK-NEXT:    %5 = cmp eq %k, %4 : i32
// CHECK-NEXT:    %6 = or %3, %5 : i1
// CHECK-NEXT:    %r.2 = if %6 -> (f64) {
// CHECK-NEXT:      %r.3 = mul %x, %x : f64
// CHECK-NEXT:      yield %r.3
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %r.1
// CHECK-NEXT:    }
// CHECK-NEXT:    %7 = or %1, %3 : i1
// CHECK-NEXT:    %8 = or %7, %5 : i1
// CHECK-NEXT:    %9 = not %8 : i1
// CHECK-NEXT:    %r.4 = if %9 -> (f64) {
// CHECK-NEXT:      %r.5 = neg %x : f64
// CHECK-NEXT:      yield %r.5
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %r.2
// CHECK-NEXT:    }
// CHECK-NEXT:    return %r.4

// Fall-through: a segment is entered by its labels or by falling in from
// the previous one ("entered" accumulates with `or`).
int fallthrough(int k) {
  int r = 1;
  switch (k) {
  case 3:
    r *= 2;
  case 4:
    r *= 3;
    break;
  case 5:
    r = 0;
  }
  return r;
}
// CHECK-LABEL: func @fallthrough(%k: i32) -> (i32) {
// CHECK:         %[[C3:[0-9]+]] = cmp eq %k, %{{[0-9]+}} : i32
// CHECK-NEXT:    %r.1 = if %[[C3]] -> (i32) {
// CHECK:         %[[C4:[0-9]+]] = cmp eq %k, %{{[0-9]+}} : i32
// CHECK-NEXT:    %[[E4:[0-9]+]] = or %[[C3]], %[[C4]] : i1
// CHECK-NEXT:    %r.{{[0-9]+}} = if %[[E4]] -> (i32) {
// CHECK:         %[[C5:[0-9]+]] = cmp eq %k, %{{[0-9]+}} : i32
// CHECK-NEXT:    %r.{{[0-9]+}} = if %[[C5]] -> (i32) {

// default in the middle, falling through; a conditional break inside a
// segment that falls through is tested by the next segment.
double middle(double x, int k) {
  switch (k) {
  case 1:
    x += 1;
  default:
    if (x > 5)
      break;
    x *= 2;
  case 2:
    x -= 3;
  }
  return x;
}
// CHECK-LABEL: func @middle(%x: f64, %k: i32) -> (f64) {
// CHECK:         %[[C1:[0-9]+]] = cmp eq %k, %{{[0-9]+}} : i32
// CHECK:         %[[C2:[0-9]+]] = cmp eq %k, %{{[0-9]+}} : i32
// CHECK-NEXT:    %[[ANY:[0-9]+]] = or %[[C1]], %[[C2]] : i1
// CHECK-NEXT:    %[[DEF:[0-9]+]] = not %[[ANY]] : i1
// CHECK-NEXT:    %[[E:[0-9]+]] = or %[[C1]], %[[DEF]] : i1
// CHECK-NEXT:    %x.{{[0-9]+}}, %did_break = if %[[E]] -> (f64, i1) {
// CHECK:         %[[E2:[0-9]+]] = or %[[E]], %[[C2]] : i1
// CHECK-NEXT:    %[[NB:[0-9]+]] = not %did_break : i1
// CHECK-NEXT:    %[[GO:[0-9]+]] = and %[[E2]], %[[NB]] : i1
// CHECK-NEXT:    %x.{{[0-9]+}} = if %[[GO]] -> (f64) {

// Labels nested in other statements are rejected (see Diagnostics); a
// declaration before the first label is in scope but never initialized.
int leading(int k) {
  switch (k) {
    int t;
  case 0:
    t = 4;
    return t;
  }
  return 0;
}
// CHECK-LABEL: func @leading(%k: i32) -> (i32) {
// CHECK:         %t, %did_return, %retval = if %{{[0-9]+}} -> (i32, i1, i32) {

// A switch in a loop: `continue` targets the loop, `break` the switch.
int inloop(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    switch (i % 3) {
    case 0:
      continue;
    case 1:
      s += 10;
      break;
    }
    s += 1;
  }
  return s;
}
// CHECK-LABEL: func @inloop(%n: i32) -> (i32) {
// CHECK:         = for %i =
// CHECK:           %did_continue = if
// CHECK:           %[[NC:[0-9]+]] = not %did_continue : i1
// CHECK-NEXT:      %s.{{[0-9]+}} = if %[[NC]] -> (i32) {
