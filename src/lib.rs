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
pub mod result;
pub mod synth;
pub mod value;

use std::borrow::Borrow;
use std::path::Path;

use rayon::prelude::*;

pub use export::DotOptions;
pub use extract::{Document, Extractor, Lexicon};
pub use graph::Graph;
pub use query::{Params, QueryError, QueryResult};
pub use result::{Item, Node, Relationship, Table};
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

/// How many documents are extracted together before their facts are merged.
const BATCH_PER_THREAD: usize = 16;

impl Graph {
    /// Build a graph from files and folders of documents (.txt, .md, .html,
    /// .jsonl) with the built-in lexicon. Records of .jsonl files that
    /// cannot be read are skipped; [`input::read_all`] lists them.
    pub fn from_paths<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Result<Graph, Error> {
        Graph::from_paths_with(paths, &Extractor::new())
    }

    /// Build a graph from files and folders of documents with an extractor,
    /// for instance one with extra lexicons:
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?;
    /// # let lexicon = dir.path().join("freedonia.toml");
    /// # std::fs::write(&lexicon, "[[actor]]\nname = \"Freedonia\"\nkind = \"country\"\n")?;
    /// use newsgraph::{Extractor, Graph, Lexicon};
    /// let extractor = Extractor::with_lexicon(Lexicon::with_user_files(&[lexicon])?);
    /// let graph = Graph::from_paths_with(["seeds"], &extractor)?;
    /// assert!(graph.node_count() > 0);
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_paths_with<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
        extractor: &Extractor,
    ) -> Result<Graph, Error> {
        let paths: Vec<P> = paths.into_iter().collect();
        let read = input::read_all(&paths)?;
        Ok(Graph::from_documents(read.documents, extractor))
    }

    /// Build a graph from documents (owned or borrowed) with an extractor.
    ///
    /// ```
    /// use newsgraph::{Document, Extractor, Graph};
    /// let docs = [Document::new("a.txt", "Kenya leads the Multinational Security Support mission in Haiti.")];
    /// let graph = Graph::from_documents(&docs, &Extractor::new());
    /// let rows = graph.query("MATCH (a)-[:LEADS]->(m) RETURN a.name").unwrap();
    /// assert_eq!(rows.rows[0][0].as_str(), Some("Kenya"));
    /// ```
    pub fn from_documents<I>(docs: I, extractor: &Extractor) -> Graph
    where
        I: IntoIterator,
        I::Item: Borrow<Document> + Send + Sync,
    {
        let mut g = Graph::new();
        g.add_documents(docs, extractor, |_| {});
        g
    }

    /// Extract documents and merge their facts into this graph, calling
    /// `progress` after each document is merged. Extraction runs on every
    /// core (rayon, over documents); the merge follows the documents'
    /// order, so the graph is the same as when they are added one by one.
    pub fn add_documents<I>(
        &mut self,
        docs: I,
        extractor: &Extractor,
        mut progress: impl FnMut(&Document),
    ) where
        I: IntoIterator,
        I::Item: Borrow<Document> + Send + Sync,
    {
        let size = rayon::current_num_threads().max(1) * BATCH_PER_THREAD;
        let mut docs = docs.into_iter();
        let mut take = || docs.by_ref().take(size).collect::<Vec<_>>();
        let extract = |batch: &[I::Item]| {
            batch
                .par_iter()
                .map(|d| extractor.extract(d.borrow()))
                .collect::<Vec<_>>()
        };
        let mut batch = take();
        let mut facts = extract(&batch);
        // The merge is sequential: while it folds one batch into the
        // graph, the next batch is extracted on the other cores.
        while !batch.is_empty() {
            let next = take();
            let next_facts = std::thread::scope(|s| {
                let ahead = (!next.is_empty()).then(|| s.spawn(|| extract(&next)));
                for (doc, facts) in batch.iter().zip(&facts) {
                    self.merge(facts);
                    progress(doc.borrow());
                }
                ahead.map_or_else(Vec::new, |h| {
                    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
                })
            });
            batch = next;
            facts = next_facts;
        }
    }

    /// The whole graph as Graphviz DOT, with a legend.
    pub fn to_dot(&self) -> String {
        export::to_dot(self, DotOptions::default())
    }

    /// The whole graph as Graphviz DOT, with or without the legend and the
    /// documents:
    ///
    /// ```
    /// use newsgraph::{DotOptions, Graph};
    /// let mut g = Graph::new();
    /// g.query_mut("CREATE (:Actor {name: 'Kenya'})").unwrap();
    /// let dot = g.to_dot_with(DotOptions { legend: false, documents: true });
    /// assert!(dot.contains("Kenya") && !dot.contains("legend"));
    /// ```
    pub fn to_dot_with(&self, options: DotOptions) -> String {
        export::to_dot(self, options)
    }
}
