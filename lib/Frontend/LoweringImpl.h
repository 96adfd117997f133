//===- LoweringImpl.h - Internals of AST-to-IR lowering ---------*- C++ -*-===//
//
// ModuleContext owns what is shared across functions (the module, names,
// the call stack for diagnostics). FunctionLowering lowers one function; its
// methods are split by area: FunctionLowering.cpp (locals, the environment,
// merging at `if`), StmtLowering.cpp (statements and control-flow
// structurization), ExprLowering.cpp (expressions).
//
// Mutable scalar and pointer locals live in an environment LocalVar ->
// current value, so they need no memory operations. Arrays, references and
// scalars whose address is taken live in memory (MemoryLowering.cpp): the
// environment holds their address, and reads and writes become `load` and
// `store`, emitted in source evaluation order. `return`, `break` and
// `continue` become flags:
// control-flow locals that later statements test. A flag's value is usually
// known while lowering (false until a jump, true right after one), so guards
// are only emitted where a flag is really unknown; flags nothing ever tests
// are found in a first pass and dropped in a second one.
//
//===----------------------------------------------------------------------===//
#ifndef DDX_LIB_FRONTEND_LOWERINGIMPL_H
#define DDX_LIB_FRONTEND_LOWERINGIMPL_H

#include "MathFunctions.h"
#include "ddx/Frontend/Diagnostics.h"
#include "ddx/IR/Builder.h"
#include "ddx/IR/IR.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <deque>
#include <memory>
#include <optional>

namespace ddx::frontend {

/// The IR type of a C++ type, or nullopt if ddx does not support it (void
/// included). Pointers and arrays of scalars, and pointers to arrays of
/// them, become `ptr<T>` (`ptr<const T>` when the scalar is const): arrays
/// of arrays are flattened in row-major order.
std::optional<ir::Type> lowerType(const clang::ASTContext &Ctx,
                                  clang::QualType T);

/// How a parameter of a C++ type is passed in the IR.
struct ParamLowering {
  enum Kind {
    /// A scalar by value; also `const T &` to a scalar, which ddx passes by
    /// value (pointer parameters are assumed not to alias, so nothing can
    /// change it behind the function's back).
    Value,
    /// A pointer (or array, decayed): an SSA pointer value.
    Pointer,
    /// `T &` to a non-const scalar: a pointer to the one element.
    ScalarRef,
    /// A reference to an array: a pointer to its first element.
    ArrayRef,
  };
  Kind K;
  ir::Type Ty;
};
std::optional<ParamLowering> lowerParamType(const clang::ASTContext &Ctx,
                                            clang::QualType T);

/// The number of scalars in an object of type T: the product of its
/// constant array extents (1 for a scalar). The stride of a pointer to T.
uint64_t scalarCount(const clang::ASTContext &Ctx, clang::QualType T);

/// State shared by the lowering of all functions into one module.
class ModuleContext {
public:
  ModuleContext(clang::ASTContext &Ctx, ir::Module &M);

  /// Lowers FD for a request (RequestLoc valid) or for `ddx ir`.
  ir::Function *lowerTop(const clang::FunctionDecl *FD,
                         clang::SourceLocation RequestLoc);
  /// Lowers the callee Def of a call at CallLoc in the function being
  /// lowered. True if the call may be emitted: Def is lowered, or is being
  /// lowered further up (recursion).
  bool lowerCallee(const clang::FunctionDecl *Def,
                   clang::SourceLocation CallLoc);

  std::string irName(const clang::FunctionDecl *FD);
  const clang::FunctionDecl *declFor(llvm::StringRef IRName) const;
  /// The C++ name used in messages: `ns::f<double>`.
  std::string displayName(const clang::FunctionDecl *FD);

  /// Reports an error, then the notes that say how lowering got there.
  void error(clang::SourceLocation Loc, Msg M,
             llvm::ArrayRef<std::string> Args = {});
  void unsupported(clang::SourceLocation Loc, Construct C,
                   llvm::StringRef Name = "");
  void unsupportedType(clang::SourceLocation Loc, llvm::StringRef What,
                       clang::QualType T);

