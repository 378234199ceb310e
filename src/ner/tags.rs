//! The tag set: BIO over person / organization / place, spans, and corpus tag conversion.

/// An entity type.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum NerType {
    Person,
    Organization,
    Place,
}

impl NerType {
    pub const ALL: [NerType; 3] = [NerType::Person, NerType::Organization, NerType::Place];

    /// Lower-case name, as `ner_eval.py` prints it.
    pub fn name(self) -> &'static str {
        match self {
            NerType::Person => "person",
            NerType::Organization => "organization",
            NerType::Place => "place",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Maps a corpus entity type to ours: GMB `per`, `org`, `geo` and `gpe` (place), and the
    /// CoNLL-2003 / OntoNotes spellings `PER`, `PERSON`, `ORG`, `LOC`, `GPE`. Anything else
    /// (`tim`, `art`, `eve`, `nat`, `MISC`, ...) is not an entity for us.
    pub fn from_corpus(t: &str) -> Option<NerType> {
        match t.to_ascii_lowercase().as_str() {
            "per" | "person" => Some(NerType::Person),
            "org" | "organization" | "organisation" => Some(NerType::Organization),
            "geo" | "gpe" | "loc" | "location" | "place" => Some(NerType::Place),
            _ => None,
        }
    }
}

/// One token's tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NerTag {
    O,
    B(NerType),
    I(NerType),
}

/// Number of tags (O and B/I for three types).
pub(crate) const NT: usize = 7;
/// Rows of the transition tables: the tags plus "sentence start".
pub(crate) const NS: usize = NT + 1;
/// Index of "sentence start" in the transition tables.
pub(crate) const START: usize = NT;

impl NerTag {
    /// Dense index: O = 0, B-t = 1 + 2t, I-t = 2 + 2t.
    pub(crate) fn index(self) -> usize {
        match self {
            NerTag::O => 0,
            NerTag::B(t) => 1 + 2 * t.index(),
            NerTag::I(t) => 2 + 2 * t.index(),
        }
    }

    pub(crate) fn from_index(i: usize) -> NerTag {
        match i {
            0 => NerTag::O,
            _ => {
                let t = NerType::ALL[(i - 1) / 2];
                if i % 2 == 1 {
                    NerTag::B(t)
                } else {
                    NerTag::I(t)
                }
            }
        }
    }
}

/// Entity spans `[start, end)` in token indices. An `I-` tag continues the current entity only
/// when it has the same type; otherwise (after `O`, at the start, or after another type) it
/// starts a new entity — the convention of `ner_eval.py` and of the CoNLL scorer.
pub fn spans(tags: &[NerTag]) -> Vec<(usize, usize, NerType)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, NerType)> = None;
    for (i, tag) in tags.iter().enumerate() {
        match *tag {
            NerTag::O => {
                if let Some((s, t)) = cur.take() {
                    out.push((s, i, t));
                }
            }
            NerTag::B(t) => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
                cur = Some((i, t));
            }
            NerTag::I(t) => match cur {
                Some((_, c)) if c == t => {}
                _ => {
                    if let Some((s, c)) = cur.take() {
                        out.push((s, i, c));
                    }
                    cur = Some((i, t));
                }
            },
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, tags.len(), t));
    }
    out
}

/// Spans of corpus BIO tags (`B-geo`, `I-per`, `O`, ...), with `ner_eval.py`'s convention applied
/// to the *corpus* types (so `B-geo I-gpe` is two places), then mapped by
/// [`NerType::from_corpus`]; entities of other types are dropped.
pub fn gold_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, NerType)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    let close = |cur: Option<(usize, &str)>, end: usize, out: &mut Vec<(usize, usize, NerType)>| {
        if let Some((s, t)) = cur {
            if let Some(ty) = NerType::from_corpus(t) {
                out.push((s, end, ty));
            }
        }
    };
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        if let Some(t) = tag.strip_prefix("B-") {
            close(cur.take(), i, &mut out);
            cur = Some((i, t));
        } else if let Some(t) = tag.strip_prefix("I-") {
            match cur {
                Some((_, c)) if c == t => {}
                _ => {
                    close(cur.take(), i, &mut out);
                    cur = Some((i, t));
                }
            }
        } else {
            close(cur.take(), i, &mut out);
        }
    }
    close(cur, tags.len(), &mut out);
    out
}

/// BIO tags of `n` tokens from non-overlapping spans.
pub fn encode_bio(n: usize, spans: &[(usize, usize, NerType)]) -> Vec<NerTag> {
    let mut tags = vec![NerTag::O; n];
    for &(s, e, t) in spans {
        for (k, tag) in tags.iter_mut().enumerate().take(e).skip(s) {
            *tag = if k == s { NerTag::B(t) } else { NerTag::I(t) };
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerTag::*;
    use NerType::*;

    #[test]
    fn index_round_trip() {
        for i in 0..NT {
            assert_eq!(NerTag::from_index(i).index(), i);
        }
    }

    #[test]
    fn spans_edge_cases() {
        assert_eq!(spans(&[]), vec![]);
        // I- without B- starts an entity
        assert_eq!(spans(&[O, I(Person), I(Person), O]), vec![(1, 3, Person)]);
        assert_eq!(spans(&[I(Place)]), vec![(0, 1, Place)]);
        // adjacent entities of different types, with and without B-
        assert_eq!(spans(&[B(Person), I(Organization)]), vec![(0, 1, Person), (1, 2, Organization)]);
        assert_eq!(spans(&[B(Person), B(Place), I(Place)]), vec![(0, 1, Person), (1, 3, Place)]);
        // adjacent entities of the same type split by B-
        assert_eq!(spans(&[B(Place), B(Place)]), vec![(0, 1, Place), (1, 2, Place)]);
        // entity running to the end
        assert_eq!(spans(&[O, B(Organization), I(Organization)]), vec![(1, 3, Organization)]);
    }

    #[test]
    fn gold_spans_follow_corpus_types() {
        // geo then gpe: two places under the scorer's convention
        assert_eq!(gold_spans(&["B-geo", "I-gpe"]), vec![(0, 1, Place), (1, 2, Place)]);
        // tim is dropped, and an I-per after it starts a person
        assert_eq!(gold_spans(&["B-tim", "I-per", "O"]), vec![(1, 2, Person)]);
        assert_eq!(gold_spans(&["O", "I-org", "I-org"]), vec![(1, 3, Organization)]);
        let t = gold_spans(&["B-per", "I-per", "O", "B-gpe"]);
        assert_eq!(encode_bio(4, &t), vec![B(Person), I(Person), O, B(Place)]);
    }
}
