//! Entity resolution within one article: mentions that name the same thing become one
//! [`ArticleEntity`]. Surnames ("Li said") resolve to the full name seen in the article,
//! metonyms and demonyms to their state, proposal mentions with the same number and head noun
//! ("12-point peace plan", "Washington's earlier 12-point plan") to one proposal, "the plan" to
//! the last proposal named, a unit of an institution ("Lagos University's Center for …",
//! "the Institute of … at the Andean Academy …") to its parent institution. Appositions mark
//! experts ("Amara Okafor, a researcher at …") and officials ("X, the foreign minister of Y").
//!
//! Matching against entities of earlier articles happens later, when the article is merged into
//! the graph (`ingest::merge`).

use super::mentions::{find_mentions_with_tags, tag_sentences, Mention, MentionType, Target, RANK_WORDS};
use crate::ner::gazetteer::WordClasses;
use crate::ner::NerTag;
use super::text::{sentences, Sentence};
use crate::lexicon::{FormKind, Lexicon};
use crate::model::{EntityType, Kind, Relation};
use std::collections::{BTreeSet, HashMap, HashSet};

/// An entity of one article.
#[derive(Debug, Clone)]
pub struct ArticleEntity {
    pub name: String,
    pub kind: Kind,
    pub entity_type: Option<EntityType>,
    /// Surface forms seen in the article.
    pub aliases: BTreeSet<String>,
    pub roles: BTreeSet<String>,
    /// Why surface forms were merged ("'Okafor' is Amara Okafor (surname)").
    pub merges: Vec<String>,
    /// A one-word person name (resolve it against the graph by surname).
    pub single_name: bool,
    /// A lone capitalised word with no sign of being a person: kept only if it matches a person
    /// already in the graph.
    pub tentative: bool,
}

/// A relation found by resolution itself (titles, appositions), before clause analysis.
#[derive(Debug, Clone)]
pub struct Fact {
    pub from: usize,
    pub to: usize,
    pub relation: Relation,
    pub sentence: usize,
}

/// A mention with the entity it resolved to.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub mention: Mention,
    pub entity: Option<usize>,
}

/// One article, segmented, with its mentions resolved.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    /// Mentions per sentence, in text order.
    pub mentions: Vec<Vec<Resolved>>,
    pub entities: Vec<ArticleEntity>,
    /// Relations implied by titles and appositions.
    pub facts: Vec<Fact>,
    /// The statistical tagger's reading of each token, per sentence.
    pub tags: Vec<Vec<NerTag>>,
}

#[derive(Default)]
struct Entities {
    list: Vec<ArticleEntity>,
    by_key: HashMap<String, usize>,
    /// Lexicon entities whose aliases do not stand for them in this article (see
    /// `EntityEntry::context`).
    out_of_context: HashSet<usize>,
}

impl Entities {
    fn get_or_add(&mut self, key: String, make: impl FnOnce() -> ArticleEntity) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        self.list.push(make());
        self.by_key.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }
}

/// The key a proposal named `key` takes in this article: that of the one proposal already named
/// whose key ends with it or that it ends with, when they share at least two words ("the border
/// agreement" after "the maritime border agreement", or before it); else its own.
/// Whether `text` uses one of the names in `context` as a word (an empty list always holds).
fn in_context(text: &str, context: &[String]) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    context.is_empty()
        || context.iter().any(|name| {
            text.match_indices(name.as_str()).any(|(at, _)| !word_char(text[..at].chars().next_back()) && !word_char(text[at + name.len()..].chars().next()))
        })
}

fn proposal_key_in_article(entities: &Entities, key: &str) -> String {
    if key.split(' ').count() < 2 {
        return key.to_string();
    }
    let ends = |long: &str, short: &str| long.len() > short.len() && long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' ';
    let found: Vec<&str> = entities
        .by_key
        .keys()
        .filter_map(|k| k.strip_prefix("proposal:"))
        .filter(|k| ends(k, key) || ends(key, k) && k.split(' ').count() >= 2)
        .collect();
    match found.as_slice() {
        [one] => one.to_string(),
        _ => key.to_string(),
    }
}

fn entity(name: &str, kind: Kind, entity_type: Option<EntityType>) -> ArticleEntity {
    ArticleEntity {
        name: name.to_string(),
        kind,
        entity_type,
        aliases: BTreeSet::new(),
        roles: BTreeSet::new(),
        merges: Vec::new(),
        single_name: false,
        tentative: false,
    }
}

fn lexicon_entity(lex: &Lexicon, entities: &mut Entities, index: usize) -> usize {
    let e = &lex.entities[index];
    entities.get_or_add(format!("lex:{index}"), || entity(&e.name, e.kind, e.entity_type))
}

/// Analyses an article body: sentences, mentions, entities and the facts titles and appositions give.
/// Sentences at which [`find_all_mentions`] tags on a second thread while it reads the mentions of
/// the sentences already tagged (below it, a thread costs more than it saves).
const PIPELINE_SENTENCES: usize = 48;

