//! The optional configuration file, `newsgraph.toml`: default graph and lexicon paths.
//!
//! Where it is looked for, first found wins: `./newsgraph.toml`, then
//! `$XDG_CONFIG_HOME/newsgraph/newsgraph.toml` (`$XDG_CONFIG_HOME` defaulting to `~/.config`).
//! Precedence for each setting: a command-line flag, then the config file, then the built-in
//! default (`newsgraph.ron`, the builtin lexicon). Relative paths in the file are relative to the
//! file's folder. Unknown keys are an error with line and column, so a typo is not ignored.
//!
//! ```toml
//! graph = "graphs/talks.ron"
//! lexicon = "data/lexicon.ron"
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "newsgraph.toml";

/// Settings read from a config file (paths already resolved against its folder).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The default graph file.
    pub graph: Option<PathBuf>,
    /// The default lexicon file.
    pub lexicon: Option<PathBuf>,
    /// Where it was read from (`None`: no file).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// Where the config file is, if there is one.
pub fn locate() -> Option<PathBuf> {
    let here = PathBuf::from(FILE_NAME);
    if here.is_file() {
        return Some(here);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".config")))?;
    let file = base.join("newsgraph").join(FILE_NAME);
    file.is_file().then_some(file)
}

/// Reads the config file if there is one; no file is the empty config.
pub fn load() -> Result<Config, String> {
    match locate() {
        Some(path) => read(&path),
        None => Ok(Config::default()),
    }
}

/// Reads one config file.
pub fn read(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config = parse(&text).map_err(|(line, column, message)| format!("{}:{line}:{column}: {message}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    for p in [&mut config.graph, &mut config.lexicon].into_iter().flatten() {
        if p.is_relative() {
            *p = dir.join(&*p);
        }
    }
    config.source = Some(path.to_path_buf());
    Ok(config)
}

/// Parses config text; an error is (line, column, message), both 1-based.
pub fn parse(text: &str) -> Result<Config, (usize, usize, String)> {
    toml::from_str(text).map_err(|e: toml::de::Error| {
        let at = e.span().map(|s| s.start).unwrap_or(0).min(text.len());
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
        (line, column, e.message().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_errors() {
        let c = parse("graph = \"g.ron\"\nlexicon = \"lex.ron\"\n").unwrap();
        assert_eq!(c.graph, Some(PathBuf::from("g.ron")));
        assert_eq!(c.lexicon, Some(PathBuf::from("lex.ron")));
        assert_eq!(parse("").unwrap(), Config::default());
        let (line, column, message) = parse("graph = \"g.ron\"\n  grpah = 1\n").unwrap_err();
        assert_eq!((line, column), (2, 3), "{message}");
        assert!(message.contains("unknown field"), "{message}");
    }

    #[test]
    fn relative_paths_follow_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "graph = \"sub/g.ron\"\nlexicon = \"/abs/lex.ron\"\n").unwrap();
        let c = read(&file).unwrap();
        assert_eq!(c.graph, Some(dir.path().join("sub/g.ron")));
        assert_eq!(c.lexicon, Some(PathBuf::from("/abs/lex.ron")));
        assert_eq!(c.source, Some(file));
    }
}
