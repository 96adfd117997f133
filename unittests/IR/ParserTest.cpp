//===- ParserTest.cpp - Tests for the ddx IR parser -----------------------===//
#include "ddx/IR/Parser.h"
#include "ddx/IR/Printer.h"
#include "ddx/IR/Verifier.h"
#include "llvm/ADT/bit.h"
#include "gtest/gtest.h"
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace ddx::ir;

namespace {

std::string printToString(const Module &M, bool Locs = false) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  PrintOptions Opts;
  Opts.PrintLocations = Locs;
  print(M, OS, Opts);
  return S;
}

std::unique_ptr<Module> parseOrFail(llvm::StringRef Text) {
  auto M = parseModule(Text);
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return nullptr;
  }
  return std::move(*M);
}

/// The message of a parse that must fail.
std::string parseError(llvm::StringRef Text) {
  auto M = parseModule(Text);
  if (M) {
    ADD_FAILURE() << "parsed unexpectedly:\n" << Text.str();
    return "";
  }
  return llvm::toString(M.takeError());
}

/// Parses, verifies, prints; the print must equal Text byte for byte.
void expectRoundTrip(llvm::StringRef Text, bool Locs = false) {
  std::unique_ptr<Module> M = parseOrFail(Text);
  ASSERT_TRUE(M);
  if (llvm::Error E = verify(*M))
    FAIL() << llvm::toString(std::move(E));
  EXPECT_EQ(printToString(*M, Locs), Text.str());
}

// Every operation form, nested structured ops, quoted symbols, odd
// constants, multiple results, names with suffixes and unnamed values; in
// exactly the printer's layout.
const char *const RichModule =
    R"(func @"f<double>"(%x: f64, %n: i32, %b: i1) -> (f64, i32) {
  %c = constant 2.5 : f64
  %0 = constant -0.0 : f64
  %1 = constant inf : f64
  %2 = constant -inf : f64
  %3 = constant nan : f64
  %4 = constant 1e+300 : f64
  %5 = constant 5e-324 : f64
  %t = constant 1 : i1
  %big = constant -9223372036854775808 : i64
  %f = constant 0.1 : f32
  %neg = neg %x : f64
  %add = add %x, %c : f64
  %sub = sub %add, %neg : f64
  %mul = mul %sub, %0 : f64
  %div = div %mul, %1 : f64
  %rem = rem %n, %n : i32
  %not = not %b : i1
  %and = and %b, %t : i1
  %or = or %and, %not : i1
  %sin = sin %x : f64
  %pow = pow %sin, %x : f64
  %fs = sqrt %f : f32
  %eq = cmp eq %x, %c : f64
  %ne = cmp ne %x, %c : f64
  %lt = cmp lt %n, %rem : i32
  %le = cmp le %f, %fs : f32
  %gt = cmp gt %b, %t : i1
  %ge = cmp ge %big, %big : i64
  %sel = select %or, %x, %sin : f64
  %ci = cast %n : i32 to f64
  %cb = cast %x : f64 to i1
  %r, %k = call @"a\"b\\c"(%x, %n) : (f64, i32)
  call @ns::g() : ()
  if %b {
    call @ns::g() : ()
    yield
  } else {
    yield
  }
  %v, %w = if %eq -> (f64, i32) {
    %in = if %b -> (f64) {
      yield %x
    } else {
      yield %c
    }
    yield %in, %n
  } else {
    yield %c, %rem
  }
  %zero = constant 0 : i32
  %one = constant 1 : i32
  for %i = %zero to %n step %one : i32 {
    yield
  }
  %s, %q = for %j = %zero to %n step %one : i32 iter_args(%acc = %v, %cnt = %w) -> (f64, i32) {
    %jf = cast %j : i32 to f64
    %acc.1 = add %acc, %jf : f64
    %inner = while (%p = %acc.1) -> (f64) {
      %more = cmp lt %p, %x : f64
      condition %more, %p
    } do (%p.1) {
      %6 = mul %p.1, %c : f64
      yield %6
    }
    %cnt.1 = add %cnt, %one : i32
    yield %inner, %cnt.1
  }
  while () {
    condition %b
  } do () {
    yield
  }
  return %s, %q
}

func @"a\"b\\c"(%x: f64, %n: i32) -> (f64, i32) {
  return %x, %n
}

func @ns::g() -> () {
  return
}

