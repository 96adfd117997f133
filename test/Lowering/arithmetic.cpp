// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Binary and unary operators on each scalar type; parameter names survive.
double ops(double x, double y) { return -x + y * x - y / x + (+y); }
// CHECK-LABEL: func @ops(%x: f64, %y: f64) -> (f64) {
// CHECK-NEXT:    %0 = neg %x : f64
// CHECK-NEXT:    %1 = mul %y, %x : f64
// CHECK-NEXT:    %2 = add %0, %1 : f64
// CHECK-NEXT:    %3 = div %y, %x : f64
// CHECK-NEXT:    %4 = sub %2, %3 : f64
// CHECK-NEXT:    %5 = add %4, %y : f64
// CHECK-NEXT:    return %5
// CHECK-NEXT:  }

int intops(int a, int b) { return a / b + a % b - -a; }
// CHECK-LABEL: func @intops(%a: i32, %b: i32) -> (i32) {
// CHECK-NEXT:    %0 = div %a, %b : i32
// CHECK-NEXT:    %1 = rem %a, %b : i32
// CHECK-NEXT:    %2 = add %0, %1 : i32
// CHECK-NEXT:    %3 = neg %a : i32
// CHECK-NEXT:    %4 = sub %2, %3 : i32
// CHECK-NEXT:    return %4

// Mutable locals become SSA values named after the variable.
float locals(float a) {
  float t = a * a;
  t = t + 1.0f;
  float u;
  u = t;
  return u;
}
// CHECK-LABEL: func @locals(%a: f32) -> (f32) {
// CHECK-NEXT:    %t = mul %a, %a : f32
// CHECK-NEXT:    %0 = constant 1.0 : f32
// CHECK-NEXT:    %t.1 = add %t, %0 : f32
// CHECK-NEXT:    return %t.1

// An uninitialized local reads as zero.
double uninit() {
  double z;
  return z;
}
// CHECK-LABEL: func @uninit() -> (f64) {
// CHECK-NEXT:    %z = constant 0.0 : f64
// CHECK-NEXT:    return %z

// Compound assignment computes in the computation type, then converts back.
int compound(int i, double d) {
  i += 2;
  i *= d;
  d -= i;
  d /= 4;
  i %= 3;
  return i;
}
// CHECK-LABEL: func @compound(%i: i32, %d: f64) -> (i32) {
// CHECK-NEXT:    %0 = constant 2 : i32
// CHECK-NEXT:    %i.1 = add %i, %0 : i32
// CHECK-NEXT:    %1 = cast %i.1 : i32 to f64
// CHECK-NEXT:    %2 = mul %1, %d : f64
// CHECK-NEXT:    %i.2 = cast %2 : f64 to i32
// CHECK-NEXT:    %3 = cast %i.2 : i32 to f64
// CHECK-NEXT:    %d.1 = sub %d, %3 : f64
// CHECK-NEXT:    %4 = constant 4.0 : f64
// CHECK-NEXT:    %d.2 = div %d.1, %4 : f64
// CHECK-NEXT:    %5 = constant 3 : i32
// CHECK-NEXT:    %i.3 = rem %i.2, %5 : i32
// CHECK-NEXT:    return %i.3

// Pre- and post-increment and decrement, on integers and floats.
double incdec(int i, double x) {
  int a = i++;
  int b = --i;
  double y = x--;
  ++x;
  return a + b + y + x;
}
// CHECK-LABEL: func @incdec(%i: i32, %x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 1 : i32
// CHECK-NEXT:    %i.1 = add %i, %0 : i32
// CHECK-NEXT:    %1 = constant 1 : i32
// CHECK-NEXT:    %i.2 = sub %i.1, %1 : i32
// CHECK-NEXT:    %2 = constant 1.0 : f64
// CHECK-NEXT:    %x.1 = sub %x, %2 : f64
// CHECK-NEXT:    %3 = constant 1.0 : f64
// CHECK-NEXT:    %x.2 = add %x.1, %3 : f64
// CHECK-NEXT:    %4 = add %i, %i.2 : i32
// CHECK-NEXT:    %5 = cast %4 : i32 to f64
// CHECK-NEXT:    %6 = add %5, %x : f64
// CHECK-NEXT:    %7 = add %6, %x.2 : f64
// CHECK-NEXT:    return %7

// Assignments used as values, chained assignment and the comma operator.
double assignvalue(double x) {
  double a, b;
  a = b = x * 2;
  double c = (a = a + 1) * b;
  return (a, c);
}
// CHECK-LABEL: func @assignvalue(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 2.0 : f64
// CHECK-NEXT:    %b = mul %x, %0 : f64
// CHECK-NEXT:    %1 = constant 1.0 : f64
// CHECK-NEXT:    %a = add %b, %1 : f64
// CHECK-NEXT:    %c = mul %a, %b : f64
// CHECK-NEXT:    return %c

// Comparisons yield i1 on the operand type.
bool compare(double x, int n) { return x < n && n != 3; }
// CHECK-LABEL: func @compare(%x: f64, %n: i32) -> (i1) {
// CHECK-NEXT:    %0 = cast %n : i32 to f64
// CHECK-NEXT:    %1 = cmp lt %x, %0 : f64
// CHECK-NEXT:    %2 = constant 3 : i32
// CHECK-NEXT:    %3 = cmp ne %n, %2 : i32
// CHECK-NEXT:    %4 = and %1, %3 : i1
// CHECK-NEXT:    return %4

// long and long long are i64; constant subexpressions are folded.
long wide(long a, long long b) { return a * b + (1 << 4) * 2; }
// CHECK-LABEL: func @wide(%a: i64, %b: i64) -> (i64) {
// CHECK-NEXT:    %0 = mul %a, %b : i64
// CHECK-NEXT:    %1 = constant 32 : i64
// CHECK-NEXT:    %2 = add %0, %1 : i64
// CHECK-NEXT:    return %2
