//! The story in three languages, one of them per request. `index.html` carries its
//! narrative in Simplified Chinese only; the zh-Hant and en narrative become fragments that
//! `www/app/narrative.js` loads when a reader asks for that language, and the single file
//! keeps all three in place.
//!
//! The narrative stands in blocks, `<div data-narrative="name">`, each a run of elements (a
//! `<p>` or `<ul>` per language, marked `lang`) with nothing between them but white space and
//! comments. The headings, buttons and labels outside the blocks stay in all three languages
//! (they are small).

use super::html::{self, Found};
use crate::i18n::Lang;
use crate::Error;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// The languages whose narrative `index.html` loads on demand. Simplified Chinese, which most
/// readers read, stays in the page.
pub const LAZY_LANGS: [Lang; 2] = [Lang::ZhHant, Lang::En];

/// File name of the narrative fragment of one language (before `build-dist.mjs` hashes it).
pub fn narrative_file(lang: Lang) -> String {
    format!("narrative.{}.html", lang.tag())
}

/// The attribute on `<html>` that names the narrative fragment of one language, e.g.
/// `data-narrative-zh-hant` (`www/app/narrative.js` reads it).
pub fn narrative_attr(lang: Lang) -> String {
    format!("data-narrative-{}", lang.tag().to_ascii_lowercase())
}

/// Elements a narrative block may not hold: their content is not text a reader reads.
const NOT_NARRATIVE: [&str; 5] = ["script", "style", "template", "textarea", "title"];

/// A narrative block of a page: its name, its content and the elements it is a run of.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub name: String,
    /// The block's content, between its tags.
    pub inner: Range<usize>,
    /// Its elements, in order.
    pub elements: Vec<Found>,
}

/// What the parser saw of the narrative, as it went.
#[derive(Default)]
struct Reading {
    blocks: Vec<Block>,
    /// Whether the last block is still open.
    open: bool,
    comments: Vec<Range<usize>>,
}

