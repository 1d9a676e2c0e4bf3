//! The trained model's say on one field, as its gate allows: the encoder re-ranks the passages
//! lexical retrieval proposed, and the span model's answers join the rules' candidates as a
//! fallback, as agreement evidence or as competitors. A model failure costs only its part.

use crate::field_model::FieldModel;
use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::Context;
use crate::fields::model_gate::Join;
use crate::fields::template::{FieldType, TemplateField};
use std::collections::HashSet;
use std::ops::Range;

/// Passages the span model reads when they are taken in lexical order.
const LEXICAL_READS: usize = 4;
/// With re-ranking, lexical retrieval proposes this many and the encoder keeps the best
/// `RERANKED_READS` for reading: a wider net at fewer reads.
const RERANK_POOL: usize = 8;
const RERANKED_READS: usize = 3;
/// Retrieval candidates from more passages than this are left as the rules scored them.
const MAX_RERANKED_CANDIDATE_PASSAGES: usize = 12;

/// Adds the model's candidates for `field` of `template` to `cands` (the rules' candidates),
/// re-weighting the rules' retrieval candidates when the gate re-ranks.
pub fn join(
    ctx: &Context,
    template: &str,
    field: &TemplateField,
    query: &str,
    cands: &mut Vec<Candidate>,
) {
    let Some(model) = ctx.model.clone() else {
        return;
    };
    let gate = model.gate(template, &field.name);
    if gate.rerank {
        rerank_retrieval(ctx, model.as_ref(), query, cands);
    }
    let ruled = cands.iter().any(|c| !c.value.is_null());
    let ask = match gate.join {
        Join::Off => false,
        Join::Fallback => !ruled,
        Join::Agree => ruled,
        Join::Full => true,
    };
    if !ask || !model.answers_spans() {
        return;
    }
    let answers = span_candidates(ctx, model.as_ref(), field.kind, query, gate.rerank);
    if gate.join == Join::Agree {
        let ruled: HashSet<String> = cands.iter().map(Candidate::agreement_key).collect();
        cands.extend(
            answers
                .into_iter()
                .filter(|a| ruled.contains(&a.agreement_key())),
        );
    } else {
        cands.extend(answers);
    }
}

/// Scales each retrieval candidate by how close its passage sits to the query in the
/// encoder's space, relative to the closest: lexical overlap finds passages, meaning orders them.
fn rerank_retrieval(ctx: &Context, model: &dyn FieldModel, query: &str, cands: &mut [Candidate]) {
    let passages = ctx.index.passages();
    let passage_of = |at: usize| passages.iter().position(|p| p.range.contains(&at));
    let mut chosen: Vec<usize> = Vec::new();
    for c in cands.iter().filter(|c| c.source == Source::Retrieval) {
        if let Some(i) = passage_of(c.at)
            && !chosen.contains(&i)
        {
            chosen.push(i);
        }
    }
    if chosen.len() < 2 || chosen.len() > MAX_RERANKED_CANDIDATE_PASSAGES {
        return;
    }
    let texts: Vec<&str> = chosen
        .iter()
        .map(|&i| &ctx.str()[passages[i].range.clone()])
        .collect();
    let scores = match model.rerank(query, &texts) {
        Ok(s) if s.len() == texts.len() => s,
        Ok(_) => return,
        Err(e) => {
            tracing::warn!(error = %e, "re-ranking failed; retrieval keeps its lexical order");
            return;
        }
    };
    let best = scores.iter().copied().fold(f32::MIN, f32::max);
    if best <= 0.0 {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.source == Source::Retrieval) {
        if let Some(k) = passage_of(c.at).and_then(|i| chosen.iter().position(|&j| j == i)) {
            let closeness = f64::from((scores[k] / best).clamp(0.0, 1.0));
            c.strength *= 0.5 + 0.5 * closeness;
        }
    }
}

/// The span model's answers in the passages retrieval ranks best, normalized by the field's
/// type.
fn span_candidates(
    ctx: &Context,
    model: &dyn FieldModel,
    kind: FieldType,
    query: &str,
    rerank: bool,
) -> Vec<Candidate> {
    let ranges = if rerank {
        reranked(ctx, model, query)
    } else {
        lexical(ctx, query, LEXICAL_READS)
    };
    let passages: Vec<&str> = ranges.iter().map(|r| &ctx.str()[r.clone()]).collect();
    let spans = match model.predict_spans(query, &passages) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(error = %e, "field model failed; using the other candidate sources");
            return vec![];
        }
    };
    spans
        .into_iter()
        .filter_map(|s| {
            let r = ranges.get(s.passage)?;
            let (start, end) = (r.start + s.start, r.start + s.end);
            (end <= r.end
                && start < end
                && ctx.str().is_char_boundary(start)
                && ctx.str().is_char_boundary(end))
            .then(|| ctx.typed_in(kind, start..end, Source::Model, f64::from(s.score)))
        })
        .flatten()
        .collect()
}

fn lexical(ctx: &Context, query: &str, k: usize) -> Vec<Range<usize>> {
    ctx.retrieve(query, k).into_iter().map(|(r, _)| r).collect()
}

/// The lexical pool re-ordered by the encoder, best `RERANKED_READS` kept; lexical order when
/// the encoder fails.
fn reranked(ctx: &Context, model: &dyn FieldModel, query: &str) -> Vec<Range<usize>> {
    let pool = lexical(ctx, query, RERANK_POOL);
    let texts: Vec<&str> = pool.iter().map(|r| &ctx.str()[r.clone()]).collect();
    match model.rerank(query, &texts) {
        Ok(scores) if scores.len() == pool.len() => {
            let mut order: Vec<usize> = (0..pool.len()).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
            order
                .into_iter()
                .take(RERANKED_READS)
                .map(|i| pool[i].clone())
                .collect()
        }
        _ => pool.into_iter().take(LEXICAL_READS).collect(),
    }
}
