//===- ddx/ddx.h - ddx user header ------------------------------*- C++ -*-===//
//
// Include this in a file that requests derivatives:
//
//   double f(double x, double y) { return x * y + std::sin(x); }
//   DDX_TANGENT(f);          // ddx::dual<double> f_tangent(x, y, d_x, d_y)
//   DDX_TANGENT(f, "x");     // only x is an independent input
//   DDX_TANGENT_AS(df, f);   // picks the name
//
// A request is a namespace-scope declaration. Under ddx (`ddx gen`, and the
// plugin) it is replaced by the derivative's definition. Under any other
// compiler it declares an unused pointer to the function, so the source
// stays valid C++ everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_DDX_H
#define DDX_DDX_H

#include <cmath>
#include <limits>

namespace ddx {

/// A value and its tangent (directional derivative), returned by
/// `<f>_tangent`.
template <typename T> struct dual {
  T value;
  T tangent;
};

} // namespace ddx

#define DDX_CAT_IMPL_(A, B) A##B
#define DDX_CAT_(A, B) DDX_CAT_IMPL_(A, B)

#if defined(__clang__)
#define DDX_REQUEST_ATTR_(Kind, Name, Wrt)                                     \
  maybe_unused, clang::annotate("ddx.request", Kind, Name, Wrt)
#else
#define DDX_REQUEST_ATTR_(Kind, Name, Wrt) maybe_unused
#endif

#define DDX_REQUEST_(Kind, Name, Fn, Wrt, ...)                                 \
  [[DDX_REQUEST_ATTR_(Kind, Name, Wrt)]] static constexpr auto DDX_CAT_(       \
      ddx_request_, __COUNTER__) = &Fn

/// DDX_TANGENT(f [, "x, y"]): forward mode, `<f>_tangent`.
#define DDX_TANGENT(...) DDX_REQUEST_("tangent", "", __VA_ARGS__, "", "")
/// DDX_TANGENT_AS(name, f [, "x, y"]): forward mode under a chosen name.
#define DDX_TANGENT_AS(Name, ...)                                              \
  DDX_REQUEST_("tangent", #Name, __VA_ARGS__, "", "")

#endif // DDX_DDX_H
