//! The binary snapshot format (`.ngb`): compact, and loaded straight into
//! the graph's records, decoded in parallel.
//!
//! Layout, version 3 (integers are unsigned LEB128 varints unless said
//! otherwise; "string" is an index into the string table):
//!
//! ```text
//! magic      8 bytes   89 4E 47 42 0D 0A 1A 0A   ("\x89NGB\r\n\x1a\n")
//! version    u32, little-endian                  (3)
//! counts     strings, nodes, relationships
//! strings    each: byte length, UTF-8 bytes      (labels, types, keys and string values, each once)
//! symbols    count, then each: string            (the labels, types and keys, in the order first used)
//! node chunks  count, then each: record count, byte length   (the node records, in runs)
//! rel chunks   count, then each: record count, byte length   (the relationship records, in runs)
//! nodes      each: id gap, label count, labels (strings), properties
//! rels       each: id gap, start node id, end node id, type (string), properties
//! checksum   u32, little-endian: CRC-32 of every byte before it
//!
//! properties: count, then each: key (string), value
//! value:      tag byte, then
//!             0 null | 1 false | 2 true | 3 int: zigzag varint | 4 float: 8 bytes, IEEE 754 bits, little-endian
//!             5 string | 6 list: count, values | 7 map: count, then each: key (string), value
//!             8 node: id | 9 relationship: id | 10 path: node count, node ids, relationship count, relationship ids
//! ```
//!
//! Ids ascend; an element's id is the previous one's plus one plus its gap
//! (the first's is its gap, and so is the first of each chunk's), so the
//! gaps deletions leave are kept. The chunks let the records be decoded on
//! every core: each starts where the one before ends, and the symbols are
//! known before any record is read. Version 2 has no node chunks (the
//! nodes are one run) and version 1 neither symbols nor chunks (the
//! relationships are one run too, labels, types and keys interned as
//! met); both are still read. The magic's first byte is not valid at the
//! start of JSON or UTF-8, so a loader tells the formats apart by it; the
//! line ending bytes catch a transfer in text mode. Reading never trusts a
//! length: every count is checked against the bytes that remain before
//! anything is allocated (so a corrupt count reserves at most a small
//! multiple of the file), values nest at most [`MAX_DEPTH`] deep, and
//! every fault is an error naming the byte where it was found.
//!
//! Decoding a chunk reads it twice. The first pass only lists the string
//! values it holds; their shared strings are then cloned in the order of
//! the string table rather than of the records, so that the reference
//! counts, scattered over the table, are met in passing instead of each
//! being a wait on memory (and a fence, being atomic) in the middle of
//! building the records; the second pass builds the records with them.

use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoNodeReferences};
use rayon::prelude::*;

use super::bulk::{self, Bulk, NodeKeys, NodeSet, RelEnds};
use super::{Graph, NodeData, Props, Symbol, Symbols};
use crate::value::{Map, NodeId, Path, RelId, Value};

/// The first bytes of every binary snapshot.
pub(crate) const MAGIC: [u8; 8] = *b"\x89NGB\r\n\x1a\n";
/// The layout version this build writes (it reads this one, 2 and 1).
pub(crate) const VERSION: u32 = 3;
/// Records a chunk holds: enough that starting one costs nothing next to
/// decoding it, few enough that a graph of a million elements splits into
/// work for many cores.
const CHUNK: usize = 1 << 16;
/// Room made at first for a list, a path or an element's labels or
/// properties: a corrupt count (capped by the bytes left) asks for at most
/// this many before the items are there.
const SMALL: usize = 64;
/// How deep lists and maps may nest inside a property value.
pub(crate) const MAX_DEPTH: usize = 100;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const FLOAT: u8 = 4;
const STRING: u8 = 5;
const LIST: u8 = 6;
const MAP: u8 = 7;
const NODE: u8 = 8;
const REL: u8 = 9;
const PATH: u8 = 10;

/// A graph encoded: the header with the string table, the records, and the
/// checksum, apart so a file can be written without joining them.
pub(crate) struct Encoded {
    pub(crate) head: Vec<u8>,
    pub(crate) body: Vec<u8>,
    pub(crate) checksum: [u8; 4],
}

impl Encoded {
    /// The whole snapshot in one buffer.
    pub(crate) fn concat(self) -> Vec<u8> {
        let mut out = self.head;
        out.reserve_exact(self.body.len() + 4);
        out.extend_from_slice(&self.body);
        out.extend_from_slice(&self.checksum);
        out
    }
}

fn put(buf: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        buf.push(v as u8 | 0x80);
        v >>= 7;
    }
    buf.push(v as u8);
}

fn zigzag(i: i64) -> u64 {
    ((i << 1) ^ (i >> 63)) as u64
}

fn unzigzag(u: u64) -> i64 {
    (u >> 1) as i64 ^ -((u & 1) as i64)
}

struct Encoder<'g> {
    graph: &'g Graph,
    strings: Vec<&'g str>,
    ids: HashMap<&'g str, u32>,
    /// String index of each symbol, by symbol number (`u32::MAX`: not yet).
    symbols: Vec<u32>,
    /// The string of each symbol used, in the order first used.
    declared: Vec<u32>,
    body: Vec<u8>,
}

