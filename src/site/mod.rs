//! The static site, written at build time (native only; `helong prerender`) from the page
//! `www/index.html` by the same Rust code the page runs. For readers without JavaScript or
//! WebAssembly the page must still read: the data tables, the reactive sentence, the summary
//! and the footer stamp are filled for the reported scenario, and every chart gets an SVG
//! drawn by the same chart functions. `embed.html` is cut from the same page, so the two can
//! never disagree. `index.html` carries its narrative in Simplified Chinese only; the zh-Hant
//! and en narrative become fragments that `app.js` loads when a reader asks for them
//! ([`split_narrative`]).
//!
//! - [`html`]: the one HTML reader (lol_html, by CSS selector);
//! - [`slots`]: the page's `data-fill` slots filled, or the build stops naming the slot;
//! - [`fact_list`] and [`provenance`]: the figures of the page and where each comes from;
//! - [`static_charts`]: the SVG charts and the pictures that show them;
//! - [`social`]: share cards and the share tags of the `<head>`.

pub mod fact_list;
pub mod html;
pub mod provenance;
pub mod slots;
pub mod social;
pub mod static_charts;

pub use slots::page;

use crate::i18n::Lang;
use crate::model::simulate;
use crate::Error;
use std::fmt::Write as _;

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

/// The languages whose narrative `index.html` loads on demand. Simplified Chinese, which most
/// readers read, stays in the page; the headings, buttons and labels outside the NARRATIVE
/// blocks stay in all three languages (they are small).
pub const LAZY_LANGS: [Lang; 2] = [Lang::ZhHant, Lang::En];

/// File name of the narrative fragment of one language (before `build-dist.mjs` hashes it).
pub fn narrative_file(lang: Lang) -> String {
    format!("narrative.{}.html", lang.tag())
}

/// The attribute on `<html>` that names the narrative fragment of one language, e.g.
/// `data-narrative-zh-hant` (`app.js` reads it, `build-dist.mjs` rewrites it).
pub fn narrative_attr(lang: Lang) -> String {
    format!("data-narrative-{}", lang.tag().to_ascii_lowercase())
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

/// The name of the element a start or end tag opens or closes, lower-case.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The value of the `lang` attribute of a start tag (not `data-lang` or `xml:lang`).
fn tag_lang(tag: &str) -> Option<&str> {
    tag.match_indices("lang=\"")
        .find(|(i, _)| tag[..*i].ends_with(|c: char| c.is_ascii_whitespace()))
        .and_then(|(i, m)| tag[i + m.len()..].split('"').next())
}

/// A top-level element of a piece of HTML: where it starts and ends, and its `lang`.
#[derive(Debug, Clone, Copy)]
struct Element<'a> {
    start: usize,
    end: usize,
    lang: Option<&'a str>,
}

/// The top-level elements of a piece of HTML.
/// Between them there may only be white space and comments: the narrative is a run of
/// paragraphs and lists, one per language.
fn top_level_elements(html: &str) -> Result<Vec<Element<'_>>, String> {
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ];
    let mut elements = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut start = (0, None);
    let mut at = 0;
    while let Some(p) = html[at..].find('<') {
        let lt = at + p;
        if open.is_empty() && !html[at..lt].trim().is_empty() {
            return Err(format!("text outside an element: {:?}", html[at..lt].trim()));
        }
        if html[lt..].starts_with("<!--") {
            let end = html[lt..].find("-->").ok_or("an unclosed comment")?;
            at = lt + end + 3;
            continue;
        }
        let gt = tag_end(html, lt).ok_or("an unclosed tag")?;
        let tag = &html[lt..gt];
        let name = tag_name(tag);
        if ["script", "style", "template", "textarea", "title"].contains(&name.as_str()) {
            return Err(format!("a <{name}> element"));
        }
        if tag.starts_with("</") {
            if open.pop().as_deref() != Some(name.as_str()) {
                return Err(format!("an unexpected {tag}"));
            }
            if open.is_empty() {
                elements.push(Element { start: start.0, end: gt, lang: start.1 });
            }
        } else if VOID.contains(&name.as_str()) || tag.ends_with("/>") {
            if open.is_empty() {
                elements.push(Element { start: lt, end: gt, lang: tag_lang(tag) });
            }
        } else {
            if open.is_empty() {
                start = (lt, tag_lang(tag));
            }
            open.push(name);
        }
        at = gt;
    }
    if let Some(name) = open.last() {
        return Err(format!("an unclosed <{name}>"));
    }
    if !html[at..].trim().is_empty() {
        return Err(format!("text outside an element: {:?}", html[at..].trim()));
    }
    Ok(elements)
}

