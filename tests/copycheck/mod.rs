//! The copy check's rules and the article's fingerprint, shared by `tests/verbatim.rs` (which
//! compares our texts with the fingerprint) and `examples/article_fingerprint.rs` (which writes
//! the fingerprint from the article).
//!
//! Both sides are compared in one form: traditional characters are mapped to simplified ones
//! (the article is in traditional characters, the zh-Hans page in simplified), full-width
//! punctuation to its ASCII twin, and spaces are dropped. A few things may be shared, each
//! listed below and nothing else: the names of people, places and bodies; titles (the
//! article's headline, the column's name, the song, its section headings, anything in 《》);
//! job titles when written in quotes; and numbers (digits). They are blanked on both sides before comparing, with a
//! different blank on each side, so no run can pass through them.
//!
//! The official designations the article names ([`DESIGNATIONS`]) are exempt more narrowly: one
//! may be quoted whole, however long, but it is not blanked, so a shared run that goes on past
//! it counts its characters (`…的3个国家扶贫开发工作重点县之一` is a copy: 个, the designation and
//! 之一 are 14 shared characters).
//!
//! The repository holds no text of the article: only [`FINGERPRINT`], the 64-bit FNV-1a hash
//! of every run of `LONGEST_ALLOWED_RUN + 1` characters of the normalised, masked article
//! (within a line, no blank in it), which cannot be read back into the article. The
//! fingerprint also records a hash of the rules above ([`rules_hash`]): change a rule and the
//! fingerprint must be written again, beside the article:
//!
//! ```sh
//! cargo run --example article_fingerprint -- ../shared/seed/000_b4ea3d3e194ceeb5.txt \
//!   > tests/golden/article.fingerprint
//! ```

use helong::num::Fnv1a64;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

/// The committed fingerprint, relative to the repository root.
pub const FINGERPRINT: &str = "tests/golden/article.fingerprint";

/// Where the article is, when it is there: `HELONG_ARTICLE`, or the team's `shared/` folder
/// beside the repository. A stranger's clone has neither; the copy check then uses the
/// fingerprint alone.
pub fn article_path() -> PathBuf {
    match std::env::var_os("HELONG_ARTICLE") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_b4ea3d3e194ceeb5.txt"),
    }
}

/// More than this many consecutive shared characters is a copy.
pub const LONGEST_ALLOWED_RUN: usize = 12;

/// Names of people, places, bodies and official designations, in simplified characters
/// (compared after mapping).
pub const NAMES: &[&str] = &[
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
];

/// Official designations the article names, in simplified characters: each may be quoted
/// whole, but the words around it count (see the module doc).
pub const DESIGNATIONS: &[&str] = &["国家扶贫开发工作重点县", "东部高寒山区连片特困地区"];

/// Titles: the article's headline (it is printed in both scripts), the column's name, the
/// song, and the headings of the article's sections (the sources list and the popovers name
/// the section a figure stands in). Anything between 《 and 》 counts as a title too.
pub const TITLES: &[&str] = &[
    "找準癥結把準脈,“六小工程”掘“窮根”——和龍市因地制宜走出脫貧摘帽新路徑",
    "決戰決勝脫貧攻堅",
    "紅太陽照邊疆",
    "點贊!新舉措讓貧困戶依靠雙手自主脫貧",
    "給力!“六小工程”帶來的穩定收入看得見",
    "精準!花足“繡花”功夫不讓一人掉隊",
    "美好!和龍開啟幸福新農村之門",
    "和龍市脫貧大數據",
];

/// Job titles, shared only when the page writes them in quotes (“巡逻员”).
pub const JOB_TITLES: &[&str] = &["巡逻员", "保洁员", "安全员", "护林员", "河道管理员", "第一书记"];

/// The article's traditional characters whose simplified form differs, and that form, one
/// to one (generated with zhconv 1.4.3 from every character of the article, and checked
/// by tests/verbatim.rs against the article's own headline, which it prints in both scripts).
pub const TRADITIONAL: &str = concat!(
    "並佈佔來個們傑僅償優內兩別剛創劃動勝勞勵區參員問啟單嚮國圍圖堅報場學實將專對導崗",
    "師帶幫幹幾廣後徑從徵憑憶戰戶採換揮搶據數於時暫書會東條棄楊業極樂標樣樹機檔檢欄決",
    "沒況準潔為無獲現產當療癥發監瞭確種穩窮範築紅納純級細終組結絕給經綠網線編緩縣總織",
    "繡繪續習聯聽脈脫腦臉臨與舉舊萬蓋蘭虛補裡製見規覺觀計記設話認說請證識議護變讓讚貧",
    "貨責買資賣質購贊輩農迴這連進過達還邊邏鄉醫針銷鍵鎮長門開間關陽隊際險隻雙雞難響項",
    "頓領題額顏願顧飄飼養馬駐驗體麗麼點黨龍",
);
pub const SIMPLIFIED: &str = concat!(
    "并布占来个们杰仅偿优内两别刚创划动胜劳励区参员问启单向国围图坚报场学实将专对导岗",
    "师带帮干几广后径从征凭忆战户采换挥抢据数于时暂书会东条弃杨业极乐标样树机档检栏决",
    "没况准洁为无获现产当疗症发监了确种稳穷范筑红纳纯级细终组结绝给经绿网线编缓县总织",
    "绣绘续习联听脉脱脑脸临与举旧万盖兰虚补里制见规觉观计记设话认说请证识议护变让赞贫",
    "货责买资卖质购赞辈农回这连进过达还边逻乡医针销键镇长门开间关阳队际险只双鸡难响项",
    "顿领题额颜愿顾飘饲养马驻验体丽么点党龙",
);