impl<'g> Encoder<'g> {
    fn string(&mut self, s: &'g str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s);
        self.ids.insert(s, i);
        i
    }

    fn symbol(&mut self, sym: Symbol) {
        let at = sym.0 as usize;
        let mut i = self.symbols[at];
        if i == u32::MAX {
            i = self.string(self.graph.symbols.name(sym));
            self.symbols[at] = i;
            self.declared.push(i);
        }
        put(&mut self.body, i.into());
    }

    fn props(&mut self, props: &'g Props) -> Result<(), String> {
        put(&mut self.body, props.0.len() as u64);
        for (k, v) in &props.0 {
            self.symbol(*k);
            self.value(v, 0)?;
        }
        Ok(())
    }

    fn value(&mut self, v: &'g Value, depth: usize) -> Result<(), String> {
        let b = &mut self.body;
        match v {
            Value::Null => b.push(NULL),
            Value::Bool(false) => b.push(FALSE),
            Value::Bool(true) => b.push(TRUE),
            Value::Int(i) => {
                b.push(INT);
                put(b, zigzag(*i));
            }
            Value::Float(f) => {
                b.push(FLOAT);
                b.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Value::String(s) => {
                b.push(STRING);
                let i = self.string(s);
                put(&mut self.body, i.into());
            }
            Value::List(items) => {
                if depth >= MAX_DEPTH {
                    return Err(too_deep());
                }
                b.push(LIST);
                put(b, items.len() as u64);
                for item in items {
                    self.value(item, depth + 1)?;
                }
            }
            Value::Map(m) => {
                if depth >= MAX_DEPTH {
                    return Err(too_deep());
                }
                b.push(MAP);
                put(b, m.len() as u64);
                for (k, item) in m.iter() {
                    let i = self.string(k);
                    put(&mut self.body, i.into());
                    self.value(item, depth + 1)?;
                }
            }
            Value::Node(n) => {
                b.push(NODE);
                put(b, n.0.into());
            }
            Value::Rel(r) => {
                b.push(REL);
                put(b, r.0.into());
            }
            Value::Path(p) => {
                b.push(PATH);
                put(b, p.nodes.len() as u64);
                for n in &p.nodes {
                    put(b, n.0.into());
                }
                put(b, p.rels.len() as u64);
                for r in &p.rels {
                    put(b, r.0.into());
                }
            }
        }
        Ok(())
    }
}

/// Records cut into chunks as they are written.
struct Chunks {
    size: usize,
    /// (records, bytes) of each chunk done.
    done: Vec<(usize, usize)>,
    /// Where the chunk being written starts, and its records so far.
    start: usize,
    records: usize,
    /// The id after the last one written in the chunk (0 at its start).
    next: u32,
}

impl Chunks {
    fn new(size: usize, start: usize) -> Chunks {
        Chunks {
            size,
            done: Vec::new(),
            start,
            records: 0,
            next: 0,
        }
    }

    /// A record starts at byte `at`: the id its gap counts from.
    fn record(&mut self, at: usize) -> u32 {
        if self.records == self.size {
            self.done.push((self.records, at - self.start));
            (self.start, self.records, self.next) = (at, 0, 0);
        }
        self.records += 1;
        self.next
    }