func @memory(%x: ptr<const f64>, %y: ptr<f64>, %n: i32, %m: i64) -> (f64) {
  %a = alloca 8 : ptr<f64>
  %b = alloca 1 : ptr<i1>
  %p = offset %x, %n : ptr<const f64>
  %q = offset %a, %m : ptr<f64>
  %v = load %p : f64
  store %v, %q
  %t = tape_alloc %n : ptr<f32>
  tape_push 0, %v
  tape_push 5, %m
  %k = tape_pop 5 : i64
  %w = tape_pop 0 : f64
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %s, %e = for %i = %zero to %n step %one : i32 reverse iter_args(%acc = %w, %ptr = %y) -> (f64, ptr<f64>) {
    %l = load %ptr : f64
    %acc.1 = add %acc, %l : f64
    store %acc.1, %ptr
    %ptr.1 = offset %ptr, %one : ptr<f64>
    yield %acc.1, %ptr.1
  }
  call @reader(%a, %p) : ()
  return %s
}

func @reader(%p: ptr<const f64>, %q: ptr<const f64>) -> () {
  return
}
)";

//===----------------------------------------------------------------------===//
// Round trips
//===----------------------------------------------------------------------===//

TEST(ParserTest, RichModuleRoundTrips) {
  expectRoundTrip(RichModule);
  // And once more through the printed form.
  std::unique_ptr<Module> M = parseOrFail(RichModule);
  ASSERT_TRUE(M);
  expectRoundTrip(printToString(*M));
}

TEST(ParserTest, EveryArithmeticAndMathOp) {
  std::vector<OpKind> Kinds = {
#define DDX_ARITH(Enum, Mnemonic, Arity) OpKind::Enum,
#define DDX_MATH(Enum, Mnemonic, Arity) OpKind::Enum,
#include "ddx/IR/Ops.def"
  };
  for (OpKind K : Kinds) {
    Type T = K == OpKind::Not || K == OpKind::And || K == OpKind::Or
                 ? Type::i1()
             : K == OpKind::Rem ? Type::i64()
                                : Type::f32();
    std::string Ty = T.str().str();
    std::string Text = "func @f(%a: " + Ty + ", %b: " + Ty + ") -> (" + Ty +
                       ") {\n  %r = " + mnemonic(K).str() +
                       (arity(K) == 2 ? " %a, %b : " : " %a : ") + Ty +
                       "\n  return %r\n}\n";
    SCOPED_TRACE(Text);
    expectRoundTrip(Text);
  }
}

TEST(ParserTest, LocationsRoundTrip) {
  const char *Text = R"(func @f(%x: f64) -> (f64) {
  %0 = sin %x : f64 loc(3:14)
  %c = cmp gt %0, %x : f64 loc(4:7)
  %1 = if %c -> (f64) {
    yield %0 loc(5:5)
  } else {
    yield %x
  } loc(4:3)
  return %1 loc(8:3)
}
)";
  expectRoundTrip(Text, /*Locs=*/true);
  std::unique_ptr<Module> M = parseOrFail(Text);
  ASSERT_TRUE(M);
  const Region &Body = M->lookup("f")->getBody();
  EXPECT_EQ(Body.getOps()[0]->getLoc().Line, 3u);
  EXPECT_EQ(Body.getOps()[0]->getLoc().Col, 14u);
  EXPECT_EQ(Body.getOps()[2]->getLoc().Line, 4u);
  EXPECT_EQ(Body.getOps()[2]->getLoc().Col, 3u);
  EXPECT_FALSE(Body.getOps()[2]->getRegion(1).getOps()[0]->getLoc().isKnown());
}

TEST(ParserTest, CommentsAndLayoutAreIgnored) {
  const char *Text = "// leading comment\n"
                     "func @f(%x:f64)->(f64){// body\n"
                     "  %y=add %x,%x:f64   // twice\n"
                     "\t return %y}\n"
                     "// trailing comment";
  std::unique_ptr<Module> M = parseOrFail(Text);
  ASSERT_TRUE(M);
  EXPECT_EQ(printToString(*M), "func @f(%x: f64) -> (f64) {\n"
                               "  %y = add %x, %x : f64\n"
                               "  return %y\n"
                               "}\n");
}

TEST(ParserTest, EmptyModule) {
  std::unique_ptr<Module> M = parseOrFail("  // nothing here\n");
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->getFunctions().empty());
}

//===----------------------------------------------------------------------===//
// What the parser builds
//===----------------------------------------------------------------------===//

