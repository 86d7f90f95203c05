//! Our own words: no text a reader sees may copy the source article. Every text of the page
//! (in all three languages) and every label of the dataset is compared with the article, and
//! any run of more than 12 consecutive characters the two share fails the test.
//!
//! The comparison reads the article's committed fingerprint (`tests/golden/article.fingerprint`,
//! see `tests/copycheck/mod.rs` for the rules and the normalisation), not the article, so a
//! clone with nothing beside it runs the whole check. Where the article is beside the
//! repository (`../shared/seed/…`, or `HELONG_ARTICLE`), two more tests check that the
//! fingerprint is the article's and that the character table fits it; without the article they
//! pass and `make test` prints a line saying what was not checked.

#[allow(dead_code)]
mod copycheck;

use copycheck::{article_path, mask, normalise, read_fingerprint, t2s, window_hash, LONGEST_ALLOWED_RUN};
use helong::facts;
use helong::i18n::Lang;
use helong::model::notice::{Notice, NoticeKind};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

const PAGE: &str = include_str!("../www/index.html");

/// The article, when it is beside the repository.
fn article() -> Option<String> {
    std::fs::read_to_string(article_path()).ok()
}

/// The committed fingerprint file.
fn fingerprint_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(copycheck::FINGERPRINT);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the article's fingerprint is missing ({}: {e})", path.display()))
}

/// What is wrong with a fingerprint for this article, if anything.
fn fingerprint_mismatch(committed: &str, article: &str) -> Option<String> {
    let fresh = copycheck::write_fingerprint(article);
    (committed != fresh).then(|| {
        let old = read_fingerprint(committed).map(|f| f.windows.len()).unwrap_or(0);
        let new = read_fingerprint(&fresh).map(|f| f.windows.len()).unwrap_or(0);
        format!(
            "the committed fingerprint ({old} windows) is not the article's ({new} windows, rules {:016x}); \
             write it again: cargo run --example article_fingerprint -- <article> > {}",
            copycheck::rules_hash(),
            copycheck::FINGERPRINT
        )
    })
}

/// The page's text: tags and comments removed (an element's tags become nothing, so a
/// figure in a span stays part of its sentence), entities decoded, one line per line.
fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let end = if rest[p..].starts_with("<!--") {
            rest[p..].find("-->").map(|e| e + 3)
        } else {
            rest[p..].find('>').map(|e| e + 1)
        };
        let Some(end) = end else { break };
        rest = &rest[p + end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

/// The article as the check sees it: the hashes of its runs, from the committed fingerprint.
struct Source {
    map: HashMap<char, char>,
    /// The hash of every run of [`LONGEST_ALLOWED_RUN`] + 1 characters of the article, within a line.
    windows: HashSet<u64>,
}

impl Source {
    /// The committed fingerprint, checked to be written under today's rules.
    fn committed() -> Source {
        let fp = read_fingerprint(&fingerprint_text()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            fp.rules,
            copycheck::rules_hash(),
            "the copy check's rules changed since the fingerprint was written; write it again beside \
             the article: cargo run --example article_fingerprint -- <article> > {}",
            copycheck::FINGERPRINT
        );
        Source { map: t2s(), windows: fp.windows }
    }

    fn shares(&self, run: &[char]) -> bool {
        self.windows.contains(&window_hash(run))
    }

    /// Every run of more than [`LONGEST_ALLOWED_RUN`] characters that `ours` shares with the
    /// article, as the run itself (each reported once, as long as it goes).
    fn copied_runs(&self, ours: &str) -> Vec<String> {
        let n = LONGEST_ALLOWED_RUN + 1;
        let mut b = normalise(ours, &self.map);
        mask(&mut b, &self.map, '\u{e001}');
        let mut runs = Vec::new();
        let mut i = 0;
        while i + n <= b.len() {
            if self.shares(&b[i..i + n]) {
                // Extend the run as far as consecutive windows keep matching.
                let mut end = i + n;
                while end < b.len() && self.shares(&b[end + 1 - n..=end]) {
                    end += 1;
                }
                runs.push(b[i..end].iter().collect::<String>());
                i = end;
            } else {
                i += 1;
            }
        }
        runs
    }
}

/// Every text a reader can be shown that is ours to write: the page and its narrative in
/// three languages, every page and file of entries the build writes from it (the model's list
/// of assumptions, the lines beside its sliders, the popovers, the embed's credit), the
/// dataset's labels, the live summary and the notice about the household cap.
fn our_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = page_text(PAGE)
        .lines()
        .enumerate()
        .map(|(i, line)| (format!("www/index.html:{}", i + 1), line.to_string()))
        .collect();
    for (name, html) in helong::site::site(PAGE, None).expect("pre-rendered") {
        if name.ends_with(".html") {
            texts.extend(
                page_text(&html)
                    .lines()
                    .enumerate()
                    .map(|(i, l)| (format!("{name}:{}", i + 1), l.to_string())),
            );
        }
    }
    for lang in Lang::ALL {
        let out = helong::model::simulate("");
        texts.push((format!("summary ({lang:?})"), helong::text::summary(&out, lang)));
    }
    for f in facts::all() {
        let l = f.label;
        for (lang, label) in [("zh-Hans", l.zh_hans), ("zh-Hant", l.zh_hant), ("en", l.en)] {
            texts.push((format!("label of {} ({lang})", f.id), label.to_string()));
        }
    }
    let cap = Notice::new("budget", NoticeKind::CapBinds { cap: 15_670, would_fund: 100_000 });
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        texts.push((format!("cap notice ({lang:?})"), helong::text::notice::message(&cap, lang)));
    }
    texts
}

