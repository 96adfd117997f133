//===- Diagnostics.cpp - Messages the frontend reports --------------------===//
#include "ddx/Frontend/Diagnostics.h"
#include "clang/AST/CanonicalType.h"
#include "clang/Basic/DiagnosticIDs.h"

using namespace clang;
using namespace ddx::frontend;

namespace {

struct ConstructText {
  const char *What;
  const char *Hint;
};

const char *const RestructureHint =
    "restructure the code with loops, 'break', 'continue' and 'return'";
const char *const ExceptionHint =
    "move error handling out of the function being differentiated";
const char *const PointerHint =
    "use pointers to double, float, int, long or bool that point into arrays";
const char *const NullHint =
    "every pointer must point into an array; pass an array, or split the "
    "function into one per case";
const char *const DynamicMemoryHint =
    "dynamic memory is not supported; use a local array of constant size, "
    "or take the storage as a pointer parameter";
const char *const ClassHint = "classes and structs are not supported yet; "
                              "pass their fields as scalar parameters";

ConstructText textOf(Construct C) {
  switch (C) {
  case Construct::Goto:
    return {"'goto'", RestructureHint};
  case Construct::Label:
    return {"the label '{0}'", RestructureHint};
  case Construct::Try:
    return {"exception handling ('try')", ExceptionHint};
  case Construct::Throw:
    return {"'throw'", ExceptionHint};
  case Construct::Asm:
    return {"inline assembly", "write the computation in C++"};
  case Construct::Lambda:
    return {"a lambda expression",
            "move the lambda's body into a function and call it by name"};
  case Construct::New:
    return {"'new'", DynamicMemoryHint};
  case Construct::Delete:
    return {"'delete'", DynamicMemoryHint};
  case Construct::RangeFor:
    return {"a range-based 'for' loop", "loop over an integer index"};
  case Construct::Coroutine:
    return {"a coroutine", "write the function without co_await, co_yield "
                           "and co_return"};
  case Construct::AddressOf:
    return {"taking the address of '{0}'", PointerHint};
  case Construct::Deref:
    return {"dereferencing a pointer", PointerHint};
  case Construct::BitwiseOp:
    return {"the bitwise operator '{0}'",
            "use arithmetic and comparison operators"};
  case Construct::Spaceship:
    return {"the three-way comparison '<=>'", "compare with '<' and '=='"};
  case Construct::MemberAccess:
    return {"accessing the member '{0}'", ClassHint};
  case Construct::ArraySubscript:
    return {"this array subscript", PointerHint};
  case Construct::This:
    return {"'this'", "member functions are not supported yet; write a free "
                      "function"};
  case Construct::StringLiteral:
    return {"a string literal", "ddx differentiates numeric code only"};
  case Construct::StatementExpr:
    return {"a GNU statement expression",
            "use plain statements or a separate function"};
  case Construct::StaticLocal:
    return {"the static local variable '{0}'",
            "use an ordinary local variable, or make it 'static constexpr'"};
  case Construct::StructuredBinding:
    return {"a structured binding declaration", ClassHint};
  case Construct::GlobalRead:
    return {"reading the global variable '{0}'",
            "pass its value as a parameter, or make it 'constexpr'"};
  case Construct::GlobalWrite:
    return {"assigning to the global variable '{0}'",
            "return the value instead"};
  case Construct::CapturedVar:
    return {"using '{0}' from an enclosing function",
            "pass the value as a parameter"};
  case Construct::MemberFunction:
    return {"the member function '{0}'",
            "make it a free function that takes the object's fields as "
            "parameters"};
  case Construct::MemberCall:
    return {"calling the member function '{0}'", ClassHint};
  case Construct::OperatorCall:
    return {"the overloaded operator '{0}'", ClassHint};
  case Construct::IndirectCall:
    return {"a call through a function pointer", "call the function by name"};
  case Construct::VariadicFunction:
    return {"the variadic function '{0}'", "give it a fixed parameter list"};
  case Construct::LibraryCall:
    return {"calling the library function '{0}'",
            "only <cmath> functions such as std::sin and std::exp can be "
            "called; otherwise call a function defined in this file"};
  case Construct::MinMaxCall:
    return {"calling '{0}'",
            "call std::max or std::min with two values of the same "
            "arithmetic type, or use std::fmax or std::fmin"};
  case Construct::LongDoubleMath:
    return {"the long double function '{0}'",
            "call the double or float overload"};
  case Construct::NestedCaseLabel:
    return {"a 'case' or 'default' label nested inside another statement",
            "put every label of the switch at the top level of its body"};
  case Construct::CaseRange:
    return {"a GNU case range", "list the case values one by one"};
  case Construct::WhileConditionVariable:
    return {"a variable declared in a loop condition",
            "declare the variable before the loop"};
  case Construct::ConditionalLValue:
    return {"assigning to a conditional expression",
            "assign in an if/else statement instead"};
  case Construct::UnsupportedCast:
    return {"the conversion {0}", "only conversions between double, float, "
                                  "int, long and bool are supported"};
  case Construct::UnsupportedLValue:
    return {"assigning to this kind of expression",
            "assign to a local variable or parameter"};
  case Construct::PointerCompare:
    return {"comparing pointers", "compare integer indices instead"};
  case Construct::PointerDifference:
    return {"subtracting pointers",
            "keep an integer index alongside the pointer"};
  case Construct::NullPointer:
    return {"a null pointer", NullHint};
  case Construct::PointerTest:
    return {"testing whether a pointer is null", NullHint};
  case Construct::CastAwayConst:
    return {"casting away 'const' from a pointer",
            "declare the pointer (or the parameter it comes from) without "
            "'const' if the function writes through it"};
  case Construct::ReturnPointer:
    return {"returning a pointer or reference from '{0}'",
            "return a value, or write results through a pointer or "
            "reference parameter"};
  case Construct::UninitializedPointer:
    return {"the pointer variable '{0}' without an initializer",
            "initialize it where it is declared, e.g. with the array it "
            "will point into"};
  case Construct::MixedConstPointer:
    return {"pointing '{0}' at both const and non-const data",
            "use separate pointer variables for const and non-const arrays"};
  case Construct::MixedConstConditional:
    return {"a conditional expression choosing between pointers to const "
            "and non-const data",
            "use separate pointer variables for const and non-const arrays"};
  case Construct::AliasedArguments:
    return {"passing {0}",
            "ddx assumes that pointer and reference parameters do not "
            "overlap when one of them is written (like 'restrict'); pass a "
            "copy of the array"};
  case Construct::OtherStmt:
    return {"this statement ('{0}')",
            "use if, switch, loops, return and expression statements"};
  case Construct::OtherExpr:
    return {"this expression ('{0}')",
            "use arithmetic, comparisons, casts and function calls"};
  }
  return {"this construct", "rewrite it"};
}

const char *formatOf(Msg M) {
  switch (M) {
  case Msg::Unsupported:
    return "%0 is not supported by ddx; %1";
  case Msg::UnsupportedType:
    return "%0 has type '%1', which is not supported by ddx; %2";
  case Msg::CallNoDefinition:
    return "call to '%0' has no visible definition; define it in this file, "
           "before the request (custom derivatives are not supported yet)";
  case Msg::CallFailedCallee:
    return "call to '%0', which ddx could not lower (see the errors reported "
           "for it above)";
  case Msg::InternalError:
    return "internal error in ddx: %0; please report this";
  case Msg::RequestNotFunction:
    return "a ddx request must name a function, as in DDX_TANGENT(f)";
  case Msg::RequestBadKind:
    return "unknown derivative kind '%0'; expected 'tangent', 'gradient', "
           "'adjoint' or 'adjoint_n'";
  case Msg::RequestBadLanes:
    return "DDX_ADJOINT_N needs a number of lanes from 1 to 64 as its second "
           "argument, as in DDX_ADJOINT_N(f, 2)";
  case Msg::RequestNoDefinition:
    return "'%0' has no visible definition; define it in this file, before "
           "the request, so ddx can differentiate its body (custom "
           "derivatives are not supported yet)";
  case Msg::RequestUnknownParam:
    return "'%0' is not a parameter of '%1'; its parameters are: %2";
  case Msg::RequestNonFloatParam:
    return "parameter '%0' has type '%1' and cannot be an independent input; "
           "list only floating-point parameters (or pointers, arrays and "
           "references to floating-point data)";
  case Msg::RequestDuplicateParam:
    return "parameter '%0' is listed twice as an independent input";
  case Msg::RequestEmptyParam:
    return "the list of independent inputs \"%0\" has an empty entry; "
           "separate parameter names with single commas";
  case Msg::RequestPragmaMalformed:
    return "'#pragma ddx request' must follow a request and name it; write "
           "requests with the macros from <ddx/ddx.h>";
  case Msg::RequestNotAtNamespaceScope:
    return "a ddx request must be at namespace scope; move it out of the "
           "class or function, after the definition of the function it names";
  case Msg::RequestNotInMainFile:
    return "ddx generates derivatives only for requests in the file being "
           "compiled; move the request from this header into a source file";
  case Msg::RequestWithoutPragma:
    return "this request was written without the macros from <ddx/ddx.h>, "
           "so ddx cannot place the derivative here; use DDX_TANGENT, "
           "DDX_GRADIENT or DDX_ADJOINT";
  case Msg::GenerateFailed:
    return "cannot generate '%0': %1";
  case Msg::NoteCalledFrom:
    return "while lowering '%0', called from '%1' here";
  case Msg::NoteRequestedHere:
    return "while differentiating '%0' requested here";
  case Msg::NoteLowering:
    return "while lowering '%0' to ddx IR";
  }
  return "%0";
}

bool isNote(Msg M) {
  return M == Msg::NoteCalledFrom || M == Msg::NoteRequestedHere ||
         M == Msg::NoteLowering;
}

/// What the user can do instead of using type T.
const char *typeHint(QualType T) {
  T = T.getCanonicalType();
  if (T->isRValueReferenceType())
    return "rvalue references are not supported; pass by value or by "
           "'const' reference";
  if (const auto *RT = T->getAs<ReferenceType>()) {
    QualType Pointee = RT->getPointeeType().getCanonicalType();
    if (Pointee->isPointerType())
      return "references to pointers are not supported; pass the pointer by "
             "value";
    return typeHint(Pointee);
  }
  if (T->isMemberPointerType())
    return "member pointers are not supported; call functions by name";
  if (T->isVariableArrayType())
    return "variable-length arrays are not supported; give the array a "
           "constant size";
  if (T->isPointerType() || T->isArrayType()) {
    // The scalar the pointer or array holds.
    QualType Elem = T;
    while (Elem->isPointerType() || Elem->isArrayType()) {
      Elem = Elem->isPointerType()
                 ? Elem->getPointeeType()
                 : QualType(Elem->getArrayElementTypeNoTypeQual(), 0);
      Elem = Elem.getCanonicalType();
      if (Elem->isPointerType() || Elem->isMemberPointerType())
        return "pointers to pointers and arrays of pointers are not "
               "supported; store the data in one flat array";
      if (Elem->isVariableArrayType())
        return "variable-length arrays are not supported; give the array a "
               "constant size";
    }
    if (Elem->isVoidType())
      return "use a pointer to double, float, int, long or bool";
    if (Elem->isFunctionType())
      return "call functions by name";
    return typeHint(Elem);
  }
  if (T->isRecordType())
    return ClassHint;
  if (T->isEnumeralType())
    return "enumerations are not supported; use int";
  if (T->isNullPtrType())
    return NullHint;
  if (const auto *BT = T->getAs<BuiltinType>()) {
    if (BT->getKind() == BuiltinType::LongDouble)
      return "use double";
    if (BT->isUnsignedInteger() && BT->getKind() != BuiltinType::Bool)
      return "unsigned integers are not supported; use int or long";
    if (BT->isInteger())
      return "use int or long";
  }
  return "ddx supports double, float, int, long, long long and bool, and "
         "pointers, arrays and references to them";
}

} // namespace

void Reporter::report(SourceLocation Loc, Msg M,
                      llvm::ArrayRef<std::string> Args) {
  auto Level = isNote(M) ? DiagnosticIDs::Note : DiagnosticIDs::Error;
  unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(Level, formatOf(M));
  DiagnosticBuilder DB = Diags.Report(Loc, ID);
  for (const std::string &A : Args)
    DB << A;
}

void Reporter::unsupported(SourceLocation Loc, Construct C,
                           llvm::StringRef Name) {
  ConstructText T = textOf(C);
  std::string What = T.What;
  size_t Pos = What.find("{0}");
  if (Pos != std::string::npos)
    What.replace(Pos, 3, Name.str());
  report(Loc, Msg::Unsupported, {What, T.Hint});
}

void Reporter::unsupportedType(SourceLocation Loc, llvm::StringRef What,
                               QualType T, const PrintingPolicy &PP) {
  report(Loc, Msg::UnsupportedType,
         {What.str(), T.getAsString(PP), typeHint(T)});
}