TEST(ParserTest, MemoryOperations) {
  std::unique_ptr<Module> M =
      parseOrFail(R"(func @f(%x: ptr<const f32>, %n: i64) -> () {
  %a = alloca 3 : ptr<i32>
  %o = offset %x, %n : ptr<const f32>
  %v = load %o : f32
  %t = tape_alloc %n : ptr<f64>
  tape_push 4, %v
  %w = tape_pop 4 : f32
  %c = constant 7 : i32
  store %c, %a
  for %i = %n to %n step %n : i64 reverse {
    yield
  }
  for %j = %n to %n step %n : i64 {
    yield
  }
  return
}
)");
  ASSERT_TRUE(M);
  EXPECT_FALSE(verify(*M));
  Function *F = M->lookup("f");
  EXPECT_EQ(F->getParam(0)->getType(), Type::ptr(Type::f32(), true));
  const auto &Ops = F->getBody().getOps();
  ASSERT_EQ(Ops.size(), 11u);
  EXPECT_EQ(Ops[0]->getKind(), OpKind::Alloca);
  EXPECT_EQ(Ops[0]->getIntAttr(), 3);
  EXPECT_EQ(Ops[0]->getResult()->getType(), Type::ptr(Type::i32()));
  EXPECT_EQ(Ops[1]->getKind(), OpKind::Offset);
  EXPECT_EQ(Ops[1]->getNumOperands(), 2u);
  EXPECT_EQ(Ops[2]->getKind(), OpKind::Load);
  EXPECT_EQ(Ops[2]->getResult()->getType(), Type::f32());
  EXPECT_EQ(Ops[3]->getKind(), OpKind::TapeAlloc);
  EXPECT_EQ(Ops[3]->getOperand(0), F->getParam(1));
  EXPECT_EQ(Ops[4]->getKind(), OpKind::TapePush);
  EXPECT_EQ(Ops[4]->getIntAttr(), 4);
  EXPECT_EQ(Ops[4]->getNumResults(), 0u);
  EXPECT_EQ(Ops[5]->getKind(), OpKind::TapePop);
  EXPECT_EQ(Ops[5]->getIntAttr(), 4);
  EXPECT_EQ(Ops[5]->getNumOperands(), 0u);
  EXPECT_EQ(Ops[7]->getKind(), OpKind::Store);
  EXPECT_EQ(Ops[7]->getOperand(1), Ops[0]->getResult());
  EXPECT_EQ(Ops[7]->getNumResults(), 0u);
  EXPECT_TRUE(Ops[8]->isReverseLoop());
  EXPECT_EQ(Ops[8]->getIntAttr(), 1);
  EXPECT_FALSE(Ops[9]->isReverseLoop());
  EXPECT_FALSE(Ops[0]->isReverseLoop()) << "only a 'for' has a direction";
}

TEST(ParserTest, PointerTypeSpelling) {
  std::unique_ptr<Module> M = parseOrFail(
      "func @f(%a:ptr<f64>,%b : ptr < const i1 >, %c: ptr<\n const\n i64>) "
      "-> () {\n  return\n}\n");
  ASSERT_TRUE(M);
  EXPECT_EQ(printToString(*M), "func @f(%a: ptr<f64>, %b: ptr<const i1>, %c: "
                               "ptr<const i64>) -> () {\n  return\n}\n");
}

TEST(ParserTest, NamesAreHints) {
  std::unique_ptr<Module> M = parseOrFail(R"(func @f(%x: f64, %7: f64) -> () {
  %x.1 = add %x, %7 : f64
  %12 = add %x.1, %x.1 : f64
  return
}
)");
  ASSERT_TRUE(M);
  Function *F = M->lookup("f");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->getParam(0)->getName(), "x");
  EXPECT_EQ(F->getParam(1)->getName(), "") << "digits only: unnamed";
  EXPECT_EQ(F->getBody().getOps()[0]->getResult()->getName(), "x.1");
  EXPECT_EQ(F->getBody().getOps()[1]->getResult()->getName(), "");
  // Unnamed values are renumbered in order of appearance.
  EXPECT_EQ(printToString(*M), R"(func @f(%x: f64, %0: f64) -> () {
  %x.1 = add %x, %0 : f64
  %1 = add %x.1, %x.1 : f64
  return
}
)");
}

TEST(ParserTest, Attributes) {
  std::unique_ptr<Module> M = parseOrFail(R"(func @f() -> () {
  %a = constant -0.0 : f64
  %b = constant nan : f32
  %c = constant -inf : f64
  %d = constant 3 : f64
  %e = constant -42 : i32
  %g = constant 9223372036854775807 : i64
  %h = cmp ge %e, %e : i32
  call @"q\\\"" () : ()
  return
}
)");
  ASSERT_TRUE(M);
  const auto &Ops = M->lookup("f")->getBody().getOps();
  EXPECT_EQ(llvm::bit_cast<uint64_t>(Ops[0]->getFloatAttr()),
            llvm::bit_cast<uint64_t>(-0.0));
  EXPECT_TRUE(std::isnan(Ops[1]->getFloatAttr()));
  EXPECT_EQ(Ops[1]->getResult()->getType(), Type::f32());
  EXPECT_EQ(Ops[2]->getFloatAttr(), -INFINITY);
  EXPECT_EQ(Ops[3]->getFloatAttr(), 3.0);
  EXPECT_EQ(Ops[4]->getIntAttr(), -42);
  EXPECT_EQ(Ops[5]->getIntAttr(), INT64_MAX);
  EXPECT_EQ(Ops[6]->getPredicate(), CmpPred::GE);
  EXPECT_EQ(Ops[6]->getResult()->getType(), Type::i1());
  EXPECT_EQ(Ops[7]->getCallee(), "q\\\"");
  EXPECT_EQ(Ops[7]->getNumResults(), 0u);
}

