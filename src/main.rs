//! The data desks' command line; see `helong::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(helong::cli::main(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
