//! Typed query results for embedding programs: graph elements resolved to their labels, types and properties.
//!
//! A [`QueryResult`] holds values as the engine computes them, with nodes,
//! relationships and paths as ids into the graph. [`QueryResult::resolve`]
//! turns it into a [`Table`] of [`Item`]s that stand on their own: a node
//! carries its labels and properties, a relationship its type, ends and
//! properties, a path its nodes and relationships. Every type serializes
//! with serde.
//!
//! ```
//! use newsgraph::{Graph, Item};
//! let mut g = Graph::new();
//! g.query_mut("CREATE (:Actor {name: 'Kenya'})-[:LEADS {since: 2024}]->(:Mission {name: 'MSS'})").unwrap();
//! let table = g
//!     .query("MATCH p = (a:Actor)-[r]->(m) RETURN a, r, p, [a.name, m.name] AS names, {n: 1} AS map")
//!     .unwrap()
//!     .resolve(&g);
//! let row = &table.rows[0];
//! let a = row[table.column("a").unwrap()].as_node().unwrap();
//! assert_eq!(a.labels, ["Actor"]);
//! assert_eq!(a.property("name").and_then(Item::as_str), Some("Kenya"));
//! let r = table.get(0, "r").and_then(Item::as_relationship).unwrap();
//! assert_eq!((r.rel_type.as_str(), r.start, r.end), ("LEADS", a.id, table.get(0, "p").unwrap().as_path().unwrap().nodes[1].id));
//! assert_eq!(r.property("since").and_then(Item::as_int), Some(2024));
//! assert_eq!(table.get(0, "names").and_then(Item::as_list).map(|l| l.len()), Some(2));
//! assert_eq!(table.get(0, "map").and_then(Item::as_map).and_then(|m| m["n"].as_int()), Some(1));
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::Graph;
use crate::query::QueryResult;
use crate::value::{NodeId, RelId, Value};

/// A node with its labels and properties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The node's id in the graph it came from.
    pub id: NodeId,
    /// Its labels, sorted.
    pub labels: Vec<String>,
    /// Its properties, by key.
    pub properties: BTreeMap<String, Item>,
}

impl Node {
    /// A property, if the node has it.
    pub fn property(&self, key: &str) -> Option<&Item> {
        self.properties.get(key)
    }

    /// Whether the node has a label.
    pub fn has_label(&self, label: &str) -> bool {
        self.labels.iter().any(|l| l == label)
    }
}

/// A relationship with its type, ends and properties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relationship {
    /// The relationship's id in the graph it came from.
    pub id: RelId,
    /// Its type, such as `SUPPORTS`.
    #[serde(rename = "type")]
    pub rel_type: String,
    /// The node it starts at.
    pub start: NodeId,
    /// The node it ends at.
    pub end: NodeId,
    /// Its properties, by key.
    pub properties: BTreeMap<String, Item>,
}

impl Relationship {
    /// A property, if the relationship has it.
    pub fn property(&self, key: &str) -> Option<&Item> {
        self.properties.get(key)
    }
}

/// A path: its nodes in walking order and the relationships between them
/// (`nodes.len() == relationships.len() + 1`). A relationship may point
/// against the walking direction; its `start` and `end` say which way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Path {
    /// The nodes along the path.
    pub nodes: Vec<Node>,
    /// The relationships between consecutive nodes.
    pub relationships: Vec<Relationship>,
}

/// One value of a resolved result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Item {
    /// The absent value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// A list.
    List(Vec<Item>),
    /// A map, by key.
    Map(BTreeMap<String, Item>),
    /// A node.
    Node(Node),
    /// A relationship.
    Relationship(Relationship),
    /// A path.
    Path(Path),
}

impl Item {
    /// Resolve a value against the graph it came from. A node or
    /// relationship deleted since reads as `Null`.
    pub fn resolve(graph: &Graph, value: &Value) -> Item {
        match value {
            Value::Null => Item::Null,
            Value::Bool(b) => Item::Bool(*b),
            Value::Int(i) => Item::Int(*i),
            Value::Float(f) => Item::Float(*f),
            Value::String(s) => Item::String(s.to_string()),
            Value::List(items) => {
                Item::List(items.iter().map(|v| Item::resolve(graph, v)).collect())
            }
            Value::Map(m) => Item::Map(
                m.iter()
                    .map(|(k, v)| (k.to_string(), Item::resolve(graph, v)))
                    .collect(),
            ),
            Value::Node(n) => node(graph, *n).map_or(Item::Null, Item::Node),
            Value::Rel(r) => relationship(graph, *r).map_or(Item::Null, Item::Relationship),
            Value::Path(p) => {
                let nodes = p.nodes.iter().map(|&n| node(graph, n)).collect();
                let rels = p.rels.iter().map(|&r| relationship(graph, r)).collect();
                match (nodes, rels) {
                    (Some(nodes), Some(relationships)) => Item::Path(Path {
                        nodes,
                        relationships,
                    }),
                    _ => Item::Null,
                }
            }
        }
    }

