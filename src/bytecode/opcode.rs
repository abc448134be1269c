//! The opcode table: every instruction, its argument, stack use and properties, defined once.
//!
//! An instruction is `Instr { op, arg }` (8 bytes, 32-bit argument, no EXTENDED_ARG).
//! Jump arguments are absolute instruction indices. "TOS" is the top of the value stack;
//! stack pictures list items bottom→top. The semantics follow CPython 3.11's opcodes
//! (Python/bytecodes.c) unless noted. Exception handling is zero-cost: the compiler emits
//! an exception table (see `code::ExcEntry`) instead of block-setup instructions.
//!
//! A row reads `Name: ArgKind [FLAGS..] |arg, jump| pops => pushes;`:
//! - `ArgKind` says what `arg` indexes or encodes (the disassembler formats by it);
//! - `OpFlags` say how control leaves the instruction and what it may do (raise, run
//!   arbitrary code, record feedback): what a JIT needs to place guards and frame flushes;
//! - `pops`/`pushes` are the items taken from and put on the stack when the instruction
//!   falls through (`jump == false`) or branches (`jump == true`). Items only read where
//!   they lie (`ListAppend`'s list, `Copy`'s source, `GetLen`'s subject) are not counted;
//!   `Swap` counts the `arg` items it reorders. `stack_effect` is `pushes - pops`.

use std::ops::BitOr;

/// What an instruction's argument means.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum ArgKind {
    /// No argument (always 0).
    None,
    /// `consts[arg]`.
    Const,
    /// Fast local `arg` (`varnames[arg]`).
    Local,
    /// Localsplus slot `arg` of a cell or free variable (`code.localsplus_name(arg)`).
    Cell,
    /// `names[arg]`: a global, attribute, import or locals-dict name.
    Name,
    /// Absolute instruction index of the branch target.
    Jump,
    /// A number of items: built, unpacked, passed to a call or raised (`MatchClass`: the
    /// positional sub-patterns).
    Count,
    /// A stack position (1 = TOS): the item copied or swapped, the container updated in
    /// place, `Reraise`'s saved lasti (0: none).
    Depth,
    /// A `BinOp`, `| INPLACE` for augmented assignment.
    BinOp,
    /// A `CmpOp`.
    CmpOp,
    /// 1 inverts the test (`is not`, `not in`).
    Invert,
    /// `MakeFunction`'s bits: which optional items are on the stack.
    FunctionFlags,
    /// Bits described in the op's doc (`FormatValue`'s conversion and spec, `CallEx`'s
    /// kwargs dict).
    Flags,
    /// Two counts, `before | after << 8` (`UnpackEx`).
    CountPair,
}

/// Properties of an opcode, a small bit set (see the constants).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash)]
pub struct OpFlags(pub u16);

