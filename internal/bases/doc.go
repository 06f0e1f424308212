// Package bases evaluates Obsidian's Bases (.base files and base code
// blocks) at build time.
//
// The contract, in three calls:
//
//   - Parse reads a base's YAML with positions into a Base: its filters,
//     formulas, property settings, summaries and views. Every problem
//     (bad YAML, a broken expression, an unknown function) becomes an
//     invalid-base diagnostic at its line and column, and the rest of the
//     base stays usable.
//   - Run evaluates one view over a list of rows (File values the caller
//     builds from published notes only) and returns its rows filtered,
//     sorted, grouped, limited and summarised. Evaluation reads nothing
//     but the rows, the Env the caller passes, and the build's clock
//     (Now), so the same vault gives the same result.
//   - Render writes a Result as static HTML (table, cards, list, map)
//     that works without JavaScript; links and images go through a
//     Linker the caller provides, so this package knows nothing of URLs.
//
// The package depends only on site (for positions, diagnostics and
// property values) and the YAML library, through yaml.go alone.
package bases
