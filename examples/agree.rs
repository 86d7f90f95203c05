//! How closely the fast simulation matches the per-household reference, by scenario.
//! `cargo run --release --example agree` prints the worst quantile gap as a share of the
//! reference P5–P95 width, with 20,000 trials each.
use helong::model::{
    accounting::allocate,
    codec::parse,
    montecarlo::{self, Draws},
};
fn main() {
    for q in [
        "",
        "sigma=1&fail=0.3",
        "sigma=1.5&fail=0.5",
        "sigma=1.5",
        "mix=1,1,1,1,1&grant=20000&fail=0.9",
        "sigma=1.5&fail=0.9",
    ] {
        let s = parse(q).scenario;
        let cats = helong::model::category_inputs(&s, &allocate(&s));
        let f = Draws::new(1, 20000).simulate(&cats, s.sigma);
        let r = montecarlo::simulate_households(&cats, s.sigma, 20000, 7);
        let mut worst: f64 = 0.0;
        let mut series = vec![(&f.total, &r.total)];
        for c in 0..5 {
            series.push((&f.per_category[c], &r.per_category[c]));
        }
        for (a, b) in series {
            let qa = montecarlo::five_quantiles(a);
            let qb = montecarlo::five_quantiles(b);
            let w = qb[4] - qb[0];
            if w <= 0.0 {
                continue;
            }
            for i in 0..5 {
                worst = worst.max((qa[i] - qb[i]).abs() / w);
            }
        }
        println!("{q:40} worst |diff|/width = {:.3}", worst);
    }
}