  clang::ASTContext &Ctx;
  ir::Module &M;
  Reporter Diags;
  clang::PrintingPolicy NamePolicy;

private:
  enum class State { InProgress, Pending, Done, Failed };
  struct Entry {
    State S = State::InProgress;
    ir::Function *F = nullptr;
    /// For Pending: the lowest stack depth of a function still being lowered
    /// that this one depends on (recursion cycles finish together).
    unsigned Low = 0;
  };
  /// A function being lowered. Functions in a recursion cycle are added to
  /// the module only when the whole cycle succeeded, so a failure never
  /// leaves a call to a missing function behind.
  struct Frame {
    const clang::FunctionDecl *FD;
    clang::SourceLocation CallLoc;
    unsigned Low;
    std::vector<std::unique_ptr<ir::Function>> PendingFns;
    std::vector<const clang::FunctionDecl *> PendingDecls;
  };

  /// Lowers FD; true on success or recursion.
  bool lowerImpl(const clang::FunctionDecl *FD, clang::SourceLocation CallLoc);
  void emitContextNotes();

  llvm::DenseMap<const clang::FunctionDecl *, Entry> Entries;
  std::vector<Frame> Stack;
  clang::SourceLocation RequestLoc;
  llvm::DenseMap<const clang::FunctionDecl *, std::string> Names;
  llvm::StringMap<unsigned> NameUses;
};

/// Where a local's value lives.
enum class Storage : unsigned char {
  /// An SSA value in the environment (scalars, pointer variables).
  Value,
  /// A scalar in memory: the environment holds its address, which never
  /// changes (`T &` parameters, references, address-taken scalars).
  Memory,
  /// An array: the environment holds the address of its first element.
  Array,
};

/// A local of the function being lowered: a C++ variable, or a control-flow
/// local that structuring introduces (a flag, the return value).
struct LocalVar {
  std::string Name;
  /// The type of the value in the environment: for Memory and Array
  /// storage, a pointer.
  ir::Type Ty;
  Storage Store = Storage::Value;
  /// The C++ variable, if any.
  const clang::VarDecl *Decl = nullptr;
  /// Creation order: merged results and loop-carried values follow it.
  unsigned Order = 0;
  bool IsFlag = false;
  /// Flags only: tested while its value was not known to be false.
  bool Read = false;
  /// Flags only: set to true somewhere.
  bool Written = false;
  /// Flags only: never tested (learned in the first pass); setting it is a
  /// no-op.
  bool Dead = false;
  /// A variable of unsupported type, already diagnosed: uses stay silent.
  bool Poisoned = false;
  /// Introduced by lowering (flags, the return value); listed after the
  /// C++ variables in merged results and loop-carried values.
  bool Synthetic = false;
  /// A pointer variable read before it was initialized was reported.
  bool ReportedUninit = false;

  /// The environment holds an address that never changes: nothing to
  /// merge or carry through loops.
  bool inMemory() const { return Store != Storage::Value; }
};

/// The value of a local at the current program point: an IR value, or a
/// constant not materialized yet (flags; uninitialized locals read as zero),
/// or, for a flag, "untested": no code that runs later tests it, so its value
/// was not merged.
struct Slot {
  ir::Value *V = nullptr;
  double K = 0;
  bool Untested = false;

  static Slot known(double K) { return {nullptr, K, false}; }
  static Slot untested() { return {nullptr, 0, true}; }
  bool isKnown() const { return !V && !Untested; }
  bool isKnown(double C) const { return isKnown() && K == C; }
  friend bool operator==(const Slot &A, const Slot &B) {
    if (A.Untested || B.Untested)
      return A.Untested == B.Untested;
    return A.V == B.V && (A.V || A.K == B.K);
  }
  friend bool operator!=(const Slot &A, const Slot &B) { return !(A == B); }
};

using Env = llvm::DenseMap<LocalVar *, Slot>;

/// Identifies a flag across the two passes: the statement (or function) it
/// belongs to and its kind.
using FlagKey = std::pair<const void *, unsigned>;
using FlagKeySet = llvm::DenseSet<FlagKey>;

enum class FlagKind : unsigned { Return, Break, Continue };

/// Lowers one function definition.
class FunctionLowering {
public:
  FunctionLowering(ModuleContext &MC, const clang::FunctionDecl *FD,
                   const FlagKeySet &DeadFlags);
  ~FunctionLowering();

  /// Builds the function, or returns null after reporting errors.
  std::unique_ptr<ir::Function> run();
  /// Flags set somewhere but never tested; valid after run().
  FlagKeySet unreadFlags() const;

private:
  using ValueList = llvm::SmallVector<ir::Value *, 2>;
  using BranchFn = llvm::function_ref<ValueList()>;

