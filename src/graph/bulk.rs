//! Building a whole graph at once from records in id order, as snapshots
//! load: elements go in with their properties as they are, and the
//! indexes and adjacency lists are built apart from the records instead of
//! element by element through the public setters (the index by ends is
//! left for the merge to build when it first asks).
//!
//! The indexes are built from keys gathered while the records are read
//! (when each node's properties are still in the cache), and each hash
//! table is filled in the order of its own buckets, so that building it
//! walks its memory once from end to end instead of touching a random
//! place per entry.

use std::collections::BTreeSet;
use std::hash::BuildHasher;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::{
    Adj, AdjList, Adjacencies, Adjacency, Graph, IdSet, NodeData, Props, RelData, Symbol, Symbols,
    rid,
};
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
    /// Which node ids so far are real nodes (not placeholders).
    real: NodeSet,
    node_gaps: Vec<NodeIndex<u32>>,
    rel_gaps: Vec<EdgeIndex<u32>>,
    /// What the node indexes will hold, in runs of nodes in id order.
    keys: Vec<NodeKeys>,
    /// The node indexes, when built while something else went on (see
    /// [`Bulk::read_rels_while_indexing_nodes`]).
    node_side: Option<NodeIndexes>,
}

/// Which node ids are real nodes (not placeholders), a bit each: small
/// enough to stay in the cache while relationships are checked against it
/// in random order.
#[derive(Debug, Default)]
pub(crate) struct NodeSet {
    bits: Vec<u64>,
    len: usize,
}

impl NodeSet {
    /// Node ids so far.
    fn len(&self) -> usize {
        self.len
    }

    /// The next node id, real or not.
    fn push(&mut self, real: bool) {
        if self.len.is_multiple_of(64) {
            self.bits.push(0);
        }
        if real && let Some(w) = self.bits.last_mut() {
            *w |= 1 << (self.len % 64);
        }
        self.len += 1;
    }

    /// Whether node `id` is real.
    pub(crate) fn contains(&self, id: u32) -> bool {
        let id = id as usize;
        self.bits
            .get(id / 64)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }
}

/// A relationship's id, start, end and type.
pub(crate) type RelEnds = (u32, u32, u32, Symbol);

/// Where relationships go as they are read: into the graph, runs of them
/// in id order.
pub(crate) struct RelSink<'g> {
    inner: &'g mut StableDiGraph<NodeData, RelData, u32>,
    gaps: &'g mut Vec<EdgeIndex<u32>>,
}

impl RelSink<'_> {
    /// Add a run of relationships, ids ascending and above every id added
    /// so far, ends real (which the caller has checked).
    pub(crate) fn add(&mut self, ends: Vec<RelEnds>, props: Vec<Props>) {
        self.inner.reserve_edges(ends.len());
        for (&(id, start, end, rel_type), props) in ends.iter().zip(props) {
            add_edge_at(self.inner, self.gaps, (id, start, end, rel_type), props);
        }
    }
}

/// Add the relationship `id` from `start` to `end`, filling the ids below
/// it that no relationship has with placeholders (listed in `gaps`, to be
/// removed at the end).
fn add_edge_at(
    inner: &mut StableDiGraph<NodeData, RelData, u32>,
    gaps: &mut Vec<EdgeIndex<u32>>,
    (id, start, end, rel_type): RelEnds,
    props: Props,
) {
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
        gaps.push(gap);
    }
    inner.add_edge(a, b, RelData { rel_type, props });
}

/// The entries a run of nodes adds to the label, property and name
/// indexes, gathered as the nodes are read.
#[derive(Debug, Default)]
pub(crate) struct NodeKeys {
    labels: Vec<(Symbol, NodeId)>,
    /// [`super::property_hash`] of each indexed value and list element.
    props: Vec<(u64, NodeId)>,
    /// [`super::name_hash`] of each normalized name and alias.
    names: Vec<(u64, NodeId)>,
}

impl NodeKeys {
    /// Room for about `nodes` nodes.
    pub(crate) fn with_capacity(nodes: usize) -> NodeKeys {
        NodeKeys {
            labels: Vec::with_capacity(nodes),
            props: Vec::with_capacity(nodes),
            names: Vec::with_capacity(nodes),
        }
    }

    /// The keys of node `id`, whose properties the keys in `indexed` are
    /// indexed.
    pub(crate) fn add(&mut self, id: NodeId, node: &NodeData, indexed: &[Symbol]) {
        for l in &node.labels {
            self.labels.push((*l, id));
        }
        for &key in indexed {
            let Some(value) = node.props.get(key) else {
                continue;
            };
            for k in super::index_keys_of(key, value) {
                self.props.push((k, id));
            }
            for name in super::names_in(value) {
                self.names.push((name, id));
            }
        }
    }
}

impl NodeData {
    /// A node from its record: labels repeat at most once; properties
    /// behave as if set one by one (see [`Props::from_pairs`]).
    pub(crate) fn from_record(mut labels: Vec<Symbol>, props: Vec<(Symbol, Value)>) -> NodeData {
        dedup_labels(&mut labels);
        NodeData {
            labels,
            props: Props::from_pairs(props),
        }
    }
}

