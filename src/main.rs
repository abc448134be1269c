//! The `pylift` command line, used like `python3`.

use std::process::ExitCode;

use pylift::compiler::{self, Mode};
use pylift::objects::module::PyModule;
use pylift::vm::{Config, Vm};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.iter().skip(1).find(|a| !a.starts_with('-')).cloned() else {
        eprintln!("usage: pylift script.py");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pylift: can't open file '{path}': [Errno 2] {e}");
            return ExitCode::from(2);
        }
    };
    let config = Config { argv: vec![path.clone()], ..Config::default() };
    let mut vm = Vm::new(config);
    let code = match compiler::compile(&source, &path, Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("  File \"{}\", line {}\n    {}\n{}: {}", e.filename, e.line, e.text, e.kind, e.msg);
            return ExitCode::from(1);
        }
    };
    let main = pylift::vm::startup::new_module("__main__");
    let globals = main.payload::<PyModule>().map(|m| m.dict.clone()).expect("module");
    match vm.run_code(&code, &globals) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            vm.print_exception(&e.0);
            ExitCode::from(1)
        }
    }
}
