//! The query language: [`lexer`] → [`parser`] → [`ast`] → [`eval`](mod@eval) → [`result`].
//!
//! Architecture invariant: nothing here does IO or prints. Statements that touch files
//! (`ingest`, `save`, `load`, `export`) are parsed here but carried out by `crate::session`;
//! results are printed by `crate::render`.
//!
//! # Grammar
//!
//! One statement per line; blank lines are skipped; `#` outside quotes starts a comment; a line
//! ending in `\` continues on the next (errors then point at the joined line, numbered by its
//! first physical line). `$NAME` (letters, digits, `_`; `$1` too) is replaced by the value of
//! a script parameter before the line is read (`--param NAME=VALUE` on `run`/`query`, or
//! `set NAME VALUE`); a value with spaces stands for one quoted name, any other value is read
//! as if typed in place; an unset parameter is an error at its position.
//!
//! ```text
//! line       := statement? comment?
//! statement  := path | neighbours | common | top | degree | timeline | diff
//!             | show | find | list | evidence | "stats"
//!             | ingest | save | load | source | export | set | help | quit
//! path       := "path" name name path_flag*
//! path_flag  := "--max" NUMBER | "--directed"
//!             | "--all" | "--all-shortest" | "--k" NUMBER        (at most one of these three)
//!             | "--cap" NUMBER                                    (--all only; ≤ 100000)
//!             | "--avoid" names | "--via" name
//!             | "--weight" ("confidence" | "hops")               (not with --all/--all-shortest)
//!             | "--kind" kinds | filter
//! neighbours := ("neighbours" | "neighbors" | "nb") words nb_flag*
//! nb_flag    := "--depth" NUMBER | "--kind" kinds | "--dir" ("out" | "in" | "both")
//!             | "--count" | limit | filter
//! common     := "common" name name ("--kind" kinds | limit | filter)*
//! top        := "top" KIND? ("--by" ("degree" | "evidence") | limit | filter)*
//! degree     := "degree" words filter*
//! timeline   := "timeline" name name? (limit | filter)*
//! diff       := "diff" ("--kind" kinds | limit | filter)*         ("--since" required)
//! show       := "show" words filter*
//! find       := "find" words limit?
//! list       := "list" KIND limit?
//! evidence   := "evidence" name name filter*
//! ingest     := "ingest" value
//! save       := "save" value?
//! load       := "load" value
//! source     := "source" value
//! export     := "export" ("dot" | "json" | "svg" | "png") value "--all"?
//! set        := "set" "format" ("text" | "json" | "csv" | "dot") | "set" PARAM value
//! help       := "help" value?
//! quit       := "quit" | "exit"
//! filter     := "--rel" rels | "--since" DATE | "--until" DATE | "--min-confidence" X
//! limit      := "--limit" (NUMBER | "all")
//! kinds      := KIND ("," KIND)*          KIND: actor expert institution proposal issue (plural ok)
//! rels       := REL ("," REL)*            REL: a relation name; `-` may stand for `_`
//! names      := name ("," name)*
//! name       := WORD | NUMBER | STRING
//! words      := STRING | (WORD | NUMBER)+ joined with single spaces, up to the first flag
//! value      := WORD | NUMBER | STRING
//!
//! WORD   := a run of characters other than whitespace, `,`, `"` and `#` (not starting `--` or `$`)
//! NUMBER := a WORD of ASCII digits (≥ 1 where a count is expected)
//! STRING := `"` … `"` with escapes \" \\ \n \t (no parameters inside)
//! PARAM  := `$`? then letters, digits and `_`
//! DATE   := YYYY | YYYY-MM | YYYY-MM-DD
//! X      := a number from 0 to 1
//! flag   := `--` followed by a WORD; keywords, flags and values are case-insensitive
//! ```
//!
//! Flags may come in any order; a repeated flag takes its last value. Names resolve through
//! `KnowledgeGraph::resolve` (exact name or alias, then unambiguous prefix, then fuzzy); unknown
//! or ambiguous names are errors that list candidates.
//!
//! `path` follows edges both ways unless `--directed`; `--kind` limits the nodes a path may pass
//! through (its ends are exempt), `--avoid` forbids nodes, `--via` requires one. `--all` lists
//! simple paths of at most `--max` hops (default 4), shortest first, at most `--cap` (default
//! [`eval::PATH_CAP`]) within a step budget ([`eval::STEP_BUDGET`] per 100 paths of cap), and
//! says which limit stopped it. `--all-shortest` lists every path of the shortest length (at
//! most 100); `--k N` the N shortest simple paths (Yen's algorithm). `--weight confidence`
//! makes an edge cost −ln(confidence), so the chosen path is the one whose edges are best
//! evidenced (the product of confidences is shown).
//!
//! For `neighbours` `--kind` limits the nodes listed and counted, not the traversal; listings
//! (`neighbours`, `find`, `list`, `common`, `timeline`, `diff`) show at most 50 items by default
//! and `top` 10, and say how many more there are; `--limit all` lifts the limit.
//!
//! Filters: `--rel` keeps edges of those relations; `--min-confidence X` hides edges whose
//! confidence (`Edge::confidence`) is below X; `--since`/`--until` count an edge only through
//! evidence whose article is dated in range (partial dates cover their whole year or month), so
//! with a date filter an edge with no dated evidence is hidden, and only in-range sentences are
//! shown. `timeline A [B]` lists the evidence of the edges touching A (only those between A and
//! B when B is given), oldest first, undated last. `diff --since DATE` lists the nodes and
//! edges whose first dated evidence falls on or after DATE (and before `--until`).

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
