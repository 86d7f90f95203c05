//! The static site, pre-rendered at build time from the same Rust code the page runs
//! (native only; `helong prerender`). For readers without JavaScript or WebAssembly the page
//! must still read: the data tables, the reactive sentence, the summary and the footer stamp
//! are filled for the reported scenario, and every chart gets an SVG drawn by the same chart
//! functions. `embed.html` is cut from the same page, so the two can never disagree.

use crate::charts::{self, Chart, Style};
use crate::i18n::{self, Lang};
use crate::model::{simulate, Outcome};
use crate::text;
use crate::{facts, Error};

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
    let money = |x: f64| i18n::yuan(i18n::round_to(x, 0), lang);
    let values: [(&str, String); 7] = [
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

/// The page with everything a reader without JavaScript needs filled in.
pub fn page(html: &str, out: &Outcome) -> Result<String, Error> {
    let mut s = html.to_string();
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
    let summary = "<p id=\"summary\" class=\"summary\" aria-live=\"polite\"></p>";
    s = s.replace(
        summary,
        &format!(
            "<p id=\"summary\" class=\"summary\" aria-live=\"polite\">{}</p>",
            escape(&text::summary(out, Lang::ZhHans))
        ),
    );
    s = s.replace(
        "<code id=\"dataset-hash\">–</code>",
        &format!("<code id=\"dataset-hash\">{}</code>", facts::dataset_hash()),
    );
    s = s.replace(
        "<code id=\"model-version\">0.1.0</code>",
        &format!("<code id=\"model-version\">{}</code>", crate::MODEL_VERSION),
    );
    Ok(s)
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
    s = s.replacen(
        "<html lang=\"zh-Hans\" data-theme=\"auto\">",
        "<html lang=\"zh-Hans\" data-theme=\"auto\" data-embed=\"\">",
        1,
    );
    let credit = "<p class=\"embed-credit\"><span lang=\"zh-Hans\">数据：中国吉林网 / 吉刻APP（记者王昕、李易书）。假设可调，仅供示意。</span><span lang=\"zh-Hant\" hidden>數據：中國吉林網 / 吉刻APP（記者王昕、李易書）。假設可調，僅供示意。</span><span lang=\"en\" hidden>Data: China Jilin Net / Jike app (reporters Wang Xin, Li Yishu). Assumptions are adjustable and illustrative.</span></p>";
    s.replacen("<footer class=\"colophon\">", &format!("<footer class=\"colophon\">\n  {credit}"), 1)
}

/// Everything `helong prerender` writes: (relative path, contents).
pub fn site(index_html: &str) -> Result<Vec<(String, String)>, Error> {
    let out = simulate("");
    let page = page(index_html, &out)?;
    let mut files = vec![("embed.html".to_string(), embed(&page)), ("index.html".to_string(), page)];
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
        assert!(html.contains("data-adjust=\"budget\">12.73 million yuan<"));
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
}
