//! Text without asking the backend: estimated widths and line wrapping, so the canvas and the
//! SVG lay out the same and no font metrics element breaks a strict CSP.

use super::Style;

/// Estimated width in device pixels of `text` at `css_px`. Charts lay out text with this
/// estimate instead of asking the backend: plotters' browser font metrics insert an element
/// with an inline `style` attribute, which a strict Content-Security-Policy forbids, and the
/// estimate makes the canvas and the SVG layouts identical. CJK characters are one em wide;
/// Latin letters and digits about 0.56 em.
pub fn text_width(text: &str, css_px: f64, st: &Style) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            c if is_wide(c) => 1.0,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            ' ' => 0.3,
            c if c.is_ascii_uppercase() => 0.66,
            _ => 0.56,
        })
        .sum();
    f64::ceil(em * css_px * st.look.text_scale * st.pixel_ratio) as i32
}

/// `text` cut to at most `max_w` device pixels at `css_px`, ending in "…" where it was cut.
pub fn fit(text: &str, css_px: f64, max_w: i32, st: &Style) -> String {
    if text_width(text, css_px, st) <= max_w {
        return text.to_string();
    }
    let mut cut: String = text.to_string();
    while cut.pop().is_some() {
        let trimmed = cut.trim_end();
        if text_width(trimmed, css_px, st) + text_width("…", css_px, st) <= max_w {
            return format!("{trimmed}…");
        }
    }
    String::new()
}

/// CJK ideographs and full-width forms: one em wide, and a line may break on either side.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Punctuation that must not start a line (Chinese line-breaking rule, simplified).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '：' | '；' | '）' | '！' | '？' | '」' | '”' | ')' | ',' | '.' | ':' | ';'
    )
}

/// Break `text` into lines no wider than `max_w` device pixels at `css_px`: at spaces, at
/// `&` and `/` (query strings), and between CJK characters; a word longer than a line is cut.
pub fn wrap(text: &str, css_px: f64, max_w: i32, st: &Style) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Byte offsets in `line` where it may be broken: `line[..b]` stays, the rest moves on.
    let mut breaks: Vec<usize> = Vec::new();
    for ch in text.chars() {
        if ch == '\n' {
            lines.push(line.trim_end().to_string());
            line.clear();
            breaks.clear();
            continue;
        }
        let at = line.len();
        if no_break_before(ch) {
            if breaks.last() == Some(&at) {
                breaks.pop();
            }
        } else if is_wide(ch) && at > 0 {
            breaks.push(at);
        }
        line.push(ch);
        let after = matches!(ch, ' ' | '&' | '/') || is_wide(ch);
        if after {
            breaks.push(line.len());
        }
        if !ch.is_whitespace() && at > 0 && text_width(line.trim_end(), css_px, st) > max_w {
            let cut = breaks.iter().rev().copied().find(|&b| b > 0 && b <= at).unwrap_or(at);
            let rest = line[cut..].trim_start().to_string();
            lines.push(line[..cut].trim_end().to_string());
            line = rest;
            breaks.clear();
            if after && !line.is_empty() {
                breaks.push(line.len());
            }
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}
