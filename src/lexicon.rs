//! The lexicon: world knowledge and cue vocabulary that drive extraction, read from RON
//! (`data/lexicon.ron`, bundled into the binary) so that users can extend it without recompiling.
//!
//! Invariant: the lexicon holds general knowledge only (states, capitals, demonyms, blocs,
//! organisations, role titles, issue and proposal vocabulary, relation cues), never the people
//! or plans of particular articles.

use crate::model::{EntityType, Kind, Relation};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The lexicon shipped with newsgraph.
pub const BUILTIN_LEXICON: &str = include_str!("../data/lexicon.ron");

/// A lexicon file could not be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: invalid lexicon: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: invalid lexicon: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// A known entity: a state with its capital and demonyms, a bloc, an organisation, an institution.
#[derive(Debug, Clone, Deserialize)]
pub struct EntityEntry {
    pub name: String,
    pub kind: Kind,
    #[serde(default, rename = "type")]
    pub entity_type: Option<EntityType>,
    /// Other names of the same thing ("US", "U.S.").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Places that stand for it ("Washington", "Kremlin").
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Adjectives and nouns of nationality ("Russian", "Russians").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Names one of which an article must use for the aliases to stand for this entity there:
    /// "Security Council" is the UN's only where the article names the United Nations.
    #[serde(default)]
    pub context: Vec<String>,
    /// The known bloc or organisation this body belongs to ("UNRWA" is part of the United
    /// Nations), by its name in this lexicon.
    #[serde(default)]
    pub part_of: Option<String>,
}

/// A role title and the relation it implies between the person and the party named with it.
#[derive(Debug, Clone, Deserialize)]
pub struct RoleEntry {
    /// The title, matched case-insensitively ("special envoy", "Prime Minister").
    pub title: String,
    /// `leads` or `represents`.
    pub relation: Relation,
    /// The relation to a state where it differs: a Speaker leads a parliament but represents
    /// the state ("Chilean House Speaker NAME").
    #[serde(default)]
    pub of_state: Option<Relation>,
}

/// An issue with its surface forms. `{demonym}` in an alias stands for any demonym.
#[derive(Debug, Clone, Deserialize)]
pub struct IssueEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Phrases that signal a relation.
#[derive(Debug, Clone, Deserialize)]
pub struct CueEntry {
    pub relation: Relation,
    /// The kinds of node the cue may take as its object; empty: the relation's usual ones.
    #[serde(default)]
    pub objects: Vec<Kind>,
    pub phrases: Vec<String>,
}

/// One relation cue phrase, compiled.
#[derive(Debug, Clone)]
pub struct Cue {
    pub relation: Relation,
    pub phrase: String,
    /// The kinds of node it may take as its object; empty: the relation's usual ones.
    pub objects: Vec<Kind>,
}

#[derive(Debug, Clone, Deserialize)]
struct LexiconFile {
    entities: Vec<EntityEntry>,
    /// News outlets and platforms ("Wikinews", "Twitter"): entities like the others, but outside
    /// the tagger's gazetteer, so listing more of them needs no retraining.
    #[serde(default)]
    outlets: Vec<EntityEntry>,
    roles: Vec<RoleEntry>,
    #[serde(default)]
    expert_words: Vec<String>,
    #[serde(default)]
    institution_words: Vec<String>,
    #[serde(default)]
    organization_words: Vec<String>,
    #[serde(default)]
    place_words: Vec<String>,
    #[serde(default)]
    issues: Vec<IssueEntry>,
    #[serde(default)]
    proposal_words: Vec<String>,
    #[serde(default)]
    known_proposals: Vec<IssueEntry>,
    #[serde(default)]
    proposal_generic_modifiers: Vec<String>,
    #[serde(default)]
    proposal_dropped_modifiers: Vec<String>,
    #[serde(default)]
    cues: Vec<CueEntry>,
    #[serde(default)]
    position_cues: Vec<String>,
    #[serde(default)]
    speech_verbs: Vec<String>,
    #[serde(default)]
    negations: Vec<String>,
    #[serde(default)]
    name_connectors: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    person_prefixes: Vec<String>,
    #[serde(default)]
    portfolio_words: Vec<String>,
    #[serde(default)]
    rank_words: Vec<String>,
    #[serde(default)]
    common_nouns: Vec<String>,
    #[serde(default)]
    given_name_variants: Vec<Vec<String>>,
}

