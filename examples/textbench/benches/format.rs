use std::hint::black_box;

fn main() {
    let records = textbench::data::generate_records(black_box(3_000), 23);
    let report = textbench::format::render_report(black_box(&records));
    println!("rendered {} bytes", black_box(report).len());
}
