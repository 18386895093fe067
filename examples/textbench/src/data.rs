//! Deterministic input: a fixed-seed generator, so every run does exactly the same work.

use std::fmt::Write;

const SERVICES: [&str; 8] = [
    "auth", "billing", "search", "gateway", "storage", "mailer", "scheduler", "metrics",
];

const WORDS: [&str; 24] = [
    "request", "completed", "failed", "user", "session", "token", "cache", "miss", "hit",
    "retry", "timeout", "upstream", "connection", "reset", "payload", "accepted", "rejected",
    "queue", "worker", "started", "stopped", "record", "index", "shard",
];

/// xorshift64*: tiny, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }
}

/// A log of `lines` lines `timestamp,LEVEL,service,latency_us,message words`.
pub fn generate_log(lines: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(lines * 64);
    let mut timestamp = 1_700_000_000_000u64;
    for _ in 0..lines {
        timestamp += rng.below(5_000);
        let level = match rng.below(20) {
            0 => "ERROR",
            1..=3 => "WARN",
            4..=7 => "DEBUG",
            _ => "INFO",
        };
        let service = SERVICES[rng.below(SERVICES.len() as u64) as usize];
        let latency = rng.below(250_000);
        write!(text, "{timestamp},{level},{service},{latency},").unwrap();
        let words = 3 + rng.below(6);
        for index in 0..words {
            if index > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        }
        // Ids make the vocabulary large, as in a real log.
        write!(text, " id{}", rng.below(2_000)).unwrap();
        text.push('\n');
    }
    text
}

/// `generate_log` parsed: the records the sort and format benchmarks start from.
pub fn generate_records(lines: usize, seed: u64) -> Vec<crate::Record> {
    crate::parse::parse_log(&generate_log(lines, seed)).expect("the generated log is well formed")
}
