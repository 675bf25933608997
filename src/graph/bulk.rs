//! Building a whole graph at once from records in id order, as snapshots
//! load: elements go in with their properties as they are, and the
//! indexes and adjacency lists are built in one pass at the end instead of
//! element by element through the public setters (the index by ends is
//! left for the merge to build when it first asks).

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{
    EdgeIndexable, EdgeRef, IntoEdgeReferences, IntoNodeReferences, NodeIndexable,
};

use super::{Adj, Adjacency, Graph, IdSet, NodeData, Props, RelData, Symbol, Symbols, nid, rid};
use crate::value::{NodeId, RelId, Value};

/// Past this many entries, duplicates are found with a set instead of by
/// scanning (a corrupt file may claim huge lists).
const SCAN_LIMIT: usize = 32;

/// A graph under construction from snapshot records.
///
/// Nodes and relationships come in ascending id order. A gap in the ids (a
/// deletion in the saved graph) is filled with a placeholder that is
/// removed again at the end, so ids are kept and the freed slots are
/// reused in the same order as when the graph was built element by
/// element.
#[derive(Debug)]
pub(crate) struct Bulk {
    graph: Graph,
    /// Whether each node id so far is a real node (not a placeholder).
    real: Vec<bool>,
    node_gaps: Vec<NodeIndex<u32>>,
    rel_gaps: Vec<EdgeIndex<u32>>,
    /// Indexes built while something else went on (see
    /// [`Bulk::read_rels_while_indexing_nodes`] and [`Bulk::add_rels`]).
    node_side: Option<NodeIndexes>,
    rel_side: Option<RelIndexes>,
}

/// A relationship's id, start, end and type.
pub(crate) type RelEnds = (u32, u32, u32, Symbol);

impl Bulk {
    /// An empty graph with room for about this many elements (hints only).
    pub(crate) fn with_capacity(nodes: usize, rels: usize) -> Bulk {
        let mut graph = Graph::new();
        graph.inner = StableDiGraph::with_capacity(nodes, rels);
        Bulk {
            graph,
            real: Vec::with_capacity(nodes),
            node_gaps: Vec::new(),
            rel_gaps: Vec::new(),
            node_side: None,
            rel_side: None,
        }
    }

    /// The symbol table, to intern into from elsewhere.
    pub(crate) fn symbols_mut(&mut self) -> &mut Symbols {
        &mut self.graph.symbols
    }

    /// Once every node is in: index the nodes on one thread while `read`
    /// reads the relationships on another, with the symbol table and
    /// whether each node id is a real node.
    pub(crate) fn read_rels_while_indexing_nodes<R: Send>(
        &mut self,
        read: impl FnOnce(&mut Symbols, &[bool]) -> R + Send,
    ) -> R {
        let Graph {
            inner,
            symbols,
            indexed,
            ..
        } = &mut self.graph;
        let real = &self.real;
        let (node_side, r) = rayon::join(|| node_indexes(inner, indexed), || read(symbols, real));
        self.node_side = Some(node_side);
        r
    }

    /// Add every relationship at once, ids ascending and ends real (which
    /// the caller has checked), indexing them on another thread. They come
    /// in runs, as they were decoded (in parallel), in order.
    pub(crate) fn add_rels(&mut self, ends: Vec<Vec<RelEnds>>, props: Vec<Vec<Props>>) {
        let bound = self.graph.inner.node_bound();
        let inner = &mut self.graph.inner;
        let rel_gaps = &mut self.rel_gaps;
        let ends = &ends;
        let ((), rel_side) = rayon::join(
            || {
                inner.reserve_edges(ends.iter().map(Vec::len).sum());
                for (&(id, start, end, rel_type), props) in
                    ends.iter().flatten().zip(props.into_iter().flatten())
                {
                    let (a, b) = (NodeIndex::new(start as usize), NodeIndex::new(end as usize));
                    while inner.edge_bound() < id as usize {
                        let gap = inner.add_edge(
                            a,
                            b,
                            RelData {
                                rel_type,
                                props: Props::default(),
                            },
                        );
                        rel_gaps.push(gap);
                    }
                    inner.add_edge(a, b, RelData { rel_type, props });
                }
            },
            || {
                rel_indexes(bound, || {
                    ends.iter().flatten().map(|&(id, start, end, rel_type)| {
                        (RelId(id), NodeId(start), NodeId(end), rel_type)
                    })
                })
            },
        );
        self.rel_side = Some(rel_side);
    }

