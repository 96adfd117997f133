// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Pointer variables are SSA values like scalars: `p + i`, `&x[i]` and
// `&*p` are `offset`s (or the pointer itself), and `p[i]` offsets again.
double arith(const double *x, int i) {
  const double *p = x + 2;
  const double *q = &x[i];
  const double *r = &*q;
  const double *s = 1 + p - 3;
  return p[1] + q[0] + *r + *s + (p - 1)[i];
}
// CHECK-LABEL: func @arith(%x: ptr<const f64>, %i: i32) -> (f64) {
// CHECK-NEXT:    %0 = constant 2 : i32
// CHECK-NEXT:    %p = offset %x, %0 : ptr<const f64>
// CHECK-NEXT:    %q = offset %x, %i : ptr<const f64>
// CHECK-NEXT:    %1 = constant -2 : i32
// CHECK-NEXT:    %s = offset %p, %1 : ptr<const f64>
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %3 = offset %p, %2 : ptr<const f64>
// CHECK-NEXT:    %4 = load %3 : f64
// CHECK-NEXT:    %5 = load %q : f64
// CHECK-NEXT:    %6 = add %4, %5 : f64
// CHECK-NEXT:    %7 = load %q : f64
// CHECK-NEXT:    %8 = add %6, %7 : f64
// CHECK-NEXT:    %9 = load %s : f64
// CHECK-NEXT:    %10 = add %8, %9 : f64
// CHECK-NEXT:    %11 = constant 1 : i32
// CHECK-NEXT:    %12 = sub %i, %11 : i32
// CHECK-NEXT:    %13 = offset %p, %12 : ptr<const f64>
// CHECK-NEXT:    %14 = load %13 : f64
// CHECK-NEXT:    %15 = add %10, %14 : f64
// CHECK-NEXT:    return %15

