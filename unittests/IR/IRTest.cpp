//===- IRTest.cpp - Tests for the ddx IR core classes ---------------------===//
#include "ddx/IR/IR.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/Printer.h"
#include "llvm/ADT/bit.h"
#include "gtest/gtest.h"
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

} // namespace