    /// The symbol of a label, type or key.
    pub(crate) fn symbol(&mut self, s: &str) -> Symbol {
        self.graph.symbols.intern(s)
    }

    /// Add the node `id`, above every id added so far. Labels repeat at
    /// most once; properties behave as if set one by one (a later value of
    /// a key replaces an earlier one in its place, nulls are dropped).
    pub(crate) fn add_node(
        &mut self,
        id: u32,
        mut labels: Vec<Symbol>,
        props: Vec<(Symbol, Value)>,
    ) -> Result<(), String> {
        let at = id as usize;
        if at < self.real.len() {
            return Err(format!("id {id} is out of order or repeated"));
        }
        while self.real.len() < at {
            let gap = self.graph.inner.add_node(NodeData {
                labels: Vec::new(),
                props: Props::default(),
            });
            self.node_gaps.push(gap);
            self.real.push(false);
        }
        dedup_labels(&mut labels);
        self.graph.inner.add_node(NodeData {
            labels,
            props: Props::from_pairs(props),
        });
        self.real.push(true);
        Ok(())
    }

    /// Whether `id` may come next: it is above every relationship id so far.
    pub(crate) fn check_rel_id(&self, id: u32) -> Result<(), String> {
        if (id as usize) < self.graph.inner.edge_bound() {
            return Err(format!("id {id} is out of order or repeated"));
        }
        Ok(())
    }

    /// Whether the relationship `id` may come next from `start` to `end`:
    /// its id is above every one so far, and both nodes exist.
    pub(crate) fn check_rel(&self, id: u32, start: u32, end: u32) -> Result<(), String> {
        self.check_rel_id(id)?;
        for n in [start, end] {
            if !self.real.get(n as usize).copied().unwrap_or(false) {
                return Err(format!("node {n} does not exist"));
            }
        }
        Ok(())
    }

    /// Add the relationship `id`, above every id added so far, between two
    /// nodes already added.
    pub(crate) fn add_rel(
        &mut self,
        id: u32,
        start: u32,
        end: u32,
        rel_type: Symbol,
        props: Vec<(Symbol, Value)>,
    ) -> Result<(), String> {
        self.check_rel(id, start, end)?;
        let inner = &mut self.graph.inner;
        let (a, b) = (NodeIndex::new(start as usize), NodeIndex::new(end as usize));
        while inner.edge_bound() < id as usize {
            let gap = inner.add_edge(
                a,
                b,
                RelData {
                    rel_type,
                    props: Props::default(),
                },
            );
            self.rel_gaps.push(gap);
        }
        inner.add_edge(
            a,
            b,
            RelData {
                rel_type,
                props: Props::from_pairs(props),
            },
        );
        Ok(())
    }

    /// The finished graph: placeholders removed, indexes built.
    pub(crate) fn finish(self) -> Graph {
        let Bulk {
            mut graph,
            node_gaps,
            rel_gaps,
            node_side,
            rel_side,
            ..
        } = self;
        // Placeholders go in the order the element-by-element loader
        // deleted them, so freed ids are handed out again in the same order.
        for e in rel_gaps {
            graph.inner.remove_edge(e);
        }
        for n in node_gaps {
            graph.inner.remove_node(n);
        }
        let inner = &graph.inner;
        let (rel_side, node_side) = rayon::join(
            || {
                rel_side.unwrap_or_else(|| {
                    rel_indexes(inner.node_bound(), || {
                        inner.edge_references().map(|e| {
                            (
                                rid(e.id()),
                                nid(e.source()),
                                nid(e.target()),
                                e.weight().rel_type,
                            )
                        })
                    })
                })
            },
            || node_side.unwrap_or_else(|| node_indexes(inner, &graph.indexed)),
        );
        graph.adjacency = rel_side;
        (graph.by_label, graph.by_property, graph.by_name) = node_side;
        graph
    }
}