// `p++`, `++p`, `p += k` and `p -= k` make new pointer values; a loop
// carries the pointer like any other local. `*p++ = v` stores through the
// old value.
void walk(double *y, const double *x, int n) {
  double *p = y;
  const double *q = x;
  for (int i = 0; i < n; ++i) {
    *p++ = 2 * *q;
    q += 1;
  }
  while (n > 0) {
    --p;
    p -= 0;
    *p += *q++;
    --n;
  }
}
// CHECK-LABEL: func @walk(%y: ptr<f64>, %x: ptr<const f64>, %n: i32) -> () {
// CHECK-NEXT:    %0 = constant 0 : i32
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %p, %q = for %i = %0 to %n step %1 : i32 iter_args(%p.1 = %y, %q.1 = %x) -> (ptr<f64>, ptr<const f64>) {
// CHECK-NEXT:      %2 = constant 2.0 : f64
// CHECK-NEXT:      %3 = load %q.1 : f64
// CHECK-NEXT:      %4 = mul %2, %3 : f64
// CHECK-NEXT:      %5 = constant 1 : i32
// CHECK-NEXT:      %p.2 = offset %p.1, %5 : ptr<f64>
// CHECK-NEXT:      store %4, %p.1
// CHECK-NEXT:      %6 = constant 1 : i32
// CHECK-NEXT:      %q.2 = offset %q.1, %6 : ptr<const f64>
// CHECK-NEXT:      yield %p.2, %q.2
// CHECK-NEXT:    }
// CHECK-NEXT:    %n.1, %p.3, %q.3 = while (%n.2 = %n, %p.4 = %p, %q.4 = %q) -> (i32, ptr<f64>, ptr<const f64>) {
// CHECK-NEXT:      %7 = constant 0 : i32
// CHECK-NEXT:      %8 = cmp gt %n.2, %7 : i32
// CHECK-NEXT:      condition %8, %n.2, %p.4, %q.4
// CHECK-NEXT:    } do (%n.3, %p.5, %q.5) {
// CHECK-NEXT:      %9 = constant -1 : i32
// CHECK-NEXT:      %p.6 = offset %p.5, %9 : ptr<f64>
// CHECK-NEXT:      %10 = constant 1 : i32
// CHECK-NEXT:      %q.6 = offset %q.5, %10 : ptr<const f64>
// CHECK-NEXT:      %11 = load %q.5 : f64
// CHECK-NEXT:      %12 = load %p.6 : f64
// CHECK-NEXT:      %13 = add %12, %11 : f64
// CHECK-NEXT:      store %13, %p.6
// CHECK-NEXT:      %14 = constant 1 : i32
// CHECK-NEXT:      %n.4 = sub %n.3, %14 : i32
// CHECK-NEXT:      yield %n.4, %p.6, %q.6
// CHECK-NEXT:    }
// CHECK-NEXT:    return

// A pointer keeps the const-ness of where it points: `const double *` into
// a local array is `ptr<f64>` in the IR, so loops and `if`s carry one type.
double constness(const double *x, bool c) {
  double a[4] = {};
  const double *p = a;
  const double *q = c ? x : x + 1;
  p = a + 1;
  a[1] = *q;
  return *p;
}
// CHECK-LABEL: func @constness(%x: ptr<const f64>, %c: i1) -> (f64) {
// CHECK-NEXT:    %a = alloca 4 : ptr<f64>
// CHECK-NEXT:    %q = if %c -> (ptr<const f64>) {
// CHECK-NEXT:      yield %x
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %0 = constant 1 : i32
// CHECK-NEXT:      %1 = offset %x, %0 : ptr<const f64>
// CHECK-NEXT:      yield %1
// CHECK-NEXT:    }
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %p = offset %a, %2 : ptr<f64>
// CHECK-NEXT:    %3 = load %q : f64
// CHECK-NEXT:    %4 = constant 1 : i32
// CHECK-NEXT:    %5 = offset %a, %4 : ptr<f64>
// CHECK-NEXT:    store %3, %5
// CHECK-NEXT:    %6 = load %p : f64
// CHECK-NEXT:    return %6

// A pointer to rows (`double (*)[3]`) steps by whole rows.
double rowptr(int i) {
  double m[2][3] = {};
  double (*r)[3] = m;
  ++r;
  (*r)[1] = 5;
  double *e = r[0] + i;
  return *e + m[1][1];
}
// CHECK-LABEL: func @rowptr(%i: i32) -> (f64) {
// CHECK-NEXT:    %m = alloca 6 : ptr<f64>
// CHECK-NEXT:    %0 = constant 3 : i32
// CHECK-NEXT:    %r = offset %m, %0 : ptr<f64>
// CHECK-NEXT:    %1 = constant 5.0 : f64
// CHECK-NEXT:    %2 = constant 1 : i32
// CHECK-NEXT:    %3 = offset %r, %2 : ptr<f64>
// CHECK-NEXT:    store %1, %3
// CHECK-NEXT:    %e = offset %r, %i : ptr<f64>
// CHECK-NEXT:    %4 = load %e : f64
// CHECK-NEXT:    %5 = constant 4 : i32
// CHECK-NEXT:    %6 = offset %m, %5 : ptr<f64>
// CHECK-NEXT:    %7 = load %6 : f64
// CHECK-NEXT:    %8 = add %4, %7 : f64
// CHECK-NEXT:    return %8

// Assigning a pointer variable in one arm of an `if` merges the pointers.
double choose(const double *x, const double *y, int n) {
  const double *p = x;
  if (n > 1)
    p = y + n;
  return *p;
}
// CHECK-LABEL: func @choose(%x: ptr<const f64>, %y: ptr<const f64>, %n: i32) -> (f64) {
// CHECK-NEXT:    %0 = constant 1 : i32
// CHECK-NEXT:    %1 = cmp gt %n, %0 : i32
// CHECK-NEXT:    %p = if %1 -> (ptr<const f64>) {
// CHECK-NEXT:      %p.1 = offset %y, %n : ptr<const f64>
// CHECK-NEXT:      yield %p.1
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %x
// CHECK-NEXT:    }
// CHECK-NEXT:    %2 = load %p : f64
// CHECK-NEXT:    return %2
