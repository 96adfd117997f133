// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Loads and stores are emitted in C++17 evaluation order: the right side of
// an assignment (compound too) before the left, the array of a subscript
// before its index, and a call after its arguments.
double bump(double *v) {
  v[0] += 1;
  return v[0];
}
double order(double *a, int i) {
  a[i] = bump(a) * a[0];
  a[bump(a) > 2 ? 1 : 0] += a[1];
  return a[0];
}
// CHECK-LABEL: func @order(%a: ptr<f64>, %i: i32) -> (f64) {
// CHECK-NEXT:    %0 = call @bump(%a) : (f64)
// CHECK-NEXT:    %1 = load %a : f64
// CHECK-NEXT:    %2 = mul %0, %1 : f64
// CHECK-NEXT:    %3 = offset %a, %i : ptr<f64>
// CHECK-NEXT:    store %2, %3
// CHECK-NEXT:    %4 = constant 1 : i32
// CHECK-NEXT:    %5 = offset %a, %4 : ptr<f64>
// CHECK-NEXT:    %6 = load %5 : f64
// CHECK-NEXT:    %7 = call @bump(%a) : (f64)
// CHECK-NEXT:    %8 = constant 2.0 : f64
// CHECK-NEXT:    %9 = cmp gt %7, %8 : f64
// CHECK-NEXT:    %10 = if %9 -> (i32) {
// CHECK-NEXT:      %11 = constant 1 : i32
// CHECK-NEXT:      yield %11
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %12 = constant 0 : i32
// CHECK-NEXT:      yield %12
// CHECK-NEXT:    }
// CHECK-NEXT:    %13 = offset %a, %10 : ptr<f64>
// CHECK-NEXT:    %14 = load %13 : f64
// CHECK-NEXT:    %15 = add %14, %6 : f64
// CHECK-NEXT:    store %15, %13
// CHECK-NEXT:    %16 = load %a : f64
// CHECK-NEXT:    return %16

// A subscript may be out of bounds where its guard is false, so `&&`,
// `||` and loop conditions do not evaluate it speculatively.
double guarded(const double *x, int n, int i) {
  double s = 0;
  if (i < n && x[i] > 0)
    s = x[i];
  int k = 0;
  while (k < n && x[k] != 0)
    ++k;
  return s + k;
}
// CHECK-LABEL: func @guarded(%x: ptr<const f64>, %n: i32, %i: i32) -> (f64) {
// CHECK-NEXT:    %s = constant 0.0 : f64
// CHECK-NEXT:    %0 = cmp lt %i, %n : i32
// CHECK-NEXT:    %1 = if %0 -> (i1) {
// CHECK-NEXT:      %2 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:      %3 = load %2 : f64
// CHECK-NEXT:      %4 = constant 0.0 : f64
// CHECK-NEXT:      %5 = cmp gt %3, %4 : f64
// CHECK-NEXT:      yield %5
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %6 = constant 0 : i1
// CHECK-NEXT:      yield %6
// CHECK-NEXT:    }
// CHECK-NEXT:    %s.1 = if %1 -> (f64) {
// CHECK-NEXT:      %7 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:      %s.2 = load %7 : f64
// CHECK-NEXT:      yield %s.2
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %s
// CHECK-NEXT:    }
// CHECK-NEXT:    %k = constant 0 : i32
// CHECK-NEXT:    %k.1 = while (%k.2 = %k) -> (i32) {
// CHECK-NEXT:      %8 = cmp lt %k.2, %n : i32
// CHECK-NEXT:      %9 = if %8 -> (i1) {
// CHECK-NEXT:        %10 = offset %x, %k.2 : ptr<const f64>
// CHECK-NEXT:        %11 = load %10 : f64
// CHECK-NEXT:        %12 = constant 0.0 : f64
// CHECK-NEXT:        %13 = cmp ne %11, %12 : f64
// CHECK-NEXT:        yield %13
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %14 = constant 0 : i1
// CHECK-NEXT:        yield %14
// CHECK-NEXT:      }
// CHECK-NEXT:      condition %9, %k.2
// CHECK-NEXT:    } do (%k.3) {
// CHECK-NEXT:      %15 = constant 1 : i32
// CHECK-NEXT:      %k.4 = add %k.3, %15 : i32
// CHECK-NEXT:      yield %k.4
// CHECK-NEXT:    }
// CHECK-NEXT:    %16 = cast %k.1 : i32 to f64
// CHECK-NEXT:    %17 = add %s.1, %16 : f64
// CHECK-NEXT:    return %17