/// How a lexicon surface form refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Name,
    Alias,
    Metonym,
    Demonym,
}

/// One surface form of a known entity.
#[derive(Debug, Clone)]
pub struct Form {
    pub entity: usize,
    pub kind: FormKind,
}

/// A phrase match found by one of the lexicon's matchers: byte span and pattern payload.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// A compiled lexicon, ready for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub entities: Vec<EntityEntry>,
    /// How many of `entities` (the first ones) the tagger's gazetteer reads; the outlets follow.
    pub tagger_entities: usize,
    pub roles: Vec<RoleEntry>,
    pub issues: Vec<IssueEntry>,
    pub cues: Vec<Cue>,
    /// Well-known agreements and treaties, by canonical name.
    pub known_proposals: Vec<IssueEntry>,
    /// Lower-case name or alias of a known proposal → its index in `known_proposals`.
    known_proposal_forms: HashMap<String, usize>,
    forms: Vec<Form>,
    entity_matcher: Matcher,
    role_matcher: Matcher,
    issue_patterns: Vec<usize>,
    issue_matcher: Matcher,
    cue_matcher: Matcher,
    position_matcher: Matcher,
    expert_words: WordSet,
    institution_words: WordSet,
    organization_words: WordSet,
    place_words: WordSet,
    proposal_words: WordSet,
    proposal_generic_modifiers: WordSet,
    proposal_dropped_modifiers: WordSet,
    speech_verbs: WordSet,
    negations: WordSet,
    name_connectors: WordSet,
    not_names: WordSet,
    person_prefixes: WordSet,
    portfolio_words: WordSet,
    rank_words: WordSet,
    common_nouns: WordSet,
    /// Lower-case given name → index of its group of language variants in `given_name_groups`.
    given_name_variants: HashMap<String, usize>,
    given_name_groups: Vec<Vec<String>>,
    demonym_lookup: HashMap<String, usize, WordHash>,
    role_words: WordSet,
}

/// FNV-1a: the lexicon's word sets are looked up for nearly every token, and SipHash (the
/// standard library's default, made to resist hash flooding) costs more than the rest of a lookup.
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash builder of the lexicon's word tables.
pub type WordHash = std::hash::BuildHasherDefault<FnvHasher>;
/// A set of (lower-case) words, with the set of their first bytes: most words looked up begin
/// with a byte no word of the set begins with, and are turned away before any hashing.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    set: HashSet<String, WordHash>,
    first: [u64; 4],
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut w = WordSet::default();
        for s in iter {
            if let Some(&b) = s.as_bytes().first() {
                w.first[(b >> 6) as usize] |= 1 << (b & 63);
            }
            w.set.insert(s);
        }
        w
    }
}

impl WordSet {
    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.set.iter()
    }

    fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// False when no word of the set can be `w` lower-cased, judged by the first byte.
    #[inline]
    fn may_hold_folded(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            // an ASCII first character lower-cases to its ASCII lower case, whatever follows
            Some(&b) if b < 0x80 => {
                let l = b.to_ascii_lowercase();
                self.first[(l >> 6) as usize] & (1 << (l & 63)) != 0
            }
            _ => true,
        }
    }
}

/// Whether `set` (of lower-case words) holds `w` lower-cased, without allocating for the short
/// ASCII words that make up nearly every lookup.
fn contains_folded(set: &WordSet, w: &str) -> bool {
    if !set.may_hold_folded(w) {
        return false;
    }
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return set.contains(w);
    }
    let mut buf = [0u8; 48];
    if w.is_ascii() && w.len() <= buf.len() {
        let bytes = &mut buf[..w.len()];
        bytes.copy_from_slice(w.as_bytes());
        bytes.make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8.
        return std::str::from_utf8(bytes).is_ok_and(|lw| set.contains(lw));
    }
    set.contains(&w.to_lowercase())
}

