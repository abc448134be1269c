//! f-strings: literal pieces as constants, replacement fields via `FormatValue`
//! (conversion and nested format spec), joined with `BuildString`; `{x=}` debug text.

use ruff_python_ast::{self as ast, ConversionFlag, FStringPart, InterpolatedStringElement};
use ruff_text_size::Ranged;

use crate::bytecode::opcode::Op;
use crate::compiler::consts::Const;
use crate::compiler::unit::{CResult, Compiler};

/// Accumulates the pieces of an f-string, merging adjacent literal text.
struct Pieces {
    count: u32,
    text: String,
}

impl<'a> Compiler<'a> {
    pub fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut p = Pieces { count: 0, text: String::new() };
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(l) => p.text.push_str(&l.value),
                FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        self.fstring_element(el, &mut p, 0)?;
                    }
                }
            }
        }
        self.flush_text(&mut p);
        self.set_loc(f.range);
        if p.count == 0 {
            self.load_const(&Const::Str(String::new()));
        } else if p.count > 1 {
            self.emit(Op::BuildString, p.count);
        }
        Ok(())
    }

    fn flush_text(&mut self, p: &mut Pieces) {
        if !p.text.is_empty() {
            let t = std::mem::take(&mut p.text);
            self.load_const(&Const::Str(t));
            p.count += 1;
        }
    }

    fn fstring_element(&mut self, el: &'a InterpolatedStringElement, p: &mut Pieces, depth: u32) -> CResult {
        match el {
            InterpolatedStringElement::Literal(l) => p.text.push_str(&l.value),
            InterpolatedStringElement::Interpolation(i) => {
                let mut conv = i.conversion;
                if let Some(d) = &i.debug_text {
                    let r = i.expression.range();
                    let src = self.source.get(usize::from(r.start())..usize::from(r.end())).unwrap_or("");
                    p.text.push_str(&d.leading);
                    p.text.push_str(src);
                    p.text.push_str(&d.trailing);
                    if conv == ConversionFlag::None && i.format_spec.is_none() {
                        conv = ConversionFlag::Repr;
                    }
                }
                self.flush_text(p);
                self.expr(&i.expression)?;
                let mut arg = match conv {
                    ConversionFlag::None => 0,
                    ConversionFlag::Str => 1,
                    ConversionFlag::Repr => 2,
                    ConversionFlag::Ascii => 3,
                };
                if let Some(spec) = &i.format_spec {
                    if depth >= 1
                        && spec.elements.iter().any(|e| matches!(e, InterpolatedStringElement::Interpolation(_)))
                    {
                        return Err(self.err(i.range, "f-string: expressions nested too deeply"));
                    }
                    let mut sp = Pieces { count: 0, text: String::new() };
                    for e in spec.elements.iter() {
                        self.fstring_element(e, &mut sp, depth + 1)?;
                    }
                    self.flush_text(&mut sp);
                    if sp.count == 0 {
                        self.load_const(&Const::Str(String::new()));
                    } else if sp.count > 1 {
                        self.emit(Op::BuildString, sp.count);
                    }
                    arg |= 4;
                }
                self.set_loc(i.range);
                self.emit(Op::FormatValue, arg);
                p.count += 1;
            }
        }
        Ok(())
    }
}
