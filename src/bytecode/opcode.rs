//! The opcode table: every instruction, its argument and its stack effect, defined once.
//!
//! An instruction is `Instr { op, arg }` (8 bytes, 32-bit argument, no EXTENDED_ARG).
//! Jump arguments are absolute instruction indices. "TOS" is the top of the value stack;
//! stack pictures list items bottom→top. The semantics follow CPython 3.11's opcodes
//! (Python/bytecodes.c) unless noted. Exception handling is zero-cost: the compiler emits
//! an exception table (see `code::ExcEntry`) instead of block-setup instructions.
//!
//! Stack effects are given as `|arg, jump| -> i32`: the net change when the instruction
//! falls through (`jump == false`) or branches (`jump == true`).

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident => |$a:pat_param, $j:pat_param| $eff:expr; )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Op { $( $(#[doc = $doc])* $name, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }
            /// Net stack change; `jump` selects the branch-taken effect for jumps.
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self { $(Op::$name => { let $a = arg as i32; let $j = jump; $eff })* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    Nop => |_, _| 0;
    /// Function/generator entry point; where `call` trace events and the eval breaker run.
    /// Every code object starts with it. There is no RETURN_GENERATOR/MAKE_CELL/
    /// COPY_FREE_VARS: calling a CO_GENERATOR code makes the generator, and frame set-up
    /// creates cellvar cells (filled from `cell2arg` args) and copies the closure cells.
    /// Comprehensions are functions with one argument `.0` (the outer iterator).
    Resume => |_, _| 0;
    /// [a] → []
    PopTop => |_, _| -1;
    /// Push a new reference to the item `arg` deep (1 = TOS).
    Copy => |_, _| 1;
    /// Swap TOS with the item `arg` deep (2 = TOS1).
    Swap => |_, _| 0;
    /// Push `consts[arg]`.
    LoadConst => |_, _| 1;
    /// Push fast local `arg`; `UnboundLocalError` if unbound.
    LoadFast => |_, _| 1;
    /// Pop into fast local `arg`.
    StoreFast => |_, _| -1;
    /// Unbind fast local `arg` (`UnboundLocalError` if unbound).
    DeleteFast => |_, _| 0;
    /// Push the contents of the cell in localsplus slot `arg` (cell or free variable).
    /// Unbound: `UnboundLocalError` for cellvars, `NameError` ("free variable ...") for free.
    LoadDeref => |_, _| 1;
    /// Pop into the cell in localsplus slot `arg`.
    StoreDeref => |_, _| -1;
    /// Empty the cell in localsplus slot `arg`.
    DeleteDeref => |_, _| 0;
    /// Class bodies: look up `code.localsplus_names[arg]` in the locals dict first, then
    /// the cell in slot `arg`.
    LoadClassDeref => |_, _| 1;
    /// Push the cell object itself in slot `arg` (building a closure tuple).
    LoadClosure => |_, _| 1;
    /// Push `names[arg]` from the locals dict, then globals, then builtins (`NameError`).
    LoadName => |_, _| 1;
    /// Pop into the locals dict under `names[arg]`.
    StoreName => |_, _| -1;
    DeleteName => |_, _| 0;
    /// Push global `names[arg]`, falling back to builtins (`NameError`).
    LoadGlobal => |_, _| 1;
    StoreGlobal => |_, _| -1;
    DeleteGlobal => |_, _| 0;
    /// [obj] → [obj.names[arg]]
    LoadAttr => |_, _| 0;
    /// [value, obj] → []: obj.names[arg] = value
    StoreAttr => |_, _| -2;
    /// [obj] → []: del obj.names[arg]
    DeleteAttr => |_, _| -1;
    /// [obj] → [meth, obj] when `names[arg]` is a plain method found on the type (unbound),
    /// else [attr, NULL] where NULL is the VM's null marker. Paired with `CallMethod`.
    LoadMethod => |_, _| 1;
    /// [container, key] → [container[key]]
    BinarySubscr => |_, _| -1;
    /// [value, container, key] → []: container[key] = value
    StoreSubscr => |_, _| -3;
    /// [container, key] → []
    DeleteSubscr => |_, _| -2;
    /// [a, b] → [a op b]; `arg` is a `BinOp` (`| INPLACE` for augmented assignment).
    BinaryOp => |_, _| -1;
    /// [a] → [-a]
    UnaryNegative => |_, _| 0;
    UnaryPositive => |_, _| 0;
    /// [a] → [not a]
    UnaryNot => |_, _| 0;
    /// [a] → [~a]
    UnaryInvert => |_, _| 0;
    /// [a, b] → [a cmp b]; `arg` is a `CmpOp`.
    CompareOp => |_, _| -1;
    /// [a, b] → [a is b] (`arg` = 1: `is not`).
    IsOp => |_, _| -1;
    /// [a, b] → [a in b] (`arg` = 1: `not in`).
    ContainsOp => |_, _| -1;
    /// Jump to `arg`.
    Jump => |_, _| 0;
    /// Backward jump to `arg` (a loop back-edge: eval-breaker check, OSR counter).
    JumpBackward => |_, _| 0;
    /// [cond] → []; jump if false.
    PopJumpIfFalse => |_, _| -1;
    PopJumpIfTrue => |_, _| -1;
    PopJumpIfNone => |_, _| -1;
    PopJumpIfNotNone => |_, _| -1;
    /// [cond] → jump keeping cond if false, else pop it (`and`).
    JumpIfFalseOrPop => |_, j| if j { 0 } else { -1 };
    JumpIfTrueOrPop => |_, j| if j { 0 } else { -1 };
    /// [obj] → [iter(obj)]
    GetIter => |_, _| 0;
    /// [iter] → [iter, next(iter)]; when exhausted pop iter and jump to `arg`.
    ForIter => |_, j| if j { -1 } else { 1 };
    /// [a1..an] → [(a1..an)]
    BuildTuple => |n, _| 1 - n;
    BuildList => |n, _| 1 - n;
    BuildSet => |n, _| 1 - n;
    /// [k1, v1, .. kn, vn] → [dict]
    BuildMap => |n, _| 1 - 2 * n;
    /// [v1..vn, keys_tuple] → [dict]
    BuildConstKeyMap => |n, _| -n;
    /// [s1..sn] → [s1+..+sn] (f-string pieces, all str).
    BuildString => |n, _| 1 - n;
    /// [start, stop(, step)] → [slice]; `arg` is 2 or 3.
    BuildSlice => |n, _| 1 - n;
    /// [list, .. (arg-1 items) .., v] → [list, ..]: stack[-arg].append(v) (comprehensions).
    ListAppend => |_, _| -1;
    SetAdd => |_, _| -1;
    /// [dict, .., k, v] → [dict, ..]: stack[-arg][k] = v
    MapAdd => |_, _| -2;
    /// [list, .., iterable] → [list, ..]: stack[-arg].extend(iterable)
    ListExtend => |_, _| -1;
    SetUpdate => |_, _| -1;
    /// [dict, .., mapping] → dict.update(mapping)
    DictUpdate => |_, _| -1;
    /// Like DictUpdate for `**` in calls: `TypeError` on a repeated keyword.
    DictMerge => |_, _| -1;
    /// [list] → [tuple(list)]
    ListToTuple => |_, _| 0;
    /// [seq] → [item_n-1 .. item_0] (TOS = item 0); `ValueError` on length mismatch.
    UnpackSequence => |n, _| n - 1;
    /// Starred unpacking: `arg` = before | after << 8; pushes after items, a list, before
    /// items (TOS = first).
    UnpackEx => |a, _| (a & 0xff) + (a >> 8);
    /// [value(, spec)] → [formatted str]; `arg` & 3: 0 none, 1 `!s`, 2 `!r`, 3 `!a`;
    /// `arg` & 4: a format spec is on TOS.
    FormatValue => |a, _| if a & 4 != 0 { -1 } else { 0 };
    /// [callable, a1..an] → [result]
    Call => |n, _| -n;
    /// [meth_or_attr, self_or_NULL, a1..an] → [result] (see `LoadMethod`).
    CallMethod => |n, _| -n - 1;
    /// [callable, a1..an, kwnames_tuple] → [result]; the last len(kwnames) args are keywords.
    CallKw => |n, _| -n - 1;
    /// [callable, args_tuple(, kwargs_dict)] → [result]; `arg` & 1: kwargs present.
    CallEx => |a, _| if a & 1 != 0 { -2 } else { -1 };
    /// [defaults?, kwdefaults?, annotations?, closure?, code, qualname] → [function];
    /// `arg` bits: 1 defaults tuple, 2 kwdefaults dict, 4 annotations dict, 8 closure tuple.
    /// `__doc__` is `code.consts[0]` if that is a str (the compiler puts a function's
    /// docstring, or None, first; lambdas get None), as CPython does. The closure tuple
    /// holds one cell per `code.freevars`, in order. A class body is such a function too:
    /// `__build_class__` runs it with the namespace as its locals dict, and it ends with
    /// `LoadLocals; ReturnValue` (after storing its `__class__` cell as `__classcell__`).
    MakeFunction => |a, _| -1 - (a & 1) - ((a >> 1) & 1) - ((a >> 2) & 1) - ((a >> 3) & 1);
    /// [value] → return it.
    ReturnValue => |_, _| -1;
    /// [value] → suspend the generator yielding value; on resume push the sent value.
    YieldValue => |_, _| 0;
    /// [obj] → [iter] for `yield from`: generators pass through, others via iter().
    GetYieldFromIter => |_, _| 0;
    /// [receiver, value] → [receiver, yielded] (then `YieldValue`), or when the receiver
    /// finishes: pop both, push its return value and jump to `arg`.
    /// A `throw()`/`close()` into a generator suspended at the `YieldValue` after a `Send`
    /// is forwarded to the receiver first (PEP 380).
    Send => |_, j| if j { -1 } else { 0 };
    /// `arg` = 0: re-raise the handled exception; 1: [exc] raise; 2: [exc, cause] raise from.
    Raise => |n, _| -n;
    /// [exc] → re-raise exc (end of finally/except blocks); `arg` = n > 0: after popping
    /// exc, the item n deep (n = 1: the new TOS) is a saved lasti to restore first (CPython's
    /// RERAISE oparg: the compiler emits 1 in cleanup blocks, 2 in `with` handlers where the
    /// stack is [exit, lasti, prev_exc, exc]). The unwinder then cuts the stack anyway.
    Reraise => |a, _| -1 - a;
    /// [exc] → [prev_handled_exc, exc]: exc becomes the handled exception (`sys.exc_info`).
    PushExcInfo => |_, _| 1;
    /// [prev_handled_exc] → []: restore the handled exception.
    PopExcept => |_, _| -1;
    /// [exc, type] → [exc, isinstance-match(exc, type)] (type may be a tuple).
    CheckExcMatch => |_, _| 0;
    /// `except*`: [exc, type] → [rest, match]: split the exception (group) by `type` as
    /// `BaseExceptionGroup.split` does; a naked exception that matches is wrapped in an
    /// `ExceptionGroup("", [exc])`. No match: [exc, None]. (CPython's CHECK_EG_MATCH.)
    CheckEgMatch => |_, _| 0;
    /// `except*` end: [orig, list] → [exc or None]: the exception to re-raise from the
    /// original group and the exceptions raised/left unhandled by the handlers in `list`
    /// (CPython's PREP_RERAISE_STAR / `_PyExc_PrepReraiseStar`).
    PrepReraiseStar => |_, _| -1;
    /// [mgr] → [bound __exit__, mgr.__enter__()]
    BeforeWith => |_, _| 1;
    /// [exit, lasti?, prev_exc, exc] → [.., exc, exit(type(exc), exc, tb)]: `with` body
    /// raised; the handler reads the stack as CPython 3.11's WITH_EXCEPT_START.
    WithExceptStart => |_, _| 1;
    /// [level, fromlist] → [module]: `import names[arg]`.
    ImportName => |_, _| -1;
    /// [module] → [module, module.names[arg]] (`ImportError` "cannot import name").
    ImportFrom => |_, _| 1;
    /// [module] → []: `from module import *` into the locals dict.
    ImportStar => |_, _| -1;
    /// Push `builtins.__build_class__`.
    LoadBuildClass => |_, _| 1;
    /// Push `AssertionError`.
    LoadAssertionError => |_, _| 1;
    /// Ensure the locals dict has `__annotations__`.
    SetupAnnotations => |_, _| 0;
    /// [value] → []: the interactive prompt's echo (sys.displayhook).
    PrintExpr => |_, _| -1;
    /// Push the locals dict (class bodies hand their namespace back).
    LoadLocals => |_, _| 1;
    /// [obj] → [obj, len(obj)] (match statements).
    GetLen => |_, _| 1;
    /// [subject] → [subject, is_mapping]
    MatchMapping => |_, _| 1;
    /// [subject] → [subject, is_sequence] (not str/bytes/bytearray)
    MatchSequence => |_, _| 1;
    /// [subject, keys_tuple] → [subject, keys_tuple, values_tuple or None]
    MatchKeys => |_, _| 1;
    /// [subject, cls, kw_names_tuple] → [attrs_tuple or None]; `arg` positional count.
    MatchClass => |_, _| -2;
    /// [subject, keys_tuple] → [subject, dict of the remaining items] (`**rest`).
    CopyDictWithoutKeys => |_, _| 0;
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
    /// Does `arg` name a jump target?
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpBackward
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::PopJumpIfNone
                | Op::PopJumpIfNotNone
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop
                | Op::ForIter
                | Op::Send
        )
    }
}
