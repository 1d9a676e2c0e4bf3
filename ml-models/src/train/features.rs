//! Turns examples into encoder inputs and training targets: a question + context pair tokenized,
//! and the token positions where each answer starts and ends (`[CLS]` when there is none).

use crate::reader::passage_tokens;
use crate::train::data::Example;
use tokenizers::Encoding;

pub struct Targets {
    /// Token positions the answer may start or end at (the context's tokens plus `[CLS]`).
    pub allowed: Vec<bool>,
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

/// Maps an example's byte-offset answers onto `encoding`'s tokens. Answers that truncation cut
/// away are dropped; with none left the target is "no answer" (position 0).
pub fn targets(example: &Example, encoding: &Encoding) -> Targets {
    let mut allowed = passage_tokens(encoding);
    let offsets = encoding.get_offsets();
    let (mut starts, mut ends) = (vec![], vec![]);
    for a in &example.answers {
        let covering = |byte: usize| {
            (0..allowed.len()).find(|&t| allowed[t] && offsets[t].0 <= byte && byte < offsets[t].1)
        };
        if let (Some(s), Some(e)) = (covering(a.start), covering(a.end - 1)) {
            starts.push(s as u32);
            ends.push(e as u32);
        }
    }
    if starts.is_empty() {
        starts.push(0);
        ends.push(0);
    }
    if let Some(cls) = allowed.first_mut() {
        *cls = true;
    }
    Targets {
        allowed,
        starts,
        ends,
    }
}