  // FunctionLowering.cpp: locals, values, merging.
  bool lowerSignature();
  LocalVar *newLocal(llvm::StringRef Name, ir::Type Ty);
  LocalVar *declareVar(const clang::VarDecl *VD, ir::Type Ty,
                       Storage S = Storage::Value);
  LocalVar *newFlag(const void *Owner, FlagKind K);
  LocalVar *lookupVar(const clang::VarDecl *VD) const;

  /// The current value of V, materialized at the insertion point.
  ir::Value *read(LocalVar *V);
  void write(LocalVar *V, ir::Value *Val);
  /// Sets a flag (a no-op for dead flags).
  void setFlag(LocalVar *F, bool Value);
  ir::Value *materialize(const Slot &S, LocalVar *V);
  ir::Value *constant(ir::Type Ty, double V);
  ir::Value *constantInt(ir::Type Ty, int64_t V);
  ir::Value *poison(ir::Type Ty);

  /// Locals of the current environment: C++ variables in declaration order,
  /// then synthetic ones.
  llvm::SmallVector<LocalVar *, 8> liveLocals() const;
  static void sortLocals(llvm::SmallVectorImpl<LocalVar *> &Vs);
  /// Reports use of a flag value that was left unmerged; true if S is usable.
  bool checkUsable(LocalVar *V, const Slot &S);

  /// Emits `if Cond`; Then and Else fill the branches and return the extra
  /// values they yield (of types ExtraTypes). Locals the branches changed
  /// differently become further results. Returns the extra results.
  ValueList buildIf(ir::Value *Cond, llvm::ArrayRef<ir::Type> ExtraTypes,
                    BranchFn Then, BranchFn Else);
  /// Emits `if Cond { Body }` where the flags FalseFlags are known false at
  /// the start of Body (the guard tested them, or they cannot be set when
  /// Cond holds).
  void buildGuarded(ir::Value *Cond, llvm::ArrayRef<LocalVar *> FalseFlags,
                    llvm::function_ref<void()> Body);

  // StmtLowering.cpp: statements and structured control flow.
  void lowerStmt(const clang::Stmt *S);
  /// Lowers statements in order, skipping dead ones and guarding those that
  /// run only if no flag is set.
  void lowerList(llvm::ArrayRef<const clang::Stmt *> Stmts);
  void lowerBody(const clang::Stmt *S);
  void lowerDecl(const clang::VarDecl *VD);
  /// Declares VD without running its initializer: arrays and address-taken
  /// scalars get their memory. Null (after a report) if its type is not
  /// supported.
  LocalVar *createLocal(const clang::VarDecl *VD);
  void lowerIf(const clang::IfStmt *S,
               llvm::ArrayRef<const clang::Stmt *> Rest = {});
  void lowerWhile(const clang::WhileStmt *S);
  void lowerDo(const clang::DoStmt *S);
  void lowerFor(const clang::ForStmt *S);
  bool lowerCountedFor(const clang::ForStmt *S);
  void lowerSwitch(const clang::SwitchStmt *S);
  void lowerReturn(const clang::ReturnStmt *S);

  /// A loop in `while` form. Carried: the locals it may assign.
  void buildWhileLoop(const clang::Stmt *Loop, const clang::Expr *Cond,
                      const clang::Stmt *Body, const clang::Expr *Inc,
                      bool IsDo);
  /// Before-region condition: Cond, false if a carried flag is set; Cond is
  /// not evaluated once a flag is set.
  ir::Value *lowerLoopCondition(const clang::Expr *Cond,
                                llvm::ArrayRef<LocalVar *> Flags);
  /// The body of a loop iteration (continue flag scoped to it).
  void lowerLoopBody(const clang::Stmt *Loop, const clang::Stmt *Body);
  llvm::SmallVector<LocalVar *, 8>
  carriedLocals(const clang::Stmt *Loop, bool &MayBreak, bool &MayReturn);
  /// Checks that a loop region changed no local outside Carried.
  void checkCarried(const Env &Before, llvm::ArrayRef<LocalVar *> Carried,
                    clang::SourceLocation Loc);

