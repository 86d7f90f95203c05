//! The HTML shell's static text: every number in the narrative is a fact of the dataset,
//! pre-filled with exactly the text the page would put there (so the page reads right
//! without JavaScript, and cannot drift from the data) — in the source page, in the served
//! page and in the narrative fragments it loads for zh-Hant and en readers.

use helong::facts;
use helong::i18n::Lang;
use helong::site::{narrative_file, site, LAZY_LANGS};

const PAGE: &str = include_str!("../www/index.html");

/// The `lang` of the element that encloses position `at` of a line most closely: the tags of
/// the line before `at` are replayed (start tags opened, end tags closed), so a Chinese name
/// quoted in an English sentence (`<span lang="zh-Hans">…</span>`) does not hide the
/// sentence's language from the figures after it. None when nothing on the line has a lang.
fn enclosing_lang(line: &str, at: usize) -> Option<&str> {
    let mut open: Vec<Option<&str>> = Vec::new();
    let mut rest = &line[..at];
    while let Some(p) = rest.find('<') {
        let tag = &rest[p..rest[p..].find('>').map_or(rest.len(), |e| p + e + 1)];
        if tag.starts_with("</") {
            open.pop();
        } else if !tag.starts_with("<!") && !["<br", "<wbr", "<img", "<hr"].iter().any(|v| tag.starts_with(v))
        {
            let lang = tag.split(" lang=\"").nth(1).and_then(|v| v.split('"').next());
            open.push(lang);
        }
        rest = &rest[p + tag.len()..];
    }
    open.into_iter().rev().flatten().next()
}

/// (fact id, text inside the span, language of the enclosing element) for every
/// `<span data-fact="…">…</span>` in a page or fragment. The narrative keeps one element per
/// language on one line (<p lang>, <ul lang>); a line without a lang is in zh-Hans, the
/// page's language.
fn fact_spans(html: &str) -> Vec<(String, String, Lang)> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices("data-fact=\"") {
        let rest = &html[i + 11..];
        let id = rest.split('"').next().unwrap_or("").to_string();
        let text = rest.split_once('>').map(|(_, t)| t.split('<').next().unwrap_or("")).unwrap_or("");
        let line_start = html[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let line = &html[line_start..];
        // `i` sits inside the span's own start tag: replay the line up to that tag.
        let tag_start = html[..i].rfind('<').unwrap_or(line_start).max(line_start) - line_start;
        let lang = enclosing_lang(line, tag_start).and_then(Lang::parse).unwrap_or_default();
        out.push((id, text.to_string(), lang));
    }
    out
}

/// Every fact span whose text is not exactly the dataset's value formatted in its language.
fn wrong_figures(html: &str) -> Vec<String> {
    fact_spans(html)
        .into_iter()
        .filter_map(|(id, text, lang)| {
            let Some(f) = facts::get(&id) else { return Some(format!("unknown fact {id}")) };
            let want = facts::format_value(&f, lang);
            (text != want).then(|| format!("fact {id} in {lang:?}: {text:?}, the dataset says {want:?}"))
        })
        .collect()
}

/// What `helong prerender` writes from a page: the served index.html and each narrative
/// fragment, as (file name, contents).
fn served_pages(page: &str) -> Vec<(String, String)> {
    site(page, None)
        .expect("pre-rendered")
        .into_iter()
        .filter(|(name, _)| name == "index.html" || name.starts_with("narrative."))
        .collect()
}

#[test]
fn every_number_in_the_narrative_is_a_fact_of_the_dataset() {
    let spans = fact_spans(PAGE);
    assert!(spans.len() >= 15, "only {} fact spans", spans.len());
    for (id, _, _) in &spans {
        assert!(facts::get(id).is_some(), "the page cites an unknown fact {id:?}");
    }
}

#[test]
fn the_static_text_of_every_fact_matches_its_formatted_value() {
    assert_eq!(wrong_figures(PAGE), Vec::<String>::new());
}

#[test]
fn every_figure_of_the_served_page_and_of_each_narrative_fragment_is_the_dataset_value_in_its_language() {
    let files = served_pages(PAGE);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for lang in LAZY_LANGS {
        assert!(names.contains(&narrative_file(lang).as_str()), "no fragment for {lang:?}: {names:?}");
    }
    let mut served = Vec::new();
    for (name, html) in &files {
        assert_eq!(wrong_figures(html), Vec::<String>::new(), "{name}");
        let spans = fact_spans(html);
        // The page holds the zh-Hans figures, each fragment those of its own language.
        let lang = LAZY_LANGS.into_iter().find(|&l| *name == narrative_file(l)).unwrap_or(Lang::ZhHans);
        assert!(spans.len() >= 40, "{name}: only {} figures", spans.len());
        assert!(spans.iter().all(|(_, _, l)| *l == lang), "{name} holds figures of another language");
        served.extend(spans);
    }
    // Together they hold every figure of the filled source (its own and those of the model's
    // list of assumptions), none lost, none twice.
    let filled = helong::site::page(PAGE, &helong::model::simulate(""), "").expect("filled");
    assert!(fact_spans(&filled).len() > fact_spans(PAGE).len(), "the list of assumptions cites figures");
    let mut source = fact_spans(&filled);
    source.sort_by(|a, b| (&a.0, &a.1, a.2.tag()).cmp(&(&b.0, &b.1, b.2.tag())));
    served.sort_by(|a, b| (&a.0, &a.1, a.2.tag()).cmp(&(&b.0, &b.1, b.2.tag())));
    assert_eq!(served, source);
}

