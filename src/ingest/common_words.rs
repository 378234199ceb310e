//! Everyday English words (`data/words/common_words.txt`, built from the GMB training corpus by
//! `examples/build_common_words.rs`): a lone capitalised word that is one of them ("Much has been
//! done", "Freedom" cut from a longer title) names no organisation without more evidence.

use std::collections::HashSet;
use std::sync::OnceLock;

static TEXT: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words/common_words.txt"));

fn words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| TEXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Whether `word`, lower-cased, is an everyday English word.
pub fn is_common_word(word: &str) -> bool {
    words().contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::is_common_word;

    #[test]
    fn everyday_words_are_common_and_names_are_not() {
        for w in ["Much", "people", "Order", "Freedom"] {
            assert!(is_common_word(w), "{w}");
        }
        for w in ["Hamas", "Congress", "Bush", "Taliban"] {
            assert!(!is_common_word(w), "{w}");
        }
    }
}
