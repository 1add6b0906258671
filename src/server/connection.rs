//! Client connections, guarded so that a slow or hostile client cannot hold the service.
//!
//! actix-web times out only the first request head of a connection, never a head trickled in on a
//! kept-alive connection afterwards, never a response the client does not read, and answers the
//! errors of its HTTP layer (408, 431, 400 for a bad request line or a missing `Host`) with empty
//! bodies. Every socket is therefore wrapped in a [`GuardedStream`] that:
//!
//! - cuts a request head that is not complete within `head_timeout` of its first byte (or of the
//!   connection opening), on every request of the connection, answering a JSON 408;
//! - cuts a connection whose response has not moved for `write_timeout` (a client that never reads);
//! - rewrites the HTTP layer's empty 4xx answers into the contract's JSON error, and counts them in
//!   `/metrics` under the endpoint `http`;
//! - notices when the client has gone (end of stream), so a batch being judged for it stops.
//!
//! Bodies are timed where they are read (`body.rs`, `body_timeout`). Open connections are capped:
//! past `max_connections` the one that has waited longest on its client (a head or body not yet
//! sent, then an idle keep-alive connection) is closed to make room, so a flood of stalled
//! connections cannot use up file descriptors or keep out `/health`. A connection that is being
//! answered is never closed for room; when every one is, the newcomer gets a JSON 503.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use actix_web::rt::net::TcpStream;
use futures_util::task::AtomicWaker;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Sleep};

use super::metrics::Metrics;

/// How long a client may take, and how many may be connected at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// From the first byte of a request head (or the connection opening) to its end.
    pub head_timeout: Duration,
    /// From the end of the head to the end of the body.
    pub body_timeout: Duration,
    /// How long a response may wait on a client that does not read it.
    pub write_timeout: Duration,
    /// How long an idle kept-alive connection stays open.
    pub keep_alive: Duration,
    /// Open connections, all workers together.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            head_timeout: Duration::from_secs(5),
            body_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            keep_alive: Duration::from_secs(5),
            max_connections: 10_000,
        }
    }
}

const SEND_BUFFER_BYTES: usize = 256 * 1024;

/// Where a connection is in its request cycle; it decides which timer runs and whether the
/// connection may be closed to make room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Phase {
    /// Waiting for (the rest of) a request head.
    Head = 0,
    /// Reading a request body.
    Body = 1,
    /// A request is being judged or answered.
    Busy = 2,
    /// Kept alive between requests.
    Idle = 3,
}

impl Phase {
    fn from_u8(value: u8) -> Phase {
        match value {
            0 => Phase::Head,
            1 => Phase::Body,
            2 => Phase::Busy,
            _ => Phase::Idle,
        }
    }
}

/// One client connection, as its socket wrapper and the handlers of its requests see it (handlers
/// get it with `HttpRequest::conn_data`).
#[derive(Debug)]
pub(crate) struct Connection {
    phase: AtomicU8,
    /// When the phase began, in milliseconds since the server's epoch.
    since: AtomicU64,
    epoch: Instant,
    /// The client closed its side or the socket failed.
    gone: AtomicBool,
    /// Closed to make room for a newer connection.
    evicted: AtomicBool,
    waker: AtomicWaker,
    /// The last write found the socket full: the client is not reading (yet).
    write_blocked: AtomicBool,
    unblocked: tokio::sync::Notify,
    /// Requests of this connection answered so far.
    answered: AtomicU64,
}

impl Connection {
    fn new(epoch: Instant) -> Self {
        let connection = Connection {
            phase: AtomicU8::new(Phase::Head as u8),
            since: AtomicU64::new(0),
            epoch,
            gone: AtomicBool::new(false),
            evicted: AtomicBool::new(false),
            waker: AtomicWaker::new(),
            write_blocked: AtomicBool::new(false),
            unblocked: tokio::sync::Notify::new(),
            answered: AtomicU64::new(0),
        };
        connection.set_phase(Phase::Head);
        connection
    }