#[test]
fn every_narrative_block_has_as_many_paragraphs_in_each_language() {
    let files = served_pages(PAGE);
    /// (block name, number of paragraphs and lists in it) for each block of a page or fragment.
    fn blocks(html: &str) -> Vec<(String, usize)> {
        html.split("<div data-narrative=\"")
            .skip(1)
            .map(|b| {
                let (name, body) = b.split_once("\">").expect("a block");
                let body = &body[..body.find("</div>").expect("a closed block")];
                let n = body
                    .lines()
                    .filter(|l| l.trim_start().starts_with("<p ") || l.trim_start().starts_with("<ul "))
                    .count();
                (name.to_string(), n)
            })
            .collect()
    }
    let index = blocks(&files.iter().find(|(n, _)| n == "index.html").expect("index").1);
    assert_eq!(index.len(), 6, "{index:?}");
    for (name, html) in &files {
        assert_eq!(blocks(html), index, "{name}");
    }
}

#[test]
fn a_wrong_figure_in_a_narrative_fragment_is_caught() {
    // 2,546 households written the Chinese way in the English text, as a careless edit would.
    let page = PAGE.replacen(
        "<span data-fact=\"programme-households\">2,546</span> poor households",
        "<span data-fact=\"programme-households\">2546</span> poor households",
        1,
    );
    assert_ne!(page, PAGE, "the edit applies");
    let files = served_pages(&page);
    let en = &files.iter().find(|(n, _)| *n == narrative_file(Lang::En)).expect("en fragment").1;
    assert_eq!(
        wrong_figures(en),
        vec!["fact programme-households in En: \"2546\", the dataset says \"2,546\"".to_string()]
    );
    let index = &files.iter().find(|(n, _)| n == "index.html").expect("index").1;
    assert_eq!(wrong_figures(index), Vec::<String>::new(), "the page itself is right");
    // A figure after a Chinese name in an English sentence is read as English.
    let line = "<p lang=\"en\">Projects (<span lang=\"zh-Hans\">六小工程</span>) in <span data-fact=\"households-livestock\">1859</span></p>";
    assert_eq!(wrong_figures(line).len(), 1, "1859 is not how English writes 1,859");
}

#[test]
fn every_narrative_paragraph_exists_in_all_three_languages() {
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        let n = PAGE.matches(&format!("<p lang=\"{lang}\"")).count();
        assert!(n >= 8, "{lang}: {n} paragraphs");
    }
    let hans = PAGE.matches("<p lang=\"zh-Hans\"").count();
    assert_eq!(PAGE.matches("<p lang=\"zh-Hant\"").count(), hans);
    assert_eq!(PAGE.matches("<p lang=\"en\"").count(), hans);
}

#[test]
fn the_page_has_no_inline_script_or_style() {
    assert!(!PAGE.contains("style=\""), "inline style attribute");
    assert!(!PAGE.contains("<style"), "inline <style>");
    // No attribute of any tag is an event handler (onclick, oninput, onload …).
    for (i, _) in PAGE.match_indices('<') {
        let tag = &PAGE[i..i + PAGE[i..].find('>').unwrap_or(0)];
        let handler = tag.split_whitespace().skip(1).find(|a| a.to_ascii_lowercase().starts_with("on"));
        assert!(handler.is_none(), "inline event handler {handler:?} in {tag}");
    }
    for (i, _) in PAGE.match_indices("<script") {
        let tag = &PAGE[i..i + PAGE[i..].find('>').unwrap_or(0)];
        assert!(tag.contains("src="), "inline script: {tag}");
    }
}

/// The value of attribute `name` of the tag with `id="{id}"` in `html`.
fn attr_of(html: &str, id: &str, name: &str) -> Option<String> {
    let at = html.find(&format!(" id=\"{id}\""))?;
    let start = html[..at].rfind('<')?;
    let tag = &html[start..start + html[start..].find('>')?];
    let key = format!(" {name}=\"");
    tag.find(&key).map(|i| tag[i + key.len()..].split('"').next().unwrap_or("").to_string())
}

#[test]
fn the_pages_sliders_take_their_ranges_and_steps_from_the_model() {
    use helong::num::shortest;
    use helong::page::controls;
    // The template names no range or step at all, so it cannot disagree with the model …
    for (i, _) in PAGE.match_indices("<input type=\"range\"") {
        let tag = &PAGE[i..i + PAGE[i..].find('>').unwrap_or(0)];
        for a in [" min=", " max=", " step="] {
            assert!(!tag.contains(a), "a hand-written{a} in {tag}");
        }
    }
    // … and the built page carries the model's, on every slider.
    let page = helong::site::page(PAGE, &helong::model::simulate(""), "").expect("every slot is filled");
    let sliders = controls::sliders();
    assert_eq!(page.matches("<input type=\"range\"").count(), sliders.len());
    for s in &sliders {
        for (name, want) in [("min", s.min), ("max", s.max), ("step", s.step)] {
            assert_eq!(attr_of(&page, &s.id, name), Some(shortest(want)), "#{} {name}", s.id);
        }
    }
    assert!(!page.contains("data-fill"), "a slot left unfilled");
    let (min, max, step) = controls::adjuster("budget").expect("the budget is adjustable");
    let want = format!(
        "data-min=\"{}\" data-max=\"{}\" data-step=\"{}\"",
        shortest(min),
        shortest(max),
        shortest(step)
    );
    assert_eq!(page.matches(&want).count(), 3, "the budget in the sentence, in each language");
}

