//! The article's figures as typed facts (SPEC §2).
//!
//! Every number the article states — and the facts it states only in words — is one [`Fact`]
//! record here, with the section heading and paragraph where it stands. Figures that follow
//! from other facts (shares, ratios, per-household averages) are *derived*: computed in
//! [`derived`] from the facts they depend on, never typed in.
//!
//! Source locators: `section` is the article's own section heading (in the article's
//! traditional characters; `"導語"` for the untitled opening before the first heading), and
//! `paragraph` counts the body paragraphs of that section from 1, skipping the repeated
//! headline lines, photo captions and blank lines. Two lines that are not body text are skipped
//! too: the column tag “決戰決勝脫貧攻堅”專欄 above the opening, and the one-line date `2019年`
//! printed under the heading 和龍市脫貧大數據 (it dates the whole box). The numbering of each
//! section is spelled out beside [`SECTIONS`] so a reader can check every locator.

use serde::Serialize;

/// Unit of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Yuan,
    YuanPerYear,
    YuanPerM2,
    Households,
    People,
    PersonTimes,
    Percent,
    /// A difference between two percentages.
    PercentagePoints,
    M2,
    Villages,
    Posts,
    Projects,
    Counties,
    /// A calendar year (the value is the year, e.g. 2018).
    Year,
    /// A duration in years.
    Years,
    Months,
    Chickens,
    Categories,
    /// People or bodies that share a task (the “five-in-one” mechanism's five parties).
    Parties,
    Ratio,
}

impl Unit {
    /// The unit's id as it appears in the JSON/CSV export.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::YuanPerYear => "yuan-per-year",
            Unit::YuanPerM2 => "yuan-per-m2",
            Unit::Households => "households",
            Unit::People => "people",
            Unit::PersonTimes => "person-times",
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage-points",
            Unit::M2 => "m2",
            Unit::Villages => "villages",
            Unit::Posts => "posts",
            Unit::Projects => "projects",
            Unit::Counties => "counties",
            Unit::Year => "year",
            Unit::Years => "years",
            Unit::Months => "months",
            Unit::Chickens => "chickens",
            Unit::Categories => "categories",
            Unit::Parties => "parties",
            Unit::Ratio => "ratio",
        }
    }
}

/// A label in the three languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label {
    #[serde(rename = "zh-Hans")]
    pub zh_hans: &'static str,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: &'static str,
    pub en: &'static str,
}

/// Where in the article a fact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Section heading as printed in the article, or `"導語"` for the opening, or
    /// `"derived"` for a computed figure.
    pub section: &'static str,
    /// Body paragraph within the section, counted from 1 (0 for derived figures).
    pub paragraph: u32,
}

/// One figure from the article, or one computed from such figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub value: f64,
    pub unit: Unit,
    /// The year or date the figure refers to (`"2019"`, `"2019-04"`, `"2015-12-31"`), or, where the
    /// article gives none, what can be inferred, marked so (`"2018 to publication (inferred)"`).
    pub period: &'static str,
    pub label: Label,
    pub source: Source,
    /// True for figures computed from other facts.
    pub derived: bool,
    /// For derived figures: the formula over fact ids, e.g. `"courtyard-income / courtyard-area"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<&'static str>,
}

/// The figures the simulator reuses, as reported by the article. The fact records below take
/// their values from these constants, so there is one source of truth (a test checks it).
pub mod reported {
    /// Start-up grant per household, yuan (給力 ¶4).
    pub const GRANT_YUAN: f64 = 5000.0;
    /// Poor households given the grant (給力 ¶4).
    pub const HOUSEHOLDS_FUNDED: u32 = 2546;
    /// Grants paid in all, yuan: 1,273万 (給力 ¶4).
    pub const FUNDS_TOTAL_YUAN: f64 = 12_730_000.0;
    /// Households per enterprise category, in the order
    /// planting (小种植), livestock (小养殖), trade (小买卖), workshop (小作坊), farm-stay (农家乐)
    /// (給力 ¶4). The article lists them in this order too.
    pub const MIX_HOUSEHOLDS: [u32; 5] = [480, 1859, 96, 89, 22];
    /// Benefit produced by the funded enterprises, yuan: 55.93万 (給力 ¶4).
    pub const BENEFIT_YUAN: f64 = 559_300.0;
    /// Households whose courtyards were adopted (共享庭院) (給力 ¶5).
    pub const COURTYARD_HOUSEHOLDS: u32 = 2458;
    /// Area of the adopted courtyards, m²: 21.42万 (給力 ¶5).
    pub const COURTYARD_AREA_M2: f64 = 214_200.0;
    /// Income the households earned from the courtyards, yuan: 49.35万 (給力 ¶5).
    pub const COURTYARD_INCOME_YUAN: f64 = 493_500.0;
    /// Registered (建档立卡) poor people at the end of 2015 (導語 ¶3).
    pub const REGISTERED_POOR_PEOPLE_2015: u32 = 15_670;
    /// Poverty incidence at the end of 2015, percent (導語 ¶3).
    pub const INCIDENCE_2015_PERCENT: f64 = 22.9;
    /// Poverty incidence "now" (2019), percent (導語 ¶4).
    pub const INCIDENCE_2019_PERCENT: f64 = 0.15;
    /// Administrative villages in Helong (精準 ¶2).
    pub const ADMIN_VILLAGES: u32 = 76;
    /// The income threshold of the villages the article counts: “收入10萬元及以上村”, villages
    /// with an income of 100,000 yuan or more in 2019 (大數據 ¶4).
    pub const VILLAGE_INCOME_THRESHOLD_YUAN: f64 = 100_000.0;
    /// Villages with an income of 100,000 yuan or more in 2019 (大數據 ¶4).
    pub const VILLAGES_INCOME_100K_2019: u32 = 57;
    /// Their share, percent, as printed (大數據 ¶4).
    pub const VILLAGES_INCOME_100K_SHARE_PERCENT: f64 = 75.0;
    /// First year of the Six Small Projects (給力 ¶1).
    pub const PROGRAMME_START_YEAR: u32 = 2018;
}

/// Fact ids of the five enterprise categories, in the order of [`reported::MIX_HOUSEHOLDS`].
pub const MIX_FACT_IDS: [&str; 5] = [
    "households-planting",
    "households-livestock",
    "households-trade",
    "households-workshop",
    "households-farm-stay",
];

/// A dated point of the programme's context, for the context chart. Only reported points:
/// every milestone names the fact(s) it shows, and the date is the date the article gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub year: u16,
    /// The month, when the article gives one (`Some(12)` stands for "end of 2015").
    pub month: Option<u8>,
    /// Ids of the facts the milestone shows.
    pub facts: &'static [&'static str],
}

/// The dated milestones, in date order: 1993 provincial poverty county; 2002 national key
/// county; 2014 contiguous destitute area; end of 2015 (40 poor villages, incidence 22.9%);
/// 2018 Six Small Projects begin; April 2019 exit from the poverty-county list (one of the
/// first three in Jilin); 2019 incidence 0.15%.
pub const MILESTONES: [Milestone; 7] = [
    Milestone { year: 1993, month: None, facts: &["provincial-poverty-county-year"] },
    Milestone { year: 2002, month: None, facts: &["national-key-county-year"] },
    Milestone { year: 2014, month: None, facts: &["contiguous-destitute-area-year"] },
    Milestone { year: 2015, month: Some(12), facts: &["poor-villages-2015", "incidence-2015"] },
    Milestone { year: 2018, month: None, facts: &["programme-start-year"] },
    Milestone {
        year: 2019,
        month: Some(4),
        facts: &["poverty-county-exit-year", "first-batch-exit-counties"],
    },
    Milestone { year: 2019, month: None, facts: &["incidence-2019"] },
];

