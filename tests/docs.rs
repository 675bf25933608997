//! The queries users copy: every query in the README (its code spans and
//! code blocks, the cheat-sheet first) and in `examples/` survives the round
//! trip, compiles and runs on the seed articles.

use std::path::{Path, PathBuf};

use newsgraph::query::ast::verified_query;
use newsgraph::query::{ErrorClass, Limits, PreparedQuery};
use newsgraph::{Graph, Params, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether a piece of code is a query (not a keyword named in prose, nor
/// a fragment such as `MERGE ... ON CREATE SET`).
fn is_query(code: &str) -> bool {
    let first = code.split_whitespace().next().unwrap_or("");
    let clause = matches!(
        first,
        "MATCH" | "OPTIONAL" | "UNWIND" | "RETURN" | "WITH" | "CREATE" | "MERGE" | "CALL"
    );
    let words = code.split_whitespace().count();
    clause && words > 1 && !code.contains("...") && (code.contains('(') || first == "RETURN")
}

/// The code spans of a line of Markdown (`\|` in a table is a `|`).
fn code_spans(line: &str) -> Vec<String> {
    line.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.replace("\\|", "|"))
        .collect()
}

/// The double-quoted strings of a line (shell arguments, Rust literals).
fn quoted(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Every query in a Markdown text: code spans outside code blocks, and in
/// code blocks the lines typed at the REPL prompt and the quoted strings.
fn markdown_queries(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        let found = if !in_block {
            code_spans(line)
        } else if let Some(typed) = line.strip_prefix("newsgraph> ") {
            vec![typed.trim_end_matches(';').to_string()]
        } else {
            quoted(line)
        };
        out.extend(found.into_iter().filter(|q| is_query(q)));
    }
    out
}

/// Every query among the string literals of a Rust source file.
fn rust_queries(source: &str) -> Vec<String> {
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| is_query(s))
        .map(str::to_string)
        .collect()
}

/// Round trip, compile and run a query on (a copy of) the seeds' graph.
fn check(graph: &Graph, q: &str, params: &Params) {
    verified_query(q);
    match PreparedQuery::new(q) {
        Ok(p) => {
            let result = if p.writes() {
                p.run_mut(&mut graph.clone(), params, &Limits::default())
            } else {
                p.run(graph, params, &Limits::default())
            };
            if let Err(e) = result {
                panic!("{q}: {}", e.render(q));
            }
        }
        // Shown for other databases (Neo4j's APOC procedures).
        Err(e) if e.class == ErrorClass::ProcedureError => {}
        Err(e) => panic!("{q}: {}", e.render(q)),
    }
}

fn seeds() -> Graph {
    Graph::from_paths([root().join("seeds")]).expect("the seeds load")
}

fn params(name: &str) -> Params {
    let mut p = Params::new();
    p.insert("name".into(), Value::str(name));
    p
}

#[test]
fn every_query_of_the_readme_runs() {
    let readme = read(&root().join("README.md"));
    // Each row of the cheat-sheet holds a query, but the list of write clauses.
    let sheet = readme
        .split("## Query cheat-sheet")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the README has a query cheat-sheet");
    let rows: Vec<&str> = sheet
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| want"))
        .collect();
    assert!(rows.len() >= 10, "{rows:?}");
    for row in &rows {
        let found = markdown_queries(row);
        assert!(
            !found.is_empty() || row.starts_with("| write"),
            "no query found in the cheat-sheet row {row}"
        );
    }
    let queries = markdown_queries(&readme);
    assert!(queries.len() >= 20, "only {} queries found", queries.len());
    let graph = seeds();
    for q in &queries {
        check(&graph, q, &params("Kenya"));
    }
}

#[test]
fn every_query_of_the_examples_runs() {
    let mut queries = Vec::new();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            queries.extend(rust_queries(&read(&path)));
        }
    }
    assert!(!queries.is_empty());
    let graph = seeds();
    for q in &queries {
        check(&graph, q, &params("China"));
    }
}
