use std::hint::black_box;

fn main() {
    let mut records = textbench::data::generate_records(black_box(3_000), 11);
    textbench::sort::sort_records(black_box(&mut records));
    let slowest = textbench::sort::slowest_per_service(&records, 3);
    println!("first {:?}, {} slowest kept", records[0].level, black_box(slowest).len());
}