// ---------------------------------------------------------------------------------------------
// Sections of the article and their paragraph numbering
// ---------------------------------------------------------------------------------------------
//
// Line numbers refer to seed/000_b4ea3d3e194ceeb5.txt (`cat -n`). Skipped everywhere: blank
// lines, the headline and its simplified-character repeats (lines 1, 3, 13, 19, 31, 39, 55,
// 63, 69, 77, 99, 100), the column tag (line 5), the photo caption “(鄉村舊貌換新顏)”
// (line 21), and the credits after the last section (lines 91–97 and below).
//
// 導語 (untitled opening), 5 paragraphs:
//   ¶1 line  7  the song lyric “紅太陽照邊疆…”
//   ¶2 line  9  “每當《紅太陽照邊疆》…老少邊窮山”
//   ¶3 line 11  1993 / 2002 / 2014 / end-2015: 40 poor villages, 15,670 people, 22.9%
//   ¶4 line 15  2016–2019, three years, 22.9% → 0.15%
//   ¶5 line 17  April 2019 exit; one of the first 3 national key counties in Jilin
// 點贊!新舉措讓貧困戶依靠雙手自主脫貧 (heading line 23), 6 paragraphs:
//   ¶1 line 25  Yang Wanzhe; 2016 wife's diagnosis
//   ¶2 line 27  July 2017 enrolment; 7,000 yuan a year public-welfare post
//   ¶3 line 29  decision to apply for Six Small Projects funds (no figure)
//   ¶4 line 33  5,000 yuan grant for chicks
//   ¶5 line 35  spring 2019: more than 100 hens laying
//   ¶6 line 37  able-bodied households, “三年以來”, in the programme
// 給力!“六小工程”帶來的穩定收入看得見 (heading line 41), 6 paragraphs:
//   ¶1 line 43  programme since 2018
//   ¶2 line 45  the six kinds of project
//   ¶3 line 47  the “five-in-one” support mechanism
//   ¶4 line 49  2,546 households × 5,000 yuan = 12.73 million; 480/1,859/96/89/22; 559,300 yuan
//   ¶5 line 51  2,458 courtyards, 214,200 m², 493,500 yuan
//   ¶6 line 53  summing-up sentence (no figure)
// 精準!花足“繡花”功夫不讓一人掉隊 (heading line 57), 4 paragraphs:
//   ¶1 line 59  “關鍵還是要精準發力” (no figure)
//   ¶2 line 61  5-person team, one month, map rolled out to 76 administrative villages
//   ¶3 line 65  2019: 209 projects, every village covered, 3,853 posts, 778 people, 240 posts
//   ¶4 line 67  2019: 252,000 yuan Rain-dew plan, 168 person-times; five lines of defence
// 美好!和龍開啟幸福新農村之門 (heading line 71), 2 paragraphs, no figures:
//   ¶1 line 73, ¶2 line 75
// 和龍市脫貧大數據 (heading line 79; the date line 81 “2019年” belongs to the heading), 4 paragraphs:
//   ¶1 line 83  rural minimum living standard 3,800 yuan per person per year
//   ¶2 line 85  33,117 person-times reimbursed, 22.69 million yuan
//   ¶3 line 87  urban 24,150 yuan, rural 11,287 yuan, growth 14.1%
//   ¶4 line 89  the 100,000-yuan threshold; 57 villages with income ≥ 100,000 yuan, 75%

const OPENING: &str = "導語";
const YANG: &str = "點贊!新舉措讓貧困戶依靠雙手自主脫貧";
const PROGRAMME: &str = "給力!“六小工程”帶來的穩定收入看得見";
const PRECISION: &str = "精準!花足“繡花”功夫不讓一人掉隊";
const FUTURE: &str = "美好!和龍開啟幸福新農村之門";
const BIG_DATA: &str = "和龍市脫貧大數據";

/// The article's sections as printed (traditional characters), in order, with the number of
/// body paragraphs each has under the convention in the module doc.
pub const SECTIONS: [(&str, u32); 6] =
    [(OPENING, 5), (YANG, 6), (PROGRAMME, 6), (PRECISION, 4), (FUTURE, 2), (BIG_DATA, 4)];

/// Section locator of derived figures.
pub const DERIVED_SECTION: &str = "derived";

/// Period of the programme's cumulative figures. The programme began in 2018 (給力 ¶1); the
/// article gives its totals as of “如今” (now, 給力 ¶4) or with no date at all (the courtyards,
/// ¶5; the support mechanism, ¶3), and itself carries no date: so they run from 2018 to the
/// article's publication, which is inferred, not stated.
const PROGRAMME_PERIOD: &str = "2018 to publication (inferred)";

/// Period of a figure the article gives with no date, beside dated ones (the three job
/// figures of 精準 ¶3 follow the sentence dated 2019 but are not dated themselves).
const AS_OF_PUBLICATION: &str = "as of publication (inferred)";