    /// The records end at byte `at`: every chunk.
    fn end(mut self, at: usize) -> Vec<(usize, usize)> {
        if self.records > 0 {
            self.done.push((self.records, at - self.start));
        }
        self.done
    }
}

fn too_deep() -> String {
    format!("a property value nests lists or maps deeper than {MAX_DEPTH} levels")
}

/// Encode a graph; fails only on a property value nested too deep.
pub(crate) fn encode(graph: &Graph) -> Result<Encoded, String> {
    encode_in_chunks(graph, CHUNK)
}

/// [`encode`] with `chunk` node and relationship records a chunk (tests
/// make many small ones).
pub(crate) fn encode_in_chunks(graph: &Graph, chunk: usize) -> Result<Encoded, String> {
    let mut enc = Encoder {
        graph,
        strings: Vec::new(),
        ids: HashMap::new(),
        symbols: vec![u32::MAX; graph.symbols.names.len()],
        declared: Vec::new(),
        body: Vec::with_capacity(graph.node_count() * 24 + graph.rel_count() * 32),
    };
    // Both walks go in ascending id order. Each chunk's ids count from 0,
    // so it can be read without the ones before it: (records, bytes) of
    // each.
    let mut node_chunks = Chunks::new(chunk, enc.body.len());
    for (ix, node) in graph.inner.node_references() {
        let next = node_chunks.record(enc.body.len());
        let id = ix.index() as u32;
        put(&mut enc.body, (id - next).into());
        node_chunks.next = id + 1;
        put(&mut enc.body, node.labels.len() as u64);
        for l in &node.labels {
            enc.symbol(*l);
        }
        enc.props(&node.props)?;
    }
    let node_chunks = node_chunks.end(enc.body.len());
    let mut rel_chunks = Chunks::new(chunk, enc.body.len());
    for e in graph.inner.edge_references() {
        let next = rel_chunks.record(enc.body.len());
        let (id, rel) = (e.id().index() as u32, e.weight());
        let (start, end) = (e.source().index() as u32, e.target().index() as u32);
        put(&mut enc.body, (id - next).into());
        rel_chunks.next = id + 1;
        put(&mut enc.body, start.into());
        put(&mut enc.body, end.into());
        enc.symbol(rel.rel_type);
        enc.props(&rel.props)?;
    }
    let rel_chunks = rel_chunks.end(enc.body.len());
    let mut head = Vec::with_capacity(
        32 + enc.strings.iter().map(|s| s.len() + 2).sum::<usize>()
            + 4 * (enc.declared.len() + 2 * (node_chunks.len() + rel_chunks.len())),
    );
    head.extend_from_slice(&MAGIC);
    head.extend_from_slice(&VERSION.to_le_bytes());
    put(&mut head, enc.strings.len() as u64);
    put(&mut head, graph.node_count() as u64);
    put(&mut head, graph.rel_count() as u64);
    for s in &enc.strings {
        put(&mut head, s.len() as u64);
        head.extend_from_slice(s.as_bytes());
    }
    put(&mut head, enc.declared.len() as u64);
    for &i in &enc.declared {
        put(&mut head, i.into());
    }
    for chunks in [node_chunks, rel_chunks] {
        put(&mut head, chunks.len() as u64);
        for (records, bytes) in chunks {
            put(&mut head, records as u64);
            put(&mut head, bytes as u64);
        }
    }
    let mut crc = crc32fast::Hasher::new();
    crc.update(&head);
    crc.update(&enc.body);
    Ok(Encoded {
        head,
        body: enc.body,
        checksum: crc.finalize().to_le_bytes(),
    })
}

/// What went wrong while reading, and at which byte.
#[derive(Debug)]
enum Fault {
    Truncated,
    Version(u32),
    Corrupt { at: usize, what: String },
}

type Read<T> = Result<T, Fault>;

#[derive(Clone, Copy)]
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn corrupt<T>(&self, at: usize, what: impl Into<String>) -> Read<T> {
        Err(Fault::Corrupt {
            at,
            what: what.into(),
        })
    }

    fn byte(&mut self) -> Read<u8> {
        let b = *self.bytes.get(self.pos).ok_or(Fault::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        if n > self.remaining() {
            return Err(Fault::Truncated);
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn varint(&mut self) -> Read<u64> {
        // Most numbers are under 128: one byte.
        if let Some(&b) = self.bytes.get(self.pos)
            && b < 0x80
        {
            self.pos += 1;
            return Ok(u64::from(b));
        }
        let at = self.pos;
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            // The tenth byte may only hold the top bit.
            if shift == 63 && b > 1 {
                break;
            }
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        self.corrupt(at, "a number is longer than 64 bits")
    }

    fn u32(&mut self, what: &str) -> Read<u32> {
        let at = self.pos;
        let v = self.varint()?;
        u32::try_from(v).or_else(|_| self.corrupt(at, format!("{what} {v} is too large")))
    }

    /// A count of items that take at least `min` bytes each: one larger
    /// than the bytes left can hold is a truncated (or corrupt) file.
    fn count(&mut self, min: usize) -> Read<usize> {
        let v = self.varint()?;
        match v.checked_mul(min as u64) {
            Some(bytes) if bytes <= self.remaining() as u64 => Ok(v as usize),
            _ => Err(Fault::Truncated),
        }
    }
}

/// Where the symbols of labels, types and keys come from.
trait Resolve {
    /// The symbol of string `i`, if it may name a label, type or key.
    fn resolve(&mut self, i: usize) -> Option<Symbol>;
}

/// Versions 2 and 3: every one declared in the header and interned before
/// any record is read, so that chunks are decoded in parallel.
struct Declared<'s>(&'s [Option<Symbol>]);

impl Resolve for Declared<'_> {
    fn resolve(&mut self, i: usize) -> Option<Symbol> {
        self.0[i]
    }
}

/// Version 1: interned when first met.
struct OnUse<'s> {
    table: &'s [Arc<str>],
    of_string: &'s mut [Option<Symbol>],
    symbols: &'s mut Symbols,
}

impl Resolve for OnUse<'_> {
    fn resolve(&mut self, i: usize) -> Option<Symbol> {
        Some(*self.of_string[i].get_or_insert_with(|| self.symbols.intern(&self.table[i])))
    }
}

struct Decoder<'a> {
    r: Reader<'a>,
    table: &'a [Arc<str>],
    /// The string values of the records ahead, when cloned beforehand
    /// (see [`clones_by_string`]).
    ahead: Ahead,
}

/// Clones of the string values of a chunk, in the order the values come
/// (but made in the order of the string table).
#[derive(Default)]
struct Ahead {
    clones: Vec<Option<Arc<str>>>,
    next: usize,
}

