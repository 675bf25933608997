//! How the costs grow: extraction over corpora of three sizes, and building, memory, snapshots (JSON and binary: save, load, size) and queries over graphs of three sizes, plus start-up time to the first result on the seeds. Prints Markdown tables (`cargo bench --bench scaling`, or one table: `cargo bench --bench scaling graphs`).
//!
//! `NEWSGRAPH_CORPUS_MB` (default `10,30,100`) and `NEWSGRAPH_GRAPH_NODES`
//! (default `100000,300000,1000000`; five relationships per node) choose
//! the sizes. `NEWSGRAPH_WRITE_CORPUS=DIR` instead writes the first corpus
//! size as `.txt` files into DIR (for `newsgraph build --input DIR`) and
//! stops.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use newsgraph::query::{Limits, Params, PreparedQuery};
use newsgraph::synth::Corpus;
use newsgraph::{Extractor, Graph, Value};

#[cfg(target_env = "msvc")]
use std::alloc::System as Inner;
/// The allocator the command line uses, so the figures are its figures.
#[cfg(not(target_env = "msvc"))]
use tikv_jemallocator::Jemalloc as Inner;

/// Counts the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the inner allocator unchanged; the
// counter only observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same layout as asked.
        unsafe { Inner.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { Inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { Inner.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn sizes(var: &str, default: &str) -> Vec<usize> {
    std::env::var(var)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// Median wall time of `runs` runs of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1.0 {
        format!("{:.0} µs", ms * 1e3)
    } else {
        format!("{ms:.1} ms")
    }
}

/// Seconds, with two decimals under ten.
fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 10.0 {
        format!("{s:.2} s")
    } else {
        format!("{s:.1} s")
    }
}

fn main() {
    if let Ok(dir) = std::env::var("NEWSGRAPH_WRITE_CORPUS") {
        let mb = sizes("NEWSGRAPH_CORPUS_MB", "10")[0];
        let n = Corpus::new(42)
            .write(std::path::Path::new(&dir), mb << 20)
            .expect("corpus written");
        println!("{n} articles ({mb} MB) written to {dir}");
        return;
    }
    // `cargo bench` passes `--bench`; a filter (`graph`, `graphs`,
    // `corpus`, `startup`) selects one table.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |t: &str| {
        filter
            .as_ref()
            .is_none_or(|f| t.contains(f.as_str()) || f.contains(t))
    };
    if wanted("startup") {
        startup();
    }
    if wanted("corpus") {
        corpus();
    }
    if wanted("graph") {
        graphs();
    }
}

