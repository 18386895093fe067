use std::hint::black_box;

fn main() {
    let text = textbench::data::generate_log(black_box(3_000), 7);
    let counts = textbench::hash::word_counts(black_box(&text));
    // Only seed-independent results: iterating the map would spread its nondeterminism.
    println!("{} distinct words, {} x INFO", counts.len(), counts.get("INFO").copied().unwrap_or(0));
}
