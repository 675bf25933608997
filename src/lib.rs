#![doc = include_str!("../README.md")]
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