impl Ahead {
    /// The clone for the next string value, if made.
    fn next(&mut self) -> Option<Arc<str>> {
        let at = self.next;
        self.next += 1;
        self.clones.get_mut(at)?.take()
    }
}

/// The nodes of one run of records, decoded, with their index keys.
struct NodeRun {
    ids: Vec<u32>,
    nodes: Vec<NodeData>,
    keys: NodeKeys,
}

/// The relationships of one run of records, decoded.
struct RelRun {
    ends: Vec<RelEnds>,
    props: Vec<Props>,
}

/// A node's id, labels and properties.
type NodeRecord = (u32, Vec<Symbol>, Vec<(Symbol, Value)>);

/// A fault in a run of records and where it was: the record it was in.
type RunFault = (Fault, String);

impl<'a> Decoder<'a> {
    fn new(r: Reader<'a>, table: &'a [Arc<str>]) -> Decoder<'a> {
        Decoder {
            r,
            table,
            ahead: Ahead::default(),
        }
    }

    fn index(&mut self) -> Read<usize> {
        let at = self.r.pos;
        let i = self.r.varint()?;
        if i >= self.table.len() as u64 {
            return self.r.corrupt(
                at,
                format!("string {i} is not in the table of {}", self.table.len()),
            );
        }
        Ok(i as usize)
    }

    fn string(&mut self) -> Read<Arc<str>> {
        let i = self.index()?;
        Ok(self.table[i].clone())
    }

    /// A string value: the next one cloned beforehand, if there is one.
    fn string_value(&mut self) -> Read<Arc<str>> {
        let i = self.index()?;
        Ok(match self.ahead.next() {
            Some(s) => s,
            None => self.table[i].clone(),
        })
    }

    fn symbol(&mut self, syms: &mut impl Resolve) -> Read<Symbol> {
        let at = self.r.pos;
        let i = self.index()?;
        match syms.resolve(i) {
            Some(sym) => Ok(sym),
            None => self.r.corrupt(
                at,
                format!("string {i} is not declared as a label, type or key"),
            ),
        }
    }

    fn props(&mut self, syms: &mut impl Resolve) -> Read<Vec<(Symbol, Value)>> {
        let n = self.r.count(2)?;
        let mut props = Vec::with_capacity(n.min(SMALL));
        for _ in 0..n {
            let k = self.symbol(syms)?;
            props.push((k, self.value(0)?));
        }
        Ok(props)
    }

    fn value(&mut self, depth: usize) -> Read<Value> {
        let at = self.r.pos;
        Ok(match self.r.byte()? {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Int(unzigzag(self.r.varint()?)),
            FLOAT => {
                let b = self.r.take(8)?;
                let mut bits = [0u8; 8];
                bits.copy_from_slice(b);
                Value::Float(f64::from_bits(u64::from_le_bytes(bits)))
            }
            STRING => Value::String(self.string_value()?),
            LIST | MAP if depth >= MAX_DEPTH => {
                return self
                    .r
                    .corrupt(at, format!("values nest deeper than {MAX_DEPTH} levels"));
            }
            LIST => {
                let n = self.r.count(1)?;
                let mut items = Vec::with_capacity(n.min(SMALL));
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Value::List(items)
            }
            MAP => {
                let n = self.r.count(2)?;
                let mut m = Map::new();
                for _ in 0..n {
                    let k = self.string()?;
                    m.insert(k, self.value(depth + 1)?);
                }
                Value::from(m)
            }
            NODE => Value::Node(NodeId(self.r.u32("node id")?)),
            REL => Value::Rel(RelId(self.r.u32("relationship id")?)),
            PATH => {
                let n = self.r.count(1)?;
                let mut nodes = Vec::with_capacity(n.min(SMALL));
                for _ in 0..n {
                    nodes.push(NodeId(self.r.u32("node id")?));
                }
                let n = self.r.count(1)?;
                let mut rels = Vec::with_capacity(n.min(SMALL));
                for _ in 0..n {
                    rels.push(RelId(self.r.u32("relationship id")?));
                }
                Value::from(Path { nodes, rels })
            }
            tag => return self.r.corrupt(at, format!("unknown value tag {tag}")),
        })
    }

    /// The next id: the previous plus one (`next`) plus a gap.
    fn id(&mut self, next: u64, what: &str) -> Read<u32> {
        let at = self.r.pos;
        let gap = self.r.varint()?;
        match next.checked_add(gap).map(u32::try_from) {
            Some(Ok(id)) => Ok(id),
            _ => self.r.corrupt(at, format!("{what} id past the largest")),
        }
    }

    /// A node record: its id, labels and properties.
    fn node(&mut self, syms: &mut impl Resolve, next: u64) -> Read<NodeRecord> {
        let id = self.id(next, "node")?;
        let n = self.r.count(1)?;
        let mut labels = Vec::with_capacity(n.min(SMALL));
        for _ in 0..n {
            labels.push(self.symbol(syms)?);
        }
        Ok((id, labels, self.props(syms)?))
    }

    /// `count` node records, the first being record `first` of the
    /// snapshot; ids count from 0. Each node's index keys are taken as it
    /// is read, with its properties in the cache.
    fn nodes(
        &mut self,
        syms: &mut impl Resolve,
        indexed: &[Symbol],
        count: usize,
        first: usize,
    ) -> Result<NodeRun, RunFault> {
        // The count was checked against the bytes the records span.
        let mut run = NodeRun {
            ids: Vec::with_capacity(count),
            nodes: Vec::with_capacity(count),
            keys: NodeKeys::with_capacity(count),
        };
        let mut next = 0;
        for i in 0..count {
            let (id, labels, props) = self
                .node(syms, next)
                .map_err(|f| (f, format!("node record {}", first + i)))?;
            next = u64::from(id) + 1;
            let node = NodeData::from_record(labels, props);
            run.keys.add(NodeId(id), &node, indexed);
            run.ids.push(id);
            run.nodes.push(node);
        }
        Ok(run)
    }

    /// A relationship, whose ends must be real nodes.
    fn rel(
        &mut self,
        syms: &mut impl Resolve,
        real: &NodeSet,
        next: u64,
    ) -> Read<(RelEnds, Props)> {
        let id = self.id(next, "relationship")?;
        let mut ends = [0; 2];
        for end in &mut ends {
            let at = self.r.pos;
            *end = self.r.u32("node id")?;
            if !real.contains(*end) {
                return self.r.corrupt(at, format!("node {end} does not exist"));
            }
        }
        let rel_type = self.symbol(syms)?;
        let props = Props::from_pairs(self.props(syms)?);
        Ok(((id, ends[0], ends[1], rel_type), props))
    }

    /// `count` relationship records, the first being record `first` of the
    /// snapshot; ids count from 0.
    fn rels(
        &mut self,
        syms: &mut impl Resolve,
        real: &NodeSet,
        count: usize,
        first: usize,
    ) -> Result<RelRun, RunFault> {
        // The count was checked against the bytes the records span.
        let mut run = RelRun {
            ends: Vec::with_capacity(count),
            props: Vec::with_capacity(count),
        };
        let mut next = 0;
        for i in 0..count {
            let (e, p) = self
                .rel(syms, real, next)
                .map_err(|f| (f, format!("relationship record {}", first + i)))?;
            next = u64::from(e.0) + 1;
            run.ends.push(e);
            run.props.push(p);
        }
        Ok(run)
    }
}

