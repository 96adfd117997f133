//===- Parser.cpp - Reading the textual form of ddx IR --------------------===//
//
// A recursive-descent parser (tokens from Lexer.h) for the grammar in
// docs/IR.md, i.e. what Printer.cpp writes. The parser checks syntax and
// scoping only (values defined before use and visible by nesting); type rules
// are the verifier's. The one exception: a type annotation that restates the
// type of an operand (`cmp ... : T`, `cast %a : T to ...`, the `for` bound
// type, the types of carried values) must agree with that operand, because
// the printer derives it from the operand and a mismatch would be lost.
//
// Names are scoped per region as in docs/IR.md; a nested region may not
// shadow a visible name (the printer never writes one), but sibling regions
// may reuse names.
//
//===----------------------------------------------------------------------===//
#include "ddx/IR/Parser.h"
#include "Lexer.h"
#include "ddx/IR/Printer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace ddx::ir;
using namespace ddx::ir::lexer;
using llvm::Error;
using llvm::StringRef;
using llvm::Twine;

namespace {

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

std::string plural(size_t N, StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

/// Regions nest by recursion; bound the depth so hostile input cannot
/// overflow the stack.
constexpr unsigned MaxRegionDepth = 256;

class Parser {
public:
  Parser(StringRef Text, StringRef BufferName)
      : Lex(Text), BufferName(BufferName) {
    consume();
  }

  Error parseModule(Module &M);

private:
  /// Value-name tokens, e.g. those a region header introduces.
  using NameList = llvm::SmallVector<Token, 4>;
  using ValueList = llvm::SmallVector<Value *, 4>;
  using TypeList = llvm::SmallVector<Type, 4>;

  void consume() { Tok = Lex.next(); }

  Error error(const Token &At, const Twine &Msg) const {
    // A malformed token explains itself better than "expected X" would.
    std::string Text = At.is(TokKind::Error) ? At.Str : Msg.str();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Twine(BufferName) + ":" + Twine(At.Line) +
                                       ":" + Twine(At.Col) +
                                       ": error: " + Text);
  }
  Error error(const Twine &Msg) const { return error(Tok, Msg); }

  /// Consumes a token of kind K or fails with "expected <Spelling> <Where>".
  Error expect(TokKind K, StringRef Spelling, StringRef Where) {
    if (!Tok.is(K))
      return error("expected " + Spelling + " " + Where);
    consume();
    return Error::success();
  }
  Error expectKeyword(StringRef K, StringRef Where) {
    if (!Tok.isKeyword(K))
      return error("expected '" + K + "' " + Where);
    consume();
    return Error::success();
  }

  // Names and scopes.
  Value *lookup(StringRef Name) const;
  Error define(const Token &NameTok, Value *V);
  Error resolve(const Token &NameTok, Value *&V) const;
  Error parseValue(Value *&V, StringRef What);
  Error parseValueList(ValueList &Vs);
  Error checkAnnotation(Value *V, Type Annotated, const Token &At) const;

  // Pieces.
  Error parseType(Type &T);
  Error parseTypeList(TypeList &Ts);
  Error parseLoc(Operation &Op);
  Error parseFunction(Module &M);
  Error parseRegion(Region &R, llvm::ArrayRef<Token> ArgNames);
  Error parseOp(Region &R);
  bool valueListStartsNextOp() const;
  Error parseCarried(StringRef What, NameList &Names, ValueList &Inits,
                     TypeList &Types);

  // Operation bodies, after the mnemonic; they set Op on success.
  using OpPtr = std::unique_ptr<Operation>;
  Error parseOpBody(OpKind K, OpPtr &Op);
  Error parseConstant(OpPtr &Op);
  Error parseTyped(OpKind K, OpPtr &Op);
  Error parseCmp(OpPtr &Op);
  Error parseCast(OpPtr &Op);
  Error parseCall(OpPtr &Op);
  Error parseIf(OpPtr &Op);
  Error parseFor(OpPtr &Op);
  Error parseWhile(OpPtr &Op);
  Error parseTerminator(OpKind K, OpPtr &Op);
  Error parseAlloca(OpPtr &Op);
  Error parseStore(OpPtr &Op);
  Error parseTapePush(OpPtr &Op);
  Error parseTapePop(OpPtr &Op);
  Error parseInteger(int64_t &V, StringRef What);

  Lexer Lex;
  Token Tok;
  StringRef BufferName;
  std::vector<llvm::StringMap<Value *>> Scopes;
  unsigned Depth = 0;
};

Value *Parser::lookup(StringRef Name) const {
  for (const auto &Scope : llvm::reverse(Scopes)) {
    auto It = Scope.find(Name);
    if (It != Scope.end())
      return It->second;
  }
  return nullptr;
}

Error Parser::define(const Token &NameTok, Value *V) {
  StringRef Name = NameTok.Text.drop_front();
  // No shadowing: the printer makes names unique within a function, so a
  // visible duplicate is a mistake. Sibling regions may reuse names.
  if (lookup(Name))
    return error(NameTok, "redefinition of value '" + NameTok.Text + "'");
  Scopes.back()[Name] = V;
  if (!llvm::all_of(Name, llvm::isDigit))
    V->setName(Name);
  return Error::success();
}

Error Parser::resolve(const Token &NameTok, Value *&V) const {
  V = lookup(NameTok.Text.drop_front());
  if (!V)
    return error(NameTok, "use of undefined value '" + NameTok.Text + "'");
  return Error::success();
}

Error Parser::parseValue(Value *&V, StringRef What) {
  if (!Tok.is(TokKind::ValueName))
    return error("expected " + What);
  if (Error E = resolve(Tok, V))
    return E;
  consume();
  return Error::success();
}

/// Zero or more comma-separated uses.
Error Parser::parseValueList(ValueList &Vs) {
  if (!Tok.is(TokKind::ValueName))
    return Error::success();
  while (true) {
    Value *V;
    if (Error E = parseValue(V, "value"))
      return E;
    Vs.push_back(V);
    if (!Tok.is(TokKind::Comma))
      return Error::success();
    consume();
    if (!Tok.is(TokKind::ValueName))
      return error("expected value after ','");
  }
}

Error Parser::checkAnnotation(Value *V, Type Annotated, const Token &At) const {
  if (V->getType() == Annotated)
    return Error::success();
  std::string Name =
      V->getName().empty() ? "operand" : "'%" + V->getName() + "'";
  return error(At, Twine(Name) + " has type " + V->getType().str() +
                       ", but the annotation says " + Annotated.str());
}

/// A scalar type, or `ptr<[const] scalar>`.
Error Parser::parseType(Type &T) {
  if (!Tok.is(TokKind::Ident))
    return error("expected type");
  if (!Tok.isKeyword("ptr")) {
    std::optional<Type> Parsed = Type::parse(Tok.Text);
    if (!Parsed)
      return error("unknown type '" + Tok.Text + "'");
    T = *Parsed;
    consume();
    return Error::success();
  }
  consume();
  if (Error E = expect(TokKind::Less, "'<'", "after 'ptr'"))
    return E;
  bool Const = Tok.isKeyword("const");
  if (Const)
    consume();
  if (!Tok.is(TokKind::Ident))
    return error("expected pointer element type");
  // Element types are scalars; not parsing them with parseType keeps
  // `ptr<ptr<...` from recursing.
  std::optional<Type> Elem = Type::parse(Tok.Text);
  if (Tok.isKeyword("ptr") || (Elem && !Elem->isScalar()))
    return error("pointer element type must be i1, i32, i64, f32 or f64, "
                 "not '" +
                 Tok.Text + "'");
  if (!Elem)
    return error("unknown type '" + Tok.Text + "'");
  consume();
  if (Error E = expect(TokKind::Greater, "'>'", "after pointer element type"))
    return E;
  T = Type::ptr(*Elem, Const);
  return Error::success();
}

/// `(` [type (`,` type)*] `)`
Error Parser::parseTypeList(TypeList &Ts) {
  if (Error E = expect(TokKind::LParen, "'('", "to begin a type list"))
    return E;
  if (Tok.is(TokKind::RParen)) {
    consume();
    return Error::success();
  }
  while (true) {
    Type T;
    if (Error E = parseType(T))
      return E;
    Ts.push_back(T);
    if (Tok.is(TokKind::RParen)) {
      consume();
      return Error::success();
    }
    if (Error E = expect(TokKind::Comma, "',' or ')'", "in type list"))
      return E;
  }
}

/// Optional `loc(<line>:<col>)`.
Error Parser::parseLoc(Operation &Op) {
  if (!Tok.isKeyword("loc"))
    return Error::success();
  consume();
  if (Error E = expect(TokKind::LParen, "'('", "after 'loc'"))
    return E;
  auto ParseUnsigned = [&](unsigned &N, StringRef What) -> Error {
    if (!Tok.is(TokKind::Number) || Tok.IsFloat || Tok.Text.getAsInteger(10, N))
      return error("expected " + What + " number in location");
    consume();
    return Error::success();
  };
  Location L;
  if (Error E = ParseUnsigned(L.Line, "line"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "between line and column"))
    return E;
  if (Error E = ParseUnsigned(L.Col, "column"))
    return E;
  if (Error E = expect(TokKind::RParen, "')'", "after location"))
    return E;
  Op.setLoc(L);
  return Error::success();
}

Error Parser::parseModule(Module &M) {
  while (!Tok.is(TokKind::Eof)) {
    if (!Tok.isKeyword("func"))
      return error("expected 'func'");
    if (Error E = parseFunction(M))
      return E;
  }
  return Error::success();
}

/// `func @name(%p: type, ...) -> (types) { ops }`
Error Parser::parseFunction(Module &M) {
  consume(); // 'func'
  if (!Tok.is(TokKind::Symbol))
    return error("expected function name after 'func'");
  Token NameTok = Tok;
  if (M.lookup(NameTok.Str))
    return error("redefinition of function " + formatSymbol(NameTok.Str));
  consume();

  if (Error E = expect(TokKind::LParen, "'('", "after function name"))
    return E;
  NameList ParamNames;
  TypeList ParamTypes;
  if (!Tok.is(TokKind::RParen)) {
    while (true) {
      if (!Tok.is(TokKind::ValueName))
        return error("expected parameter name");
      ParamNames.push_back(Tok);
      consume();
      Type T;
      if (Error E = expect(TokKind::Colon, "':'", "after parameter name"))
        return E;
      if (Error E = parseType(T))
        return E;
      ParamTypes.push_back(T);
      if (Tok.is(TokKind::RParen))
        break;
      if (Error E = expect(TokKind::Comma, "',' or ')'", "in parameter list"))
        return E;
    }
  }
  consume(); // ')'

  if (Error E = expect(TokKind::Arrow, "'->'", "after function parameters"))
    return E;
  TypeList Results;
  if (Error E = parseTypeList(Results))
    return E;

  auto F = std::make_unique<Function>(NameTok.Str, ParamTypes, Results);
  // The body region's arguments are the parameters, created by Function.
  Scopes.clear();
  Scopes.emplace_back();
  for (unsigned I = 0; I != ParamNames.size(); ++I)
    if (Error E = define(ParamNames[I], F->getParam(I)))
      return E;
  if (Error E = expect(TokKind::LBrace, "'{'", "to begin function body"))
    return E;
  while (!Tok.is(TokKind::RBrace))
    if (Error E = parseOp(F->getBody()))
      return E;
  consume(); // '}'
  Scopes.clear();
  M.addFunction(std::move(F));
  return Error::success();
}

/// `{ ops }` in a new scope holding the region arguments, whose types the
/// caller has set up.
Error Parser::parseRegion(Region &R, llvm::ArrayRef<Token> ArgNames) {
  if (Depth == MaxRegionDepth)
    return error("regions are nested too deeply");
  ++Depth;
  Scopes.emplace_back();
  for (unsigned I = 0; I != ArgNames.size(); ++I)
    if (Error E = define(ArgNames[I], R.getArgument(I)))
      return E;
  if (Error E = expect(TokKind::LBrace, "'{'", "to begin region"))
    return E;
  while (!Tok.is(TokKind::RBrace))
    if (Error E = parseOp(R))
      return E;
  consume(); // '}'
  Scopes.pop_back();
  --Depth;
  return Error::success();
}

Error Parser::parseOp(Region &R) {
  if (Tok.is(TokKind::Eof))
    return error("unexpected end of input; expected '}'");

  NameList ResultNames;
  if (Tok.is(TokKind::ValueName)) {
    while (true) {
      ResultNames.push_back(Tok);
      consume();
      if (!Tok.is(TokKind::Comma))
        break;
      consume();
      if (!Tok.is(TokKind::ValueName))
        return error("expected result name after ','");
    }
    if (Error E = expect(TokKind::Equal, "'='", "after result names"))
      return E;
  }

  if (!Tok.is(TokKind::Ident))
    return error("expected operation name");
  Token OpTok = Tok;
  std::optional<OpKind> Kind = parseMnemonic(Tok.Text);
  if (!Kind)
    return error("unknown operation '" + Tok.Text + "'");
  consume();

  OpPtr Op;
  if (Error E = parseOpBody(*Kind, Op))
    return E;
  if (Error E = parseLoc(*Op))
    return E;

  unsigned NumResults = Op->getNumResults();
  if (ResultNames.size() != NumResults)
    return error(ResultNames.empty() ? OpTok : ResultNames.front(),
                 "'" + OpTok.Text + "' produces " +
                     plural(NumResults, "result") + ", but " +
                     plural(ResultNames.size(), "name") + " given");
  for (unsigned I = 0; I != NumResults; ++I)
    if (Error E = define(ResultNames[I], Op->getResult(I)))
      return E;
  R.push_back(std::move(Op));
  return Error::success();
}

Error Parser::parseOpBody(OpKind K, OpPtr &Op) {
  switch (K) {
  case OpKind::Constant:
    return parseConstant(Op);
  case OpKind::Cmp:
    return parseCmp(Op);
  case OpKind::Cast:
    return parseCast(Op);
  case OpKind::Call:
    return parseCall(Op);
  case OpKind::If:
    return parseIf(Op);
  case OpKind::For:
    return parseFor(Op);
  case OpKind::While:
    return parseWhile(Op);
  case OpKind::Yield:
  case OpKind::Condition:
  case OpKind::Return:
    return parseTerminator(K, Op);
  case OpKind::Alloca:
    return parseAlloca(Op);
  case OpKind::Store:
    return parseStore(Op);
  case OpKind::TapePush:
    return parseTapePush(Op);
  case OpKind::TapePop:
    return parseTapePop(Op);
  default: // Arithmetic, math, select, offset, load and tape_alloc.
    return parseTyped(K, Op);
  }
}

/// `constant <literal> : <type>`
Error Parser::parseConstant(OpPtr &Op) {
  Token Lit = Tok;
  bool IsSpecial =
      Tok.isKeyword("inf") || Tok.isKeyword("-inf") || Tok.isKeyword("nan");
  if (!Tok.is(TokKind::Number) && !IsSpecial)
    return error("expected literal after 'constant'");
  consume();
  if (Error E = expect(TokKind::Colon, "':'", "after constant value"))
    return E;
  Type T;
  if (Error E = parseType(T))
    return E;

  Op = Operation::create(OpKind::Constant, {}, {T});
  if (T.isFloat()) {
    double V;
    if (Lit.Text == "inf")
      V = std::numeric_limits<double>::infinity();
    else if (Lit.Text == "-inf")
      V = -std::numeric_limits<double>::infinity();
    else if (Lit.Text == "nan")
      V = std::numeric_limits<double>::quiet_NaN();
    else {
      V = std::strtod(Lit.Text.str().c_str(), nullptr);
      if (std::isinf(V))
        return error(Lit, "floating-point literal '" + Lit.Text +
                              "' is out of range");
    }
    Op->setFloatAttr(V);
    return Error::success();
  }
  int64_t V;
  if (!Lit.is(TokKind::Number) || Lit.IsFloat)
    return error(Lit, "expected an integer literal for type " + T.str());
  if (Lit.Text.getAsInteger(10, V))
    return error(Lit, "integer literal '" + Lit.Text + "' is out of range");
  Op->setIntAttr(V);
  return Error::success();
}

/// Arithmetic, math, select, offset, load and tape_alloc:
/// `<op> %a[, %b...] : <result type>`. The operand count and types are the
/// verifier's business.
Error Parser::parseTyped(OpKind K, OpPtr &Op) {
  ValueList Operands;
  if (Error E = parseValueList(Operands))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after operands"))
    return E;
  Type T;
  if (Error E = parseType(T))
    return E;
  Op = Operation::create(K, Operands, {T});
  return Error::success();
}

/// `cmp <pred> %a, %b : <operand type>`
Error Parser::parseCmp(OpPtr &Op) {
  if (!Tok.is(TokKind::Ident))
    return error("expected comparison predicate after 'cmp'");
  std::optional<CmpPred> Pred = parseCmpPred(Tok.Text);
  if (!Pred)
    return error("unknown comparison predicate '" + Tok.Text + "'");
  consume();
  ValueList Operands;
  if (Error E = parseValueList(Operands))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after operands"))
    return E;
  Token TypeTok = Tok;
  Type T;
  if (Error E = parseType(T))
    return E;
  if (!Operands.empty())
    if (Error E = checkAnnotation(Operands[0], T, TypeTok))
      return E;
  Op = Operation::create(OpKind::Cmp, Operands, {Type::i1()});
  Op->setPredicate(*Pred);
  return Error::success();
}

/// `cast %a : <from> to <to>`
Error Parser::parseCast(OpPtr &Op) {
  Value *V;
  if (Error E = parseValue(V, "value after 'cast'"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after operand"))
    return E;
  Token FromTok = Tok;
  Type From, To;
  if (Error E = parseType(From))
    return E;
  if (Error E = checkAnnotation(V, From, FromTok))
    return E;
  if (Error E = expectKeyword("to", "after source type"))
    return E;
  if (Error E = parseType(To))
    return E;
  Op = Operation::create(OpKind::Cast, {V}, {To});
  return Error::success();
}

/// `call @callee(%args...) : (<result types>)`
Error Parser::parseCall(OpPtr &Op) {
  if (!Tok.is(TokKind::Symbol))
    return error("expected callee after 'call'");
  std::string Callee = Tok.Str;
  consume();
  if (Error E = expect(TokKind::LParen, "'('", "after callee"))
    return E;
  ValueList Args;
  if (Error E = parseValueList(Args))
    return E;
  if (Error E = expect(TokKind::RParen, "')'", "after call arguments"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after call arguments"))
    return E;
  TypeList Results;
  if (Error E = parseTypeList(Results))
    return E;
  Op = Operation::create(OpKind::Call, Args, Results);
  Op->setCallee(Callee);
  return Error::success();
}

/// `if %c [-> (<types>)] { ... } else { ... }`
Error Parser::parseIf(OpPtr &Op) {
  Value *Cond;
  if (Error E = parseValue(Cond, "condition after 'if'"))
    return E;
  TypeList Results;
  if (Tok.is(TokKind::Arrow)) {
    consume();
    if (Error E = parseTypeList(Results))
      return E;
  }
  Op = Operation::create(OpKind::If, {Cond}, Results, 2);
  if (Error E = parseRegion(Op->getRegion(0), {}))
    return E;
  if (Error E = expectKeyword("else", "after 'if' region"))
    return E;
  if (Error E = parseRegion(Op->getRegion(1), {}))
    return E;
  return Error::success();
}

/// `(%a = %init, ...) [-> (<types>)]`, the carried values of `for`
/// (after `iter_args`) and `while`. The types are required unless the list
/// is empty, and must be the types of the inits.
Error Parser::parseCarried(StringRef What, NameList &Names, ValueList &Inits,
                           TypeList &Types) {
  if (Error E = expect(TokKind::LParen, "'('", ("to begin " + What).str()))
    return E;
  if (!Tok.is(TokKind::RParen)) {
    while (true) {
      if (!Tok.is(TokKind::ValueName))
        return error("expected value name in " + What);
      Names.push_back(Tok);
      consume();
      if (Error E = expect(TokKind::Equal, "'='", ("in " + What).str()))
        return E;
      Value *Init;
      if (Error E = parseValue(Init, "initial value after '='"))
        return E;
      Inits.push_back(Init);
      if (Tok.is(TokKind::RParen))
        break;
      if (Error E = expect(TokKind::Comma, "',' or ')'", ("in " + What).str()))
        return E;
    }
  }
  consume(); // ')'

  if (!Tok.is(TokKind::Arrow)) {
    if (!Inits.empty())
      return error("expected '->' and the types of the " + What);
    return Error::success();
  }
  consume();
  Token TypesTok = Tok;
  if (Error E = parseTypeList(Types))
    return E;
  if (Types.size() != Inits.size())
    return error(TypesTok, "got " + plural(Types.size(), "type") + " for " +
                               plural(Inits.size(), "carried value"));
  for (unsigned I = 0; I != Inits.size(); ++I)
    if (Error E = checkAnnotation(Inits[I], Types[I], TypesTok))
      return E;
  return Error::success();
}

/// `for %i = %lb to %ub step %st : <type> [reverse] [iter_args(...) -> (...)]
/// {...}`
Error Parser::parseFor(OpPtr &Op) {
  if (!Tok.is(TokKind::ValueName))
    return error("expected induction variable after 'for'");
  NameList ArgNames{Tok};
  consume();
  ValueList Operands(3);
  if (Error E = expect(TokKind::Equal, "'='", "after induction variable"))
    return E;
  if (Error E = parseValue(Operands[0], "lower bound"))
    return E;
  if (Error E = expectKeyword("to", "after lower bound"))
    return E;
  if (Error E = parseValue(Operands[1], "upper bound"))
    return E;
  if (Error E = expectKeyword("step", "after upper bound"))
    return E;
  if (Error E = parseValue(Operands[2], "step"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after step"))
    return E;
  Token TypeTok = Tok;
  Type IVType;
  if (Error E = parseType(IVType))
    return E;
  // The printer writes the lower bound's type; the other bounds are checked
  // by the verifier.
  if (Error E = checkAnnotation(Operands[0], IVType, TypeTok))
    return E;
  bool Reverse = Tok.isKeyword("reverse");
  if (Reverse)
    consume();

  ValueList Inits;
  TypeList Types;
  if (Tok.isKeyword("iter_args")) {
    consume();
    if (Error E = parseCarried("iter_args", ArgNames, Inits, Types))
      return E;
  }
  Operands.append(Inits.begin(), Inits.end());
  Op = Operation::create(OpKind::For, Operands, Types, 1);
  Op->setReverseLoop(Reverse);
  Region &Body = Op->getRegion(0);
  Body.addArgument(IVType);
  for (Type T : Types)
    Body.addArgument(T);
  if (Error E = parseRegion(Body, ArgNames))
    return E;
  return Error::success();
}

/// `while (%a = %init, ...) [-> (<types>)] { ... } do (%b, ...) { ... }`
Error Parser::parseWhile(OpPtr &Op) {
  NameList BeforeNames;
  ValueList Inits;
  TypeList Types;
  if (Error E =
          parseCarried("'while' carried values", BeforeNames, Inits, Types))
    return E;
  Op = Operation::create(OpKind::While, Inits, Types, 2);
  Region &Before = Op->getRegion(0);
  for (Type T : Types)
    Before.addArgument(T);
  if (Error E = parseRegion(Before, BeforeNames))
    return E;

  if (Error E = expectKeyword("do", "after 'while' condition region"))
    return E;
  Token ListTok = Tok;
  if (Error E = expect(TokKind::LParen, "'('", "after 'do'"))
    return E;
  NameList AfterNames;
  if (!Tok.is(TokKind::RParen)) {
    while (true) {
      if (!Tok.is(TokKind::ValueName))
        return error("expected value name in 'do' arguments");
      AfterNames.push_back(Tok);
      consume();
      if (Tok.is(TokKind::RParen))
        break;
      if (Error E = expect(TokKind::Comma, "',' or ')'", "in 'do' arguments"))
        return E;
    }
  }
  consume(); // ')'
  if (AfterNames.size() != Types.size())
    return error(ListTok,
                 "'do' region has " + plural(AfterNames.size(), "argument") +
                     ", but the loop carries " + plural(Types.size(), "value"));
  Region &After = Op->getRegion(1);
  for (Type T : Types)
    After.addArgument(T);
  if (Error E = parseRegion(After, AfterNames))
    return E;
  return Error::success();
}

/// Whether the value names at the current token are the results of the next
/// operation (`%a, %b = ...`) rather than operands of a terminator.
bool Parser::valueListStartsNextOp() const {
  Lexer Ahead = Lex;
  Token T = Tok;
  while (T.is(TokKind::ValueName)) {
    T = Ahead.next();
    if (!T.is(TokKind::Comma))
      break;
    T = Ahead.next();
  }
  return T.is(TokKind::Equal);
}

/// `yield %v...`, `condition %c, %v...`, `return %v...`; values may be
/// absent. Operations after a terminator are the verifier's to reject, so
/// `yield` followed by `%x = ...` yields nothing.
Error Parser::parseTerminator(OpKind K, OpPtr &Op) {
  ValueList Operands;
  if (!valueListStartsNextOp())
    if (Error E = parseValueList(Operands))
      return E;
  Op = Operation::create(K, Operands, {});
  return Error::success();
}

/// A decimal integer attribute (element count, tape id); its range is the
/// verifier's business.
Error Parser::parseInteger(int64_t &V, StringRef What) {
  if (!Tok.is(TokKind::Number) || Tok.IsFloat)
    return error("expected " + What);
  if (Tok.Text.getAsInteger(10, V))
    return error("integer literal '" + Tok.Text + "' is out of range");
  consume();
  return Error::success();
}

/// `alloca <count> : <pointer type>`
Error Parser::parseAlloca(OpPtr &Op) {
  int64_t N;
  if (Error E = parseInteger(N, "element count after 'alloca'"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after element count"))
    return E;
  Type T;
  if (Error E = parseType(T))
    return E;
  Op = Operation::create(OpKind::Alloca, {}, {T});
  Op->setIntAttr(N);
  return Error::success();
}

/// `store %v, %p`; the operand count is the verifier's business.
Error Parser::parseStore(OpPtr &Op) {
  ValueList Operands;
  if (Error E = parseValueList(Operands))
    return E;
  Op = Operation::create(OpKind::Store, Operands, {});
  return Error::success();
}

/// `tape_push <tape>, %v`
Error Parser::parseTapePush(OpPtr &Op) {
  int64_t Tape;
  if (Error E = parseInteger(Tape, "tape id after 'tape_push'"))
    return E;
  if (Error E = expect(TokKind::Comma, "','", "after tape id"))
    return E;
  Value *V;
  if (Error E = parseValue(V, "value to push"))
    return E;
  Op = Operation::create(OpKind::TapePush, {V}, {});
  Op->setIntAttr(Tape);
  return Error::success();
}

/// `tape_pop <tape> : <type>`
Error Parser::parseTapePop(OpPtr &Op) {
  int64_t Tape;
  if (Error E = parseInteger(Tape, "tape id after 'tape_pop'"))
    return E;
  if (Error E = expect(TokKind::Colon, "':'", "after tape id"))
    return E;
  Type T;
  if (Error E = parseType(T))
    return E;
  Op = Operation::create(OpKind::TapePop, {}, {T});
  Op->setIntAttr(Tape);
  return Error::success();
}

} // namespace

llvm::Expected<std::unique_ptr<Module>>
ddx::ir::parseModule(StringRef Text, StringRef BufferName) {
  auto M = std::make_unique<Module>();
  if (Error E = Parser(Text, BufferName).parseModule(*M))
    return llvm::Expected<std::unique_ptr<Module>>(std::move(E));
  return llvm::Expected<std::unique_ptr<Module>>(std::move(M));
}
