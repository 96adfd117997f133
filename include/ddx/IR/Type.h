//===- Type.h - Types of ddx IR values --------------------------*- C++ -*-===//
#ifndef DDX_IR_TYPE_H
#define DDX_IR_TYPE_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace ddx::ir {

/// The scalar types. Pointers and records will join as further kinds; every
/// use site asks predicates (isFloat, isInteger) rather than switching on the
/// kind, so adding one does not ripple.
enum class TypeKind : unsigned char { Void, I1, I32, I64, F32, F64 };

class Type {
public:
  constexpr Type() = default;
  constexpr Type(TypeKind K) : Kind(K) {}

  static constexpr Type voidTy() { return TypeKind::Void; }
  static constexpr Type i1() { return TypeKind::I1; }
  static constexpr Type i32() { return TypeKind::I32; }
  static constexpr Type i64() { return TypeKind::I64; }
  static constexpr Type f32() { return TypeKind::F32; }
  static constexpr Type f64() { return TypeKind::F64; }

  TypeKind kind() const { return Kind; }
  bool isVoid() const { return Kind == TypeKind::Void; }
  bool isBool() const { return Kind == TypeKind::I1; }
  /// i32 and i64 (signed); i1 is a bool, not an integer.
  bool isInteger() const {
    return Kind == TypeKind::I32 || Kind == TypeKind::I64;
  }
  bool isFloat() const {
    return Kind == TypeKind::F32 || Kind == TypeKind::F64;
  }
  unsigned bitWidth() const;

  /// The textual spelling: "f64", "i1", ...
  llvm::StringRef str() const;
  static std::optional<Type> parse(llvm::StringRef Spelling);

  friend bool operator==(Type A, Type B) { return A.Kind == B.Kind; }
  friend bool operator!=(Type A, Type B) { return A.Kind != B.Kind; }

private:
  TypeKind Kind = TypeKind::Void;
};

} // namespace ddx::ir

#endif
