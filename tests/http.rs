//! The HTTP API through the real application (`moderate::server::app`), and once over a real socket.

use std::io::{Read, Write};
use std::net::TcpStream;

use actix_web::http::StatusCode;
use actix_web::{test, web};
use serde_json::{json, Value};

use moderate::server::{app, bind, AppState, Limits, ServerConfig};
use moderate::{Engine, Policy};

fn engine() -> Engine {
    Engine::new(Policy::embedded().expect("the default policy loads"))
}

fn state(limits: Limits) -> web::Data<AppState> {
    web::Data::new(AppState::new(engine(), limits).expect("metrics register"))
}

const SMALL: Limits = Limits { max_body_bytes: 4096, max_text_chars: 500, max_batch: 5, max_spans: 25 };

/// Sends one request to a fresh app and returns the status and the JSON body.
async fn send(limits: Limits, request: test::TestRequest) -> (StatusCode, Value) {
    let app = test::init_service(app(state(limits))).await;
    let response = test::call_service(&app, request.to_request()).await;
    let status = response.status();
    let body = test::read_body(response).await;
    let json = serde_json::from_slice(&body).unwrap_or_else(|_| panic!("not JSON: {:?}", String::from_utf8_lossy(&body)));
    (status, json)
}

fn post_json(path: &str, body: &Value) -> test::TestRequest {
    test::TestRequest::post().uri(path).insert_header(("content-type", "application/json")).set_payload(body.to_string())
}

fn post_raw(path: &str, body: &[u8], content_type: Option<&str>) -> test::TestRequest {
    let request = test::TestRequest::post().uri(path).set_payload(body.to_vec());
    match content_type {
        Some(ct) => request.insert_header(("content-type", ct)),
        None => request,
    }
}

/// Every span is the code-point slice of the text it claims.
fn assert_spans_true(text: &str, response: &Value) {
    let chars: Vec<char> = text.chars().collect();
    for reason in response["reasons"].as_array().expect("reasons is an array") {
        for span in reason["spans"].as_array().expect("spans is an array") {
            let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            assert!(start <= end && end <= chars.len(), "span {span} outside {text:?}");
            assert_eq!(span["text"].as_str().unwrap(), chars[start..end].iter().collect::<String>(), "in {text:?}");
        }
    }
}

#[actix_web::test]
async fn a_clean_comment_is_approved_with_its_id_and_the_policy() {
    let text = "Bu haber çok güzel olmuş, emeğinize sağlık.";
    let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text, "id": "cms-123", "language": "tr" }))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], "cms-123");
    assert_eq!(body["decision"], "approve");
    assert_eq!(body["language"], "tr");
    assert_eq!(body["reasons"], json!([]));
    assert_eq!(body["policy"]["name"], "default");
    assert!(body["policy"]["version"].as_str().is_some_and(|v| !v.is_empty()));
}

#[actix_web::test]
async fn a_rejected_comment_names_the_rule_and_the_exact_span_in_the_asked_locale() {
    let text = "😡 Yazan da okuyan da ŞEREFSİZZZ";
    let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text, "locale": "en", "id": 7 }))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], 7, "a non-string id is echoed unchanged");
    assert_eq!(body["decision"], "reject");
    let reason = &body["reasons"][0];
    assert_eq!(reason["rule"], "insult");
    assert_eq!(reason["message"], "Your comment contains an insult.");
    assert_eq!(reason["spans"], json!([{ "start": 21, "end": 31, "text": "ŞEREFSİZZZ" }]));
    assert_spans_true(text, &body);
}

#[actix_web::test]
async fn ids_of_every_json_type_come_back_exactly_as_sent() {
    let app = test::init_service(app(state(Limits::default()))).await;
    for id in ["12345678901234567890123", "1e2", "-0", "1e400", "\"a\"", "null", "[1,{\"b\":2}]", "true"] {
        let body = format!("{{\"text\": \"güzel\", \"id\": {id}}}");
        let request = post_raw("/moderate", body.as_bytes(), Some("application/json")).to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status(), StatusCode::OK, "{id}");
        let raw = String::from_utf8(test::read_body(response).await.to_vec()).unwrap();
        let echoed = if id == "null" { "\"id\":null".to_string() } else { format!("\"id\":{id}") };
        assert!(raw.replace(' ', "").contains(&echoed.replace(' ', "")), "{id} came back as {raw}");
    }
}

