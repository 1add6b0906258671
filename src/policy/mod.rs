//! The policy: rules and word lists, loaded from the embedded default or from directories.
//!
//! A rule is one TOML file in `rules/`:
//!
//! ```toml
//! id = "insult"                      # stable id, reported in every reason
//! description = "Insults aimed at people."
//! action = "reject"                  # or "review"
//! languages = ["tr", "en"]           # optional: only comments in these languages
//! [message]
//! tr = "Yorumunuz hakaret içeriyor."
//! en = "Your comment contains an insult."  # optional: the Turkish message when absent
//! [check]
//! kind = "lexicon"                   # see `crate::checks` for the kinds
//! lists = ["insult"]
//! ```
//!
//! Word lists are `wordlists/<lang>/<name>.txt`; a rule names a list by `<name>` and gets every
//! language's file of that name. Models are folders `models/<name>/` (today one kind: Turkish letters,
//! `words.txt` and `patterns.txt`); a rule names a model by its folder.

mod error;
mod source;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use sha2::{Digest, Sha256};

pub use error::PolicyError;
use source::SourceFile;

use crate::checks::{Check, CheckSpec, ClassifierId, ListId, ModelId, PolicyData, ScanData, SpellerId};
use crate::learn::Classifier;
use crate::restore::LetterModel;
use crate::spell::{SpellingFiles, SpellingModel};
use crate::text::Language;
use crate::verdict::{Decision, Locale};
use crate::wordlist::{self, Lexicon};

/// One rule of the policy.
#[derive(Debug)]
pub struct Rule {
    id: String,
    description: String,
    action: Decision,
    message_tr: String,
    message_en: String,
    languages: Vec<Language>,
    pub(crate) check: Box<dyn Check>,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    /// What a comment that breaks the rule gets: `Reject` or `Review`.
    pub fn action(&self) -> Decision {
        self.action
    }

    pub fn message(&self, locale: Locale) -> &str {
        match locale {
            Locale::Tr => &self.message_tr,
            Locale::En => &self.message_en,
        }
    }

    /// The languages the rule judges; empty means all.
    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    pub(crate) fn applies_to(&self, language: Language) -> bool {
        self.languages.is_empty() || self.languages.contains(&language)
    }
}

/// The rules a comment is judged by and the word lists they use.
#[derive(Debug, Clone)]
pub struct Policy {
    name: String,
    version: String,
    rules: Vec<Arc<Rule>>,
    lexicons: Arc<[Lexicon]>,
    models: Arc<[LetterModel]>,
    spellers: Arc<[SpellingModel]>,
    classifiers: Arc<[Classifier]>,
    classifier_names: HashMap<String, ClassifierId>,
    list_names: HashMap<String, ListId>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    description: String,
    #[serde(default)]
    action: Action,
    #[serde(default)]
    languages: Vec<Language>,
    message: Messages,
    check: CheckSpec,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    #[default]
    Reject,
    Review,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Messages {
    tr: String,
    /// Optional: a rule without an English message gives the Turkish one to English readers.
    en: Option<String>,
}

impl Policy {
    /// The default policy, compiled into the binary from `rules/` and `wordlists/`.
    pub fn embedded() -> Result<Self, PolicyError> {
        Self::from_files("default", source::embedded_rules(), source::embedded_wordlists(), source::embedded_models())
    }

    /// A policy read from disk. `rules` replaces the default rules, `wordlists` the default word
    /// lists, `models` the default models; whichever is `None` comes from the embedded default.
    pub fn from_dirs(rules: Option<&Path>, wordlists: Option<&Path>, models: Option<&Path>) -> Result<Self, PolicyError> {
        let (name, rule_files, list_files, model_files) = read_dirs(rules, wordlists, models)?;
        Self::from_files(&name, rule_files, list_files, model_files)
    }

