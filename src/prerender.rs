//! The static site, pre-rendered at build time from the same Rust code the page runs
//! (native only; `helong prerender`). For readers without JavaScript or WebAssembly the page
//! must still read: the data tables, the reactive sentence, the summary and the footer stamp
//! are filled for the reported scenario, and every chart gets an SVG drawn by the same chart
//! functions. `embed.html` is cut from the same page, so the two can never disagree.
//! `index.html` carries its narrative in Simplified Chinese only; the zh-Hant and en narrative
//! become fragments that `app.js` loads when a reader asks for them ([`split_narrative`]).

use crate::charts::{self, Chart, Style};
use crate::i18n::{self, Lang};
use crate::model::codec;
use crate::model::{simulate, Outcome};
use crate::num;
use crate::text;
use crate::{facts, Error};
use std::fmt::Write as _;

/// Chart sizes of the static SVGs: (variant, width, height). The narrow one is for phones.
pub const SIZES: [(&str, u32, u32); 2] = [("wide", 720, 300), ("narrow", 390, 300)];

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// File name of one static chart.
pub fn svg_name(chart: Chart, variant: &str, dark: bool) -> String {
    format!("{}-{variant}-{}.svg", chart.name(), if dark { "dark" } else { "light" })
}

/// Every static chart of the reported scenario, in zh-Hans: (file name, SVG).
pub fn svgs(out: &Outcome) -> Result<Vec<(String, String)>, Error> {
    let mut files = Vec::new();
    for chart in Chart::ALL {
        for (variant, w, h) in SIZES {
            for dark in [false, true] {
                let style = Style { lang: Lang::ZhHans, dark, scale: 1.0 };
                files.push((svg_name(chart, variant, dark), charts::render_svg(chart, out, &style, w, h)?));
            }
        }
    }
    Ok(files)
}

/// The `<picture>` shown in place of a chart when the interactive one cannot run. It sits
/// in a `<noscript>` so readers with JavaScript never download it; `app.js` unwraps it when
/// the WebAssembly fails to load.
fn fallback_picture(chart: Chart, alt: &str) -> String {
    let src = |variant: &str, dark: bool| format!("static/{}", svg_name(chart, variant, dark));
    format!(
        "<noscript class=\"chart-fallback-ns\"><picture class=\"chart-fallback\">\
<source media=\"(prefers-color-scheme: dark) and (max-width: 480px)\" srcset=\"{}\">\
<source media=\"(prefers-color-scheme: dark)\" srcset=\"{}\">\
<source media=\"(max-width: 480px)\" srcset=\"{}\">\
<img src=\"{}\" alt=\"{}\" width=\"720\" height=\"300\"></picture></noscript>",
        src("narrow", true),
        src("wide", true),
        src("narrow", false),
        src("wide", false),
        escape(alt)
    )
}

/// A data table's caption, head and body as HTML.
fn table_html(t: &text::Table) -> (String, String, String) {
    let head = format!(
        "<tr>{}</tr>",
        t.headers.iter().map(|h| format!("<th scope=\"col\">{}</th>", escape(h))).collect::<String>()
    );
    let body = t
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        format!("<th scope=\"row\">{}</th>", escape(c))
                    } else {
                        format!("<td>{}</td>", escape(c))
                    }
                })
                .collect::<String>();
            format!("<tr>{cells}</tr>")
        })
        .collect::<String>();
    (escape(&t.caption), head, body)
}

