//! House colours: a newsroom's `accent`, `reported`, `bg` and `fg` (and their `-dark` pair)
//! as the URL gives them, checked strictly (`#rrggbb` only) and against WCAG AA contrast on
//! the background they will stand on: 4.5:1 for text (`fg`), 3:1 for marks (`accent`,
//! `reported`). A colour that fails is not used and the notice says which and why. The dark
//! theme takes the `-dark` keys, or a pair derived from the light one that passes.
//!
//! The page and the charts ask [`Palette::of`] for the colours in force; the page sets them as
//! CSS custom properties ([`Palette::css`]), the charts draw with them (`charts::Style`).

use crate::model::notice::{Notice, NoticeKind};

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// The house colour keys, in the order of [`House::given`]: the light theme's four, then the
/// dark theme's.
pub const KEYS: [&str; 8] =
    ["accent", "reported", "bg", "fg", "accent-dark", "reported-dark", "bg-dark", "fg-dark"];

/// Contrast words need against their background (WCAG 2.x AA, normal text).
pub const TEXT: f64 = 4.5;
/// Contrast marks (bars, lines, points) need against their background (WCAG 2.x AA, 1.4.11).
pub const MARKS: f64 = 3.0;

/// The page's own colours, light and dark (www/style.css declares the same; a test of
/// `charts::style` pins the two): background, text, the scenario's colour, the reported one.
pub const LIGHT: Palette = Palette {
    bg: [0xff, 0xff, 0xff],
    fg: [0x1f, 0x23, 0x28],
    accent: [0x00, 0x72, 0xb2],
    reported: [0xd5, 0x5e, 0x00],
};
pub const DARK: Palette = Palette {
    bg: [0x16, 0x1a, 0x1f],
    fg: [0xe8, 0xea, 0xed],
    accent: [0x56, 0xb4, 0xe9],
    reported: [0xe6, 0x9f, 0x00],
};

/// `#rrggbb` and nothing else (upper or lower case), as a colour.
pub fn parse(s: &str) -> Option<Rgb> {
    let h = s.strip_prefix('#')?.as_bytes();
    if h.len() != 6 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; 3];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = digit(h[2 * i])? * 16 + digit(h[2 * i + 1])?;
    }
    Some(out)
}

/// A colour as `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    const D: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::from("#");
    for b in c {
        s.push(D[(b >> 4) as usize] as char);
        s.push(D[(b & 15) as usize] as char);
    }
    s
}

