//! Where every figure of the story comes from, in words: its label, its value with
//! unit and period, its place in the article (section heading and paragraph) or, for a derived
//! figure, its formula with the inputs written out (`559,300 ÷ 2,546 = 219.68`).
//!
//! The site ([`super`]) writes two things from these. In the page's sources section, one short list per
//! language (zh-Hans in `index.html`, zh-Hant and en in their narrative fragments): every figure
//! of the story under the section and paragraph it comes from, and the derived ones with their
//! formulas, so a reader without JavaScript can check each number ([`list_html`]). And one file
//! per language, `data/figures.<lang>.html`, with a full entry per figure ([`figures_html`]):
//! `www/app/provenance.js` fetches it the first time a reader opens a number and shows that
//! number's entry in a popover. The page's first load carries no second copy of the dataset.
//!
//! Numbers are written by the dataset's own formatters ([`facts::format_value`],
//! [`i18n::exact`]), so a figure reads here exactly as it does in the story.

use super::html::escape;
use crate::facts::source;
use crate::facts::{self, Fact, Reads, Unit};
use crate::i18n::{self, Lang};
use crate::text;

/// Each section of the article ([`facts::SECTIONS`], in order) as a reader of each language is
/// told it: (zh-Hans, zh-Hant, en). The Chinese headings are the article's own (Traditional as
/// printed; Simplified transcribed); the English ones are our glosses.
pub const SECTION_NAMES: [(&str, &str, &str); 6] = [
    ("导语（第一个小标题之前）", "導語（第一個小標題之前）", "the opening, before the first heading"),
    (
        "点赞!新举措让贫困户依靠双手自主脱贫",
        "點贊!新舉措讓貧困戶依靠雙手自主脫貧",
        "“Thumbs up: new measures let poor households work their own way out of poverty”",
    ),
    (
        "给力!“六小工程”带来的稳定收入看得见",
        "給力!“六小工程”帶來的穩定收入看得見",
        "“Going strong: the steady income the Six Small Projects bring”",
    ),
    (
        "精准!花足“绣花”功夫不让一人掉队",
        "精準!花足“繡花”功夫不讓一人掉隊",
        "“Precision: embroidery-fine care so no one is left behind”",
    ),
    (
        "美好!和龙开启幸福新农村之门",
        "美好!和龍開啟幸福新農村之門",
        "“A better life: Helong opens the door to a happy new countryside”",
    ),
    ("和龙市脱贫大数据", "和龍市脫貧大數據", "“Helong's poverty figures”"),
];

/// How a section is named in a locator: the opening as such, a heading quoted (with the
/// heading's own quotation marks turned into inner ones), and in English the printed heading
/// beside our gloss. `None` for a section the article does not have.
fn section_text(section: &str, lang: Lang) -> Option<String> {
    let i = facts::SECTIONS.iter().position(|(s, _)| *s == section)?;
    let (hans, hant, en) = SECTION_NAMES[i];
    Some(match (i, lang) {
        (0, _) => lang.pick(hans, hant, en).to_string(),
        (_, Lang::ZhHans) => format!("“{}”一节", hans.replace('“', "‘").replace('”', "’")),
        (_, Lang::ZhHant) => format!("“{}”一節", hant.replace('“', "‘").replace('”', "’")),
        (_, Lang::En) => format!("the section {en} (<span lang=\"zh-Hant\">{section}</span>)"),
    })
}