/// A base fact; `(zh_hans, zh_hant, en)` labels; `(section, paragraph)` locator.
const fn fact(
    id: &'static str,
    value: f64,
    unit: Unit,
    period: &'static str,
    label: (&'static str, &'static str, &'static str),
    at: (&'static str, u32),
) -> Fact {
    Fact {
        id,
        value,
        unit,
        period,
        label: Label { zh_hans: label.0, zh_hant: label.1, en: label.2 },
        source: Source { section: at.0, paragraph: at.1 },
        derived: false,
        formula: None,
    }
}

use reported as r;

/// Every figure the article states, in the order it states them.
static FACTS: &[Fact] = &[
    // ---- 導語 ¶3 ----
    fact(
        "provincial-poverty-county-year",
        1993.0,
        Unit::Year,
        "1993",
        (
            "和龙被定为吉林省级贫困县的年份",
            "和龍被定為吉林省級貧困縣的年份",
            "Year Helong was designated a Jilin provincial poverty county",
        ),
        (OPENING, 3),
    ),
    fact(
        "national-key-county-year",
        2002.0,
        Unit::Year,
        "2002",
        (
            "和龙列入国家扶贫开发工作重点县的年份",
            "和龍列入國家扶貧開發工作重點縣的年份",
            "Year Helong became a national key county for poverty alleviation",
        ),
        (OPENING, 3),
    ),
    fact(
        "contiguous-destitute-area-year",
        2014.0,
        Unit::Year,
        "2014",
        (
            "和龙划入吉林东部高寒山区连片特困地区的年份",
            "和龍劃入吉林東部高寒山區連片特困地區的年份",
            "Year Helong was classed as part of the contiguous destitute area of the eastern Jilin highlands",
        ),
        (OPENING, 3),
    ),
    fact(
        "poor-villages-2015",
        40.0,
        Unit::Villages,
        "2015-12-31",
        ("2015年底的贫困村", "2015年底的貧困村", "Poor villages at the end of 2015"),
        (OPENING, 3),
    ),
    fact(
        "registered-poor-2015",
        r::REGISTERED_POOR_PEOPLE_2015 as f64,
        Unit::People,
        "2015-12-31",
        (
            "2015年底建档立卡贫困人口",
            "2015年底建檔立卡貧困人口",
            "Registered poor people at the end of 2015",
        ),
        (OPENING, 3),
    ),
    fact(
        "incidence-2015",
        r::INCIDENCE_2015_PERCENT,
        Unit::Percent,
        "2015-12-31",
        ("2015年底贫困发生率", "2015年底貧困發生率", "Poverty incidence at the end of 2015"),
        (OPENING, 3),
    ),
    // ---- 導語 ¶4 ----
    fact(
        "campaign-start-year",
        2016.0,
        Unit::Year,
        "2016",
        ("脱贫攻坚的起始年份", "脫貧攻堅的起始年份", "First year of the push to end poverty"),
        (OPENING, 4),
    ),
    fact(
        "campaign-end-year",
        2019.0,
        Unit::Year,
        "2019",
        ("脱贫攻坚的截止年份", "脫貧攻堅的截止年份", "Last year of the push to end poverty"),
        (OPENING, 4),
    ),
    fact(
        "campaign-duration",
        3.0,
        Unit::Years,
        "2016–2019",
        (
            "贫困发生率降至0.15%所用的年数",
            "貧困發生率降至0.15%所用的年數",
            "Years it took to bring poverty incidence down to 0.15%",
        ),
        (OPENING, 4),
    ),
    fact(
        "incidence-2019",
        r::INCIDENCE_2019_PERCENT,
        Unit::Percent,
        "2019",
        ("2019年贫困发生率", "2019年貧困發生率", "Poverty incidence in 2019"),
        (OPENING, 4),
    ),
    // ---- 導語 ¶5 ----
    fact(
        "poverty-county-exit-year",
        2019.0,
        Unit::Year,
        "2019-04",
        (
            "和龙退出贫困县的年份（4月获省政府批准）",
            "和龍退出貧困縣的年份（4月獲省政府批准）",
            "Year Helong left the list of poverty counties (approved by the province in April)",
        ),
        (OPENING, 5),
    ),
    fact(
        "first-batch-exit-counties",
        3.0,
        Unit::Counties,
        "2019-04",
        (
            "吉林省首批脱贫摘帽的国家重点县（和龙是其中之一）",
            "吉林省首批脫貧摘帽的國家重點縣（和龍是其中之一）",
            "National key counties in Jilin's first batch to shed the poverty label (Helong among them)",
        ),
        (OPENING, 5),
    ),
    // ---- 點贊 ¶1, ¶2 ----
    fact(
        "yang-wife-diagnosis-year",
        2016.0,
        Unit::Year,
        "2016",
        (
            "杨万哲妻子确诊肝硬化晚期的年份",
            "楊萬哲妻子確診肝硬化晚期的年份",
            "Year Yang Wanzhe's wife was diagnosed with late-stage cirrhosis",
        ),
        (YANG, 1),
    ),
    fact(
        "yang-enrolment-year",
        2017.0,
        Unit::Year,
        "2017-07",
        (
            "杨万哲家纳入低保贫困户的年份（7月）",
            "楊萬哲家納入低保貧困戶的年份（7月）",
            "Year Yang's household was enrolled as poor and on minimum living allowance (July)",
        ),
        (YANG, 2),
    ),
    fact(
        "yang-welfare-post-income",
        7000.0,
        Unit::YuanPerYear,
        "2017",
        (
            "杨万哲扶贫公益岗位的年收入",
            "楊萬哲扶貧公益崗位的年收入",
            "Yang's yearly pay from a poverty-relief public-welfare job",
        ),
        (YANG, 2),
    ),
    // ---- 點贊 ¶4, ¶5, ¶6 ----
    fact(
        "yang-grant",
        r::GRANT_YUAN,
        Unit::Yuan,
        // Undated: after the July 2017 enrolment, in the programme that began in 2018, before
        // the hens laid in spring 2019.
        "2018–2019 (inferred)",
        (
            "杨万哲申请到的扶贫资金（用来买鸡苗）",
            "楊萬哲申請到的扶貧資金（用來買雞苗）",
            "Poverty-relief money Yang obtained, used to buy chicks",
        ),
        (YANG, 4),
    ),
    fact(
        "yang-laying-hens-2019",
        100.0,
        Unit::Chickens,
        "2019",
        (
            "2019年春杨万哲养的土鸡（100多只，已开始下蛋）",
            "2019年春楊萬哲養的土雞（100多隻，已開始下蛋）",
            "Native chickens Yang was raising by spring 2019, when they had begun to lay (more than 100)",
        ),
        (YANG, 5),
    ),
    fact(
        "self-reliance-years",
        3.0,
        Unit::Years,
        // 點贊 ¶6 says only “三年以來” (for three years): the years before publication.
        "three years to publication (inferred)",
        (
            "有劳动能力的贫困户在“六小工程”中自主脱贫的年数",
            "有勞動能力的貧困戶在“六小工程”中自主脫貧的年數",
            "Years able-bodied poor households have been working their way out of poverty in the programme",
        ),
        (YANG, 6),
    ),
    // ---- 給力 ¶1, ¶2, ¶3 ----
    fact(
        "programme-start-year",
        r::PROGRAMME_START_YEAR as f64,
        Unit::Year,
        "2018",
        ("“六小工程”启动的年份", "“六小工程”啟動的年份", "Year the Six Small Projects began"),
        (PROGRAMME, 1),
    ),
    fact(
        "programme-kinds",
        6.0,
        Unit::Categories,
        PROGRAMME_PERIOD,
        (
            "“六小工程”鼓励的项目种类",
            "“六小工程”鼓勵的項目種類",
            "Kinds of small project the programme encourages",
        ),
        (PROGRAMME, 2),
    ),
    fact(
        "support-mechanism-parties",
        5.0,
        Unit::Parties,
        PROGRAMME_PERIOD,
        (
            "“五位一体”帮扶机制中的责任方",
            "“五位一體”幫扶機制中的責任方",
            "Parties answerable in the “five-in-one” support mechanism",
        ),
        (PROGRAMME, 3),
    ),
    // ---- 給力 ¶4 ----
    fact(
        "programme-households",
        r::HOUSEHOLDS_FUNDED as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("获得创业资金的贫困户", "獲得創業資金的貧困戶", "Poor households given a start-up grant"),
        (PROGRAMME, 4),
    ),
    fact(
        "grant-per-household",
        r::GRANT_YUAN,
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("每户创业资金", "每戶創業資金", "Start-up grant per household"),
        (PROGRAMME, 4),
    ),
    fact(
        "programme-funds",
        r::FUNDS_TOTAL_YUAN,
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("发放的创业资金总额", "發放的創業資金總額", "Start-up grants paid in all"),
        (PROGRAMME, 4),
    ),
    fact(
        "households-planting",
        r::MIX_HOUSEHOLDS[0] as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("发展小种植的贫困户", "發展小種植的貧困戶", "Households growing crops on a small scale"),
        (PROGRAMME, 4),
    ),
    fact(
        "households-livestock",
        r::MIX_HOUSEHOLDS[1] as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("发展小养殖的贫困户", "發展小養殖的貧困戶", "Households raising animals on a small scale"),
        (PROGRAMME, 4),
    ),
    fact(
        "households-trade",
        r::MIX_HOUSEHOLDS[2] as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("做小买卖的贫困户", "做小買賣的貧困戶", "Households running a small trade"),
        (PROGRAMME, 4),
    ),
    fact(
        "households-workshop",
        r::MIX_HOUSEHOLDS[3] as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("开办小作坊的贫困户", "開辦小作坊的貧困戶", "Households running a small workshop"),
        (PROGRAMME, 4),
    ),
    fact(
        "households-farm-stay",
        r::MIX_HOUSEHOLDS[4] as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        ("经营农家乐的贫困户", "經營農家樂的貧困戶", "Households running a farm-stay"),
        (PROGRAMME, 4),
    ),
    fact(
        "programme-benefit",
        r::BENEFIT_YUAN,
        Unit::Yuan,
        PROGRAMME_PERIOD,
        (
            "创业项目产生的效益资金",
            "創業項目產生的效益資金",
            "Benefit produced by the funded enterprises",
        ),
        (PROGRAMME, 4),
    ),
    // ---- 給力 ¶5 ----
    fact(
        "courtyard-households",
        r::COURTYARD_HOUSEHOLDS as f64,
        Unit::Households,
        PROGRAMME_PERIOD,
        (
            "庭院被认领（共享庭院）的农户",
            "庭院被認領（共享庭院）的農戶",
            "Households whose courtyards were adopted (shared courtyards)",
        ),
        (PROGRAMME, 5),
    ),
    fact(
        "courtyard-area",
        r::COURTYARD_AREA_M2,
        Unit::M2,
        PROGRAMME_PERIOD,
        ("被认领庭院的总面积", "被認領庭院的總面積", "Total area of the adopted courtyards"),
        (PROGRAMME, 5),
    ),
    fact(
        "courtyard-income",
        r::COURTYARD_INCOME_YUAN,
        Unit::Yuan,
        PROGRAMME_PERIOD,
        (
            "贫困户从共享庭院获得的收益",
            "貧困戶從共享庭院獲得的收益",
            "Income poor households earned from their adopted courtyards",
        ),
        (PROGRAMME, 5),
    ),
    // ---- 精準 ¶2 (undated: the first secretary's first weeks in the village) ----
    fact(
        "verification-team-size",
        5.0,
        Unit::People,
        "undated",
        (
            "光东村入户核查组的人数",
            "光東村入戶核查組的人數",
            "Members of the door-to-door verification team in Guangdong village (光东村), Dongcheng town (东城镇)",
        ),
        (PRECISION, 2),
    ),
    fact(
        "verification-duration",
        1.0,
        Unit::Months,
        "undated",
        (
            "光东村入户精准识别所用的时间",
            "光東村入戶精準識別所用的時間",
            "Time the Guangdong village (光东村) team spent identifying poor households door to door",
        ),
        (PRECISION, 2),
    ),
    fact(
        "admin-villages",
        r::ADMIN_VILLAGES as f64,
        Unit::Villages,
        "undated",
        ("和龙市的行政村", "和龍市的行政村", "Administrative villages in Helong"),
        (PRECISION, 2),
    ),
    // ---- 精準 ¶3 ----
    fact(
        "industry-projects-2019",
        209.0,
        Unit::Projects,
        "2019",
        ("扶贫产业项目（累计）", "扶貧產業項目（累計）", "Poverty-relief industry projects (cumulative)"),
        (PRECISION, 3),
    ),
    fact(
        "villages-with-industry-2019",
        100.0,
        Unit::Percent,
        "2019",
        (
            "有扶贫产业项目覆盖的行政村比例",
            "有扶貧產業項目覆蓋的行政村比例",
            "Share of administrative villages with a poverty-relief industry project",
        ),
        (PRECISION, 3),
    ),
    fact(
        "jobs-for-able-bodied-2019",
        3853.0,
        Unit::Posts,
        AS_OF_PUBLICATION,
        (
            "为有劳动能力的贫困人口开发的岗位（巡逻、保洁、安全等）",
            "為有勞動能力的貧困人口開發的崗位（巡邏、保潔、安全等）",
            "Jobs created for able-bodied poor people (patrol, cleaning, safety and the like)",
        ),
        (PRECISION, 3),
    ),
    fact(
        "public-welfare-jobs-people-2019",
        778.0,
        Unit::People,
        AS_OF_PUBLICATION,
        (
            "安置在公益性岗位（护林、河道管理等）的人",
            "安置在公益性崗位（護林、河道管理等）的人",
            "People placed in public-welfare jobs (forest ranger, river warden and the like)",
        ),
        (PRECISION, 3),
    ),
    fact(
        "special-public-posts-2019",
        240.0,
        Unit::Posts,
        AS_OF_PUBLICATION,
        ("就业扶贫特设公岗", "就業扶貧特設公崗", "Special public posts created to relieve poverty through work"),
        (PRECISION, 3),
    ),
    // ---- 精準 ¶4 ----
    fact(
        "rain-dew-funds-2019",
        252_000.0,
        Unit::Yuan,
        "2019",
        ("“雨露计划”补助资金", "“雨露計劃”補助資金", "“Rain-dew” plan grants paid to students"),
        (PRECISION, 4),
    ),
    fact(
        "rain-dew-students-2019",
        168.0,
        Unit::PersonTimes,
        "2019",
        (
            "“雨露计划”惠及的建档立卡贫困学生（人次）",
            "“雨露計劃”惠及的建檔立卡貧困學生（人次）",
            "Registered poor students helped by the “Rain-dew” plan (person-times)",
        ),
        (PRECISION, 4),
    ),
    fact(
        "medical-defence-lines",
        5.0,
        Unit::Categories,
        "2019",
        (
            "贫困人口医疗保障的“防线”",
            "貧困人口醫療保障的“防線”",
            "Layers of medical protection for poor people (“lines of defence”)",
        ),
        (PRECISION, 4),
    ),
    fact(
        "poor-people-insured-2019",
        100.0,
        Unit::Percent,
        "2019",
        (
            "参加城乡居民基本医疗保险并有大病保险和大病兜底保障的贫困人口比例",
            "參加城鄉居民基本醫療保險並有大病保險和大病兜底保障的貧困人口比例",
            "Share of poor people covered by basic medical insurance for urban and rural residents, serious-illness insurance and the serious-illness backstop",
        ),
        (PRECISION, 4),
    ),
    // ---- 和龍市脫貧大數據 (all 2019) ----
    fact(
        "rural-minimum-living-standard-2019",
        3800.0,
        Unit::YuanPerYear,
        "2019",
        (
            "农村低保标准（每人每年）",
            "農村低保標準（每人每年）",
            "Rural minimum living allowance standard (per person per year)",
        ),
        (BIG_DATA, 1),
    ),
    fact(
        "reimbursements-2019",
        33_117.0,
        Unit::PersonTimes,
        "2019",
        ("为贫困人口报销的人次", "為貧困人口報銷的人次", "Reimbursements made to poor people (person-times)"),
        (BIG_DATA, 2),
    ),
    fact(
        "reimbursed-amount-2019",
        22_690_000.0,
        Unit::Yuan,
        "2019",
        ("为贫困人口报销的补偿金额", "為貧困人口報銷的補償金額", "Amount reimbursed to poor people"),
        (BIG_DATA, 2),
    ),
    fact(
        "urban-disposable-income-2019",
        24_150.0,
        Unit::YuanPerYear,
        "2019",
        (
            "城镇常住居民的人均可支配收入",
            "城鎮常住居民的人均可支配收入",
            "Disposable income per urban resident",
        ),
        (BIG_DATA, 3),
    ),
    fact(
        "rural-disposable-income-2019",
        11_287.0,
        Unit::YuanPerYear,
        "2019",
        (
            "农村常住居民的人均可支配收入",
            "農村常住居民的人均可支配收入",
            "Disposable income per rural resident",
        ),
        (BIG_DATA, 3),
    ),
    fact(
        "rural-income-growth-2019",
        14.1,
        Unit::Percent,
        "2019",
        (
            "同比增长（本页读作农村居民人均可支配收入的增幅；原句也可读作城乡两项的增幅）",
            "同比增長（本頁讀作農村居民人均可支配收入的增幅；原句也可讀作城鄉兩項的增幅）",
            "Year-on-year growth, read here as that of rural disposable income per person (the article's sentence could also mean both urban and rural incomes)",
        ),
        (BIG_DATA, 3),
    ),
    fact(
        "village-income-threshold-2019",
        r::VILLAGE_INCOME_THRESHOLD_YUAN,
        Unit::Yuan,
        "2019",
        (
            "报道统计村收入所用的门槛（年收入10万元及以上）",
            "報道統計村收入所用的門檻（年收入10萬元及以上）",
            "Income threshold of the villages the article counts (an income of 100,000 yuan or more)",
        ),
        (BIG_DATA, 4),
    ),
    fact(
        "villages-income-100k-2019",
        r::VILLAGES_INCOME_100K_2019 as f64,
        Unit::Villages,
        "2019",
        ("年收入10万元及以上的村", "年收入10萬元及以上的村", "Villages with an income of 100,000 yuan or more"),
        (BIG_DATA, 4),
    ),
    fact(
        "villages-income-100k-share-2019",
        r::VILLAGES_INCOME_100K_SHARE_PERCENT,
        Unit::Percent,
        "2019",
        (
            "年收入10万元及以上的村所占比例",
            "年收入10萬元及以上的村所佔比例",
            "Share of villages with an income of 100,000 yuan or more",
        ),
        (BIG_DATA, 4),
    ),
];

// ---------------------------------------------------------------------------------------------
// Derived figures
// ---------------------------------------------------------------------------------------------

/// A derived figure's definition: its formula is evaluated over the base facts, so the
/// formula shown to readers is exactly what was computed.
struct DerivedSpec {
    id: &'static str,
    unit: Unit,
    period: &'static str,
    label: Label,
    formula: &'static str,
}

const fn spec(
    id: &'static str,
    unit: Unit,
    period: &'static str,
    label: (&'static str, &'static str, &'static str),
    formula: &'static str,
) -> DerivedSpec {
    DerivedSpec {
        id,
        unit,
        period,
        label: Label { zh_hans: label.0, zh_hant: label.1, en: label.2 },
        formula,
    }
}

const DERIVED: &[DerivedSpec] = &[
    spec(
        "households-sum-of-categories",
        Unit::Households,
        PROGRAMME_PERIOD,
        ("五类创业项目户数之和", "五類創業項目戶數之和", "Households in the five enterprise categories, added up"),
        "households-planting + households-livestock + households-trade + households-workshop + households-farm-stay",
    ),
    spec(
        "funds-households-times-grant",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("户数乘以每户资金", "戶數乘以每戶資金", "Households funded times the grant per household"),
        "programme-households * grant-per-household",
    ),
    spec(
        "households-planting-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小种植户占获资助户的比例", "小種植戶佔獲資助戶的比例", "Share of funded households growing crops"),
        "households-planting / programme-households * 100",
    ),
    spec(
        "households-livestock-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小养殖户占获资助户的比例", "小養殖戶佔獲資助戶的比例", "Share of funded households raising animals"),
        "households-livestock / programme-households * 100",
    ),
    spec(
        "households-trade-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小买卖户占获资助户的比例", "小買賣戶佔獲資助戶的比例", "Share of funded households running a small trade"),
        "households-trade / programme-households * 100",
    ),
    spec(
        "households-workshop-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小作坊户占获资助户的比例", "小作坊戶佔獲資助戶的比例", "Share of funded households running a workshop"),
        "households-workshop / programme-households * 100",
    ),
    spec(
        "households-farm-stay-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("农家乐户占获资助户的比例", "農家樂戶佔獲資助戶的比例", "Share of funded households running a farm-stay"),
        "households-farm-stay / programme-households * 100",
    ),
    spec(
        "benefit-per-yuan-granted",
        Unit::Percent,
        PROGRAMME_PERIOD,
        (
            "效益资金相当于创业资金的比例",
            "效益資金相當於創業資金的比例",
            "Benefit as a share of the grants paid",
        ),
        "programme-benefit / programme-funds * 100",
    ),
    spec(
        "benefit-per-household",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("每个获资助户平均的效益资金", "每個獲資助戶平均的效益資金", "Benefit per funded household, on average"),
        "programme-benefit / programme-households",
    ),
    spec(
        "courtyard-area-per-household",
        Unit::M2,
        PROGRAMME_PERIOD,
        ("每户被认领庭院的平均面积", "每戶被認領庭院的平均面積", "Adopted courtyard area per household, on average"),
        "courtyard-area / courtyard-households",
    ),
    spec(
        "courtyard-income-per-m2",
        Unit::YuanPerM2,
        PROGRAMME_PERIOD,
        ("共享庭院每平方米的收益", "共享庭院每平方米的收益", "Courtyard income per square metre"),
        "courtyard-income / courtyard-area",
    ),
    spec(
        "courtyard-income-per-household",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("每户共享庭院的平均收益", "每戶共享庭院的平均收益", "Courtyard income per household, on average"),
        "courtyard-income / courtyard-households",
    ),
    spec(
        "rural-population-2015-implied",
        Unit::People,
        "2015-12-31",
        (
            "由贫困人口与发生率推算的2015年底农村人口",
            "由貧困人口與發生率推算的2015年底農村人口",
            "Rural population at the end of 2015 implied by the poor count and the incidence",
        ),
        "registered-poor-2015 / (incidence-2015 / 100)",
    ),
    spec(
        "incidence-reduction",
        Unit::PercentagePoints,
        "2015–2019",
        ("贫困发生率的降幅（百分点）", "貧困發生率的降幅（百分點）", "Fall in poverty incidence (percentage points)"),
        "incidence-2015 - incidence-2019",
    ),
    spec(
        "incidence-reduction-relative",
        Unit::Percent,
        "2015–2019",
        ("贫困发生率下降的幅度（相对）", "貧困發生率下降的幅度（相對）", "Fall in poverty incidence, relative to 2015"),
        "(incidence-2015 - incidence-2019) / incidence-2015 * 100",
    ),
    spec(
        "campaign-years-computed",
        Unit::Years,
        "2016–2019",
        ("脱贫攻坚起止年份之差", "脫貧攻堅起止年份之差", "Years between the start and the end of the push"),
        "campaign-end-year - campaign-start-year",
    ),
    spec(
        "years-as-poverty-county",
        Unit::Years,
        "1993–2019",
        (
            "从定为省级贫困县到退出贫困县的年数",
            "從定為省級貧困縣到退出貧困縣的年數",
            "Years from the provincial poverty listing to the exit",
        ),
        "poverty-county-exit-year - provincial-poverty-county-year",
    ),
    spec(
        "villages-income-100k-share-2019-computed",
        Unit::Percent,
        "2019",
        (
            "年收入10万元及以上的村占行政村的比例（计算值）",
            "年收入10萬元及以上的村佔行政村的比例（計算值）",
            "Villages with an income of 100,000 yuan or more, as a share of all administrative villages (computed)",
        ),
        "villages-income-100k-2019 / admin-villages * 100",
    ),
    spec(
        "reimbursement-per-person-time-2019",
        Unit::Yuan,
        "2019",
        ("每人次的平均报销金额", "每人次的平均報銷金額", "Average amount per reimbursement"),
        "reimbursed-amount-2019 / reimbursements-2019",
    ),
    spec(
        "rain-dew-per-student-2019",
        Unit::Yuan,
        "2019",
        ("“雨露计划”每人次的补助", "“雨露計劃”每人次的補助", "“Rain-dew” grant per student, per person-time"),
        "rain-dew-funds-2019 / rain-dew-students-2019",
    ),
    spec(
        "urban-rural-income-ratio-2019",
        Unit::Ratio,
        "2019",
        ("城乡居民人均可支配收入之比", "城鄉居民人均可支配收入之比", "Urban to rural disposable income per person"),
        "urban-disposable-income-2019 / rural-disposable-income-2019",
    ),
    spec(
        "rural-disposable-income-2018-implied",
        Unit::YuanPerYear,
        "2018",
        (
            "由14.1%增幅推算的2018年农村居民人均可支配收入（仅当14.1%是农村收入的增幅时成立，本页按此读法）",
            "由14.1%增幅推算的2018年農村居民人均可支配收入（僅當14.1%是農村收入的增幅時成立，本頁按此讀法）",
            "Rural disposable income per person in 2018 implied by the 14.1% growth (holds only if the 14.1% is the rural figure's growth, as this page reads it)",
        ),
        "rural-disposable-income-2019 / (1 + rural-income-growth-2019 / 100)",
    ),
];

