//! The query language: [`lexer`] → [`parser`] → [`ast`] → [`eval`](mod@eval) → [`result`].
//!
//! Architecture invariant: nothing here does IO or prints. Statements that touch files
//! (`ingest`, `save`, `load`, `export`) are parsed here but carried out by `crate::session`;
//! results are printed by `crate::render`.
//!
//! # Grammar
//!
//! One statement per line; blank lines are skipped; `#` outside quotes starts a comment.
//!
//! ```text
//! line       := statement? comment?
//! statement  := path | neighbours | show | find | list | evidence | "stats"
//!             | ingest | save | load | export | set | help | quit
//! path       := "path" name name path_flag*
//! path_flag  := "--max" NUMBER | "--all" | "--kind" kinds | "--rel" rels
//! neighbours := ("neighbours" | "neighbors" | "nb") words nb_flag*
//! nb_flag    := "--depth" NUMBER | "--kind" kinds | "--rel" rels
//!             | "--dir" ("out" | "in" | "both") | "--count"
//! show       := "show" words
//! find       := "find" words
//! list       := "list" KIND
//! evidence   := "evidence" name name
//! ingest     := "ingest" value
//! save       := "save" value?
//! load       := "load" value
//! export     := "export" ("dot" | "json") value "--all"?
//! set        := "set" "format" ("text" | "json" | "dot")
//! help       := "help" value?
//! quit       := "quit" | "exit"
//! kinds      := KIND ("," KIND)*          KIND: actor expert institution proposal issue (plural ok)
//! rels       := REL ("," REL)*            REL: a relation name; `-` may stand for `_`
//! name       := WORD | NUMBER | STRING
//! words      := STRING | (WORD | NUMBER)+ joined with single spaces, up to the first flag
//! value      := WORD | NUMBER | STRING
//!
//! WORD   := a run of characters other than whitespace, `,`, `"` and `#` (not starting `--`)
//! NUMBER := a WORD of ASCII digits (NUMBER after --max/--depth must be ≥ 1)
//! STRING := `"` … `"` with escapes \" \\ \n \t
//! flag   := `--` followed by a WORD; keywords, flags and values are case-insensitive
//! ```
//!
//! Flags may come in any order; a repeated flag takes its last value. Names resolve through
//! `KnowledgeGraph::resolve` (exact name or alias, then unambiguous prefix, then fuzzy); unknown
//! or ambiguous names are errors that list candidates. `path` follows edges both ways; `--kind`
//! limits the nodes a path may pass through (its ends are exempt), while for `neighbours` it
//! limits the nodes listed and counted, not the traversal. `--all` lists simple paths of at
//! most `--max` hops (default 4), shortest first, at most [`eval::PATH_CAP`] of them.

pub mod ast;
pub mod error;
pub mod eval;
pub mod help;
pub mod lexer;
pub mod parser;
pub mod result;

pub use ast::{Command, Format, Query, Statement};
pub use error::{Location, Span, SyntaxError};
pub use eval::{eval, EvalError};
pub use parser::{parse_line, parse_script, ScriptLine};
pub use result::{EdgeView, NodeView, QueryResult};
