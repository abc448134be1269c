//! Calling any callable: builtins, bound methods, types, instances with `__call__`, and
//! Python functions (argument binding into a new frame, run by the interpreter loop).

use crate::objects::builtin_func::PyBuiltin;
use crate::objects::function::PyBoundMethod;
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::{ArgVec, Args, PyResult, Vm};

impl Vm {
    /// Calls `f` with `args`.
    pub fn call(&mut self, f: &Value, args: Args<'_>) -> PyResult {
        match f.kind() {
            Kind::Builtin => {
                let Some(b) = f.payload::<PyBuiltin>() else { unreachable!() };
                match &b.self_ {
                    None => (b.func)(self, args),
                    Some(s) => {
                        let mut v: ArgVec = smallvec::smallvec![s.clone()];
                        v.extend(args.values.iter().cloned());
                        (b.func)(self, Args::new(&v, args.kwnames))
                    }
                }
            }
            Kind::BoundMethod => {
                let Some(m) = f.payload::<PyBoundMethod>() else { unreachable!() };
                let mut v: ArgVec = smallvec::smallvec![m.self_.clone()];
                v.extend(args.values.iter().cloned());
                let func = m.func.clone();
                self.call(&func, Args::new(&v, args.kwnames))
            }
            Kind::Function => self.call_function(f, args),
            Kind::Type => self.call_type(f, args),
            _ => match self.lookup_special(f, "__call__") {
                Some(c) => self.call_found_call(&c, f, args),
                None => Err(type_error(format!("'{}' object is not callable", type_name(f)))),
            },
        }
    }

    /// Calls `__call__` attribute `c`, found on `obj`'s type, for `obj(*args)`: functions
    /// get `obj` first; anything else goes through the descriptor protocol, so a
    /// staticmethod or a plain class (`typing`'s `__call__ = dict` on a metaclass) is
    /// called without it, as CPython's slot lookup does.
    fn call_found_call(&mut self, c: &Value, obj: &Value, args: Args<'_>) -> PyResult {
        if c.kind() == Kind::Function {
            let mut v: ArgVec = smallvec::smallvec![obj.clone()];
            v.extend(args.values.iter().cloned());
            return self.call(c, Args::new(&v, args.kwnames));
        }
        let owner = obj.type_of().clone();
        let bound = self.descr_get(c, Some(obj), &owner)?;
        self.call(&bound, args)
    }

    /// Calls with positional arguments only.
    pub fn call_pos(&mut self, f: &Value, args: &[Value]) -> PyResult {
        self.call(f, Args::positional_only(args))
    }

    /// `cls(*args)`: `type.__call__`, i.e. `__new__` then `__init__`.
    pub fn call_type(&mut self, cls: &Value, args: Args<'_>) -> PyResult {
        let meta = cls.type_of().clone();
        if !meta.is(&crate::objects::types().type_) {
            if let Some(c) = meta.as_type().and_then(|t| t.lookup("__call__")) {
                if c.kind() != Kind::Builtin {
                    return self.call_found_call(&c, cls, args);
                }
            }
        }
        crate::objects::type_::type_call(self, cls, args)
    }
}
