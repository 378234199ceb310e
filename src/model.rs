//! The data model: node kinds and types, relations, articles and the evidence behind every edge.
//!
//! These types are the vocabulary shared by every layer (ingest, graph, query, export). They are
//! plain data; the names they print (`actor`, `negotiates_with`, …) are the contract of DESIGN.md.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A party that acts in the story: a state, bloc, organisation or person.
    Actor,
    /// A person quoted as a commentator (analyst, researcher, professor).
    Expert,
    /// A university, think tank, academy, research centre or news agency.
    Institution,
    /// A plan, deal, draft, framework, resolution or set of documents.
    Proposal,
    /// A contested topic: territory, security guarantees, sanctions …
    Issue,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 5] = [Kind::Actor, Kind::Expert, Kind::Institution, Kind::Proposal, Kind::Issue];

    /// The name used in files, queries and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Expert => "expert",
            Kind::Institution => "institution",
            Kind::Proposal => "proposal",
            Kind::Issue => "issue",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == lower || k.as_str() == singular)
            .ok_or_else(|| format!("unknown kind '{s}' (expected one of: actor, expert, institution, proposal, issue)"))
    }
}

/// The finer type of an actor (and of an expert, who is always a person).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    State,
    Bloc,
    Organization,
    Person,
}

impl EntityType {
    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::State => "state",
            EntityType::Bloc => "bloc",
            EntityType::Organization => "organization",
            EntityType::Person => "person",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "state" => Ok(EntityType::State),
            "bloc" => Ok(EntityType::Bloc),
            "organization" | "organisation" => Ok(EntityType::Organization),
            "person" => Ok(EntityType::Person),
            _ => Err(format!("unknown type '{s}' (expected state, bloc, organization or person)")),
        }
    }
}

/// A directed, typed relation between two nodes (DESIGN.md's relation table), or a custom
/// relation brought in by `import`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    Proposed,
    Revised,
    Received,
    Supports,
    Opposes,
    NegotiatesWith,
    Leads,
    Represents,
    AffiliatedWith,
    PartOf,
    Concerns,
    PositionOn,
    CommentedOn,
    MentionedWith,
    /// A relation outside the table, kept verbatim (bring-your-own extraction).
    Custom(String),
}

impl Relation {
    /// The relations of DESIGN.md's table, in table order.
    pub const BUILTIN: [Relation; 14] = [
        Relation::Proposed,
        Relation::Revised,
        Relation::Received,
        Relation::Supports,
        Relation::Opposes,
        Relation::NegotiatesWith,
        Relation::Leads,
        Relation::Represents,
        Relation::AffiliatedWith,
        Relation::PartOf,
        Relation::Concerns,
        Relation::PositionOn,
        Relation::CommentedOn,
        Relation::MentionedWith,
    ];

    /// The name used in files, queries and output.
    pub fn as_str(&self) -> &str {
        match self {
            Relation::Proposed => "proposed",
            Relation::Revised => "revised",
            Relation::Received => "received",
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
            Relation::NegotiatesWith => "negotiates_with",
            Relation::Leads => "leads",
            Relation::Represents => "represents",
            Relation::AffiliatedWith => "affiliated_with",
            Relation::PartOf => "part_of",
            Relation::Concerns => "concerns",
            Relation::PositionOn => "position_on",
            Relation::CommentedOn => "commented_on",
            Relation::MentionedWith => "mentioned_with",
            Relation::Custom(s) => s,
        }
    }

    /// Symmetric relations are stored once, in a canonical direction.
    pub fn is_symmetric(&self) -> bool {
        matches!(self, Relation::NegotiatesWith | Relation::MentionedWith)
    }

    /// Parses a builtin relation name; anything else becomes `Custom`.
    pub fn parse_lenient(s: &str) -> Relation {
        s.parse().unwrap_or_else(|_| Relation::Custom(s.trim().to_string()))
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = String;
    /// Parses one of the builtin relation names (case-insensitive, `-` accepted for `_`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace('-', "_");
        Relation::BUILTIN
            .iter()
            .find(|r| r.as_str() == norm)
            .cloned()
            .ok_or_else(|| {
                let names: Vec<&str> = Relation::BUILTIN.iter().map(|r| r.as_str()).collect();
                format!("unknown relation '{s}' (expected one of: {})", names.join(", "))
            })
    }
}

impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Relation::parse_lenient(&s))
    }
}

