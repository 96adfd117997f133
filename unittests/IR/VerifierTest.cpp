//===- VerifierTest.cpp - Tests for the ddx IR verifier -------------------===//
//
// One valid and at least one invalid case per rule. Invalid IR that the
// parser cannot express (it enforces scoping) is built with the C++ API.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Verifier.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/Parser.h"
#include "gtest/gtest.h"
#include <string>

using namespace ddx::ir;

namespace {

/// The verifier's message, or "" when M verifies.
std::string verifyMessage(const Module &M) {
  if (llvm::Error E = verify(M))
    return llvm::toString(std::move(E));
  return "";
}

std::string verifyMessage(const Function &F) {
  if (llvm::Error E = verify(F))
    return llvm::toString(std::move(E));
  return "";
}

/// Parses Text (which must parse) and verifies it.
std::string verifyText(llvm::StringRef Text) {
  auto M = parseModule(Text);
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return "<parse error>";
  }
  return verifyMessage(**M);
}

#define EXPECT_VALID(X) EXPECT_EQ(X, "")
#define EXPECT_MESSAGE(X, Substr)                                              \
  do {                                                                         \
    std::string Msg_ = (X);                                                    \
    EXPECT_NE(Msg_.find(Substr), std::string::npos)                            \
        << "message: " << Msg_ << "\nexpected to contain: " << (Substr);       \
  } while (false)

/// A module with one function @f taking Params and returning Results.
struct Fixture {
  Module M;
  Function *F;
  Builder B;

  // initializer_list, so that `Fixture T({Type::f64()})` is not ambiguous
  // with the copy constructor.
  Fixture(std::initializer_list<Type> Params,
          std::initializer_list<Type> Results = {})
      : F(M.addFunction(std::make_unique<Function>(
            "f", llvm::ArrayRef<Type>(Params), llvm::ArrayRef<Type>(Results)))),
        B(F->getBody()) {}

  Value *param(unsigned I) { return F->getParam(I); }
  std::string verify() { return verifyMessage(M); }
};

//===----------------------------------------------------------------------===//
// Whole programs
//===----------------------------------------------------------------------===//

TEST(VerifierTest, DocumentationExample) {
  EXPECT_VALID(verifyText(R"(
func @g(%a: f64, %b: f64) -> (f64) {
  return %a
}
func @f(%x: f64, %n: i32) -> (f64) {
  %c2 = constant 2.0 : f64
  %0 = mul %x, %c2 : f64
  %1 = sin %0 : f64
  %lt = cmp lt %x, %1 : f64
  %m = select %lt, %x, %1 : f64
  %nf = cast %n : i32 to f64
  %g = call @g(%m, %nf) : (f64)
  %v = if %lt -> (f64) {
    yield %g
  } else {
    yield %m
  }
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %s = for %i = %zero to %n step %one : i32 iter_args(%acc = %v) -> (f64) {
    %t = add %acc, %x : f64
    yield %t
  }
  %w = while (%a = %s) -> (f64) {
    %k = cmp gt %a, %x : f64
    condition %k, %a
  } do (%b) {
    %h = mul %b, %c2 : f64
    yield %h
  }
  return %w
}
)"));
}

TEST(VerifierTest, MessageFormat) {
  EXPECT_EQ(verifyText("func @f(%x: f64, %n: i32) -> () {\n"
                       "  %y = add %x, %n : f64\n  return\n}\n"),
            "in function @f: 'add' operand #1 has type i32, expected f64 "
            "(the result type)");
  // With the operation's source location, and a quoted function name.
  EXPECT_EQ(verifyText("func @\"f<int>\"(%x: f64, %n: i32) -> () {\n"
                       "  %y = add %x, %n : f64 loc(3:7)\n  return\n}\n"),
            "in function @\"f<int>\": 3:7: 'add' operand #1 has type i32, "
            "expected f64 (the result type)");
}

TEST(VerifierTest, FirstErrorWins) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %a = sin %x : i32\n  %b = cos %x : i32\n"
                            "  return\n}\n"),
                 "'sin'");
}

//===----------------------------------------------------------------------===//
// Dominance
//===----------------------------------------------------------------------===//

TEST(VerifierDominanceTest, UseBeforeDefinitionInSameRegion) {
  Fixture T({Type::f64()});
  Value *A = T.B.neg(T.param(0));
  T.B.ret({});
  EXPECT_VALID(T.verify());
  T.B.setInsertionPoint(T.F->getBody(), 0);
  T.B.neg(A)->setName("late");
  A->setName("a");
  EXPECT_EQ(T.verify(), "in function @f: 'neg' operand #0 (%a) does not "
                        "dominate this use: it is not defined earlier in this "
                        "region or an enclosing one");
}

TEST(VerifierDominanceTest, UseInSiblingRegion) {
  Fixture T({Type::i1()});
  Operation *If = T.B.createIf(T.param(0), {Type::i1()});
  Builder Then(If->getRegion(0));
  Value *V = Then.logicalNot(T.param(0));
  Then.yield({V});
  Builder Else(If->getRegion(1));
  Else.yield({T.param(0)});
  T.B.ret({});
  EXPECT_VALID(T.verify());
  If->getRegion(1).getTerminator()->setOperand(0, V);
  EXPECT_MESSAGE(T.verify(), "'yield' operand #0 does not dominate this use");
}

