//! Merging an analysed article into the graph: each article entity finds its node (by name or
//! alias and kind; a one-word person name by a unique matching name part), or becomes a new one;
//! each relation adds its sentence as evidence. Merging never duplicates a node or an edge.

use super::article::ArticleText;
use super::resolve::{Analysis, ArticleEntity};
use super::resolve::Fact;
use crate::graph::{name_key, KnowledgeGraph, NodeId};
use crate::lexicon::Lexicon;
use crate::model::{Article, EntityType, Evidence, Kind, Node, Relation};

fn is_person(n: &Node) -> bool {
    n.kind == Kind::Expert || n.entity_type == Some(EntityType::Person)
}

/// Adds the article, its entities and its relations to the graph. Returns (new nodes, new edges).
pub fn merge(graph: &mut KnowledgeGraph, article: &ArticleText, hash: u64, analysis: &Analysis, facts: &[Fact], lex: &Lexicon) -> (usize, usize) {
    let mut id = article.id.clone();
    if graph.articles().contains_key(&id) {
        id = format!("{}#{:08x}", article.id, hash as u32);
    }
    graph.add_article(Article {
        id: id.clone(),
        title: article.title.clone(),
        date: article.date.clone(),
        path: Some(article.path.clone()),
        hash,
    });
    let before = graph.node_count();
    let nodes: Vec<Option<NodeId>> = analysis.entities.iter().map(|e| node_for(graph, e, &id, lex)).collect();
    let new_nodes = graph.node_count() - before;
    let mut new_edges = 0;
    for f in facts {
        let (Some(a), Some(b)) = (nodes[f.from], nodes[f.to]) else { continue };
        if a == b {
            continue;
        }
        let s = &analysis.sentences[f.sentence];
        let evidence = Evidence {
            article: id.clone(),
            sentence: f.sentence,
            start: s.start,
            end: s.end,
            text: article.body[s.start..s.end].to_string(),
        };
        if graph.add_evidence(a, b, f.relation.clone(), evidence).1 {
            new_edges += 1;
        }
    }
    (new_nodes, new_edges)
}

fn node_for(graph: &mut KnowledgeGraph, e: &ArticleEntity, article: &str, lex: &Lexicon) -> Option<NodeId> {
    if e.name.is_empty() {
        return None;
    }
    let person = e.entity_type == Some(EntityType::Person) || e.kind == Kind::Expert;
    let found = if person { find_person(graph, e, article, lex) } else { find_other(graph, e) };
    let id = match found {
        Some(id) => id,
        None => graph.add_node(Node::new(&e.name, e.kind, e.entity_type)),
    };
    for alias in &e.aliases {
        graph.add_alias(id, alias);
    }
    let node = graph.node_mut(id);
    node.articles.insert(article.to_string());
    node.roles.extend(e.roles.iter().cloned());
    for m in &e.merges {
        let note = format!("{m} (in {article})");
        if !node.merges.contains(&note) {
            node.merges.push(note);
        }
    }
    Some(id)
}

/// The only person in the graph with this one-word name as surname (or, failing that, as first
/// word, for family-name-first names), or with it as a name or alias.
fn single_person(graph: &KnowledgeGraph, word: &str) -> Option<NodeId> {
    if let Some(&id) = graph.lookup(word).iter().find(|&&id| is_person(graph.node(id))) {
        return Some(id);
    }
    let key = name_key(word);
    let matching = |pick: fn(&str) -> Option<&str>| -> Vec<NodeId> {
        graph
            .nodes_with_name_word(word)
            .into_iter()
            .filter(|&id| {
                let n = graph.node(id);
                is_person(n) && pick(&n.name).is_some_and(|w| name_key(w) == key)
            })
            .collect()
    };
    let mut ids = matching(|n| n.split(' ').next_back());
    if ids.is_empty() {
        ids = matching(|n| n.split(' ').next());
    }
    match ids[..] {
        [id] => Some(id),
        _ => None,
    }
}

/// Whether a one-word name is a person the graph already knows (see [`single_person`]).
/// The one person the graph says leads `party` (by its name), if there is exactly one.
pub fn leader_of(graph: &KnowledgeGraph, party: &str) -> Option<String> {
    let id = graph.lookup_kind(party, Kind::Actor)?;
    let leaders: Vec<NodeId> = graph
        .incident(id, Some(petgraph::Direction::Incoming))
        .into_iter()
        .filter(|&(e, from, _)| graph.edge(e).relation == Relation::Leads && is_person(graph.node(from)))
        .map(|(_, from, _)| from)
        .collect();
    match leaders.as_slice() {
        [one] => Some(graph.node(*one).name.clone()),
        _ => None,
    }
}

/// The one party (not a person) the person named `person` leads in the graph, if exactly one.
pub fn party_led_by(graph: &KnowledgeGraph, person: &str) -> Option<String> {
    let id = graph.lookup(person).iter().copied().find(|&id| is_person(graph.node(id)))?;
    let parties: Vec<NodeId> = graph
        .incident(id, Some(petgraph::Direction::Outgoing))
        .into_iter()
        .filter(|&(e, to, _)| graph.edge(e).relation == Relation::Leads && !is_person(graph.node(to)))
        .map(|(_, to, _)| to)
        .collect();
    // A head of state may lead a body of it too ("Supreme Commander-in-Chief of the Armed
    // Forces of Ukraine"): the one state they lead is the party of a bare "President".
    let states: Vec<NodeId> = parties.iter().copied().filter(|&p| graph.node(p).entity_type == Some(EntityType::State)).collect();
    match (parties.as_slice(), states.as_slice()) {
        ([one], _) | (_, [one]) => Some(graph.node(*one).name.clone()),
        _ => None,
    }
}

