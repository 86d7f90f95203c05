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
use crate::model::{simulate, Outcome, Scenario};
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

/// A slot of the page: an element marked `data-fill="KIND"`, or `data-out="NAME"` (a number of
/// the reactive sentence, kind `out`), with the language it stands in.
struct Slot<'a> {
    kind: &'a str,
    tag: &'a str,
    lang: Lang,
}

impl Slot<'_> {
    /// The value of one attribute of the slot's tag ("" when it has none).
    fn attr(&self, name: &str) -> &str {
        let key = format!(" {name}=\"");
        self.tag.find(&key).and_then(|i| self.tag[i + key.len()..].split('"').next()).unwrap_or("")
    }
}

/// What a slot becomes: attributes added to its tag, markup put before its content, and new
/// content in place of what it holds (None keeps it).
#[derive(Default)]
struct Fill {
    attrs: String,
    prepend: String,
    content: Option<String>,
}

const VOID_ELEMENTS: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Walk the page's tags once and fill every slot with `fill`; the `data-fill` marks are removed.
/// A slot `fill` does not know is its error, which stops the build.
fn fill_slots_with(html: &str, mut fill: impl FnMut(&Slot) -> Result<Fill, Error>) -> Result<String, Error> {
    const MARK: &str = " data-fill=\"";
    let bad = |what: String| Error::Invalid(what);
    let mut out = String::with_capacity(html.len() + html.len() / 2);
    // The open elements and their languages, to know the language a slot stands in.
    let mut open: Vec<(String, Option<Lang>)> = Vec::new();
    let mut at = 0;
    while let Some(p) = html[at..].find('<') {
        let lt = at + p;
        out.push_str(&html[at..lt]);
        if html[lt..].starts_with("<!--") {
            let end = html[lt..].find("-->").ok_or_else(|| bad("an unclosed comment".into()))?;
            out.push_str(&html[lt..lt + end + 3]);
            at = lt + end + 3;
            continue;
        }
        let gt = tag_end(html, lt).ok_or_else(|| bad("an unclosed tag".into()))?;
        let tag = &html[lt..gt];
        let name = tag_name(tag);
        at = gt;
        if tag.starts_with("</") {
            // Lenient about end tags HTML lets a page leave out.
            if let Some(i) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(i);
            }
            out.push_str(tag);
            continue;
        }
        if tag.starts_with("<!") {
            out.push_str(tag);
            continue;
        }
        let own = tag_lang(tag).and_then(Lang::parse);
        let lang = own.or_else(|| open.iter().rev().find_map(|(_, l)| *l));
        let kind = match tag.find(MARK) {
            Some(i) => Some(tag[i + MARK.len()..].split('"').next().unwrap_or("")),
            None if tag.contains(" data-out=\"") => Some("out"),
            None => None,
        };
        let Some(kind) = kind else {
            if !VOID_ELEMENTS.contains(&name.as_str()) && !tag.ends_with("/>") {
                open.push((name, own));
            }
            out.push_str(tag);
            continue;
        };
        let f = fill(&Slot { kind, tag, lang: lang.unwrap_or_default() })?;
        let unmarked = tag.replacen(&format!("{MARK}{kind}\""), "", 1);
        let (head, close) = unmarked.split_at(unmarked.len() - if unmarked.ends_with("/>") { 2 } else { 1 });
        out.push_str(head);
        out.push_str(&f.attrs);
        out.push_str(close);
        out.push_str(&f.prepend);
        if let Some(content) = f.content {
            let end = element_end(html, gt, &name)
                .ok_or_else(|| bad(format!("the {kind} slot <{name}> is never closed")))?;
            out.push_str(&content);
            at = end;
        } else if !VOID_ELEMENTS.contains(&name.as_str()) {
            open.push((name, own));
        }
    }
    out.push_str(&html[at..]);
    Ok(out)
}

/// Where the end tag `</name>` of the element whose content starts at `from` begins (nested
/// elements of the same name are counted).
fn element_end(html: &str, from: usize, name: &str) -> Option<usize> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut at = from;
    loop {
        let c = at + html[at..].find(&close)?;
        let opened = html[at..c].match_indices(&open).filter(|(i, _)| {
            html[at + i + open.len()..].starts_with(|ch: char| ch.is_ascii_whitespace() || ch == '>')
        });
        depth += opened.count();
        if depth == 0 {
            return Some(c);
        }
        depth -= 1;
        at = c + close.len();
    }
}

