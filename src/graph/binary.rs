//! The binary snapshot format (`.ngb`): compact, and loaded straight into
//! the graph's records, the relationships decoded in parallel.
//!
//! Layout, version 2 (integers are unsigned LEB128 varints unless said
//! otherwise; "string" is an index into the string table):
//!
//! ```text
//! magic      8 bytes   89 4E 47 42 0D 0A 1A 0A   ("\x89NGB\r\n\x1a\n")
//! version    u32, little-endian                  (2)
//! counts     strings, nodes, relationships
//! strings    each: byte length, UTF-8 bytes      (labels, types, keys and string values, each once)
//! symbols    count, then each: string            (the labels, types and keys, in the order first used)
//! chunks     count, then each: record count, byte length   (the relationship records, in runs)
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
//! gaps deletions leave are kept. The chunks let the relationships, most
//! of a snapshot, be decoded on every core: each starts where the one
//! before ends, and the symbols are known before any record is read.
//! Version 1 has neither symbols nor chunks (the relationships are one
//! run, labels, types and keys interned as met) and is still read. The
//! magic's first byte is not valid at the start of JSON or UTF-8, so a
//! loader tells the formats apart by it; the line ending bytes catch a
//! transfer in text mode. Reading never trusts a length: every count is
//! checked against the bytes that remain before anything is allocated
//! (so a corrupt count reserves at most a small multiple of the file),
//! values nest at most [`MAX_DEPTH`] deep, and every fault is an error
//! naming the byte where it was found.

use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoNodeReferences};
use rayon::prelude::*;

use super::bulk::{Bulk, RelEnds};
use super::{Graph, Props, Symbol, Symbols};
use crate::value::{Map, NodeId, Path, RelId, Value};

/// The first bytes of every binary snapshot.
pub(crate) const MAGIC: [u8; 8] = *b"\x89NGB\r\n\x1a\n";
/// The layout version this build writes (it reads this one and 1).
pub(crate) const VERSION: u32 = 2;
/// Relationship records a chunk holds: enough that starting one costs
/// nothing next to decoding it, few enough that a graph of a million
/// relationships splits into work for many cores.
const REL_CHUNK: usize = 1 << 16;
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

fn too_deep() -> String {
    format!("a property value nests lists or maps deeper than {MAX_DEPTH} levels")
}

/// Encode a graph; fails only on a property value nested too deep.
pub(crate) fn encode(graph: &Graph) -> Result<Encoded, String> {
    encode_in_chunks(graph, REL_CHUNK)
}

/// [`encode`] with `chunk` relationship records a chunk (tests make many
/// small ones).
pub(crate) fn encode_in_chunks(graph: &Graph, chunk: usize) -> Result<Encoded, String> {
    let mut enc = Encoder {
        graph,
        strings: Vec::new(),
        ids: HashMap::new(),
        symbols: vec![u32::MAX; graph.symbols.names.len()],
        declared: Vec::new(),
        body: Vec::with_capacity(graph.node_count() * 24 + graph.rel_count() * 32),
    };
    let mut next = 0u32;
    // Both walks go in ascending id order.
    for (ix, node) in graph.inner.node_references() {
        let id = ix.index() as u32;
        put(&mut enc.body, (id - next).into());
        next = id + 1;
        put(&mut enc.body, node.labels.len() as u64);
        for l in &node.labels {
            enc.symbol(*l);
        }
        enc.props(&node.props)?;
    }
    // Each chunk's ids count from 0, so it can be read without the ones
    // before it: (records, bytes) of each.
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let (mut start, mut records) = (enc.body.len(), 0);
    let mut next = 0u32;
    for e in graph.inner.edge_references() {
        if records == chunk {
            chunks.push((records, enc.body.len() - start));
            (start, records, next) = (enc.body.len(), 0, 0);
        }
        records += 1;
        let (id, rel) = (e.id().index() as u32, e.weight());
        let (start, end) = (e.source().index() as u32, e.target().index() as u32);
        put(&mut enc.body, (id - next).into());
        next = id + 1;
        put(&mut enc.body, start.into());
        put(&mut enc.body, end.into());
        enc.symbol(rel.rel_type);
        enc.props(&rel.props)?;
    }
    if records > 0 {
        chunks.push((records, enc.body.len() - start));
    }
    let mut head = Vec::with_capacity(
        32 + enc.strings.iter().map(|s| s.len() + 2).sum::<usize>()
            + 4 * (enc.declared.len() + 2 * chunks.len()),
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
    put(&mut head, chunks.len() as u64);
    for &(records, bytes) in &chunks {
        put(&mut head, records as u64);
        put(&mut head, bytes as u64);
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
        if v > (self.remaining() / min) as u64 {
            return Err(Fault::Truncated);
        }
        Ok(v as usize)
    }
}

/// Where the symbols of labels, types and keys come from.
trait Resolve {
    /// The symbol of string `i`, if it may name a label, type or key.
    fn resolve(&mut self, i: usize) -> Option<Symbol>;
}

/// Version 2: every one declared in the header and interned before any
/// record is read, so that chunks are decoded in parallel.
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
}

