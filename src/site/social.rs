//! What a pasted link shows (native only; `helong prerender`): a 1200 × 630 share card per
//! language — the page's headline over the reported allocation chart, drawn by the
//! same chart function as the page, with the source line — and the Open Graph / Twitter tags
//! that point at it.
//!
//! The words come from the page itself (its `<h1>`, kicker, dek and the chart's `<h3>`, in
//! each language) and the source line from [`text::stamp`], so the card says what the page
//! says. The image URL must be absolute for the sites that read these tags, so it is built
//! from `SITE_URL` (`make dist SITE_URL=https://…/`); without it the page carries no
//! `og:image`, `og:url` or canonical link (see [`head_tags`]).

use super::html::{self, escape};
use crate::charts::{self, Chart, Style};
use crate::i18n::Lang;
use crate::model::{simulate, Outcome, Scenario};
use crate::page::url::{self, Presentation};
use crate::{png, text, Error};

/// Size of a share card in pixels (the 1.91 : 1 that Open Graph and X's large card use).
pub const CARD_W: u32 = 1200;
pub const CARD_H: u32 = 630;
/// The chart on the card: the reported allocation, households by kind of enterprise (long
/// bars read at thumbnail size; the benefit chart's ranges are too fine to).
pub const CARD_CHART: Chart = Chart::Allocation;
/// Largest card in bytes (share sites fetch it on every paste; WeChat and X are quickest
/// with small images).
pub const CARD_MAX_BYTES: usize = 80 * 1024;
/// The slot in `www/index.html`'s `<head>` that [`tags`] fill (`<template data-fill="share-tags">`).
pub const SLOT: &str = "share-tags";

/// File name of the share card of one language, in `dist/` (before `build-dist.mjs` hashes it).
pub fn card_file(lang: Lang) -> String {
    format!("social/card.{}.png", lang.tag())
}

/// The Open Graph locale of a language (`og:locale` takes language_TERRITORY).
pub fn og_locale(lang: Lang) -> &'static str {
    lang.pick("zh_CN", "zh_TW", "en_US")
}

/// The words of the page the card and the tags use, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct PageWords {
    pub kicker: String,
    pub headline: String,
    pub dek: String,
    pub chart_title: String,
}

