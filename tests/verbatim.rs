//! Our own words: no text a reader sees may copy the source article. Every text of the page
//! (in all three languages) and every label of the dataset is compared with the article, and
//! any run of more than 12 consecutive characters the two share fails the test.
//!
//! Both sides are compared in one form: traditional characters are mapped to simplified
//! ones (the article is in traditional characters, the zh-Hans page in simplified), full-width
//! punctuation to its ASCII twin, and spaces are dropped. A few things may be shared, each
//! listed below and nothing else: the names of people, places and bodies; titles (the
//! article's headline, the column's name, anything in 《》); job titles when written in
//! quotes; and numbers (digits). They are blanked on both sides before comparing, with a
//! different blank on each side, so no run can pass through them.
//!
//! The article is `shared/seed/000_b4ea3d3e194ceeb5.txt`, beside the repository (`../shared`
//! from the repository root, in CI as on the team's machine). Without it the test fails: a
//! copy check that silently skips is no check.

use helong::facts;
use helong::i18n::Lang;
use helong::model::notice::{Notice, NoticeKind};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

const PAGE: &str = include_str!("../www/index.html");

/// More than this many consecutive shared characters is a copy.
const LONGEST_ALLOWED_RUN: usize = 12;

/// Names of people, places, bodies and official designations, in simplified characters
/// (compared after mapping).
const NAMES: &[&str] = &[
    "八家子镇中南村",
    "八家子镇",
    "中南村",
    "杨万哲",
    "东城镇光东村",
    "东城镇",
    "光东村",
    "玄杰",
    "和龙市脱贫攻坚指挥部",
    "和龙市",
    "吉林省",
    "中国吉林网",
    "吉刻APP",
    "王昕",
    "李易书",
    "联合国开发组织",
    // Official designations the article names.
    "国家扶贫开发工作重点县",
    "东部高寒山区连片特困地区",
];

/// Titles: the article's headline (it is printed in both scripts), the column's name and the
/// song. Anything between 《 and 》 counts as a title too.
const TITLES: &[&str] = &[
    "找準癥結把準脈,“六小工程”掘“窮根”——和龍市因地制宜走出脫貧摘帽新路徑",
    "決戰決勝脫貧攻堅",
    "紅太陽照邊疆",
];

/// Job titles, shared only when the page writes them in quotes (“巡逻员”).
const JOB_TITLES: &[&str] = &["巡逻员", "保洁员", "安全员", "护林员", "河道管理员", "第一书记"];

/// The article's traditional characters whose simplified form differs, and that form, one
/// to one (generated with zhconv 1.4.3 from every character of the article, and checked
/// below against the article's own headline, which it prints in both scripts).
const TRADITIONAL: &str = concat!(
    "並佈佔來個們傑僅償優內兩別剛創劃動勝勞勵區參員問啟單嚮國圍圖堅報場學實將專對導崗",
    "師帶幫幹幾廣後徑從徵憑憶戰戶採換揮搶據數於時暫書會東條棄楊業極樂標樣樹機檔檢欄決",
    "沒況準潔為無獲現產當療癥發監瞭確種穩窮範築紅納純級細終組結絕給經綠網線編緩縣總織",
    "繡繪續習聯聽脈脫腦臉臨與舉舊萬蓋蘭虛補裡製見規覺觀計記設話認說請證識議護變讓讚貧",
    "貨責買資賣質購贊輩農迴這連進過達還邊邏鄉醫針銷鍵鎮長門開間關陽隊際險隻雙雞難響項",
    "頓領題額顏願顧飄飼養馬駐驗體麗麼點黨龍",
);
const SIMPLIFIED: &str = concat!(
    "并布占来个们杰仅偿优内两别刚创划动胜劳励区参员问启单向国围图坚报场学实将专对导岗",
    "师带帮干几广后径从征凭忆战户采换挥抢据数于时暂书会东条弃杨业极乐标样树机档检栏决",
    "没况准洁为无获现产当疗症发监了确种稳穷范筑红纳纯级细终组结绝给经绿网线编缓县总织",
    "绣绘续习联听脉脱脑脸临与举旧万盖兰虚补里制见规觉观计记设话认说请证识议护变让赞贫",
    "货责买资卖质购赞辈农回这连进过达还边逻乡医针销键镇长门开间关阳队际险只双鸡难响项",
    "顿领题额颜愿顾飘饲养马驻验体丽么点党龙",
);