pub fn t2s() -> HashMap<char, char> {
    let (t, s): (Vec<char>, Vec<char>) = (TRADITIONAL.chars().collect(), SIMPLIFIED.chars().collect());
    assert_eq!(t.len(), s.len(), "the character table pairs one to one");
    t.into_iter().zip(s).collect()
}

/// Simplified characters, ASCII punctuation, no spaces; every line break kept (it ends a run).
pub fn normalise(text: &str, map: &HashMap<char, char>) -> Vec<char> {
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
pub fn mask(text: &mut [char], map: &HashMap<char, char>, blank: char) {
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

/// The hash of one run of characters (its UTF-8 bytes).
pub fn window_hash(run: &[char]) -> u64 {
    let mut h = Fnv1a64::default();
    let mut buf = [0u8; 4];
    for c in run {
        h.write(c.encode_utf8(&mut buf).as_bytes());
    }
    h.finish()
}

/// A hash of every rule that shapes the fingerprint: the run length, the exemptions, the
/// character table and the blank. A fingerprint written under other rules is stale.
pub fn rules_hash() -> u64 {
    let mut h = Fnv1a64::default();
    h.write(format!("run {LONGEST_ALLOWED_RUN};").as_bytes());
    for list in [NAMES, TITLES, JOB_TITLES, DESIGNATIONS] {
        for item in list {
            h.write(item.as_bytes());
            h.write(b"\x1f");
        }
        h.write(b"\x1e");
    }
    h.write(b"designations: quoted whole, counted in longer runs;");
    h.write(TRADITIONAL.as_bytes());
    h.write(SIMPLIFIED.as_bytes());
    // The normalisation itself: a sample run through it, so a change to it changes the hash.
    let sample = "「和龍市」（一，二：三；四！五？）\u{3000}《題》 2019年 “巡逻员”";
    let mut text = normalise(sample, &t2s());
    mask(&mut text, &t2s(), '\u{e000}');
    h.write(text.iter().collect::<String>().as_bytes());
    h.finish()
}

/// Where each official designation stands in `text` (normalised): one flag per character.
pub fn in_designation(text: &[char], map: &HashMap<char, char>) -> Vec<bool> {
    let mut inside = vec![false; text.len()];
    for d in DESIGNATIONS {
        let needle = normalise(d, map);
        for i in 0..text.len().saturating_sub(needle.len() - 1) {
            if text[i..i + needle.len()] == *needle {
                inside[i..i + needle.len()].fill(true);
            }
        }
    }
    inside
}

/// The hashes of every run of `LONGEST_ALLOWED_RUN + 1` characters of the article, within a
/// line, with no blank in it and not wholly inside one official designation (a designation
/// may be quoted whole; the runs that reach past it are kept).
pub fn article_windows(article: &str) -> BTreeSet<u64> {
    let map = t2s();
    let mut text = normalise(article, &map);
    mask(&mut text, &map, '\u{e000}');
    let inside = in_designation(&text, &map);
    let n = LONGEST_ALLOWED_RUN + 1;
    (0..text.len().saturating_sub(n - 1))
        .filter(|&i| !inside[i..i + n].iter().all(|&d| d))
        .map(|i| &text[i..i + n])
        .filter(|w| !w.contains(&'\n') && !w.contains(&'\u{e000}'))
        .map(window_hash)
        .collect()
}

/// The fingerprint file for an article.
pub fn write_fingerprint(article: &str) -> String {
    let windows = article_windows(article);
    let mut out = String::from(
        "# The copy check's fingerprint of the source article (tests/copycheck/mod.rs): one\n\
         # FNV-1a hash per run of 13 normalised characters. Written by\n\
         # `cargo run --example article_fingerprint -- <article> > tests/golden/article.fingerprint`.\n",
    );
    out.push_str(&format!("rules {:016x}\n", rules_hash()));
    out.push_str(&format!("windows {}\n", windows.len()));
    for w in windows {
        out.push_str(&format!("{w:016x}\n"));
    }
    out
}

/// The article's fingerprint, read back: its rules hash and its set of window hashes.
pub struct Fingerprint {
    pub rules: u64,
    pub windows: HashSet<u64>,
}

/// Read a fingerprint file; a message says what is wrong with a damaged one.
pub fn read_fingerprint(text: &str) -> Result<Fingerprint, String> {
    let mut rules = None;
    let mut count = None;
    let mut windows = HashSet::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
        let bad = || format!("line {} of the fingerprint is not understood: {line:?}", i + 1);
        if let Some(v) = line.strip_prefix("rules ") {
            rules = Some(u64::from_str_radix(v, 16).map_err(|_| bad())?);
        } else if let Some(v) = line.strip_prefix("windows ") {
            count = Some(v.parse::<usize>().map_err(|_| bad())?);
        } else {
            windows.insert(u64::from_str_radix(line, 16).map_err(|_| bad())?);
        }
    }
    let rules = rules.ok_or("the fingerprint has no rules line")?;
    let count = count.ok_or("the fingerprint has no windows line")?;
    if count != windows.len() || count == 0 {
        return Err(format!("the fingerprint announces {count} windows and holds {}", windows.len()));
    }
    Ok(Fingerprint { rules, windows })
}
