// Unsupported and unusual code in many shapes: errors, never a crash (`not`
// fails if ddx crashes).
// RUN: not %ddx ir %s -- %cxxflags -Wno-everything 2>&1 | FileCheck %s --implicit-check-not="Stack dump"
// RUN: not %ddx gen %s -o %t.cpp -- %cxxflags -DREQUESTS -Wno-everything 2>&1 | FileCheck %s --check-prefix=GEN --implicit-check-not="Stack dump"
// CHECK: 45 errors generated.
// GEN: 4 errors generated.
#include <cmath>
#include <cassert>
double vla(double x, int n) { double a[n]; a[0] = x; return a[0]; }
double asrt(double x) { assert(x > 0); return x; }
double expect(double x) { if (__builtin_expect(x > 0, 1)) return x; return -x; }
double strl(double x) { const char *s = "hi"; return x + s[0]; }
double nul(double x) { auto p = nullptr; (void)p; return x; }
double thrw(double x, bool c) { return c ? x : throw 1; }
double gotonest(double x) { for (int i = 0; i < 3; ++i) for (int j = 0; j < 3; ++j) if (j == i) goto out; out: return x; }
double selfinit(double x) { int y = y + 1; return x + y; }
double inf(double x) { return inf(x); }
double bad1(double x);
double mutual_bad(double x, int n) { return n ? bad1(x) : x; }
double bad1(double x) { goto e; e: return x; }
double gl(double x) { auto f = [](auto y) { return y * 2; }; return f(x); }
double lstruct(double x) { struct P { double v; } p{x}; return p.v; }
double lext(double x) { extern double gext; return x * gext; }
double tls(double x) { thread_local double t = 0; t += x; return t; }
double i128(double x) { __int128 k = 3; return x * (double)k; }
double cplx(double x) { _Complex double z = x; return __real__ z; }
double rref(double x) { double &&r = x + 1; return r; }
double sb(double x) { struct Q { double a, b; }; auto [u, v] = Q{x, x}; return u + v; }
double condvar(double x, int n) { while (int k = n--) x += k; return x; }
double ptrarith(double x) { double a = x; double *p = &a; return *(p + 0); }
double cast_ptr(double x) { long l = (long)&x; return l; }
double shift(double x, int n) { return x * (n << 2) + (n >> 1) + (n ^ 3) + ~n; }
double cmpd(double x, int n) { n |= 2; n &= 7; n <<= 1; return x * n; }
double mem(double x) { struct R { double f(double y) { return y; } } r; return r.f(x); }
double casts2(double x) { const double *p = &x; return *const_cast<double *>(p); }
double stmtexpr(double x) { return ({ double t = x; t * 2; }); }
double uns(double x, unsigned u) { return x * u; }
double shortp(short s, double x) { return s * x; }
double ch(double x) { char c = 3; c += 1; return x * c; }
double en(double x) { enum E { A, B } e = B; return e == B ? x : -x; }
double fcall(double x) { double (*fp)(double) = &std::sin; return fp(x); }
double lam2(double x) { return [x]() { return x; }(); }
double caseRange(double x, int n) { switch (n) { case 1 ... 3: return x; } return 0; }
double unused_label(double x) { here: return x; }
double indirect(double x) { void *t = &&l1; goto *t; l1: return x; }
double mutual_fail_a(double x, int n);
double mutual_fail_b(double x, int n) { return n > 0 ? mutual_fail_a(x, n - 1) : x; }
double mutual_fail_a(double x, int n) { double *p = new double(x); return mutual_fail_b(*p, n); }
double ldarg(double x) { return std::pow(x, 2.0L) > 1 ? x : 0; }
int rec_ptr(int **p) { return rec_ptr(p); }
double void_in_value(double x) { return (void)x, x; }
double builtin_huge(double x) { return x < __builtin_huge_val() ? x : 0; }
double volatile_local(double x) { volatile double v = x; return v; }
double arr_ptr_cmp(const double *a, int n) { double s = 0; for (const double *p = a; p != a + n; ++p) s += *p; return s; }
double arr_null_default(double x, const double *w = nullptr) { return w ? x * w[0] : x; }
double arr_ref_loop(double (&m)[2][2], int n) { double (&r)[2] = m[n]; for (double *p = r; n < 2; ++n) *p++ += 1; return m[0][0]; }
double arr_oob_const(double x) { double a[2] = {x, x}; return a[1] + *(a + 1) + 1[a]; }
double member_fn_ptr(double x) { struct T { double f(double y) { return y; } }; double (T::*m)(double) = &T::f; return (T().*m)(x); }
#ifdef REQUESTS
#include <ddx/ddx.h>
DDX_TANGENT(vla);
DDX_TANGENT(mutual_fail_b);
DDX_TANGENT(mutual_fail_a);
DDX_TANGENT(rec_ptr);
DDX_TANGENT(member_fn_ptr);
#endif
