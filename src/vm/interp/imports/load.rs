//! Finding and loading a module missing from `sys.modules`: the `import` audit event, the
//! parent package's `__path__`, the finders on `sys.meta_path` (through
//! `_frozen_importlib._find_spec`), then `module_from_spec` and the loader's `exec_module`.
//! Source files and frozen modules are run here directly, so no importlib frame shows in
//! tracebacks of errors raised by a module body.
//!
//! Start-up installs the import system (`install_importlib`): `_imp`, then
//! `importlib._bootstrap` and `importlib._bootstrap_external` compiled from the frozen
//! table as `_frozen_importlib` / `_frozen_importlib_external`.

use super::{dict_get, module_not_found};
use crate::objects::dict::PyDict;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::{false_, none, true_};
use crate::values::Value;
use crate::values::gil::GilCell;
use crate::vm::errors::{PyErr, import_error};
use crate::vm::startup::{module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};
use std::cell::RefCell;

/// The dicts of `_frozen_importlib` and `_frozen_importlib_external`, kept even if a
/// program deletes them from `sys.modules` (CPython keeps `interp->importlib`).
static BOOTSTRAP: GilCell<RefCell<Option<(Value, Value)>>> = GilCell::new();

/// `(_frozen_importlib.__dict__, _frozen_importlib_external.__dict__)` once installed.
pub fn bootstrap_dicts() -> Option<(Value, Value)> {
    BOOTSTRAP.try_get().and_then(|c| c.borrow().clone())
}

fn sys_attr(vm: &Vm, name: &str) -> Value {
    dict_get(&module_dict(&vm.sys), name).unwrap_or_else(none)
}

impl Vm {
    /// Finds and loads `full` (not in `sys.modules`), parents first.
    pub(super) fn find_and_load(&mut self, full: &str) -> PyResult {
        let mut path = none();
        let mut parent_module = None;
        if let Some((parent, _)) = full.rsplit_once('.') {
            if dict_get(&self.modules, parent).is_none() {
                self.import_module(parent)?;
            }
            // Importing the parent may have imported this module.
            if let Some(m) = dict_get(&self.modules, full) {
                return Ok(m);
            }
            let pm = dict_get(&self.modules, parent).unwrap_or_else(none);
            match self.getattr_opt(&pm, "__path__") {
                Ok(Some(p)) => path = p,
                Ok(None) => {
                    return Err(module_not_found(
                        format!("No module named '{full}'; '{parent}' is not a package"),
                        full,
                    ));
                }
                Err(e) => return Err(e),
            }
            parent_module = Some(pm);
        }
        if crate::vm::startup::audit::active() {
            let args = vec![
                new_str(full),
                none(),
                sys_attr(self, "path"),
                sys_attr(self, "meta_path"),
                sys_attr(self, "path_hooks"),
            ];
            self.audit("import", args)?;
        }
        let Some((boot, _)) = bootstrap_dicts() else {
            return self.load_without_importlib(full);
        };
        let find = dict_get(&boot, "_find_spec").ok_or_else(|| import_error("importlib is not installed"))?;
        let spec = self.call(&find, Args::positional_only(&[new_str(full), path]))?;
        if spec.is_none() {
            return Err(module_not_found(format!("No module named '{full}'"), full));
        }
        let module = self.load_spec(&spec)?;
        if let (Some(pm), Some((_, leaf))) = (parent_module, full.rsplit_once('.')) {
            // As CPython: failing to set the attribute only warns (we ignore it).
            if let Err(e) = self.setattr(&pm, &new_str(leaf), module.clone()) {
                if !e.matches(&exc().attribute_error) {
                    return Err(e);
                }
            }
        }
        Ok(module)
    }

    /// Creates the module for `spec`, registers it in `sys.modules` and runs its loader
    /// (CPython's `_load_unlocked`); the module left in `sys.modules` under its name.
    pub fn load_spec(&mut self, spec: &Value) -> PyResult {
        let Some((boot, ext)) = bootstrap_dicts() else { return Err(import_error("importlib is not installed")) };
        let name_v = self.getattr(spec, &new_str("name"))?;
        let name = name_v.as_str().unwrap_or("").to_owned();
        let loader = self.getattr(spec, &new_str("loader"))?;
        if !loader.is_none() && self.getattr_opt(&loader, "exec_module")?.is_none() {
            return Err(import_error(format!("loader for {name} cannot handle exec_module")));
        }
        let from_spec =
            dict_get(&boot, "module_from_spec").ok_or_else(|| import_error("importlib is not installed"))?;
        let module = self.call(&from_spec, Args::positional_only(std::slice::from_ref(spec)))?;
        self.setattr(spec, &new_str("_initializing"), true_())?;
        if let Some(d) = self.modules.payload::<PyDict>() {
            d.set_str(name_v.clone(), module.clone());
        }
        let r = self.exec_with_loader(spec, &loader, &module, &name, &boot, &ext);
        let _ = self.setattr(spec, &new_str("_initializing"), false_());
        if let Err(e) = r {
            let mods = self.modules.clone();
            if let Some(d) = mods.payload::<PyDict>() {
                let _ = d.remove(self, &name_v);
            }
            return Err(e);
        }
        // Move the module to the end of sys.modules, as CPython's pop-and-set does.
        let mods = self.modules.clone();
        let Some(d) = mods.payload::<PyDict>() else { return Ok(module) };
        match d.get_str(&name) {
            Some(m) => {
                let _ = d.remove(self, &name_v);
                d.set_str(name_v, m.clone());
                Ok(m)
            }
            None => Err(import_error(format!("Loaded module {name} not found in sys.modules"))),
        }
    }

