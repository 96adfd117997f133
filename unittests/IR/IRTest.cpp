//===- IRTest.cpp - Tests for the ddx IR core classes ---------------------===//
#include "ddx/IR/IR.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/Interpreter.h"
#include "ddx/IR/Parser.h"
#include "ddx/IR/Printer.h"
#include "ddx/IR/Verifier.h"
#include "llvm/ADT/bit.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace ddx::ir;

namespace {

std::string printToString(const Function &F) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  print(F, OS);
  return S;
}

//===----------------------------------------------------------------------===//
// Types, mnemonics, predicates
//===----------------------------------------------------------------------===//

TEST(TypeTest, Predicates) {
  EXPECT_TRUE(Type::voidTy().isVoid());
  EXPECT_TRUE(Type().isVoid());
  EXPECT_TRUE(Type::i1().isBool());
  EXPECT_FALSE(Type::i1().isInteger()) << "i1 is a bool, not an integer";
  EXPECT_TRUE(Type::i32().isInteger());
  EXPECT_TRUE(Type::i64().isInteger());
  EXPECT_FALSE(Type::i64().isFloat());
  EXPECT_TRUE(Type::f32().isFloat());
  EXPECT_TRUE(Type::f64().isFloat());
  EXPECT_FALSE(Type::f64().isInteger());
  EXPECT_FALSE(Type::f64().isBool());

  EXPECT_EQ(Type::voidTy().bitWidth(), 0u);
  EXPECT_EQ(Type::i1().bitWidth(), 1u);
  EXPECT_EQ(Type::i32().bitWidth(), 32u);
  EXPECT_EQ(Type::i64().bitWidth(), 64u);
  EXPECT_EQ(Type::f32().bitWidth(), 32u);
  EXPECT_EQ(Type::f64().bitWidth(), 64u);

  EXPECT_EQ(Type::f64(), Type(TypeKind::F64));
  EXPECT_NE(Type::f64(), Type::f32());
}

TEST(TypeTest, SpellingRoundTrips) {
  for (Type T : {Type::voidTy(), Type::i1(), Type::i32(), Type::i64(),
                 Type::f32(), Type::f64()}) {
    std::optional<Type> Parsed = Type::parse(T.str());
    ASSERT_TRUE(Parsed) << T.str().str();
    EXPECT_EQ(*Parsed, T);
  }
  EXPECT_EQ(Type::f64().str(), "f64");
  EXPECT_FALSE(Type::parse("i8"));
  EXPECT_FALSE(Type::parse("F64"));
  EXPECT_FALSE(Type::parse(""));
}

TEST(TypeTest, Pointers) {
  Type P = Type::ptr(Type::f64());
  Type C = Type::ptr(Type::f64(), /*Const=*/true);
  EXPECT_TRUE(P.isPointer());
  EXPECT_FALSE(P.isConstPointer());
  EXPECT_TRUE(C.isPointer());
  EXPECT_TRUE(C.isConstPointer());
  EXPECT_EQ(P.kind(), TypeKind::Ptr);
  for (Type T : {P, C}) {
    EXPECT_FALSE(T.isFloat());
    EXPECT_FALSE(T.isInteger());
    EXPECT_FALSE(T.isBool());
    EXPECT_FALSE(T.isVoid());
    EXPECT_FALSE(T.isScalar());
    EXPECT_EQ(T.bitWidth(), 64u);
    EXPECT_EQ(T.getElementType(), Type::f64());
  }
  EXPECT_TRUE(Type::f64().isScalar());
  EXPECT_TRUE(Type::i1().isScalar());
  EXPECT_FALSE(Type::voidTy().isScalar());
  EXPECT_FALSE(Type::f64().isPointer());
  EXPECT_FALSE(Type::f64().isConstPointer());
  EXPECT_EQ(Type::f64().getElementType(), Type::voidTy());

  // Equality compares kind, element and constness.
  EXPECT_EQ(P, Type::ptr(Type::f64()));
  EXPECT_NE(P, C);
  EXPECT_NE(P, Type::ptr(Type::f32()));
  EXPECT_NE(P, Type::f64());
  EXPECT_NE(Type::ptr(Type::i32(), true), Type::ptr(Type::i64(), true));

  EXPECT_EQ(P.str(), "ptr<f64>");
  EXPECT_EQ(C.str(), "ptr<const f64>");
  EXPECT_EQ(Type::ptr(Type::i1()).str(), "ptr<i1>");
  EXPECT_EQ(Type::ptr(Type::i64(), true).str(), "ptr<const i64>");
}

TEST(TypeTest, PointerSpellings) {
  for (Type E :
       {Type::i1(), Type::i32(), Type::i64(), Type::f32(), Type::f64()})
    for (bool Const : {false, true}) {
      Type T = Type::ptr(E, Const);
      std::optional<Type> Parsed = Type::parse(T.str());
      ASSERT_TRUE(Parsed) << T.str().str();
      EXPECT_EQ(*Parsed, T);
    }
  EXPECT_EQ(Type::parse("ptr< const  f32 >"), Type::ptr(Type::f32(), true));
  EXPECT_EQ(Type::parse("ptr <i32>"), Type::ptr(Type::i32()));
  for (const char *Bad :
       {"ptr", "ptr<>", "ptr<void>", "ptr<ptr<f64>>", "ptr<const>",
        "ptr<constf64>", "ptr<f64", "ptrf64", "ptr<const const f64>",
        "ptr<f64>>", "const f64", "ptr<F64>"})
    EXPECT_FALSE(Type::parse(Bad)) << Bad;
}

TEST(OpKindTest, Mnemonics) {
  std::vector<OpKind> All = {
#define DDX_OP(Enum, Mnemonic) OpKind::Enum,
#include "ddx/IR/Ops.def"
  };
  for (OpKind K : All) {
    std::optional<OpKind> Parsed = parseMnemonic(mnemonic(K));
    ASSERT_TRUE(Parsed) << mnemonic(K).str();
    EXPECT_EQ(*Parsed, K);
  }
  EXPECT_FALSE(parseMnemonic("foo"));
  EXPECT_EQ(mnemonic(OpKind::Atan2), "atan2");
}