TEST(ParserTest, StructureAndScopes) {
  std::unique_ptr<Module> M =
      parseOrFail(R"(func @f(%n: i64, %x: f64) -> (f64) {
  %z = constant 0 : i64
  %o = constant 1 : i64
  %r = for %i = %z to %n step %o : i64 iter_args(%a = %x) -> (f64) {
    %t = add %a, %x : f64
    yield %t
  }
  %c = cmp lt %r, %x : f64
  %s = if %c -> (f64) {
    %t = neg %r : f64
    yield %t
  } else {
    %t = sin %r : f64
    yield %t
  }
  return %s
}
)");
  ASSERT_TRUE(M);
  const Function &F = *M->lookup("f");
  const Operation &For = *F.getBody().getOps()[2];
  ASSERT_EQ(For.getKind(), OpKind::For);
  ASSERT_EQ(For.getNumOperands(), 4u);
  EXPECT_EQ(For.getOperand(1), F.getParam(0));
  EXPECT_EQ(For.getLoopInits()[0], F.getParam(1));
  const Region &Body = For.getRegion(0);
  ASSERT_EQ(Body.getNumArguments(), 2u);
  EXPECT_EQ(Body.getArgument(0)->getType(), Type::i64());
  EXPECT_EQ(Body.getArgument(0)->getName(), "i");
  EXPECT_EQ(Body.getArgument(1)->getName(), "a");
  EXPECT_EQ(Body.getOps()[0]->getOperand(0), Body.getArgument(1));
  EXPECT_EQ(Body.getOps()[0]->getParentOp(), &For);
  // Sibling regions may reuse a name; each use binds to its own region.
  const Operation &If = *F.getBody().getOps()[4];
  EXPECT_EQ(If.getRegion(0).getOps()[1]->getOperand(0),
            If.getRegion(0).getOps()[0]->getResult());
  EXPECT_EQ(If.getRegion(1).getOps()[1]->getOperand(0),
            If.getRegion(1).getOps()[0]->getResult());
  EXPECT_FALSE(verify(*M));
}

TEST(ParserTest, CallsMayReferToLaterFunctions) {
  std::unique_ptr<Module> M = parseOrFail(R"(func @a(%x: f64) -> (f64) {
  %y = call @b(%x) : (f64)
  return %y
}

func @b(%x: f64) -> (f64) {
  return %x
}
)");
  ASSERT_TRUE(M);
  EXPECT_FALSE(verify(*M));
}

TEST(ParserTest, TerminatorOperandsVersusNextResults) {
  // A terminator followed by more operations parses (the verifier rejects
  // it); `%a, %b = ...` after `yield` names results, not yield operands.
  std::unique_ptr<Module> M = parseOrFail(R"(func @f(%x: f64) -> () {
  return
  %a, %b = call @f(%x) : (f64, f64)
  return %a, %b
}
)");
  ASSERT_TRUE(M);
  const Region &Body = M->lookup("f")->getBody();
  ASSERT_EQ(Body.size(), 3u);
  EXPECT_EQ(Body.getOps()[0]->getNumOperands(), 0u);
  EXPECT_EQ(Body.getOps()[2]->getNumOperands(), 2u);
  llvm::Error E = verify(*M);
  ASSERT_TRUE(!!E);
  EXPECT_NE(llvm::toString(std::move(E)).find("must be the last operation"),
            std::string::npos);
}

TEST(ParserTest, TypeErrorsAreLeftToTheVerifier) {
  // Wrong types must build without tripping assertions; verify reports.
  std::unique_ptr<Module> M = parseOrFail(R"(func @f(%x: f64, %n: i32) -> (i1) {
  %a = add %x, %n : i1
  %b = sin : f64
  %c = select %x, %n : void
  %d = cast %n : i32 to void
  %e = constant 7 : i1
  %f = constant 2 : void
  return %x, %n
}
)");
  ASSERT_TRUE(M);
  llvm::Error E = verify(*M);
  EXPECT_TRUE(!!E) << "must be rejected";
  llvm::consumeError(std::move(E));
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

struct ErrorCase {
  const char *Text;
  const char *Message; // Without the "<input>:" prefix.
};