    fn exec_with_loader(
        &mut self,
        spec: &Value,
        loader: &Value,
        module: &Value,
        name: &str,
        boot: &Value,
        ext: &Value,
    ) -> PyResult<()> {
        if loader.is_none() {
            if self.getattr_opt(spec, "submodule_search_locations")?.is_none_or(|v| v.is_none()) {
                let e = import_error("missing loader");
                crate::objects::exception::set_attr(&e.0, "name", new_str(name));
                return Err(e);
            }
            return Ok(());
        }
        let source_loader = dict_get(ext, "SourceFileLoader");
        let frozen_importer = dict_get(boot, "FrozenImporter");
        if source_loader.as_ref().is_some_and(|c| loader.type_of().is(c)) {
            let path = self.getattr(loader, &new_str("path"))?;
            let path = self.str_string(&path)?;
            return self.exec_source_file(module, &path);
        }
        if frozen_importer.as_ref().is_some_and(|c| loader.is(c)) {
            let code = frozen_code(self, name)?;
            let d = self.getattr(module, &new_str("__dict__"))?;
            set_builtins(self, &d);
            crate::builtins::core::audit_exec(self, &code)?;
            self.run_code(&code, &d)?;
            return Ok(());
        }
        let exec = self.getattr(loader, &new_str("exec_module"))?;
        self.call(&exec, Args::positional_only(std::slice::from_ref(module)))?;
        Ok(())
    }

    /// Runs the source file at `path` in `module`'s namespace.
    pub fn exec_source_file(&mut self, module: &Value, path: &str) -> PyResult<()> {
        let code = self.source_file_code(path)?;
        let d = self.getattr(module, &new_str("__dict__"))?;
        set_builtins(self, &d);
        crate::builtins::core::audit_exec(self, &code)?;
        self.run_code(&code, &d)?;
        Ok(())
    }

    /// The code object of the source file at `path`: from its `.pyc` if current, else
    /// compiled (`imports/cache.rs`).
    pub fn source_file_code(&mut self, path: &str) -> PyResult {
        self.cached_source_code(path, |vm| {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    let msg = crate::objects::file::strerror(&e);
                    let ex = crate::vm::errors::new_exception(
                        &exc().os_error,
                        vec![Value::small(errno as i64), new_str(msg), new_str(path)],
                    );
                    return Err(PyErr(ex));
                }
            };
            let origin = crate::compiler::source::Origin::Bytes;
            let source =
                crate::builtins::core::decode_source(vm, &bytes, path, origin).map_err(|e| vm.syntax_error_from(&e))?;
            crate::compiler::compile(&source, path, crate::compiler::Mode::Exec).map_err(|e| vm.syntax_error_from(&e))
        })
    }

    /// Imports without importlib (only while it is being installed): native and frozen
    /// modules.
    fn load_without_importlib(&mut self, full: &str) -> PyResult {
        if let Some(init) = super::native_init(full) {
            let m = init(self)?;
            if let Some(d) = self.modules.payload::<PyDict>() {
                d.set_str(new_str(full), m.clone());
            }
            return Ok(m);
        }
        Err(module_not_found(format!("No module named '{full}'"), full))
    }
}

fn set_builtins(vm: &Vm, d: &Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        if dd.get_str("__builtins__").is_none() {
            dd.set_str(new_str("__builtins__"), vm.builtins_module.clone());
        }
    }
}

/// The code object of frozen library module `name` (filename `<frozen name>`).
pub fn frozen_code(vm: &mut Vm, name: &str) -> PyResult {
    let Some((_, rel, src)) = crate::vm::startup::paths::frozen(name) else {
        let e = import_error(format!("No such frozen object named '{name}'"));
        crate::objects::exception::set_attr(&e.0, "name", new_str(name));
        return Err(e);
    };
    let compile = |vm: &mut Vm| {
        crate::compiler::compile(src, &format!("<frozen {name}>"), crate::compiler::Mode::Exec)
            .map_err(|e| vm.syntax_error_from(&e))
    };
    let disk_path = format!("{}/{rel}", crate::vm::startup::paths::get().lib);
    vm.cached_frozen_code(&disk_path, name, src, compile)
}

/// Runs a frozen module as `as_name` and registers it in `sys.modules`.
fn run_frozen(vm: &mut Vm, frozen_name: &str, as_name: &str) -> PyResult<Value> {
    let code = frozen_code(vm, frozen_name)?;
    let m = new_module(as_name);
    let d = module_dict(&m);
    set_builtins(vm, &d);
    if let Some(md) = vm.modules.payload::<PyDict>() {
        md.set_str(new_str(as_name), m.clone());
    }
    vm.run_code(&code, &d)?;
    Ok(d)
}

/// Start-up: `_imp`, then the importlib bootstrap modules, then the default finders on
/// `sys.meta_path` / `sys.path_hooks`, and specs for the modules already loaded.
pub fn install_importlib(vm: &mut Vm) -> PyResult<()> {
    let imp = crate::builtins::imp::init_module(vm)?;
    if let Some(md) = vm.modules.payload::<PyDict>() {
        md.set_str(new_str("_imp"), imp);
    }
    let boot = run_frozen(vm, "importlib._bootstrap", "_frozen_importlib")?;
    let ext = run_frozen(vm, "importlib._bootstrap_external", "_frozen_importlib_external")?;
    *BOOTSTRAP.init(|| RefCell::new(None)).borrow_mut() = Some((boot.clone(), ext.clone()));
    for d in [&boot, &ext] {
        if let Some(f) = dict_get(d, "_install") {
            vm.call(&f, Args::positional_only(&[]))?;
        }
    }
    Ok(())
}