/// An article that contributed to the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier (the file stem, or `stem#line` for JSONL records).
    pub id: String,
    pub title: String,
    /// ISO date (`YYYY-MM-DD`, or a prefix of it) when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it was read from.
    #[serde(default)]
    pub path: Option<String>,
    /// Hash of the article text, so that re-ingesting it is a no-op.
    #[serde(default)]
    pub hash: u64,
}

/// One sentence supporting an edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// The article id.
    pub article: String,
    /// Sentence index within the article body (0-based).
    pub sentence: usize,
    /// Byte span of the sentence within the article text.
    pub start: usize,
    pub end: usize,
    /// The sentence itself.
    pub text: String,
}

/// A node: a named entity with every surface form seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub entity_type: Option<EntityType>,
    /// Every other surface form seen (never contains `name`).
    #[serde(default)]
    pub aliases: BTreeSet<String>,
    /// Role titles seen with it ("Russian President").
    #[serde(default)]
    pub roles: BTreeSet<String>,
    /// Ids of the articles it appears in.
    #[serde(default)]
    pub articles: BTreeSet<String>,
    /// Why surface forms were merged into this node ("'Okafor' → Amara Okafor in article …").
    #[serde(default)]
    pub merges: Vec<String>,
}

impl Node {
    /// A node with no aliases, roles or articles yet.
    pub fn new(name: impl Into<String>, kind: Kind, entity_type: Option<EntityType>) -> Node {
        Node {
            name: name.into(),
            kind,
            entity_type,
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
            articles: BTreeSet::new(),
            merges: Vec::new(),
        }
    }

    /// Adds a surface form unless it is the name itself.
    pub fn add_alias(&mut self, alias: &str) {
        let alias = alias.trim();
        if !alias.is_empty() && alias != self.name {
            self.aliases.insert(alias.to_string());
        }
    }
}

/// An edge: a typed relation and the sentences that support it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: Relation,
    /// How many times it was seen (evidence sentences, or an imported weight).
    pub weight: u32,
    pub evidence: EvidenceList,
}

/// The evidence sentences of an edge: a slice (`iter`, `len`, `first` …) plus `push`. One
/// pointer wide and allocation-free when empty, because a million-node imported graph has
/// ten million edges and no sentences (a `Vec` would cost 16 more bytes on every edge).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(clippy::box_collection)] // deliberate: one pointer per edge, not three words
pub struct EvidenceList(Option<Box<Vec<Evidence>>>);

impl EvidenceList {
    /// No evidence.
    pub const fn new() -> EvidenceList {
        EvidenceList(None)
    }

    /// Adds a sentence.
    pub fn push(&mut self, evidence: Evidence) {
        self.0.get_or_insert_with(Default::default).push(evidence);
    }
}

impl std::ops::Deref for EvidenceList {
    type Target = [Evidence];
    fn deref(&self) -> &[Evidence] {
        self.0.as_deref().map(Vec::as_slice).unwrap_or(&[])
    }
}

impl From<Vec<Evidence>> for EvidenceList {
    fn from(v: Vec<Evidence>) -> EvidenceList {
        if v.is_empty() {
            EvidenceList(None)
        } else {
            EvidenceList(Some(Box::new(v)))
        }
    }
}

impl<'a> IntoIterator for &'a EvidenceList {
    type Item = &'a Evidence;
    type IntoIter = std::slice::Iter<'a, Evidence>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for EvidenceList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for EvidenceList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Evidence>::deserialize(d).map(EvidenceList::from)
    }
}

impl Relation {
    /// How much one sentence with this relation's cue is worth: a typed cue beats co-occurrence.
    pub fn cue_confidence(&self) -> f64 {
        match self {
            Relation::MentionedWith => 0.3,
            Relation::CommentedOn => 0.6,
            Relation::Custom(_) => 0.5,
            Relation::Leads | Relation::Represents | Relation::AffiliatedWith | Relation::PartOf => 0.85,
            _ => 0.7,
        }
    }
}

impl Edge {
    /// Confidence in `[0, 1)`: each supporting sentence (or unit of imported weight) is an
    /// independent chance, at the cue's confidence, that the relation holds.
    pub fn confidence(&self) -> f64 {
        let n = self.evidence.len().max(self.weight as usize).max(1) as i32;
        1.0 - (1.0 - self.relation.cue_confidence()).powi(n)
    }
}
