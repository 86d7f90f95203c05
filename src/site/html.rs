//! The build's one HTML reader. Every step that reads or rewrites a page — its slots, the
//! narrative, the embed, the single file, the share card's words — goes through lol_html
//! (Cloudflare's streaming rewriter) and picks elements by CSS selector, never by searching
//! for exact markup or indentation. lol_html knows which elements are void, where each tag
//! starts and ends, and keeps every byte it is not asked to change, so a page comes out as it
//! went in except where a slot was filled.
//!
//! What this file adds: handlers that speak the crate's [`Error`], elements read with where
//! they stand in the source ([`find`]), cutting whole lines ([`cut`], [`whole_lines`]), and the
//! build's one HTML escape ([`escape`], [`unescape`]).
//!
//! lol_html is a native dependency only (`Cargo.toml`), like all of `site`: the wasm never
//! links it.

use crate::Error;
use lol_html::html_content::{Comment, TextChunk};
use lol_html::{
    end_tag, DocumentContentHandlers, ElementContentHandlers, HandlerResult, RewriteStrSettings, Selector,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

pub use lol_html::html_content::{ContentType, Element, EndTag};

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Text as [`escape`] wrote it, read back (lol_html hands over text and attribute values
/// as they stand in the source).
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Set an attribute of an element to `value`, escaped.
pub fn set_attr(el: &mut Element, name: &str, value: &str) -> Result<(), Error> {
    el.set_attribute(name, &escape(value))
        .map_err(|e| Error::Invalid(format!("cannot set the attribute {name} of <{}>: {e}", el.tag_name())))
}

/// The value of an attribute of an element as written in the page ("" when it has none).
pub fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// A rewrite of a page: handlers by CSS selector, called in document order in one pass.
/// A handler's error stops the rewrite and is its result.
pub struct Rewrite<'h> {
    settings: RewriteStrSettings<'h, 'static>,
    bad_selector: Option<Error>,
}

impl Default for Rewrite<'_> {
    fn default() -> Self {
        Rewrite { settings: RewriteStrSettings::new(), bad_selector: None }
    }
}

impl<'h> Rewrite<'h> {
    pub fn new() -> Self {
        Self::default()
    }

    fn selector(&mut self, selector: &str) -> Option<Selector> {
        match selector.parse::<Selector>() {
            Ok(s) => Some(s),
            Err(e) => {
                self.bad_selector =
                    Some(Error::Invalid(format!("the selector {selector:?} is not valid: {e}")));
                None
            }
        }
    }

    /// Add `handlers` for the elements that `selector` matches (a bad selector is kept, and is
    /// the rewrite's result).
    fn append(mut self, selector: &str, handlers: ElementContentHandlers<'h>) -> Self {
        if let Some(s) = self.selector(selector) {
            self.settings = self.settings.append_element_content_handler((Cow::Owned(s), handlers));
        }
        self
    }

    /// Call `f` on every element that `selector` matches. Handlers of one element run in the
    /// order they were added.
    pub fn on(self, selector: &str, mut f: impl FnMut(&mut Element) -> Result<(), Error> + 'h) -> Self {
        let handler = move |el: &mut Element| -> HandlerResult { f(el).map_err(Into::into) };
        self.append(selector, ElementContentHandlers::default().element(handler))
    }

    /// Call `f` on every piece of text inside the elements that `selector` matches (a text may
    /// come in several pieces).
    pub fn on_text(
        self,
        selector: &str,
        mut f: impl FnMut(&mut TextChunk) -> Result<(), Error> + 'h,
    ) -> Self {
        let handler = move |t: &mut TextChunk| -> HandlerResult { f(t).map_err(Into::into) };
        self.append(selector, ElementContentHandlers::default().text(handler))
    }

    /// Call `f` on every comment of the page.
    pub fn on_comment(mut self, mut f: impl FnMut(&mut Comment) -> Result<(), Error> + 'h) -> Self {
        let handler = move |c: &mut Comment| -> HandlerResult { f(c).map_err(Into::into) };
        self.settings = self
            .settings
            .append_document_content_handler(DocumentContentHandlers::default().comments(handler));
        self
    }

    /// The page rewritten.
    pub fn run(self, html: &str) -> Result<String, Error> {
        if let Some(e) = self.bad_selector {
            return Err(e);
        }
        lol_html::rewrite_str(html, self.settings).map_err(|e| match e {
            lol_html::errors::RewritingError::ContentHandlerError(e) => match e.downcast::<Error>() {
                Ok(e) => *e,
                Err(e) => Error::Invalid(format!("the page cannot be read: {e}")),
            },
            e => Error::Invalid(format!("the page cannot be read: {e}")),
        })
    }
}

