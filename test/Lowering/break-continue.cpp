// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// break in a while loop: a flag carried by the loop; the condition is not
// tested once it is set, and what follows the break is skipped.
double firstbig(double x, int n) {
  int i = 0;
  while (i < n) {
    if (x > 10)
      break;
    x = x * 2;
    ++i;
  }
  return x;
}
// CHECK-LABEL: func @firstbig(%x: f64, %n: i32) -> (f64) {
// CHECK-NEXT:    %i = constant 0 : i32
// CHECK-NEXT:    %did_break = constant 0 : i1
// CHECK-NEXT:    %x.1, %i.1, %did_break.1 = while (%x.2 = %x, %i.2 = %i, %did_break.2 = %did_break) -> (f64, i32, i1) {
// CHECK-NEXT:      %0 = not %did_break.2 : i1
// CHECK-NEXT:      %1 = cmp lt %i.2, %n : i32
// CHECK-NEXT:      %2 = and %0, %1 : i1
// CHECK-NEXT:      condition %2, %x.2, %i.2, %did_break.2
// CHECK-NEXT:    } do (%x.3, %i.3, %did_break.3) {
// CHECK-NEXT:      %3 = constant 10.0 : f64
// CHECK-NEXT:      %4 = cmp gt %x.3, %3 : f64
// CHECK-NEXT:      %x.4, %i.4, %did_break.4 = if %4 -> (f64, i32, i1) {
// CHECK-NEXT:        %did_break.5 = constant 1 : i1
// CHECK-NEXT:        yield %x.3, %i.3, %did_break.5
// CHECK-NEXT:      } else {
// CHECK-NEXT:        %5 = constant 2.0 : f64
// CHECK-NEXT:        %x.5 = mul %x.3, %5 : f64
// CHECK-NEXT:        %6 = constant 1 : i32
// CHECK-NEXT:        %i.5 = add %i.3, %6 : i32
// CHECK-NEXT:        %did_break.6 = constant 0 : i1
// CHECK-NEXT:        yield %x.5, %i.5, %did_break.6
// CHECK-NEXT:      }
// CHECK-NEXT:      yield %x.4, %i.4, %did_break.4
// CHECK-NEXT:    }
// CHECK-NEXT:    return %x.1

// A condition that may have effects is not evaluated after a break.
int effects(int n) {
  int k = 0;
  while (k++ < n) {
    if (k == 3)
      break;
  }
  return k;
}
// CHECK-LABEL: func @effects(%n: i32) -> (i32) {
// CHECK:         = while (%k.{{[0-9]+}} = %k, %did_break.{{[0-9]+}} = %did_break) -> (i32, i1) {
// CHECK-NEXT:      %[[GO:[0-9]+]], %k.{{[0-9]+}} = if %did_break.{{[0-9]+}} -> (i1, i32) {
// CHECK-NEXT:        %[[NO:[0-9]+]] = constant 0 : i1
// CHECK-NEXT:        yield %[[NO]], %k.
// CHECK-NEXT:      } else {
// CHECK:             %k.{{[0-9]+}} = add
// CHECK:             yield
// CHECK-NEXT:      }
// CHECK-NEXT:      condition %[[GO]],

// continue as the last thing an iteration does needs no flag: the rest of
// the body moves into the other branch.
double evens(double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 2 == 1)
      continue;
    s += x * i;
  }
  return s;
}
// CHECK-LABEL: func @evens(%x: f64, %n: i32) -> (f64) {
// CHECK-NOT:     did_continue
// CHECK:         %s.1 = for %i = %{{[0-9]+}} to %n step %{{[0-9]+}} : i32 iter_args(%s.2 = %s) -> (f64) {
// CHECK:           %s.3 = if %{{[0-9]+}} -> (f64) {
// CHECK-NEXT:        yield %s.2
// CHECK-NEXT:      } else {
// CHECK:             %s.4 = add %s.2,
// CHECK-NEXT:        yield %s.4
// CHECK-NEXT:      }
// CHECK-NEXT:      yield %s.3
// CHECK-NEXT:    }

// A continue nested deeper needs the flag: later statements are guarded.
// In a non-counted for loop the increment still runs after a continue.
double guarded(double x, int n) {
  for (int i = 0; i < n; i += n) {
    if (x > 0) {
      if (x > 5)
        continue;
      x = x - 1;
    }
    x = x * 2;
  }
  return x;
}
// CHECK-LABEL: func @guarded(%x: f64, %n: i32) -> (f64) {
// CHECK:         } do (%x.{{[0-9]+}}, %i.[[I:[0-9]+]]) {
// CHECK:           %x.[[X:[0-9]+]], %did_continue = if
// CHECK:             %did_continue.{{[0-9]+}} = constant 1 : i1
// CHECK:           %[[NC:[0-9]+]] = not %did_continue : i1
// CHECK-NEXT:      %x.{{[0-9]+}} = if %[[NC]] -> (f64) {
// CHECK-NEXT:        %{{[0-9]+}} = constant 2.0 : f64
// CHECK-NEXT:        %x.{{[0-9]+}} = mul %x.[[X]],
// CHECK:           %i.{{[0-9]+}} = add %i.[[I]], %n : i32
// CHECK-NEXT:      yield

// break out of an inner loop only leaves the inner loop.
int inner(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    int j = 0;
    while (true) {
      if (j >= i)
        break;
      ++j;
    }
    s += j;
  }
  return s;
}
// CHECK-LABEL: func @inner(%n: i32) -> (i32) {
// CHECK:         %s.1 = for %i =
// CHECK:           %j.{{[0-9]+}}, %did_break.{{[0-9]+}} = while
// CHECK:           %s.{{[0-9]+}} = add %s.{{[0-9]+}}, %j.{{[0-9]+}} : i32
// CHECK-NEXT:      yield