/// The mentions and the tagger's tags of every sentence. The tagger reads the sentences in order
/// (its document history makes each sentence wait for the one before), and the rules need a
/// sentence's tags; so on long texts the tagger runs one sentence ahead on its own thread.
fn find_all_mentions(text: &str, sentences: &[Sentence], lex: &Lexicon) -> (Vec<Vec<Mention>>, Vec<Vec<NerTag>>) {
    let n = sentences.len();
    let mut raw = Vec::with_capacity(n);
    let mut tags = Vec::with_capacity(n);
    let mut take = |s: &Sentence, t: Vec<NerTag>| {
        let (m, t) = find_mentions_with_tags(text, s, lex, t);
        raw.push(m);
        tags.push(t);
    };
    if n < PIPELINE_SENTENCES || std::thread::available_parallelism().map_or(true, |p| p.get() < 2) {
        let mut i = 0;
        tag_sentences(text, sentences, |t| {
            take(&sentences[i], t);
            i += 1;
        });
        return (raw, tags);
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<Vec<Vec<NerTag>>>();
        scope.spawn(move || {
            // batches that grow from one sentence (so the rules start at once) to 64 (so the
            // threads rarely wait for each other)
            let mut batch = Vec::new();
            let mut size = 1;
            tag_sentences(text, sentences, |t| {
                batch.push(t);
                if batch.len() >= size {
                    // the receiver lives until every sentence has arrived
                    let _ = tx.send(std::mem::take(&mut batch));
                    size = (size * 2).min(64);
                }
            });
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        for (s, t) in sentences.iter().zip(rx.into_iter().flatten()) {
            take(s, t);
        }
    });
    (raw, tags)
}

pub fn analyse(text: &str, lex: &Lexicon) -> Analysis {
    let sentences = sentences(text);
    let (raw, tags) = find_all_mentions(text, &sentences, lex);
    let mut entities = Entities::default();
    entities.out_of_context = (0..lex.entities.len()).filter(|&e| !in_context(text, &lex.entities[e].context)).collect();
    let mut facts = Vec::new();
    let lower_words = LowerWords::new(text);

    // Full person names first, so that surnames anywhere in the article can find them.
    let mut full_names = FullNames::default();
    let full: HashSet<String> = raw
        .iter()
        .flatten()
        .filter_map(|m| match &m.target {
            Target::Person { name, single: false, .. } => Some(name.to_lowercase()),
            _ => None,
        })
        .collect();
    for ms in &raw {
        for m in ms {
            if let Target::Person { name, single: false, .. } = &m.target {
                if let Some(rest) = run_into_name(name, &full) {
                    // Keyed to the plain name, which the loop adds in its own turn.
                    let id = entities.get_or_add(format!("person:{}", rest.to_lowercase()), || entity(rest, Kind::Actor, Some(EntityType::Person)));
                    entities.by_key.insert(format!("person:{}", name.to_lowercase()), id);
                    let note = format!("'{name}' is {rest} (a word run into the name)");
                    if !entities.list[id].merges.contains(&note) {
                        entities.list[id].merges.push(note);
                    }
                    continue;
                }
                let key = format!("person:{}", name.to_lowercase());
                let id = entities.get_or_add(key, || entity(name, Kind::Actor, Some(EntityType::Person)));
                full_names.add(name, id);
            }
        }
    }

    let mut mentions: Vec<Vec<Resolved>> = Vec::new();
    // The last proposal named, and in which sentence.
    let mut last_proposal: Option<(usize, usize)> = None;
    // Where each full-named person was last mentioned: (sentence, mention index).
    let mut recent: HashMap<usize, (usize, usize)> = HashMap::new();
    for (si, ms) in raw.into_iter().enumerate() {
        let mut resolved = Vec::new();
        for (mi, m) in ms.iter().enumerate() {
            let surface = text[m.start..m.end].to_string();
            let id = match &m.target {
                // "the Security Council" in a Kremlin readout that never names the United Nations
                // is some other council: a body of its own name.
                Target::Known { entity: e, form } if *form != FormKind::Name && entities.out_of_context.contains(e) => {
                    Some(body_entity(lex, &mut entities, &surface))
                }
                Target::Known { entity: e, form } => {
                    let id = lexicon_entity(lex, &mut entities, *e);
                    if *form != FormKind::Name {
                        entities.list[id].aliases.insert(surface.clone());
                    }
                    Some(id)
                }
                Target::Person { name, single, tagged } => {
                    let mut return_org = false;
                    let id = if *single {
                        full_names.resolve(name, &recent).map(|id| {
                            let full = entities.list[id].name.clone();
                            let note = format!("'{name}' is {full} (same name part)");
                            if !entities.list[id].merges.contains(&note) {
                                entities.list[id].merges.push(note);
                            }
                            id
                        })
                        .or_else(|| {
                            // "Commander of the National Guard Troops", "Head of European
                            // Diplomacy", "his official Twitter account": an everyday word after a
                            // title is the rest of the title or a thing, not a surname.
                            if common_word(lex, &lower_words, name) {
                                return None;
                            }
                            // Speech is evidence of a person only mid-sentence: "Others said",
                            // "Historians say" start sentences too.
                            let initial = m.first_token == 0
                                || sentences[si].tokens[m.first_token - 1].text(text).chars().all(|c| !c.is_alphanumeric());
                            // The tagger alone is too weak a sign for a one-word name ("BRICS
                            // Partnership", "Belt and Road"): it needs a title, an honorific or speech.
                            let _ = tagged;
                            let evidence = m.title.is_some() || (!initial && speech_follows(text, &sentences[si], m, lex)) || {
                                let first = &sentences[si].tokens[m.first_token];
                                lex.is_person_prefix(first.text(text))
                            };
                            // Without evidence a lone capitalised word may still be someone an
                            // earlier article named in full: tentative, merged only if it matches.
                            if m.mention_type == MentionType::Organization {
                                // The tagger reads it as an organisation ("Gazprom said").
                                return_org = true;
                                None
                            } else {
                                let key = format!("person:{}", name.to_lowercase());
                                let new = !entities.by_key.contains_key(&key);
                                let id = entities.get_or_add(key, || entity(name, Kind::Actor, Some(EntityType::Person)));
                                let e = &mut entities.list[id];
                                e.single_name = true;
                                e.tentative = if new { !evidence } else { e.tentative && !evidence };
                                Some(id)
                            }
                        })
                    } else {
                        let id = entities.by_key.get(&format!("person:{}", name.to_lowercase())).copied();
                        if let Some(id) = id {
                            recent.insert(id, (si, mi));
                        }
                        id
                    };
                    let id = if return_org && common_word(lex, &lower_words, name) {
                        None
                    } else if return_org {
                        Some(entities.get_or_add(format!("org:{}", name.to_lowercase()), || {
                            entity(name, Kind::Actor, Some(EntityType::Organization))
                        }))
                    } else {
                        id
                    };
                    if let (Some(id), Some(title)) = (id, &m.title) {
                        entities.list[id].roles.insert(title.text.clone());
                        // A post no longer held, or one in opposition to the party named, is no
                        // tie to it ("former US President …", "Russian opposition leader …").
                        let held = !post_not_held(text, &sentences[si], m.first_token, &title.text);
                        let party = title.party.filter(|_| held);
                        let relation = subordinate(&title.text, lex.roles[title.role].relation.clone());
                        if let Some(party) = party {
                            let entry = &lex.entities[party];
                            // (Out of its context the party is a body of the name the title uses.)
                            let pid = match entry.aliases.iter().find(|a| title.text.contains(a.as_str())) {
                                Some(alias) if entities.out_of_context.contains(&party) => body_entity(lex, &mut entities, &alias.clone()),
                                _ => lexicon_entity(lex, &mut entities, party),
                            };
                            let to_party = title_relation(lex, title.role, &title.text, &entities.list[pid]);
                            // The head of a state's body ("Commander-in-Chief of the Armed Forces
                            // of Ukraine") leads the body and represents the state.
                            let to_party = if title.body.is_some() && to_party == Relation::Leads { Relation::Represents } else { to_party };
                            facts.push(Fact { from: id, to: pid, relation: to_party, sentence: si });
                        }
                        if let Some(body) = title.body.as_ref().filter(|_| held) {
                            let bid = body_entity(lex, &mut entities, body);
                            // The head of a state's ministry represents the state; they lead no state.
                            let relation = if entities.list[bid].entity_type == Some(EntityType::State) { Relation::Represents } else { relation };
                            facts.push(Fact { from: id, to: bid, relation, sentence: si });
                        }
                    }
                    if let Some(id) = id {
                        let run_in = name.ends_with(&format!(" {}", entities.list[id].name));
                        if surface != entities.list[id].name && !run_in {
                            let name_only = name.clone();
                            entities.list[id].aliases.insert(name_only);
                        }
                    }
                    id
                }
                Target::Institution { name } => Some(institution(lex, &mut entities, name)),
                Target::Organization { name } if entities.by_key.contains_key(&format!("person:{}", name.to_lowercase())) => {
                    entities.by_key.get(&format!("person:{}", name.to_lowercase())).copied()
                }
                Target::Organization { name } if common_word(lex, &lower_words, name) => None,
                Target::Organization { name } => Some(body_entity(lex, &mut entities, name)),
                Target::Proposal { name, key, anaphoric, short } => {
                    if *anaphoric {
                        // "the plan" goes back to the last proposal named; "Russia's proposals"
                        // only to one named just before, else to no proposal in particular.
                        let near = |&(_, at): &(usize, usize)| m.proposer.is_none() || si - at <= 1;
                        // "the Russian initiative on binding security guarantees": what follows
                        // says which; it is a new proposal, not the last one named.
                        let described = m.proposer.is_some()
                            && sentences[si].tokens.get(m.end_token).is_some_and(|t| matches!(t.text(text), "on" | "for" | "regarding" | "concerning"));
                        last_proposal.filter(near).filter(|_| !described).map(|(id, _)| id)
                    } else {
                        // "the 2015 Minsk Package of Measures" is the Minsk agreements, in every
                        // article.
                        let known = lex.known_proposal(name).or_else(|| lex.known_proposal(&surface));
                        let key = match known {
                            Some(canonical) => canonical.to_lowercase(),
                            None => proposal_key_in_article(&entities, key),
                        };
                        let id = entities.get_or_add(format!("proposal:{key}"), || entity(known.unwrap_or(name), Kind::Proposal, None));
                        let e = &mut entities.list[id];
                        // The fullest form names the proposal: "12-point peace plan" over "12-point plan".
                        if known.is_some() {
                            if *name != e.name {
                                e.aliases.insert(name.clone());
                            }
                        } else if name.split(' ').count() > e.name.split(' ').count() {
                            let old = std::mem::replace(&mut e.name, name.clone());
                            e.aliases.insert(old);
                        } else if *name != e.name {
                            e.aliases.insert(name.clone());
                        }
                        if surface != e.name {
                            e.aliases.insert(surface.clone());
                        }
                        // "12-point plan" names every "12-point … plan" across articles.
                        if let Some(short) = short.as_ref().filter(|s| **s != e.name) {
                            e.aliases.insert(short.clone());
                        }
                        last_proposal = Some((id, si));
                        Some(id)
                    }
                }
                Target::Issue { issue } => {
                    let name = &lex.issues[*issue].name;
                    let id = entities.get_or_add(format!("issue:{issue}"), || entity(name, Kind::Issue, None));
                    if !surface.eq_ignore_ascii_case(name) {
                        entities.list[id].aliases.insert(surface.clone());
                    }
                    Some(id)
                }
                // Found once the whole article's titles and appositions are known.
                Target::Title => None,
                // Someone the article names in full elsewhere, whatever the tagger read here.
                Target::Unlinked => entities.by_key.get(&format!("person:{}", surface.to_lowercase())).copied(),
            };
            resolved.push(Resolved { mention: m.clone(), entity: id });
        }
        mentions.push(resolved);
    }

    definite_blocs(text, &sentences, &mut mentions, &entities);
    let mut merged: HashMap<usize, usize> = HashMap::new();
    for (si, s) in sentences.iter().enumerate() {
        institution_chains(text, s, &mentions[si], &mut entities, &mut merged);
        bracketed_acronyms(text, s, &mentions[si], &mut entities, &mut merged);
    }
    for r in mentions.iter_mut().flatten() {
        if let Some(e) = r.entity {
            r.entity = Some(follow(&merged, e));
        }
    }
    for f in &mut facts {
        f.from = follow(&merged, f.from);
        f.to = follow(&merged, f.to);
    }
    for (si, s) in sentences.iter().enumerate() {
        appositions(text, s, si, &mentions[si], lex, &mut entities, &mut facts);
        members_of(text, s, si, &mentions[si], &entities, &mut facts);
    }
    shared_title_parties(text, &sentences, &mentions, &mut entities, &mut facts, lex);
    body_title_parties(text, &sentences, &mentions, &entities, &mut facts, lex);
    complemented_aliases(text, &sentences, &mentions, &mut entities, lex);
    title_holders(text, &sentences, &mut mentions, &mut entities, &mut facts, lex);
    protagonist_state(text, &sentences, &mentions, &entities, &mut facts);
    parts_of_known_bodies(&mentions, &mut entities, &mut facts, lex);
    qualified_issue_aliases(text, &mentions, &mut entities);
    // Proposals named only through a party ("the US proposals") were resolved above as anaphora.
    Analysis { sentences, mentions, entities: entities.list, facts, tags }
}

/// "EC President Anna Berg" (after "the European Commission (EC)"), "Acme CEO Jane
/// Roe": a title right after a body the article knows, with no party of its own, is a post in it.
fn body_title_parties(text: &str, sentences: &[Sentence], mentions: &[Vec<Resolved>], entities: &Entities, facts: &mut Vec<Fact>, lex: &Lexicon) {
    for (si, sentence) in mentions.iter().enumerate() {
        let top: Vec<&Resolved> = sentence.iter().filter(|r| !r.mention.in_compound).collect();
        for pair in top.windows(2) {
            let (before, r) = (pair[0], pair[1]);
            let (Some(title), Some(p), Some(body)) = (&r.mention.title, r.entity, before.entity) else { continue };
            // "XYZ party leader NAME": the word "party" may stand between.
            let gap = r.mention.first_token.saturating_sub(before.mention.end_token);
            let adjacent = gap == 0 || gap == 1 && sentences[si].tokens[before.mention.end_token].text(text) == "party";
            if title.party.is_some() || title.body.is_some() || !adjacent {
                continue;
            }
            let e = &entities.list[body];
            let a_body = matches!((e.kind, e.entity_type), (Kind::Actor, Some(EntityType::Organization | EntityType::Bloc)) | (Kind::Institution, _));
            // "Bolivian Foreign Ministry spokesman": a ministry stands for its state.
            let ministry = matches!(&before.mention.target, Target::Organization { name } if ministry_of(lex, name).is_some());
            // A lone capitalised word is too weak a body ("Justice Minister", "Majority Leader").
            let named = e.name.contains(' ') || e.name.len() >= 2 && e.name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if ministry {
                // Its head or spokesperson serves the state, and leads no state.
                facts.push(Fact { from: p, to: body, relation: Relation::Represents, sentence: si });
            } else if a_body && named {
                let relation = subordinate(&title.text, lex.roles[title.role].relation.clone());
                facts.push(Fact { from: p, to: body, relation, sentence: si });
            }
        }
    }
}

/// "Indian External Affairs Minister R. Mehta and National Security Advisor Arun Das": a
/// title with no party of its own, coordinated with a title that has one, shares that party.
fn shared_title_parties(text: &str, sentences: &[Sentence], mentions: &[Vec<Resolved>], entities: &mut Entities, facts: &mut Vec<Fact>, lex: &Lexicon) {
    for (si, sentence) in mentions.iter().enumerate() {
        let people: Vec<&Resolved> = sentence.iter().filter(|r| !r.mention.in_compound && matches!(r.mention.target, Target::Person { .. })).collect();
        for pair in people.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (Some(ta), Some(tb)) = (&a.mention.title, &b.mention.title) else { continue };
            let (Some(party), None, None, Some(id)) = (ta.party, tb.party, &tb.body, b.entity) else { continue };
            let between: Vec<&str> = (a.mention.end_token..b.mention.first_token).map(|k| sentences[si].tokens[k].text(text)).collect();
            // "Minister of the Interior B" names its own scope.
            let own_scope = tb.text.split(' ').any(|w| matches!(w, "of" | "for"));
            // (Only a state is shared: "Secretary of the Security Council A, Defence Minister B"
            // are officials of one state, not of one council.)
            let state = lex.entities[party].entity_type == Some(EntityType::State);
            if !matches!(between.as_slice(), ["and"] | [","]) || own_scope || !state {
                continue;
            }
            let pid = lexicon_entity(lex, entities, party);
            let relation = title_relation(lex, tb.role, &tb.text, &entities.list[pid]);
            facts.push(Fact { from: id, to: pid, relation, sentence: si });
        }
    }
}

