//! Query latency on a generated graph of 1 million nodes and 5 million relationships (`NEWSGRAPH_BENCH_NODES` and `NEWSGRAPH_BENCH_RELS` change the size).

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use newsgraph::query::{Limits, Params, PreparedQuery};
use newsgraph::{Graph, Value};

/// The allocator the command line uses, so the figures are its figures.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The queries measured, by name. `$name` is an actor of typical degree.
pub const QUERIES: &[(&str, &str)] = &[
    (
        "lookup_by_name",
        "MATCH (a:Actor {name: $name}) RETURN a.kind",
    ),
    (
        "one_hop_filter",
        "MATCH (a:Actor {name: $name})-[r:SUPPORTS]->(m:Mission) WHERE r.negated = false RETURN m.name",
    ),
    (
        "two_hops_aggregate",
        "MATCH (a:Actor {name: $name})-[:SUPPORTS]->(m:Mission)<-[c:CONTRIBUTES]-(b:Actor) RETURN b.kind AS kind, count(*) AS n, sum(c.amount) AS total ORDER BY n DESC",
    ),
    (
        "var_length_1_3",
        "MATCH (a:Actor {name: $name})-[*1..3]->(x) RETURN count(x)",
    ),
    (
        "count_by_type",
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC",
    ),
];

fn queries(c: &mut Criterion) {
    let (nodes, rels) = (
        size("NEWSGRAPH_BENCH_NODES", 1_000_000),
        size("NEWSGRAPH_BENCH_RELS", 5_000_000),
    );
    let started = Instant::now();
    let graph: Graph = newsgraph::synth::graph(nodes, rels, 42);
    println!(
        "graph: {} nodes, {} relationships, built in {:.1} s",
        graph.node_count(),
        graph.rel_count(),
        started.elapsed().as_secs_f64()
    );
    // An actor of typical degree: the median of a sample of the actors.
    let mut params = Params::new();
    params.insert("name".into(), Value::str(&typical_actor(&graph)));
    println!("typical actor: {:?}", params["name"]);
    let limits = Limits::default();
    let mut group = c.benchmark_group("query");
    group.sample_size(20);
    for (name, text) in QUERIES {
        let q = PreparedQuery::new(text).expect("the benchmark queries are valid");
        let rows = q.run(&graph, &params, &limits).expect("runs").rows.len();
        println!("{name}: {rows} rows");
        if *name == "count_by_type" {
            group.sample_size(10);
        }
        group.bench_function(*name, |b| {
            b.iter(|| black_box(q.run(&graph, &params, &limits).expect("runs").rows.len()))
        });
    }
    group.bench_function("prepare_and_run_lookup", |b| {
        b.iter(|| {
            black_box(
                graph
                    .query_with_params(QUERIES[0].1, &params)
                    .expect("runs")
                    .rows
                    .len(),
            )
        })
    });
    group.finish();
}

/// The name of an actor with a median number of relationships.
pub fn typical_actor(graph: &Graph) -> String {
    let q = "MATCH (a:Actor) WITH a LIMIT 2000 MATCH (a)-[r]-() WITH a, count(r) AS d RETURN a.name ORDER BY d";
    let rows = graph.query(q).expect("runs").rows;
    rows[rows.len() / 2][0]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

criterion_group!(benches, queries);
criterion_main!(benches);
