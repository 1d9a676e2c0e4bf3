//! The model thread: one thread owns the encoder, the embedder and the span reader, and callers on
//! any thread send it work over a channel (carrying their tracing span) and wait for the reply.
//! Candle already spreads one forward pass over the cores, so one thread is enough and keeps
//! concurrent callers from thrashing them.

use crate::embed::Embedder;
use crate::error::{ModelError, Result};
use crate::reader::{SpanAnswer, SpanReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

enum Job {
    Embed(Vec<String>, mpsc::Sender<Result<Vec<Vec<f32>>>>),
    Spans(String, Vec<String>, mpsc::Sender<Result<Vec<SpanAnswer>>>),
}

/// A cheap, cloneable handle to the model thread. The thread ends when every handle is dropped.
#[derive(Clone)]
pub struct ModelHandle {
    jobs: mpsc::Sender<(tracing::Span, Job)>,
    has_reader: bool,
}

impl ModelHandle {
    /// Loads the models on a new thread: the embedder from `model_dir`, and the span reader from
    /// `span_dir` when given. Returns once loading finished, with its error if it failed.
    pub fn spawn(model_dir: &Path, span_dir: Option<&Path>) -> Result<Self> {
        let (jobs, inbox) = mpsc::channel::<(tracing::Span, Job)>();
        let (ready_tx, ready_rx) = mpsc::channel();
        let model_dir = model_dir.to_path_buf();
        let span_dir: Option<PathBuf> = span_dir.map(Path::to_path_buf);
        let has_reader = span_dir.is_some();
        std::thread::Builder::new()
            .name("ml-models".into())
            .spawn(move || {
                let loaded = Embedder::load(&model_dir).and_then(|embedder| {
                    let reader = span_dir
                        .map(|dir| SpanReader::load(&model_dir, &dir))
                        .transpose()?;
                    Ok((embedder, reader))
                });
                let (embedder, reader) = match loaded {
                    Ok(models) => {
                        let _ = ready_tx.send(Ok(()));
                        models
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                for (span, job) in inbox {
                    let _entered = span.enter();
                    match job {
                        Job::Embed(texts, reply) => {
                            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                            let _ = reply.send(embedder.embed(&texts));
                        }
                        Job::Spans(question, passages, reply) => {
                            let passages: Vec<&str> = passages.iter().map(String::as_str).collect();
                            let result = match &reader {
                                Some(r) => r.predict(&question, &passages),
                                None => Ok(vec![]),
                            };
                            let _ = reply.send(result);
                        }
                    }
                }
            })
            .map_err(|e| ModelError::io("ml-models thread", e))?;
        ready_rx.recv().map_err(|_| ModelError::ThreadGone)??;
        Ok(ModelHandle { jobs, has_reader })
    }

    /// Whether a span reader was loaded (otherwise `predict_spans` answers nothing).
    pub fn has_reader(&self) -> bool {
        self.has_reader
    }

    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let (tx, rx) = mpsc::channel();
        let texts = texts.iter().map(|t| t.to_string()).collect();
        self.send(Job::Embed(texts, tx))?;
        rx.recv().map_err(|_| ModelError::ThreadGone)?
    }

    pub fn predict_spans(&self, question: &str, passages: &[&str]) -> Result<Vec<SpanAnswer>> {
        let (tx, rx) = mpsc::channel();
        let passages = passages.iter().map(|t| t.to_string()).collect();
        self.send(Job::Spans(question.to_string(), passages, tx))?;
        rx.recv().map_err(|_| ModelError::ThreadGone)?
    }

    fn send(&self, job: Job) -> Result<()> {
        self.jobs
            .send((tracing::Span::current(), job))
            .map_err(|_| ModelError::ThreadGone)
    }
}
