// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only
// RUN: %ddx ir %s --function=top -- %cxxflags | FileCheck %s --check-prefix=ONLY

// Callees are lowered before their callers; arguments convert to the
// parameter types and default arguments are filled in.
double sq(double x) { return x * x; }
namespace geo {
double scaled(double x, float s = 2) { return sq(x) * s; }
} // namespace geo
void nothing(int) {}
double top(double x, int n) {
  nothing(n);
  return geo::scaled(n) + geo::scaled(x, 0.5f) + sq(x);
}
// CHECK-LABEL: func @sq(%x: f64) -> (f64) {
// CHECK-LABEL: func @geo::scaled(%x: f64, %s: f32) -> (f64) {
// CHECK-NEXT:    %0 = call @sq(%x) : (f64)
// CHECK-NEXT:    %1 = cast %s : f32 to f64
// CHECK-NEXT:    %2 = mul %0, %1 : f64
// CHECK-NEXT:    return %2
// CHECK-LABEL: func @nothing(%0: i32) -> () {
// CHECK-NEXT:    return
// CHECK-LABEL: func @top(%x: f64, %n: i32) -> (f64) {
// CHECK-NEXT:    call @nothing(%n) : ()
// CHECK-NEXT:    %0 = cast %n : i32 to f64
// CHECK-NEXT:    %1 = constant 2.0 : f32
// CHECK-NEXT:    %2 = call @geo::scaled(%0, %1) : (f64)
// CHECK-NEXT:    %3 = constant 0.5 : f32
// CHECK-NEXT:    %4 = call @geo::scaled(%x, %3) : (f64)
// CHECK-NEXT:    %5 = add %2, %4 : f64
// CHECK-NEXT:    %6 = call @sq(%x) : (f64)
// CHECK-NEXT:    %7 = add %5, %6 : f64
// CHECK-NEXT:    return %7

// --function lowers the named function and what it calls, callees first
// (in the order they are called).
// ONLY:      func @nothing(
// ONLY:      func @sq(
// ONLY:      func @geo::scaled(
// ONLY:      func @top(
// ONLY-NOT:  func

// Overloads get `.N` suffixes in the order they are lowered.
double over(double x) { return x; }
double over(double x, double y) { return x * y; }
double useover(double x) { return over(x, x) + over(x); }
// CHECK-LABEL: func @over(%x: f64) -> (f64) {
// CHECK-LABEL: func @over.1(%x: f64, %y: f64) -> (f64) {
// CHECK-LABEL: func @useover(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = call @over.1(%x, %x) : (f64)
// CHECK-NEXT:    %1 = call @over(%x) : (f64)

// Recursion: the call to the function being lowered is emitted as is.
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
// CHECK-LABEL: func @fact(%n: i32) -> (i32) {
// CHECK:           %{{[0-9]+}} = call @fact(%{{[0-9]+}}) : (i32)

// Mutual recursion: both functions are added once the cycle is done.
double pong(double x, int n);
double ping(double x, int n) { return n > 0 ? pong(x * 2, n - 1) : x; }
double pong(double x, int n) { return n > 0 ? ping(x + 1, n - 1) : x; }
// CHECK-LABEL: func @pong(%x: f64, %n: i32) -> (f64) {
// CHECK:           call @ping(
// CHECK-LABEL: func @ping(%x: f64, %n: i32) -> (f64) {
// CHECK:           call @pong(

// Anonymous namespaces and static functions keep the plain name.
namespace {
double hidden(double x) { return x + 1; }
} // namespace
static double internal(double x) { return hidden(x); }
// CHECK-LABEL: func @hidden(%x: f64) -> (f64) {
// CHECK-LABEL: func @internal(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = call @hidden(%x) : (f64)
