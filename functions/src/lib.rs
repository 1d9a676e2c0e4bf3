//! The pipeline around the extractor: where originals and results are stored (`BlobStore`), how
//! jobs travel (`JobQueue`), and the worker step that runs one job. Shared by the API's embedded
//! workers and the `leasegrid-worker` binary on GKE.

pub mod blob;
pub mod extraction_thread;
pub mod omp;
pub mod queue;
pub mod resources;
pub mod telemetry;
pub mod worker;