fn lower_set(words: Vec<String>) -> WordSet {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

impl Lexicon {
    /// The lexicon bundled into the binary (a copy of [`Lexicon::shared`]; the matchers are
    /// shared, not rebuilt).
    pub fn builtin() -> Lexicon {
        Lexicon::shared().clone()
    }

    /// The bundled lexicon, parsed and compiled once per process.
    pub fn shared() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| Lexicon::parse(BUILTIN_LEXICON, Path::new("data/lexicon.ron")).expect("the bundled lexicon is valid"))
    }

    /// Reads a lexicon file.
    pub fn load(path: &Path) -> Result<Lexicon, LexiconError> {
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io { path: path.into(), source })?;
        Lexicon::parse(&text, path)
    }

    /// Parses lexicon text; `path` labels errors.
    pub fn parse(text: &str, path: &Path) -> Result<Lexicon, LexiconError> {
        let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let file: LexiconFile = options.from_str(text).map_err(|e| LexiconError::Syntax {
            path: path.into(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        Lexicon::compile(file, path)
    }

    fn compile(mut file: LexiconFile, path: &Path) -> Result<Lexicon, LexiconError> {
        let tagger_entities = file.entities.len();
        let outlets = std::mem::take(&mut file.outlets);
        file.entities.extend(outlets);
        let invalid = |message: String| LexiconError::Invalid { path: path.into(), message };
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        let mut demonym_lookup = HashMap::default();
        for (i, e) in file.entities.iter().enumerate() {
            if e.name.trim().is_empty() {
                return Err(invalid(format!("entity {} has an empty name", i + 1)));
            }
            let groups = [
                (std::slice::from_ref(&e.name), FormKind::Name),
                (e.aliases.as_slice(), FormKind::Alias),
                (e.metonyms.as_slice(), FormKind::Metonym),
                (e.demonyms.as_slice(), FormKind::Demonym),
            ];
            for (list, kind) in groups {
                for s in list {
                    if s.trim().is_empty() {
                        continue;
                    }
                    if kind == FormKind::Demonym {
                        demonym_lookup.insert(s.to_lowercase(), i);
                    }
                    patterns.push(s.clone());
                    forms.push(Form { entity: i, kind });
                }
            }
        }
        for r in &file.roles {
            if !matches!(r.relation, Relation::Leads | Relation::Represents) {
                return Err(invalid(format!("role '{}' must imply leads or represents, not {}", r.title, r.relation)));
            }
        }
        let build = |pats: &[String], case_insensitive: bool| -> Result<Matcher, LexiconError> {
            // Case-insensitive matchers hold their patterns in ASCII lower case and search lower-cased
            // text (same byte offsets): the same matches as aho-corasick's ascii_case_insensitive,
            // at a fraction of its build time on the thousands of issue phrases.
            let folded: Vec<String>;
            let pats = if case_insensitive {
                folded = pats.iter().map(|p| p.to_ascii_lowercase()).collect();
                &folded[..]
            } else {
                pats
            };
            let ac = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(pats).map_err(|e| invalid(e.to_string()))?;
            Ok(Matcher { ac, fold: case_insensitive })
        };
        let entity_matcher = build(&patterns, false)?;
        let role_titles: Vec<String> = file.roles.iter().map(|r| r.title.clone()).collect();
        let role_matcher = build(&role_titles, true)?;

        let mut issue_texts = Vec::new();
        let mut issue_patterns = Vec::new();
        let demonyms: Vec<&String> = file.entities.iter().flat_map(|e| e.demonyms.iter()).collect();
        for (i, issue) in file.issues.iter().enumerate() {
            for form in std::iter::once(&issue.name).chain(issue.aliases.iter()) {
                if form.contains("{demonym}") {
                    for d in &demonyms {
                        issue_texts.push(form.replace("{demonym}", d));
                        issue_patterns.push(i);
                    }
                } else {
                    issue_texts.push(form.clone());
                    issue_patterns.push(i);
                }
            }
        }
        let issue_matcher = build(&issue_texts, true)?;
        let cues: Vec<Cue> = file
            .cues
            .iter()
            .flat_map(|c| c.phrases.iter().map(move |p| Cue { relation: c.relation.clone(), phrase: p.clone(), objects: c.objects.clone() }))
            .collect();
        let cue_texts: Vec<String> = cues.iter().map(|c| c.phrase.clone()).collect();
        let cue_matcher = build(&cue_texts, true)?;
        let position_matcher = build(&file.position_cues, true)?;

        let role_words: WordSet = file
            .roles
            .iter()
            .flat_map(|r| r.title.split([' ', '-']).map(|w| w.to_lowercase()))
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "to" | "for" | "in"))
            .chain(file.roles.iter().map(|r| r.title.to_lowercase()))
            .collect();
        let known_proposal_forms = file
            .known_proposals
            .iter()
            .enumerate()
            .flat_map(|(i, p)| std::iter::once(&p.name).chain(p.aliases.iter()).map(move |f| (name_form(f), i)))
            .collect();
        Ok(Lexicon {
            known_proposals: file.known_proposals,
            known_proposal_forms,
            role_words,
            entities: file.entities,
            tagger_entities,
            roles: file.roles,
            issues: file.issues,
            cues,
            forms,
            entity_matcher,
            role_matcher,
            issue_patterns,
            issue_matcher,
            cue_matcher,
            position_matcher,
            expert_words: lower_set(file.expert_words),
            institution_words: lower_set(file.institution_words),
            organization_words: lower_set(file.organization_words),
            place_words: lower_set(file.place_words),
            proposal_words: lower_set(file.proposal_words),
            proposal_generic_modifiers: lower_set(file.proposal_generic_modifiers),
            proposal_dropped_modifiers: lower_set(file.proposal_dropped_modifiers),
            speech_verbs: lower_set(file.speech_verbs),
            negations: lower_set(file.negations),
            name_connectors: lower_set(file.name_connectors),
            not_names: lower_set(file.not_names),
            person_prefixes: lower_set(file.person_prefixes),
            portfolio_words: lower_set(file.portfolio_words),
            rank_words: lower_set(file.rank_words),
            common_nouns: lower_set(file.common_nouns),
            given_name_variants: file
                .given_name_variants
                .iter()
                .enumerate()
                .flat_map(|(g, names)| names.iter().map(move |n| (n.to_lowercase(), g)))
                .collect(),
            given_name_groups: file.given_name_variants.clone(),
            demonym_lookup,
        })
    }

    /// The surface form behind an entity match's pattern index.
    pub fn form(&self, pattern: usize) -> &Form {
        &self.forms[pattern]
    }

    /// Known-entity surface forms in `text` (case-sensitive, whole words; a hyphen is a word
    /// boundary so that "US-proposed" mentions the US).
    pub fn find_entities(&self, text: &str) -> Vec<PhraseMatch> {
        find_words(&self.entity_matcher, text)
    }

    /// Role titles in `text` (case-insensitive, whole words); `pattern` indexes `roles`.
    pub fn find_roles(&self, text: &str) -> Vec<PhraseMatch> {
        find_words(&self.role_matcher, text)
    }

    /// Issue phrases in `text`; `pattern` indexes `issues`.
    pub fn find_issues(&self, text: &str) -> Vec<PhraseMatch> {
        let mut v = find_words(&self.issue_matcher, text);
        for m in &mut v {
            m.pattern = self.issue_patterns[m.pattern];
        }
        v
    }

    /// Relation cue phrases in `text`; `pattern` indexes `cues`.
    pub fn find_cues(&self, text: &str) -> Vec<PhraseMatch> {
        find_words(&self.cue_matcher, text)
    }

    /// Position cue phrases ("stance on", "willingness to forgo") in `text`.
    pub fn find_position_cues(&self, text: &str) -> Vec<PhraseMatch> {
        find_words(&self.position_matcher, text)
    }

    /// The entity a demonym stands for.
    pub fn demonym_entity(&self, word: &str) -> Option<usize> {
        self.demonym_lookup.get(&word.to_lowercase()).copied()
    }

    pub fn is_expert_word(&self, w: &str) -> bool {
        contains_folded(&self.expert_words, w)
    }
    pub fn is_institution_word(&self, w: &str) -> bool {
        contains_folded(&self.institution_words, w)
    }
    pub fn is_organization_word(&self, w: &str) -> bool {
        contains_folded(&self.organization_words, w)
    }
    pub fn is_place_word(&self, w: &str) -> bool {
        contains_folded(&self.place_words, w)
    }
    /// The canonical name of the well-known proposal `name` stands for ("2015 Minsk Package of
    /// Measures" → "Minsk agreements"), if any: case, spacing and a leading year do not count.
    pub fn known_proposal(&self, name: &str) -> Option<&str> {
        self.known_proposal_forms.get(&name_form(name)).map(|&i| self.known_proposals[i].name.as_str())
    }

    pub fn is_proposal_word(&self, w: &str) -> bool {
        contains_folded(&self.proposal_words, w)
    }
    /// Modifiers that make a proposal noun specific enough to name ("peace" plan, "ceasefire" deal).
    pub fn is_proposal_generic_modifier(&self, w: &str) -> bool {
        contains_folded(&self.proposal_generic_modifiers, w)
    }
    /// Modifiers dropped from a proposal's canonical name ("earlier", "revised").
    pub fn is_proposal_dropped_modifier(&self, w: &str) -> bool {
        contains_folded(&self.proposal_dropped_modifiers, w)
    }
    pub fn is_speech_verb(&self, w: &str) -> bool {
        // Capitalised, a speech verb is part of a name ("United States"), save the sentence
        // opener "According to".
        if w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("according") {
            return false;
        }
        contains_folded(&self.speech_verbs, w)
    }
    pub fn is_negation(&self, w: &str) -> bool {
        contains_folded(&self.negations, w)
    }
    /// Lower-case words allowed inside a capitalised name ("of", "for", "al").
    pub fn is_name_connector(&self, w: &str) -> bool {
        contains_folded(&self.name_connectors, w)
    }
    /// Capitalised words that are never part of a name (days, months, sentence adverbs).
    pub fn is_not_name(&self, w: &str) -> bool {
        contains_folded(&self.not_names, w)
    }
    /// A word of some role title ("president", "envoy"); never part of a person's name.
    pub fn is_role_word(&self, w: &str) -> bool {
        contains_folded(&self.role_words, w)
    }
    /// Head words of institutions, organisations and places: never part of a person's name.
    pub fn is_body_word(&self, w: &str) -> bool {
        self.is_institution_word(w) || self.is_organization_word(w) || self.is_place_word(w)
    }
    /// The lower-case word classes the NER tagger uses as features: role words, honorifics
    /// (without the dot), organisation, institution and place head words, words never in names.
    pub fn ner_word_classes(&self) -> [(&'static str, &WordSet); 6] {
        [
            ("role", &self.role_words),
            ("prefix", &self.person_prefixes),
            ("org", &self.organization_words),
            ("inst", &self.institution_words),
            ("placew", &self.place_words),
            ("notname", &self.not_names),
        ]
    }
    /// Honorifics that introduce a person ("Mr", "Dr").
    pub fn is_person_prefix(&self, w: &str) -> bool {
        contains_folded(&self.person_prefixes, w.trim_end_matches('.'))
    }
    /// The last word of a minister's portfolio ("Defense", "Affairs", "Transformation"): in
    /// "Secretary of National Defense Tomas Reyes" the name starts after it.
    pub fn is_portfolio_word(&self, w: &str) -> bool {
        contains_folded(&self.portfolio_words, w)
    }
    /// A military or police rank written out before a name ("Lieutenant General", "Admiral").
    pub fn is_rank_word(&self, w: &str) -> bool {
        contains_folded(&self.rank_words, w)
    }
    /// Whether two given names are one name in two languages ("Vladimir" and "Volodymyr"),
    /// compared in lower case.
    pub fn same_given_name(&self, a: &str, b: &str) -> bool {
        let group = |w: &str| self.given_name_variants.get(&w.to_lowercase()).copied();
        group(a).is_some_and(|g| group(b) == Some(g))
    }
    /// `word` and the same given name in other languages ("Volodymyr" for "Vladimir"), as
    /// written in the lexicon; just `word` when it has none.
    pub fn given_name_variants(&self, word: &str) -> Vec<String> {
        let mut out = vec![word.to_string()];
        if let Some(&g) = self.given_name_variants.get(&word.to_lowercase()) {
            out.extend(self.given_name_groups[g].iter().filter(|v| !v.eq_ignore_ascii_case(word)).cloned());
        }
        out
    }
    /// Capitalised common nouns that never name an organisation on their own ("Board", "Order").
    pub fn is_common_noun(&self, w: &str) -> bool {
        contains_folded(&self.common_nouns, w)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A phrase matcher: leftmost-longest, case-sensitive or ASCII-case-insensitive.
#[derive(Debug, Clone)]
struct Matcher {
    ac: AhoCorasick,
    /// Patterns are lower-cased and searched for in lower-cased text.
    fold: bool,
}

fn find_words(matcher: &Matcher, text: &str) -> Vec<PhraseMatch> {
    let lowered;
    let hay = if matcher.fold && text.bytes().any(|b| b.is_ascii_uppercase()) {
        lowered = text.to_ascii_lowercase();
        &lowered[..]
    } else {
        text
    };
    matcher
        .ac
        .find_whole_words(hay, text)
        .into_iter()
        .map(|m| PhraseMatch { start: m.start(), end: m.end(), pattern: m.pattern().as_usize() })
        .collect()
}

/// Leftmost-longest matching that skips a match failing the word-boundary test and retries one
/// byte later, so that "Iran" inside "Iranian" does not hide a later match.
trait FindWords {
    /// Matches in `hay`, whose word boundaries are checked in `text` (the same text, or the same
    /// text before ASCII lower-casing: the byte offsets agree).
    fn find_whole_words<'a>(&'a self, hay: &'a str, text: &'a str) -> Vec<aho_corasick::Match>;
}

impl FindWords for AhoCorasick {
    fn find_whole_words<'a>(&'a self, hay: &'a str, text: &'a str) -> Vec<aho_corasick::Match> {
        let whole = |m: &aho_corasick::Match| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            // "ofLuxembourg": a word run on to a small one starts where the tokenizer splits it.
            let glued = || {
                let word_start = text[..m.start()].rfind(|c: char| !is_word_char(c)).map_or(0, |k| k + text[k..].chars().next().map_or(1, char::len_utf8));
                let word_end = text[m.start()..].find(|c: char| !is_word_char(c)).map_or(text.len(), |k| m.start() + k);
                crate::ingest::text::glued_prefix(&text[word_start..word_end]).is_some_and(|p| word_start + p == m.start())
            };
            (before.is_none_or(|c| !is_word_char(c)) || glued()) && after.is_none_or(|c| !is_word_char(c)) || text[..m.end()].ends_with('.')
        };
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let input = aho_corasick::Input::new(hay).span(at..text.len());
            let Some(mut m) = self.find(input) else { break };
            // "met Indian": the longest phrase here ("met in") is cut off mid-word, but a shorter
            // one from the same start ("met") may be whole. Leftmost search in a shortened span
            // finds it, if any.
            while !whole(&m) && m.end() > m.start() + 1 {
                let shorter = aho_corasick::Input::new(hay).span(m.start()..m.end() - 1);
                match self.find(shorter) {
                    Some(s) if s.start() == m.start() => m = s,
                    _ => break,
                }
            }
            if whole(&m) {
                out.push(m);
                at = m.end();
            } else {
                // Move to the next char boundary after the failed start.
                let mut next = m.start() + 1;
                while next < text.len() && !text.is_char_boundary(next) {
                    next += 1;
                }
                at = next;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_cut_off_mid_word_gives_way_to_a_shorter_one_from_the_same_start() {
        let lex = Lexicon::builtin();
        let text = "Reyes met Indian officials";
        let cues: Vec<&str> = lex.find_cues(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(cues, ["met"]);
    }

    #[test]
    fn builtin_lexicon_loads_and_matches_whole_words() {
        let lex = Lexicon::builtin();
        let text = "A US-proposed plan; Iranian and Russian officials met in Moscow.";
        let names: Vec<&str> = lex
            .find_entities(text)
            .iter()
            .map(|m| lex.entities[lex.form(m.pattern).entity].name.as_str())
            .collect();
        assert_eq!(names, ["United States", "Iran", "Russia", "Russia"]);
    }

    #[test]
    fn demonym_placeholders_expand_in_issue_phrases() {
        let lex = Lexicon::builtin();
        let found = lex.find_issues("identifying frozen Russian assets as key");
        assert_eq!(found.len(), 1);
        assert_eq!(lex.issues[found[0].pattern].name, "frozen assets");
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = Lexicon::parse("(\n entities: [\n  (name: 3)\n ],\n roles: [])", Path::new("my.ron")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("my.ron:3:"), "{msg}");
    }

    #[test]
    fn roles_must_imply_leads_or_represents() {
        let err = Lexicon::parse("(entities: [], roles: [(title: \"king\", relation: \"supports\")])", Path::new("r.ron"))
            .unwrap_err();
        assert!(err.to_string().contains("leads or represents"), "{err}");
    }
}

/// A proposal name as `Lexicon::known_proposal` compares it: lower case, single spaces, no
/// leading year or "the".
fn name_form(name: &str) -> String {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let skip = words.iter().take_while(|w| *w == "the" || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).count();
    words[skip..].join(" ")
}
