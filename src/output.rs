//! Query results rendered for people and programs: aligned tables, JSON
//! (one array of objects keyed by column) and CSV.

use std::fmt::Write;

use serde_json::{Map as JsonMap, Value as Json, json};
use unicode_width::UnicodeWidthStr;

use crate::graph::Graph;
use crate::query::QueryResult;
use crate::value::{Value, format_float, format_key, quote_string};

/// Output formats of `newsgraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// A JSON array of objects keyed by column name.
    Json,
    /// Comma-separated values with a header line.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            other => Err(format!("unknown format `{other}` (use table, json or csv)")),
        }
    }
}

/// Render a result in a format.
pub fn render(graph: &Graph, result: &QueryResult, format: Format) -> String {
    match format {
        Format::Table => table(graph, result),
        Format::Json => {
            let rows: Vec<Json> = result
                .rows
                .iter()
                .map(|row| {
                    let mut obj = JsonMap::new();
                    for (c, v) in result.columns.iter().zip(row) {
                        obj.insert(c.clone(), to_json(graph, v));
                    }
                    Json::Object(obj)
                })
                .collect();
            serde_json::to_string_pretty(&Json::Array(rows)).unwrap_or_else(|_| "[]".into()) + "\n"
        }
        Format::Csv => csv(graph, result),
    }
}

/// A value as JSON: graph elements become objects with id, labels or type,
/// and properties.
pub fn to_json(graph: &Graph, v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(f) if f.is_finite() => json!(f),
        Value::Float(f) => json!(format_float(*f)),
        Value::String(s) => json!(s.as_ref()),
        Value::List(items) => Json::Array(items.iter().map(|x| to_json(graph, x)).collect()),
        Value::Map(m) => Json::Object(
            m.iter()
                .map(|(k, v)| (k.to_string(), to_json(graph, v)))
                .collect(),
        ),
        Value::Node(n) => json!({
            "id": n.0,
            "labels": graph.labels(*n).collect::<Vec<_>>(),
            "properties": Json::Object(graph.node_properties(*n).map(|(k, v)| (k.to_string(), to_json(graph, v))).collect()),
        }),
        Value::Rel(r) => {
            let (s, e) = graph.rel_endpoints(*r).map_or((0, 0), |(s, e)| (s.0, e.0));
            json!({
                "id": r.0,
                "type": graph.rel_type(*r),
                "start": s,
                "end": e,
                "properties": Json::Object(graph.rel_properties(*r).map(|(k, v)| (k.to_string(), to_json(graph, v))).collect()),
            })
        }
        Value::Path(p) => json!({
            "nodes": p.nodes.iter().map(|n| to_json(graph, &Value::Node(*n))).collect::<Vec<_>>(),
            "relationships": p.rels.iter().map(|r| to_json(graph, &Value::Rel(*r))).collect::<Vec<_>>(),
        }),
    }
}

/// A value as text in Cypher notation; graph elements with their labels and
/// properties. Top-level strings are written without quotes.
pub fn display(graph: &Graph, v: &Value, top: bool) -> String {
    match v {
        Value::String(s) if top => s.to_string(),
        Value::String(s) => quote_string(s),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|x| display(graph, x, false))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Map(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", format_key(k), display(graph, v, false)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Node(n) => {
            let mut s = String::from("(");
            for l in graph.labels(*n) {
                let _ = write!(s, ":{}", format_key(l));
            }
            let props: Vec<String> = graph
                .node_properties(*n)
                .map(|(k, v)| format!("{}: {}", format_key(k), display(graph, v, false)))
                .collect();
            if !props.is_empty() {
                let _ = write!(s, " {{{}}}", props.join(", "));
            }
            s.push(')');
            s
        }
        Value::Rel(r) => {
            let props: Vec<String> = graph
                .rel_properties(*r)
                .map(|(k, v)| format!("{}: {}", format_key(k), display(graph, v, false)))
                .collect();
            let mut s = format!("[:{}", format_key(graph.rel_type(*r)));
            if !props.is_empty() {
                let _ = write!(s, " {{{}}}", props.join(", "));
            }
            s.push(']');
            s
        }
        Value::Path(p) => {
            let mut s = display(graph, &Value::Node(p.nodes[0]), false);
            for (i, r) in p.rels.iter().enumerate() {
                let forward = graph
                    .rel_endpoints(*r)
                    .is_some_and(|(a, _)| a == p.nodes[i]);
                let rel = display(graph, &Value::Rel(*r), false);
                if forward {
                    let _ = write!(s, "-{rel}->");
                } else {
                    let _ = write!(s, "<-{rel}-");
                }
                s.push_str(&display(graph, &Value::Node(p.nodes[i + 1]), false));
            }
            s
        }
        other => other.to_string(),
    }
}

