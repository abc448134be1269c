//! The `gc` module (the interface to the cycle collector in `vm::gc`) and the native half
//! of `weakref` (`_weakref`); `weakref` and `_weakrefset` themselves are Python in lib/.

use crate::objects::dict::PyDict;
use crate::objects::int::{new_int, to_i64};
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::values::layout::{self, FLAG_FINALIZED, GC_COUNT, GC_PERMANENT};
use crate::vm::errors::{type_error, value_error};
use crate::vm::gc::{self, DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, state};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// Registers `gc` and `_weakref` with the importer.
pub fn register() {
    for (name, f) in [("gc", init_gc as crate::vm::interp::NativeModuleInit), ("_weakref", init_weakref_native)] {
        crate::vm::interp::register_native(name, f);
    }
}

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

fn init_gc(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("gc");
    let d = module_dict(&m);
    for (name, f) in [
        ("collect", gc_collect as crate::vm::NativeFn),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_count", gc_get_count),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("get_objects", gc_get_objects),
        ("get_referrers", gc_get_referrers),
        ("get_referents", gc_get_referents),
        ("set_debug", gc_set_debug),
        ("get_debug", gc_get_debug),
        ("get_stats", gc_get_stats),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
    ] {
        add_function(&d, "gc", name, f);
    }
    set(&d, "garbage", gc::lists().garbage.clone());
    set(&d, "callbacks", gc::lists().callbacks.clone());
    set(&d, "DEBUG_STATS", new_int(DEBUG_STATS));
    set(&d, "DEBUG_COLLECTABLE", new_int(DEBUG_COLLECTABLE));
    set(&d, "DEBUG_UNCOLLECTABLE", new_int(DEBUG_UNCOLLECTABLE));
    set(&d, "DEBUG_SAVEALL", new_int(DEBUG_SAVEALL));
    set(&d, "DEBUG_LEAK", new_int(DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL));
    Ok(m)
}

fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    to_i64(v).ok_or_else(|| {
        type_error(format!("'{}' object cannot be interpreted as an integer{what}", crate::vm::protocol::type_name(v)))
    })
}

fn gc_collect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("collect", &["generation"], 0)?;
    let g_n = match &a[0] {
        Some(g) => int_arg(g, "")?,
        None => 2,
    };
    if !(0..=2).contains(&g_n) {
        return Err(value_error("invalid generation"));
    }
    let (m, n) = gc::collect_generation(vm, g_n as usize);
    Ok(new_int((m + n) as i64))
}

fn gc_enable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("enable")?;
    state(|s| s.enabled = true);
    gc::update_trigger();
    Ok(none())
}

fn gc_disable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("disable")?;
    state(|s| s.enabled = false);
    gc::update_trigger();
    Ok(none())
}

fn gc_isenabled(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("isenabled")?;
    Ok(py_bool(state(|s| s.enabled)))
}

fn gc_get_threshold(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_threshold")?;
    let t = state(|s| s.thresholds);
    Ok(new_tuple(t.iter().map(|&x| new_int(x as i64)).collect()))
}

fn gc_set_threshold(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("set_threshold")?;
    let p = args.pos();
    if p.is_empty() || p.len() > 3 {
        return Err(type_error(format!("set_threshold() takes 1 to 3 arguments ({} given)", p.len())));
    }
    let mut vals = Vec::new();
    for v in p {
        vals.push(int_arg(v, "")?.clamp(0, u32::MAX as i64) as u32);
    }
    state(|s| {
        for (i, v) in vals.iter().enumerate() {
            s.thresholds[i] = *v;
        }
    });
    gc::update_trigger();
    Ok(none())
}

fn gc_get_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_count")?;
    let c = state(|s| s.counts);
    let c0 = GC_COUNT.load(std::sync::atomic::Ordering::Relaxed);
    Ok(new_tuple(vec![new_int(c0 as i64), new_int(c[1] as i64), new_int(c[2] as i64)]))
}

fn gc_is_tracked(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [o] = args.exact::<1>("is_tracked")?;
    Ok(py_bool(gc::is_tracked(o)))
}

