//! The builtin type objects, exception classes and singletons, built once at start-up.

use crate::objects::dict::PyDict;
use crate::objects::int::PyBool;
use crate::objects::singletons::{PyEllipsis, PyNone, PyNotImplemented};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::objects::type_::{PyType, TF_BASETYPE};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};

macro_rules! builtin_types {
    ($($field:ident: $name:literal, $kind:ident, $base:ident, $flags:expr;)*) => {
        /// Every builtin (non-exception) type object.
        pub struct Types {
            $(pub $field: Value,)*
        }
        fn make_types() -> Types {
            // `type` first: every other object's header points at it.
            let type_ = layout::alloc_untyped(PyType::new("type", Kind::Type, TF_BASETYPE));
            layout::init_type(&type_, &type_);
            let mk = |name: &str, kind: Kind, flags: u32| {
                if name == "type" {
                    return type_.clone();
                }
                let t = layout::alloc_untyped(PyType::new(name, kind, flags));
                layout::init_type(&t, &type_);
                t
            };
            $(let $field = mk($name, Kind::$kind, $flags);)*
            let all: Vec<(&str, &Value)> = vec![$((stringify!($field), &$field)),*];
            let object_v = all[0].1.clone();
            $(set_base(&$field, stringify!($base), &object_v, &all);)*
            Types { $($field,)* }
        }
    };
}

/// Links a builtin type to its base and computes its (single-inheritance) MRO.
fn set_base(t: &Value, base: &str, object: &Value, all: &[(&str, &Value)]) {
    let tp = t.as_type().expect("type");
    let base_v = all.iter().find(|(n, _)| *n == base).map(|(_, v)| (*v).clone());
    let mut mro = vec![t.clone()];
    if let Some(b) = base_v.filter(|b| !b.is(t)) {
        tp.bases.borrow_mut().push(b.clone());
        // Bases appear earlier in the table, so their MRO is complete.
        mro.extend(b.as_type().expect("type").mro.borrow().iter().cloned());
    } else if !t.is(object) {
        tp.bases.borrow_mut().push(object.clone());
        mro.push(object.clone());
    }
    *tp.mro.borrow_mut() = mro;
    layout::make_immortal(t);
}

const B: u32 = TF_BASETYPE;
builtin_types! {
    object: "object", Instance, object, B;
    type_: "type", Type, object, B;
    none_type: "NoneType", None, object, 0;
    not_implemented_type: "NotImplementedType", NotImplemented, object, 0;
    ellipsis_type: "ellipsis", Ellipsis, object, 0;
    int: "int", Int, object, B;
    bool: "bool", Bool, int, 0;
    float: "float", Float, object, B;
    complex: "complex", Complex, object, B;
    str: "str", Str, object, B;
    bytes: "bytes", Bytes, object, B;
    bytearray: "bytearray", ByteArray, object, B;
    list: "list", List, object, B;
    tuple: "tuple", Tuple, object, B;
    dict: "dict", Dict, object, B;
    dict_keys: "dict_keys", DictView, object, 0;
    dict_values: "dict_values", DictView, object, 0;
    dict_items: "dict_items", DictView, object, 0;
    set: "set", Set, object, B;
    frozenset: "frozenset", FrozenSet, object, B;
    range: "range", Range, object, 0;
    slice: "slice", Slice, object, 0;
    function: "function", Function, object, 0;
    method: "method", BoundMethod, object, 0;
    builtin_function: "builtin_function_or_method", Builtin, object, 0;
    method_descriptor: "method_descriptor", Builtin, object, 0;
    module: "module", Module, object, B;
    cell: "cell", Cell, object, 0;
    code: "code", Code, object, 0;
    generator: "generator", Generator, object, 0;
    coroutine: "coroutine", Generator, object, 0;
    async_generator: "async_generator", Generator, object, 0;
    property: "property", Property, object, B;
    staticmethod: "staticmethod", StaticMethod, object, B;
    classmethod: "classmethod", ClassMethod, object, B;
    super_: "super", Super, object, B;
    getset_descriptor: "getset_descriptor", GetSet, object, 0;
    member_descriptor: "member_descriptor", MemberDescr, object, 0;
    mappingproxy: "mappingproxy", Instance, object, 0;
    union_type: "UnionType", Instance, object, 0;
    generic_alias: "GenericAlias", Instance, object, B;
    frame: "frame", Frame, object, 0;
    traceback: "traceback", Traceback, object, 0;
    list_iterator: "list_iterator", NativeIter, object, 0;
    list_reverseiterator: "list_reverseiterator", NativeIter, object, 0;
    tuple_iterator: "tuple_iterator", NativeIter, object, 0;
    str_iterator: "str_ascii_iterator", NativeIter, object, 0;
    str_nonascii_iterator: "str_iterator", NativeIter, object, 0;
    bytes_iterator: "bytes_iterator", NativeIter, object, 0;
    bytearray_iterator: "bytearray_iterator", NativeIter, object, 0;
    range_iterator: "range_iterator", NativeIter, object, 0;
    longrange_iterator: "longrange_iterator", NativeIter, object, 0;
    dict_keyiterator: "dict_keyiterator", NativeIter, object, 0;
    dict_valueiterator: "dict_valueiterator", NativeIter, object, 0;
    dict_itemiterator: "dict_itemiterator", NativeIter, object, 0;
    dict_reversekeyiterator: "dict_reversekeyiterator", NativeIter, object, 0;
    dict_reversevalueiterator: "dict_reversevalueiterator", NativeIter, object, 0;
    dict_reverseitemiterator: "dict_reverseitemiterator", NativeIter, object, 0;
    set_iterator: "set_iterator", NativeIter, object, 0;
    seq_iterator: "iterator", NativeIter, object, 0;
    callable_iterator: "callable_iterator", NativeIter, object, 0;
    enumerate: "enumerate", NativeIter, object, B;
    zip: "zip", NativeIter, object, B;
    map: "map", NativeIter, object, B;
    filter: "filter", NativeIter, object, B;
    reversed: "reversed", NativeIter, object, B;
    text_io: "TextIOWrapper", File, object, B;
    buffered_reader: "BufferedReader", File, object, B;
    buffered_writer: "BufferedWriter", File, object, B;
    base_exception: "BaseException", Exception, object, B;
}

