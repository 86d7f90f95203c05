//! The crate's one error type. Messages are lower-case and fit to be shown to a reader.

use std::fmt;

/// Everything that can go wrong in the core.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A chart could not be drawn (the backend refused a primitive).
    Draw(String),
    /// A request names something that does not exist (a chart, a format, a command).
    Unknown { what: &'static str, name: String },
    /// Input that cannot be clamped to something sensible.
    Invalid(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Draw(msg) => write!(f, "failed to draw chart: {msg}"),
            // “…” rather than {:?}: Debug formatting of strings pulls Unicode tables into the wasm.
            Error::Unknown { what, name } => write!(f, "unknown {what} “{name}”"),
            Error::Invalid(msg) => write!(f, "invalid input: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// True when the error comes from drawing, not from the reader's input.
    pub fn is_draw(&self) -> bool {
        matches!(self, Error::Draw(_))
    }
}
