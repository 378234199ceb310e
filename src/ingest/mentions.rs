//! Mention finding: where a sentence names a party, a person, an institution, a proposal or an
//! issue. Sources, in priority order: role titles before a name ("US special envoy Jane
//! Roe"), capitalised names with an institution or organisation head word, the lexicon's
//! known entities (names, aliases, capitals as metonyms, demonyms), issue phrases, proposal
//! noun phrases ("a US-proposed 12-point peace plan"), and remaining capitalised names.
//!
//! Pure functions over one sentence; resolving mentions to entities across sentences is
//! `resolve`'s job.

use super::text::{self, Sentence, Token};
use crate::lexicon::{FormKind, Lexicon};
use crate::model::{EntityType, Kind, Relation};
use crate::ner::history::History;
use crate::ner::gazetteer::WordClasses;
use crate::ner::{NerModel, NerTag, NerType};

/// The coarse type of a mention, as `newsgraph mentions` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionType {
    Person,
    Organization,
    Place,
    Proposal,
    Issue,
    Other,
}

impl MentionType {
    /// The name printed in the mentions TSV.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Person => "person",
            MentionType::Organization => "organization",
            MentionType::Place => "place",
            MentionType::Proposal => "proposal",
            MentionType::Issue => "issue",
            MentionType::Other => "other",
        }
    }
}

/// What a mention refers to, before resolution across the article.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A lexicon entity (index into `Lexicon::entities`), through one of its forms.
    Known { entity: usize, form: FormKind },
    /// A person, by the name as written (possibly a surname only); `tagged` when the statistical
    /// tagger also reads it as a person.
    Person { name: String, single: bool, tagged: bool },
    /// An institution (university, think tank …) by name.
    Institution { name: String },
    /// An organisation that acts (ministry, party, council …) by name.
    Organization { name: String },
    /// A proposal. `key` groups mentions of the same proposal; `anaphoric` mentions ("the plan")
    /// refer back to the last proposal named.
    Proposal { name: String, key: String, anaphoric: bool, short: Option<String> },
    /// An issue (index into `Lexicon::issues`).
    Issue { issue: usize },
    /// A role title standing for its holder ("the President of Russia", "the Russian leader");
    /// resolution finds the person who holds it in the article.
    Title,
    /// A place or other name that is not a node.
    Unlinked,
}

/// A role title attached to a person mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// The title as written ("Russian President", "US special envoy").
    pub text: String,
    /// Index into `Lexicon::roles`.
    pub role: usize,
    /// The party named with the title, a lexicon entity.
    pub party: Option<usize>,
    /// A body named in the title that is not in the lexicon ("President of the European
    /// Council"): the person leads or serves it.
    pub body: Option<String>,
}

/// How a proposal mention was qualified by a party ("US-proposed", "Washington's", "US-backed").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalLink {
    Proposed,
    Supported,
}

/// One mention in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte span of the whole mention (title included).
    pub start: usize,
    pub end: usize,
    /// Token range in the sentence (whole mention).
    pub first_token: usize,
    pub end_token: usize,
    pub mention_type: MentionType,
    pub target: Target,
    pub title: Option<Title>,
    /// Followed by a possessive "'s".
    pub possessive: bool,
    /// A party qualifying a proposal mention, with how.
    pub proposer: Option<(usize, ProposalLink)>,
    /// Found inside a hyphenated word ("US" in "US-proposed").
    pub in_compound: bool,
}

struct Scan<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    tokens: &'a [Token],
    covered: Vec<bool>,
    /// Tokens holding a known entity inside a hyphenated word ("US-European").
    compound: Vec<bool>,
    /// Tokens where a known entity's name starts.
    entity_start: Vec<bool>,
    /// The statistical tagger's reading of each token.
    ner: Vec<NerTag>,
    out: Vec<Mention>,
}

/// Ranks written before a title that belong to it ("First Deputy Head", "Acting Director").
pub(crate) const RANK_WORDS: &[&str] = &["Deputy", "First", "Acting"];

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
];

const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

/// "NATO", "U.S.": an all-capitals word is an acronym, never a surname.
fn initial_caps_word(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() > 1 && t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn is_particle(t: &str) -> bool {
    matches!(t, "bin" | "al" | "de" | "van" | "von" | "der" | "den" | "da" | "di" | "du" | "la" | "le" | "ibn" | "dos" | "das" | "del")
}

/// Singular of a proposal head noun ("accords" → "accord").
fn lemma_of(head: &str) -> String {
    match head {
        "treaties" => "treaty".into(),
        "road map" => "roadmap".into(),
        _ => head.strip_suffix('s').filter(|h| !h.ends_with('s')).unwrap_or(head).to_string(),
    }
}

fn is_capitalised(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => chars.next().is_none_or(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\''),
        _ => false,
    }
}

fn is_name_token(t: &str) -> bool {
    let particle = ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "abu-", "bin-", "ibn-"]
        .iter()
        .any(|p| t.starts_with(p) && t[p.len()..].chars().next().is_some_and(char::is_uppercase));
    (is_capitalised(t) || particle) && t.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.')) && !glued(t)
}

