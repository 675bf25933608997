//! Every export format, written by the binary and read back with a real parser: quick-xml, csv, newsgraph's own Cypher engine, and (when Python has them) NetworkX and Kùzu.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newsgraph::export::cypher;
use newsgraph::query::ast::verified_query;
use newsgraph::{Graph, Value};
use serde_json::Value as Json;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A graph with the values exports get wrong: quotes, commas, semicolons,
/// newlines, markup, non-ASCII text, floats that look like integers, lists
/// of each type, an empty list, two labels, no label, a self-loop and a
/// type that needs quoting.
fn tricky() -> Graph {
    let mut g = Graph::new();
    g.query_mut(verified_query(
        r#"CREATE (a:Actor {name: 'Kenya, "the" country', aliases: ['Nairobi', 'Republic; of, Kenya'],
                  kind: 'country', score: 2.0, rank: -3, active: true,
                  note: 'line one\nline two\ttab <&> \'q\' \\ end'}),
                  (m:Mission:Extra {name: 'Ünïcødé mission', sizes: [1, 2, 3], costs: [1.5, 2.0], flags: [true, false]}),
                  (x {name: 'no label', tags: []}),
                  (a)-[:SUPPORTS {sources: ['a.txt'], evidence: ['He said "yes", then; left.'], hedged: false, amount: 300000000, share: 0.25}]->(m),
                  (m)-[:LOCATED_IN]->(a),
                  (x)-[:`ODD TYPE`]->(x)"#,
    ))
    .unwrap();
    g
}

/// The seeds' graph and the tricky one, as snapshots the binary exports.
fn graphs(dir: &Path) -> Vec<(PathBuf, Graph)> {
    let seeds_graph = Graph::from_paths([seeds()]).unwrap();
    [("seeds.json", seeds_graph), ("tricky.json", tricky())]
        .into_iter()
        .map(|(name, g)| {
            let p = dir.join(name);
            g.save(&p).unwrap();
            (p, g)
        })
        .collect()
}

fn export(snapshot: &Path, format: &str, out: &Path) {
    let o = bin()
        .args(["export", "--format", format, "--graph"])
        .arg(snapshot)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A graph as a sorted list of lines, ids left out: each node by its labels
/// and properties, each relationship by its type, properties and the
/// canonical lines of its ends. Empty lists count as missing properties
/// when `drop_empty_lists` (the bulk-import formats cannot keep them).
fn canonical(g: &Graph, drop_empty_lists: bool) -> Vec<String> {
    let props = |it: &mut dyn Iterator<Item = (&str, &Value)>| -> String {
        let m: BTreeMap<&str, String> = it
            .filter(|(_, v)| !(drop_empty_lists && matches!(v, Value::List(l) if l.is_empty())))
            .map(|(k, v)| (k, v.to_string()))
            .collect();
        format!("{m:?}")
    };
    let node = |n| {
        let mut labels: Vec<&str> = g.labels(n).collect();
        labels.sort();
        format!(
            "({}) {}",
            labels.join(":"),
            props(&mut g.node_properties(n))
        )
    };
    let mut out: Vec<String> = g.nodes().map(node).collect();
    for r in g.rels() {
        let (s, e) = g.rel_endpoints(r).unwrap();
        out.push(format!(
            "{} -[{} {}]-> {}",
            node(s),
            g.rel_type(r),
            props(&mut g.rel_properties(r)),
            node(e)
        ));
    }
    out.sort();
    out
}

fn json_to_value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => n
            .as_i64()
            .map_or_else(|| Value::Float(n.as_f64().unwrap()), Value::Int),
        Json::String(s) => Value::str(s),
        Json::Array(a) => Value::List(a.iter().map(json_to_value).collect()),
        Json::Object(o) => Value::from(
            o.iter()
                .map(|(k, v)| (k.as_str().into(), json_to_value(v)))
                .collect::<newsgraph::value::Map>(),
        ),
    }
}

// ------------------------------------------------------------ GraphML

