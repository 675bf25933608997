//! Graphviz DOT: the whole graph or the part a query returned, styled by
//! label, kind and relationship type, sorted and escaped.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::graph::Graph;
use crate::query::QueryResult;
use crate::value::{NodeId, RelId, Value, format_float};

/// What to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw a legend of node and edge styles.
    pub legend: bool,
    /// Draw Document nodes and MENTIONS edges (hidden by default: they
    /// connect every document to everything it names).
    pub documents: bool,
}

impl Default for DotOptions {
    fn default() -> DotOptions {
        DotOptions {
            legend: true,
            documents: false,
        }
    }
}

/// Escape text for a double-quoted DOT string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Shape and fill of a node, by label and kind.
fn node_style(graph: &Graph, n: NodeId) -> (&'static str, &'static str, &'static str) {
    let kind = graph.node_property(n, "kind").and_then(Value::as_str);
    if graph.has_label(n, "Actor") {
        return match kind {
            Some("country") => ("box", "filled", "#dbe9f6"),
            Some("organization") => ("box", "rounded,filled", "#e2f0d9"),
            Some("force") => ("hexagon", "filled", "#f8d7cf"),
            Some("group") => ("ellipse", "filled", "#f4ead0"),
            Some("person") => ("ellipse", "filled", "#eadcf0"),
            _ => ("box", "filled", "#f0f0f0"),
        };
    }
    if graph.has_label(n, "Mission") {
        return ("octagon", "filled", "#fff1a8");
    }
    if graph.has_label(n, "Resolution") {
        return ("note", "filled", "#e8e8e8");
    }
    if graph.has_label(n, "Document") {
        return ("folder", "filled", "#ffffff");
    }
    ("ellipse", "filled", "#ffffff")
}

/// Colour and style of an edge, by type.
fn edge_style(t: &str) -> (&'static str, &'static str) {
    match t {
        "SUPPORTS" => ("#2e7d32", "solid"),
        "OPPOSES" => ("#c62828", "solid"),
        "CONTRIBUTES" => ("#1565c0", "solid"),
        "LEADS" => ("#6a1b9a", "bold"),
        "ABSTAINS" => ("#ef6c00", "dotted"),
        "MEMBER_OF" => ("#757575", "solid"),
        "LOCATED_IN" => ("#9e9e9e", "dashed"),
        "MENTIONS" => ("#bdbdbd", "dotted"),
        _ => ("#424242", "solid"),
    }
}

fn number(v: &Value) -> String {
    match v {
        Value::Int(i) => {
            // 300000000 -> 300,000,000
            let s = i.abs().to_string();
            let mut out = String::new();
            for (k, c) in s.chars().enumerate() {
                if k > 0 && (s.len() - k) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            if *i < 0 { format!("-{out}") } else { out }
        }
        Value::Float(f) => format_float(*f),
        other => other.to_string(),
    }
}

fn node_label(graph: &Graph, n: NodeId) -> String {
    let name = graph
        .node_property(n, "name")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| {
            let labels: Vec<&str> = graph.labels(n).collect();
            if labels.is_empty() {
                format!("#{}", n.0)
            } else {
                format!("{}#{}", labels.join(":"), n.0)
            }
        });
    match graph.node_property(n, "kind").and_then(Value::as_str) {
        Some(kind) if graph.has_label(n, "Actor") && kind != "country" => {
            format!("{name}\n({kind})")
        }
        _ => name,
    }
}

fn edge_attrs(graph: &Graph, r: RelId) -> String {
    let t = graph.rel_type(r);
    let (colour, mut style) = edge_style(t);
    let mut label = t.to_string();
    if t == "CONTRIBUTES" {
        let kind = graph.rel_property(r, "kind").and_then(Value::as_str);
        let amount = graph.rel_property(r, "amount");
        let unit = graph.rel_property(r, "unit").and_then(Value::as_str);
        match (amount, unit) {
            (Some(a), Some(u)) => {
                let q = match graph.rel_property(r, "qualifier").and_then(Value::as_str) {
                    Some("about") => "~",
                    Some("over") => ">",
                    Some("up_to") => "≤",
                    Some("under") => "<",
                    _ => "",
                };
                let _ = write!(label, "\n{q}{} {u}", number(a));
            }
            _ => {
                if let Some(k) = kind {
                    let _ = write!(label, "\n{k}");
                }
            }
        }
    }
    let negated = graph.rel_property(r, "negated") == Some(&Value::Bool(true));
    let hedged = graph.rel_property(r, "hedged") == Some(&Value::Bool(true));
    let abandoned = graph.rel_property(r, "status").and_then(Value::as_str) == Some("abandoned");
    if hedged {
        style = "dashed";
    }
    let colour = if negated { "#9e9e9e" } else { colour };
    if negated {
        label = format!("NOT {label}");
    }
    if abandoned {
        label.push_str("\n✗ abandoned");
    }
    let mut attrs = format!(
        "label=\"{}\", color=\"{colour}\", fontcolor=\"{colour}\", style=\"{style}\"",
        escape(&label)
    );
    if abandoned {
        attrs.push_str(", arrowhead=\"tee\"");
    }
    attrs
}