/// Fill the values of `data-out` / `data-adjust` elements on one line, in its language.
fn fill_outputs_line(line: &str, out: &Outcome, lang: Lang) -> String {
    let q = &out.benefit_quantiles_yuan;
    let money = |x: f64| text::money(x, lang);
    let assumptions = text::assumptions_line(&crate::model::Scenario::default(), lang);
    let values: [(&str, String); 8] = [
        ("data-out=\"assumptions\"", assumptions),
        ("data-out=\"households\"", i18n::count(out.households_funded as f64, lang)),
        ("data-out=\"benefit\"", money(out.expected_benefit_yuan)),
        ("data-out=\"p5\"", money(q.p5)),
        ("data-out=\"p95\"", money(q.p95)),
        ("data-out=\"courtyard\"", money(out.courtyard_income_yuan)),
        ("data-adjust=\"grant\"", money(facts::reported::GRANT_YUAN)),
        ("data-adjust=\"budget\"", money(facts::reported::FUNDS_TOTAL_YUAN)),
    ];
    let mut s = line.to_string();
    for (attr, value) in values {
        let mut from = 0;
        while let Some(p) = s[from..].find(attr) {
            let start = from + p;
            let Some(gt) = s[start..].find('>') else { break };
            let content = start + gt + 1;
            if s[content..].starts_with("</") {
                s.insert_str(content, &escape(&value));
            }
            from = content;
        }
    }
    s
}

/// The language of a line: that of the first `lang="…"` attribute on it (zh-Hans if none).
fn line_lang(line: &str) -> Lang {
    line.find("lang=\"")
        .and_then(|p| line[p + 6..].split('"').next())
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// Fill the `data-fill` slots of the page from the model's contract ([`codec::sliders`],
/// [`codec::adjuster`]): `data-fill="range"` on a slider's `<input>` becomes its `min`, `max`
/// and `step`; `data-fill="adjust"` on an adjustable number of the sentence becomes its
/// `data-min`, `data-max` and `data-step`. A slot that cannot be filled (an unknown kind, a
/// slider the model does not have) is an error, and so is a slider of the model without a slot.
pub fn fill_slots(html: &str) -> Result<String, Error> {
    const SLOT: &str = " data-fill=\"";
    let sliders = codec::sliders();
    let mut filled: Vec<String> = Vec::new();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(p) = rest.find(SLOT) {
        let tag_start =
            rest[..p].rfind('<').ok_or_else(|| Error::Invalid("a data-fill outside a tag".into()))?;
        let tag_end = tag_end(rest, tag_start).ok_or_else(|| Error::Invalid("an unclosed tag".into()))?;
        let tag = &rest[tag_start..tag_end];
        let kind = rest[p + SLOT.len()..].split('"').next().unwrap_or("");
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).and_then(|i| tag[i + key.len()..].split('"').next()).unwrap_or("")
        };
        let n = |x: f64| num::shortest(x);
        let value = match kind {
            "range" => {
                let id = attr("id");
                let sl = sliders.iter().find(|s| s.id == id).ok_or_else(|| {
                    Error::Invalid(format!("data-fill=\"range\" on #{id}, a slider the model does not have"))
                })?;
                filled.push(sl.id.clone());
                format!(" min=\"{}\" max=\"{}\" step=\"{}\"", n(sl.min), n(sl.max), n(sl.step))
            }
            "adjust" => {
                let key = attr("data-adjust");
                let (min, max, step) = codec::adjuster(key).ok_or_else(|| {
                    Error::Invalid(format!(
                        "data-fill=\"adjust\" on {key:?}, a number the model cannot adjust"
                    ))
                })?;
                format!(" data-min=\"{}\" data-max=\"{}\" data-step=\"{}\"", n(min), n(max), n(step))
            }
            other => return Err(Error::Invalid(format!("data-fill=\"{other}\": no such slot"))),
        };
        out.push_str(&rest[..p]);
        out.push_str(&value);
        rest = &rest[p + SLOT.len() + kind.len() + 1..];
    }
    out.push_str(rest);
    if let Some(missing) = sliders.iter().find(|s| !filled.contains(&s.id)) {
        return Err(Error::Invalid(format!("the page has no slot for the slider #{}", missing.id)));
    }
    Ok(out)
}