/// Rebuild a graph from GraphML with quick-xml, by the keys' declared types.
fn read_graphml(xml: &str) -> Graph {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let attr = |e: &quick_xml::events::BytesStart, name: &str| -> Option<String> {
        e.attributes()
            .map(|a| a.unwrap())
            .find(|a| a.key.as_ref() == name)
            .map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .to_string()
            })
    };
    // key id -> (name, type, is list)
    let mut keys: BTreeMap<String, (String, String, bool)> = BTreeMap::new();
    let mut current_key: Option<String> = None;
    let mut g = Graph::new();
    let mut ids = BTreeMap::new();
    // The element being read: node id, or edge (source, target).
    let mut labels: Vec<String> = Vec::new();
    let mut data: Vec<(String, Value)> = Vec::new();
    let mut edge: Option<(String, String)> = None;
    let mut current_node: Option<String> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "key" => {
                let id = attr(&e, "id").unwrap();
                keys.insert(
                    id.clone(),
                    (
                        attr(&e, "attr.name").unwrap(),
                        attr(&e, "attr.type").unwrap(),
                        false,
                    ),
                );
                current_key = Some(id);
            }
            Event::Start(e) if e.name().as_ref() == "desc" => {
                let text = reader.read_text(e.name()).unwrap().into_inner().to_string();
                if text == newsgraph::export::graphml::LIST_DESC {
                    keys.get_mut(current_key.as_ref().unwrap()).unwrap().2 = true;
                }
            }
            Event::Start(e) if e.name().as_ref() == "node" => {
                current_node = attr(&e, "id");
                labels.clear();
                data.clear();
            }
            Event::Start(e) if e.name().as_ref() == "edge" => {
                edge = Some((attr(&e, "source").unwrap(), attr(&e, "target").unwrap()));
                labels.clear();
                data.clear();
            }
            Event::Start(e) if e.name().as_ref() == "data" => {
                let key = attr(&e, "key").unwrap();
                let raw = reader.read_text(e.name()).unwrap().into_inner().to_string();
                let text = quick_xml::escape::unescape(&raw).unwrap().to_string();
                if key == "labels" {
                    labels = text
                        .split(':')
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect();
                } else if key == "label" {
                    labels = vec![text];
                } else {
                    let (name, ty, list) = &keys[&key];
                    let v = if *list {
                        json_to_value(&serde_json::from_str(&text).unwrap())
                    } else {
                        match ty.as_str() {
                            "boolean" => Value::Bool(text.parse().unwrap()),
                            "long" | "int" => Value::Int(text.parse().unwrap()),
                            "double" | "float" => Value::Float(text.parse().unwrap()),
                            _ => Value::str(&text),
                        }
                    };
                    data.push((name.clone(), v));
                }
            }
            Event::End(e) if e.name().as_ref() == "node" => {
                let id = g.add_node(
                    labels.iter().map(String::as_str),
                    data.iter().map(|(k, v)| (k.as_str(), v.clone())),
                );
                ids.insert(current_node.take().unwrap(), id);
            }
            Event::End(e) if e.name().as_ref() == "edge" => {
                let (s, t) = edge.take().unwrap();
                g.add_rel(
                    ids[&s],
                    ids[&t],
                    &labels[0],
                    data.iter().map(|(k, v)| (k.as_str(), v.clone())),
                );
            }
            _ => {}
        }
    }
    g
}

#[test]
fn graphml_reads_back_with_an_xml_parser_into_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        let out = dir.path().join("g.graphml");
        export(&snapshot, "graphml", &out);
        let back = read_graphml(&std::fs::read_to_string(&out).unwrap());
        assert_eq!(canonical(&back, false), canonical(&g, false));
    }
}

// ------------------------------------------------------------ Python readers

/// Whether the reader of a Python package must run: NEWSGRAPH_REQUIRE_PYTHON
/// names the packages that must be there (`networkx`, `networkx,kuzu`),
/// or is `1` (or `all`) for every one. CI requires NetworkX.
fn python_required(package: &str) -> bool {
    std::env::var("NEWSGRAPH_REQUIRE_PYTHON").is_ok_and(|v| {
        v.split([',', ' '])
            .map(str::trim)
            .any(|p| matches!(p, "1" | "all" | "yes" | "true") || p.eq_ignore_ascii_case(package))
    })
}

/// Run the Python reader; `None` (and a note) when Python or the package it
/// needs is missing, unless NEWSGRAPH_REQUIRE_PYTHON names that package.
fn python(what: &str, path: &Path) -> Option<Json> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exports/read_back.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(what)
        .arg(path)
        .output();
    let package = if what == "kuzu" { "kuzu" } else { "networkx" };
    let required = python_required(package);
    match o {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).unwrap()),
        Ok(o) if o.status.code() == Some(3) && !required => {
            eprintln!("skipped the {what} reader: {}", stderr(&o).trim());
            None
        }
        Ok(o) => panic!("the {what} reader failed: {}", stderr(&o)),
        Err(e) if !required => {
            eprintln!("skipped the {what} reader: python3: {e}");
            None
        }
        Err(e) => panic!("python3: {e}"),
    }
}