/// The narrative blocks of a page, in order. A block without a name of a-z, 0-9 and -, two
/// blocks of one name, a block inside another, text between a block's elements, an element
/// that is never closed or that holds a script, style or template stops the build.
pub fn blocks(page: &str) -> Result<Vec<Block>, Error> {
    let reading: Rc<RefCell<Reading>> = Rc::default();
    let result = html::Rewrite::new()
        .on("[data-narrative]", |el| {
            let name = html::attr(el, "data-narrative");
            let mut r = reading.borrow_mut();
            if r.open {
                return Err(Error::Invalid(format!("a block inside another (\"{name}\")")));
            }
            let tag = el.source_location().bytes();
            r.blocks.push(Block { name, inner: tag.end..tag.end, elements: Vec::new() });
            r.open = true;
            drop(r);
            let reading = Rc::clone(&reading);
            html::on_end_tag(el, move |end| {
                let mut r = reading.borrow_mut();
                r.open = false;
                if let Some(b) = r.blocks.last_mut() {
                    b.inner.end = end.source_location().bytes().start;
                }
                Ok(())
            })
        })
        .on("[data-narrative] > *", |el| {
            let tag = el.source_location().bytes();
            let attrs = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
            let f = Found { name: el.tag_name(), attrs, outer: tag.clone(), inner: tag.end..tag.end };
            let mut r = reading.borrow_mut();
            let Some(block) = r.blocks.last_mut() else { return Ok(()) };
            block.elements.push(f);
            let i = block.elements.len() - 1;
            drop(r);
            if el.can_have_content() {
                // Until its end tag is read, an element ends where it starts.
                let reading = Rc::clone(&reading);
                html::on_end_tag(el, move |end| {
                    let tag = end.source_location().bytes();
                    if let Some(f) =
                        reading.borrow_mut().blocks.last_mut().and_then(|b| b.elements.get_mut(i))
                    {
                        f.inner.end = tag.start;
                        f.outer.end = tag.end;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
        .on("[data-narrative] *", |el| {
            let name = el.tag_name();
            if NOT_NARRATIVE.contains(&name.as_str()) {
                return Err(Error::Invalid(format!("a <{name}> element")));
            }
            // Every element inside is closed by its own end tag.
            if el.can_have_content() {
                html::on_end_tag(el, |_| Ok(()))?;
            }
            Ok(())
        })
        .on_comment(|c| {
            reading.borrow_mut().comments.push(c.source_location().bytes());
            Ok(())
        })
        .run(page);
    let reading = Rc::try_unwrap(reading).map(RefCell::into_inner).unwrap_or_default();
    let named = |b: &Block, why: String| Error::Invalid(format!("narrative block \"{}\": {why}", b.name));
    if let Err(e) = result {
        let why = match e {
            Error::Invalid(why) => why,
            e => e.to_string(),
        };
        return Err(match reading.blocks.last() {
            Some(b) => named(b, why),
            None => Error::Invalid(why),
        });
    }
    if let (true, Some(b)) = (reading.open, reading.blocks.last()) {
        return Err(named(b, "the block is never closed".into()));
    }
    for (i, b) in reading.blocks.iter().enumerate() {
        if b.name.is_empty()
            || !b.name.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        {
            return Err(named(b, "a block needs a name of a-z, 0-9 and -".into()));
        }
        if reading.blocks[..i].iter().any(|o| o.name == b.name) {
            return Err(named(b, "two blocks of that name".into()));
        }
        // Between the elements: white space and comments only.
        let mut at = b.inner.start;
        let ends =
            b.elements.iter().map(|e| e.outer.clone()).chain(std::iter::once(b.inner.end..b.inner.end));
        for next in ends {
            let comments: Vec<Range<usize>> =
                reading.comments.iter().filter(|c| c.start >= at && c.end <= next.start).cloned().collect();
            let shifted: Vec<Range<usize>> = comments.iter().map(|c| c.start - at..c.end - at).collect();
            let between = html::cut(&page[at..next.start], &shifted);
            if !between.trim().is_empty() {
                return Err(named(b, format!("text outside an element: {:?}", between.trim())));
            }
            at = next.end;
        }
    }
    Ok(reading.blocks)
}

/// The narrative split by language: what `index.html`, each fragment and the single file hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Narrative {
    /// The page with the narrative in Simplified Chinese only, naming on `<html>` the fragment
    /// of each of [`LAZY_LANGS`] ([`narrative_attr`]).
    pub index: String,
    /// The narrative of each of [`LAZY_LANGS`]: a `<div data-narrative="name">` per block
    /// holding its elements in that language, from where `www/app/narrative.js` appends them
    /// to the page's block.
    pub fragments: Vec<(Lang, String)>,
    /// The page as the index becomes once every fragment is in it, for the single file, which
    /// fetches nothing: each block's zh-Hans elements, then its zh-Hant and its en ones.
    pub whole: String,
}

/// Whether an element of a block stays in `index.html` (zh-Hans, or no language: shared by
/// all) or moves to the fragment of its language. An unknown language stops the build.
fn lazy_lang(b: &Block, e: &Found) -> Result<Option<Lang>, Error> {
    match e.attr("lang").map(|t| (t, Lang::parse(t))) {
        None | Some(("zh-Hans", _)) => Ok(None),
        Some((t, Some(l))) if t == l.tag() && LAZY_LANGS.contains(&l) => Ok(Some(l)),
        Some((t, _)) => Err(Error::Invalid(format!(
            "narrative block \"{}\": an element in an unknown language {t:?}",
            b.name
        ))),
    }
}

/// Split the narrative of `page` by language ([`Narrative`]). A page without narrative
/// blocks is its own index and whole, with no fragments.
pub fn split(page: &str) -> Result<Narrative, Error> {
    let blocks = blocks(page)?;
    if blocks.is_empty() {
        return Ok(Narrative { index: page.to_string(), fragments: Vec::new(), whole: page.to_string() });
    }
    let mut index = String::with_capacity(page.len());
    let mut whole = String::with_capacity(page.len() * 2);
    let mut fragments: Vec<(Lang, String)> = LAZY_LANGS.iter().map(|&l| (l, String::new())).collect();
    let mut at = 0;
    for b in &blocks {
        index.push_str(&page[at..b.inner.start]);
        whole.push_str(&page[at..b.inner.start]);
        let mut kept_to = b.inner.start;
        for e in &b.elements {
            match lazy_lang(b, e)? {
                None => {
                    index.push_str(&page[kept_to..e.outer.end]);
                    whole.push_str(&page[kept_to..e.outer.end]);
                }
                // The element goes, and the white space before it.
                Some(_) => {
                    let before = page[kept_to..e.outer.start].trim_end_matches([' ', '\t', '\n', '\r']);
                    index.push_str(before);
                    whole.push_str(before);
                }
            }
            kept_to = e.outer.end;
        }
        index.push_str(&page[kept_to..b.inner.end]);
        whole.push_str(&page[kept_to..b.inner.end]);
        for (lang, fragment) in fragments.iter_mut() {
            fragment.push_str(&format!("<div data-narrative=\"{}\">\n", b.name));
            for e in &b.elements {
                if lazy_lang(b, e)? == Some(*lang) {
                    for out in [&mut *fragment, &mut whole] {
                        out.push_str(&page[e.outer.clone()]);
                        out.push('\n');
                    }
                }
            }
            fragment.push_str("</div>\n");
        }
        at = b.inner.end;
    }
    index.push_str(&page[at..]);
    whole.push_str(&page[at..]);
    let index = html::Rewrite::new()
        .on("html", |el| {
            for l in LAZY_LANGS {
                html::set_attr(el, &narrative_attr(l), &narrative_file(l))?;
            }
            Ok(())
        })
        .run(&index)?;
    Ok(Narrative { index, fragments, whole })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(body: &str) -> String {
        format!("<html lang=\"zh-Hans\">\n<div data-narrative=\"x\">\n{body}\n</div>\n</html>")
    }

    #[test]
    fn a_malformed_narrative_block_fails_the_build() {
        for (body, why) in [
            ("<p lang=\"ko\">안녕</p>", "unknown language"),
            ("<p lang=\"zh-Hans\">一</p>\nloose text", "text outside an element"),
            ("<p lang=\"en\" hidden>open", "an unclosed <p lang=\"en\" hidden=\"\">"),
            ("<p lang=\"en\"><em>a</p></em>", "an unclosed <em>"),
            ("<p lang=\"en\">a</p></em>", "text outside an element: \"</em>\""),
            ("<div data-narrative=\"y\"><p>a</p></div>", "a block inside another"),
            ("<p lang=\"en\"><script>a</script></p>", "a <script> element"),
        ] {
            let err = split(&wrap(body)).expect_err(body).to_string();
            assert!(err.contains(why) && err.contains("narrative block \"x\""), "{body}: {err}");
        }
        for (page, why) in [
            ("<html>\n<div data-narrative=\"x\">\n<p lang=\"en\">a</p>\n", "never closed"),
            ("<div data-narrative=\"x\"></div><div data-narrative=\"x\"></div>", "two blocks of that name"),
            ("<div data-narrative=\"X y\"></div>", "a name of a-z"),
        ] {
            let err = split(page).expect_err(page).to_string();
            assert!(err.contains(why), "{page}: {err}");
        }
    }

    #[test]
    fn each_language_of_a_block_goes_where_it_is_read() {
        // An element over several lines, one with no language (shared by all) and a comment
        // are fine.
        let page = wrap(
            "<p lang=\"zh-Hans\">一</p>\n<!-- a note -->\n<p lang=\"en\" hidden>one\n<b>two</b></p>\n<hr>",
        );
        let n = split(&page).expect("split");
        assert!(
            n.index.contains(
                "<div data-narrative=\"x\">\n<p lang=\"zh-Hans\">一</p>\n<!-- a note -->\n<hr>\n</div>"
            ),
            "{}",
            n.index
        );
        assert!(n.index.starts_with(
            "<html lang=\"zh-Hans\" data-narrative-zh-hant=\"narrative.zh-Hant.html\" data-narrative-en=\"narrative.en.html\">"
        ));
        assert_eq!(
            n.fragments[1].1,
            "<div data-narrative=\"x\">\n<p lang=\"en\" hidden>one\n<b>two</b></p>\n</div>\n"
        );
        assert_eq!(n.fragments[0].1, "<div data-narrative=\"x\">\n</div>\n");
        assert!(
            n.whole.contains("<hr>\n<p lang=\"en\" hidden>one\n<b>two</b></p>\n</div>"),
            "the whole page appends the fragments' elements: {}",
            n.whole
        );
        assert!(n.whole.starts_with("<html lang=\"zh-Hans\">"), "and names no fragment");
    }

    /// The elements of a page's narrative blocks in one language, in order, as (block, element).
    fn elements_in(page: &str, lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for b in blocks(page).expect("blocks") {
            for e in &b.elements {
                if e.attr("lang").and_then(Lang::parse).unwrap_or_default() == lang {
                    out.push((b.name.clone(), page[e.outer.clone()].to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn the_served_page_carries_the_narrative_in_simplified_chinese_only() {
        let full = super::super::page(include_str!("../../www/index.html"), &crate::model::simulate(""), "")
            .expect("pre-rendered");
        let n = split(&full).expect("split");
        let names: Vec<String> = blocks(&n.index).expect("blocks").into_iter().map(|b| b.name).collect();
        assert_eq!(names, ["county", "programme", "yang", "2019", "method", "credits"]);
        for b in blocks(&n.index).expect("blocks") {
            assert!(b.elements.iter().all(|e| e.attr("lang") == Some("zh-Hans")), "{}", b.name);
            assert!(!b.elements.is_empty(), "{} keeps its zh-Hans text", b.name);
        }
        assert_eq!(
            n.index.matches("<p lang=\"zh-Hans\">").count(),
            full.matches("<p lang=\"zh-Hans\">").count()
        );
        // The chrome outside the blocks stays in three languages.
        assert!(n.index.contains("<span lang=\"en\" hidden>Skip to the simulator</span>"));
        assert!(n.index.contains("<p class=\"reactive\" lang=\"en\" hidden>"));
        let root = full.lines().nth(1).expect("<html>").trim_end_matches('>');
        assert!(n.index.contains(&format!(
            "{root} data-narrative-zh-hant=\"narrative.zh-Hant.html\" data-narrative-en=\"narrative.en.html\">"
        )));
        assert_eq!(n.fragments.iter().map(|(l, _)| *l).collect::<Vec<_>>(), LAZY_LANGS);
        assert!(n.fragments[1]
            .1
            .starts_with("<div data-narrative=\"county\">\n<p lang=\"en\" hidden>Helong is a city in Jilin"));
        // Page and fragments together hold every element of the source blocks, block by block
        // and in order; the whole page holds them all.
        for (lang, part) in
            [(Lang::ZhHans, &n.index), (Lang::ZhHant, &n.fragments[0].1), (Lang::En, &n.fragments[1].1)]
        {
            let want = elements_in(&full, lang);
            assert!(want.len() >= 20, "{lang:?}: {} elements", want.len());
            assert_eq!(elements_in(part, lang), want, "{lang:?}");
            assert_eq!(elements_in(&n.whole, lang), want, "{lang:?} in the whole page");
        }
    }

    #[test]
    fn a_page_without_narrative_blocks_has_no_fragments() {
        let page = "<html lang=\"en\"><p>hello</p></html>";
        let n = split(page).expect("split");
        assert_eq!((n.index.as_str(), n.whole.as_str(), n.fragments.len()), (page, page, 0));
    }
}
