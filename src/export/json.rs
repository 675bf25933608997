//! JSON node-link export, the shape NetworkX (`node_link_graph`) and d3 read.
//!
//! NetworkX reads relationships from `edges` since 3.4 (and from `links`
//! before); d3's force layouts read `links`. The file carries the same array
//! under both names, so `nx.node_link_graph(data)` and `data.links` work
//! whatever the version. Node ids are the graph's ids; `key` is the
//! relationship id, which NetworkX uses as the multigraph key. A property
//! named like one of these fields (`id`, `labels`; `source`, `target`,
//! `key`, `type`) is left out.

use serde_json::{Map as JsonMap, Value as Json, json};

use crate::graph::Graph;
use crate::graph::value_to_json;

/// The graph as node-link JSON: `nodes` with `id`, `labels` and their
/// properties, `edges` (and the same as `links`) with `source`, `target`,
/// `key`, `type` and theirs.
pub fn node_link(graph: &Graph) -> Json {
    let nodes: Vec<Json> = graph
        .nodes()
        .map(|n| {
            let mut obj = JsonMap::new();
            obj.insert("id".into(), json!(n.0));
            obj.insert("labels".into(), json!(graph.labels(n).collect::<Vec<_>>()));
            for (k, v) in graph.node_properties(n) {
                if k != "id" && k != "labels" {
                    obj.insert(k.to_string(), value_to_json(v));
                }
            }
            Json::Object(obj)
        })
        .collect();
    let links: Vec<Json> = graph
        .rels()
        .filter_map(|r| {
            let (s, t) = graph.rel_endpoints(r)?;
            let mut obj = JsonMap::new();
            obj.insert("source".into(), json!(s.0));
            obj.insert("target".into(), json!(t.0));
            obj.insert("key".into(), json!(r.0));
            obj.insert("type".into(), json!(graph.rel_type(r)));
            for (k, v) in graph.rel_properties(r) {
                if !matches!(k, "source" | "target" | "key" | "type") {
                    obj.insert(k.to_string(), value_to_json(v));
                }
            }
            Some(Json::Object(obj))
        })
        .collect();
    json!({"directed": true, "multigraph": true, "graph": {"name": "newsgraph"}, "nodes": nodes, "edges": links.clone(), "links": links})
}
