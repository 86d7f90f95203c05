//! A tiny evaluator for the derived formulas: `+ - * /`, parentheses, number literals and fact
//! ids. Fact ids are kebab-case (`[a-z][a-z0-9-]*`), so subtraction is written with spaces
//! around the minus sign (`a - b`).

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Num(f64),
    Id(&'a str),
    Op(u8),
    Open,
    Close,
}

fn tokens(s: &str) -> Option<Vec<Token<'_>>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_lowercase() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'-') {
                i += 1;
            }
            out.push(Token::Id(s.get(start..i)?));
        } else if c.is_ascii_digit() || c == b'.' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            // The exact reader of `num`, not str::parse (which brings a 10 KB table into the wasm).
            out.push(Token::Num(crate::num::read(s.get(start..i)?)?));
        } else {
            out.push(match c {
                b'+' | b'-' | b'*' | b'/' => Token::Op(c),
                b'(' => Token::Open,
                b')' => Token::Close,
                _ => return None,
            });
            i += 1;
        }
    }
    Some(out)
}

/// The formula as a reader sees it: every fact id written by `write_fact` and every number
/// by `write`, operators as `+ − × ÷`, parentheses hugging what they hold
/// (`15,670 ÷ (22.9 ÷ 100)`). `None` if it does not tokenise or names an unknown fact.
pub(super) fn written(
    s: &str,
    write_fact: impl Fn(&str) -> Option<String>,
    write: impl Fn(f64) -> String,
) -> Option<String> {
    let mut out = String::new();
    let mut after_open = true;
    for t in tokens(s)? {
        let piece = match t {
            Token::Num(n) => write(n),
            Token::Id(id) => write_fact(id)?,
            Token::Op(op) => {
                match op {
                    b'+' => "+",
                    b'-' => "−",
                    b'*' => "×",
                    _ => "÷",
                }
            }
            .to_string(),
            Token::Open => "(".to_string(),
            Token::Close => ")".to_string(),
        };
        if !after_open && t != Token::Close {
            out.push(' ');
        }
        after_open = t == Token::Open;
        out.push_str(&piece);
    }
    Some(out)
}

/// Fact ids a formula names, in order of appearance (`None` if it does not tokenise).
pub(super) fn ids(s: &str) -> Option<Vec<&str>> {
    Some(
        tokens(s)?
            .into_iter()
            .filter_map(|t| match t {
                Token::Id(id) => Some(id),
                _ => None,
            })
            .collect(),
    )
}

struct Parser<'a, F> {
    toks: Vec<Token<'a>>,
    pos: usize,
    value_of: F,
}

impl<'a, F: Fn(&str) -> Option<f64>> Parser<'a, F> {
    fn peek(&self) -> Option<Token<'a>> {
        self.toks.get(self.pos).copied()
    }

    fn expr(&mut self) -> Option<f64> {
        let mut v = self.term()?;
        while let Some(Token::Op(op @ (b'+' | b'-'))) = self.peek() {
            self.pos += 1;
            let rhs = self.term()?;
            v = if op == b'+' { v + rhs } else { v - rhs };
        }
        Some(v)
    }

    fn term(&mut self) -> Option<f64> {
        let mut v = self.factor()?;
        while let Some(Token::Op(op @ (b'*' | b'/'))) = self.peek() {
            self.pos += 1;
            let rhs = self.factor()?;
            v = if op == b'*' { v * rhs } else { v / rhs };
        }
        Some(v)
    }

    fn factor(&mut self) -> Option<f64> {
        let t = self.peek()?;
        self.pos += 1;
        match t {
            Token::Num(n) => Some(n),
            Token::Id(id) => (self.value_of)(id),
            Token::Open => {
                let v = self.expr()?;
                match self.peek() {
                    Some(Token::Close) => {
                        self.pos += 1;
                        Some(v)
                    }
                    _ => None,
                }
            }
            Token::Op(_) | Token::Close => None,
        }
    }
}

/// Evaluates `s`, looking fact ids up with `value_of`. `None` on a syntax error or an
/// unknown id.
pub(super) fn eval(s: &str, value_of: impl Fn(&str) -> Option<f64>) -> Option<f64> {
    let mut p = Parser { toks: tokens(s)?, pos: 0, value_of };
    let v = p.expr()?;
    (p.pos == p.toks.len()).then_some(v)
}