/// The first pass over a chunk: the string values of its records, listed
/// in the order they come, by the same grammar the decoder reads (but
/// nothing else checked). `None` at the first fault: the decoder will find
/// it and say where.
struct Scan<'a> {
    r: Reader<'a>,
    strings: u64,
    refs: Vec<u32>,
}

impl Scan<'_> {
    fn index(&mut self) -> Option<u32> {
        let i = self.r.varint().ok()?;
        if i >= self.strings {
            return None;
        }
        u32::try_from(i).ok()
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        match self.r.byte().ok()? {
            NULL | FALSE | TRUE => {}
            INT | NODE | REL => {
                self.r.varint().ok()?;
            }
            FLOAT => {
                self.r.take(8).ok()?;
            }
            STRING => {
                let i = self.index()?;
                self.refs.push(i);
            }
            LIST | MAP if depth >= MAX_DEPTH => return None,
            LIST => {
                for _ in 0..self.r.count(1).ok()? {
                    self.value(depth + 1)?;
                }
            }
            MAP => {
                for _ in 0..self.r.count(2).ok()? {
                    self.index()?;
                    self.value(depth + 1)?;
                }
            }
            PATH => {
                for _ in 0..2 {
                    for _ in 0..self.r.count(1).ok()? {
                        self.r.varint().ok()?;
                    }
                }
            }
            _ => return None,
        }
        Some(())
    }

    fn props(&mut self) -> Option<()> {
        for _ in 0..self.r.count(2).ok()? {
            self.index()?;
            self.value(0)?;
        }
        Some(())
    }

    fn record(&mut self, kind: Kind) -> Option<()> {
        self.r.varint().ok()?;
        match kind {
            Kind::Node => {
                for _ in 0..self.r.count(1).ok()? {
                    self.index()?;
                }
            }
            Kind::Rel => {
                for _ in 0..3 {
                    self.r.varint().ok()?;
                }
            }
        }
        self.props()
    }
}

/// The two kinds of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Node,
    Rel,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Node => "node",
            Kind::Rel => "relationship",
        }
    }

    /// The fewest bytes a record takes.
    fn min_bytes(self) -> usize {
        match self {
            Kind::Node => 3,
            Kind::Rel => 5,
        }
    }
}

/// A string met this many times in a chunk is copied for the chunk, and
/// its clones made from the copy.
const HOT: usize = 64;

