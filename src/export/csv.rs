//! CSV export for bulk importers: one file per node label and one per relationship type and ends, in neo4j-admin's header format, with load scripts for Neo4j and Kùzu.
//!
//! The folder holds:
//!
//! - `nodes/<Label>.csv`: one file per set of labels (`Actor`, `Mission`,
//!   `Document`, ...), header `:ID,:LABEL,name:string,aliases:string[],...`;
//! - `relationships/<TYPE>-<Start>-<End>.csv`: one file per type and pair of
//!   end labels (`SUPPORTS-Actor-Mission.csv`), header
//!   `:START_ID,:END_ID,:TYPE,sources:string[],...`; the files of one type
//!   share their columns;
//! - `neo4j-import.sh`: the `neo4j-admin database import full` command for
//!   these files;
//! - `kuzu.cypher`: the Kùzu schema (a node table per label file, a
//!   relationship table per type) and its `COPY FROM` statements.
//!
//! Ids are the graph's node ids, one id space for all files. Columns are
//! typed `boolean`, `long`, `double`, `string` or arrays of them; a
//! property whose values mix types in one file is written as Cypher text in
//! a `string` column. Array elements are separated by U+001F (the unit
//! separator, `--array-delimiter=U+001F`), which news text never holds, so
//! commas and semicolons in evidence sentences stay as they are. An empty
//! cell is a missing property; an empty list is written as a missing
//! property too, since neither importer keeps empty arrays apart.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::graph::Graph;
use crate::value::{NodeId, Value, format_float};

/// The character between the elements of an array cell.
pub const ARRAY_DELIMITER: char = '\u{1f}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scalar {
    Boolean,
    Long,
    Double,
    String,
}

impl Scalar {
    fn of(v: &Value) -> Option<Scalar> {
        match v {
            Value::Bool(_) => Some(Scalar::Boolean),
            Value::Int(_) => Some(Scalar::Long),
            Value::Float(_) => Some(Scalar::Double),
            Value::String(_) => Some(Scalar::String),
            _ => None,
        }
    }

    fn join(a: Option<Scalar>, b: Option<Scalar>) -> Result<Option<Scalar>, ()> {
        match (a, b) {
            (None, x) | (x, None) => Ok(x),
            (Some(a), Some(b)) if a == b => Ok(Some(a)),
            (Some(Scalar::Long), Some(Scalar::Double))
            | (Some(Scalar::Double), Some(Scalar::Long)) => Ok(Some(Scalar::Double)),
            _ => Err(()),
        }
    }

    fn neo4j(self) -> &'static str {
        match self {
            Scalar::Boolean => "boolean",
            Scalar::Long => "long",
            Scalar::Double => "double",
            Scalar::String => "string",
        }
    }

    fn kuzu(self) -> &'static str {
        match self {
            Scalar::Boolean => "BOOLEAN",
            Scalar::Long => "INT64",
            Scalar::Double => "DOUBLE",
            Scalar::String => "STRING",
        }
    }
}

/// The type of a column: one scalar type, a list of one (the element type
/// unknown while only empty lists were seen), or mixed, written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Scalar(Scalar),
    List(Option<Scalar>),
    Text,
}

impl Column {
    fn of(v: &Value) -> Column {
        match v {
            Value::List(items) => items
                .iter()
                .try_fold(None, |acc, x| match Scalar::of(x) {
                    Some(s) => Scalar::join(acc, Some(s)),
                    None => Err(()),
                })
                .map_or(Column::Text, Column::List),
            other => Scalar::of(other).map_or(Column::Text, Column::Scalar),
        }
    }

    fn join(self, other: Column) -> Column {
        match (self, other) {
            (Column::Scalar(a), Column::Scalar(b)) => Scalar::join(Some(a), Some(b))
                .ok()
                .flatten()
                .map_or(Column::Text, Column::Scalar),
            (Column::List(a), Column::List(b)) => {
                Scalar::join(a, b).map_or(Column::Text, Column::List)
            }
            _ => Column::Text,
        }
    }

    fn neo4j(self) -> String {
        match self {
            Column::Scalar(s) => s.neo4j().to_string(),
            Column::List(s) => format!("{}[]", s.unwrap_or(Scalar::String).neo4j()),
            Column::Text => "string".into(),
        }
    }

    fn kuzu(self) -> String {
        match self {
            Column::Scalar(s) => s.kuzu().to_string(),
            Column::List(s) => format!("{}[]", s.unwrap_or(Scalar::String).kuzu()),
            Column::Text => "STRING".into(),
        }
    }
}