impl Props {
    /// Properties from pairs in the order given, as [`Props::set`] one by
    /// one on a fresh element would leave them, except that a key set to
    /// null and then to a value again keeps its first place (as a JSON
    /// object with a repeated key reads).
    pub(super) fn from_pairs(mut pairs: Vec<(Symbol, Value)>) -> Props {
        let clean = pairs.iter().all(|(_, v)| !v.is_null()) && !has_repeats(&pairs, |p| p.0);
        if !clean {
            let mut out: Vec<(Symbol, Value)> = Vec::with_capacity(pairs.len());
            let mut place: HashMap<Symbol, usize> = HashMap::new();
            for (k, v) in pairs {
                match place.get(&k) {
                    Some(&i) => out[i].1 = v,
                    None => {
                        place.insert(k, out.len());
                        out.push((k, v));
                    }
                }
            }
            out.retain(|(_, v)| !v.is_null());
            pairs = out;
        }
        Props(pairs.into_boxed_slice())
    }
}

/// Whether any two items have the same key.
fn has_repeats<T>(items: &[T], key: impl Fn(&T) -> Symbol) -> bool {
    if items.len() <= SCAN_LIMIT {
        items
            .iter()
            .enumerate()
            .any(|(i, x)| items[..i].iter().any(|y| key(y) == key(x)))
    } else {
        let mut seen = HashSet::with_capacity(items.len());
        !items.iter().all(|x| seen.insert(key(x)))
    }
}

/// Drop repeated labels, keeping the first of each.
fn dedup_labels(labels: &mut Vec<Symbol>) {
    if has_repeats(labels, |l| *l) {
        let mut seen = HashSet::with_capacity(labels.len());
        labels.retain(|l| seen.insert(*l));
    }
}

type RelIndexes = Vec<Adjacency>;

/// Adjacency lists from the relationships in ascending id order (oldest
/// first), which `rels` walks each time it is called. The index by ends
/// is left to be built when the merge first needs it.
fn rel_indexes<I>(bound: usize, rels: impl Fn() -> I) -> RelIndexes
where
    I: Iterator<Item = (RelId, NodeId, NodeId, Symbol)>,
{
    let mut out_degree = vec![0u32; bound];
    let mut in_degree = vec![0u32; bound];
    for (_, start, end, _) in rels() {
        out_degree[start.0 as usize] += 1;
        in_degree[end.0 as usize] += 1;
    }
    let mut adjacency: Vec<Adjacency> = out_degree
        .iter()
        .zip(&in_degree)
        .map(|(&o, &i)| Adjacency {
            out: Vec::with_capacity(o as usize),
            inc: Vec::with_capacity(i as usize),
        })
        .collect();
    drop((out_degree, in_degree));
    for (rel, start, end, rel_type) in rels() {
        adjacency[start.0 as usize].out.push(Adj {
            rel,
            other: end,
            rel_type,
        });
        adjacency[end.0 as usize].inc.push(Adj {
            rel,
            other: start,
            rel_type,
        });
    }
    adjacency
}

type NodeIndexes = (
    HashMap<Symbol, BTreeSet<NodeId>>,
    HashMap<u64, IdSet>,
    HashMap<u64, IdSet>,
);

/// The label, property and name indexes.
fn node_indexes(inner: &StableDiGraph<NodeData, RelData, u32>, indexed: &[Symbol]) -> NodeIndexes {
    // Labels are few and their sets large: built as sorted lists, then
    // each set at once.
    let mut by_label: HashMap<Symbol, Vec<NodeId>> = HashMap::new();
    // About a name a node, and an alias list with its elements for some.
    let n = inner.node_count();
    let mut by_property: HashMap<u64, IdSet> = HashMap::with_capacity(2 * n);
    let mut by_name: HashMap<u64, IdSet> = HashMap::with_capacity(n);
    // Nodes come in ascending id order, so every insertion is at the end
    // of its set.
    for (ix, node) in inner.node_references() {
        let id = nid(ix);
        for l in &node.labels {
            by_label.entry(*l).or_default().push(id);
        }
        for &key in indexed {
            let Some(value) = node.props.get(key) else {
                continue;
            };
            for k in super::index_keys_of(key, value) {
                by_property.entry(k).or_default().insert(id);
            }
            for name in super::names_in(value) {
                by_name.entry(name).or_default().insert(id);
            }
        }
    }
    let by_label = by_label
        .into_iter()
        .map(|(l, ids)| (l, ids.into_iter().collect()))
        .collect();
    (by_label, by_property, by_name)
}
