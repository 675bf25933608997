//! JSON snapshots of the graph that round-trip exactly: ids, labels,
//! types, and every property with its integer or float type.

use std::path::Path;

use petgraph::visit::{EdgeIndexable, NodeIndexable};
use serde_json::{Map as JsonMap, Value as Json, json};

use super::Graph;
use crate::value::{NodeId, Value};

/// The `format` field every snapshot carries.
const FORMAT: &str = "newsgraph-snapshot";
/// The snapshot layout version this build reads and writes.
const VERSION: i64 = 1;

/// A snapshot that could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not JSON.
    #[error("{path}: not a JSON snapshot: {source}")]
    Json {
        /// The file.
        path: String,
        /// Where the JSON broke.
        source: serde_json::Error,
    },
    /// The JSON does not have the snapshot's shape.
    #[error("{path}: {message}")]
    Shape {
        /// The file.
        path: String,
        /// What is wrong, and where.
        message: String,
    },
}

impl Graph {
    /// The graph as a JSON snapshot value.
    pub fn to_snapshot_json(&self) -> Json {
        let nodes: Vec<Json> = self
            .nodes()
            .map(|n| {
                json!({
                    "id": n.0,
                    "labels": self.labels(n).collect::<Vec<_>>(),
                    "properties": props_json(self.node_properties(n)),
                })
            })
            .collect();
        let rels: Vec<Json> = self
            .rels()
            .map(|r| {
                let (s, e) = self.rel_endpoints(r).unwrap_or((NodeId(0), NodeId(0)));
                json!({
                    "id": r.0,
                    "type": self.rel_type(r),
                    "start": s.0,
                    "end": e.0,
                    "properties": props_json(self.rel_properties(r)),
                })
            })
            .collect();
        json!({"format": FORMAT, "version": VERSION, "nodes": nodes, "relationships": rels})
    }

    /// Write the graph to `path` as a JSON snapshot.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), SnapshotError> {
        let path = path.as_ref();
        let text = serde_json::to_string_pretty(&self.to_snapshot_json()).map_err(|e| {
            SnapshotError::Json {
                path: path.display().to_string(),
                source: e,
            }
        })?;
        std::fs::write(path, text + "\n").map_err(|e| SnapshotError::Io {
            path: path.display().to_string(),
            source: e,
        })
    }

    /// Read a graph from a JSON snapshot written by [`Graph::save`].
    pub fn load(path: impl AsRef<Path>) -> Result<Graph, SnapshotError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SnapshotError::Io {
            path: name.clone(),
            source: e,
        })?;
        let json: Json = serde_json::from_str(&text).map_err(|e| SnapshotError::Json {
            path: name.clone(),
            source: e,
        })?;
        Graph::from_snapshot_json(&json).map_err(|message| SnapshotError::Shape {
            path: name,
            message,
        })
    }

    /// Rebuild a graph from a snapshot value; the error says what is wrong.
    pub fn from_snapshot_json(json: &Json) -> Result<Graph, String> {
        if json.get("format").and_then(Json::as_str) != Some(FORMAT) {
            return Err(format!(
                "not a newsgraph snapshot (no \"format\": \"{FORMAT}\")"
            ));
        }
        match json.get("version").and_then(Json::as_i64) {
            Some(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "snapshot version {v} is not supported (this build reads {VERSION})"
                ));
            }
            None => return Err("snapshot has no version".into()),
        }
        let mut g = Graph::new();
        let nodes = array(json, "nodes", "snapshot")?;
        let mut placeholders = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            let at = format!("nodes[{i}]");
            let id = uint(node, "id", &at)?;
            if (id as usize) < g.inner.node_bound() {
                return Err(format!("{at}: id {id} is out of order or repeated"));
            }
            // Ids are kept: fill the gaps a deletion left, then free them.
            while g.inner.node_bound() < id as usize {
                placeholders.push(g.add_node([], []));
            }
            let labels = array(node, "labels", &at)?
                .iter()
                .map(|l| {
                    l.as_str()
                        .ok_or_else(|| format!("{at}: a label is not a string"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let props = props_from_json(node, &at)?;
            g.add_node(labels, props.iter().map(|(k, v)| (k.as_str(), v.clone())));
        }
        let rels = array(json, "relationships", "snapshot")?;
        let mut rel_placeholders = Vec::new();
        for (i, rel) in rels.iter().enumerate() {
            let at = format!("relationships[{i}]");
            let id = uint(rel, "id", &at)?;
            if (id as usize) < g.inner.edge_bound() {
                return Err(format!("{at}: id {id} is out of order or repeated"));
            }
            let start = NodeId(uint(rel, "start", &at)?);
            let end = NodeId(uint(rel, "end", &at)?);
            for n in [start, end] {
                if !g.contains_node(n) || placeholders.contains(&n) {
                    return Err(format!("{at}: node {} does not exist", n.0));
                }
            }
            while g.inner.edge_bound() < id as usize {
                rel_placeholders.push(g.add_rel(start, end, "", []));
            }
            let rel_type = rel
                .get("type")
                .and_then(Json::as_str)
                .ok_or_else(|| format!("{at}: no \"type\""))?;
            let props = props_from_json(rel, &at)?;
            g.add_rel(
                start,
                end,
                rel_type,
                props.iter().map(|(k, v)| (k.as_str(), v.clone())),
            );
        }
        for r in rel_placeholders {
            g.delete_rel(r);
        }
        for n in placeholders {
            g.delete_node(n);
        }
        Ok(g)
    }
}

fn array<'a>(json: &'a Json, key: &str, at: &str) -> Result<&'a Vec<Json>, String> {
    json.get(key)
        .and_then(Json::as_array)
        .ok_or_else(|| format!("{at}: \"{key}\" is missing or not a list"))
}