/// A fact's period in the reader's language: dates as dates (`2019年4月`, `April 2019`),
/// spans of years as they are, and what the dataset marks as inferred said so in each language.
/// A period this does not know is returned as the dataset has it (a test checks none is left
/// in English in Chinese).
pub fn period_text(period: &str, lang: Lang) -> String {
    let (core, inferred) = match period.strip_suffix(" (inferred)") {
        Some(c) => (c, true),
        None => (period, false),
    };
    let known: &[(&str, [&str; 3])] = &[
        (
            "2018 to publication",
            ["2018年至报道发表", "2018年至報道發表", "2018 to the article's publication"],
        ),
        ("as of publication", ["截至报道发表", "截至報道發表", "as of the article's publication"]),
        (
            "2015 to publication",
            ["2015年底至报道发表", "2015年底至報道發表", "the end of 2015 to the article's publication"],
        ),
        (
            "three years to publication",
            ["报道发表前的三年", "報道發表前的三年", "the three years before the article"],
        ),
        ("undated", ["报道未注明时间", "報道未註明時間", "not dated in the article"]),
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = core.split('-').collect();
    let month = |m: &str| m.parse::<usize>().ok().filter(|m| (1..=12).contains(m));
    let mut s = if let Some((_, t)) = known.iter().find(|(k, _)| *k == core) {
        lang.pick(t[0], t[1], t[2]).to_string()
    } else if core.split('–').all(|y| digits(y, 4)) {
        // A year or a span of years: 2019, 2015–2019.
        match lang {
            Lang::En => core.to_string(),
            _ => format!("{core}年"),
        }
    } else if parts.len() >= 2 && digits(parts[0], 4) && month(parts[1]).is_some() {
        let (y, m) = (parts[0], month(parts[1]).unwrap_or(1));
        match (parts.get(2).and_then(|d| d.parse::<u32>().ok()), lang) {
            (None, Lang::En) => format!("{} {y}", MONTHS[m - 1]),
            (None, _) => format!("{y}年{m}月"),
            (Some(d), Lang::En) => format!("{d} {} {y}", MONTHS[m - 1]),
            (Some(d), _) => format!("{y}年{m}月{d}日"),
        }
    } else {
        core.to_string()
    };
    if inferred {
        s.push_str(lang.pick("（推断）", "（推斷）", " (inferred)"));
    }
    s
}

/// A fact's value with its unit, as the popover and the list state it (`2546户`, `2,546
/// households`, `55.93万元`, `22.75个百分点`), with the article's “more than” (`100多只`,
/// `more than 100 chickens`) or our “about” for an estimate (`约9890元/年`). The number itself
/// is the story's.
pub fn value_text(f: &Fact, lang: Lang) -> String {
    match f.reads {
        Reads::Exact => unit_text(f, lang),
        Reads::MoreThan => {
            let (n, all) = (number_text(f, lang), unit_text(f, lang));
            match lang {
                Lang::En => format!("more than {all}"),
                _ => format!(
                    "{n}{}{}",
                    lang.pick("多", "多", ""),
                    all.strip_prefix(n.as_str()).unwrap_or(&all)
                ),
            }
        }
        Reads::About { step } => {
            let rounded = Fact { value: f64::round(f.value / step) * step, reads: Reads::Exact, ..f.clone() };
            format!("{}{}", lang.pick("约", "約", "about "), unit_text(&rounded, lang))
        }
    }
}

/// [`value_text`] without “more than” or “about”.
fn unit_text(f: &Fact, lang: Lang) -> String {
    let n = number_text(f, lang);
    let with = |hans: &str, hant: &str, en: &str| match lang {
        Lang::En => format!("{n} {en}"),
        _ => format!("{n}{}", lang.pick(hans, hant, en)),
    };
    match f.unit {
        Unit::Yuan | Unit::Percent | Unit::M2 => facts::format_value(f, lang),
        Unit::Year => with("年", "年", "").trim_end().to_string(), // 2019年, 2019
        Unit::YuanPerYear => with("元/年", "元/年", "yuan a year"),
        Unit::YuanPerM2 => with("元/平方米", "元/平方米", "yuan per m²"),
        Unit::Households => with("户", "戶", "households"),
        Unit::People => with("人", "人", "people"),
        Unit::PersonTimes => with("人次", "人次", "person-times"),
        Unit::PercentagePoints => with("个百分点", "個百分點", "percentage points"),
        Unit::Villages => with("个村", "個村", "villages"),
        Unit::Posts => with("个岗位", "個崗位", "posts"),
        Unit::Projects => with("个项目", "個項目", "projects"),
        Unit::Counties => with("个县", "個縣", "counties"),
        Unit::Years => with("年", "年", "years"),
        Unit::Months => with("个月", "個月", "months"),
        Unit::Chickens => with("只", "隻", "chickens"),
        Unit::Categories => with("类", "類", "kinds"),
        Unit::Parties => with("方", "方", "parties"),
        Unit::DefenceLines => with("道防线", "道防線", "lines of defence"),
        Unit::Ratio => with("倍", "倍", "times"),
    }
}

/// A fact's number as the story writes it, without unit: a year as a year (`2019`, never
/// `2,019`), anything else exactly ([`i18n::exact`]: `55.93万`, `559,300`).
fn number_text(f: &Fact, lang: Lang) -> String {
    match f.unit {
        Unit::Year => facts::format_value(f, lang),
        _ => i18n::exact(f.value, lang),
    }
}

/// A derived fact's formula with its inputs written out and its result, every number as the
/// story writes it without unit: `55.93万 ÷ 2546 = 219.68` (zh), `559,300 ÷ 2,546 = 219.68`
/// (en). `None` for a reported fact or a formula naming an unknown fact.
pub fn formula_text(f: &Fact, lang: Lang) -> Option<String> {
    let formula = f.formula?;
    let mut out = facts::formula_written(
        formula,
        |id| facts::get(id).map(|i| number_text(&i, lang)),
        |x| i18n::exact(x, lang),
    )?;
    out.push_str(" = ");
    out.push_str(&number_text(f, lang));
    Some(out)
}

/// The words of the list and the popover, in one language.
struct Words {
    /// The list's summary, before the count.
    summary: (&'static str, &'static str),
    /// The line that names the article and outlet, before the title.
    from: &'static str,
    how: &'static str,
    period: &'static str,
    reported: &'static str,
    paragraph: (&'static str, &'static str),
    derived: &'static str,
    inputs: &'static str,
    sep: &'static str,
    close: &'static str,
    /// Said in the popover when the file of entries could not be loaded.
    failed: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::ZhHans => Words {
            summary: ("文中 ", " 个数字的出处"),
            from: "数字出自",
            how: "段落按正文计数，不计标题和图片说明。",
            period: "时间：",
            reported: "报道给出的数字。出处：报道",
            paragraph: ("第", "段"),
            derived: "由报道的数字算出（derived）：",
            inputs: "所用数字：",
            sep: "；",
            close: "关闭",
            failed: "出处未能载入。页面下方“资料来源”里列有每个数字的出处。",
        },
        Lang::ZhHant => Words {
            summary: ("文中 ", " 個數字的出處"),
            from: "數字出自",
            how: "段落按正文計數，不計標題和圖片說明。",
            period: "時間：",
            reported: "報道給出的數字。出處：報道",
            paragraph: ("第", "段"),
            derived: "由報道的數字算出（derived）：",
            inputs: "所用數字：",
            sep: "；",
            close: "關閉",
            failed: "出處未能加載。頁面下方“資料來源”裡列有每個數字的出處。",
        },
        Lang::En => Words {
            summary: ("Where each of the story's ", " figures comes from"),
            from: "Figures from",
            how: "Paragraphs count body text only, not headings or captions.",
            period: "Period: ",
            reported: "Reported in the article: ",
            paragraph: (", paragraph ", ""),
            derived: "Derived, calculated from the article's figures: ",
            inputs: "Inputs: ",
            sep: "; ",
            close: "Close",
            failed: "The source could not be loaded. The sources section below lists where every figure comes from.",
        },
    }
}

