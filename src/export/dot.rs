//! Graphviz DOT: the whole graph or the part a query returned, styled by
//! label, kind and relationship type, with a legend of the styles drawn,
//! sorted and escaped; and rendering to SVG or PNG through Graphviz.
//!
//! Styles:
//! - actors by kind (country, organization, force, group, person), missions
//!   (dashed when proposed, grey when ended), resolutions, documents;
//! - edges coloured by type, contributions labelled with amount and unit;
//! - hedged facts dashed, negated ones grey with `NOT`, abandoned ones
//!   marked `✗ abandoned` with a bar arrowhead, facts stated several times
//!   drawn thicker;
//! - evidence sentences and sources as tooltips (shown on hover in SVG).

use std::collections::BTreeSet;
use std::fmt::Write;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::graph::{Direction, Graph};
use crate::query::QueryResult;
use crate::value::{NodeId, RelId, Value, format_float};

/// What to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw a legend of the node and edge styles in the drawing.
    pub legend: bool,
    /// Draw Document nodes and MENTIONS edges (hidden by default: they
    /// connect every document to everything it names). A query's result
    /// always shows the documents it returns.
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

/// Escape text for a double-quoted DOT string: quotes and backslashes are
/// escaped, line breaks become `\n`, other control characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// How a node is drawn; `key` and `name` identify the style in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct NodeStyle {
    order: u8,
    name: &'static str,
    shape: &'static str,
    style: &'static str,
    fill: &'static str,
    font: &'static str,
}

const fn ns(
    order: u8,
    name: &'static str,
    shape: &'static str,
    style: &'static str,
    fill: &'static str,
) -> NodeStyle {
    NodeStyle {
        order,
        name,
        shape,
        style,
        fill,
        font: "#000000",
    }
}

const COUNTRY: NodeStyle = ns(0, "country", "box", "filled", "#dbe9f6");
const ORGANIZATION: NodeStyle = ns(1, "organization", "box", "rounded,filled", "#e2f0d9");
const FORCE: NodeStyle = ns(2, "force", "hexagon", "filled", "#f8d7cf");
const GROUP: NodeStyle = ns(3, "group", "ellipse", "filled", "#f4ead0");
const PERSON: NodeStyle = ns(4, "person", "ellipse", "filled", "#eadcf0");
const ACTOR: NodeStyle = ns(5, "actor", "box", "filled", "#f0f0f0");
const MISSION: NodeStyle = ns(6, "mission", "octagon", "filled", "#fff1a8");
const PROPOSED: NodeStyle = ns(7, "proposed mission", "octagon", "filled,dashed", "#fff8d6");
const ENDED: NodeStyle = NodeStyle {
    font: "#757575",
    ..ns(8, "ended mission", "octagon", "filled", "#eeeeee")
};
const RESOLUTION: NodeStyle = ns(9, "resolution", "note", "filled", "#e8e8e8");
const DOCUMENT: NodeStyle = ns(10, "document", "folder", "filled", "#ffffff");
const OTHER: NodeStyle = ns(11, "other", "ellipse", "filled", "#ffffff");

/// Shape and fill of a node, by label, kind and status.
fn node_style(graph: &Graph, n: NodeId) -> NodeStyle {
    let text = |k| graph.node_property(n, k).and_then(Value::as_str);
    if graph.has_label(n, "Actor") {
        return match text("kind") {
            Some("country") => COUNTRY,
            Some("organization") => ORGANIZATION,
            Some("force") => FORCE,
            Some("group") => GROUP,
            Some("person") => PERSON,
            _ => ACTOR,
        };
    }
    if graph.has_label(n, "Mission") {
        return match text("status") {
            Some("proposed") => PROPOSED,
            Some("ended") => ENDED,
            _ => MISSION,
        };
    }
    if graph.has_label(n, "Resolution") {
        return RESOLUTION;
    }
    if graph.has_label(n, "Document") {
        return DOCUMENT;
    }
    OTHER
}