/// A CSV field, quoted when it must be (and always when empty, so that an
/// empty string is told apart from a missing value).
fn field(s: &str) -> String {
    if s.is_empty() || s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn scalar_text(v: &Value, as_double: bool) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) if as_double => format_float(*i as f64),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format_float(*f),
        Value::String(s) => s.replace(ARRAY_DELIMITER, " "),
        other => other.to_string(),
    }
}

/// One cell: empty for a missing property or an empty list.
fn cell(v: Option<&Value>, column: Column) -> String {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return String::new();
    };
    match (v, column) {
        (Value::List(items), _) if items.is_empty() => String::new(),
        (Value::List(items), Column::List(s)) => field(
            &items
                .iter()
                .map(|x| scalar_text(x, s == Some(Scalar::Double)))
                .collect::<Vec<_>>()
                .join(&ARRAY_DELIMITER.to_string()),
        ),
        (Value::String(s), _) => field(s),
        (v, Column::Scalar(s)) => field(&scalar_text(v, s == Scalar::Double)),
        (v, _) => field(&v.to_string()),
    }
}

/// A name made safe for a file and a table: letters, digits and `_`.
fn safe_name(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() { "_".into() } else { out }
}

/// Columns of a table, by property key, in key order.
fn columns<'a>(props: impl Iterator<Item = (&'a str, &'a Value)>) -> BTreeMap<String, Column> {
    let mut cols: BTreeMap<String, Column> = BTreeMap::new();
    for (k, v) in props {
        if v.is_null() {
            continue;
        }
        let c = Column::of(v);
        cols.entry(k.to_string())
            .and_modify(|old| *old = old.join(c))
            .or_insert(c);
    }
    cols
}

struct NodeTable {
    name: String,
    labels: Vec<String>,
    nodes: Vec<NodeId>,
    columns: BTreeMap<String, Column>,
}

struct RelTable {
    name: String,
    rel_type: String,
    /// Files by (start table, end table): relationship ids.
    files: BTreeMap<(usize, usize), Vec<crate::value::RelId>>,
    columns: BTreeMap<String, Column>,
}

/// One file of the export: its path inside the folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    /// Path relative to the export folder, with `/` separators.
    pub path: String,
    /// The content.
    pub text: String,
}

/// Name tables by label set or type, unique after making them safe.
fn unique(names: &mut BTreeMap<String, usize>, wanted: String) -> String {
    let n = names.entry(wanted.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        wanted
    } else {
        format!("{wanted}_{n}")
    }
}

/// The export as files: node and relationship CSVs and the two load scripts.
pub fn to_csv_files(graph: &Graph) -> Vec<CsvFile> {
    // Node tables, by sorted label set.
    let mut by_labels: BTreeMap<Vec<String>, Vec<NodeId>> = BTreeMap::new();
    for n in graph.nodes() {
        let mut labels: Vec<String> = graph.labels(n).map(str::to_string).collect();
        labels.sort();
        by_labels.entry(labels).or_default().push(n);
    }
    let mut names = BTreeMap::new();
    let node_tables: Vec<NodeTable> = by_labels
        .into_iter()
        .map(|(labels, nodes)| NodeTable {
            name: unique(
                &mut names,
                if labels.is_empty() {
                    "Node".into()
                } else {
                    safe_name(&labels.join("_"))
                },
            ),
            columns: columns(nodes.iter().flat_map(|&n| graph.node_properties(n))),
            labels,
            nodes,
        })
        .collect();
    let table_of: BTreeMap<NodeId, usize> = node_tables
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.nodes.iter().map(move |&n| (n, i)))
        .collect();
    // Relationship tables, by type; files by the tables of their ends.
    let mut by_type: BTreeMap<String, Vec<crate::value::RelId>> = BTreeMap::new();
    for r in graph.rels() {
        by_type
            .entry(graph.rel_type(r).to_string())
            .or_default()
            .push(r);
    }
    let rel_tables: Vec<RelTable> = by_type
        .into_iter()
        .map(|(rel_type, rels)| {
            let mut files: BTreeMap<(usize, usize), Vec<_>> = BTreeMap::new();
            for &r in &rels {
                if let Some((s, e)) = graph.rel_endpoints(r) {
                    files
                        .entry((table_of[&s], table_of[&e]))
                        .or_default()
                        .push(r);
                }
            }
            RelTable {
                name: unique(&mut names, safe_name(&rel_type)),
                columns: columns(rels.iter().flat_map(|&r| graph.rel_properties(r))),
                rel_type,
                files,
            }
        })
        .collect();

    let delim = ARRAY_DELIMITER.to_string();
    let mut out = Vec::new();
    for t in &node_tables {
        let mut text = String::from(":ID,:LABEL");
        for (k, c) in &t.columns {
            let _ = write!(text, ",{}", field(&format!("{k}:{}", c.neo4j())));
        }
        text.push('\n');
        for &n in &t.nodes {
            let _ = write!(text, "{},{}", n.0, field(&t.labels.join(&delim)));
            for (k, c) in &t.columns {
                let _ = write!(text, ",{}", cell(graph.node_property(n, k), *c));
            }
            text.push('\n');
        }
        out.push(CsvFile {
            path: format!("nodes/{}.csv", t.name),
            text,
        });
    }
    for t in &rel_tables {
        for (&(s, e), rels) in &t.files {
            let mut text = String::from(":START_ID,:END_ID,:TYPE");
            for (k, c) in &t.columns {
                let _ = write!(text, ",{}", field(&format!("{k}:{}", c.neo4j())));
            }
            text.push('\n');
            for &r in rels {
                let Some((a, b)) = graph.rel_endpoints(r) else {
                    continue;
                };
                let _ = write!(text, "{},{},{}", a.0, b.0, field(&t.rel_type));
                for (k, c) in &t.columns {
                    let _ = write!(text, ",{}", cell(graph.rel_property(r, k), *c));
                }
                text.push('\n');
            }
            out.push(CsvFile {
                path: rel_file(t, &node_tables[s], &node_tables[e]),
                text,
            });
        }
    }
    out.push(CsvFile {
        path: "neo4j-import.sh".into(),
        text: neo4j_script(&node_tables, &rel_tables),
    });
    out.push(CsvFile {
        path: "kuzu.cypher".into(),
        text: kuzu_script(&node_tables, &rel_tables),
    });
    out
}

