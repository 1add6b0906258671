//! Where a policy's files come from: the copy embedded at build time, or directories on disk.

use std::fs;
use std::path::Path;

use super::PolicyError;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_policy.rs"));
}

/// A rule file or word list: its path relative to its root (`profanity.toml`, `tr/insult.txt`), and
/// the name errors give it (where a user finds the file).
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    pub path: String,
    pub shown: String,
    pub content: String,
}

fn from_table(root: &str, table: &[(&str, &str)]) -> Vec<SourceFile> {
    table
        .iter()
        .map(|(path, content)| SourceFile {
            path: path.to_string(),
            shown: format!("{root}/{path} (embedded)"),
            content: content.to_string(),
        })
        .collect()
}

pub(crate) fn embedded_rules() -> Vec<SourceFile> {
    from_table("rules", embedded::RULE_FILES)
}

pub(crate) fn embedded_wordlists() -> Vec<SourceFile> {
    from_table("wordlists", embedded::WORDLIST_FILES)
}

pub(crate) fn embedded_models() -> Vec<SourceFile> {
    from_table("models", embedded::MODEL_FILES)
}

/// `<name>/*.txt`, and Hunspell's `<name>/*.aff` and `<name>/*.dic`, under `dir`.
pub(crate) fn models_in(dir: &Path) -> Result<Vec<SourceFile>, PolicyError> {
    let mut files = Vec::new();
    read_tree(dir, dir, 1, &["txt", "aff", "dic"], &mut files)?;
    Ok(files)
}

/// `*.toml` directly in `dir`.
pub(crate) fn rules_in(dir: &Path) -> Result<Vec<SourceFile>, PolicyError> {
    let mut files = Vec::new();
    read_tree(dir, dir, 0, &["toml"], &mut files)?;
    Ok(files)
}

/// `<lang>/*.txt` under `dir`.
pub(crate) fn wordlists_in(dir: &Path) -> Result<Vec<SourceFile>, PolicyError> {
    let mut files = Vec::new();
    read_tree(dir, dir, 1, &["txt"], &mut files)?;
    Ok(files)
}

fn read_tree(root: &Path, dir: &Path, depth: usize, extensions: &[&str], out: &mut Vec<SourceFile>) -> Result<(), PolicyError> {
    let read_error = |source| PolicyError::Read { path: dir.to_path_buf(), source };
    let mut paths: Vec<_> = fs::read_dir(dir).map_err(read_error)?.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth > 0 {
                read_tree(root, &path, depth - 1, extensions, out)?;
            }
            continue;
        }
        if path.extension().is_none_or(|e| !extensions.iter().any(|x| e == *x)) {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = fs::read(&path).map_err(|source| PolicyError::Read { path: path.clone(), source })?;
        let content = String::from_utf8(bytes).map_err(|_| PolicyError::NotUtf8 { path: path.display().to_string() })?;
        out.push(SourceFile { path: relative, shown: path.display().to_string(), content });
    }
    Ok(())
}