/// A clone of string `refs[k]` of the table for each `k`, made in the
/// order of the table: the references, sorted by string, are cloned a
/// string at a time, so that each reference count is fetched once for all
/// its clones and the table is read from one end to the other. A string
/// met often (an evidence sentence, a
/// unit) is copied for the chunk first: chunks decoded at once on several
/// cores would otherwise take turns at one reference count, each waiting
/// for the other's cache. Every reference is in the table.
fn clones_by_string(table: &[Arc<str>], refs: &[u32]) -> Ahead {
    let bits = u32::BITS - (table.len() as u32).leading_zeros();
    let sorted = bulk::radix_sort(
        refs.iter()
            .enumerate()
            .map(|(k, &i)| (i, k as u32))
            .collect(),
        bits,
        |r| r.0,
    );
    let mut clones = vec![None; refs.len()];
    for run in sorted.chunk_by(|a, b| a.0 == b.0) {
        let Some(s) = table.get(run[0].0 as usize) else {
            continue;
        };
        let s = if run.len() >= HOT {
            Arc::from(&**s)
        } else {
            s.clone()
        };
        for &(_, k) in &run[1..] {
            clones[k as usize] = Some(s.clone());
        }
        clones[run[0].1 as usize] = Some(s);
    }
    Ahead { clones, next: 0 }
}

/// Decode a binary snapshot. The error says what is wrong and where:
/// `binary snapshot truncated at byte 812, in relationship record 17`.
/// `verify` checks the checksum (tests turn it off to reach the decoder
/// with corrupt bytes).
pub(crate) fn decode(bytes: &[u8], verify: bool) -> Result<Graph, String> {
    read_all(bytes, verify).map(Bulk::finish)
}

/// [`decode`] of a snapshot read into memory, which is freed before the
/// indexes are built (their memory is then the snapshot's, used again).
pub(crate) fn decode_owned(bytes: Vec<u8>, verify: bool) -> Result<Graph, String> {
    let bulk = read_all(&bytes, verify)?;
    drop(bytes);
    Ok(bulk.finish())
}

/// The records of a binary snapshot, in a graph still to be finished.
fn read_all(bytes: &[u8], verify: bool) -> Result<Bulk, String> {
    let mut place = String::from("the header");
    let mut bulk = Bulk::with_capacity(0, 0);
    match read(bytes, &mut bulk, &mut place, verify) {
        Ok(()) => Ok(bulk),
        Err(Fault::Truncated) => Err(format!(
            "binary snapshot truncated at byte {}, in {place}",
            bytes.len()
        )),
        Err(Fault::Version(v)) => Err(format!(
            "binary snapshot version {v} is not supported (this build reads 1 to {VERSION})"
        )),
        Err(Fault::Corrupt { at, what }) => Err(format!(
            "binary snapshot corrupt at byte {at}, in {place}: {what}"
        )),
    }
}

/// A run of records: how many, and the bytes they span (`None`: up to
/// where they end, when they are one run, in versions 1 and 2).
struct Chunk {
    records: usize,
    bytes: Option<usize>,
}

impl Decoder<'_> {
    /// A chunk table of records of `kind`, which must hold `total` in all.
    fn chunk_table(&mut self, kind: Kind, total: usize) -> Read<Vec<Chunk>> {
        let at = self.r.pos;
        let n = self.r.count(2)?;
        let mut chunks = Vec::with_capacity(n.min(SMALL));
        let mut sum = 0;
        let what = match kind {
            Kind::Node => "nodes",
            Kind::Rel => "relationships",
        };
        for _ in 0..n {
            let records = self.r.count(kind.min_bytes())?;
            let bytes = self.r.count(1)?;
            if records > bytes / kind.min_bytes() {
                return self.r.corrupt(
                    at,
                    format!("a chunk of {bytes} bytes cannot hold {records} {what}"),
                );
            }
            sum += records;
            chunks.push(Chunk {
                records,
                bytes: Some(bytes),
            });
        }
        if sum != total {
            return self
                .r
                .corrupt(at, format!("the chunks hold {sum} {what}, not {total}"));
        }
        Ok(chunks)
    }
}

/// Records of one kind in chunks of known lengths.
struct Section<'c> {
    kind: Kind,
    /// The byte where the first chunk starts.
    start: usize,
    chunks: &'c [Chunk],
}

