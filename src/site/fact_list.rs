//! The page's list of figures: every figure the page shows from the dataset, in a short list
//! per language in the sources section (the `fact-list` slot), and one file of full entries
//! per language that the popovers fetch (`data/figures.<lang>.html`). The words are
//! [`super::provenance`]'s; this file finds the figures.

use super::html;
use super::provenance;
use crate::charts::Chart;
use crate::facts::Fact;
use crate::i18n::Lang;
use crate::{text, Error};

/// Every fact the page shows from the dataset: its `data-fact` numbers and the data tables'
/// reported cells, with the inputs of the derived ones ([`provenance::with_inputs`]). A
/// `data-fact` the dataset does not have stops the build.
pub fn page_facts(page: &str) -> Result<Vec<Fact>, Error> {
    let spans = html::find(page, "[data-fact]")?;
    let mut ids: Vec<&str> = spans.iter().filter_map(|f| f.attr("data-fact")).collect();
    for chart in Chart::ALL {
        ids.extend(text::table_facts(chart.name()).iter().map(|&(_, _, id)| id));
    }
    provenance::with_inputs(&ids).map_err(Error::Invalid)
}

/// The short list of every figure and where it comes from, one per language
/// ([`provenance::list_html`]), each on its own line at `indent`.
pub fn lists(facts: &[Fact], indent: &str) -> Result<String, Error> {
    let lists = Lang::ALL
        .iter()
        .map(|&lang| provenance::list_html(facts, lang).map_err(Error::Invalid))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(lists.join(&format!("\n{indent}")))
}

/// The files of full entries the page's popovers fetch, one per language
/// ([`provenance::figures_html`]): (file name, contents).
pub fn files(facts: &[Fact]) -> Result<Vec<(String, String)>, Error> {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let body = provenance::figures_html(facts, lang).map_err(Error::Invalid)?;
            Ok((provenance::figures_file(lang), body))
        })
        .collect()
}
