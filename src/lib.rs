//! newsgraph reads news articles and builds a knowledge graph of
//! international affairs: actors (countries, organizations, forces, groups,
//! people), the missions and resolutions they lead, back, oppose, vote on or
//! pay for, and the evidence for every fact. The graph answers a
//! Cypher-style query language and draws itself with Graphviz.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?;
//! # std::fs::write(dir.path().join("a.txt"), "Kenya leads the Multinational Security Support mission.\nChina and Russia opposed the Multinational Security Support mission.")?;
//! # let seeds = dir.path().to_str().unwrap();
//! let graph = newsgraph::Graph::from_paths([seeds])?;
//! let rows = graph.query("MATCH (a:Actor)-[:OPPOSES]->(m:Mission) RETURN a.name, m.name")?;
//! std::fs::write(dir.path().join("graph.dot"), graph.to_dot())?;
//! # assert_eq!(rows.rows.len(), 2);
//! # Ok(())
//! # }
//! ```
//!
//! The data flow (see ARCHITECTURE.md): [`input`] reads files into
//! [`extract::Document`]s; [`extract`] finds entities and facts with their
//! evidence; [`Graph::merge`] resolves entities across documents into the
//! store ([`graph`]); [`query`] parses, checks and runs queries; [`output`]
//! and [`export`] render results and graphs.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod model;
pub mod output;
pub mod query;
pub mod repl;
pub mod value;

use std::path::Path;

pub use extract::{Document, Extractor, Lexicon};
pub use graph::Graph;
pub use query::{QueryError, QueryResult};
pub use value::Value;

/// Anything that can go wrong building a graph from files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A document could not be read.
    #[error(transparent)]
    Input(#[from] input::InputError),
    /// A lexicon file could not be read.
    #[error(transparent)]
    Lexicon(#[from] extract::LexiconError),
    /// A snapshot could not be read or written.
    #[error(transparent)]
    Snapshot(#[from] graph::SnapshotError),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] QueryError),
}

impl Graph {
    /// Build a graph from files and folders of documents (.txt, .md) with
    /// the built-in lexicon.
    pub fn from_paths<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Result<Graph, Error> {
        let paths: Vec<P> = paths.into_iter().collect();
        let docs = input::read_documents(&paths)?;
        Ok(Graph::from_documents(&docs, &Extractor::new()))
    }

    /// Build a graph from documents with an extractor.
    pub fn from_documents<'d>(
        docs: impl IntoIterator<Item = &'d Document>,
        extractor: &Extractor,
    ) -> Graph {
        let mut g = Graph::new();
        for d in docs {
            g.merge(&extractor.extract(d));
        }
        g
    }

    /// The whole graph as Graphviz DOT, with a legend.
    pub fn to_dot(&self) -> String {
        export::to_dot(self, export::DotOptions::default())
    }
}
