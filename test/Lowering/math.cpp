// RUN: %ddx ir %s -- %cxxflags | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags | %ddx-opt --verify-only

#include <cmath>
#include <math.h>

// std:: functions on double and float.
double stdcalls(double x, float f) {
  return std::sin(x) + std::cos(f) + std::exp(x) + std::log(x) +
         std::sqrt(x) + std::atan2(x, 2.0) + std::hypot(x, x) +
         std::fmod(x, 3.0) + std::erf(x) + std::cbrt(x) + std::expm1(x) +
         std::log1p(x) + std::tanh(x) + std::floor(x);
}
// CHECK-LABEL: func @stdcalls(%x: f64, %f: f32) -> (f64) {
// CHECK-NEXT:    %0 = sin %x : f64
// CHECK-NEXT:    %1 = cos %f : f32
// CHECK-NEXT:    %2 = cast %1 : f32 to f64
// CHECK-NEXT:    %3 = add %0, %2 : f64
// CHECK-NEXT:    %4 = exp %x : f64
// CHECK:         %{{[0-9]+}} = log %x : f64
// CHECK:         %{{[0-9]+}} = sqrt %x : f64
// CHECK:         %[[TWO:[0-9]+]] = constant 2.0 : f64
// CHECK-NEXT:    %{{[0-9]+}} = atan2 %x, %[[TWO]] : f64
// CHECK:         %{{[0-9]+}} = hypot %x, %x : f64
// CHECK:         %{{[0-9]+}} = fmod %x, %{{[0-9]+}} : f64
// CHECK:         %{{[0-9]+}} = erf %x : f64
// CHECK:         %{{[0-9]+}} = cbrt %x : f64
// CHECK:         %{{[0-9]+}} = expm1 %x : f64
// CHECK:         %{{[0-9]+}} = log1p %x : f64
// CHECK:         %{{[0-9]+}} = tanh %x : f64
// CHECK:         %{{[0-9]+}} = floor %x : f64

// std::pow(double, int) converts the exponent to double.
double powint(double x, int n) { return std::pow(x, n) + std::pow(x, 2); }
// CHECK-LABEL: func @powint(%x: f64, %n: i32) -> (f64) {
// CHECK-NEXT:    %0 = cast %n : i32 to f64
// CHECK-NEXT:    %1 = pow %x, %0 : f64
// CHECK-NEXT:    %2 = constant 2.0 : f64
// CHECK-NEXT:    %3 = pow %x, %2 : f64
// CHECK-NEXT:    %4 = add %1, %3 : f64
// CHECK-NEXT:    return %4

// Unqualified (global) names and the C float variants.
float cnames(float f, double d) {
  return sinf(f) + expf(f) + fabsf(f) + sqrtf(f) + (float)sin(d) + powf(f, 2);
}
// CHECK-LABEL: func @cnames(%f: f32, %d: f64) -> (f32) {
// CHECK-NEXT:    %0 = sin %f : f32
// CHECK-NEXT:    %1 = exp %f : f32
// CHECK-NEXT:    %2 = add %0, %1 : f32
// CHECK-NEXT:    %3 = fabs %f : f32
// CHECK-NEXT:    %4 = add %2, %3 : f32
// CHECK-NEXT:    %5 = sqrt %f : f32
// CHECK-NEXT:    %6 = add %4, %5 : f32
// CHECK-NEXT:    %7 = sin %d : f64
// CHECK-NEXT:    %8 = cast %7 : f64 to f32
// CHECK-NEXT:    %9 = add %6, %8 : f32
// CHECK-NEXT:    %10 = constant 2.0 : f32
// CHECK-NEXT:    %11 = pow %f, %10 : f32
// CHECK-NEXT:    %12 = add %9, %11 : f32
// CHECK-NEXT:    return %12

// using std::exp; and std::abs / abs on floating types are fabs.
using std::exp;
double usingdecl(double x) { return exp(x) + std::abs(x) + std::fabs(-x); }
// CHECK-LABEL: func @usingdecl(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = exp %x : f64
// CHECK-NEXT:    %1 = fabs %x : f64
// CHECK-NEXT:    %2 = add %0, %1 : f64
// CHECK-NEXT:    %3 = neg %x : f64
// CHECK-NEXT:    %4 = fabs %3 : f64
// CHECK-NEXT:    %5 = add %2, %4 : f64
// CHECK-NEXT:    return %5

// Rounding, min/max and the remaining functions.
double rest(double x, double y) {
  return std::round(x) + std::trunc(y) + std::ceil(x) + std::fmin(x, y) +
         std::fmax(x, y) + std::asin(x) + std::acos(x) + std::atan(x) +
         std::sinh(x) + std::cosh(x) + std::tan(x) + std::exp2(x) +
         std::log2(x) + std::log10(x);
}
// CHECK-LABEL: func @rest(%x: f64, %y: f64) -> (f64) {
// CHECK-NEXT:    %0 = round %x : f64
// CHECK-NEXT:    %1 = trunc %y : f64
// CHECK:         ceil %x
// CHECK:         fmin %x, %y
// CHECK:         fmax %x, %y
// CHECK:         asin %x
// CHECK:         acos %x
// CHECK:         atan %x
// CHECK:         sinh %x
// CHECK:         cosh %x
// CHECK:         tan %x
// CHECK:         exp2 %x
// CHECK:         log2 %x
// CHECK:         log10 %x

// A function called `sin` in a user namespace is an ordinary call.
namespace mine {
double sin(double x) { return x; }
} // namespace mine
double notmath(double x) { return mine::sin(x); }
// CHECK-LABEL: func @notmath(%x: f64) -> (f64) {
// CHECK-NEXT:    %0 = call @mine::sin(%x) : (f64)
// CHECK-NEXT:    return %0
