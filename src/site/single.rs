//! The single self-contained file, `helong-explainer.html`, for a CMS that takes one upload:
//! the page with the narrative of every language in place, the popovers' entries in
//! `<template data-figures>`, the dataset downloads as `data:` links, and no static chart
//! pictures (its tables are filled). It fetches nothing.
//!
//! Its code is bundled by `tools/build-dist.mjs`, which fills the three placeholders this
//! file writes ([`INLINE_POLICY`], [`INLINE_STYLE`], [`INLINE_SCRIPTS`]; the same strings
//! are there) with the stylesheet, the scripts and the policy that allows exactly them.

use super::html::{self, ContentType};
use super::static_charts;
use crate::{facts, Error};
use base64::Engine as _;
use std::cell::RefCell;

/// The single file's name (a public name: newsrooms upload it).
pub const FILE: &str = "helong-explainer.html";

/// Where `build-dist.mjs` puts the Content-Security-Policy with the hashes of the inline code.
pub const INLINE_POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" data-inline=\"policy\">";
/// Where it puts the minified stylesheet, in place of the page's `<link rel="stylesheet">`.
pub const INLINE_STYLE: &str = "<style data-inline=\"style.css\"></style>";
/// Where it puts `early.js` and the bundled module with the wasm, in place of the page's
/// `<script src="early.js">`.
pub const INLINE_SCRIPTS: &str =
    "<script data-inline=\"early.js\"></script>\n<script type=\"module\" data-inline=\"app.js\"></script>";

/// A file of the dataset the page links for download.
struct DataFile {
    path: &'static str,
    media: &'static str,
    bytes: Vec<u8>,
}

/// The dataset's files, as `helong facts` writes them into `dist/data/`.
fn dataset() -> Result<Vec<DataFile>, Error> {
    let all = facts::all();
    let json = facts::to_json(&all).map_err(|e| Error::Invalid(format!("the dataset as JSON: {e}")))?;
    Ok(vec![
        DataFile {
            path: "data/helong-facts.csv",
            media: "text/csv;charset=utf-8",
            bytes: facts::to_csv(&all).into_bytes(),
        },
        DataFile { path: "data/helong-facts.json", media: "application/json", bytes: json.into_bytes() },
    ])
}

