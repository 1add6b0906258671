//! The `moderate` command line, run as a user runs it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn moderate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_moderate")).args(args).output().expect("moderate runs")
}

fn moderate_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_moderate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("moderate runs");
    child.stdin.take().expect("stdin is piped").write_all(stdin).expect("writes stdin");
    child.wait_with_output().expect("moderate finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_exits_0_on_approve_and_1_on_reject_and_marks_the_spans() {
    let approved = moderate(&["check", "Bu haber çok güzel olmuş, emeğinize sağlık."]);
    assert_eq!(approved.status.code(), Some(0), "{}", stderr(&approved));
    assert!(stdout(&approved).starts_with("approve"));

    let rejected = moderate(&["check", "Yazan da okuyan da aptal"]);
    assert_eq!(rejected.status.code(), Some(1));
    let out = stdout(&rejected);
    assert!(out.starts_with("reject"), "{out}");
    assert!(out.contains("insult: Yorumunuz hakaret içeriyor."), "{out}");
    assert!(out.contains("Yazan da okuyan da ⟦aptal⟧"), "{out}");
    assert!(out.contains("matched: tr/insult.txt:"), "the list line that fired is shown: {out}");
    assert!(out.contains(" aptal*"), "{out}");

    // A misspelled word is shown as the commenter typed it, with its correction and kind, not as
    // the letters model guessed it ("gitdım").
    let careless = stdout(&moderate(&["check", "dün gitdim ama bisey anlamadm yaw"]));
    assert!(careless.contains("matched: gitdim → gittim (assimilation)"), "{careless}");
    assert!(careless.contains("matched: bisey → bir şey (listed)"), "{careless}");
}

#[test]
fn check_json_prints_the_http_response_body() {
    let output = moderate(&["check", "--json", "--locale", "en", "s*ktir git"]);
    assert_eq!(output.status.code(), Some(1));
    let body: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    assert_eq!(body["decision"], "reject");
    assert_eq!(body["reasons"][0]["rule"], "offensive");
    assert_eq!(body["reasons"][0]["spans"][0]["text"], "s*ktir");
    assert!(body["reasons"][0]["message"].as_str().unwrap().starts_with("Your comment"));
    assert!(body["policy"]["version"].is_string());
    assert!(body["reasons"][0].get("evidence").is_none(), "list internals stay out of the response");
}

#[test]
fn check_reads_standard_input_and_refuses_what_is_not_text() {
    let output = moderate_with_stdin(&["check"], "ŞEREFSİZ\n".as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("⟦ŞEREFSİZ⟧"));

    let not_utf8 = moderate_with_stdin(&["check"], b"\xff\xfe aptal");
    assert_eq!(not_utf8.status.code(), Some(2));
    assert!(stderr(&not_utf8).contains("not UTF-8"), "{}", stderr(&not_utf8));

    let empty = moderate_with_stdin(&["check"], b"  \n");
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("empty"));
}