    fn from_files(name: &str, rule_files: Vec<SourceFile>, list_files: Vec<SourceFile>, model_files: Vec<SourceFile>) -> Result<Self, PolicyError> {
        let version = version(&[&rule_files, &list_files, &model_files]);
        let Models { letter_names: model_names, letters: models, speller_names, spellers, classifier_names, classifiers } =
            load_models(&model_files)?;

        let mut by_name: BTreeMap<String, Vec<(&SourceFile, Vec<wordlist::Entry>)>> = BTreeMap::new();
        for file in &list_files {
            let entries = wordlist::parse(&file.content).map_err(|e| PolicyError::WordList {
                path: file.shown.clone(),
                line: e.line,
                message: e.message,
            })?;
            let stem = file.path.rsplit('/').next().unwrap_or(&file.path);
            let list = stem.strip_suffix(".txt").unwrap_or(stem).to_string();
            by_name.entry(list).or_default().push((file, entries));
        }
        let mut names = HashMap::new();
        let mut lexicons = Vec::new();
        for (list, files) in &by_name {
            names.insert(list.clone(), ListId(lexicons.len()));
            lexicons.push(Lexicon::build(files.iter().map(|(f, entries)| (f.path.as_str(), entries.as_slice()))));
        }

        // A classifier whose word lists this policy lacks can be used by no rule; a rule that
        // names it gets the reason, other policies (a custom set of lists) load.
        let mut classifiers = classifiers;
        let mut unusable = HashMap::new();
        for (folder, &id) in &classifier_names {
            let classifier = &mut classifiers[id.0];
            let resolved = resolve_lists(&names, &classifier.lists).and_then(|lists| Ok((lists, resolve_lists(&names, &classifier.ignore)?)));
            match resolved {
                Ok((lists, ignore)) => (classifier.list_ids, classifier.ignore_ids) = (lists, ignore),
                Err(message) => {
                    unusable.insert(folder.clone(), message);
                }
            }
        }
        let mut rules: Vec<Arc<Rule>> = Vec::new();
        for file in &rule_files {
            let data = PolicyData {
                lists: &names,
                models: &model_names,
                spellers: &speller_names,
                classifiers: &classifier_names,
                unusable_classifiers: &unusable,
            };
            let rule = parse_rule(file, &data)?;
            if rules.iter().any(|r| r.id == rule.id) {
                return Err(PolicyError::Rule {
                    path: file.shown.clone(),
                    line: line_of(&file.content, "id"),
                    message: format!("another rule file already has id `{}`", rule.id),
                });
            }
            rules.push(Arc::new(rule));
        }
        Ok(Policy {
            name: name.to_string(),
            version,
            rules,
            lexicons: lexicons.into(),
            models: models.into(),
            spellers: spellers.into(),
            classifiers: classifiers.into(),
            classifier_names,
            list_names: names,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Changes whenever a rule, a word list or the engine changes.
    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// The same policy with only the named rules (for evaluating some rules alone).
    pub fn only(&self, ids: &[&str]) -> Result<Self, PolicyError> {
        for id in ids {
            if !self.rules.iter().any(|r| r.id == *id) {
                let known = self.rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
                return Err(PolicyError::UnknownRule { id: id.to_string(), known });
            }
        }
        let rules = self.rules.iter().filter(|r| ids.contains(&r.id.as_str())).cloned().collect();
        Ok(Policy { rules, ..self.clone() })
    }

    #[cfg(test)]
    pub(crate) fn models(&self) -> &[LetterModel] {
        &self.models
    }

    /// The classifier of model folder `name`.
    pub(crate) fn classifier(&self, name: &str) -> Option<&Classifier> {
        self.classifier_names.get(name).map(|id| &self.classifiers[id.0])
    }

    /// What every scan of a comment by this policy is given.
    pub(crate) fn scan_data(&self) -> ScanData<'_> {
        ScanData { lexicons: &self.lexicons, models: &self.models, spellers: &self.spellers, classifiers: &self.classifiers }
    }

    /// The same policy with the classifier of model folder `name` replaced (cross-validation judges
    /// each fold with the model trained without it). The version changes with it.
    pub(crate) fn with_classifier(&self, name: &str, classifier: Classifier) -> Result<Self, String> {
        let id = self.classifier_names.get(name).copied().ok_or_else(|| format!("the policy has no classifier `{name}`"))?;
        let mut classifiers = self.classifiers.to_vec();
        let file = classifier.to_file();
        let list_ids = resolve_lists(&self.list_names, &classifier.lists)?;
        let ignore_ids = resolve_lists(&self.list_names, &classifier.ignore)?;
        let mut classifier = classifier;
        (classifier.list_ids, classifier.ignore_ids) = (list_ids, ignore_ids);
        classifiers[id.0] = classifier;
        let mut hasher = Sha256::new();
        hasher.update(self.version.as_bytes());
        hasher.update(file.as_bytes());
        let hex: String = hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
        Ok(Policy { classifiers: classifiers.into(), version: format!("{}+{hex}", env!("CARGO_PKG_VERSION")), ..self.clone() })
    }

    /// The word lists of these names, for a classifier's features.
    pub(crate) fn lexicon_ids(&self, names: &[String]) -> Result<Vec<(ListId, String)>, String> {
        resolve_lists(&self.list_names, names)
    }
}

fn resolve_lists(known: &HashMap<String, ListId>, names: &[String]) -> Result<Vec<(ListId, String)>, String> {
    names
        .iter()
        .map(|name| known.get(name).map(|&id| (id, name.clone())).ok_or_else(|| format!("the classifier uses word list `{name}`, which the policy lacks")))
        .collect()
}

/// The models of a policy, each named by its folder.
struct Models {
    letter_names: HashMap<String, ModelId>,
    letters: Vec<LetterModel>,
    speller_names: HashMap<String, SpellerId>,
    spellers: Vec<SpellingModel>,
    classifier_names: HashMap<String, ClassifierId>,
    classifiers: Vec<Classifier>,
}

/// Every folder of model files is one model: of Turkish letters where it has `words.txt`, of
/// spelling where it has a Hunspell dictionary (`dictionary.aff`).
fn load_models(files: &[SourceFile]) -> Result<Models, PolicyError> {
    let mut folders: BTreeMap<&str, Vec<&SourceFile>> = BTreeMap::new();
    for file in files {
        if let Some((folder, _)) = file.path.split_once('/') {
            folders.entry(folder).or_default().push(file);
        }
    }
    // Each model is read on a thread of its own: the Turkish dictionary and the vocabulary of
    // Turkish letters take a few hundred milliseconds each, and start-up waits for the slowest.
    let loaded: Vec<(&str, Result<Model, PolicyError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = folders.iter().map(|(folder, files)| (*folder, scope.spawn(move || load_model(folder, files)))).collect();
        handles
            .into_iter()
            .map(|(folder, handle)| {
                let result = handle.join().unwrap_or_else(|_| {
                    Err(PolicyError::ModelFile { path: format!("models/{folder}"), message: "reading the model failed unexpectedly".to_string() })
                });
                (folder, result)
            })
            .collect()
    });
    let mut models = Models {
        letter_names: HashMap::new(),
        letters: Vec::new(),
        speller_names: HashMap::new(),
        spellers: Vec::new(),
        classifier_names: HashMap::new(),
        classifiers: Vec::new(),
    };
    for (folder, model) in loaded {
        match model? {
            Model::Letters(model) => {
                models.letter_names.insert(folder.to_string(), ModelId(models.letters.len()));
                models.letters.push(model);
            }
            Model::Spelling(speller) => {
                models.speller_names.insert(folder.to_string(), SpellerId(models.spellers.len()));
                models.spellers.push(speller);
            }
            Model::Classifier(classifier) => {
                models.classifier_names.insert(folder.to_string(), ClassifierId(models.classifiers.len()));
                models.classifiers.push(classifier);
            }
        }
    }
    Ok(models)
}

enum Model {
    Letters(LetterModel),
    Spelling(SpellingModel),
    Classifier(Classifier),
}

/// One folder of model files.
fn load_model(folder: &str, files: &[&SourceFile]) -> Result<Model, PolicyError> {
    // Where the folder is, as the user gave it: the directory of any of its files.
    let shown_folder = files
        .first()
        .and_then(|f| f.shown.rsplit_once(['/', '\\']).map(|(dir, _)| dir.to_string()))
        .unwrap_or_else(|| format!("models/{folder}"));
    let lookup = |wanted: &str| files.iter().copied().find(|f| f.path.ends_with(&format!("/{wanted}")));
    let find = |wanted: &str| {
        lookup(wanted).ok_or_else(|| PolicyError::ModelFile { path: shown_folder.clone(), message: format!("the model has no {wanted}") })
    };
    if let Some(file) = lookup("classifier.txt") {
        return Classifier::parse(&file.content)
            .map(Model::Classifier)
            .map_err(|e| PolicyError::Model { path: file.shown.clone(), line: e.line, message: e.message });
    }
    if lookup("dictionary.aff").is_some() {
        return load_speller(folder, files, &find, &lookup).map(Model::Spelling);
    }
    let (words, patterns) = (find("words.txt")?, find("patterns.txt")?);
    let context = lookup("context.txt");
    LetterModel::parse(&words.content, &patterns.content, context.map(|c| c.content.as_str()))
        .map(Model::Letters)
        .map_err(|e| PolicyError::Model {
            path: match e.file {
                "words.txt" => words.shown.clone(),
                "patterns.txt" => patterns.shown.clone(),
                _ => context.map_or_else(|| format!("models/{folder}/context.txt"), |c| c.shown.clone()),
            },
            line: e.line,
            message: e.message,
        })
}

/// A spelling model: `dictionary.aff`, `dictionary.dic`, and the optional lists of `crate::spell`.
fn load_speller<'a>(
    folder: &str,
    files: &[&'a SourceFile],
    find: &dyn Fn(&str) -> Result<&'a SourceFile, PolicyError>,
    lookup: &dyn Fn(&str) -> Option<&'a SourceFile>,
) -> Result<SpellingModel, PolicyError> {
    let (aff, dic) = (find("dictionary.aff")?, find("dictionary.dic")?);
    let (corrections, misspellings) = (lookup("corrections.txt"), lookup("misspellings.txt"));
    let published: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| f.path.rsplit('/').next().is_some_and(|name| name.starts_with("corrections-") && name.ends_with(".txt")))
        .collect();
    let published_texts: Vec<&str> = published.iter().map(|f| f.content.as_str()).collect();
    let (rewrites, particles, separate) = (lookup("rewrites.txt"), lookup("particles.txt"), lookup("separate.txt"));
    let (pronouns, suffixes, ambiguous) = (lookup("pronouns.txt"), lookup("suffixes.txt"), lookup("ambiguous.txt"));
    let copulas = lookup("copulas.txt");
    SpellingModel::parse(SpellingFiles {
        aff: &aff.content,
        dic: &dic.content,
        corrections: corrections.map(|f| f.content.as_str()),
        misspellings: misspellings.map(|f| f.content.as_str()),
        published: &published_texts,
        rewrites: rewrites.map(|f| f.content.as_str()),
        particles: particles.map(|f| f.content.as_str()),
        separate: separate.map(|f| f.content.as_str()),
        pronouns: pronouns.map(|f| f.content.as_str()),
        suffixes: suffixes.map(|f| f.content.as_str()),
        ambiguous: ambiguous.map(|f| f.content.as_str()),
        copulas: copulas.map(|f| f.content.as_str()),
    })
    .map_err(|e| {
        let shown = |file: Option<&SourceFile>, name: &str| file.map_or_else(|| format!("models/{folder}/{name}"), |f| f.shown.clone());
        let path = match e.file {
            "corrections" => shown(corrections, "corrections.txt"),
            "misspellings" => shown(misspellings, "misspellings.txt"),
            "published" => published.get(e.index).map_or_else(|| format!("models/{folder}"), |f| f.shown.clone()),
            "rewrites" => shown(rewrites, "rewrites.txt"),
            "particles" => shown(particles, "particles.txt"),
            "separate" => shown(separate, "separate.txt"),
            "pronouns" => shown(pronouns, "pronouns.txt"),
            "suffixes" => shown(suffixes, "suffixes.txt"),
            "ambiguous" => shown(ambiguous, "ambiguous.txt"),
            "copulas" => shown(copulas, "copulas.txt"),
            _ => format!("{} and {}", aff.shown, dic.shown),
        };
        if e.line == 0 {
            PolicyError::ModelFile { path, message: e.message }
        } else {
            PolicyError::Model { path, line: e.line, message: e.message }
        }
    })
}

fn parse_rule(file: &SourceFile, lists: &PolicyData<'_>) -> Result<Rule, PolicyError> {
    let rule_error = |line: usize, message: String| PolicyError::Rule { path: file.shown.clone(), line, message };
    let spec: RuleFile = toml::from_str(&file.content).map_err(|e| {
        let message = e.message().trim().to_string();
        // Inside a `[check]` table the parser's span is the whole table; the line that names the
        // culprit (an unknown field or kind) is the one a user needs.
        let line = culprit_line(&file.content, &message)
            .or_else(|| e.span().map(|span| line_at(&file.content, span.start)))
            .unwrap_or(1);
        rule_error(line, message)
    })?;
    if spec.id.is_empty() || !spec.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(rule_error(line_of(&file.content, "id"), format!("rule id `{}` must be lower-case letters, digits and dashes", spec.id)));
    }
    let check = spec.check.build(lists).map_err(|message| {
        let line = culprit_line(&file.content, &message).unwrap_or_else(|| line_of(&file.content, "[check]"));
        rule_error(line, message)
    })?;
    Ok(Rule {
        id: spec.id,
        description: spec.description,
        action: match spec.action {
            Action::Reject => Decision::Reject,
            Action::Review => Decision::Review,
        },
        message_en: spec.message.en.unwrap_or_else(|| spec.message.tr.clone()),
        message_tr: spec.message.tr,
        languages: spec.languages,
        check,
    })
}

