//! The graph store: a property graph over petgraph's `StableDiGraph` with
//! interned labels, types and keys, a label index and a property index.
//!
//! Nothing outside this module sees petgraph: nodes and relationships are
//! named by [`NodeId`] and [`RelId`], which stay valid until the element is
//! deleted and are kept by snapshots.

mod binary;
mod bulk;
mod merge;
mod provenance;
mod snapshot;

pub use merge::MergeStats;
pub(crate) use snapshot::value_to_json;
pub use snapshot::{SnapshotError, SnapshotFormat};

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, OnceLock};

use foldhash::fast::FixedState;
use foldhash::{HashMap, HashMapExt};
use smallvec::SmallVec;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use crate::model::keys;
use crate::value::{NodeId, RelId, Value};

/// An interned string: a label, a relationship type or a property key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Symbol(u32);

#[derive(Debug, Default, Clone)]
struct Symbols {
    ids: HashMap<Arc<str>, Symbol>,
    names: Vec<Arc<str>>,
    /// The symbols of names that live as long as the program, by where
    /// they are (address and length, which say what text they hold): the
    /// merge interns the schema's keys and types for every relationship
    /// and node it adds, and those are such names.
    statics: [(usize, usize, u32); 32],
}

impl Symbols {
    /// [`Symbols::intern`] of a name that lives as long as the program,
    /// without hashing it when it was interned so before.
    fn intern_static(&mut self, s: &'static str) -> Symbol {
        let at = s.as_ptr() as usize;
        let slot = (at >> 3 ^ s.len()) % self.statics.len();
        let (held, len, sym) = self.statics[slot];
        if held == at && len == s.len() {
            return Symbol(sym);
        }
        let sym = self.intern(s);
        self.statics[slot] = (at, s.len(), sym.0);
        sym
    }

    fn intern(&mut self, s: &str) -> Symbol {
        if let Some(&sym) = self.ids.get(s) {
            return sym;
        }
        let sym = Symbol(self.names.len() as u32);
        let name: Arc<str> = Arc::from(s);
        self.names.push(name.clone());
        self.ids.insert(name, sym);
        sym
    }

    fn get(&self, s: &str) -> Option<Symbol> {
        self.ids.get(s).copied()
    }

    fn name(&self, sym: Symbol) -> &Arc<str> {
        &self.names[sym.0 as usize]
    }
}

/// Properties of one element, in insertion order; short lists make a
/// linear scan faster than a map. A boxed slice rather than a `Vec`: every
/// element has one, and setting a property on a stored element is rare
/// next to reading one, so the spare capacity word is not worth keeping.
#[derive(Debug, Default, Clone)]
struct Props(Box<[(Symbol, Value)]>);

impl Props {
    fn get(&self, key: Symbol) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn get_mut(&mut self, key: Symbol) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Properties set one after another, as [`Props::set`] would leave
    /// them, in one allocation: a new element gets all its properties at
    /// once instead of a copy of its list per property.
    fn set_in_order(pairs: impl IntoIterator<Item = (Symbol, Value)>) -> Props {
        let pairs = pairs.into_iter();
        let mut out: Vec<(Symbol, Value)> = Vec::with_capacity(pairs.size_hint().0);
        for (key, value) in pairs {
            match (out.iter().position(|(k, _)| *k == key), value) {
                (Some(i), Value::Null) => {
                    out.remove(i);
                }
                (Some(i), v) => out[i].1 = v,
                (None, Value::Null) => {}
                (None, v) => out.push((key, v)),
            }
        }
        Props(out.into_boxed_slice())
    }

    /// Set a value (`Null` removes); returns the previous value.
    fn set(&mut self, key: Symbol, value: Value) -> Option<Value> {
        let pos = self.0.iter().position(|(k, _)| *k == key);
        match (pos, value) {
            (Some(i), Value::Null) => {
                let mut pairs = std::mem::take(&mut self.0).into_vec();
                let old = pairs.remove(i).1;
                self.0 = pairs.into_boxed_slice();
                Some(old)
            }
            (Some(i), v) => Some(std::mem::replace(&mut self.0[i].1, v)),
            (None, Value::Null) => None,
            (None, v) => {
                let mut pairs = std::mem::take(&mut self.0).into_vec();
                pairs.push((key, v));
                self.0 = pairs.into_boxed_slice();
                None
            }
        }
    }
}

#[derive(Debug, Clone)]
struct NodeData {
    labels: Vec<Symbol>,
    props: Props,
}

#[derive(Debug, Clone)]
struct RelData {
    rel_type: Symbol,
    props: Props,
}

/// One relationship as seen from one of its ends.
#[derive(Debug, Clone, Copy)]
struct Adj {
    rel: RelId,
    other: NodeId,
    rel_type: Symbol,
}

/// The relationships at one node in one direction, oldest first, with
/// their types and other ends inline: a traversal reads them in sequence
/// and filters by type without touching the relationships themselves.
#[derive(Debug, Clone)]
enum AdjList {
    /// A run of one of the arrays of [`Adjacencies`], as loaded.
    Loaded { start: u32, len: u32 },
    /// A list of its own, once the node's relationships changed.
    Own(Vec<Adj>),
}

impl Default for AdjList {
    fn default() -> AdjList {
        AdjList::Own(Vec::new())
    }
}

/// The relationships at one node.
#[derive(Debug, Clone, Default)]
struct Adjacency {
    out: AdjList,
    inc: AdjList,
}

/// Every node's relationships, by node index (petgraph's own lists are
/// linked through the relationships, a cache miss per step). A loaded
/// graph keeps the lists in two arrays, outgoing and incoming, each
/// node's run after the one before: they are built in one pass over the
/// relationships with no allocation per node. A list that changes later
/// is copied out to one of its own.
#[derive(Debug, Clone, Default)]
struct Adjacencies {
    nodes: Vec<Adjacency>,
    out: Vec<Adj>,
    inc: Vec<Adj>,
}

impl Adjacencies {
    /// A node's outgoing (`out`) or incoming relationships, oldest first.
    fn get(&self, node: NodeId, out: bool) -> &[Adj] {
        let Some(a) = self.nodes.get(node.0 as usize) else {
            return &[];
        };
        let (list, base) = if out {
            (&a.out, &self.out)
        } else {
            (&a.inc, &self.inc)
        };
        match list {
            AdjList::Loaded { start, len } => {
                let start = *start as usize;
                base.get(start..start + *len as usize).unwrap_or(&[])
            }
            AdjList::Own(v) => v,
        }
    }