const ErrorCase ErrorCases[] = {
    // Scoping.
    {"func @f() -> () {\n  %y = add %x, %x : f64\n}",
     "2:12: error: use of undefined value '%x'"},
    {"func @f(%a: f64, %a: f64) -> () {\n  return\n}",
     "1:18: error: redefinition of value '%a'"},
    {"func @f(%a: f64) -> () {\n  %b = neg %a : f64\n  %b = neg %a : f64\n}",
     "3:3: error: redefinition of value '%b'"},
    {"func @f(%c: i1) -> () {\n  if %c {\n    %c = not %c : i1\n"
     "    yield\n  } else {\n    yield\n  }\n  return\n}",
     "3:5: error: redefinition of value '%c'"},
    {"func @f(%c: i1) -> () {\n  if %c {\n    %t = not %c : i1\n    yield\n"
     "  } else {\n    yield %t\n  }\n  return\n}",
     "6:11: error: use of undefined value '%t'"},
    {"func @f(%c: i1) -> () {\n  if %c {\n    %t = not %c : i1\n    yield\n"
     "  } else {\n    yield\n  }\n  return %t\n}",
     "8:10: error: use of undefined value '%t'"},
    {"func @f(%c: i1) -> (i1) {\n  %v = if %c -> (i1) {\n    yield %v\n"
     "  } else {\n    yield %c\n  }\n  return %v\n}",
     "3:11: error: use of undefined value '%v'"},
    {"func @f(%x: f64) -> () {\n  %a = add %x, %b : f64\n"
     "  %b = neg %x : f64\n  return\n}",
     "2:16: error: use of undefined value '%b'"},
    {"func @f(%n: i32) -> () {\n  for %i = %n to %n step %n : i32 {\n"
     "    yield\n  }\n  return %i\n}",
     "5:10: error: use of undefined value '%i'"},
    {"func @f() -> () {\n  return\n}\nfunc @g() -> () {\n  return %x\n}",
     "5:10: error: use of undefined value '%x'"},

    // Operations.
    {"func @f(%x: f64) -> () {\n  %y = add %x, %x f64\n}",
     "2:19: error: expected ':' after operands"},
    {"func @f(%x: f64) -> () {\n  %y = foo %x\n}",
     "2:8: error: unknown operation 'foo'"},
    {"func @f(%x: f64) -> () {\n  %y = add %x, : f64\n}",
     "2:16: error: expected value after ','"},
    {"func @f(%x: f64) -> () {\n  %y\n}",
     "3:1: error: expected '=' after result names"},
    {"func @f(%x: f64) -> () {\n  = add %x, %x : f64\n}",
     "2:3: error: expected operation name"},
    {"func @f(%x: f64) -> () {\n  %a, %b = add %x, %x : f64\n}",
     "2:3: error: 'add' produces 1 result, but 2 names given"},
    {"func @f() -> () {\n  %a = return\n}",
     "2:3: error: 'return' produces 0 results, but 1 name given"},
    {"func @f() -> () {\n  call @g() : (f64)\n}",
     "2:3: error: 'call' produces 1 result, but 0 names given"},
    {"func @f(%x: f64) -> () {\n  %y = add %x, %x : f16\n}",
     "2:21: error: unknown type 'f16'"},
    {"func @f(%x: f64) -> () {\n  %y = add %x, %x : 5\n}",
     "2:21: error: expected type"},
    {"func @f() -> () {\n  %c = constant 1.5 : i32\n}",
     "2:17: error: expected an integer literal for type i32"},
    {"func @f() -> () {\n  %c = constant 9223372036854775808 : i64\n}",
     "2:17: error: integer literal '9223372036854775808' is out of range"},
    {"func @f() -> () {\n  %c = constant 1e400 : f64\n}",
     "2:17: error: floating-point literal '1e400' is out of range"},
    {"func @f() -> () {\n  %c = constant : f64\n}",
     "2:17: error: expected literal after 'constant'"},
    {"func @f() -> () {\n  %c = constant 1 f64\n}",
     "2:19: error: expected ':' after constant value"},
    {"func @f(%x: f64) -> () {\n  %c = cmp lte %x, %x : f64\n}",
     "2:12: error: unknown comparison predicate 'lte'"},
    {"func @f(%x: f64) -> () {\n  %c = cmp %x, %x : f64\n}",
     "2:12: error: expected comparison predicate after 'cmp'"},
    {"func @f(%x: f64) -> () {\n  %c = cmp lt %x, %x : f32\n}",
     "2:24: error: '%x' has type f64, but the annotation says f32"},
    {"func @f(%x: f64) -> () {\n  %c = cast %x : f32 to i32\n}",
     "2:18: error: '%x' has type f64, but the annotation says f32"},
    {"func @f(%x: f64) -> () {\n  %c = cast %x : f64 into i32\n}",
     "2:22: error: expected 'to' after source type"},
    {"func @f(%x: f64) -> () {\n  %c = cast : f64 to i32\n}",
     "2:13: error: expected value after 'cast'"},
    {"func @f() -> () {\n  call @g : ()\n}",
     "2:11: error: expected '(' after callee"},
    {"func @f() -> () {\n  call @g() (f64)\n}",
     "2:13: error: expected ':' after call arguments"},
    {"func @f() -> () {\n  call g() : ()\n}",
     "2:8: error: expected callee after 'call'"},
    {"func @f() -> () {\n  call @g() : (f64 i32)\n}",
     "2:20: error: expected ',' or ')' in type list"},
    {"func @f(%c: i1) -> () {\n  if %c {\n    yield\n  }\n  return\n}",
     "5:3: error: expected 'else' after 'if' region"},
    {"func @f(%c: i1) -> () {\n  if %c yield\n}",
     "2:9: error: expected '{' to begin region"},
    {"func @f(%n: i32) -> () {\n  for %i = %n until %n step %n : i32 {\n"
     "    yield\n  }\n}",
     "2:15: error: expected 'to' after lower bound"},
    {"func @f(%n: i32) -> () {\n  for %i = %n to %n by %n : i32 {\n"
     "    yield\n  }\n}",
     "2:21: error: expected 'step' after upper bound"},
    {"func @f(%n: i32) -> () {\n  for %n to %n step %n : i32 {\n"
     "    yield\n  }\n}",
     "2:10: error: expected '=' after induction variable"},
    {"func @f(%n: i32) -> () {\n  for %i = %n to %n step %n : i64 {\n"
     "    yield\n  }\n}",
     "2:31: error: '%n' has type i32, but the annotation says i64"},
    {"func @f(%n: i32, %x: f64) -> () {\n  %r = for %i = %n to %n step %n : "
     "i32 iter_args(%a = %x) {\n    yield %a\n  }\n}",
     "2:59: error: expected '->' and the types of the iter_args"},
    {"func @f(%n: i32, %x: f64) -> () {\n  %r = for %i = %n to %n step %n : "
     "i32 iter_args(%a = %x) -> (f64, f64) {\n    yield %a\n  }\n}",
     "2:62: error: got 2 types for 1 carried value"},
    {"func @f(%n: i32, %x: f64) -> () {\n  %r = for %i = %n to %n step %n : "
     "i32 iter_args(%a = %n) -> (f64) {\n    yield %a\n  }\n}",
     "2:62: error: '%n' has type i32, but the annotation says f64"},
    {"func @f(%x: f64) -> () {\n  %r = while (%a = %x) -> (f64) {\n"
     "    condition %a, %a\n  } (%b) {\n    yield %b\n  }\n}",
     "4:5: error: expected 'do' after 'while' condition region"},
    {"func @f(%x: f64) -> () {\n  %r = while (%a = %x) -> (f64) {\n"
     "    condition %a, %a\n  } do (%b, %c) {\n    yield %b\n  }\n}",
     "4:8: error: 'do' region has 2 arguments, but the loop carries 1 value"},
    {"func @f(%x: f64) -> () {\n  %r = while (%a %x) -> (f64) {\n"
     "    condition %a, %a\n  } do (%b) {\n    yield %b\n  }\n}",
     "2:18: error: expected '=' in 'while' carried values"},
    {"func @f(%x: f64) -> () {\n  %r = while %a = %x -> (f64) {\n"
     "    condition %a, %a\n  } do (%b) {\n    yield %b\n  }\n}",
     "2:14: error: expected '(' to begin 'while' carried values"},

    // Pointers, memory and tapes.
    {"func @f() -> () {\n  %a = alloca 4 : ptr f64\n}",
     "2:23: error: expected '<' after 'ptr'"},
    {"func @f(%p: ptr<ptr<f64>>) -> () {\n}",
     "1:17: error: pointer element type must be i1, i32, i64, f32 or f64, "
     "not 'ptr'"},
    {"func @f(%p: ptr<const void>) -> () {\n}",
     "1:23: error: pointer element type must be i1, i32, i64, f32 or f64, "
     "not 'void'"},
    {"func @f(%p: ptr<f16>) -> () {\n}", "1:17: error: unknown type 'f16'"},
    {"func @f(%p: ptr<const>) -> () {\n}",
     "1:22: error: expected pointer element type"},
    {"func @f(%p: ptr<f64) -> () {\n}",
     "1:20: error: expected '>' after pointer element type"},
    {"func @f(%p: ptr<const const f64>) -> () {\n}",
     "1:23: error: unknown type 'const'"},
    {"func @f(%p: ptr) -> () {\n}", "1:16: error: expected '<' after 'ptr'"},
    {"func @f(%n: i32) -> () {\n  %a = alloca %n : ptr<f64>\n}",
     "2:15: error: expected element count after 'alloca'"},
    {"func @f() -> () {\n  %a = alloca 1.5 : ptr<f64>\n}",
     "2:15: error: expected element count after 'alloca'"},
    {"func @f() -> () {\n  %a = alloca 99999999999999999999 : ptr<f64>\n}",
     "2:15: error: integer literal '99999999999999999999' is out of range"},
    {"func @f() -> () {\n  %a = alloca 4 ptr<f64>\n}",
     "2:17: error: expected ':' after element count"},
    {"func @f(%x: f64) -> () {\n  tape_push %x\n}",
     "2:13: error: expected tape id after 'tape_push'"},
    {"func @f(%x: f64) -> () {\n  tape_push 0 %x\n}",
     "2:15: error: expected ',' after tape id"},
    {"func @f(%x: f64) -> () {\n  tape_push 0, 1\n}",
     "2:16: error: expected value to push"},
    {"func @f() -> () {\n  %v = tape_pop : f64\n}",
     "2:17: error: expected tape id after 'tape_pop'"},
    {"func @f() -> () {\n  %v = tape_pop 0 f64\n}",
     "2:19: error: expected ':' after tape id"},
    {"func @f() -> () {\n  tape_pop 0 : f64\n}",
     "2:3: error: 'tape_pop' produces 1 result, but 0 names given"},
    {"func @f(%x: f64, %p: ptr<f64>) -> () {\n  %s = store %x, %p\n}",
     "2:3: error: 'store' produces 0 results, but 1 name given"},
    {"func @f(%n: i32) -> () {\n  for %i = %n to %n step %n reverse : i32 {\n"
     "    yield\n  }\n}",
     "2:29: error: expected ':' after step"},
    {"func @f(%n: i32) -> () {\n  for %i = %n to %n step %n : i32 reversed {\n"
     "    yield\n  }\n}",
     "2:35: error: expected '{' to begin region"},

    // Locations.
    {"func @f() -> () {\n  return loc(3)\n}",
     "2:15: error: expected ':' between line and column"},
    {"func @f() -> () {\n  return loc(a:1)\n}",
     "2:14: error: expected line number in location"},
    {"func @f() -> () {\n  return loc(1:-1)\n}",
     "2:16: error: expected column number in location"},
    {"func @f() -> () {\n  return loc 1:1\n}",
     "2:14: error: expected '(' after 'loc'"},
    {"func @f() -> () {\n  return loc(1:1\n}",
     "3:1: error: expected ')' after location"},

    // Functions and the module.
    {"fun @f() -> () {\n}", "1:1: error: expected 'func'"},
    {"func f() -> () {\n}", "1:6: error: expected function name after 'func'"},
    {"func @f() -> () {\n  return\n}\nfunc @f() -> () {\n  return\n}",
     "4:6: error: redefinition of function @f"},
    {"func @f() {\n  return\n}",
     "1:11: error: expected '->' after function parameters"},
    {"func @f() -> f64 {\n  return\n}",
     "1:14: error: expected '(' to begin a type list"},
    {"func @f(%x f64) -> () {\n  return\n}",
     "1:12: error: expected ':' after parameter name"},
    {"func @f(x: f64) -> () {\n  return\n}",
     "1:9: error: expected parameter name"},
    {"func @f(%x: f64 %y: f64) -> () {\n  return\n}",
     "1:17: error: expected ',' or ')' in parameter list"},
    {"func @f() -> () \n  return\n}",
     "2:3: error: expected '{' to begin function body"},
    {"func @f() -> () {\n  return\n", "3:1: error: unexpected end of input; "
                                      "expected '}'"},
    {"func @f(%x: f64) -> () {\n  %y = add %x,", "2:15: error: expected "
                                                 "value after ','"},

    // Tokens.
    {"func @f() -> () {\n  # oops\n}", "2:3: error: unexpected character '#'"},
    {"func @f() -> () {\n  \x01\n}",
     "2:3: error: unexpected character '\\x01'"},
    {"func @\"f() -> () {\n}", "1:6: error: unterminated symbol name"},
    {"func @\"a\\nb\"() -> () {\n}",
     "1:6: error: invalid escape sequence in symbol name; only '\\\"' and "
     "'\\\\' are allowed"},
    {"func @9f() -> () {\n}", "1:6: error: expected symbol name after '@'"},
    {"func @f(%: f64) -> () {\n}", "1:9: error: expected value name after '%'"},
    {"func @f() -> () {\n  %c = constant 12abc : i32\n}",
     "2:17: error: invalid number '12abc'"},
    {"func @f() -> () {\n  %c = constant - 1 : i32\n}",
     "2:17: error: unexpected character '-'"},
    {"func @f() -> () {\n  return / 2\n}",
     "2:10: error: unexpected character '/'"},
};