/// Colour and line style of an edge, by type, in legend order.
const EDGE_STYLES: &[(&str, &str, &str)] = &[
    ("SUPPORTS", "#2e7d32", "solid"),
    ("OPPOSES", "#c62828", "solid"),
    ("CONTRIBUTES", "#1565c0", "solid"),
    ("LEADS", "#6a1b9a", "bold"),
    ("ABSTAINS", "#ef6c00", "dotted"),
    ("MEMBER_OF", "#757575", "solid"),
    ("LOCATED_IN", "#9e9e9e", "dashed"),
    ("MENTIONS", "#bdbdbd", "dotted"),
];

const OTHER_EDGE: (&str, &str) = ("#424242", "solid");
const NEGATED: &str = "#9e9e9e";

fn edge_style(t: &str) -> (&'static str, &'static str) {
    EDGE_STYLES
        .iter()
        .find(|(name, _, _)| *name == t)
        .map_or(OTHER_EDGE, |&(_, c, s)| (c, s))
}

/// A number for people: thousands separated (300,000,000).
fn number(v: &Value) -> String {
    match v {
        Value::Int(i) => {
            let s = i.unsigned_abs().to_string();
            let mut out = String::new();
            for (k, c) in s.chars().enumerate() {
                if k > 0 && (s.len() - k) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            if *i < 0 { format!("-{out}") } else { out }
        }
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => number(&Value::Int(*f as i64)),
        Value::Float(f) => format_float(*f),
        Value::String(s) => s.to_string(),
        other => other.to_string(),
    }
}

fn node_label(graph: &Graph, n: NodeId) -> String {
    let text = |k| graph.node_property(n, k).and_then(Value::as_str);
    let mut label = text("name").map(str::to_string).unwrap_or_else(|| {
        let labels: Vec<&str> = graph.labels(n).collect();
        if labels.is_empty() {
            format!("#{}", n.0)
        } else {
            format!("{}#{}", labels.join(":"), n.0)
        }
    });
    if graph.has_label(n, "Actor")
        && let Some(kind) = text("kind")
        && kind != "country"
    {
        let _ = write!(label, "\n({kind})");
    }
    if graph.has_label(n, "Mission") {
        let prop = |k| graph.node_property(n, k).filter(|v| !v.is_null());
        if let Some(p) = prop("personnel_planned") {
            let _ = write!(label, "\n{} personnel planned", number(p));
        }
        if let Some(p) = prop("personnel_deployed") {
            let _ = write!(label, "\n{} personnel deployed", number(p));
        }
        if let Some(c) = prop("annual_cost") {
            let unit = text("annual_cost_unit").unwrap_or("");
            let _ = write!(label, "\n{} {unit} a year", number(c));
        }
    }
    if (graph.has_label(n, "Mission") || graph.has_label(n, "Resolution"))
        && let Some(status) = text("status")
    {
        let _ = write!(label, "\n[{status}]");
    }
    label
}

fn node_tooltip(graph: &Graph, n: NodeId) -> String {
    let mut parts: Vec<String> = graph.labels(n).map(|l| format!(":{l}")).collect();
    if let Some(Value::List(aliases)) = graph.node_property(n, "aliases") {
        let names: Vec<&str> = aliases.iter().filter_map(Value::as_str).collect();
        if !names.is_empty() {
            parts.push(format!("also: {}", names.join(", ")));
        }
    }
    if let Some(t) = graph.node_property(n, "title").and_then(Value::as_str) {
        parts.push(t.to_string());
    }
    parts.join("\n")
}

/// What an edge carries besides its type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    hedged: bool,
    negated: bool,
    abandoned: bool,
}

fn marks(graph: &Graph, r: RelId) -> Marks {
    Marks {
        hedged: graph.rel_property(r, "hedged") == Some(&Value::Bool(true)),
        negated: graph.rel_property(r, "negated") == Some(&Value::Bool(true)),
        abandoned: graph.rel_property(r, "status").and_then(Value::as_str) == Some("abandoned"),
    }
}