/// An element's start tag as a reader would look for it in the page (`<p lang="en">`).
fn start_tag(el: &Element) -> String {
    let attrs: String = el.attributes().iter().map(|a| format!(" {}=\"{}\"", a.name(), a.value())).collect();
    format!("<{}{attrs}>", el.tag_name())
}

/// Call `f` with the end tag of `el` once the parser reaches it. An element closed by
/// another's end tag (`<p><em>a</p>`) is an error, and so is one that cannot have content.
pub fn on_end_tag(
    el: &mut Element,
    mut f: impl FnMut(&mut EndTag) -> Result<(), Error> + 'static,
) -> Result<(), Error> {
    let name = el.tag_name();
    let unclosed = Error::Invalid(format!("an unclosed {}", start_tag(el)));
    el.on_end_tag(end_tag!(move |end: &mut EndTag| {
        // lol_html hands an element closed without its own end tag the end tag that closed it.
        if end.name() != name {
            return Err(unclosed.clone().into());
        }
        f(end).map_err(Into::into)
    }))
    .map_err(|e| Error::Invalid(format!("<{}> has no end tag: {e}", el.tag_name())))
}

/// An element as the parser read it: its name, its attributes as written, and where it stands
/// in the source (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// The whole element: from its start tag to the end of its end tag (a void element: its tag).
    pub outer: Range<usize>,
    /// Its content, between its two tags (empty for a void element).
    pub inner: Range<usize>,
}

