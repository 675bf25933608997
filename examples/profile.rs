//! The driver the extraction rounds profile: extracts (and merges) the
//! `extraction` bench's 4 MiB corpus document by document on one core, as
//! `extraction/one_core` does, and prints the throughput of each run.
//!
//! ```sh
//! cargo build --release --example profile
//! target/release/examples/profile merge 3      # extract and merge, three runs
//! target/release/examples/profile extract 3    # extraction alone
//! valgrind --tool=callgrind target/release/examples/profile merge 1
//! valgrind --tool=callgrind target/release/examples/profile none 1   # the corpus and lexicon alone, to subtract
//! ```

use newsgraph::synth::Corpus;
use newsgraph::{Extractor, Graph};

/// The allocator the command line and the benches use.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "merge".into());
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let docs = Corpus::new(42).documents(4 << 20);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let extractor = Extractor::new();
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let n = match mode.as_str() {
            "none" => docs.len(),
            "extract" => docs.iter().map(|d| extractor.extract(d).facts.len()).sum(),
            _ => {
                let mut g = Graph::new();
                for d in &docs {
                    g.merge(&extractor.extract(d));
                }
                g.rel_count()
            }
        };
        let s = t.elapsed().as_secs_f64();
        println!(
            "{mode} {n} {:.2} MiB/s",
            bytes as f64 / s / (1 << 20) as f64
        );
    }
}