  /// Flags of the enclosing function/loop/switch that end straight-line
  /// execution when set.
  llvm::SmallVector<LocalVar *, 3> activeFlags() const;
  struct FlagTest {
    bool AnySet = false;
    llvm::SmallVector<LocalVar *, 3> Unknown;
  };
  FlagTest testFlags();
  FlagTest testFlags(llvm::ArrayRef<LocalVar *> Flags);
  /// Runs Fn only if no active flag is set (statically or with a guard).
  void withGuard(llvm::function_ref<void()> Fn);
  ir::Value *anyOf(llvm::ArrayRef<LocalVar *> Flags);

  // ExprLowering.cpp: expressions.
  /// An rvalue of E's type; null for void expressions. A pointer may come
  /// back without the const of E's type (see isConstRooted).
  ir::Value *lowerExpr(const clang::Expr *E);
  /// E converted to Ty. A pointer only gains const in C++, which the IR
  /// does not need: ptr<T> stays ptr<T> where ptr<const T> is asked for.
  ir::Value *lowerExprAs(const clang::Expr *E, ir::Type Ty);
  /// V converted to Ty as above.
  ir::Value *convert(ir::Value *V, ir::Type Ty);
  /// Evaluates E for its side effects only.
  void lowerDiscarded(const clang::Expr *E);
  enum class Access { Read, Write };

  /// An address not materialized yet: Base plus Index plus Const elements
  /// (Index may be null). Constant parts fold without emitting operations.
  struct Address {
    ir::Value *Base = nullptr;
    ir::Value *Index = nullptr;
    int64_t Const = 0;
  };
  /// What an lvalue designates: an SSA local, or memory. For a scalar
  /// lvalue the address is materialized (Index null, Const 0); for an array
  /// lvalue (`m[i]` of `double m[3][4]`) it stays symbolic so that
  /// `m[i][j]` becomes one `offset` by `i * 4 + j`.
  struct LValue {
    LocalVar *Var = nullptr;
    Address Addr;
    bool IsArray = false;

    static LValue local(LocalVar *V) { return {V, {}, false}; }
    static LValue memory(Address A, bool IsArray = false) {
      return {nullptr, A, IsArray};
    }
    explicit operator bool() const { return Var || Addr.Base; }
    bool isMemory() const { return Addr.Base; }
  };
  /// What E designates after its side effects; invalid after an error.
  LValue lowerLValue(const clang::Expr *E, Access A);
  /// Reads a scalar lvalue.
  ir::Value *readLValue(const LValue &LV);
  /// Writes V (converted to the lvalue's type) to a scalar lvalue.
  void writeLValue(const LValue &LV, ir::Value *V, clang::SourceLocation Loc);
  ir::Value *tryFold(const clang::Expr *E, ir::Type Ty);
  ir::Value *lowerCast(const clang::CastExpr *E, ir::Type Ty);
  ir::Value *lowerBinary(const clang::BinaryOperator *E, ir::Type Ty);
  ir::Value *lowerLogical(const clang::BinaryOperator *E);
  ir::Value *lowerUnary(const clang::UnaryOperator *E, ir::Type Ty);
  ir::Value *lowerConditional(const clang::AbstractConditionalOperator *E,
                              ir::Type Ty);
  ir::Value *lowerCall(const clang::CallExpr *E);
  ir::Value *lowerMathCall(const clang::CallExpr *E, ir::OpKind K);
  ir::Value *lowerMinMax(const StdMinMax &MM);
  ir::Value *lowerUserCall(const clang::CallExpr *E,
                           const clang::FunctionDecl *Callee);
  void assign(LocalVar *V, ir::Value *Val, clang::SourceLocation Loc = {});
  /// Old incremented or decremented by one (T is the C++ type: pointers
  /// step by their stride).
  ir::Value *stepByOne(ir::Value *Old, clang::QualType T, bool Inc);

