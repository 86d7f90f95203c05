//! The page's boundary (wasm32 only): one [`Explainer`] owns the dataset, the scenario, the
//! random numbers and the last outcome inside wasm memory; JavaScript holds an opaque handle
//! and gets small results back. Ids shared with `www/app.js`: canvas `chart-<name>`.

use crate::charts::{Chart, Look, Style};
use crate::model::pins::{self, Pin};
use crate::model::{Notice, Outcome, Scenario, Simulator};
use crate::page::controls;
use crate::page::url::{self, Presentation};
use crate::{facts, Error};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Errors cross into JavaScript as `Error` objects carrying our message.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        js_sys::Error::new(&e.to_string()).into()
    }
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("failed to pass data to the page: {e}")).into())
}

/// Show a panic on the page as well as in the console, so a reader never faces a blank page.
fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    let msg = info.to_string();
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(el) = doc.get_element_by_id("wasm-error") {
            el.set_text_content(Some(&format!(
                "出错了 / 出錯了 / Something went wrong: {msg}. 请刷新页面 / 請刷新頁面 / Please reload the page."
            )));
            let _ = el.remove_attribute("hidden");
        }
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(panic_hook));
}

/// One notice, in the reader's language.
#[derive(Serialize)]
struct NoticeText<'a> {
    key: &'a str,
    message: String,
}

/// The explainer's state, owned by wasm.
#[wasm_bindgen]
pub struct Explainer {
    sim: Simulator,
    scenario: Scenario,
    presentation: Presentation,
    /// The scenarios pinned for comparison (from the link or the reader), in order.
    pins: Vec<Pin>,
    /// Each pin's outcome, computed when the pins change, not on every move.
    pin_outcomes: Vec<Outcome>,
    /// The pins as the charts mark them, and a fingerprint of those marks: kept when the pins
    /// change or are renamed, so a move's redraw checks and draws reuse them.
    pin_marks: Vec<crate::charts::PinMark>,
    pins_key: u64,
    notices: Vec<Notice>,
    outcome: Outcome,
    /// What each chart was last drawn from (see [`Explainer::chart_changed`]).
    drawn: Vec<(Chart, u64)>,
    /// The outcome before the last move of a scenario control (None after a change of
    /// language, theme or view, or a reset): the readout says why when a move left the
    /// expected benefit unchanged, and the phone strip then shows what did change.
    previous: Option<PreviousOutcome>,
}

/// What a move is compared with: the expected benefit and the households by kind before it.
struct PreviousOutcome {
    benefit: f64,
    households: Vec<u32>,
    range: (f64, f64),
}

/// A canvas's drawing area, as the chart functions take it.
type CanvasArea = DrawingArea<CanvasBackend, plotters::coord::Shift>;

// Private helpers.
impl Explainer {
    /// A fingerprint of what chart `chart` shows (see [`Chart::fingerprint`]); the strip's
    /// chart shows the households by kind after a move that left the benefit unchanged.
    fn chart_key(&self, chart: Chart) -> u64 {
        match chart {
            Chart::Total if self.strip_shows_split() => {
                !Chart::Allocation.fingerprint(&self.outcome, self.presentation.lang)
            }
            // The pins' marks and names are part of these charts' drawings.
            _ if chart.shows_pins() && !self.pins.is_empty() => {
                chart.fingerprint(&self.outcome, self.presentation.lang) ^ self.pins_key.rotate_left(1)
            }
            _ => chart.fingerprint(&self.outcome, self.presentation.lang),
        }
    }

    /// Mark the pinned scenarios as the charts show them (after a pin is added, removed or
    /// renamed).
    fn mark_pins(&mut self) {
        self.pin_marks = self
            .pins
            .iter()
            .zip(&self.pin_outcomes)
            .enumerate()
            .map(|(i, (p, o))| crate::charts::PinMark::from_outcome(i + 1, &p.name, o))
            .collect();
        self.pins_key = crate::charts::pins_fingerprint(&self.pin_marks);
    }