/// The value of fact `id` among `facts`, if present.
fn lookup(facts: &[Fact], id: &str) -> Option<f64> {
    facts.iter().find(|f| f.id == id).map(|f| f.value)
}

/// Figures computed from the base facts, each by evaluating its formula over fact ids.
/// A formula that names a missing fact gives NaN (a test asserts every derived value is
/// finite, so that is caught before release), never a panic.
pub fn derived(base: &[Fact]) -> Vec<Fact> {
    DERIVED
        .iter()
        .map(|d| Fact {
            id: d.id,
            value: formula::eval(d.formula, |id| lookup(base, id)).unwrap_or(f64::NAN),
            unit: d.unit,
            period: d.period,
            label: d.label,
            source: Source { section: DERIVED_SECTION, paragraph: 0 },
            derived: true,
            formula: Some(d.formula),
        })
        .collect()
}

/// A tiny evaluator for the derived formulas: `+ - * /`, parentheses, number literals and fact
/// ids. Fact ids are kebab-case (`[a-z][a-z0-9-]*`), so subtraction is written with spaces
/// around the minus sign (`a - b`).
mod formula {
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Token<'a> {
        Num(f64),
        Id(&'a str),
        Op(u8),
        Open,
        Close,
    }

    fn tokens(s: &str) -> Option<Vec<Token<'_>>> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_whitespace() {
                i += 1;
            } else if c.is_ascii_lowercase() {
                let start = i;
                while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'-') {
                    i += 1;
                }
                out.push(Token::Id(s.get(start..i)?));
            } else if c.is_ascii_digit() || c == b'.' {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                // The exact reader of `num`, not str::parse (which brings a 10 KB table into the wasm).
                out.push(Token::Num(crate::num::read(s.get(start..i)?)?));
            } else {
                out.push(match c {
                    b'+' | b'-' | b'*' | b'/' => Token::Op(c),
                    b'(' => Token::Open,
                    b')' => Token::Close,
                    _ => return None,
                });
                i += 1;
            }
        }
        Some(out)
    }

    /// The formula as a reader sees it: every fact id written by `write_fact` and every number
    /// by `write`, operators as `+ − × ÷`, parentheses hugging what they hold
    /// (`15,670 ÷ (22.9 ÷ 100)`). `None` if it does not tokenise or names an unknown fact.
    pub(super) fn written(
        s: &str,
        write_fact: impl Fn(&str) -> Option<String>,
        write: impl Fn(f64) -> String,
    ) -> Option<String> {
        let mut out = String::new();
        let mut after_open = true;
        for t in tokens(s)? {
            let piece = match t {
                Token::Num(n) => write(n),
                Token::Id(id) => write_fact(id)?,
                Token::Op(op) => {
                    match op {
                        b'+' => "+",
                        b'-' => "−",
                        b'*' => "×",
                        _ => "÷",
                    }
                }
                .to_string(),
                Token::Open => "(".to_string(),
                Token::Close => ")".to_string(),
            };
            if !after_open && t != Token::Close {
                out.push(' ');
            }
            after_open = t == Token::Open;
            out.push_str(&piece);
        }
        Some(out)
    }

    /// Fact ids a formula names, in order of appearance (`None` if it does not tokenise).
    pub(super) fn ids(s: &str) -> Option<Vec<&str>> {
        Some(
            tokens(s)?
                .into_iter()
                .filter_map(|t| match t {
                    Token::Id(id) => Some(id),
                    _ => None,
                })
                .collect(),
        )
    }

    struct Parser<'a, F> {
        toks: Vec<Token<'a>>,
        pos: usize,
        value_of: F,
    }

    impl<'a, F: Fn(&str) -> Option<f64>> Parser<'a, F> {
        fn peek(&self) -> Option<Token<'a>> {
            self.toks.get(self.pos).copied()
        }

        fn expr(&mut self) -> Option<f64> {
            let mut v = self.term()?;
            while let Some(Token::Op(op @ (b'+' | b'-'))) = self.peek() {
                self.pos += 1;
                let rhs = self.term()?;
                v = if op == b'+' { v + rhs } else { v - rhs };
            }
            Some(v)
        }

        fn term(&mut self) -> Option<f64> {
            let mut v = self.factor()?;
            while let Some(Token::Op(op @ (b'*' | b'/'))) = self.peek() {
                self.pos += 1;
                let rhs = self.factor()?;
                v = if op == b'*' { v * rhs } else { v / rhs };
            }
            Some(v)
        }

        fn factor(&mut self) -> Option<f64> {
            let t = self.peek()?;
            self.pos += 1;
            match t {
                Token::Num(n) => Some(n),
                Token::Id(id) => (self.value_of)(id),
                Token::Open => {
                    let v = self.expr()?;
                    match self.peek() {
                        Some(Token::Close) => {
                            self.pos += 1;
                            Some(v)
                        }
                        _ => None,
                    }
                }
                Token::Op(_) | Token::Close => None,
            }
        }
    }

    /// Evaluates `s`, looking fact ids up with `value_of`. `None` on a syntax error or an
    /// unknown id.
    pub(super) fn eval(s: &str, value_of: impl Fn(&str) -> Option<f64>) -> Option<f64> {
        let mut p = Parser { toks: tokens(s)?, pos: 0, value_of };
        let v = p.expr()?;
        (p.pos == p.toks.len()).then_some(v)
    }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/// Every fact: the article's figures in article order, then the derived figures.
