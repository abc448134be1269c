//! The SyntaxWarnings CPython 3.11's compiler gives for code that can only fail: calling
//! or subscripting a literal, indexing a sequence literal with a non-integer literal, `is`
//! with a literal, an assert on a tuple (`compile.c`: `check_caller`, `check_subscripter`,
//! `check_index`, `check_compare`, `compiler_assert`).

use ruff_python_ast::{self as ast, CmpOp, Expr};

use super::consts::{Const, const_of};

/// The type CPython's `infer_type` gives an expression: displays, comprehensions, lambdas,
/// f-strings and (folded) constants; `None` for anything else.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        Expr::Tuple(_) if const_of(e).is_none() => "tuple",
        _ => const_type(&const_of(e)?),
    })
}

fn const_type(c: &Const) -> &'static str {
    match c {
        Const::None => "NoneType",
        Const::Ellipsis => "ellipsis",
        Const::Bool(_) => "bool",
        Const::Int(_) => "int",
        Const::Float(_) => "float",
        Const::Complex(..) => "complex",
        Const::Str(_) => "str",
        Const::Bytes(_) => "bytes",
        Const::Tuple(_) => "tuple",
    }
}

/// `f()` where `f` is a literal, display or comprehension.
pub fn call(func: &Expr) -> Option<String> {
    let callable_kind = matches!(
        func,
        Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::Dict(_)
            | Expr::DictComp(_)
            | Expr::Set(_)
            | Expr::SetComp(_)
            | Expr::Generator(_)
            | Expr::FString(_)
    ) || const_of(func).is_some();
    let t = infer_type(func).filter(|_| callable_kind)?;
    Some(format!("'{t}' object is not callable; perhaps you missed a comma?"))
}

/// `v[i]`: `v` cannot be subscripted, or is a sequence literal `i` cannot index.
pub fn subscript(value: &Expr, index: &Expr) -> Option<String> {
    let c = const_of(value);
    let unsubscriptable = match &c {
        Some(Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)) => false,
        Some(_) => true,
        None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
    };
    if unsubscriptable {
        let t = infer_type(value)?;
        return Some(format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
    }
    let index_type = infer_type(index).filter(|t| !matches!(*t, "int" | "bool"))?;
    let sequence =
        c.is_some() || matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_));
    if !sequence {
        return None;
    }
    let t = infer_type(value)?;
    Some(format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"))
}

/// `x is 1`: an identity test against a literal other than the named singletons.
pub fn compare(c: &ast::ExprCompare) -> Option<String> {
    let singleton = |e: &Expr| match const_of(e) {
        Some(Const::None | Const::Bool(_) | Const::Ellipsis) => true,
        Some(_) => false,
        None => true,
    };
    let mut left = singleton(&c.left);
    for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
        let r = singleton(right);
        if !(left && r) {
            match op {
                CmpOp::Is => return Some("\"is\" with a literal. Did you mean \"==\"?".into()),
                CmpOp::IsNot => return Some("\"is not\" with a literal. Did you mean \"!=\"?".into()),
                _ => {}
            }
        }
        left = r;
    }
    None
}

/// `assert (x, "msg")`: a non-empty tuple is always true.
pub fn assert(test: &Expr) -> Option<String> {
    match test {
        Expr::Tuple(t) if !t.elts.is_empty() => Some("assertion is always true, perhaps remove parentheses?".into()),
        _ => None,
    }
}
