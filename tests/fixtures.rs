//! Per-rule fixtures (`tests/fixtures/<rule>.tsv`): for each line, whether the rule gives a reason
//! for the comment under the default policy. Every disagreeing line is listed, not just the first.

use std::fs;
use std::path::Path;

use moderate::{Comment, Decision, Engine, Policy};

#[test]
fn every_rule_behaves_as_its_fixture_says() {
    let engine = Engine::new(Policy::embedded().expect("the default policy loads"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for rule in engine.policy().rules() {
        let path = dir.join(format!("{}.tsv", rule.id()));
        let content = fs::read_to_string(&path).unwrap_or_else(|e| panic!("rule `{}` has no fixture {}: {e}", rule.id(), path.display()));
        for (index, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (expected, text) =
                line.split_once('\t').unwrap_or_else(|| panic!("{}:{}: expected `fires|review|quiet<TAB>comment`", path.display(), index + 1));
            let (should_fire, only_review) = match expected {
                "fires" => (true, false),
                "review" => (true, true),
                "quiet" => (false, false),
                other => panic!("{}:{}: `{other}` is not fires, review or quiet", path.display(), index + 1),
            };
            let verdict = engine.moderate(&Comment::new(text));
            let fired = verdict.reasons.iter().any(|r| r.rule == rule.id()) && (!only_review || verdict.decision == Decision::Review);
            checked += 1;
            if fired != should_fire {
                let reasons: Vec<String> = verdict
                    .reasons
                    .iter()
                    .map(|r| format!("{} {:?}", r.rule, r.spans.iter().map(|s| s.text.as_str()).collect::<Vec<_>>()))
                    .collect();
                wrong.push(format!("{}.tsv:{}: expected {expected}: {text:?} → {reasons:?}", rule.id(), index + 1));
            }
        }
    }
    assert!(checked > 100, "only {checked} fixture lines were read");
    assert!(wrong.is_empty(), "{} fixture lines disagree:\n{}", wrong.len(), wrong.join("\n"));
}
