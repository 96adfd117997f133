// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

#include <cmath>
// Operands without effects: `and`, `or` and `not` on i1.
bool pure(double x, double y) { return (x > 0 && y > 0) || !(x < y); }
// CHECK-LABEL: func @pure(%x: f64, %y: f64) -> (i1) {
// CHECK:         %[[A:[0-9]+]] = and %{{[0-9]+}}, %{{[0-9]+}} : i1
// CHECK-NEXT:    %[[LT:[0-9]+]] = cmp lt %x, %y : f64
// CHECK-NEXT:    %[[N:[0-9]+]] = not %[[LT]] : i1
// CHECK-NEXT:    %[[O:[0-9]+]] = or %[[A]], %[[N]] : i1
// CHECK-NEXT:    return %[[O]]

// A right operand that may trap (integer division) runs only when needed.
bool divides(int a, int b) { return a != 0 && b % a == 0; }
// CHECK-LABEL: func @divides(%a: i32, %b: i32) -> (i1) {
// CHECK:         %[[NZ:[0-9]+]] = cmp ne %a, %{{[0-9]+}} : i32
// CHECK-NEXT:    %[[R:[0-9]+]] = if %[[NZ]] -> (i1) {
// CHECK-NEXT:      %{{[0-9]+}} = rem %b, %a : i32
// CHECK:           yield %{{[0-9]+}}
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %[[F:[0-9]+]] = constant 0 : i1
// CHECK-NEXT:      yield %[[F]]
// CHECK-NEXT:    }
// CHECK-NEXT:    return %[[R]]

// `||` with an assignment on the right: the `if` also yields the local.
double orassign(double x, double y) {
  bool b = x > 0 || (y = 2 * x) > 1;
  return b ? y : -y;
}
// CHECK-LABEL: func @orassign(%x: f64, %y: f64) -> (f64) {
// CHECK:         %b, %y.1 = if %{{[0-9]+}} -> (i1, f64) {
// CHECK-NEXT:      %[[T:[0-9]+]] = constant 1 : i1
// CHECK-NEXT:      yield %[[T]], %y
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %{{[0-9]+}} = constant 2.0 : f64
// CHECK-NEXT:      %y.2 = mul
// CHECK:           yield %{{[0-9]+}}, %y.2
// CHECK-NEXT:    }
// CHECK-NEXT:    %{{[0-9]+}} = if %b -> (f64) {
// CHECK-NEXT:      yield %y.1

// A call on the right is not evaluated speculatively either.
bool positive(double x) { return x > 0; }
bool callrhs(double x) { return x < 10 && positive(x); }
// CHECK-LABEL: func @callrhs(%x: f64) -> (i1) {
// CHECK:         = if %{{[0-9]+}} -> (i1) {
// CHECK-NEXT:      %{{[0-9]+}} = call @positive(%x) : (i1)

// The conditional operator is an `if` with a result.
double ternary(double x) { return x > 0 ? std::sqrt(x) : 0.0; }
// CHECK-LABEL: func @ternary(%x: f64) -> (f64) {
// CHECK:         %[[R:[0-9]+]] = if %{{[0-9]+}} -> (f64) {
// CHECK-NEXT:      %[[S:[0-9]+]] = sqrt %x : f64
// CHECK-NEXT:      yield %[[S]]
// CHECK-NEXT:    } else {
// CHECK-NEXT:      %[[Z:[0-9]+]] = constant 0.0 : f64
// CHECK-NEXT:      yield %[[Z]]
// CHECK-NEXT:    }
// CHECK-NEXT:    return %[[R]]

// Conditions of if and loops convert to bool.
int truthy(int n, double x) {
  if (n)
    return 1;
  return x ? 2 : 3;
}
// CHECK-LABEL: func @truthy(%n: i32, %x: f64) -> (i32) {
// CHECK-NEXT:    %0 = cast %n : i32 to i1
// CHECK:         %{{[0-9]+}} = cast %x : f64 to i1
