//! The page's slots, filled for the reported scenario so the page reads without JavaScript
//! or WebAssembly, and with the model's rules so the page never types one by hand. A slot is
//! an element marked `data-fill="KIND"` (or `data-out="NAME"`, a number of the reactive
//! sentence); [`page`] finds every one by selector, fills it, removes its mark, and stops the
//! build on a slot it cannot fill or a slot the model needs that the page lacks.
//!
//! | slot | what it becomes |
//! |---|---|
//! | `data-fill="range"` on a slider's `<input>` | its `min`, `max`, `step` and `data-url-key` ([`controls::sliders`]) |
//! | `data-fill="adjust"` on a number of the sentence | its `data-min`, `data-max`, `data-step` ([`controls::adjuster`]) and its value |
//! | `data-out="NAME"` | a number of the reactive sentence, in the slot's language |
//! | `data-fill="pin-name"` on a pin's name field | its `maxlength` ([`crate::model::pins::NAME_MAX`]) |
//! | `data-fill="table"` on `<table id="table-NAME">` | the chart's data table (zh-Hans), and `data-facts` naming its cells from the dataset |
//! | `data-fill="chart"` on a chart's box (`data-chart="NAME"`) | `data-redraw` (what the chart is drawn from) and, for a chart with a table, `data-described` and the pre-rendered picture shown when the interactive chart cannot run |
//! | `data-fill="summary"`, `"dataset-hash"`, `"model-version"` | the text of each |
//! | `<template data-fill="fact-list">` | replaced by the list of the page's figures in each language ([`fact_list`]) |
//! | `<template data-fill="share-tags">` | replaced by the share tags of the `<head>` ([`super::social::head_tags`]) |
//!
//! `<html>` also gets the model's tables the early script reads ([`controls::page_contract`]).

use super::html::{self, escape, ContentType, Element};
use super::{fact_list, static_charts};
use crate::charts::Chart;
use crate::facts::{self, Fact};
use crate::i18n::Lang;
use crate::model::{Outcome, Scenario};
use crate::page::{controls, url};
use crate::{num, text, Error};
use std::cell::RefCell;
use std::rc::Rc;

/// The slots that are filled once per page.
const ONE_OFF: [&str; 5] = ["summary", "dataset-hash", "model-version", "fact-list", "share-tags"];

/// The page's slots and what fills them, for the reported scenario `out`.
struct PageSlots<'a> {
    page: &'a str,
    out: &'a Outcome,
    sliders: Vec<controls::Slider>,
    facts: Vec<Fact>,
    share_tags: &'a str,
    /// What was filled, by kind and name, to find what is missing.
    filled: Vec<(String, String)>,
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

/// `data-facts="column id-of-row-0 id-of-row-1 …"` for a chart's data table: the cells that
/// show a figure of the dataset ([`text::table_facts`]), for `www/app/text.js` to keep across
/// redraws (they are the same cells in every scenario and language), `-` for a row without
/// one; None for a table without such cells. A table whose figures are not all in one column
/// stops the build.
fn table_facts(name: &str) -> Result<Option<String>, Error> {
    let facts = text::table_facts(name);
    let Some(&(_, column, _)) = facts.first() else { return Ok(None) };
    if facts.iter().any(|&(_, c, _)| c != column) {
        return Err(Error::Invalid(format!("table-{name}: figures in more than one column")));
    }
    let rows = facts.iter().map(|&(r, _, _)| r + 1).max().unwrap_or(0);
    let ids: Vec<&str> = (0..rows).map(|r| facts.iter().find(|f| f.0 == r).map_or("-", |f| f.2)).collect();
    Ok(Some(format!("{column} {}", ids.join(" "))))
}