    /// A node's outgoing (`out`) or incoming relationships, to change.
    fn get_mut(&mut self, node: NodeId, out: bool) -> Option<&mut Vec<Adj>> {
        let Adjacencies {
            nodes,
            out: outs,
            inc,
        } = self;
        let a = nodes.get_mut(node.0 as usize)?;
        let (list, base) = if out {
            (&mut a.out, outs)
        } else {
            (&mut a.inc, inc)
        };
        if let AdjList::Loaded { start, len } = *list {
            let start = start as usize;
            let run = base.get(start..start + len as usize).unwrap_or(&[]);
            *list = AdjList::Own(run.to_vec());
        }
        match list {
            AdjList::Own(v) => Some(v),
            AdjList::Loaded { .. } => None,
        }
    }

    /// Room for nodes up to index `bound`.
    fn ensure(&mut self, bound: usize) {
        if self.nodes.len() < bound {
            self.nodes.resize_with(bound, Adjacency::default);
        }
    }

    /// Forget a node's relationships.
    fn clear(&mut self, node: NodeId) {
        if let Some(a) = self.nodes.get_mut(node.0 as usize) {
            *a = Adjacency::default();
        }
    }
}

/// Which way a relationship is walked from a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From the node to the other end.
    Outgoing,
    /// From the other end to the node.
    Incoming,
    /// Either way.
    Both,
}

/// The property index's key for a property key and a value (or, for a
/// list property, one of its elements): a hash, equal for values that are
/// equivalent (as grouping compares them). Entries hold the hash rather
/// than a copy of the value, so building the index copies and allocates
/// nothing per node; a look-up checks each node it finds against the
/// node's own property, which also weeds out the rare collision.
fn property_hash(key: Symbol, element: bool, value: &Value) -> u64 {
    let mut h = FixedState::default().build_hasher();
    key.hash(&mut h);
    element.hash(&mut h);
    value.hash_equivalence(&mut h);
    h.finish()
}

/// The name index's key for a normalized name: a hash, for the same
/// reasons as [`property_hash`].
fn name_hash(normalized: &str) -> u64 {
    FixedState::default().hash_one(normalized)
}

/// Whether a property value is, or as a list holds, a value equivalent to
/// `value`: what an entry of the property index stands for.
fn holds_equivalent(prop: &Value, value: &Value) -> bool {
    prop.equivalent(value)
        || matches!(prop, Value::List(items) if items.iter().any(|v| v.equivalent(value)))
}

/// The nodes under one key of the property or name index, ascending: most
/// keys name one node or two, held inline.
#[derive(Debug, Clone, Default)]
struct IdSet(SmallVec<[NodeId; 2]>);

impl IdSet {
    fn insert(&mut self, id: NodeId) {
        // Loading inserts in ascending order: at the end.
        if self.0.last().is_none_or(|&l| l < id) {
            self.0.push(id);
        } else if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    fn remove(&mut self, id: NodeId) {
        if let Ok(at) = self.0.binary_search(&id) {
            self.0.remove(at);
        }
    }

    fn contains(&self, id: NodeId) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.0.iter().copied()
    }
}

/// The name index's keys of names the merge looked up (see
/// [`Graph::nodes_by_name_keyed`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct NameKeys(HashMap<Box<str>, u64>);

/// How many names [`NameKeys`] holds before it is emptied: enough for the
/// entities that recur in a corpus, bounded for one of many names.
const NAME_KEYS: usize = 1 << 16;

/// Property keys whose values are indexed: the lookups analysts and entity
/// resolution do most.
const INDEXED_KEYS: &[&str] = &[keys::NAME, keys::ALIASES];

/// The knowledge graph: nodes with labels and properties, typed directed
/// relationships with properties, and indexes.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: StableDiGraph<NodeData, RelData, u32>,
    symbols: Symbols,
    by_label: HashMap<Symbol, BTreeSet<NodeId>>,
    /// Nodes by [`property_hash`] of an indexed property's value and, for
    /// a list, of each element.
    by_property: HashMap<u64, IdSet>,
    /// Nodes by [`name_hash`] of their normalized names and aliases.
    by_name: HashMap<u64, IdSet>,
    /// Relationships by start and end node, oldest first: the merge finds
    /// the relationship that already states a fact here instead of walking
    /// every relationship of a popular actor. Most pairs have one. Only
    /// the merge asks, so it is built on its first question rather than
    /// with the graph: a snapshot loaded to be queried never pays for it.
    by_ends: OnceLock<EndsIndex>,
    /// The strings of long `sources` and `evidence_spans` lists and which
    /// provenance lists hold more than strings, so that the merge finds
    /// whether a fact already cites a document or a span, and may append
    /// to its lists, in constant time. Only the merge asks; it builds the
    /// index on its first question, and until then nothing keeps it.
    provenance: Option<provenance::ProvenanceIndex>,
    /// Relationships at each node.
    adjacency: Adjacencies,
    indexed: Vec<Symbol>,
    /// The merge's keys of the names it looked up, kept from one merge to
    /// the next.
    name_keys: NameKeys,
}

/// Relationships by start and end node (see `Graph::by_ends`).
type EndsIndex = HashMap<(NodeId, NodeId), SmallVec<[RelId; 2]>>;

/// The index by ends, from the adjacency lists: each node's outgoing
/// relationships are oldest first, as the index keeps them.
fn ends_index(adjacency: &Adjacencies) -> EndsIndex {
    let nodes = (0..adjacency.nodes.len()).map(|n| NodeId(n as u32));
    let mut by_ends =
        EndsIndex::with_capacity(nodes.clone().map(|n| adjacency.get(n, true).len()).sum());
    for start in nodes {
        for e in adjacency.get(start, true) {
            by_ends.entry((start, e.other)).or_default().push(e.rel);
        }
    }
    by_ends
}

/// The property index's keys for the value of an indexed property: the
/// value itself and, for a list, each element.
fn index_keys_of(key: Symbol, value: &Value) -> impl Iterator<Item = u64> + '_ {
    let items = match value {
        Value::List(items) => items.as_slice(),
        _ => &[],
    };
    std::iter::once(property_hash(key, false, value))
        .chain(items.iter().map(move |v| property_hash(key, true, v)))
}

