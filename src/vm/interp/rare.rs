//! The interpreter loop's rarely run instructions (building displays, imports, pattern
//! matching, exception-handler bookkeeping, `with`, deletes): out of `exec_inner` so the
//! hot dispatch loop stays small enough to keep its state in registers.

use super::*;
use crate::bytecode::code::{CO_COROUTINE, CO_ITERABLE_COROUTINE};
use crate::bytecode::opcode::Instr;
use crate::objects::generator::Flavor;

impl Vm {
    /// Runs one instruction that `exec_inner` does not handle inline; it neither jumps nor
    /// pushes or pops a frame.
    #[inline(never)]
    pub(super) fn exec_rare(&mut self, fp: FramePtr, code: &Code, ins: Instr, pc: usize) -> PyResult<()> {
        let f = fr!(fp);
        let arg = ins.arg;
        match ins.op {
            Op::LoadClosure => {
                let c = self.cell_at(arg)?;
                push!(fp, c);
            }
            Op::StoreGlobal => {
                let name = name_at(code, arg)?.clone();
                let v = pop!(fp);
                let f = fr!(fp);
                if let Some(d) = f.globals.payload::<PyDict>() {
                    d.set_str(name, v);
                    return Ok(());
                }
                let g = f.globals.clone();
                match g.payload::<PyDict>() {
                    Some(d) => d.set_str(name, v),
                    None => self.setitem(&g, &name, v)?,
                }
            }
            Op::UnaryNot => {
                let a = pop!(fp);
                let t = self.truthy(&a)?;
                push!(fp, py_bool(!t));
            }
            Op::ContainsOp => {
                let b = pop!(fp);
                let a = pop!(fp);
                let r = self.op_contains(&b, &a)?;
                push!(fp, py_bool(r != (arg == 1)));
            }
            Op::GetIter => {
                let v = pop!(fp);
                let it = self.iter(&v)?;
                push!(fp, it);
            }
            Op::MakeFunction => {
                let fnv = self.make_function(arg)?;
                push!(fp, fnv);
            }
            Op::DeleteFast => match f.slots.locals_mut().get_mut(arg as usize).and_then(Option::take) {
                Some(v) => drop(v),
                None => return Err(unbound_local(code, arg)),
            },
            Op::DeleteDeref => {
                let cell = self.cell_at(arg)?;
                let old = cell.payload::<PyCell>().and_then(|c| c.0.replace(None));
                if old.is_none() {
                    return Err(unbound_deref(code, arg));
                }
            }
            Op::LoadClassDeref => {
                let name = code.localsplus_name(arg as usize).clone();
                let locals = f.locals.clone();
                let found = match &locals {
                    Some(l) => self.mapping_lookup(l, &name)?,
                    None => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_deref(code, arg)?,
                };
                push!(fp, v);
            }
            Op::DeleteName => {
                let name = name_at(code, arg)?.clone();
                let locals = fr!(fp).locals.clone();
                let Some(l) = locals else { return Err(system_error("no locals when deleting")) };
                let ok = match l.payload::<PyDict>() {
                    Some(d) => d.remove(self, &name)?.is_some(),
                    None => self.delitem(&l, &name).is_ok(),
                };
                if !ok {
                    return Err(name_not_defined(name.as_str().unwrap_or("?")));
                }
            }
            Op::DeleteGlobal => {
                let name = name_at(code, arg)?.clone();
                let g = fr!(fp).globals.clone();
                let removed = match g.payload::<PyDict>() {
                    Some(d) => d.remove(self, &name)?.is_some(),
                    None => false,
                };
                if !removed {
                    return Err(name_not_defined(name.as_str().unwrap_or("?")));
                }
            }
            Op::DeleteAttr => {
                let obj = pop!(fp);
                let name = name_at(code, arg)?;
                self.delattr(&obj, name)?;
            }
            Op::DeleteSubscr => {
                let key = pop!(fp);
                let c = pop!(fp);
                self.delitem(&c, &key)?;
            }
            Op::UnaryPositive => {
                let a = pop!(fp);
                let r = self.unary_op(&a, "__pos__", "+")?;
                push!(fp, r);
            }
            Op::UnaryInvert => {
                let a = pop!(fp);
                let r = self.unary_op(&a, "__invert__", "~")?;
                push!(fp, r);
            }
            Op::BuildSet => {
                let items = self.pop_n(arg)?;
                let s = self.build_set(items)?;
                push!(fp, s);
            }
            Op::BuildMap => {
                let items = self.pop_n(arg * 2)?;
                let d = support::new_dict();
                if let Some(dd) = d.payload::<PyDict>() {
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        dd.set(self, k, v)?;
                    }
                }
                push!(fp, d);
            }
            Op::BuildConstKeyMap => {
                let keys = pop!(fp);
                let vals = self.pop_n(arg)?;
                let d = support::new_dict();
                if let (Some(dd), Some(ks)) = (d.payload::<PyDict>(), keys.as_tuple()) {
                    for (k, v) in ks.iter().zip(vals) {
                        dd.set(self, k.clone(), v)?;
                    }
                }
                push!(fp, d);
            }
            Op::BuildString => {
                let items = self.pop_n(arg)?;
                let mut s = String::new();
                for p in &items {
                    s.push_str(p.as_str().unwrap_or(""));
                }
                push!(fp, new_str(s));
            }
            Op::BuildSlice => {
                let step = if arg == 3 { pop!(fp) } else { none() };
                let stop = pop!(fp);
                let start = pop!(fp);
                let s = layout::alloc(&types().slice, crate::objects::slice::PySlice { start, stop, step });
                push!(fp, s);
            }
            Op::SetAdd => {
                let v = pop!(fp);
                let s = peek!(fp, arg);
                self.set_add(&s, v)?;
            }
            Op::MapAdd => {
                let v = pop!(fp);
                let k = pop!(fp);
                let d = peek!(fp, arg);
                match d.payload::<PyDict>() {
                    Some(dd) => dd.set(self, k, v)?,
                    None => self.setitem(&d, &k, v)?,
                }
            }
            Op::ListExtend => {
                let it = pop!(fp);
                let l = peek!(fp, arg);
                if let Err(e) = self.list_extend(&l, &it) {
                    // `f(*x)`: the list becomes the call's argument tuple.
                    let is_call = code.instrs.get(pc + 1).is_some_and(|i| i.get().op == Op::ListToTuple);
                    if is_call && e.matches(&exc().type_error) && !self.is_iterable(&it) {
                        let func = peek!(fp, arg + 1);
                        let fname = format_func_name(self, &func);
                        return Err(type_error(format!(
                            "{fname} argument after * must be an iterable, not {}",
                            crate::vm::protocol::type_name(&it)
                        )));
                    }
                    return Err(e);
                }
            }
            Op::SetUpdate => {
                let it = pop!(fp);
                let s = peek!(fp, arg);
                crate::objects::set::display_update(self, &s, &it)?;
            }
            Op::DictUpdate => {
                let m = pop!(fp);
                let d = peek!(fp, arg);
                self.dict_update(&d, &m, None)?;
            }
            Op::DictMerge => {
                let m = pop!(fp);
                let d = peek!(fp, arg);
                let func = {
                    let f = fr!(fp);
                    let n = f.slots.depth();
                    n.checked_sub(arg as usize + 2).and_then(|i| f.slots.stack().get(i)).cloned()
                };
                self.dict_update(&d, &m, Some(func))?;
            }
            Op::ListToTuple => {
                let l = pop!(fp);
                let items = match l.payload::<PyList>() {
                    Some(l) => l.0.borrow().clone(),
                    None => self.to_vec(&l)?,
                };
                push!(fp, new_tuple(items));
            }
            Op::UnpackEx => {
                let seq = pop!(fp);
                let items = self.unpack_ex(&seq, (arg & 0xff) as usize, (arg >> 8) as usize)?;
                let f = fr!(fp);
                f.slots.extend(items.into_iter().rev());
            }
            Op::FormatValue => {
                let spec = if arg & 4 != 0 { Some(pop!(fp)) } else { None };
                let v = pop!(fp);
                let r = self.format_value(v, arg & 3, spec)?;
                push!(fp, r);
            }
            Op::GetYieldFromIter => {
                let v = pop!(fp);
                let it = match v.payload::<crate::objects::generator::PyGenerator>().map(|g| g.flavor) {
                    Some(Flavor::Generator) => v,
                    Some(Flavor::Coroutine) if code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) != 0 => v,
                    Some(Flavor::Coroutine) => {
                        return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                    }
                    _ => self.iter(&v)?,
                };
                push!(fp, it);
            }
            Op::GetAwaitable => {
                let v = pop!(fp);
                let it = self.get_awaitable(&v, arg)?;
                push!(fp, it);
            }
            Op::GetAIter => {
                let v = pop!(fp);
                let it = self.get_aiter(&v)?;
                push!(fp, it);
            }
            Op::GetANext => {
                let aiter = peek!(fp, 1);
                let a = self.get_anext(&aiter)?;
                push!(fp, a);
            }
            Op::EndAsyncFor => {
                let e = pop!(fp);
                if e.type_of().as_type().is_some()
                    && crate::vm::protocol::is_subtype(e.type_of(), &exc().stop_async_iteration)
                {
                    drop(pop!(fp));
                } else {
                    // Not the end of the loop: on as `Reraise` (no new traceback entry).
                    self.reraising = true;
                    return Err(PyErr(e));
                }
            }
            Op::BeforeAsyncWith => {
                let mgr = pop!(fp);
                let (exit, entered) = self.before_async_with(&mgr)?;
                let f = fr!(fp);
                f.slots.push(exit);
                f.slots.push(entered);
            }
            Op::AsyncGenWrap => {
                let v = pop!(fp);
                push!(fp, asyncgen::wrap(v));
            }
            Op::Raise => return Err(self.do_raise(arg)?),
            Op::Reraise => {
                // `arg` > 0 names a saved lasti below; the unwinder cuts the stack.
                let e = pop!(fp);
                self.reraising = true;
                return Err(PyErr(e));
            }
            Op::PushExcInfo => {
                let e = pop!(fp);
                let prev = self.set_handled(Some(e.clone()));
                let f = fr!(fp);
                f.slots.push(prev.unwrap_or_else(none));
                f.slots.push(e);
            }
            Op::PopExcept => {
                let prev = pop!(fp);
                let old = self.set_handled(if prev.is_none() { None } else { Some(prev) });
                drop(old);
            }
            Op::CheckExcMatch => {
                let ty = pop!(fp);
                let e = peek!(fp, 1);
                let r = self.exc_matches(&e, &ty)?;
                push!(fp, py_bool(r));
            }
            Op::CheckEgMatch => {
                let ty = pop!(fp);
                let e = pop!(fp);
                let (rest, m) = self.check_eg_match(e, &ty)?;
                if !m.is_none() {
                    let old = self.set_handled(Some(m.clone()));
                    drop(old);
                }
                let f = fr!(fp);
                f.slots.push(rest);
                f.slots.push(m);
            }
            Op::PrepReraiseStar => {
                let list = pop!(fp);
                let orig = pop!(fp);
                let r = self.prep_reraise_star(&orig, &list)?;
                push!(fp, r);
            }
            Op::BeforeWith => {
                let mgr = pop!(fp);
                let (exit, entered) = self.before_with(&mgr)?;
                let f = fr!(fp);
                f.slots.push(exit);
                f.slots.push(entered);
            }
            Op::WithExceptStart => {
                let e = peek!(fp, 1);
                let exit = peek!(fp, 4);
                let tb = support::exc_traceback(&e);
                let ty = e.type_of().clone();
                let r = self.call(&exit, Args::positional_only(&[ty, e, tb]))?;
                push!(fp, r);
            }
            Op::ImportName => {
                let name = name_at(code, arg)?.clone();
                let fromlist = pop!(fp);
                let level = pop!(fp);
                let m = self.import_name(&name, &fromlist, &level)?;
                push!(fp, m);
            }
            Op::ImportFrom => {
                let name = name_at(code, arg)?.clone();
                let m = peek!(fp, 1);
                let v = self.import_from(&m, &name)?;
                push!(fp, v);
            }
            Op::ImportStar => {
                let m = pop!(fp);
                self.import_star(&m)?;
            }
            Op::LoadBuildClass => {
                let b = fr!(fp).builtins.clone();
                match b.payload::<PyDict>().and_then(|d| d.get_str("__build_class__")) {
                    Some(v) => push!(fp, v),
                    None => return Err(name_error("__build_class__ not found")),
                }
            }
            Op::LoadAssertionError => {
                f.slots.push(exc().assertion_error.clone());
            }
            Op::SetupAnnotations => {
                let l = f.locals.clone();
                if let Some(l) = l {
                    let key = new_str("__annotations__");
                    if self.mapping_lookup(&l, &key)?.is_none() {
                        self.setitem(&l, &key, support::new_dict())?;
                    }
                }
            }
            Op::PrintExpr => {
                let v = pop!(fp);
                self.display_hook(v)?;
            }
            Op::LoadLocals => match f.locals.clone() {
                Some(l) => f.slots.push(l),
                None => return Err(system_error("no locals found")),
            },
            Op::GetLen => {
                let v = peek!(fp, 1);
                let n = self.op_len(&v)?;
                push!(fp, new_int(n as i64));
            }
            Op::MatchMapping => {
                let v = peek!(fp, 1);
                let r = support::is_mapping(&v);
                push!(fp, py_bool(r));
            }
            Op::MatchSequence => {
                let v = peek!(fp, 1);
                let r = support::is_sequence(&v);
                push!(fp, py_bool(r));
            }
            Op::MatchKeys => {
                let keys = peek!(fp, 1);
                let subj = peek!(fp, 2);
                let r = self.match_keys(&subj, &keys)?;
                push!(fp, r);
            }
            Op::MatchClass => {
                let names = pop!(fp);
                let cls = pop!(fp);
                let subj = pop!(fp);
                let r = self.match_class(&subj, &cls, arg as usize, &names)?;
                push!(fp, r);
            }
            Op::CopyDictWithoutKeys => {
                let keys = pop!(fp);
                let subj = peek!(fp, 1);
                let r = self.copy_dict_without_keys(&subj, &keys)?;
                push!(fp, r);
            }
            _ => return Err(system_error("unknown instruction")),
        }
        Ok(())
    }
}