#[actix_web::test]
async fn health_answers_head_requests() {
    let app = test::init_service(app(state(Limits::default()))).await;
    let response = test::call_service(&app, test::TestRequest::default().method(actix_web::http::Method::HEAD).uri("/health").to_request()).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[actix_web::test]
async fn all_caps_reason_carries_a_suggestion() {
    let text = "İSTANBUL'DA HER ŞEY ÇOK GÜZEL OLDU BUGÜN";
    let (_, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text }))).await;
    assert_eq!(body["decision"], "reject");
    assert_eq!(body["reasons"][0]["rule"], "all-caps");
    assert_eq!(body["reasons"][0]["suggestion"], "İstanbul'da her şey çok güzel oldu bugün");
}

#[actix_web::test]
async fn turkish_typed_without_its_letters_gets_the_restored_comment_back() {
    let text = "Bu haber cok guzel olmus, emeginize saglik.";
    let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text, "locale": "en" }))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["decision"], "reject");
    assert_eq!(body["language"], "tr");
    let reason = &body["reasons"][0];
    assert_eq!(reason["rule"], "turkish-characters");
    assert_eq!(reason["message"], "Your comment is written without Turkish letters. Please use ç, ğ, ı, İ, ö, ş and ü.");
    let spans: Vec<&str> = reason["spans"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(spans, ["cok", "guzel", "olmus", "emeginize", "saglik"]);
    assert_eq!(reason["suggestion"], "Bu haber çok güzel olmuş, emeğinize sağlık.");
    assert_eq!(body["suggestion"], "Bu haber çok güzel olmuş, emeğinize sağlık.");
    assert_spans_true(text, &body);
}