/// "Iran's nuclear programme", "the Iranian nuclear programme": an issue named with the party it
/// belongs to keeps that fuller form as an alias.
fn qualified_issue_aliases(text: &str, mentions: &[Vec<Resolved>], entities: &mut Entities) {
    for sentence in mentions {
        for pair in sentence.windows(2) {
            let (party, issue) = (&pair[0], &pair[1]);
            let (Some(p), Some(i)) = (party.entity, issue.entity) else { continue };
            let adjacent = party.mention.end_token == issue.mention.first_token
                || party.mention.possessive && party.mention.end_token + 1 == issue.mention.first_token;
            if adjacent && entities.list[p].kind == Kind::Actor && entities.list[i].kind == Kind::Issue {
                let alias = text[party.mention.start..issue.mention.end].to_string();
                entities.list[i].aliases.insert(alias);
            }
        }
    }
}

/// Resolves each title standing alone ("the President of Russia", "the Russian leader", "the
/// president") to the one person of the article who holds it: the person the article gives that
/// title and party, else the one person with that title word. A head-of-state title of a party
/// nobody in the article leads goes to the one person named in full without any title or
/// affiliation, when the article opens with them and names few people (a readout's "Milan
/// Jovic had a call with … The President of Serbia said"); they then lead it.
fn title_holders(text: &str, sentences: &[Sentence], mentions: &mut [Vec<Resolved>], entities: &mut Entities, facts: &mut Vec<Fact>, lex: &Lexicon) {
    let people: Vec<usize> = (0..entities.list.len())
        .filter(|&i| {
            let e = &entities.list[i];
            e.kind == Kind::Actor && e.entity_type == Some(EntityType::Person) && !e.tentative
        })
        .collect();
    let affiliated = |facts: &[Fact], p: usize| {
        facts.iter().any(|f| f.from == p && matches!(f.relation, Relation::Leads | Relation::Represents | Relation::AffiliatedWith))
    };
    let first_person = mentions.iter().flatten().filter_map(|r| r.entity).find(|e| people.contains(e));
    let mut mentions_of = vec![0usize; entities.list.len()];
    let mut first_seen = vec![(usize::MAX, 0); entities.list.len()];
    for (si, sentence) in mentions.iter().enumerate() {
        for r in sentence {
            if let Some(e) = r.entity {
                mentions_of[e] += 1;
                first_seen[e] = first_seen[e].min((si, r.mention.first_token));
            }
        }
    }
    for (si, sentence) in mentions.iter_mut().enumerate() {
        let token = |k: usize| sentences[si].tokens[k].text(text);
        for r in sentence.iter_mut().filter(|r| r.mention.target == Target::Title) {
            let Some(title) = &r.mention.title else { continue };
            let role = &lex.roles[title.role];
            let relation = subordinate(&title.text, role.relation.clone());
            let word = ranked_title_word(&title.text, &role.title);
            let party = title.party.and_then(|p| entities.by_key.get(&format!("lex:{p}")).copied());
            // "the French leader" is whoever leads France, whatever their title.
            let generic = word == "leader" && party.is_some();
            let holds = |p: usize| {
                (generic || entities.list[p].roles.iter().any(|t| holds_title_word(t, &word)))
                    && party.is_none_or(|party| facts.iter().any(|f| f.from == p && f.to == party && f.relation == relation))
            };
            let holders: Vec<usize> = people.iter().copied().filter(|&p| holds(p)).collect();
            // The sentence's subject: "The President of Russia stressed …", not "grateful to the
            // President of Russia".
            // "At the request of NAME, the President of Russia spoke": a clause after an
            // introductory phrase opens like a sentence ("NAME, the President …" would be an
            // apposition).
            let first = r.mention.first_token;
            let after_introduction = first >= 3
                && token(first - 1).eq_ignore_ascii_case("the")
                && token(first - 2) == ","
                && matches!(token(0), "At" | "In" | "On" | "During" | "Following" | "After" | "Upon" | "Before" | "Speaking" | "Answering")
                && (1..first - 2).all(|k| token(k) != ",");
            let opens_sentence = first == 1 || after_introduction;
            let holder = match (holders.as_slice(), party) {
                ([one], _) => Some(*one),
                ([], Some(party))
                    if opens_sentence && relation == Relation::Leads && !facts.iter().any(|f| f.to == party && f.relation == Relation::Leads) =>
                {
                    let free: Vec<usize> = people
                        .iter()
                        .copied()
                        .filter(|&p| !entities.list[p].single_name && entities.list[p].roles.is_empty() && !affiliated(facts, p))
                        .collect();
                    // Only in a short cast (so far), and only the person the article opens with, named
                    // again later: the protagonist of a readout ("Milan Jovic had a telephone
                    // conversation with …").
                    let named: Vec<usize> = people.iter().copied().filter(|&p| !entities.list[p].single_name).collect();
                    // Everyone else named so far is accounted for by a title or an affiliation of
                    // their own; people introduced in later sentences cannot be what it refers to.
                    let here = (si, r.mention.first_token);
                    let others_placed =
                        named.iter().all(|&p| Some(p) == first_person || affiliated(facts, p) || first_seen[p].0 > here.0);
                    let cast = named.iter().filter(|&&p| first_seen[p].0 <= here.0).count();
                    let chosen = first_person
                        .filter(|p| free.contains(p) && cast <= 3 && mentions_of[*p] >= 2 && others_placed);
                    if let Some(one) = chosen {
                        facts.push(Fact { from: one, to: party, relation: Relation::Leads, sentence: si });
                    }
                    chosen
                }
                _ => None,
            };
            if let Some(h) = holder {
                let note = format!("'{}' is {} (the title's holder in this article)", title.text, entities.list[h].name);
                let e = &mut entities.list[h];
                e.roles.insert(title.text.clone());
                if !e.merges.contains(&note) {
                    e.merges.push(note);
                }
                r.entity = Some(h);
            }
        }
    }
}

