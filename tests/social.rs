//! Share cards, share tags and PNG charts from the command line (native only).

use helong::charts::{self, Chart, Style};
use helong::i18n::Lang;
use helong::model::simulate;
use helong::site::social::{self, PageWords, CARD_H, CARD_MAX_BYTES, CARD_W};
use helong::{png, text};
use std::process::Command;

const PAGE: &str = include_str!("../www/index.html");
const SITE: &str = "https://news.example/helong/";

/// Width, height and pixels per metre (pHYs) of a PNG; panics if it is not one.
fn png_info(bytes: &[u8]) -> (u32, u32, Option<u32>) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().expect("a readable PNG");
    let info = reader.info();
    (info.width, info.height, info.pixel_dims.map(|d| d.xppu))
}

/// The RGBA pixels of a PNG.
fn png_pixels(bytes: &[u8]) -> Vec<u8> {
    let mut decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(::png::Transformations::EXPAND | ::png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("a readable PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(frame.buffer_size());
    buf
}

/// `name="…"` / `property="…"` → `content` of every `<meta>`, and `rel` → `href` of every
/// `<link>`, in order, from a piece of HTML (attribute values are double-quoted, as ours are).
fn head_tags(html: &str) -> Vec<(String, String)> {
    let attr = |tag: &str, name: &str| {
        let key = format!(" {name}=\"");
        tag.find(&key).map(|i| {
            let v = &tag[i + key.len()..];
            v[..v.find('"').expect("a closing quote")].replace("&quot;", "\"").replace("&amp;", "&")
        })
    };
    let mut out = Vec::new();
    for (i, _) in html.match_indices('<') {
        let tag = &html[i..i + html[i..].find('>').expect("a closing >") + 1];
        if tag.starts_with("<meta ") {
            if let (Some(k), Some(v)) = (attr(tag, "property").or(attr(tag, "name")), attr(tag, "content")) {
                out.push((k, v));
            }
        } else if tag.starts_with("<link ") {
            let rel = attr(tag, "rel").expect("rel");
            let rel = match attr(tag, "hreflang") {
                Some(h) => format!("{rel} {h}"),
                None => rel,
            };
            out.push((rel, attr(tag, "href").expect("href")));
        }
    }
    out
}

fn one<'a>(tags: &'a [(String, String)], key: &str) -> Option<&'a str> {
    let all: Vec<&str> = tags.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect();
    assert!(all.len() <= 1, "{key} appears {} times", all.len());
    all.first().copied()
}

fn built_index(site: Option<&str>) -> (String, Vec<(String, Vec<u8>)>) {
    let files = helong::site::site(PAGE, site).expect("site");
    let cards = social::cards(PAGE).expect("share cards");
    let index = files.into_iter().find(|(n, _)| n == "index.html").expect("index.html").1;
    (index, cards)
}

#[test]
fn every_language_gets_a_1200_by_630_share_card_under_80_kb() {
    let (_, cards) = built_index(None);
    let names: Vec<&str> = cards.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["social/card.zh-Hans.png", "social/card.zh-Hant.png", "social/card.en.png"]);
    for (name, bytes) in &cards {
        let (w, h, _) = png_info(bytes);
        assert_eq!((w, h), (CARD_W, CARD_H), "{name}");
        assert!(bytes.len() <= CARD_MAX_BYTES, "{name}: {} bytes", bytes.len());
        eprintln!("{name}: {} bytes", bytes.len());
    }
    assert_ne!(cards[0].1, cards[1].1, "Simplified and Traditional cards differ");
}

#[test]
fn the_card_says_the_page_headline_over_the_allocation_chart_and_credits_the_article() {
    let out = simulate("");
    for lang in Lang::ALL {
        let words = PageWords::read(PAGE, lang).expect("words");
        let svg = social::card_svg(&out, &words, lang).expect("card");
        let texts = png::svg_text(&svg);
        // The headline is the page's <h1> in that language, wrapped but whole.
        let h1 = PAGE.split("<h1>").nth(1).unwrap();
        assert!(h1.contains(&format!(">{}</span>", words.headline)), "{lang:?}: {}", words.headline);
        let flat: String = texts.split_whitespace().collect();
        let want: String = words.headline.split_whitespace().collect();
        assert!(flat.contains(&want), "{lang:?}: headline on the card");
        assert!(texts.contains(&words.chart_title) && texts.contains(&words.kicker));
        // The source line of the page's downloads.
        let source = &text::stamp(&out, lang)[1];
        assert!(flat.contains(&source.split_whitespace().collect::<String>()), "{lang:?}: {source}");
        // The chart is the allocation chart as the page draws it: its category names and
        // the reported households, e.g. 1,859 livestock households.
        let households = helong::i18n::count(1859.0, lang);
        assert!(texts.contains(&households), "{lang:?}: {households}");
    }
    let en = PageWords::read(PAGE, Lang::En).unwrap();
    assert!(en.headline.starts_with("Five thousand yuan a household"), "{}", en.headline);
}

