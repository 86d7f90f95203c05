//! The charts, drawn as SVG natively with the same code the page draws on canvas.
//!
//! Snapshots (tests/snapshots/charts__*.snap) are whole SVGs of seeded simulations; review a
//! change with `cargo insta review`, or accept it with `INSTA_UPDATE=always cargo test --test
//! charts` after looking at the rendered charts.

use helong::charts::{self, render_svg, render_svg_pinned, render_svg_stamped, Chart, PinMark, Style};
use helong::i18n::Lang;
use helong::model::{simulate, Category, Outcome};

/// The charts kept as whole-SVG snapshots. The allocation chart has none; it is drawn and
/// checked with the others, over `Chart::ALL`, by the size, label and language tests below.
const CHARTS: [Chart; 3] = [Chart::Benefit, Chart::Outcomes, Chart::Context];

/// Scenarios every chart must survive: the report, nobody funded, one category only, the
/// widest uncertainty, the household cap.
const SCENARIOS: [&str; 5] =
    ["", "budget=0", "mix=0,1,0,0,0", "fail=0.9&sigma=1.5", "budget=50000000&grant=500"];

fn style(lang: Lang, dark: bool, scale: f64) -> Style {
    Style { lang, dark, pixel_ratio: scale, ..Style::default() }
}

fn svg(chart: Chart, out: &Outcome, st: Style, w: u32, h: u32) -> String {
    render_svg(chart, out, &st, w, h).unwrap_or_else(|e| panic!("{} {:?}: {e}", chart.name(), out.query))
}

/// A chart with the pinned scenarios marked, in the default style.
fn svg_pinned(chart: Chart, out: &Outcome, pins: &[PinMark], w: u32, h: u32) -> String {
    render_svg_pinned(chart, out, pins, &Style::default(), w, h)
        .unwrap_or_else(|e| panic!("{} {:?} with {} pins: {e}", chart.name(), out.query, pins.len()))
}

/// One `<text>` element of an SVG: position, anchor, font size and content (unescaped).
#[derive(Debug, Clone)]
struct Label {
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn labels(svg: &str) -> Vec<Label> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|chunk| {
            let (tag, rest) = chunk.split_once('>')?;
            let tag = format!(" {tag}");
            let (body, _) = rest.split_once("</text>")?;
            let text = body
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            Some(Label {
                x: attr(&tag, "x")?.parse().ok()?,
                y: attr(&tag, "y")?.parse().ok()?,
                anchor: attr(&tag, "text-anchor")?,
                size: attr(&tag, "font-size")?.parse().ok()?,
                text,
            })
        })
        .collect()
}

/// The text of an SVG's labels, in order, joined by `sep`.
fn label_text(svg: &str, sep: &str) -> String {
    labels(svg).into_iter().map(|l| l.text).collect::<Vec<_>>().join(sep)
}

/// A label's box in pixels, from the same width estimate the charts lay out with: (x0, x1,
/// y0, y1). Vertical: one font size tall around the text's middle.
fn bounds(l: &Label) -> (f64, f64, f64, f64) {
    let unit = Style { pixel_ratio: 1.0, ..Style::default() };
    let w = charts::text_width(&l.text, l.size, &unit) as f64;
    let x0 = match l.anchor.as_str() {
        "end" => l.x - w,
        "middle" => l.x - w / 2.0,
        _ => l.x,
    };
    // plotters anchors: VPos::Center is written as dy=0.5ex, Top as 0.76em, Bottom as -0.5ex;
    // all the charts' labels are centred or hang from `y`, so a box of one em from y − 0.5 em
    // to y + 1 em covers either.
    (x0, x0 + w, l.y - 0.5 * l.size, l.y + 0.5 * l.size)
}

/// Each snapshotted chart of `query`'s scenario, drawn in `st` at `w` × `h`, is its snapshot
/// `<chart>_<name>`.
fn assert_snapshots(query: &str, st: Style, w: u32, h: u32, name: &str) {
    let out = simulate(query);
    for chart in CHARTS {
        let s = svg(chart, &out, st, w, h);
        insta::assert_snapshot!(format!("{}_{name}", chart.name()), s);
    }
}