/// A readout's protagonist, named with no title ("NAME had a telephone conversation with
/// President of Chile Ana Reyes"), leads the other state of the pair the article names ("relations
/// between Serbia and Chile"), when the counterpart leads one of them and nobody the other: the
/// two leaders of two states.
fn protagonist_state(text: &str, sentences: &[Sentence], mentions: &[Vec<Resolved>], entities: &Entities, facts: &mut Vec<Fact>) {
    let is_person = |e: usize| {
        let x = &entities.list[e];
        x.kind == Kind::Actor && x.entity_type == Some(EntityType::Person) && !x.tentative
    };
    let is_state = |e: usize| entities.list[e].kind == Kind::Actor && entities.list[e].entity_type == Some(EntityType::State);
    let Some((si, protagonist)) = mentions.iter().enumerate().find_map(|(si, m)| m.iter().filter_map(|r| r.entity).find(|&e| is_person(e)).map(|e| (si, e))) else {
        return;
    };
    let p = &entities.list[protagonist];
    let placed = |facts: &[Fact], e: usize| facts.iter().any(|f| f.from == e && matches!(f.relation, Relation::Leads | Relation::Represents | Relation::AffiliatedWith));
    if p.single_name || !p.roles.is_empty() || placed(facts, protagonist) {
        return;
    }
    // A short cast: the protagonist, the counterpart and at most one more.
    let mut cast: Vec<usize> = mentions.iter().flatten().filter_map(|r| r.entity).filter(|&e| is_person(e)).collect();
    cast.sort_unstable();
    cast.dedup();
    if cast.len() > 3 {
        return;
    }
    // The counterpart, in the same sentence, leads a state.
    let led = |e: usize| facts.iter().find(|f| f.from == e && f.relation == Relation::Leads && is_state(f.to)).map(|f| f.to);
    let Some(theirs) = mentions[si].iter().filter_map(|r| r.entity).filter(|&e| e != protagonist && is_person(e)).find_map(led) else {
        return;
    };
    // The pair of states: "relations between A and B".
    let mut others = Vec::new();
    for (k, sentence) in mentions.iter().enumerate() {
        let token = |t: usize| sentences[k].tokens[t].text(text);
        // Only a sentence about the two states' own ties: "relations between A and B", not "the
        // border between".
        let ties = (0..sentences[k].tokens.len()).any(|t| {
            matches!(token(t), "relations" | "ties" | "cooperation" | "partnership" | "friendship" | "Friendship" | "unity" | "Unity" | "alliance" | "interaction" | "dialogue")
        });
        if !ties {
            continue;
        }
        let states: Vec<(&Resolved, usize)> = sentence.iter().filter(|r| !r.mention.in_compound).filter_map(|r| r.entity.filter(|&e| is_state(e)).map(|e| (r, e))).collect();
        for pair in states.windows(2) {
            let ((a, ea), (b, eb)) = (pair[0], pair[1]);
            let gap: Vec<&str> = (a.mention.end_token..b.mention.first_token).map(token).collect();
            // "between A and B", not "Russia, Armenia and Azerbaijan".
            let at = a.mention.first_token;
            let between = at >= 1 && token(at - 1) == "between" || at >= 2 && token(at - 1) == "the" && token(at - 2) == "between";
            let joined = between && matches!(gap.as_slice(), ["and"] | ["and", "the"]);
            if joined && ea != eb && (ea == theirs || eb == theirs) {
                others.push(if ea == theirs { eb } else { ea });
            }
        }
    }
    others.sort_unstable();
    others.dedup();
    // And the state the article names most after theirs ("Armenia and Azerbaijan" in a
    // readout of a call with Armenia's leader is a pair the article discusses, not the caller's).
    let mut named = vec![0usize; entities.list.len()];
    for e in mentions.iter().flatten().filter_map(|r| r.entity).filter(|&e| is_state(e) && e != theirs) {
        named[e] += 1;
    }
    let most = named.iter().copied().max().unwrap_or(0);
    if let [ours] = others.as_slice() {
        let foremost = named[*ours] == most && named.iter().filter(|&&n| n == most).count() == 1;
        if foremost && !facts.iter().any(|f| f.to == *ours && f.relation == Relation::Leads) {
            facts.push(Fact { from: protagonist, to: *ours, relation: Relation::Leads, sentence: si });
        }
    }
}

/// The title word a standing title asks its holder for: the role's title, with the rank
/// the text puts before it ("deputy head of the office" for "the Deputy Head of the Office").
fn ranked_title_word(text: &str, role_title: &str) -> String {
    let lower = text.to_lowercase();
    let word = role_title.to_lowercase();
    match lower.find(&word) {
        Some(at) if at > 0 => {
            let rank = lower[..at].trim();
            if !rank.is_empty() && rank.split_whitespace().all(|w| RANK_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w))) {
                format!("{rank} {word}")
            } else {
                word
            }
        }
        _ => word,
    }
}

/// Whether a person's title `role` holds `word`, and not as someone's deputy: a Deputy Head
/// is no Head.
fn holds_title_word(role: &str, word: &str) -> bool {
    let role = role.to_lowercase();
    role.match_indices(word).any(|(at, _)| word.contains("deputy") || !role[..at].ends_with("deputy "))
}

/// "OSCE Special Monitoring Mission", "African Union Commission", "Council of the European
/// Union": a body named after a known bloc or organisation (its name or alias opening the name,
/// or closing it after "of") is part of it. States are not: "Ministry of Defence of Ukraine"
/// resolves to the state itself.
fn parts_of_known_bodies(mentions: &[Vec<Resolved>], entities: &mut Entities, facts: &mut Vec<Fact>, lex: &Lexicon) {
    let mut done: HashSet<(usize, usize)> = HashSet::new();
    for (si, sentence) in mentions.iter().enumerate() {
        for r in sentence {
            let Some(e) = r.entity else { continue };
            let body = &entities.list[e];
            let organisation = matches!((body.kind, body.entity_type), (Kind::Actor, Some(EntityType::Organization)) | (Kind::Institution, _));
            if !organisation {
                continue;
            }
            if let Some(known) = exact_lexicon(lex, &body.name) {
                // A known body's parent is the lexicon's word, not a guess from its name.
                let parent = lex.entities[known].part_of.as_deref().and_then(|p| exact_lexicon(lex, p));
                if let Some(parent) = parent.filter(|&p| p != known) {
                    let parent = lexicon_entity(lex, entities, parent);
                    if parent != e && done.insert((e, parent)) {
                        facts.push(Fact { from: e, to: parent, relation: Relation::PartOf, sentence: si });
                    }
                }
                continue;
            }
            let name = body.name.clone();
            // "the Andean Council Summit": a meeting of the body, not a part of it.
            if name.rsplit(' ').next().is_some_and(|w| lex.is_place_word(w)) {
                continue;
            }
            for m in lex.find_entities(&name) {
                let form = lex.form(m.pattern);
                let known = &lex.entities[form.entity];
                let whole = matches!(form.kind, FormKind::Name | FormKind::Alias)
                    && matches!(known.entity_type, Some(EntityType::Bloc | EntityType::Organization))
                    && known.name != name;
                let opens = m.start == 0 && name[m.end..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase));
                let closes = m.end == name.len() && (name[..m.start].ends_with(" of the ") || name[..m.start].ends_with(" of "));
                if whole && (opens || closes) {
                    let parent = lexicon_entity(lex, entities, form.entity);
                    if parent != e && done.insert((e, parent)) {
                        facts.push(Fact { from: e, to: parent, relation: Relation::PartOf, sentence: si });
                    }
                    break;
                }
            }
        }
    }
}

/// The relation a title gives its holder towards `party`: the role's own, or its `of_state`
/// one when the party is a state; a deputy's post only represents.
fn title_relation(lex: &Lexicon, role: usize, title: &str, party: &ArticleEntity) -> Relation {
    let role = &lex.roles[role];
    let relation = match &role.of_state {
        Some(r) if party.kind == Kind::Actor && party.entity_type == Some(EntityType::State) => r.clone(),
        _ => role.relation.clone(),
    };
    subordinate(title, relation)
}