/// Where the page keeps each of its words, as selectors of the element that holds a
/// `<span lang>` per language: the kicker, the headline, the dek and the card chart's title.
fn word_selectors() -> [(&'static str, String); 4] {
    [
        ("kicker", "p.kicker".to_string()),
        ("headline", "h1".to_string()),
        ("dek", "p.dek".to_string()),
        ("chart title", format!("h3#h-{}", CARD_CHART.name())),
    ]
}

/// The text of the first `<span lang="…">` of `lang` inside the first element `holder`
/// selects, its white space collapsed.
fn span_text(html: &str, (what, holder): &(&str, String), lang: Lang) -> Result<String, Error> {
    let selector = format!("{holder} span[lang=\"{}\"]", lang.tag());
    let text = html::texts(html, &selector)?.into_iter().next().map(|t| html::unescape(&t));
    let text = text.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    if text.is_empty() {
        return Err(Error::Invalid(format!(
            "the page has no {what} ({selector}) in {} for the share card",
            lang.tag()
        )));
    }
    Ok(text)
}

impl PageWords {
    /// The words of `page` (the source `www/index.html` or a pre-rendered page) in `lang`.
    pub fn read(page: &str, lang: Lang) -> Result<PageWords, Error> {
        let [kicker, headline, dek, chart_title] = word_selectors();
        Ok(PageWords {
            kicker: span_text(page, &kicker, lang)?,
            headline: span_text(page, &headline, lang)?,
            dek: span_text(page, &dek, lang)?,
            chart_title: span_text(page, &chart_title, lang)?,
        })
    }
}

/// The card's layout, in pixels.
const PAD: i32 = 56;
const KICKER_PX: f64 = 24.0;
const HEADLINE_PX: f64 = 46.0;
const TITLE_PX: f64 = 26.0;
const SOURCE_PX: f64 = 19.0;
/// The chart is drawn as on a screen of this device-pixel ratio, so its labels stay legible
/// when the card is shown at phone size.
const CHART_PIXEL_RATIO: f64 = 1.55;

/// A line of text in the card's SVG.
fn svg_text(x: i32, y: i32, px: f64, fill: &str, bold: bool, s: &str) -> String {
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{px}\"{} fill=\"{fill}\">{}</text>\n",
        if bold { " font-weight=\"bold\"" } else { "" },
        escape(s)
    )
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The share card of `out` in `lang` as an SVG: kicker, headline (up to two lines), the
/// chart's title, the chart, and the source line.
pub fn card_svg(out: &Outcome, words: &PageWords, lang: Lang) -> Result<String, Error> {
    let st = Style { lang, dark: false, pixel_ratio: 1.0, ..Style::default() };
    let (ink, muted, accent) = (hex(st.ink()), hex(st.muted()), hex(st.accent()));
    let width = CARD_W as i32 - 2 * PAD;
    // Bold text is a little wider than the estimate: wrap to 94% of the width.
    let mut lines = charts::wrap(&words.headline, HEADLINE_PX, width * 94 / 100, &st);
    if lines.len() > 2 {
        return Err(Error::Invalid(format!(
            "the headline is too long for the share card ({} lines at {HEADLINE_PX}px): {}",
            lines.len(),
            words.headline
        )));
    }
    let source = text::stamp(out, lang).get(1).cloned().unwrap_or_default();
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_W}\" height=\"{CARD_H}\" viewBox=\"0 0 {CARD_W} {CARD_H}\">\n\
<rect width=\"{CARD_W}\" height=\"{CARD_H}\" fill=\"{}\"/>\n<rect width=\"{CARD_W}\" height=\"10\" fill=\"{accent}\"/>\n",
        hex(st.background())
    );
    let mut y = 64;
    s += &svg_text(PAD, y, KICKER_PX, &accent, true, &words.kicker);
    y += 14;
    for line in lines.drain(..) {
        y += 56;
        s += &svg_text(PAD, y, HEADLINE_PX, &ink, true, &line);
    }
    y += 50;
    s += &svg_text(PAD, y, TITLE_PX, &muted, false, &words.chart_title);
    y += 12;
    let foot = CARD_H as i32 - 58;
    let (cx, cw, ch) = (PAD - 12, width + 24, foot - 14 - y);
    let chart_style = Style { lang, dark: false, pixel_ratio: CHART_PIXEL_RATIO, ..Style::default() };
    let chart = charts::render_svg(CARD_CHART, out, &chart_style, cw as u32, ch as u32)?;
    let at = chart.find("<svg").ok_or_else(|| Error::Draw("the chart's SVG has no <svg>".into()))?;
    s += &format!("<svg x=\"{cx}\" y=\"{y}\"{}\n", &chart[at + 4..]);
    s += &format!(
        "<rect x=\"{PAD}\" y=\"{foot}\" width=\"{width}\" height=\"2\" fill=\"{}\"/>\n",
        hex(st.grid())
    );
    for (i, line) in charts::wrap(&source, SOURCE_PX, width, &st).iter().take(2).enumerate() {
        s += &svg_text(PAD, foot + 32 + 24 * i as i32, SOURCE_PX, &muted, false, line);
    }
    s += "</svg>\n";
    Ok(s)
}

/// The share card as a PNG. Its flat colours and grey anti-aliasing fit in a palette of 256,
/// which [`png::encode_lossless`] then uses (about 25 KB a card; with more colours it would
/// be RGB, and [`cards`] fails the build if a card grows past [`CARD_MAX_BYTES`]).
pub fn card_png(out: &Outcome, words: &PageWords, lang: Lang) -> Result<Vec<u8>, Error> {
    let svg = card_svg(out, words, lang)?;
    let pixmap = png::rasterise(&svg, lang, 1.0)?;
    png::encode_lossless(&pixmap, png::CSS_PPI)
}