/// The single file from `whole`, the page with every language's narrative in place
/// ([`super::narrative::Narrative::whole`]), and `figure_files`, the popovers' entries as
/// (path, contents). The stylesheet link, the early script, each list of figures' file and
/// each dataset link must be there: the build stops on one it cannot put in.
pub fn page(whole: &str, figure_files: &[(String, String)]) -> Result<String, Error> {
    let mut templates = Vec::new();
    for list in html::find(whole, "details.fact-list[data-src]")? {
        let (lang, src) = (list.attr("lang").unwrap_or(""), list.attr("data-src").unwrap_or(""));
        let entries =
            figure_files.iter().find(|(name, _)| name == src).map(|(_, body)| body).ok_or_else(|| {
                Error::Invalid(format!(
                    "the list of figures in {lang:?} names {src:?}, a file the build did not write"
                ))
            })?;
        if entries.to_ascii_lowercase().contains("</template") {
            return Err(Error::Invalid(format!("{src} closes a <template>")));
        }
        templates.push(format!("<template data-figures=\"{lang}\">{entries}</template>"));
    }
    let dataset = dataset()?;
    let done = RefCell::new(Vec::<&str>::new());
    let page = html::Rewrite::new()
        .on("meta[charset]", |el| {
            el.after(&format!("\n{INLINE_POLICY}"), ContentType::Html);
            done.borrow_mut().push("<meta charset>");
            Ok(())
        })
        .on("link[rel=\"stylesheet\"]", |el| {
            if html::attr(el, "href") != "style.css" {
                return Err(Error::Invalid(format!(
                    "a stylesheet other than style.css: {}",
                    html::attr(el, "href")
                )));
            }
            el.replace(INLINE_STYLE, ContentType::Html);
            done.borrow_mut().push("<link rel=\"stylesheet\">");
            Ok(())
        })
        .on("script[src=\"early.js\"]", |el| {
            el.replace(INLINE_SCRIPTS, ContentType::Html);
            done.borrow_mut().push("<script src=\"early.js\">");
            Ok(())
        })
        .on(&format!("noscript.{}", static_charts::FALLBACK_CLASS), |el| {
            el.remove();
            Ok(())
        })
        .on("a[download][href^=\"data/\"]", |el| {
            let href = html::attr(el, "href");
            let Some(file) = dataset.iter().find(|f| f.path == href) else {
                return Err(Error::Invalid(format!(
                    "a download of {href}, a file the single file cannot carry"
                )));
            };
            let b64 = base64::engine::general_purpose::STANDARD.encode(&file.bytes);
            html::set_attr(el, "href", &format!("data:{};base64,{b64}", file.media))?;
            html::set_attr(el, "download", file.path.trim_start_matches("data/"))?;
            Ok(())
        })
        .on("body", |el| {
            let entries = format!("{}\n", templates.join("\n"));
            html::on_end_tag(el, move |end| {
                end.before(&entries, ContentType::Html);
                Ok(())
            })?;
            done.borrow_mut().push("<body>");
            Ok(())
        })
        .run(whole)?;
    let done = done.into_inner();
    for want in ["<meta charset>", "<link rel=\"stylesheet\">", "<script src=\"early.js\">", "<body>"] {
        if done.iter().filter(|d| **d == want).count() != 1 {
            return Err(Error::Invalid(format!("the single file needs one {want} in the page")));
        }
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> String {
        let files = super::super::site(include_str!("../../www/index.html"), None).expect("site");
        files.into_iter().find(|(n, _)| n == FILE).expect("the single file").1
    }

    #[test]
    fn the_single_file_holds_every_language_the_figures_and_the_dataset_and_fetches_nothing() {
        let single = built();
        for lang in ["zh-Hans", "zh-Hant", "en"] {
            assert!(
                single.contains(&format!("<template data-figures=\"{lang}\"><span class=\"fact-article\">"))
            );
            assert!(single.contains(&format!("<p lang=\"{lang}\"")), "the narrative in {lang}");
        }
        assert!(!single.contains("data-narrative-"), "names no fragment to fetch");
        assert!(!single.contains("<noscript"), "no static pictures: its tables are filled");
        assert!(!single.contains("href=\"data/") && !single.contains("static/"));
        assert!(
            single.contains("href=\"data:text/csv;charset=utf-8;base64,77u/"),
            "the CSV, byte-order mark first"
        );
        assert!(single.contains("download=\"helong-facts.json\""));
        for placeholder in [INLINE_POLICY, INLINE_STYLE, INLINE_SCRIPTS] {
            assert_eq!(single.matches(placeholder).count(), 1, "{placeholder}");
        }
        assert!(!single.contains("<link rel=\"stylesheet\"") && !single.contains("src=\"early.js\""));
    }

    #[test]
    fn build_dist_fills_the_same_placeholders_this_file_writes() {
        let js = include_str!("../../tools/build-dist.mjs");
        for placeholder in [INLINE_POLICY, INLINE_STYLE, INLINE_SCRIPTS] {
            assert!(js.contains(&format!("'{}'", placeholder.replace('\n', "\\n"))), "{placeholder}");
        }
    }

    #[test]
    fn a_single_file_without_a_place_for_its_code_stops_the_build() {
        let whole = "<!doctype html>\n<html><head><meta charset=\"utf-8\"></head><body></body></html>";
        let err = page(whole, &[]).expect_err("no stylesheet").to_string();
        assert!(err.contains("<link rel=\"stylesheet\">"), "{err}");
        let list = "<details class=\"fact-list\" lang=\"en\" data-src=\"data/figures.en.html\"></details>";
        let err =
            page(&whole.replace("<body>", &format!("<body>{list}")), &[]).expect_err("no file").to_string();
        assert!(err.contains("data/figures.en.html"), "{err}");
    }
}
