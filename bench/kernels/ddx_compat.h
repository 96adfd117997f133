//===- bench/kernels/ddx_compat.h - DDX_GRADIENT before it lands -*- C++ -*-===//
//
// The kernel files request gradients with DDX_GRADIENT / DDX_GRADIENT_AS.
// Until <ddx/ddx.h> defines those macros (reverse mode), a plain compile of a
// kernel file (DDX_BENCH_WITH_DDX=OFF) would not parse; this header makes the
// requests no-ops in that case. Once ddx.h defines them this header does
// nothing and can be deleted together with its #include lines.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_BENCH_DDX_COMPAT_H
#define DDX_BENCH_DDX_COMPAT_H

#include <ddx/ddx.h>

#ifndef DDX_GRADIENT
#define DDX_GRADIENT(...) static_assert(true, "")
#endif
#ifndef DDX_GRADIENT_AS
#define DDX_GRADIENT_AS(...) static_assert(true, "")
#endif

#endif // DDX_BENCH_DDX_COMPAT_H
