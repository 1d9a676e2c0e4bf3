//! The extractor's side of the trained models: the `FieldModel` over ml-models (retrieval
//! re-ranking and span answers on the model thread) and the writer of their training data.

pub mod candle_model;
pub mod lazy;
pub mod locate;
pub mod training_data;

pub use candle_model::CandleFieldModel;
