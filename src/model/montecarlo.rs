//! Uncertainty by Monte Carlo (SPEC §3.4).
//!
//! **The model.** Each funded household's project fails with probability p_c (benefit 0) or
//! succeeds with benefit e_c / (1 − p_c) × L, where e_c is its expected benefit and L is
//! lognormal with mean 1 and log-scale spread σ. The expected total is therefore e_c per
//! household whatever p and σ are; they only widen the spread.
//!
//! **The reference** ([`simulate_households`]) draws every household of every trial. It is
//! exact but slow (2,546 households × 1,000 trials = 2.5 million draws).
//!
//! **The fast method** ([`Draws::simulate`]) draws each category's trial total in two steps:
//! the number of failures F ~ Binomial(n_c, p_c) by inversion of its exact CDF (or, when
//! n p (1 − p) ≥ 9, its normal approximation with continuity correction), then the sum of the
//! k = n_c − F successful lognormals by a shifted lognormal with the same mean, variance and
//! skewness as the exact sum. Tests show it agrees with the reference within a stated
//! tolerance (see `tests/model.rs`).
//!
//! **Common random numbers.** Both steps use two standard normals per (trial, category),
//! fixed by the seed and turned into outcomes by monotone transforms. Moving a slider changes
//! the transforms, not the random numbers, so the bands move smoothly and never flicker.
//!
//! All maths goes through `libm` so the browser and the native CLI agree to the bit.

use super::scenario::CATEGORIES;
use rand::distr::{Distribution, Open01};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// Binomial draws switch to the normal approximation above this variance.
const NORMAL_APPROX_MIN_VARIANCE: f64 = 9.0;

/// How closely the fast method must agree with the per-household reference, quantile by
/// quantile: within `width_share` of the reference's P5–P95 width (`wide_width_share` when σ
/// is above `wide_above_sigma`, where sums of very skewed lognormals are hard to approximate),
/// plus `standard_errors` standard errors of the difference of the two sample quantiles (the
/// sampling noise of both simulations), plus `median_share` of the reference median (for
/// discrete outcomes, σ = 0). `tests/model.rs` checks the fast method against it and the
/// page's method section states it from these numbers, so the two cannot differ.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    pub width_share: f64,
    pub wide_width_share: f64,
    pub wide_above_sigma: f64,
    pub standard_errors: f64,
    pub median_share: f64,
}

/// The tolerance of the fast method (see [`Tolerance`]; measured with 20,000 trials by
/// `cargo run --release --example agree`: worst 1.3% of the width at the defaults, 1.7% at
/// σ = 1, 10.4% at σ = 1.5).
pub const FAST_TOLERANCE: Tolerance = Tolerance {
    width_share: 0.04,
    wide_width_share: 0.12,
    wide_above_sigma: 1.0,
    standard_errors: 4.0,
    median_share: 0.005,
};

impl Tolerance {
    /// The share of the P5–P95 width allowed at spread `sigma`.
    pub fn width_share_at(&self, sigma: f64) -> f64 {
        if sigma > self.wide_above_sigma {
            self.wide_width_share
        } else {
            self.width_share
        }
    }
}

/// Standard normal CDF.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// Failures among `n` projects that each fail with probability `p`, as the quantile of the
/// binomial distribution at the standard normal `w` (monotone in `w`, `n` and `p`).
pub fn failures(n: u32, p: f64, w: f64) -> u32 {
    if n == 0 || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    let nf = n as f64;
    let var = nf * p * (1.0 - p);
    if var >= NORMAL_APPROX_MIN_VARIANCE {
        let x = f64::floor(nf * p + f64::sqrt(var) * w + 0.5);
        return crate::num::clamp(x, 0.0, nf) as u32;
    }
    let u = normal_cdf(w);
    if p <= 0.5 {
        binomial_inverse(n, p, u)
    } else {
        // Count the rarer outcome (successes) so the first probability cannot underflow;
        // more w still means more failures.
        n - binomial_inverse(n, 1.0 - p, 1.0 - u)
    }
}

/// Smallest k with P(X ≤ k) ≥ u for X ~ Binomial(n, p), p ≤ 0.5.
fn binomial_inverse(n: u32, p: f64, u: f64) -> u32 {
    let q = 1.0 - p;
    let mut pmf = libm::pow(q, n as f64);
    let mut cdf = pmf;
    let mut k = 0u32;
    let ratio = p / q;
    while cdf < u && k < n {
        pmf *= (n - k) as f64 / (k + 1) as f64 * ratio;
        k += 1;
        cdf += pmf;
        if pmf == 0.0 && k as f64 > n as f64 * p {
            break;
        }
    }
    k
}

