//===- RecomputeCost.cpp - What running an operation again costs ----------===//
//
// A small cost model for the tape planner: how many cheap operations (an
// add, a multiply, a load) running an operation once more is worth. It
// decides between recomputing a value in the reverse sweep and keeping it
// from the primal sweep.
//
//===----------------------------------------------------------------------===//
#include "ddx/Transforms/TapePlan.h"

using namespace ddx;
using namespace ddx::ir;

unsigned ddx::recomputeCost(const Operation &Op) {
  switch (Op.getKind()) {
  // Addresses fold into the loads and stores that use them.
  case OpKind::Constant:
  case OpKind::Offset:
    return 0;
  // Division and square roots take tens of cycles, not one.
  case OpKind::Div:
  case OpKind::Rem:
  case OpKind::Sqrt:
  case OpKind::Cbrt:
    return 8;
  // Cheap on every target: one instruction or close to it.
  case OpKind::Fabs:
  case OpKind::Fmin:
  case OpKind::Fmax:
  case OpKind::Floor:
  case OpKind::Ceil:
  case OpKind::Trunc:
  case OpKind::Round:
    return 1;
  default:
    break;
  }
  // The remaining math functions are library calls.
  if (isMath(Op.getKind()))
    return 20;
  return 1;
}
