// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// The only return is the last statement: no flag.
double last(double x) {
  double y = x * x;
  return y + 1;
}
// CHECK-LABEL: func @last(%x: f64) -> (f64) {
// CHECK-NEXT:    %y = mul %x, %x : f64
// CHECK-NEXT:    %0 = constant 1.0 : f64
// CHECK-NEXT:    %1 = add %y, %0 : f64
// CHECK-NEXT:    return %1
// CHECK-NEXT:  }

// Early returns outside loops: what follows moves into the other branch, so
// no flag either.
double early(double x, double y) {
  if (x < 0)
    return -x;
  double a = x * y;
  if (a > 10)
    return a;
  return a + y;
}
// CHECK-LABEL: func @early(%x: f64, %y: f64) -> (f64) {
// CHECK-NOT:     did_return
// CHECK:         %retval = if %{{[0-9]+}} -> (f64) {
// CHECK-NEXT:      %{{[0-9]+}} = neg %x : f64
// CHECK-NEXT:      yield
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %a = mul %x, %y : f64
// CHECK:           %retval.1 = if %{{[0-9]+}} -> (f64) {
// CHECK-NEXT:        yield %a
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %{{[0-9]+}} = add %a, %y : f64
// CHECK-NEXT:        yield
// CHECK-NEXT:      }
// CHECK-NEXT:      yield %retval.1
// CHECK-NEXT:    }
// CHECK-NEXT:    return %retval

// A return that may or may not happen inside a nested statement sets a
// flag; the statements after it run under `if (!did_return)`.
double maybe(double x) {
  if (x > 0) {
    if (x > 100)
      return 100;
    x = x * 2;
  }
  x = x + 1;
  return x;
}
// CHECK-LABEL: func @maybe(%x: f64) -> (f64) {
// CHECK:         %x.1, %did_return, %retval = if %{{[0-9]+}} -> (f64, i1, f64) {
// CHECK:         %[[NR:[0-9]+]] = not %did_return : i1
// CHECK-NEXT:    %x.{{[0-9]+}}, %retval.[[R:[0-9]+]] = if %[[NR]] -> (f64, f64) {
// CHECK-NEXT:      %{{[0-9]+}} = constant 1.0 : f64
// CHECK-NEXT:      %x.[[X:[0-9]+]] = add %x.1,
// CHECK-NEXT:      yield %x.[[X]], %x.[[X]]
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %x.1, %retval
// CHECK-NEXT:    }
// CHECK-NEXT:    return %retval.[[R]]

// A return inside a loop: the loop carries did_return and retval, and its
// condition is false once it is set.
double search(double x, int n) {
  for (int i = 0; i < n; ++i) {
    x = x * 1.5;
    if (x > 10)
      return x;
  }
  return -1;
}
// CHECK-LABEL: func @search(%x: f64, %n: i32) -> (f64) {
// CHECK-NOT:     = for
// CHECK:         %did_return = constant 0 : i1
// CHECK-NEXT:    %retval = constant 0.0 : f64
// CHECK-NEXT:    %x.1, %i.1, %did_return.1, %retval.1 = while (%x.2 = %x, %i.2 = %i, %did_return.2 = %did_return, %retval.2 = %retval) -> (f64, i32, i1, f64) {
// CHECK-NEXT:      %[[NOTRET:[0-9]+]] = not %did_return.2 : i1
// CHECK-NEXT:      %[[LT:[0-9]+]] = cmp lt %i.2, %n : i32
// CHECK-NEXT:      %[[GO:[0-9]+]] = and %[[NOTRET]], %[[LT]] : i1
// CHECK-NEXT:      condition %[[GO]], %x.2, %i.2, %did_return.2, %retval.2
// CHECK:         %[[AFTER:[0-9]+]] = not %did_return.1 : i1
// CHECK-NEXT:    %retval.{{[0-9]+}} = if %[[AFTER]] -> (f64) {
// CHECK-NEXT:      %{{[0-9]+}} = constant -1.0 : f64
// CHECK-NEXT:      yield
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %retval.1
// CHECK-NEXT:    }

// void functions: `return;` skips the rest.
void use(double) {}
void sink(double x) {
  if (x > 0)
    return;
  use(x);
}
// CHECK-LABEL: func @sink(%x: f64) -> () {
// CHECK:         if %{{[0-9]+}} {
// CHECK-NEXT:      yield
// CHECK-NEXT:    } else {
// CHECK-NEXT:      call @use(%x) : ()
// CHECK-NEXT:      yield
// CHECK-NEXT:    }
// CHECK-NEXT:    return
// CHECK-NEXT:  }
