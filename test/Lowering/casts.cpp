// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Implicit conversions between the scalar types.
double implicit(int i, float f, bool b, long l) {
  double d = i;
  float g = d;
  int j = f;
  bool c = i;
  bool e = f;
  long m = i;
  int k = b;
  return d + g + j + c + e + m + k + l;
}
// CHECK-LABEL: func @implicit(%i: i32, %f: f32, %b: i1, %l: i64) -> (f64) {
// CHECK-NEXT:    %d = cast %i : i32 to f64
// CHECK-NEXT:    %g = cast %d : f64 to f32
// CHECK-NEXT:    %j = cast %f : f32 to i32
// CHECK-NEXT:    %c = cast %i : i32 to i1
// CHECK-NEXT:    %e = cast %f : f32 to i1
// CHECK-NEXT:    %m = cast %i : i32 to i64
// CHECK-NEXT:    %k = cast %b : i1 to i32
// CHECK:         return

// C-style, static_cast and functional casts.
int explicit_casts(double x) {
  return (int)x + static_cast<int>(x * 2) + int(x) + long(x);
}
// CHECK-LABEL: func @explicit_casts(%x: f64) -> (i32) {
// CHECK-NEXT:    %0 = cast %x : f64 to i32
// CHECK-NEXT:    %1 = constant 2.0 : f64
// CHECK-NEXT:    %2 = mul %x, %1 : f64
// CHECK-NEXT:    %3 = cast %2 : f64 to i32
// CHECK-NEXT:    %4 = add %0, %3 : i32
// CHECK-NEXT:    %5 = cast %x : f64 to i32
// CHECK-NEXT:    %6 = add %4, %5 : i32
// CHECK-NEXT:    %7 = cast %6 : i32 to i64
// CHECK-NEXT:    %8 = cast %x : f64 to i64
// CHECK-NEXT:    %9 = add %7, %8 : i64
// CHECK-NEXT:    %10 = cast %9 : i64 to i32
// CHECK-NEXT:    return %10

// Literals fold to constants of the converted type.
float literals(float x) { return x * 2 + 0.5 + 'a' + true; }
// CHECK-LABEL: func @literals(%x: f32) -> (f32) {
// CHECK-NEXT:    %0 = constant 2.0 : f32
// CHECK-NEXT:    %1 = mul %x, %0 : f32
// CHECK-NEXT:    %2 = cast %1 : f32 to f64
// CHECK-NEXT:    %3 = constant 0.5 : f64
// CHECK-NEXT:    %4 = add %2, %3 : f64
// CHECK-NEXT:    %5 = constant 97.0 : f64
// CHECK-NEXT:    %6 = add %4, %5 : f64
// CHECK-NEXT:    %7 = constant 1.0 : f64
// CHECK-NEXT:    %8 = add %6, %7 : f64
// CHECK-NEXT:    %9 = cast %8 : f64 to f32
// CHECK-NEXT:    return %9

// constexpr and const globals with constant initializers are constants.
constexpr double Scale = 0.25;
const int Count = 3;
static constexpr float Third = 1.0f / 3;
double globals(double x) {
  static constexpr double Local = 4;
  return x * Scale + Count + Third + Local;
}
// CHECK-LABEL: func @globals(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 0.25 : f64
// CHECK-NEXT:    %1 = mul %x, %0 : f64
// CHECK-NEXT:    %2 = constant 3.0 : f64
// CHECK-NEXT:    %3 = add %1, %2 : f64
// CHECK-NEXT:    %4 = constant 0.3333333432674408 : f64
// CHECK-NEXT:    %5 = add %3, %4 : f64
// CHECK-NEXT:    %6 = constant 4.0 : f64
// CHECK-NEXT:    %7 = add %5, %6 : f64
// CHECK-NEXT:    return %7

// Discarded values: (void) casts and expression statements without effects
// produce nothing.
double discarded(double x) {
  (void)x;
  x + 1;
  return x;
}
// CHECK-LABEL: func @discarded(%x: f64) -> (f64) {
// CHECK-NEXT:    return %x