/// The id of a fact's entry in the list of one language (`f-en-programme-benefit`); the story's
/// numbers and the formulas' inputs point at it.
pub fn entry_id(id: &str, lang: Lang) -> String {
    format!("f-{}-{id}", lang.tag())
}

/// One fact's entry: `<span id><b>label</b> <span>value · period</span>
/// <span>source or formula</span> [<span>inputs</span>]</span>`, shown as is in the popover.
pub fn entry_html(f: &Fact, lang: Lang) -> Result<String, String> {
    let w = words(lang);
    let mut s = format!(
        "<span id=\"{}\"><b>{}</b> <span>{} · {}{}</span> ",
        entry_id(f.id, lang),
        escape(text::label(f, lang)),
        escape(&value_text(f, lang)),
        w.period,
        escape(&period_text(f.period, lang))
    );
    if f.derived {
        let formula =
            formula_text(f, lang).ok_or_else(|| format!("{}: a formula that cannot be written", f.id))?;
        s.push_str(&format!("<span>{}{}</span>", w.derived, escape(&formula)));
        let inputs: Vec<String> = facts::formula_ids(f.formula.unwrap_or(""))
            .iter()
            .filter_map(|id| facts::get(id))
            .map(|i| {
                format!(
                    "<a href=\"#{}\">{}</a> {}",
                    entry_id(i.id, lang),
                    escape(text::label(&i, lang)),
                    escape(&value_text(&i, lang))
                )
            })
            .collect();
        s.push_str(&format!(" <span>{}{}</span>", w.inputs, inputs.join(w.sep)));
    } else {
        let section = section_text(f.source.section, lang)
            .ok_or_else(|| format!("{}: no section {:?} in the article", f.id, f.source.section))?;
        s.push_str(&format!(
            "<span>{}{section}{}{}{}</span>",
            w.reported, w.paragraph.0, f.source.paragraph, w.paragraph.1
        ));
    }
    s.push_str("</span>");
    Ok(s)
}