/// The relationships of one chunk, decoded.
struct RelRun {
    ends: Vec<RelEnds>,
    props: Vec<Props>,
}

/// A node's id, labels and properties.
type NodeRecord = (u32, Vec<Symbol>, Vec<(Symbol, Value)>);

/// A fault in a chunk and where it was: the record it was in.
type RunFault = (Fault, String);

impl Decoder<'_> {
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
            STRING => Value::String(self.string()?),
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

    /// The next id: the previous plus one plus a gap.
    fn id(&mut self, next: u32, what: &str) -> Read<u32> {
        let at = self.r.pos;
        let gap = self.r.varint()?;
        match u32::try_from(u64::from(next) + gap) {
            Ok(id) => Ok(id),
            Err(_) => self.r.corrupt(at, format!("{what} id past the largest")),
        }
    }

    /// A node record: its id, labels and properties.
    fn node(&mut self, syms: &mut impl Resolve, next: u32) -> Read<NodeRecord> {
        let id = self.id(next, "node")?;
        let n = self.r.count(1)?;
        let mut labels = Vec::with_capacity(n.min(SMALL));
        for _ in 0..n {
            labels.push(self.symbol(syms)?);
        }
        Ok((id, labels, self.props(syms)?))
    }

    /// A relationship, whose ends must be real nodes.
    fn rel(&mut self, syms: &mut impl Resolve, real: &[bool], next: u32) -> Read<(RelEnds, Props)> {
        let id = self.id(next, "relationship")?;
        let mut ends = [0; 2];
        for end in &mut ends {
            let at = self.r.pos;
            *end = self.r.u32("node id")?;
            if !real.get(*end as usize).copied().unwrap_or(false) {
                return self.r.corrupt(at, format!("node {end} does not exist"));
            }
        }
        let rel_type = self.symbol(syms)?;
        let props = Props::from_pairs(self.props(syms)?);
        Ok(((id, ends[0], ends[1], rel_type), props))
    }

    /// `count` relationship records, the first being record `first` of
    /// the snapshot; ids count from 0.
    fn rels(
        &mut self,
        syms: &mut impl Resolve,
        real: &[bool],
        count: usize,
        first: usize,
    ) -> Result<RelRun, RunFault> {
        // The count was checked against the bytes the chunk spans.
        let mut run = RelRun {
            ends: Vec::with_capacity(count),
            props: Vec::with_capacity(count),
        };
        let mut next = 0;
        for i in 0..count {
            let (e, p) = self
                .rel(syms, real, next)
                .map_err(|f| (f, format!("relationship record {}", first + i)))?;
            next = e.0 + 1;
            run.ends.push(e);
            run.props.push(p);
        }
        Ok(run)
    }
}

