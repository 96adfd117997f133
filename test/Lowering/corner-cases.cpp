// RUN: %ddx ir %s -- %cxxflags -Wno-return-type | FileCheck %s
// RUN: %ddx ir %s -- %cxxflags -Wno-return-type | %ddx-opt --verify-only

// Unusual but supported code: all of it lowers to IR that verifies.
#include <cmath>
void empty() {}
void v1(double x) { if (x > 0) return; x = 2; }
bool b1(double x, bool c) { return c ? x > 0 : !c; }
int unnamed(int, double y) { return (int)y; }
double inf1(double x) { while (true) { if (x > 10) return x; x = x * 2 + 1; } }
double inf2(double x) { for (;;) { x += 1; if (x > 3) break; } return x; }
double sw0(int k) { switch (k) {} return 1; }
double sw1(int k) { switch (k) { default: return 2; } }
double sw2(double x, int k) { switch (k) { int t; case 1: t = 3; x += t; [[fallthrough]]; case 2: x *= 2; } return x; }
double sw3(double x, int k) { switch (k) case 4: x = 1; return x; }
double dow0(double x) { do { if (x > 1) break; x += 1; continue; } while (0); return x; }
template <class T> T cx(T x) { if constexpr (sizeof(T) == 8) return x * 2; else return x; }
double usecx(double x) { return cx(x) + cx<float>(1.0f); }
double rec(double x, int n) { return n <= 0 ? x : rec(x * 2, n - 1); }
double mb(double x, int n);
double ma(double x, int n) { return n <= 0 ? x : mb(x + 1, n - 1); }
double mb(double x, int n) { return n <= 0 ? x : ma(x * 2, n - 1); }
double ov(double x) { return x; }
double ov(double x, double y) { return x + y; }
double useov(double x) { return ov(x) + ov(x, x); }
double defarg(double x, double s = 2.0) { return x * s; }
double usedef(double x) { return defarg(x) + defarg(x, 3); }
enum Color { Red, Green };
typedef double real;
using real2 = double;
real td(real2 x) { real y = x; int k = Green; return y + k; }
double se(double x) { int n = sizeof(double); return x * n; }
double ifinit(double x, int n) { if (int k = n % 3; k > 0) x += k; return x; }
double swinit(double x, int n) { switch (int k = n % 3; k) { case 0: return x; default: return -x; } }
double forcomma(double x, int n) { int j = 0; for (int i = 0; i < n; ++i, ++j) x += j; return x; }
double dec(double x, int n) { for (int i = n; i > 0; --i) x += i; return x; }
double nosinc(double x, int n) { for (int i = 0; i < n;) { x += i; ++i; if (x > 5) continue; } return x; }
double nest(double x, int n) { for (int i = 0; i < n; ++i) for (int j = 0; j < i; ++j) { if (j == 2) break; x += j; } return x; }
double swsw(double x, int a, int b) { switch (a) { case 0: switch (b) { case 0: x += 1; break; default: x += 2; } break; case 1: x -= 1; } return x; }
double selfinc(double x) { int i = 0; i = i++ + 1; return x + i; }
double autov(double x) { auto y = x * 2; decltype(y) z = y; return z; }
double vol(double x) { const double c = 3; return x * c; }
double lit(double x) { return x * 1e300 * 1e10 + 0x1p-3 + 'a'; }
float flt(float a, double b) { a += b; a *= 2; return a / 3; }
long lng(long a, int b) { return a * b + 3L; }
bool cmpchain(double a, double b) { return (a < b) == (b < a); }
int intdiv(int a, int b) { return b != 0 ? a / b + a % b : 0; }
double sh(double x, int n) { bool ok = n > 0 && (x = x + 1) > 2; return ok ? x : -x; }
double neg0(double x) { return -(-x) + +x; }
double ret_in_sw_loop(double x, int n) { for (int i = 0; i < 5; ++i) { switch (i % 3) { case 0: continue; case 1: if (x > n) return x; break; } x += 1; } return -1; }

// CHECK-LABEL: func @empty() -> () {
// CHECK-NEXT:    return
// CHECK-LABEL: func @sw0(%k: i32) -> (f64) {
// CHECK-NEXT:    %0 = constant 1.0 : f64
// CHECK-NEXT:    return %0
// CHECK-LABEL: func @sw1(%k: i32) -> (f64) {
// CHECK-NEXT:    %0 = constant 2.0 : f64
// CHECK-NEXT:    return %0
// CHECK-LABEL: func @sw3(%x: f64, %k: i32) -> (f64) {
// CHECK:         cmp eq %k,
// CHECK-LABEL: func @"cx<double>"(%x: f64) -> (f64) {
// CHECK-LABEL: func @"cx<float>"(%x: f32) -> (f32) {
// CHECK-NEXT:    return %x
// CHECK-LABEL: func @rec(%x: f64, %n: i32) -> (f64) {
// CHECK:         call @rec(
// CHECK-LABEL: func @mb(%x: f64, %n: i32) -> (f64) {
// CHECK-LABEL: func @ma(%x: f64, %n: i32) -> (f64) {
// CHECK-LABEL: func @useov(%x: f64) -> (f64) {
// CHECK-NEXT:    call @ov(%x)
// CHECK-NEXT:    call @ov.1(%x, %x)
// CHECK-LABEL: func @td(%x: f64) -> (f64) {
// CHECK-NEXT:    %k = constant 1 : i32
// CHECK-LABEL: func @se(%x: f64) -> (f64) {
// CHECK-NEXT:    %n = constant 8 : i32
// CHECK-LABEL: func @lit(%x: f64) -> (f64) {
// CHECK:         constant 0.125 : f64
// CHECK:         constant 97.0 : f64
// CHECK-LABEL: func @ret_in_sw_loop(%x: f64, %n: i32) -> (f64) {
