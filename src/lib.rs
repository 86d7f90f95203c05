//! # Helong "Six Small Projects" explainer
//!
//! From 2018 Helong City (和龙市, Jilin) gave 2,546 poor households a 5,000-yuan start-up grant
//! each — 12.73 million yuan — to run a small enterprise (planting, livestock, trade, a
//! workshop or a farm-stay); the same article counts "shared courtyards" adopted (认领) as
//! 2,458 households, without saying how that works or whose courtyards they are. It reports that the grants produced 559,300
//! yuan of benefit and the courtyards brought poor households 493,500 yuan.
//!
//! This crate is the whole product's core, in layers that know nothing of the browser:
//!
//! - [`facts`]: every figure in the article as a typed, sourced record; derived figures are
//!   computed from them.
//! - [`model`]: the what-if simulator — a [`model::Scenario`] (the inputs, with a URL-query
//!   codec that clamps bad input field by field), exact accounting (households funded never
//!   exceed the 15,670 registered poor *people* of 2015: the article gives no count of poor
//!   households, so that is a loose upper bound, not a number of households), an expected benefit
//!   calibrated so the reported allocation reproduces the reported 559,300 yuan, and a seeded
//!   Monte Carlo that shows how uncertain that is.
//! - [`charts`]: the charts, generic over plotters' `DrawingBackend`, so the canvas in the page
//!   and the SVG of the command line are drawn by the same functions.
//! - [`i18n`]: the three languages and number formatting (万/亿 in Chinese).
//! - [`num`]: numbers as text and back without a language (exact reading, shortest writing,
//!   rounding): the bottom layer, used by all of the above.
//!
//! Two thin boundary modules adapt the core: `web` for the page (wasm32 only) and `cli` for
//! data desks (native only).

pub mod charts;
pub mod error;
pub mod facts;
pub mod i18n;
pub mod model;
pub mod num;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod png;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::Error;

/// Version of the model, shown in the page footer beside the dataset hash.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");
