//! The page layer, above the model: what the model knows nothing of. The URL's presentation
//! keys and the hosts' keys ([`url`]), a host's house colours checked for contrast ([`house`]), the page's sliders, adjustable numbers and the table the
//! early script reads ([`controls`]). The model (`crate::model`) is the scenario, its codec,
//! the accounting, the benefit and the Monte Carlo; nothing in it names a view, a control, a
//! theme or an HTML attribute.

pub mod controls;
pub mod house;
pub mod url;

use crate::model::{Outcome, Simulator};

/// Read a whole page URL query and compute the outcome of its scenario and of each pinned
/// one, compared with it (what the CLI's `simulate` prints under `pins`).
pub fn simulate_with_pins(query: &str) -> (Outcome, Vec<crate::model::pins::Compared>) {
    let (out, pinned) = simulate_pinned(query);
    let compared = pinned.iter().map(|(p, o)| crate::model::pins::compare(&out, &p.name, o)).collect();
    (out, compared)
}

/// Read a whole page URL query and compute the outcome of its scenario and of each pinned one.
pub fn simulate_pinned(query: &str) -> (Outcome, Vec<(crate::model::pins::Pin, Outcome)>) {
    let parsed = url::parse(query);
    let mut sim = Simulator::default();
    let out = sim.run(&parsed.scenario, parsed.notices);
    let pinned = parsed
        .pins
        .into_iter()
        .map(|p| {
            let o = sim.run(&p.scenario, Vec::new());
            (p, o)
        })
        .collect();
    (out, pinned)
}

/// Read a whole page URL query and compute its outcome in one call, with a notice for every
/// key that is neither the scenario's nor the page's (what the CLI's `simulate` prints).
pub fn simulate(query: &str) -> Outcome {
    let parsed = url::parse(query);
    Simulator::default().run(&parsed.scenario, parsed.notices)
}
