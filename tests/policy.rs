//! Loading a policy from directories: what loads, and how a broken file is reported (file and
//! line, never a panic).

use std::fs;
use std::path::Path;

use moderate::{Comment, Decision, Engine, Policy, PolicyError};

const RULE: &str = "id = \"words\"\ndescription = \"Listed words\"\naction = \"review\"\n[message]\ntr = \"Liste\"\nen = \"List\"\n[check]\nkind = \"lexicon\"\nlists = [\"words\"]\n";

struct Dirs {
    _root: tempfile::TempDir,
    rules: std::path::PathBuf,
    lists: std::path::PathBuf,
}

fn dirs(rules: &[(&str, &str)], lists: &[(&str, &str)]) -> Dirs {
    let root = tempfile::tempdir().expect("temp dir");
    let (rules_dir, lists_dir) = (root.path().join("rules"), root.path().join("wordlists"));
    for (name, content) in rules {
        write(&rules_dir.join(name), content);
    }
    for (name, content) in lists {
        write(&lists_dir.join(name), content);
    }
    fs::create_dir_all(&rules_dir).expect("rules dir");
    fs::create_dir_all(&lists_dir).expect("lists dir");
    Dirs { _root: root, rules: rules_dir, lists: lists_dir }
}

fn write(path: &Path, content: &str) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("creates dirs");
    fs::write(path, content).expect("writes");
}

fn load(d: &Dirs) -> Result<Policy, PolicyError> {
    Policy::from_dirs(Some(&d.rules), Some(&d.lists), None)
}

#[test]
fn a_custom_policy_loads_merges_languages_and_can_review() {
    let d = dirs(&[("words.toml", RULE)], &[("tr/words.txt", "çirkin*\n"), ("en/words.txt", "ugly\n")]);
    let engine = Engine::new(load(&d).expect("loads"));
    let verdict = engine.moderate(&Comment::new("çirkinler ve ugly"));
    assert_eq!(verdict.decision, Decision::Review);
    assert_eq!(verdict.reasons[0].spans.len(), 2);
    assert_eq!(engine.moderate(&Comment::new("güzel")).decision, Decision::Approve);
}

#[test]
fn the_version_changes_with_a_word_list() {
    let a = dirs(&[("words.toml", RULE)], &[("tr/words.txt", "çirkin*\n")]);
    let b = dirs(&[("words.toml", RULE)], &[("tr/words.txt", "çirkin*\nkötü\n")]);
    assert_ne!(load(&a).unwrap().version(), load(&b).unwrap().version());
    assert_eq!(load(&a).unwrap().version(), load(&a).unwrap().version());
}

fn error_of(rules: &[(&str, &str)], lists: &[(&str, &str)]) -> String {
    let d = dirs(rules, lists);
    load(&d).expect_err("the policy must not load").to_string()
}

#[test]
fn toml_syntax_errors_name_the_file_and_line() {
    let error = error_of(&[("words.toml", "id = \"words\"\ndescription = \n")], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("words.toml:2"), "{error}");
}

#[test]
fn unknown_fields_and_kinds_name_the_file_and_line() {
    let unknown_field = RULE.replace("lists =", "lsts =");
    let error = error_of(&[("words.toml", &unknown_field)], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("words.toml:9") && error.contains("lsts"), "{error}");

    let unknown_kind = RULE.replace("kind = \"lexicon\"", "kind = \"magic\"");
    let error = error_of(&[("words.toml", &unknown_kind)], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("words.toml:8") && error.contains("magic"), "{error}");
}

#[test]
fn a_missing_word_list_names_the_line_that_asks_for_it() {
    let error = error_of(&[("words.toml", RULE)], &[("tr/other.txt", "x\n")]);
    assert!(error.contains("words.toml:9") && error.contains("no word list named `words`"), "{error}");
}

#[test]
fn a_broken_word_list_line_is_named() {
    let error = error_of(&[("words.toml", RULE)], &[("tr/words.txt", "iyi\nkö*tü\n")]);
    assert!(error.contains("words.txt:2") && error.contains("may only end"), "{error}");
}