#[test]
fn a_slot_the_build_cannot_fill_stops_the_build_with_a_message_naming_it() {
    let fill = |html: &str| helong::site::page(html, &helong::model::simulate(""), "");
    assert!(fill(PAGE).is_ok(), "the page as it is");
    // (what is written, what replaces it, the case, what the message names); each edit once.
    let replaced = [
        ("data-fill=\"range\"", "data-fill=\"colour\"", "an unknown kind of slot", "colour"),
        ("id=\"in-cy\"", "id=\"in-cows\"", "a slider the model does not have", "#in-cows"),
        ("data-adjust=\"grant\"", "data-adjust=\"cows\"", "a number the model cannot adjust", "cows"),
        ("data-out=\"p95\"", "data-out=\"p99\"", "a number of the sentence the model lacks", "p99"),
        ("</main>", "<p data-fill=\"summary\"></p></main>", "a one-off slot written twice", "summary"),
    ];
    // (what is taken out, the case, what the message names)
    let removed = [
        (" data-fill=\"range\"", "a slider of the model without its slot", "#in-grant"),
        (" data-fill=\"table\"", "a chart whose data table has no slot", "\"table\" slot for context"),
        (" data-fill=\"chart\"", "a chart whose static picture has no slot", "\"chart\" slot for context"),
        (" data-fill=\"dataset-hash\"", "the footer without its dataset hash", "dataset-hash"),
        (" data-fill=\"fact-list\"", "the sources without their list of figures", "fact-list"),
        (" data-fill=\"share-tags\"", "a <head> without the share tags' slot", "share-tags"),
    ];
    let removed = removed.map(|(from, case, named)| (from, "", case, named));
    for (from, to, case, named) in replaced.into_iter().chain(removed) {
        let html = PAGE.replacen(from, to, 1);
        assert_ne!(html, PAGE, "{case}: the test's edit applies");
        let err = fill(&html).expect_err(case).to_string();
        assert!(err.contains(named), "{case}: {err}");
    }
}

#[test]
fn every_slot_is_filled_in_the_language_it_stands_in_and_loses_its_mark() {
    let out = helong::model::simulate("");
    let page = helong::site::page(PAGE, &out, "").expect("pre-rendered");
    assert!(!page.contains("data-fill="), "a slot left marked");
    let households = out.households_funded as f64;
    use helong::i18n::{count, Lang};
    // The strip and the sentence, each in its language: the count as each language writes it.
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        let want = format!("data-out=\"households\">{}</strong>", count(households, lang));
        assert!(page.matches(&want).count() >= 2, "{lang:?}: {want}");
    }
    // A slot's own content is replaced, not kept beside the new one.
    assert_eq!(page.matches("<caption id=\"table-benefit-caption\">").count(), 1);
    assert!(!page.contains("<caption id=\"table-benefit-caption\"></caption>"), "the caption was filled");
}

/// A token of a script, as far as the copy check needs: a string, template or regular
/// expression literal (its text), a number, a name, or one character of punctuation.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Str(String),
    Regex(String),
    Num(String),
    Name(String),
    Punct(char),
}

/// The tokens of a script, comments dropped. A template literal is one string (its `${…}` parts
/// included); a `/` starts a regular expression where a value is expected.
fn js_tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            i += 2;
            while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if ch == '\'' || ch == '"' || ch == '`' {
            let mut text = String::new();
            let mut depth = 0;
            i += 1;
            while i < c.len() && !(c[i] == ch && depth == 0) {
                if c[i] == '\\' {
                    text.push(c[i]);
                    i += 1;
                } else if ch == '`' && c[i] == '$' && c.get(i + 1) == Some(&'{') {
                    depth += 1;
                } else if ch == '`' && c[i] == '}' && depth > 0 {
                    depth -= 1;
                }
                if i < c.len() {
                    text.push(c[i]);
                }
                i += 1;
            }
            i += 1;
            out.push(Tok::Str(text));
        } else if ch == '/' {
            let value_expected = match out.last() {
                None | Some(Tok::Punct(_)) => !matches!(out.last(), Some(Tok::Punct(')' | ']' | '}'))),
                Some(Tok::Name(n)) => matches!(n.as_str(), "return" | "typeof" | "case" | "of" | "in"),
                _ => false,
            };
            if value_expected {
                let mut text = String::new();
                let mut class = false;
                i += 1;
                while i < c.len() && (c[i] != '/' || class) {
                    if c[i] == '\\' {
                        text.push(c[i]);
                        i += 1;
                    } else if c[i] == '[' {
                        class = true;
                    } else if c[i] == ']' {
                        class = false;
                    }
                    if i < c.len() {
                        text.push(c[i]);
                    }
                    i += 1;
                }
                i += 1;
                while i < c.len() && c[i].is_ascii_alphabetic() {
                    i += 1; // flags
                }
                out.push(Tok::Regex(text));
            } else {
                out.push(Tok::Punct(ch));
                i += 1;
            }
        } else if ch.is_ascii_digit() || (ch == '.' && next.is_some_and(|d| d.is_ascii_digit())) {
            let from = i;
            while i < c.len()
                && (c[i].is_ascii_alphanumeric()
                    || c[i] == '.'
                    || c[i] == '_'
                    || ((c[i] == '-' || c[i] == '+') && matches!(c[i - 1], 'e' | 'E')))
            {
                i += 1;
            }
            out.push(Tok::Num(c[from..i].iter().filter(|&&d| d != '_').collect()));
        } else if ch.is_alphanumeric() || ch == '_' || ch == '$' {
            let from = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '$') {
                i += 1;
            }
            out.push(Tok::Name(c[from..i].iter().collect()));
        } else {
            out.push(Tok::Punct(ch));
            i += 1;
        }
    }
    out
}

