//! Command line for data desks (SPEC §6), native only.
//!
//! ```text
//! helong simulate "<query>" [--lang en|zh-Hans|zh-Hant] [--strict]
//! helong facts [--format json|csv]
//! helong render --chart <name> "<query>" --out <file.svg|file.png> [--format svg|png] [--scale S]
//!               [--lang …] [--dark] [--width N] [--height N]
//! helong prerender <www/index.html> <out-dir> [--site-url https://…/]
//! ```
//!
//! Output goes to stdout; problems to stderr. Exit codes: 0 success, 2 invalid input
//! (unknown command, option, chart or format; a notice under `--strict`), 1 an I/O failure.

use crate::charts::{self, Chart, Style};
use crate::i18n::Lang;
use crate::model::Outcome;
use crate::{facts, Error};
use std::io::Write;

/// The command line's help: the charts and the languages are the model's lists.
fn usage() -> String {
    let charts: Vec<&str> = Chart::ALL.iter().map(|c| c.name()).collect();
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    format!(
        "usage:
  helong simulate \"<query>\" [--lang {langs}] [--strict]
  helong facts [--format json|csv]
  helong render --chart <{charts}> \"<query>\" --out <file.svg|file.png>
                [--format svg|png] [--scale S] [--lang L] [--dark] [--width N] [--height N]
                (PNG: S pixels per CSS pixel, {min} to {max}, e.g. --scale 4 for print; default {default})
  helong prerender <www/index.html> <out-dir> [--site-url https://…/]
                (the static site: filled page, narrative fragments, embed.html, the single
                file, SVG charts, share cards)

The query uses the page's URL keys, e.g. \"grant=10000&mix=1,1,1,1,1\"; \"\" is the scenario
as the article reports it. Exit code 2 means invalid input.",
        langs = langs.join("|"),
        charts = charts.join("|"),
        min = crate::png::MIN_PIXEL_RATIO,
        max = crate::png::MAX_PIXEL_RATIO,
        default = DEFAULT_PNG_PIXEL_RATIO,
    )
}

/// A failure of the command line: what to print and which exit code to use.
#[derive(Debug)]
struct Fail {
    code: i32,
    msg: String,
}

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        let code = if e.is_draw() { 1 } else { 2 };
        Fail { code, msg: e.to_string() }
    }
}

fn invalid(msg: impl Into<String>) -> Fail {
    Fail { code: 2, msg: msg.into() }
}

/// Options after the command name.
#[derive(Debug, Default)]
struct Opts {
    positional: Vec<String>,
    lang: Option<Lang>,
    strict: bool,
    format: Option<String>,
    chart: Option<String>,
    out: Option<String>,
    dark: bool,
    width: Option<u32>,
    height: Option<u32>,
    pixel_ratio: Option<f64>,
    site_url: Option<String>,
}

