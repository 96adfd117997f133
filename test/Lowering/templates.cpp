// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only
// RUN: %ddx ir %s --function="poly<float>" -- %cxxflags | FileCheck %s --check-prefix=FLOAT

// Function templates are lowered per instantiation, named with their
// template arguments.
template <class T> T poly(T x) { return T(3) * x * x + T(1); }
template <class T, int N> T power(T x) {
  T r = 1;
  for (int i = 0; i < N; ++i)
    r *= x;
  return r;
}
double use(double x, float f) { return poly(x) + poly(f) + power<double, 3>(x); }
// CHECK-LABEL: func @"poly<double>"(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = constant 3.0 : f64
// CHECK-NEXT:    %1 = mul %0, %x : f64
// CHECK-NEXT:    %2 = mul %1, %x : f64
// CHECK-NEXT:    %3 = constant 1.0 : f64
// CHECK-NEXT:    %4 = add %2, %3 : f64
// CHECK-NEXT:    return %4
// CHECK-LABEL: func @"poly<float>"(%x: f32) -> (f32) {
// CHECK-NEXT:    %0 = constant 3.0 : f32
// CHECK-LABEL: func @"power<double, 3>"(%x: f64) -> (f64) {
// CHECK:         %r.1 = for %i = %{{[0-9]+}} to %{{[0-9]+}} step %{{[0-9]+}} : i32 iter_args(%r.2 = %r) -> (f64) {
// CHECK-LABEL: func @use(%x: f64, %f: f32) -> (f64) {
// CHECK-NEXT:    %0 = call @"poly<double>"(%x) : (f64)
// CHECK-NEXT:    %1 = call @"poly<float>"(%f) : (f32)
// CHECK:         call @"power<double, 3>"(%x) : (f64)

// FLOAT:     func @"poly<float>"(%x: f32) -> (f32) {
// FLOAT-NOT: func

// Templates in namespaces, and a template that calls another one.
namespace num {
template <class T> T twice(T x) { return x + x; }
template <class T> T quad(T x) { return twice(twice(x)); }
} // namespace num
double usequad(double x) { return num::quad(x); }
// CHECK-LABEL: func @"num::twice<double>"(%x: f64) -> (f64) {
// CHECK-LABEL: func @"num::quad<double>"(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = call @"num::twice<double>"(%x) : (f64)
// CHECK-NEXT:    %1 = call @"num::twice<double>"(%0) : (f64)
