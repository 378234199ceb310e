//! Property tests (proptest): what goes into a graph file comes back out; what is exported as
//! JSON imports back as the same graph; and the order articles are ingested in does not matter.
//!
//! Case counts are bounded (see `CASES`) so the suite stays fast in a debug build.

use newsgraph::export::{json, Subgraph};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::ingest::{self, article::read_plain};
use newsgraph::lexicon::Lexicon;
use newsgraph::model::{Article, EntityType, Evidence, Kind, Node, Relation};
use newsgraph::{import, store};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const CASES: u32 = 48;

// ---------------------------------------------------------------- random graphs

/// Text with the characters that trouble serialisers: quotes, backslashes, newlines, tabs,
/// RON and JSON punctuation, non-ASCII letters and emoji.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 \"'\\\\\n\t(),:\\[\\]{}#$é中😀-]{0,12}").unwrap()
}

fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Z][a-zA-Z0-9 \"'\\\\(),:é中😀-]{0,10}").unwrap()
}

fn kind() -> impl Strategy<Value = Kind> {
    proptest::sample::select(Kind::ALL.to_vec())
}

fn entity_type() -> impl Strategy<Value = Option<EntityType>> {
    proptest::option::of(proptest::sample::select(vec![
        EntityType::State,
        EntityType::Bloc,
        EntityType::Organization,
        EntityType::Person,
    ]))
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![
        3 => proptest::sample::select(Relation::BUILTIN.to_vec()),
        // As a user or an import names it: through the lenient parser.
        1 => "[a-z_ -]{0,10}".prop_map(|s| Relation::parse_lenient(&s)),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    (name(), kind(), entity_type(), proptest::collection::vec(name(), 0..3), proptest::collection::vec(text(), 0..2))
        .prop_map(|(name, kind, ty, aliases, roles)| {
            let mut n = Node::new(name, kind, ty);
            for a in &aliases {
                n.add_alias(a);
            }
            n.roles = roles.into_iter().collect();
            n
        })
}

#[derive(Debug, Clone)]
enum EdgeSpec {
    Weighted(usize, usize, Relation, u32),
    Evidenced(usize, usize, Relation, Vec<(usize, usize, String)>),
}

fn edge() -> impl Strategy<Value = EdgeSpec> {
    let ends = (0usize..64, 0usize..64);
    prop_oneof![
        (ends.clone(), relation(), prop_oneof![0u32..1000, (u32::MAX - 2)..=u32::MAX]).prop_map(|((s, t), r, w)| EdgeSpec::Weighted(s, t, r, w)),
        (ends, relation(), proptest::collection::vec((0usize..3, 0usize..40, text()), 1..4))
            .prop_map(|((s, t), r, ev)| EdgeSpec::Evidenced(s, t, r, ev)),
    ]
}

/// A graph built through the library's own API, as ingest and import build them.
fn graph() -> impl Strategy<Value = KnowledgeGraph> {
    (
        proptest::collection::vec(node(), 1..10),
        proptest::collection::vec(edge(), 0..16),
        proptest::collection::vec((proptest::option::of("20[0-2][0-9]-0[1-9]-1[0-9]"), text()), 0..3),
    )
        .prop_map(|(nodes, edges, articles)| {
            let mut g = KnowledgeGraph::new();
            for (i, (date, title)) in articles.iter().enumerate() {
                g.add_article(Article { id: format!("a{i}"), title: title.clone(), date: date.clone(), path: None, hash: i as u64 });
            }
            let ids: Vec<_> = nodes.into_iter().map(|n| g.add_node(n)).collect();
            let at = |i: usize| ids[i % ids.len()];
            for e in edges {
                match e {
                    EdgeSpec::Weighted(s, t, r, w) => {
                        g.add_weighted(at(s), at(t), r, w);
                    }
                    EdgeSpec::Evidenced(s, t, r, evidence) => {
                        for (article, sentence, text) in evidence {
                            let ev = Evidence { article: format!("a{article}"), sentence, start: 0, end: text.len(), text };
                            g.add_evidence(at(s), at(t), r.clone(), ev);
                        }
                    }
                }
            }
            g
        })
}

fn json_of(g: &KnowledgeGraph) -> String {
    json::to_json(&Subgraph::whole(g))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// save → load gives the same graph, as RON and as a binary snapshot: the same RON text
    /// (every node field, edge, weight, evidence span and article, in order) and the same JSON.
    #[test]
    fn save_then_load_gives_the_same_graph(g in graph()) {
        let dir = tempfile::tempdir().unwrap();
        let expected = store::to_ron(&g);
        for file in ["g.ron", "g.bin"] {
            let path = dir.path().join(file);
            store::save(&g, &path).unwrap();
            // Twice: the second save goes over an existing file (and leaves a .bak).
            store::save(&g, &path).unwrap();
            let back = store::load(&path).unwrap();
            prop_assert_eq!(&store::to_ron(&back), &expected, "{}", file);
            prop_assert_eq!(json_of(&back), json_of(&g), "{}", file);
            prop_assert_eq!(back.edge_count(), g.edge_count());
        }
    }

    /// export JSON → import --json gives the same graph (the JSON export carries no evidence
    /// byte spans, so it is the JSON that is compared).
    #[test]
    fn json_export_then_import_gives_the_same_graph(g in graph()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let text = json_of(&g);
        std::fs::write(&path, &text).unwrap();
        let (back, report) = import::import_json(&path).unwrap();
        prop_assert_eq!(report.edges, g.edge_count());
        prop_assert_eq!(json_of(&back), text);
    }
}

// ---------------------------------------------------------------- ingest order

/// States with their demonyms, invented people (each always with the same state and role),
/// proposals and issues: enough for `represents`, `leads`, `negotiates_with`, `supports`,
/// `opposes`, `proposed` and `position_on` to fire.
const STATES: [(&str, &str); 8] = [
    ("Norway", "Norwegian"),
    ("Brazil", "Brazilian"),
    ("Kenya", "Kenyan"),
    ("France", "French"),
    ("Germany", "German"),
    ("Turkey", "Turkish"),
    ("Canada", "Canadian"),
    ("Japan", "Japanese"),
];
const PEOPLE: [(&str, usize, &str); 6] = [
    ("Ingrid Solbakken", 0, "Foreign Minister"),
    ("Tomas Ferreira", 1, "special envoy"),
    ("Amara Wanjiru", 2, "President"),
    ("Claire Dubois", 3, "Foreign Minister"),
    ("Kurt Halberg", 4, "Chancellor"),
    ("Emre Kaplan", 5, "special envoy"),
];
const PLANS: [&str; 4] = ["12-point ceasefire plan", "5-point peace framework", "20-point roadmap", "3-point grain deal"];
const ISSUES: [&str; 4] = ["sanctions", "security guarantees", "territory", "prisoner exchanges"];

fn person(i: usize) -> String {
    let (name, state, role) = PEOPLE[i % PEOPLE.len()];
    format!("{} {role} {name}", STATES[state].1)
}

/// One sentence from a template. Templates 0–6 introduce every person by full name with role
/// and state; template 7 (only with `surnames`) names a person by surname alone.
fn sentence(surnames: bool) -> impl Strategy<Value = String> {
    (0usize..if surnames { 8 } else { 7 }, 0usize..8, 0usize..8, 0usize..4).prop_map(|(template, a, b, c)| {
        let (sa, sb) = (STATES[a].0, STATES[if a == b { (b + 1) % 8 } else { b }].0);
        let (pa, pb) = (a % PEOPLE.len(), if a % PEOPLE.len() == b % PEOPLE.len() { (b + 1) % PEOPLE.len() } else { b % PEOPLE.len() });
        match template {
            0 => format!("{} met {} in Geneva on Monday.", person(pa), person(pb)),
            1 => format!("{sa} and {sb} rejected the {}.", PLANS[c]),
            2 => format!("{sa} welcomed the {}.", PLANS[c]),
            3 => format!("{sa} proposed the {}.", PLANS[c]),
            4 => format!("{sa} is signaling flexibility on {}.", ISSUES[c]),
            5 => format!("{} held talks with {}.", person(pa), person(pb)),
            6 => format!("{} said {sa} backed the {}.", person(pa), PLANS[c]),
            _ => format!("{} said {sa} backed the {}.", PEOPLE[pa].0.split(' ').nth(1).unwrap(), PLANS[c]),
        }
    })
}

fn article(surnames: bool) -> impl Strategy<Value = String> {
    (proptest::collection::vec(sentence(surnames), 1..4), 0usize..4).prop_map(|(sentences, title)| {
        format!("Talks on the {} resume\n\n{}\n", ISSUES[title], sentences.join("\n"))
    })
}

/// A graph's content independent of node ids and insertion order: node (name, kind, type) and
/// edges as (source name, relation, target name) — ends sorted by name for the symmetric
/// relations — each with its evidence as a set of (article, sentence, text).
type Shape = (BTreeSet<(String, Kind, Option<EntityType>)>, BTreeMap<(String, String, String), BTreeSet<(String, usize, String)>>);

fn shape(g: &KnowledgeGraph) -> Shape {
    let nodes = g.node_ids().map(|id| g.node(id)).map(|n| (n.name.clone(), n.kind, n.entity_type)).collect();
    let mut edges = BTreeMap::new();
    for id in g.edge_ids() {
        let (s, t) = g.endpoints(id);
        let e = g.edge(id);
        let (mut a, mut b) = (g.node(s).name.clone(), g.node(t).name.clone());
        if e.relation.is_symmetric() && a > b {
            std::mem::swap(&mut a, &mut b);
        }
        let evidence = e.evidence.iter().map(|ev| (ev.article.clone(), ev.sentence, ev.text.clone())).collect();
        edges.insert((a, e.relation.to_string(), b), evidence);
    }
    (nodes, edges)
}

fn ingest_all(articles: &[(usize, String)], lexicon: &Lexicon) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for (i, text) in articles {
        let a = read_plain(Path::new(&format!("article{i}.txt")), text, false).unwrap();
        ingest::ingest_article(&mut g, &a, lexicon);
    }
    g
}