fn parse_opts(args: &[String]) -> Result<Opts, Fail> {
    let mut o = Opts::default();
    let mut it = args.iter();
    let value = |it: &mut std::slice::Iter<String>, name: &str| -> Result<String, Fail> {
        it.next().cloned().ok_or_else(|| invalid(format!("option {name} needs a value")))
    };
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if a.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let val = |it: &mut std::slice::Iter<String>| match &inline {
            Some(v) => Ok(v.clone()),
            None => value(it, &name),
        };
        match name.as_str() {
            "--lang" => {
                let v = val(&mut it)?;
                o.lang = Some(Lang::parse(&v).ok_or_else(|| invalid(format!("unknown language {v:?}")))?);
            }
            "--strict" => o.strict = true,
            "--dark" => o.dark = true,
            "--format" => o.format = Some(val(&mut it)?),
            "--chart" => o.chart = Some(val(&mut it)?),
            "--out" | "-o" => o.out = Some(val(&mut it)?),
            "--width" | "--height" => {
                let v = val(&mut it)?;
                let n: u32 = v.parse().ok().filter(|n| (100..=8000).contains(n)).ok_or_else(|| {
                    invalid(format!("{name} must be a whole number of pixels from 100 to 8000, got {v:?}"))
                })?;
                if name == "--width" {
                    o.width = Some(n)
                } else {
                    o.height = Some(n)
                }
            }
            "--scale" => {
                let v = val(&mut it)?;
                let s: f64 = v.trim().parse().ok().filter(|s: &f64| s.is_finite()).ok_or_else(|| {
                    invalid(format!(
                        "--scale must be a number of pixels per CSS pixel, e.g. 2 or 4, got {v:?}"
                    ))
                })?;
                o.pixel_ratio = Some(s);
            }
            "--site-url" => o.site_url = Some(val(&mut it)?),
            "--" => o.positional.extend(it.by_ref().cloned()),
            s if s.starts_with("--") => return Err(invalid(format!("unknown option {s:?}"))),
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

/// Scale of `render --format png` without `--scale`: as crisp as the page's download.
pub const DEFAULT_PNG_PIXEL_RATIO: f64 = 2.0;

/// What `prerender` says when no site URL is given.
const NO_SITE_URL: &str = "note: no SITE_URL: index.html gets no og:image, og:url or canonical link \
(share previews show no picture); make dist SITE_URL=https://your.host/path/";

/// The format of `render`: `--format`, or the extension of `--out`; they must agree, and
/// `--scale` is for PNG only.
fn render_format<'a>(o: &'a Opts, path: &str) -> Result<&'a str, Fail> {
    let ext = std::path::Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match o.format.as_deref() {
        Some(f @ ("svg" | "png")) => f,
        Some(f) => return Err(invalid(format!("unknown format {f:?} for render: svg or png"))),
        None if ext.eq_ignore_ascii_case("png") => "png",
        None => "svg",
    };
    if !ext.eq_ignore_ascii_case(format) {
        return Err(invalid(format!("--out must name a .{format} file, got {path:?}")));
    }
    if format == "svg" && o.pixel_ratio.is_some() {
        return Err(invalid("--scale is for --format png (an SVG scales without loss)"));
    }
    Ok(format)
}

fn one_query(o: &Opts) -> Result<String, Fail> {
    match o.positional.len() {
        0 => Ok(String::new()),
        1 => Ok(o.positional[0].clone()),
        _ => Err(invalid(format!("expected one query, got {}: {:?}", o.positional.len(), o.positional))),
    }
}

/// The `simulate` JSON: the outcome with notices as sentences, plus their codes.
/// With pins in the query, `pins` lists each pinned scenario's outcome and its difference.
pub fn simulate_json(out: &Outcome, pins: &[crate::model::pins::Compared], lang: Lang) -> serde_json::Value {
    let mut v = serde_json::to_value(out).unwrap_or(serde_json::Value::Null);
    if let Some(obj) = v.as_object_mut() {
        if !pins.is_empty() {
            obj.insert("pins".into(), serde_json::to_value(pins).unwrap_or_default());
        }
        let details = obj.remove("notices").unwrap_or_default();
        let texts: Vec<String> = out.notices.iter().map(|n| crate::text::notice::message(n, lang)).collect();
        obj.insert("notices".into(), serde_json::json!(texts));
        obj.insert("notice_details".into(), details);
    }
    v
}

fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<(), Fail> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(invalid(usage()));
    };
    let io = |e: std::io::Error| Fail { code: 1, msg: format!("failed to write output: {e}") };
    match cmd.as_str() {
        "simulate" => {
            let o = parse_opts(rest)?;
            let lang = o.lang.unwrap_or(Lang::En);
            let (out, pins) = crate::page::simulate_with_pins(&one_query(&o)?);
            for n in &out.notices {
                writeln!(stderr, "notice: {}", crate::text::notice::message(n, lang)).map_err(io)?;
            }
            if o.strict && !out.notices.is_empty() {
                return Err(invalid(format!("{} notice(s) under --strict", out.notices.len())));
            }
            let text = serde_json::to_string_pretty(&simulate_json(&out, &pins, lang))
                .map_err(|e| Fail { code: 1, msg: format!("failed to write JSON: {e}") })?;
            writeln!(stdout, "{text}").map_err(io)?;
        }
        "facts" => {
            let o = parse_opts(rest)?;
            if !o.positional.is_empty() {
                return Err(invalid(format!("facts takes no argument, got {:?}", o.positional)));
            }
            let all = facts::all();
            match o.format.as_deref().unwrap_or("json") {
                "json" => {
                    let text = facts::to_json(&all)
                        .map_err(|e| Fail { code: 1, msg: format!("failed to write JSON: {e}") })?;
                    write!(stdout, "{text}").map_err(io)?;
                }
                "csv" => write!(stdout, "{}", facts::to_csv(&all)).map_err(io)?,
                f => return Err(Error::Unknown { what: "format", name: f.to_string() }.into()),
            }
        }
        "render" => {
            let o = parse_opts(rest)?;
            let name = o.chart.as_deref().ok_or_else(|| invalid("render needs --chart <name>"))?;
            let chart = Chart::parse(name)?;
            let path = o.out.as_deref().ok_or_else(|| invalid("render needs --out <file.svg|file.png>"))?;
            let format = render_format(&o, path)?;
            // A link's pins are drawn where the chart shows them (`Chart::shows_pins`).
            let (out, pinned) = crate::page::simulate_pinned(&one_query(&o)?);
            let pins: Vec<charts::PinMark> = pinned
                .iter()
                .enumerate()
                .map(|(i, (p, po))| charts::PinMark::from_outcome(i + 1, &p.name, po))
                .collect();
            let style = Style {
                lang: o.lang.unwrap_or(Lang::ZhHans),
                dark: o.dark,
                pixel_ratio: 1.0,
                ..Style::default()
            };
            let (w, h) = (o.width.unwrap_or(720), o.height.unwrap_or(360));
            let svg = charts::render_svg_pinned(chart, &out, &pins, &style, w, h)?;
            let bytes = match format {
                "png" => {
                    let pixel_ratio = o.pixel_ratio.unwrap_or(DEFAULT_PNG_PIXEL_RATIO);
                    crate::png::scaled_size(w, h, pixel_ratio)?;
                    crate::png::svg_to_png(&svg, style.lang, pixel_ratio)?
                }
                _ => svg.into_bytes(),
            };
            std::fs::write(path, bytes)
                .map_err(|e| Fail { code: 1, msg: format!("failed to write {path}: {e}") })?;
            writeln!(stderr, "wrote {path}").map_err(io)?;
        }
        "prerender" => {
            let o = parse_opts(rest)?;
            let [input, out_dir] = o.positional.as_slice() else {
                return Err(invalid("usage: helong prerender <www/index.html> <out-dir>"));
            };
            let html = std::fs::read_to_string(input)
                .map_err(|e| Fail { code: 1, msg: format!("failed to read {input}: {e}") })?;
            let mut files = crate::site::site(&html, o.site_url.as_deref())?;
            // The host page's loader, beside the page, with the page's contract written in.
            let loader = std::path::Path::new(input).with_file_name("embed.js");
            let js = std::fs::read_to_string(&loader)
                .map_err(|e| Fail { code: 1, msg: format!("failed to read {}: {e}", loader.display()) })?;
            files.push(("embed.js".to_string(), crate::site::embed::loader(&js)?));
            let cards = crate::site::social::cards(&html)?;
            if o.site_url.as_deref().is_none_or(|s| s.trim().is_empty()) {
                writeln!(stderr, "{NO_SITE_URL}").map_err(io)?;
            }
            let files = files.into_iter().map(|(n, s)| (n, s.into_bytes())).chain(cards);
            for (rel, contents) in files {
                let path = std::path::Path::new(out_dir).join(&rel);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| Fail {
                        code: 1,
                        msg: format!("failed to create {}: {e}", dir.display()),
                    })?;
                }
                std::fs::write(&path, contents)
                    .map_err(|e| Fail { code: 1, msg: format!("failed to write {}: {e}", path.display()) })?;
            }
            writeln!(stderr, "pre-rendered {input} into {out_dir}").map_err(io)?;
        }
        "help" | "--help" | "-h" => writeln!(stdout, "{}", usage()).map_err(io)?,
        other => return Err(invalid(format!("unknown command {other:?}\n{}", usage()))),
    }
    Ok(())
}

/// Run the command line; returns the process exit code.
pub fn main(args: Vec<String>) -> i32 {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match run(&args, &mut stdout, &mut stderr) {
        Ok(()) => 0,
        Err(f) => {
            let _ = writeln!(stderr, "error: {}", f.msg);
            f.code
        }
    }
}

/// Run with captured output: (exit code, stdout, stderr). For tests.
pub fn run_captured(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = match run(&args, &mut out, &mut err) {
        Ok(()) => 0,
        Err(f) => {
            let _ = writeln!(err, "error: {}", f.msg);
            f.code
        }
    };
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}