    pub(crate) fn set_phase(&self, phase: Phase) {
        self.since.store(self.epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    /// A request has its answer: the connection is idle, and the next request may be read.
    pub(crate) fn answered(&self) {
        self.set_phase(Phase::Idle);
        self.answered.fetch_add(1, Ordering::AcqRel);
        self.waker.wake();
    }

    fn phase(&self) -> Phase {
        Phase::from_u8(self.phase.load(Ordering::Relaxed))
    }

    /// Waits until the client takes the answers already written. A request pipelined behind answers
    /// the client does not read is held here, so such a client cannot make the server pile up
    /// answers in memory (actix would otherwise answer every request it has read).
    pub(crate) async fn writable(&self) {
        loop {
            let notified = self.unblocked.notified();
            if !self.write_blocked.load(Ordering::Acquire) || self.client_gone() {
                return;
            }
            notified.await;
        }
    }

    fn set_write_blocked(&self, blocked: bool) {
        if self.write_blocked.swap(blocked, Ordering::AcqRel) && !blocked {
            self.unblocked.notify_waiters();
        }
    }

    /// The client has closed the connection: work for it can stop.
    pub(crate) fn client_gone(&self) -> bool {
        self.gone.load(Ordering::Relaxed) || self.evicted.load(Ordering::Relaxed)
    }
}

/// Every open connection of the server, shared by its workers.
pub(crate) struct Connections {
    limits: ConnectionLimits,
    metrics: Arc<Metrics>,
    epoch: Instant,
    open: AtomicUsize,
    /// Closed for room but not yet dropped by their worker.
    evicting: AtomicUsize,
    next_id: AtomicU64,
    live: Mutex<HashMap<u64, Weak<Connection>>>,
}

impl Connections {
    pub(crate) fn new(limits: ConnectionLimits, metrics: Arc<Metrics>) -> Arc<Self> {
        Arc::new(Connections {
            limits,
            metrics,
            epoch: Instant::now(),
            open: AtomicUsize::new(0),
            evicting: AtomicUsize::new(0),
            next_id: AtomicU64::new(0),
            live: Mutex::new(HashMap::new()),
        })
    }

    /// Takes a new socket in, making room if the cap is reached; `None` (after a best-effort 503)
    /// when every open connection is being answered.
    pub(crate) fn admit(self: &Arc<Self>, io: TcpStream) -> Option<GuardedStream> {
        let open = self.open.fetch_add(1, Ordering::AcqRel) + 1;
        let counted = open.saturating_sub(self.evicting.load(Ordering::Acquire));
        if counted > self.limits.max_connections && !self.make_room(counted - self.limits.max_connections) {
            self.open.fetch_sub(1, Ordering::AcqRel);
            self.metrics.record_shed("connections");
            self.metrics.record_http_layer(503);
            let _ = io.try_write(&error_response(503, "too_many_connections", "the service has too many connections; retry shortly", true));
            return None;
        }
        self.metrics.set_connections(open.min(i64::MAX as usize) as i64);
        let _ = io.set_nodelay(true);
        // A fixed send buffer (no autotuning to megabytes) bounds what a client that does not
        // read can hold in the kernel; it is ample for answers on a local network.
        let _ = socket2::SockRef::from(&io).set_send_buffer_size(SEND_BUFFER_BYTES);
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let connection = Arc::new(Connection::new(self.epoch));
        if let Ok(mut live) = self.live.lock() {
            live.insert(id, Arc::downgrade(&connection));
        }
        Some(GuardedStream {
            io,
            id,
            connection,
            connections: self.clone(),
            head_timer: None,
            write_timer: None,
            gate: RequestGate::default(),
            replacement: None,
        })
    }

    /// Closes the `count` connections that have waited longest on their clients (a head or a body,
    /// then idle keep-alive ones). False when none can be closed.
    fn make_room(&self, count: usize) -> bool {
        let Ok(live) = self.live.lock() else { return false };
        let mut waiting: Vec<(u8, u64, Arc<Connection>)> = live
            .values()
            .filter_map(Weak::upgrade)
            .filter(|c| !c.evicted.load(Ordering::Relaxed))
            .filter_map(|c| {
                let rank = match c.phase() {
                    Phase::Head | Phase::Body => 0,
                    Phase::Idle => 1,
                    Phase::Busy => return None,
                };
                Some((rank, c.since.load(Ordering::Relaxed), c))
            })
            .collect();
        drop(live);
        if waiting.is_empty() {
            return false;
        }
        // Room for a few more at once, so a flood does not scan the table on every accept.
        let count = (count + self.limits.max_connections / 100).min(waiting.len());
        if count < waiting.len() {
            waiting.select_nth_unstable_by_key(count, |(rank, since, _)| (*rank, *since));
        }
        for (_, _, connection) in waiting.into_iter().take(count) {
            connection.evicted.store(true, Ordering::Release);
            self.evicting.fetch_add(1, Ordering::AcqRel);
            connection.waker.wake();
        }
        self.metrics.record_evictions(count as u64);
        true
    }
}

/// A client socket with the timers and checks described at the top of this file.
pub(crate) struct GuardedStream {
    io: TcpStream,
    id: u64,
    connection: Arc<Connection>,
    connections: Arc<Connections>,
    head_timer: Option<Pin<Box<Sleep>>>,
    write_timer: Option<Pin<Box<Sleep>>>,
    gate: RequestGate,
    /// A JSON answer written in place of the HTTP layer's empty one, and how much of it is out.
    replacement: Option<(Vec<u8>, usize)>,
}

impl GuardedStream {
    pub(crate) fn connection(&self) -> &Arc<Connection> {
        &self.connection
    }

    pub(crate) fn peer_addr(&self) -> Option<std::net::SocketAddr> {
        self.io.peer_addr().ok()
    }

    fn evicted(&self) -> io::Error {
        io::Error::new(io::ErrorKind::ConnectionAborted, "closed to make room for other connections")
    }

    /// Runs the head timer while a head is awaited; true when it has run out.
    fn head_timed_out(&mut self, cx: &mut Context<'_>) -> bool {
        if self.connection.phase() != Phase::Head {
            self.head_timer = None;
            return false;
        }
        let timeout = self.connections.limits.head_timeout;
        let timer = self.head_timer.get_or_insert_with(|| Box::pin(sleep(timeout)));
        timer.as_mut().poll(cx).is_ready()
    }

    /// Runs the write timer while the client does not take the response; true when it has run out.
    fn write_stalled(&mut self, cx: &mut Context<'_>) -> bool {
        let timeout = self.connections.limits.write_timeout;
        let timer = self.write_timer.get_or_insert_with(|| Box::pin(sleep(timeout)));
        timer.as_mut().poll(cx).is_ready()
    }

    fn write_timed_out(&mut self) -> io::Error {
        self.connections.metrics.record_timeout("write");
        self.connection.gone.store(true, Ordering::Relaxed);
        io::Error::new(io::ErrorKind::TimedOut, "the client did not read the response in time")
    }

    /// Writes what is left of a replacement answer; ready when all of it is out.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, written)) = self.replacement.as_mut() {
            if *written == bytes.len() {
                return Poll::Ready(Ok(()));
            }
            match Pin::new(&mut self.io).poll_write(cx, &bytes[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => {
                    *written += n;
                    self.write_timer = None;
                }
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => {
                    if self.write_stalled(cx) {
                        return Poll::Ready(Err(self.write_timed_out()));
                    }
                    return Poll::Pending;
                }
            }
        }
        Poll::Ready(Ok(()))
    }
}

impl Drop for GuardedStream {
    fn drop(&mut self) {
        let open = self.connections.open.fetch_sub(1, Ordering::AcqRel).saturating_sub(1);
        if self.connection.evicted.load(Ordering::Acquire) {
            self.connections.evicting.fetch_sub(1, Ordering::AcqRel);
        }
        self.connection.gone.store(true, Ordering::Relaxed);
        self.connection.unblocked.notify_waiters();
        if let Ok(mut live) = self.connections.live.lock() {
            live.remove(&self.id);
        }
        self.connections.metrics.set_connections(open.min(i64::MAX as usize) as i64);
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        this.connection.waker.register(cx.waker());
        if this.connection.evicted.load(Ordering::Acquire) {
            return Poll::Ready(Err(this.evicted()));
        }
        if this.head_timed_out(cx) {
            this.connections.metrics.record_timeout("head");
            this.connections.metrics.record_http_layer(408);
            let _ = this.io.try_write(&error_response(408, "head_timeout", "the request head did not arrive in time", false));
            this.connection.gone.store(true, Ordering::Relaxed);
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "request head timed out")));
        }
        // Read what the socket has while there is room, even mid-request, so a client that hangs
        // up is noticed.
        let mut ended = false;
        while this.gate.has_room() {
            let mut chunk = [0u8; 8192];
            let mut read = ReadBuf::new(&mut chunk);
            match Pin::new(&mut this.io).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) if read.filled().is_empty() => {
                    ended = true;
                    this.connection.gone.store(true, Ordering::Relaxed);
                    break;
                }
                Poll::Ready(Ok(())) => {
                    this.gate.push(read.filled());
                    // The first bytes of the next request on a kept-alive connection start its head timer.
                    if this.connection.phase() == Phase::Idle {
                        this.connection.set_phase(Phase::Head);
                        this.head_timer = None;
                        let _ = this.head_timed_out(cx);
                    }
                }
                Poll::Ready(Err(error)) => {
                    this.connection.gone.store(true, Ordering::Relaxed);
                    return Poll::Ready(Err(error));
                }
                Poll::Pending => break,
            }
        }
        this.gate.approve(this.connection.answered.load(Ordering::Acquire));
        if this.gate.hand_over(buf) > 0 || (ended && this.gate.is_empty()) {
            return Poll::Ready(Ok(()));
        }
        // Held back until the request before is answered, which wakes this connection.
        Poll::Pending
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        this.connection.waker.register(cx.waker());
        if this.connection.evicted.load(Ordering::Acquire) {
            return Poll::Ready(Err(this.evicted()));
        }
        if this.replacement.is_none() {
            if let Some(status) = empty_http_error(buf) {
                this.connections.metrics.record_http_layer(status);
                let (code, message) = http_error_text(status);
                this.replacement = Some((error_response(status, code, message, false), 0));
            }
        }
        if this.replacement.is_some() {
            return match this.poll_replacement(cx) {
                // The HTTP layer closes the connection after such an answer; its own bytes are
                // taken as written.
                Poll::Ready(Ok(())) => Poll::Ready(Ok(buf.len())),
                Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
                Poll::Pending => Poll::Pending,
            };
        }
        match Pin::new(&mut this.io).poll_write(cx, buf) {
            Poll::Ready(Ok(n)) => {
                this.write_timer = None;
                this.connection.set_write_blocked(false);
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(error)) => {
                this.connection.gone.store(true, Ordering::Relaxed);
                Poll::Ready(Err(error))
            }
            Poll::Pending if this.write_stalled(cx) => Poll::Ready(Err(this.write_timed_out())),
            Poll::Pending => {
                this.connection.set_write_blocked(true);
                Poll::Pending
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.replacement.is_some() {
            std::task::ready!(this.poll_replacement(cx))?;
        }
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.replacement.is_some() {
            std::task::ready!(this.poll_replacement(cx))?;
        }
        Pin::new(&mut this.io).poll_shutdown(cx)
    }
}

