//! The `_ast` module: CPython 3.11's AST node classes (names, bases, `_fields`,
//! `_attributes`, the `AST` constructor), so CPython's `ast.py` imports and `inspect`
//! (which asyncio uses) works. pylift parses with Ruff and has no `ast.parse` of its own
//! yet: `compile(..., PyCF_ONLY_AST)` is not supported, only the classes are.

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::types;
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::{add_method, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// (class, base, `_fields`, `_attributes` or "-" to inherit), bases first; recorded from
/// CPython 3.11's `_ast`.
const NODES: &[(&str, &str, &str, &str)] = &[
    ("operator", "AST", "", ""),
    ("Add", "operator", "", "-"),
    ("boolop", "AST", "", ""),
    ("And", "boolop", "", "-"),
    ("stmt", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("AnnAssign", "stmt", "target annotation value simple", "-"),
    ("Assert", "stmt", "test msg", "-"),
    ("Assign", "stmt", "targets value type_comment", "-"),
    ("AsyncFor", "stmt", "target iter body orelse type_comment", "-"),
    ("AsyncFunctionDef", "stmt", "name args body decorator_list returns type_comment", "-"),
    ("AsyncWith", "stmt", "items body type_comment", "-"),
    ("expr", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("Attribute", "expr", "value attr ctx", "-"),
    ("AugAssign", "stmt", "target op value", "-"),
    ("Await", "expr", "value", "-"),
    ("BinOp", "expr", "left op right", "-"),
    ("BitAnd", "operator", "", "-"),
    ("BitOr", "operator", "", "-"),
    ("BitXor", "operator", "", "-"),
    ("BoolOp", "expr", "op values", "-"),
    ("Break", "stmt", "", "-"),
    ("Call", "expr", "func args keywords", "-"),
    ("ClassDef", "stmt", "name bases keywords body decorator_list", "-"),
    ("Compare", "expr", "left ops comparators", "-"),
    ("Constant", "expr", "value kind", "-"),
    ("Continue", "stmt", "", "-"),
    ("expr_context", "AST", "", ""),
    ("Del", "expr_context", "", "-"),
    ("Delete", "stmt", "targets", "-"),
    ("Dict", "expr", "keys values", "-"),
    ("DictComp", "expr", "key value generators", "-"),
    ("Div", "operator", "", "-"),
    ("cmpop", "AST", "", ""),
    ("Eq", "cmpop", "", "-"),
    ("excepthandler", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("ExceptHandler", "excepthandler", "type name body", "-"),
    ("Expr", "stmt", "value", "-"),
    ("mod", "AST", "", ""),
    ("Expression", "mod", "body", "-"),
    ("FloorDiv", "operator", "", "-"),
    ("For", "stmt", "target iter body orelse type_comment", "-"),
    ("FormattedValue", "expr", "value conversion format_spec", "-"),
    ("FunctionDef", "stmt", "name args body decorator_list returns type_comment", "-"),
    ("FunctionType", "mod", "argtypes returns", "-"),
    ("GeneratorExp", "expr", "elt generators", "-"),
    ("Global", "stmt", "names", "-"),
    ("Gt", "cmpop", "", "-"),
    ("GtE", "cmpop", "", "-"),
    ("If", "stmt", "test body orelse", "-"),
    ("IfExp", "expr", "test body orelse", "-"),
    ("Import", "stmt", "names", "-"),
    ("ImportFrom", "stmt", "module names level", "-"),
    ("In", "cmpop", "", "-"),
    ("Interactive", "mod", "body", "-"),
    ("unaryop", "AST", "", ""),
    ("Invert", "unaryop", "", "-"),
    ("Is", "cmpop", "", "-"),
    ("IsNot", "cmpop", "", "-"),
    ("JoinedStr", "expr", "values", "-"),
    ("LShift", "operator", "", "-"),
    ("Lambda", "expr", "args body", "-"),
    ("List", "expr", "elts ctx", "-"),
    ("ListComp", "expr", "elt generators", "-"),
    ("Load", "expr_context", "", "-"),
    ("Lt", "cmpop", "", "-"),
    ("LtE", "cmpop", "", "-"),
    ("MatMult", "operator", "", "-"),
    ("Match", "stmt", "subject cases", "-"),
    ("pattern", "AST", "", "lineno col_offset end_lineno end_col_offset"),
    ("MatchAs", "pattern", "pattern name", "-"),
    ("MatchClass", "pattern", "cls patterns kwd_attrs kwd_patterns", "-"),
    ("MatchMapping", "pattern", "keys patterns rest", "-"),
    ("MatchOr", "pattern", "patterns", "-"),
    ("MatchSequence", "pattern", "patterns", "-"),
    ("MatchSingleton", "pattern", "value", "-"),
    ("MatchStar", "pattern", "name", "-"),
    ("MatchValue", "pattern", "value", "-"),
    ("Mod", "operator", "", "-"),
    ("Module", "mod", "body type_ignores", "-"),
    ("Mult", "operator", "", "-"),
    ("Name", "expr", "id ctx", "-"),
    ("NamedExpr", "expr", "target value", "-"),
    ("Nonlocal", "stmt", "names", "-"),
    ("Not", "unaryop", "", "-"),
    ("NotEq", "cmpop", "", "-"),
    ("NotIn", "cmpop", "", "-"),
    ("Or", "boolop", "", "-"),
    ("Pass", "stmt", "", "-"),
    ("Pow", "operator", "", "-"),
    ("RShift", "operator", "", "-"),
    ("Raise", "stmt", "exc cause", "-"),
    ("Return", "stmt", "value", "-"),
    ("Set", "expr", "elts", "-"),
    ("SetComp", "expr", "elt generators", "-"),
    ("Slice", "expr", "lower upper step", "-"),
    ("Starred", "expr", "value ctx", "-"),
    ("Store", "expr_context", "", "-"),
    ("Sub", "operator", "", "-"),
    ("Subscript", "expr", "value slice ctx", "-"),
    ("Try", "stmt", "body handlers orelse finalbody", "-"),
    ("TryStar", "stmt", "body handlers orelse finalbody", "-"),
    ("Tuple", "expr", "elts ctx", "-"),
    ("type_ignore", "AST", "", ""),
    ("TypeIgnore", "type_ignore", "lineno tag", "-"),
    ("UAdd", "unaryop", "", "-"),
    ("USub", "unaryop", "", "-"),
    ("UnaryOp", "expr", "op operand", "-"),
    ("While", "stmt", "test body orelse", "-"),
    ("With", "stmt", "items body type_comment", "-"),
    ("Yield", "expr", "value", "-"),
    ("YieldFrom", "expr", "value", "-"),
    ("alias", "AST", "name asname", "lineno col_offset end_lineno end_col_offset"),
    ("arg", "AST", "arg annotation type_comment", "lineno col_offset end_lineno end_col_offset"),
    ("arguments", "AST", "posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults", ""),
    ("comprehension", "AST", "target iter ifs is_async", ""),
    ("keyword", "AST", "arg value", "lineno col_offset end_lineno end_col_offset"),
    ("match_case", "AST", "pattern guard body", ""),
    ("withitem", "AST", "context_expr optional_vars", ""),
];

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill `_fields` in order,
/// keywords set attributes (CPython's ast_type_init).
fn ast_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((this, pos)) = args.pos().split_first() else { return Err(type_error("AST.__init__ needs self")) };
    let fields = vm.getattr_str(this, "_fields")?;
    let fields = vm.to_vec(&fields)?;
    if pos.len() > fields.len() {
        let name = crate::vm::protocol::type_name(this);
        let n = fields.len();
        return Err(type_error(format!(
            "{name} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    for (f, v) in fields.iter().zip(pos) {
        vm.setattr(this, f, v.clone())?;
    }
    for (k, v) in args.kwargs() {
        vm.setattr(this, &new_str(k), v.clone())?;
    }
    Ok(none())
}

fn names(s: &str) -> Value {
    new_tuple(s.split_whitespace().map(new_str).collect())
}

pub fn register() {
    crate::vm::interp::register_native("_ast", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_ast");
    let d = module_dict(&m);
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    let class = |vm: &mut Vm, name: &str, base: &Value, fields: Option<Value>, attrs: Option<Value>| -> PyResult {
        let ns = layout::alloc(&types().dict, PyDict::new());
        let nd = ns.payload::<PyDict>().ok_or_else(|| type_error("dict"))?;
        nd.set_str(new_str("__module__"), new_str("ast"));
        if let Some(f) = fields {
            nd.set_str(new_str("__match_args__"), f.clone());
            nd.set_str(new_str("_fields"), f);
        }
        if let Some(a) = attrs {
            nd.set_str(new_str("_attributes"), a);
        }
        let t = types().type_.clone();
        vm.call_pos(&t, &[new_str(name), new_tuple(vec![base.clone()]), ns])
    };
    let ast = class(vm, "AST", &types().object.clone(), Some(names("")), Some(names("")))?;
    add_method(&ast, "__init__", ast_init);
    if let Some(t) = ast.as_type() {
        t.modified();
    }
    dd.set_str(new_str("AST"), ast);
    for (name, base, fields, attrs) in NODES {
        let b = dd.get_str(base).ok_or_else(|| type_error(format!("_ast: no base {base}")))?;
        let attrs = (*attrs != "-").then(|| names(attrs));
        let c = class(vm, name, &b, Some(names(fields)), attrs)?;
        dd.set_str(new_str(*name), c);
    }
    for (k, v) in [("PyCF_ONLY_AST", 1024), ("PyCF_TYPE_COMMENTS", 4096), ("PyCF_ALLOW_TOP_LEVEL_AWAIT", 8192)] {
        dd.set_str(new_str(k), new_int(v));
    }
    Ok(m)
}