#[test]
fn a_stray_key_in_the_check_table_is_reported_there() {
    let stray = RULE.replace("kind = \"lexicon\"", "kind = \"lexicon\"\nen = \"x\"");
    let error = error_of(&[("words.toml", &stray)], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("words.toml:9") && error.contains("`en`"), "{error}");
}

#[test]
fn duplicate_ids_bad_ids_and_empty_directories_are_refused() {
    let error = error_of(&[("a.toml", RULE), ("b.toml", RULE)], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("b.toml") && error.contains("already has id `words`"), "{error}");
    let error = error_of(&[("a.toml", &RULE.replace("\"words\"\ndesc", "\"Words!\"\ndesc"))], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("a.toml:1") && error.contains("lower-case"), "{error}");
    let error = error_of(&[], &[("tr/words.txt", "x\n")]);
    assert!(error.contains("no rule files"), "{error}");
    let missing = Policy::from_dirs(Some(Path::new("/nonexistent/rules")), None, None).expect_err("no such directory");
    assert!(missing.to_string().contains("/nonexistent/rules"), "{missing}");
}

#[test]
fn a_rule_file_that_is_not_utf8_is_named() {
    let d = dirs(&[], &[("tr/words.txt", "x\n")]);
    fs::write(d.rules.join("bad.toml"), b"id = \"\xff\"\n").expect("writes");
    let error = load(&d).expect_err("must not load").to_string();
    assert!(error.contains("bad.toml") && error.contains("UTF-8"), "{error}");
}

#[test]
fn the_embedded_default_loads_and_only_selects_rules() {
    let policy = Policy::embedded().expect("the default policy loads");
    assert_eq!(policy.name(), "default");
    let some = policy.only(&["insult", "all-caps"]).expect("both exist");
    let ids: Vec<&str> = some.rules().map(|r| r.id()).collect();
    assert_eq!(ids, ["all-caps", "insult"]);
    assert!(policy.only(&["nonsense"]).is_err());
}

/// A spelling model in a models directory: a tiny Hunspell dictionary and a corrections list.
fn spelling_policy(corrections: &str) -> Result<Policy, PolicyError> {
    spelling_policy_with(corrections, &[])
}

/// The same with more files of the model (`name`, content).
fn spelling_policy_with(corrections: &str, files: &[(&str, &str)]) -> Result<Policy, PolicyError> {
    spelling_policy_of_rule(SPELLING_RULE, corrections, files)
}

const SPELLING_RULE: &str = "id = \"spelling\"\ndescription = \"Spelling\"\n[message]\ntr = \"Yazım\"\nen = \"Spelling\"\n[check]\nkind = \"spelling\"\n\
        dictionaries = { tr = \"tiny\" }\nmin_score = 1.0\nalone = [\"listed\"]\n\
        weights = { listed = 1.0, misspelling = 1.0, emphasis = 1.0, colloquial = 1.0, joined = 1.0, joined-de = 0.5, published = 0.5, glued = 1.0, compound = 0.25, apart = 1.0, mash = 1.0, unknown = 0.25 }\n";

/// A spelling policy whose rule file is `rule`.
fn spelling_policy_of_rule(rule: &str, corrections: &str, files: &[(&str, &str)]) -> Result<Policy, PolicyError> {
    let root = tempfile::tempdir().expect("temp dir");
    let (rules, lists, models) = (root.path().join("rules"), root.path().join("wordlists"), root.path().join("models"));
    write(&rules.join("spelling.toml"), rule);
    write(&lists.join("tr/empty.txt"), "");
    write(&models.join("tiny/dictionary.aff"), "SET UTF-8\nLANG tr_TR\n");
    write(&models.join("tiny/dictionary.dic"), "3\nbir\nşey\nselam\n");
    write(&models.join("tiny/corrections.txt"), corrections);
    for (name, content) in files {
        write(&models.join("tiny").join(name), content);
    }
    Policy::from_dirs(Some(&rules), Some(&lists), Some(&models))
}

