//! PNG images of the charts, drawn natively (the CLI's `render --format png` and the share
//! cards of `make dist`): the SVG that the chart functions draw, rasterised by resvg with the
//! system's Noto Sans CJK fonts, then encoded as a PNG.
//!
//! Native only; resvg and its font stack are not in the wasm (the page draws on `<canvas>`
//! and its PNG download is the canvas's own).

use crate::i18n::Lang;
use crate::Error;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

/// CSS pixels per inch: a PNG at pixel ratio `pixel_ratio` 1 has 96 pixels per inch, at pixel ratio `pixel_ratio` 4 has 384, so
/// layout software places it at the size the chart has on screen.
pub const CSS_PPI: f64 = 96.0;

/// The largest scale `render --format png` accepts, and the widest image in pixels.
pub const MAX_PIXEL_RATIO: f64 = 8.0;
pub const MIN_PIXEL_RATIO: f64 = 0.5;
pub const MAX_SIDE: u32 = 16_000;

/// The font family the charts' `sans-serif` text is set in, per language: Simplified or
/// Traditional Chinese glyph forms (and the same font's Latin letters for English). Debian's
/// `fonts-noto-cjk`, installed by `tools/setup.sh`, provides both.
pub fn font_family(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHant => "Noto Sans CJK TC",
        Lang::ZhHans => "Noto Sans CJK SC",
        Lang::En => "Noto Sans CJK KR",
    }
}

/// The system's fonts, loaded once per process.
fn system_fonts() -> &'static fontdb::Database {
    static DB: OnceLock<fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// resvg's options for text in `lang`: `sans-serif` (what plotters writes) means
/// [`font_family`].
fn options(lang: Lang) -> usvg::Options<'static> {
    let family = font_family(lang);
    let mut db = system_fonts().clone();
    db.set_sans_serif_family(family);
    let mut opt = usvg::Options { font_family: family.to_string(), ..usvg::Options::default() };
    opt.fontdb = Arc::new(db);
    opt
}

