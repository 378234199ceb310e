//! Typed relations against hand-written gold on held-out bulk-corpus articles: six in
//! `tests/relgold`, ten more in `tests/reldev` and ten in `tests/reltest`, annotated last and
//! kept for measuring, not tuning (see their READMEs). A regression guard: the figures may only
//! go up.

use newsgraph::evaluation::{evaluate_relations, RelationScores};
use newsgraph::lexicon::Lexicon;
use std::path::Path;

fn scores_of(folder: &str) -> RelationScores {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    evaluate_relations(&dir, &Lexicon::builtin()).expect("gold folder reads")
}

#[test]
fn relation_precision_and_recall_hold_on_held_out_articles() {
    let scores = scores_of("tests/relgold");
    let overall = scores.overall;
    assert_eq!(overall.gold, 94, "the gold file changed; update this guard");
    assert!(overall.precision() >= 0.82, "precision fell:\n{scores}");
    assert!(overall.recall() >= 0.66, "recall fell:\n{scores}");
    // The relations a title or an apposition states are the most reliable.
    let titles = scores.by_relation["leads"];
    assert!(titles.precision() >= 0.9 && titles.recall() >= 0.5, "leads:\n{scores}");
}

#[test]
fn relation_precision_and_recall_hold_on_the_second_set() {
    let scores = scores_of("tests/reldev");
    let overall = scores.overall;
    assert_eq!(overall.gold, 130, "the gold file changed; update this guard");
    assert!(overall.precision() >= 0.82, "precision fell:\n{scores}");
    assert!(overall.recall() >= 0.39, "recall fell:\n{scores}");
}

#[test]
fn relation_precision_and_recall_hold_on_the_third_set() {
    let scores = scores_of("tests/reltest");
    let overall = scores.overall;
    assert_eq!(overall.gold, 145, "the gold file changed; update this guard");
    assert!(overall.precision() >= 0.60, "precision fell:\n{scores}");
    assert!(overall.recall() >= 0.25, "recall fell:\n{scores}");
}

#[test]
fn a_malformed_gold_line_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("relations.tsv"), "article\tfrom\trelation\tto\na\tb\tlikes\tc\n").unwrap();
    let err = evaluate_relations(dir.path(), &Lexicon::builtin()).unwrap_err().to_string();
    assert!(err.contains("relations.tsv:2") && err.contains("unknown relation"), "{err}");
}