fn edge_attrs(graph: &Graph, r: RelId) -> String {
    let t = graph.rel_type(r);
    let (colour, style) = edge_style(t);
    let m = marks(graph, r);
    let mut label = t.to_string();
    if t == "CONTRIBUTES" {
        let kind = graph.rel_property(r, "kind").and_then(Value::as_str);
        let amount = graph.rel_property(r, "amount").filter(|v| !v.is_null());
        let unit = graph.rel_property(r, "unit").and_then(Value::as_str);
        if let Some(a) = amount {
            let q = match graph.rel_property(r, "qualifier").and_then(Value::as_str) {
                Some("about") => "~",
                Some("over") => ">",
                Some("up_to") => "≤",
                Some("under") => "<",
                Some("at_least") => "≥",
                _ => "",
            };
            let _ = write!(label, "\n{q}{}", number(a));
            if let Some(u) = unit {
                let _ = write!(label, " {u}");
            }
        } else if let Some(k) = kind {
            let _ = write!(label, "\n{k}");
        }
    }
    if t == "MENTIONS"
        && let Some(Value::Int(c)) = graph.rel_property(r, "count")
        && *c > 1
    {
        let _ = write!(label, " ×{c}");
    }
    let style = if m.hedged { "dashed" } else { style };
    let colour = if m.negated { NEGATED } else { colour };
    if m.negated {
        label = format!("NOT {label}");
    }
    if m.hedged {
        label.push_str(" (hedged)");
    }
    if m.abandoned {
        label.push_str("\n✗ abandoned");
    }
    let mut attrs = format!(
        "label=\"{}\", color=\"{colour}\", fontcolor=\"{colour}\", style=\"{style}\"",
        escape(&label)
    );
    if m.abandoned {
        attrs.push_str(", arrowhead=\"tee\"");
    }
    if let Some(Value::Int(k)) = graph.rel_property(r, "mentions")
        && *k > 1
    {
        let _ = write!(attrs, ", penwidth={}", 1 + (*k).min(4) / 2);
    }
    let tooltip = edge_tooltip(graph, r);
    if !tooltip.is_empty() {
        let _ = write!(attrs, ", tooltip=\"{}\"", escape(&tooltip));
    }
    attrs
}