    /// Whether this is `Null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Item::Null)
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Item::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Item::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The number as a float, if this is an integer or a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Item::Int(i) => Some(*i as f64),
            Item::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Item::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if this is a list.
    pub fn as_list(&self) -> Option<&[Item]> {
        match self {
            Item::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, if this is a map.
    pub fn as_map(&self) -> Option<&BTreeMap<String, Item>> {
        match self {
            Item::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The node, if this is one.
    pub fn as_node(&self) -> Option<&Node> {
        match self {
            Item::Node(n) => Some(n),
            _ => None,
        }
    }

    /// The relationship, if this is one.
    pub fn as_relationship(&self) -> Option<&Relationship> {
        match self {
            Item::Relationship(r) => Some(r),
            _ => None,
        }
    }

    /// The path, if this is one.
    pub fn as_path(&self) -> Option<&Path> {
        match self {
            Item::Path(p) => Some(p),
            _ => None,
        }
    }
}

fn properties<'a>(
    graph: &Graph,
    props: impl Iterator<Item = (&'a str, &'a Value)>,
) -> BTreeMap<String, Item> {
    props
        .map(|(k, v)| (k.to_string(), Item::resolve(graph, v)))
        .collect()
}

fn node(graph: &Graph, id: NodeId) -> Option<Node> {
    if !graph.contains_node(id) {
        return None;
    }
    let mut labels: Vec<String> = graph.labels(id).map(str::to_string).collect();
    labels.sort();
    Some(Node {
        id,
        labels,
        properties: properties(graph, graph.node_properties(id)),
    })
}

fn relationship(graph: &Graph, id: RelId) -> Option<Relationship> {
    let (start, end) = graph.rel_endpoints(id)?;
    Some(Relationship {
        id,
        rel_type: graph.rel_type(id).to_string(),
        start,
        end,
        properties: properties(graph, graph.rel_properties(id)),
    })
}

/// A query result with every value resolved: column names and rows of
/// [`Item`]s.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// Rows, one item per column.
    pub rows: Vec<Vec<Item>>,
}

impl Table {
    /// The position of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The item in a row under a column name.
    pub fn get(&self, row: usize, column: &str) -> Option<&Item> {
        self.rows.get(row)?.get(self.column(column)?)
    }

    /// Each row as a map from column name to item.
    pub fn records(&self) -> impl Iterator<Item = BTreeMap<&str, &Item>> + '_ {
        self.rows
            .iter()
            .map(|row| self.columns.iter().map(String::as_str).zip(row).collect())
    }
}

impl QueryResult {
    /// The result with nodes, relationships and paths resolved against the
    /// graph the query ran on.
    pub fn resolve(&self, graph: &Graph) -> Table {
        Table {
            columns: self.columns.clone(),
            rows: self
                .rows
                .iter()
                .map(|row| row.iter().map(|v| Item::resolve(graph, v)).collect())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleted_elements_resolve_to_null_and_items_serialize_plainly() {
        let mut g = Graph::new();
        let a = g.add_node(["Actor"], [("name", Value::str("Kenya"))]);
        let table = QueryResult {
            columns: vec!["a".into(), "gone".into()],
            rows: vec![vec![Value::Node(a), Value::Node(NodeId(99))]],
            ..Default::default()
        }
        .resolve(&g);
        assert!(table.get(0, "gone").unwrap().is_null());
        assert_eq!(
            serde_json::to_value(&table.rows[0][0]).unwrap(),
            serde_json::json!({"id": a.0, "labels": ["Actor"], "properties": {"name": "Kenya"}})
        );
        let rec: Vec<_> = table.records().collect();
        assert_eq!(
            rec[0]["a"].as_node().unwrap().property("name"),
            Some(&Item::String("Kenya".into()))
        );
    }
}