/// `index.html` with the narrative in Simplified Chinese only, and the narrative of each of
/// [`LAZY_LANGS`] as a fragment: (page, [(language, fragment)]).
///
/// Each `<!-- NARRATIVE:name … -->` … `<!-- /NARRATIVE:name -->` block of the page becomes a
/// `<div data-narrative="name">` holding its zh-Hans elements (and any without a language);
/// its zh-Hant and en elements move, in order, into a `<div data-narrative="name">` of the
/// fragment of their language, from where `app.js` appends them to the page's block when a
/// reader asks for that language. `<html>` names the fragments ([`narrative_attr`]).
pub fn split_narrative(page: &str) -> Result<(String, Vec<(Lang, String)>), Error> {
    const OPEN: &str = "<!-- NARRATIVE:";
    let bad = |name: &str, why: String| Error::Invalid(format!("NARRATIVE:{name}: {why}"));
    let mut out = String::with_capacity(page.len());
    let mut fragments: Vec<(Lang, String)> = LAZY_LANGS.iter().map(|&l| (l, String::new())).collect();
    let mut names: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(p) = rest.find(OPEN) {
        out.push_str(&rest[..p]);
        let after = &rest[p + OPEN.len()..];
        let comment_end = after.find("-->").ok_or_else(|| bad("?", "an unclosed comment".into()))?;
        let name = after[..comment_end].split_whitespace().next().unwrap_or("");
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(bad(name, "a block needs a name of a-z, 0-9 and -".into()));
        }
        if names.iter().any(|n| n == name) {
            return Err(bad(name, "two blocks of that name".into()));
        }
        let body_and_rest = &after[comment_end + 3..];
        let close = format!("<!-- /NARRATIVE:{name} -->");
        let body_end = body_and_rest.find(&close).ok_or_else(|| bad(name, format!("no {close}")))?;
        let body = &body_and_rest[..body_end];
        if body.contains(OPEN) {
            return Err(bad(name, "a block inside another".into()));
        }
        let elements = top_level_elements(body).map_err(|why| bad(name, why))?;
        let _ = write!(out, "<div data-narrative=\"{name}\">");
        let mut kept_to = 0;
        for (l, f) in fragments.iter_mut() {
            let _ = writeln!(f, "<div data-narrative=\"{name}\">");
            for &Element { start, end, lang } in &elements {
                if lang == Some(l.tag()) {
                    f.push_str(&body[start..end]);
                    f.push('\n');
                }
            }
            f.push_str("</div>\n");
        }
        for &Element { start, end, lang } in &elements {
            match lang.map(|t| (t, Lang::parse(t))) {
                None | Some(("zh-Hans", _)) => {
                    out.push_str(&body[kept_to..end]);
                }
                Some((t, Some(l))) if t == l.tag() && LAZY_LANGS.contains(&l) => {
                    // Drop the element and the white space before it.
                    out.push_str(body[kept_to..start].trim_end_matches([' ', '\t', '\n', '\r']));
                }
                Some((t, _)) => return Err(bad(name, format!("an element in an unknown language {t:?}"))),
            }
            kept_to = end;
        }
        out.push_str(&body[kept_to..]);
        out.push_str("</div>");
        names.push(name.to_string());
        rest = &body_and_rest[body_end + close.len()..];
    }
    out.push_str(rest);
    if names.is_empty() {
        return Ok((out, Vec::new()));
    }
    let html_start = out.find("<html").ok_or_else(|| Error::Invalid("the page has no <html> tag".into()))?;
    let html_end =
        tag_end(&out, html_start).ok_or_else(|| Error::Invalid("an unclosed <html> tag".into()))?;
    let attrs: String =
        LAZY_LANGS.iter().map(|&l| format!(" {}=\"{}\"", narrative_attr(l), narrative_file(l))).collect();
    out.insert_str(html_end - 1, &attrs);
    Ok((out, fragments))
}