TEST(VerifierDominanceTest, UseAfterLeavingRegion) {
  Fixture T({Type::i32()});
  Operation *For = T.B.createFor(T.param(0), T.param(0), T.param(0), {});
  Builder(For->getRegion(0)).yield({});
  T.B.ret({});
  EXPECT_VALID(T.verify());
  Operation *Neg = T.B.create(OpKind::Neg, {For->getRegion(0).getArgument(0)},
                              {Type::i32()});
  // The neg sits after the return; move it before.
  std::unique_ptr<Operation> Taken = T.F->getBody().take(2);
  T.F->getBody().insert(1, std::move(Taken));
  EXPECT_EQ(T.F->getBody().getOps()[1].get(), Neg);
  EXPECT_MESSAGE(T.verify(), "'neg' operand #0 does not dominate this use");
}

TEST(VerifierDominanceTest, ResultUsedInsideItsOwnRegion) {
  Fixture T({Type::i1()});
  Operation *If = T.B.createIf(T.param(0), {Type::i1()});
  Builder(If->getRegion(0)).yield({If->getResult()});
  Builder(If->getRegion(1)).yield({T.param(0)});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'yield' operand #0 does not dominate this use");
}

TEST(VerifierDominanceTest, NestedUsesOfOuterValuesAreFine) {
  EXPECT_VALID(verifyText(R"(func @f(%c: i1, %x: f64) -> (f64) {
  %y = neg %x : f64
  %r = if %c -> (f64) {
    %s = if %c -> (f64) {
      %z = add %x, %y : f64
      yield %z
    } else {
      yield %y
    }
    yield %s
  } else {
    yield %x
  }
  return %r
}
)"));
}

TEST(VerifierDominanceTest, ValueOfAnotherFunction) {
  Fixture T({Type::f64()});
  T.B.ret({});
  Function *G = T.M.addFunction(std::make_unique<Function>(
      "g", llvm::ArrayRef<Type>{}, llvm::ArrayRef<Type>{Type::f64()}));
  Builder(G->getBody()).ret({T.param(0)});
  EXPECT_MESSAGE(T.verify(), "in function @g: 'return' operand #0 does not "
                             "dominate this use");
}

TEST(VerifierDominanceTest, NullOperand) {
  Fixture T({Type::f64()});
  T.B.create(OpKind::Neg, {nullptr}, {Type::f64()});
  T.B.ret({});
  EXPECT_EQ(T.verify(), "in function @f: 'neg' operand #0 is null");
}

//===----------------------------------------------------------------------===//
// Element-wise operations
//===----------------------------------------------------------------------===//

TEST(VerifierArithTest, Valid) {
  EXPECT_VALID(verifyText(R"(func @f(%x: f64, %n: i32, %m: i64, %b: i1) -> () {
  %0 = neg %x : f64
  %1 = add %x, %0 : f64
  %2 = rem %n, %n : i32
  %3 = rem %m, %m : i64
  %4 = not %b : i1
  %5 = and %b, %4 : i1
  %6 = or %5, %b : i1
  %7 = div %n, %n : i32
  return
}
)"));
}

TEST(VerifierArithTest, OperandCount) {
  Fixture T({Type::f64()});
  T.B.create(OpKind::Add, {T.param(0)}, {Type::f64()});
  T.B.ret({});
  EXPECT_EQ(T.verify(), "in function @f: 'add' expects 2 operands, got 1");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %y = neg %x, %x : f64\n  return\n}\n"),
                 "'neg' expects 1 operand, got 2");
}

TEST(VerifierArithTest, ResultCountAndRegions) {
  Fixture T({Type::f64()});
  T.B.create(OpKind::Mul, {T.param(0), T.param(0)}, {Type::f64(), Type::f64()});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'mul' expects 1 result, got 2");

  Fixture U({Type::f64()});
  U.B.create(OpKind::Mul, {U.param(0), U.param(0)}, {Type::f64()}, 1);
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'mul' expects 0 regions, got 1");
}

TEST(VerifierArithTest, OperandTypes) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %y: f32) -> () {\n"
                            "  %z = sub %x, %y : f64\n  return\n}\n"),
                 "'sub' operand #1 has type f32, expected f64 (the result "
                 "type)");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = mul %x, %x : f32\n  return\n}\n"),
                 "'mul' operand #0 has type f64, expected f32");
}

TEST(VerifierArithTest, RemOnlyOnIntegers) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = rem %x, %x : f64\n  return\n}\n"),
                 "'rem' requires an integer type, not f64");
  EXPECT_MESSAGE(verifyText("func @f(%x: i1) -> () {\n"
                            "  %z = rem %x, %x : i1\n  return\n}\n"),
                 "'rem' requires an integer type, not i1");
}

TEST(VerifierArithTest, LogicOnlyOnBool) {
  for (const char *Op : {"and %n, %n", "or %n, %n", "not %n"})
    EXPECT_MESSAGE(verifyText(std::string("func @f(%n: i32) -> () {\n  %z = ") +
                              Op + " : i32\n  return\n}\n"),
                   "requires i1, not i32");
}

TEST(VerifierMathTest, Valid) {
  EXPECT_VALID(verifyText(R"(func @f(%x: f64, %y: f32) -> () {
  %0 = sin %x : f64
  %1 = atan2 %x, %0 : f64
  %2 = pow %y, %y : f32
  %3 = erf %y : f32
  return
}
)"));
}

TEST(VerifierMathTest, OnlyOnFloats) {
  EXPECT_MESSAGE(verifyText("func @f(%n: i32) -> () {\n"
                            "  %z = sqrt %n : i32\n  return\n}\n"),
                 "'sqrt' requires f32 or f64, not i32");
}

TEST(VerifierMathTest, Arity) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = atan2 %x : f64\n  return\n}\n"),
                 "'atan2' expects 2 operands, got 1");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = exp %x, %x : f64\n  return\n}\n"),
                 "'exp' expects 1 operand, got 2");
}

//===----------------------------------------------------------------------===//
// cmp, select, cast, constant
//===----------------------------------------------------------------------===//

