//! The server over real sockets, as a slow, hostile or careless client and an operator see it:
//! timeouts on every request of a connection, JSON for the HTTP layer's own errors, the connection
//! cap, answers a client does not read, abandoned batches, and policy reloads.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use moderate::server::{bind, ConnectionLimits, Limits, ServerConfig};
use moderate::{Engine, Policy, PolicySource};
use serde_json::Value;

fn engine() -> Engine {
    Engine::new(Policy::embedded().expect("the default policy loads"))
}

/// Starts a server on a free port in a thread of its own.
fn serve(config: ServerConfig, engine: Engine) -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let bound = bind(&config, engine).expect("binds a free port");
            sender.send(bound.addrs[0]).expect("test is waiting");
            bound.server.await
        })
    });
    receiver.recv().expect("server started")
}

fn quick(connections: ConnectionLimits) -> ServerConfig {
    ServerConfig { workers: Some(1), connections, ..ServerConfig::new("127.0.0.1:0") }
}

fn short_timeouts() -> ConnectionLimits {
    ConnectionLimits {
        head_timeout: Duration::from_millis(400),
        body_timeout: Duration::from_millis(400),
        write_timeout: Duration::from_millis(400),
        ..ConnectionLimits::default()
    }
}

/// Sends `bytes` and reads until the server closes (or 5 s pass).
fn exchange(addr: SocketAddr, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.write_all(bytes).expect("sends");
    read_all(&mut stream)
}

fn read_all(stream: &mut TcpStream) -> String {
    stream.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout set");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn get(addr: SocketAddr, path: &str) -> String {
    exchange(addr, format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes())
}

fn post(addr: SocketAddr, path: &str, body: &str, headers: &str) -> String {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{headers}Connection: close\r\n\r\n{body}",
        body.len()
    );
    exchange(addr, request.as_bytes())
}

fn body_of(answer: &str) -> Value {
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not a JSON body ({e}): {answer}"))
}

fn header<'a>(answer: &'a str, name: &str) -> Option<&'a str> {
    let head = answer.split_once("\r\n\r\n").map_or(answer, |(head, _)| head);
    head.lines().find_map(|line| line.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim()))
}