/// A vice, deputy or assistant head represents rather than leads; so do the head of one policy
/// ("EU foreign policy chief") and a head's staff ("Director of the Cabinet of the Prime Minister").
fn subordinate(title: &str, relation: Relation) -> Relation {
    let lower = title.to_lowercase();
    let second = ["vice", "deputy", "assistant", "first deputy", "under", "policy"].iter().any(|w| lower.split([' ', '-']).any(|x| x == *w));
    // "Director of the Diplomatic Cabinet of the Prime Minister of …": staff of the head.
    let staff = [" of the ", " to the "].iter().any(|sep| {
        lower.split(sep).skip(1).any(|rest| {
            ["president", "prime minister", "chancellor", "king", "queen", "emir", "premier"]
                .iter()
                .any(|r| rest.strip_prefix(r).is_some_and(|after| after.is_empty() || after.starts_with(' ')))
        })
    });
    let second = second || staff;
    if relation == Relation::Leads && second {
        Relation::Represents
    } else {
        relation
    }
}

fn follow(merged: &HashMap<usize, usize>, mut e: usize) -> usize {
    while let Some(&next) = merged.get(&e) {
        e = next;
    }
    e
}

/// An organisation by name: the lexicon's entity of that exact name, else one of the article.
/// A form of address before it is not part of the name ("Mr. President of the European Council").
fn body_entity(lex: &Lexicon, entities: &mut Entities, name: &str) -> usize {
    let name = without_address(lex, name);
    if let Some(state) = ministry_of(lex, name) {
        // "Chile's Ministry of Foreign Affairs sanctioned …", "the Peruvian Foreign Ministry
        // spokesman": a state's ministry acts for the state, and is one of its names.
        let id = lexicon_entity(lex, entities, state);
        let e = &mut entities.list[id];
        e.aliases.insert(name.to_string());
        let note = format!("'{name}' is a ministry of {}", e.name);
        if !e.merges.contains(&note) {
            e.merges.push(note);
        }
        return id;
    }
    match exact_lexicon(lex, name).filter(|e| !entities.out_of_context.contains(e)) {
        Some(e) => lexicon_entity(lex, entities, e),
        None => entities.get_or_add(format!("org:{}", name.to_lowercase()), || entity(name, Kind::Actor, Some(EntityType::Organization))),
    }
}

/// The state (lexicon index) whose ministry `name` is: "Ministry of Foreign Affairs of Chile",
/// "Peru's Ministry of Defence", "Bolivian Foreign Ministry"; one state named in it, by name,
/// alias or adjective.
fn ministry_of(lex: &Lexicon, name: &str) -> Option<usize> {
    if !name.split(' ').any(|w| w == "Ministry") {
        return None;
    }
    let mut states: Vec<usize> = lex
        .find_entities(name)
        .into_iter()
        .map(|m| lex.form(m.pattern).entity)
        .filter(|&e| lex.entities[e].entity_type == Some(EntityType::State))
        .collect();
    states.dedup();
    match states.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "Mrs. President of the European Commission" → "European Commission".
fn without_address<'n>(lex: &Lexicon, name: &'n str) -> &'n str {
    let words: Vec<&str> = name.split(' ').collect();
    let honorific = words.first().is_some_and(|w| lex.is_person_prefix(w.trim_end_matches('.')));
    if !honorific {
        return name;
    }
    match name.find(" of the ").map(|i| i + 8).or_else(|| name.find(" of ").map(|i| i + 4)) {
        Some(at) if at < name.len() => &name[at..],
        _ => name,
    }
}

fn exact_lexicon(lex: &Lexicon, name: &str) -> Option<usize> {
    lex.find_entities(name)
        .into_iter()
        .find(|m| m.start == 0 && m.end == name.len())
        .map(|m| lex.form(m.pattern).entity)
}

/// An institution by name; "X's Y" is a unit Y of parent X and resolves to X.
fn institution(lex: &Lexicon, entities: &mut Entities, name: &str) -> usize {
    // "Hungary's National Assembly" is a unit of Hungary; "King's College London" is one name
    // (its possessive a role word, not a body).
    let split = name.split_once("'s ").or_else(|| name.split_once("\u{2019}s ")).filter(|(p, _)| !lex.is_role_word(p.trim()));
    let (parent, unit) = match split {
        Some((p, u)) => (p.trim(), Some(u.trim())),
        None => (name, None),
    };
    let id = match exact_lexicon(lex, parent) {
        Some(e) => lexicon_entity(lex, entities, e),
        None => entities.get_or_add(format!("inst:{}", parent.to_lowercase()), || entity(parent, Kind::Institution, None)),
    };
    if let Some(unit) = unit {
        let e = &mut entities.list[id];
        e.aliases.insert(name.to_string());
        e.aliases.insert(unit.to_string());
        let note = format!("'{unit}' is a unit of {}", e.name);
        if !e.merges.contains(&note) {
            e.merges.push(note);
        }
    }
    id
}

/// "head of right-wing party Tikva Dan Levi", "Answering Ivan Petrov": a name of three
/// or more words whose first word is no given name and whose other words, opening with a given
/// name, the article names as a person on their own is that person with a word run into the
/// name. Returns the plain name.
fn run_into_name<'n>(name: &'n str, full_names: &HashSet<String>) -> Option<&'n str> {
    let (first, rest) = name.split_once(' ')?;
    let given = |w: &str| WordClasses::builtin().is_given_name(w);
    let plain = rest.contains(' ') && full_names.contains(&rest.to_lowercase()) && !given(first) && rest.split(' ').next().is_some_and(given);
    plain.then_some(rest)
}