/// The line of a rule file that holds what an error message quotes in backticks, as a key
/// (`lsts = …`) or as a value (`"magic"`). The `[check]` part is searched first: that is where
/// kinds and list names live, and where the parser loses track of lines.
fn culprit_line(content: &str, message: &str) -> Option<usize> {
    let culprit = message.split('`').nth(1).filter(|c| !c.is_empty())?;
    let as_key = |line: &str| {
        line.trim_start().strip_prefix(culprit).is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let as_value = |line: &str| line.contains(&format!("\"{culprit}\"")) || line.contains(&format!("'{culprit}'"));
    let check_start = content.lines().position(|l| l.trim_start().starts_with("[check")).unwrap_or(0);
    let find = |from: usize, wanted: &dyn Fn(&str) -> bool| content.lines().enumerate().skip(from).find(|(_, l)| wanted(l)).map(|(i, _)| i);
    find(check_start, &as_key)
        .or_else(|| find(check_start, &as_value))
        .or_else(|| find(0, &as_key))
        .or_else(|| find(0, &as_value))
        .map(|i| i + 1)
}

fn line_at(content: &str, byte: usize) -> usize {
    content.as_bytes()[..byte.min(content.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The files of a policy on disk, each directory falling back to the embedded default: the name
/// the policy goes by, then rules, lists and models.
type PolicyFiles = (String, Vec<SourceFile>, Vec<SourceFile>, Vec<SourceFile>);

fn read_dirs(rules: Option<&Path>, wordlists: Option<&Path>, models: Option<&Path>) -> Result<PolicyFiles, PolicyError> {
    let (name, rule_files) = match rules {
        Some(dir) => {
            let files = source::rules_in(dir)?;
            if files.is_empty() {
                return Err(PolicyError::NoRules(dir.display().to_string()));
            }
            (dir.display().to_string(), files)
        }
        None => ("default".to_string(), source::embedded_rules()),
    };
    let list_files = match wordlists {
        Some(dir) => source::wordlists_in(dir)?,
        None => source::embedded_wordlists(),
    };
    let model_files = match models {
        Some(dir) => source::models_in(dir)?,
        None => source::embedded_models(),
    };
    Ok((name, rule_files, list_files, model_files))
}

/// Where a policy comes from: the embedded default, or directories that replace its rules, word
/// lists or models. Kept by the server so a reload reads the same places again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicySource {
    pub rules: Option<PathBuf>,
    pub wordlists: Option<PathBuf>,
    pub models: Option<PathBuf>,
}

impl PolicySource {
    /// Reads and builds the policy.
    pub fn load(&self) -> Result<Policy, PolicyError> {
        if self.is_embedded() {
            Policy::embedded()
        } else {
            Policy::from_dirs(self.rules.as_deref(), self.wordlists.as_deref(), self.models.as_deref())
        }
    }

    /// The version `load` would give, from the files alone: tens of milliseconds where building
    /// the policy (dictionaries, classifier) takes most of a second, so a reload that changes
    /// nothing costs little.
    pub fn version(&self) -> Result<String, PolicyError> {
        if self.is_embedded() {
            return Ok(version(&[&source::embedded_rules(), &source::embedded_wordlists(), &source::embedded_models()]));
        }
        let (_, rules, lists, models) = read_dirs(self.rules.as_deref(), self.wordlists.as_deref(), self.models.as_deref())?;
        Ok(version(&[&rules, &lists, &models]))
    }

    fn is_embedded(&self) -> bool {
        self.rules.is_none() && self.wordlists.is_none() && self.models.is_none()
    }
}

/// The first line that starts with `key`, or 1.
fn line_of(content: &str, key: &str) -> usize {
    content.lines().position(|l| l.trim_start().starts_with(key)).map_or(1, |i| i + 1)
}

fn version(sources: &[&[SourceFile]]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION"));
    for file in sources.iter().flat_map(|files| files.iter()) {
        hasher.update(file.path.as_bytes());
        hasher.update([0]);
        hasher.update(file.content.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{}+{hex}", env!("CARGO_PKG_VERSION"))
}