/// What NetworkX should see: node and edge attributes by id, with the
/// names and value encodings of the format.
fn networkx_expected(g: &Graph, graphml: bool) -> (Vec<String>, Vec<String>) {
    let encode = |v: &Value| match v {
        Value::List(_) if graphml => Value::str(&newsgraph::output::to_json(g, v).to_string()),
        other => other.clone(),
    };
    let mut nodes: Vec<String> = g
        .nodes()
        .map(|n| {
            let mut m: BTreeMap<String, Value> = g
                .node_properties(n)
                .map(|(k, v)| (k.to_string(), encode(v)))
                .collect();
            let labels: Vec<&str> = g.labels(n).collect();
            let id = if graphml {
                m.insert(
                    "labels".into(),
                    Value::str(&labels.iter().map(|l| format!(":{l}")).collect::<String>()),
                );
                format!("n{}", n.0)
            } else {
                m.insert("labels".into(), Value::from(labels));
                n.0.to_string()
            };
            format!("{id} {m:?}")
        })
        .collect();
    let mut edges: Vec<String> = g
        .rels()
        .map(|r| {
            let (s, t) = g.rel_endpoints(r).unwrap();
            let mut m: BTreeMap<String, Value> = g
                .rel_properties(r)
                .map(|(k, v)| (k.to_string(), encode(v)))
                .collect();
            let ty = Value::str(g.rel_type(r));
            if graphml {
                m.insert("label".into(), ty);
                format!("n{} n{} e{} {m:?}", s.0, t.0, r.0)
            } else {
                m.insert("type".into(), ty);
                format!("{} {} {} {m:?}", s.0, t.0, r.0)
            }
        })
        .collect();
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

fn networkx_seen(dump: &Json) -> (Vec<String>, Vec<String>) {
    assert_eq!(dump["kind"], "MultiDiGraph");
    let attrs = |j: &Json| -> BTreeMap<String, Value> {
        j.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), json_to_value(v)))
            .collect()
    };
    let mut nodes: Vec<String> = dump["nodes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, a)| format!("{id} {:?}", attrs(a)))
        .collect();
    let mut edges: Vec<String> = dump["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {:?}",
                e[0].as_str().unwrap(),
                e[1].as_str().unwrap(),
                e[2].as_str().unwrap(),
                attrs(&e[3])
            )
        })
        .collect();
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

#[test]
fn graphml_and_node_link_json_read_back_with_networkx() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        for (format, file) in [("graphml", "g.graphml"), ("json", "g.json")] {
            let out = dir.path().join(file);
            export(&snapshot, format, &out);
            let Some(dump) = python(format, &out) else {
                return;
            };
            let (nodes, edges) = networkx_seen(&dump);
            let (want_nodes, want_edges) = networkx_expected(&g, format == "graphml");
            assert_eq!(nodes, want_nodes, "{format}");
            assert_eq!(edges, want_edges, "{format}");
        }
    }
}

/// The node-link JSON as its readers take it, read with serde: every
/// field they use is typed, the properties are the rest of each object.
#[derive(serde::Deserialize)]
struct NodeLink {
    directed: bool,
    multigraph: bool,
    nodes: Vec<NodeLinkNode>,
    edges: Vec<NodeLinkEdge>,
    links: Vec<NodeLinkEdge>,
}

#[derive(serde::Deserialize)]
struct NodeLinkNode {
    id: u32,
    labels: Vec<String>,
    #[serde(flatten)]
    properties: BTreeMap<String, Json>,
}

#[derive(serde::Deserialize, PartialEq, Debug)]
struct NodeLinkEdge {
    source: u32,
    target: u32,
    key: u32,
    #[serde(rename = "type")]
    rel_type: String,
    #[serde(flatten)]
    properties: BTreeMap<String, Json>,
}