/// The text of every `<text>` element of an SVG (entities decoded), to check its glyphs.
pub fn svg_text(svg: &str) -> String {
    let mut all = String::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let Some(gt) = rest[i..].find('>') else { break };
        let body = &rest[i + gt + 1..];
        let end = body.find("</text>").unwrap_or(body.len());
        let inner = &body[..end];
        // Strip nested tags (tspan), keep their text.
        let mut depth = 0;
        for c in inner.chars() {
            match c {
                '<' => depth += 1,
                '>' if depth > 0 => depth -= 1,
                _ if depth == 0 => all.push(c),
                _ => {}
            }
        }
        all.push('\n');
        rest = &body[end..];
    }
    all.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The characters of `text` that the font of `lang` has no glyph for (they would be drawn as
/// empty boxes, "tofu"); an error names them and the package that provides the font.
pub fn check_glyphs(text: &str, lang: Lang) -> Result<(), Error> {
    use skrifa::MetadataProvider;
    let family = font_family(lang);
    let db = system_fonts();
    let query = fontdb::Query { families: &[fontdb::Family::Name(family)], ..fontdb::Query::default() };
    let missing_font = || {
        Error::Draw(format!(
            "the font “{family}” is not installed: install Debian's fonts-noto-cjk (tools/setup.sh does)"
        ))
    };
    let id = db.query(&query).ok_or_else(missing_font)?;
    let missing: Option<Option<String>> = db.with_face_data(id, |data, index| {
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        let map = font.charmap();
        let mut missing: Vec<char> =
            text.chars().filter(|c| !c.is_whitespace() && !c.is_control() && map.map(*c).is_none()).collect();
        missing.sort_unstable();
        missing.dedup();
        Some(missing.into_iter().collect())
    });
    match missing.flatten() {
        None => Err(missing_font()),
        Some(m) if m.is_empty() => Ok(()),
        Some(m) => Err(Error::Draw(format!("the font “{family}” has no glyph for “{m}”"))),
    }
}

/// Check that pixel ratio `pixel_ratio` is a sensible raster scale for an image `width` × `height` CSS pixels,
/// and give the size in pixels.
pub fn scaled_size(width: u32, height: u32, pixel_ratio: f64) -> Result<(u32, u32), Error> {
    if !(MIN_PIXEL_RATIO..=MAX_PIXEL_RATIO).contains(&pixel_ratio) {
        return Err(Error::Invalid(format!(
            "the pixel ratio (--scale) must be from {MIN_PIXEL_RATIO} to {MAX_PIXEL_RATIO}, got {pixel_ratio}"
        )));
    }
    let side = |css: u32| f64::round(css as f64 * pixel_ratio) as u32;
    let (w, h) = (side(width), side(height));
    if w > MAX_SIDE || h > MAX_SIDE || w == 0 || h == 0 {
        return Err(Error::Invalid(format!(
            "{width}×{height} at pixel ratio {pixel_ratio} is {w}×{h} pixels; at most {MAX_SIDE} a side"
        )));
    }
    Ok((w, h))
}

/// Rasterise an SVG (as the chart functions draw it) at pixel ratio `pixel_ratio` with the fonts of `lang`.
/// Fails, rather than drawing tofu, when the font lacks a glyph of its text.
pub fn rasterise(svg: &str, lang: Lang, pixel_ratio: f64) -> Result<Pixmap, Error> {
    check_glyphs(&svg_text(svg), lang)?;
    let tree = usvg::Tree::from_str(svg, &options(lang))
        .map_err(|e| Error::Draw(format!("could not read the chart's SVG: {e}")))?;
    let size = tree.size();
    let (w, h) = scaled_size(f32::ceil(size.width()) as u32, f32::ceil(size.height()) as u32, pixel_ratio)?;
    let mut pixmap =
        Pixmap::new(w, h).ok_or_else(|| Error::Draw(format!("cannot allocate a {w}×{h} image")))?;
    let s = pixel_ratio as f32;
    resvg::render(&tree, Transform::from_scale(s, s), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Colour type of an encoded image.
enum Pixels {
    /// Up to 256 colours: a palette and one index a pixel.
    Indexed(Vec<[u8; 3]>, Vec<u8>),
    Rgb(Vec<u8>),
    Rgba(Vec<u8>),
}

/// The pixmap's pixels, straight (not premultiplied) RGBA.
fn rgba(pixmap: &Pixmap) -> Vec<[u8; 4]> {
    pixmap
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// The exact palette of an opaque image with at most 256 colours, or `None`.
fn exact_palette(px: &[[u8; 4]]) -> Option<(Vec<[u8; 3]>, Vec<u8>)> {
    let mut palette: Vec<[u8; 3]> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(px.len());
    for p in px {
        if p[3] != 255 {
            return None;
        }
        let c = [p[0], p[1], p[2]];
        let i = match index.get(&c) {
            Some(&i) => i,
            None => {
                if palette.len() == 256 {
                    return None;
                }
                palette.push(c);
                index.insert(c, (palette.len() - 1) as u8);
                (palette.len() - 1) as u8
            }
        };
        out.push(i);
    }
    Some((palette, out))
}

fn encode(width: u32, height: u32, pixels: Pixels, ppi: f64) -> Result<Vec<u8>, Error> {
    let fail = |e: png::EncodingError| Error::Draw(format!("could not encode the PNG: {e}"));
    let mut buf = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut buf, width, height);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::High);
        let ppm = f64::round(ppi / 0.0254) as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions { xppu: ppm, yppu: ppm, unit: png::Unit::Meter }));
        let data = match pixels {
            Pixels::Indexed(palette, idx) => {
                enc.set_color(png::ColorType::Indexed);
                enc.set_palette(palette.concat());
                enc.set_filter(png::Filter::NoFilter);
                idx
            }
            Pixels::Rgb(d) => {
                enc.set_color(png::ColorType::Rgb);
                enc.set_filter(png::Filter::Adaptive);
                d
            }
            Pixels::Rgba(d) => {
                enc.set_color(png::ColorType::Rgba);
                enc.set_filter(png::Filter::Adaptive);
                d
            }
        };
        let mut w = enc.write_header().map_err(fail)?;
        w.write_image_data(&data).map_err(fail)?;
        w.finish().map_err(fail)?;
    }
    Ok(buf)
}

/// Encode a pixmap losslessly (for print): a palette when the image has at most 256
/// colours, else RGB, or RGBA if any pixel is transparent. `ppi` goes into the pHYs chunk.
pub fn encode_lossless(pixmap: &Pixmap, ppi: f64) -> Result<Vec<u8>, Error> {
    let px = rgba(pixmap);
    let pixels = match exact_palette(&px) {
        Some((palette, idx)) => Pixels::Indexed(palette, idx),
        None if px.iter().all(|p| p[3] == 255) => {
            Pixels::Rgb(px.iter().flat_map(|p| [p[0], p[1], p[2]]).collect())
        }
        None => Pixels::Rgba(px.concat()),
    };
    encode(pixmap.width(), pixmap.height(), pixels, ppi)
}

/// A chart's SVG as a PNG at pixel ratio `pixel_ratio` (1 = one pixel per CSS pixel), lossless, with its
/// resolution (96 × `pixel_ratio` pixels per inch) recorded.
pub fn svg_to_png(svg: &str, lang: Lang, pixel_ratio: f64) -> Result<Vec<u8>, Error> {
    let pixmap = rasterise(svg, lang, pixel_ratio)?;
    encode_lossless(&pixmap, CSS_PPI * pixel_ratio)
}