fn gc_is_finalized(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [o] = args.exact::<1>("is_finalized")?;
    Ok(py_bool(o.header().is_some_and(|h| h.flags() & FLAG_FINALIZED != 0)))
}

fn gc_get_objects(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("get_objects", &["generation"], 0)?;
    let objs = match a[0].as_ref().filter(|g| !g.is_none()) {
        None => gc::tracked_objects(0..=2),
        Some(g) => {
            let g = int_arg(g, "")?;
            if g >= 3 {
                return Err(value_error(format!(
                    "generation parameter must be less than the number of available generations (3)"
                )));
            }
            if g < 0 {
                return Err(value_error("generation parameter cannot be negative"));
            }
            gc::tracked_objects(g as usize..=g as usize)
        }
    };
    Ok(new_list(objs.into_iter().filter(gc::is_tracked).collect()))
}

fn gc_get_referrers(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("get_referrers")?;
    let targets: Vec<usize> = args.pos().iter().map(Value::bits).collect();
    let mut out = Vec::new();
    for o in gc::tracked_objects(0..=2) {
        let mut hit = false;
        gc::referents(&o, &mut |c| hit |= targets.contains(&c.bits()));
        if hit {
            out.push(o);
        }
    }
    Ok(new_list(out))
}

fn gc_get_referents(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("get_referents")?;
    let mut out = Vec::new();
    for o in args.pos() {
        if layout::gc_is_container(o) {
            let start = out.len();
            gc::referents(o, &mut |c| out.push(c.clone()));
            // CPython's list_traverse visits the items last to first.
            if o.kind() == crate::values::Kind::List {
                out[start..].reverse();
            }
        }
    }
    Ok(new_list(out))
}

fn gc_set_debug(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("set_debug")?;
    let f = int_arg(f, "")?;
    state(|s| s.debug = f);
    Ok(none())
}

fn gc_get_debug(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_debug")?;
    Ok(new_int(state(|s| s.debug)))
}

fn gc_get_stats(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_stats")?;
    let st = state(|s| s.stats);
    let mut out = Vec::new();
    for g in st {
        let d = crate::objects::dict::methods::new_dict();
        set(&d, "collections", new_int(g.collections as i64));
        set(&d, "collected", new_int(g.collected as i64));
        set(&d, "uncollectable", new_int(g.uncollectable as i64));
        out.push(d);
    }
    Ok(new_list(out))
}

fn gc_freeze(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("freeze")?;
    for g in 0..3 {
        layout::gc_merge(g, GC_PERMANENT);
    }
    GC_COUNT.store(0, std::sync::atomic::Ordering::Relaxed);
    Ok(none())
}

fn gc_unfreeze(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("unfreeze")?;
    layout::gc_merge(GC_PERMANENT, 2);
    Ok(none())
}

fn gc_get_freeze_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_freeze_count")?;
    Ok(new_int(layout::gc_len(GC_PERMANENT) as i64))
}

// ---- _weakref ----

fn init_weakref_native(_vm: &mut Vm) -> PyResult<Value> {
    use crate::objects::weakref as w;
    let m = new_module("_weakref");
    let d = module_dict(&m);
    let t = w::weak_types();
    set(&d, "ref", t.ref_.clone());
    set(&d, "ReferenceType", t.ref_.clone());
    set(&d, "ProxyType", t.proxy.clone());
    set(&d, "CallableProxyType", t.callable_proxy.clone());
    add_function(&d, "_weakref", "getweakrefcount", w::getweakrefcount);
    add_function(&d, "_weakref", "getweakrefs", w::getweakrefs);
    add_function(&d, "_weakref", "_remove_dead_weakref", w::remove_dead_weakref);
    add_function(&d, "_weakref", "proxy", weak_proxy);
    Ok(m)
}

fn weak_proxy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("proxy", 1, 2)?;
    let ob = &a[0];
    let cb = a.get(1).filter(|c| !c.is_none()).cloned();
    let t = crate::objects::weakref::weak_types();
    let ty = if crate::builtins::core::is_callable(vm, ob) { &t.callable_proxy } else { &t.proxy };
    crate::objects::weakref::make_ref(ty, ty, ob, cb)
}
