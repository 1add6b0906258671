use std::path::PathBuf;

/// A policy that cannot be loaded. Each variant names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: not UTF-8 text")]
    NotUtf8 { path: String },
    #[error("{path}:{line}: {message}")]
    Rule { path: String, line: usize, message: String },
    #[error("{path}:{line}: {message}")]
    WordList { path: String, line: usize, message: String },
    #[error("{path}:{line}: {message}")]
    Model { path: String, line: usize, message: String },
    #[error("{path}: {message}")]
    ModelFile { path: String, message: String },
    #[error("{0}: no rule files (*.toml) found")]
    NoRules(String),
    #[error("unknown rule `{id}`; the policy has: {known}")]
    UnknownRule { id: String, known: String },
}