/// Two words run together by a broken page ("ReyesPresident"): a capital after three or more
/// lower-case letters. "McDonald", "MacArthur", "DiCaprio" keep theirs after one or two.
fn glued(t: &str) -> bool {
    let mut lower_run = 0;
    for c in t.chars() {
        if c.is_uppercase() && lower_run >= 3 {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// Finds the mentions of one sentence (read on its own), in text order.
pub fn find_mentions(text: &str, sentence: &Sentence, lex: &Lexicon) -> Vec<Mention> {
    find_mentions_tagged(text, sentence, lex, &mut NerModel::bundled().new_history()).0
}

/// Finds the mentions of one sentence of an article, in text order, with the tagger's reading of
/// each token; `history` carries what the tagger read in the article's earlier sentences.
pub fn find_mentions_tagged(text: &str, sentence: &Sentence, lex: &Lexicon, history: &mut History) -> (Vec<Mention>, Vec<NerTag>) {
    let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text(text)).collect();
    let tags = NerModel::bundled().tag_next(&words, history);
    find_mentions_with_tags(text, sentence, lex, tags)
}

/// [`find_mentions_tagged`] with the tagger's reading of the sentence's tokens already made
/// (e.g. by [`tag_sentences`]).
pub fn find_mentions_with_tags(text: &str, sentence: &Sentence, lex: &Lexicon, tags: Vec<NerTag>) -> (Vec<Mention>, Vec<NerTag>) {
    let tokens = &sentence.tokens;
    let mut scan = Scan { text, lex, tokens, covered: vec![false; tokens.len()], compound: vec![false; tokens.len()], entity_start: vec![false; tokens.len()], ner: tags, out: Vec::new() };
    scan.split_possessive_names();
    scan.skip_currencies();
    let entity_spans = scan.entity_spans(sentence);
    for sp in &entity_spans {
        if sp.in_compound {
            for c in &mut scan.compound[sp.first..sp.end] {
                *c = true;
            }
        } else {
            scan.entity_start[sp.first] = true;
        }
    }
    scan.titled_persons(&entity_spans);
    scan.named_bodies(&entity_spans);
    scan.proposals(&entity_spans);
    scan.cued_proposals(&entity_spans);
    scan.issues(sentence, &entity_spans);
    scan.known_entities(&entity_spans);
    scan.names();
    scan.tagged_names();
    scan.out.sort_by_key(|m| (m.start, m.end));
    (scan.out, scan.ner)
}

/// Tags the sentences of one article in order with the bundled tagger (one document history),
/// handing each sentence's tags to `each` as soon as they are made.
pub fn tag_sentences(text: &str, sentences: &[Sentence], mut each: impl FnMut(Vec<NerTag>)) {
    let model = NerModel::bundled();
    let mut history = model.new_history();
    for s in sentences {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.text(text)).collect();
        each(model.tag_next(&words, &mut history));
    }
}

/// A lexicon match mapped onto tokens: token range, entity index, form, and whether it sits
/// inside a hyphenated token.
#[derive(Debug, Clone, Copy)]
struct EntitySpan {
    first: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
    entity: usize,
    form: FormKind,
    in_compound: bool,
}

impl<'a> Scan<'a> {
    fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn token_at_start(&self, byte: usize) -> Option<usize> {
        text::token_starting_at(self.tokens, byte)
    }

    fn token_at_end(&self, byte: usize) -> Option<usize> {
        text::token_ending_at(self.tokens, byte)
    }

    fn token_containing(&self, byte: usize) -> Option<usize> {
        text::token_containing(self.tokens, byte)
    }

    fn entity_spans(&self, s: &Sentence) -> Vec<EntitySpan> {
        let slice = &self.text[s.start..s.end];
        let mut out = Vec::new();
        for m in self.lex.find_entities(slice) {
            let (sb, eb) = (s.start + m.start, s.start + m.end);
            let form = self.lex.form(m.pattern);
            match (self.token_at_start(sb), self.token_at_end(eb)) {
                (Some(first), Some(end)) => out.push(EntitySpan {
                    first,
                    end,
                    start_byte: sb,
                    end_byte: eb,
                    entity: form.entity,
                    form: form.kind,
                    in_compound: false,
                }),
                _ => {
                    // Inside a hyphenated token: "US-proposed", "US-European".
                    let Some(first) = self.token_containing(sb) else { continue };
                    let Some(last) = self.token_containing(eb.saturating_sub(1)) else { continue };
                    let tok = &self.tokens[first];
                    let joined_by_hyphen = (sb == tok.start || self.text[..sb].ends_with('-'))
                        && (eb == self.tokens[last].end || self.text[eb..].starts_with('-'));
                    if joined_by_hyphen {
                        out.push(EntitySpan {
                            first,
                            end: last + 1,
                            start_byte: sb,
                            end_byte: eb,
                            entity: form.entity,
                            form: form.kind,
                            in_compound: true,
                        });
                    }
                }
            }
        }
        out
    }

    fn span_ending_at(spans: &[EntitySpan], end: usize) -> Option<EntitySpan> {
        spans.iter().copied().find(|s| s.end == end && !s.in_compound)
    }

    /// A known entity mentioned inside another mention ("Russian" in a title, "NATO" in an
    /// issue): it makes the node and counts as co-mentioned, but is no subject or object.
    fn nested(&self, sp: &EntitySpan) -> Mention {
        Mention {
            start: sp.start_byte,
            end: sp.end_byte,
            first_token: sp.first,
            end_token: sp.end,
            mention_type: self.known_type(sp.entity, sp.form),
            target: Target::Known { entity: sp.entity, form: sp.form },
            title: None,
            possessive: false,
            proposer: None,
            in_compound: true,
        }
    }

    /// A mention over tokens `from..to` with no title, proposer or nesting.
    fn mention(&self, from: usize, to: usize, mention_type: MentionType, target: Target) -> Mention {
        Mention {
            start: self.tokens[from].start,
            end: self.tokens[to - 1].end,
            first_token: from,
            end_token: to,
            mention_type,
            target,
            title: None,
            possessive: self.possessive_at(to),
            proposer: None,
            in_compound: false,
        }
    }

    fn push(&mut self, m: Mention) {
        for c in &mut self.covered[m.first_token..m.end_token] {
            *c = true;
        }
        self.out.push(m);
    }

    fn free(&self, from: usize, to: usize) -> bool {
        to <= self.tokens.len() && self.covered[from..to].iter().all(|c| !c)
    }

    fn possessive_at(&self, i: usize) -> bool {
        i < self.tokens.len() && matches!(self.tok(i), "'s" | "\u{2019}s" | "'" | "\u{2019}")
    }

    /// "Russian President Ivan Petrov", "US special envoy Jane Roe", "President of
    /// Argentina Alberto Fernández": a role title, optionally with its party, then a name.
    fn titled_persons(&mut self, spans: &[EntitySpan]) {
        let s = &self.text[self.tokens.first().map_or(0, |t| t.start)..self.tokens.last().map_or(0, |t| t.end)];
        let base = self.tokens.first().map_or(0, |t| t.start);
        let roles = self.lex.find_roles(s);
        for r in roles {
            let (Some(a), Some(mut b)) = (self.token_at_start(base + r.start), self.token_at_end(base + r.end)) else {
                continue;
            };
            if !self.free(a, b) {
                continue;
            }
            let mut party = None;
            let mut body: Option<(usize, usize)> = None;
            let mut adjective_party = false;
            // "President of Argentina Marta Quiroga", "Spokesperson for the Chinese Foreign
            // Ministry Li Wen": the party after "of"/"for", then the name.
            if b + 1 < self.tokens.len() && matches!(self.tok(b), "of" | "for") {
                let mut j = b + 1;
                if self.tok(j) == "the" {
                    j += 1;
                }
                // A named body ("the European Council", "the Joint Chiefs of Staff"): capitalised
                // words up to a body's head word, even when a known name opens it ("European").
                let mut k = j;
                let mut head = None;
                while k < self.tokens.len() && k < j + 6 && (is_capitalised(self.tok(k)) || self.lex.is_name_connector(self.tok(k))) {
                    if self.lex.is_organization_word(self.tok(k)) || self.lex.is_institution_word(self.tok(k)) {
                        head = Some(k);
                    }
                    k += 1;
                }
                // "the Grand Duchy of Luxembourg", "the Kingdom of Denmark": a state's formal
                // style before its name.
                const STYLE: &[&str] = &[
                    "Grand", "Duchy", "Kingdom", "Republic", "Principality", "Sultanate", "Emirate", "State", "Federal",
                    "Federative", "Commonwealth", "Islamic", "Democratic", "People's", "Socialist", "Arab", "Bolivarian",
                    "Plurinational", "Hashemite", "Oriental", "Cooperative", "Co-operative", "Union",
                ];
                let mut styled = j;
                while styled < j + 4 && styled < self.tokens.len() && STYLE.contains(&self.tok(styled)) {
                    styled += 1;
                }
                let known = spans.iter().find(|sp| sp.first == j && !sp.in_compound).or_else(|| (styled > j).then(|| self.named_after_of(spans, styled)).flatten());
                match (known, head) {
                    (Some(sp), h) if h.is_none_or(|h| h < sp.end) => {
                        party = Some(sp.entity);
                        b = sp.end;
                        // "the head of the Russian delegation": an adjective wants its noun.
                        adjective_party = sp.form == FormKind::Demonym;
                    }
                    (_, Some(h)) => {
                        body = Some((j, h + 1));
                        b = h + 1;
                        // "Commander-in-Chief of the Armed Forces of Ukraine NAME": the body is
                        // the state's ("Armed Forces of Ukraine"), and the state the party.
                        if let Some(sp) = self.named_after_of(spans, b) {
                            party = Some(sp.entity);
                            body = Some((j, sp.end));
                            b = sp.end;
                        }
                    }
                    // "Head of the KPR Denis Varga", "Secretary of National Defense Tomas
                    // Reyes": an unknown portfolio or body, then a person the tagger or a
                    // given name marks; an acronym there names the body.
                    (None, None) => {
                        // The portfolio may list several with commas and "and" ("Construction,
                        // Housing and Utilities", "Science and Higher Education").
                        let n = self.tokens.len();
                        let listed = |q: usize| is_capitalised(self.tok(q)) || matches!(self.tok(q), "and" | "," | "&");
                        let mut run_end = j;
                        while run_end < n && run_end < j + 12 && listed(run_end) {
                            run_end += 1;
                        }
                        let starts_person = |p: usize| {
                            p + 1 < n
                                && is_name_token(self.tok(p))
                                && is_name_token(self.tok(p + 1))
                                && (matches!(self.ner[p], NerTag::B(NerType::Person)) || WordClasses::builtin().is_given_name(self.tok(p)))
                        };
                        // ("Leader of Fuerza Andina Ana Lucia Reyes": where the tagger starts the
                        // person one word early, a given name after it starts the name.)
                        let given = |q: usize| WordClasses::builtin().is_given_name(self.tok(q));
                        let person_at = (j + 1..run_end)
                            .find(|&p| starts_person(p))
                            .map(|p| if !given(p) && p + 2 < run_end && given(p + 1) && is_name_token(self.tok(p + 2)) { p + 1 } else { p });
                        // Else the name starts after the portfolio's last word.
                        let after_portfolio = || {
                            (j..run_end).rev().find(|&q| self.lex.is_portfolio_word(self.tok(q))).map(|q| q + 1).filter(|&p| {
                                p + 1 < n && is_name_token(self.tok(p)) && is_name_token(self.tok(p + 1))
                            })
                        };
                        match person_at.or_else(after_portfolio) {
                            // "Peru's Minister of Agriculture, Luis Varga": the title ends
                            // at the comma; the name is apposed.
                            Some(p) if self.tok(p - 1) == "," => b = p - 1,
                            Some(p) => {
                                let acronym = p == j + 1 && self.tok(j).len() >= 2 && self.tok(j).chars().all(|c| c.is_ascii_uppercase());
                                // "Leader of Fuerza Andina Ana Lucia Reyes": a leader's title names the
                                // body led, whatever its words.
                                let leader = matches!(self.tok(a).to_lowercase().as_str(), "leader" | "head" | "chairman" | "chairwoman" | "chair" | "founder");
                                let named_body = leader
                                    && (2..=4).contains(&(p - j))
                                    && (j..p).all(|q| is_name_token(self.tok(q)) && !self.lex.is_portfolio_word(self.tok(q)) && !self.lex.is_role_word(self.tok(q)));
                                if acronym || named_body {
                                    body = Some((j, p));
                                }
                                b = p;
                            }
                            // "the AU's Commissioner for Political Affairs, Peace and Security,":
                            // the title ends after its last portfolio word.
                            None => {
                                if let Some(q) = (j..run_end).rev().find(|&q| self.lex.is_portfolio_word(self.tok(q))) {
                                    b = q + 1;
                                    // "Federal Minister for Foreign Affairs of Germany NAME": the
                                    // party after the portfolio.
                                    if let Some(sp) = self.named_after_of(spans, b) {
                                        party = Some(sp.entity);
                                        b = sp.end;
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            // "Secretary of State for European Affairs Tomas Varga": the portfolio goes on past
            // the party's adjective, and its words are no part of the name.
            // The adjective then names the portfolio, not whom the post serves.
            let mut portfolio_after_party = false;
            while b + 2 < self.tokens.len() && self.lex.is_portfolio_word(self.tok(b)) && is_name_token(self.tok(b + 1)) && is_name_token(self.tok(b + 2)) {
                b += 1;
                portfolio_after_party = true;
            }
            if portfolio_after_party && adjective_party {
                party = None;
            }
            // "Ambassador of Georgia to Ukraine NAME": the host state after "to" belongs to the
            // title; the post serves the party before it.
            if party.is_some() && b + 2 < self.tokens.len() && self.tok(b) == "to" {
                let host = if self.tok(b + 1) == "the" { b + 2 } else { b + 1 };
                if let Some(sp) = spans.iter().find(|sp| sp.first == host && !sp.in_compound) {
                    if sp.end < self.tokens.len() && is_name_token(self.tok(sp.end)) {
                        b = sp.end;
                    }
                }
            }
            // "Chief Prosecutor of the International Criminal Court (ICC) NAME": the short form
            // after the party or body belongs to the title.
            if (party.is_some() || body.is_some()) && b + 3 < self.tokens.len() && self.tok(b) == "(" && self.tok(b + 2) == ")" {
                b += 3;
            }
            let mut name_end = self.name_run(b, 4);
            // "Commander of the UAE Armed Forces Sheikh …", "President of the Russian Hockey
            // Federation": capitalised words ending in a body's head word belong to the body.
            let n = self.tokens.len();
            let mut k = name_end;
            while k < n && is_capitalised(self.tok(k)) && !self.lex.is_body_word(self.tok(k)) {
                k += 1;
            }
            if k < n && name_end > b && self.lex.is_body_word(self.tok(k)) {
                let mut after = k;
                while after < n && is_capitalised(self.tok(after)) && self.lex.is_body_word(self.tok(after)) {
                    after += 1;
                }
                b = after;
                name_end = self.name_run(b, 4);
            }
            // "Minister of Internal Affairs, Head of …": a run that ends in a portfolio word is
            // the rest of the title, not a name.
            if name_end > b && self.lex.is_portfolio_word(self.tok(name_end - 1)) {
                b = name_end;
                name_end = self.name_run(b, 4);
            }
            // "the party leader Sir John Roe": an honorific between the title and the name.
            let mut name_start = b;
            if name_end == b {
                let mut q = b;
                while q < n && self.lex.is_person_prefix(self.tok(q).trim_end_matches('.')) {
                    q += 1;
                }
                let after = if q > b { self.name_run(q, 4) } else { q };
                if after > q {
                    name_start = q;
                    name_end = after;
                }
            }
            // "the chairman of the US Joint Chiefs of Staff": a run that goes on with "of" and a
            // capitalised word is a body's name, not a person's.
            // ("Bernie Sanders of Vermont", "Queen Mathilde of Belgium" are people of a place.)
            let body_run = name_end > b
                && name_end + 1 < n
                && self.tok(name_end) == "of"
                && is_capitalised(self.tok(name_end + 1))
                && !self.covered[name_end + 1]
                && !self.entity_start[name_end + 1]
                && !WordClasses::builtin().is_given_name(self.tok(b))
                && !matches!(self.ner[b], NerTag::B(NerType::Person));
            if body_run && body.is_none() {
                let mut q = name_end + 1;
                while q < n && is_capitalised(self.tok(q)) && !self.covered[q] {
                    q += 1;
                }
                body = Some((b, q));
                b = q;
                name_end = self.name_run(b, 4);
            }
            let title_only = name_end == b;
            // Look left for the party: "[US] special envoy", "[Ukraine]'s President", "[UN] humanitarian chief".
            let mut start = a;
            if party.is_none() {
                let mut k = a;
                let mut modifiers = 0;
                while k > 0 && modifiers <= 2 {
                    let prev = k - 1;
                    if let Some(sp) = Self::span_ending_at(spans, k) {
                        party = Some(sp.entity);
                        start = sp.first;
                        break;
                    }
                    if self.possessive_at(prev) {
                        if let Some(sp) = Self::span_ending_at(spans, prev) {
                            party = Some(sp.entity);
                            start = sp.first;
                        }
                        break;
                    }
                    let w = self.tok(prev);
                    // "US special envoy", "Indian External Affairs Minister": lower-case modifiers
                    // or capitalised words of the ministry's name.
                    // (An acronym is a body of its own: "XYZ party leader".)
                    let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
                    // "COP26 President NAME": a coded name the tagger left alone (capitals and
                    // digits), right before the title, names the body the post is in. (A plain
                    // acronym is left to the article's own "(XYZ)" definitions.)
                    let coded = w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
                        && w.chars().any(|c| c.is_ascii_digit())
                        && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    if coded && k == a && body.is_none() && !self.covered[prev] && !self.lex.is_not_name(w) {
                        body = Some((prev, a));
                        start = prev;
                        break;
                    }
                    let is_modifier = (w.chars().all(|c| c.is_lowercase() || c == '-') || is_capitalised(w) && !self.lex.is_not_name(w) && !acronym)
                        && !self.lex.is_name_connector(w)
                        && !self.covered[prev]
                        && !matches!(w, "a" | "an" | "said" | "says" | "by" | "with" | "to" | "as" | "is" | "was")
                        && !is_verb_before_title(w)
                        && !self.lex.is_speech_verb(w);
                    if !is_modifier {
                        break;
                    }
                    modifiers += 1;
                    k = prev;
                }
            }
            // "Federal Minister for Foreign Affairs of Germany NAME", "Acting Chairman of …": a
            // capitalised word right before a title whose party follows is part of the title.
            if party.is_some() && start == a && start > 0 {
                let w = self.tok(start - 1);
                let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
                if is_capitalised(w) && !acronym && !self.covered[start - 1] && !self.lex.is_not_name(w) && Self::span_ending_at(spans, start).is_none() && !WordClasses::builtin().is_given_name(w) {
                    start -= 1;
                }
            }
            // "the Deputy Head of the Office": a rank before the title belongs to it.
            if start == a {
                start = self.rank_before(start);
            }
            if !self.free(start, name_end) {
                continue;
            }
            // "Chilean President Ana Reyes and energy minister Luis Varga": a minister or envoy
            // coordinated right after a titled person of a party, with none of their own, serves
            // the same party.
            if party.is_none() && self.lex.roles[r.pattern].relation == Relation::Represents {
                let mut left = start;
                while left > 0 && start - left < 2 && self.tok(left - 1) != "and" && self.tok(left - 1).chars().all(|c| c.is_lowercase() || c == '-') {
                    left -= 1;
                }
                if left >= 1 && self.tok(left - 1) == "and" {
                    let before = self.out.iter().rev().find(|m| m.end_token == left - 1 && m.mention_type == MentionType::Person);
                    party = before.and_then(|m| m.title.as_ref()).and_then(|t| t.party);
                }
            }
            // "Chile's climate minister, Ana Quispe, pointed out": the name apposed to the
            // title, closed by a comma or followed by speech.
            // Only a title in subject position: at the sentence's or a clause's start, not in
            // "Addressing the Ambassador of India, NAME noted".
            let opener = if start > 0 && matches!(self.tok(start - 1), "the" | "The") { start - 1 } else { start };
            let subject_position =
                opener == 0 || matches!(self.tok(opener - 1), "," | "and" | "but" | ";" | ":" | "while" | "\"" | "\u{201c}" | "\u{201d}");
            // "… the credentials of the Ambassador of Chile, Luis Varga.": a name apposed
            // at the sentence's end is the title's holder wherever the title stands.
            let apposed_last = title_only && b + 2 < n && self.tok(b) == "," && {
                let end = self.name_run(b + 1, 4);
                end >= b + 3 && end + 1 == n && matches!(self.tok(end), "." | "!")
            };
            if title_only && (subject_position || apposed_last) && party.is_some() && b + 2 < n && self.tok(b) == "," {
                let apposed_end = self.name_run(b + 1, 4);
                let closed = apposed_end < n && (self.tok(apposed_end) == "," || self.lex.is_speech_verb(self.tok(apposed_end)) || apposed_last);
                if apposed_end >= b + 3 && closed && self.free(start, apposed_end) {
                    self.push_titled_person(spans, (start, b), (b + 1, apposed_end), r.pattern, party, None);
                    continue;
                }
            }
            if title_only {
                // "The President of Russia stressed", "the Russian leader", "Russia's president":
                // a definite title with no name after it stands for its holder.
                let definite = start > 0 && self.tok(start - 1).eq_ignore_ascii_case("the")
                    || party.is_some() && self.possessive_at(start + 1);
                let next = (b < self.tokens.len()).then(|| self.tok(b));
                // "the Minister for Foreign Affairs" goes on; "thanked the French President for
                // his support" does not.
                let for_portfolio = next == Some("for") && self.tokens.get(b + 1).is_some_and(|_| is_capitalised(self.tok(b + 1)));
                let continues = next.is_some_and(|t| is_capitalised(t) || matches!(t, "of" | "-")) || for_portfolio;
                if definite && !continues && !adjective_party {
                    self.push_title(spans, start, b, r.pattern, party);
                }
                continue;
            }
            let body_name = body.map(|(from, to)| self.join(from, to));
            if let Some((from, to)) = body {
                let mut m = self.mention(from, to, MentionType::Organization, Target::Organization { name: self.join(from, to) });
                m.in_compound = true;
                m.possessive = false;
                self.out.push(m);
            }
            self.push_titled_person(spans, (start, b), (name_start, name_end), r.pattern, party, body_name);
        }
    }

    /// A person named after their title: title over tokens `title.0..title.1`, name over
    /// `name.0..name.1` (right after it, or after a comma), one mention over both; the party
    /// inside the title ("Russian" in "Russian President …") is mentioned too.
    fn push_titled_person(
        &mut self,
        spans: &[EntitySpan],
        title: (usize, usize),
        name: (usize, usize),
        role: usize,
        party: Option<usize>,
        body: Option<String>,
    ) {
        self.nest_party(spans, title.0, title.1, party);
        // "Director of the Diplomatic Cabinet of the Prime Minister of Greece NAME": the title
        // names the post it serves too, so that NAME is staff, not the head.
        let mut from = title.0;
        if from >= 3 && self.tok(from - 1) == "the" && matches!(self.tok(from - 2), "of" | "to") {
            let mut k = from - 2;
            while k > 0 && k + 12 > from && (is_capitalised(self.tok(k - 1)) || self.lex.is_name_connector(self.tok(k - 1))) {
                k -= 1;
                if self.lex.is_role_word(self.tok(k)) && is_capitalised(self.tok(k)) {
                    from = k;
                }
            }
        }
        let text = self.text[self.tokens[from].start..self.tokens[title.1 - 1].end].to_string();
        self.push(Mention {
            start: self.tokens[title.0].start,
            end: self.tokens[name.1 - 1].end,
            first_token: title.0,
            end_token: name.1,
            mention_type: MentionType::Person,
            target: Target::Person { single: name.1 - name.0 == 1, name: self.join(name.0, name.1), tagged: true },
            title: Some(Title { text, role, party, body }),
            possessive: self.possessive_at(name.1),
            proposer: None,
            in_compound: false,
        });
    }

    /// The party's own mention inside tokens `start..end` of a title, nested.
    fn nest_party(&mut self, spans: &[EntitySpan], start: usize, end: usize, party: Option<usize>) {
        if let Some(sp) = spans.iter().find(|sp| !sp.in_compound && sp.first >= start && sp.end <= end && Some(sp.entity) == party) {
            self.out.push(self.nested(sp));
        }
    }

    /// Where a title starting at `start` really starts once the rank words before it are
    /// counted: "First Deputy", "Deputy", "Acting" ("the Deputy Head of the Office").
    fn rank_before(&self, start: usize) -> usize {
        let mut s = start;
        while s > 0 && start - s < 2 && !self.covered[s - 1] && RANK_WORDS.contains(&self.tok(s - 1)) {
            s -= 1;
        }
        s
    }

    /// A title standing alone for its holder, over tokens `start..end`, with the party inside it
    /// mentioned too.
    fn push_title(&mut self, spans: &[EntitySpan], start: usize, end: usize, role: usize, party: Option<usize>) {
        self.nest_party(spans, start, end, party);
        let text = self.text[self.tokens[start].start..self.tokens[end - 1].end].to_string();
        let mut m = self.mention(start, end, MentionType::Person, Target::Title);
        m.title = Some(Title { text, role, party, body: None });
        self.push(m);
    }

    /// Joins tokens `from..to` with single spaces (no space before "'s" or ",").
    fn join(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        for i in from..to {
            let t = self.tok(i);
            if !out.is_empty() && !matches!(t, "'s" | "\u{2019}s" | "," | "'" | "\u{2019}") {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    /// Length of a person-name run starting at `i`: capitalised name tokens and particles, not a
    /// known entity, not a not-name word. Returns the end token.
    fn name_run(&self, i: usize, max: usize) -> usize {
        let mut j = i;
        let mut names = 0;
        while j < self.tokens.len() && names < max && !self.covered[j] {
            let t = self.tok(j);
            // "Ana Reyes Reyes AnaPrime Minister": a broken transcript
            // header repeats the surname; a name never repeats a word back to back.
            let repeated = j > i && self.tok(j - 1) == t;
            if is_name_token(t)
                && !repeated
                && !self.lex.is_not_name(t.trim_end_matches('.'))
                && !self.lex.is_role_word(t)
                && !self.lex.is_body_word(t)
                && !self.compound[j]
                && !self.entity_start[j]
            {
                names += 1;
                j += 1;
            } else if names > 0 && is_particle(t) {
                // "von der Berg", "bin Khalid": particles join only when a name follows them.
                let mut k = j;
                while k < self.tokens.len() && is_particle(self.tok(k)) {
                    k += 1;
                }
                if k < self.tokens.len() && is_name_token(self.tok(k)) && !self.covered[k] {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        j
    }

    /// Capitalised multi-word names whose head word makes them an institution, an organisation
    /// or a named proposal ("Lagos University's Center for Energy Policy and Security",
    /// "Institute of Russian, Eastern European and Central Asian Studies").
    fn named_bodies(&mut self, spans: &[EntitySpan]) {
        let n = self.tokens.len();
        let compound = |k: usize| spans.iter().any(|s| s.in_compound && s.first <= k && k < s.end);
        let mut i = 0;
        while i < n {
            // Adjectives such as "Central", "Supreme" may open a body's name ("Central Committee").
            let opener = matches!(self.tok(i), "Central" | "Eastern" | "Western" | "Northern" | "Southern" | "Supreme" | "Special" | "Executive" | "Senior")
                && i + 1 < n
                && is_capitalised(self.tok(i + 1));
            if self.covered[i] || compound(i) || !is_capitalised(self.tok(i)) || self.lex.is_not_name(self.tok(i)) && !opener {
                i += 1;
                continue;
            }
            let starts_with_head = self.lex.is_institution_word(self.tok(i)) || self.lex.is_organization_word(self.tok(i));
            // "Treaty of Friendship, Cooperation and Mutual Assistance", "Agreement on Political
            // Cooperation, Free Trade and Strategic Partnership": a capitalised proposal noun
            // with "of"/"on" and a capitalised name opens a proposal's title.
            let titled_proposal = self.lex.is_proposal_word(self.tok(i))
                && i + 2 < n
                && matches!(self.tok(i + 1), "of" | "on" | "On")
                && (is_capitalised(self.tok(i + 2)) || self.tok(i + 2) == "the" && i + 3 < n && is_capitalised(self.tok(i + 3)));
            let mut j = i + 1;
            let mut last_cap = i;
            while j < n && !self.covered[j] && !compound(j) {
                let t = self.tok(j);
                // "Council on Tuesday", "Security Council September": a date word ends a name.
                let next_cap = j + 1 < n && is_capitalised(self.tok(j + 1));
                if is_capitalised(t) && self.lex.is_not_name(t) && !self.lex.is_role_word(t) && !next_cap {
                    break;
                }
                if titled_proposal && j == i + 1 {
                    j += 1;
                    continue;
                }
                if is_capitalised(t) {
                    last_cap = j;
                    j += 1;
                } else if self.lex.is_name_connector(t)
                    && j + 1 < n
                    && (is_capitalised(self.tok(j + 1)) || self.tok(j + 1) == "the" && j + 2 < n && is_capitalised(self.tok(j + 2)))
                    && !(matches!(t, "and" | "&") && !self.and_continues_name(i, j, spans))
                    && !(titled_proposal && t == "and" && spans.iter().any(|s| !s.in_compound && s.first == j + 1))
                {
                    j += 1;
                } else if matches!(t, "'s" | "\u{2019}s" | "'" | "\u{2019}")
                    && j + 1 < n
                    && is_capitalised(self.tok(j + 1))
                    && (j + 1..(j + 5).min(n)).any(|k| self.lex.is_body_word(self.tok(k)))
                {
                    j += 1;
                } else if titled_proposal
                    && t == "and"
                    && j + 1 < n
                    && is_capitalised(self.tok(j + 1))
                    && !spans.iter().any(|s| !s.in_compound && s.first == j + 1)
                {
                    j += 1;
                } else if t == "," && (starts_with_head || titled_proposal) && j + 1 < n && is_capitalised(self.tok(j + 1)) && self.comma_list_continues(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut end = last_cap + 1;
            // "International Monetary Fund Managing Director …", "European Commission Anna …":
            // the body's name ends at its last head word unless "of"/"for" continues it.
            if let Some(h) = (i..end).rev().find(|&k| !titled_proposal && (self.lex.is_organization_word(self.tok(k)) || self.lex.is_institution_word(self.tok(k)))) {
                if h + 1 < end && !matches!(self.tok(h + 1), "of" | "for" | "and" | "'s" | "\u{2019}s" | "'") {
                    end = h + 1;
                }
            }
            // "Bank of Lagos Ada Obi", "Republic of Tuva Ivan Petrov": a given name
            // and a surname (no head word among them) ending the run are a person after the body.
            let given = |k: usize| WordClasses::builtin().is_given_name(self.tok(k));
            if let Some(g) = (i + 1..end.saturating_sub(1)).rev().find(|&k| given(k)) {
                let person_tail = end - g <= 3 && (g..end).all(|k| is_name_token(self.tok(k)) && !self.lex.is_body_word(self.tok(k)));
                let body_before = (i..g).any(|k| self.lex.is_organization_word(self.tok(k)) || self.lex.is_institution_word(self.tok(k)));
                if person_tail && body_before && !matches!(self.tok(g - 1), "of" | "the" | "and" | "for") {
                    // "… of England and Wales Sir John Roe": an honorific goes with the name.
                    end = if g - 1 > i && self.lex.is_person_prefix(self.tok(g - 1)) { g - 1 } else { g };
                }
            }
            // "Chairperson of the African Union": one word that is no head word, then a known
            // entity, is a post in it (whatever the lexicon's titles say), not a body of its own.
            let post_of_known = (!starts_with_head && i + 1 < end && self.tok(i + 1) == "of")
                .then(|| spans.iter().find(|s| !s.in_compound && s.end == end && (s.first == i + 2 || s.first == i + 3 && self.tok(i + 2) == "the")))
                .flatten();
            if let Some(known) = post_of_known {
                i = known.first;
                continue;
            }
            let words: Vec<&str> = (i..end).map(|k| self.tok(k)).collect();
            let has = |f: &dyn Fn(&str) -> bool| words.iter().any(|w| f(w));
            let class = if end - i < 2 {
                None
            } else if titled_proposal && end > i + 2 {
                Some((Kind::Proposal, MentionType::Proposal))
            } else if has(&|w| self.lex.is_institution_word(w)) {
                Some((Kind::Institution, MentionType::Organization))
            } else if has(&|w| self.lex.is_organization_word(w)) {
                Some((Kind::Actor, MentionType::Organization))
            } else if words.iter().skip(1).any(|w| self.lex.is_proposal_word(w) && is_capitalised(w)) && !self.lex.is_role_word(words[0]) {
                // ("Professor of State Theory and Law" is a post, not a law.)
                Some((Kind::Proposal, MentionType::Proposal))
            } else if end - i >= 3 && self.acronym_follows(i, end) {
                // "Economic Community of West African States (ECOWAS)": no head word, but the
                // acronym in brackets makes it the name of a body.
                Some((Kind::Actor, MentionType::Organization))
            } else {
                None
            };
            let Some((kind, mention_type)) = class else {
                i += 1;
                continue;
            };
            // A run exactly equal to one lexicon form is that entity (handled by known_entities).
            let exact = spans.iter().find(|s| s.first == i && s.end == end && !s.in_compound);
            if exact.is_some() {
                i = end;
                continue;
            }
            // "India-Japan Digital Partnership": the hyphenated parties before a proposal's
            // title belong to its name.
            if kind == Kind::Proposal && i > 0 && compound(i - 1) && is_capitalised(self.tok(i - 1)) && !self.covered[i - 1] {
                i -= 1;
                for sp in spans.iter().filter(|s| s.in_compound && s.first == i) {
                    self.out.push(self.nested(sp));
                }
            }
            let name = self.join(i, end);
            let target = match kind {
                Kind::Institution => Target::Institution { name },
                Kind::Proposal => Target::Proposal { key: name.to_lowercase(), name, anaphoric: false, short: None },
                _ => Target::Organization { name },
            };
            let acronym = self.acronym_follows(i, end).then(|| self.mention(end + 1, end + 2, mention_type, target.clone()));
            self.push(self.mention(i, end, mention_type, target));
            // The acronym names the same body or proposal.
            if let Some(m) = acronym.filter(|_| self.free(end + 1, end + 2)) {
                self.push(m);
            }
            i = end;
        }
    }

    /// Whether "(ACRONYM)" follows tokens `from..to`, its letters their initials.
    fn acronym_follows(&self, from: usize, to: usize) -> bool {
        let n = self.tokens.len();
        to + 2 < n
            && self.tok(to) == "("
            && self.tok(to + 2) == ")"
            && crate::ingest::resolve::is_acronym_of(self.tok(to + 1), &self.join(from, to))
    }

    /// "and" at `j` continues a body's name only inside it ("Center for International Security
    /// and Strategy"), not between two bodies ("Bank of England and the European Central Bank",
    /// "European Commission and the United States").
    fn and_continues_name(&self, i: usize, j: usize, spans: &[EntitySpan]) -> bool {
        const TOPICS: &[&str] = &["studies", "sciences", "affairs", "relations", "research", "security", "strategy", "development"];
        let n = self.tokens.len();
        if !(i..j).any(|k| self.lex.is_body_word(self.tok(k))) || self.tok(j + 1) == "the" {
            return false;
        }
        // "… of the General Staff and Deputy Chief …": a title after "and" starts a new phrase.
        // ("… of the Armed Forces and First Deputy Defence Minister": a word or two before it.)
        let title_follows = (j + 1..(j + 3).min(n)).take_while(|&k| is_capitalised(self.tok(k))).any(|k| self.lex.is_role_word(self.tok(k)));
        if spans.iter().any(|s| !s.in_compound && s.first == j + 1) || title_follows {
            return false;
        }
        let mut k = j + 1;
        while k < n && (is_capitalised(self.tok(k)) || matches!(self.tok(k), "'s" | "\u{2019}s" | "of")) {
            let w = self.tok(k).to_lowercase();
            if self.lex.is_body_word(&w) && !TOPICS.contains(&w.as_str()) {
                return false;
            }
            k += 1;
        }
        true
    }

    /// In "Institute of Russian, Eastern European and Central Asian Studies" the comma continues
    /// the name only if the list reaches a capitalised word after "and".
    fn comma_list_continues(&self, mut j: usize) -> bool {
        while j < self.tokens.len() {
            let t = self.tok(j);
            if t == "and" {
                return j + 1 < self.tokens.len() && is_capitalised(self.tok(j + 1));
            }
            if !(is_capitalised(t) || t == ",") {
                return false;
            }
            j += 1;
        }
        false
    }

    /// The mention type of a lexicon entity's form: states, capitals and demonyms are places.
    fn known_type(&self, entity: usize, form: FormKind) -> MentionType {
        let e = &self.lex.entities[entity];
        if form == FormKind::Metonym || form == FormKind::Demonym {
            return MentionType::Place;
        }
        match (e.kind, e.entity_type) {
            (Kind::Actor, Some(EntityType::State)) => MentionType::Place,
            (Kind::Actor, Some(EntityType::Person)) => MentionType::Person,
            (Kind::Issue, _) => MentionType::Issue,
            (Kind::Proposal, _) => MentionType::Proposal,
            _ => MentionType::Organization,
        }
    }

    fn known_entities(&mut self, spans: &[EntitySpan]) {
        for sp in spans {
            if !self.free(sp.first, sp.end) {
                continue;
            }
            let mention_type = self.known_type(sp.entity, sp.form);
            let m = Mention {
                start: sp.start_byte,
                end: sp.end_byte,
                first_token: sp.first,
                end_token: sp.end,
                mention_type,
                target: Target::Known { entity: sp.entity, form: sp.form },
                title: None,
                possessive: !sp.in_compound && self.possessive_at(sp.end),
                proposer: None,
                in_compound: sp.in_compound,
            };
            if sp.in_compound {
                // The token stays free for proposal modifiers ("US-proposed").
                self.out.push(m);
            } else {
                self.push(m);
            }
        }
    }

    fn issues(&mut self, s: &Sentence, spans: &[EntitySpan]) {
        let slice = &self.text[s.start..s.end];
        for m in self.lex.find_issues(slice) {
            let (Some(a), Some(b)) = (self.token_at_start(s.start + m.start), self.token_at_end(s.start + m.end)) else {
                continue;
            };
            // "Energy" inside "International Atomic Energy Agency" is part of a name.
            let inside_name = spans.iter().any(|sp| !sp.in_compound && sp.first <= a && b <= sp.end && (sp.first < a || b < sp.end));
            if !self.free(a, b) || inside_name {
                continue;
            }
            self.push(Mention {
                start: s.start + m.start,
                end: s.start + m.end,
                first_token: a,
                end_token: b,
                mention_type: MentionType::Issue,
                target: Target::Issue { issue: m.pattern },
                title: None,
                possessive: false,
                proposer: None,
                in_compound: false,
            });
            // The party inside an issue ("NATO" in "NATO membership") is mentioned too, nested.
            for sp in spans.iter().filter(|sp| !sp.in_compound && sp.first >= a && sp.end <= b) {
                self.out.push(self.nested(sp));
            }
        }
    }

    /// Proposal noun phrases: a proposal head noun with its modifiers. Numbered ("12-point",
    /// "four additional documents"), named ("Minsk agreements") or typed ("peace plan")
    /// phrases name a proposal; a bare "the plan" refers back to the last one.
    fn proposals(&mut self, spans: &[EntitySpan]) {
        let n = self.tokens.len();
        for h in 0..n {
            if self.covered[h] || !self.lex.is_proposal_word(self.tok(h)) || is_capitalised(self.tok(h)) {
                continue;
            }
            // "points" only as "N points"; a "statement" only when typed ("joint statement").
            let head = self.tok(h).to_lowercase();
            // "20 draft laws", "law enforcement officers": the compound's head comes later.
            if h + 1 < self.tokens.len() && (self.lex.is_proposal_word(self.tok(h + 1)) && !is_capitalised(self.tok(h + 1)) || head == "law" && self.tok(h + 1) == "enforcement") {
                continue;
            }
            let mut k = h;
            let mut kept: Vec<usize> = Vec::new();
            let mut numbered = false;
            let mut named = false;
            let mut typed = false;
            let mut proposer = None;
            let mut compound_qualifier: Option<usize> = None;
            let mut joint_parties: Option<usize> = None;
            while k > 0 && h - k < 5 {
                let p = k - 1;
                // A party right before: "the US plan", "Russian proposals"; a capital names it
                // ("Minsk agreements").
                if let Some(sp) = Self::span_ending_at(spans, k) {
                    if sp.form == FormKind::Metonym && sp.end - sp.first == 1 {
                        named = true;
                        kept.push(p);
                        k = p;
                    } else {
                        proposer = Some((sp.entity, ProposalLink::Proposed));
                    }
                    break;
                }
                if self.covered[p] {
                    break;
                }
                let w = self.tok(p);
                let lw = w.to_lowercase();
                if self.possessive_at(p) {
                    if let Some(sp) = Self::span_ending_at(spans, p) {
                        proposer = Some((sp.entity, ProposalLink::Proposed));
                    }
                    break;
                }
                if let Some(sp) = spans.iter().find(|s| s.in_compound && s.first == p) {
                    let rest = &self.text[sp.end_byte..self.tokens[p].end].to_lowercase();
                    // "the Chilean-Peruvian border agreement": two parties' joint one, proposed by neither.
                    let joint = spans.iter().any(|o| o.in_compound && o.first == p && o.end_byte > sp.end_byte);
                    if rest.starts_with("-backed") || rest.starts_with("-supported") {
                        proposer = Some((sp.entity, ProposalLink::Supported));
                    } else if rest.starts_with('-') && !joint {
                        proposer = Some((sp.entity, ProposalLink::Proposed));
                    }
                    if joint {
                        joint_parties = Some(p);
                    }
                    compound_qualifier = Some(p);
                    k = p;
                    continue;
                }
                // "a February 6 statement", "the 2+2 format": a date or a format, not a count.
                let dated = p > 0 && (self.tok(p - 1) == "+" || MONTHS.contains(&self.tok(p - 1)));
                let is_number = (lw.chars().next().is_some_and(|c| c.is_ascii_digit()) && !dated) || NUMBER_WORDS.contains(&lw.as_str());
                if is_number {
                    numbered = true;
                    kept.push(p);
                } else if self.lex.is_proposal_generic_modifier(&lw) {
                    typed = true;
                    kept.push(p);
                } else if self.lex.is_proposal_dropped_modifier(&lw) {
                    if matches!(lw.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these" | "those" | "any" | "some" | "such") {
                        break;
                    }
                } else if is_capitalised(w) && !self.lex.is_not_name(w) {
                    named = true;
                    kept.push(p);
                } else if w.chars().all(|c| c.is_lowercase() || c == '-') && (lw.ends_with("al") || lw.ends_with("ive") || lw.ends_with("term") || lw.contains('-') || lw == "additional" || lw == "peace") {
                    kept.push(p);
                } else {
                    break;
                }
                k = p;
            }
            // Weak heads name a proposal only with a number or a type ("four additional
            // documents", "joint statement"), never through a capitalised word ("NBA draft").
            let weak = matches!(head.as_str(), "documents" | "document" | "draft" | "drafts" | "statement" | "package" | "formula" | "points");
            if weak && !(numbered || typed) {
                continue;
            }
            if head == "points" && !numbered {
                continue;
            }
            // "170 projects", "22,000 projects": a large count of them names none in particular.
            let counted = kept.iter().any(|&i| {
                let w = self.tok(i);
                w.chars().all(|c| c.is_ascii_digit() || c == ',') && w.replace(',', "").parse::<u64>().is_ok_and(|v| v > 12)
            });
            if counted && head.ends_with('s') {
                continue;
            }
            // "a French-brokered deal" is named by who brokered it, when nothing else names it.
            if !(numbered || named || typed) {
                if let Some(q) = compound_qualifier {
                    kept.push(q);
                    named = true;
                }
            }
            let specific = numbered || named || typed;
            // A bare proposal noun refers back only when it is definite ("the plan", "its
            // proposals") or has a party ("US proposals"); "a quick resolution" is no proposal.
            let determiner = k.checked_sub(1).map(|d| self.tok(d).to_lowercase());
            let definite = determiner.as_deref().is_some_and(|d| matches!(d, "the" | "this" | "that" | "these" | "its" | "their" | "his" | "her"));
            let anaphoric_head = matches!(
                lemma_of(&head).as_str(),
                "plan" | "proposal" | "deal" | "draft" | "framework" | "agreement" | "treaty" | "accord" | "memorandum" | "roadmap" | "initiative"
                    | "pact" | "charter" | "declaration" | "convention" | "protocol" | "communique"
            );
            if !specific && !(anaphoric_head && (definite || proposer.is_some())) {
                continue;
            }
            kept.sort();
            let mut name = kept.iter().map(|&i| self.tok(i)).collect::<Vec<_>>().join(" ");
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(self.tok(h));
            let number = kept.iter().map(|&i| self.tok(i).to_lowercase()).find(|w| {
                w.chars().next().is_some_and(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str())
            });
            let lemma = lemma_of(&head);
            let key = match (&number, named) {
                (Some(num), false) => format!("{num} {lemma}"),
                _ => format!("{} {lemma}", kept.iter().map(|&i| self.tok(i).to_lowercase()).collect::<Vec<_>>().join(" ")),
            };
            let short = number.as_ref().map(|_| {
                let num = kept.iter().map(|&i| self.tok(i)).find(|w| {
                    let lw = w.to_lowercase();
                    lw.chars().next().is_some_and(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&lw.as_str())
                });
                format!("{} {}", num.unwrap_or_default(), self.tok(h))
            });
            let start_tok = k.min(h);
            self.push(Mention {
                start: self.tokens[start_tok].start,
                end: self.tokens[h].end,
                first_token: start_tok,
                end_token: h + 1,
                mention_type: MentionType::Proposal,
                target: Target::Proposal { name, key: key.trim().to_string(), anaphoric: !specific, short },
                title: None,
                possessive: self.possessive_at(h + 1),
                proposer,
                in_compound: false,
            });
            // "the Chilean-Peruvian border agreement": both parties are named inside it, as the
            // parties to it (not to a draft, a project or a settlement still sought).
            let concluded = matches!(lemma.as_str(), "agreement" | "treaty" | "accord" | "pact" | "memorandum" | "statement" | "declaration" | "communique" | "partnership")
                && !(start_tok.saturating_sub(4)..h).any(|i| matches!(self.tok(i).to_lowercase().as_str(), "draft" | "drafts" | "proposed" | "future" | "possible" | "new"));
            if let Some(p) = joint_parties.filter(|_| concluded) {
                for sp in spans.iter().filter(|sp| sp.in_compound && sp.first == p) {
                    self.out.push(self.nested(sp));
                }
            }
        }
    }

    /// "proposed to convene a summit of permanent members of the UN Security Council": what an
    /// unambiguous proposing verb puts forward is a proposal, named by its noun phrase, even
    /// without a proposal noun. The phrase runs through "of" chains and stops at any other
    /// preposition, punctuation or clause word.
    fn cued_proposals(&mut self, spans: &[EntitySpan]) {
        const PROPOSING: &[&str] = &[
            "proposed", "proposes", "propose", "put forward", "puts forward", "unveiled", "unveils", "tabled", "floated",
            "initiated", "initiates", "initiating",
        ];
        const STOP: &[&str] = &[
            "to", "in", "with", "by", "at", "from", "on", "as", "and", "or", "but", "that", "which", "who", "whom", "whose",
            "for", "into", "after", "before", "during", "since", "if", "when", "while", "because", "than", "is", "was", "are",
            "were", "be", "been", "would", "will", "could", "should", "can", "may", "might", "this", "last", "next",
            "about", "over", "under", "between", "against", "within", "without", "through", "across", "towards", "toward",
            "via", "amid", "such", "again", "regarding", "concerning", "including", "following", "like", "unless", "instead", "there", "here", "today", "yesterday", "earlier", "later",
            "also", "then", "now", "same", "it", "them", "him", "her", "us", "me", "you", "one", "ones", "some", "many",
            "up", "down", "out", "off", "away", "just", "only", "so", "too", "very",
        ];
        const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "new", "fresh", "own", "these", "those", "-"];
        let Some((first, last)) = self.tokens.first().zip(self.tokens.last()) else { return };
        let base = first.start;
        let n = self.tokens.len();
        for m in self.lex.find_cues(&self.text[base..last.end]) {
            let cue = &self.lex.cues[m.pattern];
            if cue.relation != Relation::Proposed || !PROPOSING.contains(&cue.phrase.to_lowercase().as_str()) {
                continue;
            }
            let (Some(cue_start), Some(mut k)) = (self.token_at_start(base + m.start), self.token_at_end(base + m.end)) else { continue };
            // "the proposed coalition", "his proposed referendum", "Reyes' proposed tax cuts": a
            // participle before a noun describes; it proposes nothing here.
            let before = cue_start.checked_sub(1).map(|p| self.tok(p).to_lowercase());
            if before.as_deref().is_some_and(|w| DETERMINERS.contains(&w) || matches!(w, "'" | "\u{2019}" | "'s" | "\u{2019}s" | "this" | "that" | "any")) {
                continue;
            }
            // "proposed to convene a summit": past the infinitive (not "proposed to the Russian side").
            if k + 1 < n
                && self.tok(k) == "to"
                && self.tok(k + 1).chars().all(|c| c.is_lowercase())
                && !DETERMINERS.contains(&self.tok(k + 1))
                && !STOP.contains(&self.tok(k + 1))
            {
                k += 2;
            }
            while k < n && DETERMINERS.contains(&self.tok(k).to_lowercase().as_str()) {
                k += 1;
            }
            let start = k;
            let mut end = k;
            while end < n && end - start < 10 {
                let t = self.tok(end);
                let lower = t.to_lowercase();
                let word = t.chars().next().is_some_and(char::is_alphanumeric) || t == "-";
                // "a number of bills aimed at …", "a company reporting to …": a participle after
                // the head starts a new phrase ("of restoring" continues it).
                let next_is_preposition = end + 1 < n && matches!(self.tok(end + 1), "to" | "at" | "on" | "for" | "in" | "with" | "by");
                let participle = end > start
                    && self.tok(end - 1) != "of"
                    && t.chars().all(char::is_lowercase)
                    && (lower.ends_with("ed") || lower.ends_with("ing") && next_is_preposition);
                if !word || STOP.contains(&lower.as_str()) || self.covered[end] || participle || self.lex.is_not_name(t) && is_capitalised(t) {
                    break;
                }
                end += 1;
                // "of" continues the phrase only into more words.
                if end < n && self.tok(end) == "of" && end + 1 < n && self.tok(end + 1).chars().next().is_some_and(char::is_alphanumeric) {
                    end += 1;
                    if self.tok(end) == "the" {
                        end += 1;
                    }
                }
            }
            while end > start && matches!(self.tok(end - 1), "of" | "the" | "a" | "an" | "our" | "their" | "its" | "his" | "her" | "my" | "your") {
                end -= 1;
            }
            // A phrase of one short or pronoun-like word names nothing ("proposed it", "proposed
            // some"), nor does one lower-case word: a gerund cut short by a name ("proposed
            // updating the Joint Declaration") or a generic noun ("proposed an alternative").
            let content = (start..end).filter(|&q| self.tok(q).len() > 3).count();
            // A noun its complement completes still names one ("initiated consultations in the
            // framework of the Budapest Memorandum").
            let complemented = end < n && matches!(self.tok(end), "in" | "on" | "with" | "between" | "for") && !self.tok(start).ends_with("ing");
            let lone_word = end == start + 1 && self.tok(start).chars().all(|c| c.is_lowercase() || c == '-') && !complemented;
            if end == start || content == 0 || lone_word || !self.free(start, end) {
                continue;
            }
            // "put forward serious proposals": adjectives before a bare proposal noun name none.
            let vague = end - start >= 2
                && self.lex.is_proposal_word(self.tok(end - 1))
                && (start..end - 1).all(|q| {
                    let w = self.tok(q);
                    w.chars().all(char::is_lowercase) && !self.lex.is_proposal_generic_modifier(w) && !self.lex.is_proposal_word(w)
                });
            // "initiating an agreement for …": a bare proposal noun is no name either.
            if vague || end - start == 1 && self.lex.is_proposal_word(self.tok(start)) {
                continue;
            }
            let name = self.join(start, end);
            let key = name.to_lowercase();
            let mut mention = self.mention(start, end, MentionType::Proposal, Target::Proposal { key, name, anaphoric: false, short: None });
            mention.possessive = self.possessive_at(end);
            for sp in spans.iter().filter(|sp| !sp.in_compound && sp.first >= start && sp.end <= end) {
                self.out.push(self.nested(sp));
            }
            self.push(mention);
        }
    }

    /// Remaining capitalised names: multi-word runs become person candidates, single words are
    /// kept as candidates that `resolve` links to a known person or drops.
    fn names(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if self.covered[i] {
                i += 1;
                continue;
            }
            let t = self.tok(i);
            if self.compound[i] {
                i += 1;
                continue;
            }
            // Honorifics and ranks, possibly several ("Lieutenant General", "Gen. Sir").
            let mut after = i;
            while after < n && (self.lex.is_person_prefix(self.tok(after)) || self.lex.is_rank_word(self.tok(after)) || is_form_of_address(self.tok(after))) {
                after += 1;
            }
            let prefixed = after > i && after < n && is_name_token(self.tok(after));
            let from = if prefixed { after } else { i };
            if !prefixed && (!is_name_token(t) || self.lex.is_not_name(t.trim_end_matches('.'))) {
                i += 1;
                continue;
            }
            let end = self.name_run(from, 4);
            if end == from {
                i += 1;
                continue;
            }
            // "Committee on Foreign Affairs Michael Ruiz": the tail of a title runs into the name
            // the tagger found; a leading portfolio or common word it left out is not the name's.
            let mut from = from;
            let mut start = i;
            let mut trimmed_to_name = false;
            if !prefixed {
                let tagged_person = |k: usize| matches!(self.ner[k], NerTag::B(NerType::Person) | NerTag::I(NerType::Person));
                // ("Industry Marco Silva": the tagger may take the word in; a portfolio or common
                // noun is still no given name.)
                let given = |k: usize| WordClasses::builtin().is_given_name(self.tok(k));
                while from + 1 < end
                    && ((from + 1..end).any(tagged_person) || given(from + 1) && end - from >= 3)
                    && {
                        let w = self.tok(from);
                        self.lex.is_portfolio_word(w)
                            || self.lex.is_common_noun(w)
                            || !tagged_person(from) && (self.lex.is_body_word(w) || self.lex.is_role_word(w))
                    }
                {
                    from += 1;
                    start = from;
                    trimmed_to_name = given(from);
                }
            }
            // A run that continues with more capitalised words is not a person ("Black Sea Fleet").
            let last = self.tok(end - 1);
            let place = self.lex.is_place_word(last) || (from..end).any(|k| self.lex.is_place_word(self.tok(k)) && k > from);
            let too_long = end < n && is_capitalised(self.tok(end)) && !self.covered[end];
            let single = end - from == 1;
            let name = self.join(from, end);
            // Evidence of a person beyond capital letters: an honorific, a description after a
            // comma ("Li Wei, a researcher at …"), or speech ("Li Wei said").
            // The description must name what a person is ("a senior fellow", "the foreign
            // minister") within its first words, not a place or thing ("a rehabilitation facility").
            let described = end + 1 < n && self.tok(end) == "," && {
                let words: Vec<&str> = (end + 1..(end + 6).min(n)).map(|k| self.tok(k)).take_while(|w| *w != ",").collect();
                let opens = words.first().is_some_and(|w| matches!(*w, "a" | "an" | "the") || self.lex.is_expert_word(w) || self.lex.is_role_word(w));
                opens && words.iter().any(|w| self.lex.is_expert_word(w) || self.lex.is_role_word(w))
            };
            let speaks = end < n && self.lex.is_speech_verb(self.tok(end));
            // "Black Sea", "Volga River": the word before a head word is part of a bigger name.
            let before_body = end < n && self.lex.is_body_word(self.tok(end));
            let mut ner = self.ner_type(from, end);
            // "Amara Okafor, a senior fellow at …": a description that makes it a person beats the
            // tagger's guess, unless the name has a body's head word.
            let body = (from..end).any(|k| self.lex.is_body_word(self.tok(k)));
            if (described || trimmed_to_name) && !body && ner != Some(NerType::Person) {
                ner = Some(NerType::Person);
            }
            // "Inspector" in "Inspector General Lieutenant General …" is part of a title.
            let before_rank = single && !prefixed && end < n && self.lex.is_rank_word(self.tok(end));
            // "Internal Affairs", "Digital Transformation": a portfolio, never a person's name.
            let portfolio = !single && self.lex.is_portfolio_word(last);
            let (mention_type, target) = match ner {
                _ if before_body || before_rank => (MentionType::Other, Target::Unlinked),
                Some(NerType::Person) | None if portfolio => (MentionType::Other, Target::Unlinked),
                // A rank or honorific before several name words is a person whatever the tagger
                // read ("Lieutenant General Marco Antonio Vidal").
                Some(NerType::Organization | NerType::Place) if prefixed && !single && !place && !body => {
                    (MentionType::Person, Target::Person { name, single, tagged: true })
                }
                // "Chile's Marco Varga": a known given name opening two or three name words
                // is a person, whatever the tagger read.
                // ("Marco Varga", tagged an organisation: a known given name and one or
                // two name words with no head word are a person.)
                Some(NerType::Organization | NerType::Place)
                    if !single && end - from <= 3 && !place && !body && !too_long && WordClasses::builtin().is_given_name(self.tok(from)) =>
                {
                    (MentionType::Person, Target::Person { name, single, tagged: true })
                }
                // "Caspian Sea", "Belt and Road": a place's head word vetoes the tagger's person.
                Some(NerType::Person) if place || body => (MentionType::Other, Target::Unlinked),
                Some(NerType::Person) => (MentionType::Person, Target::Person { name, single, tagged: true }),
                // A lone word may still be the surname of someone named in full elsewhere.
                Some(kind) if single && !initial_caps_word(self.tok(from)) => {
                    let mention_type = if kind == NerType::Organization { MentionType::Organization } else { MentionType::Place };
                    (mention_type, Target::Person { name, single, tagged: false })
                }
                Some(NerType::Organization) if single && self.weak_single_org(from) || place => (MentionType::Organization, Target::Unlinked),
                // Several words with no head word ("Economic Issues", "New Era") make no body.
                Some(NerType::Organization) if !single && !body => (MentionType::Organization, Target::Unlinked),
                Some(NerType::Organization) => (MentionType::Organization, Target::Organization { name }),
                Some(NerType::Place) => (MentionType::Place, Target::Unlinked),
                None if place || too_long => (MentionType::Other, Target::Unlinked),
                None if single || prefixed || described || speaks => {
                    (MentionType::Person, Target::Person { name, single, tagged: prefixed || described })
                }
                None => (MentionType::Other, Target::Unlinked),
            };
            self.push(self.mention(start, end, mention_type, target));
            i = end;
        }
    }
}

impl Scan<'_> {
    /// The lexicon entity named by "of [the] NAME" at token `at` ("… of Germany", "… of the
    /// Netherlands"), not by a demonym.
    fn named_after_of<'s>(&self, spans: &'s [EntitySpan], at: usize) -> Option<&'s EntitySpan> {
        if at + 1 >= self.tokens.len() || self.tok(at) != "of" {
            return None;
        }
        let first = if self.tok(at + 1) == "the" { at + 2 } else { at + 1 };
        spans.iter().find(|sp| sp.first == first && !sp.in_compound && sp.form != FormKind::Demonym)
    }

    /// "US$2.5 billion", "HK$": a currency sign's prefix names no state or body.
    fn skip_currencies(&mut self) {
        for k in 0..self.tokens.len().saturating_sub(1) {
            let glued = self.tokens[k].end == self.tokens[k + 1].start;
            if glued && self.tok(k + 1).starts_with('$') && self.tok(k).chars().all(|c| c.is_ascii_uppercase()) {
                self.covered[k] = true;
                self.ner[k] = NerTag::O;
            }
        }
    }

    /// "Kol Hadash's Dan Levi", "Avoda's Rina Katz": a tagged span that runs through a
    /// possessive into a given name and a surname is a body and its person, not one name.
    /// (Names with a possessive inside, "People's Republic", "King's College", go on with a
    /// common word, not a given name.)
    fn split_possessive_names(&mut self) {
        let given = |w: &str| WordClasses::builtin().is_given_name(w);
        for (from, to, kind) in crate::ner::spans(&self.ner) {
            let Some(k) = (from + 1..to.saturating_sub(2)).find(|&k| self.possessive_at(k)) else { continue };
            if !given(self.tok(k + 1)) || !(k + 2..to).all(|j| is_capitalised(self.tok(j))) {
                continue;
            }
            let owner = if kind == NerType::Person { NerType::Organization } else { kind };
            self.ner[from] = NerTag::B(owner);
            for t in &mut self.ner[from + 1..k] {
                *t = NerTag::I(owner);
            }
            self.ner[k] = NerTag::O;
            self.ner[k + 1] = NerTag::B(NerType::Person);
            for t in &mut self.ner[k + 2..to] {
                *t = NerTag::I(NerType::Person);
            }
        }
    }

    /// The tagger's entity type over tokens `from..to`: the type of the first tagged token.
    fn ner_type(&self, from: usize, to: usize) -> Option<NerType> {
        self.ner[from..to].iter().find_map(|t| match t {
            NerTag::B(k) | NerTag::I(k) => Some(*k),
            NerTag::O => None,
        })
    }

    /// A one-word organisation the tagger proposes is too weak a sign when the word is a head
    /// word or title ("the Council"), follows "the" ("the Convention") or opens the sentence
    /// ("Talks"); acronyms and names mid-sentence ("Hamas said") count.
    fn weak_single_org(&self, k: usize) -> bool {
        let w = self.tok(k);
        if self.lex.is_body_word(w) || self.lex.is_role_word(w) {
            return true;
        }
        if initial_caps_word(w) {
            return false;
        }
        k == 0 || matches!(self.tok(k - 1), "the" | "The") || !self.tok(k - 1).chars().any(char::is_alphanumeric)
    }

    /// Names only the tagger found, on tokens no other source claimed: organisations become
    /// actors, people become people (leading titles and honorifics stripped), places stay places.
    fn tagged_names(&mut self) {
        for (from, to, kind) in crate::ner::spans(&self.ner) {
            if !self.free(from, to) || (from..to).any(|k| self.compound[k]) {
                continue;
            }
            let mut a = from;
            while a < to
                && (matches!(self.tok(a), "the" | "The")
                    || kind == NerType::Person
                        && (self.lex.is_role_word(self.tok(a))
                            || is_form_of_address(self.tok(a))
                            || self.lex.is_person_prefix(self.tok(a))
                            || self.lex.is_not_name(self.tok(a).trim_end_matches('.'))))
            {
                a += 1;
            }
            if a == to || !self.tok(a).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            let name = self.join(a, to);
            let (mention_type, target) = match kind {
                NerType::Person if (a..to).all(|k| is_name_token(self.tok(k)) || is_particle(self.tok(k))) => {
                    (MentionType::Person, Target::Person { single: to - a == 1, name, tagged: true })
                }
                NerType::Person => continue,
                // A bare head word ("the Council", "the Office") names no particular body, and a
                // lone capitalised word after "the" or at a sentence's start is too weak a sign
                // ("the Convention", "Talks"); acronyms and names mid-sentence ("Hamas said") count.
                NerType::Organization if to - a == 1 && (a > from || self.weak_single_org(a)) => {
                    (MentionType::Organization, Target::Unlinked)
                }
                // "Article Five", "Royal Castle": a section or a building, not a body that acts.
                NerType::Organization if self.lex.is_not_name(self.tok(a)) || self.lex.is_place_word(self.tok(to - 1)) => {
                    (MentionType::Organization, Target::Unlinked)
                }
                NerType::Organization if to - a > 1 && !(a..to).any(|k| self.lex.is_body_word(self.tok(k))) => {
                    (MentionType::Organization, Target::Unlinked)
                }
                NerType::Organization => (MentionType::Organization, Target::Organization { name }),
                NerType::Place => (MentionType::Place, Target::Unlinked),
            };
            self.push(self.mention(a, to, mention_type, target));
        }
    }
}

/// "His Majesty", "His Holiness", "His Excellency": the form of address before a name is
/// no part of it.
fn is_form_of_address(word: &str) -> bool {
    matches!(word, "Majesty" | "Highness" | "Excellency" | "Holiness" | "Eminence")
}

/// A verb that puts a titled person after a party that is not theirs: "Chile supporting
/// President NAME's government", "Peru welcomed Prime Minister NAME". Participles that qualify
/// a title ("acting President", "outgoing Prime Minister") are not verbs here.
fn is_verb_before_title(word: &str) -> bool {
    const TITLE_PARTICIPLES: &[&str] = &["acting", "outgoing", "incoming", "ruling", "governing", "reigning", "sitting", "leading", "founding", "presiding", "serving", "caretaker"];
    const VERBS: &[&str] = &["met", "meets", "visited", "visits", "called", "calls", "urged", "urges", "told", "tells", "thanked", "thanks", "congratulated", "invited", "invites", "welcomed", "welcomes", "received", "receives", "backed", "backs", "supported", "supports", "criticised", "criticized", "accused", "accuses", "hosted", "hosts", "joined", "joins", "replaced", "replaces", "succeeded"];
    word.len() > 4 && word.ends_with("ing") && !TITLE_PARTICIPLES.contains(&word) || VERBS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::sentences;

    fn mentions(text: &str) -> Vec<(String, MentionType, Target)> {
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        for s in sentences(text) {
            for m in find_mentions(text, &s, &lex) {
                out.push((text[m.start..m.end].to_string(), m.mention_type, m.target));
            }
        }
        out
    }

    fn spans(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn titles_introduce_people_and_their_party() {
        let lex = Lexicon::builtin();
        let text = "Talks between Russian President Ivan Petrov and US special envoy Jane Roe ended.";
        let s = &sentences(text)[0];
        let found = find_mentions(text, s, &lex);
        let people: Vec<_> = found.iter().filter(|m| m.title.is_some()).collect();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].target, Target::Person { name: "Ivan Petrov".into(), single: false, tagged: true });
        let title = people[1].title.as_ref().unwrap();
        assert_eq!(title.text, "US special envoy");
        assert_eq!(lex.entities[title.party.unwrap()].name, "United States");
    }

    #[test]
    fn institutions_keep_commas_and_possessives_inside_their_names() {
        let text = "Li Wei, a researcher at the Institute of Russian, Eastern European and Central Asian Studies at Fudan University, said so.";
        let found = spans(text);
        assert!(found.contains(&"Institute of Russian, Eastern European and Central Asian Studies".to_string()), "{found:?}");
        let text = "Li Wei, head of a program at Peking University's Center for Arms Control and Strategy, said so.";
        assert!(spans(text).contains(&"Peking University's Center for Arms Control and Strategy".to_string()));
    }

    #[test]
    fn a_party_and_its_member_joined_by_a_possessive_are_two_names() {
        // (The tagger alone reads "Yesh Atid's Yair Lapid" as one organisation.)
        let found = mentions("Opposition parties, led by Yesh Atid's Yair Lapid informed president Reuven Rivlin of the deal.");
        let person = Target::Person { name: "Yair Lapid".into(), single: false, tagged: true };
        assert!(found.iter().any(|m| m.0 == "Yair Lapid" && m.2 == person), "{found:?}");
        assert!(found.iter().all(|m| !m.0.contains("'s")), "{found:?}");
    }

    #[test]
    fn a_persons_name_after_a_body_is_not_part_of_the_body() {
        let found = spans("The chief economist at the Bank of New Zealand Jason Wong said rates would rise.");
        assert!(found.contains(&"Bank of New Zealand".to_string()) && found.contains(&"Jason Wong".to_string()), "{found:?}");
        // A given name inside a body's name, before its head word, stays.
        assert!(spans("He studied at Vytautas Magnus University in Kaunas.").contains(&"Vytautas Magnus University".to_string()));
    }

    #[test]
    fn a_form_of_address_is_no_part_of_a_name() {
        let found = mentions("Olena Marchuk met His Majesty Salman bin Abdulaziz Al-Saud.");
        let person = Target::Person { name: "Salman bin Abdulaziz Al-Saud".into(), single: false, tagged: true };
        assert!(found.iter().any(|m| m.2 == person), "{found:?}");
    }

    #[test]
    fn a_title_after_and_ends_a_bodys_name() {
        let found = spans("The meeting was attended by Chief of the General Staff of the Armed Forces and First Deputy Defence Minister Oleg Petrov.");
        assert!(found.iter().all(|s| !s.ends_with("First Deputy")), "{found:?}");
    }

    #[test]
    fn proposals_are_named_by_number_and_type() {
        let found = mentions("It was spurred by a US-proposed 28-point peace plan unveiled last month.");
        let p = found.iter().find(|m| m.1 == MentionType::Proposal).unwrap();
        assert_eq!(p.0, "US-proposed 28-point peace plan");
        assert!(matches!(&p.2, Target::Proposal { name, key, anaphoric: false, .. } if name == "28-point peace plan" && key == "28-point plan"));
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let found = spans("Momentum stalled this week. Meanwhile, Despite it all, nothing happened on Tuesday.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn metonyms_and_demonyms_are_known_entities() {
        let found = mentions("Moscow rejected European demands.");
        assert!(matches!(found[0].2, Target::Known { form: FormKind::Metonym, .. }));
        assert!(matches!(found[1].2, Target::Known { form: FormKind::Demonym, .. }));
    }
}