#[test]
fn a_spelling_model_from_a_directory_judges_and_its_broken_list_is_named() {
    let engine = Engine::new(spelling_policy("# ours\nslm\tselam\n").expect("the spelling policy loads"));
    let verdict = engine.moderate(&Comment { text: "slm bir şey", language: Some(moderate::Language::Tr), locale: moderate::Locale::En });
    assert_eq!(verdict.decision, Decision::Reject);
    assert_eq!(verdict.reasons[0].suggestion.as_deref(), Some("selam bir şey"));

    let error = spelling_policy("# ours\nslm selam\n").expect_err("a line without a tab is refused").to_string();
    assert!(error.contains("corrections.txt:2:") && error.contains("misspelling<TAB>correction"), "{error}");
}

#[test]
fn a_spelling_threshold_for_any_length_below_the_ordinary_one_is_refused() {
    let rule = SPELLING_RULE.replace("min_score = 1.0\n", "min_score = 1.0\nmin_score_any_length = 0.5\n");
    let error = spelling_policy_of_rule(&rule, "", &[]).expect_err("0.5 is below `min_score`").to_string();
    assert!(error.contains("spelling.toml") && error.contains("min_score_any_length"), "{error}");
    let rule = SPELLING_RULE.replace("min_score = 1.0\n", "min_score = 1.0\nmin_score_any_length = 2.0\n");
    spelling_policy_of_rule(&rule, "", &[]).expect("2.0 is a threshold");
}

#[test]
fn a_broken_copula_ending_is_named_with_its_line() {
    let error = spelling_policy_with("", &[("copulas.txt", "# endings\nDIr\nDIX\n")]).expect_err("\"DIX\" is no ending").to_string();
    assert!(error.contains("copulas.txt:3:") && error.contains("DIX"), "{error}");
    spelling_policy_with("", &[("copulas.txt", "DIr\n(y)DI\n")]).expect("endings in archiphonemes load");
}

const LEARNED_RULE: &str = "id = \"learned\"\ndescription = \"Learned\"\n[message]\ntr = \"Saldırgan\"\nen = \"Offensive\"\n[check]\nkind = \"learned\"\nmodel = \"offense-tr\"\nreject_at = 0.75\nreview_at = 0.45\n";

#[test]
fn a_learned_rule_needs_the_lists_its_model_was_trained_with() {
    // Lists without `insult`: the model cannot be used, and the rule that asks for it says why.
    let error = error_of(&[("learned.toml", LEARNED_RULE)], &[("tr/words.txt", "çirkin*\n")]);
    assert!(error.contains("learned.toml") && error.contains("offense-tr") && error.contains("insult"), "{error}");
    // The default lists have them.
    let d = dirs(&[("learned.toml", LEARNED_RULE)], &[]);
    let policy = Policy::from_dirs(Some(&d.rules), None, None).expect("loads with the default lists");
    let verdict = Engine::new(policy).moderate(&Comment::new("Belediye yeni yolu yarın trafiğe açacak."));
    assert_eq!(verdict.decision, Decision::Approve);
}

#[test]
fn a_broken_classifier_file_is_named_with_its_line() {
    let root = tempfile::tempdir().expect("temp dir");
    let models = root.path().join("models");
    let embedded = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/offense-tr/classifier.txt")).expect("the shipped model");
    write(&models.join("offense-tr/classifier.txt"), &embedded.replacen("bias = ", "bias = not a number ", 1));
    let error = Policy::from_dirs(None, None, Some(&models)).expect_err("a broken model must not load").to_string();
    let line = embedded.lines().position(|l| l.starts_with("bias")).expect("the model has a bias") + 1;
    assert!(error.contains("classifier.txt") && error.contains(&format!(":{line}")) && error.contains("bias"), "{error}");
}

#[test]
fn a_rule_without_an_english_message_gives_the_turkish_one() {
    let rule = RULE.replace("en = \"List\"\n", "");
    let d = dirs(&[("words.toml", rule.as_str())], &[("tr/words.txt", "çirkin*\n")]);
    let engine = Engine::new(load(&d).expect("a rule may omit `en`"));
    let verdict = engine.moderate(&moderate::Comment { text: "çirkinler", language: None, locale: moderate::Locale::En });
    assert_eq!(verdict.reasons[0].message, "Liste");
}
