//! The query language: [`lexer`] → [`parser`] → [`ast`] → [`eval`] → [`result`].
//!
//! Architecture invariant: nothing here does IO or prints. Statements that touch files
//! (`ingest`, `save`, `load`, `export`) are parsed here but carried out by `crate::session`.

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