/// Numbered articles (the number names the file, so an article keeps its id in any order).
type Articles = Vec<(usize, String)>;

fn articles_and_an_order(surnames: bool) -> impl Strategy<Value = (Articles, Articles)> {
    // Identical bodies are one article to the ingester (the content hash of the body makes the
    // second a no-op), so which file name it keeps depends on the order: keep the bodies distinct.
    let body = |a: &String| a.split_once("\n\n").map_or(a.clone(), |(_, b)| b.to_string());
    let distinct = move |articles: &Vec<String>| articles.iter().map(body).collect::<BTreeSet<_>>().len() == articles.len();
    proptest::collection::vec(article(surnames), 2..5).prop_filter("distinct articles", distinct).prop_flat_map(|articles| {
        let numbered: Vec<(usize, String)> = articles.into_iter().enumerate().collect();
        (Just(numbered.clone()), Just(numbered).prop_shuffle())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    /// Ingesting the same articles in any order gives the same graph (see [`Shape`]), when every
    /// article introduces its people by full name.
    #[test]
    fn ingest_order_does_not_matter((articles, shuffled) in articles_and_an_order(false)) {
        check_same_graph(&articles, &shuffled)?;
    }
}

fn check_same_graph(articles: &[(usize, String)], shuffled: &[(usize, String)]) -> Result<(), TestCaseError> {
    let lexicon = Lexicon::builtin();
    let a = ingest_all(articles, &lexicon);
    let b = ingest_all(shuffled, &lexicon);
    prop_assert!(a.edge_count() > 0, "the generated articles produce edges");
    let (sa, sb) = (shape(&a), shape(&b));
    prop_assert_eq!(&sa.0, &sb.0, "nodes differ");
    prop_assert_eq!(&sa.1, &sb.1, "edges differ");
    Ok(())
}
