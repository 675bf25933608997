//! newsgraph: a knowledge graph of international affairs, built from news.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod graph;
pub mod model;
pub mod query;
pub mod value;

pub use graph::Graph;
pub use query::{QueryError, QueryResult};
pub use value::Value;