TEST(ParserTest, Errors) {
  for (const ErrorCase &C : ErrorCases) {
    SCOPED_TRACE(C.Text);
    EXPECT_EQ(parseError(C.Text), std::string("<input>:") + C.Message);
  }
}

TEST(ParserTest, ErrorNamesTheBuffer) {
  auto M = parseModule("garbage", "dir/x.ir");
  ASSERT_FALSE(M);
  EXPECT_EQ(llvm::toString(M.takeError()),
            "dir/x.ir:1:1: error: expected 'func'");
}

TEST(ParserTest, NestingDepthIsBounded) {
  auto Nest = [](unsigned Depth) {
    std::string Text = "func @f(%c: i1) -> () {\n";
    for (unsigned I = 0; I != Depth; ++I)
      Text += "if %c {\n";
    for (unsigned I = 0; I != Depth; ++I)
      Text += "yield\n} else {\nyield\n}\n";
    return Text + "return\n}\n";
  };
  std::unique_ptr<Module> M = parseOrFail(Nest(100));
  ASSERT_TRUE(M);
  EXPECT_FALSE(verify(*M));
  EXPECT_NE(parseError(Nest(100000)).find("regions are nested too deeply"),
            std::string::npos);
}

//===----------------------------------------------------------------------===//
// Malformed input must be rejected, never crash
//===----------------------------------------------------------------------===//