TEST(OpKindTest, Classification) {
  EXPECT_TRUE(isArith(OpKind::Add));
  EXPECT_TRUE(isArith(OpKind::Not));
  EXPECT_FALSE(isArith(OpKind::Sin));
  EXPECT_TRUE(isMath(OpKind::Sin));
  EXPECT_TRUE(isMath(OpKind::Erf));
  EXPECT_FALSE(isMath(OpKind::Cmp));
  EXPECT_EQ(arity(OpKind::Neg), 1u);
  EXPECT_EQ(arity(OpKind::Rem), 2u);
  EXPECT_EQ(arity(OpKind::Sqrt), 1u);
  for (OpKind K : {OpKind::Atan2, OpKind::Pow, OpKind::Hypot, OpKind::Fmin,
                   OpKind::Fmax, OpKind::Fmod})
    EXPECT_EQ(arity(K), 2u) << mnemonic(K).str();
  EXPECT_EQ(arity(OpKind::Call), 0u);
  EXPECT_TRUE(isTerminator(OpKind::Yield));
  EXPECT_TRUE(isTerminator(OpKind::Condition));
  EXPECT_TRUE(isTerminator(OpKind::Return));
  EXPECT_FALSE(isTerminator(OpKind::If));
}

TEST(OpKindTest, MemoryEffects) {
  std::vector<OpKind> All = {
#define DDX_OP(Enum, Mnemonic) OpKind::Enum,
#include "ddx/IR/Ops.def"
  };
  for (OpKind K : All) {
    SCOPED_TRACE(mnemonic(K).str());
    EXPECT_EQ(hasMemoryEffects(K),
              K == OpKind::Store || K == OpKind::TapePush ||
                  K == OpKind::TapePop || K == OpKind::Call);
    EXPECT_EQ(readsMemory(K),
              K == OpKind::Load || K == OpKind::TapePop || K == OpKind::Call);
    EXPECT_EQ(isAllocation(K), K == OpKind::Alloca || K == OpKind::TapeAlloc);
    EXPECT_FALSE(isArith(K) && (hasMemoryEffects(K) || readsMemory(K)));
  }
  EXPECT_EQ(mnemonic(OpKind::TapeAlloc), "tape_alloc");
  EXPECT_EQ(parseMnemonic("tape_push"), OpKind::TapePush);
  EXPECT_FALSE(isTerminator(OpKind::Store));
}

TEST(OpKindTest, CmpPredicates) {
  for (CmpPred P : {CmpPred::EQ, CmpPred::NE, CmpPred::LT, CmpPred::LE,
                    CmpPred::GT, CmpPred::GE}) {
    std::optional<CmpPred> Parsed = parseCmpPred(str(P));
    ASSERT_TRUE(Parsed);
    EXPECT_EQ(*Parsed, P);
  }
  EXPECT_EQ(str(CmpPred::LE), "le");
  EXPECT_FALSE(parseCmpPred("lte"));
}

//===----------------------------------------------------------------------===//
// Building, links, walking
//===----------------------------------------------------------------------===//

TEST(BuilderTest, StraightLineCode) {
  Module M;
  Function *F = M.addFunction(
      std::make_unique<Function>("f", llvm::ArrayRef<Type>{Type::f64()},
                                 llvm::ArrayRef<Type>{Type::f64()}));
  EXPECT_EQ(F->getParent(), &M);
  EXPECT_EQ(M.lookup("f"), F);
  EXPECT_EQ(M.lookup("g"), nullptr);

  Value *X = F->getParam(0);
  X->setName("x");
  EXPECT_EQ(X->getDefiningOp(), nullptr);
  EXPECT_EQ(X->getArgOwner(), &F->getBody());
  EXPECT_EQ(X->getParentRegion(), &F->getBody());
  EXPECT_EQ(F->getBody().getParentFunction(), F);
  EXPECT_EQ(F->getBody().getParentOp(), nullptr);

  Builder B(F->getBody());
  B.setLoc({4, 2});
  Value *Two = B.constant(Type::f64(), 2.0);
  Value *Y = B.mul(X, Two);
  Value *S = B.math(OpKind::Sin, {Y});
  Value *Lt = B.cmp(CmpPred::LT, X, S);
  Value *Sel = B.select(Lt, X, S);
  B.ret({Sel});

  Operation *MulOp = Y->getDefiningOp();
  ASSERT_NE(MulOp, nullptr);
  EXPECT_EQ(MulOp->getKind(), OpKind::Mul);
  EXPECT_EQ(MulOp->getMnemonic(), "mul");
  EXPECT_EQ(MulOp->getOperand(0), X);
  EXPECT_EQ(MulOp->getOperand(1), Two);
  EXPECT_EQ(MulOp->getParentRegion(), &F->getBody());
  EXPECT_EQ(MulOp->getParentOp(), nullptr);
  EXPECT_EQ(MulOp->getLoc().Line, 4u);
  EXPECT_EQ(MulOp->getLoc().Col, 2u);
  EXPECT_EQ(Y->getType(), Type::f64());
  EXPECT_EQ(Y->getIndex(), 0u);
  EXPECT_EQ(Y->getArgOwner(), nullptr);
  EXPECT_EQ(Lt->getType(), Type::i1());
  EXPECT_EQ(Lt->getDefiningOp()->getPredicate(), CmpPred::LT);
  EXPECT_EQ(Two->getDefiningOp()->getFloatAttr(), 2.0);
  EXPECT_EQ(F->getBody().size(), 6u);
  ASSERT_NE(F->getBody().getTerminator(), nullptr);
  EXPECT_EQ(F->getBody().getTerminator()->getKind(), OpKind::Return);
}