/// Decode a binary snapshot. The error says what is wrong and where:
/// `binary snapshot truncated at byte 812, in relationship record 17`.
/// `verify` checks the checksum (tests turn it off to reach the decoder
/// with corrupt bytes).
pub(crate) fn decode(bytes: &[u8], verify: bool) -> Result<Graph, String> {
    let mut place = String::from("the header");
    let mut bulk = Bulk::with_capacity(0, 0);
    match read(bytes, &mut bulk, &mut place, verify) {
        Ok(()) => Ok(bulk.finish()),
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

/// A run of relationship records: how many, and the bytes they span
/// (`None`: up to the checksum, in version 1).
struct Chunk {
    records: usize,
    bytes: Option<usize>,
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
    let mut table: Vec<Arc<str>> = Vec::with_capacity(strings);
    for i in 0..strings {
        let n = r.count(1)?;
        let at = r.pos;
        let s = std::str::from_utf8(r.take(n)?)
            .or_else(|_| r.corrupt(at, format!("string {i} is not UTF-8")))?;
        table.push(Arc::from(s));
    }
    let mut d = Decoder { r, table: &table };
    let mut of_string: Vec<Option<Symbol>> = vec![None; strings];
    let chunks = if version == 1 {
        vec![Chunk {
            records: rels,
            bytes: None,
        }]
    } else {
        *place = "the symbol list".into();
        for _ in 0..d.r.count(1)? {
            let i = d.index()?;
            if of_string[i].is_none() {
                of_string[i] = Some(bulk.symbol(&table[i]));
            }
        }
        *place = "the chunk table".into();
        let at = d.r.pos;
        let n = d.r.count(2)?;
        let mut chunks = Vec::with_capacity(n.min(SMALL));
        let mut total = 0;
        for _ in 0..n {
            let records = d.r.count(5)?;
            let bytes = d.r.count(1)?;
            if records > bytes / 5 {
                return d.r.corrupt(
                    at,
                    format!("a chunk of {bytes} bytes cannot hold {records} relationships"),
                );
            }
            total += records;
            chunks.push(Chunk {
                records,
                bytes: Some(bytes),
            });
        }
        if total != rels {
            return d.r.corrupt(
                at,
                format!("the chunks hold {total} relationships, not {rels}"),
            );
        }
        chunks
    };
    // The place is named only on an error: formatting it for every record
    // would cost more than reading the record.
    let mut next = 0;
    for i in 0..nodes {
        let record = if version == 1 {
            let mut syms = OnUse {
                table: &table,
                of_string: &mut of_string,
                symbols: bulk.symbols_mut(),
            };
            d.node(&mut syms, next)
        } else {
            d.node(&mut Declared(&of_string), next)
        };
        let (id, labels, props) = record.inspect_err(|_| *place = format!("node record {i}"))?;
        if let Err(e) = bulk.add_node(id, labels, props) {
            *place = format!("node record {i}");
            return d.r.corrupt(d.r.pos, e);
        }
        next = id + 1;
    }
    // The relationships are read while the nodes are indexed.
    let start = d.r.pos;
    let runs = bulk.read_rels_while_indexing_nodes(|symbols, real| {
        if let [
            Chunk {
                records,
                bytes: None,
            },
        ] = chunks[..]
        {
            let mut syms = OnUse {
                table: &table,
                of_string: &mut of_string,
                symbols,
            };
            let run = d.rels(&mut syms, real, records, 0)?;
            return Ok((vec![run], d.r.pos));
        }
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
        let runs: Vec<Result<RelRun, RunFault>> = spans
            .par_iter()
            .map(|&(from, first, c)| {
                let to = from.saturating_add(c.bytes.unwrap_or(0));
                let mut d = Decoder {
                    r: Reader {
                        bytes: &bytes[..to.min(bytes.len())],
                        pos: from.min(bytes.len()),
                    },
                    table: &table,
                };
                let run = d.rels(&mut Declared(&of_string), real, c.records, first);
                let place = || format!("the chunk of relationship records from {first}");
                match run {
                    // Past the chunk's end but not the file's: its records
                    // are longer than it says.
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
            })
            .collect();
        let mut out = Vec::with_capacity(runs.len());
        let mut last: Option<u32> = None;
        for (run, &(from, first, _)) in runs.into_iter().zip(&spans) {
            let run = run?;
            if let (Some(l), Some(e)) = (last, run.ends.first())
                && e.0 <= l
            {
                return Err((
                    Fault::Corrupt {
                        at: from,
                        what: format!("id {} is out of order or repeated", e.0),
                    },
                    format!("relationship record {first}"),
                ));
            }
            last = run.ends.last().map(|e| e.0).or(last);
            out.push(run);
        }
        Ok((out, at.0))
    });
    let (runs, end) = runs.map_err(|(fault, at)| {
        *place = at;
        fault
    })?;
    d.r.pos = end;
    *place = "the checksum".into();
    let mut c = [0u8; 4];
    c.copy_from_slice(d.r.take(4)?);
    if verify && u32::from_le_bytes(c) != crc32fast::hash(&bytes[..end]) {
        return d.r.corrupt(end, "the checksum does not match");
    }
    if d.r.remaining() > 0 {
        let extra = d.r.remaining();
        return d
            .r
            .corrupt(d.r.pos, format!("{extra} bytes after the checksum"));
    }
    let (ends, props) = runs.into_iter().map(|r| (r.ends, r.props)).unzip();
    bulk.add_rels(ends, props);
    Ok(())
}