/// The whole graph as DOT.
pub fn to_dot(graph: &Graph, options: DotOptions) -> String {
    let nodes: BTreeSet<NodeId> = graph.nodes().collect();
    let rels: BTreeSet<RelId> = graph.rels().collect();
    write_dot(graph, &nodes, &rels, options)
}

/// The nodes, relationships and paths a query returned (and the endpoints
/// of its relationships) as DOT.
pub fn result_to_dot(graph: &Graph, result: &QueryResult, options: DotOptions) -> String {
    let mut nodes = BTreeSet::new();
    let mut rels = BTreeSet::new();
    fn walk(v: &Value, nodes: &mut BTreeSet<NodeId>, rels: &mut BTreeSet<RelId>) {
        match v {
            Value::Node(n) => {
                nodes.insert(*n);
            }
            Value::Rel(r) => {
                rels.insert(*r);
            }
            Value::Path(p) => {
                nodes.extend(p.nodes.iter().copied());
                rels.extend(p.rels.iter().copied());
            }
            Value::List(items) => items.iter().for_each(|x| walk(x, nodes, rels)),
            Value::Map(m) => m.values().for_each(|x| walk(x, nodes, rels)),
            _ => {}
        }
    }
    for row in &result.rows {
        for v in row {
            walk(v, &mut nodes, &mut rels);
        }
    }
    rels.retain(|r| graph.contains_rel(*r));
    for r in &rels {
        if let Some((a, b)) = graph.rel_endpoints(*r) {
            nodes.insert(a);
            nodes.insert(b);
        }
    }
    nodes.retain(|n| graph.contains_node(*n));
    let options = DotOptions {
        documents: true,
        ..options
    };
    write_dot(graph, &nodes, &rels, options)
}

fn write_dot(
    graph: &Graph,
    nodes: &BTreeSet<NodeId>,
    rels: &BTreeSet<RelId>,
    options: DotOptions,
) -> String {
    let hidden = |n: NodeId| !options.documents && graph.has_label(n, "Document");
    let mut out = String::new();
    out.push_str("digraph newsgraph {\n");
    out.push_str(
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.8];\n",
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for &n in nodes {
        if hidden(n) {
            continue;
        }
        let (shape, style, fill) = node_style(graph, n);
        let _ = writeln!(
            out,
            "  n{} [label=\"{}\", shape={shape}, style=\"{style}\", fillcolor=\"{fill}\"];",
            n.0,
            escape(&node_label(graph, n))
        );
    }
    for &r in rels {
        let Some((a, b)) = graph.rel_endpoints(r) else {
            continue;
        };
        if hidden(a) || hidden(b) || !nodes.contains(&a) || !nodes.contains(&b) {
            continue;
        }
        let _ = writeln!(out, "  n{} -> n{} [{}];", a.0, b.0, edge_attrs(graph, r));
    }
    if options.legend {
        out.push_str(LEGEND);
    }
    out.push_str("}\n");
    out
}

const LEGEND: &str = r##"  subgraph cluster_legend {
    label="Legend"; fontsize=10; style="rounded"; color="#bdbdbd";
    node [fontsize=9, width=0.3, height=0.2];
    legend_country [label="country", shape=box, style="filled", fillcolor="#dbe9f6"];
    legend_organization [label="organization", shape=box, style="rounded,filled", fillcolor="#e2f0d9"];
    legend_force [label="force", shape=hexagon, style="filled", fillcolor="#f8d7cf"];
    legend_group [label="group", shape=ellipse, style="filled", fillcolor="#f4ead0"];
    legend_person [label="person", shape=ellipse, style="filled", fillcolor="#eadcf0"];
    legend_mission [label="mission", shape=octagon, style="filled", fillcolor="#fff1a8"];
    legend_resolution [label="resolution", shape=note, style="filled", fillcolor="#e8e8e8"];
    legend_a [label="", shape=point]; legend_b [label="", shape=point]; legend_c [label="", shape=point];
    legend_d [label="", shape=point]; legend_e [label="", shape=point]; legend_f [label="", shape=point];
    legend_g [label="", shape=point]; legend_h [label="", shape=point];
    legend_a -> legend_b [label="SUPPORTS", color="#2e7d32", fontcolor="#2e7d32"];
    legend_c -> legend_d [label="OPPOSES", color="#c62828", fontcolor="#c62828"];
    legend_e -> legend_f [label="hedged (dashed)", style="dashed", color="#424242"];
    legend_g -> legend_h [label="NOT negated (grey)", color="#9e9e9e", fontcolor="#9e9e9e"];
  }
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_output_is_sorted() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'The \"Quoted\" \\\\ One', kind: 'country'})-[:CONTRIBUTES {kind: 'money', amount: 300000000, unit: 'USD', qualifier: 'over'}]->(:Mission {name: 'M'})")
            .unwrap();
        let dot = to_dot(
            &g,
            DotOptions {
                legend: false,
                documents: false,
            },
        );
        assert!(
            dot.contains(r#"n0 [label="The \"Quoted\" \\ One", shape=box"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#"label="CONTRIBUTES\n>300,000,000 USD""#),
            "{dot}"
        );
        assert_eq!(
            dot,
            to_dot(
                &g,
                DotOptions {
                    legend: false,
                    documents: false
                }
            )
        );
    }
}