/// The facts `ids` name, and every input of a derived one among them (and theirs), in the
/// dataset's order; an id the dataset does not have is an error.
pub fn with_inputs(ids: &[&str]) -> Result<Vec<Fact>, String> {
    let mut want: Vec<String> = Vec::new();
    let mut todo: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    while let Some(id) = todo.pop() {
        if want.contains(&id) {
            continue;
        }
        let f = facts::get(&id).ok_or_else(|| format!("data-fact=\"{id}\": no such fact in the dataset"))?;
        todo.extend(f.formula.map(facts::formula_ids).unwrap_or_default().into_iter().map(String::from));
        want.push(id);
    }
    Ok(facts::all().into_iter().filter(|f| want.iter().any(|w| w == f.id)).collect())
}

/// The file of full entries of one language, fetched by the page on first use.
pub fn figures_file(lang: Lang) -> String {
    format!("data/figures.{}.html", lang.tag())
}

/// The line that names the article and its outlet.
fn article_line(lang: Lang) -> String {
    let w = words(lang);
    let (title, outlet) = (source::title(lang), source::outlet(lang));
    match lang {
        Lang::En => format!("{} “<span lang=\"zh-Hans\">{title}</span>”, {outlet}.", w.from),
        _ => format!("{}《{title}》，{outlet}。", w.from),
    }
}

/// The file of full entries of one language ([`figures_file`]), the parts of a popover: the
/// article line (`span.fact-article`), the close button, one [`entry_html`] per fact, and one
/// entry per assumption of the model ([`text::assumptions::entry_html`], `a-<lang>-<id>`),
/// marked as this explainer's, which the page shows without the article line.
pub fn figures_html(facts: &[Fact], lang: Lang) -> Result<String, String> {
    let mut s = format!(
        "<span class=\"fact-article\">{}</span>\n<button type=\"button\" class=\"fact-pop-close\">{}</button>\n",
        article_line(lang),
        words(lang).close
    );
    for f in facts {
        s.push_str(&entry_html(f, lang)?);
        s.push('\n');
    }
    for a in crate::model::assumptions::all() {
        s.push_str(&text::assumptions::entry_html(&a, lang)?);
        s.push('\n');
    }
    Ok(s)
}

