//! Document history: how the tagger labelled capitalised words in the preceding sentences of the
//! same document (the "extended prediction history" of Ratinov & Roth, 2009). A surname first
//! seen as "President Mubarak" is a person when it comes back alone; "Hamas" tagged as an
//! organisation twice stays one. The tagger reads it as features; its own output feeds it.

use std::collections::{HashMap, VecDeque};

use super::clusters::word_key;
use super::features::IdBuild;
use super::tags::NerTag;

/// Label counts (person, organization, place, none) of capitalised words over a sliding window of
/// sentences.
#[derive(Debug, Clone, Default)]
pub struct History {
    counts: HashMap<u64, [u16; 7], IdBuild>,
    window: VecDeque<Vec<(u64, u8, u8)>>,
    max_sentences: usize,
}

impl History {
    /// A history that remembers the last `max_sentences` sentences.
    pub fn new(max_sentences: usize) -> History {
        History { max_sentences, ..History::default() }
    }

    /// Forgets everything (a new document begins).
    pub fn clear(&mut self) {
        self.counts.clear();
        self.window.clear();
    }

    /// Label counts of `word` so far.
    #[inline]
    ///
    /// Entries 0–2: inside a person / organization / place; 3: outside any entity; 4–6: the last
    /// word of a person / organization / place.
    pub fn get(&self, word: &str) -> Option<&[u16; 7]> {
        self.get_key(word_key(word))
    }

    /// [`History::get`] by the word's [`word_key`].
    #[inline]
    pub fn get_key(&self, key: u64) -> Option<&[u16; 7]> {
        if self.counts.is_empty() {
            return None;
        }
        self.counts.get(&key)
    }

    /// Records one tagged sentence (tag indices, as [`NerTag::index`]).
    pub fn push<S: AsRef<str>>(&mut self, words: &[S], tags: &[u8]) {
        if self.max_sentences == 0 {
            return;
        }
        let mut entry = Vec::new();
        for (i, (w, &t)) in words.iter().zip(tags).enumerate() {
            let w = w.as_ref();
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let label = if t == 0 { 3 } else { (t - 1) / 2 };
            // the entity ends here unless the next tag continues it (I- tags are even, non-zero)
            let ends = t != 0 && tags.get(i + 1).is_none_or(|&n| n == 0 || n % 2 == 1);
            let end = if ends { 4 + label } else { 7 };
            let k = word_key(w);
            let c = self.counts.entry(k).or_default();
            c[label as usize] += 1;
            if end < 7 {
                c[end as usize] += 1;
            }
            entry.push((k, label, end));
        }
        self.window.push_back(entry);
        while self.window.len() > self.max_sentences {
            for (k, label, end) in self.window.pop_front().unwrap() {
                if let Some(c) = self.counts.get_mut(&k) {
                    c[label as usize] -= 1;
                    if end < 7 {
                        c[end as usize] -= 1;
                    }
                    if c.iter().all(|&x| x == 0) {
                        self.counts.remove(&k);
                    }
                }
            }
        }
    }

    /// [`History::push`] with [`NerTag`]s.
    pub fn push_tags<S: AsRef<str>>(&mut self, words: &[S], tags: &[NerTag]) {
        let idx: Vec<u8> = tags.iter().map(|t| t.index() as u8).collect();
        self.push(words, &idx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_slides() {
        let mut h = History::new(2);
        h.push(&["President", "Mubarak", "spoke"], &[1, 2, 0]);
        assert_eq!(h.get("Mubarak"), Some(&[1, 0, 0, 0, 1, 0, 0]));
        assert_eq!(h.get("spoke"), None);
        h.push(&["Mubarak", "left"], &[3, 0]);
        assert_eq!(h.get("Mubarak"), Some(&[1, 1, 0, 0, 1, 1, 0]));
        h.push(&["Nothing"], &[0]);
        assert_eq!(h.get("Mubarak"), Some(&[0, 1, 0, 0, 0, 1, 0]));
        h.push(&["x"], &[0]);
        assert_eq!(h.get("Mubarak"), None);
    }
}