#[test]
fn every_character_on_the_cards_has_a_glyph_in_the_font_and_a_missing_one_fails() {
    let out = simulate("");
    for lang in Lang::ALL {
        let words = PageWords::read(PAGE, lang).unwrap();
        let svg = social::card_svg(&out, &words, lang).unwrap();
        png::check_glyphs(&png::svg_text(&svg), lang).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
    }
    // An Egyptian hieroglyph is in no CJK font: the check names it instead of drawing tofu.
    let err = png::check_glyphs("和龙 𓀀", Lang::ZhHans).expect_err("no glyph").to_string();
    assert!(err.contains('𓀀') && !err.contains('和'), "{err}");
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>𓀀</text></svg>";
    assert!(png::rasterise(svg, Lang::En, 1.0).is_err());
}

#[test]
fn with_a_site_url_the_page_has_absolute_open_graph_and_twitter_tags() {
    let (index, _) = built_index(Some("https://news.example/helong"));
    let head = &index[..index.find("</head>").unwrap()];
    let tags = head_tags(head);
    let words = PageWords::read(PAGE, Lang::ZhHans).unwrap();
    assert_eq!(one(&tags, "canonical"), Some(SITE));
    assert_eq!(one(&tags, "og:url"), Some(SITE));
    assert_eq!(one(&tags, "og:type"), Some("article"));
    assert_eq!(one(&tags, "og:title"), Some(words.headline.as_str()));
    assert_eq!(one(&tags, "og:description"), Some(words.dek.as_str()));
    assert_eq!(one(&tags, "og:image"), Some("https://news.example/helong/social/card.zh-Hans.png"));
    assert_eq!(one(&tags, "og:image:width"), Some("1200"));
    assert_eq!(one(&tags, "og:image:height"), Some("630"));
    assert_eq!(one(&tags, "og:image:type"), Some("image/png"));
    let alt = one(&tags, "og:image:alt").expect("alt");
    assert!(alt.contains(&words.headline) && alt.contains(&words.chart_title), "{alt}");
    assert_eq!(one(&tags, "og:locale"), Some("zh_CN"));
    let alternates: Vec<&str> =
        tags.iter().filter(|(k, _)| k == "og:locale:alternate").map(|(_, v)| v.as_str()).collect();
    assert_eq!(alternates, ["zh_TW", "en_US"]);
    assert_eq!(one(&tags, "twitter:card"), Some("summary_large_image"));
    assert_eq!(one(&tags, "alternate en"), Some("https://news.example/helong/?lang=en"));
    assert_eq!(one(&tags, "alternate zh-Hans"), Some(SITE));
    // The slot is gone from every page, and the embed (shown inside other pages) has no tags.
    let files = helong::site::site(PAGE, Some(SITE)).unwrap();
    for (name, html) in &files {
        assert!(!html.contains(social::SLOT), "{name}");
    }
    let embed = &files.iter().find(|(n, _)| n == "embed.html").unwrap().1;
    assert!(!embed.contains("og:"), "embed.html has no share tags");
}

#[test]
fn without_a_site_url_the_page_leaves_out_image_url_and_canonical_link() {
    let (index, cards) = built_index(None);
    let tags = head_tags(&index[..index.find("</head>").unwrap()]);
    for key in ["og:image", "og:image:alt", "og:url", "canonical", "twitter:image:alt", "alternate en"] {
        assert_eq!(one(&tags, key), None, "{key}");
    }
    assert!(!index.contains("social/card"), "no relative image URL either");
    assert_eq!(one(&tags, "twitter:card"), Some("summary_large_image"));
    assert!(one(&tags, "og:title").is_some() && one(&tags, "og:locale") == Some("zh_CN"));
    assert_eq!(cards.len(), 3, "the cards are drawn all the same");
    // An empty SITE_URL (make dist without one) is the same as none.
    assert_eq!(built_index(Some("  ")).0, index);
}

#[test]
fn a_bad_site_url_is_refused_with_a_message() {
    for (raw, why) in [
        ("news.example/helong", "https://"),
        ("ftp://news.example/", "https://"),
        ("https://", "no host"),
        ("https:///helong", "no host"),
        ("https://news.example/?a=1", "query"),
        ("https://news.example/a b/", "characters"),
        ("https://news.example/\"><script>", "characters"),
    ] {
        let err = social::site_url(raw).expect_err(raw).to_string();
        assert!(err.contains(why) && err.contains("SITE_URL"), "{raw}: {err}");
    }
    assert_eq!(social::site_url("https://news.example").unwrap(), "https://news.example/");
    assert_eq!(social::site_url("http://127.0.0.1:8080/x/").unwrap(), "http://127.0.0.1:8080/x/");
    let err = helong::site::site(PAGE, Some("example.org")).expect_err("no scheme").to_string();
    assert!(err.contains("SITE_URL"), "{err}");
}

