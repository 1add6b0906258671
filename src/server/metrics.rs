//! `GET /metrics`: Prometheus text format: requests by endpoint and status, decisions, rules that
//! fired, request and judging latency, and the policy in use.

use std::time::Duration;

use actix_web::{web, HttpResponse};
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};

use super::AppState;
use crate::{Policy, Verdict};

pub(crate) struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    request_seconds: HistogramVec,
    decisions: IntCounterVec,
    rule_hits: IntCounterVec,
    judge_seconds: HistogramVec,
    policy_info: IntGaugeVec,
    reloads: IntCounterVec,
    shed: IntCounterVec,
    timeouts: IntCounterVec,
    closed_for_room: IntCounter,
    connections: IntGauge,
    in_flight: IntGauge,
    cut_off: IntCounter,
}

/// Latency buckets from 10 µs to 2.5 s: judging takes microseconds, a request well under a millisecond.
const BUCKETS: &[f64] = &[0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 2.5];

impl Metrics {
    pub(crate) fn new(policy: &Policy) -> Result<Self, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("moderate_http_requests_total", "HTTP requests by endpoint and status"),
            &["endpoint", "status"],
        )?;
        let request_seconds = HistogramVec::new(
            HistogramOpts::new("moderate_http_request_duration_seconds", "HTTP request latency").buckets(BUCKETS.to_vec()),
            &["endpoint"],
        )?;
        let decisions = IntCounterVec::new(Opts::new("moderate_decisions_total", "Comments judged, by decision"), &["decision"])?;
        let rule_hits = IntCounterVec::new(Opts::new("moderate_rule_hits_total", "Reasons given, by rule"), &["rule"])?;
        let judge_seconds = HistogramVec::new(
            HistogramOpts::new("moderate_judge_duration_seconds", "Time to judge one comment").buckets(BUCKETS.to_vec()),
            &[],
        )?;
        let policy_info = IntGaugeVec::new(Opts::new("moderate_policy_info", "The policy being served"), &["name", "version"])?;
        let reloads = IntCounterVec::new(Opts::new("moderate_policy_reloads_total", "Policy reloads, by outcome (reloaded, unchanged, failed)"), &["outcome"])?;
        let shed = IntCounterVec::new(
            Opts::new("moderate_shed_total", "Requests and connections refused with 503 for load, by the bound reached"),
            &["bound"],
        )?;
        let timeouts = IntCounterVec::new(Opts::new("moderate_client_timeouts_total", "Clients cut for slowness, by what they were slow at (head, body, write)"), &["phase"])?;
        let closed_for_room = IntCounter::new("moderate_connections_closed_for_room_total", "Waiting connections closed to make room for new ones")?;
        let connections = IntGauge::new("moderate_connections_open", "Open client connections")?;
        let in_flight = IntGauge::new("moderate_requests_in_flight", "Requests being handled")?;
        let cut_off = IntCounter::new("moderate_requests_cut_off_total", "Requests dropped before an answer (client gone, or shutdown)")?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(request_seconds.clone()))?;
        registry.register(Box::new(decisions.clone()))?;
        registry.register(Box::new(rule_hits.clone()))?;
        registry.register(Box::new(judge_seconds.clone()))?;
        registry.register(Box::new(policy_info.clone()))?;
        for collector in [&reloads, &shed, &timeouts] {
            registry.register(Box::new(collector.clone()))?;
        }
        registry.register(Box::new(closed_for_room.clone()))?;
        registry.register(Box::new(connections.clone()))?;
        registry.register(Box::new(in_flight.clone()))?;
        registry.register(Box::new(cut_off.clone()))?;
        for outcome in ["reloaded", "unchanged", "failed"] {
            reloads.with_label_values(&[outcome]);
        }
        for bound in ["characters", "batches", "queue", "connections"] {
            shed.with_label_values(&[bound]);
        }
        for phase in ["head", "body", "write"] {
            timeouts.with_label_values(&[phase]);
        }
        let metrics = Metrics {
            registry,
            requests,
            request_seconds,
            decisions,
            rule_hits,
            judge_seconds,
            policy_info,
            reloads,
            shed,
            timeouts,
            closed_for_room,
            connections,
            in_flight,
            cut_off,
        };
        metrics.set_policy(policy);
        Ok(metrics)
    }

    /// Names the policy in use; rules that never fire still show, at zero.
    pub(crate) fn set_policy(&self, policy: &Policy) {
        self.policy_info.reset();
        self.policy_info.with_label_values(&[policy.name(), policy.version()]).set(1);
        for rule in policy.rules() {
            self.rule_hits.with_label_values(&[rule.id()]);
        }
    }

    /// An answer of the HTTP layer itself (a malformed request, a head too large or too slow):
    /// counted under the endpoint `http`, with no latency (the request never reached a handler).
    pub(crate) fn record_http_layer(&self, status: u16) {
        self.requests.with_label_values(&["http", &status.to_string()]).inc();
    }

    pub(crate) fn record_reload(&self, outcome: &str) {
        self.reloads.with_label_values(&[outcome]).inc();
    }

    pub(crate) fn record_shed(&self, bound: &str) {
        self.shed.with_label_values(&[bound]).inc();
    }

    pub(crate) fn record_timeout(&self, phase: &str) {
        self.timeouts.with_label_values(&[phase]).inc();
    }

    pub(crate) fn record_evictions(&self, count: u64) {
        self.closed_for_room.inc_by(count);
    }

    pub(crate) fn set_connections(&self, open: i64) {
        self.connections.set(open);
    }

    pub(crate) fn request_started(&self) {
        self.in_flight.inc();
    }

    /// A request ended, answered or not.
    pub(crate) fn request_ended(&self, answered: bool) {
        self.in_flight.dec();
        if !answered {
            self.cut_off.inc();
        }
    }

    pub(crate) fn in_flight(&self) -> i64 {
        self.in_flight.get()
    }

    pub(crate) fn cut_off(&self) -> u64 {
        self.cut_off.get()
    }

    pub(crate) fn record_request(&self, endpoint: &str, status: u16, elapsed: Duration) {
        self.requests.with_label_values(&[endpoint, &status.to_string()]).inc();
        self.request_seconds.with_label_values(&[endpoint]).observe(elapsed.as_secs_f64());
    }

    pub(crate) fn record_verdict(&self, verdict: &Verdict, elapsed: Duration) {
        self.decisions.with_label_values(&[verdict.decision.as_str()]).inc();
        for reason in &verdict.reasons {
            self.rule_hits.with_label_values(&[&reason.rule]).inc();
        }
        self.judge_seconds.with_label_values(&[]).observe(elapsed.as_secs_f64());
    }

    fn render(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // Encoding into a Vec fails only on metrics that break Prometheus' own rules, which ours do not.
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut out) {
            tracing::error!(%error, "metrics could not be encoded");
        }
        out
    }
}

/// Prometheus text format: requests by endpoint and status, decisions, reasons by rule, latency.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain")))]
pub(super) async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type(TextEncoder::new().format_type()).body(state.metrics.render())
}
