//! Transformer models on candle: the MiniLM (BERT) encoder, embeddings for retrieval, span heads,
//! low-rank adapters and their training. Knows nothing of leases or PDFs: callers hand it text,
//! questions and generic JSONL training data.

pub mod bert;
pub mod device;
pub mod embed;
pub mod encoder;
pub mod error;
pub mod lora;
pub mod reader;
pub mod span;
pub mod thread;
pub mod tokenize;
pub mod train;

pub use embed::{Embedder, cosine};
pub use error::{ModelError, Result};
pub use reader::{SpanAnswer, SpanReader};
pub use thread::ModelHandle;