TEST(BuilderTest, ConstantsAndCasts) {
  Function F("f", {Type::i32()}, {});
  Builder B(F.getBody());
  Value *I = B.constant(Type::i64(), -7.9);
  EXPECT_EQ(I->getDefiningOp()->getIntAttr(), -7) << "truncates";
  Value *N = F.getParam(0);
  EXPECT_EQ(B.cast(N, Type::i32()), N) << "no-op cast is elided";
  Value *D = B.cast(N, Type::f64());
  EXPECT_NE(D, N);
  EXPECT_EQ(D->getType(), Type::f64());
  EXPECT_EQ(D->getDefiningOp()->getKind(), OpKind::Cast);
}

TEST(BuilderTest, InsertionPoint) {
  Function F("f", {Type::f64()}, {});
  Builder B(F.getBody());
  B.ret({});
  // Inserting before the terminator keeps consecutive inserts in order.
  B.setInsertionPoint(F.getBody(), 0);
  Value *A = B.neg(F.getParam(0));
  Value *C = B.neg(A);
  ASSERT_EQ(F.getBody().size(), 3u);
  EXPECT_EQ(F.getBody().getOps()[0]->getResult(), A);
  EXPECT_EQ(F.getBody().getOps()[1]->getResult(), C);
  EXPECT_EQ(F.getBody().getOps()[2]->getKind(), OpKind::Return);
  EXPECT_EQ(B.getInsertionRegion(), &F.getBody());
}

TEST(BuilderTest, StructuredOps) {
  Function F("f", {Type::f64(), Type::i32()}, {Type::f64()});
  Value *X = F.getParam(0), *N = F.getParam(1);
  Builder B(F.getBody());
  Value *Zero = B.constant(Type::i32(), 0);
  Value *One = B.constant(Type::i32(), 1);
  X->setName("x");

  Operation *For = B.createFor(Zero, N, One, {X});
  ASSERT_EQ(For->getNumRegions(), 1u);
  Region &Body = For->getRegion(0);
  ASSERT_EQ(Body.getNumArguments(), 2u);
  EXPECT_EQ(Body.getArgument(0)->getType(), Type::i32());
  EXPECT_EQ(Body.getArgument(1)->getType(), Type::f64());
  EXPECT_EQ(Body.getArgument(1)->getName(), "x") << "iter arg keeps the hint";
  EXPECT_EQ(Body.getParentOp(), For);
  EXPECT_EQ(Body.getParentFunction(), &F);
  ASSERT_EQ(For->getLoopInits().size(), 1u);
  EXPECT_EQ(For->getLoopInits()[0], X);
  EXPECT_EQ(For->getNumResults(), 1u);

  Builder Inner(Body);
  Value *Lt = Inner.cmp(CmpPred::LT, Body.getArgument(1), X);
  Operation *If = Inner.createIf(Lt, {Type::f64()});
  EXPECT_EQ(If->getParentOp(), For);
  EXPECT_EQ(If->getRegion(1).getParentOp(), If);
  EXPECT_EQ(If->getRegion(1).getParentFunction(), &F);
  Builder Then(If->getRegion(0));
  Value *Neg = Then.neg(Body.getArgument(1));
  Then.yield({Neg});
  EXPECT_EQ(Neg->getDefiningOp()->getParentOp(), If);
  EXPECT_EQ(Neg->getParentRegion(), &If->getRegion(0));
  Builder Else(If->getRegion(1));
  Else.yield({Body.getArgument(1)});
  Inner.yield({If->getResult()});

  B.setInsertionPointToEnd(F.getBody());
  Operation *While = B.createWhile({For->getResult()});
  ASSERT_EQ(While->getNumRegions(), 2u);
  EXPECT_EQ(While->getRegion(0).getNumArguments(), 1u);
  EXPECT_EQ(While->getRegion(1).getNumArguments(), 1u);
  EXPECT_EQ(While->getResult()->getType(), Type::f64());
  Builder Before(While->getRegion(0));
  Value *A = While->getRegion(0).getArgument(0);
  Operation *Cond = Before.condition(Before.cmp(CmpPred::GT, A, X), {A});
  EXPECT_EQ(Cond->getNumOperands(), 2u);
  Builder After(While->getRegion(1));
  After.yield({After.mul(While->getRegion(1).getArgument(0), X)});
  B.ret({While->getResult()});

  // walk visits outer before inner, in program order.
  std::vector<std::string> Seen;
  walk(F.getBody(),
       [&](const Operation *Op) { Seen.push_back(Op->getMnemonic().str()); });
  std::vector<std::string> Expected = {
      "constant", "constant",  "for",   "cmp",   "if",
      "neg",      "yield",     "yield", "yield", "while",
      "cmp",      "condition", "mul",   "yield", "return"};
  EXPECT_EQ(Seen, Expected);
}