#[test]
fn a_page_without_the_share_slot_fails_the_build() {
    let slot = format!("<template data-fill=\"{}\"></template>", social::SLOT);
    let without = PAGE.replacen(&slot, "", 1);
    assert_ne!(without, PAGE, "the page has the slot");
    let err = helong::site::page(&without, &simulate(""), "<meta>").expect_err("no slot").to_string();
    assert!(err.contains(social::SLOT), "{err}");
    let page = "<p class=\"kicker\"><span lang=\"en\">k</span></p><h1><span lang=\"zh-Hans\">x</span></h1>";
    let err = PageWords::read(page, Lang::En).expect_err("no span").to_string();
    assert!(err.contains("headline") && err.contains("h1 span[lang=\"en\"]"), "{err}");
}

fn helong_cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_helong")).args(args).output().expect("run the CLI");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn tmp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("helong-social-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn render_format_png_draws_the_same_chart_as_the_svg_at_the_scale_asked_for() {
    let q = "grant=10000&mix=1,1,1,1,1";
    let (svg_path, png1, png3) = (tmp("b.svg"), tmp("b1.png"), tmp("b3.png"));
    let base = ["render", "--chart", "benefit", q, "--lang", "en"];
    let run = |extra: &[&str]| helong_cli(&[&base[..], extra].concat());
    assert_eq!(run(&["--out", &svg_path]).0, 0);
    assert_eq!(run(&["--out", &png1, "--format", "png", "--scale", "1"]).0, 0);
    let (code, err) = run(&["--out", &png3, "--scale", "3"]);
    assert_eq!(code, 0, "{err}");
    let (b1, b3) = (std::fs::read(&png1).unwrap(), std::fs::read(&png3).unwrap());
    // Dimensions follow --scale; the resolution says how large to print it (96 dpi × scale).
    let ppm = |dpi: f64| f64::round(dpi / 0.0254) as u32;
    assert_eq!(png_info(&b1), (720, 360, Some(ppm(96.0))));
    assert_eq!(png_info(&b3), (2160, 1080, Some(ppm(288.0))));
    // Pixel for pixel the SVG the CLI writes, rasterised: the same chart of the same query.
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let want = png::rasterise(&svg, Lang::En, 1.0).unwrap();
    let want: Vec<u8> = want
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    assert!(png_pixels(&b1) == want, "the PNG is the SVG rasterised");
    // A different scenario draws a different chart.
    let other = tmp("other.png");
    let (code, _) =
        helong_cli(&["render", "--chart", "benefit", "", "--lang", "en", "--out", &other, "--scale", "1"]);
    assert_eq!(code, 0);
    assert!(png_pixels(&std::fs::read(&other).unwrap()) != want);
    // The default scale is the page download's 2.
    let png2 = tmp("b2.png");
    assert_eq!(run(&["--out", &png2]).0, 0);
    assert_eq!(png_info(&std::fs::read(&png2).unwrap()).0, 1440);
}

#[test]
fn render_refuses_a_bad_format_or_scale_with_exit_code_2() {
    let out_png = tmp("bad.png");
    let out_svg = tmp("bad.svg");
    for (args, why) in [
        (vec!["--out", out_svg.as_str(), "--format", "png"], "must name a .png file"),
        (vec!["--out", out_png.as_str(), "--format", "svg"], "must name a .svg file"),
        (vec!["--out", out_png.as_str(), "--format", "gif"], "unknown format"),
        (vec!["--out", out_svg.as_str(), "--scale", "2"], "--scale is for --format png"),
        (vec!["--out", out_png.as_str(), "--scale", "0"], "(--scale) must be from 0.5 to 8"),
        (vec!["--out", out_png.as_str(), "--scale", "NaN"], "--scale must be a number"),
        (vec!["--out", out_png.as_str(), "--scale", "two"], "--scale must be a number"),
        (vec!["--out", out_png.as_str(), "--scale", "8", "--width", "4000"], "at most 16000"),
    ] {
        let (code, err) = helong_cli(&[&["render", "--chart", "allocation", ""][..], &args].concat());
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(why), "{args:?}: {err}");
    }
    assert!(!std::path::Path::new(&out_png).exists(), "nothing written on bad input");
}

#[test]
fn every_chart_rasterises_in_every_language_with_real_glyphs() {
    let out = simulate("grant=10000");
    for lang in Lang::ALL {
        for chart in Chart::ALL {
            let style = Style { lang, dark: true, pixel_ratio: 1.0, ..Style::default() };
            let svg = charts::render_svg(chart, &out, &style, 390, 300).unwrap();
            let png = png::svg_to_png(&svg, lang, 1.0).unwrap_or_else(|e| panic!("{chart:?} {lang:?}: {e}"));
            assert_eq!(png_info(&png).0, 390);
        }
    }
}