/// Every text file `helong prerender` writes from the page `source` (`www/index.html`):
/// (path relative to `dist/`, contents). `site_url` is `SITE_URL`, checked
/// ([`social::site_url`]); empty is none. The share cards, which take a while to draw, are
/// [`social::cards`].
///
/// `index.html` carries the share tags and the narrative in zh-Hans, and names the fragments
/// of the other languages ([`split_narrative`]); `embed.html` is cut from the same page
/// filled without share tags (it drops the story anyway).
pub fn site(source: &str, site_url: Option<&str>) -> Result<Vec<(String, String)>, Error> {
    let site_url = site_url.filter(|s| !s.trim().is_empty()).map(social::site_url).transpose()?;
    let out = simulate("");
    let tags = social::tags(source, site_url.as_deref())?;
    let (index, fragments) = split_narrative(&page(source, &out, &tags)?)?;
    // embed.html is shown inside other pages: no share tags of its own.
    let embed = embed(&page(source, &out, "")?);
    let mut files = vec![("embed.html".to_string(), embed), ("index.html".to_string(), index)];
    files.extend(fact_list::files(&fact_list::page_facts(source)?)?);
    for (lang, fragment) in fragments {
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
    use crate::model::codec;
    use crate::{facts, text};
    use html::escape;

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

    /// The top-level elements of a page's NARRATIVE blocks, in order, as (block, element).
    fn narrative_elements(html: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, _) in html.match_indices("<!-- NARRATIVE:") {
            let name = html[i + 15..].split_whitespace().next().unwrap();
            let body = &html[i..];
            let body = &body
                [body.find("-->").unwrap() + 3..body.find(&format!("<!-- /NARRATIVE:{name} -->")).unwrap()];
            for Element { start, end, .. } in top_level_elements(body).unwrap() {
                out.push((name.to_string(), body[start..end].to_string()));
            }
        }
        out
    }

    #[test]
    fn the_served_page_carries_the_narrative_in_simplified_chinese_only() {
        let full = page(PAGE, &simulate(""), "").expect("pre-rendered");
        let (index, fragments) = split_narrative(&full).expect("split");
        let blocks = ["county", "programme", "yang", "2019", "method", "credits"];
        for name in blocks {
            let open = format!("<div data-narrative=\"{name}\">");
            let body = &index[index.find(&open).expect(name) + open.len()..];
            let body = &body[..body.find("</div>").unwrap()];
            for Element { lang, .. } in top_level_elements(body).unwrap() {
                assert_eq!(lang, Some("zh-Hans"), "{name}");
            }
            assert!(body.contains("<p lang=\"zh-Hans\">"), "{name} keeps its zh-Hans text");
        }
        assert!(!index.contains("NARRATIVE:"));
        assert_eq!(
            index.matches("<p lang=\"zh-Hans\">").count(),
            full.matches("<p lang=\"zh-Hans\">").count()
        );
        // The chrome outside the blocks stays in three languages.
        assert!(index.contains("<span lang=\"en\" hidden>Skip to the simulator</span>"));
        assert!(index.contains("<p class=\"reactive\" lang=\"en\" hidden>"));
        let contract: String =
            codec::page_contract().iter().map(|(n, v)| format!(" {n}=\"{}\"", escape(v))).collect();
        let root = format!("<!doctype html>\n<html lang=\"zh-Hans\" data-theme=\"auto\"{contract} data-narrative-zh-hant=\"narrative.zh-Hant.html\" data-narrative-en=\"narrative.en.html\">");
        assert!(index.starts_with(&root), "{}", &index[..300.min(index.len())]);
        assert_eq!(fragments.iter().map(|(l, _)| *l).collect::<Vec<_>>(), LAZY_LANGS);
        // Page and fragments together hold every element of the source blocks, block by block
        // and in order.
        let (_, en) = &fragments[1];
        assert!(en.starts_with(
            "<div data-narrative=\"county\">\n<p lang=\"en\" hidden>Helong is a county-level city"
        ));
        for (lang, fragment) in
            [(Lang::ZhHans, &index), (Lang::ZhHant, &fragments[0].1), (Lang::En, &fragments[1].1)]
        {
            let mut want = narrative_elements(&full);
            want.retain(|(_, e)| tag_lang(e).and_then(Lang::parse).unwrap_or_default() == lang);
            let mut got = Vec::new();
            for name in blocks {
                let open = format!("<div data-narrative=\"{name}\">");
                let body = &fragment[fragment.find(&open).expect(name) + open.len()..];
                let body = &body[..body.find("</div>").unwrap()];
                for Element { start, end, .. } in top_level_elements(body).unwrap() {
                    got.push((name.to_string(), body[start..end].to_string()));
                }
            }
            assert!(want.len() >= 20, "{lang:?}: {} elements", want.len());
            assert_eq!(got, want, "{lang:?}");
        }
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
    fn a_malformed_narrative_block_fails_the_build() {
        let wrap = |body: &str| {
            format!("<html lang=\"zh-Hans\">\n<!-- NARRATIVE:x -->\n{body}\n<!-- /NARRATIVE:x -->\n</html>")
        };
        for (body, why) in [
            ("<p lang=\"ko\">안녕</p>", "unknown language"),
            ("<p lang=\"zh-Hans\">一</p>\nloose text", "text outside an element"),
            ("<p lang=\"en\" hidden>open", "unclosed <p>"),
            ("<p lang=\"en\"><em>a</p></em>", "unexpected </p>"),
        ] {
            let err = split_narrative(&wrap(body)).expect_err(body).to_string();
            assert!(err.contains(why), "{body}: {err}");
        }
        let err =
            split_narrative("<html>\n<!-- NARRATIVE:x -->\n<p lang=\"en\">a</p>\n").expect_err("unclosed");
        assert!(err.to_string().contains("no <!-- /NARRATIVE:x -->"), "{err}");
        // An element over several lines, and one with no language (shared by all), are fine.
        let (index, fragments) = split_narrative(&wrap(
            "<p lang=\"zh-Hans\">一</p>\n<p lang=\"en\" hidden>one\n<b>two</b></p>\n<hr>",
        ))
        .unwrap();
        assert!(
            index.contains("<div data-narrative=\"x\">\n<p lang=\"zh-Hans\">一</p>\n<hr>\n</div>"),
            "{index}"
        );
        assert_eq!(
            fragments[1].1,
            "<div data-narrative=\"x\">\n<p lang=\"en\" hidden>one\n<b>two</b></p>\n</div>\n"
        );
        assert_eq!(fragments[0].1, "<div data-narrative=\"x\">\n</div>\n");
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
