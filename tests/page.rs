//! The HTML shell's static text: every number in the narrative is a fact of the dataset,
//! pre-filled with exactly the text the page would put there (so the page reads right
//! without JavaScript, and cannot drift from the data).

use helong::facts;
use helong::i18n::Lang;

const PAGE: &str = include_str!("../www/index.html");

/// (fact id, text inside the span, language of the enclosing element) for every
/// `<span data-fact="…">…</span>` in the page.
fn fact_spans(html: &str) -> Vec<(String, String, Lang)> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices("data-fact=\"") {
        let rest = &html[i + 11..];
        let id = rest.split('"').next().unwrap_or("").to_string();
        let text = rest.split_once('>').map(|(_, t)| t.split('<').next().unwrap_or("")).unwrap_or("");
        // The language is that of the nearest enclosing element with a lang attribute: the
        // narrative keeps one <p lang="…"> (or <li lang>, <span lang>) per line.
        let line_start = html[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let line = &html[line_start..i];
        let lang_tag =
            line.rfind("lang=\"").map(|p| line[p + 6..].split('"').next().unwrap_or("")).unwrap_or("zh-Hans");
        let lang = Lang::parse(lang_tag).unwrap_or_default();
        out.push((id, text.to_string(), lang));
    }
    out
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
    for (id, text, lang) in fact_spans(PAGE) {
        let Some(f) = facts::get(&id) else { continue };
        assert_eq!(text, facts::format_value(&f, lang), "fact {id} in {lang:?}");
    }
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
    assert!(!PAGE.contains(" on") || !PAGE.contains("onclick="), "inline event handler");
    for (i, _) in PAGE.match_indices("<script") {
        let tag = &PAGE[i..i + PAGE[i..].find('>').unwrap_or(0)];
        assert!(tag.contains("src="), "inline script: {tag}");
    }
}
