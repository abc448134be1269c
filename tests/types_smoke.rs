//! Object-model smoke tests that run without the interpreter loop.

use pylift::objects::dict::PyDict;
use pylift::objects::str::new_str;
use pylift::objects::tuple::new_tuple;
use pylift::objects::{registry::exc, types};
use pylift::values::{Value, layout};
use pylift::vm::{Args, Config, Vm};

fn mkclass(vm: &mut Vm, name: &str, bases: Vec<Value>, attrs: Vec<(&str, Value)>) -> Value {
    let ns = layout::alloc(&types().dict, PyDict::new());
    for (k, v) in attrs {
        ns.payload::<PyDict>().unwrap().set_str(new_str(k), v);
    }
    let t = types().type_.clone();
    vm.call(&t, Args::positional_only(&[new_str(name), new_tuple(bases), ns])).unwrap()
}

fn s(vm: &mut Vm, v: &Value) -> String {
    vm.repr_string(v).unwrap()
}

#[test]
fn classes_and_errors() {
    let mut vm = Vm::new(Config::default());
    let a = mkclass(&mut vm, "A", vec![], vec![("x", Value::small(1))]);
    let b = mkclass(&mut vm, "B", vec![a.clone()], vec![]);
    assert_eq!(s(&mut vm, &b), "<class 'B'>");
    let inst = vm.call(&b, Args::positional_only(&[])).unwrap();
    assert!(s(&mut vm, &inst).starts_with("<B object at 0x"));
    let x = vm.getattr_str(&inst, "x").unwrap();
    assert_eq!(x.as_small(), Some(1));
    vm.setattr(&inst, &new_str("y"), Value::small(5)).unwrap();
    assert_eq!(vm.getattr_str(&inst, "y").unwrap().as_small(), Some(5));
    let e = vm.getattr_str(&inst, "zz").unwrap_err();
    assert_eq!(pylift::objects::exception::exc_str(&mut vm, &e.0), "'B' object has no attribute 'zz'");
    let e = vm.call(&b, Args::positional_only(&[Value::small(1)])).unwrap_err();
    assert_eq!(pylift::objects::exception::exc_str(&mut vm, &e.0), "B() takes no arguments");
    let mro = vm.getattr_str(&b, "__mro__").unwrap();
    assert_eq!(s(&mut vm, &mro), "(<class 'B'>, <class 'A'>, <class 'object'>)");
    // MRO conflict
    let x = mkclass(&mut vm, "X", vec![], vec![]);
    let y = mkclass(&mut vm, "Y", vec![x.clone()], vec![]);
    let ns = layout::alloc(&types().dict, PyDict::new());
    let t = types().type_.clone();
    let e = vm.call(&t, Args::positional_only(&[new_str("Z"), new_tuple(vec![x, y]), ns])).unwrap_err();
    assert_eq!(
        pylift::objects::exception::exc_str(&mut vm, &e.0),
        "Cannot create a consistent method resolution\norder (MRO) for bases X, Y"
    );
    // exceptions
    let ve = exc().value_error.clone();
    let e = vm.call(&ve, Args::positional_only(&[Value::small(1), Value::small(2)])).unwrap();
    assert_eq!(s(&mut vm, &e), "ValueError(1, 2)");
    let ke = exc().key_error.clone();
    let e = vm.call(&ke, Args::positional_only(&[new_str("a")])).unwrap();
    assert_eq!(vm.str_string(&e).unwrap(), "'a'");
    let os = exc().os_error.clone();
    let e = vm.call(&os, Args::positional_only(&[Value::small(2), new_str("No such file"), new_str("f")])).unwrap();
    assert_eq!(vm.str_string(&e).unwrap(), "[Errno 2] No such file: 'f'");
    assert_eq!(s(&mut vm, e.type_of()), "<class 'FileNotFoundError'>");
    // slots
    let sl = mkclass(&mut vm, "S", vec![], vec![("__slots__", new_tuple(vec![new_str("a")]))]);
    let si = vm.call(&sl, Args::positional_only(&[])).unwrap();
    let e = vm.getattr_str(&si, "a").unwrap_err();
    assert_eq!(pylift::objects::exception::exc_str(&mut vm, &e.0), "'S' object has no attribute 'a'");
    vm.setattr(&si, &new_str("a"), Value::small(3)).unwrap();
    assert_eq!(vm.getattr_str(&si, "a").unwrap().as_small(), Some(3));
    let e = vm.setattr(&si, &new_str("b"), Value::small(3)).unwrap_err();
    assert_eq!(pylift::objects::exception::exc_str(&mut vm, &e.0), "'S' object has no attribute 'b'");
    let d = vm.getattr_str(&sl, "__dict__").unwrap();
    let r = s(&mut vm, &d);
    assert!(r.starts_with("mappingproxy({'__module__'") || r.starts_with("mappingproxy({'__slots__'"), "{r}");
    // property
    let p = vm.call(&types().property.clone(), Args::positional_only(&[])).unwrap();
    let pc = mkclass(&mut vm, "P", vec![], vec![("p", p)]);
    let pi = vm.call(&pc, Args::positional_only(&[])).unwrap();
    let e = vm.getattr_str(&pi, "p").unwrap_err();
    assert_eq!(pylift::objects::exception::exc_str(&mut vm, &e.0), "property 'p' of 'P' object has no getter");
    // builtins reprs
    let len = vm.builtins.payload::<PyDict>().unwrap().get_str("isinstance").unwrap();
    assert_eq!(s(&mut vm, &len), "<built-in function isinstance>");
    let n = pylift::objects::none();
    assert_eq!(s(&mut vm, &n), "None");
    let ie = vm.call(&types().int.clone(), Args::positional_only(&[])).map(|v| v.as_small());
    let _ = ie;
    let u =
        vm.binary_op(&types().int.clone(), &types().str.clone(), pylift::bytecode::opcode::BinOp::Or, false).unwrap();
    assert_eq!(s(&mut vm, &u), "int | str");
}
