//! The charts' look: the colour-blind-safe palette, light and dark, the device-pixel scale
//! and the font stacks (the same as the page's CSS; a test pins the two together).

use crate::i18n::Lang;
use plotters::prelude::*;

/// Okabe–Ito colours: distinguishable with every common form of colour blindness.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermilion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x00, 0x00, 0x00), // black
];

/// How a chart is drawn: language, colour scheme and the device-pixel scale (text and lines
/// are sized in CSS pixels and multiplied by `scale`, so charts stay crisp on high-DPI
/// screens).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub lang: Lang,
    pub dark: bool,
    pub scale: f64,
}

impl Default for Style {
    fn default() -> Self {
        Style { lang: Lang::ZhHans, dark: false, scale: 1.0 }
    }
}

impl Style {
    /// Background of the chart area.
    pub fn background(&self) -> RGBColor {
        if self.dark {
            RGBColor(0x16, 0x1a, 0x1f)
        } else {
            RGBColor(0xff, 0xff, 0xff)
        }
    }
    /// Main text colour (contrast ≥ 4.5:1 on the background).
    pub fn ink(&self) -> RGBColor {
        if self.dark {
            RGBColor(0xe8, 0xea, 0xed)
        } else {
            RGBColor(0x1f, 0x23, 0x28)
        }
    }
    /// Secondary text and axes (contrast ≥ 4.5:1 on the background).
    pub fn muted(&self) -> RGBColor {
        if self.dark {
            RGBColor(0xa9, 0xb1, 0xbb)
        } else {
            RGBColor(0x55, 0x5d, 0x66)
        }
    }
    /// Grid lines.
    pub fn grid(&self) -> RGBColor {
        if self.dark {
            RGBColor(0x33, 0x3a, 0x42)
        } else {
            RGBColor(0xe3, 0xe6, 0xea)
        }
    }
    /// The colour of the scenario's own marks (blue reads well on both backgrounds).
    pub fn accent(&self) -> RGBColor {
        if self.dark {
            OKABE_ITO[1]
        } else {
            OKABE_ITO[4]
        }
    }
    /// The colour of what the article reported (orange / vermilion).
    pub fn reported(&self) -> RGBColor {
        if self.dark {
            OKABE_ITO[0]
        } else {
            OKABE_ITO[5]
        }
    }
    /// A length in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        f64::round(css * self.scale) as i32
    }
    /// The chart's font: the language's stack ([`font_stack`]), as the text around the chart.
    pub fn font(&self, css_px: f64) -> FontDesc<'static> {
        // `FontFamily::Name`, not `FontFamily::from`: plotters parses names given as `&str`
        // with `to_lowercase`, which pulls Unicode case tables (~14 KB) into the wasm.
        FontDesc::new(FontFamily::Name(font_stack(self.lang)), css_px * self.scale, FontStyle::Normal)
    }
    pub fn text(&self, css_px: f64, color: RGBColor) -> TextStyle<'static> {
        self.font(css_px).color(&color)
    }
    /// A pale tint of the accent colour, for bands behind marks (uncertainty ranges).
    pub fn accent_tint(&self) -> RGBColor {
        mix(self.accent(), self.background(), if self.dark { 0.38 } else { 0.24 })
    }
    /// A stroke `css` pixels wide.
    pub fn stroke(&self, color: RGBColor, css: f64) -> ShapeStyle {
        color.stroke_width(self.px(css).max(1) as u32)
    }
}

/// The font stack of each language, first choice first; www/style.css gives the page's text
/// the same lists (`[lang]:lang(…)`, checked by a test). English starts with Latin fonts: a
/// CJK font draws Latin quotation marks a full em wide (`Helong's  “Six Small Projects”  bought`
/// in WebKit). Chinese starts with the CJK fonts of its script (Simplified or Traditional
/// glyph forms), whose quotation marks and punctuation are full-width as Chinese text wants.
pub fn font_stack(lang: Lang) -> &'static str {
    lang.pick(
        r#""PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif"#,
        r#""PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", system-ui, sans-serif"#,
        r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif"#,
    )
}

/// `a` blended over `b` with weight `t` (0: all `b`, 1: all `a`).
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let f =
        |x: u8, y: u8| crate::num::clamp(f64::round(x as f64 * t + y as f64 * (1.0 - t)), 0.0, 255.0) as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}