pub fn known_single_person(graph: &KnowledgeGraph, word: &str) -> bool {
    single_person(graph, word).is_some()
}

fn find_other(graph: &KnowledgeGraph, e: &ArticleEntity) -> Option<NodeId> {
    std::iter::once(&e.name)
        .chain(e.aliases.iter())
        .find_map(|n| graph.lookup(n).iter().copied().find(|&id| graph.node(id).kind == e.kind))
}

/// A person seen before: the same full name, or, for a one-word name, the only person whose name
/// has it as a part. A full name also completes an earlier one-word person with that surname.
fn find_person(graph: &mut KnowledgeGraph, e: &ArticleEntity, article: &str, lex: &Lexicon) -> Option<NodeId> {
    let key = name_key(&e.name);
    if let Some(&id) = graph.lookup(&e.name).iter().find(|&&id| is_person(graph.node(id))) {
        return Some(id);
    }
    if e.single_name {
        if let Some(id) = single_person(graph, &e.name) {
            let note = format!("'{}' is {} (name part, in {article})", e.name, graph.node(id).name);
            graph.node_mut(id).merges.push(note);
            graph.add_alias(id, &e.name);
            return Some(id);
        }
        return None;
    }
    // The same person spelt differently ("Oleksandr Hnatenko" / "Oleksander Hnatenko",
    // "José Quiroga" / "Jose Quiroga", "Aleksandr Hnatenko").
    if let Some(id) = similar_person(graph, &e.name, lex) {
        let note = format!("'{}' is {} (spelling variant, in {article})", e.name, graph.node(id).name);
        graph.node_mut(id).merges.push(note);
        graph.add_alias(id, &e.name);
        return Some(id);
    }
    // An earlier one-word person ("Quiroga") whose name this full name ("Marta Quiroga") completes.
    let surname = key.split(' ').next_back().unwrap_or("").to_string();
    let singles: Vec<NodeId> = graph
        .lookup(&surname)
        .iter()
        .copied()
        .filter(|&id| is_person(graph.node(id)) && !graph.node(id).name.contains(' '))
        .collect();
    if let [id] = singles[..] {
        graph.rename(id, &e.name);
        let note = format!("'{surname}' completed to {} (in {article})", e.name);
        graph.node_mut(id).merges.push(note);
        return Some(id);
    }
    None
}

/// Lower-cases and strips the accents of Latin letters, so that spelling variants compare equal.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'ğ' => 'g',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

/// The consonants of a folded name word, doubled ones once: transliterations vary the vowels
/// and doubling ("Petrovsky" / "Petrovskyy", "Aliev" / "Alyev"), while two different surnames
/// differ in a consonant ("Dorrow" / "Dorrof").
fn consonants(word: &str) -> String {
    // "h" comes and goes with the spelling ("Anthony" / "Antony", "Marković" / "Markovich",
    // "Janar" / "Zhanar"), as do "q" for "k" and "j" for "z".
    let mut out: Vec<char> = word
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h'))
        .map(|c| match c {
            'q' => 'k',
            'j' => 'z',
            other => other,
        })
        .collect();
    out.dedup();
    out.into_iter().collect()
}

fn similar_person(graph: &KnowledgeGraph, name: &str, lex: &Lexicon) -> Option<NodeId> {
    let words: Vec<String> = fold(name).split(' ').map(str::to_string).collect();
    if words.len() < 2 {
        return None;
    }
    let prefix = |s: &str| s.chars().take(2).collect::<String>();
    // Or one given name in two languages ("Aleksandr" / "Oleksandr").
    let close = |a: &str, b: &str| {
        a == b
            || a.chars().count() >= 4
                && b.chars().count() >= 4
                && prefix(a) == prefix(b)
                && strsim::jaro_winkler(a, b) >= 0.88
                && consonants(a) == consonants(b)
            || lex.same_given_name(a, b)
    };
    // Candidates share at least one name word exactly ("Oleksandr", "Quiroga"), or a given name in
    // another language.
    let mut candidates: Vec<NodeId> =
        name.split(' ').flat_map(|w| lex.given_name_variants(w)).flat_map(|w| graph.nodes_with_name_word(&w)).collect();
    candidates.sort();
    candidates.dedup();
    let found: Vec<NodeId> = candidates
        .into_iter()
        .filter(|&id| {
            let n = graph.node(id);
            if !is_person(n) {
                return false;
            }
            let other: Vec<String> = fold(&n.name).split(' ').map(str::to_string).collect();
            other.len() == words.len() && other.iter().zip(&words).all(|(a, b)| close(a, b))
        })
        .collect();
    // Several variants already ("Hnatenko", "Hnatenkoo"): the one most articles use.
    found.into_iter().max_by_key(|&id| (graph.node(id).articles.len(), std::cmp::Reverse(id)))
}
