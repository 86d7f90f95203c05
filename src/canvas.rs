//! A plotters [`DrawingBackend`] on an HTML `<canvas>` (wasm32 only): the charts are drawn with
//! plotters onto this, exactly as plotters-canvas would draw them.
//!
//! Why not plotters-canvas itself: it writes every colour as `format!("rgba({},{},{},{})")`
//! with an `f64` alpha and every font as an `f64` size, and those two `{}` link core's float
//! formatter into the wasm. With nothing else in the page formatting floats that way, this
//! file saves about 10 KB of the gzipped wasm (measured: 109.5 → 99.2 KB with the other
//! float-free changes). Colours and sizes here are written with integer arithmetic.

use crate::i18n;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas and its 2D context.
pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

/// A failed canvas call, with the browser's message.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Result = std::result::Result<(), DrawingErrorKind<CanvasError>>;

fn error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the browser refused a drawing call".to_string());
    DrawingErrorKind::DrawingError(CanvasError(msg))
}

/// CSS text for a colour: `#rrggbb` when opaque, else `rgba(r,g,b,0.xxx)`.
pub fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{})", i18n::fixed(i18n::clamp(c.alpha, 0.0, 1.0), 3))
    }
}

/// CSS `font` shorthand for a text style, e.g. `normal 13.5px sans-serif`.
pub fn css_font<S: BackendTextStyle>(style: &S) -> String {
    let size = i18n::trim_zeros(i18n::fixed(style.size(), 2));
    format!("{} {}px {}", style.style().as_str(), size, style.family().as_str())
}

/// Shift a horizontal or vertical line by half a pixel so a 1-px stroke stays crisp.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((from.0 as f64, from.1 as f64), (to.0 as f64, to.1 as f64));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl CanvasBackend {
    /// The backend for `canvas`, or None when it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<CanvasBackend> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(CanvasBackend { canvas, context })
    }

    fn stroke_with(&self, style: &impl BackendStyle) {
        self.context.set_stroke_style_str(&css_color(style.color()));
        self.context.set_line_width(style.stroke_width() as f64);
    }

    fn fill_with(&self, color: BackendColor) {
        self.context.set_fill_style_str(&css_color(color));
    }

    /// Trace a polyline from `points`; false when there are none.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some(first) = points.next() else { return false };
        self.context.begin_path();
        self.context.move_to(first.0 as f64, first.1 as f64);
        for p in points {
            self.context.line_to(p.0 as f64, p.1 as f64);
        }
        true
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        if color.alpha > 0.0 {
            self.fill_with(color);
            self.context.fill_rect(point.0 as f64, point.1 as f64, 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.stroke_with(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha > 0.0 {
            let (x, y) = (upper_left.0 as f64, upper_left.1 as f64);
            let (w, h) = ((bottom_right.0 - upper_left.0) as f64, (bottom_right.1 - upper_left.1) as f64);
            if fill {
                self.fill_with(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.stroke_with(style);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha > 0.0 && self.trace(path) {
            self.stroke_with(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result {
        if style.color().alpha > 0.0 && self.trace(vertices) {
            self.context.close_path();
            self.fill_with(style.color());
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha > 0.0 {
            self.context.begin_path();
            self.context
                .arc(center.0 as f64, center.1 as f64, radius as f64, 0.0, std::f64::consts::TAU)
                .map_err(error)?;
            if fill {
                self.fill_with(style.color());
                self.context.fill();
            } else {
                self.stroke_with(style);
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let (mut x, mut y) = (pos.0 as f64, pos.1 as f64);
        if quarter_turns != 0 {
            self.context.save();
            self.context.translate(x, y).map_err(error)?;
            self.context.rotate(quarter_turns as f64 * std::f64::consts::FRAC_PI_2).map_err(error)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.fill_with(color);
        self.context.set_font(&css_font(style));
        self.context.fill_text(text, x, y).map_err(error)?;
        if quarter_turns != 0 {
            self.context.restore();
        }
        Ok(())
    }
}