TEST(VerifierCmpTest, Rules) {
  EXPECT_VALID(verifyText("func @f(%x: f64, %b: i1) -> () {\n"
                          "  %z = cmp le %x, %x : f64\n"
                          "  %w = cmp eq %b, %z : i1\n  return\n}\n"));
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %n: i32) -> () {\n"
                            "  %z = cmp lt %x, %n : f64\n  return\n}\n"),
                 "'cmp' operand types differ: f64 and i32");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = cmp lt %x : f64\n  return\n}\n"),
                 "'cmp' expects 2 operands, got 1");
  Fixture T({Type::f64()});
  T.B.create(OpKind::Cmp, {T.param(0), T.param(0)}, {Type::f64()});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'cmp' result must be i1, not f64");
}

TEST(VerifierSelectTest, Rules) {
  EXPECT_VALID(verifyText("func @f(%c: i1, %n: i64) -> () {\n"
                          "  %z = select %c, %n, %n : i64\n  return\n}\n"));
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = select %x, %x, %x : f64\n  return\n}\n"),
                 "'select' condition must be i1, not f64");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1, %x: f64, %n: i32) -> () {\n"
                            "  %z = select %c, %x, %n : f64\n  return\n}\n"),
                 "'select' operand #2 has type i32, expected f64");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1, %x: f64) -> () {\n"
                            "  %z = select %c, %x, %x : f32\n  return\n}\n"),
                 "'select' operand #1 has type f64, expected f32");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1, %x: f64) -> () {\n"
                            "  %z = select %c, %x : f64\n  return\n}\n"),
                 "'select' expects 3 operands, got 2");
}

TEST(VerifierCastTest, Rules) {
  EXPECT_VALID(verifyText(R"(func @f(%x: f64, %b: i1, %n: i32) -> () {
  %0 = cast %x : f64 to i32
  %1 = cast %b : i1 to f32
  %2 = cast %n : i32 to i1
  %3 = cast %n : i32 to i64
  %4 = cast %x : f64 to f64
  return
}
)"));
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %z = cast %x : f64 to void\n  return\n}\n"),
                 "'cast' result #0 has type void");
  Fixture T({Type::f64()});
  T.B.create(OpKind::Cast, {T.param(0), T.param(0)}, {Type::i32()});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'cast' expects 1 operand, got 2");
}

TEST(VerifierConstantTest, Rules) {
  EXPECT_VALID(verifyText(R"(func @f() -> () {
  %0 = constant 1 : i1
  %1 = constant 0 : i1
  %2 = constant -2147483648 : i32
  %3 = constant 9223372036854775807 : i64
  %4 = constant nan : f32
  return
}
)"));
  EXPECT_MESSAGE(verifyText("func @f() -> () {\n"
                            "  %z = constant 2 : i1\n  return\n}\n"),
                 "'constant' value 2 does not fit in i1");
  EXPECT_MESSAGE(verifyText("func @f() -> () {\n"
                            "  %z = constant 2147483648 : i32\n  return\n}\n"),
                 "'constant' value 2147483648 does not fit in i32");
  EXPECT_MESSAGE(verifyText("func @f() -> () {\n"
                            "  %z = constant 0 : void\n  return\n}\n"),
                 "'constant' result #0 has type void");

  Fixture T({Type::f64()});
  T.B.create(OpKind::Constant, {T.param(0)}, {Type::f64()});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'constant' expects 0 operands, got 1");
  Fixture U({});
  U.B.create(OpKind::Constant, {}, {Type::f64(), Type::f64()});
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'constant' expects 1 result, got 2");
}

//===----------------------------------------------------------------------===//
// call
//===----------------------------------------------------------------------===//

const char *const Callee = "func @g(%a: f64, %n: i32) -> (f64, i1) {\n"
                           "  %c = constant 1 : i1\n  return %a, %c\n}\n";

TEST(VerifierCallTest, Valid) {
  EXPECT_VALID(verifyText(std::string("func @f(%x: f64, %n: i32) -> () {\n"
                                      "  %r, %c = call @g(%x, %n) : (f64, i1)\n"
                                      "  call @f(%x, %n) : ()\n  return\n}\n") +
                          Callee));
}

TEST(VerifierCallTest, UnknownCallee) {
  EXPECT_EQ(verifyText("func @f() -> () {\n  call @\"h<1>\"() : ()\n"
                       "  return\n}\n"),
            "in function @f: 'call' to unknown function @\"h<1>\"");
}

TEST(VerifierCallTest, ArgumentCountAndTypes) {
  EXPECT_MESSAGE(verifyText(std::string("func @f(%x: f64) -> () {\n"
                                        "  %r, %c = call @g(%x) : (f64, i1)\n"
                                        "  return\n}\n") +
                            Callee),
                 "'call' argument types (f64) do not match the parameter "
                 "types of @g (f64, i32)");
  EXPECT_MESSAGE(verifyText(std::string("func @f(%x: f64) -> () {\n"
                                        "  %r, %c = call @g(%x, %x) : (f64, "
                                        "i1)\n  return\n}\n") +
                            Callee),
                 "'call' argument types (f64, f64) do not match");
}

TEST(VerifierCallTest, ResultTypes) {
  EXPECT_MESSAGE(verifyText(std::string("func @f(%x: f64, %n: i32) -> () {\n"
                                        "  %r = call @g(%x, %n) : (f64)\n"
                                        "  return\n}\n") +
                            Callee),
                 "'call' result types (f64) do not match the result types of "
                 "@g (f64, i1)");
  EXPECT_MESSAGE(verifyText(std::string("func @f(%x: f64, %n: i32) -> () {\n"
                                        "  %r, %c = call @g(%x, %n) : (f64, "
                                        "f64)\n  return\n}\n") +
                            Callee),
                 "'call' result types (f64, f64) do not match");
}

