//===- ddx/ddx.h - ddx user header ------------------------------*- C++ -*-===//
//
// Include this in a file that requests derivatives:
//
//   double f(double x, double y) { return x * y + std::sin(x); }
//   DDX_TANGENT(f);          // ddx::dual<double> f_tangent(x, y, d_x, d_y)
//   DDX_TANGENT(f, "x");     // only x is an independent input
//   DDX_TANGENT_AS(df, f);   // picks the name
//   DDX_GRADIENT(f);         // double f_grad(x, y, double* d_x, double* d_y)
//   DDX_ADJOINT(f);          // void f_adjoint(x, y, d_ret, d_x, d_y)
//   DDX_ADJOINT_N(f, 2);     // void f_adjoint_n(x, y, const double* d_ret,
//                            //                  double* d_x, double* d_y)
//
// A request is a namespace-scope declaration. Under ddx (`ddx gen`, and the
// plugin) the derivative's definition follows it, so code after the request
// may call the derivative. Under any other compiler it declares an unused
// pointer to the function, so the source stays valid C++ everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_DDX_H
#define DDX_DDX_H

#include "ddx/runtime.h"
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
#define DDX_REQUEST_ATTR_(Kind, Name, Wrt, Lanes)                              \
  maybe_unused, clang::annotate("ddx.request", Kind, Name, Wrt, Lanes)
#else
#define DDX_REQUEST_ATTR_(Kind, Name, Wrt, Lanes) maybe_unused
#endif

#define DDX_STRINGIZE_(X) #X
#define DDX_PRAGMA_(X) _Pragma(DDX_STRINGIZE_(X))

// Under Clang the request is followed by `#pragma ddx request <id>`. In a ddx
// compile (`ddx gen`, or clang++ with ddx-plugin.so) ddx generates the
// derivative there and Clang parses its definition next, so later code can
// call it. Elsewhere the pragma is unknown and silently ignored; it is kept
// even by `clang -E`, so preprocessed sources (-save-temps) still work.
#if defined(__clang__)
#define DDX_AFTER_REQUEST_(Id)                                                 \
  ;                                                                            \
  _Pragma("clang diagnostic push")                                             \
      _Pragma("clang diagnostic ignored \"-Wunknown-pragmas\"")                \
          DDX_PRAGMA_(ddx request Id) _Pragma("clang diagnostic pop")
#else
#define DDX_AFTER_REQUEST_(Id) ;
#endif

namespace ddx::detail {
/// Whether a request's arguments after its last one are the empty strings
/// the macros append (anything else is an extra argument).
constexpr bool isPadding(const char *S) { return S[0] == '\0'; }
template <class T> constexpr bool isPadding(const T &) { return false; }
template <class... A> constexpr bool noExtraArguments(const A &...Args) {
  return (isPadding(Args) && ...);
}
} // namespace ddx::detail

// The static_assert rejects extra arguments, and takes the `;` the user
// writes after the macro.
#define DDX_REQUEST_(Kind, Name, Fn, Wrt, ...)                                 \
  DDX_REQUEST_WITH_ID_(DDX_CAT_(ddx_request_, __COUNTER__), Kind, Name, Fn,    \
                       Wrt, 0, __VA_ARGS__)
#define DDX_LANES_REQUEST_(Kind, Name, Fn, Lanes, Wrt, ...)                    \
  DDX_REQUEST_WITH_ID_(DDX_CAT_(ddx_request_, __COUNTER__), Kind, Name, Fn,    \
                       Wrt, Lanes, __VA_ARGS__)
#define DDX_REQUEST_WITH_ID_(Id, Kind, Name, Fn, Wrt, Lanes, ...)              \
  [[DDX_REQUEST_ATTR_(Kind, Name, Wrt, Lanes)]] static constexpr auto Id =     \
      &Fn DDX_AFTER_REQUEST_(Id) static_assert(                                \
          ::ddx::detail::noExtraArguments(__VA_ARGS__),                        \
          "too many arguments to a ddx request; the forms are DDX_TANGENT(f "  \
          "[, \"x, y\"]), DDX_ADJOINT_N(f, N [, \"x, y\"]) and the like, and " \
          "DDX_..._AS(name, ...)")

/// DDX_GRADIENT(f [, "x, y"]): reverse mode, `<f>_grad`: returns f's value
/// and adds the gradient into the d_ parameters.
#define DDX_GRADIENT(...) DDX_REQUEST_("gradient", "", __VA_ARGS__, "", "")
#define DDX_GRADIENT_AS(Name, ...)                                             \
  DDX_REQUEST_("gradient", #Name, __VA_ARGS__, "", "")
/// DDX_ADJOINT(f [, "x, y"]): reverse mode, `<f>_adjoint`: the
/// vector-Jacobian product, seeded by d_ret and the outputs' d_ arrays.
#define DDX_ADJOINT(...) DDX_REQUEST_("adjoint", "", __VA_ARGS__, "", "")
#define DDX_ADJOINT_AS(Name, ...)                                              \
  DDX_REQUEST_("adjoint", #Name, __VA_ARGS__, "", "")

/// DDX_ADJOINT_N(f, N [, "x, y"]): the vector adjoint `<f>_adjoint_n`, N
/// pullbacks from one primal sweep (a Jacobian, with N = the number of
/// outputs and unit seeds). Every d_ array holds N lanes per element:
/// element k, lane l at d_p[k * N + l]; a scalar's d_ points to its N
/// adjoints; `const T* d_ret` holds the result's N seeds.
#define DDX_ADJOINT_N(...)                                                     \
  DDX_LANES_REQUEST_("adjoint_n", "", __VA_ARGS__, "", "")
#define DDX_ADJOINT_N_AS(Name, ...)                                            \
  DDX_LANES_REQUEST_("adjoint_n", #Name, __VA_ARGS__, "", "")

/// DDX_TANGENT(f [, "x, y"]): forward mode, `<f>_tangent`.
#define DDX_TANGENT(...) DDX_REQUEST_("tangent", "", __VA_ARGS__, "", "")
/// DDX_TANGENT_AS(name, f [, "x, y"]): forward mode under a chosen name.
#define DDX_TANGENT_AS(Name, ...)                                              \
  DDX_REQUEST_("tangent", #Name, __VA_ARGS__, "", "")

#endif // DDX_DDX_H
