//! `report [--lines N]`: generate a log, parse, sort and render it; prints the report's size.
//! An example program rather than a benchmark, for measuring with `rust-perf measure --command`.

use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines = match args.as_slice() {
        [] => 1_000,
        [flag, value] if flag == "--lines" => match value.parse() {
            Ok(lines) => lines,
            Err(_) => {
                eprintln!("report: --lines takes a whole number, not {value:?}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: report [--lines N]");
            return ExitCode::from(2);
        }
    };
    let mut records = textbench::data::generate_records(black_box(lines), 5);
    textbench::sort::sort_records(&mut records);
    let report = textbench::format::render_report(&records);
    println!("{} records, {} bytes", records.len(), black_box(report).len());
    ExitCode::SUCCESS
}
