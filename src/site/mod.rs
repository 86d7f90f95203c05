//! The static site, written at build time (native only; `helong prerender`) from the page
//! `www/index.html` by the same Rust code the page runs. For readers without JavaScript or
//! WebAssembly the page must still read: the data tables, the reactive sentence, the summary
//! and the footer stamp are filled for the reported scenario, and every chart gets an SVG
//! drawn by the same chart functions.
//!
//! Every step reads and rewrites HTML through one parser, [`html`] (lol_html, by CSS
//! selector), one concept a file:
//!
//! - [`slots`]: the page's `data-fill` slots filled, or the build stops naming the slot;
//! - [`fact_list`] and [`provenance`]: the figures of the page and where each comes from;
//! - [`static_charts`]: the SVG charts and the pictures that show them;
//! - [`narrative`]: the story split by language into `index.html` and its fragments;
//! - [`embed`]: `embed.html`, cut from the same filled page, so the two never disagree;
//! - [`single`]: the single self-contained file;
//! - [`social`]: share cards and the share tags of the `<head>`;
//! - this file: the site assembled from them ([`site`]).
//!
//! `tools/build-dist.mjs` then bundles the scripts and the stylesheet, gives assets
//! content-hashed names, renames their references by name, and fills the single file's
//! inline placeholders; it reads no HTML.

pub mod embed;
pub mod fact_list;
pub mod html;
pub mod narrative;
pub mod provenance;
pub mod single;
pub mod slots;
pub mod social;
pub mod static_charts;

pub use narrative::{narrative_attr, narrative_file, LAZY_LANGS};
pub use slots::page;

use crate::model::simulate;
use crate::Error;

/// Every text file `helong prerender` writes from the page `source` (`www/index.html`):
/// (path relative to `dist/`, contents). `site_url` is `SITE_URL`, checked
/// ([`social::site_url`]); empty is none. The share cards, which take a while to draw, are
/// [`social::cards`].
///
/// `index.html` carries the share tags and the narrative in zh-Hans, and names the fragments
/// of the other languages ([`narrative::split`]); `embed.html` is cut from the same page
/// filled without share tags ([`embed::embed`]); the single file holds the whole narrative
/// ([`single::page`]).
pub fn site(source: &str, site_url: Option<&str>) -> Result<Vec<(String, String)>, Error> {
    let site_url = site_url.filter(|s| !s.trim().is_empty()).map(social::site_url).transpose()?;
    let out = simulate("");
    let tags = social::tags(source, site_url.as_deref())?;
    let filled = page(source, &out, &tags)?;
    let narrative = narrative::split(&filled)?;
    // embed.html is shown inside other pages: no share tags of its own.
    let embed = embed::embed(&page(source, &out, "")?)?;
    // The figures of the filled page: its list of assumptions cites figures of its own.
    let figures = fact_list::files(&fact_list::page_facts(&filled)?)?;
    let single = single::page(&narrative.whole, &figures)?;
    let mut files = vec![("embed.html".to_string(), embed), ("index.html".to_string(), narrative.index)];
    files.extend(figures);
    for (lang, fragment) in narrative.fragments {
        files.push((narrative_file(lang), fragment));
    }
    files.push((single::FILE.to_string(), single));
    for (name, svg) in static_charts::svgs(&out)? {
        files.push((format!("static/{name}"), svg));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Chart;
    use crate::i18n::Lang;
    use crate::{facts, text};

    const PAGE: &str = include_str!("../../www/index.html");

    #[test]
    fn the_site_writes_a_narrative_fragment_per_language_and_keeps_the_embed_whole() {
        let files = site(PAGE, None).expect("site");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"narrative.zh-Hant.html") && names.contains(&"narrative.en.html"));
        let embed = &files.iter().find(|(n, _)| n == "embed.html").expect("embed.html").1;
        assert!(!embed.contains("data-narrative"), "the embed has no story and loads no fragment");
    }

    #[test]
    fn every_figure_of_the_page_has_an_entry_in_its_language_and_a_line_in_the_sources() {
        let files = site(PAGE, None).expect("site");
        let file = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, c)| c.as_str());
        let index = file("index.html").expect("index.html");
        for lang in Lang::ALL {
            let page =
                if lang == Lang::ZhHans { index } else { file(&narrative_file(lang)).expect("fragment") };
            let entries = file(&provenance::figures_file(lang)).expect("entries");
            let list =
                html::find(page, &format!("details.fact-list[lang=\"{}\"]", lang.tag())).expect("read");
            let [list] = list.as_slice() else { panic!("{lang:?}: one list in the sources section") };
            let list = &page[list.outer.clone()];
            let spans = html::find(page, "[data-fact]").expect("read");
            let mut ids: Vec<&str> = spans.iter().filter_map(|f| f.attr("data-fact")).collect();
            ids.extend(Chart::ALL.iter().flat_map(|c| text::table_facts(c.name())).map(|(_, _, id)| id));
            assert!(ids.len() > 40, "{lang:?}");
            for id in ids {
                let f = facts::get(id).expect(id);
                let entry = format!("<span id=\"{}\"><b>", provenance::entry_id(id, lang));
                assert!(entries.contains(&entry), "{lang:?}: no entry for {id}");
                let shown = if f.derived {
                    provenance::formula_text(&f, lang).expect("a formula")
                } else {
                    provenance::value_text(&f, lang)
                };
                assert!(list.contains(&html::escape(&shown)), "{lang:?}: {id} ({shown}) not in the list");
            }
        }
        // A figure the dataset does not have stops the build.
        let bad = PAGE.replacen("data-fact=\"programme-benefit\"", "data-fact=\"programme-profit\"", 1);
        let err = site(&bad, None).expect_err("an unknown figure").to_string();
        assert!(err.contains("programme-profit"), "{err}");
    }
}
