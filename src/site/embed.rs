//! `embed.html`: the simulator and the context chart without the page's story, headline and
//! downloads, with a one-line credit, for an iframe in a news page (`view`, a URL key, then
//! picks the panel). It is cut from the filled page, so the two can never disagree.

use super::html;
use crate::Error;
use std::cell::Cell;

/// What the embed leaves out of the page: the story, the masthead's words, the downloads and
/// the skip link (there is nothing to skip to in a frame).
const LEFT_OUT: &str = "section.story, div.downloads, p.kicker, h1, p.dek, a.skip";

/// The credit the embed carries in its footer, in each language.
const CREDIT: &str = "<p class=\"embed-credit\"><span lang=\"zh-Hans\">数据：中国吉林网 / 吉刻APP（记者王昕、李易书）。假设可调，仅供示意。</span><span lang=\"zh-Hant\" hidden>數據：中國吉林網 / 吉刻APP（記者王昕、李易書）。假設可調，僅供示意。</span><span lang=\"en\" hidden>Data: China Jilin Net / Jike app (reporters Wang Xin, Li Yishu). Assumptions are adjustable and illustrative.</span></p>";

/// `embed.html` from the filled page: each element [`LEFT_OUT`] goes with the lines it stands
/// on, `<html>` is marked `data-embed`, and the footer opens with the credit. A page without
/// `<html>` or a `footer.colophon` stops the build.
pub fn embed(page: &str) -> Result<String, Error> {
    let gone: Vec<_> =
        html::find(page, LEFT_OUT)?.into_iter().map(|f| html::whole_lines(page, f.outer)).collect();
    let (root, footer) = (Cell::new(false), Cell::new(false));
    let s = html::Rewrite::new()
        .on("html", |el| {
            root.set(true);
            html::set_attr(el, "data-embed", "")
        })
        .on("footer.colophon", |el| {
            footer.set(true);
            el.prepend(&format!("\n  {CREDIT}"), html::ContentType::Html);
            Ok(())
        })
        .run(&html::cut(page, &gone))?;
    match (root.get(), footer.get()) {
        (true, true) => Ok(s),
        (false, _) => Err(Error::Invalid("the page has no <html> for the embed to mark".into())),
        (_, false) => Err(Error::Invalid("the page has no footer.colophon for the embed's credit".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    #[test]
    fn the_embed_keeps_the_simulator_and_drops_the_story() {
        let page = include_str!("../../www/index.html");
        let e = embed(&super::super::page(page, &simulate(""), "").expect("pre-rendered")).expect("cut");
        assert!(e.contains("id=\"simulator\"") && e.contains("id=\"panel-context\""));
        assert!(!e.contains("class=\"story\"") && !e.contains("<h1>") && !e.contains("class=\"downloads\""));
        assert!(e.contains("data-embed") && e.contains("embed-credit"));
        assert!(e.contains("data-lang=\"en\""), "the language switch stays");
        assert_eq!(e.matches("<section").count(), e.matches("</section>").count());
    }

    #[test]
    fn what_the_embed_leaves_out_goes_with_its_lines_and_nothing_else_moves() {
        let page = "<html lang=\"en\">\n<body>\n<a class=\"skip\" href=\"#s\">skip</a>\n<main>\n  <section class=\"story\">\n    <p>story</p>\n  </section>\n\n  <section id=\"s\">sim <h1>inline</h1></section>\n</main>\n<footer class=\"colophon\">\n  <p>stamp</p>\n</footer>\n</body>\n</html>\n";
        let e = embed(page).expect("cut");
        assert_eq!(
            e,
            format!("<html lang=\"en\" data-embed=\"\">\n<body>\n<main>\n\n  <section id=\"s\">sim </section>\n</main>\n<footer class=\"colophon\">\n  {CREDIT}\n  <p>stamp</p>\n</footer>\n</body>\n</html>\n")
        );
        let err = embed("<html><p>no footer</p></html>").expect_err("no footer").to_string();
        assert!(err.contains("footer.colophon"), "{err}");
    }
}
