//! `-m name`: finding the module's spec as runpy does (parents imported first; a package
//! runs `package.__main__`) and running its code as `__main__`.

use super::dict_get;
use crate::objects::dict::PyDict;
use crate::objects::list::PyList;
use crate::objects::str::new_str;
use crate::objects::{none, registry::exc};
use crate::values::Value;
use crate::vm::startup::module_dict;
use crate::vm::{Args, PyResult, Vm};

/// The spec of module `name` for `-m`, or the message CPython prints after the program
/// name (`No module named x`, ...).
pub fn main_module_spec(vm: &mut Vm, name: &str) -> PyResult<Result<Value, String>> {
    if name.starts_with('.') {
        return Ok(Err("Relative module names not supported".into()));
    }
    let mut path = none();
    if let Some((parent, _)) = name.rsplit_once('.') {
        if let Err(e) = vm.import_module(parent) {
            // A missing parent is "No module named"; anything else is reported whole.
            let nm = crate::objects::exception::get_attr(&e.0, "name");
            if e.matches(&exc().module_not_found_error) && nm.as_ref().and_then(|n| n.as_str()) == Some(parent) {
                return Ok(Err(format!("No module named {name}")));
            }
            let msg = vm.str_string(&e.0)?;
            let tn = crate::vm::protocol::type_name(&e.0);
            return Ok(Err(format!("Error while finding module specification for '{name}' ({tn}: {msg})")));
        }
        let pm = dict_get(&vm.modules, parent).unwrap_or_else(none);
        match vm.getattr_opt(&pm, "__path__")? {
            Some(p) => path = p,
            None => {
                return Ok(Err(format!(
                    "Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{name}')"
                )));
            }
        }
    }
    let Some((boot, _)) = crate::vm::interp::bootstrap_dicts() else {
        return Ok(Err(format!("No module named {name}")));
    };
    let Some(find) = dict_get(&boot, "_find_spec") else { return Ok(Err(format!("No module named {name}"))) };
    let spec = match vm.call(&find, Args::positional_only(&[new_str(name), path])) {
        Ok(s) => s,
        Err(e) => {
            let msg = vm.str_string(&e.0)?;
            let tn = crate::vm::protocol::type_name(&e.0);
            return Ok(Err(format!("Error while finding module specification for '{name}' ({tn}: {msg})")));
        }
    };
    if spec.is_none() {
        return Ok(Err(format!("No module named {name}")));
    }
    let locs = vm.getattr_opt(&spec, "submodule_search_locations")?.filter(|v| !v.is_none());
    if locs.is_some() {
        if name == "__main__" || name.ends_with(".__main__") {
            return Ok(Err("Cannot use package as __main__ module".into()));
        }
        let pkg_main = format!("{name}.__main__");
        return Ok(match main_module_spec(vm, &pkg_main)? {
            Ok(s) => Ok(s),
            Err(msg) if msg.starts_with("No module named") => {
                Err(format!("No module named {pkg_main}; '{name}' is a package and cannot be directly executed"))
            }
            Err(msg) => Err(msg),
        });
    }
    let loader = vm.getattr(&spec, &new_str("loader"))?;
    if loader.is_none() {
        return Ok(Err(format!("No module named {name}")));
    }
    Ok(Ok(spec))
}

/// Runs the module of `spec` in `globals` (the `__main__` namespace), after setting its
/// module attributes from the spec and (with `alter_argv`, as `-m` does) `sys.argv[0]` to
/// the file.
pub fn run_main_spec(vm: &mut Vm, spec: &Value, globals: &Value, alter_argv: bool) -> PyResult<()> {
    let origin = vm.getattr(spec, &new_str("origin"))?;
    let loader = vm.getattr(spec, &new_str("loader"))?;
    let parent = vm.getattr(spec, &new_str("parent"))?;
    let has_location = vm.getattr(spec, &new_str("has_location"))?;
    let has_location = vm.truthy(&has_location)?;
    if let Some(d) = globals.payload::<PyDict>() {
        d.set_str(new_str("__spec__"), spec.clone());
        d.set_str(new_str("__loader__"), loader.clone());
        d.set_str(new_str("__package__"), parent);
        if has_location {
            d.set_str(new_str("__file__"), origin.clone());
            if let Some(c) = vm.getattr_opt(spec, "cached")?.filter(|c| !c.is_none()) {
                d.set_str(new_str("__cached__"), c);
            }
        }
    }
    let argv = dict_get(&module_dict(&vm.sys), "argv");
    if let Some(l) = argv.as_ref().and_then(|a| a.payload::<PyList>()).filter(|_| alter_argv) {
        if let Some(first) = l.0.borrow_mut().first_mut() {
            *first = origin.clone();
        }
    }
    let name = vm.getattr(spec, &new_str("name"))?;
    let name = name.as_str().unwrap_or("").to_owned();
    let ext = crate::vm::interp::bootstrap_dicts().map(|(_, e)| e);
    let is_source = ext.and_then(|e| dict_get(&e, "SourceFileLoader")).is_some_and(|c| loader.type_of().is(&c));
    let code = if is_source {
        let path = vm.getattr(&loader, &new_str("path"))?;
        let path = vm.str_string(&path)?;
        // Through the bytecode cache, as runpy's `loader.get_code` is in CPython.
        vm.source_file_code(&path)?
    } else if crate::vm::startup::paths::frozen(&name).is_some() && origin.as_str() == Some("frozen") {
        super::frozen_code(vm, &name)?
    } else {
        let get_code = vm.getattr(&loader, &new_str("get_code"))?;
        vm.call(&get_code, Args::positional_only(&[new_str(name.as_str())]))?
    };
    vm.run_code(&code, globals)?;
    Ok(())
}

/// The `__loader__` of `__main__`: `SourceFileLoader('__main__', path)` for a script,
/// else `BuiltinImporter` (`-c`, stdin, the prompt).
pub fn main_loader(vm: &mut Vm, script: Option<&str>) -> Value {
    let Some((boot, ext)) = crate::vm::interp::bootstrap_dicts() else { return none() };
    match script {
        Some(path) => match dict_get(&ext, "SourceFileLoader") {
            Some(cls) => {
                vm.call(&cls, Args::positional_only(&[new_str("__main__"), new_str(path)])).unwrap_or_else(|_| none())
            }
            None => none(),
        },
        None => dict_get(&boot, "BuiltinImporter").unwrap_or_else(none),
    }
}