/// Where the article is: `../shared/seed/…` from the repository root.
fn article_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_b4ea3d3e194ceeb5.txt")
}

fn article() -> String {
    let path = article_path();
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the source article is missing ({}: {e}); the copy check cannot run without it. \
             Put the team's shared/ folder beside the repository.",
            path.display()
        )
    })
}

fn t2s() -> HashMap<char, char> {
    let (t, s): (Vec<char>, Vec<char>) = (TRADITIONAL.chars().collect(), SIMPLIFIED.chars().collect());
    assert_eq!(t.len(), s.len(), "the character table pairs one to one");
    t.into_iter().zip(s).collect()
}

/// Simplified characters, ASCII punctuation, no spaces; every line break kept (it ends a run).
fn normalise(text: &str, map: &HashMap<char, char>) -> Vec<char> {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\t' | '\r'))
        .map(|c| *map.get(&c).unwrap_or(&c))
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '！' => '!',
            '？' => '?',
            '“' | '”' | '「' | '」' | '『' | '』' | '‘' | '’' | '"' => '"',
            c => c,
        })
        .collect()
}

/// Blanks (with `blank`) what may be shared: titles, names, quoted job titles and numbers.
fn mask(text: &mut [char], map: &HashMap<char, char>, blank: char) {
    let blank_all = |text: &mut [char], needle: &[char]| {
        if needle.is_empty() || needle.len() > text.len() {
            return;
        }
        let mut i = 0;
        while i + needle.len() <= text.len() {
            if text[i..i + needle.len()] == *needle {
                text[i..i + needle.len()].fill(blank);
                i += needle.len();
            } else {
                i += 1;
            }
        }
    };
    for t in TITLES {
        blank_all(text, &normalise(t, map));
    }
    for job in JOB_TITLES {
        blank_all(text, &normalise(&format!("“{job}”"), map));
    }
    for name in NAMES {
        blank_all(text, &normalise(name, map));
    }
    // 《…》 on one line.
    let mut open = None;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            '《' => open = Some(i),
            '》' => {
                if let Some(o) = open.take() {
                    text[o..=i].fill(blank);
                }
            }
            '\n' => open = None,
            _ => {}
        }
        i += 1;
    }
    for c in text.iter_mut() {
        if c.is_ascii_digit() {
            *c = blank;
        }
    }
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

/// The article, normalised and masked once.
struct Source {
    map: HashMap<char, char>,
    /// Every run of [`LONGEST_ALLOWED_RUN`] + 1 characters of the article, within a line.
    windows: HashSet<Vec<char>>,
}

impl Source {
    fn new(article: &str) -> Source {
        let map = t2s();
        let mut text = normalise(article, &map);
        mask(&mut text, &map, '\u{e000}');
        let windows = text
            .windows(LONGEST_ALLOWED_RUN + 1)
            .filter(|w| !w.contains(&'\n') && !w.contains(&'\u{e000}'))
            .map(<[char]>::to_vec)
            .collect();
        Source { map, windows }
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
            if self.windows.contains(&b[i..i + n]) {
                // Extend the run as far as consecutive windows keep matching.
                let mut end = i + n;
                while end < b.len() && self.windows.contains(&b[end + 1 - n..=end]) {
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
/// three languages, the dataset's labels, and the notice about the household cap.
fn our_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = page_text(PAGE)
        .lines()
        .enumerate()
        .map(|(i, line)| (format!("www/index.html:{}", i + 1), line.to_string()))
        .collect();
    for f in facts::all() {
        let l = f.label;
        for (lang, label) in [("zh-Hans", l.zh_hans), ("zh-Hant", l.zh_hant), ("en", l.en)] {
            texts.push((format!("label of {} ({lang})", f.id), label.to_string()));
        }
    }
    let cap = Notice::new("budget", NoticeKind::CapBinds { cap: 15_670, would_fund: 100_000 });
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        texts.push((format!("cap notice ({lang:?})"), cap.message(lang)));
    }
    texts
}

#[test]
fn no_text_of_the_page_or_the_dataset_copies_more_than_twelve_characters_of_the_article() {
    let source = Source::new(&article());
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
    let source = Source::new(&article());
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
    let source = Source::new(&article());
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
fn the_character_table_turns_the_articles_traditional_headline_into_its_simplified_one() {
    let article = article();
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