#[test]
fn a_head_trickled_in_on_a_kept_alive_connection_is_cut_with_a_json_408() {
    let addr = serve(quick(short_timeouts()), engine());
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.write_all(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n").expect("sends");
    let mut first = [0u8; 12];
    stream.read_exact(&mut first).expect("the first request is answered");
    assert_eq!(&first, b"HTTP/1.1 200");
    let started = Instant::now();
    // The second head, a byte every 100 ms: it never ends in time.
    let mut cut = false;
    for byte in b"GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".iter() {
        if stream.write_all(&[*byte]).is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    let rest = read_all(&mut stream);
    assert!(cut || rest.contains("408"), "the trickle was never cut: {rest}");
    assert!(started.elapsed() < Duration::from_secs(3), "cut after {:?}", started.elapsed());
    if let Some(at) = rest.find("HTTP/1.1 408") {
        let answer = &rest[at..];
        assert_eq!(body_of(answer)["error"]["code"], "head_timeout");
    }
}

#[test]
fn a_body_that_stops_arriving_gets_a_json_408() {
    let addr = serve(quick(short_timeouts()), engine());
    let started = Instant::now();
    let answer = exchange(addr, b"POST /moderate HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"text\":\"a");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(body_of(&answer)["error"]["code"], "body_timeout");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn the_http_layers_own_errors_are_json_and_counted() {
    let addr = serve(quick(ConnectionLimits::default()), engine());
    let garbage = exchange(addr, b"NOT HTTP AT ALL\r\n\r\n");
    assert!(garbage.starts_with("HTTP/1.1 400"), "{garbage}");
    assert_eq!(header(&garbage, "content-type"), Some("application/json"));
    assert_eq!(body_of(&garbage)["error"]["code"], "bad_http_request");

    let no_host = exchange(addr, b"GET /health HTTP/1.1\r\n\r\n");
    assert!(no_host.starts_with("HTTP/1.1 400"), "{no_host}");
    assert!(body_of(&no_host)["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));

    let many_headers: String = (0..200).map(|i| format!("X-Header-{i}: a\r\n")).collect();
    let too_large = exchange(addr, format!("GET /health HTTP/1.1\r\nHost: test\r\n{many_headers}\r\n").as_bytes());
    assert!(too_large.starts_with("HTTP/1.1 431"), "{too_large}");
    assert_eq!(body_of(&too_large)["error"]["code"], "headers_too_large");

    let metrics = get(addr, "/metrics");
    assert!(metrics.contains(r#"moderate_http_requests_total{endpoint="http",status="400"} 2"#), "{metrics}");
    assert!(metrics.contains(r#"moderate_http_requests_total{endpoint="http",status="431"} 1"#), "{metrics}");
}

#[test]
fn pipelined_requests_are_all_answered_in_order() {
    let addr = serve(quick(ConnectionLimits::default()), engine());
    let body = r#"{"text":"aptal herif","id":"second"}"#;
    let pipelined = format!(
        "GET /health HTTP/1.1\r\nHost: test\r\n\r\nPOST /moderate HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}GET /rules HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let answers = exchange(addr, pipelined.as_bytes());
    let starts: Vec<usize> = answers.match_indices("HTTP/1.1 200").map(|(at, _)| at).collect();
    assert_eq!(starts.len(), 3, "{answers}");
    assert!(answers[starts[0]..starts[1]].contains(r#""status":"ok""#));
    assert!(answers[starts[1]..starts[2]].contains(r#""id":"second""#));
    assert!(answers[starts[2]..].contains(r#""rules""#));
}

#[test]
fn a_client_that_never_reads_its_answers_is_cut() {
    let addr = serve(quick(short_timeouts()), engine());
    let mut stream = TcpStream::connect(addr).expect("connects");
    let request = b"GET /openapi.json HTTP/1.1\r\nHost: test\r\n\r\n".repeat(3000);
    stream.set_write_timeout(Some(Duration::from_secs(5))).expect("timeout set");
    // The server stops reading once its answers back up; what it does not take, it never will.
    let _ = stream.write_all(&request);
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut cut = false;
    while Instant::now() < deadline && !cut {
        std::thread::sleep(Duration::from_millis(200));
        let metrics = get(addr, "/metrics");
        cut = metrics.contains(r#"moderate_client_timeouts_total{phase="write"} 1"#);
    }
    assert!(cut, "the non-reading client was not cut");
    assert!(get(addr, "/health").starts_with("HTTP/1.1 200"));
}

#[test]
fn past_the_connection_cap_the_longest_waiting_client_makes_room() {
    let limits = ConnectionLimits { max_connections: 5, ..ConnectionLimits::default() };
    let addr = serve(quick(limits), engine());
    let mut stalled: Vec<TcpStream> = (0..5)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).expect("connects");
            stream.write_all(b"GET /health HTTP/1.1\r\nHost: te").expect("half a head");
            std::thread::sleep(Duration::from_millis(20));
            stream
        })
        .collect();
    let started = Instant::now();
    let health = get(addr, "/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(started.elapsed() < Duration::from_secs(1));
    // The oldest stalled connection was closed to make room.
    let oldest = read_all(&mut stalled[0]);
    assert!(oldest.is_empty(), "{oldest}");
    let metrics = get(addr, "/metrics");
    let closed = metrics.lines().find(|l| l.starts_with("moderate_connections_closed_for_room_total")).expect("counted");
    assert_ne!(closed, "moderate_connections_closed_for_room_total 0");
}

#[test]
fn a_batch_whose_client_has_gone_is_not_judged_to_the_end() {
    let addr = serve(quick(ConnectionLimits::default()), engine());
    let comments: Vec<Value> =
        (0..1000).map(|i| serde_json::json!({ "text": format!("Bu haber {i} hakkında uzun bir yorum yazıyorum, okuyan herkese teşekkürler. {}", "Çok güzel bir haber olmuş. ".repeat(8)) })).collect();
    let body = serde_json::json!({ "comments": comments }).to_string();
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(stream, "POST /moderate/batch HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()).expect("sends");
    drop(stream);
    std::thread::sleep(Duration::from_secs(3));
    let metrics = get(addr, "/metrics");
    let judged: u64 = metrics
        .lines()
        .filter(|l| l.starts_with("moderate_decisions_total{"))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum();
    assert!(judged < 1000, "all {judged} comments were judged for a client that had gone");
}

#[test]
fn reasons_report_a_bounded_number_of_spans_and_count_the_rest() {
    let config = ServerConfig { limits: Limits { max_spans: 3, ..Limits::default() }, ..quick(ConnectionLimits::default()) };
    let addr = serve(config, engine());
    let text = "aptal ".repeat(10);
    let answer = post(addr, "/moderate", &serde_json::json!({ "text": text }).to_string(), "");
    let json = body_of(&answer);
    let insult = json["reasons"].as_array().and_then(|r| r.iter().find(|r| r["rule"] == "insult")).expect("an insult reason");
    assert_eq!(insult["spans"].as_array().map(Vec::len), Some(3), "{json}");
    assert_eq!(insult["more_spans"], 7, "{json}");
}

fn copy_rules(to: &Path) {
    std::fs::create_dir_all(to).expect("rules directory");
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules/") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("a file name"))).expect("copied");
    }
}

fn version_of(answer: &str) -> String {
    body_of(answer)["policy"]["version"].as_str().expect("a version").to_string()
}

#[test]
fn the_admin_reload_swaps_the_policy_and_a_broken_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let rules = dir.path().join("rules");
    copy_rules(&rules);
    let source = PolicySource { rules: Some(rules.clone()), ..PolicySource::default() };
    let engine = Engine::new(source.load().expect("the copied rules load"));
    let config = ServerConfig { source, admin_token: Some("s3cret".into()), ..quick(ConnectionLimits::default()) };
    let addr = serve(config, engine);
    let before = version_of(&get(addr, "/health"));

    let refused = post(addr, "/admin/reload", "", "Authorization: Bearer wrong\r\n");
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");
    let unchanged = post(addr, "/admin/reload", "", "Authorization: Bearer s3cret\r\n");
    assert_eq!(body_of(&unchanged)["outcome"], "unchanged", "{unchanged}");

    let caps = rules.join("all-caps.toml");
    let original = std::fs::read_to_string(&caps).expect("readable");
    std::fs::write(&caps, original.replacen("description = \"", "description = \"Changed: ", 1)).expect("written");
    let reloaded = post(addr, "/admin/reload", "", "Authorization: Bearer s3cret\r\n");
    let json = body_of(&reloaded);
    assert_eq!(json["outcome"], "reloaded", "{reloaded}");
    assert_eq!(json["previous_version"], before.as_str());
    let after = version_of(&get(addr, "/health"));
    assert_ne!(after, before);
    let rules_now = get(addr, "/rules");
    assert!(rules_now.contains("Changed: "), "{rules_now}");
    assert_eq!(header(&rules_now, "x-policy-version"), Some(after.as_str()));

    std::fs::write(&caps, "id = \"all-caps\"\nthis is not toml").expect("written");
    let broken = post(addr, "/admin/reload", "", "Authorization: Bearer s3cret\r\n");
    assert!(broken.starts_with("HTTP/1.1 422"), "{broken}");
    let message = body_of(&broken)["error"]["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("all-caps.toml"), "{message}");
    assert_eq!(version_of(&get(addr, "/health")), after, "a broken policy must change nothing");
    let judged = post(addr, "/moderate", r#"{"text":"BU HABER ÇOK KÖTÜ YAZILMIŞ, HİÇ BEĞENMEDİM"}"#, "");
    assert_eq!(body_of(&judged)["decision"], "reject");

    let metrics = get(addr, "/metrics");
    assert!(metrics.contains(r#"moderate_policy_reloads_total{outcome="reloaded"} 1"#), "{metrics}");
    assert!(metrics.contains(r#"moderate_policy_reloads_total{outcome="failed"} 1"#), "{metrics}");
}

#[test]
fn without_an_admin_token_there_is_no_reload_endpoint() {
    let addr = serve(quick(ConnectionLimits::default()), engine());
    let answer = post(addr, "/admin/reload", "", "Authorization: Bearer anything\r\n");
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
}

/// The binary, as an operator runs it: SIGHUP reloads, SIGTERM stops and says so.
#[test]
fn sighup_reloads_and_sigterm_stops_with_a_log_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let rules = dir.path().join("rules");
    copy_rules(&rules);
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_moderate"))
        .args(["serve", "--addr", &addr.to_string(), "--rules"])
        .arg(&rules)
        .env_remove("MODERATE_ADMIN_TOKEN")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    let before = loop {
        if let Ok(mut stream) = TcpStream::connect(addr) {
            let _ = stream.write_all(b"GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            let answer = read_all(&mut stream);
            if answer.starts_with("HTTP/1.1 200") {
                break version_of(&answer);
            }
        }
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(100));
    };
    let caps = rules.join("all-caps.toml");
    let original = std::fs::read_to_string(&caps).expect("readable");
    std::fs::write(&caps, original.replacen("description = \"", "description = \"Reloaded: ", 1)).expect("written");
    let signal = |name: &str| {
        let status = std::process::Command::new("kill").args([name, &child.id().to_string()]).status().expect("kill runs");
        assert!(status.success());
    };
    signal("-HUP");
    let deadline = Instant::now() + Duration::from_secs(30);
    while version_of(&get(addr, "/health")) == before {
        assert!(Instant::now() < deadline, "SIGHUP did not reload the policy");
        std::thread::sleep(Duration::from_millis(100));
    }
    signal("-TERM");
    let output = child.wait_with_output().expect("the server stops");
    assert!(output.status.success(), "{output:?}");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(log.contains("policy reloaded"), "{log}");
    assert!(log.contains("stopped: every request in flight was answered"), "{log}");
}