impl Found {
    /// The value of one attribute, as written.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every element of `html` that `selector` matches, in document order. One that is not closed
/// by its own end tag is an error.
pub fn find(html: &str, selector: &str) -> Result<Vec<Found>, Error> {
    // The end tags' handlers outlive the pass's borrows: they share the list.
    let found: Rc<RefCell<Vec<(Found, bool)>>> = Rc::default();
    Rewrite::new()
        .on(selector, |el| {
            let tag = el.source_location().bytes();
            let attrs = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
            let f = Found { name: el.tag_name(), attrs, outer: tag.clone(), inner: tag.end..tag.end };
            let void = !el.can_have_content();
            let i = {
                let mut all = found.borrow_mut();
                all.push((f, void));
                all.len() - 1
            };
            if !void {
                let found = Rc::clone(&found);
                on_end_tag(el, move |end| {
                    let tag = end.source_location().bytes();
                    let (f, closed) = &mut found.borrow_mut()[i];
                    f.inner.end = tag.start;
                    f.outer.end = tag.end;
                    *closed = true;
                    Ok(())
                })?;
            }
            Ok(())
        })
        .run(html)?;
    let found = Rc::try_unwrap(found).map(RefCell::into_inner).unwrap_or_default();
    if let Some((f, _)) = found.iter().find(|(_, closed)| !closed) {
        let attrs: String = f.attrs.iter().map(|(n, v)| format!(" {n}=\"{v}\"")).collect();
        return Err(Error::Invalid(format!("an unclosed <{}{attrs}>", f.name)));
    }
    Ok(found.into_iter().map(|(f, _)| f).collect())
}

/// The text inside each element `selector` matches (its descendants' included, tags left
/// out), as written in the page.
pub fn texts(html: &str, selector: &str) -> Result<Vec<String>, Error> {
    let texts = RefCell::new(Vec::<String>::new());
    Rewrite::new()
        .on(selector, |_| {
            texts.borrow_mut().push(String::new());
            Ok(())
        })
        .on_text(selector, |t| {
            if let Some(last) = texts.borrow_mut().last_mut() {
                last.push_str(t.as_str());
            }
            Ok(())
        })
        .run(html)?;
    Ok(texts.into_inner())
}

/// The range of the whole lines `r` stands on, their indentation and line break included,
/// when nothing else stands on them; else `r` itself.
pub fn whole_lines(html: &str, r: Range<usize>) -> Range<usize> {
    let blank = |s: &str| s.chars().all(|c| c == ' ' || c == '\t');
    let line_start = html[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = html[r.end..].find('\n').map_or(html.len(), |i| r.end + i + 1);
    if blank(&html[line_start..r.start]) && blank(html[r.end..line_end].trim_end_matches(['\n', '\r'])) {
        line_start..line_end
    } else {
        r
    }
}

/// `html` without the given ranges (in order, not overlapping).
pub fn cut(html: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for r in ranges {
        out.push_str(&html[at..r.start.max(at)]);
        at = at.max(r.end);
    }
    out.push_str(&html[at..]);
    out
}

/// The indentation of the line where byte `at` of `html` stands.
pub fn indent_at(html: &str, at: usize) -> &str {
    let line_start = html[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &html[line_start..at];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_reading_back_give_the_text_again() {
        let s = "a < b & \"c\" > d";
        assert_eq!(escape(s), "a &lt; b &amp; &quot;c&quot; &gt; d");
        assert_eq!(unescape(&escape(s)), s);
    }

    #[test]
    fn a_rewrite_changes_only_what_its_handlers_touch() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<body>\n  <p  class=\"a\"  id=x>one<br>two</p>\n  <p class=\"b\" data-fill=\"n\"></p>\n</body>\n</html>\n";
        let out = Rewrite::new()
            .on("[data-fill]", |el| {
                el.remove_attribute("data-fill");
                set_attr(el, "data-n", "1 < \"2\"")?;
                el.set_inner_content("<b>3</b>", ContentType::Html);
                Ok(())
            })
            .run(page)
            .expect("rewritten");
        assert_eq!(
            out,
            page.replace(
                "<p class=\"b\" data-fill=\"n\"></p>",
                "<p class=\"b\" data-n=\"1 &lt; &quot;2&quot;\"><b>3</b></p>"
            )
        );
    }

    #[test]
    fn a_handlers_error_is_the_rewrites_error() {
        let err = Rewrite::new()
            .on("p", |_| Err(Error::Invalid("no paragraphs here".into())))
            .run("<p>a</p>")
            .expect_err("stopped");
        assert_eq!(err, Error::Invalid("no paragraphs here".into()));
        assert!(Rewrite::new().on("p[", |_| Ok(())).run("<p>a</p>").is_err(), "a bad selector");
    }

    #[test]
    fn found_elements_know_where_they_stand_and_void_ones_have_no_content() {
        let page = "<div id=\"a\">x<p lang=\"en\">y<br>z</p></div><hr>";
        let ps = find(page, "#a > p").expect("read");
        assert_eq!(ps.len(), 1);
        assert_eq!(&page[ps[0].outer.clone()], "<p lang=\"en\">y<br>z</p>");
        assert_eq!(&page[ps[0].inner.clone()], "y<br>z");
        assert_eq!(ps[0].attr("lang"), Some("en"));
        let hr = find(page, "hr, br").expect("read");
        assert_eq!(hr.iter().map(|f| &page[f.outer.clone()]).collect::<Vec<_>>(), ["<br>", "<hr>"]);
        assert!(hr.iter().all(|f| f.inner.is_empty()));
    }

    #[test]
    fn an_element_closed_by_another_ones_end_tag_is_an_error() {
        for (page, named) in [
            ("<div><p class=\"x\">a</div>", "an unclosed <p class=\"x\">"),
            ("<p><em>a</p></em>", "an unclosed <em>"),
            ("<div><p id=\"y\">never closed", "an unclosed <p id=\"y\">"),
        ] {
            let err = find(page, "p, em").expect_err(page).to_string();
            assert!(err.contains(named), "{page}: {err}");
        }
    }

    #[test]
    fn the_text_of_an_element_includes_its_descendants_text() {
        let page =
            "<h1><span lang=\"en\">Five <b>thousand</b> &amp; more</span></h1><span lang=\"en\">x</span>";
        assert_eq!(texts(page, "h1 span[lang=\"en\"]").expect("read"), ["Five thousand &amp; more"]);
    }

    #[test]
    fn whole_lines_are_taken_only_when_nothing_else_stands_on_them() {
        let page = "a\n  <p>x</p>\nb <i>y</i>\n";
        let p = page.find("<p>").unwrap()..page.find("</p>").unwrap() + 4;
        assert_eq!(&page[whole_lines(page, p.clone())], "  <p>x</p>\n");
        assert_eq!(cut(page, &[whole_lines(page, p)]), "a\nb <i>y</i>\n");
        let i = page.find("<i>").unwrap()..page.find("</i>").unwrap() + 4;
        assert_eq!(whole_lines(page, i.clone()), i);
        assert_eq!(indent_at(page, page.find("<p>").unwrap()), "  ");
    }
}