/// Parameters of the shifted lognormal that stands for a sum of successes: a three-moment
/// fit (plain Fenton–Wilkinson matches only two and puts far too much weight in the left
/// tail when σ is large); the sum is `shift + scale · exp(s · z)`, exact for k = 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SumParams {
    pub shift: f64,
    pub scale: f64,
    pub s: f64,
}

impl SumParams {
    /// Fit the sum of `k` lognormals of mean `mean` and log-spread `sigma`: same mean,
    /// variance and skewness as the exact sum. `None` when the sum is exactly `k · mean`
    /// (no successes, no benefit, or no spread).
    pub fn fit(k: u32, mean: f64, sigma: f64) -> Option<SumParams> {
        if k == 0 || mean == 0.0 {
            return None;
        }
        let kf = k as f64;
        let e = libm::expm1(sigma * sigma); // e^{σ²} − 1
        if e <= 0.0 {
            return None;
        }
        let total_mean = mean * kf;
        let total_var = mean * mean * kf * e;
        // Skewness of one lognormal is (e^{σ²} + 2)·√(e^{σ²} − 1); of a sum of k, that over √k.
        let skew = (e + 3.0) * f64::sqrt(e) / f64::sqrt(kf);
        // Shifted lognormal with skewness γ: x = √(e^{s²} − 1) solves x³ + 3x = γ (Cardano, in
        // the form that avoids cancellation: x = u − 1/u, u = ∛(γ/2 + √(γ²/4 + 1))).
        let u = libm::cbrt(skew / 2.0 + f64::sqrt(skew * skew / 4.0 + 1.0));
        let x = u - 1.0 / u;
        let w = 1.0 + x * x; // e^{s²}
        let s = f64::sqrt(libm::log(w));
        let scale = f64::sqrt(total_var / (w * (w - 1.0))); // e^μ
        let shift = total_mean - scale * f64::sqrt(w);
        Some(SumParams { shift, scale, s })
    }

    /// The sum at standard normal `z` (never negative).
    pub fn at(&self, z: f64) -> f64 {
        (self.shift + self.scale * libm::exp(self.s * z)).max(0.0)
    }
}

/// Draws failures for one category: the same numbers as [`failures`], with everything that
/// does not depend on the trial computed once (the binomial CDF table, the normal moments).
#[derive(Debug, Clone, PartialEq)]
enum FailureSampler {
    Constant(u32),
    Normal {
        mean: f64,
        sd: f64,
        n: f64,
    },
    /// CDF of the rarer outcome; `flip` when that is success (p > 0.5).
    Table {
        cdf: Vec<f64>,
        flip: bool,
        n: u32,
    },
}

impl FailureSampler {
    fn new(n: u32, p: f64) -> FailureSampler {
        if n == 0 || p <= 0.0 {
            return FailureSampler::Constant(0);
        }
        if p >= 1.0 {
            return FailureSampler::Constant(n);
        }
        let nf = n as f64;
        let var = nf * p * (1.0 - p);
        if var >= NORMAL_APPROX_MIN_VARIANCE {
            return FailureSampler::Normal { mean: nf * p, sd: f64::sqrt(var), n: nf };
        }
        let (pr, flip) = if p <= 0.5 { (p, false) } else { (1.0 - p, true) };
        // The same recurrence as `binomial_inverse`, kept until it would stop for any u ≤ 1.
        let q = 1.0 - pr;
        let ratio = pr / q;
        let mut pmf = libm::pow(q, nf);
        let mut cdf = vec![pmf];
        let mut acc = pmf;
        let mut k = 0u32;
        while acc < 1.0 && k < n {
            pmf *= (n - k) as f64 / (k + 1) as f64 * ratio;
            k += 1;
            acc += pmf;
            cdf.push(acc);
            if pmf == 0.0 && k as f64 > nf * pr {
                break;
            }
        }
        FailureSampler::Table { cdf, flip, n }
    }

