//===- ddx/runtime.h - Support for generated derivatives --------*- C++ -*-===//
//
// Header-only. Generated reverse-mode code uses ddx::tape where it must store
// a value per loop iteration and the number of iterations is not known when
// the loop starts; loops with a known trip count use std::vector sized once.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_RUNTIME_H
#define DDX_RUNTIME_H

#include <vector>

namespace ddx {

/// A LIFO stack of values: the primal sweep pushes, the reverse sweep pops
/// in the opposite order.
template <typename T> class tape {
public:
  void push(T Value) { Data.push_back(Value); }
  T pop() {
    T Value = Data.back();
    Data.pop_back();
    return Value;
  }
  bool empty() const { return Data.empty(); }

private:
  std::vector<T> Data;
};

} // namespace ddx

#endif // DDX_RUNTIME_H
