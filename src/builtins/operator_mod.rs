//! The native `_operator` module: only `_compare_digest` (what `hmac` imports from it);
//! the rest of `operator` is pylift's `lib/operator.py`.

use crate::builtins::memoryview::buffer_bytes;
use crate::objects::py_bool;
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_operator", init_operator);
}

/// `_compare_digest(a, b)`: equality in time independent of where the inputs differ,
/// over two ASCII strs or two bytes-like objects.
fn compare_digest(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("_compare_digest")?;
    let (x, y) = match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.as_bytes().to_vec(), y.as_bytes().to_vec())
        }
        // CPython's order: neither has a buffer, then `a`'s, then `b`'s.
        _ => match (buffer_bytes(a), buffer_bytes(b)) {
            (Some(x), Some(y)) => (x, y),
            (None, None) => {
                return Err(type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    type_name(a),
                    type_name(b)
                )));
            }
            (None, _) => return Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(a)))),
            (_, None) => return Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(b)))),
        },
    };
    // Every byte of `y` is looked at whatever the contents, as CPython's
    // `_tscmp`; only the length leaks.
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(py_bool(diff == 0))
}

fn init_operator(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_operator");
    add_function(&module_dict(&m), "_operator", "_compare_digest", compare_digest);
    Ok(m)
}