fn rel_file(t: &RelTable, start: &NodeTable, end: &NodeTable) -> String {
    format!("relationships/{}-{}-{}.csv", t.name, start.name, end.name)
}

fn neo4j_script(nodes: &[NodeTable], rels: &[RelTable]) -> String {
    let mut s = String::from(concat!(
        "#!/bin/sh\n",
        "# Bulk-load this export into a new Neo4j database (the database must not exist,\n",
        "# or add --overwrite-destination): sh neo4j-import.sh [DATABASE], with neo4j-admin on the PATH.\n",
        "set -e\n",
        "cd \"$(dirname \"$0\")\"\n",
        "neo4j-admin database import full \\\n",
        "  --array-delimiter=U+001F --multiline-fields=true \\\n",
    ));
    for t in nodes {
        let _ = writeln!(s, "  --nodes=nodes/{}.csv \\", t.name);
    }
    for t in rels {
        for &(a, b) in t.files.keys() {
            let _ = writeln!(
                s,
                "  --relationships={} \\",
                rel_file(t, &nodes[a], &nodes[b])
            );
        }
    }
    s.push_str("  \"${1:-neo4j}\"\n");
    s
}

/// A Kùzu identifier in backticks.
fn ident(s: &str) -> String {
    format!("`{}`", s.replace('`', ""))
}

/// The expression that turns CSV column `c{i}` into the table's value.
fn kuzu_value(i: usize, c: Column) -> String {
    match c {
        Column::List(s) => format!(
            "CAST(string_split(c{i}, '{ARRAY_DELIMITER}') AS {}[])",
            s.unwrap_or(Scalar::String).kuzu()
        ),
        _ => format!("c{i}"),
    }
}

fn kuzu_load_types(columns: &BTreeMap<String, Column>) -> String {
    columns
        .values()
        .enumerate()
        .map(|(i, c)| {
            let ty = match c {
                Column::Scalar(s) => s.kuzu(),
                _ => "STRING",
            };
            format!(", c{i} {ty}")
        })
        .collect()
}

