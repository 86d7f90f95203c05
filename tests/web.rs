//! The wasm boundary in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use helong::model::fingerprint;
use helong::web::{dataset_hash, Explainer};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("golden/fingerprints.tsv");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new canvas of `w` × `h` pixels (not in the page).
fn canvas(w: u32, h: u32) -> web_sys::HtmlCanvasElement {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width(w);
    canvas.set_height(h);
    canvas
}

/// The canvas's 2d context, to read back what was drawn.
fn context(canvas: &web_sys::HtmlCanvasElement) -> web_sys::CanvasRenderingContext2d {
    canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn the_browser_computes_bit_identical_numbers_to_the_native_build() {
    let mut n = 0;
    for line in GOLDEN.lines().filter(|l| !l.is_empty()) {
        let (query, expected) = line.split_once('\t').expect("tab-separated golden line");
        assert_eq!(fingerprint(query), expected, "query {query:?}");
        n += 1;
    }
    assert!(n >= 8);
}

#[wasm_bindgen_test]
fn the_explainer_reproduces_the_reported_programme_in_the_browser() {
    let e = Explainer::new("");
    let out = e.outcome().expect("outcome crosses the boundary");
    let get = |k: &str| js_sys::Reflect::get(&out, &k.into()).expect("field").as_f64().expect("number");
    assert_eq!(get("households_funded"), 2546.0);
    assert_eq!(get("funds_granted_yuan"), 12_730_000.0);
    assert_eq!(get("expected_benefit_yuan"), 559_300.0);
    assert_eq!(get("courtyard_income_yuan"), 493_500.0);
}

#[wasm_bindgen_test]
fn a_bad_query_gives_notices_in_the_readers_language_not_a_crash() {
    let e = Explainer::new("?grant=lots&lang=en&zzz=1");
    let notices: js_sys::Array = e.notices().expect("notices").dyn_into().expect("array");
    assert_eq!(notices.length(), 2);
    let first = js_sys::Reflect::get(&notices.get(0), &"message".into()).unwrap().as_string().unwrap();
    assert!(first.contains("grant"), "{first}");
    // The same notice as the model words it in English, and not its Chinese wording.
    let native = helong::page::url::parse("?grant=lots&lang=en&zzz=1").notices[0].clone();
    assert_eq!(first, helong::text::notice::message(&native, helong::i18n::Lang::En));
    assert_ne!(first, helong::text::notice::message(&native, helong::i18n::Lang::ZhHans));
}

#[wasm_bindgen_test]
fn a_chart_draws_on_a_canvas_without_error() {
    let canvas = canvas(640, 320);
    document().body().unwrap().append_child(&canvas).unwrap();
    let mut e = Explainer::new("grant=10000");
    e.draw("allocation", canvas.clone(), false, 1.0).expect("drawn");
    assert!(e.draw("no-such-chart", canvas, false, 1.0).is_err());
}

#[wasm_bindgen_test]
fn a_chart_is_redrawn_only_when_what_it_shows_changes() {
    let canvas = canvas(400, 300);
    let mut e = Explainer::new("");
    assert!(e.chart_changed("allocation"), "never drawn");
    e.draw("allocation", canvas.clone(), false, 1.0).expect("drawn");
    assert!(!e.chart_changed("allocation"));
    e.set("cy", "100");
    assert!(!e.chart_changed("allocation"), "courtyards do not move the allocation");
    e.set("grant", "10000");
    assert!(e.chart_changed("allocation"));
}

#[wasm_bindgen_test]
fn a_one_pixel_grid_rule_is_one_sharp_row_of_pixels_on_the_canvas() {
    use helong::charts::{rule, Style};
    use helong::i18n::Lang;
    use plotters::prelude::*;
    let canvas = canvas(40, 40);
    let root = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .expect("a 2d context")
        .into_drawing_area();
    let st = Style { lang: Lang::En, dark: false, pixel_ratio: 1.0, ..Style::default() };
    rule(&root, (0, 20), (40, 20), &st, BLACK, 1.0).expect("drawn");
    // A plain 1-px stroke on the same row, for contrast: smeared over two rows.
    root.draw(&PathElement::new(vec![(0, 30), (40, 30)], BLACK.stroke_width(1))).expect("drawn");
    let ctx = context(&canvas);
    let alpha = |y: i32| ctx.get_image_data(10.0, y as f64, 1.0, 1.0).unwrap().data()[3];
    let rows = |from: i32| (from - 3..from + 3).map(alpha).collect::<Vec<u8>>();
    let (ruled, stroked) = (rows(20), rows(30));
    assert_eq!(ruled.iter().filter(|&&a| a > 0).count(), 1, "rule rows around y=20: {ruled:?}");
    assert!(ruled.contains(&255), "the one row is fully opaque: {ruled:?}");
    // The contrast that makes rule() needed: the same line as a plain stroke is smeared over
    // two rows, neither of them opaque.
    assert!(
        stroked.iter().filter(|&&a| a > 0).count() >= 2 && !stroked.contains(&255),
        "a plain stroke is blurred, which is why rule() exists: {stroked:?}"
    );
}

#[wasm_bindgen_test]
fn a_drawn_chart_puts_its_colours_on_the_canvas() {
    let canvas = canvas(640, 320);
    let mut e = Explainer::new("");
    e.draw("allocation", canvas.clone(), false, 1.0).expect("drawn");
    let pixels = context(&canvas).get_image_data(0.0, 0.0, 640.0, 320.0).unwrap().data();
    let opaque = pixels.chunks(4).filter(|p| p[3] == 255).count();
    let colourful = pixels.chunks(4).filter(|p| p[3] == 255 && p[0].abs_diff(p[2]) > 60).count();
    assert!(opaque > 640 * 320 / 2, "the background is painted: {opaque} opaque pixels");
    assert!(colourful > 500, "the bars are drawn in colour: {colourful} pixels");
}

#[wasm_bindgen_test]
fn the_dataset_hash_crosses_the_boundary_as_the_crate_computes_it() {
    assert_eq!(dataset_hash(), helong::facts::DATASET_HASH);
    assert_eq!(dataset_hash().len(), 16);
}

#[wasm_bindgen_test]
fn a_links_pinned_scenarios_survive_the_pages_rewriting_of_its_url() {
    let mut e = Explainer::new("?grant=10000&pin1=1~Half%20the%20grant~grant.2500&pin2=9~x");
    assert_eq!(
        e.query(),
        "grant=10000&pin1=1~Half%20the%20grant~grant.2500",
        "the good pin kept, the bad one dropped"
    );
    e.set("budget", "6000000");
    assert!(e.query().ends_with("&pin1=1~Half%20the%20grant~grant.2500"), "{}", e.query());
    let notices: js_sys::Array = e.notices().expect("notices").dyn_into().expect("array");
    assert_eq!(notices.length(), 1, "the dropped pin is said once");
}
