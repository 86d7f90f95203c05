//! The charts' look: the colour-blind-safe palette, light and dark, the device-pixel ratio
//! and the font stacks (the same as the page's CSS; a test pins the two together).

use crate::i18n::Lang;
use crate::page::house::{self, Palette, Rgb, DARK, LIGHT};
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
/// are sized in CSS pixels and multiplied by `pixel_ratio`, so charts stay crisp on high-DPI
/// screens).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub lang: Lang,
    pub dark: bool,
    pub pixel_ratio: f64,
    /// A host's house style (an embed's `accent`… `font`, `textscale`); the page's own by
    /// default.
    pub look: Look,
}

/// A host's house style as the charts draw it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The house colours of this style's theme ([`house::House::palette`]), or the page's own.
    pub palette: Option<Palette>,
    /// Serif type instead of the page's sans-serif stacks.
    pub serif: bool,
    /// The labels' size relative to the page's own.
    pub text_scale: f64,
}

impl Default for Look {
    fn default() -> Self {
        Look { palette: None, serif: false, text_scale: 1.0 }
    }
}

impl Default for Style {
    fn default() -> Self {
        Style { lang: Lang::ZhHans, dark: false, pixel_ratio: 1.0, look: Look::default() }
    }
}

const fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// The colours the page and the charts share, as (CSS custom property, light, dark): the
/// charts draw with these and www/style.css declares each with the same values in its light
/// block and in both of its dark blocks (a test below reads the stylesheet). Text colours have
/// at least 4.5:1 contrast on the background in their theme.
pub const SHARED_COLOURS: [(&str, RGBColor, RGBColor); 4] = [
    // Background of the page and the chart area.
    ("--bg", rgb(LIGHT.bg), rgb(DARK.bg)),
    // Main text.
    ("--ink", rgb(LIGHT.fg), rgb(DARK.fg)),
    // Secondary text and axes.
    ("--muted", RGBColor(0x55, 0x5d, 0x66), RGBColor(0xa9, 0xb1, 0xbb)),
    // The scenario's own marks and the page's accent (Okabe–Ito blue / sky blue).
    ("--accent", rgb(LIGHT.accent), rgb(DARK.accent)),
];

impl Style {
    /// The shared colour named `var` in this style's theme.
    fn shared(&self, var: &str) -> RGBColor {
        let (_, light, dark) = SHARED_COLOURS.iter().find(|(v, _, _)| *v == var).copied().unwrap_or((
            "",
            OKABE_ITO[7],
            OKABE_ITO[7],
        ));
        if self.dark {
            dark
        } else {
            light
        }
    }

    /// Background of the chart area.
    pub fn background(&self) -> RGBColor {
        self.look.palette.map_or_else(|| self.shared("--bg"), |p| rgb(p.bg))
    }

    /// Main text colour (contrast ≥ 4.5:1 on the background).
    pub fn ink(&self) -> RGBColor {
        self.look.palette.map_or_else(|| self.shared("--ink"), |p| rgb(p.fg))
    }

    /// Secondary text and axes (contrast ≥ 4.5:1 on the background).
    pub fn muted(&self) -> RGBColor {
        self.look.palette.map_or_else(|| self.shared("--muted"), |p| rgb(p.muted()))
    }

    /// Grid lines (the charts' own: fainter than the page's rules).
    pub fn grid(&self) -> RGBColor {
        if let Some(p) = self.look.palette {
            return rgb(house::mix(p.fg, p.bg, 0.12));
        }
        if self.dark {
            RGBColor(0x33, 0x3a, 0x42)
        } else {
            RGBColor(0xe3, 0xe6, 0xea)
        }
    }

    /// The colour of the scenario's own marks (blue reads well on both backgrounds).
    pub fn accent(&self) -> RGBColor {
        self.look.palette.map_or_else(|| self.shared("--accent"), |p| rgb(p.accent))
    }

    /// The colour of the marks of what the article reported (orange / vermilion: 3:1 for
    /// marks). The page writes "reported" words in `--reported-ink`, a darker vermilion in the
    /// light theme, since text needs 4.5:1.
    pub fn reported(&self) -> RGBColor {
        let own = if self.dark { DARK } else { LIGHT };
        rgb(self.look.palette.unwrap_or(own).reported)
    }

    /// A length in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        f64::round(css * self.pixel_ratio) as i32
    }
    /// The chart's font: the language's stack ([`font_stack`]), as the text around the chart.
    pub fn font(&self, css_px: f64) -> FontDesc<'static> {
        // `FontFamily::Name`, not `FontFamily::from`: plotters parses names given as `&str`
        // with `to_lowercase`, which pulls Unicode case tables (~14 KB) into the wasm.
        let stack = font_stack(self.lang, self.look.serif);
        FontDesc::new(
            FontFamily::Name(stack),
            css_px * self.look.text_scale * self.pixel_ratio,
            FontStyle::Normal,
        )
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
///
/// With `serif` (a host's `font=serif`), English is set in the generic `serif` family (an
/// iframe cannot use the host's web fonts) and Chinese in the serif CJK fonts of its script,
/// so the glyph forms stay Simplified or Traditional.
pub fn font_stack(lang: Lang, serif: bool) -> &'static str {
    if serif {
        return lang.pick(
            r#""Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif"#,
            r#""Songti TC", "Noto Serif CJK TC", "Source Han Serif TC", serif"#,
            "serif",
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The custom properties of the stylesheet's block that starts with `selector`.
    fn block(css: &str, selector: &str) -> Vec<(String, String)> {
        let start = css.find(selector).unwrap_or_else(|| panic!("no `{selector}` in www/style.css"));
        let body = &css[start + selector.len()..];
        let body = &body[..body.find('}').unwrap_or(body.len())];
        body.split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .filter(|(k, _)| k.starts_with("--"))
            .collect()
    }

    fn hex(c: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }

    #[test]
    fn the_page_and_the_charts_share_one_palette_and_the_dark_theme_is_written_alike_twice() {
        let css = include_str!("../../www/style.css");
        let light = block(css, ":root {");
        let dark_auto = block(css, ":root:not([data-theme=\"light\"]) {");
        let dark_chosen = block(css, ":root[data-theme=\"dark\"] {");
        assert_eq!(dark_auto, dark_chosen, "the dark theme's two blocks (system and chosen) differ");
        let names = |b: &[(String, String)]| b.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        assert_eq!(names(&light), names(&dark_auto), "the light and dark blocks set the same properties");
        let get =
            |b: &[(String, String)], k: &str| b.iter().find(|(n, _)| n == k).map(|(_, v)| v.to_lowercase());
        for (var, l, d) in SHARED_COLOURS {
            assert_eq!(get(&light, var), Some(hex(l)), "{var} in the light theme");
            assert_eq!(get(&dark_auto, var), Some(hex(d)), "{var} in the dark theme");
        }
    }
}