/// The rules of the model a script could copy: every number of a key's range, step or default
/// (and of the sliders' and adjustable numbers' steps), every key, each key's allowed values,
/// and the tags the `lang` key understands besides the languages' own.
struct ModelRules {
    numbers: Vec<(f64, String)>,
    keys: Vec<String>,
    values: Vec<(&'static str, Vec<String>)>,
    tags: Vec<String>,
    charts: Vec<String>,
    presentation: Vec<String>,
}

fn model_rules() -> ModelRules {
    use helong::model::codec::FIELDS;
    use helong::model::scenario::HOUSEHOLD_CAP;
    use helong::model::Scenario;
    use helong::page::controls::{ADJUSTERS, SLIDERS};
    use helong::page::url::{self, Presentation, Theme, CONTROLS, HOST_KEYS, SETTINGS, VIEWS};
    let mut numbers: Vec<(f64, String)> = Vec::new();
    let (d, p) = (Scenario::default(), Presentation::default());
    for f in &FIELDS {
        let r = f.range;
        for (x, what) in [(Some(r.min), "min"), (Some(r.max), "max"), (r.step, "step")] {
            if let Some(x) = x {
                numbers.push((x, format!("{} {what}", f.key)));
            }
        }
        for x in url::value(&d, &p, f.key).unwrap_or_default().split(',') {
            numbers
                .push((helong::num::read(x).expect("a default is a number"), format!("{} default", f.key)));
        }
    }
    numbers.extend(SLIDERS.iter().map(|(k, _, step)| (*step, format!("{k} slider step"))));
    numbers.extend(ADJUSTERS.iter().map(|(k, step)| (*step, format!("{k} adjustable step"))));
    numbers.push((f64::from(HOUSEHOLD_CAP), "the households' cap".to_string()));
    // 0 and 1 are every script's (an index, a count, a first element), not a rule.
    numbers.retain(|(x, _)| *x != 0.0 && *x != 1.0);
    let mut keys: Vec<String> =
        FIELDS.iter().map(|f| f.key).chain(SETTINGS.iter().map(|s| s.key)).map(String::from).collect();
    keys.extend(HOST_KEYS.iter().map(|k| k.to_string()));
    let values = vec![
        ("theme", Theme::ALL.iter().map(|t| t.id().to_string()).collect()),
        ("view", VIEWS.iter().map(|v| v.to_string()).collect()),
        ("controls", CONTROLS.iter().map(|v| v.to_string()).collect()),
    ];
    let own: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    let tags = Lang::TAGS
        .iter()
        .map(|(t, _)| t.to_string())
        .filter(|t| !own.iter().any(|o| o.eq_ignore_ascii_case(t)))
        .collect();
    let charts = helong::charts::Chart::ALL
        .iter()
        .chain([&helong::charts::Chart::Total])
        .map(|c| c.name().to_string())
        .collect();
    let presentation = SETTINGS.iter().map(|s| s.key.to_string()).collect();
    ModelRules { numbers, keys, values, tags, charts, presentation }
}

/// Where a script holds a copy of one of the model's rules, in words.
fn copies_of_the_model(name: &str, src: &str, rules: &ModelRules) -> Vec<String> {
    let toks = js_tokens(src);
    let mut found = Vec::new();
    // Numbers: a range, a step or a default written into the script. A delay (`setTimeout`'s)
    // and a constant named for its unit (`…_MS`, `…_HEIGHT`) measure the page, not the model.
    for (i, t) in toks.iter().enumerate() {
        let Tok::Num(text) = t else { continue };
        let Some(x) = helong::num::read(text).or_else(|| text.parse().ok()) else { continue };
        let Some((_, what)) = rules.numbers.iter().find(|(n, _)| *n == x) else { continue };
        let named = i >= 2
            && toks[i - 1] == Tok::Punct('=')
            && matches!(&toks[i - 2], Tok::Name(n) if n.ends_with("_MS") || n.ends_with("_HEIGHT"));
        let mut depth = 0;
        let mut delay = false;
        for j in (0..i).rev() {
            match &toks[j] {
                Tok::Punct(')') => depth += 1,
                Tok::Punct('(') if depth == 0 => {
                    delay = matches!(toks.get(j.wrapping_sub(1)), Some(Tok::Name(n)) if n == "setTimeout");
                    break;
                }
                Tok::Punct('(') => depth -= 1,
                Tok::Punct(';' | '{' | '}') if depth == 0 => break,
                _ => {}
            }
        }
        if !named && !delay {
            found.push(format!("{name}: the number {text} ({what})"));
        }
    }
    // Lists: an array literal or a regular expression that names two keys, or two allowed values
    // of one key. (A list of the charts is one of canvas ids, `chart-<name>`, not of views,
    // though most of the names are the same.)
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut open: Vec<Option<Vec<String>>> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            // The embed's loader names the placeholder's attributes it passes on as keys
            // (`data-view`, `data-lang`, `data-theme`): the snippet's public interface (SPEC §5),
            // not a copy; each must be a key the model reads.
            Tok::Punct('[') if name == "embed.js" && i >= 2 && toks[i - 2] == Tok::Name("PASSED".into()) => {
                for t in toks[i + 1..].iter().take_while(|t| **t != Tok::Punct(']')) {
                    if let Tok::Str(k) = t {
                        assert!(
                            rules.presentation.contains(k),
                            "embed.js passes data-{k}, which is no presentation key"
                        );
                    }
                }
                open.push(None);
            }
            Tok::Punct('[') => open.push(Some(Vec::new())),
            Tok::Punct(']') => lists.extend(open.pop().flatten()),
            Tok::Str(s) => {
                if let Some(Some(l)) = open.last_mut() {
                    l.push(s.clone());
                }
            }
            Tok::Regex(r) => lists
                .push(r.split(|ch: char| !(ch.is_alphanumeric() || ch == '-')).map(String::from).collect()),
            _ => {}
        }
    }
    for list in &lists {
        let known = |set: &[String]| {
            let mut hit: Vec<&String> =
                list.iter().filter(|w| set.iter().any(|s| s.eq_ignore_ascii_case(w))).collect();
            hit.dedup();
            hit
        };
        if list.iter().all(|w| rules.charts.contains(w)) {
            continue;
        }
        let keys = known(&rules.keys);
        if keys.len() >= 2 {
            found.push(format!("{name}: a list of keys {keys:?}"));
        }
        for (key, values) in &rules.values {
            let hit = known(values);
            if hit.len() >= 2 {
                found.push(format!("{name}: a list of the values of {key} {hit:?}"));
            }
        }
    }
    // Language tags: a tag the `lang` key understands (other than a language's own), in a
    // string, or in a regular expression.
    for t in &toks {
        let hit = match t {
            Tok::Str(s) => rules.tags.iter().find(|tag| s.eq_ignore_ascii_case(tag.trim_end_matches('*'))),
            Tok::Regex(r) => {
                let r = r.to_ascii_lowercase();
                rules.tags.iter().find(|tag| tag.len() > 4 && r.contains(tag.trim_end_matches('*')))
            }
            _ => None,
        };
        if let Some(tag) = hit {
            found.push(format!("{name}: the language tag {tag:?}"));
        }
    }
    found
}