    /// Failures at standard normal `w` whose CDF value is `u`.
    fn sample(&self, w: f64, u: f64) -> u32 {
        match self {
            FailureSampler::Constant(f) => *f,
            FailureSampler::Normal { mean, sd, n } => {
                crate::num::clamp(f64::floor(mean + sd * w + 0.5), 0.0, *n) as u32
            }
            FailureSampler::Table { cdf, flip, n } => {
                let target = if *flip { 1.0 - u } else { u };
                let k = cdf.partition_point(|&c| c < target).min(cdf.len() - 1) as u32;
                if *flip {
                    n - k
                } else {
                    k
                }
            }
        }
    }
}

/// The random numbers of a simulation: for each trial and category, one normal for the
/// failures and one for the successes' spread. Depends only on (seed, trials).
#[derive(Debug, Clone, PartialEq)]
pub struct Draws {
    pub seed: u32,
    /// `w[t * CATEGORIES + c]`: drives the number of failures.
    w: Vec<f64>,
    /// `u[i] = Φ(w[i])`, computed once: the uniform the exact binomial inversion uses.
    u: Vec<f64>,
    /// `z[t * CATEGORIES + c]`: drives the successes' total.
    z: Vec<f64>,
}

/// One category's inputs to a simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryInput {
    pub households: u32,
    /// Expected benefit of one household (yuan).
    pub expected: f64,
    /// Failure probability.
    pub fail: f64,
}

/// Raw trial results: totals per trial, per category per trial, failures per trial.
#[derive(Debug, Clone, PartialEq)]
pub struct Trials {
    pub total: Vec<f64>,
    /// `per_category[c][t]`
    pub per_category: [Vec<f64>; CATEGORIES],
    pub failed: Vec<u32>,
}

impl Draws {
    /// Generate the random numbers for `trials` trials from `seed`.
    pub fn new(seed: u32, trials: u32) -> Draws {
        let mut rng = Pcg64Mcg::seed_from_u64(seed as u64);
        let n = trials as usize * CATEGORIES;
        let mut w = Vec::with_capacity(n);
        let mut z = Vec::with_capacity(n);
        for _ in 0..n {
            let (a, b) = normal_pair(&mut rng);
            w.push(a);
            z.push(b);
        }
        let u = w.iter().map(|&x| normal_cdf(x)).collect();
        Draws { seed, w, u, z }
    }

    pub fn trials(&self) -> usize {
        self.w.len() / CATEGORIES
    }

    /// Run the fast simulation over these random numbers.
    pub fn simulate(&self, cats: &[CategoryInput; CATEGORIES], sigma: f64) -> Trials {
        let t_n = self.trials();
        let mut total = vec![0.0; t_n];
        let mut failed = vec![0u32; t_n];
        let mut per_category: [Vec<f64>; CATEGORIES] = Default::default();
        let mut successes = vec![0u32; t_n];
        for (c, cat) in cats.iter().enumerate() {
            let p = cat.fail;
            let success_mean = if p < 1.0 { cat.expected / (1.0 - p) } else { 0.0 };
            let sampler = FailureSampler::new(cat.households, p);
            let (mut lo, mut hi) = (u32::MAX, 0);
            for t in 0..t_n {
                let i = t * CATEGORIES + c;
                let f = sampler.sample(self.w[i], self.u[i]);
                failed[t] += f;
                let k = cat.households - f;
                successes[t] = k;
                lo = lo.min(k);
                hi = hi.max(k);
            }
            // One fit per distinct number of successes, not one per trial.
            let fits: Vec<Option<SumParams>> = if t_n > 0 {
                (lo..=hi).map(|k| SumParams::fit(k, success_mean, sigma)).collect()
            } else {
                vec![]
            };
            let col: Vec<f64> = (0..t_n)
                .map(|t| {
                    let k = successes[t];
                    let v = match fits[(k - lo) as usize] {
                        Some(fit) => fit.at(self.z[t * CATEGORIES + c]),
                        None => success_mean * k as f64,
                    };
                    total[t] += v;
                    v
                })
                .collect();
            per_category[c] = col;
        }
        Trials { total, per_category, failed }
    }
}

/// Two independent standard normal draws, by Marsaglia's polar method (exact, no tables).
///
/// Used instead of `rand_distr::StandardNormal`, whose ziggurat tables and code weigh on the
/// wasm (`make bench` reports its bytes); draws are generated once per seed, so the
/// ziggurat's speed buys nothing here. Only `ln` and `sqrt` from libm: bit-identical on
/// every target.
pub fn normal_pair(rng: &mut Pcg64Mcg) -> (f64, f64) {
    loop {
        let a: f64 = Open01.sample(rng);
        let b: f64 = Open01.sample(rng);
        let (u, v) = (2.0 * a - 1.0, 2.0 * b - 1.0);
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            let f = f64::sqrt(-2.0 * libm::log(s) / s);
            return (u * f, v * f);
        }
    }
}

