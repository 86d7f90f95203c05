//! Exact accounting (SPEC §3.2): who gets a grant, in which category, and what is left.

use super::scenario::{Scenario, CATEGORIES, HOUSEHOLD_CAP};

/// How a budget is spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Households that receive a grant.
    pub households: u32,
    /// Households per category; sums exactly to `households`.
    pub per_category: [u32; CATEGORIES],
    /// households × grant.
    pub funds_granted: u64,
    /// budget − funds granted.
    pub unspent: u64,
    /// Households the budget would fund without the cap (the 15,670 registered poor people,
    /// an upper bound on households), when the cap binds.
    pub capped_from: Option<u64>,
}

/// Split `total` into integers proportional to `weights` by the largest-remainder
/// (Hamilton) method. The parts sum exactly to `total`; ties in the remainders go to the
/// earlier category. Weights that are all zero (or not finite) give an equal split.
///
/// # Example
/// ```
/// use helong::model::accounting::apportion;
/// assert_eq!(apportion(10, &[1.0, 1.0, 1.0, 0.0, 0.0]), [4, 3, 3, 0, 0]);
/// ```
pub fn apportion(total: u32, weights: &[f64; CATEGORIES]) -> [u32; CATEGORIES] {
    let clean = weights.map(|w| if w.is_finite() && w > 0.0 { w } else { 0.0 });
    let max = clean.iter().fold(0.0, |a: f64, &b| a.max(b));
    if max <= 0.0 {
        return apportion_exact(total, &[1; CATEGORIES]);
    }
    match integer_weights(&clean) {
        Some(iw) => apportion_exact(total, &iw),
        // Relative to the largest weight, so that neither tiny (even subnormal) weights nor
        // huge ones lose their proportions: the quotients lie in [0, 1] and sum to at most 5.
        None => apportion_float(total, &clean.map(|w| w / max)),
    }
}

/// The weights as integers, when they are whole numbers after scaling by 1, 100 or 10⁶
/// (counts, two-decimal shares, six-decimal inputs): then the quotas and their remainders
/// are compared exactly and ties are real ties, not rounding noise. A positive weight never
/// becomes 0 here (1e-9 is not "the integer 0"): such weights take the float path.
fn integer_weights(w: &[f64; CATEGORIES]) -> Option<[u64; CATEGORIES]> {
    for scale in [1.0, 100.0, 1e6] {
        let scaled = w.map(|x| x * scale);
        if scaled.iter().all(|&x| {
            x < 1e12 && (x == 0.0 || f64::round(x) >= 1.0) && (x - f64::round(x)).abs() <= 1e-9 * x.max(1.0)
        }) {
            return Some(scaled.map(|x| f64::round(x) as u64));
        }
    }
    None
}

/// Largest remainders in exact integer arithmetic.
fn apportion_exact(total: u32, w: &[u64; CATEGORIES]) -> [u32; CATEGORIES] {
    let sum: u128 = w.iter().map(|&x| x as u128).sum();
    if sum == 0 {
        return apportion_exact(total, &[1; CATEGORIES]);
    }
    let mut parts = [0u32; CATEGORIES];
    let mut rema = [0u128; CATEGORIES];
    for i in 0..CATEGORIES {
        let num = total as u128 * w[i] as u128;
        parts[i] = (num / sum) as u32;
        rema[i] = num % sum;
    }
    let given: u32 = parts.iter().sum();
    let mut order: Vec<usize> = (0..CATEGORIES).filter(|&i| w[i] > 0).collect();
    by_largest_remainder(&mut order, |a, b| rema[a] > rema[b]);
    for &i in order.iter().take((total - given) as usize) {
        parts[i] += 1;
    }
    parts
}

/// Order category indices (ascending on entry) by remainder, largest first, ties in index
/// order. An insertion sort: five items, and std's sorts cost about 1.6 KB of gzipped wasm.
fn by_largest_remainder(order: &mut [usize], larger: impl Fn(usize, usize) -> bool) {
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && larger(order[j], order[j - 1]) {
            order.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Largest remainders in floating point, for weights with many decimals.
fn apportion_float(total: u32, w: &[f64; CATEGORIES]) -> [u32; CATEGORIES] {
    let sum: f64 = w.iter().sum();
    let mut parts = [0u32; CATEGORIES];
    let mut rema = [0.0f64; CATEGORIES];
    let mut given: u64 = 0;
    for i in 0..CATEGORIES {
        let quota = total as f64 * (w[i] / sum);
        let fl = f64::floor(quota).min(total as f64);
        parts[i] = fl as u32;
        rema[i] = quota - fl;
        given += parts[i] as u64;
    }
    let mut order: Vec<usize> = (0..CATEGORIES).filter(|&i| w[i] > 0.0).collect();
    by_largest_remainder(&mut order, |a, b| rema[a].total_cmp(&rema[b]).is_gt());
    let mut k = 0;
    while given < total as u64 && !order.is_empty() {
        parts[order[k % order.len()]] += 1;
        given += 1;
        k += 1;
    }
    parts
}

/// Account for a scenario: households funded = min(floor(budget / grant), [`HOUSEHOLD_CAP`]).
///
/// The cap is the 15,670 registered poor *people* of the end of 2015, not a count of
/// households: the article gives none. No household has fewer than one person, so there
/// cannot have been more poor households than that; the cap is a loose upper bound.
pub fn allocate(s: &Scenario) -> Allocation {
    let grant = s.grant.max(1) as u64;
    let affordable = s.budget / grant;
    let households = affordable.min(HOUSEHOLD_CAP as u64) as u32;
    let capped_from = (affordable > HOUSEHOLD_CAP as u64).then_some(affordable);
    let per_category = apportion(households, &s.mix);
    let funds_granted = households as u64 * grant;
    Allocation {
        households,
        per_category,
        funds_granted,
        unspent: s.budget.saturating_sub(funds_granted),
        capped_from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tiny_weight_takes_every_household_however_small_it_is() {
        for w in [1e-9, 2e-9, 1e-300, f64::MIN_POSITIVE, 5e-324] {
            assert_eq!(apportion(2546, &[w, 0.0, 0.0, 0.0, 0.0]), [2546, 0, 0, 0, 0], "{w:e}");
        }
    }

    #[test]
    fn tiny_and_subnormal_weights_split_in_proportion() {
        let tiny = 1e-310; // subnormal
        assert_eq!(apportion(10, &[tiny, tiny, 0.0, 0.0, 0.0]), [5, 5, 0, 0, 0]);
        assert_eq!(apportion(9, &[3e-9, 6e-9, 0.0, 0.0, 0.0]), [3, 6, 0, 0, 0]);
        assert_eq!(apportion(4, &[1e308, 1e308, 1e308, 1e308, 0.0]), [1, 1, 1, 1, 0]);
        assert_eq!(apportion(3, &[1e308, 5e307, 0.0, 0.0, 5e307]), [1, 1, 0, 0, 1]);
    }
}