impl OpFlags {
    pub const NONE: OpFlags = OpFlags(0);
    /// `arg` is a jump target (`ArgKind::Jump`); `jump == true` selects the stack use there.
    pub const JUMP: OpFlags = OpFlags(1 << 0);
    /// Never falls through to the next instruction (unconditional jump, return, raise).
    pub const TERMINATOR: OpFlags = OpFlags(1 << 1);
    /// A two-way branch: jumps to `arg` or falls through, decided at run time.
    pub const CONDITIONAL: OpFlags = OpFlags(1 << 2);
    /// A loop back-edge (`JumpBackward`): where back-edge counters and OSR attach.
    pub const BACK_EDGE: OpFlags = OpFlags(1 << 3);
    /// Polls for a pending signal itself (function entry, back-edges): the instruction may
    /// raise KeyboardInterrupt, run finalizers or hand the GIL over. Compiled code polls
    /// the eval breaker at these points.
    pub const BREAKER: OpFlags = OpFlags(1 << 4);
    /// May raise (beyond the boundary work any instruction may see while tracing, and the
    /// SystemErrors of malformed bytecode).
    pub const MAY_RAISE: OpFlags = OpFlags(1 << 5);
    /// May run arbitrary Python code or leave the loop before it completes: calls, dunder
    /// dispatch on objects, attribute and item access, iteration, imports, and
    /// `YieldValue` (the frame is suspended). The frame must be exact (pc, stack) there.
    pub const CALLS_OUT: OpFlags = OpFlags(1 << 6);
    /// Feedback word (`Code::feedback[pc]`): a `KindSet` of its operands' kinds (calls: of
    /// the callable; `ForIter`: of the iterator).
    pub const FB_KINDS: OpFlags = OpFlags(1 << 7);
    /// Feedback word: 0 or 1 + the dense index of the name in the locals dict.
    pub const FB_NAME_INDEX: OpFlags = OpFlags(1 << 8);
    /// Feedback word: `LoadGlobal`'s globals/builtins entry cache (`feedback::GlobalEntry`).
    pub const FB_GLOBAL: OpFlags = OpFlags(1 << 9);
    /// Has an attribute inline cache word (`Code::attr_cache[pc]`).
    pub const ATTR_CACHE: OpFlags = OpFlags(1 << 10);