/// Mark each figure of a page that the dataset derives (`data-fact="ID"` of a derived fact)
/// with `data-kind="derived"`, so the page shows reported, derived and assumed numbers
/// differently (an assumption's number is a `data-assumption` span). Unknown ids are left as
/// they are (the build has already refused them).
pub fn mark_kinds(html: &str) -> String {
    const MARK: &str = "data-fact=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let Some(end) = after.find('"') else { break };
        let id = &after[..end];
        out.push_str(&rest[..at + MARK.len() + end + 1]);
        if facts::get(id).is_some_and(|f| f.derived) && !after[end + 1..].starts_with(" data-kind=") {
            out.push_str(" data-kind=\"derived\"");
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The short list of one language for the sources section, a disclosure
/// (`<details class="fact-list" lang data-src data-failed>`): the article line, how
/// paragraphs are counted, every reported figure under its section and paragraph, and every
/// derived figure as its formula. The `data-` attributes are for `www/app/provenance.js`: the
/// file of full entries, and the words to say when it cannot be loaded.
pub fn list_html(facts: &[Fact], lang: Lang) -> Result<String, String> {
    let w = words(lang);
    let hidden = if lang == Lang::ZhHans { "" } else { " hidden" };
    let mut s = format!(
        "<details class=\"table-wrap fact-list\" lang=\"{}\" data-src=\"{}\" data-failed=\"{}\"{hidden}><summary>{}{}{}</summary>\n<p>{} {}</p>\n<ul>",
        lang.tag(),
        figures_file(lang),
        escape(w.failed),
        w.summary.0,
        i18n::count(facts.len() as f64, lang),
        w.summary.1,
        article_line(lang),
        w.how
    );
    // Reported figures, a line per section: `section：第3段 1993年、2002年；第4段 …`.
    let (section_sep, list_sep, item_sep) = match lang {
        Lang::En => (" — ", ": ", ", "),
        _ => ("——", "：", "、"),
    };
    let mut at: Option<(&str, u32)> = None;
    for f in facts.iter().filter(|f| !f.derived) {
        let here = (f.source.section, f.source.paragraph);
        let value = escape(&value_text(f, lang));
        if at.map(|a| a.0) != Some(here.0) {
            if at.is_some() {
                s.push_str("</li>");
            }
            let section = section_text(here.0, lang)
                .ok_or_else(|| format!("{}: no section {:?} in the article", f.id, here.0))?;
            let section = match lang {
                Lang::En => format!("{}{}", section[..1].to_uppercase(), &section[1..]),
                _ => section,
            };
            s.push_str(&format!(
                "\n<li>{section}{section_sep}{}{}{}{list_sep}{value}",
                w.paragraph.0.trim_start_matches(", "),
                here.1,
                w.paragraph.1
            ));
        } else if at.map(|a| a.1) != Some(here.1) {
            s.push_str(&format!(
                "{}{}{}{}{list_sep}{value}",
                w.sep,
                w.paragraph.0.trim_start_matches(", "),
                here.1,
                w.paragraph.1
            ));
        } else {
            s.push_str(&format!("{item_sep}{value}"));
        }
        at = Some(here);
    }
    if at.is_some() {
        s.push_str("</li>");
    }
    let derived: Vec<String> = facts
        .iter()
        .filter(|f| f.derived)
        .map(|f| {
            formula_text(f, lang)
                .map(|t| escape(&t))
                .ok_or_else(|| format!("{}: a formula that cannot be written", f.id))
        })
        .collect::<Result<_, _>>()?;
    if !derived.is_empty() {
        s.push_str(&format!("\n<li>{}{}</li>", w.derived, derived.join(w.sep)));
    }
    s.push_str("\n</ul></details>");
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number a formula or value writes, read back: `55.93万` → 559300, `2,546` → 2546,
    /// `12.73 million` → 12730000.
    fn read_number(s: &str) -> f64 {
        let t = s.replace(',', "");
        for (suffix, scale) in [("万", 1e4), ("萬", 1e4), ("亿", 1e8), ("億", 1e8), (" million", 1e6)] {
            if let Some(n) = t.strip_suffix(suffix) {
                return crate::num::read(n).expect(s) * scale;
            }
        }
        crate::num::read(&t).expect(s)
    }

    /// Evaluate a written formula (`a ÷ (b − c) × 100`) by the usual precedence.
    fn eval_written(s: &str) -> f64 {
        fn expr(t: &[String], i: &mut usize) -> f64 {
            let mut v = term(t, i);
            while *i < t.len() && (t[*i] == "+" || t[*i] == "−") {
                let op = t[*i].clone();
                *i += 1;
                let r = term(t, i);
                v = if op == "+" { v + r } else { v - r };
            }
            v
        }
        fn term(t: &[String], i: &mut usize) -> f64 {
            let mut v = factor(t, i);
            while *i < t.len() && (t[*i] == "×" || t[*i] == "÷") {
                let op = t[*i].clone();
                *i += 1;
                let r = factor(t, i);
                v = if op == "×" { v * r } else { v / r };
            }
            v
        }
        fn factor(t: &[String], i: &mut usize) -> f64 {
            let tok = t[*i].clone();
            *i += 1;
            if tok == "(" {
                let v = expr(t, i);
                assert_eq!(t[*i], ")");
                *i += 1;
                v
            } else {
                read_number(&tok)
            }
        }
        // Tokens are separated by spaces, except parentheses, which hug their contents; a
        // number may hold a space itself (`12.73 million`).
        let spaced = s.replace('(', "( ").replace(')', " )").replace(" million", "\u{0}million");
        let toks: Vec<String> = spaced.split(' ').map(|t| t.replace('\u{0}', " ")).collect();
        let mut i = 0;
        let v = expr(&toks, &mut i);
        assert_eq!(i, toks.len(), "{s}");
        v
    }

    #[test]
    fn every_derived_formula_written_out_gives_its_value_in_every_language() {
        let derived: Vec<Fact> = facts::all().into_iter().filter(|f| f.derived).collect();
        assert!(derived.len() >= 20);
        for f in &derived {
            for lang in Lang::ALL {
                let text = formula_text(f, lang).expect(f.id);
                let (lhs, result) = text.rsplit_once(" = ").expect(&text);
                // The result as written is the dataset's value as the story writes it…
                assert_eq!(result, i18n::exact(f.value, lang), "{}", f.id);
                // …and the inputs as written give that result again.
                let again = eval_written(lhs);
                assert_eq!(i18n::exact(again, lang), result, "{} ({lang:?}): {text}", f.id);
            }
        }
    }

    #[test]
    fn the_benefit_per_household_reads_as_the_article_sum() {
        let f = facts::get("benefit-per-household").unwrap();
        assert_eq!(formula_text(&f, Lang::En).as_deref(), Some("559,300 ÷ 2,546 = 219.68"));
        assert_eq!(formula_text(&f, Lang::ZhHans).as_deref(), Some("55.93万 ÷ 2546 = 219.68"));
        assert_eq!(formula_text(&f, Lang::ZhHant).as_deref(), Some("55.93萬 ÷ 2546 = 219.68"));
        let r = facts::get("rural-population-2015-implied").unwrap();
        assert_eq!(formula_text(&r, Lang::En).as_deref(), Some("15,670 ÷ (22.9 ÷ 100) = 68,427.95"));
        assert!(formula_text(&facts::get("programme-benefit").unwrap(), Lang::En).is_none());
        // Years stay years in a sum, in every language.
        let y = facts::get("years-as-poverty-county").unwrap();
        for lang in Lang::ALL {
            assert_eq!(formula_text(&y, lang).as_deref(), Some("2019 − 1993 = 26"), "{lang:?}");
        }
    }

    #[test]
    fn every_value_reads_as_the_story_writes_it_with_its_unit_after() {
        for f in facts::all() {
            for lang in Lang::ALL {
                let v = value_text(&f, lang);
                // “About” and “more than” come first in words; the number is the story's.
                let v = ["约", "約", "about ", "more than "].iter().fold(v, |v, p| v.replacen(p, "", 1));
                let story = facts::format_value(&f, lang);
                // Points are points, not percent: the number is the story's, the unit in words.
                let story = match f.unit {
                    Unit::PercentagePoints => story.trim_end_matches('%').to_string(),
                    _ => story,
                };
                assert!(v.starts_with(&story), "{}: {v}", f.id);
            }
        }
        let f = facts::get("programme-households").unwrap();
        assert_eq!(value_text(&f, Lang::En), "2,546 households");
        assert_eq!(value_text(&f, Lang::ZhHant), "2546戶");
        let hens = facts::get("yang-laying-hens-2019").unwrap();
        assert_eq!(value_text(&hens, Lang::ZhHans), "100多只");
        assert_eq!(value_text(&hens, Lang::En), "more than 100 chickens");
        let estimate = facts::get("rural-disposable-income-2018-implied").unwrap();
        assert_eq!(value_text(&estimate, Lang::ZhHant), "約9890元/年");
        assert_eq!(value_text(&estimate, Lang::En), "about 9,890 yuan a year");
        // The sum that gives it stays exact.
        assert!(formula_text(&estimate, Lang::En).unwrap().ends_with("= 9,892.2"));
        let lines = facts::get("medical-defence-lines").unwrap();
        assert_eq!(value_text(&lines, Lang::En), "5 lines of defence");
    }

    #[test]
    fn every_period_reads_in_the_readers_language() {
        for f in facts::all() {
            for lang in [Lang::ZhHans, Lang::ZhHant] {
                let p = period_text(f.period, lang);
                assert!(!p.bytes().any(|b| b.is_ascii_alphabetic()), "{}: {p}", f.id);
            }
            assert!(!period_text(f.period, Lang::En).is_empty());
        }
        assert_eq!(period_text("2019-04", Lang::En), "April 2019");
        assert_eq!(period_text("2015-12-31", Lang::ZhHant), "2015年12月31日");
        assert_eq!(period_text("2018–2019 (inferred)", Lang::ZhHans), "2018–2019年（推断）");
        assert_eq!(
            period_text("2018 to publication (inferred)", Lang::En),
            "2018 to the article's publication (inferred)"
        );
    }

    #[test]
    fn every_reported_fact_names_a_section_of_the_article_in_every_language() {
        for f in facts::all().iter().filter(|f| !f.derived) {
            for lang in Lang::ALL {
                let e = entry_html(f, lang).expect(f.id);
                assert!(e.contains(&format!("{}{}", words(lang).paragraph.0, f.source.paragraph)), "{e}");
            }
        }
        let e = entry_html(&facts::get("programme-benefit").unwrap(), Lang::ZhHans).unwrap();
        assert!(e.contains("出处：报道“给力!‘六小工程’带来的稳定收入看得见”一节第4段"), "{e}");
        let e = entry_html(&facts::get("incidence-2015").unwrap(), Lang::En).unwrap();
        assert!(
            e.contains("Reported in the article: the opening, before the first heading, paragraph 3"),
            "{e}"
        );
    }

    #[test]
    fn a_derived_entry_says_so_and_links_each_input_to_its_own_entry() {
        let f = facts::get("benefit-per-household").unwrap();
        let e = entry_html(&f, Lang::En).unwrap();
        assert!(
            e.contains("Derived, calculated from the article's figures: 559,300 ÷ 2,546 = 219.68"),
            "{e}"
        );
        assert!(e.contains("<a href=\"#f-en-programme-benefit\">"), "{e}");
        assert!(e.contains("<a href=\"#f-en-programme-households\">"), "{e}");
        assert!(e.contains("219.68 yuan · Period: 2018 to the article's publication (inferred)"), "{e}");
        let list = with_inputs(&["benefit-per-household"]).unwrap();
        let ids: Vec<&str> = list.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["programme-households", "programme-benefit", "benefit-per-household"]);
        assert!(with_inputs(&["no-such-fact"]).is_err());
    }
}