/// How far malformed input got; the fuzz tests check that each outcome
/// occurs, so they exercise more than the lexer.
struct Outcomes {
  unsigned ParseErrors = 0, VerifyErrors = 0, Valid = 0;
};

/// Whatever parses and verifies must also print and parse back unchanged.
void checkNoCrash(llvm::StringRef Text, Outcomes &Out) {
  auto M = parseModule(Text);
  if (!M) {
    std::string Msg = llvm::toString(M.takeError());
    EXPECT_EQ(Msg.rfind("<input>:", 0), 0u) << Msg;
    ++Out.ParseErrors;
    return;
  }
  if (llvm::Error E = verify(**M)) {
    llvm::consumeError(std::move(E));
    ++Out.VerifyErrors;
    return;
  }
  ++Out.Valid;
  std::string Printed = printToString(**M);
  auto Again = parseModule(Printed);
  ASSERT_TRUE(!!Again) << llvm::toString(Again.takeError()) << "\n" << Printed;
  EXPECT_EQ(printToString(**Again), Printed);
}

TEST(ParserFuzzTest, EveryTruncation) {
  llvm::StringRef Text = RichModule;
  Outcomes Out;
  for (size_t N = 0; N <= Text.size(); ++N)
    checkNoCrash(Text.take_front(N), Out);
  EXPECT_GT(Out.ParseErrors, 0u);
  EXPECT_GT(Out.VerifyErrors, 0u);
  EXPECT_GT(Out.Valid, 0u);
}