pub fn all() -> Vec<Fact> {
    let mut facts = FACTS.to_vec();
    facts.extend_from_slice(derived_cached());
    facts
}

/// A derived formula as a reader sees it, e.g. `559,300 ÷ 2,546` for
/// `programme-benefit / programme-households`: each fact id written by `write_fact`, each
/// number literal by `write`, operators as `+ − × ÷`. `None` for a formula that does not parse
/// or names a fact `write_fact` does not know.
pub fn formula_written(
    formula: &str,
    write_fact: impl Fn(&str) -> Option<String>,
    write: impl Fn(f64) -> String,
) -> Option<String> {
    formula::written(formula, write_fact, write)
}

/// The fact ids a formula names, in order of appearance, each once.
pub fn formula_ids(formula: &str) -> Vec<&str> {
    let mut ids = formula::ids(formula).unwrap_or_default();
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    ids
}

/// The fact (base or derived) with this id.
pub fn get(id: &str) -> Option<Fact> {
    if let Some(f) = FACTS.iter().find(|f| f.id == id) {
        return Some(f.clone());
    }
    derived_cached().iter().find(|f| f.id == id).cloned()
}

/// The derived facts, computed once (evaluating their formulas is not free, and the page
/// asks for facts many times).
fn derived_cached() -> &'static [Fact] {
    static DERIVED: std::sync::OnceLock<Vec<Fact>> = std::sync::OnceLock::new();
    DERIVED.get_or_init(|| derived(FACTS))
}

