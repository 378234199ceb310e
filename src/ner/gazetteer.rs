//! Gazetteer features: which tokens fall inside a known entity form of the lexicon (states,
//! capitals and other metonyms, demonyms, blocs, organisations, institutions), matched longest
//! first on whole tokens, case-sensitively.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ingest::text::tokenize;
use crate::lexicon::Lexicon;

use super::features::{mix, IdBuild};

/// Token sequences of known entity forms with a label such as `state/demonym`.
#[derive(Debug)]
pub struct Gazetteer {
    forms: HashMap<u64, u16, IdBuild>,
    pub(crate) labels: Vec<String>,
    max_len: usize,
}

fn seq_hash<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for w in words {
        for &b in w.as_ref().as_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

impl Gazetteer {
    /// Built from the bundled lexicon, once.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_lexicon(Lexicon::shared()))
    }

    pub fn from_lexicon(lex: &Lexicon) -> Gazetteer {
        let mut g = Gazetteer { forms: HashMap::default(), labels: Vec::new(), max_len: 0 };
        let mut label_ids: HashMap<String, u16> = HashMap::new();
        for e in &lex.entities[..lex.tagger_entities] {
            let what = match e.entity_type {
                Some(t) => t.as_str().to_string(),
                None => format!("{:?}", e.kind).to_lowercase(),
            };
            let groups =
                [("name", std::slice::from_ref(&e.name)), ("alias", &e.aliases[..]), ("metonym", &e.metonyms[..]), ("demonym", &e.demonyms[..])];
            for (how, forms) in groups {
                let label = format!("{what}/{how}");
                let next = label_ids.len() as u16;
                let id = *label_ids.entry(label.clone()).or_insert_with(|| {
                    g.labels.push(label);
                    next
                });
                for f in forms {
                    let toks: Vec<&str> = tokenize(f, 0..f.len()).iter().map(|t| t.text(f)).collect();
                    if toks.is_empty() {
                        continue;
                    }
                    g.max_len = g.max_len.max(toks.len());
                    g.forms.entry(seq_hash(&toks)).or_insert(id);
                }
            }
        }
        g
    }

    /// For each word: the label of the form covering it and whether it begins the form.
    pub fn annotate<S: AsRef<str>>(&self, words: &[S]) -> Vec<Option<(u16, bool)>> {
        let mut out = vec![None; words.len()];
        let mut i = 0;
        while i < words.len() {
            let starts_upper = words[i].as_ref().chars().next().is_some_and(|c| c.is_uppercase());
            let mut found = None;
            if starts_upper {
                // hashes of words[i..i + len] for every len, built incrementally (as seq_hash)
                let mut h = 0xcbf2_9ce4_8422_2325u64;
                let mut keys = [0u64; 16];
                let max = self.max_len.min(words.len() - i).min(keys.len());
                for (len, key) in keys.iter_mut().enumerate().take(max) {
                    for &b in words[i + len].as_ref().as_bytes() {
                        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
                    }
                    h = (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
                    *key = mix(h);
                }
                for len in (1..=max).rev() {
                    if let Some(&id) = self.forms.get(&keys[len - 1]) {
                        found = Some((len, id));
                        break;
                    }
                }
            }
            match found {
                Some((len, id)) => {
                    for (k, slot) in out[i..i + len].iter_mut().enumerate() {
                        *slot = Some((id, k == 0));
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tagger's features read from the lexicon: the word classes and the gazetteer's
    /// entities, in a stable order.
    fn tagger_lexicon_fingerprint(lex: &Lexicon) -> u64 {
        let mut text = String::new();
        for (name, set) in lex.ner_word_classes() {
            let mut words: Vec<&String> = set.iter().collect();
            words.sort();
            text.push_str(&format!("{name}:{words:?}\n"));
        }
        // The fields the gazetteer reads, as `{:?}` of the entries printed them before `context`
        // (which the tagger does not read) was added.
        let entries: Vec<String> = lex.entities[..lex.tagger_entities]
            .iter()
            .map(|e| {
                format!(
                    "EntityEntry {{ name: {:?}, kind: {:?}, entity_type: {:?}, aliases: {:?}, metonyms: {:?}, demonyms: {:?} }}",
                    e.name, e.kind, e.entity_type, e.aliases, e.metonyms, e.demonyms
                )
            })
            .collect();
        text.push_str(&format!("[{}]", entries.join(", ")));
        crate::ingest::content_hash(&text)
    }

    #[test]
    fn the_bundled_model_was_trained_with_this_lexicon() {
        // Editing role titles, honorifics, head words or entities changes the tagger's features,
        // and the shipped model no longer rebuilds byte for byte: retrain data/models/ner.bin
        // (`newsgraph train --corpus …/gmb/train.conll`), then update this fingerprint.
        assert_eq!(tagger_lexicon_fingerprint(Lexicon::shared()), 13736372882907002588, "the lexicon's tagger features changed");
    }

    #[test]
    fn finds_forms() {
        let g = Gazetteer::builtin();
        let words = ["The", "Russian", "army", "left", "Buenos", "Aires", "."];
        let a = g.annotate(&words);
        assert!(a[1].is_some() && a[1].unwrap().1);
        assert!(a[4].unwrap().1 && !a[5].unwrap().1);
        assert_eq!(a[4].unwrap().0, a[5].unwrap().0);
        assert!(a[0].is_none() && a[2].is_none());
        let label = &g.labels[a[1].unwrap().0 as usize];
        assert_eq!(label, "state/demonym");
    }

    #[test]
    fn word_classes() {
        let w = WordClasses::builtin();
        assert_ne!(w.classes("Vladimir", "vladimir") & WordClasses::GIVEN, 0);
        assert_ne!(w.classes("Fatima", "fatima") & WordClasses::GIVEN, 0);
        assert_eq!(w.classes("Putin", "putin"), 0);
        assert_ne!(w.classes("President", "president") & 1, 0, "role word");
        assert_ne!(w.classes("Mr.", "mr.") & 2, 0, "honorific");
        assert_ne!(w.classes("Ministry", "ministry") & 4, 0, "organisation head word");
    }
}

/// Word classes for single-token features: given names (`data/names/given_names.txt`, matched
/// as written) and the lexicon's role words, honorifics and head words (matched in lower case).
/// Each word maps to a bit set; bit `k` is class `k` of [`WordClasses::NAMES`].
#[derive(Debug)]
pub struct WordClasses {
    given: HashMap<u64, (), IdBuild>,
    lower: HashMap<u64, u8, IdBuild>,
}

static GIVEN_NAMES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/names/given_names.txt"));

impl WordClasses {
    pub const GIVEN: u8 = 1 << 7;
    pub const NAMES: [&'static str; 8] = ["role", "prefix", "org", "inst", "placew", "notname", "", "given"];

    pub fn builtin() -> &'static WordClasses {
        static W: OnceLock<WordClasses> = OnceLock::new();
        W.get_or_init(|| WordClasses::new(Lexicon::shared(), GIVEN_NAMES))
    }

    pub fn new(lex: &Lexicon, given_names: &str) -> WordClasses {
        let mut given = HashMap::default();
        for line in given_names.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                given.insert(seq_hash(&[line]), ());
            }
        }
        let mut lower: HashMap<u64, u8, IdBuild> = HashMap::default();
        for (k, (_, set)) in lex.ner_word_classes().iter().enumerate() {
            for w in set.iter() {
                *lower.entry(seq_hash(&[w.as_str()])).or_default() |= 1 << k;
                if k == 1 {
                    // honorifics are stored without their dot
                    *lower.entry(seq_hash(&[format!("{w}.")])).or_default() |= 1 << k;
                }
            }
        }
        WordClasses { given, lower }
    }

    /// Whether `word`, as written, is a common given name ("Denis", "Fatima").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains_key(&seq_hash(&[word]))
    }

    /// The class bits of a word, given its lower-case form too.
    #[inline]
    pub fn classes(&self, word: &str, lower: &str) -> u8 {
        let mut bits = self.lower.get(&seq_hash(&[lower])).copied().unwrap_or(0);
        if self.given.contains_key(&seq_hash(&[word])) {
            bits |= Self::GIVEN;
        }
        bits
    }
}
