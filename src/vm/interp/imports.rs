//! `import`: `sys.modules`, native modules (the `NATIVE_MODULES` table), and `.py` files
//! (and packages with `__init__.py`) found on `sys.path`, run once and cached.

use crate::compiler::{self, Mode};
use crate::objects::dict::PyDict;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::{none, types};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, import_error, type_error, value_error};
use crate::vm::startup::{module_dict, new_module};
use crate::vm::{PyResult, Vm};

/// Builds a native module: returns the module object (registered by the importer).
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Modules implemented in Rust, by name. Add an entry to make `import name` work.
pub static NATIVE_MODULES: std::sync::Mutex<Vec<(&'static str, NativeModuleInit)>> = std::sync::Mutex::new(Vec::new());

fn native_init(name: &str) -> Option<NativeModuleInit> {
    let t = NATIVE_MODULES.lock().ok()?;
    t.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

fn module_not_found(name: &str) -> PyErr {
    let e = PyErr::new(&exc().module_not_found_error, format!("No module named '{name}'"));
    set_attr(&e.0, "name", new_str(name));
    e
}

fn set_attr(e: &Value, name: &'static str, v: Value) {
    crate::objects::exception::set_attr(e, name, v);
}

impl Vm {
    /// `ImportName`: `import name` / `from name import ...` (level > 0: relative).
    pub fn import_name(&mut self, name: &Value, fromlist: &Value, level: &Value) -> PyResult {
        let name_s = name.as_str().unwrap_or("").to_owned();
        let level = crate::objects::int::to_i64(level).unwrap_or(0);
        let full = if level > 0 {
            let pkg = self.current_package()?;
            let mut parts: Vec<&str> = if pkg.is_empty() { vec![] } else { pkg.split('.').collect() };
            for _ in 1..level {
                if parts.pop().is_none() {
                    return Err(import_error("attempted relative import beyond top-level package"));
                }
            }
            if pkg.is_empty() {
                return Err(import_error("attempted relative import with no known parent package"));
            }
            let base = parts.join(".");
            if name_s.is_empty() { base } else { format!("{base}.{name_s}") }
        } else {
            if name_s.is_empty() {
                return Err(value_error("Empty module name"));
            }
            name_s.clone()
        };
        let module = self.import_module(&full)?;
        let has_fromlist = !fromlist.is_none() && fromlist.as_tuple().is_none_or(|t| !t.is_empty());
        if has_fromlist {
            // `from pkg import sub`: import submodules named in the list when needed.
            if let Some(items) = fromlist.as_tuple() {
                for it in items {
                    let s = it.as_str().unwrap_or("");
                    if s != "*" && self.getattr_opt(&module, s)?.is_none() && self.is_package(&module) {
                        match self.import_module(&format!("{full}.{s}")) {
                            Ok(_) => {}
                            Err(e) if e.matches(&exc().module_not_found_error) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            if let Some(top) = full.split('.').next() {
                if top != full {
                    return self.import_module(top);
                }
            }
        }
        Ok(module)
    }

    fn is_package(&self, m: &Value) -> bool {
        m.payload::<PyModule>().and_then(|p| p.dict.payload::<PyDict>().and_then(|d| d.get_str("__path__"))).is_some()
    }

    /// The running module's `__package__` (or derived from `__name__`).
    fn current_package(&mut self) -> PyResult<String> {
        let g = match self.frames.last() {
            Some(f) => f.globals.clone(),
            None => return Ok(String::new()),
        };
        let d = g.payload::<PyDict>();
        if let Some(p) = d.and_then(|d| d.get_str("__package__")).filter(|p| !p.is_none()) {
            return Ok(p.as_str().unwrap_or("").to_owned());
        }
        let name =
            d.and_then(|d| d.get_str("__name__")).and_then(|n| n.as_str().map(str::to_owned)).unwrap_or_default();
        if d.and_then(|d| d.get_str("__path__")).is_some() {
            return Ok(name);
        }
        Ok(name.rsplit_once('.').map(|(a, _)| a.to_owned()).unwrap_or_default())
    }

    /// Imports the module with dotted name `full` (parents first), using `sys.modules`.
    pub fn import_module(&mut self, full: &str) -> PyResult {
        if let Some(m) = self.modules.payload::<PyDict>().and_then(|d| d.get_str(full)) {
            if m.is_none() {
                return Err(module_not_found(full));
            }
            return Ok(m);
        }
        let (parent, leaf) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p.to_owned()), l.to_owned()),
            None => (None, full.to_owned()),
        };
        let search: Vec<String> = match &parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                if let Some(m) = self.modules.payload::<PyDict>().and_then(|d| d.get_str(full)) {
                    return Ok(m);
                }
                let path = pm
                    .payload::<PyModule>()
                    .and_then(|m| m.dict.payload::<PyDict>().and_then(|d| d.get_str("__path__")));
                match path {
                    Some(p) => self.to_vec(&p)?.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                    None => {
                        return Err(PyErr::new(
                            &exc().module_not_found_error,
                            format!("No module named '{full}'; '{p}' is not a package"),
                        ));
                    }
                }
            }
            None => {
                if let Some(init) = native_init(full) {
                    let m = init(self)?;
                    self.register_module(full, &m);
                    return Ok(m);
                }
                self.sys_path()
            }
        };
        for dir in &search {
            let base = if dir.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(dir) };
            let pkg_init = base.join(&leaf).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = base.join(&leaf);
                return self.load_source_module(full, &pkg_init, Some(&pkg_dir));
            }
            let file = base.join(format!("{leaf}.py"));
            if file.is_file() {
                return self.load_source_module(full, &file, None);
            }
        }
        Err(module_not_found(full))
    }

    fn sys_path(&mut self) -> Vec<String> {
        let sys = self.sys.clone();
        let p = module_dict(&sys).payload::<PyDict>().and_then(|d| d.get_str("path"));
        match p.as_ref().and_then(|p| p.payload::<PyList>()) {
            Some(l) => l.0.borrow().iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
            None => vec![],
        }
    }

    fn register_module(&mut self, name: &str, m: &Value) {
        if let Some(d) = self.modules.payload::<PyDict>() {
            d.set_str(new_str(name), m.clone());
        }
        // A submodule becomes an attribute of its parent package.
        if let Some((parent, leaf)) = name.rsplit_once('.') {
            if let Some(pm) = self.modules.payload::<PyDict>().and_then(|d| d.get_str(parent)) {
                if let Some(pd) = pm.payload::<PyModule>().and_then(|p| p.dict.payload::<PyDict>()) {
                    pd.set_str(new_str(leaf), m.clone());
                }
            }
        }
    }

    /// Compiles and runs a `.py` file as module `name`.
    pub fn load_source_module(
        &mut self,
        name: &str,
        file: &std::path::Path,
        pkg_dir: Option<&std::path::Path>,
    ) -> PyResult {
        let abs = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        let path_s = abs.to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&abs).map_err(|e| import_error(format!("cannot read {path_s}: {e}")))?;
        let code = compiler::compile(&source, &path_s, Mode::Exec).map_err(|e| self.syntax_error_from(&e))?;
        let m = new_module(name);
        let d = module_dict(&m);
        if let Some(dd) = d.payload::<PyDict>() {
            dd.set_str(new_str("__file__"), new_str(path_s.as_str()));
            dd.set_str(new_str("__builtins__"), self.builtins_module.clone());
            dd.set_str(new_str("__spec__"), none());
            dd.set_str(new_str("__loader__"), none());
            match pkg_dir {
                Some(p) => {
                    let pd = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                    dd.set_str(
                        new_str("__path__"),
                        crate::objects::list::new_list(vec![new_str(pd.to_string_lossy().into_owned())]),
                    );
                    dd.set_str(new_str("__package__"), new_str(name));
                }
                None => {
                    let pkg = name.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
                    dd.set_str(new_str("__package__"), new_str(pkg));
                }
            }
        }
        self.register_module(name, &m);
        if let Err(e) = self.run_code(&code, &d) {
            let mods = self.modules.clone();
            if let Some(md) = mods.payload::<PyDict>() {
                let _ = md.remove(self, &new_str(name));
            }
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.modules.payload::<PyDict>().and_then(|d| d.get_str(name)).unwrap_or(m))
    }

    /// `ImportFrom`: `from module import name`.
    pub(crate) fn import_from(&mut self, m: &Value, name: &Value) -> PyResult {
        let s = name.as_str().unwrap_or("").to_owned();
        if let Some(v) = self.getattr_opt(m, &s)? {
            return Ok(v);
        }
        // A submodule imported as a side effect.
        let mname = self.getattr_opt(m, "__name__")?.and_then(|n| n.as_str().map(str::to_owned));
        if let Some(mn) = &mname {
            if let Some(v) = self.modules.payload::<PyDict>().and_then(|d| d.get_str(&format!("{mn}.{s}"))) {
                return Ok(v);
            }
        }
        let mn = mname.unwrap_or_else(|| "<unknown module name>".into());
        let file = self.getattr_opt(m, "__file__")?.and_then(|f| f.as_str().map(str::to_owned));
        let loc = match file {
            Some(f) => f,
            None => "unknown location".into(),
        };
        let e = import_error(format!("cannot import name '{s}' from '{mn}' ({loc})"));
        set_attr(&e.0, "name", new_str(mn));
        Err(e)
    }

    /// `ImportStar`: copies public names (or `__all__`) into the locals dict.
    pub(crate) fn import_star(&mut self, m: &Value) -> PyResult<()> {
        let locals = match self.frames.last() {
            Some(f) => f.locals.clone().unwrap_or_else(|| f.globals.clone()),
            None => return Ok(()),
        };
        let names: Vec<Value> = match self.getattr_opt(m, "__all__")? {
            Some(all) => self.to_vec(&all)?,
            None => {
                let d = crate::vm::protocol::instance_dict(m);
                match d.as_ref().and_then(|d| d.payload::<PyDict>()) {
                    Some(dd) => {
                        dd.keys().into_iter().filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_'))).collect()
                    }
                    None => vec![],
                }
            }
        };
        for n in names {
            if n.kind() != Kind::Str {
                return Err(type_error("attribute name must be string"));
            }
            let v = self.getattr(m, &n)?;
            self.setitem(&locals, &n, v)?;
        }
        Ok(())
    }
}

#[allow(dead_code)]
fn _u() -> Value {
    let _ = &types().module;
    none()
}
