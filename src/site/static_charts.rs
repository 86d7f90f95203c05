//! The charts of the reported scenario as SVG files, for readers without JavaScript or
//! WebAssembly: every chart in light and dark, wide and narrow, drawn by the page's own chart
//! functions, and the `<picture>` that shows them in place of the interactive chart.

use super::html::escape;
use crate::charts::{self, Chart, Style};
use crate::i18n::Lang;
use crate::model::Outcome;
use crate::Error;

/// Chart sizes of the static SVGs: (variant, width, height). The narrow one is for phones.
pub const SIZES: [(&str, u32, u32); 2] = [("wide", 720, 300), ("narrow", 390, 300)];

/// File name of one static chart.
pub fn svg_name(chart: Chart, variant: &str, dark: bool) -> String {
    format!("{}-{variant}-{}.svg", chart.name(), if dark { "dark" } else { "light" })
}

/// Every static chart of the reported scenario, in zh-Hans: (file name, SVG).
pub fn svgs(out: &Outcome) -> Result<Vec<(String, String)>, Error> {
    let mut files = Vec::new();
    for chart in Chart::ALL {
        for (variant, w, h) in SIZES {
            for dark in [false, true] {
                let style = Style { lang: Lang::ZhHans, dark, pixel_ratio: 1.0, ..Style::default() };
                files.push((svg_name(chart, variant, dark), charts::render_svg(chart, out, &style, w, h)?));
            }
        }
    }
    Ok(files)
}

/// The class of the `<noscript>` around each chart's picture.
pub const FALLBACK_CLASS: &str = "chart-fallback-ns";

/// The widest screen, in CSS pixels, that gets the narrow pictures: the phone layout's
/// breakpoint, which `www/style.css` repeats in its `@media` rule (`tests/page.rs` pins the two).
pub const PHONE_MAX_WIDTH_PX: u32 = 480;

/// The `<picture>` shown in place of a chart when the interactive one cannot run. It sits
/// in a `<noscript>` so readers with JavaScript never download it; `app.js` unwraps it when
/// the WebAssembly fails to load.
pub fn fallback_picture(chart: Chart, alt: &str) -> String {
    let src = |variant: &str, dark: bool| format!("static/{}", svg_name(chart, variant, dark));
    format!(
        "<noscript class=\"{FALLBACK_CLASS}\"><picture class=\"chart-fallback\">\
<source media=\"(prefers-color-scheme: dark) and (max-width: {w}px)\" srcset=\"{}\">\
<source media=\"(prefers-color-scheme: dark)\" srcset=\"{}\">\
<source media=\"(max-width: {w}px)\" srcset=\"{}\">\
<img src=\"{}\" alt=\"{}\" width=\"720\" height=\"300\"></picture></noscript>",
        src("narrow", true),
        src("wide", true),
        src("narrow", false),
        src("wide", false),
        escape(alt),
        w = PHONE_MAX_WIDTH_PX,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    #[test]
    fn every_chart_has_a_static_svg_in_light_and_dark_and_two_widths() {
        let page = include_str!("../../www/index.html");
        let html = super::super::page(page, &simulate(""), "").expect("pre-rendered");
        for chart in Chart::ALL {
            for (variant, _, _) in SIZES {
                for dark in [false, true] {
                    assert!(html.contains(&format!("static/{}", svg_name(chart, variant, dark))));
                }
            }
        }
        let files = svgs(&simulate("")).expect("drawn");
        assert_eq!(files.len(), Chart::ALL.len() * 4);
        assert!(files.iter().all(|(_, svg)| svg.starts_with("<svg")));
    }
}