/// Widest cell in a table, in terminal columns, before it is cut with an
/// ellipsis.
const MAX_CELL: usize = 80;

/// How many terminal columns a cell takes: wide (CJK) characters count
/// two, combining marks none.
fn columns(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn cut(s: String) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if columns(&s) <= MAX_CELL {
        return s;
    }
    // The longest prefix that leaves a column for the ellipsis; marks that
    // combine with its last character stay with it.
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        if columns(&s[..next]) > MAX_CELL - 1 {
            break;
        }
        end = next;
    }
    let mut t = s[..end].to_string();
    t.push('…');
    t
}

/// An aligned table with a header, like the shells of graph databases.
/// Columns are aligned by display width, so that wide and combining
/// characters line up in a terminal.
pub fn table(graph: &Graph, result: &QueryResult) -> String {
    let cells: Vec<Vec<String>> = result
        .rows
        .iter()
        .map(|r| r.iter().map(|v| cut(display(graph, v, true))).collect())
        .collect();
    let widths: Vec<usize> = result
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| columns(&r[i]))
                .chain(std::iter::once(columns(c)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String| {
        out.push('+');
        for w in &widths {
            out.push_str(&"-".repeat(w + 2));
            out.push('+');
        }
        out.push('\n');
    };
    let row = |out: &mut String, items: &[String]| {
        out.push('|');
        for (item, w) in items.iter().zip(&widths) {
            let pad = w - columns(item);
            let _ = write!(out, " {item}{} |", " ".repeat(pad));
        }
        out.push('\n');
    };
    let mut out = String::new();
    if result.columns.is_empty() {
        return out;
    }
    line(&mut out);
    row(&mut out, &result.columns);
    line(&mut out);
    for r in &cells {
        row(&mut out, r);
    }
    if !cells.is_empty() {
        line(&mut out);
    }
    out
}

fn csv(graph: &Graph, result: &QueryResult) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(
        &result
            .columns
            .iter()
            .map(|c| field(c))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for r in &result.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|v| match v {
                Value::Null => String::new(),
                Value::String(s) => field(s),
                Value::Int(_) | Value::Float(_) | Value::Bool(_) => v.to_string(),
                other => field(&to_json(graph, other).to_string()),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_and_csv_quotes() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'Kenya, Republic of'})")
            .unwrap();
        let r = g
            .query("MATCH (a:Actor) RETURN a.name AS name, 1 AS n")
            .unwrap();
        assert_eq!(
            table(&g, &r),
            "+--------------------+---+\n| name               | n |\n+--------------------+---+\n| Kenya, Republic of | 1 |\n+--------------------+---+\n"
        );
        assert_eq!(
            render(&g, &r, Format::Csv),
            "name,n\n\"Kenya, Republic of\",1\n"
        );
        assert_eq!(
            render(&g, &r, Format::Json),
            "[\n  {\n    \"name\": \"Kenya, Republic of\",\n    \"n\": 1\n  }\n]\n"
        );
    }

    #[test]
    fn tables_align_by_display_width() {
        let g = Graph::new();
        let r = g
            .query("UNWIND ['中国', 'e\\u0301', 'ab'] AS x RETURN x AS `名字`")
            .unwrap();
        assert_eq!(
            table(&g, &r),
            "+------+\n\
             | 名字 |\n\
             +------+\n\
             | 中国 |\n\
             | e\u{301}    |\n\
             | ab   |\n\
             +------+\n"
        );
    }

    #[test]
    fn long_cells_are_cut_by_display_width() {
        // 50 wide characters are 100 columns: cut to 39 of them and the
        // ellipsis, 79 columns.
        let wide = "中".repeat(50);
        assert_eq!(cut(wide), format!("{}…", "中".repeat(39)));
        // A combining mark stays with the letter it follows.
        let marked = "e\u{301}".repeat(100);
        assert_eq!(cut(marked), format!("{}…", "e\u{301}".repeat(79)));
        assert_eq!(cut("short\tcell".into()), "short cell");
    }
}