/// The evidence sentences and sources of an edge.
fn edge_tooltip(graph: &Graph, r: RelId) -> String {
    let strings = |k| match graph.rel_property(r, k) {
        Some(Value::List(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    let mut lines: Vec<String> = strings("evidence")
        .into_iter()
        .map(|s| format!("“{s}”"))
        .collect();
    let sources: Vec<String> = strings("sources");
    if !sources.is_empty() {
        lines.push(format!("sources: {}", sources.join(", ")));
    }
    lines.join("\n")
}

/// The whole graph as DOT.
pub fn to_dot(graph: &Graph, options: DotOptions) -> String {
    let nodes: BTreeSet<NodeId> = graph.nodes().collect();
    let rels: BTreeSet<RelId> = graph.rels().collect();
    write_dot(graph, &nodes, &rels, options)
}

/// The part of the graph a query returned as DOT: its nodes, its
/// relationships (with their endpoints) and its paths, found anywhere in
/// the rows (also inside lists and maps). A result of nodes only is drawn
/// with the relationships between those nodes. A result with none of them
/// is an empty drawing; [`try_result_to_dot`] refuses rows of other values.
pub fn result_to_dot(graph: &Graph, result: &QueryResult, options: DotOptions) -> String {
    let (nodes, rels) = result_elements(graph, result);
    draw_result(graph, nodes, rels, options)
}

/// A query result whose rows hold no nodes, relationships or paths, only
/// other values, so nothing to draw.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the query returned no nodes, relationships or paths to draw (only values: {}); return them, e.g. MATCH p = (a)-[r]->(b) RETURN p",
    columns.join(", ")
)]
pub struct NothingToDraw {
    /// The result's columns.
    pub columns: Vec<String>,
}

/// As [`result_to_dot`], but a result whose rows hold no nodes,
/// relationships or paths (`RETURN a.name`) is an error rather than an
/// empty drawing. A result with no rows is still an empty drawing: it is
/// what the query found.
///
/// ```
/// use newsgraph::{DotOptions, Graph};
/// use newsgraph::export::dot::try_result_to_dot;
/// let mut g = Graph::new();
/// g.query_mut("CREATE (:Actor {name: 'Kenya'})").unwrap();
/// let names = g.query("MATCH (a:Actor) RETURN a.name").unwrap();
/// let err = try_result_to_dot(&g, &names, DotOptions::default()).unwrap_err();
/// assert!(err.to_string().starts_with("the query returned no nodes, relationships or paths to draw"));
/// let nodes = g.query("MATCH (a:Actor) RETURN a").unwrap();
/// assert!(try_result_to_dot(&g, &nodes, DotOptions::default()).unwrap().contains("Kenya"));
/// let none = g.query("MATCH (a:Actor {name: 'Chad'}) RETURN a").unwrap();
/// assert!(try_result_to_dot(&g, &none, DotOptions::default()).is_ok());
/// ```
pub fn try_result_to_dot(
    graph: &Graph,
    result: &QueryResult,
    options: DotOptions,
) -> Result<String, NothingToDraw> {
    let (nodes, rels) = result_elements(graph, result);
    if nodes.is_empty() && rels.is_empty() && !result.rows.is_empty() {
        return Err(NothingToDraw {
            columns: result.columns.clone(),
        });
    }
    Ok(draw_result(graph, nodes, rels, options))
}

/// The nodes and relationships of the graph a result holds, anywhere in
/// its rows.
fn result_elements(graph: &Graph, result: &QueryResult) -> (BTreeSet<NodeId>, BTreeSet<RelId>) {
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
    nodes.retain(|n| graph.contains_node(*n));
    rels.retain(|r| graph.contains_rel(*r));
    (nodes, rels)
}

fn draw_result(
    graph: &Graph,
    mut nodes: BTreeSet<NodeId>,
    mut rels: BTreeSet<RelId>,
    options: DotOptions,
) -> String {
    if rels.is_empty() {
        for &n in &nodes {
            for (r, other) in graph.edges(n, Direction::Outgoing, None) {
                if nodes.contains(&other) {
                    rels.insert(r);
                }
            }
        }
    }
    for r in &rels {
        if let Some((a, b)) = graph.rel_endpoints(*r) {
            nodes.insert(a);
            nodes.insert(b);
        }
    }
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
    let mut node_styles = BTreeSet::new();
    let mut types = BTreeSet::new();
    let mut seen_marks = Marks::default();
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
        let s = node_style(graph, n);
        node_styles.insert(s);
        let _ = write!(
            out,
            "  n{} [label=\"{}\", shape={}, style=\"{}\", fillcolor=\"{}\"",
            n.0,
            escape(&node_label(graph, n)),
            s.shape,
            s.style,
            s.fill
        );
        if s.font != "#000000" {
            let _ = write!(out, ", fontcolor=\"{}\"", s.font);
        }
        let tooltip = node_tooltip(graph, n);
        if !tooltip.is_empty() {
            let _ = write!(out, ", tooltip=\"{}\"", escape(&tooltip));
        }
        out.push_str("];\n");
    }
    for &r in rels {
        let Some((a, b)) = graph.rel_endpoints(r) else {
            continue;
        };
        if hidden(a) || hidden(b) || !nodes.contains(&a) || !nodes.contains(&b) {
            continue;
        }
        types.insert(graph.rel_type(r).to_string());
        let m = marks(graph, r);
        seen_marks.hedged |= m.hedged;
        seen_marks.negated |= m.negated;
        seen_marks.abandoned |= m.abandoned;
        let _ = writeln!(out, "  n{} -> n{} [{}];", a.0, b.0, edge_attrs(graph, r));
    }
    if options.legend && !(node_styles.is_empty() && types.is_empty()) {
        out.push_str(&legend(&node_styles, &types, seen_marks));
    }
    out.push_str("}\n");
    out
}