TEST(BuilderTest, MemoryOps) {
  Function F(
      "f", {Type::ptr(Type::f64(), true), Type::ptr(Type::f32()), Type::i64()},
      {});
  Value *X = F.getParam(0), *Y = F.getParam(1), *N = F.getParam(2);
  Builder B(F.getBody());
  Value *A = B.localAlloc(Type::i32(), 16);
  EXPECT_EQ(A->getType(), Type::ptr(Type::i32()));
  EXPECT_EQ(A->getDefiningOp()->getKind(), OpKind::Alloca);
  EXPECT_EQ(A->getDefiningOp()->getIntAttr(), 16);
  EXPECT_EQ(A->getDefiningOp()->getNumOperands(), 0u);

  Value *P = B.offset(X, N);
  EXPECT_EQ(P->getType(), X->getType()) << "offset keeps constness";
  Value *V = B.load(P);
  EXPECT_EQ(V->getType(), Type::f64());
  Value *W = B.load(Y);
  EXPECT_EQ(W->getType(), Type::f32());
  Operation *St = B.store(W, Y);
  EXPECT_EQ(St->getKind(), OpKind::Store);
  EXPECT_EQ(St->getNumResults(), 0u);
  EXPECT_EQ(St->getOperand(0), W);
  EXPECT_EQ(St->getOperand(1), Y);

  Value *T = B.tapeAlloc(Type::f64(), N);
  EXPECT_EQ(T->getType(), Type::ptr(Type::f64()));
  EXPECT_EQ(T->getDefiningOp()->getOperand(0), N);
  Operation *Push = B.tapePush(3, V);
  EXPECT_EQ(Push->getIntAttr(), 3);
  EXPECT_EQ(Push->getNumResults(), 0u);
  Value *Pop = B.tapePop(3, Type::f64());
  EXPECT_EQ(Pop->getType(), Type::f64());
  EXPECT_EQ(Pop->getDefiningOp()->getIntAttr(), 3);
  EXPECT_EQ(Pop->getDefiningOp()->getNumOperands(), 0u);

  Operation *Fwd = B.createFor(N, N, N, {});
  Builder(Fwd->getRegion(0)).yield({});
  EXPECT_FALSE(Fwd->isReverseLoop());
  Operation *Rev = B.createFor(N, N, N, {V}, /*Reverse=*/true);
  Builder(Rev->getRegion(0)).yield({Rev->getRegion(0).getArgument(1)});
  EXPECT_TRUE(Rev->isReverseLoop());
  EXPECT_EQ(Rev->getIntAttr(), 1);
  Rev->setReverseLoop(false);
  EXPECT_FALSE(Rev->isReverseLoop());
  Rev->setReverseLoop(true);
  B.ret({});

  EXPECT_EQ(printToString(F),
            "func @f(%0: ptr<const f64>, %1: ptr<f32>, %2: i64) -> () {\n"
            "  %3 = alloca 16 : ptr<i32>\n"
            "  %4 = offset %0, %2 : ptr<const f64>\n"
            "  %5 = load %4 : f64\n"
            "  %6 = load %1 : f32\n"
            "  store %6, %1\n"
            "  %7 = tape_alloc %2 : ptr<f64>\n"
            "  tape_push 3, %5\n"
            "  %8 = tape_pop 3 : f64\n"
            "  for %9 = %2 to %2 step %2 : i64 {\n"
            "    yield\n"
            "  }\n"
            "  %10 = for %11 = %2 to %2 step %2 : i64 reverse iter_args(%12 = "
            "%5) -> (f64) {\n"
            "    yield %12\n"
            "  }\n"
            "  return\n"
            "}\n");
  EXPECT_FALSE(verify(F)) << "built IR verifies";
}

TEST(RegionTest, EraseAndTake) {
  Function F("f", {Type::f64()}, {});
  Builder B(F.getBody());
  Value *A = B.neg(F.getParam(0));
  B.neg(F.getParam(0));
  B.ret({});
  std::unique_ptr<Operation> Taken = F.getBody().take(0);
  EXPECT_EQ(Taken->getResult(), A);
  EXPECT_EQ(Taken->getParentRegion(), nullptr);
  EXPECT_EQ(F.getBody().size(), 2u);
  F.getBody().erase(0);
  EXPECT_EQ(F.getBody().size(), 1u);
  Operation *Back = F.getBody().insert(0, std::move(Taken));
  EXPECT_EQ(Back->getParentRegion(), &F.getBody());
  EXPECT_EQ(F.getBody().getOps().front().get(), Back);
}

TEST(RegionTest, TerminatorAndArguments) {
  Region R;
  EXPECT_TRUE(R.empty());
  EXPECT_EQ(R.getTerminator(), nullptr);
  Value *A = R.addArgument(Type::i64(), "k");
  EXPECT_EQ(A->getName(), "k");
  EXPECT_EQ(A->getIndex(), 0u);
  EXPECT_EQ(R.getArguments().size(), 1u);
  EXPECT_EQ(R.getParentFunction(), nullptr);
  Builder B(R);
  B.neg(A);
  EXPECT_EQ(R.getTerminator(), nullptr) << "last op is not a terminator";
  B.yield({});
  EXPECT_NE(R.getTerminator(), nullptr);
}

//===----------------------------------------------------------------------===//
// Printer helpers
//===----------------------------------------------------------------------===//

uint64_t bits(double V) { return llvm::bit_cast<uint64_t>(V); }

/// formatFloat's contract: reads back to the same bits, and always looks
/// like a float (has '.' or an exponent) unless it is inf or nan.
void expectRoundTrips(double V) {
  std::string S = formatFloat(V);
  SCOPED_TRACE(S);
  if (std::isnan(V)) {
    EXPECT_EQ(S, "nan");
    return;
  }
  if (!std::isinf(V)) {
    EXPECT_NE(S.find_first_of(".eE"), std::string::npos);
  }
  EXPECT_EQ(bits(std::strtod(S.c_str(), nullptr)), bits(V));
}

