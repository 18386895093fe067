//! Word counting with the standard `HashMap`.
//!
//! `HashMap::new()` seeds its hasher randomly per process, so where each key lands, and so how
//! many probes and comparisons a lookup takes, changes from run to run: the instruction counts
//! of the hash table's functions are not deterministic. rust-perf must notice and say so.

use std::collections::HashMap;

/// How often each word (a run of ASCII letters and digits) occurs in `text`.
#[inline(never)]
pub fn word_counts(text: &str) -> HashMap<&str, usize> {
    // Room for one distinct word per 16 bytes, more than a log has, so the table never grows
    // (growing would add the rehash to the functions whose counts vary).
    let mut counts = HashMap::with_capacity(text.len() / 16);
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}