/// `SITE_URL` checked and normalised: `http(s)://host/path/` with a closing slash, no query
/// or fragment, nothing that needs escaping in an attribute.
pub fn site_url(raw: &str) -> Result<String, Error> {
    let bad =
        |why: &str| Error::Invalid(format!("SITE_URL {raw:?} {why}; e.g. https://news.example/helong/"));
    let s = raw.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| bad("must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(bad("has no host"));
    }
    if s.contains(['?', '#']) {
        return Err(bad("must not have a query or fragment"));
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\'' | '\\' | '`'))
    {
        return Err(bad("has characters a URL cannot hold"));
    }
    Ok(if s.ends_with('/') { s.to_string() } else { format!("{s}/") })
}

/// The `<head>` tags of the page in `lang` (the language `index.html` is served in):
/// title, description and locale for every share site, the large card for X; with a site
/// URL also the canonical link, `og:url`, the card image with its size and alt text, and the
/// other languages as `hreflang` alternates (`?lang=` is the page's URL key).
///
/// Without a site URL the image, URL and canonical link are left out, not written relative:
/// Open Graph requires absolute URLs, and Facebook, X, LinkedIn and Telegram either ignore a
/// relative `og:image` or resolve it against the wrong place.
pub fn head_tags(words: &PageWords, lang: Lang, site: Option<&str>) -> String {
    let meta = |attr: &str, key: &str, value: &str| {
        format!("<meta {attr}=\"{key}\" content=\"{}\">\n", escape(value))
    };
    let og = |key: &str, value: &str| meta("property", key, value);
    let mut s = String::new();
    s += &og("og:type", "article");
    s += &og("og:title", &words.headline);
    s += &og("og:description", &words.dek);
    s += &og("og:locale", og_locale(lang));
    for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
        s += &og("og:locale:alternate", og_locale(other));
    }
    s += &meta("name", "twitter:card", "summary_large_image");
    if let Some(site) = site {
        let alt = format!("{} — {}", words.headline, words.chart_title);
        s = format!("<link rel=\"canonical\" href=\"{}\">\n{s}", escape(site));
        for l in Lang::ALL {
            // The page's own link to itself in that language (the codec owns the URL keys).
            let p = Presentation { lang: l, ..Presentation::default() };
            let query = url::serialize_with(&Scenario::default(), &p, &[]);
            let href = if query.is_empty() { site.to_string() } else { format!("{site}?{query}") };
            s += &format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n", l.tag(), escape(&href));
        }
        s += &format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n", escape(site));
        s += &og("og:url", site);
        s += &og("og:image", &format!("{site}{}", card_file(lang)));
        s += &og("og:image:type", "image/png");
        s += &og("og:image:width", &CARD_W.to_string());
        s += &og("og:image:height", &CARD_H.to_string());
        s += &og("og:image:alt", &alt);
        s += &meta("name", "twitter:image:alt", &alt);
    }
    s
}

/// The share tags of `page` (the source `www/index.html`) for `index.html`, served in
/// Simplified Chinese ([`head_tags`]), with `site` the checked `SITE_URL` if there is one.
pub fn tags(page: &str, site: Option<&str>) -> Result<String, Error> {
    let lang = Lang::ZhHans;
    Ok(head_tags(&PageWords::read(page, lang)?, lang, site))
}

/// The share cards of every language for the reported scenario, with the words of `page`
/// (the source `www/index.html`, which holds them in every language): the PNGs to write
/// beside the site's other files, as (file name, bytes). A card over [`CARD_MAX_BYTES`] stops
/// the build.
pub fn cards(page: &str) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let out = simulate("");
    let mut cards = Vec::new();
    for lang in Lang::ALL {
        let words = PageWords::read(page, lang)?;
        let png = card_png(&out, &words, lang)?;
        if png.len() > CARD_MAX_BYTES {
            return Err(Error::Draw(format!(
                "the {} share card is {} bytes, over the budget of {CARD_MAX_BYTES}",
                lang.tag(),
                png.len()
            )));
        }
        cards.push((card_file(lang), png));
    }
    Ok(cards)
}
