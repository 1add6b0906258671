//! The judging pool: comments are judged on a few dedicated threads, never on the async workers,
//! so `/health` and cheap requests are answered at once whatever the comments cost.
//!
//! Work is admitted only within bounds: characters being judged (or waiting to be) and batches in
//! progress. Past either, or when the queue is full, the request gets `503` with `Retry-After`
//! rather than waiting without end, and the refusal is counted in `/metrics`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crossbeam_channel::{bounded, Sender, TrySendError};

use super::error::ApiError;
use super::metrics::Metrics;

/// How much judging may be under way at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkLimits {
    /// Threads that judge comments.
    pub judges: usize,
    /// Jobs (one comment, or a slice of a batch) waiting for a judge.
    pub max_queued: usize,
    /// Characters admitted and not yet judged, all requests together.
    pub max_chars_in_flight: usize,
    /// Batches being judged at once.
    pub max_batches: usize,
}

impl Default for WorkLimits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        WorkLimits { judges: cores, max_queued: 1024, max_chars_in_flight: 4_000_000, max_batches: 2 * cores }
    }
}

type Job = Box<dyn FnOnce() + Send>;

pub(crate) struct Judges {
    queue: Sender<Job>,
    limits: WorkLimits,
    chars_in_flight: Arc<AtomicUsize>,
    batches: Arc<AtomicUsize>,
    metrics: Arc<Metrics>,
}

/// Characters admitted for judging, given back when dropped.
pub(crate) struct CharsPermit {
    chars: usize,
    in_flight: Arc<AtomicUsize>,
}

impl Drop for CharsPermit {
    fn drop(&mut self) {
        self.in_flight.fetch_sub(self.chars, Ordering::AcqRel);
    }
}

/// A batch slot, given back when dropped.
pub(crate) struct BatchPermit {
    batches: Arc<AtomicUsize>,
}

impl Drop for BatchPermit {
    fn drop(&mut self) {
        self.batches.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Judges {
    /// Starts the judging threads; they end when the pool is dropped.
    pub(crate) fn start(limits: WorkLimits, metrics: Arc<Metrics>) -> std::io::Result<Self> {
        let (queue, jobs) = bounded::<Job>(limits.max_queued.max(1));
        for index in 0..limits.judges.max(1) {
            let jobs = jobs.clone();
            std::thread::Builder::new().name(format!("judge-{index}")).spawn(move || {
                for job in jobs {
                    job();
                }
            })?;
        }
        Ok(Judges { queue, limits, chars_in_flight: Arc::new(AtomicUsize::new(0)), batches: Arc::new(AtomicUsize::new(0)), metrics })
    }

    /// Admits `chars` characters of comments, or refuses with a 503 when too many are in flight.
    /// A request is always admitted when nothing else is, however long it is.
    pub(crate) fn admit_chars(&self, chars: usize) -> Result<CharsPermit, ApiError> {
        let before = self.chars_in_flight.fetch_add(chars, Ordering::AcqRel);
        let permit = CharsPermit { chars, in_flight: self.chars_in_flight.clone() };
        if before > 0 && before + chars > self.limits.max_chars_in_flight {
            drop(permit);
            self.metrics.record_shed("characters");
            return Err(ApiError::overloaded("too many comments are being judged; retry shortly"));
        }
        Ok(permit)
    }

    /// Admits one more batch, or refuses with a 503.
    pub(crate) fn admit_batch(&self) -> Result<BatchPermit, ApiError> {
        let before = self.batches.fetch_add(1, Ordering::AcqRel);
        let permit = BatchPermit { batches: self.batches.clone() };
        if before >= self.limits.max_batches {
            drop(permit);
            self.metrics.record_shed("batches");
            return Err(ApiError::overloaded("too many batches are being judged; retry shortly"));
        }
        Ok(permit)
    }

    /// Runs `work` on a judge and waits for it. A panic in `work` is a 500 for this request only.
    pub(crate) async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            // The request may have gone; its answer is then dropped.
            let _ = answer.send(outcome);
        });
        match self.queue.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                self.metrics.record_shed("queue");
                return Err(ApiError::overloaded("the judging queue is full; retry shortly"));
            }
            Err(TrySendError::Disconnected(_)) => return Err(ApiError::overloaded("the service is stopping")),
        }
        match answered.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(_)) => {
                tracing::error!("the engine panicked on a comment");
                Err(ApiError::internal())
            }
            Err(_) => Err(ApiError::internal()),
        }
    }
}
