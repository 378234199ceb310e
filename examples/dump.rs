use newsgraph::graph::KnowledgeGraph;
use newsgraph::ingest;
use newsgraph::lexicon::Lexicon;
fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let lex = Lexicon::builtin();
    let mut g = KnowledgeGraph::new();
    let r = ingest::ingest_paths(&mut g, &args, &lex);
    eprintln!("{r}");
    for id in g.node_ids() {
        let n = g.node(id);
        println!("N {} [{}{}] aliases={:?} roles={:?}", n.name, n.kind, n.entity_type.map(|t| format!("/{t}")).unwrap_or_default(), n.aliases, n.roles);
    }
    for e in g.edge_ids() {
        let (s, t) = g.endpoints(e);
        let ed = g.edge(e);
        if ed.relation.as_str() == "mentioned_with" && std::env::var("MW").is_err() { continue; }
        println!("E {} --{}--> {}  | {}", g.node(s).name, ed.relation, g.node(t).name, ed.evidence[0].text.chars().take(90).collect::<String>());
    }
}