/// The article's full person names, indexed by their first and last words.
#[derive(Default)]
struct FullNames {
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl FullNames {
    fn add(&mut self, name: &str, id: usize) {
        let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        for (map, word) in [(&mut self.by_last, words.last()), (&mut self.by_first, words.first())] {
            if let Some(w) = word {
                let ids = map.entry(w.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }

    /// Resolves a one-word person mention: the surname (last word) first, then the first word
    /// (family-name-first names such as "Li Wei"). Of several candidates, the one named most
    /// recently wins ("Park" after "Park Min-ji … Park Sung-ho … Park Min-ji").
    fn resolve(&self, word: &str, recent: &HashMap<usize, (usize, usize)>) -> Option<usize> {
        let lower = word.to_lowercase();
        let candidates = match self.by_last.get(&lower) {
            Some(ids) => ids,
            None => self.by_first.get(&lower)?,
        };
        match candidates.as_slice() {
            [id] => Some(*id),
            ids => {
                let mut seen: Vec<(usize, usize)> = ids.iter().filter_map(|id| recent.get(id).map(|&at| (at.0 * 1000 + at.1, *id))).collect();
                seen.sort();
                seen.last().map(|&(_, id)| id)
            }
        }
    }
}

fn speech_follows(text: &str, s: &Sentence, m: &Mention, lex: &Lexicon) -> bool {
    let next = s.tokens.get(m.end_token).map(|t| t.text(text));
    let prev = m.first_token.checked_sub(1).map(|i| s.tokens[i].text(text));
    // "the African states", "three Baltic states": a verb that is also a plural noun speaks
    // only after what the tagger reads as a person.
    let noun_too = |w: &str| matches!(w, "states" | "notes" | "points" | "comments" | "claims" | "remarks" | "tells");
    let tagged_person = matches!(m.target, Target::Person { tagged: true, .. });
    next.is_some_and(|w| lex.is_speech_verb(w) && (tagged_person || !noun_too(w)))
        || prev.is_some_and(|w| matches!(w, "said" | "says" | "told"))
}

/// "the Institute of … at the Andean Academy of Sciences": a unit followed by "at"/"of"
/// and a parent institution resolves to the parent.
fn institution_chains(
    text: &str,
    s: &Sentence,
    ms: &[Resolved],
    entities: &mut Entities,
    merged: &mut HashMap<usize, usize>,
) {
    for pair in ms.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (Some(unit), Some(parent)) = (a.entity.map(|e| follow(merged, e)), b.entity.map(|e| follow(merged, e))) else {
            continue;
        };
        let is_inst = |e: usize| entities.list[e].kind == Kind::Institution;
        if unit == parent || !is_inst(unit) || !is_inst(parent) {
            continue;
        }
        let between: Vec<&str> = (a.mention.end_token..b.mention.first_token).map(|k| s.tokens[k].text(text)).collect();
        if !matches!(between.as_slice(), ["at"] | ["at", "the"] | ["of"] | ["of", "the"]) {
            continue;
        }
        let unit_entity = entities.list[unit].clone();
        let pe = &mut entities.list[parent];
        pe.aliases.insert(unit_entity.name.clone());
        pe.aliases.extend(unit_entity.aliases.iter().cloned());
        let note = format!("'{}' is a unit of {}", unit_entity.name, pe.name);
        if !pe.merges.contains(&note) {
            pe.merges.push(note);
        }
        merged.insert(unit, parent);
        // Emptied: merged away; merging into the graph skips it.
        entities.list[unit].name = String::new();
    }
}

/// "Economic Community of West African States (ECOWAS)": an acronym in brackets whose letters are
/// the initials of the name before it is that entity, here and wherever else it is used.
fn bracketed_acronyms(text: &str, s: &Sentence, ms: &[Resolved], entities: &mut Entities, merged: &mut HashMap<usize, usize>) {
    for pair in ms.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(full) = a.entity.map(|e| follow(merged, e)) else { continue };
        let between: Vec<&str> = (a.mention.end_token..b.mention.first_token).map(|k| s.tokens[k].text(text)).collect();
        let closed = s.tokens.get(b.mention.end_token).is_some_and(|t| t.text(text) == ")");
        if between != ["("] || !closed || b.mention.end_token != b.mention.first_token + 1 {
            continue;
        }
        let acronym = &text[b.mention.start..b.mention.end];
        let person = |e: usize| entities.list[e].entity_type == Some(EntityType::Person);
        if person(full) || !is_acronym_of(acronym, &text[a.mention.start..a.mention.end]) {
            continue;
        }
        // The bracket itself and every other use of the acronym in the article.
        let others: Vec<usize> = (0..entities.list.len())
            .filter(|&e| e != full && !person(e) && !merged.contains_key(&e))
            .filter(|&e| Some(e) == b.entity || entities.list[e].name == acronym)
            .collect();
        entities.list[full].aliases.insert(acronym.to_string());
        for other in others {
            let gone = std::mem::take(&mut entities.list[other].name);
            let aliases = std::mem::take(&mut entities.list[other].aliases);
            entities.list[full].aliases.extend(aliases);
            if gone != acronym {
                entities.list[full].aliases.insert(gone);
            }
            merged.insert(other, full);
        }
        let fe = &mut entities.list[full];
        let note = format!("'{acronym}' is the acronym given for {}", fe.name);
        if !fe.merges.contains(&note) {
            fe.merges.push(note);
        }
    }
}

/// "ECOWAS" for "Economic Community of West African States", "JCPOA" for "Joint Comprehensive
/// Plan of Action": the initials of the capitalised words, or of all words but "the"/"and".
pub(crate) fn is_acronym_of(acronym: &str, name: &str) -> bool {
    // "AfCFTA": the capitals carry the initials.
    let letters: String = acronym.chars().filter(|c| c.is_uppercase()).collect();
    if letters.len() < 2 || !acronym.starts_with(|c: char| c.is_uppercase()) || !acronym.chars().all(char::is_alphanumeric) {
        return false;
    }
    let words: Vec<&str> = name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    let initials = |keep: &dyn Fn(&str) -> bool| -> String {
        words.iter().filter(|w| keep(w)).filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
    };
    let capitalised = initials(&|w: &str| w.chars().next().is_some_and(char::is_uppercase));
    let most = initials(&|w: &str| !matches!(w, "the" | "and" | "&"));
    letters == capitalised || letters == most
}

/// "Carla Rossi of the EC declared": a person named with the body they belong to represents
/// it (an organisation) or is affiliated with it (an institution).
fn members_of(text: &str, s: &Sentence, si: usize, ms: &[Resolved], entities: &Entities, facts: &mut Vec<Fact>) {
    let top: Vec<&Resolved> = ms.iter().filter(|r| !r.mention.in_compound).collect();
    for pair in top.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(person), Some(body)) = (a.entity, b.entity) else { continue };
        if !named_person(a) || a.mention.title.is_some() {
            continue;
        }
        let between: Vec<&str> = (a.mention.end_token..b.mention.first_token).map(|k| s.tokens[k].text(text)).collect();
        if !matches!(between.as_slice(), ["of"] | ["of", "the"]) {
            continue;
        }
        let e = &entities.list[body];
        let relation = match (e.kind, e.entity_type) {
            (Kind::Institution, _) => Relation::AffiliatedWith,
            (Kind::Actor, Some(EntityType::Organization | EntityType::Bloc)) => Relation::Represents,
            _ => continue,
        };
        facts.push(Fact { from: person, to: body, relation, sentence: si });
    }
}

/// The words an article writes in lower case, gathered once per article on first use: maximal runs
/// of ASCII letters and digits, so a lookup agrees with a whole-word search of the text.
struct LowerWords<'t> {
    text: &'t str,
    words: std::cell::OnceCell<HashSet<&'t str>>,
}

impl<'t> LowerWords<'t> {
    fn new(text: &'t str) -> Self {
        LowerWords { text, words: std::cell::OnceCell::new() }
    }

    /// Whether `lower` (a lower-case word) occurs in the text as a whole word.
    fn contains(&self, lower: &str) -> bool {
        if !lower.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // Hyphens or non-ASCII letters: not one run, search the text itself.
            let bytes = self.text.as_bytes();
            return self.text.match_indices(lower).any(|(at, _)| {
                let before = at.checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(at + lower.len()).copied();
                !before.is_some_and(|b| b.is_ascii_alphanumeric()) && !after.is_some_and(|b| b.is_ascii_alphanumeric())
            });
        }
        self.words
            .get_or_init(|| {
                self.text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()))
                    .collect()
            })
            .contains(lower)
    }
}

/// One capitalised word the tagger read as an organisation but that is a common noun: a
/// portfolio or generic word ("Science", "Board", "Conference"), or one the article also writes in
/// lower case ("Order" beside "in order to"). Names such as "Gazprom" or "Hamas" pass.
fn common_word(lex: &Lexicon, lower_words: &LowerWords, name: &str) -> bool {
    if name.contains(' ') || name.chars().filter(|c| c.is_uppercase()).count() > 1 || exact_lexicon(lex, name).is_some() {
        return false;
    }
    if lex.is_portfolio_word(name) || lex.is_common_noun(name) || super::common_words::is_common_word(name) {
        return true;
    }
    lower_words.contains(&name.to_lowercase())
}

/// "direct dialogue with Donetsk and Lugansk", "a ban on imports from Ukraine", "draft documents
/// on providing legally binding security guarantees": an issue or proposal with the phrase that
/// completes it keeps that fuller form as an alias, so a search for it finds the node.
fn complemented_aliases(text: &str, sentences: &[Sentence], mentions: &[Vec<Resolved>], entities: &mut Entities, lex: &Lexicon) {
    const OPENERS: &[&str] = &["of", "with", "on", "for", "from", "in", "between", "concerning", "regarding", "against", "to"];
    const STOPS: &[&str] = &[
        "that", "which", "who", "whom", "whose", "while", "because", "but", "as", "if", "when", "where", "than", "so", "to",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should",
        "must", "may", "might", "do", "does", "did", "need", "needs", "remain", "remains", "after", "before", "since",
        "by", "at", "into", "over", "during", "until", "within", "this", "these", "those", "it", "its",
    ];
    for (si, sentence) in mentions.iter().enumerate() {
        let tokens = &sentences[si].tokens;
        let word = |k: usize| tokens[k].text(text);
        for r in sentence.iter().filter(|r| !r.mention.in_compound) {
            let Some(e) = r.entity else { continue };
            if !matches!(entities.list[e].kind, Kind::Issue | Kind::Proposal) {
                continue;
            }
            let start = r.mention.end_token;
            if start >= tokens.len() || !OPENERS.contains(&word(start)) {
                continue;
            }
            let mut end = start + 1;
            while end < tokens.len() && end < start + 7 {
                let w = word(end);
                // A comma inside a list of names ("between Armenia, Azerbaijan and Russia").
                let listed = w == "," && tokens.get(end + 1).is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
                let wordlike = w.chars().next().is_some_and(char::is_alphanumeric) || listed;
                // "and" joins names ("Donetsk and Lugansk"), not a new clause ("and formalising").
                let joins = w != "and" || tokens.get(end + 1).is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
                let participle = w.len() > 4 && w.chars().all(char::is_lowercase) && w.ends_with("ed");
                // One phrase: a second preposition ("sanctions against Russia for the war") or a
                // word after a name that is not part of it ("sanctions against Iran shows") ends it.
                let second = w != "of" && OPENERS.contains(&w);
                // ("Russian oligarchs": a demonym is an adjective and goes on.)
                let after_name = word(end - 1).starts_with(char::is_uppercase)
                    && lex.demonym_entity(word(end - 1)).is_none()
                    && w.starts_with(char::is_lowercase)
                    && !matches!(w, "and" | "of" | "'s" | "\u{2019}s");
                if !wordlike || STOPS.contains(&w) || !joins || participle || second || after_name {
                    break;
                }
                end += 1;
            }
            while end > start + 1 && (matches!(word(end - 1), "the" | "a" | "an" | "and" | ",") || OPENERS.contains(&word(end - 1))) {
                end -= 1;
            }
            if end <= start + 1 {
                continue;
            }
            let fuller = &text[r.mention.start..tokens[end - 1].end];
            if !fuller.contains('\n') {
                entities.list[e].aliases.insert(fuller.to_string());
            }
        }
    }
}