/// A legend of the styles in the drawing: a cluster of sample nodes and
/// sample edges between points.
fn legend(node_styles: &BTreeSet<NodeStyle>, types: &BTreeSet<String>, m: Marks) -> String {
    let mut out = String::new();
    out.push_str("  subgraph cluster_legend {\n");
    out.push_str(
        "    label=\"Legend\"; fontsize=10; style=\"rounded\"; color=\"#bdbdbd\"; margin=8;\n",
    );
    out.push_str("    node [fontsize=9, height=0.25];\n    edge [fontsize=9];\n");
    for s in node_styles {
        let id = s.name.replace(' ', "_");
        let _ = write!(
            out,
            "    legend_{id} [label=\"{}\", shape={}, style=\"{}\", fillcolor=\"{}\"",
            s.name, s.shape, s.style, s.fill
        );
        if s.font != "#000000" {
            let _ = write!(out, ", fontcolor=\"{}\"", s.font);
        }
        out.push_str("];\n");
    }
    // Known types in their order, others sorted after them.
    let mut edges: Vec<(String, &str, &str, String)> = Vec::new();
    for (t, colour, style) in EDGE_STYLES {
        if types.contains(*t) {
            edges.push((t.to_string(), colour, style, String::new()));
        }
    }
    for t in types {
        if !EDGE_STYLES.iter().any(|(k, _, _)| k == t) {
            edges.push((escape(t), OTHER_EDGE.0, OTHER_EDGE.1, String::new()));
        }
    }
    let (grey, plain) = ("#424242", "solid");
    if m.hedged {
        edges.push(("hedged".into(), grey, "dashed", String::new()));
    }
    if m.negated {
        edges.push(("NOT: negated".into(), NEGATED, plain, String::new()));
    }
    if m.abandoned {
        edges.push((
            "✗ abandoned".into(),
            grey,
            plain,
            ", arrowhead=\"tee\"".into(),
        ));
    }
    // Node samples in one column, edge samples in the next two: invisible
    // edges from the first node sample put the edges' starts after it.
    let first = node_styles
        .iter()
        .next()
        .map(|s| format!("legend_{}", s.name.replace(' ', "_")));
    for (i, (label, colour, style, extra)) in edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    legend_e{i}a [label=\"\", shape=point, width=0.05]; legend_e{i}b [label=\"{label}\", shape=plaintext, fontcolor=\"{colour}\"];"
        );
        let _ = writeln!(
            out,
            "    legend_e{i}a -> legend_e{i}b [weight=100, color=\"{colour}\", style=\"{style}\"{extra}];"
        );
    }
    if let Some(first) = &first {
        // Kept in the order of these edges, which rankdir=LR draws bottom
        // to top: the last edge first.
        let _ = writeln!(out, "    {first} [ordering=out];");
        for i in (0..edges.len()).rev() {
            let _ = writeln!(out, "    {first} -> legend_e{i}a [style=invis];");
        }
    }
    out.push_str("  }\n");
    out
}

/// The formats Graphviz renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    /// Scalable vector graphics (with tooltips).
    Svg,
    /// A PNG image.
    Png,
}

impl RenderFormat {
    /// The format a file name asks for (`.svg`, `.png`), if any.
    pub fn from_path(path: &Path) -> Option<RenderFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(RenderFormat::Svg),
            "png" => Some(RenderFormat::Png),
            _ => None,
        }
    }

    /// Graphviz's name for it (`-Tsvg`).
    pub fn name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
        }
    }
}

/// Why Graphviz could not render.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The `dot` program is not on the PATH.
    #[error(
        "Graphviz is not installed (no `dot` program on the PATH): install the `graphviz` package (apt-get install graphviz, dnf install graphviz, brew install graphviz) or write DOT without --render"
    )]
    NotInstalled,
    /// Running it failed.
    #[error("running Graphviz: {0}")]
    Io(#[from] std::io::Error),
    /// It ran and refused the input.
    #[error("Graphviz failed: {0}")]
    Failed(String),
}