#[test]
fn the_pages_scripts_keep_no_copy_of_the_models_ranges_keys_values_or_language_tags() {
    let rules = model_rules();
    // The check sees a copy where there is one.
    for planted in [
        "const MAX = 50_000_000;",
        "el.max = 5e4;",
        "const THEMES = ['auto', 'dark'];",
        "if (/^(light|dark)$/.test(v)) x();",
        "const ASSUMED = ['Fail', 'sigma'];",
        "const TAGS = { 'zh-tw': 1 };",
        "return /^zh-hant-hk$/i.test(t);",
        "const steps = [0.05, 0.01];",
    ] {
        assert!(!copies_of_the_model("planted", planted, &rules).is_empty(), "not seen: {planted}");
    }
    for fine in [
        "setTimeout(go, 500);",
        "const FALLBACK_MS = 1000;",
        "const charts = ['allocation', 'benefit', 'total'];",
        "x = a / 2 / b;",
    ] {
        assert_eq!(copies_of_the_model("fine", fine, &rules), Vec::<String>::new(), "{fine}");
    }
    // Every script of the page, the embed's loader among them (not the generated wasm glue).
    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut files = Vec::new();
    for dir in [www.clone(), www.join("app")] {
        for e in std::fs::read_dir(&dir).expect("www/") {
            let path = e.expect("an entry").path();
            if path.extension().is_some_and(|x| x == "js") {
                files.push(path);
            }
        }
    }
    files.sort();
    let names: Vec<String> =
        files.iter().map(|f| f.strip_prefix(&www).unwrap().display().to_string()).collect();
    for must in ["app.js", "early.js", "embed.js", "frame.js", "app/provenance.js"] {
        assert!(names.iter().any(|n| n == must), "{must} read: {names:?}");
    }
    let mut found = Vec::new();
    for (f, name) in files.iter().zip(&names) {
        let js = std::fs::read_to_string(f).expect("a script");
        found.extend(copies_of_the_model(name, &js, &rules));
    }
    assert_eq!(found, Vec::<String>::new(), "rules that live in Rust");
}