/// A graph as sorted lines with ids: nodes by id, labels and properties,
/// relationships by id, ends, type and properties (without the properties
/// whose names the node-link fields take).
fn with_ids(g: &Graph) -> (Vec<String>, Vec<String>) {
    let mut nodes: Vec<String> = g
        .nodes()
        .map(|n| {
            let props: BTreeMap<&str, Value> = g
                .node_properties(n)
                .filter(|(k, _)| !matches!(*k, "id" | "labels"))
                .map(|(k, v)| (k, v.clone()))
                .collect();
            format!("{} {:?} {props:?}", n.0, g.labels(n).collect::<Vec<_>>())
        })
        .collect();
    let mut rels: Vec<String> = g
        .rels()
        .map(|r| {
            let (s, t) = g.rel_endpoints(r).unwrap();
            let props: BTreeMap<&str, Value> = g
                .rel_properties(r)
                .filter(|(k, _)| !matches!(*k, "source" | "target" | "key" | "type"))
                .map(|(k, v)| (k, v.clone()))
                .collect();
            format!("{} {}->{} {} {props:?}", r.0, s.0, t.0, g.rel_type(r))
        })
        .collect();
    nodes.sort();
    rels.sort();
    (nodes, rels)
}

#[test]
fn node_link_json_reads_back_with_serde_into_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        let out = dir.path().join("g.json");
        export(&snapshot, "json", &out);
        let data: NodeLink = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert!(data.directed && data.multigraph);
        assert_eq!(data.edges, data.links);
        assert_eq!(data.nodes.len(), g.node_count());
        assert_eq!(data.edges.len(), g.rel_count());
        fn props(m: &BTreeMap<String, Json>) -> BTreeMap<&str, Value> {
            m.iter()
                .map(|(k, v)| (k.as_str(), json_to_value(v)))
                .collect()
        }
        let mut nodes: Vec<String> = data
            .nodes
            .iter()
            .map(|n| format!("{} {:?} {:?}", n.id, n.labels, props(&n.properties)))
            .collect();
        let mut rels: Vec<String> = data
            .edges
            .iter()
            .map(|e| {
                format!(
                    "{} {}->{} {} {:?}",
                    e.key,
                    e.source,
                    e.target,
                    e.rel_type,
                    props(&e.properties)
                )
            })
            .collect();
        nodes.sort();
        rels.sort();
        let (want_nodes, want_rels) = with_ids(&g);
        assert_eq!(nodes, want_nodes, "{}", snapshot.display());
        assert_eq!(rels, want_rels, "{}", snapshot.display());
    }
}

#[test]
fn node_link_json_has_edges_and_links_for_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (snapshot, g) = graphs(dir.path()).remove(1);
    let out = dir.path().join("g.json");
    export(&snapshot, "json", &out);
    let v: Json = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["edges"], v["links"]);
    assert_eq!(v["edges"].as_array().unwrap().len(), g.rel_count());
    assert_eq!(
        v["nodes"][1]["labels"],
        serde_json::json!(["Mission", "Extra"])
    );
}

// ------------------------------------------------------------ Cypher

#[test]
fn the_cypher_script_loads_into_newsgraph_as_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        let out = dir.path().join("g.cypher");
        export(&snapshot, "cypher", &out);
        let script = std::fs::read_to_string(&out).unwrap();
        let mut back = Graph::new();
        for (line, stmt) in cypher::statements(&script) {
            back.query_mut(verified_query(&stmt))
                .unwrap_or_else(|e| panic!("line {line}: {}", e.render(&stmt)));
        }
        assert_eq!(canonical(&back, false), canonical(&g, false));
        assert_eq!(back.node_count(), g.node_count());
        assert_eq!(back.rel_count(), g.rel_count());
    }
}

// ------------------------------------------------------------ CSV