/// The page with everything a reader without JavaScript needs filled in.
pub fn page(html: &str, out: &Outcome) -> Result<String, Error> {
    let mut s = fill_slots(html)?;
    s = fill_fact_list(&s)?;
    // The language tags the URL understands, for the page before (or without) the wasm.
    let root = s.find("<html").ok_or_else(|| Error::Invalid("the page has no <html> tag".into()))?;
    let root_end = tag_end(&s, root).ok_or_else(|| Error::Invalid("an unclosed <html> tag".into()))?;
    s.insert_str(root_end - 1, &format!(" data-lang-tags=\"{}\"", Lang::tags_attr()));
    for chart in Chart::ALL {
        let name = chart.name();
        let t = text::table(name, out, Lang::ZhHans)
            .ok_or_else(|| Error::Unknown { what: "table", name: name.to_string() })?;
        let (caption, head, body) = table_html(&t);
        let empty = format!(
            "<table id=\"table-{name}\"><caption id=\"table-{name}-caption\"></caption><thead></thead><tbody></tbody></table>"
        );
        if !s.contains(&empty) {
            return Err(Error::Invalid(format!("the page has no empty table-{name} to fill")));
        }
        s = s.replace(
            &empty,
            &format!("<table id=\"table-{name}\"><caption id=\"table-{name}-caption\">{caption}</caption><thead>{head}</thead><tbody>{body}</tbody></table>"),
        );
        let open = format!("<div class=\"chart\" data-chart=\"{name}\">");
        if !s.contains(&open) {
            return Err(Error::Invalid(format!("the page has no chart container for {name}")));
        }
        s = s.replacen(&open, &format!("{open}\n          {}", fallback_picture(chart, &t.caption)), 1);
    }
    s = s
        .lines()
        .map(|l| {
            if l.contains("data-out=") || l.contains("data-adjust=") {
                fill_outputs_line(l, out, line_lang(l))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    s.push('\n');
    // Each of these must be in the page exactly once; a missing one stops the build.
    let fills = [
        (
            "<p id=\"summary\" class=\"summary\" aria-live=\"polite\"></p>".to_string(),
            format!(
                "<p id=\"summary\" class=\"summary\" aria-live=\"polite\">{}</p>",
                escape(&text::summary(out, Lang::ZhHans))
            ),
        ),
        (
            "<code id=\"dataset-hash\">–</code>".to_string(),
            format!("<code id=\"dataset-hash\">{}</code>", facts::dataset_hash()),
        ),
        (
            "<code id=\"model-version\">0.1.0</code>".to_string(),
            format!("<code id=\"model-version\">{}</code>", crate::MODEL_VERSION),
        ),
    ];
    for (slot, filled) in fills {
        if s.matches(&slot).count() != 1 {
            return Err(Error::Invalid(format!("the page must hold {slot} once to fill it")));
        }
        s = s.replacen(&slot, &filled, 1);
    }
    s = mark_table_facts(&s)?;
    Ok(s)
}

/// The slot of the list of figures in the sources section.
const FACT_LIST_SLOT: &str = "<!-- FACT-LIST";

/// Every fact the page shows from the dataset: its `data-fact` numbers and the data tables'
/// reported cells, with the inputs of the derived ones ([`crate::provenance::with_inputs`]).
/// A `data-fact` the dataset does not have stops the build.
fn page_facts(html: &str) -> Result<Vec<facts::Fact>, Error> {
    let mut ids: Vec<String> = html
        .match_indices("data-fact=\"")
        .filter_map(|(i, m)| html[i + m.len()..].split('"').next())
        .map(String::from)
        .collect();
    for chart in Chart::ALL {
        ids.extend(text::table_facts(chart.name()).iter().map(|&(_, _, id)| id.to_string()));
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    crate::provenance::with_inputs(&ids).map_err(Error::Invalid)
}

/// Fill the page's `<!-- FACT-LIST … -->` slot with the short list of every figure it shows
/// and where each comes from, one per language ([`crate::provenance::list_html`]). A page
/// without the slot is left as it is.
fn fill_fact_list(html: &str) -> Result<String, Error> {
    let Some(at) = html.find(FACT_LIST_SLOT) else { return Ok(html.to_string()) };
    let end =
        at + html[at..].find("-->").ok_or_else(|| Error::Invalid("an unclosed FACT-LIST slot".into()))? + 3;
    let facts = page_facts(html)?;
    let indent = &html[html[..at].rfind('\n').map_or(0, |n| n + 1)..at];
    let mut lists = Vec::new();
    for lang in Lang::ALL {
        lists.push(crate::provenance::list_html(&facts, lang).map_err(Error::Invalid)?);
    }
    Ok(format!("{}{}{}", &html[..at], lists.join(&format!("\n{indent}")), &html[end..]))
}

/// Name on each data table the cells that show a figure of the dataset ([`text::table_facts`]),
/// for `www/app/text.js` to keep across redraws (they are the same cells in every scenario and
/// language): `data-facts="column id-of-row-0 id-of-row-1 …"`, `-` for a row without one. A
/// table whose figures are not all in one column stops the build.
fn mark_table_facts(html: &str) -> Result<String, Error> {
    let mut s = html.to_string();
    for chart in Chart::ALL {
        let facts = text::table_facts(chart.name());
        let open = format!("<table id=\"table-{}\"", chart.name());
        let Some(&(_, column, _)) = facts.first() else { continue };
        if facts.iter().any(|&(_, c, _)| c != column) {
            return Err(Error::Invalid(format!("table-{}: figures in more than one column", chart.name())));
        }
        let rows = facts.iter().map(|&(r, _, _)| r + 1).max().unwrap_or(0);
        let ids: Vec<&str> =
            (0..rows).map(|r| facts.iter().find(|f| f.0 == r).map_or("-", |f| f.2)).collect();
        s = s.replacen(&open, &format!("{open} data-facts=\"{column} {}\"", ids.join(" ")), 1);
    }
    Ok(s)
}

/// The files of full entries the page's popovers fetch, one per language
/// ([`crate::provenance::figures_html`]); none for a page without the FACT-LIST slot.
fn fact_files(html: &str) -> Result<Vec<(String, String)>, Error> {
    if !html.contains(FACT_LIST_SLOT) {
        return Ok(Vec::new());
    }
    let facts = page_facts(html)?;
    Lang::ALL
        .iter()
        .map(|&lang| {
            let body = crate::provenance::figures_html(&facts, lang).map_err(Error::Invalid)?;
            Ok((crate::provenance::figures_file(lang), body))
        })
        .collect()
}

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

/// Everything `helong prerender` writes: (relative path, contents). The embed is cut from the
/// whole page (it drops the story anyway); `index.html` carries the narrative in zh-Hans and
/// the other languages come as fragments ([`split_narrative`]).
pub fn site(index_html: &str) -> Result<Vec<(String, String)>, Error> {
    let out = simulate("");
    let page = page(index_html, &out)?;
    let embed = embed(&page);
    let (index, fragments) = split_narrative(&page)?;
    let mut files = vec![("embed.html".to_string(), embed), ("index.html".to_string(), index)];
    files.extend(fact_files(index_html)?);
    for (lang, fragment) in fragments {
        files.push((narrative_file(lang), fragment));
    }
    for (name, svg) in svgs(&out)? {
        files.push((format!("static/{name}"), svg));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../www/index.html");

    #[test]
    fn the_static_page_carries_every_table_filled_for_the_reported_scenario() {
        let html = page(PAGE, &simulate("")).expect("pre-rendered");
        assert!(!html.contains("<tbody></tbody>"));
        assert!(html.contains("<td>1859</td>"), "allocation table");
        assert!(html.contains("55.93万元"), "benefit total");
        assert!(html.contains(&facts::dataset_hash()));
    }

    #[test]
    fn the_reactive_sentence_reads_in_every_language_without_javascript() {
        let html = page(PAGE, &simulate("")).expect("pre-rendered");
        assert!(html.contains("data-out=\"households\">2546<"));
        assert!(html.contains("data-out=\"households\">2,546<"));
        assert!(html.contains("data-adjust=\"budget\" data-min=\"0\" data-max=\"50000000\" data-step=\"100000\">12.73 million yuan<"));
        assert!(!html.contains("spinbutton"), "static numbers are text, not controls");
        assert!(html.contains("1273万元"));
    }

    #[test]
    fn every_chart_has_a_static_svg_in_light_and_dark_and_two_widths() {
        let html = page(PAGE, &simulate("")).expect("pre-rendered");
        for chart in Chart::ALL {
            for (variant, _, _) in SIZES {
                for dark in [false, true] {
                    assert!(html.contains(&format!("static/{}", svg_name(chart, variant, dark))));
                }
            }
        }
        let files = svgs(&simulate("")).expect("drawn");
        assert_eq!(files.len(), Chart::ALL.len() * 4);
        assert!(files.iter().all(|(_, svg)| svg.starts_with("<svg")));
    }

    #[test]
    fn the_embed_keeps_the_simulator_and_drops_the_story() {
        let e = embed(&page(PAGE, &simulate("")).expect("pre-rendered"));
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
        let full = page(PAGE, &simulate("")).expect("pre-rendered");
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
        let root = format!("<!doctype html>\n<html lang=\"zh-Hans\" data-theme=\"auto\" data-lang-tags=\"{}\" data-narrative-zh-hant=\"narrative.zh-Hant.html\" data-narrative-en=\"narrative.en.html\">", Lang::tags_attr());
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
            want.retain(|(_, e)| line_lang(e) == lang);
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
        let files = site(PAGE).expect("site");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"narrative.zh-Hant.html") && names.contains(&"narrative.en.html"));
        let embed = &files.iter().find(|(n, _)| n == "embed.html").unwrap().1;
        assert!(!embed.contains("data-narrative"), "the embed has no story and loads no fragment");
    }

    #[test]
    fn every_figure_of_the_page_has_an_entry_in_its_language_and_a_line_in_the_sources() {
        let files = site(PAGE).expect("site");
        let file = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, c)| c.as_str());
        let index = file("index.html").unwrap();
        // The page names each table's dataset cells, for the page's script.
        assert!(index.contains("<table id=\"table-benefit\" data-facts=\"1 - - - - - - programme-benefit\""));
        for lang in Lang::ALL {
            let page = if lang == Lang::ZhHans { index } else { file(&narrative_file(lang)).unwrap() };
            let entries = file(&crate::provenance::figures_file(lang)).expect("entries");
            let list_start =
                page.find(&format!("<details class=\"table-wrap fact-list\" lang=\"{}\"", lang.tag()));
            let list = &page[list_start.expect("a list in the sources section")..];
            let list = &list[..list.find("</details>").unwrap()];
            let mut ids: Vec<&str> = page
                .match_indices("data-fact=\"")
                .map(|(i, m)| page[i + m.len()..].split('"').next().unwrap())
                .collect();
            ids.extend(Chart::ALL.iter().flat_map(|c| text::table_facts(c.name())).map(|(_, _, id)| id));
            assert!(ids.len() > 40, "{lang:?}");
            for id in ids {
                let f = facts::get(id).expect(id);
                let entry = format!("<span id=\"{}\"><b>", crate::provenance::entry_id(id, lang));
                assert!(entries.contains(&entry), "{lang:?}: no entry for {id}");
                let shown = if f.derived {
                    crate::provenance::formula_text(&f, lang).unwrap()
                } else {
                    crate::provenance::value_text(&f, lang)
                };
                assert!(list.contains(&escape(&shown)), "{lang:?}: {id} ({shown}) not in the list");
            }
        }
        // A figure the dataset does not have stops the build.
        let bad = PAGE.replacen("data-fact=\"programme-benefit\"", "data-fact=\"programme-profit\"", 1);
        assert!(site(&bad).is_err());
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
}
