//! `bench [--document TEXT --questions FILE]`: encoder throughput at several sequence lengths and
//! batch sizes, and, given a document and one question per line, the seconds the model part of a
//! document costs under the token budget: embed every question, re-rank the best lexical passages
//! of each, and read the top passage of each with the span model. Prints markdown tables.

use clap::Parser;
use ml_models::encoder::Encoder;
use ml_models::tokenize::{MAX_TOKENS, load_tokenizer};
use ml_models::{Embedder, SpanReader, cosine};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Parser)]
struct Args {
    #[arg(
        long,
        env = "LEASEGRID_MODEL_DIR",
        default_value = ".cache/models/all-MiniLM-L6-v2"
    )]
    model_dir: PathBuf,
    /// The span model folder.
    #[arg(long, default_value = "ml-models/weights")]
    span_dir: PathBuf,
    /// Plain-text documents to time end to end.
    #[arg(long)]
    document: Vec<PathBuf>,
    /// One question per line.
    #[arg(long)]
    questions: Option<PathBuf>,
    /// Passages re-ranked per question after lexical retrieval.
    #[arg(long, default_value_t = 3)]
    rerank: usize,
    /// Timing repetitions (the median is shown).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    throughput(&args)?;
    if let Some(questions) = &args.questions {
        let questions = std::fs::read_to_string(questions)?;
        let questions: Vec<&str> = questions.lines().filter(|l| !l.trim().is_empty()).collect();
        documents(&args, &questions)?;
    }
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn throughput(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let device = ml_models::device::default_device();
    let encoder = Encoder::load(&args.model_dir, &device)?;
    let tokenizer = load_tokenizer(&args.model_dir.join("tokenizer.json"), MAX_TOKENS)?;
    println!("| tokens | batch | seconds per batch | tokens per second |");
    println!("|---:|---:|---:|---:|");
    for tokens in [64usize, 128, 256] {
        for batch in [1usize, 8] {
            // "word" is one token; two specials are added.
            let text = "word ".repeat(tokens - 2);
            let texts = vec![text.as_str(); batch];
            let encodings = tokenizer
                .encode_batch(texts, true)
                .map_err(|e| e.to_string())?;
            let times: Vec<f64> = (0..args.repeat)
                .map(|_| {
                    let clock = Instant::now();
                    encoder
                        .forward(&encodings)
                        .map(|_| clock.elapsed().as_secs_f64())
                })
                .collect::<Result<_, _>>()?;
            let t = median(times);
            println!(
                "| {tokens} | {batch} | {t:.3} | {:.0} |",
                (tokens * batch) as f64 / t
            );
        }
    }
    Ok(())
}

/// Passages of about 150 words, cut at word boundaries, overlapping by a third.
fn passages(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len())
        .step_by(100)
        .map(|start| words[start..(start + 150).min(words.len())].join(" "))
        .collect()
}

/// Share of the question's longer words found in the passage: the cheap lexical first pass.
fn overlap(question: &str, passage: &str) -> usize {
    let passage = passage.to_lowercase();
    question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .filter(|w| passage.contains(&w.to_lowercase()))
        .count()
}

fn documents(args: &Args, questions: &[&str]) -> Result<(), Box<dyn std::error::Error>> {
    let embedder = Embedder::load(&args.model_dir)?;
    let reader = SpanReader::load(&args.model_dir, &args.span_dir)?;
    println!();
    println!("| document | words | passages | questions | model seconds per document |");
    println!("|---|---:|---:|---:|---:|");
    for path in &args.document {
        let text = std::fs::read_to_string(path)?;
        let passages = passages(&text);
        let times: Vec<f64> = (0..args.repeat)
            .map(|_| -> Result<f64, ml_models::ModelError> {
                let clock = Instant::now();
                let question_vectors = embedder.embed(questions)?;
                let shortlists: Vec<Vec<usize>> = questions
                    .iter()
                    .map(|q| {
                        let mut lexical: Vec<usize> = (0..passages.len()).collect();
                        lexical.sort_by_key(|&i| std::cmp::Reverse(overlap(q, &passages[i])));
                        lexical.truncate(args.rerank);
                        lexical
                    })
                    .collect();
                // Each shortlisted passage is embedded once, however many questions share it.
                let mut wanted: Vec<usize> = shortlists.concat();
                wanted.sort_unstable();
                wanted.dedup();
                let texts: Vec<&str> = wanted.iter().map(|&i| passages[i].as_str()).collect();
                let vectors = embedder.embed(&texts)?;
                let vector = |i: usize| &vectors[wanted.binary_search(&i).unwrap_or(0)];
                for ((q, qv), shortlist) in questions.iter().zip(&question_vectors).zip(&shortlists)
                {
                    let best = shortlist
                        .iter()
                        .copied()
                        .max_by(|&a, &b| cosine(qv, vector(a)).total_cmp(&cosine(qv, vector(b))));
                    if let Some(best) = best {
                        reader.predict(q, &[passages[best].as_str()])?;
                    }
                }
                Ok(clock.elapsed().as_secs_f64())
            })
            .collect::<Result<_, _>>()?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "| {name} | {} | {} | {} | {:.2} |",
            text.split_whitespace().count(),
            passages.len(),
            questions.len(),
            median(times)
        );
    }
    Ok(())
}