/// The records of a section, each chunk decoded by `decode` (with its
/// record count and the number of its first record) on any core, its
/// string values cloned beforehand, and handed in order to `consume`
/// (with the byte where its chunk starts and the number of its first
/// record) a wave of chunks behind the decoding, so that both go on at
/// once; the byte where they end. `ids` gives a run's first and last id,
/// which must ascend from one chunk to the next.
fn in_chunks<T: Send>(
    bytes: &[u8],
    table: &[Arc<str>],
    Section {
        kind,
        start,
        chunks,
    }: Section,
    decode: impl Fn(&mut Decoder, usize, usize) -> Result<T, RunFault> + Sync,
    ids: impl Fn(&T) -> Option<(u32, u32)>,
    mut consume: impl FnMut(T, usize, usize) -> Result<(), RunFault> + Send,
) -> Result<usize, RunFault> {
    // Where each chunk starts, and the number of its first record.
    let mut at = (start, 0);
    let spans: Vec<(usize, usize, &Chunk)> = chunks
        .iter()
        .map(|c| {
            let span = (at.0, at.1, c);
            at = (at.0.saturating_add(c.bytes.unwrap_or(0)), at.1 + c.records);
            span
        })
        .collect();
    let decode_chunk = |&(from, first, c): &(usize, usize, &Chunk)| {
        let to = from.saturating_add(c.bytes.unwrap_or(0));
        let r = Reader {
            bytes: &bytes[..to.min(bytes.len())],
            pos: from.min(bytes.len()),
        };
        let mut d = Decoder::new(r, table);
        if kind == Kind::Rel {
            let mut scan = Scan {
                r,
                strings: table.len() as u64,
                refs: Vec::new(),
            };
            if (0..c.records).all(|_| scan.record(kind).is_some()) {
                d.ahead = clones_by_string(table, &scan.refs);
            }
        }
        let run = decode(&mut d, c.records, first);
        let place = || format!("the chunk of {} records from {first}", kind.name());
        match run {
            // Past the chunk's end but not the file's: its records are
            // longer than it says.
            Err((Fault::Truncated, _)) if to <= bytes.len() => Err((
                Fault::Corrupt {
                    at: to,
                    what: "its records run past its end".into(),
                },
                place(),
            )),
            Ok(_) if d.r.pos < to => Err((
                Fault::Corrupt {
                    at: d.r.pos,
                    what: format!("{} bytes left after its records", to - d.r.pos),
                },
                place(),
            )),
            run => run,
        }
    };
    let wave = 2 * rayon::current_num_threads();
    let mut last: Option<u32> = None;
    let mut ready: Vec<(T, usize, usize)> = Vec::new();
    for spans in spans.chunks(wave) {
        let (runs, consumed) = rayon::join(
            || spans.par_iter().map(decode_chunk).collect::<Vec<_>>(),
            || {
                ready
                    .drain(..)
                    .try_for_each(|(run, from, first)| consume(run, from, first))
            },
        );
        consumed?;
        for (run, &(from, first, _)) in runs.into_iter().zip(spans) {
            let run = run?;
            let span = ids(&run);
            if let (Some(l), Some((f, _))) = (last, span)
                && f <= l
            {
                return Err((
                    Fault::Corrupt {
                        at: from,
                        what: format!("id {f} is out of order or repeated"),
                    },
                    format!("{} record {first}", kind.name()),
                ));
            }
            last = span.map(|s| s.1).or(last);
            ready.push((run, from, first));
        }
    }
    for (run, from, first) in ready {
        consume(run, from, first)?;
    }
    Ok(at.0)
}

/// Strings `range` of the table, from where `r` is.
fn strings_from(r: &mut Reader, range: std::ops::Range<usize>) -> Read<Vec<Arc<str>>> {
    let mut table = Vec::with_capacity(range.len());
    for i in range {
        let n = r.count(1)?;
        let at = r.pos;
        let s = std::str::from_utf8(r.take(n)?)
            .or_else(|_| r.corrupt(at, format!("string {i} is not UTF-8")))?;
        table.push(Arc::from(s));
    }
    Ok(table)
}

/// The string table of `strings` strings: its two halves are read at once
/// (where the second starts is found by skipping over the first).
fn string_table(r: &mut Reader, strings: usize) -> Read<Vec<Arc<str>>> {
    let half = strings / 2;
    let mut second = *r;
    let found =
        half >= 1 << 12 && (0..half).all(|_| second.count(1).and_then(|n| second.take(n)).is_ok());
    if !found {
        // Small, or the first half is cut short: it says where.
        return strings_from(r, 0..strings);
    }
    let (first, rest) = rayon::join(
        || strings_from(r, 0..half),
        || strings_from(&mut second, half..strings),
    );
    let mut table = first?;
    table.extend(rest?);
    r.pos = second.pos;
    Ok(table)
}

