// The ddx demo: the Black-Scholes price of a European call option and its
// sensitivities delta (d price / d spot) and vega (d price / d volatility).
//
//   ddx gen demo.cpp -o demo.ddx.cpp -- -std=c++17 -I<ddx>/include
//   clang++-19 -std=c++17 -I<ddx>/include demo.ddx.cpp -o demo && ./demo
//
// `ddx gen` replaces the DDX_TANGENT request below by the definition of
//   ddx::dual<double> call_price_tangent(double spot, double strike,
//       double rate, double vol, double years, double d_spot, double d_vol);
// which returns the price and the derivative along (d_spot, d_vol).
#include <ddx/ddx.h>
#include <cmath>
#include <cstdio>

// The standard normal cumulative distribution function.
double norm_cdf(double x) { return 0.5 * (1 + std::erf(x / std::sqrt(2.0))); }

double call_price(double spot, double strike, double rate, double vol,
                  double years) {
  double sd = vol * std::sqrt(years);
  double d1 = (std::log(spot / strike) + (rate + 0.5 * vol * vol) * years) / sd;
  double d2 = d1 - sd;
  return spot * norm_cdf(d1) - strike * std::exp(-rate * years) * norm_cdf(d2);
}

DDX_TANGENT(call_price, "spot, vol");

int main() {
  const double spot = 100, strike = 95, rate = 0.03, vol = 0.25, years = 0.5;

  ddx::dual<double> delta =
      call_price_tangent(spot, strike, rate, vol, years, 1, 0);
  ddx::dual<double> vega =
      call_price_tangent(spot, strike, rate, vol, years, 0, 1);

  // Central finite differences, for comparison.
  const double h = 1e-6;
  double fd_delta = (call_price(spot + h, strike, rate, vol, years) -
                     call_price(spot - h, strike, rate, vol, years)) /
                    (2 * h);
  double fd_vega = (call_price(spot, strike, rate, vol + h, years) -
                    call_price(spot, strike, rate, vol - h, years)) /
                   (2 * h);
  // The closed forms: delta = N(d1), vega = spot * N'(d1) * sqrt(years).
  double d1 = (std::log(spot / strike) + (rate + 0.5 * vol * vol) * years) /
              (vol * std::sqrt(years));
  const double pi = 3.14159265358979323846;
  double pdf = std::exp(-0.5 * d1 * d1) / std::sqrt(2 * pi);

  std::printf("call price                %.15f\n", delta.value);
  std::printf("            %20s %20s %20s\n", "ddx", "finite differences",
              "closed form");
  std::printf("delta       %20.15f %20.15f %20.15f\n", delta.tangent, fd_delta,
              norm_cdf(d1));
  std::printf("vega        %20.15f %20.15f %20.15f\n", vega.tangent, fd_vega,
              spot * pdf * std::sqrt(years));
  return 0;
}
