//! Extraction throughput on a generated news corpus: one core (extract and merge document by document) and all cores (`Graph::from_documents`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::synth::Corpus;
use newsgraph::{Extractor, Graph};

/// The allocator the command line uses, so the figures are its figures.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Size of the corpus each iteration reads.
const CORPUS_BYTES: usize = 4 << 20;

fn extraction(c: &mut Criterion) {
    let docs = Corpus::new(42).documents(CORPUS_BYTES);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extraction");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("one_core", |b| {
        b.iter(|| {
            let mut g = Graph::new();
            for d in &docs {
                g.merge(&extractor.extract(d));
            }
            black_box(g.rel_count())
        })
    });
    group.bench_function("all_cores", |b| {
        b.iter(|| black_box(Graph::from_documents(&docs, &extractor).rel_count()))
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