/// Relative luminance (WCAG 2.x).
fn luminance(c: Rgb) -> f64 {
    let lin = |b: u8| {
        let x = b as f64 / 255.0;
        if x <= 0.04045 {
            x / 12.92
        } else {
            libm::pow((x + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The contrast ratio of two colours, 1 to 21 (WCAG 2.x).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `a` blended over `b` with weight `t` (0: all `b`, 1: all `a`).
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let f =
        |x: u8, y: u8| crate::num::clamp(f64::round(x as f64 * t + y as f64 * (1.0 - t)), 0.0, 255.0) as u8;
    [f(a[0], b[0]), f(a[1], b[1]), f(a[2], b[2])]
}

/// `c` moved towards `toward` just enough to reach `need` against `bg` (`c` itself when it
/// does): a light theme's accent made fit for the dark background.
fn fit(c: Rgb, bg: Rgb, toward: Rgb, need: f64) -> Rgb {
    (0..=10).map(|i| mix(toward, c, i as f64 / 10.0)).find(|&m| contrast(m, bg) >= need).unwrap_or(toward)
}

/// The colours given in the URL, by [`KEYS`]; `None` where not given or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct House {
    pub given: [Option<Rgb>; 8],
}

/// The four colours a theme draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub bg: Rgb,
    pub fg: Rgb,
    pub accent: Rgb,
    pub reported: Rgb,
}

impl House {
    /// True when no house colour is in force.
    pub fn is_empty(&self) -> bool {
        self.given.iter().all(Option::is_none)
    }

    /// Refuse every given colour that fails its contrast on the background it will stand on,
    /// with a notice naming it, its partner and the ratio: `fg` against `bg` (text, 4.5:1),
    /// `accent` and `reported` against `bg` (marks, 3:1), in each theme. A text pair that fails
    /// drops both of its colours given (which one is wrong is the newsroom's to say).
    pub fn check(&mut self, notices: &mut Vec<Notice>) {
        for (theme, base) in [(0, LIGHT), (4, DARK)] {
            let g = &mut self.given[theme..theme + 4];
            // The text colour first (its pair goes with it), the background, then the marks.
            for i in [3, 2, 0, 1] {
                let Some(c) = g[i] else { continue };
                let (bg, fg) = (g[2].unwrap_or(base.bg), g[3].unwrap_or(base.fg));
                let (against, need) = match i {
                    3 => (bg, TEXT),
                    2 => (fg, TEXT),
                    _ => (bg, MARKS),
                };
                let ratio = contrast(c, against);
                if ratio < need {
                    notices.push(low(theme + i, c, against, ratio, i > 1));
                    g[i] = None;
                    if i == 3 {
                        g[2] = None;
                    }
                }
            }
        }
    }

    /// The colours in force in a theme: the house's where given (and not refused), the page's
    /// own elsewhere. Dark without its own `accent-dark` or `reported-dark` takes the light
    /// one, lightened until it reaches 3:1 on the dark background.
    pub fn palette(&self, dark: bool) -> Palette {
        let g = &self.given;
        if !dark {
            return Palette {
                bg: g[2].unwrap_or(LIGHT.bg),
                fg: g[3].unwrap_or(LIGHT.fg),
                accent: g[0].unwrap_or(LIGHT.accent),
                reported: g[1].unwrap_or(LIGHT.reported),
            };
        }
        let bg = g[6].unwrap_or(DARK.bg);
        let fg = g[7].unwrap_or(DARK.fg);
        let own = |i: usize, base: Rgb| g[i + 4].or(g[i].map(|c| fit(c, bg, fg, MARKS))).unwrap_or(base);
        Palette { bg, fg, accent: own(0, DARK.accent), reported: own(1, DARK.reported) }
    }
}

/// The notice for house colour `key` refused for its contrast `ratio` against `against`:
/// `text` for a text colour (4.5:1), else a mark's (3:1).
fn low(key: usize, colour: Rgb, against: Rgb, ratio: f64, text: bool) -> Notice {
    // Rounded down, so a ratio just short of the need never reads as the need itself.
    let ratio = crate::num::fixed(f64::floor(ratio * 100.0) / 100.0, 2);
    Notice::new(KEYS[key], NoticeKind::LowContrast { given: hex(colour), against: hex(against), ratio, text })
}

impl Palette {
    /// `c` when words in it reach 4.5:1 on the background, else the text colour.
    fn or_fg(&self, c: Rgb) -> Rgb {
        if contrast(c, self.bg) >= TEXT {
            c
        } else {
            self.fg
        }
    }

    /// Secondary text and axes: the text colour softened towards the background, as far as
    /// 4.5:1 allows.
    pub fn muted(&self) -> Rgb {
        self.or_fg(mix(self.fg, self.bg, 0.72))
    }

    /// The page's CSS custom properties for these colours, `--name:#rrggbb` joined by `;`: the
    /// four, and what the stylesheet derives from them — secondary text (`--muted`, 4.5:1 or
    /// the text colour), rules and panels, the text on an accent-filled button (`--accent-ink`,
    /// black or white, whichever contrasts more), links and the sentence's numbers
    /// (`--accent-text`: the accent when it reaches 4.5:1, else the text colour) and the
    /// assumptions' colour (`--assume`, kept when it reaches 4.5:1 on the background).
    pub fn css(&self, dark: bool) -> String {
        let (bg, fg) = (self.bg, self.fg);
        let assume = if dark { [0xf0, 0xc6, 0x74] } else { [0x7a, 0x4d, 0x00] };
        let white = contrast([0xff; 3], self.accent) >= contrast([0; 3], self.accent);
        let props = [
            ("--bg", bg),
            ("--ink", fg),
            ("--muted", self.muted()),
            ("--rule", mix(fg, bg, 0.22)),
            ("--panel", mix(fg, bg, 0.05)),
            ("--accent", self.accent),
            ("--accent-ink", if white { [0xff; 3] } else { [0; 3] }),
            ("--accent-text", self.or_fg(self.accent)),
            ("--focus", self.accent),
            ("--reported-ink", self.reported),
            ("--assume", self.or_fg(assume)),
        ];
        let mut out = String::new();
        for (name, c) in props {
            if !out.is_empty() {
                out.push(';');
            }
            out.push_str(name);
            out.push(':');
            out.push_str(&hex(c));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn house(pairs: &[(&str, &str)]) -> (House, Vec<Notice>) {
        let mut h = House::default();
        for (k, v) in pairs {
            let i = KEYS.iter().position(|x| x == k).expect("a house key");
            h.given[i] = Some(parse(v).expect("a colour"));
        }
        let mut notices = Vec::new();
        h.check(&mut notices);
        (h, notices)
    }

    #[test]
    fn only_six_hex_digits_after_a_hash_are_a_colour() {
        assert_eq!(parse("#0A5c36"), Some([0x0a, 0x5c, 0x36]));
        assert_eq!(hex([0x0a, 0x5c, 0x36]), "#0a5c36");
        for bad in
            ["0a5c36", "#0a5c3", "#0a5c367", "#0a5c3g", "red", "", "#", " #0a5c36", "#０a5c36", "#0a5c3é"]
        {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn contrast_is_wcag_s_ratio() {
        assert_eq!(f64::round(contrast([0; 3], [0xff; 3]) * 100.0), 2100.0);
        assert_eq!(contrast([0x77; 3], [0x77; 3]), 1.0);
        // #767676 on white is the classic 4.54:1, #777777 just fails (4.48:1).
        assert!(contrast([0x76; 3], [0xff; 3]) >= TEXT && contrast([0x77; 3], [0xff; 3]) < TEXT);
    }

    #[test]
    fn a_house_colour_that_fails_its_contrast_is_refused_with_a_notice_naming_it_and_the_ratio() {
        let (h, n) = house(&[("accent", "#ffd700"), ("reported", "#8b0000")]);
        assert_eq!(h.given[0], None, "gold on white is 1.4:1, below 3:1 for marks");
        assert_eq!(h.given[1], Some([0x8b, 0, 0]), "a dark red passes");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].key, "accent");
        assert!(
            matches!(&n[0].kind, NoticeKind::LowContrast { ratio, text: false, .. } if ratio == "1.40"),
            "{n:?}"
        );
        // Text: grey on white fails 4.5:1; both colours of the pair are dropped.
        let (h, n) = house(&[("fg", "#777777"), ("bg", "#ffffff")]);
        assert_eq!((h.given[2], h.given[3]), (None, None));
        assert!(
            matches!(&n[0].kind, NoticeKind::LowContrast { ratio, text: true, .. } if ratio == "4.47" || ratio == "4.48"),
            "{n:?}"
        );
        assert_eq!(n[0].key, "fg");
        // A dark background given alone is checked against the light theme's text.
        let (_, n) = house(&[("bg", "#202020")]);
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].key, "bg");
    }

    #[test]
    fn dark_mode_takes_its_own_pair_or_derives_one_that_passes() {
        let (h, n) = house(&[("accent", "#0a5c36"), ("reported", "#a33b00")]);
        assert!(n.is_empty(), "{n:?}");
        let dark = h.palette(true);
        assert!(contrast(dark.accent, dark.bg) >= MARKS, "{dark:?}");
        assert!(contrast(dark.reported, dark.bg) >= MARKS, "{dark:?}");
        assert_ne!(dark.accent, [0x0a, 0x5c, 0x36], "the dark green was lightened for the dark background");
        let (h, _) = house(&[("accent", "#0a5c36"), ("accent-dark", "#7fd1a8")]);
        assert_eq!(h.palette(true).accent, [0x7f, 0xd1, 0xa8]);
        assert_eq!(h.palette(false).accent, [0x0a, 0x5c, 0x36]);
        assert_eq!(House::default().palette(true), DARK);
    }

    #[test]
    fn every_colour_the_page_derives_keeps_its_contrast() {
        for (pairs, dark) in [
            (&[("accent", "#0a5c36"), ("bg", "#fdf6e3"), ("fg", "#222222")][..], false),
            (&[("accent-dark", "#ffcc00"), ("bg-dark", "#000000"), ("fg-dark", "#f0f0f0")][..], true),
            (&[("accent", "#5a8dee")][..], false),
        ] {
            let (h, n) = house(pairs);
            assert!(n.is_empty(), "{n:?}");
            let css = h.palette(dark).css(dark);
            let get = |k: &str| {
                let decl = css.split(';').find(|d| d.starts_with(&format!("{k}:"))).expect(k);
                parse(&decl[k.len() + 1..]).expect("hex")
            };
            for k in ["--ink", "--muted", "--accent-text", "--assume"] {
                assert!(contrast(get(k), get("--bg")) >= TEXT, "{k} in {pairs:?}");
            }
            assert!(contrast(get("--accent-ink"), get("--accent")) >= TEXT, "{pairs:?}");
        }
    }
}
