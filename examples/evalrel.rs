fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let s = newsgraph::evaluation::evaluate_relations(std::path::Path::new(&dir), &newsgraph::lexicon::Lexicon::builtin()).unwrap();
    print!("{s}");
    if std::env::var("V").is_ok() {
        for m in &s.missed { println!("MISS {} | {} {} {}", m.article, m.from, m.relation, m.to); }
        for m in &s.wrong { println!("WRONG {} | {} {} {}", m.article, m.from, m.relation, m.to); }
    }
}
