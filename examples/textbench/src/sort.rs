//! Sorting records by several keys.

use crate::Record;
use std::cmp::Ordering;

/// Most severe first, then by service, slowest first, then oldest first.
#[inline(never)]
pub fn compare_records(a: &Record, b: &Record) -> Ordering {
    b.level
        .cmp(&a.level)
        .then_with(|| a.service.cmp(&b.service))
        .then_with(|| b.latency_us.cmp(&a.latency_us))
        .then_with(|| a.timestamp.cmp(&b.timestamp))
}

#[inline(never)]
pub fn sort_records(records: &mut [Record]) {
    records.sort_by(compare_records);
}

/// The `n` slowest records of each service, slowest first.
#[inline(never)]
pub fn slowest_per_service(records: &[Record], n: usize) -> Vec<&Record> {
    let mut by_latency: Vec<&Record> = records.iter().collect();
    by_latency.sort_unstable_by(|a, b| {
        a.service.cmp(&b.service).then(b.latency_us.cmp(&a.latency_us))
    });
    let mut kept = Vec::new();
    let mut current: Option<&str> = None;
    let mut taken = 0;
    for record in by_latency {
        if current != Some(record.service.as_str()) {
            current = Some(record.service.as_str());
            taken = 0;
        }
        if taken < n {
            kept.push(record);
            taken += 1;
        }
    }
    kept
}
