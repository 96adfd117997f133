//===- Type.h - Types of ddx IR values --------------------------*- C++ -*-===//
#ifndef DDX_IR_TYPE_H
#define DDX_IR_TYPE_H

#include "llvm/ADT/StringRef.h"
#include <cassert>
#include <optional>

namespace ddx::ir {

/// The scalar types and pointers to scalars. Records may join as a further
/// kind; every use site asks predicates (isFloat, isInteger, isPointer)
/// rather than switching on the kind, so adding one does not ripple.
enum class TypeKind : unsigned char { Void, I1, I32, I64, F32, F64, Ptr };

/// A small value type. A pointer's element is a scalar (i1, i32, i64, f32,
/// f64), never void or another pointer, and may be const.
class Type {
public:
  constexpr Type() = default;
  /// A scalar or void; pointers are made with Type::ptr.
  constexpr Type(TypeKind K) : Kind(K) {
    assert(K != TypeKind::Ptr && "use Type::ptr for pointer types");
  }

  static constexpr Type voidTy() { return TypeKind::Void; }
  static constexpr Type i1() { return TypeKind::I1; }
  static constexpr Type i32() { return TypeKind::I32; }
  static constexpr Type i64() { return TypeKind::I64; }
  static constexpr Type f32() { return TypeKind::F32; }
  static constexpr Type f64() { return TypeKind::F64; }
  /// `ptr<Elem>`, or `ptr<const Elem>` when Const; Elem must be a scalar.
  static Type ptr(Type Elem, bool Const = false) {
    assert(Elem.isScalar() && "pointer element must be a scalar type");
    Type T;
    T.Kind = TypeKind::Ptr;
    T.Elem = Elem.Kind;
    T.Const = Const;
    return T;
  }

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
  /// i1, i32, i64, f32 or f64: neither void nor a pointer.
  bool isScalar() const { return !isVoid() && !isPointer(); }
  bool isPointer() const { return Kind == TypeKind::Ptr; }
  /// `ptr<const T>`: loads only, no stores.
  bool isConstPointer() const { return isPointer() && Const; }
  /// Data that can carry a derivative: a floating scalar, or a pointer to
  /// floating elements.
  bool isFloatData() const {
    return isFloat() || (isPointer() && getElementType().isFloat());
  }
  /// A pointer the function may write floating results through.
  bool isFloatOutput() const {
    return isPointer() && !Const && getElementType().isFloat();
  }
  /// The element type of a pointer; void for any other type.
  Type getElementType() const {
    return isPointer() ? Type(Elem) : Type::voidTy();
  }
  /// 0 for void, 1 for i1, 64 for pointers.
  unsigned bitWidth() const;

  /// The textual spelling: "f64", "i1", "ptr<f64>", "ptr<const f64>", ...
  llvm::StringRef str() const;
  /// Reads what str() writes; whitespace inside `ptr<...>` is optional
  /// around the angle brackets and required after `const`.
  static std::optional<Type> parse(llvm::StringRef Spelling);

  friend bool operator==(Type A, Type B) {
    return A.Kind == B.Kind && A.Elem == B.Elem && A.Const == B.Const;
  }
  friend bool operator!=(Type A, Type B) { return !(A == B); }

private:
  TypeKind Kind = TypeKind::Void;
  /// For pointers: the element's kind (a scalar); Void otherwise.
  TypeKind Elem = TypeKind::Void;
  /// For pointers: whether the element is const; false otherwise.
  bool Const = false;
};

} // namespace ddx::ir

#endif
