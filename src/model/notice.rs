//! Notices: what the codec or the model tells the reader about their input.
//!
//! Every notice carries a machine code, the key it concerns and a message in each language.

use crate::i18n::Lang;
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

    /// The notice as a sentence in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let k = &self.key;
        match (&self.kind, lang) {
            (NoticeKind::Clamped { given, used }, Lang::ZhHans) => {
                format!("“{k}”的值 {given} 超出范围，已改为 {used}。")
            }
            (NoticeKind::Clamped { given, used }, Lang::ZhHant) => {
                format!("「{k}」的值 {given} 超出範圍，已改為 {used}。")
            }
            (NoticeKind::Clamped { given, used }, Lang::En) => {
                format!("“{k}” = {given} is out of range; using {used}.")
            }
            (NoticeKind::Unparsable { given, used }, Lang::ZhHans) => {
                format!("无法读取“{k}”的值“{given}”，已使用默认值 {used}。")
            }
            (NoticeKind::Unparsable { given, used }, Lang::ZhHant) => {
                format!("無法讀取「{k}」的值「{given}」，已使用預設值 {used}。")
            }
            (NoticeKind::Unparsable { given, used }, Lang::En) => {
                format!("Could not read “{k}” = “{given}”; using the default {used}.")
            }
            (NoticeKind::Rounded { given, used }, Lang::ZhHans) => {
                format!("“{k}”的值 {given} 已按步长取整为 {used}。")
            }
            (NoticeKind::Rounded { given, used }, Lang::ZhHant) => {
                format!("「{k}」的值 {given} 已按步長取整為 {used}。")
            }
            (NoticeKind::Rounded { given, used }, Lang::En) => {
                format!("“{k}” = {given} was rounded to the step: {used}.")
            }
            (NoticeKind::WrongLength { given, expected, used }, Lang::ZhHans) => {
                format!("“{k}”需要 1 个或 {expected} 个数值，收到“{given}”，已使用 {used}。")
            }
            (NoticeKind::WrongLength { given, expected, used }, Lang::ZhHant) => {
                format!("「{k}」需要 1 個或 {expected} 個數值，收到「{given}」，已使用 {used}。")
            }
            (NoticeKind::WrongLength { given, expected, used }, Lang::En) => {
                format!("“{k}” needs 1 or {expected} numbers, got “{given}”; using {used}.")
            }
            (NoticeKind::AllZero { used }, Lang::ZhHans) => {
                format!("“{k}”的数值不能全为 0，已使用 {used}。")
            }
            (NoticeKind::AllZero { used }, Lang::ZhHant) => {
                format!("「{k}」的數值不能全為 0，已使用 {used}。")
            }
            (NoticeKind::AllZero { used }, Lang::En) => {
                format!("“{k}” cannot be all zero; using {used}.")
            }
            (NoticeKind::UnknownKey, Lang::ZhHans) => format!("未知参数“{k}”，已忽略。"),
            (NoticeKind::UnknownKey, Lang::ZhHant) => format!("未知參數「{k}」，已忽略。"),
            (NoticeKind::UnknownKey, Lang::En) => format!("Unknown key “{k}” ignored."),
            (NoticeKind::Duplicate, Lang::ZhHans) => format!("参数“{k}”出现多次，使用最后一个。"),
            (NoticeKind::Duplicate, Lang::ZhHant) => format!("參數「{k}」出現多次，使用最後一個。"),
            (NoticeKind::Duplicate, Lang::En) => {
                format!("“{k}” was given more than once; using the last value.")
            }
            (NoticeKind::CapBinds { cap, would_fund }, Lang::ZhHans) => format!(
                "预算够资助 {would_fund} 户，但 2015 年建档立卡贫困人口只有 {cap} 人，按 {cap} 户计算。"
            ),
            (NoticeKind::CapBinds { cap, would_fund }, Lang::ZhHant) => format!(
                "預算夠資助 {would_fund} 戶，但 2015 年建檔立卡貧困人口只有 {cap} 人，按 {cap} 戶計算。"
            ),
            (NoticeKind::CapBinds { cap, would_fund }, Lang::En) => format!(
                "The budget would fund {would_fund} households, but only {cap} poor people were registered in 2015; capped at {cap}."
            ),
            (NoticeKind::UnknownValue { given, used }, Lang::ZhHans) => {
                format!("“{k}”不支持“{given}”，已使用 {used}。")
            }
            (NoticeKind::UnknownValue { given, used }, Lang::ZhHant) => {
                format!("「{k}」不支援「{given}」，已使用 {used}。")
            }
            (NoticeKind::UnknownValue { given, used }, Lang::En) => {
                format!("“{k}” = “{given}” is not supported; using {used}.")
            }
        }
    }
}