/// The slots of the page and what fills them, for the reported scenario `out`:
///
/// - `data-fill="range"` on a slider's `<input>`: its `min`, `max`, `step` and `data-url-key`
///   (the URL key it sets), from [`codec::sliders`];
/// - `data-fill="adjust"` on an adjustable number of the sentence: its `data-min`, `data-max`
///   and `data-step` ([`codec::adjuster`]) and its value;
/// - `data-out="NAME"`: a number of the reactive sentence, in the slot's language;
/// - `data-fill="table"` on `<table id="table-NAME">`: the chart's data table (zh-Hans);
/// - `data-fill="chart"` on a chart's box (`data-chart="NAME"`): the pre-rendered picture shown
///   when the interactive chart cannot run;
/// - `data-fill="summary"`, `"dataset-hash"`, `"model-version"`: the text of each;
/// - `data-fill="assumptions"`: the model's assumptions in the slot's language, from the model's
///   own list ([`text::assumptions`]): the method section's list (on an `<ol>`, once per
///   language), or with `data-assumption-note="ID"` the line beside that assumption's slider.
struct PageSlots<'a> {
    out: &'a Outcome,
    sliders: Vec<codec::Slider>,
    /// What was filled, by kind and name, to find what is missing.
    filled: Vec<(String, String)>,
}

impl<'a> PageSlots<'a> {
    fn new(out: &'a Outcome) -> Self {
        PageSlots { out, sliders: codec::sliders(), filled: Vec::new() }
    }

    fn fill(&mut self, slot: &Slot) -> Result<Fill, Error> {
        let n = |x: f64| num::shortest(x);
        let money = |x: f64| text::money(x, slot.lang);
        let bad = |what: String| Err(Error::Invalid(what));
        let table = |name: &str| {
            text::table(name, self.out, Lang::ZhHans)
                .ok_or_else(|| Error::Unknown { what: "table", name: name.to_string() })
        };
        let text = |t: String| Fill { content: Some(escape(&t)), ..Fill::default() };
        let fill = match slot.kind {
            "range" => {
                let id = slot.attr("id");
                let Some(sl) = self.sliders.iter().find(|s| s.id == id) else {
                    return bad(format!("data-fill=\"range\" on #{id}, a slider the model does not have"));
                };
                self.filled.push(("range".into(), sl.id.clone()));
                let attrs = format!(
                    " min=\"{}\" max=\"{}\" step=\"{}\" data-url-key=\"{}\"",
                    n(sl.min),
                    n(sl.max),
                    n(sl.step),
                    sl.key
                );
                Fill { attrs, ..Fill::default() }
            }
            "adjust" => {
                let key = slot.attr("data-adjust");
                let value = codec::value(&Scenario::default(), &codec::Presentation::default(), key)
                    .and_then(|v| v.parse::<f64>().ok());
                let (Some((min, max, step)), Some(value)) = (codec::adjuster(key), value) else {
                    return bad(format!("data-fill=\"adjust\" on {key:?}, a number the model cannot adjust"));
                };
                Fill {
                    attrs: format!(
                        " data-min=\"{}\" data-max=\"{}\" data-step=\"{}\"",
                        n(min),
                        n(max),
                        n(step)
                    ),
                    content: Some(escape(&money(value))),
                    ..Fill::default()
                }
            }
            "out" => {
                let q = &self.out.benefit_quantiles_yuan;
                let name = slot.attr("data-out");
                text(match name {
                    "assumptions" => text::assumptions_line(&Scenario::default(), slot.lang),
                    "households" => i18n::count(self.out.households_funded as f64, slot.lang),
                    "benefit" => money(self.out.expected_benefit_yuan),
                    "p5" => money(q.p5),
                    "p95" => money(q.p95),
                    "courtyard" => money(self.out.courtyard_income_yuan),
                    // Said only after a reader's move.
                    "steady" => String::new(),
                    other => return bad(format!("data-out=\"{other}\": the model has no such number")),
                })
            }
            "table" => {
                let id = slot.attr("id");
                let Some(name) = id.strip_prefix("table-") else {
                    return bad(format!("data-fill=\"table\" on #{id}, which names no chart"));
                };
                let (caption, head, body) = table_html(&table(name)?);
                self.filled.push(("table".into(), name.to_string()));
                Fill {
                    content: Some(format!(
                        "<caption id=\"table-{name}-caption\">{caption}</caption><thead>{head}</thead><tbody>{body}</tbody>"
                    )),
                    ..Fill::default()
                }
            }
            "chart" => {
                let name = slot.attr("data-chart");
                let Some(chart) = Chart::ALL.into_iter().find(|c| c.name() == name) else {
                    return bad(format!("data-fill=\"chart\" on {name:?}, a chart without a static picture"));
                };
                self.filled.push(("chart".into(), name.to_string()));
                Fill { prepend: fallback_picture(chart, &table(name)?.caption), ..Fill::default() }
            }
            kind @ ("summary" | "dataset-hash" | "model-version") => {
                self.filled.push((kind.to_string(), String::new()));
                text(match kind {
                    "summary" => text::summary(self.out, Lang::ZhHans),
                    "dataset-hash" => facts::dataset_hash(),
                    _ => crate::MODEL_VERSION.to_string(),
                })
            }
            "assumptions" => {
                let words = match slot.attr("data-assumption-note") {
                    "" => {
                        self.filled.push(("assumptions".into(), slot.lang.tag().into()));
                        text::assumptions::list_html(slot.lang)
                    }
                    id => text::assumptions::note(id, slot.lang).map(|t| escape(&t)),
                };
                Fill { content: Some(words.map_err(Error::Invalid)?), ..Fill::default() }
            }
            other => return bad(format!("data-fill=\"{other}\": no such slot")),
        };
        Ok(fill)
    }

