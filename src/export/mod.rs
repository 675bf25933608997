//! Exports of the graph in the formats other tools read: DOT, node-link JSON, GraphML, Cypher and CSV.

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod graphml;
pub mod json;

pub use csv::{to_csv_files, write_csv};
pub use cypher::to_cypher;
pub use dot::{DotOptions, result_to_dot, to_dot, try_result_to_dot};
pub use graphml::to_graphml;
pub use json::node_link;