TEST(VerifierCallTest, FunctionOutsideAModule) {
  // With no module to resolve against, calls are not checked.
  Function F("f", {}, {});
  Builder B(F.getBody());
  B.call("nowhere", {}, {});
  B.ret({});
  EXPECT_VALID(verifyMessage(F));
}

//===----------------------------------------------------------------------===//
// if
//===----------------------------------------------------------------------===//

TEST(VerifierIfTest, Valid) {
  EXPECT_VALID(verifyText(R"(func @f(%c: i1) -> () {
  if %c {
    yield
  } else {
    yield
  }
  %a, %b = if %c -> (i1, i1) {
    yield %c, %c
  } else {
    yield %c, %c
  }
  return
}
)"));
}

TEST(VerifierIfTest, ConditionMustBeBool) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n  if %x {\n    yield\n"
                            "  } else {\n    yield\n  }\n  return\n}\n"),
                 "'if' condition must be i1, not f64");
}

TEST(VerifierIfTest, YieldTypes) {
  EXPECT_MESSAGE(verifyText("func @f(%c: i1, %x: f64) -> () {\n"
                            "  %r = if %c -> (f64) {\n    yield %x\n"
                            "  } else {\n    yield %c\n  }\n  return\n}\n"),
                 "'yield' operand types (i1) do not match the 'if' result "
                 "types (f64)");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1, %x: f64) -> () {\n"
                            "  %r = if %c -> (f64) {\n    yield\n"
                            "  } else {\n    yield %x\n  }\n  return\n}\n"),
                 "'yield' operand types () do not match the 'if' result types "
                 "(f64)");
}

TEST(VerifierIfTest, RegionsEndInYield) {
  EXPECT_MESSAGE(verifyText("func @f(%c: i1) -> () {\n  if %c {\n"
                            "  } else {\n    yield\n  }\n  return\n}\n"),
                 "'if' region #0 is empty; it must end in 'yield'");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1) -> () {\n  if %c {\n    yield\n"
                            "  } else {\n    %n = not %c : i1\n  }\n"
                            "  return\n}\n"),
                 "'if' region #1 must end in 'yield', not 'not'");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1) -> () {\n  if %c {\n"
                            "    condition %c\n  } else {\n    yield\n  }\n"
                            "  return\n}\n"),
                 "'if' region #0 must end in 'yield', not 'condition'");
}

TEST(VerifierIfTest, RegionShape) {
  Fixture T({Type::i1()});
  Operation *If = T.B.createIf(T.param(0), {});
  If->getRegion(1).addArgument(Type::f64());
  Builder(If->getRegion(0)).yield({});
  Builder(If->getRegion(1)).yield({});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'if' region #1 must have no arguments");

  Fixture U({Type::i1()});
  Operation *Bad = U.B.create(OpKind::If, {U.param(0)}, {}, 1);
  Builder(Bad->getRegion(0)).yield({});
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'if' expects 2 regions, got 1");

  Fixture V({Type::i1()});
  V.B.create(OpKind::If, {}, {}, 2);
  V.B.ret({});
  EXPECT_MESSAGE(V.verify(), "'if' expects 1 operand, got 0");
}

//===----------------------------------------------------------------------===//
// for
//===----------------------------------------------------------------------===//

TEST(VerifierForTest, Valid) {
  EXPECT_VALID(verifyText(R"(func @f(%n: i64, %x: f64) -> (f64) {
  %z = constant 0 : i64
  %o = constant 1 : i64
  for %i = %z to %n step %o : i64 {
    yield
  }
  %r = for %i = %z to %n step %o : i64 iter_args(%a = %x) -> (f64) {
    %f = cast %i : i64 to f64
    %s = add %a, %f : f64
    yield %s
  }
  return %r
}
)"));
}

TEST(VerifierForTest, BoundsAreOneIntegerType) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  for %i = %x to %x step %x : f64 {\n"
                            "    yield\n  }\n  return\n}\n"),
                 "'for' bounds must be i32 or i64, not f64");
  EXPECT_MESSAGE(verifyText("func @f(%b: i1) -> () {\n"
                            "  for %i = %b to %b step %b : i1 {\n"
                            "    yield\n  }\n  return\n}\n"),
                 "'for' bounds must be i32 or i64, not i1");
  EXPECT_MESSAGE(verifyText("func @f(%n: i32, %m: i64) -> () {\n"
                            "  for %i = %n to %m step %n : i32 {\n"
                            "    yield\n  }\n  return\n}\n"),
                 "'for' upper bound has type i64, expected i32 like the lower "
                 "bound");
  EXPECT_MESSAGE(verifyText("func @f(%n: i32, %m: i64) -> () {\n"
                            "  for %i = %n to %n step %m : i32 {\n"
                            "    yield\n  }\n  return\n}\n"),
                 "'for' step has type i64");
}

TEST(VerifierForTest, YieldMatchesIterArgs) {
  EXPECT_MESSAGE(verifyText("func @f(%n: i32, %x: f64) -> () {\n"
                            "  %r = for %i = %n to %n step %n : i32 "
                            "iter_args(%a = %x) -> (f64) {\n"
                            "    yield %i\n  }\n  return\n}\n"),
                 "'yield' operand types (i32) do not match the 'for' "
                 "iter_args types (f64)");
  EXPECT_MESSAGE(verifyText("func @f(%n: i32) -> () {\n"
                            "  for %i = %n to %n step %n : i32 {\n"
                            "  }\n  return\n}\n"),
                 "'for' region #0 is empty; it must end in 'yield'");
}