/// The reference simulation: every household of every trial drawn on its own.
pub fn simulate_households(cats: &[CategoryInput; CATEGORIES], sigma: f64, trials: u32, seed: u64) -> Trials {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let t_n = trials as usize;
    let mut total = vec![0.0; t_n];
    let mut failed = vec![0u32; t_n];
    let mut per_category: [Vec<f64>; CATEGORIES] = Default::default();
    for col in per_category.iter_mut() {
        *col = vec![0.0; t_n];
    }
    let s2 = sigma * sigma;
    let mut spare = None;
    for t in 0..t_n {
        for (c, cat) in cats.iter().enumerate() {
            let success_mean = cat.expected / (1.0 - cat.fail);
            let mut sum = 0.0;
            for _ in 0..cat.households {
                let u: f64 = Open01.sample(&mut rng);
                let z = match spare.take() {
                    Some(z) => z,
                    None => {
                        let (z, next) = normal_pair(&mut rng);
                        spare = Some(next);
                        z
                    }
                };
                if u < cat.fail {
                    failed[t] += 1;
                } else {
                    sum += success_mean * libm::exp(sigma * z - s2 / 2.0);
                }
            }
            per_category[c][t] = sum;
            total[t] += sum;
        }
    }
    Trials { total, per_category, failed }
}

/// Quantile by linear interpolation between order statistics (type 7). `sorted` must be
/// sorted ascending, or at least hold the order statistics that `q` interpolates between in their
/// places (as [`five_quantiles`] leaves them); empty gives 0.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        n => {
            let (lo, hi, h) = ranks(n, q);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// The two ranks (0-based, ascending) a type-7 quantile `q` of `n ≥ 2` values interpolates
/// between, and its fractional position `h`.
fn ranks(n: usize, q: f64) -> (usize, usize, f64) {
    let h = (n - 1) as f64 * crate::num::clamp(q, 0.0, 1.0);
    let lo = f64::floor(h) as usize;
    (lo, (lo + 1).min(n - 1), h)
}

/// The quantiles of [`five_quantiles`].
const FIVE: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// P5, P25, P50, P75, P95 of a sample. Each reads two neighbouring order statistics, so only
/// those ten are put in place: the lower of each pair by selection, the upper as the least of
/// the values between it and the next one selected. The same values as a full sort gives (the
/// order is f64's total order either way), bit for bit, in less time (six of these run on every
/// slider move; natively the six went 93 → 53 µs, and a simulation 243 → 182 µs).
pub fn five_quantiles(values: &[f64]) -> [f64; 5] {
    let mut v = values.to_vec();
    let n = v.len();
    if n >= 2 {
        let lows = FIVE.map(|q| ranks(n, q).0);
        select_ranks(&mut v, &lows, 0);
        for (i, &lo) in lows.iter().enumerate() {
            // Above `lo` and below the next selected rank lie the values in between, unordered.
            let end = lows.get(i + 1).copied().unwrap_or(n);
            if lo + 1 < end {
                let tail = &mut v[lo + 1..end];
                let least =
                    (0..tail.len()).fold(0, |m, j| if tail[j].total_cmp(&tail[m]).is_lt() { j } else { m });
                tail.swap(0, least);
            }
        }
    }
    FIVE.map(|q| quantile(&v, q))
}

/// Put the order statistics of `v` at `ranks` (ascending; `offset` is where `v` starts in the
/// whole sample) in their places: the middle one by selection, then those left of it among the
/// smaller values and those right of it among the larger.
fn select_ranks(v: &mut [f64], ranks: &[usize], offset: usize) {
    let Some(&k) = ranks.get(ranks.len() / 2) else { return };
    let (lower, upper) = ranks.split_at(ranks.len() / 2);
    let upper = &upper[1..];
    let (left, _, right) = v.select_nth_unstable_by(k - offset, f64::total_cmp);
    select_ranks(left, &lower[..lower.partition_point(|&r| r < k)], offset);
    select_ranks(right, &upper[upper.partition_point(|&r| r <= k)..], k + 1);
}