/// Read the whole snapshot into `bulk`, keeping `place` up to date for the
/// error message.
fn read(bytes: &[u8], bulk: &mut Bulk, place: &mut String, verify: bool) -> Read<()> {
    let mut r = Reader { bytes, pos: 0 };
    if bytes.len() < MAGIC.len() && MAGIC.starts_with(bytes) {
        return Err(Fault::Truncated);
    }
    if !bytes.starts_with(&MAGIC) {
        return r.corrupt(0, "not a newsgraph binary snapshot");
    }
    r.pos = MAGIC.len();
    let mut v = [0u8; 4];
    v.copy_from_slice(r.take(4)?);
    let version = u32::from_le_bytes(v);
    if !(1..=VERSION).contains(&version) {
        return Err(Fault::Version(version));
    }
    // Every count is checked against the bytes left (each item takes at
    // least a byte or a few), so no more than the file's size is reserved.
    let strings = r.count(1)?;
    let nodes = r.count(3)?;
    let rels = r.count(5)?;
    *bulk = Bulk::with_capacity(nodes, rels);
    *place = "the string table".into();
    let table = string_table(&mut r, strings)?;
    let mut d = Decoder::new(r, &table);
    let mut of_string: Vec<Option<Symbol>> = vec![None; strings];
    // One run of unknown length: the records of versions before chunks.
    let one_run = |records| {
        vec![Chunk {
            records,
            bytes: None,
        }]
    };
    let (node_chunks, rel_chunks) = if version == 1 {
        (one_run(nodes), one_run(rels))
    } else {
        *place = "the symbol list".into();
        for _ in 0..d.r.count(1)? {
            let i = d.index()?;
            if of_string[i].is_none() {
                of_string[i] = Some(bulk.symbol(&table[i]));
            }
        }
        let node_chunks = if version >= 3 {
            *place = "the node chunk table".into();
            d.chunk_table(Kind::Node, nodes)?
        } else {
            one_run(nodes)
        };
        *place = "the relationship chunk table".into();
        (node_chunks, d.chunk_table(Kind::Rel, rels)?)
    };
    // The place is named only on an error: formatting it for every record
    // would cost more than reading the record.
    let fail = |place: &mut String, (fault, at): RunFault| {
        *place = at;
        fault
    };
    // Version 3 says where the records end: the checksum is worked out
    // while they are decoded.
    let records_end = (version >= 3).then(|| {
        node_chunks
            .iter()
            .chain(&rel_chunks)
            .fold(d.r.pos, |at, c| at.saturating_add(c.bytes.unwrap_or(0)))
    });
    let (crc, end) = rayon::join(
        || {
            records_end
                .filter(|_| verify)
                .and_then(|e| bytes.get(..e))
                .map(|b| (b.len(), crc32fast::hash(b)))
        },
        || -> Read<usize> {
            let indexed = bulk.indexed().to_vec();
            let node_run = match &node_chunks[..] {
                [Chunk { bytes: None, .. }] if version == 1 => {
                    let mut syms = OnUse {
                        table: &table,
                        of_string: &mut of_string,
                        symbols: bulk.symbols_mut(),
                    };
                    Some(d.nodes(&mut syms, &indexed, nodes, 0))
                }
                [Chunk { bytes: None, .. }] => {
                    Some(d.nodes(&mut Declared(&of_string), &indexed, nodes, 0))
                }
                _ => None,
            };
            let add_nodes = |bulk: &mut Bulk, run: NodeRun, from: usize, first: usize| {
                bulk.add_nodes(run.ids, run.nodes, run.keys)
                    .map_err(|(i, what)| {
                        (
                            Fault::Corrupt { at: from, what },
                            format!("node record {}", first + i),
                        )
                    })
            };
            match node_run {
                Some(run) => {
                    let from = d.r.pos;
                    let run = run.map_err(|f| fail(place, f))?;
                    add_nodes(bulk, run, from, 0).map_err(|f| fail(place, f))?;
                }
                None => {
                    let of_string = &of_string;
                    d.r.pos = in_chunks(
                        bytes,
                        &table,
                        Section {
                            kind: Kind::Node,
                            start: d.r.pos,
                            chunks: &node_chunks,
                        },
                        |d, count, first| d.nodes(&mut Declared(of_string), &indexed, count, first),
                        |run: &NodeRun| Some((*run.ids.first()?, *run.ids.last()?)),
                        |run, from, first| add_nodes(bulk, run, from, first),
                    )
                    .map_err(|f| fail(place, f))?;
                }
            }
            // The relationships are read while the nodes are indexed, and go into
            // the graph as they are read.
            let start = d.r.pos;
            let end = bulk.read_rels_while_indexing_nodes(|symbols, real, sink| {
                if let [
                    Chunk {
                        records,
                        bytes: None,
                    },
                ] = rel_chunks[..]
                {
                    let mut syms = OnUse {
                        table: &table,
                        of_string: &mut of_string,
                        symbols,
                    };
                    let run = d.rels(&mut syms, real, records, 0)?;
                    sink.add(run.ends, run.props);
                    return Ok(d.r.pos);
                }
                let of_string = &of_string;
                in_chunks(
                    bytes,
                    &table,
                    Section {
                        kind: Kind::Rel,
                        start,
                        chunks: &rel_chunks,
                    },
                    |d, count, first| d.rels(&mut Declared(of_string), real, count, first),
                    |run: &RelRun| Some((run.ends.first()?.0, run.ends.last()?.0)),
                    |run, _, _| {
                        sink.add(run.ends, run.props);
                        Ok(())
                    },
                )
            });
            end.map_err(|f| fail(place, f))
        },
    );
    let end = end?;
    d.r.pos = end;
    *place = "the checksum".into();
    let mut c = [0u8; 4];
    c.copy_from_slice(d.r.take(4)?);
    if verify {
        let crc = match crc {
            Some((upto, crc)) if upto == end => crc,
            _ => crc32fast::hash(&bytes[..end]),
        };
        if u32::from_le_bytes(c) != crc {
            return d.r.corrupt(end, "the checksum does not match");
        }
    }
    if d.r.remaining() > 0 {
        let extra = d.r.remaining();
        return d
            .r
            .corrupt(d.r.pos, format!("{extra} bytes after the checksum"));
    }
    Ok(())
}