TEST(VerifierForTest, BodyArgumentsAndResults) {
  Fixture T({Type::i32(), Type::f64()});
  Operation *For =
      T.B.createFor(T.param(0), T.param(0), T.param(0), {T.param(1)});
  For->getRegion(0).addArgument(Type::f64());
  Builder(For->getRegion(0)).yield({T.param(1)});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'for' body argument types (i32, f64, f64) do "
                             "not match the induction variable and iter_args "
                             "types (i32, f64)");

  Fixture U({Type::i32(), Type::f64()});
  Operation *Bad =
      U.B.create(OpKind::For, {U.param(0), U.param(0), U.param(0), U.param(1)},
                 {Type::i32()}, 1);
  Bad->getRegion(0).addArgument(Type::i32());
  Bad->getRegion(0).addArgument(Type::f64());
  Builder(Bad->getRegion(0)).yield({U.param(1)});
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'for' result types (i32) do not match the "
                             "iter_args types (f64)");
}

TEST(VerifierForTest, TooFewOperands) {
  Fixture T({Type::i32()});
  T.B.create(OpKind::For, {T.param(0), T.param(0)}, {}, 1);
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'for' expects lower bound, upper bound and step "
                             "operands, got 2 operands");
}

//===----------------------------------------------------------------------===//
// while
//===----------------------------------------------------------------------===//

TEST(VerifierWhileTest, Valid) {
  EXPECT_VALID(verifyText(R"(func @f(%x: f64, %n: i32) -> () {
  %r, %k = while (%a = %x, %b = %n) -> (f64, i32) {
    %c = cmp lt %a, %x : f64
    condition %c, %a, %b
  } do (%a.1, %b.1) {
    yield %a.1, %b.1
  }
  %c = constant 0 : i1
  while () {
    condition %c
  } do () {
    yield
  }
  return
}
)"));
}

TEST(VerifierWhileTest, Condition) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    condition %a, %a\n  } do (%b) {\n"
                            "    yield %b\n  }\n  return\n}\n"),
                 "'condition' expects an i1 condition as its first operand");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    condition\n  } do (%b) {\n"
                            "    yield %b\n  }\n  return\n}\n"),
                 "'condition' expects an i1 condition as its first operand");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %c: i1) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    condition %c, %c\n  } do (%b) {\n"
                            "    yield %b\n  }\n  return\n}\n"),
                 "'condition' forwarded value types (i1) do not match the "
                 "'while' result types (f64)");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %c: i1) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    yield %a\n  } do (%b) {\n"
                            "    yield %b\n  }\n  return\n}\n"),
                 "'while' region #0 must end in 'condition', not 'yield'");
}

TEST(VerifierWhileTest, AfterRegionYieldsInitTypes) {
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %c: i1) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    condition %c, %a\n  } do (%b) {\n"
                            "    yield %c\n  }\n  return\n}\n"),
                 "'yield' operand types (i1) do not match the 'while' init "
                 "types (f64)");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64, %c: i1) -> () {\n"
                            "  %r = while (%a = %x) -> (f64) {\n"
                            "    condition %c, %a\n  } do (%b) {\n"
                            "    condition %c, %b\n  }\n  return\n}\n"),
                 "'while' region #1 must end in 'yield', not 'condition'");
}

TEST(VerifierWhileTest, RegionArguments) {
  Fixture T({Type::f64(), Type::i1()});
  Operation *W = T.B.createWhile({T.param(0)});
  W->getRegion(0).addArgument(Type::i32());
  Builder(W->getRegion(0)).condition(T.param(1), {T.param(0)});
  Builder(W->getRegion(1)).yield({T.param(0)});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'while' region #0 argument types (f64, i32) do "
                             "not match the init types (f64)");

  Fixture U({Type::f64(), Type::i1()});
  Operation *V = U.B.createWhile({U.param(0)});
  V->getRegion(1).addArgument(Type::i32());
  Builder(V->getRegion(0)).condition(U.param(1), {U.param(0)});
  Builder(V->getRegion(1)).yield({U.param(0)});
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'while' region #1 argument types (f64, i32) do "
                             "not match the result types (f64)");
}

TEST(VerifierWhileTest, ResultsMatchInits) {
  Fixture T({Type::f64(), Type::i1()});
  Operation *W = T.B.create(OpKind::While, {T.param(0)}, {Type::i32()}, 2);
  W->getRegion(0).addArgument(Type::f64());
  W->getRegion(1).addArgument(Type::i32());
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'while' result types (i32) do not match the "
                             "init types (f64)");

  Fixture U({Type::f64()});
  U.B.create(OpKind::While, {U.param(0)}, {Type::f64()}, 1);
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'while' expects 2 regions, got 1");
}

//===----------------------------------------------------------------------===//
// Function bodies, return and terminators
//===----------------------------------------------------------------------===//

TEST(VerifierReturnTest, MatchesFunctionResults) {
  EXPECT_VALID(verifyText("func @f(%x: f64, %n: i32) -> (f64, i32) {\n"
                          "  return %x, %n\n}\n"));
  EXPECT_EQ(verifyText("func @f(%x: f64, %n: i32) -> (f64, f64) {\n"
                       "  return %x, %n\n}\n"),
            "in function @f: 'return' operand types (f64, i32) do not match "
            "the function result types (f64, f64)");
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> (f64) {\n  return\n}\n"),
                 "'return' operand types () do not match the function result "
                 "types (f64)");
}

TEST(VerifierReturnTest, OnlyAsFunctionTerminator) {
  EXPECT_MESSAGE(verifyText("func @f(%c: i1) -> () {\n  if %c {\n    return\n"
                            "  } else {\n    yield\n  }\n  return\n}\n"),
                 "'if' region #0 must end in 'yield', not 'return'");
  EXPECT_EQ(verifyText("func @f(%x: f64) -> () {\n  yield\n}\n"),
            "in function @f: 'func' body must end in 'return', not 'yield'");
}