/// Rebuild a graph from the CSV folder with the csv crate, reading types
/// from the neo4j-admin headers.
fn read_csv_folder(dir: &Path) -> Graph {
    let typed = |cell: &str, ty: &str| -> Value {
        let scalar = |s: &str, t: &str| match t {
            "boolean" => Value::Bool(s.parse().unwrap()),
            "long" => Value::Int(s.parse().unwrap()),
            "double" => Value::Float(s.parse().unwrap()),
            _ => Value::str(s),
        };
        match ty.strip_suffix("[]") {
            Some(t) => Value::List(
                cell.split(newsgraph::export::csv::ARRAY_DELIMITER)
                    .map(|s| scalar(s, t))
                    .collect(),
            ),
            None => scalar(cell, ty),
        }
    };
    let files = |sub: &str| {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let mut g = Graph::new();
    let mut ids = BTreeMap::new();
    let mut read = |path: &Path, g: &mut Graph, nodes: bool| {
        let mut r = csv::Reader::from_path(path).unwrap();
        let header: Vec<(String, String)> = r
            .headers()
            .unwrap()
            .iter()
            .map(|h| {
                let (k, t) = h.rsplit_once(':').unwrap();
                (k.to_string(), t.to_string())
            })
            .collect();
        for rec in r.records() {
            let rec = rec.unwrap();
            let mut props = Vec::new();
            for ((k, t), cell) in header
                .iter()
                .zip(rec.iter())
                .skip(if nodes { 2 } else { 3 })
            {
                if !cell.is_empty() {
                    props.push((k.clone(), typed(cell, t)));
                }
            }
            let props = props.iter().map(|(k, v)| (k.as_str(), v.clone()));
            if nodes {
                let labels: Vec<&str> = rec[1]
                    .split(newsgraph::export::csv::ARRAY_DELIMITER)
                    .filter(|l| !l.is_empty())
                    .collect();
                let id = g.add_node(labels, props);
                ids.insert(rec[0].to_string(), id);
            } else {
                g.add_rel(ids[&rec[0]], ids[&rec[1]], &rec[2], props);
            }
        }
    };
    for f in files("nodes") {
        read(&f, &mut g, true);
    }
    for f in files("relationships") {
        read(&f, &mut g, false);
    }
    g
}

#[test]
fn csv_files_read_back_into_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        let out = dir.path().join("csv");
        export(&snapshot, "csv", &out);
        let script = std::fs::read_to_string(out.join("neo4j-import.sh")).unwrap();
        assert!(script.contains("--array-delimiter=U+001F"));
        let back = read_csv_folder(&out);
        assert_eq!(canonical(&back, true), canonical(&g, true));
        std::fs::remove_dir_all(&out).unwrap();
    }
}

#[test]
fn csv_loads_into_kuzu() {
    let dir = tempfile::tempdir().unwrap();
    for (snapshot, g) in graphs(dir.path()) {
        let out = dir.path().join("csv");
        export(&snapshot, "csv", &out);
        let Some(dump) = python("kuzu", &out) else {
            return;
        };
        let table = |labels: Vec<&str>| {
            let mut l = labels;
            l.sort();
            if l.is_empty() {
                "Node".to_string()
            } else {
                l.join("_").replace(' ', "_")
            }
        };
        let props = |it: &mut dyn Iterator<Item = (&str, &Value)>| -> BTreeMap<String, Value> {
            it.filter(|(_, v)| !matches!(v, Value::List(l) if l.is_empty()))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect()
        };
        let mut want: Vec<String> = g
            .nodes()
            .map(|n| {
                format!(
                    "{} {} {:?}",
                    table(g.labels(n).collect()),
                    n.0,
                    props(&mut g.node_properties(n))
                )
            })
            .chain(g.rels().map(|r| {
                let (s, e) = g.rel_endpoints(r).unwrap();
                format!(
                    "{} {} {} {:?}",
                    g.rel_type(r).replace(' ', "_"),
                    s.0,
                    e.0,
                    props(&mut g.rel_properties(r))
                )
            }))
            .collect();
        let to_map = |j: &Json| -> BTreeMap<String, Value> {
            j.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), json_to_value(v)))
                .collect()
        };
        let mut seen: Vec<String> = dump["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                format!(
                    "{} {} {:?}",
                    n["table"].as_str().unwrap(),
                    n["id"],
                    to_map(&n["properties"])
                )
            })
            .chain(dump["relationships"].as_array().unwrap().iter().map(|r| {
                format!(
                    "{} {} {} {:?}",
                    r["type"].as_str().unwrap(),
                    r["start"],
                    r["end"],
                    to_map(&r["properties"])
                )
            }))
            .collect();
        want.sort();
        seen.sort();
        assert_eq!(seen, want);
        std::fs::remove_dir_all(&out).unwrap();
    }
}

// ------------------------------------------------------------ errors

#[test]
fn an_unknown_format_is_a_one_line_error() {
    let o = bin()
        .args(["export", "--format", "xml", "--input"])
        .arg(seeds())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"),
        "{err}"
    );
    assert!(err.contains("json, graphml, cypher, csv"), "{err}");
}

#[test]
fn csv_needs_a_folder() {
    let o = bin()
        .args(["export", "--format", "csv", "--input"])
        .arg(seeds())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o),
        "error: --format csv writes a folder of files: name it with -o DIR\n"
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    let o = bin()
        .args(["export", "--format", "csv", "-o"])
        .arg(file.path())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).ends_with("is a file; --format csv writes a folder of files\n"));
}