    /// The outcome as a move will compare with it.
    fn outcome_now(&self) -> Option<PreviousOutcome> {
        let o = &self.outcome;
        let households = o.categories.iter().map(|c| c.households).collect();
        let range = (o.benefit_quantiles_yuan.p5, o.benefit_quantiles_yuan.p95);
        Some(PreviousOutcome { benefit: o.expected_benefit_yuan, households, range })
    }

    /// True when the last move left the expected benefit where it was, as the page writes it.
    fn benefit_unchanged(&self) -> bool {
        let money = |x: f64| crate::text::money(x, self.presentation.lang);
        self.previous.as_ref().is_some_and(|b| money(b.benefit) == money(self.outcome.expected_benefit_yuan))
    }

    /// True when the last move left the expected benefit where it was but changed the
    /// households by kind: the phone strip's chart then shows those (a reader dragging sees a
    /// picture move, not only a note); otherwise it shows the total and its range.
    fn strip_shows_split(&self) -> bool {
        self.benefit_unchanged()
            && self.previous.as_ref().is_some_and(|b| {
                !b.households.iter().copied().eq(self.outcome.categories.iter().map(|c| c.households))
            })
    }

    /// Set up `canvas` for chart `name` in the reader's language and let `draw` paint it.
    fn paint(
        &self,
        name: &str,
        canvas: web_sys::HtmlCanvasElement,
        dark: bool,
        pixel_ratio: f64,
        draw: impl FnOnce(Chart, &CanvasArea, &Outcome, &Style) -> Result<(), Error>,
    ) -> Result<(), JsValue> {
        let chart = Chart::parse(name)?;
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsValue::from(Error::Draw("the canvas has no 2d context".into())))?;
        let root = backend.into_drawing_area();
        let p = &self.presentation;
        let look = Look {
            palette: (!p.house.is_empty()).then(|| p.house.palette(dark)),
            serif: p.font == url::FONTS[1],
            text_scale: p.text_scale,
        };
        let style = Style {
            lang: p.lang,
            dark,
            pixel_ratio: if pixel_ratio > 0.0 { pixel_ratio } else { 1.0 },
            look,
        };
        draw(chart, &root, &self.outcome, &style)?;
        root.present().map_err(|e| JsValue::from(Error::Draw(e.to_string())))?;
        Ok(())
    }

    /// Drop the notices about `keys` (and about their list items, `mix[2]`).
    fn forget(&mut self, keys: &[&str]) {
        self.notices.retain(|n| {
            let key = n.key.split('[').next().unwrap_or("");
            !keys.contains(&key)
        });
    }

    fn recompute(&mut self) {
        self.outcome = self.sim.run(&self.scenario, self.notices.clone());
    }

    /// Compute each pin's outcome (when the pins change: a move of the current scenario does
    /// not touch them).
    fn refresh_pins(&mut self) {
        self.pin_outcomes = self.pins.iter().map(|p| self.sim.run(&p.scenario, Vec::new())).collect();
        self.mark_pins();
    }

    /// Each pin compared with the current outcome.
    fn compared(&self) -> Vec<pins::Compared> {
        self.pins
            .iter()
            .zip(&self.pin_outcomes)
            .map(|(p, o)| pins::compare(&self.outcome, &p.name, o))
            .collect()
    }
}