TEST(VerifierReturnTest, BodyEndsInReturn) {
  EXPECT_EQ(verifyText("func @f() -> () {\n}\n"),
            "in function @f: 'func' body is empty; it must end in 'return'");
  EXPECT_EQ(verifyText("func @f(%x: f64) -> () {\n  %y = neg %x : f64\n}\n"),
            "in function @f: 'func' body must end in 'return', not 'neg'");
}

TEST(VerifierTerminatorTest, OnlyAtTheEnd) {
  EXPECT_EQ(verifyText("func @f(%x: f64) -> () {\n  return\n"
                       "  %y = neg %x : f64\n  return\n}\n"),
            "in function @f: 'return' must be the last operation in its "
            "region");
  EXPECT_MESSAGE(verifyText("func @f(%c: i1) -> () {\n  if %c {\n    yield\n"
                            "    yield\n  } else {\n    yield\n  }\n"
                            "  return\n}\n"),
                 "'yield' must be the last operation in its region");
}

TEST(VerifierTerminatorTest, NoResults) {
  Fixture T({});
  T.B.create(OpKind::Return, {}, {Type::f64()});
  EXPECT_MESSAGE(T.verify(), "'return' expects 0 results, got 1");
}

//===----------------------------------------------------------------------===//
// void, duplicate functions
//===----------------------------------------------------------------------===//

TEST(VerifierVoidTest, NoVoidValues) {
  EXPECT_EQ(verifyText("func @f(%x: void) -> () {\n  return\n}\n"),
            "in function @f: 'func' parameter #0 has type void");
  EXPECT_EQ(verifyText("func @f() -> (void) {\n  return\n}\n"),
            "in function @f: 'func' result #0 has type void");
  Fixture T({Type::i1()});
  Operation *W = T.B.createWhile({});
  Builder(W->getRegion(0)).condition(T.param(0), {});
  W->getRegion(1).addArgument(Type::voidTy());
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'while' region #1 argument types (void) do not "
                             "match the result types ()");
}

TEST(VerifierModuleTest, DuplicateFunctionNames) {
  Module M;
  for (int I = 0; I != 2; ++I) {
    Function *F = M.addFunction(std::make_unique<Function>(
        "dup", llvm::ArrayRef<Type>{}, llvm::ArrayRef<Type>{}));
    Builder(F->getBody()).ret({});
  }
  EXPECT_EQ(verifyMessage(M), "in function @dup: 'func' name is already used "
                              "by an earlier function");
}

//===----------------------------------------------------------------------===//
// Pointers, memory, tapes, reversed loops
//===----------------------------------------------------------------------===//

/// "in function @f: <Msg>" for the single function @f in Text.
std::string verifyF(llvm::StringRef Body, llvm::StringRef Params = "") {
  return verifyText(
      ("func @f(" + Params + ") -> () {\n" + Body + "  return\n}\n").str());
}

TEST(VerifierMemoryTest, Valid) {
  EXPECT_VALID(verifyText(
      R"(func @f(%x: ptr<const f64>, %y: ptr<f64>, %n: i32, %m: i64, %c: i1) -> (f64) {
  %a = alloca 4 : ptr<f64>
  %b = alloca 1 : ptr<i1>
  %p = offset %x, %n : ptr<const f64>
  %q = offset %y, %m : ptr<f64>
  %v = load %p : f64
  store %v, %q
  store %c, %b
  %t = tape_alloc %n : ptr<f32>
  %t.1 = tape_alloc %m : ptr<i64>
  tape_push 0, %v
  tape_push 1, %m
  %k = tape_pop 1 : i64
  %w = tape_pop 0 : f64
  %s = select %c, %a, %y : ptr<f64>
  %r = if %c -> (ptr<const f64>) {
    yield %x
  } else {
    yield %p
  }
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %u, %e = for %i = %zero to %n step %one : i32 reverse iter_args(%acc = %w, %ptr = %s) -> (f64, ptr<f64>) {
    %l = load %ptr : f64
    %acc.1 = add %acc, %l : f64
    tape_push 0, %acc.1
    %ptr.1 = offset %ptr, %i : ptr<f64>
    yield %acc.1, %ptr.1
  }
  %h = while (%z = %e) -> (ptr<f64>) {
    condition %c, %z
  } do (%z.1) {
    yield %z.1
  }
  call @g(%a, %r, %h) : ()
  return %u
}

func @g(%p: ptr<const f64>, %q: ptr<const f64>, %r: ptr<f64>) -> () {
  return
}
)"));
}

TEST(VerifierMemoryTest, Alloca) {
  EXPECT_EQ(verifyF("  %a = alloca 0 : ptr<f64>\n"),
            "in function @f: 'alloca' element count must be positive, not 0");
  EXPECT_MESSAGE(verifyF("  %a = alloca -2 : ptr<f64>\n"),
                 "'alloca' element count must be positive, not -2");
  EXPECT_MESSAGE(verifyF("  %a = alloca 2 : ptr<const f64>\n"),
                 "'alloca' result must be a non-const pointer, not "
                 "ptr<const f64>");
  EXPECT_MESSAGE(verifyF("  %a = alloca 2 : i32\n"),
                 "'alloca' result must be a pointer, not i32");
  Fixture T({Type::i32()});
  Operation *A =
      T.B.create(OpKind::Alloca, {T.param(0)}, {Type::ptr(Type::f64())});
  A->setIntAttr(1);
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'alloca' expects 0 operands, got 1");
  Fixture U({});
  U.B.create(OpKind::Alloca, {}, {})->setIntAttr(1);
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'alloca' expects 1 result, got 0");
}

