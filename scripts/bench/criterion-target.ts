/**
 * A criterion bench target of twenty benchmarks, for the cost of measuring each benchmark on its
 * own (one Callgrind run cut into twenty parts) against measuring the target as one program.
 * It is the test fixture crate with one more target, built offline against Debian's criterion.
 */
import { existsSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyHarnessCrate, DEBIAN_CARGO_REGISTRY } from '../../test/support/harness-crate.js';

export const TWENTY = 'twenty';

const SOURCE = `use criterion::{black_box, criterion_group, criterion_main, Criterion};
use harnesses::{count_words, fib, sum_squares};

fn twenty(c: &mut Criterion) {
    let text = "lorem ipsum ".repeat(50);
    for i in 0..20u64 {
        match i % 3 {
            0 => c.bench_function(&format!("fib {i}"), |b| b.iter(|| fib(black_box(10 + i % 5)))),
            1 => c.bench_function(&format!("sum {i}"), |b| b.iter(|| sum_squares(black_box(100 * i)))),
            _ => c.bench_function(&format!("words {i}"), |b| b.iter(|| count_words(black_box(&text)))),
        };
    }
}
criterion_group!(benches, twenty);
criterion_main!(benches);
`;

/** The crate's Cargo.toml, or undefined when Debian's criterion is not installed. */
export async function writeCriterionCrate(
  repoRoot: string,
  destination: string,
): Promise<string | undefined> {
  if (!existsSync(join(DEBIAN_CARGO_REGISTRY, 'criterion-0.3.6'))) return undefined;
  const fixture = join(repoRoot, 'test', 'fixtures', 'crates', 'harnesses');
  const manifest = await copyHarnessCrate(destination, fixture);
  await appendFile(manifest, `\n[[bench]]\nname = "${TWENTY}"\nharness = false\n`);
  await writeFile(join(destination, 'benches', `${TWENTY}.rs`), SOURCE);
  return manifest;
}
