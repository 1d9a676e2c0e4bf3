//! Transformer models on candle: the MiniLM (BERT) encoder, embeddings for retrieval, span heads,
//! low-rank adapters and their training. Knows nothing of leases or PDFs: callers hand it text,
//! questions and generic JSONL training data.

pub mod device;