  // MemoryLowering.cpp: addresses, pointers, arrays.
  /// Finds the scalars that must live in memory and the const-ness of
  /// pointer variables, before lowering starts.
  void analyzeMemory();
  /// True if the pointer value (or the memory an lvalue designates) that E
  /// lowers to is `ptr<const T>`: a pointer's const-ness in the IR comes
  /// from where it points (a const parameter), not from its C++ type, since
  /// the IR has no conversion from ptr<T> to ptr<const T>.
  bool isConstRooted(const clang::Expr *E) const;
  /// The scalar VD names must live in memory (its address is taken or a
  /// reference binds to it).
  bool needsMemory(const clang::VarDecl *VD) const;
  /// The value of pointer expression E, not yet offset.
  Address lowerPointer(const clang::Expr *E);
  /// Materializes an address: `offset` unless the index is 0.
  ir::Value *materialize(const Address &A);
  /// The element of `E1[E2]`.
  LValue lowerSubscript(const clang::ArraySubscriptExpr *E);
  /// An integer index: a value (i32 or i64), or a constant (V null).
  struct IndexValue {
    ir::Value *V = nullptr;
    int64_t C = 0;
  };
  IndexValue lowerIndex(const clang::Expr *E);
  /// Adds (or subtracts) N times Stride to A.
  void addIndex(Address &A, IndexValue N, uint64_t Stride, bool Neg);
  /// Stores the initializer Init of an object of type T at element Offset
  /// of Base (fresh memory, zero-initialized).
  void lowerArrayInit(ir::Value *Base, const clang::Expr *Init,
                      clang::QualType T, uint64_t Offset);
  /// A local copy of a constant array that is not a local variable
  /// (`constexpr` at namespace scope, `static constexpr` in the function),
  /// made at the function's entry (its address); null if VD is not one.
  ir::Value *constantArray(const clang::VarDecl *VD);
  /// Reports an obvious violation of ddx's no-aliasing assumption: one
  /// array passed to two pointer parameters of Callee, one of them written.
  void checkAliasing(const clang::CallExpr *E,
                     const clang::FunctionDecl *Callee);
  /// Reports E as unsupported unless it only fails because of an already
  /// reported variable.
  void unsupportedExpr(const clang::Expr *E, Construct C,
                       llvm::StringRef Name = "");
  bool usesPoisonedVar(const clang::Expr *E) const;

  // Diagnostics and source positions.
  void error(clang::SourceLocation Loc, Msg M,
             llvm::ArrayRef<std::string> Args = {});
  void unsupported(clang::SourceLocation Loc, Construct C,
                   llvm::StringRef Name = "");
  void unsupportedType(clang::SourceLocation Loc, llvm::StringRef What,
                       clang::QualType T);
  /// Stamps operations created in its scope with a source position.
  class LocScope {
  public:
    LocScope(FunctionLowering &FL, clang::SourceLocation Loc);
    ~LocScope() { FL.B.setLoc(Saved); }

  private:
    FunctionLowering &FL;
    ir::Location Saved;
  };

  ModuleContext &MC;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  const FlagKeySet &DeadFlags;
  std::unique_ptr<ir::Function> F;
  ir::Builder B;
  /// Errors reported (or inherited from a callee) so far.
  unsigned Failures = 0;

  std::deque<LocalVar> Locals;
  llvm::DenseMap<const clang::VarDecl *, LocalVar *> Vars;
  /// Scalars whose address is needed (see analyzeMemory).
  llvm::DenseSet<const clang::VarDecl *> MemoryVars;
  /// Pointer variables that hold `ptr<const T>` in the IR.
  llvm::DenseSet<const clang::VarDecl *> ConstPointerVars;
  /// Copies of constant arrays made at the function's entry.
  llvm::DenseMap<const clang::VarDecl *, ir::Value *> ConstantArrays;
  /// Where the next such copy goes in the function's body.
  size_t EntryPos = 0;
  llvm::DenseMap<LocalVar *, FlagKey> FlagKeys;
  Env Vals;

  std::optional<ir::Type> ResultTy;
  /// The return type is unsupported (and reported): returns are not
  /// lowered.
  bool ResultUnsupported = false;
  LocalVar *RetFlag = nullptr;
  LocalVar *RetVal = nullptr;
  /// Targets of `break` and `continue` in the innermost enclosing
  /// loop/switch.
  LocalVar *BreakFlag = nullptr;
  LocalVar *ContinueFlag = nullptr;
  /// Flags that no code after the statement being lowered tests (it is the
  /// last one before the function, loop iteration or switch ends): `if`
  /// merges leave them out.
  llvm::SmallVector<LocalVar *, 3> Untested;
  /// Saves Untested and replaces it for a scope.
  class UntestedScope {
  public:
    UntestedScope(FunctionLowering &FL, llvm::ArrayRef<LocalVar *> Flags)
        : FL(FL), Saved(FL.Untested) {
      FL.Untested.assign(Flags.begin(), Flags.end());
    }
    ~UntestedScope() { FL.Untested = Saved; }

  private:
    FunctionLowering &FL;
    llvm::SmallVector<LocalVar *, 3> Saved;
  };
};

} // namespace ddx::frontend

#endif