macro_rules! exception_types {
    ($($field:ident: $name:literal < $base:ident;)*) => {
        /// The builtin exception hierarchy.
        pub struct ExcTypes {
            $(pub $field: Value,)*
        }
        impl ExcTypes {
            /// (name, class) for every builtin exception, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, &Value)> {
                vec![$(($name, &self.$field),)*]
            }
        }
        fn make_exceptions(t: &Types) -> ExcTypes {
            let mut made: Vec<(&str, Value)> = vec![("base_exception", t.base_exception.clone())];
            $(
                let base = made.iter().find(|(n, _)| *n == stringify!($base)).map(|(_, v)| v.clone());
                let $field = new_exc_type($name, &base.expect("exception base defined earlier"));
                made.push((stringify!($field), $field.clone()));
            )*
            ExcTypes { $($field,)* }
        }
    };
}

fn new_exc_type(name: &str, base: &Value) -> Value {
    let t = layout::alloc_untyped(PyType::new(name, Kind::Exception, TF_BASETYPE));
    layout::init_type(&t, &types().type_);
    let tp = t.as_type().expect("type");
    tp.bases.borrow_mut().push(base.clone());
    let mut mro = vec![t.clone()];
    mro.extend(base.as_type().expect("type").mro.borrow().iter().cloned());
    *tp.mro.borrow_mut() = mro;
    layout::make_immortal(&t);
    t
}

exception_types! {
    system_exit: "SystemExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    exception: "Exception" < base_exception;
    stop_iteration: "StopIteration" < exception;
    stop_async_iteration: "StopAsyncIteration" < exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    blocking_io_error: "BlockingIOError" < os_error;
    child_process_error: "ChildProcessError" < os_error;
    connection_error: "ConnectionError" < os_error;
    broken_pipe_error: "BrokenPipeError" < connection_error;
    connection_aborted_error: "ConnectionAbortedError" < connection_error;
    connection_refused_error: "ConnectionRefusedError" < connection_error;
    connection_reset_error: "ConnectionResetError" < connection_error;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    interrupted_error: "InterruptedError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    process_lookup_error: "ProcessLookupError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    unicode_translate_error: "UnicodeTranslateError" < unicode_error;
    warning: "Warning" < exception;
    deprecation_warning: "DeprecationWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    user_warning: "UserWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    bytes_warning: "BytesWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
}

/// Immortal singleton values.
pub struct Singletons {
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    /// One-character strings for every ASCII code (indexing and iteration reuse them).
    pub ascii: Vec<Value>,
}

static TYPES: GilCell<Types> = GilCell::new();
static EXC: GilCell<ExcTypes> = GilCell::new();
static SINGLETONS: GilCell<Singletons> = GilCell::new();

#[inline(always)]
pub fn types() -> &'static Types {
    TYPES.get()
}
#[inline(always)]
pub fn exc() -> &'static ExcTypes {
    EXC.get()
}
#[inline(always)]
pub fn singletons() -> &'static Singletons {
    SINGLETONS.get()
}

/// The singletons, if start-up has made them.
pub fn try_singletons() -> Option<&'static Singletons> {
    SINGLETONS.try_get()
}

pub fn ascii_char(b: u8) -> Value {
    singletons().ascii[b as usize].clone()
}

/// Builds the type objects and singletons; idempotent. Methods are added by `vm` start-up.
pub fn init() {
    let t = TYPES.init(make_types);
    EXC.init(|| make_exceptions(t));
    SINGLETONS.init(|| {
        let imm = |v: Value| {
            layout::make_immortal(&v);
            v
        };
        Singletons {
            none: imm(layout::alloc(&t.none_type, PyNone)),
            true_: imm(layout::alloc(&t.bool, PyBool(true))),
            false_: imm(layout::alloc(&t.bool, PyBool(false))),
            not_implemented: imm(layout::alloc(&t.not_implemented_type, PyNotImplemented)),
            ellipsis: imm(layout::alloc(&t.ellipsis_type, PyEllipsis)),
            empty_tuple: imm(layout::alloc(&t.tuple, PyTuple(Box::new([])))),
            empty_str: imm(layout::alloc(&t.str, PyStr::new(""))),
            ascii: (0u8..128).map(|b| imm(layout::alloc(&t.str, PyStr::new((b as char).to_string())))).collect(),
        }
    });
}

#[allow(dead_code)]
fn _unused(_: PyDict) {}