TEST(FormatFloatTest, Shortest) {
  EXPECT_EQ(formatFloat(0.1), "0.1");
  EXPECT_EQ(formatFloat(2.0), "2.0");
  EXPECT_EQ(formatFloat(0.0), "0.0");
  EXPECT_EQ(formatFloat(-0.0), "-0.0");
  EXPECT_EQ(formatFloat(1.5), "1.5");
  EXPECT_EQ(formatFloat(1e300), "1e+300");
  EXPECT_EQ(formatFloat(-2.5e-8), "-2.5e-08");
  EXPECT_EQ(formatFloat(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(formatFloat(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(formatFloat(std::nan("")), "nan");
  EXPECT_EQ(formatFloat(std::numeric_limits<double>::denorm_min()), "5e-324");
}

TEST(FormatFloatTest, RoundTrips) {
  for (double V : {0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, M_PI, 0.0, -0.0, 1.0})
    expectRoundTrips(V);
  for (double V : {-1.0, 100.0, 123456789.0, 1e16, 1e17, 9007199254740993.0})
    expectRoundTrips(V);
  for (double V : {1e300, -1e300, DBL_MAX, -DBL_MAX, 1e-300, DBL_MIN})
    expectRoundTrips(V);
  // Denormals: the smallest, a small multiple, and the largest.
  for (double V : {4.9406564584124654e-324, 4.9406564584124654e-322,
                   2.2250738585072009e-308})
    expectRoundTrips(V);
  expectRoundTrips(std::numeric_limits<double>::infinity());
  expectRoundTrips(-std::numeric_limits<double>::infinity());
  expectRoundTrips(std::nan(""));
  EXPECT_TRUE(std::signbit(std::strtod(formatFloat(-0.0).c_str(), nullptr)));
}

TEST(FormatFloatTest, RandomBitPatterns) {
  std::mt19937_64 Rng(12345);
  for (int I = 0; I != 20000; ++I)
    expectRoundTrips(llvm::bit_cast<double>(Rng()));
}

TEST(FormatSymbolTest, PlainAndQuoted) {
  EXPECT_EQ(formatSymbol("f"), "@f");
  EXPECT_EQ(formatSymbol("ns::f.1"), "@ns::f.1");
  EXPECT_EQ(formatSymbol("_x9"), "@_x9");
  EXPECT_EQ(formatSymbol("f<double>"), "@\"f<double>\"");
  EXPECT_EQ(formatSymbol("9lives"), "@\"9lives\"");
  EXPECT_EQ(formatSymbol(""), "@\"\"");
  EXPECT_EQ(formatSymbol("a\"b\\c"), "@\"a\\\"b\\\\c\"");
  EXPECT_EQ(formatSymbol("operator()"), "@\"operator()\"");
}

TEST(PrinterTest, NamesAreMadeUnique) {
  Function F("f", {Type::f64(), Type::f64()}, {Type::f64()});
  F.getParam(0)->setName("x");
  F.getParam(1)->setName("x");
  Builder B(F.getBody());
  Value *A = B.add(F.getParam(0), F.getParam(1));
  Value *C = B.mul(A, A);
  C->setName("12"); // Digits only: no name.
  Value *D = B.sub(C, A);
  D->setName("x");
  B.ret({D});
  EXPECT_EQ(printToString(F), "func @f(%x: f64, %x.1: f64) -> (f64) {\n"
                              "  %0 = add %x, %x.1 : f64\n"
                              "  %1 = mul %0, %0 : f64\n"
                              "  %x.2 = sub %1, %0 : f64\n"
                              "  return %x.2\n"
                              "}\n");
}

TEST(PrinterTest, Locations) {
  Function F("g", {}, {});
  Builder B(F.getBody());
  B.setLoc({12, 3});
  B.ret({});
  std::string WithLocs;
  llvm::raw_string_ostream OS(WithLocs);
  PrintOptions Opts;
  Opts.PrintLocations = true;
  print(F, OS, Opts);
  EXPECT_EQ(WithLocs, "func @g() -> () {\n  return loc(12:3)\n}\n");
  EXPECT_EQ(printToString(F), "func @g() -> () {\n  return\n}\n");
}

//===----------------------------------------------------------------------===//
// Interpreter
//===----------------------------------------------------------------------===//

/// Parses and verifies Text; null (after a test failure) if either fails.
std::unique_ptr<Module> parseVerified(llvm::StringRef Text) {
  auto M = parseModule(Text);
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return nullptr;
  }
  if (llvm::Error E = verify(**M)) {
    ADD_FAILURE() << llvm::toString(std::move(E));
    return nullptr;
  }
  return std::move(*M);
}

/// Runs F, which must succeed, and returns its results.
std::vector<double> run(const Module &M, llvm::StringRef F,
                        llvm::ArrayRef<InterpArg> Args) {
  auto R = interpret(M, F, Args);
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  return *R;
}

/// Runs F, which must fail, and returns the message.
std::string runError(const Module &M, llvm::StringRef F,
                     llvm::ArrayRef<InterpArg> Args) {
  auto R = interpret(M, F, Args);
  if (R) {
    ADD_FAILURE() << "ran without error";
    return "";
  }
  return llvm::toString(R.takeError());
}

InterpArg buf(std::vector<double> &B) { return InterpArg::buffer(B); }
InterpArg num(double V) { return InterpArg::scalar(V); }

TEST(InterpreterTest, ScalarFunctionsStillWork) {
  auto M = parseVerified(R"(func @f(%x: f64, %n: i32) -> (f64, i32) {
  %c = constant 3 : i32
  %q = div %n, %c : i32
  %y = mul %x, %x : f64
  return %y, %q
}
)");
  ASSERT_TRUE(M);
  auto R = interpret(*M, "f", std::vector<double>{1.5, 7});
  ASSERT_TRUE(!!R) << llvm::toString(R.takeError());
  EXPECT_EQ(*R, (std::vector<double>{2.25, 2}));
  EXPECT_EQ(run(*M, "f", {num(2), num(-7)}), (std::vector<double>{4, -2}));
}

TEST(InterpreterTest, SumIntoFirstElement) {
  auto M = parseVerified(
      R"(func @sum(%x: ptr<const f64>, %y: ptr<f64>, %n: i32) -> () {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %z = constant 0.0 : f64
  %s = for %i = %zero to %n step %one : i32 iter_args(%acc = %z) -> (f64) {
    %p = offset %x, %i : ptr<const f64>
    %v = load %p : f64
    %t = add %acc, %v : f64
    yield %t
  }
  store %s, %y
  return
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {1.5, 2, -4, 8}, Y = {0, 42};
  EXPECT_TRUE(run(*M, "sum", {buf(X), buf(Y), num(4)}).empty());
  EXPECT_EQ(Y, (std::vector<double>{7.5, 42})) << "only y[0] is written";
  EXPECT_EQ(X, (std::vector<double>{1.5, 2, -4, 8})) << "x is unchanged";
  run(*M, "sum", {buf(X), buf(Y), num(2)});
  EXPECT_EQ(Y[0], 3.5);
}

TEST(InterpreterTest, InPlaceUpdate) {
  // x[i] = 2 * x[i] + i, with an i64 index.
  auto M = parseVerified(R"(func @scale(%x: ptr<f64>, %n: i64) -> () {
  %zero = constant 0 : i64
  %one = constant 1 : i64
  %two = constant 2.0 : f64
  for %i = %zero to %n step %one : i64 {
    %p = offset %x, %i : ptr<f64>
    %v = load %p : f64
    %d = mul %v, %two : f64
    %fi = cast %i : i64 to f64
    %w = add %d, %fi : f64
    store %w, %p
    yield
  }
  return
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {1, 2, 3};
  run(*M, "scale", {buf(X), num(3)});
  EXPECT_EQ(X, (std::vector<double>{2, 5, 8}));
  // The same buffer may be passed again; the update compounds.
  run(*M, "scale", {buf(X), num(3)});
  EXPECT_EQ(X, (std::vector<double>{4, 11, 18}));
}

TEST(InterpreterTest, TapePushPop) {
  // Pushes x[0..n) on tape 0 and their squares on tape 1, then pops tape 1
  // into y in pop order and returns the last value popped off tape 0.
  auto M = parseVerified(
      R"(func @tape(%x: ptr<const f64>, %y: ptr<f64>, %n: i32) -> (f64) {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  for %i = %zero to %n step %one : i32 {
    %p = offset %x, %i : ptr<const f64>
    %v = load %p : f64
    tape_push 0, %v
    %sq = mul %v, %v : f64
    tape_push 1, %sq
    yield
  }
  for %j = %zero to %n step %one : i32 {
    %w = tape_pop 1 : f64
    %q = offset %y, %j : ptr<f64>
    store %w, %q
    yield
  }
  %a = tape_pop 0 : f64
  %b = tape_pop 0 : f64
  %r = sub %a, %b : f64
  return %r
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {1, 2, 3, 5}, Y(4);
  std::vector<double> R = run(*M, "tape", {buf(X), buf(Y), num(4)});
  EXPECT_EQ(Y, (std::vector<double>{25, 9, 4, 1})) << "last in, first out";
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0], 5 - 3) << "tape 0 is separate from tape 1";

  // Popping more than was pushed is an error, not a crash.
  EXPECT_EQ(runError(*M, "tape", {buf(X), buf(Y), num(1)}),
            "@tape: 'tape_pop' from empty tape 0");
}

TEST(InterpreterTest, TapesBelongToTheCall) {
  auto M = parseVerified(R"(func @outer(%x: f64) -> (f64, f64) {
  tape_push 0, %x
  %c = constant 10.0 : f64
  %y = call @inner(%c) : (f64)
  %z = tape_pop 0 : f64
  return %y, %z
}

func @inner(%x: f64) -> (f64) {
  tape_push 0, %x
  %v = tape_pop 0 : f64
  return %v
}
)");
  ASSERT_TRUE(M);
  EXPECT_EQ(run(*M, "outer", {num(3)}), (std::vector<double>{10, 3}));
}

/// A function that records the induction values of a loop over
/// [lb, ub) by step s into out[0..], and returns how many there were.
std::unique_ptr<Module> loopRecorder(bool Reverse) {
  std::string Dir = Reverse ? " reverse" : "";
  return parseVerified(
      "func @rec(%lb: i32, %ub: i32, %s: i32, %out: ptr<f64>) -> (i32) {\n"
      "  %zero = constant 0 : i32\n"
      "  %one = constant 1 : i32\n"
      "  %k = for %i = %lb to %ub step %s : i32" +
      Dir +
      " iter_args(%n = %zero) -> (i32) {\n"
      "    %p = offset %out, %n : ptr<f64>\n"
      "    %v = cast %i : i32 to f64\n"
      "    store %v, %p\n"
      "    %m = add %n, %one : i32\n"
      "    yield %m\n"
      "  }\n"
      "  return %k\n"
      "}\n");
}

std::vector<double> visited(const Module &M, int Lb, int Ub, int Step) {
  std::vector<double> Out(64, 0);
  std::vector<double> R =
      run(M, "rec", {num(Lb), num(Ub), num(Step), buf(Out)});
  if (R.size() != 1)
    return {};
  Out.resize(static_cast<size_t>(R[0]));
  return Out;
}

TEST(InterpreterTest, ReverseLoop) {
  auto Fwd = loopRecorder(false), Rev = loopRecorder(true);
  ASSERT_TRUE(Fwd && Rev);
  // Step 2 with odd bounds: the last value is lb + ((ub - lb - 1) / s) * s.
  EXPECT_EQ(visited(*Rev, 1, 8, 2), (std::vector<double>{7, 5, 3, 1}));
  EXPECT_EQ(visited(*Fwd, 1, 8, 2), (std::vector<double>{1, 3, 5, 7}));
  EXPECT_EQ(visited(*Rev, 1, 9, 2), (std::vector<double>{7, 5, 3, 1}));
  EXPECT_EQ(visited(*Rev, -3, 4, 3), (std::vector<double>{3, 0, -3}));
  EXPECT_EQ(visited(*Rev, 0, 1, 5), (std::vector<double>{0}));
  EXPECT_EQ(visited(*Rev, 5, 5, 1), (std::vector<double>{}));
  EXPECT_EQ(visited(*Rev, 6, 5, 1), (std::vector<double>{}));
  // Always the forward values, reversed.
  for (int Lb = -4; Lb <= 4; ++Lb)
    for (int Ub = -4; Ub <= 12; ++Ub)
      for (int Step = 1; Step <= 5; ++Step) {
        SCOPED_TRACE(std::to_string(Lb) + " " + std::to_string(Ub) + " " +
                     std::to_string(Step));
        std::vector<double> F = visited(*Fwd, Lb, Ub, Step);
        std::reverse(F.begin(), F.end());
        EXPECT_EQ(visited(*Rev, Lb, Ub, Step), F);
      }
}

TEST(InterpreterTest, LoopStepMustBePositive) {
  auto Rev = loopRecorder(true);
  ASSERT_TRUE(Rev);
  std::vector<double> Out(4);
  EXPECT_EQ(runError(*Rev, "rec", {num(0), num(3), num(0), buf(Out)}),
            "@rec: 'for' step must be positive, not 0");
  EXPECT_EQ(runError(*Rev, "rec", {num(0), num(3), num(-1), buf(Out)}),
            "@rec: 'for' step must be positive, not -1");
  // A loop that does not run does not look at its step.
  EXPECT_EQ(visited(*Rev, 3, 3, 0), (std::vector<double>{}));
}

TEST(InterpreterTest, ReverseLoopCarriesValues) {
  // Horner's rule from the top coefficient down: sum c[i] * x^i.
  auto M = parseVerified(
      R"(func @horner(%c: ptr<const f64>, %n: i32, %x: f64) -> (f64) {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %z = constant 0.0 : f64
  %r = for %i = %zero to %n step %one : i32 reverse iter_args(%acc = %z) -> (f64) {
    %p = offset %c, %i : ptr<const f64>
    %ci = load %p : f64
    %m = mul %acc, %x : f64
    %a = add %m, %ci : f64
    yield %a
  }
  return %r
}
)");
  ASSERT_TRUE(M);
  std::vector<double> C = {1, 2, 3}; // 1 + 2x + 3x^2
  EXPECT_EQ(run(*M, "horner", {buf(C), num(3), num(2)}),
            (std::vector<double>{17}));
}