#[test]
fn no_text_of_the_page_or_the_dataset_copies_more_than_twelve_characters_of_the_article() {
    let source = Source::committed();
    let mut copies = Vec::new();
    for (name, text) in our_texts() {
        for run in source.copied_runs(&text) {
            copies.push(format!("{name}: {} characters shared: {run}", run.chars().count()));
        }
    }
    assert!(copies.is_empty(), "text copied from the article:\n{}", copies.join("\n"));
}

#[test]
fn a_sentence_copied_from_the_article_is_caught_in_either_script() {
    let source = Source::committed();
    // Line 65 of the article, in its own traditional characters and in simplified ones.
    let hant = "開發護林員、河道管理員等公益性崗位安置就業";
    let hans = "<p lang=\"zh-Hans\">开发护林员、河道管理员等公益性岗位安置就业</p>";
    assert_eq!(source.copied_runs(hant), vec!["开发护林员、河道管理员等公益性岗位安置就业".to_string()]);
    assert_eq!(source.copied_runs(&page_text(hans)).len(), 1);
    // Full-width punctuation, spaces and a figure in a span do not hide a copy either.
    let spaced = "<p>惠及建档立卡贫困学生 <span data-fact=\"x\">168</span> 人次；同时筑牢新农合基本医保</p>";
    assert_eq!(source.copied_runs(&page_text(spaced)).len(), 1, "{:?}", page_text(spaced));
    // Exactly twelve shared characters are allowed; thirteen are not.
    assert!(source.copied_runs("城镇常住居民人均可支配收").is_empty());
    assert_eq!(source.copied_runs("城镇常住居民人均可支配收入").len(), 1);
}

#[test]
fn names_titles_quoted_job_titles_and_numbers_may_be_shared() {
    let source = Source::committed();
    let allowed = [
        // The headline, quoted in the credits.
        "《找准症结把准脉，“六小工程”掘“穷根”——和龙市因地制宜走出脱贫摘帽新路径》",
        // A name and a place.
        "和龙市八家子镇中南村村民杨万哲说",
        // Job titles in quotes.
        "开发“巡逻员”、“保洁员”、“安全员”等",
        // Numbers.
        "2015年底和龙有40个贫困村",
    ];
    for text in allowed {
        assert_eq!(source.copied_runs(text), Vec::<String>::new(), "{text}");
    }
    // The same job titles without quotes are the article's words.
    assert_eq!(source.copied_runs("有劳动能力贫困人口开发巡逻员、保洁员、安全员等").len(), 1);
}

#[test]
fn an_official_designation_may_be_quoted_whole_but_not_inside_a_longer_copied_run() {
    let source = Source::committed();
    // Quoted on its own, or with words of our own around it: allowed.
    assert_eq!(source.copied_runs("2002 年列入国家扶贫开发工作重点县"), Vec::<String>::new());
    assert_eq!(source.copied_runs("吉林东部高寒山区连片特困地区的年份"), Vec::<String>::new());
    // With the article's own words around it (line 17: the 3 counties of the first batch),
    // the designation counts: 个, its 11 characters and 之一 are 14 shared characters.
    let copied = source.copied_runs("成为全省首批摘帽的 3 个国家扶贫开发工作重点县之一");
    assert_eq!(copied, vec!["个国家扶贫开发工作重点县之一".to_string()], "{copied:?}");
}

#[test]
fn the_character_table_turns_the_articles_traditional_headline_into_its_simplified_one() {
    let Some(article) = article() else {
        eprintln!("skipped: no article at {}; the character table was not checked", article_path().display());
        return;
    };
    let lines: Vec<&str> = article.lines().collect();
    let map = t2s();
    // Line 1 is the headline in traditional characters, line 13 the same in simplified.
    assert_eq!(normalise(lines[0], &map), normalise(lines[12], &map));
    assert_ne!(lines[0], lines[12]);
    for (t, s) in &map {
        assert_ne!(t, s);
        assert!(article.contains(*t), "{t} is not in the article");
    }
}

#[test]
fn the_committed_fingerprint_is_the_articles_when_the_article_is_beside_the_repository() {
    let Some(article) = article() else {
        eprintln!(
            "skipped: no article at {}; the fingerprint's currency was not checked",
            article_path().display()
        );
        return;
    };
    if let Some(problem) = fingerprint_mismatch(&fingerprint_text(), &article) {
        panic!("{problem}");
    }
}

#[test]
fn a_fingerprint_of_another_text_is_reported_as_not_the_articles() {
    let article = "第一行是一句足够长的测试文字而已,用来生成指纹。\n第二行也是一句足够长的测试文字。\n";
    let fingerprint = copycheck::write_fingerprint(article);
    assert_eq!(fingerprint_mismatch(&fingerprint, article), None);
    // One character changed in the article: the committed fingerprint is stale.
    let edited = article.replace("指纹", "指针");
    let problem = fingerprint_mismatch(&fingerprint, &edited).expect("a stale fingerprint is caught");
    assert!(problem.contains("not the article's"), "{problem}");
    // A window dropped from the file: caught too, and the damaged file says so when read.
    let mut lines: Vec<&str> = fingerprint.lines().collect();
    lines.pop();
    let damaged = lines.join("\n") + "\n";
    assert!(fingerprint_mismatch(&damaged, article).is_some());
    assert!(read_fingerprint(&damaged).is_err());
}

#[test]
fn the_fingerprint_holds_hashes_only_and_no_text_of_the_article() {
    let text = fingerprint_text();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(
            line.starts_with("rules ")
                || line.starts_with("windows ")
                || (line.len() == 16 && line.bytes().all(|b| b.is_ascii_hexdigit())),
            "{line:?}"
        );
    }
    let fp = read_fingerprint(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        fp.windows.len() > 500,
        "the article has about a thousand runs outside names and numbers: {}",
        fp.windows.len()
    );
}
