//! The query language: parse (pest), check and compile, run.
//!
//! ```
//! use newsgraph::Graph;
//! let mut g = Graph::new();
//! g.query_mut("CREATE (:Actor {name: 'Kenya'})-[:LEADS]->(:Mission {name: 'MSS'})").unwrap();
//! let r = g.query("MATCH (a:Actor)-[:LEADS]->(m) RETURN a.name AS leader, m.name AS mission").unwrap();
//! assert_eq!(r.columns, ["leader", "mission"]);
//! assert_eq!(r.rows[0][0].as_str(), Some("Kenya"));
//! ```

pub mod ast;
pub mod error;
pub mod exec;
pub mod functions;
pub mod parser;
pub mod plan;

pub use error::{ErrorClass, Phase, QueryError};
pub use exec::{Limits, Params, WriteStats};

use crate::graph::Graph;
use crate::value::Value;

/// Stack left when a recursive step of the parser, compiler or evaluator
/// moves on to a fresh segment (more than any one step uses, debug builds
/// included).
const RED_ZONE: usize = 256 * 1024;
/// Size of each fresh stack segment.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Run one recursive step, on a fresh stack segment when the current one
/// runs low: nesting, long clause chains and deep variable-length paths
/// then cost heap, not a stack overflow, whatever thread runs the query.
#[inline]
pub(crate) fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, f)
}

/// The result of a query.
#[derive(Debug, Clone, Default)]
pub struct QueryResult {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// Rows, one value per column.
    pub rows: Vec<Vec<Value>>,
    /// What the query changed (all zero for a read).
    pub stats: WriteStats,
}

/// A parsed and checked query, ready to run any number of times.
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    text: String,
    compiled: plan::CompiledQuery,
}

impl PreparedQuery {
    /// Parse and check a query.
    pub fn new(text: &str) -> Result<PreparedQuery, QueryError> {
        let ast = parser::parse(text)?;
        let compiled = plan::compile(&ast)?;
        Ok(PreparedQuery {
            text: text.to_string(),
            compiled,
        })
    }

    /// The query text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether running the query changes the graph.
    pub fn writes(&self) -> bool {
        self.compiled.writes
    }

    /// The output columns.
    pub fn columns(&self) -> &[String] {
        self.compiled.columns()
    }

    /// Run a read-only query.
    pub fn run(
        &self,
        graph: &Graph,
        params: &Params,
        limits: &Limits,
    ) -> Result<QueryResult, QueryError> {
        if self.compiled.writes {
            return Err(QueryError::compile(
                ErrorClass::SemanticError,
                "ReadOnly",
                "this query changes the graph; run it in write mode (query_mut, --write)",
            ));
        }
        let out = exec::run_read(graph, &self.compiled, params, limits)?;
        Ok(QueryResult {
            columns: out.columns,
            rows: out.rows,
            stats: out.stats,
        })
    }

    /// Run a query that may change the graph. On error the graph may hold
    /// part of the changes; callers that need all-or-nothing run on a copy.
    pub fn run_mut(
        &self,
        graph: &mut Graph,
        params: &Params,
        limits: &Limits,
    ) -> Result<QueryResult, QueryError> {
        let out = if self.compiled.writes {
            exec::run_write(graph, &self.compiled, params, limits)?
        } else {
            exec::run_read(graph, &self.compiled, params, limits)?
        };
        Ok(QueryResult {
            columns: out.columns,
            rows: out.rows,
            stats: out.stats,
        })
    }
}

impl Graph {
    /// Run a read-only query.
    pub fn query(&self, text: &str) -> Result<QueryResult, QueryError> {
        self.query_with_params(text, &Params::new())
    }

    /// Run a read-only query with parameters (`$name`).
    pub fn query_with_params(
        &self,
        text: &str,
        params: &Params,
    ) -> Result<QueryResult, QueryError> {
        PreparedQuery::new(text)?.run(self, params, &Limits::default())
    }

    /// Run a query that may change the graph (CREATE, MERGE, SET, REMOVE,
    /// DELETE). The changes are all made, or, on error, none: the query
    /// runs on a copy that replaces the graph when it succeeds.
    pub fn query_mut(&mut self, text: &str) -> Result<QueryResult, QueryError> {
        self.query_mut_with_params(text, &Params::new())
    }

    /// [`Graph::query_mut`] with parameters.
    pub fn query_mut_with_params(
        &mut self,
        text: &str,
        params: &Params,
    ) -> Result<QueryResult, QueryError> {
        let q = PreparedQuery::new(text)?;
        if !q.writes() {
            return q.run(self, params, &Limits::default());
        }
        let mut copy = self.clone();
        let result = q.run_mut(&mut copy, params, &Limits::default())?;
        *self = copy;
        Ok(result)
    }
}