/// Render DOT text with Graphviz's `dot` program.
pub fn render(dot: &str, format: RenderFormat) -> Result<Vec<u8>, RenderError> {
    let child = Command::new("dot")
        .arg(format!("-T{}", format.name()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RenderError::NotInstalled);
        }
        Err(e) => return Err(RenderError::Io(e)),
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = dot.to_string();
    // Write from another thread so a large output cannot block the input.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let output = child.wait_with_output()?;
    let written = writer.join().unwrap_or(Ok(()));
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        return Err(RenderError::Failed(
            msg.lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("no message")
                .trim()
                .to_string(),
        ));
    }
    written?;
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bare() -> DotOptions {
        DotOptions {
            legend: false,
            documents: false,
        }
    }

    /// Every DOT a test makes must be accepted by Graphviz.
    fn checked(dot: String) -> String {
        let svg = render(&dot, RenderFormat::Svg).unwrap_or_else(|e| {
            panic!("{e} (Graphviz is required for the tests: install the graphviz package)\n{dot}")
        });
        assert!(String::from_utf8_lossy(&svg).contains("<svg"));
        dot
    }

    #[test]
    fn labels_are_escaped_and_output_is_sorted() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'The \"Quoted\" \\\\ One', kind: 'country'})-[:CONTRIBUTES {kind: 'money', amount: 300000000, unit: 'USD', qualifier: 'over'}]->(:Mission {name: 'M'})")
            .unwrap();
        let dot = checked(to_dot(&g, bare()));
        assert!(
            dot.contains(r#"n0 [label="The \"Quoted\" \\ One", shape=box"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#"label="CONTRIBUTES\n>300,000,000 USD""#),
            "{dot}"
        );
        assert_eq!(dot, to_dot(&g, bare()));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a\"b\\c\nd\re\tf\u{7}"), "a\\\"b\\\\c\\nde f");
        assert_eq!(escape("Côte d'Ivoire ✗"), "Côte d'Ivoire ✗");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(&Value::Int(300_000_000)), "300,000,000");
        assert_eq!(number(&Value::Int(-1234)), "-1,234");
        assert_eq!(number(&Value::Int(999)), "999");
        assert_eq!(number(&Value::Float(2500.0)), "2,500");
        assert_eq!(number(&Value::Float(1.5)), "1.5");
    }

    #[test]
    fn marks_on_edges() {
        let mut g = Graph::new();
        g.query_mut(
            "CREATE (a:Actor {name: 'A', kind: 'country'}), (m:Mission {name: 'M'}),
                    (a)-[:SUPPORTS {hedged: true, negated: false}]->(m),
                    (a)-[:OPPOSES {negated: true}]->(m),
                    (a)-[:SUPPORTS {status: 'abandoned', mentions: 3}]->(m)",
        )
        .unwrap();
        let dot = checked(to_dot(&g, bare()));
        assert!(dot.contains(r##"label="SUPPORTS (hedged)", color="#2e7d32", fontcolor="#2e7d32", style="dashed""##), "{dot}");
        assert!(
            dot.contains(r##"label="NOT OPPOSES", color="#9e9e9e""##),
            "{dot}"
        );
        assert!(dot.contains(r#"label="SUPPORTS\n✗ abandoned""#), "{dot}");
        assert!(dot.contains(r#"arrowhead="tee", penwidth=2"#), "{dot}");
    }

    #[test]
    fn the_legend_shows_what_is_drawn() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'A', kind: 'force'})-[:LEADS]->(:Mission {name: 'M'})")
            .unwrap();
        let dot = checked(to_dot(&g, DotOptions::default()));
        assert!(dot.contains("legend_force ["), "{dot}");
        assert!(dot.contains("legend_mission ["), "{dot}");
        assert!(dot.contains("label=\"LEADS\", color=\"#6a1b9a\""), "{dot}");
        assert!(!dot.contains("legend_country"), "{dot}");
        assert!(!dot.contains("SUPPORTS"), "{dot}");
        assert!(!dot.contains("hedged"), "{dot}");
        // An empty graph has no legend.
        assert!(!checked(to_dot(&Graph::new(), DotOptions::default())).contains("Legend"));
    }

    #[test]
    fn results_of_nodes_only_are_connected() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'A'})-[:LEADS]->(:Mission {name: 'M'})<-[:SUPPORTS]-(:Actor {name: 'B'})")
            .unwrap();
        let r = g
            .query("MATCH (a:Actor {name: 'A'})-->(m) RETURN a, m")
            .unwrap();
        let dot = checked(result_to_dot(&g, &r, bare()));
        assert!(dot.contains("LEADS"), "{dot}");
        assert!(!dot.contains("SUPPORTS") && !dot.contains("\"B\""), "{dot}");
        let r = g
            .query("MATCH (a:Actor {name: 'B'})-[r]->(m) RETURN r")
            .unwrap();
        let dot = checked(result_to_dot(&g, &r, bare()));
        assert!(dot.contains("SUPPORTS") && dot.contains("\"B\""), "{dot}");
        assert!(!dot.contains("LEADS"), "{dot}");
    }

    #[test]
    fn render_formats_from_file_names() {
        assert_eq!(
            RenderFormat::from_path(Path::new("g.SVG")),
            Some(RenderFormat::Svg)
        );
        assert_eq!(
            RenderFormat::from_path(Path::new("out/g.png")),
            Some(RenderFormat::Png)
        );
        assert_eq!(RenderFormat::from_path(Path::new("g.dot")), None);
    }
}
