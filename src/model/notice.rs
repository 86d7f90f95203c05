//! Notices: what the codec or the model tells the reader about their input.
//!
//! Every notice carries a machine code and the key it concerns; the text layer
//! (`text::notice`) writes it as a sentence in each language.

use serde::Serialize;

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NoticeKind {
    /// The value was outside its range and was moved to the nearest allowed value.
    Clamped { given: String, used: String },
    /// The value could not be read as a number; the default is used.
    Unparsable { given: String, used: String },
    /// The value was rounded to the input's step.
    Rounded { given: String, used: String },
    /// A list had the wrong number of entries; the default is used.
    WrongLength { given: String, expected: usize, used: String },
    /// All weights were zero; the default is used.
    AllZero { used: String },
    /// The key is not one this product knows; it is ignored.
    UnknownKey,
    /// The key was given more than once; the last value is used.
    Duplicate,
    /// The budget would fund more households than there were registered poor people.
    CapBinds { cap: u32, would_fund: u64 },
    /// A presentation value (`lang`, `theme`, `view`) not understood; the default is used.
    UnknownValue { given: String, used: String },
    /// A house colour that is not `#rrggbb`; the page's own colour is used.
    NotAColour { given: String },
    /// A house colour below WCAG AA contrast against `against` (`ratio` as text; `text`: the
    /// colour of words, which need 4.5:1, else of marks, 3:1); the page's own colour is used.
    LowContrast { given: String, against: String, ratio: String, text: bool },
    /// A pinned scenario (`pin1`, `pin2`) that could not be read whole was dropped: `why` is
    /// `version` (another encoding), `name` (none given) or `field` (a key or value the codec
    /// would not take as given). See [`super::pins`].
    PinDropped { given: String, why: &'static str },
}

/// One notice about one key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub key: String,
    #[serde(flatten)]
    pub kind: NoticeKind,
}

impl Notice {
    pub fn new(key: &str, kind: NoticeKind) -> Notice {
        Notice { key: key.to_string(), kind }
    }
}