#[test]
fn unknown_options_are_errors_with_status_2() {
    let output = moderate(&["check", "--language", "de", "merhaba"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown language"), "{}", stderr(&output));
}

fn write(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("writes the file");
    path
}

#[test]
fn eval_counts_a_tsv_exactly_and_can_count_only_some_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        dir.path(),
        "labeled.tsv",
        "1\tBu haber güzel\tNOT\n2\tsen tam bir aptalsın\tOFF\n3\tamk ya\tOFF\n4\tBurada küfür yok ama kızgınım\tOFF\n5\tBU HABER TAMAMEN YALAN KİMSE İNANMASIN\tNOT\n",
    );
    let output = moderate(&["eval", file.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    assert_eq!(report["comments"], 5);
    let overall = &report["overall"];
    assert_eq!((overall["true_reject"].as_u64(), overall["false_reject"].as_u64()), (Some(2), Some(1)));
    assert_eq!((overall["false_approve"].as_u64(), overall["true_approve"].as_u64()), (Some(1), Some(1)));
    assert!((overall["precision"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);

    let output = moderate(&["eval", file.to_str().unwrap(), "--json", "--rules", "insult,offensive"]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    assert_eq!(report["rules"], serde_json::json!(["insult", "offensive"]));
    assert_eq!(report["overall"]["false_reject"], 0, "all-caps is not counted");
    let insult = report["per_rule"].as_array().unwrap().iter().find(|r| r["rule"] == "insult").unwrap();
    assert_eq!(insult["fired"], 1);
}

#[test]
fn eval_reads_jsonl_and_prints_a_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "labeled.jsonl", "{\"text\": \"güzel\", \"label\": \"approve\"}\n{\"text\": \"siktir\", \"label\": 1}\n");
    let output = moderate(&["eval", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("2 comments, 1 labeled reject"), "{out}");
    assert!(out.contains("macro-F1"), "{out}");
    assert!(out.contains("profanity"), "{out}");
}

#[test]
fn eval_names_the_line_of_a_bad_label_and_an_unknown_rule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "bad.tsv", "iyi\tNOT\nkötü\tMAYBE\n");
    let output = moderate(&["eval", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bad.tsv:2: unknown label `MAYBE`"), "{}", stderr(&output));

    let good = write(dir.path(), "good.tsv", "iyi\tNOT\n");
    let output = moderate(&["eval", good.to_str().unwrap(), "--rules", "insult,nonsense"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown rule `nonsense`"), "{}", stderr(&output));
}

#[test]
fn rules_lists_the_policy() {
    let output = moderate(&["rules"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    for id in ["all-caps", "belief-attack", "insult", "offensive", "profanity"] {
        assert!(out.lines().any(|l| l.starts_with(id)), "{id} missing from:\n{out}");
    }
}

#[test]
fn a_rules_directory_replaces_the_default_and_a_broken_one_names_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "shouting.toml",
        "id = \"shouting\"\ndescription = \"Only capitals\"\n[message]\ntr = \"Bağırmayın.\"\nen = \"Do not shout.\"\n[check]\nkind = \"uppercase\"\nmin_words = 2\nmin_letters = 6\nmin_ratio = 0.5\n",
    );
    let rules = dir.path().to_str().unwrap();
    let output = moderate(&["check", "--rules", rules, "aptal"]);
    assert_eq!(output.status.code(), Some(0), "only the custom rule runs: {}", stdout(&output));
    let output = moderate(&["check", "--rules", rules, "ÇOK KÖTÜ BİR HABER"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("shouting: Bağırmayın."));

    write(dir.path(), "broken.toml", "id = \"broken\"\ndescription = \"x\"\n[message]\ntr = \"a\"\nen = \"b\"\n[check]\nkind = \"lexicon\"\nlsts = [\"insult\"]\n");
    let output = moderate(&["check", "--rules", rules, "merhaba"]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(error.contains("broken.toml:8"), "{error}");
    assert!(error.contains("lsts"), "{error}");
}

#[test]
fn check_shows_the_fixed_comment_and_fix_prints_only_it() {
    let checked = moderate(&["check", "Bu haber cok guzel olmus, emeginize saglik."]);
    assert_eq!(checked.status.code(), Some(1));
    let out = stdout(&checked);
    assert!(out.contains("turkish-characters: "), "{out}");
    assert!(out.contains("Bu haber ⟦cok⟧ ⟦guzel⟧ ⟦olmus⟧, ⟦emeginize⟧ ⟦saglik⟧."), "{out}");
    assert!(out.contains("  fixed: Bu haber çok güzel olmuş, emeğinize sağlık.\n"), "{out}");

    let fixed = moderate(&["fix", "ISTANBUL'DA TRAFIK YINE FELC OLDU, YETKILILER NEREDE"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    assert_eq!(stdout(&fixed), "İstanbul'da trafik yine felç oldu, yetkililer nerede\n");

    let piped = moderate_with_stdin(&["fix"], "bu yorumda sorun yok\n".as_bytes());
    assert_eq!(stdout(&piped), "bu yorumda sorun yok\n", "a comment with nothing to fix comes back as it is");

    let empty = moderate_with_stdin(&["fix"], b"  \n");
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("empty"), "{}", stderr(&empty));
}

/// A small labeled set: offensive sentences with made-up insults, clean news sentences.
fn training_set(dir: &Path) -> std::path::PathBuf {
    let mut lines = String::new();
    for i in 0..30 {
        lines.push_str(&format!("{i}\tsen tam bir zibidisin {i}\tOFF\n"));
        lines.push_str(&format!("{i}\tbu hödükler yine konuşmuş {i}\tOFF\n"));
        lines.push_str(&format!("{i}\tbelediye yolu yarın açacak {i}\tNOT\n"));
        lines.push_str(&format!("{i}\tmaç akşam saat sekizde başlıyor {i}\tNOT\n"));
    }
    write(dir, "train.tsv", &lines)
}

#[test]
fn train_is_deterministic_and_cross_validates_by_fold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = training_set(dir.path());
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    for out in [&a, &b] {
        let trained = moderate(&["train", data.to_str().expect("utf-8 path"), "--bits", "12", "--out", out.to_str().expect("utf-8 path")]);
        assert_eq!(trained.status.code(), Some(0), "{}", stderr(&trained));
    }
    let (a, b) = (std::fs::read(&a).expect("model a"), std::fs::read(&b).expect("model b"));
    assert!(a.starts_with(b"moderate-classifier 1\n"));
    assert_eq!(a, b, "the same data gave two different models");

    let folds = moderate(&["train", data.to_str().expect("utf-8 path"), "--bits", "12", "--folds", "3"]);
    assert_eq!(folds.status.code(), Some(0), "{}", stderr(&folds));
    let printed = stdout(&folds);
    for fold in ["fold 1: macro-F1", "fold 2: macro-F1", "fold 3: macro-F1", "overall: macro-F1"] {
        assert!(printed.contains(fold), "{printed}");
    }
    // Made-up insults the word lists do not know are learned: every fold separates the classes.
    let overall: f64 = printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("overall: macro-F1 "))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("an overall figure");
    assert!(overall > 0.95, "{printed}");
}

#[test]
fn train_refuses_bad_input_with_status_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.tsv", "");
    let out = moderate(&["train", empty.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no labeled comments"), "{}", stderr(&out));
    let data = training_set(dir.path());
    let out = moderate(&["train", data.to_str().expect("utf-8 path"), "--folds", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--folds"), "{}", stderr(&out));
}

#[test]
fn check_exits_3_for_review_and_shows_the_score_and_its_words() {
    let out = moderate(&["check", "Papaz da imam da aynı, hepsi dolandırıcı"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("review"));
    let out = moderate(&["check", "Senin gibi beyinsiz bir yaratığın yorum yapması bile rezalet, defol git buradan"]);
    let printed = stdout(&out);
    assert!(printed.contains("(score "), "{printed}");
    assert!(printed.contains("model offense-tr scored"), "{printed}");
}

#[test]
fn serve_logs_without_colour_codes_when_standard_error_is_not_a_terminal() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_moderate"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("moderate serve starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
            let serving = line.contains("serving");
            let _ = sender.send(line);
            if serving {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    while let Ok(line) = receiver.recv_timeout(std::time::Duration::from_secs(30)) {
        let serving = line.contains("serving");
        lines.push(line);
        if serving {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(lines.iter().any(|l| l.contains("serving")), "no start-up line: {lines:?}");
    assert!(lines.iter().all(|l| !l.contains('\u{1b}')), "colour codes in a pipe: {lines:?}");
}

#[test]
fn eval_counts_review_as_its_own_class_and_shows_undefined_figures_as_dashes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        dir.path(),
        "review.tsv",
        "Papaz da imam da aynı, hepsi dolandırıcı\treview\nBu haber güzel\tapprove\nsen tam bir aptalsın\treject\n",
    );
    let output = moderate(&["eval", file.to_str().unwrap(), "--json", "--rules", "insult,offensive,belief-attack"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    assert_eq!(report["matrix"]["counts"], serde_json::json!([[1, 0, 0], [0, 1, 0], [0, 0, 1]]));

    let clean = write(dir.path(), "clean.tsv", "Bu haber güzel\tapprove\nHava yarın yağmurlu\tapprove\n");
    let output = moderate(&["eval", clean.to_str().unwrap(), "--rules", "insult"]);
    let table = stdout(&output);
    let overall = table.lines().find(|l| l.starts_with("overall")).expect("an overall row");
    assert!(overall.contains('–') && !overall.contains("0.000"), "{overall}");
    let output = moderate(&["eval", clean.to_str().unwrap(), "--json", "--rules", "insult"]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    assert!(report["overall"]["precision"].is_null());
    assert!(report.get("matrix").is_none());

    let empty = write(dir.path(), "empty.tsv", "\n");
    let output = moderate(&["eval", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no labeled comments"), "{}", stderr(&output));
}

#[test]
fn check_file_judges_every_line_in_order_as_the_engine_does() {
    use moderate::{Comment, Engine, Policy};
    let comments = [
        "Bu haber çok güzel olmuş, emeğinize sağlık.",
        "Yazan da okuyan da aptal",
        "cok guzel bir haber olmus",
        "amk bu ne biçim yorum",
        "Papaz da imam da aynı, hepsi dolandırıcı",
        "İSTANBUL'DA HER ŞEY ÇOK GÜZEL OLDU BUGÜN",
        "herkez biliyoki bu iş böyle olmıcak",
        "Müslüman, Hristiyan ve Yahudi liderler barış çağrısı yaptı.",
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    // Many copies, so the comments are split between threads.
    let lines: Vec<&str> = comments.iter().cycle().take(comments.len() * 50).copied().collect();
    let file = write(dir.path(), "comments.txt", &format!("{}\n\n", lines.join("\n")));
    let output = moderate(&["check", "--file", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let results: Vec<Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(results.len(), lines.len(), "the blank line is skipped, every other line answered");
    let engine = Engine::new(Policy::embedded().expect("the default policy loads"));
    for (index, (result, text)) in results.iter().zip(&lines).enumerate() {
        assert_eq!(result["line"], index + 1);
        let verdict = engine.moderate(&Comment::new(text));
        assert_eq!(result["decision"], verdict.decision.as_str(), "{text}");
        let rules: Vec<&str> = result["reasons"].as_array().expect("reasons").iter().map(|r| r["rule"].as_str().expect("rule")).collect();
        assert_eq!(rules, verdict.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(), "{text}");
    }
    let summary = stderr(&output);
    assert!(summary.contains(&format!("{} comments judged", lines.len())), "{summary}");
    assert!(summary.contains("decisions: approve"), "{summary}");
}

#[test]
fn check_lines_reads_jsonl_echoes_ids_and_answers_bad_lines_with_errors() {
    let input = b"{\"text\": \"amk\", \"id\": \"c-1\"}\n{\"text\": \"\"}\nnot json\n{\"text\": \"Bu haber g\xc3\xbczel\", \"id\": 9, \"language\": \"tr\"}\n";
    let output = moderate_with_stdin(&["check", "--lines"], input);
    assert_eq!(output.status.code(), Some(2), "a bad line makes the exit status 2");
    let results: Vec<Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(results.len(), 4);
    assert_eq!((results[0]["id"].as_str(), results[0]["decision"].as_str()), (Some("c-1"), Some("reject")));
    assert_eq!(results[1]["error"]["code"], "missing_text");
    assert_eq!(results[2]["error"]["code"], "malformed_json");
    assert_eq!((results[3]["id"].as_u64(), results[3]["decision"].as_str()), (Some(9), Some("approve")));
    assert!(stderr(&output).contains("2 lines could not be judged"), "{}", stderr(&output));
}