/// The name index's keys for the value of an indexed property: a string,
/// or the strings of a list, normalized.
fn names_in(value: &Value) -> impl Iterator<Item = u64> + '_ {
    let (one, items) = match value {
        Value::String(s) => (Some(&**s), &[][..]),
        Value::List(items) => (None, items.as_slice()),
        _ => (None, &[][..]),
    };
    one.into_iter()
        .chain(items.iter().filter_map(Value::as_str))
        .map(|s| with_normalized(s, name_hash))
}

fn nix(id: NodeId) -> NodeIndex<u32> {
    NodeIndex::new(id.0 as usize)
}

fn eix(id: RelId) -> EdgeIndex<u32> {
    EdgeIndex::new(id.0 as usize)
}

fn nid(ix: NodeIndex<u32>) -> NodeId {
    NodeId(ix.index() as u32)
}

fn rid(ix: EdgeIndex<u32>) -> RelId {
    RelId(ix.index() as u32)
}

/// Normalize a name for entity resolution: lower case, dots and possessive
/// "'s" dropped, dashes and white space folded, a leading "the" dropped.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::new();
    normalize_name_into(name, &mut out);
    out
}

/// [`normalize_name`] written into `out` (cleared first), so that a
/// look-up can reuse one buffer instead of allocating a key per name.
pub fn normalize_name_into(name: &str, out: &mut String) {
    out.clear();
    // Entity resolution normalizes every name it meets, and nearly all are
    // ASCII: one pass over the bytes, with no lower-cased copy.
    if name.is_ascii() {
        normalize_ascii(name, out);
    } else {
        *out = normalize_unicode(name);
    }
}

/// Look a name up in a map keyed by normalized names, normalizing into a
/// buffer of the calling thread rather than a new string.
pub(crate) fn with_normalized<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    // Two: a look-up by name checks the names of the nodes it finds
    // while the name looked up is still in the first.
    thread_local! {
        static BUFFERS: [std::cell::RefCell<String>; 2] = const {
            [std::cell::RefCell::new(String::new()), std::cell::RefCell::new(String::new())]
        };
    }
    BUFFERS.with(
        |bufs| match bufs.iter().find_map(|b| b.try_borrow_mut().ok()) {
            Some(mut buf) => {
                normalize_name_into(name, &mut buf);
                f(&buf)
            }
            // Called again inside `f`, deeper still: a buffer of its own.
            None => f(&normalize_name(name)),
        },
    )
}

/// Whether `name` normalizes to `normalized` (a normalized name), without
/// a normalized copy of `name`.
pub fn normalizes_to(name: &str, normalized: &str) -> bool {
    if name.is_ascii() {
        // Normalizing never lengthens an ASCII name: a shorter one is told
        // apart at once (a node's aliases are checked so one by one).
        name.len() >= normalized.len()
            && ascii_normalizes_to(name.as_bytes(), normalized.as_bytes())
    } else {
        with_normalized(name, |n| n == normalized)
    }
}

/// [`normalizes_to`] for an ASCII name, comparing as it normalizes: every
/// hit of the name index is checked so against a node's names and
/// aliases, and nearly all of those differ within a byte or two.
fn ascii_normalizes_to(name: &[u8], normalized: &[u8]) -> bool {
    // Most names normalize to themselves in lower case: compared so at
    // once, byte for byte.
    if only_lowers(name) {
        return name.len() == normalized.len()
            && name
                .iter()
                .zip(normalized)
                .all(|(a, b)| a.to_ascii_lowercase() == *b);
    }
    // The first four bytes out wait to see whether they are a leading
    // "the ", which normalizing drops.
    let mut head = [0u8; 4];
    let mut held = 0;
    let mut at = 0;
    let mut same = true;
    normalize_ascii_each(name, |c| {
        if held < 4 {
            head[held] = c;
            held += 1;
            if held < 4 || &head == b"the " {
                return true;
            }
            same = normalized.starts_with(&head);
            at = 4;
            return same;
        }
        same = normalized.get(at) == Some(&c);
        at += 1;
        same
    });
    match held {
        _ if !same => false,
        4 => at == normalized.len(),
        _ => &head[..held] == normalized,
    }
}

/// Whether normalizing the ASCII name `b` only lowers its case: no dot,
/// apostrophe, dash or white space but single spaces between words, and
/// no leading "the ". Nearly every name the merge looks up is so
/// ("Kenya", "African Union Mission in Somalia").
fn only_lowers(b: &[u8]) -> bool {
    if b.first() == Some(&b' ')
        || b.last() == Some(&b' ')
        || b.get(..4).is_some_and(|h| h.eq_ignore_ascii_case(b"the "))
    {
        return false;
    }
    let mut space = false;
    for &c in b {
        match c {
            b' ' if space => return false,
            b' ' => space = true,
            b'\'' | b'.' | b'-' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return false,
            _ => space = false,
        }
    }
    true
}

/// [`normalize_name`] of an ASCII name, byte by byte.
fn normalize_ascii(name: &str, out: &mut String) {
    if only_lowers(name.as_bytes()) {
        out.clear();
        out.push_str(name);
        out.make_ascii_lowercase();
        return;
    }
    // As `normalize_ascii_each` gives the bytes, but written as bytes and
    // by runs: the letters and digits between two separators are
    // lower-cased into the buffer at once, not pushed as chars one by one.
    let b = name.as_bytes();
    let mut v = std::mem::take(out).into_bytes();
    v.clear();
    v.reserve(b.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < b.len() {
        let run = i;
        while i < b.len()
            && !matches!(
                b[i],
                b'\'' | b'.' | b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-'
            )
        {
            i += 1;
        }
        if i > run {
            if pending_space {
                v.push(b' ');
                pending_space = false;
            }
            v.extend(b[run..i].iter().map(u8::to_ascii_lowercase));
        }
        let Some(&c) = b.get(i) else {
            break;
        };
        i += 1;
        match c {
            b'\''
                if b.get(i).map(u8::to_ascii_lowercase) == Some(b's')
                    && b.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric()) =>
            {
                i += 1;
            }
            b'\'' => {
                if pending_space {
                    v.push(b' ');
                    pending_space = false;
                }
                v.push(c);
            }
            b'.' => {}
            // White space and '-'.
            _ => pending_space = !v.is_empty(),
        }
    }
    if v.starts_with(b"the ") {
        v.drain(..4);
    }
    *out = String::from_utf8(v).expect("an ASCII name normalizes to ASCII");
}