impl Bulk {
    /// An empty graph with room for about this many elements (hints only).
    pub(crate) fn with_capacity(nodes: usize, rels: usize) -> Bulk {
        let mut graph = Graph::new();
        graph.inner = StableDiGraph::with_capacity(nodes, rels);
        Bulk {
            graph,
            real: NodeSet::default(),
            node_gaps: Vec::new(),
            rel_gaps: Vec::new(),
            keys: Vec::new(),
            node_side: None,
        }
    }

    /// The symbol table, to intern into from elsewhere.
    pub(crate) fn symbols_mut(&mut self) -> &mut Symbols {
        &mut self.graph.symbols
    }

    /// The property keys whose values are indexed (see [`NodeKeys::add`]).
    pub(crate) fn indexed(&self) -> &[Symbol] {
        &self.graph.indexed
    }

    /// Once every node is in: index the nodes while `read` reads the
    /// relationships, with the symbol table, which node ids are real
    /// nodes, and where to put the relationships as they are read.
    pub(crate) fn read_rels_while_indexing_nodes<R: Send>(
        &mut self,
        read: impl FnOnce(&mut Symbols, &NodeSet, &mut RelSink) -> R + Send,
    ) -> R {
        let keys = std::mem::take(&mut self.keys);
        let Graph { inner, symbols, .. } = &mut self.graph;
        let mut sink = RelSink {
            inner,
            gaps: &mut self.rel_gaps,
        };
        let real = &self.real;
        let (node_side, r) = rayon::join(|| node_indexes(keys), || read(symbols, real, &mut sink));
        self.node_side = Some(node_side);
        r
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
        labels: Vec<Symbol>,
        props: Vec<(Symbol, Value)>,
    ) -> Result<(), String> {
        let node = NodeData::from_record(labels, props);
        if self.keys.is_empty() {
            self.keys.push(NodeKeys::default());
        }
        let keys = self.keys.last_mut().expect("a run was just made");
        keys.add(NodeId(id), &node, &self.graph.indexed);
        self.put_node(id, node)
    }

    /// Add a run of nodes, ids ascending and above every id added so far,
    /// with their index keys (see [`NodeKeys::add`]). On an error, the
    /// position in the run of the node at fault.
    pub(crate) fn add_nodes(
        &mut self,
        ids: Vec<u32>,
        nodes: Vec<NodeData>,
        keys: NodeKeys,
    ) -> Result<(), (usize, String)> {
        self.keys.push(keys);
        for (i, (id, node)) in ids.into_iter().zip(nodes).enumerate() {
            self.put_node(id, node).map_err(|e| (i, e))?;
        }
        Ok(())
    }

