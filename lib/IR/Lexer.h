//===- Lexer.h - Tokens of the textual form of ddx IR ----------*- C++ -*-===//
//
// Internal to Parser.cpp: splits the text into tokens, tracking lines and
// columns for the parser's error messages.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_IR_LEXER_H
#define DDX_LIB_IR_LEXER_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <string>

namespace ddx::ir::lexer {

using llvm::StringRef;
using llvm::Twine;

enum class TokKind {
  Eof,
  Error,     // Str holds the message.
  Ident,     // keywords, mnemonics, types, `inf`, `-inf`, `nan`
  ValueName, // %name; Text includes the '%'
  Symbol,    // @name or @"name"; Str holds the unescaped name
  Number,    // -?digits[.digits][e[+-]digits]
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Equal,
  Arrow,
  Less,    // `<`, in `ptr<...>`
  Greater, // `>`
};

struct Token {
  TokKind Kind = TokKind::Eof;
  StringRef Text;
  std::string Str;
  unsigned Line = 1;
  unsigned Col = 1;
  /// For numbers: written with a '.' or an exponent.
  bool IsFloat = false;

  bool is(TokKind K) const { return Kind == K; }
  bool isKeyword(StringRef K) const {
    return Kind == TokKind::Ident && Text == K;
  }
};

bool isIdentStart(char C) { return llvm::isAlpha(C) || C == '_'; }
bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_' || C == '.'; }
/// Value names come from C++ identifiers, which may also hold `$` and
/// UTF-8 (any byte >= 0x80).
bool isValueNameChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '.' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80;
}
bool isSymbolChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '.' || C == ':';
}

/// Produces tokens on demand. It is a small value type, so the parser can
/// copy it to look ahead.
class Lexer {
public:
  explicit Lexer(StringRef Buf) : Buf(Buf) {}

  Token next() {
    skipTrivia();
    Token T;
    T.Line = Line;
    T.Col = Col;
    size_t Start = Pos;
    if (Pos == Buf.size())
      return finish(T, TokKind::Eof, Start);
    char C = Buf[Pos];
    switch (C) {
    case '(':
      return single(T, TokKind::LParen, Start);
    case ')':
      return single(T, TokKind::RParen, Start);
    case '{':
      return single(T, TokKind::LBrace, Start);
    case '}':
      return single(T, TokKind::RBrace, Start);
    case ',':
      return single(T, TokKind::Comma, Start);
    case ':':
      return single(T, TokKind::Colon, Start);
    case '=':
      return single(T, TokKind::Equal, Start);
    case '<':
      return single(T, TokKind::Less, Start);
    case '>':
      return single(T, TokKind::Greater, Start);
    case '%':
      return lexValueName(T, Start);
    case '@':
      return lexSymbol(T, Start);
    case '-':
      return lexMinus(T, Start);
    default:
      break;
    }
    if (llvm::isDigit(C))
      return lexNumber(T, Start);
    if (isIdentStart(C)) {
      while (Pos < Buf.size() && isIdentChar(Buf[Pos]))
        advance();
      return finish(T, TokKind::Ident, Start);
    }
    advance();
    return error(T, "unexpected character " + describeChar(C));
  }

private:
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < Buf.size() ? Buf[Pos + Ahead] : '\0';
  }

  void advance() {
    if (Buf[Pos++] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }

  void skipTrivia() {
    while (Pos < Buf.size()) {
      char C = Buf[Pos];
      if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
          C == '\v') {
        advance();
      } else if (C == '/' && peek(1) == '/') {
        while (Pos < Buf.size() && Buf[Pos] != '\n')
          advance();
      } else {
        return;
      }
    }
  }

  static std::string describeChar(char C) {
    if (llvm::isPrint(C))
      return "'" + std::string(1, C) + "'";
    return "'\\x" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2) +
           "'";
  }

  Token finish(Token &T, TokKind K, size_t Start) {
    T.Kind = K;
    T.Text = Buf.slice(Start, Pos);
    return T;
  }

  Token single(Token &T, TokKind K, size_t Start) {
    advance();
    return finish(T, K, Start);
  }

  Token error(Token &T, const Twine &Msg) {
    T.Kind = TokKind::Error;
    T.Str = Msg.str();
    return T;
  }

  Token lexValueName(Token &T, size_t Start) {
    advance(); // '%'
    if (!isValueNameChar(peek()))
      return error(T, "expected value name after '%'");
    while (Pos < Buf.size() && isValueNameChar(Buf[Pos]))
      advance();
    return finish(T, TokKind::ValueName, Start);
  }

  Token lexSymbol(Token &T, size_t Start) {
    advance(); // '@'
    if (peek() == '"')
      return lexQuotedSymbol(T, Start);
    // A plain symbol does not start with a digit; the printer quotes those.
    if (Pos == Buf.size() || !isSymbolChar(Buf[Pos]) || llvm::isDigit(Buf[Pos]))
      return error(T, "expected symbol name after '@'");
    while (Pos < Buf.size() && isSymbolChar(Buf[Pos]))
      advance();
    T.Str = Buf.slice(Start + 1, Pos).str();
    return finish(T, TokKind::Symbol, Start);
  }

  Token lexQuotedSymbol(Token &T, size_t Start) {
    advance(); // '"'
    std::string Name;
    while (true) {
      if (Pos == Buf.size())
        return error(T, "unterminated symbol name");
      char C = Buf[Pos];
      if (C == '"') {
        advance();
        break;
      }
      if (C == '\\') {
        char E = peek(1);
        if (E != '"' && E != '\\')
          return error(T, "invalid escape sequence in symbol name; only "
                          "'\\\"' and '\\\\' are allowed");
        advance();
        C = E;
      }
      Name += C;
      advance();
    }
    T.Str = std::move(Name);
    return finish(T, TokKind::Symbol, Start);
  }

  /// `->`, a negative number, or `-inf`.
  Token lexMinus(Token &T, size_t Start) {
    if (peek(1) == '>') {
      advance();
      advance();
      return finish(T, TokKind::Arrow, Start);
    }
    if (llvm::isDigit(peek(1)))
      return lexNumber(T, Start);
    if (Buf.substr(Pos + 1).starts_with("inf") && !isIdentChar(peek(4))) {
      for (int I = 0; I != 4; ++I)
        advance();
      return finish(T, TokKind::Ident, Start);
    }
    advance();
    return error(T, "unexpected character '-'");
  }

  Token lexNumber(Token &T, size_t Start) {
    if (peek() == '-')
      advance();
    auto Digits = [&] {
      while (llvm::isDigit(peek()))
        advance();
    };
    Digits();
    if (peek() == '.') {
      T.IsFloat = true;
      advance();
      Digits();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (llvm::isDigit(peek(1)) ||
         ((peek(1) == '+' || peek(1) == '-') && llvm::isDigit(peek(2))))) {
      T.IsFloat = true;
      advance();
      if (peek() == '+' || peek() == '-')
        advance();
      Digits();
    }
    // `12abc` is one malformed token, not a number followed by a word.
    if (isIdentChar(peek())) {
      while (isIdentChar(peek()))
        advance();
      return error(T, "invalid number '" + Buf.slice(Start, Pos) + "'");
    }
    return finish(T, TokKind::Number, Start);
  }

  StringRef Buf;
  size_t Pos = 0;
  unsigned Line = 1;
  unsigned Col = 1;
};

} // namespace ddx::ir::lexer

#endif