TEST(ParserFuzzTest, RandomMutations) {
  std::mt19937 Rng(7);
  const std::string Alphabet =
      "%@\"\\(){}:,=-> \n.0123456789abcdefilnorstuy_#<";
  std::string Base = RichModule;
  Outcomes Out;
  for (int Round = 0; Round != 3000; ++Round) {
    std::string Text = Base;
    int Edits = 1 + Rng() % 4;
    for (int E = 0; E != Edits && !Text.empty(); ++E) {
      size_t Pos = Rng() % Text.size();
      switch (Rng() % 3) {
      case 0:
        Text.erase(Pos, 1 + Rng() % 8);
        break;
      case 1:
        Text[Pos] = Alphabet[Rng() % Alphabet.size()];
        break;
      default:
        Text.insert(Pos, 1, Alphabet[Rng() % Alphabet.size()]);
        break;
      }
    }
    checkNoCrash(Text, Out);
  }
  EXPECT_GT(Out.ParseErrors, 0u);
  EXPECT_GT(Out.VerifyErrors, 0u);
  EXPECT_GT(Out.Valid, 0u);
}

TEST(ParserFuzzTest, RandomTokenSoup) {
  const char *Words[] = {
      "func",   "@f",         "@\"g\"",    "(",        ")",       "{",
      "}",      "%x",         "%y",        "%0",       ":",       "f64",
      "i32",    "i1",         "void",      "->",       ",",       "=",
      "add",    "neg",        "if",        "else",     "for",     "to",
      "step",   "iter_args",  "while",     "do",       "yield",   "condition",
      "return", "constant",   "1",         "-2.5",     "nan",     "cmp",
      "lt",     "cast",       "call",      "loc",      "3",       "select",
      "sin",    "\n",         "//",        "\"",       "@",       "ptr",
      "<",      ">",          "const",     "alloca",   "offset",  "load",
      "store",  "tape_alloc", "tape_push", "tape_pop", "reverse", "%p"};
  std::mt19937 Rng(11);
  Outcomes Out;
  for (int Round = 0; Round != 3000; ++Round) {
    std::string Text = "func @f(%x: f64) -> (f64) {\n";
    int Len = Rng() % 40;
    for (int I = 0; I != Len; ++I) {
      Text += Words[Rng() % std::size(Words)];
      Text += ' ';
    }
    checkNoCrash(Text, Out);
  }
  EXPECT_GT(Out.ParseErrors, 0u);
}

} // namespace
