//! `GET /metrics`: Prometheus text format: requests by endpoint and status, decisions, rules that
//! fired, request and judging latency, and the policy in use.

use std::time::Duration;

use actix_web::{web, HttpResponse};
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder};

use super::AppState;
use crate::{Policy, Verdict};

pub(crate) struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    request_seconds: HistogramVec,
    decisions: IntCounterVec,
    rule_hits: IntCounterVec,
    judge_seconds: HistogramVec,
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
        policy_info.with_label_values(&[policy.name(), policy.version()]).set(1);
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(request_seconds.clone()))?;
        registry.register(Box::new(decisions.clone()))?;
        registry.register(Box::new(rule_hits.clone()))?;
        registry.register(Box::new(judge_seconds.clone()))?;
        registry.register(Box::new(policy_info))?;
        // Rules that never fire still show, at zero.
        for rule in policy.rules() {
            rule_hits.with_label_values(&[rule.id()]);
        }
        Ok(Metrics { registry, requests, request_seconds, decisions, rule_hits, judge_seconds })
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