// A counted loop's bound is read once, before the loop: a bound read from
// memory that the body may write (any store or call) keeps the loop a
// `while` that reads it on every test.
double bounds(double *y, const int *n, int *m) {
  double s = 0;
  for (int i = 0; i < n[0]; ++i)
    s += y[i];
  for (int i = 0; i < n[0]; ++i)
    y[i] = s;
  for (int i = 0; i < m[0]; ++i)
    m[1] += 1;
  return s;
}
// CHECK-LABEL: func @bounds(%y: ptr<f64>, %n: ptr<const i32>, %m: ptr<i32>) -> (f64) {
// CHECK-NEXT:    %s = constant 0.0 : f64
// CHECK-NEXT:    %0 = constant 0 : i32
// CHECK-NEXT:    %1 = load %n : i32
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %s.1 = for %i = %0 to %1 step %2 : i32 iter_args(%s.2 = %s) -> (f64) {
// CHECK-NEXT:      %3 = offset %y, %i : ptr<f64>
// CHECK-NEXT:      %4 = load %3 : f64
// CHECK-NEXT:      %s.3 = add %s.2, %4 : f64
// CHECK-NEXT:      yield %s.3
// CHECK-NEXT:    }
// CHECK-NEXT:    %i.1 = constant 0 : i32
// CHECK-NEXT:    %i.2 = while (%i.3 = %i.1) -> (i32) {
// CHECK-NEXT:      %5 = load %n : i32
// CHECK-NEXT:      %6 = cmp lt %i.3, %5 : i32
// CHECK-NEXT:      condition %6, %i.3
// CHECK-NEXT:    } do (%i.4) {
// CHECK-NEXT:      %7 = offset %y, %i.4 : ptr<f64>
// CHECK-NEXT:      store %s.1, %7
// CHECK-NEXT:      %8 = constant 1 : i32
// CHECK-NEXT:      %i.5 = add %i.4, %8 : i32
// CHECK-NEXT:      yield %i.5
// CHECK-NEXT:    }
// CHECK-NEXT:    %i.6 = constant 0 : i32
// CHECK-NEXT:    %i.7 = while (%i.8 = %i.6) -> (i32) {
// CHECK-NEXT:      %9 = load %m : i32
// CHECK-NEXT:      %10 = cmp lt %i.8, %9 : i32
// CHECK-NEXT:      condition %10, %i.8
// CHECK-NEXT:    } do (%i.9) {
// CHECK-NEXT:      %11 = constant 1 : i32
// CHECK-NEXT:      %12 = constant 1 : i32
// CHECK-NEXT:      %13 = offset %m, %12 : ptr<i32>
// CHECK-NEXT:      %14 = load %13 : i32
// CHECK-NEXT:      %15 = add %14, %11 : i32
// CHECK-NEXT:      store %15, %13
// CHECK-NEXT:      %16 = constant 1 : i32
// CHECK-NEXT:      %i.10 = add %i.9, %16 : i32
// CHECK-NEXT:      yield %i.10
// CHECK-NEXT:    }
// CHECK-NEXT:    return %s.1

// Memory is not an SSA value: `if` and loops carry nothing for it, only
// the scalars and pointers they assign.
void branches(double *y, const double *x, int n, bool c) {
  if (c)
    y[0] = x[0];
  else
    y[1] = x[1];
  for (int i = 1; i < n; ++i) {
    if (x[i] < 0)
      continue;
    y[i] = y[i - 1] + x[i];
  }
}
// CHECK-LABEL: func @branches(%y: ptr<f64>, %x: ptr<const f64>, %n: i32, %c: i1) -> () {
// CHECK-NEXT:    if %c {
// CHECK-NEXT:      %0 = load %x : f64
// CHECK-NEXT:      store %0, %y
// CHECK-NEXT:      yield
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %1 = constant 1 : i32
// CHECK-NEXT:      %2 = offset %x, %1 : ptr<const f64>
// CHECK-NEXT:      %3 = load %2 : f64
// CHECK-NEXT:      %4 = constant 1 : i32
// CHECK-NEXT:      %5 = offset %y, %4 : ptr<f64>
// CHECK-NEXT:      store %3, %5
// CHECK-NEXT:      yield
// CHECK-NEXT:    }
// CHECK-NEXT:    %6 = constant 1 : i32
// CHECK-NEXT:    %7 = constant 1 : i32
// CHECK-NEXT:    for %i = %6 to %n step %7 : i32 {
// CHECK-NEXT:      %8 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:      %9 = load %8 : f64
// CHECK-NEXT:      %10 = constant 0.0 : f64
// CHECK-NEXT:      %11 = cmp lt %9, %10 : f64
// CHECK-NEXT:      if %11 {
// CHECK-NEXT:        yield
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %12 = constant 1 : i32
// CHECK-NEXT:        %13 = sub %i, %12 : i32
// CHECK-NEXT:        %14 = offset %y, %13 : ptr<f64>
// CHECK-NEXT:        %15 = load %14 : f64
// CHECK-NEXT:        %16 = offset %x, %i : ptr<const f64>
// CHECK-NEXT:        %17 = load %16 : f64
// CHECK-NEXT:        %18 = add %15, %17 : f64
// CHECK-NEXT:        %19 = offset %y, %i : ptr<f64>
// CHECK-NEXT:        store %18, %19
// CHECK-NEXT:        yield
// CHECK-NEXT:      }
// CHECK-NEXT:      yield
// CHECK-NEXT:    }
// CHECK-NEXT:    return

// `return` inside a loop that writes memory: the stores after it are
// guarded.
double search(double *y, const double *x, int n) {
  for (int i = 0; i < n; ++i) {
    if (x[i] > 1)
      return x[i];
    y[i] = x[i];
  }
  return 0;
}
// CHECK-LABEL: func @search(%y: ptr<f64>, %x: ptr<const f64>, %n: i32) -> (f64) {
// CHECK-NEXT:    %i = constant 0 : i32
// CHECK-NEXT:    %did_return = constant 0 : i1
// CHECK-NEXT:    %retval = constant 0.0 : f64
// CHECK-NEXT:    %i.1, %did_return.1, %retval.1 = while (%i.2 = %i, %did_return.2 = %did_return, %retval.2 = %retval) -> (i32, i1, f64) {
// CHECK-NEXT:      %0 = not %did_return.2 : i1
// CHECK-NEXT:      %1 = cmp lt %i.2, %n : i32
// CHECK-NEXT:      %2 = and %0, %1 : i1
// CHECK-NEXT:      condition %2, %i.2, %did_return.2, %retval.2
// CHECK-NEXT:    } do (%i.3, %did_return.3, %retval.3) {
// CHECK-NEXT:      %3 = offset %x, %i.3 : ptr<const f64>
// CHECK-NEXT:      %4 = load %3 : f64
// CHECK-NEXT:      %5 = constant 1.0 : f64
// CHECK-NEXT:      %6 = cmp gt %4, %5 : f64
// CHECK-NEXT:      %did_return.4, %retval.4 = if %6 -> (i1, f64) {
// CHECK-NEXT:        %7 = offset %x, %i.3 : ptr<const f64>
// CHECK-NEXT:        %8 = load %7 : f64
// CHECK-NEXT:        %did_return.5 = constant 1 : i1
// CHECK-NEXT:        yield %did_return.5, %8
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %9 = offset %x, %i.3 : ptr<const f64>
// CHECK-NEXT:        %10 = load %9 : f64
// CHECK-NEXT:        %11 = offset %y, %i.3 : ptr<f64>
// CHECK-NEXT:        store %10, %11
// CHECK-NEXT:        %did_return.6 = constant 0 : i1
// CHECK-NEXT:        yield %did_return.6, %retval.3
// CHECK-NEXT:      }
// CHECK-NEXT:      %12 = not %did_return.4 : i1
// CHECK-NEXT:      %i.4 = if %12 -> (i32) {
// CHECK-NEXT:        %13 = constant 1 : i32
// CHECK-NEXT:        %i.5 = add %i.3, %13 : i32
// CHECK-NEXT:        yield %i.5
// CHECK-NEXT:      } else {
// CHECK-NEXT:        yield %i.3
// CHECK-NEXT:      }
// CHECK-NEXT:      yield %i.4, %did_return.4, %retval.4
// CHECK-NEXT:    }
// CHECK-NEXT:    %14 = not %did_return.1 : i1
// CHECK-NEXT:    %retval.5 = if %14 -> (f64) {
// CHECK-NEXT:      %15 = constant 0.0 : f64
// CHECK-NEXT:      yield %15
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %retval.1
// CHECK-NEXT:    }
// CHECK-NEXT:    return %retval.5