/// Every text file of the product a reader's words come from: the page, the Rust sources (all
/// folders) and the page's scripts.
fn text_sources() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("a source folder") {
            let path = e.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("www/index.html")];
    walk(&root.join("src"), &mut files);
    walk(&root.join("www/app"), &mut files);
    files
}

#[test]
fn the_traditional_chinese_text_keeps_the_mainland_vocabulary_of_the_article() {
    // The article is a Jilin paper's, printed in traditional characters with mainland words
    // (報道, 數據, 概率…); Taiwan's words for the same things would read as another voice.
    const TAIWAN: [(&str, &str); 15] = [
        ("機率", "概率"),
        ("雜湊", "哈希"),
        ("支援", "支持"),
        ("情境", "情景"),
        ("軟體", "軟件"),
        ("網路", "網絡"),
        ("程式", "程序"),
        ("資訊", "信息"),
        ("底線", "下劃線"),
        ("連結", "鏈接"),
        ("控制項", "控件"),
        ("預設值", "默認值"),
        ("重新整理", "刷新"),
        ("載入", "加載"),
        ("內文", "正文"),
    ];
    let mut read = 0;
    let mut found = Vec::new();
    for f in text_sources() {
        let text = std::fs::read_to_string(&f).expect("a text file");
        read += 1;
        let name = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&f).display().to_string();
        for (taiwan, mainland) in TAIWAN {
            if text.contains(taiwan) {
                found.push(format!("{name} writes {taiwan}; the article's word is {mainland}"));
            }
        }
    }
    assert!(read > 30, "the check read the sources ({read} files)");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_traditional_chinese_text_quotes_as_the_article_does() {
    // The article quotes with “ ” (and so does the zh-Hans text); 「」 and 『』 would be a
    // second style in the same product. A character literal in code ('」', a line-breaking
    // rule) is not text.
    let mut found = Vec::new();
    for f in text_sources() {
        let text = std::fs::read_to_string(&f).expect("a text file");
        for (n, line) in text.lines().enumerate() {
            let prose = line.replace("'」'", "").replace("'「'", "");
            if prose.contains(['「', '」', '『', '』']) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "quoted with 「」 or 『』:\n{}", found.join("\n"));
}

/// The text of the first `data-assumption="id"` span in `html`, if any.
fn assumption_span<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let open = format!("<span data-assumption=\"{id}\">");
    let at = html.find(&open)? + open.len();
    html[at..].split('<').next()
}

/// A number as the method section writes it, read back: `10%` → 0.1, `×1` → 1, `1,000` → 1000.
fn read_back(text: &str) -> Option<f64> {
    let t = text.trim_start_matches('×').replace(',', "");
    match t.strip_suffix('%') {
        Some(p) => helong::num::read(p).map(|x| x / 100.0),
        None => helong::num::read(&t),
    }
}

/// What the page's method section says about each default of the model that is not written by
/// hand, in one language: (id, what the page reads as, the model's constant), for every entry
/// whose page number disagrees with the constant.
fn defaults_that_disagree(list: &str) -> Vec<String> {
    use helong::model::montecarlo::FAST_TOLERANCE;
    use helong::model::scenario;
    // The model's constants, named here one by one rather than read through the list, so that a
    // list that stopped reading them would be caught too.
    let constants = [
        ("failure", scenario::DEFAULT_FAIL),
        ("spread", scenario::DEFAULT_SIGMA),
        ("scale", scenario::DEFAULT_RETURNS_TO_SCALE),
        ("returns", scenario::DEFAULT_RET),
        ("runs", scenario::DEFAULT_TRIALS as f64),
        ("fast-method", FAST_TOLERANCE.width_share),
    ];
    let mut wrong = Vec::new();
    for (id, constant) in constants {
        match assumption_span(list, id).map(|t| (t, read_back(t))) {
            Some((_, Some(x))) if (x - constant).abs() < 1e-9 => {}
            Some((t, _)) => wrong.push(format!("{id}: the page says {t}, the model {constant}")),
            None => wrong.push(format!("{id}: the page does not state it")),
        }
    }
    wrong
}

/// The method section's list of assumptions of one language in a served file.
fn method_list<'a>(html: &'a str, lang: &str) -> &'a str {
    let open = format!("<ol lang=\"{lang}\"");
    let at = html.find(&open).unwrap_or_else(|| panic!("no list of assumptions in {lang}"));
    &html[at..at + html[at..].find("</ol>").expect("a closed list")]
}