impl PageSlots<'_> {
    /// Fill one slot, standing in language `lang`.
    fn fill(&mut self, el: &mut Element, lang: Lang) -> Result<(), Error> {
        let n = |x: f64| num::shortest(x);
        let money = |x: f64| text::money(x, lang);
        let bad = |what: String| Err(Error::Invalid(what));
        let table = |name: &str| {
            text::table(name, self.out, Lang::ZhHans)
                .ok_or_else(|| Error::Unknown { what: "table", name: name.to_string() })
        };
        let text = |el: &mut Element, t: String| el.set_inner_content(&escape(&t), ContentType::Html);
        let kind = el.get_attribute("data-fill");
        el.remove_attribute("data-fill");
        match kind.as_deref().unwrap_or("out") {
            "range" => {
                let id = html::attr(el, "id");
                let Some(sl) = self.sliders.iter().find(|s| s.id == id) else {
                    return bad(format!("data-fill=\"range\" on #{id}, a slider the model does not have"));
                };
                self.filled.push(("range".into(), sl.id.clone()));
                html::set_attr(el, "min", &n(sl.min))?;
                html::set_attr(el, "max", &n(sl.max))?;
                html::set_attr(el, "step", &n(sl.step))?;
                html::set_attr(el, "data-url-key", sl.key)?;
            }
            "pin-name" => {
                html::set_attr(el, "maxlength", &crate::model::pins::NAME_MAX.to_string())?;
            }
            "adjust" => {
                let key = html::attr(el, "data-adjust");
                let value = url::value(&Scenario::default(), &url::Presentation::default(), &key)
                    .and_then(|v| v.parse::<f64>().ok());
                let (Some((min, max, step)), Some(value)) = (controls::adjuster(&key), value) else {
                    return bad(format!("data-fill=\"adjust\" on {key:?}, a number the model cannot adjust"));
                };
                html::set_attr(el, "data-min", &n(min))?;
                html::set_attr(el, "data-max", &n(max))?;
                html::set_attr(el, "data-step", &n(step))?;
                text(el, money(value));
            }
            "out" => {
                let key = html::attr(el, "data-out");
                let readout = text::readout(&Scenario::default(), self.out, lang);
                let Some(said) = readout.output(&key) else {
                    return bad(format!("data-out=\"{key}\": the model has no such number"));
                };
                text(el, said.to_string());
            }
            "table" => {
                let id = html::attr(el, "id");
                let Some(name) = id.strip_prefix("table-") else {
                    return bad(format!("data-fill=\"table\" on #{id}, which names no chart"));
                };
                let (caption, head, body) = table_html(&table(name)?);
                if let Some(cells) = table_facts(name)? {
                    html::set_attr(el, "data-facts", &cells)?;
                }
                el.set_inner_content(
                    &format!(
                        "<caption id=\"table-{name}-caption\">{caption}</caption><thead>{head}</thead><tbody>{body}</tbody>"
                    ),
                    ContentType::Html,
                );
                self.filled.push(("table".into(), name.to_string()));
            }
            "chart" => {
                // The chart's box tells the page's renderer what the chart is drawn from and
                // whether it has a table and a text alternative: render.js knows no chart.
                let name = html::attr(el, "data-chart");
                let Ok(chart) = Chart::parse(&name) else {
                    return bad(format!("data-fill=\"chart\" on {name:?}, a chart the model does not draw"));
                };
                html::set_attr(el, "data-redraw", chart.redraw())?;
                if chart.described() {
                    html::set_attr(el, "data-described", "")?;
                    el.prepend(
                        &static_charts::fallback_picture(chart, &table(&name)?.caption),
                        ContentType::Html,
                    );
                }
                self.filled.push(("chart".into(), name));
            }
            kind @ ("summary" | "dataset-hash" | "model-version") => {
                self.filled.push((kind.to_string(), String::new()));
                text(
                    el,
                    match kind {
                        "summary" => text::summary(self.out, Lang::ZhHans),
                        "dataset-hash" => facts::dataset_hash(),
                        _ => crate::MODEL_VERSION.to_string(),
                    },
                );
            }
            "assumptions" => {
                // The method's list of the model's assumptions (an <ol>, once per language), or
                // with data-assumption-note="ID" the line beside that assumption's slider.
                let words = match html::attr(el, "data-assumption-note").as_str() {
                    "" => {
                        self.filled.push(("assumptions".into(), lang.tag().into()));
                        text::assumptions::list_html(lang)
                    }
                    id => text::assumptions::note(id, lang).map(|t| html::escape(&t)),
                };
                el.set_inner_content(&words.map_err(Error::Invalid)?, ContentType::Html);
            }
            "fact-list" => {
                self.filled.push(("fact-list".into(), String::new()));
                let indent = html::indent_at(self.page, el.source_location().bytes().start);
                el.replace(&fact_list::lists(&self.facts, indent)?, ContentType::Html);
            }
            "share-tags" => {
                self.filled.push(("share-tags".into(), String::new()));
                el.replace(self.share_tags.trim_end(), ContentType::Html);
            }
            other => return bad(format!("data-fill=\"{other}\": no such slot")),
        }
        Ok(())
    }

    /// Every slider, table and static chart of the model has its slot, and each one-off slot
    /// is in the page exactly once.
    fn check(&self) -> Result<(), Error> {
        let count =
            |kind: &str, name: &str| self.filled.iter().filter(|(k, n)| *k == kind && n == name).count();
        if let Some(s) = self.sliders.iter().find(|s| count("range", &s.id) == 0) {
            return Err(Error::Invalid(format!("the page has no slot for the slider #{}", s.id)));
        }
        for chart in Chart::ALL.into_iter().chain([Chart::Total]) {
            let kinds: &[&str] = if chart.described() { &["table", "chart"] } else { &["chart"] };
            for &kind in kinds {
                if count(kind, chart.name()) != 1 {
                    return Err(Error::Invalid(format!(
                        "the page must hold one data-fill=\"{kind}\" slot for {}",
                        chart.name()
                    )));
                }
            }
        }
        for kind in ONE_OFF {
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

/// The page with every slot filled for the reported scenario `out` and `share_tags` in its
/// `<head>`, and the model's tables the early script reads ([`controls::page_contract`]) on
/// `<html>`. A slot the build cannot fill, or a slot the model needs that the page lacks,
/// stops the build with a message naming it.
pub fn page(source: &str, out: &Outcome, share_tags: &str) -> Result<String, Error> {
    let fill = |facts| {
        let slots = RefCell::new(PageSlots {
            page: source,
            out,
            sliders: controls::sliders(),
            facts,
            share_tags,
            filled: Vec::new(),
        });
        let page = walk(source, &slots)?;
        slots.into_inner().check()?;
        Ok::<_, Error>(page)
    };
    // The list of figures names every figure of the filled page: the source's, and those the
    // model's list of assumptions cites (known once that list is written).
    let page = fill(fact_list::page_facts(&fill(fact_list::page_facts(source)?)?)?)?;
    // Reported, derived and assumed numbers are marked as three kinds.
    Ok(super::provenance::mark_kinds(&page))
}

/// Walk the page once: fill each slot with `slots`, in the language it stands in (its own
/// `lang`, else that of the nearest element around it that has one), and put the model's
/// tables on `<html>`.
fn walk(source: &str, slots: &RefCell<PageSlots>) -> Result<String, Error> {
    // The languages of the open elements, innermost last.
    let langs: Rc<RefCell<Vec<Option<Lang>>>> = Rc::default();
    html::Rewrite::new()
        .on("[lang]", |el| {
            if el.can_have_content() {
                langs.borrow_mut().push(Lang::parse(&html::attr(el, "lang")));
                let langs = Rc::clone(&langs);
                html::on_end_tag(el, move |_| {
                    langs.borrow_mut().pop();
                    Ok(())
                })?;
            }
            Ok(())
        })
        .on("html", |el| {
            for (name, value) in controls::page_contract() {
                html::set_attr(el, name, &value)?;
            }
            Ok(())
        })
        .on("[data-fill], [data-out]", |el| {
            let own = Lang::parse(&html::attr(el, "lang"));
            let lang = own.or_else(|| langs.borrow().iter().rev().find_map(|l| *l)).unwrap_or_default();
            slots.borrow_mut().fill(el, lang)
        })
        .run(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    const PAGE: &str = include_str!("../../www/index.html");

    #[test]
    fn the_static_page_carries_every_table_filled_for_the_reported_scenario() {
        let html = page(PAGE, &simulate(""), "").expect("pre-rendered");
        assert!(!html.contains("<tbody></tbody>"));
        assert!(html.contains("<td>1859</td>"), "allocation table");
        assert!(html.contains("55.93万元"), "benefit total");
        assert!(html.contains(&facts::dataset_hash()));
        // The page names each table's dataset cells, for the page's script.
        assert!(html.contains("<table id=\"table-benefit\" data-facts=\"1 - - - - - - programme-benefit\">"));
    }

    #[test]
    fn the_reactive_sentence_reads_in_every_language_without_javascript() {
        let html = page(PAGE, &simulate(""), "").expect("pre-rendered");
        assert!(html.contains("data-out=\"households\">2546<"));
        assert!(html.contains("data-out=\"households\">2,546<"));
        assert!(html.contains("data-adjust=\"budget\" data-min=\"0\" data-max=\"50000000\" data-step=\"100000\">12.73 million yuan<"));
        assert!(!html.contains("spinbutton"), "static numbers are text, not controls");
        assert!(html.contains("1273万元"));
    }

    #[test]
    fn the_share_tags_and_the_list_of_figures_take_the_place_of_their_slots() {
        let html = page(PAGE, &simulate(""), "<meta name=\"a\">\n<meta name=\"b\">\n").expect("pre-rendered");
        assert!(html.contains("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"a\">\n<meta name=\"b\">\n<link rel=\"icon\""));
        assert!(!html.contains("<template data-fill"), "no slot is left behind");
        // One list per language, each on its own line at the slot's indentation.
        let lists: Vec<&str> =
            html.lines().filter(|l| l.contains("<details class=\"table-wrap fact-list\"")).collect();
        assert_eq!(lists.len(), 3);
        assert!(lists.iter().all(|l| l.starts_with("    <details")), "{lists:?}");
    }

    #[test]
    fn a_slot_stands_in_the_language_of_the_nearest_element_that_has_one() {
        let html = "<html lang=\"en\"><p lang=\"zh-Hant\"><b><span data-out=\"households\"></span></b></p><br lang=\"zh-Hans\"><i data-out=\"households\"></i><i lang=\"zh-Hans\" data-out=\"households\"></i></html>";
        let out = simulate("");
        let slots = RefCell::new(PageSlots {
            page: html,
            out: &out,
            sliders: Vec::new(),
            facts: Vec::new(),
            share_tags: "",
            filled: Vec::new(),
        });
        let filled = walk(html, &slots).expect("filled");
        assert!(filled.contains("<span data-out=\"households\">2546</span>"), "zh-Hant, from <p>: {filled}");
        assert!(
            filled.contains("<br lang=\"zh-Hans\"><i data-out=\"households\">2,546</i>"),
            "en, from <html>"
        );
        assert!(filled.contains("<i lang=\"zh-Hans\" data-out=\"households\">2546</i>"), "its own");
    }
}
