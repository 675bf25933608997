//! Cypher script export: CREATE statements that load the graph into a Cypher database (Neo4j, Memgraph) or back into newsgraph.
//!
//! One statement a line, each ending in `;`, so `cypher-shell -f` runs the
//! script as it is. Each node is created with a temporary `_import_id`
//! property; each relationship finds its ends by label and `_import_id`;
//! the last statement removes the property. [`load`] runs such a script in
//! newsgraph's own engine.
//!
//! ```
//! use newsgraph::Graph;
//! let mut g = Graph::new();
//! g.query_mut("CREATE (:Actor {name: 'Kenya'})-[:LEADS {since: 2024}]->(:Mission {name: 'MSS'})").unwrap();
//! let script = newsgraph::export::cypher::to_cypher(&g);
//! let mut copy = Graph::new();
//! newsgraph::export::cypher::load(&mut copy, &script).unwrap();
//! let r = copy.query("MATCH (a)-[l:LEADS]->(m) RETURN a.name, l.since, m.name, keys(a)").unwrap();
//! assert_eq!(r.rows[0][1].as_int(), Some(2024));
//! assert_eq!(r.rows[0][3], newsgraph::Value::from(vec!["name"]));
//! ```

use std::fmt::Write;

use crate::graph::Graph;
use crate::query::{Limits, Params, PreparedQuery, QueryError};
use crate::value::{NodeId, Value, format_float, format_key, quote_string};

/// The temporary property that ties relationships to the nodes the script
/// created.
pub const IMPORT_ID: &str = "_import_id";

/// A value as a Cypher literal that any Cypher database reads back as the
/// same value (NaN and infinities as divisions, the smallest integer as a
/// subtraction).
pub fn literal(v: &Value) -> String {
    match v {
        Value::Int(i64::MIN) => "(-9223372036854775807 - 1)".into(),
        Value::Float(f) if f.is_nan() => "(0.0 / 0.0)".into(),
        Value::Float(f) if f.is_infinite() && *f > 0.0 => "(1.0 / 0.0)".into(),
        Value::Float(f) if f.is_infinite() => "(-1.0 / 0.0)".into(),
        Value::Float(f) => format_float(*f),
        Value::String(s) => quote_string(s),
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(literal).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

fn labels(graph: &Graph, n: NodeId) -> String {
    graph
        .labels(n)
        .map(|l| format!(":{}", format_key(l)))
        .collect()
}

fn property_map<'a>(
    first: Option<(&str, Value)>,
    props: impl Iterator<Item = (&'a str, &'a Value)>,
) -> String {
    let entries: Vec<String> = first
        .iter()
        .map(|(k, v)| format!("{}: {}", format_key(k), literal(v)))
        .chain(
            props
                .filter(|(k, v)| *k != IMPORT_ID && v.is_storable())
                .map(|(k, v)| format!("{}: {}", format_key(k), literal(v))),
        )
        .collect();
    if entries.is_empty() {
        String::new()
    } else {
        format!(" {{{}}}", entries.join(", "))
    }
}

/// The whole graph as a Cypher script of CREATE statements.
pub fn to_cypher(graph: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// newsgraph: {} nodes, {} relationships. One statement a line.",
        graph.node_count(),
        graph.rel_count()
    );
    let _ = writeln!(
        out,
        "// Nodes carry a temporary {IMPORT_ID} that relationships use to find their ends; the last statement removes it."
    );
    out.push_str("// Neo4j: cypher-shell -f graph.cypher (for large graphs, index it first: CREATE INDEX FOR (n:Actor) ON (n._import_id), and so for each label).\n");
    for n in graph.nodes() {
        let _ = writeln!(
            out,
            "CREATE ({}{});",
            labels(graph, n),
            property_map(
                Some((IMPORT_ID, Value::Int(i64::from(n.0)))),
                graph.node_properties(n)
            )
        );
    }
    for r in graph.rels() {
        let Some((s, t)) = graph.rel_endpoints(r) else {
            continue;
        };
        let _ = writeln!(
            out,
            "MATCH (a{} {{{IMPORT_ID}: {}}}), (b{} {{{IMPORT_ID}: {}}}) CREATE (a)-[:{}{}]->(b);",
            labels(graph, s),
            s.0,
            labels(graph, t),
            t.0,
            format_key(graph.rel_type(r)),
            property_map(None, graph.rel_properties(r))
        );
    }
    let _ = writeln!(
        out,
        "MATCH (n) WHERE n.{IMPORT_ID} IS NOT NULL REMOVE n.{IMPORT_ID};"
    );
    out
}

/// A statement of a script that failed, and where.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {error}")]
pub struct ScriptError {
    /// The line the statement starts on, from 1.
    pub line: usize,
    /// Why it failed.
    pub error: QueryError,
}

/// The statements of a script with the line each starts on: statements
/// end with `;` at the end of a line; lines starting with `//` are comments.
pub fn statements(script: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, line) in script.lines().enumerate() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with("//")) {
            continue;
        }
        if current.is_empty() {
            start = i + 1;
        } else {
            current.push('\n');
        }
        current.push_str(line);
        if trimmed.ends_with(';') {
            let stmt = current.trim().trim_end_matches(';').trim().to_string();
            out.push((start, stmt));
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push((start, current.trim().to_string()));
    }
    out
}

/// Run a script's statements on a graph, in order; returns how many ran.
/// On error the graph holds the statements before the failing one.
pub fn load(graph: &mut Graph, script: &str) -> Result<usize, ScriptError> {
    let params = Params::new();
    let limits = Limits::default();
    let stmts = statements(script);
    for (line, text) in &stmts {
        PreparedQuery::new(text)
            .and_then(|q| q.run_mut(graph, &params, &limits))
            .map_err(|error| ScriptError { line: *line, error })?;
    }
    Ok(stmts.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_keep_their_type() {
        assert_eq!(literal(&Value::Float(2.0)), "2.0");
        assert_eq!(literal(&Value::str("it's\n")), r"'it\'s\n'");
        assert_eq!(
            literal(&Value::List(vec![Value::Int(1), Value::Int(2)])),
            "[1, 2]"
        );
        let mut g = Graph::new();
        g.query_mut("RETURN 1").unwrap();
        let r = g
            .query(&format!(
                "RETURN {} AS a, {} AS b, {} AS c",
                literal(&Value::Int(i64::MIN)),
                literal(&Value::Float(f64::INFINITY)),
                literal(&Value::Float(f64::NAN))
            ))
            .unwrap();
        assert_eq!(r.rows[0][0], Value::Int(i64::MIN));
        assert_eq!(r.rows[0][1].as_f64(), Some(f64::INFINITY));
        assert!(r.rows[0][2].as_f64().unwrap().is_nan());
    }

    #[test]
    fn scripts_split_into_statements_and_errors_name_the_line() {
        let script = "// comment\nCREATE (:A);\n\nCREATE (:B\n  {x: 1});\nMATCH (n RETURN n;\n";
        let stmts = statements(script);
        assert_eq!(stmts[0], (2, "CREATE (:A)".to_string()));
        assert_eq!(stmts[1], (4, "CREATE (:B\n  {x: 1})".to_string()));
        let mut g = Graph::new();
        let err = load(&mut g, script).unwrap_err();
        assert_eq!(err.line, 6);
        assert_eq!(g.node_count(), 2);
    }
}