    /// Does `self` have every flag of `other`?
    #[inline]
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// Does `self` have any flag of `other`?
    #[inline]
    pub const fn intersects(self, other: OpFlags) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for OpFlags {
    type Output = OpFlags;
    fn bitor(self, rhs: OpFlags) -> OpFlags {
        OpFlags(self.0 | rhs.0)
    }
}

/// How an instruction's feedback word (`Code::feedback[pc]`) is encoded (typed views in
/// `bytecode::feedback`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Feedback {
    /// Unused.
    None,
    /// Operand kinds seen (`OpFlags::FB_KINDS`).
    Kinds,
    /// Locals-dict index cache (`OpFlags::FB_NAME_INDEX`).
    NameIndex,
    /// `LoadGlobal`'s cache (`OpFlags::FB_GLOBAL`).
    GlobalCache,
    /// Taken-count of a loop back edge (`OpFlags::BACK_EDGE`).
    BackEdges,
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])*
        $name:ident: $kind:ident [$($flag:ident)*] |$a:pat_param, $j:pat_param| $pops:expr => $pushes:expr;
    )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Op { $( $(#[doc = $doc])* $name, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }
            /// What `arg` means.
            pub const fn arg_kind(self) -> ArgKind {
                match self { $(Op::$name => ArgKind::$kind,)* }
            }
            /// The opcode's properties.
            pub const fn flags(self) -> OpFlags {
                match self { $(Op::$name => OpFlags(0 $(| OpFlags::$flag.0)*),)* }
            }
            /// (items popped, items pushed); `jump` selects the branch-taken case for jumps.
            #[allow(unused_variables, clippy::identity_op)]
            pub fn pops_pushes(self, arg: u32, jump: bool) -> (u32, u32) {
                match self { $(Op::$name => { let $a = arg; let $j = jump; ($pops, $pushes) })* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    Nop: None [] |_, _| 0 => 0;
    /// Function/generator entry point; where `call` trace events and the eval breaker run.
    /// Every code object starts with it. There is no RETURN_GENERATOR/MAKE_CELL/
    /// COPY_FREE_VARS: calling a CO_GENERATOR code makes the generator, and frame set-up
    /// creates cellvar cells (filled from `cell2arg` args) and copies the closure cells.
    /// Comprehensions are functions with one argument `.0` (the outer iterator).
    Resume: None [BREAKER MAY_RAISE] |_, _| 0 => 0;
    /// [a] → []
    PopTop: None [] |_, _| 1 => 0;
    /// Push a new reference to the item `arg` deep (1 = TOS).
    Copy: Depth [] |_, _| 0 => 1;
    /// Swap TOS with the item `arg` deep (2 = TOS1).
    Swap: Depth [] |n, _| n => n;
    /// Push `consts[arg]`.
    LoadConst: Const [] |_, _| 0 => 1;
    /// Push fast local `arg`; `UnboundLocalError` if unbound.
    LoadFast: Local [MAY_RAISE] |_, _| 0 => 1;
    /// Pop into fast local `arg`.
    StoreFast: Local [] |_, _| 1 => 0;
    /// Unbind fast local `arg` (`UnboundLocalError` if unbound).
    DeleteFast: Local [MAY_RAISE] |_, _| 0 => 0;
    /// Push the contents of the cell in localsplus slot `arg` (cell or free variable).
    /// Unbound: `UnboundLocalError` for cellvars, `NameError` ("free variable ...") for free.
    LoadDeref: Cell [MAY_RAISE] |_, _| 0 => 1;
    /// Pop into the cell in localsplus slot `arg`.
    StoreDeref: Cell [] |_, _| 1 => 0;
    /// Empty the cell in localsplus slot `arg`.
    DeleteDeref: Cell [MAY_RAISE] |_, _| 0 => 0;
    /// Class bodies: look up `code.localsplus_names[arg]` in the locals dict first, then
    /// the cell in slot `arg`.
    LoadClassDeref: Cell [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// Push the cell object itself in slot `arg` (building a closure tuple).
    LoadClosure: Cell [] |_, _| 0 => 1;
    /// Push `names[arg]` from the locals dict, then globals, then builtins (`NameError`).
    LoadName: Name [MAY_RAISE CALLS_OUT FB_NAME_INDEX] |_, _| 0 => 1;
    /// Pop into the locals dict under `names[arg]`.
    StoreName: Name [MAY_RAISE CALLS_OUT FB_NAME_INDEX] |_, _| 1 => 0;
    DeleteName: Name [MAY_RAISE CALLS_OUT] |_, _| 0 => 0;
    /// Push global `names[arg]`, falling back to builtins (`NameError`).
    LoadGlobal: Name [MAY_RAISE FB_GLOBAL] |_, _| 0 => 1;
    StoreGlobal: Name [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    DeleteGlobal: Name [MAY_RAISE CALLS_OUT] |_, _| 0 => 0;
    /// [obj] → [obj.names[arg]]
    LoadAttr: Name [MAY_RAISE CALLS_OUT FB_KINDS ATTR_CACHE] |_, _| 1 => 1;
    /// [value, obj] → []: obj.names[arg] = value
    StoreAttr: Name [MAY_RAISE CALLS_OUT ATTR_CACHE] |_, _| 2 => 0;
    /// [obj] → []: del obj.names[arg]
    DeleteAttr: Name [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// [obj] → [meth, obj] when `names[arg]` is a plain method found on the type (unbound),
    /// else [attr, NULL] where NULL is the VM's null marker. Paired with `CallMethod`.
    LoadMethod: Name [MAY_RAISE CALLS_OUT FB_KINDS ATTR_CACHE] |_, _| 1 => 2;
    /// [container, key] → [container[key]]
    BinarySubscr: None [MAY_RAISE CALLS_OUT FB_KINDS] |_, _| 2 => 1;
    /// [value, container, key] → []: container[key] = value
    StoreSubscr: None [MAY_RAISE CALLS_OUT] |_, _| 3 => 0;
    /// [container, key] → []
    DeleteSubscr: None [MAY_RAISE CALLS_OUT] |_, _| 2 => 0;
    /// [a, b] → [a op b]; `arg` is a `BinOp` (`| INPLACE` for augmented assignment).
    BinaryOp: BinOp [MAY_RAISE CALLS_OUT FB_KINDS] |_, _| 2 => 1;
    /// [a] → [-a]
    UnaryNegative: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    UnaryPositive: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [a] → [not a]
    UnaryNot: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [a] → [~a]
    UnaryInvert: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [a, b] → [a cmp b]; `arg` is a `CmpOp`.
    CompareOp: CmpOp [MAY_RAISE CALLS_OUT FB_KINDS] |_, _| 2 => 1;
    /// [a, b] → [a is b] (`arg` = 1: `is not`).
    IsOp: Invert [] |_, _| 2 => 1;
    /// [a, b] → [a in b] (`arg` = 1: `not in`).
    ContainsOp: Invert [MAY_RAISE CALLS_OUT] |_, _| 2 => 1;
    /// Jump to `arg`.
    Jump: Jump [JUMP TERMINATOR] |_, _| 0 => 0;
    /// Backward jump to `arg` (a loop back-edge: eval-breaker check, OSR counter).
    JumpBackward: Jump [JUMP TERMINATOR BACK_EDGE BREAKER MAY_RAISE] |_, _| 0 => 0;
    /// [cond] → []; jump if false.
    PopJumpIfFalse: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    PopJumpIfTrue: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    PopJumpIfNone: Jump [JUMP CONDITIONAL] |_, _| 1 => 0;
    PopJumpIfNotNone: Jump [JUMP CONDITIONAL] |_, _| 1 => 0;
    /// [cond] → jump keeping cond if false, else pop it (`and`).
    JumpIfFalseOrPop: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT] |_, j| if j { 0 } else { 1 } => 0;
    JumpIfTrueOrPop: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT] |_, j| if j { 0 } else { 1 } => 0;
    /// [obj] → [iter(obj)]
    GetIter: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [iter] → [iter, next(iter)]; when exhausted pop iter and jump to `arg`.
    ForIter: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT FB_KINDS] |_, j| if j { 1 } else { 0 } => if j { 0 } else { 1 };
    /// [a1..an] → [(a1..an)]
    BuildTuple: Count [] |n, _| n => 1;
    BuildList: Count [] |n, _| n => 1;
    BuildSet: Count [MAY_RAISE CALLS_OUT] |n, _| n => 1;
    /// [k1, v1, .. kn, vn] → [dict]
    BuildMap: Count [MAY_RAISE CALLS_OUT] |n, _| 2 * n => 1;
    /// [v1..vn, keys_tuple] → [dict]
    BuildConstKeyMap: Count [MAY_RAISE CALLS_OUT] |n, _| n + 1 => 1;
    /// [s1..sn] → [s1+..+sn] (f-string pieces, all str).
    BuildString: Count [] |n, _| n => 1;
    /// [start, stop(, step)] → [slice]; `arg` is 2 or 3.
    BuildSlice: Count [] |n, _| n => 1;
    /// [list, .. (arg-1 items) .., v] → [list, ..]: stack[-arg].append(v) (comprehensions).
    /// (The list is always the comprehension's own: no flags for the non-list fallback.)
    ListAppend: Depth [] |_, _| 1 => 0;
    SetAdd: Depth [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// [dict, .., k, v] → [dict, ..]: stack[-arg][k] = v
    MapAdd: Depth [MAY_RAISE CALLS_OUT] |_, _| 2 => 0;
    /// [list, .., iterable] → [list, ..]: stack[-arg].extend(iterable)
    ListExtend: Depth [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    SetUpdate: Depth [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// [dict, .., mapping] → dict.update(mapping)
    DictUpdate: Depth [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// Like DictUpdate for `**` in calls: `TypeError` on a repeated keyword.
    DictMerge: Depth [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// [list] → [tuple(list)]
    /// (The operand is always a list the compiler built: no flags for the fallback.)
    ListToTuple: None [] |_, _| 1 => 1;
    /// [seq] → [item_n-1 .. item_0] (TOS = item 0); `ValueError` on length mismatch.
    UnpackSequence: Count [MAY_RAISE CALLS_OUT] |n, _| 1 => n;
    /// Starred unpacking: `arg` = before | after << 8; pushes after items, a list, before
    /// items (TOS = first).
    UnpackEx: CountPair [MAY_RAISE CALLS_OUT] |a, _| 1 => (a & 0xff) + (a >> 8) + 1;
    /// [value(, spec)] → [formatted str]; `arg` & 3: 0 none, 1 `!s`, 2 `!r`, 3 `!a`;
    /// `arg` & 4: a format spec is on TOS.
    FormatValue: Flags [MAY_RAISE CALLS_OUT] |a, _| 1 + ((a >> 2) & 1) => 1;
    /// [callable, a1..an] → [result]
    Call: Count [MAY_RAISE CALLS_OUT FB_KINDS] |n, _| n + 1 => 1;
    /// [meth_or_attr, self_or_NULL, a1..an] → [result] (see `LoadMethod`).
    CallMethod: Count [MAY_RAISE CALLS_OUT FB_KINDS] |n, _| n + 2 => 1;
    /// [callable, a1..an, kwnames_tuple] → [result]; the last len(kwnames) args are keywords.
    CallKw: Count [MAY_RAISE CALLS_OUT FB_KINDS] |n, _| n + 2 => 1;
    /// [callable, args_tuple(, kwargs_dict)] → [result]; `arg` & 1: kwargs present.
    CallEx: Flags [MAY_RAISE CALLS_OUT FB_KINDS] |a, _| 2 + (a & 1) => 1;
    /// [defaults?, kwdefaults?, annotations?, closure?, code, qualname] → [function];
    /// `arg` bits: 1 defaults tuple, 2 kwdefaults dict, 4 annotations dict, 8 closure tuple.
    /// `__doc__` is `code.consts[0]` if that is a str (the compiler puts a function's
    /// docstring, or None, first; lambdas get None), as CPython does. The closure tuple
    /// holds one cell per `code.freevars`, in order. A class body is such a function too:
    /// `__build_class__` runs it with the namespace as its locals dict, and it ends with
    /// `LoadLocals; ReturnValue` (after storing its `__class__` cell as `__classcell__`).
    MakeFunction: FunctionFlags [] |a, _| 2 + (a & 15).count_ones() => 1;
    /// [value] → return it.
    ReturnValue: None [TERMINATOR] |_, _| 1 => 0;
    /// [value] → suspend the generator yielding value; on resume push the sent value.
    /// (`throw()` raises here; the caller runs while the frame is suspended: CALLS_OUT.)
    YieldValue: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [obj] → [iter] for `yield from`: generators pass through, others via iter().
    GetYieldFromIter: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [receiver, value] → [receiver, yielded] (then `YieldValue`), or when the receiver
    /// finishes: pop both, push its return value and jump to `arg`.
    /// A `throw()`/`close()` into a generator suspended at the `YieldValue` after a `Send`
    /// is forwarded to the receiver first (PEP 380).
    Send: Jump [JUMP CONDITIONAL MAY_RAISE CALLS_OUT] |_, j| if j { 2 } else { 1 } => 1;
    /// [obj] → [iter] for `await` (CPython's GET_AWAITABLE): a coroutine, or a generator
    /// whose code has CO_ITERABLE_COROUTINE, passes through (RuntimeError if it is already
    /// being awaited); anything else must have `__await__` returning an iterator. `arg`
    /// words the error: 0 `await`, 1 after `__aenter__`, 2 after `__aexit__`.
    GetAwaitable: Flags [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [obj] → [obj.__aiter__()] (`async for`; the result must have `__anext__`).
    GetAIter: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
    /// [aiter] → [aiter, awaitable]: `aiter.__anext__()`, made awaitable as `GetAwaitable`
    /// does; an async generator gives its `asend(None)` object directly.
    GetANext: None [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// [aiter, exc] → []: the handler that ends an `async for`: StopAsyncIteration ends the
    /// loop (both popped), any other exception is re-raised as `Reraise` does.
    EndAsyncFor: None [MAY_RAISE] |_, _| 2 => 0;
    /// [mgr] → [bound __aexit__, mgr.__aenter__()] (`async with`; the result is awaited).
    BeforeAsyncWith: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 2;
    /// [value] → [wrapped]: an async generator's `yield` marks its value, so the
    /// `asend`/`athrow` awaitable driving the generator tells it from the values an
    /// `await` inside passes up to the event loop.
    AsyncGenWrap: None [] |_, _| 1 => 1;
    /// `arg` = 0: re-raise the handled exception; 1: [exc] raise; 2: [exc, cause] raise from.
    Raise: Count [TERMINATOR MAY_RAISE CALLS_OUT] |n, _| n => 0;
    /// [exc] → re-raise exc (end of finally/except blocks); `arg` = n > 0: after popping
    /// exc, the item n deep (n = 1: the new TOS) is a saved lasti to restore first (CPython's
    /// RERAISE oparg: the compiler emits 1 in cleanup blocks, 2 in `with` handlers where the
    /// stack is [exit, lasti, prev_exc, exc]). The unwinder then cuts the stack anyway.
    Reraise: Depth [TERMINATOR MAY_RAISE] |a, _| 1 + a => 0;
    /// [exc] → [prev_handled_exc, exc]: exc becomes the handled exception (`sys.exc_info`).
    PushExcInfo: None [] |_, _| 1 => 2;
    /// [prev_handled_exc] → []: restore the handled exception.
    PopExcept: None [] |_, _| 1 => 0;
    /// [exc, type] → [exc, isinstance-match(exc, type)] (type may be a tuple).
    CheckExcMatch: None [MAY_RAISE] |_, _| 1 => 1;
    /// `except*`: [exc, type] → [rest, match]: split the exception (group) by `type` as
    /// `BaseExceptionGroup.split` does; a naked exception that matches is wrapped in an
    /// `ExceptionGroup("", [exc])`. No match: [exc, None]. (CPython's CHECK_EG_MATCH.)
    CheckEgMatch: None [MAY_RAISE CALLS_OUT] |_, _| 2 => 2;
    /// `except*` end: [orig, list] → [exc or None]: the exception to re-raise from the
    /// original group and the exceptions raised/left unhandled by the handlers in `list`
    /// (CPython's PREP_RERAISE_STAR / `_PyExc_PrepReraiseStar`).
    PrepReraiseStar: None [MAY_RAISE CALLS_OUT] |_, _| 2 => 1;
    /// [mgr] → [bound __exit__, mgr.__enter__()]
    BeforeWith: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 2;
    /// [exit, lasti?, prev_exc, exc] → [.., exc, exit(type(exc), exc, tb)]: `with` body
    /// raised; the handler reads the stack as CPython 3.11's WITH_EXCEPT_START.
    WithExceptStart: None [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// [level, fromlist] → [module]: `import names[arg]`.
    ImportName: Name [MAY_RAISE CALLS_OUT] |_, _| 2 => 1;
    /// [module] → [module, module.names[arg]] (`ImportError` "cannot import name").
    ImportFrom: Name [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// [module] → []: `from module import *` into the locals dict.
    ImportStar: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// Push `builtins.__build_class__`.
    LoadBuildClass: None [MAY_RAISE] |_, _| 0 => 1;
    /// Push `AssertionError`.
    LoadAssertionError: None [] |_, _| 0 => 1;
    /// Ensure the locals dict has `__annotations__`.
    SetupAnnotations: None [MAY_RAISE CALLS_OUT] |_, _| 0 => 0;
    /// [value] → []: the interactive prompt's echo (sys.displayhook).
    PrintExpr: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 0;
    /// Push the locals dict (class bodies hand their namespace back).
    LoadLocals: None [] |_, _| 0 => 1;
    /// [obj] → [obj, len(obj)] (match statements).
    GetLen: None [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// [subject] → [subject, is_mapping]
    MatchMapping: None [] |_, _| 0 => 1;
    /// [subject] → [subject, is_sequence] (not str/bytes/bytearray)
    MatchSequence: None [] |_, _| 0 => 1;
    /// [subject, keys_tuple] → [subject, keys_tuple, values_tuple or None]
    MatchKeys: None [MAY_RAISE CALLS_OUT] |_, _| 0 => 1;
    /// [subject, cls, kw_names_tuple] → [attrs_tuple or None]; `arg` positional count.
    MatchClass: Count [MAY_RAISE CALLS_OUT] |_, _| 3 => 1;
    /// [subject, keys_tuple] → [subject, dict of the remaining items] (`**rest`).
    CopyDictWithoutKeys: None [MAY_RAISE CALLS_OUT] |_, _| 1 => 1;
}

/// `BinaryOp` arguments (CPython's NB_* order).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    LShift,
    MatMul,
    Mul,
    Mod,
    Or,
    Pow,
    RShift,
    Sub,
    TrueDiv,
    Xor,
}

/// Set in a `BinaryOp` argument for the in-place form (`+=` tries `__iadd__` first).
pub const INPLACE: u32 = 16;

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Mod,
        BinOp::Or,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
    ];
    /// The operator of a `BinaryOp` argument (a compare and a load: no division in the loop).
    #[inline(always)]
    pub fn from_arg(arg: u32) -> BinOp {
        match BinOp::ALL.get((arg & 15) as usize) {
            Some(&op) => op,
            None => BinOp::Add,
        }
    }
    /// The operator symbol (`+`), as error messages print it.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Mod => "%",
            BinOp::Or => "|",
            BinOp::Pow => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }
    /// The forward, reflected and in-place dunder names.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// `CompareOp` arguments.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// `a op b` by Rust's ordering (floats: IEEE, so a NaN is unequal to everything, as
    /// in Python).
    #[inline(always)]
    pub fn apply<T: PartialOrd + ?Sized>(self, a: &T, b: &T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }
    /// Does the comparison hold for operands ordered `o` (`None`: unordered, where only
    /// `!=` holds)?
    #[inline(always)]
    pub fn holds(self, o: Option<std::cmp::Ordering>) -> bool {
        match o {
            Some(o) => self.apply(&o, &std::cmp::Ordering::Equal),
            None => self == CmpOp::Ne,
        }
    }
    pub const ALL: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
    #[inline(always)]
    pub fn from_arg(arg: u32) -> CmpOp {
        match CmpOp::ALL.get(arg as usize) {
            Some(&op) => op,
            None => CmpOp::Eq,
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// (dunder, reflected dunder)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// One instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

impl Op {
    /// Net stack change (`pushes - pops`); `jump` selects the branch-taken effect for jumps.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        let (pops, pushes) = self.pops_pushes(arg, jump);
        pushes as i32 - pops as i32
    }
    /// Does `arg` name a jump target?
    #[inline]
    pub const fn is_jump(self) -> bool {
        self.flags().contains(OpFlags::JUMP)
    }
    /// Does the instruction never fall through (unconditional jump, return, raise)?
    #[inline]
    pub const fn is_terminator(self) -> bool {
        self.flags().contains(OpFlags::TERMINATOR)
    }
    /// How the instruction's feedback word is encoded.
    pub const fn feedback(self) -> Feedback {
        let f = self.flags();
        if f.contains(OpFlags::FB_KINDS) {
            Feedback::Kinds
        } else if f.contains(OpFlags::FB_NAME_INDEX) {
            Feedback::NameIndex
        } else if f.contains(OpFlags::FB_GLOBAL) {
            Feedback::GlobalCache
        } else if f.contains(OpFlags::BACK_EDGE) {
            Feedback::BackEdges
        } else {
            Feedback::None
        }
    }
}

#[cfg(test)]
mod tests;
