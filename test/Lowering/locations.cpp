// RUN: %ddx ir %s --print-locs -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

// Operations carry the line and column of the expression or statement they
// come from (the operator for binary operations).
double f(double x, double y) {
  double a = x * y;
  if (a > 1)
    a = a - 1;
  return a;
}
// CHECK-LABEL: func @f(%x: f64, %y: f64) -> (f64) {
// CHECK-NEXT:    %a = mul %x, %y : f64 loc(7:16)
// CHECK-NEXT:    %0 = constant 1.0 : f64 loc(8:11)
// CHECK-NEXT:    %1 = cmp gt %a, %0 : f64 loc(8:9)
// CHECK-NEXT:    %a.1 = if %1 -> (f64) {
// CHECK-NEXT:      %2 = constant 1.0 : f64 loc(9:13)
// CHECK-NEXT:      %a.2 = sub %a, %2 : f64 loc(9:11)
// CHECK-NEXT:      yield %a.2 loc(8:3)
// CHECK-NEXT:    } else {
// CHECK-NEXT:      yield %a loc(8:3)
// CHECK-NEXT:    } loc(8:3)
// CHECK-NEXT:    return %a.1 loc(11:1)

// Code from a macro gets the position of the macro's use.
#define SQUARE(v) ((v) * (v))
double g(double x) { return SQUARE(x + 1); }
// CHECK-LABEL: func @g(%x: f64) -> (f64) {
// CHECK:         mul %{{[0-9]+}}, %{{[0-9]+}} : f64 loc(27:29)
