//! `embed.html`: the simulator and the context chart without the page's story, headline and
//! downloads, with a one-line credit, for an iframe in a news page (`view`, a URL key, then
//! picks the panel). It is cut from the filled page, so the two can never disagree.
//!
//! And `embed.js`, the host page's loader, with the page's contract written in ([`loader`]):
//! the options a placeholder passes and the message types, from `crate::page::url`.

use super::html;
use crate::page::url;
use crate::Error;
use std::cell::Cell;

/// What the embed leaves out of the page: the story, the masthead's words, the downloads and
/// the skip link (there is nothing to skip to in a frame).
const LEFT_OUT: &str = "section.story, div.downloads, p.kicker, h1, p.dek, a.skip";

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
            // The credit, in each language, with the assumptions' sentence and link.
            let credit = crate::text::assumptions::embed_credit_html();
            el.prepend(&format!("\n  {credit}"), html::ContentType::Html);
            Ok(())
        })
        .run(&html::cut(page, &gone))?;
    match (root.get(), footer.get()) {
        (true, true) => Ok(s),
        (false, _) => Err(Error::Invalid("the page has no <html> for the embed to mark".into())),
        (_, false) => Err(Error::Invalid("the page has no footer.colophon for the embed's credit".into())),
    }
}

/// Where `www/embed.js` holds the page's contract until the build writes it in.
pub const CONTRACT_MARK: &str = "/* helong:contract */ { options: [], height: '', event: '' }";

/// `embed.js` with the page's contract in place of [`CONTRACT_MARK`]: `options`, every
/// presentation key ([`url::SETTINGS`]: each is a `data-<key>` of the placeholder), and the
/// message types `height` and `event` ([`url::MESSAGES`]). A loader without the mark stops
/// the build.
pub fn loader(js: &str) -> Result<String, Error> {
    if js.matches(CONTRACT_MARK).count() != 1 {
        return Err(Error::Invalid(format!(
            "embed.js must hold `{CONTRACT_MARK}` once, for the page's contract"
        )));
    }
    let list =
        |xs: &mut dyn Iterator<Item = &str>| xs.map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(",");
    let options = list(&mut url::SETTINGS.iter().map(|s| s.key));
    let messages = list(&mut url::MESSAGES.iter().flat_map(|(k, v)| [*k, *v]));
    // As JSON: {"options":[…],"height":"helong:height","event":"helong:event"}.
    let pairs: Vec<&str> = messages.split(',').collect();
    let messages = pairs.chunks(2).map(|kv| kv.join(":")).collect::<Vec<_>>().join(",");
    let contract = format!("/* helong:contract */ {{\"options\":[{options}],{messages}}}");
    Ok(js.replacen(CONTRACT_MARK, &contract, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    #[test]
    fn the_loader_passes_every_option_the_page_reads_and_names_its_messages_from_the_one_list() {
        let js = loader(include_str!("../../www/embed.js")).expect("the loader has its mark");
        let line = js.lines().find(|l| l.contains("/* helong:contract */")).expect("the contract");
        for st in &url::SETTINGS {
            assert!(line.contains(&format!("\"{}\"", st.key)), "{} is not passed: {line}", st.key);
        }
        assert!(line.contains(r#""height":"helong:height","event":"helong:event"}"#), "{line}");
        // No second list of options or message types in the loader's source, nor in the
        // frame's (www/frame.js reads them from <html data-messages>, page_contract).
        for (file, src) in [
            ("www/embed.js", include_str!("../../www/embed.js")),
            ("www/frame.js", include_str!("../../www/frame.js")),
        ] {
            for copy in [
                "'helong:height'",
                "\"helong:height\"",
                "'helong:event'",
                "\"helong:event\"",
                "['view', 'lang'",
            ] {
                assert!(!src.contains(copy), "{file} keeps a copy: {copy}");
            }
        }
        let err = loader("(function () {})();").expect_err("no mark").to_string();
        assert!(err.contains("helong:contract"), "{err}");
    }

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
        let credit = crate::text::assumptions::embed_credit_html();
        assert_eq!(
            e,
            format!("<html lang=\"en\" data-embed=\"\">\n<body>\n<main>\n\n  <section id=\"s\">sim </section>\n</main>\n<footer class=\"colophon\">\n  {credit}\n  <p>stamp</p>\n</footer>\n</body>\n</html>\n")
        );
        let err = embed("<html><p>no footer</p></html>").expect_err("no footer").to_string();
        assert!(err.contains("footer.colophon"), "{err}");
    }
}
