//! The static site, written at build time (native only; `helong prerender`) from the page
//! `www/index.html` by the same Rust code the page runs. For readers without JavaScript or
//! WebAssembly the page must still read: the data tables, the reactive sentence, the summary
//! and the footer stamp are filled for the reported scenario, and every chart gets an SVG
//! drawn by the same chart functions. `embed.html` is cut from the same page, so the two can
//! never disagree.
//!
//! - [`html`]: the one HTML reader (lol_html, by CSS selector);
//! - [`slots`]: the page's `data-fill` slots filled, or the build stops naming the slot;
//! - [`fact_list`] and [`provenance`]: the figures of the page and where each comes from;
//! - [`static_charts`]: the SVG charts and the pictures that show them;
//! - [`narrative`]: the story split by language into `index.html` and its fragments;
//! - [`social`]: share cards and the share tags of the `<head>`.

pub mod fact_list;
pub mod html;
pub mod narrative;
pub mod provenance;
pub mod slots;
pub mod social;
pub mod static_charts;

pub use narrative::{narrative_attr, narrative_file, LAZY_LANGS};
pub use slots::page;

use crate::model::simulate;
use crate::Error;

/// Remove every element that starts with a line beginning `start` and ends at the next line
/// that is exactly `end` (the page keeps these blocks at a fixed indentation).
fn drop_blocks(html: &str, start: &str, end: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in html.lines() {
        if !skipping && line.starts_with(start) {
            skipping = true;
        }
        if !skipping {
            out.push(line);
        }
        if skipping && line == end {
            skipping = false;
        }
    }
    out.join("\n") + "\n"
}

/// `embed.html`: the simulator and the context chart without the page's story, headline
/// and downloads, with a one-line credit. `view` (URL key) then picks the panel.
pub fn embed(page_html: &str) -> String {
    let mut s = drop_blocks(page_html, "  <section class=\"story\"", "  </section>");
    s = drop_blocks(&s, "  <div class=\"downloads\"", "  </div>");
    for prefix in ["  <p class=\"kicker\">", "  <h1>", "  <p class=\"dek\">", "<a class=\"skip\""] {
        s = s.lines().filter(|l| !l.starts_with(prefix)).collect::<Vec<_>>().join("\n") + "\n";
    }
    if let Some(end) = s.find("<html").and_then(|at| tag_end(&s, at)) {
        s.insert_str(end - 1, " data-embed=\"\"");
    }
    let credit = "<p class=\"embed-credit\"><span lang=\"zh-Hans\">数据：中国吉林网 / 吉刻APP（记者王昕、李易书）。假设可调，仅供示意。</span><span lang=\"zh-Hant\" hidden>數據：中國吉林網 / 吉刻APP（記者王昕、李易書）。假設可調，僅供示意。</span><span lang=\"en\" hidden>Data: China Jilin Net / Jike app (reporters Wang Xin, Li Yishu). Assumptions are adjustable and illustrative.</span></p>";
    s.replacen("<footer class=\"colophon\">", &format!("<footer class=\"colophon\">\n  {credit}"), 1)
}

/// The end of the tag that starts at `from` (`<…>`), skipping `>` inside quoted attribute values.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

/// Every text file `helong prerender` writes from the page `source` (`www/index.html`):
/// (path relative to `dist/`, contents). `site_url` is `SITE_URL`, checked
/// ([`social::site_url`]); empty is none. The share cards, which take a while to draw, are
/// [`social::cards`].
///
/// `index.html` carries the share tags and the narrative in zh-Hans, and names the fragments
/// of the other languages ([`narrative::split`]); `embed.html` is cut from the same page
/// filled without share tags (it drops the story anyway).
pub fn site(source: &str, site_url: Option<&str>) -> Result<Vec<(String, String)>, Error> {
    let site_url = site_url.filter(|s| !s.trim().is_empty()).map(social::site_url).transpose()?;
    let out = simulate("");
    let tags = social::tags(source, site_url.as_deref())?;
    let narrative = narrative::split(&page(source, &out, &tags)?)?;
    // embed.html is shown inside other pages: no share tags of its own.
    let embed = embed(&page(source, &out, "")?);
    let mut files = vec![("embed.html".to_string(), embed), ("index.html".to_string(), narrative.index)];
    files.extend(fact_list::files(&fact_list::page_facts(source)?)?);
    for (lang, fragment) in narrative.fragments {
        files.push((narrative_file(lang), fragment));
    }
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
    fn the_embed_keeps_the_simulator_and_drops_the_story() {
        let e = embed(&page(PAGE, &simulate(""), "").expect("pre-rendered"));
        assert!(e.contains("id=\"simulator\"") && e.contains("id=\"panel-context\""));
        assert!(!e.contains("class=\"story\"") && !e.contains("<h1>") && !e.contains("class=\"downloads\""));
        assert!(e.contains("data-embed") && e.contains("embed-credit"));
        assert!(e.contains("data-lang=\"en\""), "the language switch stays");
        assert_eq!(e.matches("<section").count(), e.matches("</section>").count());
    }

    #[test]
    fn the_site_writes_a_narrative_fragment_per_language_and_keeps_the_embed_whole() {
        let files = site(PAGE, None).expect("site");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"narrative.zh-Hant.html") && names.contains(&"narrative.en.html"));
        let embed = &files.iter().find(|(n, _)| n == "embed.html").unwrap().1;
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