fn startup() {
    let exe = env!("CARGO_BIN_EXE_newsgraph");
    let root = env!("CARGO_MANIFEST_DIR");
    let run = || {
        let out = std::process::Command::new(exe)
            .current_dir(root)
            .args([
                "query",
                "MATCH (a:Actor)-[:OPPOSES]->(m:Mission) RETURN a.name, m.name",
            ])
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run();
    println!("\n### Start-up\n");
    println!("| what | median of 10 |\n|---|---|");
    println!(
        "| `newsgraph query` on ./seeds, process start to exit | {} |",
        ms(median(10, run))
    );
    let t = median(10, || {
        let g = Graph::from_paths([format!("{root}/seeds")]).expect("seeds read");
        let q = "MATCH (a:Actor)-[:OPPOSES]->(m:Mission) RETURN a.name, m.name";
        assert!(!g.query(q).expect("runs").rows.is_empty());
    });
    println!(
        "| library: read, extract and merge ./seeds, first query | {} |",
        ms(t)
    );
}

fn corpus() {
    let extractor = Extractor::new();
    println!("\n### Extraction\n");
    println!("| corpus | documents | nodes | relationships | one core | all cores | all / one |");
    println!("|---|---|---|---|---|---|---|");
    for mb in sizes("NEWSGRAPH_CORPUS_MB", "10,30,100") {
        let docs = Corpus::new(42).documents(mb << 20);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mbs = |d: Duration| bytes as f64 / (1 << 20) as f64 / d.as_secs_f64();
        let t = Instant::now();
        let mut g = Graph::new();
        for d in &docs {
            g.merge(&extractor.extract(d));
        }
        let one = t.elapsed();
        let t = Instant::now();
        let all_graph = Graph::from_documents(&docs, &extractor);
        let all = t.elapsed();
        assert_eq!(all_graph.rel_count(), g.rel_count());
        println!(
            "| {mb} MB | {} | {} | {} | {:.1} MB/s | {:.1} MB/s | {:.2} |",
            docs.len(),
            g.node_count(),
            g.rel_count(),
            mbs(one),
            mbs(all),
            one.as_secs_f64() / all.as_secs_f64()
        );
    }
}

fn graphs() {
    let queries: &[(&str, &str)] = &[
        ("lookup", "MATCH (a:Actor {name: $name}) RETURN a.kind"),
        (
            "1 hop + filter",
            "MATCH (a:Actor {name: $name})-[r:SUPPORTS]->(m:Mission) WHERE r.negated = false RETURN m.name",
        ),
        (
            "2 hops + aggregate",
            "MATCH (a:Actor {name: $name})-[:SUPPORTS]->(m:Mission)<-[c:CONTRIBUTES]-(b:Actor) RETURN b.kind AS kind, count(*) AS n, sum(c.amount) AS total ORDER BY n DESC",
        ),
        (
            "*1..3",
            "MATCH (a:Actor {name: $name})-[*1..3]->(x) RETURN count(x)",
        ),
        (
            "count by type",
            "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC",
        ),
    ];
    let dir = std::env::temp_dir().join(format!("newsgraph-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut build = Vec::new();
    let mut latency = Vec::new();
    for nodes in sizes("NEWSGRAPH_GRAPH_NODES", "100000,300000,1000000") {
        let rels = nodes * 5;
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let g = newsgraph::synth::graph(nodes, 0, 42);
        let node_bytes = LIVE.load(Ordering::Relaxed) - before;
        drop(g);
        let before = LIVE.load(Ordering::Relaxed);
        let g = newsgraph::synth::graph(nodes, rels, 42);
        let built = t.elapsed();
        let all_bytes = LIVE.load(Ordering::Relaxed) - before;
        let mut snapshots = String::new();
        for name in ["graph.json", "graph.ngb"] {
            let file = dir.join(name);
            let t = Instant::now();
            g.save(&file).expect("saved");
            let saved = t.elapsed();
            let mb = std::fs::metadata(&file).map_or(0, |m| m.len()) as f64 / (1 << 20) as f64;
            let t = Instant::now();
            let loaded = Graph::load(&file).expect("loaded");
            let load = t.elapsed();
            assert_eq!(loaded.rel_count(), g.rel_count());
            drop(loaded);
            std::fs::remove_file(&file).ok();
            snapshots += &format!(" {} | {} | {mb:.0} MB |", secs(saved), secs(load));
        }
        build.push(format!(
            "| {nodes} / {rels} | {:.1} s | {} B | {} B |{snapshots}",
            built.as_secs_f64(),
            node_bytes / nodes,
            (all_bytes - node_bytes) / rels,
        ));
        let mut params = Params::new();
        params.insert("name".into(), Value::str(&typical_actor(&g)));
        let limits = Limits::default();
        let mut row = format!("| {nodes} / {rels} |");
        for (_, text) in queries {
            let q = PreparedQuery::new(text).expect("valid");
            let runs = if text.starts_with("MATCH ()") { 3 } else { 21 };
            let t = median(runs, || {
                q.run(&g, &params, &limits).expect("runs");
            });
            row += &format!(" {} |", ms(t));
        }
        latency.push(row);
    }
    std::fs::remove_dir_all(&dir).ok();
    println!("\n### Graphs\n");
    println!(
        "| nodes / relationships | build | memory per node | per relationship | JSON save | JSON load | JSON size | binary save | binary load | binary size |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    build.iter().for_each(|r| println!("{r}"));
    println!("\n### Query latency (median)\n");
    let names: Vec<&str> = queries.iter().map(|q| q.0).collect();
    println!("| nodes / relationships | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(names.len()));
    latency.iter().for_each(|r| println!("{r}"));
}

/// The name of an actor with a median number of relationships.
fn typical_actor(graph: &Graph) -> String {
    let q = "MATCH (a:Actor) WITH a LIMIT 2000 MATCH (a)-[r]-() WITH a, count(r) AS d RETURN a.name ORDER BY d";
    let rows = graph.query(q).expect("runs").rows;
    rows[rows.len() / 2][0]
        .as_str()
        .unwrap_or_default()
        .to_string()
}
