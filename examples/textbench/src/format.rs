//! Rendering records as text with `write!`.

use crate::Record;
use std::fmt::Write;

/// One aligned report line, e.g. `   1.234 ms  WARN  auth       token expired id7`.
#[inline(never)]
pub fn render_record(out: &mut String, record: &Record) {
    let millis = record.latency_us / 1_000;
    let micros = record.latency_us % 1_000;
    writeln!(
        out,
        "{:>4}.{:03} ms  {:<5} {:<10} {}",
        millis,
        micros,
        record.level.as_str(),
        record.service,
        record.message
    )
    .expect("writing to a String cannot fail");
}

/// All records, one line each, with a header.
#[inline(never)]
pub fn render_report(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 64);
    writeln!(out, "{} records", records.len()).expect("writing to a String cannot fail");
    for record in records {
        render_record(&mut out, record);
    }
    out
}
