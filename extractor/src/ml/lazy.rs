//! The product's field model: the encoder and the shipped span head with its gates, loaded on
//! the first lease or template abstraction and shared by every worker thread. A model that
//! cannot load leaves the rules alone, with one warning, rather than failing extractions.

use crate::ExtractError;
use crate::Resources;
use crate::field_model::FieldModel;
use crate::fields::model_gate::Gates;
use crate::ml::CandleFieldModel;
use crate::ml::candle_model::GATES_FILE;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub struct LazyFieldModel {
    /// The MiniLM folder and the span head's folder; `None` when the model is switched off.
    dirs: Option<(PathBuf, PathBuf)>,
    loaded: OnceLock<Option<Arc<dyn FieldModel>>>,
}

impl LazyFieldModel {
    /// The model from `model_dir` (MiniLM) and `span_dir` (head, `span.json`, `gates.json`).
    pub fn new(model_dir: &Path, span_dir: &Path) -> Self {
        LazyFieldModel {
            dirs: Some((model_dir.to_path_buf(), span_dir.to_path_buf())),
            loaded: OnceLock::new(),
        }
    }

    /// No model: the rules alone.
    pub fn off() -> Self {
        LazyFieldModel {
            dirs: None,
            loaded: OnceLock::new(),
        }
    }

    /// The span head of `resources.span_model_dir` over the MiniLM of `resources.model_dir`;
    /// off when the resources name no span model.
    pub fn for_resources(resources: &Resources) -> Self {
        match &resources.span_model_dir {
            Some(span_dir) => LazyFieldModel::new(&resources.model_dir, span_dir),
            None => LazyFieldModel::off(),
        }
    }

    /// The model, loaded on the first call; `None` when it is off, its gates ask nothing of it
    /// or it failed to load.
    pub fn get(&self) -> Option<Arc<dyn FieldModel>> {
        let (model_dir, span_dir) = self.dirs.as_ref()?;
        self.loaded
            .get_or_init(|| match load(model_dir, span_dir) {
                Ok(model) => model,
                Err(e) => {
                    tracing::warn!(error = %e, "field model unavailable; fields come from the rules alone");
                    None
                }
            })
            .clone()
    }

    /// Whether the model has been loaded.
    pub fn is_loaded(&self) -> bool {
        self.loaded.get().is_some_and(Option::is_some)
    }
}

/// The model behind its shipped gates; `None` when they ask nothing of it (no load, no cost).
fn load(model_dir: &Path, span_dir: &Path) -> Result<Option<Arc<dyn FieldModel>>, ExtractError> {
    let gates = Gates::load(&span_dir.join(GATES_FILE))?;
    if !gates.ask_anything() {
        return Ok(None);
    }
    let model = CandleFieldModel::load(model_dir, Some(span_dir))?.with_gates(gates);
    Ok(Some(Arc::new(model)))
}