fn uint(json: &Json, key: &str, at: &str) -> Result<u32, String> {
    json.get(key)
        .and_then(Json::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| format!("{at}: \"{key}\" is missing or not a small whole number"))
}

fn props_json<'a>(props: impl Iterator<Item = (&'a str, &'a Value)>) -> Json {
    let mut map = JsonMap::new();
    for (k, v) in props {
        map.insert(k.to_string(), value_to_json(v));
    }
    Json::Object(map)
}

fn props_from_json(json: &Json, at: &str) -> Result<Vec<(String, Value)>, String> {
    let Some(obj) = json.get("properties").and_then(Json::as_object) else {
        return Err(format!("{at}: \"properties\" is missing or not an object"));
    };
    obj.iter()
        .map(|(k, v)| {
            value_from_json(v)
                .map(|v| (k.clone(), v))
                .map_err(|e| format!("{at}.{k}: {e}"))
        })
        .collect()
}

/// A property value as JSON. Floats that JSON cannot hold (NaN, infinities)
/// are written as `{"float": "NaN"}` so nothing is lost.
pub(crate) fn value_to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => json!(i),
        Value::Float(f) if f.is_finite() => json!(f),
        Value::Float(f) => json!({"float": crate::value::format_float(*f)}),
        Value::String(s) => Json::String(s.to_string()),
        Value::List(items) => Json::Array(items.iter().map(value_to_json).collect()),
        Value::Map(m) => Json::Object(
            m.iter()
                .map(|(k, v)| (k.to_string(), value_to_json(v)))
                .collect(),
        ),
        Value::Node(n) => json!({"node": n.0}),
        Value::Rel(r) => json!({"relationship": r.0}),
        Value::Path(p) => json!({"path": {"nodes": p.nodes.iter().map(|n| n.0).collect::<Vec<_>>(),
                                           "relationships": p.rels.iter().map(|r| r.0).collect::<Vec<_>>()}}),
    }
}

fn value_from_json(j: &Json) -> Result<Value, String> {
    Ok(match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().ok_or("number out of range")?),
        },
        Json::String(s) => Value::str(s),
        Json::Array(items) => Value::List(
            items
                .iter()
                .map(value_from_json)
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(o) => match (o.len(), o.get("float").and_then(Json::as_str)) {
            (1, Some("NaN")) => Value::Float(f64::NAN),
            (1, Some("Infinity")) => Value::Float(f64::INFINITY),
            (1, Some("-Infinity")) => Value::Float(f64::NEG_INFINITY),
            _ => return Err("a property value cannot be an object".into()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_round_trip_ids_types_and_holes() {
        let mut g = Graph::new();
        let a = g.add_node(
            ["Actor"],
            [("name", Value::str("Kenya")), ("n", Value::Int(3))],
        );
        let gone = g.add_node(["X"], []);
        let b = g.add_node(
            ["Mission", "Extra"],
            [("f", Value::Float(2.0)), ("nan", Value::Float(f64::NAN))],
        );
        g.add_rel(a, b, "LEADS", [("l", Value::from(vec![1i64, 2]))]);
        g.delete_node(gone);
        let json = g.to_snapshot_json();
        let back = Graph::from_snapshot_json(&json).unwrap();
        assert_eq!(back.to_snapshot_json(), json);
        assert!(!back.contains_node(gone));
        assert_eq!(back.node_property(b, "f"), Some(&Value::Float(2.0)));
        assert_eq!(back.nodes_by_name("kenya").collect::<Vec<_>>(), vec![a]);
    }

    #[test]
    fn malformed_snapshots_say_where() {
        let bad = json!({"format": FORMAT, "version": 1, "nodes": [{"id": 0, "labels": [1], "properties": {}}], "relationships": []});
        assert_eq!(
            Graph::from_snapshot_json(&bad).unwrap_err(),
            "nodes[0]: a label is not a string"
        );
        let bad = json!({"format": FORMAT, "version": 1, "nodes": [], "relationships": [{"id": 0, "type": "T", "start": 0, "end": 1, "properties": {}}]});
        assert_eq!(
            Graph::from_snapshot_json(&bad).unwrap_err(),
            "relationships[0]: node 0 does not exist"
        );
        assert!(
            Graph::from_snapshot_json(&json!([]))
                .unwrap_err()
                .contains("not a newsgraph snapshot")
        );
    }
}