/// Header row of [`to_csv`].
/// A fact's value as a reader sees it in running text: money with its unit (`1273万元`,
/// `12.73 million yuan`), percentages with `%`, counts bare (the text supplies the noun).
pub fn format_value(f: &Fact, lang: crate::i18n::Lang) -> String {
    use crate::i18n::{self, Lang};
    match f.unit {
        Unit::Yuan | Unit::YuanPerYear => i18n::exact_yuan(f.value, lang),
        Unit::Percent | Unit::PercentagePoints => i18n::percent(f.value, 2),
        Unit::Year => format!("{}", f.value as i64),
        Unit::M2 => match lang {
            Lang::En => format!("{} m²", i18n::exact(f.value, lang)),
            _ => format!("{}平方米", i18n::exact(f.value, lang)),
        },
        _ => i18n::exact(f.value, lang),
    }
}

pub const CSV_HEADER: &str = "id,value,unit,period,label_zh_hans,label_zh_hant,label_en,source_section,source_paragraph,derived,formula";

/// One CSV field, quoted per RFC 4180 when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The facts as JSON, indented, with a closing line break: `helong facts` prints it, and it is
/// `dist/data/helong-facts.json` (also inside the single file). Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(facts: &[Fact]) -> Result<String, serde_json::Error> {
    Ok(serde_json::to_string_pretty(facts)? + "\n")
}