TEST(InterpreterTest, LocalBuffers) {
  // An alloca is zeroed each time it executes; one in a loop body is a new
  // buffer per iteration. A tape_alloc has a run-time size.
  auto M = parseVerified(R"(func @f(%n: i32) -> (f64, f64, f64) {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %z = constant 0.0 : f64
  %c = constant 1.0 : f64
  %a = alloca 2 : ptr<f64>
  %a1 = offset %a, %one : ptr<f64>
  %init = load %a1 : f64
  %s = for %i = %zero to %n step %one : i32 iter_args(%acc = %z) -> (f64) {
    %b = alloca 1 : ptr<f64>
    %old = load %b : f64
    store %c, %b
    %t = add %acc, %old : f64
    yield %t
  }
  %t = tape_alloc %n : ptr<f64>
  %last.i = sub %n, %one : i32
  %last = offset %t, %last.i : ptr<f64>
  store %c, %last
  %back = load %last : f64
  return %init, %s, %back
}
)");
  ASSERT_TRUE(M);
  EXPECT_EQ(run(*M, "f", {num(3)}), (std::vector<double>{0, 0, 1}));
  EXPECT_EQ(runError(*M, "f", {num(0)}),
            "@f: 'store' out of bounds: element -1 of a buffer of 0 elements");

  // Sizes the interpreter cannot or will not allocate are errors.
  auto Big = parseVerified(R"(func @big(%n: i64) -> () {
  %t = tape_alloc %n : ptr<f64>
  return
}
)");
  ASSERT_TRUE(Big);
  EXPECT_EQ(runError(*Big, "big", {num(-1)}),
            "@big: 'tape_alloc' of -1 elements: the size must be between 0 "
            "and 134217728");
  EXPECT_EQ(runError(*Big, "big", {num(1 << 28)}),
            "@big: 'tape_alloc' of 268435456 elements: the size must be "
            "between 0 and 134217728");
}