/// Expected histogram of per-household benefit: for each bin, the expected number of
/// households whose benefit falls in it; failures (benefit exactly 0) counted apart.
#[cfg(test)]
mod sampler_tests {
    use super::*;

    #[test]
    fn the_cached_failure_sampler_gives_the_same_counts_as_the_direct_inversion() {
        for &(n, p) in &[
            (22u32, 0.1),
            (96, 0.1),
            (89, 0.9),
            (5, 0.5),
            (30, 0.7),
            (1859, 0.1),
            (1, 0.3),
            (0, 0.2),
            (40, 0.0),
        ] {
            let s = FailureSampler::new(n, p);
            for i in 0..400 {
                let w = -4.0 + 8.0 * i as f64 / 399.0;
                assert_eq!(s.sample(w, normal_cdf(w)), failures(n, p, w), "n={n} p={p} w={w}");
            }
        }
    }

    #[test]
    fn a_sum_of_one_lognormal_is_that_lognormal() {
        let p = SumParams::fit(1, 100.0, 0.5).expect("fit");
        assert!(p.shift.abs() < 1e-9);
        let z = 0.7;
        let exact = 100.0 * libm::exp(0.5 * z - 0.125);
        assert!((p.at(z) - exact).abs() < 1e-9 * exact);
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Histogram {
    /// Bin edges in yuan (one more than `counts`), written to the fen. With no benefit
    /// expected ([`super::Outcome::no_expected_benefit`]) there are no bins: `[0]`.
    #[serde(serialize_with = "super::money_list")]
    pub edges: Vec<f64>,
    /// Expected households per bin, by category: `counts[c][b]`.
    pub counts: Vec<Vec<f64>>,
    /// Expected households whose project failed (benefit 0).
    pub failed: f64,
    /// Expected households above the last edge.
    pub above: f64,
}

/// Number of histogram bins.
pub const HISTOGRAM_BINS: usize = 24;

/// The exact expected histogram (no sampling, so it never flickers).
pub fn histogram(cats: &[CategoryInput; CATEGORIES], sigma: f64) -> Histogram {
    // Upper edge: the 99th percentile of the most generous category's successes.
    let z99 = 2.326_347_874_040_841;
    let mut top: f64 = 0.0;
    for cat in cats.iter().filter(|c| c.households > 0) {
        let m = cat.expected / (1.0 - cat.fail);
        top = top.max(m * libm::exp(sigma * z99 - sigma * sigma / 2.0));
    }
    if top <= 0.0 {
        // Nothing to spread: every household earns 0. No bins (not twenty bins of "0–0").
        let failed = cats.iter().map(|c| c.households as f64 * c.fail).sum();
        return Histogram { edges: vec![0.0], counts: vec![Vec::new(); CATEGORIES], failed, above: 0.0 };
    }
    // A round bin width, about HISTOGRAM_BINS bins up to the top.
    // At least 5 fen, so every edge is a whole number of fen (the JSON writes them to the fen;
    // 0.025 would not be).
    let width = crate::num::nice_step(top / HISTOGRAM_BINS as f64).max(0.05);
    let bins = (f64::ceil(top / width - 1e-9) as usize).clamp(1, 2 * HISTOGRAM_BINS);
    let top = bins as f64 * width;
    let edges: Vec<f64> = (0..=bins).map(|i| i as f64 * width).collect();
    let mut counts = vec![vec![0.0; bins]; CATEGORIES];
    let mut failed = 0.0;
    let mut above = 0.0;
    for (c, cat) in cats.iter().enumerate() {
        let n = cat.households as f64;
        failed += n * cat.fail;
        let succ = n * (1.0 - cat.fail);
        let m = cat.expected / (1.0 - cat.fail);
        if succ == 0.0 || m <= 0.0 {
            // Successful projects with zero expected benefit sit in the first bin.
            counts[c][0] += succ;
            continue;
        }
        let cdf = |x: f64| -> f64 {
            if x <= 0.0 {
                0.0
            } else if sigma == 0.0 {
                if x >= m {
                    1.0
                } else {
                    0.0
                }
            } else {
                let mu = libm::log(m) - sigma * sigma / 2.0;
                normal_cdf((libm::log(x) - mu) / sigma)
            }
        };
        for b in 0..bins {
            counts[c][b] = succ * (cdf(edges[b + 1]) - cdf(edges[b]));
        }
        above += succ * (1.0 - cdf(top));
    }
    Histogram { edges, counts, failed, above }
}
