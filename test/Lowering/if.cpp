// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Locals assigned in either branch become `if` results.
double ifelse(double x, double y) {
  double r = 0;
  if (x < y) {
    r = x;
    y = 1;
  } else {
    r = y;
  }
  return r + y;
}
// CHECK-LABEL: func @ifelse(%x: f64, %y: f64) -> (f64) {
// CHECK-NEXT:    %r = constant 0.0 : f64
// CHECK-NEXT:    %0 = cmp lt %x, %y : f64
// CHECK-NEXT:    %y.1, %r.1 = if %0 -> (f64, f64) {
// CHECK-NEXT:      %y.2 = constant 1.0 : f64
// CHECK-NEXT:      yield %y.2, %x
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %y, %y
// CHECK-NEXT:    }
// CHECK-NEXT:    %1 = add %r.1, %y.1 : f64
// CHECK-NEXT:    return %1

// No else: the else region yields the values from before.
double noelse(double x) {
  if (x > 1)
    x = x * x;
  return x;
}
// CHECK-LABEL: func @noelse(%x: f64) -> (f64) {
// CHECK:         %x.1 = if %{{[0-9]+}} -> (f64) {
// CHECK-NEXT:      %x.2 = mul %x, %x : f64
// CHECK-NEXT:      yield %x.2
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %x
// CHECK-NEXT:    }
// CHECK-NEXT:    return %x.1

// Variables declared inside a branch are not results.
double scoped(double x) {
  if (x > 0) {
    double t = x * 2;
    x = t;
  }
  return x;
}
// CHECK-LABEL: func @scoped(%x: f64) -> (f64) {
// CHECK:         %x.1 = if %{{[0-9]+}} -> (f64) {
// CHECK:           %t = mul %x,
// CHECK-NEXT:      yield %t
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %x
// CHECK-NEXT:    }

// A return at the end of both branches needs no flag: the `if` yields the
// returned value.
double bothreturn(double x) {
  if (x < 0)
    return -x;
  else
    return x * 2;
}
// CHECK-LABEL: func @bothreturn(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 0.0 : f64
// CHECK-NEXT:    %1 = cmp lt %x, %0 : f64
// CHECK-NEXT:    %retval = if %1 -> (f64) {
// CHECK-NEXT:      %2 = neg %x : f64
// CHECK-NEXT:      yield %2
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %3 = constant 2.0 : f64
// CHECK-NEXT:      %4 = mul %x, %3 : f64
// CHECK-NEXT:      yield %4
// CHECK-NEXT:    }
// CHECK-NEXT:    return %retval
// CHECK-NEXT:  }

// Nested ifs, an if with an init-statement and a condition variable.
int nested(int a, int b) {
  int r = 0;
  if (a > 0) {
    if (b > 0)
      r = 1;
    else
      r = 2;
  }
  if (int c = a - b; c > 0)
    r += c;
  return r;
}
// CHECK-LABEL: func @nested(%a: i32, %b: i32) -> (i32) {
// CHECK:         %r.1 = if %{{[0-9]+}} -> (i32) {
// CHECK:           %r.2 = if %{{[0-9]+}} -> (i32) {
// CHECK:           yield %r.2
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %r
// CHECK-NEXT:    }
// CHECK-NEXT:    %c = sub %a, %b : i32
// CHECK-NEXT:    %[[ZERO:[0-9]+]] = constant 0 : i32
// CHECK-NEXT:    %[[POS:[0-9]+]] = cmp gt %c, %[[ZERO]] : i32
// CHECK-NEXT:    %r.{{[0-9]+}} = if %[[POS]] -> (i32) {
// CHECK-NEXT:      %r.{{[0-9]+}} = add %r.1, %c : i32

// if constexpr lowers only the branch it keeps.
template <class T> T pick(T x) {
  if constexpr (sizeof(T) == 4)
    return x + 1;
  else
    return x - 1;
}
double usepick(double x) { return pick(x); }
// CHECK-LABEL: func @"pick<double>"(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 1.0 : f64
// CHECK-NEXT:    %1 = sub %x, %0 : f64
// CHECK-NEXT:    return %1
// CHECK-NEXT:  }