#[test]
fn the_method_states_every_default_as_the_models_constant_in_every_language() {
    let files = served_pages(PAGE);
    let file = |name: &str| &files.iter().find(|(n, _)| n == name).expect(name).1;
    let mut checked = 0;
    for lang in Lang::ALL {
        let html = if lang == Lang::ZhHans { file("index.html") } else { file(&narrative_file(lang)) };
        let list = method_list(html, lang.tag());
        assert_eq!(defaults_that_disagree(list), Vec::<String>::new(), "{lang:?}");
        // Every entry of the model's list is there, with the tag of its kind.
        for a in helong::model::assumptions::all() {
            assert!(list.contains(&format!(
                "data-kind=\"{}\"",
                if a.kind == helong::model::assumptions::Kind::Setting { "setting" } else { "assumption" }
            )));
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * helong::model::assumptions::all().len());
    // The check fires: a page whose failure default is not the model's is caught.
    let list = method_list(file("index.html"), "zh-Hans");
    let shown = assumption_span(list, "failure").expect("the failure default");
    let typed = if shown == "55%" { "56%" } else { "55%" };
    let list = list.replacen(&format!(">{shown}<"), &format!(">{typed}<"), 1);
    let model = helong::model::scenario::DEFAULT_FAIL;
    assert_eq!(
        defaults_that_disagree(&list),
        vec![format!("failure: the page says {typed}, the model {model}")]
    );
}

#[test]
fn the_page_writes_no_number_of_the_model_by_hand() {
    // The method section and the assumptions disclosure, as written in www/index.html: their
    // numbers are either figures of the dataset (data-fact) or slots the build fills from the
    // model. Text outside both holds no digit, and no assumption's number is typed in.
    let block = |start: &str, end: &str| {
        let at = PAGE.find(start).expect(start);
        &PAGE[at..at + PAGE[at..].find(end).expect(end)]
    };
    for (name, html) in [
        ("the method section", block("<div data-narrative=\"method\">", "</section>")),
        ("the assumptions disclosure", block("<details class=\"assume\"", "</details>")),
    ] {
        let mut text = String::new();
        let mut rest = html;
        // Drop the figures of the dataset, then every tag.
        while let Some(at) = rest.find("<span data-fact=") {
            text.push_str(&rest[..at]);
            rest = &rest[at + rest[at..].find("</span>").expect("a closed figure") + 7..];
        }
        text.push_str(rest);
        let mut plain = String::new();
        for piece in text.split('<').skip(1) {
            plain.push_str(piece.split_once('>').map_or("", |(_, t)| t));
        }
        let digits: Vec<&str> =
            plain.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).collect();
        assert!(digits.is_empty(), "{name} writes {digits:?} by hand");
        // A number (data-assumption) or the line beside a slider (data-assumption-note): slots.
        for (i, _) in html.match_indices(" data-assumption") {
            let tag_end = i + html[i..].find('>').expect("a tag");
            assert!(html[tag_end + 1..].starts_with("</span>"), "{name}: an assumption's number typed in");
        }
    }
}

#[test]
fn the_summary_of_the_assumptions_disclosure_and_the_embeds_credit_come_from_the_model() {
    use helong::model::scenario;
    let page = helong::site::page(PAGE, &helong::model::simulate(""), "").expect("filled");
    let fail = helong::i18n::percent(100.0 * scenario::DEFAULT_FAIL, 1);
    assert!(page.contains(&format!("· failure {fail} · spread σ")), "{fail}");
    let embed = helong::site::embed::embed(&page).expect("the embed");
    let n = helong::model::assumptions::all()
        .iter()
        .filter(|a| a.kind == helong::model::assumptions::Kind::Assumption)
        .count();
    assert!(embed.contains(&format!("rest on {n} stated assumptions")), "the embed's credit names them");
    assert!(embed.contains("href=\"index.html?lang=en#story-method\""), "and links to them");
    // The line beside the failure slider says the expected benefit stays, in every language.
    assert!(page.contains("does not lower the expected benefit"));
    assert!(page.contains("不会降低预期效益") && page.contains("不會降低預期效益"));
}

#[test]
fn reported_derived_and_assumed_numbers_are_marked_apart_in_the_served_page() {
    for (name, html) in served_pages(PAGE) {
        for (i, m) in html.match_indices("data-fact=\"") {
            let id = html[i + m.len()..].split('"').next().unwrap();
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let derived = facts::get(id).expect(id).derived;
            assert_eq!(tag.contains("data-kind=\"derived\""), derived, "{name}: {tag}");
        }
        assert!(html.contains("<span data-assumption=\"failure\">"), "{name}: the assumptions' numbers");
    }
}

#[test]
fn every_number_the_readout_writes_has_a_place_on_the_page_and_every_place_a_number() {
    use helong::site::html::find;
    let out = helong::model::simulate("");
    let r = helong::text::readout(&helong::model::Scenario::default(), &out, helong::i18n::Lang::En);
    let slots: Vec<String> =
        find(PAGE, "[data-out]").unwrap().iter().map(|f| f.attr("data-out").unwrap().to_string()).collect();
    for (key, _) in &r.outputs {
        assert!(slots.iter().any(|s| s == key), "the readout writes {key:?}, which no [data-out] shows");
    }
    for s in &slots {
        assert!(r.output(s).is_some(), "[data-out={s:?}] names no number of the readout");
    }
    let adjusters: Vec<String> = find(PAGE, "[data-adjust]")
        .unwrap()
        .iter()
        .map(|f| f.attr("data-adjust").unwrap().to_string())
        .collect();
    assert_eq!(
        r.adjusters.iter().map(|a| a.0).collect::<std::collections::BTreeSet<_>>(),
        adjusters.iter().map(String::as_str).collect(),
        "the readout's adjustable numbers are the sentence's"
    );
    // Each <output> the readout fills is the output of a slider, named by its `for`.
    for (id, _) in &r.controls {
        let found = find(PAGE, &format!("output#{id}")).unwrap();
        let [output] = found.as_slice() else { panic!("no single <output id={id:?}> on the page") };
        let input = output.attr("for").unwrap_or_else(|| panic!("<output id={id:?}> says no slider (`for`)"));
        assert_eq!(
            find(PAGE, &format!("input[type=range]#{input}")).unwrap().len(),
            1,
            "#{id} is for #{input}"
        );
    }
}