TEST(VerifierMemoryTest, TapeAlloc) {
  EXPECT_EQ(verifyF("  %t = tape_alloc %x : ptr<f64>\n", "%x: f64"),
            "in function @f: 'tape_alloc' size must be i32 or i64, not f64");
  EXPECT_MESSAGE(verifyF("  %t = tape_alloc %b : ptr<f64>\n", "%b: i1"),
                 "'tape_alloc' size must be i32 or i64, not i1");
  EXPECT_MESSAGE(verifyF("  %t = tape_alloc %n : ptr<const f64>\n", "%n: i32"),
                 "'tape_alloc' result must be a non-const pointer, not "
                 "ptr<const f64>");
  EXPECT_MESSAGE(verifyF("  %t = tape_alloc %n : f64\n", "%n: i32"),
                 "'tape_alloc' result must be a pointer, not f64");
  EXPECT_MESSAGE(verifyF("  %t = tape_alloc : ptr<f64>\n"),
                 "'tape_alloc' expects 1 operand, got 0");
}

TEST(VerifierMemoryTest, Offset) {
  EXPECT_EQ(
      verifyF("  %q = offset %p, %x : ptr<f64>\n", "%p: ptr<f64>, %x: f64"),
      "in function @f: 'offset' index must be i32 or i64, not f64");
  EXPECT_MESSAGE(verifyF("  %q = offset %x, %n : f64\n", "%x: f64, %n: i32"),
                 "'offset' base must be a pointer, not f64");
  EXPECT_MESSAGE(verifyF("  %q = offset %p, %n : ptr<f64>\n",
                         "%p: ptr<const f64>, %n: i32"),
                 "'offset' result has type ptr<f64>, expected ptr<const "
                 "f64> (the base type)");
  EXPECT_MESSAGE(
      verifyF("  %q = offset %p, %n : ptr<f32>\n", "%p: ptr<f64>, %n: i32"),
      "'offset' result has type ptr<f32>, expected ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = offset %p : ptr<f64>\n", "%p: ptr<f64>"),
                 "'offset' expects 2 operands, got 1");
}

TEST(VerifierMemoryTest, Load) {
  EXPECT_EQ(verifyF("  %v = load %p : f32\n", "%p: ptr<const f64>"),
            "in function @f: 'load' result has type f32, expected f64 (the "
            "element type of ptr<const f64>)");
  EXPECT_MESSAGE(verifyF("  %v = load %x : f64\n", "%x: f64"),
                 "'load' address must be a pointer, not f64");
  EXPECT_MESSAGE(verifyF("  %v = load %p : ptr<f64>\n", "%p: ptr<f64>"),
                 "'load' result has type ptr<f64>, expected f64");
  EXPECT_MESSAGE(verifyF("  %v = load %p, %p : f64\n", "%p: ptr<f64>"),
                 "'load' expects 1 operand, got 2");
}

TEST(VerifierMemoryTest, Store) {
  EXPECT_EQ(verifyF("  store %x, %p\n", "%p: ptr<const f64>, %x: f64"),
            "in function @f: 'store' address must be a non-const pointer, "
            "not ptr<const f64>");
  EXPECT_MESSAGE(verifyF("  store %n, %p\n", "%p: ptr<f64>, %n: i32"),
                 "'store' value has type i32, expected f64 (the element type "
                 "of ptr<f64>)");
  EXPECT_MESSAGE(verifyF("  store %p, %p\n", "%p: ptr<f64>"),
                 "'store' value has type ptr<f64>, expected f64");
  EXPECT_MESSAGE(verifyF("  store %x, %x\n", "%x: f64"),
                 "'store' address must be a pointer, not f64");
  EXPECT_MESSAGE(verifyF("  store %p\n", "%p: ptr<f64>"),
                 "'store' expects 2 operands, got 1");
  Fixture T({Type::f64(), Type::ptr(Type::f64())});
  T.B.create(OpKind::Store, {T.param(0), T.param(1)}, {Type::f64()});
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'store' expects 0 results, got 1");
}

TEST(VerifierMemoryTest, Tapes) {
  EXPECT_EQ(verifyF("  tape_push 0, %x\n  %n = tape_pop 0 : i32\n", "%x: f64"),
            "in function @f: 'tape_pop' result has type i32, but tape 0 "
            "holds f64 (its first push or pop)");
  EXPECT_MESSAGE(verifyF("  %a = tape_pop 3 : f64\n  tape_push 2, %y\n"
                         "  tape_push 3, %y\n",
                         "%y: f32"),
                 "'tape_push' value has type f32, but tape 3 holds f64");
  // Across regions: the first use in program order sets the type.
  EXPECT_MESSAGE(verifyF("  if %c {\n    tape_push 1, %x\n    yield\n"
                         "  } else {\n    %v = tape_pop 1 : i32\n    yield\n"
                         "  }\n",
                         "%c: i1, %x: f64"),
                 "'tape_pop' result has type i32, but tape 1 holds f64");
  EXPECT_MESSAGE(verifyF("  tape_push -1, %x\n", "%x: f64"),
                 "'tape_push' tape id must be non-negative, not -1");
  EXPECT_MESSAGE(verifyF("  %v = tape_pop -4 : f64\n"),
                 "'tape_pop' tape id must be non-negative, not -4");
  EXPECT_MESSAGE(verifyF("  tape_push 0, %p\n", "%p: ptr<f64>"),
                 "'tape_push' value must be a scalar, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %p = tape_pop 0 : ptr<f64>\n"),
                 "'tape_pop' result must be a scalar, not ptr<f64>");
  // Tapes are per function: @g may use tape 0 for another type.
  EXPECT_VALID(verifyText("func @f(%x: f64) -> () {\n  tape_push 0, %x\n"
                          "  return\n}\n"
                          "func @g(%n: i32) -> () {\n  tape_push 0, %n\n"
                          "  %m = tape_pop 0 : i32\n  return\n}\n"));
  // Large ids are fine.
  EXPECT_VALID(verifyF("  tape_push 9223372036854775807, %x\n"
                       "  %y = tape_pop 9223372036854775807 : f64\n",
                       "%x: f64"));

  Fixture T({Type::f64()});
  Operation *Pop = T.B.create(OpKind::TapePop, {T.param(0)}, {Type::f64()});
  Pop->setIntAttr(0);
  T.B.ret({});
  EXPECT_MESSAGE(T.verify(), "'tape_pop' expects 0 operands, got 1");
  Fixture U({Type::f64()});
  U.B.create(OpKind::TapePush, {}, {});
  U.B.ret({});
  EXPECT_MESSAGE(U.verify(), "'tape_push' expects 1 operand, got 0");
}