/// Hands the HTTP layer one request at a time: a request head only once every request before it
/// is answered, then its body. actix parses every request it has read at once, so a client that
/// pipelines thousands of small requests (and does not read the answers) would otherwise make it
/// hold thousands of parsed requests, megabytes per connection. What waits here is raw bytes, at
/// most `HELD_MAX` of them; beyond that the socket is not read and TCP holds the client back.
#[derive(Debug, Default)]
struct RequestGate {
    held: Vec<u8>,
    /// Bytes at the front of `held` cleared to hand over.
    cleared: usize,
    body: BodyLeft,
    /// Request heads handed over so far.
    heads: u64,
}

/// What is left of the body of the request last handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyLeft {
    Bytes(usize),
    /// Chunked, or a length that does not read: everything is handed over until it is answered.
    Unknown,
}

impl Default for BodyLeft {
    fn default() -> Self {
        BodyLeft::Bytes(0)
    }
}

const HELD_MAX: usize = 64 * 1024;

impl RequestGate {
    fn has_room(&self) -> bool {
        self.held.len() < HELD_MAX
    }

    fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    fn push(&mut self, bytes: &[u8]) {
        self.held.extend_from_slice(bytes);
    }

    /// Clears what may go to the HTTP layer now that `answered` requests have their answers.
    fn approve(&mut self, answered: u64) {
        let waiting = self.held.len() - self.cleared;
        if waiting == 0 {
            return;
        }
        match self.body {
            BodyLeft::Bytes(left) if left > 0 => {
                let cleared = left.min(waiting);
                self.cleared += cleared;
                self.body = BodyLeft::Bytes(left - cleared);
                return;
            }
            BodyLeft::Unknown if self.heads > answered => {
                self.cleared += waiting;
                return;
            }
            _ => {}
        }
        if self.heads > answered || self.cleared > 0 {
            return;
        }
        match self.held.windows(4).position(|w| w == b"\r\n\r\n") {
            Some(end) => {
                self.body = body_length(&self.held[..end + 4]);
                self.cleared = end + 4;
                self.heads += 1;
                self.approve(answered);
            }
            // No head is this long: the HTTP layer answers 431.
            None if self.held.len() >= HELD_MAX => {
                self.cleared = self.held.len();
                self.heads += 1;
            }
            None => {}
        }
    }