/// The facts as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese labels), CRLF
/// line ends, RFC 4180 quoting. Values print in their shortest round-trip form (`22.9`, `2546`).
pub fn to_csv(facts: &[Fact]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for f in facts {
        let row = [
            csv_field(f.id),
            csv_field(&format!("{}", f.value)),
            csv_field(f.unit.id()),
            csv_field(f.period),
            csv_field(f.label.zh_hans),
            csv_field(f.label.zh_hant),
            csv_field(f.label.en),
            csv_field(f.source.section),
            f.source.paragraph.to_string(),
            f.derived.to_string(),
            csv_field(f.formula.unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A fingerprint of the dataset for the page footer: 16 hex digits of FNV-1a (64-bit) over
/// `to_csv(&all())`. Anyone holding the CSV can recompute it.
///
/// Kept as a constant so the wasm need not write the CSV: its full-precision numbers need
/// core's float formatter, about 8 KB of gzipped wasm for this one string. The test
/// `the_dataset_hash_is_sixteen_hex_digits_of_fnv1a_over_the_csv` recomputes it and fails,
/// printing the new value, as soon as any fact changes.
pub const DATASET_HASH: &str = "a03f8ba59ed3f162";

/// The dataset's fingerprint (see [`DATASET_HASH`]).
pub fn dataset_hash() -> String {
    DATASET_HASH.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Fnv1a64;

    fn v(id: &str) -> f64 {
        get(id).map_or(f64::NAN, |f| f.value)
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    // ---- consistency checks the article allows ----

    #[test]
    fn the_five_enterprise_counts_sum_to_the_households_funded() {
        let sum: f64 = MIX_FACT_IDS.iter().map(|id| v(id)).sum();
        assert_eq!(sum, v("programme-households"));
        assert_eq!(v("households-sum-of-categories"), v("programme-households"));
        assert_eq!(reported::MIX_HOUSEHOLDS.iter().sum::<u32>(), reported::HOUSEHOLDS_FUNDED);
    }

    #[test]
    fn households_times_grant_equals_the_total_funds() {
        assert_eq!(v("programme-households") * v("grant-per-household"), v("programme-funds"));
        assert_eq!(v("funds-households-times-grant"), v("programme-funds"));
    }

    #[test]
    fn fifty_seven_of_seventy_six_villages_is_seventy_five_percent() {
        let computed = v("villages-income-100k-share-2019-computed");
        assert!(close(computed, v("villages-income-100k-share-2019"), 1e-9), "{computed}");
    }

    #[test]
    fn the_campaign_from_2016_to_2019_took_the_three_years_the_article_says() {
        assert_eq!(v("campaign-years-computed"), v("campaign-duration"));
    }

    #[test]
    fn the_category_shares_add_up_to_one_hundred_percent() {
        let ids = [
            "households-planting-share",
            "households-livestock-share",
            "households-trade-share",
            "households-workshop-share",
            "households-farm-stay-share",
        ];
        let total: f64 = ids.iter().map(|id| v(id)).sum();
        assert!(close(total, 100.0, 1e-9), "{total}");
    }

    #[test]
    fn the_six_kinds_of_project_are_five_enterprises_plus_shared_courtyards() {
        assert_eq!(v("programme-kinds"), (MIX_FACT_IDS.len() + 1) as f64);
    }

    #[test]
    fn incidence_implies_a_rural_population_of_about_68_thousand() {
        let pop = v("rural-population-2015-implied");
        assert!((68_000.0..69_000.0).contains(&pop), "{pop}");
        // 15,670 people at 22.9% (one decimal): the rural population lies where the rounded
        // incidence is still 22.9%.
        let lo = v("registered-poor-2015") / 0.2295;
        let hi = v("registered-poor-2015") / 0.2285;
        assert!(lo < pop && pop < hi);
    }

    #[test]
    fn courtyard_defaults_reproduce_the_reported_income() {
        let income =
            v("courtyard-area-per-household") * v("courtyard-households") * v("courtyard-income-per-m2");
        assert!(close(income, reported::COURTYARD_INCOME_YUAN, 1e-6), "{income}");
    }

    #[test]
    fn rain_dew_grants_come_to_exactly_1500_yuan_per_student_person_time() {
        assert_eq!(v("rain-dew-per-student-2019"), 1500.0);
    }

    #[test]
    fn the_dates_follow_each_other_as_the_article_tells_them() {
        assert!(v("provincial-poverty-county-year") < v("national-key-county-year"));
        assert!(v("national-key-county-year") < v("contiguous-destitute-area-year"));
        assert!(v("contiguous-destitute-area-year") < v("campaign-start-year"));
        assert!(v("campaign-start-year") <= v("programme-start-year"));
        assert!(v("programme-start-year") <= v("poverty-county-exit-year"));
        assert_eq!(v("poverty-county-exit-year"), v("campaign-end-year"));
        assert!(v("yang-wife-diagnosis-year") < v("yang-enrolment-year"));
        assert_eq!(v("years-as-poverty-county"), 26.0);
    }

    #[test]
    fn yangs_grant_is_the_programmes_grant() {
        // The article: Yang received 5,000 yuan, and every household received 5,000 yuan.
        assert_eq!(v("yang-grant"), 5000.0);
        assert_eq!(v("grant-per-household"), 5000.0);
    }

    #[test]
    fn incidence_fell_by_22_75_points_and_rural_incomes_trail_urban_ones() {
        assert!(close(v("incidence-reduction"), 22.75, 1e-9));
        assert!(v("incidence-2019") < v("incidence-2015"));
        assert!(v("urban-rural-income-ratio-2019") > 1.0);
        assert!(v("rural-disposable-income-2018-implied") < v("rural-disposable-income-2019"));
    }

    #[test]
    fn the_reported_constants_match_the_fact_records() {
        use reported as r;
        // The figures as the article prints them, written here from the article (not from the
        // constants): the constants and the records must both say the same.
        let article: [(&str, f64, f64); 14] = [
            ("grant-per-household", 5000.0, r::GRANT_YUAN),
            ("programme-households", 2546.0, f64::from(r::HOUSEHOLDS_FUNDED)),
            ("programme-funds", 12_730_000.0, r::FUNDS_TOTAL_YUAN),
            ("programme-benefit", 559_300.0, r::BENEFIT_YUAN),
            ("courtyard-households", 2458.0, f64::from(r::COURTYARD_HOUSEHOLDS)),
            ("courtyard-area", 214_200.0, r::COURTYARD_AREA_M2),
            ("courtyard-income", 493_500.0, r::COURTYARD_INCOME_YUAN),
            ("registered-poor-2015", 15_670.0, f64::from(r::REGISTERED_POOR_PEOPLE_2015)),
            ("incidence-2015", 22.9, r::INCIDENCE_2015_PERCENT),
            ("incidence-2019", 0.15, r::INCIDENCE_2019_PERCENT),
            ("admin-villages", 76.0, f64::from(r::ADMIN_VILLAGES)),
            ("villages-income-100k-2019", 57.0, f64::from(r::VILLAGES_INCOME_100K_2019)),
            ("villages-income-100k-share-2019", 75.0, r::VILLAGES_INCOME_100K_SHARE_PERCENT),
            ("programme-start-year", 2018.0, f64::from(r::PROGRAMME_START_YEAR)),
        ];
        for (id, printed, constant) in article {
            assert_eq!(v(id), printed, "{id}");
            assert_eq!(constant, printed, "{id}");
        }
        for ((id, n), printed) in MIX_FACT_IDS.iter().zip(r::MIX_HOUSEHOLDS).zip([480, 1859, 96, 89, 22]) {
            assert_eq!(v(id), f64::from(printed), "{id}");
            assert_eq!(n, printed, "{id}");
        }
    }

    // ---- the dataset's shape ----

    #[test]
    fn every_id_is_unique_and_kebab_case() {
        let facts = all();
        let mut seen = std::collections::HashSet::new();
        for f in &facts {
            assert!(seen.insert(f.id), "duplicate id {}", f.id);
            let b = f.id.as_bytes();
            assert!(b.first().is_some_and(u8::is_ascii_lowercase), "{}", f.id);
            assert!(b.last().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{}", f.id);
            assert!(!f.id.contains("--"), "{}", f.id);
            assert!(b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-'), "{}", f.id);
        }
    }

    #[test]
    fn every_fact_has_three_nonempty_labels() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        // English labels may give a name in characters, in parentheses after its English
        // form (“Guangdong village (光东村)”), and nowhere else.
        let outside_parentheses = |s: &str| {
            let mut depth = 0u32;
            s.chars()
                .filter(|&c| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    depth == 0
                })
                .collect::<String>()
        };
        for f in all() {
            let l = f.label;
            assert!(han(l.zh_hans) && han(l.zh_hant), "{}", f.id);
            assert!(!l.en.trim().is_empty() && !han(&outside_parentheses(l.en)), "{}", f.id);
            assert!(!f.period.is_empty(), "{}", f.id);
        }
        assert!(han(&outside_parentheses("a 光东村 (b)")), "the check sees characters outside parentheses");
    }

    #[test]
    fn the_village_labels_state_the_threshold_record_in_each_language() {
        use crate::i18n::Lang;
        let Some(threshold) = get("village-income-threshold-2019") else { panic!("no threshold record") };
        assert_eq!(threshold.value, reported::VILLAGE_INCOME_THRESHOLD_YUAN);
        assert_eq!(threshold.source, Source { section: BIG_DATA, paragraph: 4 });
        let ids = [
            "village-income-threshold-2019",
            "villages-income-100k-2019",
            "villages-income-100k-share-2019",
            "villages-income-100k-share-2019-computed",
        ];
        for id in ids {
            let Some(f) = get(id) else { panic!("{id}") };
            for (lang, label) in
                [(Lang::ZhHans, f.label.zh_hans), (Lang::ZhHant, f.label.zh_hant), (Lang::En, f.label.en)]
            {
                let amount = format_value(&threshold, lang);
                assert!(label.contains(&amount), "{id} ({lang:?}) does not name {amount}: {label}");
            }
        }
    }

    #[test]
    fn the_traditional_labels_are_not_left_in_simplified_characters() {
        // Characters whose traditional form differs, as they occur in the simplified labels.
        let simplified_only = "贫户县国资发产农养买卖种乐认领积获们为开劳动岗护员设计划补档医疗线标报销偿额镇长万数时识别东杨确诊纳鸡只启励类体帮责总从";
        for f in all() {
            for c in f.label.zh_hant.chars() {
                assert!(!simplified_only.contains(c), "{}: {c} in {}", f.id, f.label.zh_hant);
            }
        }
    }

    #[test]
    fn the_simplified_labels_are_not_left_in_traditional_characters() {
        let traditional_only = "貧戶縣國資發產農養買賣種樂認領積獲們為開勞動崗護員設計劃補檔醫療線標報銷償額鎮長萬數時識東楊確診納雞隻啟勵類體幫責總從與當業蓋據歲鄉參鄰網際";
        for f in all() {
            for c in f.label.zh_hans.chars() {
                assert!(!traditional_only.contains(c), "{}: {c} in {}", f.id, f.label.zh_hans);
            }
        }
    }

    #[test]
    fn every_base_fact_points_at_a_real_section_of_the_article() {
        for f in FACTS {
            let section = SECTIONS.iter().find(|(name, _)| *name == f.source.section);
            let Some((_, paragraphs)) = section else {
                panic!("{}: unknown section {}", f.id, f.source.section)
            };
            assert!((1..=*paragraphs).contains(&f.source.paragraph), "{}", f.id);
            assert!(!f.derived && f.formula.is_none(), "{}", f.id);
        }
    }

    #[test]
    fn every_derived_fact_is_finite_and_names_its_formula() {
        let derived = derived(FACTS);
        assert_eq!(derived.len(), DERIVED.len());
        for f in &derived {
            assert!(f.derived, "{}", f.id);
            assert!(f.value.is_finite(), "{} = {}", f.id, f.value);
            assert_eq!(f.source, Source { section: DERIVED_SECTION, paragraph: 0 });
            let Some(formula) = f.formula else { panic!("{} has no formula", f.id) };
            let ids = formula::ids(formula).unwrap_or_default();
            assert!(!ids.is_empty(), "{}", f.id);
            for id in ids {
                assert!(FACTS.iter().any(|b| b.id == id), "{} names unknown {id}", f.id);
            }
        }
    }

    #[test]
    fn every_value_is_finite_and_every_percentage_is_between_0_and_100() {
        for f in all() {
            assert!(f.value.is_finite(), "{}", f.id);
            if f.unit == Unit::Percent {
                assert!((0.0..=100.0).contains(&f.value), "{} = {}", f.id, f.value);
            }
        }
    }

    #[test]
    fn the_milestones_are_reported_facts_in_date_order() {
        let mut last = (0u16, 0u8);
        for m in MILESTONES {
            let at = (m.year, m.month.unwrap_or(13));
            assert!(at >= last, "{m:?}");
            last = at;
            assert!(!m.facts.is_empty());
            for id in m.facts {
                let Some(f) = FACTS.iter().find(|f| f.id == *id) else { panic!("{id}") };
                assert!(f.period.starts_with(&m.year.to_string()), "{id}");
                if let Some(month) = m.month {
                    assert!(f.period.starts_with(&format!("{}-{:02}", m.year, month)), "{id}");
                }
            }
        }
    }

    #[test]
    fn get_finds_base_and_derived_facts_and_nothing_else() {
        assert_eq!(v("programme-households"), 2546.0);
        assert!(get("courtyard-income-per-m2").is_some_and(|f| f.derived));
        assert!(get("no-such-fact").is_none());
    }

    // ---- formulas ----

    #[test]
    fn the_formula_evaluator_respects_precedence_and_parentheses() {
        let val = |id: &str| match id {
            "a-1" => Some(2.0),
            "b" => Some(3.0),
            _ => None,
        };
        assert_eq!(formula::eval("a-1 + b * 4", val), Some(14.0));
        assert_eq!(formula::eval("(a-1 + b) * 4", val), Some(20.0));
        assert_eq!(formula::eval("a-1 - b - 1", val), Some(-2.0));
        assert_eq!(formula::eval("b / (1 + a-1 / 2)", val), Some(1.5));
        assert_eq!(formula::ids("a-1 * (b - 2)"), Some(vec!["a-1", "b"]));
    }

    #[test]
    fn a_formula_naming_a_missing_fact_or_malformed_gives_nothing_not_a_panic() {
        let val = |_: &str| None::<f64>;
        assert_eq!(formula::eval("missing-fact * 2", val), None);
        let one = |_: &str| Some(1.0);
        assert_eq!(formula::eval("(a + b", one), None);
        assert_eq!(formula::eval("a b", one), None);
        assert_eq!(formula::eval("a + ", one), None);
        assert_eq!(formula::eval("a % b", one), None);
        assert_eq!(formula::eval("", one), None);
        assert!(derived(&[]).iter().all(|f| f.value.is_nan()));
    }

    // ---- export ----

    /// Splits RFC 4180 CSV (CRLF rows) into records.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_csv_starts_with_a_bom_and_has_one_row_per_fact() {
        let facts = all();
        let csv = to_csv(&facts);
        let Some(body) = csv.strip_prefix('\u{feff}') else { panic!("no BOM") };
        assert!(body.starts_with(CSV_HEADER));
        let rows = parse_csv(body);
        assert_eq!(rows.len(), facts.len() + 1);
        for (row, f) in rows.iter().skip(1).zip(&facts) {
            assert_eq!(row.len(), 11, "{}", f.id);
            assert_eq!(row[0], f.id);
            assert_eq!(row[1].parse::<f64>().ok(), Some(f.value), "{}", f.id);
            assert_eq!(row[7], f.source.section);
        }
    }

    #[test]
    fn the_csv_prints_values_shortest_and_quotes_awkward_fields() {
        let csv = to_csv(FACTS);
        assert!(csv.contains("\r\nincidence-2015,22.9,percent,"));
        assert!(csv.contains("\r\nprogramme-households,2546,households,"));
        assert!(csv.contains("\r\nprogramme-funds,12730000,yuan,"));
        assert!(csv.contains("\r\nincidence-2019,0.15,percent,"));
        let odd = Fact {
            id: "odd",
            value: 1.5,
            unit: Unit::Ratio,
            period: "2019",
            label: Label { zh_hans: "甲,乙", zh_hant: "“丙”", en: "say \"hi\"\nthere" },
            source: Source { section: DERIVED_SECTION, paragraph: 0 },
            derived: true,
            formula: Some("a / b"),
        };
        let csv = to_csv(std::slice::from_ref(&odd));
        assert!(csv.ends_with(
            "odd,1.5,ratio,2019,\"甲,乙\",“丙”,\"say \"\"hi\"\"\nthere\",derived,0,true,a / b\r\n"
        ));
        let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!(rows[1][6], "say \"hi\"\nthere");
    }

    #[test]
    fn the_dataset_hash_is_sixteen_hex_digits_of_fnv1a_over_the_csv() {
        assert_eq!(Fnv1a64::hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(Fnv1a64::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Fnv1a64::hash(b"foobar"), 0x85944171f73967e8);
        let h = dataset_hash();
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let computed = format!("{:016x}", Fnv1a64::hash(to_csv(&all()).as_bytes()));
        assert_eq!(h, computed, "the dataset changed: set DATASET_HASH in src/facts.rs to {computed}");
    }

    #[test]
    fn every_unit_id_is_kebab_case() {
        let units = [
            Unit::Yuan,
            Unit::YuanPerYear,
            Unit::YuanPerM2,
            Unit::Households,
            Unit::People,
            Unit::PersonTimes,
            Unit::Percent,
            Unit::PercentagePoints,
            Unit::M2,
            Unit::Villages,
            Unit::Posts,
            Unit::Projects,
            Unit::Counties,
            Unit::Year,
            Unit::Years,
            Unit::Months,
            Unit::Chickens,
            Unit::Categories,
            Unit::Parties,
            Unit::Ratio,
        ];
        let mut seen = std::collections::HashSet::new();
        for u in units {
            let id = u.id();
            assert!(seen.insert(id));
            assert!(id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'));
        }
    }
}
