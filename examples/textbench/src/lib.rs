//! A small text-processing library: generate a service log, parse it into records, count words,
//! sort and render the records. Its benchmarks (`benches/`) do a few million instructions of
//! deterministic work each, except `hash`, whose `HashMap` uses a randomly seeded hasher on
//! purpose: some of its functions execute a different number of instructions on every run.

pub mod data;
pub mod format;
pub mod hash;
pub mod parse;
pub mod sort;

/// How severe a log line is; ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warn,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Debug => "DEBUG",
            Level::Info => "INFO",
            Level::Warn => "WARN",
            Level::Error => "ERROR",
        }
    }
}

/// One parsed log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub timestamp: u64,
    pub level: Level,
    pub service: String,
    pub latency_us: u64,
    pub message: String,
}
