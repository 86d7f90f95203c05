//! The article's figures, in the order it states them, with the section and paragraph of
//! each (the `facts` module doc says how paragraphs are counted), and the dated milestones of
//! the context chart.

use super::{reported, Fact, Label, Reads, Source, Unit};
use serde::Serialize;

/// A dated point of the programme's context, for the context chart. Only reported points:
/// every milestone names the fact(s) it shows, and the date is the date the article gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub year: u16,
    /// The month, when the article gives one (`Some(12)` stands for "end of 2015").
    pub month: Option<u8>,
    /// Ids of the facts the milestone shows.
    pub facts: &'static [&'static str],
    /// True when the article does not date the facts this way and the date is ours: the 0.15%
    /// incidence is “now” (如今) in the article, placed at the end of the span it gives
    /// (“from 2016 to 2019”). The chart and its table say so.
    pub inferred: bool,
}

/// The dated milestones, in date order: 1993 provincial poverty county; 2002 national key
/// county; 2014 contiguous destitute area; end of 2015 (40 poor villages, incidence 22.9%);
/// 2018 Six Small Projects begin; April 2019 exit from the poverty-county list (one of the
/// first three in Jilin); 0.15% incidence “now”, placed at 2019 (inferred).
pub const MILESTONES: [Milestone; 7] = [
    Milestone { year: 1993, month: None, facts: &["provincial-poverty-county-year"], inferred: false },
    Milestone { year: 2002, month: None, facts: &["national-key-county-year"], inferred: false },
    Milestone { year: 2014, month: None, facts: &["contiguous-destitute-area-year"], inferred: false },
    Milestone {
        year: 2015,
        month: Some(12),
        facts: &["poor-villages-2015", "incidence-2015"],
        inferred: false,
    },
    Milestone { year: 2018, month: None, facts: &["programme-start-year"], inferred: false },
    Milestone {
        year: 2019,
        month: Some(4),
        facts: &["poverty-county-exit-year", "first-batch-exit-counties"],
        inferred: false,
    },
    Milestone { year: 2019, month: None, facts: &["incidence-2019"], inferred: true },
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

pub(super) const OPENING: &str = "導語";
pub(super) const YANG: &str = "點贊!新舉措讓貧困戶依靠雙手自主脫貧";
pub(super) const PROGRAMME: &str = "給力!“六小工程”帶來的穩定收入看得見";
pub(super) const PRECISION: &str = "精準!花足“繡花”功夫不讓一人掉隊";
pub(super) const FUTURE: &str = "美好!和龍開啟幸福新農村之門";
pub(super) const BIG_DATA: &str = "和龍市脫貧大數據";

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
pub(super) const PROGRAMME_PERIOD: &str = "2018 to publication (inferred)";

/// Period of a figure the article gives with no date, beside dated ones (the three job
/// figures of 精準 ¶3 follow the sentence dated 2019 but are not dated themselves).
pub(super) const AS_OF_PUBLICATION: &str = "as of publication (inferred)";

/// A base fact; `(zh_hans, zh_hant, en)` labels; `(section, paragraph)` locator.
pub(super) const fn fact(
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
        reads: Reads::Exact,
    }
}

/// A base fact the article states as a lower bound (“100多只”, more than 100).
pub(super) const fn more_than(f: Fact) -> Fact {
    Fact { reads: Reads::MoreThan, ..f }
}

use reported as r;

/// Every figure the article states, in the order it states them.
pub(super) static FACTS: &[Fact] = &[
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
        (
            "报道所述时段（从2016年到2019年）的起始年份",
            "報道所述時段（從2016年到2019年）的起始年份",
            "First year of the span the article gives (“from 2016 to 2019”)",
        ),
        (OPENING, 4),
    ),
    fact(
        "campaign-end-year",
        2019.0,
        Unit::Year,
        "2019",
        (
            "报道所述时段（从2016年到2019年）的末尾年份",
            "報道所述時段（從2016年到2019年）的末尾年份",
            "Last year of the span the article gives (“from 2016 to 2019”)",
        ),
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
        // 導語 ¶4 says “如今” (now): the figure stands at the article's publication. The id
        // keeps the year the context chart places it at, the end of the span “2016 to 2019”.
        AS_OF_PUBLICATION,
        (
            "报道发表时（报道称“如今”）的贫困发生率",
            "報道發表時（報道稱“如今”）的貧困發生率",
            "Poverty incidence at the time of the article (“now”, in its words)",
        ),
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
        // Given in the paragraph dated July 2017, but not dated itself.
        "2017-07 (inferred)",
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
    more_than(fact(
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
    )),
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
            "认领的共享庭院（按户计）",
            "認領的共享庭院（按戶計）",
            "Shared courtyards adopted, counted in households",
        ),
        (PROGRAMME, 5),
    ),
    fact(
        "courtyard-area",
        r::COURTYARD_AREA_M2,
        Unit::M2,
        PROGRAMME_PERIOD,
        ("认领的共享庭院的总面积", "認領的共享庭院的總面積", "Total area of the shared courtyards adopted"),
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
            "Income poor households earned from the shared courtyards",
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
            "Members of the door-to-door verification team in Guangdong Village (光东村), Dongcheng Town (东城镇)",
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
            "Time the Guangdong Village (光东村) team spent identifying poor households door to door",
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
        Unit::DefenceLines,
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