#[test]
fn the_reported_scenario_draws_the_same_charts_as_the_snapshots_in_simplified_chinese() {
    assert_snapshots("", style(Lang::ZhHans, false, 1.0), 720, 300, "reported_zh_hans_light");
}

#[test]
fn the_reported_scenario_draws_the_same_charts_as_the_snapshots_in_english_dark() {
    assert_snapshots("", style(Lang::En, true, 1.0), 390, 280, "reported_en_dark_390");
}

#[test]
fn an_equal_split_of_double_grants_draws_the_same_charts_as_the_snapshots() {
    assert_snapshots(
        "grant=10000&mix=1,1,1,1,1",
        style(Lang::ZhHant, false, 1.0),
        720,
        300,
        "equal_split_double_grants_zh_hant",
    );
}

#[test]
fn every_chart_speaks_the_readers_language() {
    let out = simulate("");
    for lang in Lang::ALL {
        let text = |chart: Chart| -> String {
            label_text(&svg(chart, &out, style(lang, false, 1.0), 720, 300), "\n")
        };
        let benefit = text(Chart::Benefit);
        for cat in Category::ALL {
            assert!(benefit.contains(helong::text::kind_name(cat, lang)), "{lang:?} {}: {benefit}", cat.id());
        }
        assert!(benefit.contains(lang.pick("报道 55.93万", "報道 55.93萬", "reported 559,300")), "{benefit}");
        assert!(benefit.contains(lang.pick("合计", "合計", "Total")), "{benefit}");

        let outcomes = text(Chart::Outcomes);
        assert!(outcomes.contains(lang.pick("可能的结果", "可能的結果", "Possible outcomes")), "{outcomes}");
        assert!(outcomes.contains(lang.pick("失败", "失敗", "failed")), "{outcomes}");
        assert!(outcomes.contains(lang.pick(
            "每户收益（元）",
            "每戶收益（元）",
            "benefit per household (yuan)"
        )));

        let context = text(Chart::Context);
        assert!(context.contains(lang.pick("贫困发生率", "貧困發生率", "Poverty incidence")), "{context}");
        assert!(context.contains(lang.pick("六小工程启动", "六小工程啟動", "Six Small Projects begin")));
        assert!(context.contains(lang.pick("40个贫困村", "40個貧困村", "40 poor villages")), "{context}");
        assert!(context.contains(lang.pick("退出贫困县", "退出貧困縣", "exits poverty list")), "{context}");
    }
    assert!(labels(&svg(Chart::Benefit, &out, Style::default(), 720, 300))
        .iter()
        .any(|l| l.text == "小养殖"));
    let hant = svg(Chart::Benefit, &out, style(Lang::ZhHant, false, 1.0), 720, 300);
    assert!(hant.contains("小養殖") && !hant.contains("小养殖"));
    let en = svg(Chart::Benefit, &out, style(Lang::En, false, 1.0), 720, 300);
    assert!(en.contains("Livestock") && !en.contains("小"));
}

#[test]
fn amounts_are_written_in_wan_in_chinese_and_with_separators_in_english() {
    let out = simulate("");
    let zh = svg(Chart::Benefit, &out, Style::default(), 720, 300);
    assert!(zh.contains("40.84万") && zh.contains("55.93万"), "livestock and total in 万");
    let en = svg(Chart::Benefit, &out, style(Lang::En, false, 1.0), 720, 300);
    assert!(en.contains("408,381") && en.contains("559,300"));
}