fn kuzu_script(nodes: &[NodeTable], rels: &[RelTable]) -> String {
    let mut s = String::from(concat!(
        "// Load this export into Kùzu: run these statements, one a line, in a new database with this\n",
        "// folder as the working directory (in Python: for line in open('kuzu.cypher'): conn.execute(line),\n",
        "// skipping these comments). Arrays are split on U+001F, the character between the quotes of\n",
        "// string_split. The primary key `id` is the newsgraph node id.\n",
    ));
    let prop = |k: &str, table_has_id: bool| {
        if table_has_id && k == "id" {
            ident("id_")
        } else {
            ident(k)
        }
    };
    for t in nodes {
        let cols: String = t
            .columns
            .iter()
            .map(|(k, c)| format!(", {} {}", prop(k, true), c.kuzu()))
            .collect();
        let _ = writeln!(
            s,
            "CREATE NODE TABLE {}(`id` INT64 PRIMARY KEY{cols});",
            ident(&t.name)
        );
    }
    for t in rels {
        let pairs: Vec<String> = t
            .files
            .keys()
            .map(|&(a, b)| {
                format!(
                    "FROM {} TO {}",
                    ident(&nodes[a].name),
                    ident(&nodes[b].name)
                )
            })
            .collect();
        let cols: String = t
            .columns
            .iter()
            .map(|(k, c)| format!(", {} {}", prop(k, false), c.kuzu()))
            .collect();
        let _ = writeln!(
            s,
            "CREATE REL TABLE {}({}{cols});",
            ident(&t.name),
            pairs.join(", ")
        );
    }
    let load = "(header=true, parallel=false)";
    for t in nodes {
        let values: String = t
            .columns
            .values()
            .enumerate()
            .map(|(i, c)| format!(", {}", kuzu_value(i, *c)))
            .collect();
        let _ = writeln!(
            s,
            "COPY {} FROM (LOAD WITH HEADERS (id INT64, labels STRING{}) FROM 'nodes/{}.csv' {load} RETURN id{values});",
            ident(&t.name),
            kuzu_load_types(&t.columns),
            t.name
        );
    }
    for t in rels {
        let values: String = t
            .columns
            .values()
            .enumerate()
            .map(|(i, c)| format!(", {}", kuzu_value(i, *c)))
            .collect();
        for &(a, b) in t.files.keys() {
            let _ = writeln!(
                s,
                "COPY {} FROM (LOAD WITH HEADERS (start_id INT64, end_id INT64, type STRING{}) FROM '{}' {load} RETURN start_id, end_id{values}) (from='{}', to='{}');",
                ident(&t.name),
                kuzu_load_types(&t.columns),
                rel_file(t, &nodes[a], &nodes[b]),
                nodes[a].name,
                nodes[b].name
            );
        }
    }
    s
}

/// Write the export into a folder (created if missing); returns the files
/// written.
pub fn write_csv(graph: &Graph, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for f in to_csv_files(graph) {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, f.text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_typed_and_cells_quoted() {
        let mut g = Graph::new();
        let a = g.add_node(
            ["Actor"],
            [
                ("name", Value::str("Kenya, \"the\" country")),
                (
                    "aliases",
                    Value::from(vec!["Nairobi", "Republic; of Kenya"]),
                ),
                ("n", Value::Int(1)),
            ],
        );
        let b = g.add_node(
            ["Actor"],
            [
                ("name", Value::str("")),
                ("aliases", Value::List(vec![])),
                ("n", Value::Float(1.5)),
                ("odd", Value::Bool(true)),
            ],
        );
        let c = g.add_node(["Actor"], [("odd", Value::str("text"))]);
        g.add_rel(a, b, "LEADS", []);
        g.add_rel(b, c, "LEADS", [("w", Value::Int(2))]);
        let files = to_csv_files(&g);
        let nodes = &files[0];
        assert_eq!(nodes.path, "nodes/Actor.csv");
        let lines: Vec<&str> = nodes.text.lines().collect();
        assert_eq!(
            lines[0],
            ":ID,:LABEL,aliases:string[],n:double,name:string,odd:string"
        );
        assert_eq!(
            lines[1],
            "0,Actor,Nairobi\u{1f}Republic; of Kenya,1.0,\"Kenya, \"\"the\"\" country\","
        );
        assert_eq!(lines[2], "1,Actor,,1.5,\"\",true");
        assert_eq!(lines[3], "2,Actor,,,,text");
        let rels = &files[1];
        assert_eq!(rels.path, "relationships/LEADS-Actor-Actor.csv");
        assert_eq!(
            rels.text,
            ":START_ID,:END_ID,:TYPE,w:long\n0,1,LEADS,\n1,2,LEADS,2\n"
        );
        assert!(
            files[2]
                .text
                .contains("--relationships=relationships/LEADS-Actor-Actor.csv")
        );
        let kuzu = &files[3].text;
        assert!(kuzu.contains("CREATE NODE TABLE `Actor`(`id` INT64 PRIMARY KEY, `aliases` STRING[], `n` DOUBLE, `name` STRING, `odd` STRING);"), "{kuzu}");
        assert!(
            kuzu.contains("CREATE REL TABLE `LEADS`(FROM `Actor` TO `Actor`, `w` INT64);"),
            "{kuzu}"
        );
    }
}
