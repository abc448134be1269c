//! `import`: name resolution (relative imports, `__package__`), the `sys.modules` fast path,
//! `__import__` hooks, `from m import x` and `import *`. A miss in `sys.modules` goes to
//! `imports/load.rs`, which asks the finders on `sys.meta_path`.

use crate::objects::builtin_func::PyBuiltin;
use crate::objects::dict::PyDict;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, import_error, type_error, value_error};
use crate::vm::{Args, PyResult, Vm};

mod cache;
mod load;
mod main_module;

pub use load::{bootstrap_dicts, frozen_code, install_importlib};
pub use main_module::{main_loader, main_module_spec, run_main_spec};

/// Builds a native module: returns the module object (registered by the importer).
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Modules implemented in Rust, by name. Add an entry to make `import name` work.
pub static NATIVE_MODULES: std::sync::Mutex<Vec<(&'static str, NativeModuleInit)>> = std::sync::Mutex::new(Vec::new());

/// Makes `import name` build native module `name` with `init` (the first registration of
/// a name stands).
pub fn register_native(name: &'static str, init: NativeModuleInit) {
    if let Ok(mut t) = NATIVE_MODULES.lock() {
        if !t.iter().any(|(n, _)| *n == name) {
            t.push((name, init));
        }
    }
}

/// The init function of native module `name`.
pub fn native_init(name: &str) -> Option<NativeModuleInit> {
    let t = NATIVE_MODULES.lock().ok()?;
    t.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Names of all native modules (`sys.builtin_module_names` adds `builtins`, `sys`, `_imp`).
pub fn native_names() -> Vec<&'static str> {
    NATIVE_MODULES.lock().map(|t| t.iter().map(|(n, _)| *n).collect()).unwrap_or_default()
}

/// `ModuleNotFoundError("No module named 'x'", name='x')` and its relatives.
pub(crate) fn module_not_found(msg: String, name: &str) -> PyErr {
    let e = PyErr::new(&exc().module_not_found_error, msg);
    crate::objects::exception::set_attr(&e.0, "name", new_str(name));
    e
}

fn dict_get(d: &Value, key: &str) -> Option<Value> {
    d.payload::<PyDict>().and_then(|d| d.get_str(key))
}

impl Vm {
    /// `ImportName`: `import name` / `from name import ...` (level > 0: relative). A
    /// replaced `builtins.__import__` is called instead, as CPython does.
    pub fn import_name(&mut self, name: &Value, fromlist: &Value, level: &Value) -> PyResult {
        let (globals, locals, builtins) = match self.frames.last() {
            Some(f) => (f.globals.clone(), f.locals.clone().unwrap_or_else(none), f.builtins.clone()),
            None => (none(), none(), self.builtins.clone()),
        };
        let Some(hook) = dict_get(&builtins, "__import__") else {
            return Err(import_error("__import__ not found"));
        };
        let default = hook.payload::<PyBuiltin>().is_some_and(|b| b.name == "__import__" && b.owner == "builtins");
        if !default {
            let args = [name.clone(), globals, locals, fromlist.clone(), level.clone()];
            return self.call(&hook, Args::positional_only(&args));
        }
        self.import_module_level(name, &globals, fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)` (CPython's
    /// `PyImport_ImportModuleLevelObject`).
    pub fn import_module_level(&mut self, name: &Value, globals: &Value, fromlist: &Value, level: &Value) -> PyResult {
        let Some(name_s) = name.as_str().map(str::to_owned) else {
            return Err(type_error("module name must be a string"));
        };
        let level = crate::objects::int::to_i64(level).unwrap_or(0);
        if level < 0 {
            return Err(value_error("level must be >= 0"));
        }
        let full = if level > 0 {
            self.resolve_name(&name_s, globals, level)?
        } else {
            if name_s.is_empty() {
                return Err(value_error("Empty module name"));
            }
            name_s.clone()
        };
        let module = self.import_module(&full)?;
        let has_fromlist = !fromlist.is_none() && self.truthy(fromlist)?;
        if !has_fromlist {
            if level == 0 || !name_s.is_empty() {
                // `import a.b.c` binds `a`: the module named by cutting the tail off.
                let first = name_s.split('.').next().unwrap_or("");
                if level == 0 {
                    if first.len() == full.len() {
                        return Ok(module);
                    }
                    return self.import_module(first);
                }
                let cut = name_s.len() - first.len();
                let base = &full[..full.len() - cut];
                return match dict_get(&self.modules, base) {
                    Some(m) => Ok(m),
                    None => Err(PyErr::new(&exc().key_error, format!("{base:?} not in sys.modules as expected"))),
                };
            }
            return Ok(module);
        }
        if self.getattr_opt(&module, "__path__")?.is_some() {
            self.handle_fromlist(&module, &full, fromlist)?;
        }
        Ok(module)
    }

    /// `from package import a, b`: imports `package.a` when `a` is not an attribute yet.
    fn handle_fromlist(&mut self, module: &Value, full: &str, fromlist: &Value) -> PyResult<()> {
        for it in self.to_vec(fromlist)? {
            let Some(s) = it.as_str().map(str::to_owned) else {
                return Err(type_error(format!(
                    "Item in {full}.__all__ must be str, not {}",
                    crate::vm::protocol::type_name(&it)
                )));
            };
            if s == "*" {
                if let Some(all) = self.getattr_opt(module, "__all__")? {
                    self.handle_fromlist(module, full, &all)?;
                }
                continue;
            }
            if self.getattr_opt(module, &s)?.is_none() {
                let sub = format!("{full}.{s}");
                match self.import_module(&sub) {
                    Ok(_) => {}
                    // A missing submodule is reported later by `ImportFrom` (as CPython).
                    Err(e) if e.matches(&exc().module_not_found_error) && self.error_name_is(&e, &sub) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    fn error_name_is(&mut self, e: &PyErr, name: &str) -> bool {
        crate::objects::exception::get_attr(&e.0, "name").is_some_and(|n| n.as_str() == Some(name))
    }

    /// The absolute name of a relative import from a module with `globals`.
    fn resolve_name(&mut self, name: &str, globals: &Value, level: i64) -> PyResult<String> {
        let package = self.calc_package(globals)?;
        if package.is_empty() {
            return Err(import_error("attempted relative import with no known parent package"));
        }
        let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
        if (bits.len() as i64) < level {
            return Err(import_error("attempted relative import beyond top-level package"));
        }
        let base = bits.last().copied().unwrap_or("");
        Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
    }

    /// `__package__` of a module namespace, else `__spec__.parent`, else derived from
    /// `__name__` (CPython's `_calc___package__`).
    fn calc_package(&mut self, globals: &Value) -> PyResult<String> {
        if globals.kind() != Kind::Dict {
            return Err(type_error("globals must be a dict"));
        }
        let package = dict_get(globals, "__package__").filter(|p| !p.is_none());
        let spec = dict_get(globals, "__spec__").filter(|p| !p.is_none());
        if let Some(p) = package {
            return match p.as_str() {
                Some(s) => Ok(s.to_owned()),
                None => Err(type_error("package must be a string")),
            };
        }
        if let Some(spec) = spec {
            let parent = self.getattr(&spec, &new_str("parent"))?;
            return Ok(parent.as_str().unwrap_or("").to_owned());
        }
        let Some(name) = dict_get(globals, "__name__") else {
            return Err(PyErr::new(&exc().key_error, "'__name__' not in globals"));
        };
        let name = match name.as_str() {
            Some(s) => s.to_owned(),
            None => return Err(type_error("__name__ must be a string")),
        };
        if dict_get(globals, "__path__").is_some() {
            return Ok(name);
        }
        Ok(name.rsplit_once('.').map(|(a, _)| a.to_owned()).unwrap_or_default())
    }

    /// Imports the module with absolute dotted name `full` (parents first) through
    /// `sys.modules` (CPython's `_gcd_import`).
    pub fn import_module(&mut self, full: &str) -> PyResult {
        if let Some(m) = dict_get(&self.modules, full) {
            if m.is_none() {
                return Err(module_not_found(format!("import of {full} halted; None in sys.modules"), full));
            }
            return Ok(m);
        }
        self.find_and_load(full)
    }

    /// `ImportFrom`: `from module import name`.
    pub(crate) fn import_from(&mut self, m: &Value, name: &Value) -> PyResult {
        let s = name.as_str().unwrap_or("").to_owned();
        match self.getattr_opt(m, &s) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) if e.matches(&exc().attribute_error) => {}
            Err(e) => return Err(e),
        }
        // A submodule imported as a side effect (or a circular import in progress).
        let mname = self.getattr_opt(m, "__name__")?.and_then(|n| n.as_str().map(str::to_owned));
        if let Some(mn) = &mname {
            if let Some(v) = dict_get(&self.modules, &format!("{mn}.{s}")) {
                return Ok(v);
            }
        }
        let mn = mname.clone().unwrap_or_else(|| "<unknown module name>".into());
        let file = self.getattr_opt(m, "__file__").ok().flatten().filter(|f| f.as_str().is_some());
        let initializing = self.module_initializing(m);
        let msg = match (&file, initializing) {
            (Some(f), true) => format!(
                "cannot import name '{s}' from partially initialized module '{mn}' (most likely due to a circular import) ({})",
                f.as_str().unwrap_or("")
            ),
            (None, true) => format!(
                "cannot import name '{s}' from partially initialized module '{mn}' (most likely due to a circular import) (unknown location)"
            ),
            (Some(f), false) => format!("cannot import name '{s}' from '{mn}' ({})", f.as_str().unwrap_or("")),
            (None, false) => format!("cannot import name '{s}' from '{mn}' (unknown location)"),
        };
        let e = import_error(msg);
        crate::objects::exception::set_attr(&e.0, "name", mname.map(new_str).unwrap_or_else(none));
        crate::objects::exception::set_attr(&e.0, "path", file.unwrap_or_else(none));
        Err(e)
    }

    /// Whether `m.__spec__._initializing` is true (its body is still running).
    pub fn module_initializing(&mut self, m: &Value) -> bool {
        let Ok(Some(spec)) = self.getattr_opt(m, "__spec__") else { return false };
        if spec.is_none() {
            return false;
        }
        match self.getattr_opt(&spec, "_initializing") {
            Ok(Some(v)) => self.truthy(&v).unwrap_or(false),
            _ => false,
        }
    }

    /// `ImportStar`: copies public names (or `__all__`) into the locals dict.
    pub(crate) fn import_star(&mut self, m: &Value) -> PyResult<()> {
        let locals = match self.frames.last() {
            Some(f) => f.locals.clone().unwrap_or_else(|| f.globals.clone()),
            None => return Ok(()),
        };
        let (names, from_all) = match self.getattr_opt(m, "__all__")? {
            Some(all) => (self.to_vec(&all)?, true),
            None => {
                let Some(d) = self.getattr_opt(m, "__dict__")? else {
                    return Err(import_error("from-import-* object has no __dict__ and no __all__"));
                };
                let keys = self.to_vec(&d)?;
                (keys.into_iter().filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_'))).collect(), false)
            }
        };
        for n in names {
            if n.kind() != Kind::Str {
                let mn = self.getattr_opt(m, "__name__")?.and_then(|v| v.as_str().map(str::to_owned));
                let what = if from_all { "__all__" } else { "__dict__" };
                return Err(type_error(format!(
                    "Item in {}.{what} must be str, not {}",
                    mn.unwrap_or_default(),
                    crate::vm::protocol::type_name(&n)
                )));
            }
            let v = self.getattr(m, &n)?;
            self.setitem(&locals, &n, v)?;
        }
        Ok(())
    }
}