#[test]
fn every_view_is_a_chart_of_the_model_and_the_stylesheet_shows_each_views_panel_alone() {
    use helong::charts::Chart;
    use helong::page::url::VIEWS;
    let charts: Vec<&str> = Chart::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(VIEWS[0], "all");
    assert_eq!(
        VIEWS[1..].iter().copied().collect::<std::collections::BTreeSet<_>>(),
        charts.iter().copied().collect()
    );
    // Before the first paint only the stylesheet hides the panels a view leaves out (early.js
    // sets data-view); its rules must name every other panel of the simulator.
    let css = include_str!("../www/style.css");
    let simulator: Vec<&str> =
        charts.iter().copied().filter(|c| Chart::parse(c).unwrap().redraw() == "scenario").collect();
    for view in &simulator {
        let others: Vec<String> =
            simulator.iter().filter(|c| c != &view).map(|c| format!("#panel-{c}")).collect();
        let rule = format!("html[data-embed][data-view=\"{view}\"] :is({})", others.join(", "));
        assert!(css.contains(&rule), "style.css lacks the rule of the {view} view: {rule}");
    }
    assert!(
        css.contains("html[data-embed][data-view=\"context\"] #simulator"),
        "the context view hides the simulator"
    );
    assert!(
        css.contains("html[data-embed]:not([data-view=\"all\"]):not([data-view=\"context\"]) #panel-context"),
        "a simulator view hides the context panel"
    );
}

#[test]
fn every_chart_box_on_the_page_is_a_chart_the_model_draws_and_the_build_marks_what_it_is_drawn_from() {
    use helong::charts::Chart;
    use helong::site::html::find;
    let page = helong::site::page(PAGE, &helong::model::simulate(""), "").expect("pre-rendered");
    let boxes = find(&page, ".chart[data-chart]").unwrap();
    let names: Vec<&str> = boxes.iter().map(|b| b.attr("data-chart").unwrap()).collect();
    for chart in Chart::ALL.into_iter().chain([Chart::Total]) {
        let found: Vec<_> = boxes.iter().filter(|b| b.attr("data-chart") == Some(chart.name())).collect();
        let [b] = found.as_slice() else { panic!("{}: {} boxes in {names:?}", chart.name(), found.len()) };
        assert_eq!(b.attr("data-redraw"), Some(chart.redraw()), "{}", chart.name());
        assert_eq!(b.attr("data-described").is_some(), chart.described(), "{}", chart.name());
        assert_eq!(
            find(&page, &format!("canvas#chart-{}", chart.name())).unwrap().len(),
            1,
            "{}",
            chart.name()
        );
    }
    assert_eq!(boxes.len(), Chart::ALL.len() + 1, "a box of a chart the model does not draw: {names:?}");
}

#[test]
fn the_credits_paragraph_names_the_outlet_the_reporters_and_the_headline_the_dataset_credits() {
    use helong::facts::source;
    use helong::i18n::Lang;
    use helong::site::html::texts;
    for lang in Lang::ALL {
        let paras = texts(PAGE, &format!("[data-narrative=\"credits\"] p[lang=\"{}\"]", lang.tag())).unwrap();
        let first = paras.first().unwrap_or_else(|| panic!("{lang:?}: no credits paragraph"));
        let outlet = source::outlet(lang);
        let reporters = lang.pick(source::REPORTERS.0, source::REPORTERS.1, source::REPORTERS.2);
        let names = outlet.split(" / ").chain(reporters.split(['、', ',']).map(str::trim));
        for name in names {
            // English prose names "China Jilin Net (中国吉林网) and its Jike app": each part.
            let name = name.trim_end_matches(" app");
            assert!(first.contains(name), "{lang:?}: the credits do not name {name:?}: {first}");
        }
        if lang != Lang::En {
            assert!(first.contains(source::title(lang)), "{lang:?}: the credits do not give the headline");
        }
    }
}

#[test]
fn the_stylesheets_phone_layout_starts_where_the_narrow_static_pictures_do() {
    let w = helong::site::static_charts::PHONE_MAX_WIDTH_PX;
    let css = include_str!("../www/style.css");
    let rule = format!("@media (max-width: {w}px)");
    assert!(css.contains(&rule), "style.css has no {rule}: the phone layout and the narrow pictures part");
    let other = css
        .match_indices("@media (max-width: ")
        .map(|(i, _)| &css[i..i + 26])
        .find(|m| !m.starts_with(&rule));
    assert_eq!(other, None, "a phone breakpoint other than {w}px");
}
