//! Embeds the default policy (`rules/*.toml`, `wordlists/<lang>/*.txt`, `models/<name>/*.{txt,aff,dic}`) into the binary, so
//! `moderate serve` works from any directory with no files beside it.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, depth: usize, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth > 0 {
            files(&path, depth - 1, extensions, out);
        } else if path.extension().is_some_and(|e| extensions.iter().any(|x| e == *x)) {
            out.push(path);
        }
    }
}

fn table(name: &str, root: &Path, depth: usize, extensions: &[&str]) -> String {
    let mut paths = Vec::new();
    files(root, depth, extensions, &mut paths);
    paths.sort();
    let mut code = format!("pub(crate) static {name}: &[(&str, &str)] = &[\n");
    for path in paths {
        let relative = path.strip_prefix(root).expect("file lies under its root");
        let relative = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        writeln!(code, "    ({relative:?}, include_str!({:?})),", path.display().to_string()).expect("write to string");
    }
    code.push_str("];\n");
    code
}

/// Model files: text tables, and Hunspell dictionaries (`.aff`, `.dic`).
const MODEL_EXTENSIONS: &[&str] = &["txt", "aff", "dic"];

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=wordlists");
    println!("cargo:rerun-if-changed=models");
    let code = table("RULE_FILES", &root.join("rules"), 0, &["toml"])
        + &table("WORDLIST_FILES", &root.join("wordlists"), 1, &["txt"])
        + &table("MODEL_FILES", &root.join("models"), 1, MODEL_EXTENSIONS);
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_policy.rs");
    fs::write(out, code).expect("write embedded_policy.rs");
}