// Exported to JavaScript.
#[wasm_bindgen]
impl Explainer {
    /// Read a URL query string (bad keys become notices) and compute its outcome.
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str) -> Explainer {
        let p = url::parse(query);
        let mut sim = Simulator::default();
        let outcome = sim.run(&p.scenario, p.notices.clone());
        let mut e = Explainer {
            sim,
            scenario: p.scenario,
            presentation: p.presentation,
            pins: p.pins,
            pin_outcomes: Vec::new(),
            pin_marks: Vec::new(),
            pins_key: 0,
            notices: p.notices,
            outcome,
            drawn: Vec::new(),
            previous: None,
        };
        e.refresh_pins();
        e
    }

    /// Pin the current scenario for comparison, named from the model in the reader's language
    /// (at most [`pins::MAX_PINS`]); returns the canonical query.
    pub fn pin(&mut self) -> Result<String, JsValue> {
        if self.pins.len() >= pins::MAX_PINS {
            return Err(js_sys::Error::new(&crate::text::compare::full(self.presentation.lang)).into());
        }
        let name = crate::text::compare::default_name(&self.scenario, self.presentation.lang);
        self.pins.push(Pin { name, scenario: self.scenario.clone() });
        self.refresh_pins();
        Ok(self.query())
    }

    /// Remove pin `index` (the next one moves up); returns the canonical query.
    pub fn unpin(&mut self, index: usize) -> String {
        if index < self.pins.len() {
            self.pins.remove(index);
            self.refresh_pins();
        }
        self.query()
    }

    /// Rename pin `index`: the name as kept (trimmed, at most [`pins::NAME_MAX`] characters),
    /// or an error saying why for a name with nothing in it (the old name stays).
    pub fn rename_pin(&mut self, index: usize, name: &str) -> Result<String, JsValue> {
        let lang = self.presentation.lang;
        let (Some(pin), Some(name)) = (self.pins.get_mut(index), pins::clean_name(name)) else {
            return Err(js_sys::Error::new(&crate::text::compare::empty_name(lang)).into());
        };
        pin.name = name.clone();
        self.mark_pins();
        Ok(name)
    }

    /// The pinned scenarios, each `{name, line}`: its name and its comparison with the current
    /// scenario in the reader's language.
    pub fn pins(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Shown {
            name: String,
            line: String,
        }
        let lang = self.presentation.lang;
        let shown: Vec<Shown> = self
            .compared()
            .iter()
            .map(|c| Shown { name: c.name.clone(), line: crate::text::compare::line(c, lang) })
            .collect();
        to_js(&shown)
    }

    /// Set one key from its text (a slider move). Notices from this key replace the old ones
    /// about it; returns the canonical query.
    pub fn set(&mut self, key: &str, value: &str) -> String {
        // A presentation key (language, theme…) is not a move of the scenario.
        let presentation = url::SETTINGS.iter().any(|st| st.key == key);
        self.previous = if presentation { None } else { self.outcome_now() };
        let mut fresh = Vec::new();
        url::apply(&mut self.scenario, &mut self.presentation, key, value, &mut fresh);
        self.forget(&[key]);
        self.notices.extend(fresh);
        self.recompute();
        self.query()
    }

    /// Set entry `index` of a list key (one kind's relative return) from its text, the other
    /// four unchanged (see [`crate::model::codec::with_item`]); returns the canonical query.
    pub fn set_item(&mut self, key: &str, index: usize, value: &str) -> String {
        let list = crate::model::codec::with_item(&self.value(key), index, value);
        self.set(key, &list)
    }

    /// Move an adjustable number of the sentence (`grant`, `budget`) by whole steps, as a
    /// range input's arrow keys do (see [`crate::num::step_on_grid`]); returns the canonical
    /// query. An unknown key changes nothing.
    pub fn nudge(&mut self, key: &str, steps: i32) -> String {
        let (Some((min, max, step)), Some(now)) =
            (controls::adjuster(key), crate::num::read(&self.value(key)))
        else {
            return self.query();
        };
        let next = crate::num::step_on_grid(now, min, max, step, steps);
        self.set(key, &crate::num::shortest(next))
    }

    /// Set one category's share of the mix (percent), rebalancing the others so the shares
    /// total 100%. Returns the canonical query.
    pub fn set_mix_share(&mut self, index: usize, percent: f64) -> String {
        self.previous = self.outcome_now();
        self.scenario.rebalance_mix(index, percent);
        self.forget(&[Scenario::REBALANCE_KEY]);
        self.recompute();
        self.query()
    }

    /// Apply a preset (`reported`, `equal`, `livestock`, `double`, `half`); returns the
    /// canonical query, or an error for an unknown preset.
    pub fn preset(&mut self, name: &str) -> Result<String, JsValue> {
        if !self.scenario.apply_preset(name) {
            return Err(Error::Unknown { what: "preset", name: name.to_string() }.into());
        }
        self.previous = self.outcome_now();
        self.forget(&Scenario::PRESET_KEYS);
        self.recompute();
        Ok(self.query())
    }

    /// Reset the scenario to the article's (keeps language, theme and view).
    pub fn reset(&mut self) {
        self.scenario = Scenario::default();
        self.previous = None;
        self.notices.clear();
        self.recompute();
    }

    /// Canonical query: scenario and presentation keys that differ from the defaults.
    pub fn query(&self) -> String {
        url::serialize_with(&self.scenario, &self.presentation, &self.pins)
    }

    /// Shares of the mix in percent.
    pub fn mix_shares(&self) -> Vec<f64> {
        self.scenario.mix_shares().to_vec()
    }

    /// The current value of one key (scenario or presentation), as text for a slider; a list
    /// key gives all five numbers, an unknown key the empty string.
    pub fn value(&self, key: &str) -> String {
        url::value(&self.scenario, &self.presentation, key).unwrap_or_default()
    }

    /// The language tag in force.
    pub fn lang(&self) -> String {
        self.presentation.lang.tag().to_string()
    }

    /// The house colours in force in the light or dark theme as the page's CSS custom
    /// properties, `--name:#rrggbb` joined by `;`; empty when the URL gives none (the
    /// stylesheet's own then stand).
    pub fn house_css(&self, dark: bool) -> String {
        let house = &self.presentation.house;
        if house.is_empty() {
            return String::new();
        }
        house.palette(dark).css(dark)
    }

    /// The theme in force (`auto`, `light`, `dark`).
    pub fn theme(&self) -> String {
        self.presentation.theme.id().to_string()
    }

    /// The outcome of the current scenario (SPEC §6 fields).
    pub fn outcome(&self) -> Result<JsValue, JsValue> {
        to_js(&self.outcome)
    }

    /// Notices as sentences in the reader's language.
    pub fn notices(&self) -> Result<JsValue, JsValue> {
        let lang = self.presentation.lang;
        let v: Vec<NoticeText> = self
            .outcome
            .notices
            .iter()
            .map(|n| NoticeText { key: &n.key, message: crate::text::notice::message(n, lang) })
            .collect();
        to_js(&v)
    }

    /// Draw chart `name` for download: the chart, then a band stamped with the scenario's
    /// link query, the source of the data, and the model version and dataset hash.
    pub fn draw_export(
        &self,
        name: &str,
        canvas: web_sys::HtmlCanvasElement,
        dark: bool,
        pixel_ratio: f64,
    ) -> Result<(), JsValue> {
        let stamp = crate::text::stamp(&self.outcome, self.presentation.lang);
        self.paint(name, canvas, dark, pixel_ratio, |chart, root, out, style| {
            crate::charts::draw_stamped(chart, root, out, &self.pin_marks, style, &stamp)
        })
    }

    /// Every number shown beside the controls, formatted for the reader, in one call.
    pub fn readout(&self) -> Result<JsValue, JsValue> {
        let lang = self.presentation.lang;
        let mut r = crate::text::readout(&self.scenario, &self.outcome, lang);
        if self.benefit_unchanged() {
            r.set_output("why_unchanged", crate::text::why_unchanged(&self.scenario, &self.outcome, lang));
            let q = &self.outcome.benefit_quantiles_yuan;
            let moved = if self.strip_shows_split() {
                crate::text::StripMoved::Households
            } else if self.previous.as_ref().is_some_and(|b| b.range != (q.p5, q.p95)) {
                crate::text::StripMoved::Range
            } else {
                crate::text::StripMoved::Elsewhere
            };
            r.set_output("strip_note", crate::text::strip_note(&self.outcome, moved, lang));
        }
        // The strip compares with the first pin only: one comparison per move, not one per pin.
        if let (Some(pin), Some(o)) = (self.pins.first(), self.pin_outcomes.first()) {
            let first = pins::compare(&self.outcome, &pin.name, o);
            r.set_output("pin_difference", crate::text::compare::strip_line(&first, lang));
        }
        to_js(&r)
    }

    /// The live summary of the outcome in the reader's language.
    pub fn summary(&self) -> String {
        crate::text::summary(&self.outcome, self.presentation.lang)
    }

    /// The data table of chart `name` in the reader's language (`{caption, headers, rows}`).
    pub fn table(&self, name: &str) -> Result<JsValue, JsValue> {
        let pins: Vec<(&str, &Outcome)> =
            self.pins.iter().map(|p| p.name.as_str()).zip(&self.pin_outcomes).collect();
        match crate::text::compare::table(name, &self.outcome, &pins, self.presentation.lang) {
            Some(t) => to_js(&t),
            None => Err(Error::Unknown { what: "chart", name: name.to_string() }.into()),
        }
    }

    /// The outcome as CSV (UTF-8 with BOM).
    pub fn outcome_csv(&self) -> String {
        crate::text::outcome_csv(&self.outcome)
    }

    /// True when chart `name` would look different from the last time it was drawn, so a
    /// slider that does not concern a chart (courtyards, say) costs that chart nothing.
    pub fn chart_changed(&self, name: &str) -> bool {
        match Chart::parse(name) {
            Ok(chart) => {
                self.drawn.iter().find(|(c, _)| *c == chart).map(|(_, k)| *k) != Some(self.chart_key(chart))
            }
            Err(_) => true,
        }
    }

    /// Draw chart `name` on `canvas`. The canvas's backing size must already be its CSS size
    /// × `pixel_ratio` (the page's `devicePixelRatio`).
    pub fn draw(
        &mut self,
        name: &str,
        canvas: web_sys::HtmlCanvasElement,
        dark: bool,
        pixel_ratio: f64,
    ) -> Result<(), JsValue> {
        let split = self.strip_shows_split();
        self.paint(name, canvas, dark, pixel_ratio, |chart, root, out, style| match chart {
            Chart::Total if split => crate::charts::allocation::draw_strip(root, out, style),
            _ => chart.draw_pinned(root, out, &self.pin_marks, style),
        })?;
        if let Ok(chart) = Chart::parse(name) {
            let key = self.chart_key(chart);
            self.drawn.retain(|(c, _)| *c != chart);
            self.drawn.push((chart, key));
        }
        Ok(())
    }
}

/// Short hash of the dataset, for the footer.
#[wasm_bindgen]
pub fn dataset_hash() -> String {
    facts::dataset_hash()
}

/// The model's version, for the footer.
#[wasm_bindgen]
pub fn model_version() -> String {
    crate::MODEL_VERSION.to_string()
}

/// Run the model on a query and return its outcome without keeping state (tests, bench).
#[wasm_bindgen]
pub fn simulate(query: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::page::simulate(query))
}

/// The allocator: lol_alloc's coalescing free list instead of std's dlmalloc, a few KB less
/// gzipped wasm (`make bench` reports the bytes). The page allocates little and in a steady pattern;
/// `make bench` checks that memory does not grow over 10,000 slider moves.
// SAFETY: this wasm module has no threads (built without the atomics feature), which is
// all `AssumeSingleThreaded` asks.
#[global_allocator]
#[allow(unsafe_code)]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