    /// Every slider, table and static chart of the model has its slot, and each one-off slot
    /// is in the page exactly once.
    fn check(&self) -> Result<(), Error> {
        let count =
            |kind: &str, name: &str| self.filled.iter().filter(|(k, n)| *k == kind && n == name).count();
        if let Some(s) = self.sliders.iter().find(|s| count("range", &s.id) == 0) {
            return Err(Error::Invalid(format!("the page has no slot for the slider #{}", s.id)));
        }
        for chart in Chart::ALL {
            for kind in ["table", "chart"] {
                if count(kind, chart.name()) != 1 {
                    return Err(Error::Invalid(format!(
                        "the page must hold one data-fill=\"{kind}\" slot for {}",
                        chart.name()
                    )));
                }
            }
        }
        for kind in ["summary", "dataset-hash", "model-version"] {
            if count(kind, "") != 1 {
                return Err(Error::Invalid(format!("the page must hold data-fill=\"{kind}\" once")));
            }
        }
        for lang in Lang::ALL {
            if count("assumptions", lang.tag()) != 1 {
                return Err(Error::Invalid(format!(
                    "the page must hold the list of assumptions (data-fill=\"assumptions\") once in {}",
                    lang.tag()
                )));
            }
        }
        Ok(())
    }
}

/// The page with everything a reader without JavaScript needs filled in ([`PageSlots`]), and
/// the model's tables the early script reads ([`codec::page_contract`]) on `<html>`. A slot the
/// build cannot fill, or a slot the model needs that the page lacks, stops the build.
pub fn page(html: &str, out: &Outcome) -> Result<String, Error> {
    let mut slots = PageSlots::new(out);
    let mut s = fill_slots_with(html, |slot| slots.fill(slot))?;
    slots.check()?;
    s = fill_fact_list(&s)?;
    let root = s.find("<html").ok_or_else(|| Error::Invalid("the page has no <html> tag".into()))?;
    let root_end = tag_end(&s, root).ok_or_else(|| Error::Invalid("an unclosed <html> tag".into()))?;
    let contract: String =
        codec::page_contract().iter().map(|(name, value)| format!(" {name}=\"{}\"", escape(value))).collect();
    s.insert_str(root_end - 1, &contract);
    s = mark_table_facts(&s)?;
    Ok(crate::provenance::mark_kinds(&s))
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
/// ([`crate::provenance::figures_html`]), for the figures of the `filled` page (its list of
/// assumptions cites figures of its own); none for a page without the FACT-LIST slot.
fn fact_files(html: &str, filled: &str) -> Result<Vec<(String, String)>, Error> {
    if !html.contains(FACT_LIST_SLOT) {
        return Ok(Vec::new());
    }
    let facts = page_facts(filled)?;
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
    let credit = text::assumptions::embed_credit_html();
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
    files.extend(fact_files(index_html, &page)?);
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
        let contract: String =
            codec::page_contract().iter().map(|(n, v)| format!(" {n}=\"{}\"", escape(v))).collect();
        let root = format!("<!doctype html>\n<html lang=\"zh-Hans\" data-theme=\"auto\"{contract} data-narrative-zh-hant=\"narrative.zh-Hant.html\" data-narrative-en=\"narrative.en.html\">");
        assert!(index.starts_with(&root), "{}", &index[..300.min(index.len())]);
        assert_eq!(fragments.iter().map(|(l, _)| *l).collect::<Vec<_>>(), LAZY_LANGS);
        // Page and fragments together hold every element of the source blocks, block by block
        // and in order.
        let (_, en) = &fragments[1];
        assert!(en
            .starts_with("<div data-narrative=\"county\">\n<p lang=\"en\" hidden>Helong is a city in Jilin"));
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
