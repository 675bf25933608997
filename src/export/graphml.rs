//! GraphML export, as Gephi, NetworkX (`read_graphml`), yEd and Neo4j's `apoc.import.graphml` read it.
//!
//! Nodes are `n<id>`, relationships `e<id>`. Following Neo4j's GraphML
//! convention, a node's labels are its `labels` attribute (`:Actor`, or
//! `:Actor:Extra`) and a relationship's type its `label` attribute.
//! Properties become typed attributes: `boolean`, `long`, `double` or
//! `string`; a key whose values mix integers and floats is `double`, one
//! that mixes other types is `string`. GraphML has no lists, so a list is
//! written as JSON text in a `string` attribute whose key says
//! `<desc>list as JSON</desc>`. A property that happens to be called
//! `labels` (on a node) or `label` (on a relationship) is left out.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::graph::Graph;
use crate::graph::value_to_json;
use crate::value::{Value, format_float};

/// The description GraphML keys of list-valued properties carry.
pub const LIST_DESC: &str = "list as JSON";

/// The GraphML type of a property key, joined over all its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Boolean,
    Long,
    Double,
    String,
    List,
    Mixed,
}

impl Kind {
    fn of(v: &Value) -> Kind {
        match v {
            Value::Bool(_) => Kind::Boolean,
            Value::Int(_) => Kind::Long,
            Value::Float(_) => Kind::Double,
            Value::String(_) => Kind::String,
            Value::List(_) => Kind::List,
            _ => Kind::Mixed,
        }
    }

    fn join(self, other: Kind) -> Kind {
        match (self, other) {
            (a, b) if a == b => a,
            (Kind::Long, Kind::Double) | (Kind::Double, Kind::Long) => Kind::Double,
            _ => Kind::Mixed,
        }
    }

    fn graphml_type(self) -> &'static str {
        match self {
            Kind::Boolean => "boolean",
            Kind::Long => "long",
            Kind::Double => "double",
            Kind::String | Kind::List | Kind::Mixed => "string",
        }
    }
}

struct Key {
    id: String,
    kind: Kind,
}

/// Keys of one domain (node or edge), by property name.
fn keys<'a>(
    props: impl Iterator<Item = (&'a str, &'a Value)>,
    reserved: &str,
    prefix: &str,
) -> BTreeMap<String, Key> {
    let mut kinds: BTreeMap<String, Kind> = BTreeMap::new();
    for (k, v) in props {
        if k == reserved || v.is_null() {
            continue;
        }
        let kind = Kind::of(v);
        kinds
            .entry(k.to_string())
            .and_modify(|old| *old = old.join(kind))
            .or_insert(kind);
    }
    kinds
        .into_iter()
        .enumerate()
        .map(|(i, (k, kind))| {
            (
                k,
                Key {
                    id: format!("{prefix}{i}"),
                    kind,
                },
            )
        })
        .collect()
}

/// Escape text for an XML attribute value; characters XML 1.0 cannot hold
/// are dropped.
pub fn escape(s: &str) -> String {
    escape_text(s)
        .replace('"', "&quot;")
        .replace('\n', "&#10;")
        .replace('\t', "&#9;")
}

/// Escape text for XML element content; characters XML 1.0 cannot hold are
/// dropped, and carriage returns kept as references so parsers keep them.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn text(v: &Value, kind: Kind) -> String {
    match (v, kind) {
        (Value::Bool(b), _) => b.to_string(),
        (Value::Int(i), Kind::Double) => format_float(*i as f64),
        (Value::Int(i), _) => i.to_string(),
        (Value::Float(f), _) => format_float(*f),
        (Value::String(s), _) => s.to_string(),
        (Value::List(_), _) => value_to_json(v).to_string(),
        (other, _) => other.to_string(),
    }
}

fn write_keys(out: &mut String, domain: &str, keys: &BTreeMap<String, Key>) {
    for (name, key) in keys {
        let _ = write!(
            out,
            "  <key id=\"{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"",
            key.id,
            escape(name),
            key.kind.graphml_type()
        );
        if key.kind == Kind::List {
            let _ = writeln!(out, "><desc>{LIST_DESC}</desc></key>");
        } else {
            out.push_str("/>\n");
        }
    }
}

fn write_data<'a>(
    out: &mut String,
    props: impl Iterator<Item = (&'a str, &'a Value)>,
    keys: &BTreeMap<String, Key>,
) {
    for (k, v) in props {
        if let Some(key) = keys.get(k)
            && !v.is_null()
        {
            let _ = writeln!(
                out,
                "      <data key=\"{}\">{}</data>",
                key.id,
                escape_text(&text(v, key.kind))
            );
        }
    }
}

/// The whole graph as a GraphML document.
pub fn to_graphml(graph: &Graph) -> String {
    let node_keys = keys(
        graph.nodes().flat_map(|n| graph.node_properties(n)),
        "labels",
        "dn",
    );
    let edge_keys = keys(
        graph.rels().flat_map(|r| graph.rel_properties(r)),
        "label",
        "de",
    );
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n",
        "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n",
    ));
    write_keys(&mut out, "node", &node_keys);
    write_keys(&mut out, "edge", &edge_keys);
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for n in graph.nodes() {
        let labels: String = graph.labels(n).map(|l| format!(":{l}")).collect();
        let _ = writeln!(out, "    <node id=\"n{}\">", n.0);
        let _ = writeln!(
            out,
            "      <data key=\"labels\">{}</data>",
            escape_text(&labels)
        );
        write_data(&mut out, graph.node_properties(n), &node_keys);
        out.push_str("    </node>\n");
    }
    for r in graph.rels() {
        let Some((s, t)) = graph.rel_endpoints(r) else {
            continue;
        };
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            r.0, s.0, t.0
        );
        let _ = writeln!(
            out,
            "      <data key=\"label\">{}</data>",
            escape_text(graph.rel_type(r))
        );
        write_data(&mut out, graph.rel_properties(r), &edge_keys);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_typed_and_text_is_escaped() {
        let mut g = Graph::new();
        let a = g.add_node(
            ["Actor"],
            [
                ("name", Value::str("A & <B> \"q\"\u{1}")),
                ("n", Value::Int(2)),
                ("labels", Value::str("dropped")),
            ],
        );
        let b = g.add_node(["Mission"], [("n", Value::Float(2.5))]);
        g.add_rel(a, b, "LEADS", [("sources", Value::from(vec!["x", "y"]))]);
        let xml = to_graphml(&g);
        assert!(xml.contains(r#"attr.name="n" attr.type="double""#), "{xml}");
        assert!(xml.contains("A &amp; &lt;B&gt; \"q\"</data>"), "{xml}");
        assert!(
            xml.contains(r#"attr.name="sources" attr.type="string"><desc>list as JSON</desc>"#)
        );
        assert!(xml.contains(r#"["x","y"]"#));
        assert!(!xml.contains("dropped"));
        assert!(xml.contains(r#"<edge id="e0" source="n0" target="n1">"#));
        assert!(xml.contains(r#"<data key="label">LEADS</data>"#));
    }
}