TEST(VerifierMemoryTest, PointersAreNotScalars) {
  const char *P = "%p: ptr<f64>";
  EXPECT_MESSAGE(verifyF("  %q = add %p, %p : ptr<f64>\n", P),
                 "'add' requires a scalar type, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = neg %p : ptr<f64>\n", P),
                 "'neg' requires a scalar type, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = sin %p : ptr<f64>\n", P),
                 "'sin' requires a scalar type, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %c = cmp eq %p, %p : ptr<f64>\n", P),
                 "'cmp' operands must be scalars, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = cast %p : ptr<f64> to ptr<const f64>\n", P),
                 "'cast' operand must be a scalar, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = cast %n : i64 to ptr<f64>\n", "%n: i64"),
                 "'cast' result must be a scalar, not ptr<f64>");
  EXPECT_MESSAGE(verifyF("  %q = constant 0 : ptr<f64>\n"),
                 "'constant' result must be a scalar, not ptr<f64>");
  EXPECT_VALID(
      verifyF("  %q = select %c, %p, %p : ptr<f64>\n", "%c: i1, %p: ptr<f64>"));
  EXPECT_MESSAGE(verifyF("  %q = select %c, %p, %r : ptr<f64>\n",
                         "%c: i1, %p: ptr<f64>, %r: ptr<const f64>"),
                 "'select' operand #2 has type ptr<const f64>, expected "
                 "ptr<f64>");
}

TEST(VerifierMemoryTest, FunctionsTakeButDoNotReturnPointers) {
  EXPECT_VALID(verifyText("func @f(%x: ptr<const f64>, %y: ptr<f64>, "
                          "%n: i32) -> () {\n  return\n}\n"));
  EXPECT_EQ(verifyText("func @f(%p: ptr<f64>) -> (ptr<f64>) {\n"
                       "  return %p\n}\n"),
            "in function @f: 'func' result #0 has type ptr<f64>; functions "
            "cannot return pointers");
}

TEST(VerifierMemoryTest, CallsMayAddConst) {
  const char *G = "func @g(%p: ptr<const f64>, %q: ptr<f64>) -> () {\n"
                  "  return\n}\n";
  EXPECT_VALID(verifyText(std::string("func @f(%p: ptr<f64>) -> () {\n"
                                      "  call @g(%p, %p) : ()\n"
                                      "  return\n}\n") +
                          G));
  EXPECT_EQ(verifyText(std::string("func @f(%p: ptr<const f64>) -> () {\n"
                                   "  call @g(%p, %p) : ()\n"
                                   "  return\n}\n") +
                       G),
            "in function @f: 'call' argument types (ptr<const f64>, "
            "ptr<const f64>) do not match the parameter types of @g "
            "(ptr<const f64>, ptr<f64>)");
  EXPECT_MESSAGE(verifyText(std::string("func @f(%p: ptr<f32>) -> () {\n"
                                        "  call @g(%p, %p) : ()\n"
                                        "  return\n}\n") +
                            G),
                 "'call' argument types (ptr<f32>, ptr<f32>) do not match");
  // The message shows the argument types as written.
  EXPECT_MESSAGE(verifyText(std::string("func @f(%p: ptr<f64>, %x: f64) -> () "
                                        "{\n  call @g(%p, %x) : ()\n"
                                        "  return\n}\n") +
                            G),
                 "'call' argument types (ptr<f64>, f64) do not match the "
                 "parameter types of @g (ptr<const f64>, ptr<f64>)");
}

TEST(VerifierForTest, Direction) {
  EXPECT_VALID(verifyText(R"(func @f(%n: i32, %x: f64) -> (f64) {
  %r = for %i = %n to %n step %n : i32 reverse iter_args(%a = %x) -> (f64) {
    yield %a
  }
  return %r
}
)"));
  EXPECT_MESSAGE(verifyText("func @f(%x: f64) -> () {\n"
                            "  for %i = %x to %x step %x : f64 reverse {\n"
                            "    yield\n  }\n  return\n}\n"),
                 "'for' bounds must be i32 or i64, not f64");
  Fixture T({Type::i32()});
  Operation *For = T.B.createFor(T.param(0), T.param(0), T.param(0), {});
  Builder(For->getRegion(0)).yield({});
  T.B.ret({});
  For->setIntAttr(2);
  EXPECT_EQ(T.verify(), "in function @f: 'for' direction must be 0 "
                        "(forward) or 1 (reverse), not 2");
  For->setIntAttr(-1);
  EXPECT_MESSAGE(T.verify(), "not -1");
}

} // namespace
