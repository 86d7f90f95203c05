//! Native benchmarks of the simulator (criterion). `make bench` collects the medians into
//! `bench/report.json` beside the browser figures.

use criterion::{criterion_group, criterion_main, Criterion};
use helong::model::codec::parse;
use helong::model::{simulate, Simulator};
use std::hint::black_box;

fn simulate_default(c: &mut Criterion) {
    let p = parse("");
    // A slider move: the random numbers are already drawn (common random numbers).
    let mut sim = Simulator::default();
    sim.run(&p.scenario, vec![]);
    c.bench_function("slider_move_default_1000_trials", |b| {
        b.iter(|| black_box(sim.run(black_box(&p.scenario), vec![])))
    });
    // A full `simulate` from a query string, drawing the random numbers too.
    c.bench_function("simulate_default_1000_trials_cold", |b| b.iter(|| black_box(simulate(black_box("")))));
    // The per-household reference, for the speed-up ratio.
    let s = &p.scenario;
    let cats = helong::model::category_inputs(s, &helong::model::accounting::allocate(s));
    let mut group = c.benchmark_group("reference");
    group.sample_size(10);
    group.bench_function("per_household_reference_1000_trials", |b| {
        b.iter(|| black_box(helong::model::montecarlo::simulate_households(&cats, s.sigma, 1000, 7)))
    });
    group.finish();
}

criterion_group!(benches, simulate_default);
criterion_main!(benches);