/// "the bloc's top trade official", "the alliance agreed": a definite "bloc" or "alliance" names
/// the last bloc (or alliance) the article mentioned.
fn definite_blocs(text: &str, sentences: &[Sentence], mentions: &mut [Vec<Resolved>], entities: &Entities) {
    let alliance = |e: usize| {
        let x = &entities.list[e];
        x.name.contains("NATO") || x.name.contains("Alliance") || x.aliases.iter().any(|a| a == "NATO")
    };
    let bloc = |e: usize| entities.list[e].entity_type == Some(EntityType::Bloc);
    let mut last_bloc = None;
    let mut last_alliance = None;
    for (si, s) in sentences.iter().enumerate() {
        let tokens = &s.tokens;
        let mut added = Vec::new();
        for k in 1..tokens.len() {
            let word = tokens[k].text(text).to_lowercase();
            let referent = match word.as_str() {
                "bloc" => last_bloc,
                "alliance" => last_alliance,
                _ => None,
            };
            let definite = tokens[k - 1].text(text).eq_ignore_ascii_case("the");
            let free = !mentions[si].iter().any(|r| r.mention.first_token <= k && k < r.mention.end_token);
            let (Some(e), true, true) = (referent, definite, free) else { continue };
            let possessive = tokens.get(k + 1).is_some_and(|t| matches!(t.text(text), "'s" | "\u{2019}s"));
            let mention = Mention {
                start: tokens[k].start,
                end: tokens[k].end,
                first_token: k,
                end_token: k + 1,
                mention_type: MentionType::Organization,
                target: Target::Unlinked,
                title: None,
                possessive,
                proposer: None,
                in_compound: false,
            };
            added.push(Resolved { mention, entity: Some(e) });
        }
        // What this sentence names is what the next one's "the bloc" refers to.
        for r in &mentions[si] {
            if let Some(e) = r.entity {
                if bloc(e) {
                    last_bloc = Some(e);
                }
                if alliance(e) {
                    last_alliance = Some(e);
                }
            }
        }
        if !added.is_empty() {
            mentions[si].extend(added);
            mentions[si].sort_by_key(|r| (r.mention.start, r.mention.end));
        }
    }
}

/// "former US President …", "the late King …", "ex-minister …", "Russian opposition leader …",
/// "wife of the President …":
/// a title whose holder does not (or no longer) hold the post for the party it names.
fn post_not_held(text: &str, s: &Sentence, first_token: usize, title: &str) -> bool {
    let lower = title.to_lowercase();
    let inside = lower.split([' ', '-']).any(|w| matches!(w, "former" | "ex" | "late" | "opposition"));
    let before = (first_token.saturating_sub(2)..first_token)
        .any(|k| matches!(s.tokens[k].text(text).to_lowercase().as_str(), "former" | "late" | "then" | "ex"));
    // "Wife of the President of Chile Marta Reyes": the post is a relative's. (In "Park Min-ji,
    // sister of the leader Park Sung-ho" the relative is the one named before.)
    let kin = first_token >= 2
        && (first_token.saturating_sub(3)..first_token).any(|k| {
            let opens_phrase = k == 0 || matches!(s.tokens[k - 1].text(text), "the" | "The" | "with" | "by");
            opens_phrase
                && matches!(
                    s.tokens[k].text(text).to_lowercase().as_str(),
                    "wife" | "husband" | "spouse" | "widow" | "son" | "daughter" | "mother" | "father" | "brother" | "sister"
                )
                && s.tokens.get(k + 1).is_some_and(|t| t.text(text) == "of")
        });
    inside || before || kin
}

/// A person named in the text, not a title standing for one.
fn named_person(r: &Resolved) -> bool {
    r.mention.mention_type == MentionType::Person && !matches!(r.mention.target, Target::Title)
}

