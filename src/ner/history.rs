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
    /// The words around earlier occurrences of each capitalised word (context aggregation):
    /// word key -> (side-salted key of the lower-case neighbour, count).
    ctx: HashMap<u64, Vec<(u64, u16)>, IdBuild>,
    ctx_window: VecDeque<Vec<(u64, u64)>>,
}

/// Side-salted key of a neighbour word (lower-cased), as stored in the context aggregation.
pub(crate) fn neighbour_key(word: &str, side: u64) -> u64 {
    let lower;
    let w = if word.chars().any(char::is_uppercase) {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    super::features::mix(word_key(w) ^ side.wrapping_mul(0x9e37_79b9_7f4a_7c15))
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
        self.ctx.clear();
        self.ctx_window.clear();
    }

    /// Neighbour words of earlier occurrences of the word with this [`word_key`].
    #[inline]
    pub(crate) fn context_of(&self, key: u64) -> Option<&[(u64, u16)]> {
        if self.ctx.is_empty() {
            return None;
        }
        self.ctx.get(&key).map(|v| v.as_slice())
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
        // context aggregation: the lower-case words beside each capitalised word
        let mut centry = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let w = w.as_ref();
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let k = word_key(w);
            for (side, j) in [(1u64, i.wrapping_sub(1)), (2, i + 1)] {
                let Some(nw) = words.get(j) else { continue };
                let nw = nw.as_ref();
                if nw.chars().next().is_some_and(char::is_uppercase) && side == 2 {
                    continue;
                }
                let nk = neighbour_key(nw, side);
                let v = self.ctx.entry(k).or_default();
                match v.iter_mut().find(|(x, _)| *x == nk) {
                    Some(e) => e.1 += 1,
                    None => v.push((nk, 1)),
                }
                centry.push((k, nk));
            }
        }
        self.ctx_window.push_back(centry);
        while self.ctx_window.len() > self.max_sentences {
            for (k, nk) in self.ctx_window.pop_front().unwrap() {
                if let Some(v) = self.ctx.get_mut(&k) {
                    if let Some(p) = v.iter().position(|(x, _)| *x == nk) {
                        v[p].1 -= 1;
                        if v[p].1 == 0 {
                            v.swap_remove(p);
                        }
                    }
                    if v.is_empty() {
                        self.ctx.remove(&k);
                    }
                }
            }
        }
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
