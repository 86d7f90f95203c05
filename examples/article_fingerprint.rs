//! Writes the copy check's fingerprint of the source article (tests/copycheck/mod.rs):
//!
//! ```sh
//! cargo run --example article_fingerprint -- ../shared/seed/000_b4ea3d3e194ceeb5.txt \
//!   > tests/golden/article.fingerprint
//! ```
//!
//! With `--status` and no file, it prints one line saying whether the article is beside the
//! repository, i.e. whether `make test` compared the committed fingerprint with it.
#[allow(dead_code)]
#[path = "../tests/copycheck/mod.rs"]
mod copycheck;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "--status" => {
            let path = copycheck::article_path();
            if path.is_file() {
                println!(
                    "copy check: the article is at {}; the fingerprint was checked against it",
                    path.display()
                );
            } else {
                println!(
                    "copy check: skipped what needs the article (no file at {}): whether {} is current and the \
                     character table; our texts were checked against the committed fingerprint",
                    path.display(),
                    copycheck::FINGERPRINT
                );
            }
            ExitCode::SUCCESS
        }
        [file] => match std::fs::read_to_string(file) {
            Ok(article) => {
                print!("{}", copycheck::write_fingerprint(&article));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("article_fingerprint: cannot read {file}: {e}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("usage: article_fingerprint <article.txt> | --status");
            ExitCode::from(2)
        }
    }
}