/// "Amara Okafor, a researcher at the Institute …, said": the apposition after a person makes
/// them an expert affiliated with the institutions it names, or an official of the party it names.
fn appositions(
    text: &str,
    s: &Sentence,
    si: usize,
    ms: &[Resolved],
    lex: &Lexicon,
    entities: &mut Entities,
    facts: &mut Vec<Fact>,
) {
    for (i, r) in ms.iter().enumerate() {
        let Some(person) = r.entity else { continue };
        if r.mention.mention_type != MentionType::Person {
            continue;
        }
        let tokens = &s.tokens;
        let start = r.mention.end_token;
        // Apposition after the name: ", … ," up to the next comma outside a mention.
        let after = (start < tokens.len() && tokens[start].text(text) == ",").then(|| {
            let mut end = start + 1;
            while end < tokens.len() {
                let inside = ms.iter().any(|o| o.mention.first_token < end && end < o.mention.end_token);
                let t = tokens[end].text(text);
                if !inside && matches!(t, "," | ";" | ":" | "(" | ")" | "\u{2014}" | "\"" | "\u{201c}" | "\u{201d}") {
                    break;
                }
                // "…, the US National Security Advisor.": the sentence's end closes it too.
                if end + 1 == tokens.len() && matches!(t, "." | "!") {
                    break;
                }
                end += 1;
            }
            (start + 1, end)
        });
        // Or a description right before it: "Lagos University researcher Amara Okafor".
        let before = {
            let mut k = r.mention.first_token;
            while k > 0 && {
                let t = tokens[k - 1].text(text);
                t.chars().all(|c| c.is_lowercase()) && !matches!(t, "and" | "or" | "said" | "by" | "with" | "to" | "the" | "a" | "an")
                    || ms.iter().any(|o| o.mention.end_token == k && o.entity.is_some_and(|e| entities.list[e].kind == Kind::Institution))
            } {
                let owner = ms.iter().find(|o| o.mention.end_token == k);
                k = owner.map_or(k - 1, |o| o.mention.first_token);
            }
            (k < r.mention.first_token).then_some((k, r.mention.first_token))
        };
        for (from, to) in [after, before].into_iter().flatten() {
            if from >= to {
                continue;
            }
            // "…, vice director of the Central Committee and sister of leader Park Sung-ho,": the
            // description ends where another person starts.
            let to = ms
                .iter()
                .filter(|o| named_person(o) && o.mention.first_token >= from && o.mention.first_token < to)
                .map(|o| o.mention.first_token)
                .min()
                .map_or(to, |p| {
                    let mut cut = p;
                    while cut > from && matches!(tokens[cut - 1].text(text), "and" | "the" | "of" | "," | "sister" | "brother" | "wife" | "husband" | "son" | "daughter") {
                        cut -= 1;
                    }
                    cut
                });
            // "NAME, who was appointed Minister for …,": the post the clause gives is a description.
            let mut from = from;
            if tokens[from].text(text) == "who" {
                let given = (from + 1..(from + 5).min(to)).find(|&k| matches!(tokens[k].text(text), "appointed" | "named" | "elected" | "reappointed" | "re-elected"));
                let passive = given.is_some_and(|g| (from + 1..g).all(|k| matches!(tokens[k].text(text), "was" | "is" | "has" | "been" | "had" | "recently" | "newly" | "just")));
                if let Some(g) = given.filter(|_| passive) {
                    from = if g + 1 < to && tokens[g + 1].text(text) == "as" { g + 2 } else { g + 1 };
                }
            }
            if from >= to {
                continue;
            }
            let words: Vec<&str> = (from..to).map(|k| tokens[k].text(text)).collect();
            // A clause with a verb is no apposition: ", the Ukrainian head of state stressed that …".
            // ("United States" is no "states": only lower-case words are verbs here.)
            let clause = words.iter().filter(|w| w.starts_with(char::is_lowercase)).any(|w| {
                lex.is_speech_verb(w)
                    || matches!(*w, "that" | "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "would" | "said" | "says")
            });
            if clause {
                continue;
            }
            let phrase = text[tokens[from].start..tokens[to - 1].end].to_string();
            let lower = phrase.to_lowercase();
            let expert_word = words.iter().any(|w| lex.is_expert_word(w))
                || ["research fellow", "think tank", "senior fellow", "political scientist"].iter().any(|p| lower.contains(p));
            let inner: Vec<&Resolved> = ms[..]
                .iter()
                .filter(|o| o.mention.first_token >= from && o.mention.end_token <= to && o.entity.is_some())
                .collect();
            let institutions: Vec<usize> = inner
                .iter()
                .filter_map(|o| o.entity)
                .filter(|&e| entities.list[e].kind == Kind::Institution)
                .collect();
            let starts_like_role = words.first().is_some_and(|w| matches!(*w, "a" | "an" | "the" | "head" | "director" | "professor" | "chief" | "senior" | "deputy"))
                || words.first().is_some_and(|w| lex.is_expert_word(w));
            // Someone described by their post at a university or think tank comments as an expert.
            let academic = !institutions.is_empty() && lex.find_roles(&text[tokens[from].start..tokens[to - 1].end]).iter().all(|_| true);
            if (expert_word || academic) && (!institutions.is_empty() || starts_like_role) {
                let e = &mut entities.list[person];
                e.kind = Kind::Expert;
                e.roles.insert(phrase.trim_start_matches(|c: char| c == ',' || c.is_whitespace()).to_string());
                for inst in institutions {
                    facts.push(Fact { from: person, to: inst, relation: Relation::AffiliatedWith, sentence: si });
                }
                continue;
            }
            // An official: ", the Russian foreign minister," or ", spokesperson for the Kremlin,".
            // An apposition naming another person is a list, not a description.
            // A title there describes only in a closed apposition ("NAME, the AU's Commissioner
            // for …, declared"); open, it is the next clause's subject ("… with NAME, the
            // President of Russia reaffirmed").
            let closed = to < tokens.len() && matches!(tokens[to].text(text), "," | ";" | ")" | "\u{2014}")
                || to + 1 == tokens.len() && matches!(tokens[to].text(text), "." | "!");
            let title = ms
                .iter()
                .find(|o| matches!(o.mention.target, Target::Title) && o.mention.first_token >= from && o.mention.end_token <= to);
            // Words after the title make it a clause too ("NAME, the President of Russia
            // briefed him on …, …").
            let title_clause = title.is_some_and(|t| !closed || t.mention.end_token < to);
            if inner.iter().any(|o| named_person(o)) || title_clause {
                continue;
            }
            let roles = lex.find_roles(&phrase);
            // "the Democratic Party's nominee for President of …" holds no such post yet.
            let sought = words.iter().any(|w| matches!(*w, "nominee" | "candidate" | "contender" | "hopeful"));
            if let Some(role) = roles.first().filter(|_| !sought) {
                // The party the title names after it ("head of the Pacific Command"), else one
                // before it ("the Russian foreign minister").
                let role_end = tokens[from].start + role.end;
                let is_party = |e: usize| {
                    let k = &entities.list[e];
                    k.kind == Kind::Actor && k.entity_type != Some(EntityType::Person)
                };
                let after_role = inner.iter().filter(|o| o.mention.start >= role_end).filter_map(|o| o.entity).find(|&e| is_party(e));
                let party = after_role.or_else(|| inner.iter().rev().filter_map(|o| o.entity).find(|&e| is_party(e)));
                let _ = i;
                if let Some(party) = party {
                    // "the chairman of the US Joint Chiefs of Staff": a state that only qualifies a
                    // body's name is served, not led.
                    let qualifies_body = entities.list[party].entity_type == Some(EntityType::State)
                        && inner.iter().find(|o| o.entity == Some(party)).is_some_and(|o| {
                            let next = o.mention.end_token;
                            next < to && tokens[next].text(text).starts_with(char::is_uppercase) && !inner.iter().any(|p| p.mention.first_token == next)
                        });
                    let e = &mut entities.list[person];
                    e.roles.insert(phrase.clone());
                    let relation = title_relation(lex, role.pattern, &phrase, &entities.list[party]);
                    let relation = if qualifies_body && relation == Relation::Leads { Relation::Represents } else { relation };
                    // "…, Head of the Foreign Policy Department of the Office of the Prime Minister
                    // of the Republic of Peru.": staff of a state's office serve the state.
                    let state = inner.iter().rev().filter_map(|o| o.entity).find(|&e| entities.list[e].entity_type == Some(EntityType::State));
                    let party = match state {
                        Some(s) if relation == Relation::Represents && entities.list[party].entity_type != Some(EntityType::State) => s,
                        _ => party,
                    };
                    facts.push(Fact { from: person, to: party, relation, sentence: si });
                }
            }
        }
    }
}

impl Analysis {
    /// Resolves the head-of-state titles the article left without a holder ("The Russian
    /// President said", in an article that never names him) to the person `leader_of` knows
    /// leads that party from earlier articles.
    pub fn resolve_titles_with(&mut self, lex: &Lexicon, leader_of: impl Fn(&str) -> Option<String>) {
        for si in 0..self.mentions.len() {
            for mi in 0..self.mentions[si].len() {
                let r = &self.mentions[si][mi];
                if r.entity.is_some() || r.mention.target != Target::Title {
                    continue;
                }
                let Some(title) = r.mention.title.clone() else { continue };
                let Some(party) = title.party else { continue };
                if subordinate(&title.text, lex.roles[title.role].relation.clone()) != Relation::Leads {
                    continue;
                }
                // "the chairman of the US Joint Chiefs of Staff" heads a body, not the state: every
                // capitalised word of the title is a role word or the party's own.
                let entry = &lex.entities[party];
                let party_words: HashSet<&str> = std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .chain(&entry.metonyms)
                    .chain(&entry.demonyms)
                    .flat_map(|f| f.split_whitespace())
                    .collect();
                let heads_state = title
                    .text
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .all(|w| lex.is_role_word(w) || party_words.contains(w) || matches!(w, "The" | "Federal" | "State"));
                if !heads_state {
                    continue;
                }
                let party_name = &lex.entities[party].name;
                let Some(name) = leader_of(party_name) else { continue };
                let existing = self.entities.iter().position(|e| e.name == name && e.entity_type == Some(EntityType::Person));
                let id = existing.unwrap_or_else(|| {
                    self.entities.push(entity(&name, Kind::Actor, Some(EntityType::Person)));
                    self.entities.len() - 1
                });
                let note = format!("'{}' is {name} (leads {party_name} in the graph)", title.text);
                let e = &mut self.entities[id];
                e.roles.insert(title.text.clone());
                if !e.merges.contains(&note) {
                    e.merges.push(note);
                }
                self.mentions[si][mi].entity = Some(id);
            }
        }
    }

    /// "President Ana Reyes said", in an article that never says of what: the person leads the
    /// party `party_led_by` knows they lead from earlier articles, when this article names it.
    pub fn lead_parties_with(&mut self, lex: &Lexicon, party_led_by: impl Fn(&str) -> Option<String>) {
        for si in 0..self.mentions.len() {
            for r in &self.mentions[si] {
                let (Some(title), Some(p)) = (&r.mention.title, r.entity) else { continue };
                let person = &self.entities[p];
                if title.party.is_some() || title.body.is_some() || person.entity_type != Some(EntityType::Person) {
                    continue;
                }
                if subordinate(&title.text, lex.roles[title.role].relation.clone()) != Relation::Leads {
                    continue;
                }
                if self.facts.iter().any(|f| f.from == p && matches!(f.relation, Relation::Leads | Relation::Represents)) {
                    continue;
                }
                let Some(party_name) = party_led_by(&person.name) else { continue };
                let Some(party) = self.entities.iter().position(|e| e.name == party_name && e.kind == Kind::Actor) else { continue };
                let note = format!("'{}' is of {party_name} ({} leads it in the graph)", title.text, person.name);
                let e = &mut self.entities[p];
                if !e.merges.contains(&note) {
                    e.merges.push(note);
                }
                self.facts.push(Fact { from: p, to: party, relation: Relation::Leads, sentence: si });
            }
        }
        // "Milan Jovic had a telephone conversation with …", in a readout that never titles him:
        // someone the graph knows leads a state leads it here too, where a sentence names both
        // (not when the article calls them former, or gives them a post of its own).
        for p in 0..self.entities.len() {
            let person = &self.entities[p];
            if person.entity_type != Some(EntityType::Person) || person.kind != Kind::Actor || person.name.is_empty() {
                continue;
            }
            if person.roles.iter().any(|r| r.to_lowercase().contains("former")) {
                continue;
            }
            if self.facts.iter().any(|f| f.from == p && matches!(f.relation, Relation::Leads | Relation::Represents)) {
                continue;
            }
            let Some(party_name) = party_led_by(&person.name) else { continue };
            let Some(party) = self.entities.iter().position(|e| e.name == party_name && e.kind == Kind::Actor && e.entity_type == Some(EntityType::State)) else {
                continue;
            };
            let both = (0..self.mentions.len()).find(|&si| {
                let has = |e: usize| self.mentions[si].iter().any(|r| r.entity == Some(e));
                has(p) && has(party)
            });
            if let Some(si) = both {
                let note = format!("leads {party_name}, as the graph knows");
                let e = &mut self.entities[p];
                if !e.merges.contains(&note) {
                    e.merges.push(note);
                }
                self.facts.push(Fact { from: p, to: party, relation: Relation::Leads, sentence: si });
            }
        }
    }

    /// Keeps the tentative one-word names that `known` accepts (a person of an earlier article)
    /// and forgets the others, before relations are extracted.
    pub fn settle_tentative(&mut self, known: impl Fn(&str) -> bool) {
        let mut dropped = vec![false; self.entities.len()];
        for (i, e) in self.entities.iter_mut().enumerate() {
            if e.tentative {
                if known(&e.name) {
                    e.tentative = false;
                } else {
                    dropped[i] = true;
                    e.name.clear();
                }
            }
        }
        for r in self.mentions.iter_mut().flatten() {
            if r.entity.is_some_and(|e| dropped[e]) {
                r.entity = None;
            }
        }
        self.facts.retain(|f| !dropped[f.from] && !dropped[f.to]);
    }
}