#[test]
fn the_context_chart_shows_only_the_reported_incidences_and_years() {
    let reported_years = ["1993", "2002", "2014", "2015", "2018", "2019"];
    for lang in Lang::ALL {
        for (w, h) in [(390, 280), (1200, 400)] {
            let s = svg(Chart::Context, &simulate(""), style(lang, false, 1.0), w, h);
            let ls = labels(&s);
            assert!(ls.iter().any(|l| l.text == "22.9%"), "{lang:?}");
            assert!(ls.iter().any(|l| l.text == "0.15%"), "{lang:?}");
            for l in &ls {
                // Every year written anywhere is one the article gives.
                let digits: Vec<char> = l.text.chars().collect();
                for win in digits.windows(4) {
                    let y: String = win.iter().collect();
                    if !y.chars().all(|c| c.is_ascii_digit()) {
                        continue;
                    }
                    if let Ok(n) = y.parse::<u32>() {
                        if (1900..2100).contains(&n) {
                            assert!(
                                reported_years.contains(&y.as_str()),
                                "{lang:?}: year {y} in {:?}",
                                l.text
                            );
                        }
                    }
                }
                // Percentages: the two reported values and the round axis ticks, nothing else.
                if let Some(p) = l.text.strip_suffix('%') {
                    assert!(["22.9", "0.15", "0", "10", "20", "30"].contains(&p), "{lang:?}: {:?}", l.text);
                }
            }
            assert!(!s.contains(">\n2016") && !s.contains(">\n2017"), "no 2016 or 2017 data point");
        }
    }
}

#[test]
fn the_context_chart_is_the_same_whatever_the_scenario() {
    let a = svg(Chart::Context, &simulate(""), Style::default(), 720, 300);
    let b = svg(Chart::Context, &simulate("grant=20000&fail=0.5"), Style::default(), 720, 300);
    assert_eq!(a, b);
}

#[test]
fn the_benefit_chart_follows_the_scenario() {
    let a = svg(Chart::Benefit, &simulate(""), Style::default(), 720, 300);
    let b = svg(Chart::Benefit, &simulate("grant=20000"), Style::default(), 720, 300);
    assert_ne!(a, b);
    // The reported total stays where it is: it is the article's, not the scenario's.
    assert!(a.contains("报道 55.93万") && b.contains("报道 55.93万"));
}