/// The bytes of an ASCII name's normalized form, but for the leading
/// "the " that [`normalize_name`] drops, given one by one to `emit` until
/// it returns false.
fn normalize_ascii_each(b: &[u8], mut emit: impl FnMut(u8) -> bool) {
    let mut pending_space = false;
    let mut any = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i].to_ascii_lowercase();
        i += 1;
        if c == b'\''
            && b.get(i).map(u8::to_ascii_lowercase) == Some(b's')
            && b.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric())
        {
            i += 1;
            continue;
        }
        if c == b'.' {
            continue;
        }
        // The ASCII characters `char::is_whitespace` accepts, and '-'.
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-') {
            pending_space = any;
            continue;
        }
        if pending_space {
            if !emit(b' ') {
                return;
            }
            pending_space = false;
        }
        if !emit(c) {
            return;
        }
        any = true;
    }
}

/// [`normalize_name`] of any name, by chars of its lower-cased form.
fn normalize_unicode(name: &str) -> String {
    let lower = name.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == '\'' && chars.peek() == Some(&'s') {
            let mut look = chars.clone();
            look.next();
            if look.peek().is_none_or(|n| !n.is_alphanumeric()) {
                chars.next();
                continue;
            }
        }
        if c == '.' {
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '\u{2013}' || c == '\u{2014}' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        let mut g = Graph::default();
        g.indexed = INDEXED_KEYS.iter().map(|k| g.symbols.intern(k)).collect();
        g
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of relationships.
    pub fn rel_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// All node ids, ascending.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.inner.node_indices().map(nid)
    }

    /// All relationship ids, ascending.
    pub fn rels(&self) -> impl Iterator<Item = RelId> + '_ {
        self.inner.edge_indices().map(rid)
    }

    /// Whether the node exists.
    pub fn contains_node(&self, id: NodeId) -> bool {
        self.inner.contains_node(nix(id))
    }

    /// Whether the relationship exists.
    pub fn contains_rel(&self, id: RelId) -> bool {
        self.inner.edge_weight(eix(id)).is_some()
    }

    /// The symbol of a label, type or key, if the graph has seen it.
    pub fn symbol(&self, s: &str) -> Option<Symbol> {
        self.symbols.get(s)
    }

    /// The text of a symbol.
    pub fn symbol_name(&self, sym: Symbol) -> &str {
        self.symbols.name(sym)
    }

    /// Nodes carrying a label, ascending.
    pub fn nodes_with_label(&self, label: &str) -> impl Iterator<Item = NodeId> + '_ {
        self.symbols
            .get(label)
            .and_then(|s| self.by_label.get(&s))
            .into_iter()
            .flat_map(|set| set.iter().copied())
    }

    /// Number of nodes carrying a label.
    pub fn label_count(&self, label: &str) -> usize {
        self.symbols
            .get(label)
            .and_then(|s| self.by_label.get(&s))
            .map_or(0, BTreeSet::len)
    }

    /// Whether lookups by this property key use the index.
    pub fn is_indexed(&self, key: &str) -> bool {
        self.symbols
            .get(key)
            .is_some_and(|s| self.indexed.contains(&s))
    }

    /// Nodes whose indexed property `key` equals `value` or, when the
    /// property is a list, contains it. `None` when `key` is not indexed.
    pub fn nodes_by_property(&self, key: &str, value: &Value) -> Option<Vec<NodeId>> {
        let sym = self.symbols.get(key).filter(|s| self.indexed.contains(s))?;
        let mut out = BTreeSet::new();
        for element in [false, true] {
            if let Some(set) = self.by_property.get(&property_hash(sym, element, value)) {
                out.extend(set.iter().filter(|&id| {
                    self.inner
                        .node_weight(nix(id))
                        .and_then(|n| n.props.get(sym))
                        .is_some_and(|p| holds_equivalent(p, value))
                }));
            }
        }
        Some(out.into_iter().collect())
    }

    /// Nodes whose name or one of whose aliases normalizes to the same text
    /// as `name` (see [`normalize_name`]).
    pub fn nodes_by_name(&self, name: &str) -> impl Iterator<Item = NodeId> + '_ {
        let found: SmallVec<[NodeId; 2]> = with_normalized(name, |n| {
            self.by_name
                .get(&name_hash(n))
                .map_or_else(SmallVec::new, |set| {
                    // A property written as the name is looked up is the
                    // name without normalizing it.
                    set.iter()
                        .filter(|&id| self.any_name(id, |s| s == name || normalizes_to(s, n)))
                        .collect()
                })
        });
        found.into_iter()
    }

    /// [`Graph::nodes_by_name`] for the merge, which keeps in `keys` the
    /// name index's key of every name it has looked up: an entity comes
    /// back in document after document, and its name is normalized once,
    /// not at each. A node whose name or alias is written as the name is
    /// looked up is taken without normalizing it either; the name is
    /// normalized only to compare it with a node's names written otherwise.
    pub(crate) fn nodes_by_name_keyed(
        &self,
        name: &str,
        keys: &mut NameKeys,
    ) -> SmallVec<[NodeId; 2]> {
        let key = match keys.0.get(name) {
            Some(&key) => key,
            None => {
                let key = with_normalized(name, name_hash);
                if keys.0.len() >= NAME_KEYS {
                    keys.0.clear();
                }
                keys.0.insert(name.into(), key);
                key
            }
        };
        let Some(set) = self.by_name.get(&key) else {
            return SmallVec::new();
        };
        let mut normalized: Option<String> = None;
        set.iter()
            .filter(|&id| {
                self.any_name(id, |s| s == name) || {
                    let n = normalized.get_or_insert_with(|| normalize_name(name));
                    self.has_name(id, n)
                }
            })
            .collect()
    }

    /// Whether the name index lists the node under a normalized name.
    fn indexed_under_name(&self, id: NodeId, normalized: &str) -> bool {
        self.by_name
            .get(&name_hash(normalized))
            .is_some_and(|s| s.contains(id))
            && self.has_name(id, normalized)
    }

    /// Whether an indexed property of the node (its name, an alias)
    /// normalizes to `normalized`: the check behind every hit of the name
    /// index.
    fn has_name(&self, id: NodeId, normalized: &str) -> bool {
        self.any_name(id, |s| normalizes_to(s, normalized))
    }

    /// Whether an indexed property of the node (its name, an alias) passes
    /// `test`.
    fn any_name(&self, id: NodeId, test: impl Fn(&str) -> bool) -> bool {
        let Some(node) = self.inner.node_weight(nix(id)) else {
            return false;
        };
        let is = |v: &Value| v.as_str().is_some_and(&test);
        self.indexed.iter().any(|&key| match node.props.get(key) {
            Some(Value::List(items)) => items.iter().any(is),
            Some(v) => is(v),
            None => false,
        })
    }

    /// The labels of a node, in the order they were added.
    pub fn labels(&self, id: NodeId) -> impl Iterator<Item = &str> + '_ {
        self.inner
            .node_weight(nix(id))
            .into_iter()
            .flat_map(|n| n.labels.iter().map(|s| &**self.symbols.name(*s)))
    }

    /// Whether a node carries a label.
    pub fn has_label(&self, id: NodeId, label: &str) -> bool {
        match (self.symbols.get(label), self.inner.node_weight(nix(id))) {
            (Some(sym), Some(n)) => n.labels.contains(&sym),
            _ => false,
        }
    }

    /// Whether a node carries a label, by symbol.
    pub fn has_label_symbol(&self, id: NodeId, label: Symbol) -> bool {
        self.inner
            .node_weight(nix(id))
            .is_some_and(|n| n.labels.contains(&label))
    }

    /// A property of a node.
    pub fn node_property(&self, id: NodeId, key: &str) -> Option<&Value> {
        let sym = self.symbols.get(key)?;
        self.node_property_symbol(id, sym)
    }

    /// A property of a node, by its key's symbol: for the merge, which
    /// asks each node it resolves to for the same few keys, and looks
    /// their symbols up once rather than at every question.
    pub(crate) fn node_property_symbol(&self, id: NodeId, key: Symbol) -> Option<&Value> {
        self.inner.node_weight(nix(id))?.props.get(key)
    }

    /// The properties of a node, in insertion order.
    pub fn node_properties(&self, id: NodeId) -> impl Iterator<Item = (&str, &Value)> + '_ {
        self.inner
            .node_weight(nix(id))
            .into_iter()
            .flat_map(|n| n.props.0.iter().map(|(k, v)| (&**self.symbols.name(*k), v)))
    }

    /// The type of a relationship.
    pub fn rel_type(&self, id: RelId) -> &str {
        self.inner
            .edge_weight(eix(id))
            .map_or("", |r| self.symbols.name(r.rel_type))
    }

    /// The type of a relationship as a string value, sharing the interned
    /// text rather than copying it (`type(r)` on every row of a scan).
    pub fn rel_type_value(&self, id: RelId) -> Value {
        self.inner.edge_weight(eix(id)).map_or(Value::str(""), |r| {
            Value::String(self.symbols.name(r.rel_type).clone())
        })
    }

    /// The type of a relationship, as a symbol.
    pub fn rel_type_symbol(&self, id: RelId) -> Option<Symbol> {
        self.inner.edge_weight(eix(id)).map(|r| r.rel_type)
    }

    /// Start and end node of a relationship.
    pub fn rel_endpoints(&self, id: RelId) -> Option<(NodeId, NodeId)> {
        self.inner
            .edge_endpoints(eix(id))
            .map(|(a, b)| (nid(a), nid(b)))
    }

    /// A property of a relationship.
    pub fn rel_property(&self, id: RelId, key: &str) -> Option<&Value> {
        let sym = self.symbols.get(key)?;
        self.inner.edge_weight(eix(id))?.props.get(sym)
    }

    /// The properties of a relationship, in insertion order.
    pub fn rel_properties(&self, id: RelId) -> impl Iterator<Item = (&str, &Value)> + '_ {
        self.inner
            .edge_weight(eix(id))
            .into_iter()
            .flat_map(|r| r.props.0.iter().map(|(k, v)| (&**self.symbols.name(*k), v)))
    }

    /// Relationships at a node, walked in `direction`, optionally limited to
    /// some types: `(relationship, node at the other end)`. A self-loop
    /// walked in both directions appears once.
    pub fn edges<'a>(
        &'a self,
        node: NodeId,
        direction: Direction,
        types: Option<&'a [Symbol]>,
    ) -> impl Iterator<Item = (RelId, NodeId)> + 'a {
        let keep = move |t: Symbol| types.is_none_or(|ts| ts.contains(&t));
        // Newest first, the order petgraph walks its lists in, so results
        // come in the order they always did.
        let out = match direction {
            Direction::Outgoing | Direction::Both => self.adjacency.get(node, true),
            Direction::Incoming => &[],
        };
        let inc = match direction {
            Direction::Incoming | Direction::Both => self.adjacency.get(node, false),
            Direction::Outgoing => &[],
        };
        let out = out
            .iter()
            .rev()
            .filter(move |a| keep(a.rel_type))
            .map(|a| (a.rel, a.other));
        let inc = inc
            .iter()
            .rev()
            .filter(move |a| keep(a.rel_type))
            .filter(move |a| direction != Direction::Both || a.other != node)
            .map(|a| (a.rel, a.other));
        out.chain(inc)
    }

    /// Relationships from `start` to `end`, newest first (the order
    /// [`Graph::edges`] walks them in).
    pub fn rels_between(&self, start: NodeId, end: NodeId) -> impl Iterator<Item = RelId> + '_ {
        self.by_ends
            .get_or_init(|| ends_index(&self.adjacency))
            .get(&(start, end))
            .into_iter()
            .flat_map(|rels| rels.iter().rev().copied())
    }

    fn unindex_rel(&mut self, id: RelId, start: NodeId, end: NodeId) {
        if let Some(ix) = &mut self.provenance
            && let Some(rel) = self.inner.edge_weight(eix(id))
        {
            for (key, value) in rel.props.0.iter() {
                if ix.covers(*key) {
                    ix.remove_value(id, *key, Some(value));
                }
            }
        }
        if let Some(out) = self.adjacency.get_mut(start, true) {
            out.retain(|e| e.rel != id);
        }
        if let Some(inc) = self.adjacency.get_mut(end, false) {
            inc.retain(|e| e.rel != id);
        }
        // Not built yet: it will be from the adjacency lists.
        if let Some(by_ends) = self.by_ends.get_mut()
            && let Some(rels) = by_ends.get_mut(&(start, end))
        {
            rels.retain(|r| *r != id);
            if rels.is_empty() {
                by_ends.remove(&(start, end));
            }
        }
    }

    /// Number of relationships at a node in `direction` (self-loops once).
    pub fn degree(&self, node: NodeId, direction: Direction) -> usize {
        self.edges(node, direction, None).count()
    }

    /// Add a node.
    pub fn add_node<'a>(
        &mut self,
        labels: impl IntoIterator<Item = &'a str>,
        props: impl IntoIterator<Item = (&'a str, Value)>,
    ) -> NodeId {
        let props =
            Props::set_in_order(props.into_iter().map(|(k, v)| (self.symbols.intern(k), v)));
        let id = nid(self.inner.add_node(NodeData {
            labels: Vec::new(),
            props,
        }));
        self.adjacency.ensure(id.0 as usize + 1);
        for l in labels {
            self.add_label(id, l);
        }
        for i in 0..self.indexed.len() {
            self.index(id, self.indexed[i]);
        }
        id
    }

    /// Add a relationship from `start` to `end`. Panics if either node does
    /// not exist: callers hold ids they got from this graph.
    pub fn add_rel<'a>(
        &mut self,
        start: NodeId,
        end: NodeId,
        rel_type: &str,
        props: impl IntoIterator<Item = (&'a str, Value)>,
    ) -> RelId {
        let rel_type = self.symbols.intern(rel_type);
        // Straight from the caller's pairs: a list of 16 gathered first was
        // copied twice more on the way (a relationship of the merge has one
        // property, `MENTIONS`' count, or a dozen).
        let props =
            Props::set_in_order(props.into_iter().map(|(k, v)| (self.symbols.intern(k), v)));
        self.attach_rel(start, end, rel_type, props)
    }

    /// [`Graph::add_rel`] with a type and keys that live as long as the
    /// program (the merge's: the schema's), interned without hashing them
    /// again.
    pub(crate) fn add_rel_static(
        &mut self,
        start: NodeId,
        end: NodeId,
        rel_type: &'static str,
        props: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> RelId {
        let rel_type = self.symbols.intern_static(rel_type);
        let props = Props::set_in_order(
            props
                .into_iter()
                .map(|(k, v)| (self.symbols.intern_static(k), v)),
        );
        self.attach_rel(start, end, rel_type, props)
    }

    /// [`Graph::add_rel`] with the type and keys interned already (the
    /// merge adds a `MENTIONS` relationship for every entity it reads).
    pub(crate) fn add_rel_symbols(
        &mut self,
        start: NodeId,
        end: NodeId,
        rel_type: Symbol,
        props: impl IntoIterator<Item = (Symbol, Value)>,
    ) -> RelId {
        let props = Props::set_in_order(props);
        self.attach_rel(start, end, rel_type, props)
    }

    /// A new relationship with its properties, in the graph and its indexes.
    fn attach_rel(&mut self, start: NodeId, end: NodeId, rel_type: Symbol, props: Props) -> RelId {
        let id = rid(self
            .inner
            .add_edge(nix(start), nix(end), RelData { rel_type, props }));
        if let Some(ix) = &mut self.provenance {
            for (key, value) in self.inner[eix(id)].props.0.iter() {
                if ix.covers(*key) {
                    ix.add_value(id, *key, Some(value));
                }
            }
        }
        if let Some(by_ends) = self.by_ends.get_mut() {
            by_ends.entry((start, end)).or_default().push(id);
        }
        for (at, other, out) in [(start, end, true), (end, start, false)] {
            if let Some(list) = self.adjacency.get_mut(at, out) {
                list.push(Adj {
                    rel: id,
                    other,
                    rel_type,
                });
            }
        }
        id
    }

    /// Add a label to a node; returns whether it was new.
    pub fn add_label(&mut self, id: NodeId, label: &str) -> bool {
        let sym = self.symbols.intern(label);
        let Some(node) = self.inner.node_weight_mut(nix(id)) else {
            return false;
        };
        if node.labels.contains(&sym) {
            return false;
        }
        node.labels.push(sym);
        self.by_label.entry(sym).or_default().insert(id);
        true
    }

    /// Remove a label from a node; returns whether it was there.
    pub fn remove_label(&mut self, id: NodeId, label: &str) -> bool {
        let Some(sym) = self.symbols.get(label) else {
            return false;
        };
        let Some(node) = self.inner.node_weight_mut(nix(id)) else {
            return false;
        };
        let Some(pos) = node.labels.iter().position(|l| *l == sym) else {
            return false;
        };
        node.labels.remove(pos);
        if let Some(set) = self.by_label.get_mut(&sym) {
            set.remove(&id);
        }
        true
    }

    /// Set a node property (`Null` removes it); returns the previous value.
    pub fn set_node_property(&mut self, id: NodeId, key: &str, value: Value) -> Option<Value> {
        let sym = self.symbols.intern(key);
        let indexed = self.indexed.contains(&sym);
        if indexed {
            self.unindex(id, sym);
        }
        let old = self.inner.node_weight_mut(nix(id))?.props.set(sym, value);
        if indexed {
            self.index(id, sym);
        }
        old
    }

    /// A relationship property to change in place, by symbol: the merge
    /// appends to provenance lists without copying them (and keeps the
    /// provenance index itself).
    fn rel_property_mut(&mut self, id: RelId, key: Symbol) -> Option<&mut Value> {
        self.inner.edge_weight_mut(eix(id))?.props.get_mut(key)
    }

    /// Set a relationship property (`Null` removes it); returns the previous value.
    pub fn set_rel_property(&mut self, id: RelId, key: &str, value: Value) -> Option<Value> {
        let sym = self.symbols.intern(key);
        let rel = self.inner.edge_weight_mut(eix(id))?;
        match &mut self.provenance {
            Some(ix) if ix.covers(sym) => {
                let old = rel.props.set(sym, value);
                ix.remove_value(id, sym, old.as_ref());
                ix.add_value(id, sym, rel.props.get(sym));
                old
            }
            _ => rel.props.set(sym, value),
        }
    }

    /// Delete a relationship; returns whether it existed.
    pub fn delete_rel(&mut self, id: RelId) -> bool {
        let Some((start, end)) = self.rel_endpoints(id) else {
            return false;
        };
        self.unindex_rel(id, start, end);
        self.inner.remove_edge(eix(id)).is_some()
    }

    /// Delete a node and, with it, its relationships; returns how many
    /// relationships went, or `None` when the node did not exist.
    pub fn delete_node(&mut self, id: NodeId) -> Option<usize> {
        let node = self.inner.node_weight(nix(id))?;
        let labels = node.labels.clone();
        for sym in self.indexed.clone() {
            self.unindex(id, sym);
        }
        for sym in labels {
            if let Some(set) = self.by_label.get_mut(&sym) {
                set.remove(&id);
            }
        }
        let rels: Vec<(RelId, NodeId, NodeId)> = self
            .edges(id, Direction::Both, None)
            .filter_map(|(r, _)| self.rel_endpoints(r).map(|(a, b)| (r, a, b)))
            .collect();
        for &(r, a, b) in &rels {
            self.unindex_rel(r, a, b);
        }
        let rels = rels.len();
        self.adjacency.clear(id);
        self.inner.remove_node(nix(id));
        Some(rels)
    }

    fn index_keys(&self, id: NodeId, key: Symbol) -> Vec<u64> {
        self.inner
            .node_weight(nix(id))
            .and_then(|n| n.props.get(key))
            .map_or_else(Vec::new, |value| index_keys_of(key, value).collect())
    }

    fn names_of(&self, id: NodeId, key: Symbol) -> Vec<u64> {
        self.inner
            .node_weight(nix(id))
            .and_then(|n| n.props.get(key))
            .map_or_else(Vec::new, |value| names_in(value).collect())
    }

    fn unindex(&mut self, id: NodeId, key: Symbol) {
        for k in self.index_keys(id, key) {
            if let Some(set) = self.by_property.get_mut(&k) {
                set.remove(id);
                if set.is_empty() {
                    self.by_property.remove(&k);
                }
            }
        }
        for name in self.names_of(id, key) {
            if let Some(set) = self.by_name.get_mut(&name) {
                set.remove(id);
                if set.is_empty() {
                    self.by_name.remove(&name);
                }
            }
        }
    }

    fn index(&mut self, id: NodeId, key: Symbol) {
        for k in self.index_keys(id, key) {
            self.by_property.entry(k).or_default().insert(id);
        }
        for name in self.names_of(id, key) {
            self.by_name.entry(name).or_default().insert(id);
        }
    }

    /// All labels in use, with the number of nodes carrying each, sorted.
    pub fn label_counts(&self) -> Vec<(String, usize)> {
        let mut out: Vec<_> = self
            .by_label
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(k, s)| (self.symbols.name(*k).to_string(), s.len()))
            .collect();
        out.sort();
        out
    }

    /// All relationship types in use, with counts, sorted.
    pub fn rel_type_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<Symbol, usize> = HashMap::new();
        for e in self.inner.edge_weights() {
            *counts.entry(e.rel_type).or_default() += 1;
        }
        let mut out: Vec<_> = counts
            .into_iter()
            .map(|(k, n)| (self.symbols.name(k).to_string(), n))
            .collect();
        out.sort();
        out
    }

    /// All property keys in use on nodes and relationships, with the number
    /// of elements carrying each, sorted.
    pub fn property_key_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<Symbol, usize> = HashMap::new();
        for n in self.inner.node_weights() {
            for (k, _) in &n.props.0 {
                *counts.entry(*k).or_default() += 1;
            }
        }
        for e in self.inner.edge_weights() {
            for (k, _) in &e.props.0 {
                *counts.entry(*k).or_default() += 1;
            }
        }
        let mut out: Vec<_> = counts
            .into_iter()
            .map(|(k, n)| (self.symbols.name(k).to_string(), n))
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalization of an ASCII name by runs is the one
    /// `normalize_ascii_each` gives byte by byte.
    #[test]
    fn ascii_names_normalize_by_runs_as_byte_by_byte() {
        let by_bytes = |name: &str| {
            let mut out = String::new();
            normalize_ascii_each(name.as_bytes(), |c| {
                out.push(c as char);
                true
            });
            match out.strip_prefix("the ") {
                Some(rest) => rest.to_string(),
                None => out,
            }
        };
        let mut names: Vec<String> = [
            "",
            " ",
            "-",
            "'",
            "'s",
            "'S",
            "x's",
            "X'S",
            "x'sa",
            "x's-y",
            "O'Brien's",
            "the",
            "The ",
            "THE  U.N.",
            "the-the UN",
            " the UN ",
            "U.S.-led",
            "St. Kitts and Nevis",
            "a - b",
            "a.-.b",
            "Ahmed's.",
            "rock'n'roll",
            "tab\tand\nline\r",
            "x\x0by\x0cz",
            "..a..",
            "'s a",
            "a '",
            "a ' s",
            "the's",
            "thE sudan",
            "Côte",
            "AU's-led",
            "a's'",
            "''s",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for d in crate::synth::Corpus::new(3).documents(50_000) {
            names.extend(d.text.split(['\n', ',', ';', '(', ')']).map(str::to_string));
        }
        names.extend(
            [
                "Kenya",
                "KENYA",
                "United  States",
                "The Hague",
                "THE HAGUE",
                "Thereby",
                "x, y",
            ]
            .map(str::to_string),
        );
        let mut buf = String::from("left over");
        for name in names.iter().filter(|n| n.is_ascii()) {
            normalize_name_into(name, &mut buf);
            assert_eq!(buf, by_bytes(name), "{name:?}");
            // The comparison as it normalizes agrees with a comparison of
            // the normalized names, with a name's own normalized form, a
            // neighbour's and the form in other case.
            assert!(normalizes_to(name, &buf), "{name:?}");
            assert!(!normalizes_to(name, &format!("{buf} ")), "{name:?}");
            let upper = buf.to_ascii_uppercase();
            assert_eq!(normalizes_to(name, &upper), upper == buf, "{name:?}");
        }
        for pair in names.windows(2) {
            let other = normalize_name(&pair[1]);
            assert_eq!(
                normalizes_to(&pair[0], &other),
                normalize_name(&pair[0]) == other,
                "{pair:?}"
            );
        }
    }

    #[test]
    fn names_normalize_like_the_scorer() {
        assert_eq!(
            normalize_name("The U.N. Security Council"),
            "un security council"
        );
        assert_eq!(normalize_name("Kenya's  High-Court"), "kenya high court");
        assert_eq!(normalize_name("Mali\u{2019}s junta"), "mali junta");
        assert_eq!(normalize_name("Theodore"), "theodore");
    }

    #[test]
    fn ascii_names_normalize_as_by_chars() {
        let names = [
            "The U.N. Security Council",
            "Kenya's  High-Court",
            "KENYA'S",
            "Kenya'Sx",
            "it's",
            "'s",
            "a's-b",
            "the",
            "the ",
            "THE  the x",
            " - lead -- trail - ",
            "tab\there\x0bvt\x0cff\r\n",
            "U.S.-led",
            "x\x1fy",
            "",
            "...",
        ];
        // One buffer for all, as look-ups reuse theirs.
        let mut ascii = String::new();
        for n in names {
            normalize_name_into(n, &mut ascii);
            assert_eq!(ascii, normalize_unicode(n), "{n:?}");
            assert!(normalizes_to(n, &ascii));
            // The comparison as it normalizes agrees with a comparison of
            // the normalized names, for every pair.
            for other in names {
                assert_eq!(
                    normalizes_to(other, &ascii),
                    normalize_name(other) == ascii,
                    "{other:?} against {ascii:?}"
                );
            }
            for cut in 0..ascii.len() {
                assert!(!normalizes_to(n, &ascii[..cut]));
            }
            assert!(!normalizes_to(n, &format!("{ascii}x")));
        }
        assert_eq!(normalize_name("Côte d'Ivoire's"), "côte d'ivoire");
    }

    #[test]
    fn property_index_follows_updates() {
        let mut g = Graph::new();
        let a = g.add_node(["Actor"], [("name", Value::str("Kenya"))]);
        g.set_node_property(
            a,
            "aliases",
            Value::from(vec!["Nairobi", "Republic of Kenya"]),
        );
        assert_eq!(
            g.nodes_by_property("name", &Value::str("Kenya")),
            Some(vec![a])
        );
        assert_eq!(
            g.nodes_by_property("aliases", &Value::str("Nairobi")),
            Some(vec![a])
        );
        assert_eq!(
            g.nodes_by_name("the republic of kenya").collect::<Vec<_>>(),
            vec![a]
        );
        g.set_node_property(a, "name", Value::str("Kenia"));
        assert_eq!(
            g.nodes_by_property("name", &Value::str("Kenya")),
            Some(vec![])
        );
        g.delete_node(a);
        assert_eq!(g.nodes_by_name("Nairobi").count(), 0);
        assert_eq!(g.nodes_by_property("title", &Value::Null), None);
    }

    #[test]
    fn index_lookups_keep_only_nodes_that_match() {
        let mut g = Graph::new();
        let one = g.add_node(["A"], [("name", Value::Int(1))]);
        let kenya = g.add_node(
            ["A"],
            [
                ("name", Value::str("Kenya")),
                ("aliases", Value::from(vec!["KENYA", "Nairobi"])),
            ],
        );
        // Equivalent values share an entry: 1 and 1.0 alike.
        assert_eq!(
            g.nodes_by_property("name", &Value::Float(1.0)),
            Some(vec![one])
        );
        assert_eq!(
            g.nodes_by_property("aliases", &Value::str("Nairobi")),
            Some(vec![kenya])
        );
        assert_eq!(
            g.nodes_by_property("name", &Value::str("KENYA")),
            Some(vec![])
        );
        assert_eq!(
            g.nodes_by_name("the Kenya").collect::<Vec<_>>(),
            vec![kenya]
        );
        // A look-up inside another normalizes into a buffer of its own.
        assert!(with_normalized("Kenya's", |n| g.indexed_under_name(kenya, n)));
        assert!(!with_normalized("Nairobi", |n| g.indexed_under_name(one, n)));
        g.set_node_property(kenya, "aliases", Value::Null);
        assert_eq!(g.nodes_by_name("Nairobi").count(), 0);
    }

    #[test]
    fn edges_walk_both_ways_and_filter_types() {
        let mut g = Graph::new();
        let a = g.add_node(["A"], []);
        let b = g.add_node(["B"], []);
        let r = g.add_rel(a, b, "T", []);
        g.add_rel(a, a, "LOOP", []);
        let t = g.symbol("T").unwrap();
        assert_eq!(
            g.edges(b, Direction::Incoming, Some(&[t]))
                .collect::<Vec<_>>(),
            vec![(r, a)]
        );
        assert_eq!(g.edges(a, Direction::Both, None).count(), 2);
        assert_eq!(g.delete_node(a), Some(2));
        assert_eq!(g.rel_count(), 0);
        assert_eq!(g.rels_between(a, b).count(), 0);
    }

    #[test]
    fn rels_between_walks_like_edges_and_follows_deletions() {
        let mut g = Graph::new();
        let a = g.add_node(["A"], []);
        let b = g.add_node(["B"], []);
        let c = g.add_node(["C"], []);
        let r1 = g.add_rel(a, b, "T", []);
        g.add_rel(a, c, "T", []);
        let r3 = g.add_rel(a, b, "U", []);
        let r4 = g.add_rel(a, b, "T", []);
        let by_edges = |g: &Graph| {
            g.edges(a, Direction::Outgoing, None)
                .filter(|&(_, o)| o == b)
                .map(|(r, _)| r)
                .collect::<Vec<_>>()
        };
        assert_eq!(g.rels_between(a, b).collect::<Vec<_>>(), vec![r4, r3, r1]);
        assert_eq!(g.rels_between(a, b).collect::<Vec<_>>(), by_edges(&g));
        assert!(g.delete_rel(r3));
        assert_eq!(g.rels_between(a, b).collect::<Vec<_>>(), vec![r4, r1]);
        // A new relationship may take the freed slot; it is still newest.
        let r5 = g.add_rel(a, b, "T", []);
        assert_eq!(g.rels_between(a, b).collect::<Vec<_>>(), by_edges(&g));
        assert_eq!(g.rels_between(a, b).next(), Some(r5));
        g.delete_node(b);
        assert_eq!(g.rels_between(a, b).count(), 0);
        assert_eq!(g.rels_between(a, c).count(), 1);
    }
}