    /// Moves cleared bytes into `buf`; how many.
    fn hand_over(&mut self, buf: &mut ReadBuf<'_>) -> usize {
        let count = self.cleared.min(buf.remaining());
        buf.put_slice(&self.held[..count]);
        self.held.drain(..count);
        self.cleared -= count;
        count
    }
}

/// Feeds `stream` to a request gate in pieces of the given sizes, answering each request as soon
/// as it is handed over, and returns what came out. For the fuzzer: what comes out is always a
/// prefix of what went in, whole requests in order.
pub(super) fn gate_stream(stream: &[u8], pieces: &[usize]) -> Vec<u8> {
    let mut gate = RequestGate::default();
    let mut out = Vec::new();
    let mut space = vec![0u8; 4096];
    let mut pieces = pieces.iter().copied().chain(std::iter::repeat(4096));
    let mut at = 0usize;
    loop {
        if at < stream.len() && gate.has_room() {
            let piece = pieces.next().unwrap_or(4096).max(1);
            let end = at.saturating_add(piece).min(stream.len());
            gate.push(&stream[at..end]);
            at = end;
        }
        let mut moved = false;
        loop {
            gate.approve(gate.heads);
            let mut buf = ReadBuf::new(&mut space);
            if gate.hand_over(&mut buf) == 0 {
                break;
            }
            out.extend_from_slice(buf.filled());
            moved = true;
        }
        if !moved && (at == stream.len() || !gate.has_room()) {
            return out;
        }
    }
}

