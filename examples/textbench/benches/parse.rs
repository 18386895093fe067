use std::hint::black_box;

fn main() {
    let text = textbench::data::generate_log(black_box(3_000), 42);
    let records = textbench::parse::parse_log(black_box(&text)).expect("generated log parses");
    println!("parsed {} records", black_box(records).len());
}