#[actix_web::test]
async fn the_top_level_suggestion_applies_every_fix_together() {
    let text = "ISTANBUL'DA TRAFIK YINE FELC OLDU, YETKILILER NEREDE";
    let (_, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text }))).await;
    let rules: Vec<&str> = body["reasons"].as_array().unwrap().iter().map(|r| r["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["all-caps", "turkish-characters"]);
    assert_eq!(body["reasons"][1]["suggestion"], "İSTANBUL'DA TRAFİK YİNE FELÇ OLDU, YETKİLİLER NEREDE");
    assert_eq!(body["suggestion"], "İstanbul'da trafik yine felç oldu, yetkililer nerede");
}

#[actix_web::test]
async fn english_in_capitals_gets_english_sentence_case_and_no_turkish_letters() {
    let (_, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": "THIS IS THE WORST ARTICLE I HAVE EVER READ" }))).await;
    assert_eq!(body["language"], "en");
    let rules: Vec<&str> = body["reasons"].as_array().unwrap().iter().map(|r| r["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["all-caps"]);
    assert_eq!(body["suggestion"], "This is the worst article I have ever read");
}

#[actix_web::test]
async fn an_approved_comment_has_no_suggestion() {
    let (_, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": "Bu haber çok güzel olmuş." }))).await;
    assert_eq!(body["decision"], "approve");
    assert!(body.get("suggestion").is_none(), "{body}");
}

#[actix_web::test]
async fn the_language_field_overrides_detection() {
    let (_, detected) = send(Limits::default(), post_json("/moderate", &json!({ "text": "This is a fine article" }))).await;
    assert_eq!(detected["language"], "en");
    let (_, forced) = send(Limits::default(), post_json("/moderate", &json!({ "text": "This is a fine article", "language": "tr" }))).await;
    assert_eq!(forced["language"], "tr");
    let (_, other) = send(Limits::default(), post_json("/moderate", &json!({ "text": "Dit is het slechtste artikel dat ik ooit heb gelezen" }))).await;
    assert_eq!(other["language"], "other");
    // A Turkish comment typed in ASCII and forced to English is not told to use Turkish letters.
    let (_, english) = send(Limits::default(), post_json("/moderate", &json!({ "text": "cok guzel olmus", "language": "en" }))).await;
    assert_eq!(english["decision"], "approve");
}

#[actix_web::test]
async fn tricky_texts_always_get_true_spans() {
    for (text, decision) in [
        ("S İ K T İ R git 😡😡 buradan", "reject"),
        ("🏳️‍🌈🏳️‍🌈 orospu çocuğu", "reject"),
        ("ama\u{301}k olmaz böyle şey", "approve"),
        ("si\u{200b}k\u{200b}tir lan", "reject"),
        ("\u{202e}göt\u{202c} herif", "reject"),
        ("e\u{301}\u{301}\u{301} salak", "reject"),
        ("İİİ ııı İSTANBUL'DA HER ŞEY ÇOK GÜZEL OLDU BUGÜN", "reject"),
    ] {
        let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text }))).await;
        assert_eq!(status, StatusCode::OK, "{text:?}");
        assert_eq!(body["decision"], decision, "{text:?}: {body}");
        assert_spans_true(text, &body);
    }
}

async fn assert_error(request: test::TestRequest, status: StatusCode, code: &str) {
    let (got, body) = send(SMALL, request).await;
    assert_eq!(got, status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
}

#[actix_web::test]
async fn client_errors_are_json_with_the_contract_statuses() {
    assert_error(post_raw("/moderate", b"{not json", Some("application/json")), StatusCode::BAD_REQUEST, "malformed_json").await;
    assert_error(post_json("/moderate", &json!({ "id": "x" })), StatusCode::BAD_REQUEST, "missing_text").await;
    assert_error(post_json("/moderate", &json!({ "text": 5 })), StatusCode::BAD_REQUEST, "invalid_text").await;
    assert_error(post_json("/moderate", &json!({ "text": "" })), StatusCode::BAD_REQUEST, "empty_text").await;
    assert_error(post_json("/moderate", &json!({ "text": " \n\t" })), StatusCode::BAD_REQUEST, "empty_text").await;
    assert_error(post_json("/moderate", &json!(["text"])), StatusCode::BAD_REQUEST, "invalid_request").await;
    assert_error(post_json("/moderate", &json!({ "text": "iyi", "language": "de" })), StatusCode::BAD_REQUEST, "invalid_language").await;
    assert_error(post_json("/moderate", &json!({ "text": "iyi", "locale": 3 })), StatusCode::BAD_REQUEST, "invalid_locale").await;
    assert_error(post_raw("/moderate", b"{\"text\": \"\xff\xfe\"}", Some("application/json")), StatusCode::BAD_REQUEST, "invalid_utf8").await;
    assert_error(post_raw("/moderate", b"text=hi", Some("text/plain")), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    assert_error(post_raw("/moderate", br#"{"text":"hi"}"#, None), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    assert_error(post_json("/moderate", &json!({ "text": "a".repeat(5000) })), StatusCode::PAYLOAD_TOO_LARGE, "body_too_large").await;
    assert_error(post_json("/moderate", &json!({ "text": "ç".repeat(501) })), StatusCode::PAYLOAD_TOO_LARGE, "text_too_long").await;
    let deep = "[".repeat(3000) + &"]".repeat(3000);
    assert_error(post_raw("/moderate", deep.as_bytes(), Some("application/json")), StatusCode::PAYLOAD_TOO_LARGE, "body_too_large").await;
    assert_error(test::TestRequest::get().uri("/moderate"), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let gzip = post_raw("/moderate", b"\x1f\x8b\x08\x00", Some("application/json")).insert_header(("content-encoding", "gzip"));
    assert_error(gzip, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    assert_error(test::TestRequest::get().uri("/nowhere"), StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn deeply_nested_json_within_the_limit_is_a_400_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let (status, body) = send(Limits::default(), post_raw("/moderate", deep.as_bytes(), Some("application/json"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_request", "valid JSON, but not a comment");
    let deep_text = format!("{{\"text\": {deep}}}");
    let (status, body) = send(Limits::default(), post_raw("/moderate", deep_text.as_bytes(), Some("application/json"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[actix_web::test]
async fn a_field_given_twice_is_refused_not_guessed() {
    let (status, body) = send(Limits::default(), post_raw("/moderate", br#"{"text":"iyi","text":"aptal"}"#, Some("application/json"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("duplicate field"), "{body}");
}

#[actix_web::test]
async fn a_json_content_type_with_parameters_is_accepted() {
    let (status, _) = send(Limits::default(), post_raw("/moderate", br#"{"text":"merhaba"}"#, Some("application/json; charset=utf-8"))).await;
    assert_eq!(status, StatusCode::OK);
}

#[actix_web::test]
async fn a_batch_answers_in_order_and_one_bad_item_fails_it_whole() {
    let comments = json!({ "comments": [
        { "text": "Güzel haber", "id": "a" },
        { "text": "amk", "id": "b" },
        { "text": "aptal", "id": "c", "locale": "en" },
    ]});
    let (status, body) = send(Limits::default(), post_json("/moderate/batch", &comments)).await;
    assert_eq!(status, StatusCode::OK);
    let results = body["results"].as_array().expect("results");
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let decisions: Vec<&str> = results.iter().map(|r| r["decision"].as_str().unwrap()).collect();
    assert_eq!(decisions, ["approve", "reject", "reject"]);
    assert_eq!(results[2]["reasons"][0]["message"], "Your comment contains an insult.");

    let (status, body) = send(SMALL, post_json("/moderate/batch", &json!({ "comments": [{ "text": "iyi" }, { "text": 7 }] }))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("comments[1]"), "{body}");
    assert_error(post_json("/moderate/batch", &json!({ "comments": "x" })), StatusCode::BAD_REQUEST, "invalid_request").await;
    assert_error(post_json("/moderate/batch", &json!({ "comments": vec![json!({"text": "a"}); 6] })), StatusCode::PAYLOAD_TOO_LARGE, "batch_too_large").await;
    let (status, body) = send(SMALL, post_json("/moderate/batch", &json!({ "comments": [] }))).await;
    assert_eq!((status, body), (StatusCode::OK, json!({ "results": [] })));
}

#[actix_web::test]
async fn health_and_rules_describe_the_service() {
    let (status, health) = send(Limits::default(), test::TestRequest::get().uri("/health")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["status"], "ok");
    let (status, rules) = send(Limits::default(), test::TestRequest::get().uri("/rules")).await;
    assert_eq!(status, StatusCode::OK);
    let mut ids: Vec<&str> = rules["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["all-caps", "belief-attack", "insult", "offensive", "profanity", "spelling", "turkish-characters"]);
    for rule in rules["rules"].as_array().unwrap() {
        assert_eq!(rule["action"], "reject");
        assert!(rule["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(rule["message"]["tr"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert_eq!(rules["policy"]["version"], health["policy"]["version"]);
}

#[actix_web::test]
async fn metrics_count_requests_decisions_and_rules() {
    let app = test::init_service(app(state(Limits::default()))).await;
    for text in ["güzel", "aptal", "aptal"] {
        test::call_service(&app, post_json("/moderate", &json!({ "text": text })).to_request()).await;
    }
    test::call_service(&app, post_raw("/moderate", b"{", Some("application/json")).to_request()).await;
    let response = test::call_service(&app, test::TestRequest::get().uri("/metrics").to_request()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = String::from_utf8(test::read_body(response).await.to_vec()).unwrap();
    assert!(text.contains("# TYPE moderate_http_requests_total counter"), "{text}");
    assert!(text.contains(r#"moderate_http_requests_total{endpoint="/moderate",status="200"} 3"#), "{text}");
    assert!(text.contains(r#"moderate_http_requests_total{endpoint="/moderate",status="400"} 1"#), "{text}");
    assert!(text.contains(r#"moderate_decisions_total{decision="reject"} 2"#), "{text}");
    assert!(text.contains(r#"moderate_rule_hits_total{rule="insult"} 2"#), "{text}");
    assert!(text.contains(r#"moderate_rule_hits_total{rule="profanity"} 0"#), "{text}");
    assert!(text.contains("moderate_judge_duration_seconds_bucket"), "{text}");
}

// `test` here is actix's module, so the standard attribute is named in full.
#[::core::prelude::v1::test]
fn the_server_answers_over_a_real_socket() {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let config = ServerConfig { workers: Some(1), ..ServerConfig::new("127.0.0.1:0") };
            let bound = bind(&config, engine()).expect("binds a free port");
            sender.send(bound.addrs[0]).expect("test is waiting");
            bound.server.await
        })
    });
    let addr = receiver.recv().expect("server started");
    let body = r#"{"text":"siktir git","id":"tcp"}"#;
    let mut stream = TcpStream::connect(addr).expect("connects");
    write!(stream, "POST /moderate HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads the answer");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let json: Value = serde_json::from_str(response.split("\r\n\r\n").nth(1).expect("has a body")).expect("JSON body");
    assert_eq!(json["id"], "tcp");
    assert_eq!(json["decision"], "reject");
}

#[actix_web::test]
async fn a_learned_reason_carries_its_score_and_a_review_is_a_decision_of_its_own() {
    let text = "Senin gibi beyinsiz bir yaratığın yorum yapması bile rezalet, defol git buradan";
    let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text }))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["decision"], "reject");
    let learned = body["reasons"].as_array().expect("reasons").iter().find(|r| r.get("score").is_some()).expect("a scored reason");
    let score = learned["score"].as_f64().expect("score is a number");
    assert!((0.0..=1.0).contains(&score), "{score}");
    assert_spans_true(text, &body);
    // List entries behind a reason never reach the CMS.
    assert!(learned.get("evidence").is_none(), "{learned}");

    let text = "Papaz da imam da aynı, hepsi dolandırıcı";
    let (_, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text }))).await;
    assert_eq!(body["decision"], "review", "{body}");
    assert_eq!(body["reasons"][0]["rule"], "belief-attack");
}

#[actix_web::test]
async fn a_comment_is_judged_the_same_alone_and_in_any_batch() {
    let comment = "Bu nasıl bir yönetim, hepsi beceriksiz ve yalancı";
    let (_, alone) = send(Limits::default(), post_json("/moderate", &json!({ "text": comment }))).await;
    let others = ["amk", "Bu haber çok güzel olmuş.", "ŞEREFSİZLER", "Müslümanların hepsi geri kafalı"];
    for at in 0..=others.len() {
        let mut comments: Vec<Value> = others.iter().map(|t| json!({ "text": t })).collect();
        comments.insert(at, json!({ "text": comment }));
        let (status, body) = send(Limits::default(), post_json("/moderate/batch", &json!({ "comments": comments }))).await;
        assert_eq!(status, StatusCode::OK);
        let result = &body["results"][at];
        assert_eq!(result["decision"], alone["decision"]);
        assert_eq!(result["reasons"], alone["reasons"], "position {at}");
    }
}

#[actix_web::test]
async fn a_405_names_the_methods_the_endpoint_takes() {
    let app = test::init_service(app(state(Limits::default()))).await;
    for (request, allow) in [
        (test::TestRequest::get().uri("/moderate"), "POST"),
        (test::TestRequest::delete().uri("/moderate/batch"), "POST"),
        (test::TestRequest::post().uri("/health"), "GET, HEAD"),
        (test::TestRequest::put().uri("/rules"), "GET, HEAD"),
    ] {
        let response = test::call_service(&app, request.to_request()).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        let header = response.headers().get("allow").and_then(|v| v.to_str().ok()).map(str::to_string);
        assert_eq!(header.as_deref(), Some(allow));
        let body: Value = serde_json::from_slice(&test::read_body(response).await).expect("a JSON body");
        assert_eq!(body["error"]["code"], "method_not_allowed");
    }
}

/// The component schema `name` of the service's own OpenAPI document, as a validator.
fn schema_of(document: &Value, name: &str) -> jsonschema::Validator {
    let mut schema = document.clone();
    schema["$ref"] = json!(format!("#/components/schemas/{name}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name} is no valid schema: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(instance).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{what} does not match the OpenAPI document: {errors:?}\n{instance}");
}

#[actix_web::test]
async fn real_responses_match_the_openapi_document() {
    let (status, document) = send(Limits::default(), test::TestRequest::get().uri("/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.")), "{}", document["openapi"]);
    for path in ["/moderate", "/moderate/batch", "/health", "/rules", "/metrics", "/openapi.json"] {
        assert!(document["paths"].get(path).is_some(), "{path} is not described");
    }
    assert!(document["paths"]["/moderate"]["post"]["responses"].get("415").is_some());

    let response = schema_of(&document, "ModerationResponse");
    for (text, id) in [
        ("Bu haber çok güzel olmuş, emeğinize sağlık.", json!("cms-1")),
        ("Yazan da okuyan da ŞEREFSİZZZ", json!(12)),
        ("cok guzel bir haber olmus", json!(null)),
        ("Papaz da imam da aynı, hepsi dolandırıcı", json!({ "nested": [1, 2] })),
        ("Senin gibi beyinsiz bir yaratığın yorum yapması bile rezalet, defol git buradan", json!(true)),
    ] {
        let (status, body) = send(Limits::default(), post_json("/moderate", &json!({ "text": text, "id": id }))).await;
        assert_eq!(status, StatusCode::OK);
        assert_valid(&response, &body, text);
    }
    let (_, body) = send(Limits::default(), post_json("/moderate/batch", &json!({ "comments": [{ "text": "amk" }, { "text": "güzel" }] }))).await;
    assert_valid(&schema_of(&document, "BatchResponse"), &body, "a batch");
    let (_, body) = send(Limits::default(), test::TestRequest::get().uri("/health")).await;
    assert_valid(&schema_of(&document, "HealthResponse"), &body, "health");
    let (_, body) = send(Limits::default(), test::TestRequest::get().uri("/rules")).await;
    assert_valid(&schema_of(&document, "RulesResponse"), &body, "rules");

    let error = schema_of(&document, "ErrorBody");
    for request in [
        post_raw("/moderate", b"{not json", Some("application/json")),
        post_json("/moderate", &json!({ "text": "" })),
        post_raw("/moderate", b"{\"text\":\"x\"}", Some("text/plain")),
        post_json("/moderate", &json!({ "text": "x".repeat(600) })),
    ] {
        let (status, body) = send(SMALL, request).await;
        assert!(status.is_client_error(), "{status}");
        assert_valid(&error, &body, &format!("a {status} answer"));
    }
    // A request as the document describes it is one the service takes.
    let request = schema_of(&document, "ModerationRequest");
    assert_valid(&request, &json!({ "text": "güzel", "language": "tr", "locale": "en", "id": "x" }), "a request");
    assert!(!request.is_valid(&json!({ "language": "tr" })), "text is required");
}

#[actix_web::test]
async fn the_console_is_off_unless_asked_for_and_shows_the_list_entries_when_on() {
    let off = test::init_service(app(state(Limits::default()))).await;
    assert_eq!(test::call_service(&off, test::TestRequest::get().uri("/").to_request()).await.status(), StatusCode::NOT_FOUND);
    let request = post_json("/console/moderate", &json!({ "text": "aptal" })).to_request();
    assert_eq!(test::call_service(&off, request).await.status(), StatusCode::NOT_FOUND);

    let on = web::Data::new(AppState::new(engine(), Limits::default()).expect("metrics register").with_console());
    let app = test::init_service(app(on)).await;
    let page = test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html")));
    let html = String::from_utf8(test::read_body(page).await.to_vec()).expect("UTF-8 page");
    assert!(html.contains("/console/moderate") && html.contains("/rules"));

    let request = post_json("/console/moderate", &json!({ "text": "Yazan da okuyan da aptal" })).to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = serde_json::from_slice(&test::read_body(response).await).expect("JSON");
    let reason = &body["reasons"][0];
    assert_eq!(reason["rule"], "insult");
    assert_eq!(reason["message_tr"], "Yorumunuz hakaret içeriyor.");
    assert_eq!(reason["message_en"], "Your comment contains an insult.");
    assert!(reason["evidence"][0].as_str().is_some_and(|e| e.starts_with("tr/insult.txt:")), "{reason}");
}
