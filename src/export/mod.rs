//! Exports of the graph in the formats other tools read.

pub mod dot;
pub mod json;

pub use dot::{DotOptions, result_to_dot, to_dot};