    fn put_node(&mut self, id: u32, node: NodeData) -> Result<(), String> {
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
        self.graph.inner.add_node(node);
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
            if !self.real.contains(n) {
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
        add_edge_at(
            &mut self.graph.inner,
            &mut self.rel_gaps,
            (id, start, end, rel_type),
            Props::from_pairs(props),
        );
        Ok(())
    }

    /// The finished graph: placeholders removed, indexes built.
    pub(crate) fn finish(self) -> Graph {
        let Bulk {
            mut graph,
            node_gaps,
            rel_gaps,
            keys,
            node_side,
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
        let (adjacency, node_side) = rayon::join(
            || {
                // The ends in id order, from petgraph's array of
                // relationships read once from end to end.
                let ends: Vec<RelEnds> = inner
                    .edge_references()
                    .map(|e| {
                        let (start, end) = (e.source().index(), e.target().index());
                        (rid(e.id()).0, start as u32, end as u32, e.weight().rel_type)
                    })
                    .collect();
                rel_indexes(inner.node_bound(), &ends)
            },
            || node_side.unwrap_or_else(|| node_indexes(keys)),
        );
        graph.adjacency = adjacency;
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

type RelIndexes = Adjacencies;

/// Adjacency lists from the relationships in ascending id order (oldest
/// first): the outgoing and the incoming arrays are built at once, on two
/// threads. The index by ends is left to be built when the merge first
/// needs it.
fn rel_indexes(bound: usize, ends: &[RelEnds]) -> RelIndexes {
    let ((out_starts, out), (inc_starts, inc)) = rayon::join(
        || adj_array(bound, ends, true),
        || adj_array(bound, ends, false),
    );
    let loaded = |starts: &[u32], i: usize| AdjList::Loaded {
        start: starts[i],
        len: starts[i + 1] - starts[i],
    };
    let nodes = (0..bound)
        .map(|i| Adjacency {
            out: loaded(&out_starts, i),
            inc: loaded(&inc_starts, i),
        })
        .collect();
    Adjacencies { nodes, out, inc }
}

/// Every node's outgoing (`out`) or incoming relationships in one array,
/// each node's after the one before's, and where each node's start (with
/// the end of the last): the relationships are counted by node, then each
/// put in its node's place. Both passes read the relationships in order,
/// and their random reads go to an array of a number per node, small
/// enough to stay in the cache, rather than to a list per node; nothing is
/// allocated per node. (Dealing the relationships to buckets of nodes
/// first, to write the array a bucket at a time, was slower: the buckets
/// are as large as the array, and fresh memory costs more here than
/// writing to random places in it.)
fn adj_array(bound: usize, ends: &[RelEnds], out: bool) -> (Vec<u32>, Vec<Adj>) {
    let at = |&(_, start, end, _): &RelEnds| (if out { start } else { end }) as usize;
    let mut starts = vec![0u32; bound + 1];
    for r in ends {
        starts[at(r) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let blank = Adj {
        rel: RelId(0),
        other: NodeId(0),
        rel_type: Symbol(0),
    };
    let mut array = vec![blank; ends.len()];
    for &(id, start, end, rel_type) in ends {
        let (here, other) = if out { (start, end) } else { (end, start) };
        let slot = &mut next[here as usize];
        array[*slot as usize] = Adj {
            rel: RelId(id),
            other: NodeId(other),
            rel_type,
        };
        *slot += 1;
    }
    (starts, array)
}

type NodeIndexes = (
    HashMap<Symbol, BTreeSet<NodeId>>,
    HashMap<u64, IdSet>,
    HashMap<u64, IdSet>,
);

/// The label, property and name indexes from the keys of every node, in
/// runs in id order; the three are built at once.
fn node_indexes(runs: Vec<NodeKeys>) -> NodeIndexes {
    let mut labels = Vec::with_capacity(runs.len());
    let mut props = Vec::with_capacity(runs.len());
    let mut names = Vec::with_capacity(runs.len());
    for r in runs {
        labels.push(r.labels);
        props.push(r.props);
        names.push(r.names);
    }
    let ((by_label, by_property), by_name) = rayon::join(
        || rayon::join(|| label_index(labels), || id_sets(props)),
        || id_sets(names),
    );
    (by_label, by_property, by_name)
}

/// The label index: labels are few and their sets large, so each set is
/// built at once from its ids, ascending.
fn label_index(runs: Vec<Vec<(Symbol, NodeId)>>) -> HashMap<Symbol, BTreeSet<NodeId>> {
    let mut by_label: HashMap<Symbol, Vec<NodeId>> = HashMap::new();
    for (l, id) in runs.into_iter().flatten() {
        by_label.entry(l).or_default().push(id);
    }
    by_label
        .into_iter()
        .map(|(l, ids)| (l, ids.into_iter().collect()))
        .collect()
}

/// Bits sorted on per pass of [`radix_sort`]: few enough that the places
/// its passes write to stay in the cache.
const RADIX_BITS: u32 = 11;

/// `items` sorted by the low `bits` bits of `key`, stably: a radix sort,
/// [`RADIX_BITS`] bits a pass.
pub(super) fn radix_sort<T: Copy>(mut items: Vec<T>, bits: u32, key: impl Fn(&T) -> u32) -> Vec<T> {
    if items.len() < 2 {
        return items;
    }
    let mut spare = items.clone();
    let mut shift = 0;
    while shift < bits {
        let digit = |t: &T| ((key(t) >> shift) & ((1 << RADIX_BITS) - 1)) as usize;
        let mut start = vec![0usize; 1 << RADIX_BITS];
        for t in &items {
            start[digit(t)] += 1;
        }
        let mut at = 0;
        for s in &mut start {
            (*s, at) = (at, at + *s);
        }
        for t in &items {
            let d = digit(t);
            spare[start[d]] = *t;
            start[d] += 1;
        }
        std::mem::swap(&mut items, &mut spare);
        shift += RADIX_BITS;
    }
    items
}

/// A table of node sets by key from `(key, node)` pairs in runs, nodes
/// ascending. The pairs are first sorted by the bucket of the table their
/// key falls in (a stable radix sort, so each set still gets its nodes in
/// ascending order, at its end), then put in that order: the table is
/// written from one end to the other, as a stream, where pairs in id
/// order would each touch a random place in a table far larger than the
/// cache. The buckets are worked out from the table's capacity as
/// hashbrown lays it out; if the layout were another, the table would be
/// the same, only slower to build.
fn id_sets(runs: Vec<Vec<(u64, NodeId)>>) -> HashMap<u64, IdSet> {
    let n = runs.iter().map(Vec::len).sum();
    let mut map: HashMap<u64, IdSet> = HashMap::with_capacity(n);
    if n == 0 {
        return map;
    }
    let buckets = (map.capacity() / 7 * 8).next_power_of_two().max(1);
    let bits = buckets.trailing_zeros();
    let mask = (buckets - 1) as u64;
    let hasher = map.hasher().clone();
    let items: Vec<(u32, NodeId, u64)> = runs
        .into_iter()
        .flatten()
        .map(|(key, id)| ((hasher.hash_one(key) & mask) as u32, id, key))
        .collect();
    let items = radix_sort(items, bits, |it| it.0);
    for (_, id, key) in items {
        map.entry(key).or_default().insert(id);
    }
    map
}