#[test]
fn every_chart_draws_at_phone_and_desktop_sizes_in_every_style_and_scenario() {
    for q in SCENARIOS {
        let out = simulate(q);
        for chart in Chart::ALL {
            for (w, h) in [(390u32, 280u32), (1200, 400)] {
                for scale in [1.0, 3.0] {
                    for dark in [false, true] {
                        for lang in Lang::ALL {
                            let st = style(lang, dark, scale);
                            let (pw, ph) = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
                            let s = svg(chart, &out, st, pw, ph);
                            assert!(s.starts_with("<svg") && s.contains(&format!("width=\"{pw}\"")));
                            assert!(!labels(&s).is_empty(), "{} {q:?} draws nothing", chart.name());
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_scenario_that_funds_nobody_says_so_instead_of_drawing_empty_axes() {
    let out = simulate("budget=0");
    assert_eq!(out.households_funded, 0);
    for chart in [Chart::Benefit, Chart::Outcomes] {
        for lang in Lang::ALL {
            let text = label_text(&svg(chart, &out, style(lang, false, 1.0), 1200, 400), " ");
            assert_eq!(Some(text.as_str()), helong::text::empty_outcome(&out, lang), "{}", chart.name());
        }
    }
    // The context does not depend on the scenario.
    assert!(svg(Chart::Context, &out, Style::default(), 390, 280).contains("22.9%"));
}

#[test]
fn a_scenario_that_expects_no_benefit_says_why_instead_of_drawing_axes_of_zero_yuan() {
    // All livestock, and livestock's relative return set to 0 (the slider allows it).
    let out = simulate("mix=0,1,0,0,0&ret=1,0,1,1,1");
    assert_eq!(out.households_funded, 2546);
    assert!(out.no_expected_benefit());
    for chart in [Chart::Benefit, Chart::Outcomes] {
        for lang in Lang::ALL {
            let text = label_text(&svg(chart, &out, style(lang, false, 1.0), 720, 360), " ");
            let why = helong::text::empty_outcome(&out, lang).expect("words for the state");
            assert_eq!(text, why, "{} {lang:?}", chart.name());
        }
    }
    // The allocation still shows who was funded.
    assert!(svg(Chart::Allocation, &out, Style::default(), 720, 360).contains("2546"));
}

#[test]
fn no_label_runs_off_the_chart_or_into_another_label() {
    for q in SCENARIOS {
        let out = simulate(q);
        for chart in Chart::ALL {
            for (w, h) in [(390u32, 260u32), (390, 280), (720, 300), (1200, 400)] {
                for scale in [1.0, 3.0] {
                    for lang in Lang::ALL {
                        let (pw, ph) = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
                        let ls = labels(&svg(chart, &out, style(lang, false, scale), pw, ph));
                        let bs: Vec<_> = ls.iter().map(bounds).collect();
                        let what = format!("{} {q:?} {w}x{h} ×{scale} {lang:?}", chart.name());
                        for (l, b) in ls.iter().zip(&bs) {
                            assert!(
                                b.0 >= -0.5
                                    && b.1 <= pw as f64 + 0.5
                                    && b.2 >= -0.5
                                    && b.3 <= ph as f64 + 0.5,
                                "{what}: {:?} runs off the chart ({b:?})",
                                l.text
                            );
                        }
                        for i in 0..bs.len() {
                            for j in i + 1..bs.len() {
                                let (a, b) = (bs[i], bs[j]);
                                let overlap =
                                    a.0 < b.1 - 0.5 && b.0 < a.1 - 0.5 && a.2 < b.3 - 0.5 && b.2 < a.3 - 0.5;
                                assert!(!overlap, "{what}: {:?} overlaps {:?}", ls[i].text, ls[j].text);
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_downloaded_chart_carries_its_scenario_and_source_under_it() {
    let out = simulate("grant=20000");
    let stamp = vec![
        "https://example.org/helong/?grant=20000&lang=en".to_string(),
        "Source: Jilin news article (reporters Wang Xin, Li Yishu); model 0.1.0".to_string(),
    ];
    for chart in Chart::ALL {
        let st = style(Lang::En, false, 2.0);
        let s = render_svg_stamped(chart, &out, &st, 1440, 600, &stamp).expect("draws");
        let ls = labels(&s);
        for line in &stamp {
            let l =
                ls.iter().find(|l| &l.text == line).unwrap_or_else(|| panic!("{line:?} in {}", chart.name()));
            assert!(l.y > 600.0 - 2.0 * 2.0 * 14.0 - 20.0, "{line:?} is in the band at the bottom");
        }
        // The chart above it is drawn in full.
        assert!(ls.len() > stamp.len() + 3, "{}", chart.name());
    }
    // More lines make a taller band; a line too long for the width wraps and loses nothing.
    let long = vec!["a".repeat(10), "b ".repeat(200), "c".repeat(10)];
    let s = render_svg_stamped(Chart::Benefit, &out, &Style::default(), 390, 300, &long).expect("draws");
    let ls = labels(&s);
    let bs: String =
        ls.iter().filter(|l| l.text.starts_with('b')).map(|l| l.text.clone()).collect::<Vec<_>>().join(" ");
    assert_eq!(bs, "b ".repeat(200).trim_end());
    let top_of_band = ls.iter().filter(|l| l.text == "a".repeat(10)).map(|l| l.y).fold(f64::MAX, f64::min);
    let short =
        render_svg_stamped(Chart::Benefit, &out, &Style::default(), 390, 300, &long[..1]).expect("draws");
    let short_top =
        labels(&short).iter().filter(|l| l.text == "a".repeat(10)).map(|l| l.y).fold(f64::MAX, f64::min);
    assert!(top_of_band < short_top, "the band grows with its lines");
    // No stamp: the chart alone, the same as render_svg.
    assert_eq!(
        render_svg_stamped(Chart::Context, &out, &Style::default(), 390, 280, &[]).expect("draws"),
        render_svg(Chart::Context, &out, &Style::default(), 390, 280).expect("draws")
    );
}

#[test]
fn every_chart_has_a_name_the_page_and_the_command_line_use() {
    use std::process::Command;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("www/index.html")).expect("the page");
    let render_js = std::fs::read_to_string(root.join("www/app/render.js")).expect("the render loop");
    let cli =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_helong")).args(args).output().expect("run the CLI");
    let help = String::from_utf8(cli(&["help"]).stdout).expect("UTF-8");
    let dir = std::env::temp_dir().join(format!("helong-chart-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    // Every chart (the four of the story and the phone strip's small one): its name reads back,
    // the page has its canvas (`chart-<name>`, the id src/web.rs draws into), the render loop
    // names no chart (it draws what the build marked on the page: tests/page.rs), and the
    // command line draws it by that name.
    for chart in Chart::ALL.into_iter().chain([Chart::Total]) {
        let name = chart.name();
        assert_eq!(Chart::parse(name), Ok(chart));
        assert!(
            page.contains(&format!("<canvas id=\"chart-{name}\"")),
            "the page has no canvas#chart-{name}"
        );
        assert!(
            !render_js.contains(&format!("'{name}'")),
            "www/app/render.js names {name}: a second registry"
        );
        let out = dir.join(format!("{name}.svg"));
        let run = cli(&["render", "--chart", name, "", "--out", out.to_str().expect("a path")]);
        assert!(run.status.success(), "render --chart {name}: {}", String::from_utf8_lossy(&run.stderr));
        let svg = std::fs::read_to_string(&out).expect("the chart written");
        assert!(svg.starts_with("<svg") && svg.len() > 1000, "{name}: {} bytes", svg.len());
        if Chart::ALL.contains(&chart) {
            assert!(help.contains(name), "the command line's help names {name}: {help}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    // And the page names no chart the model cannot draw; the command line refuses one.
    for id in page.split("<canvas id=\"chart-").skip(1) {
        let name = &id[..id.find('"').expect("a closing quote")];
        assert!(Chart::parse(name).is_ok(), "the page has canvas#chart-{name}, no chart of the model");
    }
    let run = cli(&["render", "--chart", "pie", "", "--out", "pie.svg"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("pie"));
}

#[test]
fn a_chart_whose_drawing_changes_always_gets_a_new_fingerprint_so_the_page_never_skips_a_redraw() {
    // Each query moves one input (or the language) away from the report; the page redraws a
    // chart only when its fingerprint changes, so two outcomes with one fingerprint must draw
    // the same chart, at phone and desktop size.
    let queries = [
        "",
        "cy=100",
        "cyarea=10&cyyield=3",
        "grant=10000",
        "budget=5000000",
        "mix=1,1,1,1,1",
        "mix=480,1859,96,89,23",
        "fail=0.3",
        "sigma=1",
        "scale=1.2",
        "grant=10000&scale=1.2",
        "ret=2,1,1,1,1",
        "trials=500",
        "seed=7",
        "budget=1000",
        "lang=en",
        "lang=zh-Hant",
        "lang=en&cy=5",
    ];
    let mut shared = 0;
    for chart in Chart::ALL.into_iter().chain([Chart::Total]) {
        let mut seen: Vec<(u64, Vec<String>, &str)> = Vec::new();
        for q in queries {
            let lang = helong::page::url::parse(q).presentation.lang;
            let out = simulate(q);
            let drawn: Vec<String> = [(720, 300), (390, 120)]
                .iter()
                .map(|&(w, h)| svg(chart, &out, style(lang, false, 1.0), w, h))
                .collect();
            let fp = chart.fingerprint(&out, lang);
            for (f, before, q0) in &seen {
                if *f == fp {
                    shared += 1;
                    assert!(
                        before == &drawn,
                        "{}: {q0:?} and {q:?} share a fingerprint but draw differently",
                        chart.name()
                    );
                }
            }
            seen.push((fp, drawn, q));
        }
    }
    // Not vacuous: courtyards, for one, leave every scenario chart as it was.
    assert!(shared >= 4, "only {shared} pairs of scenarios shared a fingerprint");
}

#[test]
fn the_phone_strips_households_picture_names_every_kind_with_its_count_and_follows_the_grant() {
    let draw = |q: &str| {
        let out = simulate(q);
        let mut buf = String::new();
        {
            use plotters::prelude::IntoDrawingArea;
            let root = plotters::prelude::SVGBackend::with_string(&mut buf, (360, 84)).into_drawing_area();
            helong::charts::allocation::draw_strip(&root, &out, &style(Lang::En, false, 1.0)).expect("drawn");
        }
        (out, buf)
    };
    let (out, reported) = draw("");
    let texts: Vec<String> = labels(&reported).into_iter().map(|l| l.text).collect();
    for (c, kind) in out.categories.iter().zip(helong::model::Category::ALL) {
        assert!(texts.contains(&helong::text::kind_name(kind, Lang::En).to_string()), "{texts:?}");
        assert!(texts.contains(&helong::i18n::count(c.households as f64, Lang::En)), "{texts:?}");
    }
    // A higher grant funds fewer households: the picture changes with it.
    let (_, fewer) = draw("grant=10000");
    assert_ne!(reported, fewer);
    assert!(labels(&fewer).iter().any(|l| l.text == "930"), "1,859 livestock households become 930");
}

#[test]
fn a_house_style_colours_and_sizes_the_chart_and_its_stamped_download_and_nothing_of_the_page_s_own_palette_remains(
) {
    use helong::charts::Look;
    use helong::page::url::parse;
    let p = parse("accent=%230a5c36&reported=%23a33b00&bg=%23fdf6e3&fg=%23222222&font=serif&textscale=1.25")
        .presentation;
    let look = Look { palette: Some(p.house.palette(false)), serif: true, text_scale: p.text_scale };
    let st = Style { lang: Lang::En, look, ..Style::default() };
    let out = simulate("grant=10000");
    let stamp = ["grant=10000".to_string()];
    for chart in [Chart::Allocation, Chart::Benefit] {
        let s = render_svg_stamped(chart, &out, &st, 720, 360, &stamp).expect("draws");
        let lower = s.to_lowercase();
        for house in ["#0a5c36", "#fdf6e3", "#222222"] {
            assert!(lower.contains(house), "{chart:?}: no {house}");
        }
        for own in ["#0072b2", "#ffffff", "#1f2328"] {
            assert!(!lower.contains(own), "{chart:?}: the page's own {own} is still drawn");
        }
        assert!(s.contains("font-family=\"serif\""), "{chart:?}: labels in the serif family");
        let plain =
            render_svg_stamped(chart, &out, &Style { lang: Lang::En, ..Style::default() }, 720, 360, &stamp)
                .expect("draws");
        let biggest = |svg: &str| {
            svg.split("font-size=\"")
                .skip(1)
                .filter_map(|t| t.split('"').next()?.parse::<f64>().ok())
                .fold(0.0, f64::max)
        };
        let (big, own) = (biggest(&s), biggest(&plain));
        assert!((big - own * 1.25).abs() < 0.5, "{chart:?}: labels {big} px, 1.25 times the page's {own} px");
    }
}

/// A pin as the charts take it: `number`, `name`, an expected total with a middle 90% of ±2%,
/// and households by kind.
fn pin_mark(number: usize, name: &str, expected: f64, households: [u32; 5]) -> PinMark {
    PinMark {
        number,
        name: name.to_string(),
        expected,
        p5: expected * 0.98,
        p95: expected * 1.02,
        households,
    }
}

#[test]
fn the_benefit_chart_marks_each_pinned_scenario_on_its_total_row_with_its_number() {
    let out = simulate("grant=10000");
    let draw = |pins: &[PinMark]| svg_pinned(Chart::Benefit, &out, pins, 720, 360);
    let none = draw(&[]);
    assert!(none == draw(&[]), "the same drawing without pins, every time");
    // A pin far above the current total widens the scale, and its number is written.
    let pinned = draw(&[pin_mark(1, "甲", 400_000.0, [0; 5]), pin_mark(2, "乙", 900_000.0, [0; 5])]);
    assert!(pinned != none, "the pins are drawn");
    for n in ["1", "2"] {
        assert!(pinned.contains(&format!(">\n{n}\n</text>")), "pin {n}'s number");
    }
    assert!(pinned.contains(">\n80万\n<") || pinned.contains(">\n100万\n<"), "the scale reaches the pin");
    assert!(!none.contains(">\n80万\n<") && !none.contains(">\n100万\n<"));
}

#[test]
fn the_allocation_chart_marks_each_pinned_scenarios_households_on_every_row() {
    let out = simulate("");
    let draw = |pins: &[PinMark]| svg_pinned(Chart::Allocation, &out, pins, 720, 300);
    let none = draw(&[]);
    let one = draw(&[pin_mark(1, "甲", 0.0, [5000, 0, 10, 10, 10])]);
    assert!(one != none, "the pin is drawn");
    // One numbered mark per kind, and a scale that reaches the pin's 5,000 planting households.
    assert_eq!(one.matches(">\n1\n</text>").count(), 5);
    assert!(one.contains(">\n5000\n<") || one.contains(">\n6000\n<"), "the scale reaches the pin");
    // In a short embed the rows are too close for numbers: the shapes stay, named in the legend.
    let short =
        svg_pinned(Chart::Allocation, &out, &[pin_mark(1, "甲", 0.0, [5000, 0, 10, 10, 10])], 390, 164);
    assert_eq!(short.matches(">\n1\n</text>").count(), 0, "no number over a mark");
    assert!(short.contains(">\n1 甲\n<"), "the legend names the pin");
}

#[test]
fn the_outcomes_chart_marks_each_pinned_scenarios_expected_total_in_its_strip_and_the_scale_reaches_it() {
    let out = simulate("grant=10000");
    let draw = |pins: &[PinMark]| svg_pinned(Chart::Outcomes, &out, pins, 720, 420);
    let none = draw(&[]);
    let far = out.expected_benefit_yuan * 3.0;
    let pinned =
        draw(&[pin_mark(1, "甲", far, [0; 5]), pin_mark(2, "乙", out.expected_benefit_yuan, [0; 5])]);
    assert!(pinned != none, "the pins are drawn");
    for n in ["1", "2"] {
        assert!(pinned.contains(&format!(">\n{n}\n</text>")), "pin {n}'s number:\n{pinned}");
    }
    // The strip's scale runs from the draws to the far pin: the drawing is not the one of a
    // pin at the current total only.
    let near = draw(&[
        pin_mark(1, "甲", out.expected_benefit_yuan, [0; 5]),
        pin_mark(2, "乙", out.expected_benefit_yuan, [0; 5]),
    ]);
    assert!(near != pinned, "a pin three times the total moves the scale");
}

#[test]
fn every_chart_that_marks_pins_names_them_in_its_legend_cut_to_fit_a_phone() {
    let out = simulate("grant=10000");
    let long = "A very long name for a pinned scenario here";
    let pins = [pin_mark(1, "Half the grant", 500_000.0, [100; 5]), pin_mark(2, long, 600_000.0, [200; 5])];
    for chart in Chart::ALL.into_iter().filter(|c| c.shows_pins()) {
        let wide = svg_pinned(chart, &out, &pins, 720, 420);
        assert!(wide.contains("1 Half the grant"), "{chart:?}: pin 1 named in the legend");
        assert!(wide.contains(&format!("2 {long}")), "{chart:?}: pin 2 named whole where it fits");
        let phone = svg_pinned(chart, &out, &pins, 240, 420);
        assert!(phone.contains("1 Half the grant"), "{chart:?}: a short name fits a phone");
        assert!(!phone.contains(long) && phone.contains("2 A very long"), "{chart:?}: a long name is cut");
        assert!(phone.contains('…'), "{chart:?}: and says so with an ellipsis");
    }
    // The charts that do not mark pins draw as without them.
    for chart in Chart::ALL.into_iter().filter(|c| !c.shows_pins()) {
        assert_eq!(
            svg_pinned(chart, &out, &pins, 720, 420),
            svg_pinned(chart, &out, &[], 720, 420),
            "{chart:?}"
        );
    }
}