/// The body length a request head announces.
fn body_length(head: &[u8]) -> BodyLeft {
    let mut length = None;
    for line in head.split(|&b| b == b'\n').skip(1) {
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let (name, value) = (line[..colon].trim_ascii(), line[colon + 1..].trim_ascii());
        if name.eq_ignore_ascii_case(b"transfer-encoding") {
            return BodyLeft::Unknown;
        }
        if name.eq_ignore_ascii_case(b"content-length") {
            let parsed = std::str::from_utf8(value).ok().and_then(|v| v.parse::<usize>().ok());
            match (length, parsed) {
                (None, Some(n)) => length = Some(n),
                _ => return BodyLeft::Unknown,
            }
        }
    }
    BodyLeft::Bytes(length.unwrap_or(0))
}

/// The status of an answer the HTTP layer wrote itself: a 4xx with an empty body. The service's
/// own answers always carry a JSON body, so they never match.
fn empty_http_error(buf: &[u8]) -> Option<u16> {
    let status_line = buf.strip_prefix(b"HTTP/1.1 ").or_else(|| buf.strip_prefix(b"HTTP/1.0 "))?;
    let digits = status_line.get(..3)?;
    if digits[0] != b'4' || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = &buf[..head_end + 2];
    if !head.windows(21).any(|w| w.eq_ignore_ascii_case(b"\r\ncontent-length: 0\r\n")) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn http_error_text(status: u16) -> (&'static str, &'static str) {
    match status {
        408 => ("head_timeout", "the request head did not arrive in time"),
        413 => ("body_too_large", "the body is over the limit"),
        431 => ("headers_too_large", "the request head is too large"),
        400 => ("bad_http_request", "the request is not valid HTTP/1.1 (a malformed request line or header, or no Host header)"),
        _ => ("http_error", "the request could not be read as HTTP/1.1"),
    }
}

/// A whole HTTP/1.1 answer with the contract's JSON error body; the connection is closed after it.
pub(crate) fn error_response(status: u16, code: &str, message: &str, retry: bool) -> Vec<u8> {
    let reason = actix_web::http::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    let body = serde_json::json!({ "error": { "code": code, "message": message } }).to_string();
    let retry_after = if retry { "retry-after: 1\r\n" } else { "" };
    format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{retry_after}connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handed(gate: &mut RequestGate, answered: u64) -> Vec<u8> {
        gate.approve(answered);
        let mut space = vec![0u8; 1 << 20];
        let mut buf = ReadBuf::new(&mut space);
        gate.hand_over(&mut buf);
        buf.filled().to_vec()
    }

    #[test]
    fn pipelined_requests_are_handed_over_one_at_a_time() {
        let mut gate = RequestGate::default();
        let post = b"POST /moderate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde";
        let get = b"GET /health HTTP/1.1\r\nhost: x\r\n\r\n";
        gate.push(post);
        gate.push(get);
        gate.push(get);
        assert_eq!(handed(&mut gate, 0), post.to_vec(), "the first request, head and body");
        assert!(handed(&mut gate, 0).is_empty(), "nothing more until it is answered");
        assert_eq!(handed(&mut gate, 1), get.to_vec());
        assert!(handed(&mut gate, 1).is_empty());
        assert_eq!(handed(&mut gate, 2), get.to_vec());
        assert!(gate.is_empty());
    }

    #[test]
    fn a_body_arriving_late_is_handed_over_as_it_comes() {
        let mut gate = RequestGate::default();
        gate.push(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345");
        assert!(handed(&mut gate, 0).ends_with(b"12345"));
        gate.push(b"67890GET");
        assert_eq!(handed(&mut gate, 0), b"67890".to_vec(), "the rest of the body, not the next head");
    }

    #[test]
    fn a_partial_head_waits_and_an_endless_one_goes_through_to_be_refused() {
        let mut gate = RequestGate::default();
        gate.push(b"GET / HTTP/1.1\r\nHost: x\r\n");
        assert!(handed(&mut gate, 0).is_empty());
        gate.push(&vec![b'a'; HELD_MAX]);
        assert_eq!(handed(&mut gate, 0).len(), HELD_MAX + 25);
    }

    #[test]
    fn body_lengths_are_read_from_the_head() {
        assert_eq!(body_length(b"POST / HTTP/1.1\r\ncontent-length: 42\r\n\r\n"), BodyLeft::Bytes(42));
        assert_eq!(body_length(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), BodyLeft::Unknown);
        assert_eq!(body_length(b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), BodyLeft::Unknown);
        assert_eq!(body_length(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), BodyLeft::Bytes(0));
    }

    #[test]
    fn only_empty_http_errors_are_replaced() {
        let layer = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\ndate: x\r\n\r\n";
        assert_eq!(empty_http_error(layer), Some(431));
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 61\r\ncontent-type: application/json\r\n\r\n{}";
        assert_eq!(empty_http_error(ours), None);
        let length_ten = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0123\r\n\r\n";
        assert_eq!(empty_http_error(length_ten), None);
        assert_eq!(empty_http_error(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"), None);
    }

    #[test]
    fn error_answers_are_whole_http_with_a_json_body() {
        let answer = String::from_utf8(error_response(408, "head_timeout", "late", false)).expect("ASCII");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        assert!(head.starts_with("HTTP/1.1 408 Request Timeout\r\n"));
        assert!(head.contains(&format!("content-length: {}", body.len())));
        let json: serde_json::Value = serde_json::from_str(body).expect("JSON");
        assert_eq!(json["error"]["code"], "head_timeout");
    }
}