TEST(InterpreterTest, OutOfBoundsIsAnError) {
  auto M = parseVerified(R"(func @get(%x: ptr<const f64>, %i: i64) -> (f64) {
  %p = offset %x, %i : ptr<const f64>
  %v = load %p : f64
  return %v
}

func @put(%x: ptr<i32>, %i: i32, %v: i32) -> () {
  %p = offset %x, %i : ptr<i32>
  store %v, %p
  return
}

func @local(%i: i32) -> (f32) {
  %a = alloca 4 : ptr<f32>
  %p = offset %a, %i : ptr<f32>
  %v = load %p : f32
  return %v
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {1, 2, 3};
  EXPECT_EQ(run(*M, "get", {buf(X), num(2)}), (std::vector<double>{3}));
  EXPECT_EQ(runError(*M, "get", {buf(X), num(3)}),
            "@get: 'load' out of bounds: element 3 of a buffer of 3 elements");
  EXPECT_EQ(runError(*M, "get", {buf(X), num(-1)}),
            "@get: 'load' out of bounds: element -1 of a buffer of 3 "
            "elements");
  std::vector<double> Empty;
  EXPECT_EQ(runError(*M, "get", {buf(Empty), num(0)}),
            "@get: 'load' out of bounds: element 0 of a buffer of 0 elements");
  EXPECT_EQ(runError(*M, "put", {buf(X), num(7), num(1)}),
            "@put: 'store' out of bounds: element 7 of a buffer of 3 "
            "elements");
  EXPECT_EQ(X, (std::vector<double>{1, 2, 3})) << "nothing was written";
  run(*M, "put", {buf(X), num(0), num(-5)});
  EXPECT_EQ(X[0], -5);
  EXPECT_EQ(run(*M, "local", {num(3)}), (std::vector<double>{0}));
  EXPECT_EQ(runError(*M, "local", {num(4)}),
            "@local: 'load' out of bounds: element 4 of a buffer of 4 "
            "elements");
}

TEST(InterpreterTest, ArgumentsMustMatchParameters) {
  auto M = parseVerified(R"(func @f(%x: ptr<f64>, %n: i32) -> () {
  return
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X(2);
  EXPECT_TRUE(run(*M, "f", {buf(X), num(1)}).empty());
  EXPECT_EQ(runError(*M, "f", {num(0), num(1)}),
            "@f: parameter #0 has type ptr<f64>, but the argument is a "
            "scalar");
  EXPECT_EQ(runError(*M, "f", {buf(X), buf(X)}),
            "@f: parameter #1 has type i32, but the argument is a buffer");
  EXPECT_EQ(runError(*M, "f", {buf(X)}), "@f: expects 2 arguments, got 1");
  // The scalar interface cannot supply buffers.
  auto R = interpret(*M, "f", std::vector<double>{0, 1});
  ASSERT_FALSE(R);
  EXPECT_EQ(llvm::toString(R.takeError()),
            "@f: parameter #0 has type ptr<f64>, but the argument is a "
            "scalar");
}

TEST(InterpreterTest, PointersThroughCallsAndControlFlow) {
  // The callee writes through a pointer into the caller's alloca (passed as
  // ptr<const T> to one parameter and ptr<T> to another); pointers are
  // chosen by select and carried through if and for.
  auto M = parseVerified(R"(func @caller(%c: i1, %x: ptr<f64>) -> (f64, f64) {
  %a = alloca 3 : ptr<f64>
  %two = constant 2.0 : f64
  store %two, %a
  %one = constant 1 : i64
  call @copy_next(%a, %a, %one) : ()
  %p = select %c, %a, %x : ptr<f64>
  %q = if %c -> (ptr<f64>) {
    %a1 = offset %a, %one : ptr<f64>
    yield %a1
  } else {
    yield %x
  }
  %zero = constant 0 : i64
  %end = for %i = %zero to %one step %one : i64 iter_args(%r = %q) -> (ptr<f64>) {
    %r1 = offset %r, %one : ptr<f64>
    yield %r1
  }
  %v = load %p : f64
  %w = load %end : f64
  return %v, %w
}

func @copy_next(%from: ptr<const f64>, %to: ptr<f64>, %k: i64) -> () {
  %v = load %from : f64
  %t = offset %to, %k : ptr<f64>
  store %v, %t
  %k2 = add %k, %k : i64
  %t2 = offset %to, %k2 : ptr<f64>
  store %v, %t2
  return
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {7, 8, 9};
  EXPECT_EQ(run(*M, "caller", {num(1), buf(X)}), (std::vector<double>{2, 2}));
  EXPECT_EQ(run(*M, "caller", {num(0), buf(X)}), (std::vector<double>{7, 8}));
}

TEST(InterpreterTest, LoadsRoundToTheElementType) {
  auto M = parseVerified(
      R"(func @f(%x: ptr<const f32>, %n: ptr<const i32>, %b: ptr<const i1>) -> (f32, i32, i1) {
  %v = load %x : f32
  %m = load %n : i32
  %c = load %b : i1
  return %v, %m, %c
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {0.1}, N = {-2.7}, B = {5};
  std::vector<double> R = run(*M, "f", {buf(X), buf(N), buf(B)});
  ASSERT_EQ(R.size(), 3u);
  EXPECT_EQ(R[0], static_cast<double>(0.1f));
  EXPECT_EQ(R[1], -2);
  EXPECT_EQ(R[2], 1);
}

TEST(InterpreterTest, DocumentationExample) {
  auto M = parseVerified(
      R"(func @sum_squares(%x: ptr<const f64>, %y: ptr<f64>, %n: i32) -> () {
  %zero = constant 0 : i32
  %one = constant 1 : i32
  %acc = alloca 1 : ptr<f64>
  for %i = %zero to %n step %one : i32 {
    %p = offset %x, %i : ptr<const f64>
    %v = load %p : f64
    tape_push 0, %v
    %a = load %acc : f64
    %sq = mul %v, %v : f64
    %t = add %a, %sq : f64
    store %t, %acc
    yield
  }
  %s = load %acc : f64
  store %s, %y
  %buf = tape_alloc %n : ptr<f64>
  for %j = %zero to %n step %one : i32 reverse {
    %w = tape_pop 0 : f64
    %q = offset %buf, %j : ptr<f64>
    store %w, %q
    yield
  }
  return
}
)");
  ASSERT_TRUE(M);
  std::vector<double> X = {1, 2, 3}, Y = {0};
  run(*M, "sum_squares", {buf(X), buf(Y), num(3)});
  EXPECT_EQ(Y[0], 14);
}

} // namespace

TEST(RegionTest, NestingAndPositions) {
  auto M = parseModule(R"(
func @f(%x: f64, %n: i32) -> (f64) {
  %z = constant 0 : i32
  %o = constant 1 : i32
  %s = for %i = %z to %n step %o : i32 iter_args(%a = %x) -> (f64) {
    %c = cmp gt %a, %x : f64
    %r = if %c -> (f64) {
      yield %a
    } else {
      yield %x
    }
    yield %r
  }
  return %s
}
)");
  ASSERT_TRUE(static_cast<bool>(M)) << toString(M.takeError());
  const Region &Body = (*M)->lookup("f")->getBody();
  const Operation &Loop = *Body.getOps()[2];
  const Region &LoopBody = Loop.getRegion(0);
  const Operation &If = *LoopBody.getOps()[1];
  const Region &Then = If.getRegion(0);
  EXPECT_EQ(Body.indexOf(&Loop), 2u);
  EXPECT_EQ(LoopBody.indexOf(&If), 1u);
  EXPECT_TRUE(Then.isNestedIn(Body));
  EXPECT_TRUE(Then.isNestedIn(LoopBody));
  EXPECT_TRUE(Then.isNestedIn(Then));
  EXPECT_FALSE(Body.isNestedIn(LoopBody));
  EXPECT_FALSE(Then.isNestedIn(If.getRegion(1)));
  EXPECT_TRUE(Then.isInside(Loop));
  EXPECT_TRUE(Then.isInside(If));
  EXPECT_FALSE(LoopBody.isInside(If));
  EXPECT_FALSE(Body.isInside(Loop));

  // %a is used in the loop body and the then-branch; replacing it there
  // leaves no use.
  Value *A = LoopBody.getArgument(1);
  Value *X = (*M)->lookup("f")->getParam(0);
  EXPECT_TRUE(isUsedIn(Then, A));
  EXPECT_FALSE(isUsedIn(If.getRegion(1), A));
  replaceUsesIn(LoopBody, A, X);
  EXPECT_FALSE(isUsedIn(Body, A));
  EXPECT_TRUE(isUsedIn(Then, X));
}
