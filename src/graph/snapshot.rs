//! Snapshots of the graph that round-trip exactly (ids, labels, types, and
//! every property with its integer or float type), as JSON or in the
//! binary format of `binary.rs`; both are read and written in one pass,
//! straight between the graph's records and the file.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::path::Path;

use petgraph::visit::{EdgeRef, IntoEdgeReferences, IntoNodeReferences};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value as Json, json};

use super::bulk::Bulk;
use super::{Graph, Props, Symbol, binary};
use crate::value::Value;

/// The `format` field every JSON snapshot carries.
const FORMAT: &str = "newsgraph-snapshot";
/// The JSON snapshot layout version this build reads and writes.
const VERSION: i64 = 1;

/// The two ways a snapshot is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotFormat {
    /// Pretty-printed JSON: readable, diffable, the default.
    Json,
    /// The compact binary format (`.ngb`): a fraction of the size, and
    /// loaded many times faster.
    Binary,
}

impl SnapshotFormat {
    /// The format [`Graph::save`] writes to a path: binary when the file
    /// name ends in `.ngb` (any case), JSON otherwise.
    pub fn for_path(path: impl AsRef<Path>) -> SnapshotFormat {
        match path.as_ref().extension() {
            Some(ext) if ext.eq_ignore_ascii_case("ngb") => SnapshotFormat::Binary,
            _ => SnapshotFormat::Json,
        }
    }
}

/// A snapshot that could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not JSON.
    #[error("{path}: not a JSON snapshot: {source}")]
    Json {
        /// The file.
        path: String,
        /// Where the JSON broke.
        source: serde_json::Error,
    },
    /// The JSON does not have the snapshot's shape.
    #[error("{path}: {message}")]
    Shape {
        /// The file.
        path: String,
        /// What is wrong, and where.
        message: String,
    },
    /// The binary snapshot is truncated, corrupt or of another version, or
    /// the graph cannot be written in it.
    #[error("{path}: {message}")]
    Binary {
        /// The file.
        path: String,
        /// What is wrong, and at which byte.
        message: String,
    },
}

fn io_error(path: &Path, source: std::io::Error) -> SnapshotError {
    SnapshotError::Io {
        path: path.display().to_string(),
        source,
    }
}

impl Graph {
    /// The graph as a JSON snapshot value.
    pub fn to_snapshot_json(&self) -> Json {
        // Serializing to a value cannot fail: every key is a string.
        serde_json::to_value(SnapshotSer(self)).unwrap_or(Json::Null)
    }

    /// The graph as a binary snapshot (the bytes of a `.ngb` file). Fails
    /// only when a property value nests lists or maps more than 100 deep.
    pub fn to_binary_snapshot(&self) -> Result<Vec<u8>, String> {
        binary::encode(self).map(binary::Encoded::concat)
    }

    /// Write the graph to `path` as a snapshot: binary when the name ends
    /// in `.ngb`, JSON otherwise (see [`SnapshotFormat::for_path`]).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), SnapshotError> {
        let path = path.as_ref();
        self.save_as(path, SnapshotFormat::for_path(path))
    }

    /// Write the graph to `path` as a snapshot in `format`.
    pub fn save_as(
        &self,
        path: impl AsRef<Path>,
        format: SnapshotFormat,
    ) -> Result<(), SnapshotError> {
        let path = path.as_ref();
        match format {
            SnapshotFormat::Json => {
                let file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
                let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
                serde_json::to_writer_pretty(&mut out, &SnapshotSer(self)).map_err(|e| {
                    if e.is_io() {
                        io_error(path, e.into())
                    } else {
                        SnapshotError::Json {
                            path: path.display().to_string(),
                            source: e,
                        }
                    }
                })?;
                out.write_all(b"\n")
                    .and_then(|()| out.flush())
                    .map_err(|e| io_error(path, e))
            }
            SnapshotFormat::Binary => {
                let encoded = binary::encode(self).map_err(|message| SnapshotError::Binary {
                    path: path.display().to_string(),
                    message,
                })?;
                let mut file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
                file.write_all(&encoded.head)
                    .and_then(|()| file.write_all(&encoded.body))
                    .and_then(|()| file.write_all(&encoded.checksum))
                    .map_err(|e| io_error(path, e))
            }
        }
    }

    /// Read a graph from a snapshot written by [`Graph::save`], JSON or
    /// binary (told apart by the first byte).
    pub fn load(path: impl AsRef<Path>) -> Result<Graph, SnapshotError> {
        let path = path.as_ref();
        let name = || path.display().to_string();
        let bytes = read_file(path).map_err(|e| io_error(path, e))?;
        if bytes.first() == Some(&binary::MAGIC[0]) {
            return binary::decode_owned(bytes, true).map_err(|message| SnapshotError::Binary {
                path: name(),
                message,
            });
        }
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let top = TopSeed
            .deserialize(&mut de)
            .and_then(|top| de.end().map(|()| top))
            .map_err(|e| match e.classify() {
                serde_json::error::Category::Data => SnapshotError::Shape {
                    path: name(),
                    message: e.to_string(),
                },
                _ => SnapshotError::Json {
                    path: name(),
                    source: e,
                },
            })?;
        top.finish().map_err(|message| SnapshotError::Shape {
            path: name(),
            message,
        })
    }

    /// Rebuild a graph from a binary snapshot; the error says what is wrong
    /// and at which byte.
    pub fn from_binary_snapshot(bytes: &[u8]) -> Result<Graph, String> {
        binary::decode(bytes, true)
    }

    /// Rebuild a graph from a snapshot value; the error says what is wrong.
    pub fn from_snapshot_json(json: &Json) -> Result<Graph, String> {
        TopSeed
            .deserialize(json)
            .map_err(|e| e.to_string())?
            .finish()
    }
}

/// A whole file, read in as many parts at once as there are threads: a
/// snapshot is hundreds of megabytes, and copying them in from the page
/// cache is work for every core.
#[cfg(unix)]
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use rayon::prelude::*;
    use std::io::{Read, Seek, SeekFrom};
    use std::os::unix::fs::FileExt;
    let mut file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).map_err(std::io::Error::other)?;
    // Zeroed memory fresh from the system costs nothing to zero.
    let mut bytes = vec![0u8; len];
    let part = len.div_ceil(rayon::current_num_threads()).max(1 << 20);
    bytes
        .par_chunks_mut(part)
        .enumerate()
        .try_for_each(|(i, buf)| file.read_exact_at(buf, (i * part) as u64))?;
    // A file that grew while it was read: the rest, as it is now.
    file.seek(SeekFrom::Start(len as u64))?;
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(not(unix))]
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

// Writing: the graph serialized as it is walked, without a JSON tree.

/// The whole snapshot.
struct SnapshotSer<'g>(&'g Graph);

impl Serialize for SnapshotSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("format", FORMAT)?;
        m.serialize_entry("version", &VERSION)?;
        m.serialize_entry("nodes", &NodesSer(self.0))?;
        m.serialize_entry("relationships", &RelsSer(self.0))?;
        m.end()
    }
}

struct NodesSer<'g>(&'g Graph);

impl Serialize for NodesSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.0;
        let mut seq = s.serialize_seq(Some(g.node_count()))?;
        for (ix, node) in g.inner.node_references() {
            seq.serialize_element(&NodeSer {
                g,
                id: ix.index() as u32,
                labels: &node.labels,
                props: &node.props,
            })?;
        }
        seq.end()
    }
}

struct NodeSer<'g> {
    g: &'g Graph,
    id: u32,
    labels: &'g [Symbol],
    props: &'g Props,
}

impl Serialize for NodeSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("labels", &SymbolsSer(self.g, self.labels))?;
        m.serialize_entry("properties", &PropsSer(self.g, self.props))?;
        m.end()
    }
}

struct SymbolsSer<'g>(&'g Graph, &'g [Symbol]);

impl Serialize for SymbolsSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|l| &**self.0.symbols.name(*l)))
    }
}

struct PropsSer<'g>(&'g Graph, &'g Props);

impl Serialize for PropsSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.1.0.len()))?;
        for (k, v) in &self.1.0 {
            m.serialize_entry(&**self.0.symbols.name(*k), &ValueSer(v))?;
        }
        m.end()
    }
}

struct RelsSer<'g>(&'g Graph);

impl Serialize for RelsSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.0;
        let mut seq = s.serialize_seq(Some(g.rel_count()))?;
        for e in g.inner.edge_references() {
            seq.serialize_element(&RelSer {
                g,
                id: e.id().index() as u32,
                start: e.source().index() as u32,
                end: e.target().index() as u32,
                rel_type: e.weight().rel_type,
                props: &e.weight().props,
            })?;
        }
        seq.end()
    }
}

struct RelSer<'g> {
    g: &'g Graph,
    id: u32,
    start: u32,
    end: u32,
    rel_type: Symbol,
    props: &'g Props,
}

impl Serialize for RelSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("type", &**self.g.symbols.name(self.rel_type))?;
        m.serialize_entry("start", &self.start)?;
        m.serialize_entry("end", &self.end)?;
        m.serialize_entry("properties", &PropsSer(self.g, self.props))?;
        m.end()
    }
}

/// A property value, written as [`value_to_json`] builds it.
struct ValueSer<'v>(&'v Value);

impl Serialize for ValueSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Float(f) if f.is_finite() => s.serialize_f64(*f),
            Value::Float(f) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("float", &crate::value::format_float(*f))?;
                m.end()
            }
            Value::String(t) => s.serialize_str(t),
            Value::List(items) => s.collect_seq(items.iter().map(ValueSer)),
            Value::Map(map) => s.collect_map(map.iter().map(|(k, v)| (&**k, ValueSer(v)))),
            // Not storable as properties through queries; kept as
            // `value_to_json` writes them.
            Value::Node(_) | Value::Rel(_) | Value::Path(_) => value_to_json(self.0).serialize(s),
        }
    }
}

/// A property value as JSON. Floats that JSON cannot hold (NaN, infinities)
/// are written as `{"float": "NaN"}` so nothing is lost.
pub(crate) fn value_to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => json!(i),
        Value::Float(f) if f.is_finite() => json!(f),
        Value::Float(f) => json!({"float": crate::value::format_float(*f)}),
        Value::String(s) => Json::String(s.to_string()),
        Value::List(items) => Json::Array(items.iter().map(value_to_json).collect()),
        Value::Map(m) => Json::Object(
            m.iter()
                .map(|(k, v)| (k.to_string(), value_to_json(v)))
                .collect(),
        ),
        Value::Node(n) => json!({"node": n.0}),
        Value::Rel(r) => json!({"relationship": r.0}),
        Value::Path(p) => json!({"path": {"nodes": p.nodes.iter().map(|n| n.0).collect::<Vec<_>>(),
                                           "relationships": p.rels.iter().map(|r| r.0).collect::<Vec<_>>()}}),
    }
}

// Reading: serde visitors that put records straight into a `Bulk` graph,
// with the messages of the element-by-element reader they replace.

/// Visitor methods that reject every kind of value but the one a visitor
/// takes, with the visitor's own message (`self.wrong()`).
macro_rules! reject_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(self.wrong()))
        }
    };
}

macro_rules! reject_seq {
    () => {
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.wrong()))
        }
    };
}

macro_rules! reject_map {
    () => {
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.wrong()))
        }
    };
}

/// A JSON value read loosely: a whole number that fits in a `u32`, a
/// string, or anything else (skipped).
enum Loose<'de> {
    U32(u32),
    Str(Cow<'de, str>),
    Other,
}

impl<'de> de::Deserialize<'de> for Loose<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loose<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Loose<'de>, E> {
                Ok(Loose::Other)
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose<'de>, E> {
                Ok(u32::try_from(v).map_or(Loose::Other, Loose::U32))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose<'de>, E> {
                Ok(u32::try_from(v).map_or(Loose::Other, Loose::U32))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Loose<'de>, E> {
                Ok(Loose::Other)
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Loose<'de>, E> {
                Ok(Loose::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose<'de>, E> {
                Ok(Loose::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Loose<'de>, E> {
                Ok(Loose::Str(Cow::Owned(v)))
            }
            fn visit_unit<E>(self) -> Result<Loose<'de>, E> {
                Ok(Loose::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Loose<'de>, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Loose<'de>, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A key of a JSON object, borrowed from the input where it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Loose::deserialize(d)? {
            Loose::Str(s) => Ok(Key(s)),
            _ => Err(de::Error::custom("an object key is not a string")),
        }
    }
}

/// Where a record is: `nodes[3]` or `relationships[17]`.
#[derive(Clone, Copy)]
struct At {
    list: &'static str,
    index: usize,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

/// What the top level of a snapshot held.
struct Top {
    bulk: Bulk,
    format: Option<Json>,
    version: Option<Json>,
    /// Whether "nodes" and "relationships" were read into `bulk`.
    nodes_read: bool,
    rels_read: bool,
    /// The lists that came before the header was checked (a file whose
    /// keys were sorted, or not a snapshot at all), kept to read after it.
    nodes: Option<Json>,
    rels: Option<Json>,
}

impl Top {
    fn header_ok(&self) -> bool {
        self.format.as_ref().and_then(Json::as_str) == Some(FORMAT)
            && self.version.as_ref().and_then(Json::as_i64) == Some(VERSION)
    }

    fn finish(mut self) -> Result<Graph, String> {
        if self.format.as_ref().and_then(Json::as_str) != Some(FORMAT) {
            return Err(format!(
                "not a newsgraph snapshot (no \"format\": \"{FORMAT}\")"
            ));
        }
        match self.version.as_ref().and_then(Json::as_i64) {
            Some(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "snapshot version {v} is not supported (this build reads {VERSION})"
                ));
            }
            None => return Err("snapshot has no version".into()),
        }
        if !self.nodes_read {
            let json = self.nodes.take().unwrap_or(Json::Null);
            NodesSeed(&mut self.bulk)
                .deserialize(&json)
                .map_err(|e| e.to_string())?;
        }
        if !self.rels_read {
            let json = self.rels.take().unwrap_or(Json::Null);
            RelsSeed(&mut self.bulk)
                .deserialize(&json)
                .map_err(|e| e.to_string())?;
        }
        Ok(self.bulk.finish())
    }
}

struct TopSeed;

impl<'de> DeserializeSeed<'de> for TopSeed {
    type Value = Top;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Top, D::Error> {
        d.deserialize_any(TopVisitor(Top {
            bulk: Bulk::with_capacity(0, 0),
            format: None,
            version: None,
            nodes_read: false,
            rels_read: false,
            nodes: None,
            rels: None,
        }))
    }
}

struct TopVisitor(Top);

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a newsgraph snapshot")
    }

    // Anything but an object is not a snapshot, which `Top::finish` says.
    fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_str<E>(self, _: &str) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_unit<E>(self) -> Result<Top, E> {
        Ok(self.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Top, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Top, A::Error> {
        let mut top = self.0;
        while let Some(Key(key)) = a.next_key()? {
            match &*key {
                "format" => top.format = Some(a.next_value()?),
                "version" => top.version = Some(a.next_value()?),
                // Every snapshot newsgraph writes has its header first, and
                // its nodes before its relationships: those are read
                // straight into the graph. Others are kept as JSON and read
                // once the header is known to be right.
                "nodes" if top.header_ok() && !top.nodes_read && top.nodes.is_none() => {
                    a.next_value_seed(NodesSeed(&mut top.bulk))?;
                    top.nodes_read = true;
                }
                "relationships"
                    if top.header_ok()
                        && top.nodes_read
                        && !top.rels_read
                        && top.rels.is_none() =>
                {
                    a.next_value_seed(RelsSeed(&mut top.bulk))?;
                    top.rels_read = true;
                }
                "nodes" | "relationships" if top.nodes_read || top.rels_read => {
                    return Err(de::Error::custom(format!(
                        "snapshot: \"{key}\" appears twice"
                    )));
                }
                "nodes" => top.nodes = Some(a.next_value()?),
                "relationships" => top.rels = Some(a.next_value()?),
                _ => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }
}

/// The `nodes` list.
struct NodesSeed<'b>(&'b mut Bulk);

impl<'de> DeserializeSeed<'de> for NodesSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl NodesSeed<'_> {
    fn wrong(&self) -> String {
        "snapshot: \"nodes\" is missing or not a list".into()
    }
}

impl<'de> Visitor<'de> for NodesSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of nodes")
    }
    reject_scalars!();
    reject_map!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let mut index = 0;
        while a
            .next_element_seed(NodeSeed {
                bulk: self.0,
                at: At {
                    list: "nodes",
                    index,
                },
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

/// One node record.
struct NodeSeed<'b> {
    bulk: &'b mut Bulk,
    at: At,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl NodeSeed<'_> {
    fn wrong(&self) -> String {
        format!("{}: \"id\" is missing or not a small whole number", self.at)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a node")
    }
    reject_scalars!();
    reject_seq!();
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let at = self.at;
        let (mut id, mut labels, mut props) = (None, None, None);
        while let Some(Key(key)) = a.next_key()? {
            match &*key {
                "id" => id = Some(a.next_value::<Loose>()?),
                "labels" => labels = Some(a.next_value_seed(LabelsSeed(self.bulk, at))?),
                "properties" => props = Some(a.next_value_seed(PropsSeed(self.bulk, at))?),
                _ => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        let fail = |m: String| de::Error::custom(format!("{at}: {m}"));
        let Some(Loose::U32(id)) = id else {
            return Err(fail("\"id\" is missing or not a small whole number".into()));
        };
        let labels = labels.ok_or_else(|| fail("\"labels\" is missing or not a list".into()))?;
        let props =
            props.ok_or_else(|| fail("\"properties\" is missing or not an object".into()))?;
        self.bulk.add_node(id, labels, props).map_err(fail)
    }
}

/// A node's labels.
struct LabelsSeed<'b>(&'b mut Bulk, At);

impl<'de> DeserializeSeed<'de> for LabelsSeed<'_> {
    type Value = Vec<Symbol>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Symbol>, D::Error> {
        d.deserialize_any(self)
    }
}

impl LabelsSeed<'_> {
    fn wrong(&self) -> String {
        format!("{}: \"labels\" is missing or not a list", self.1)
    }
}

impl<'de> Visitor<'de> for LabelsSeed<'_> {
    type Value = Vec<Symbol>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of labels")
    }
    reject_scalars!();
    reject_map!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Vec<Symbol>, A::Error> {
        let mut labels = Vec::with_capacity(a.size_hint().unwrap_or(1).min(16));
        while let Some(l) = a.next_element::<Loose>()? {
            match l {
                Loose::Str(s) => labels.push(self.0.symbol(&s)),
                _ => {
                    return Err(de::Error::custom(format!(
                        "{}: a label is not a string",
                        self.1
                    )));
                }
            }
        }
        Ok(labels)
    }
}

/// An element's properties.
struct PropsSeed<'b>(&'b mut Bulk, At);

impl<'de> DeserializeSeed<'de> for PropsSeed<'_> {
    type Value = Vec<(Symbol, Value)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl PropsSeed<'_> {
    fn wrong(&self) -> String {
        format!("{}: \"properties\" is missing or not an object", self.1)
    }
}

impl<'de> Visitor<'de> for PropsSeed<'_> {
    type Value = Vec<(Symbol, Value)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of properties")
    }
    reject_scalars!();
    reject_seq!();
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
        let mut props = Vec::with_capacity(a.size_hint().unwrap_or(8).min(16));
        while let Some(Key(key)) = a.next_key()? {
            let value = a.next_value_seed(ValueSeed {
                at: self.1,
                key: &key,
            })?;
            props.push((self.0.symbol(&key), value));
        }
        Ok(props)
    }
}

/// A property value, or an element of one.
#[derive(Clone, Copy)]
struct ValueSeed<'k> {
    at: At,
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a property value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(i64::try_from(u).map_or(Value::Float(u as f64), Value::Int))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(a.size_hint().unwrap_or(1).min(1024));
        while let Some(v) = a.next_element_seed(self)? {
            items.push(v);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        // Only `{"float": "NaN"}` and the infinities; read as a JSON
        // object, so a repeated key counts once as it always did.
        let mut obj = serde_json::Map::new();
        while let Some((k, v)) = a.next_entry::<String, Json>()? {
            obj.insert(k, v);
        }
        match (obj.len(), obj.get("float").and_then(Json::as_str)) {
            (1, Some("NaN")) => Ok(Value::Float(f64::NAN)),
            (1, Some("Infinity")) => Ok(Value::Float(f64::INFINITY)),
            (1, Some("-Infinity")) => Ok(Value::Float(f64::NEG_INFINITY)),
            _ => Err(de::Error::custom(format!(
                "{}.{}: a property value cannot be an object",
                self.at, self.key
            ))),
        }
    }
}

/// The `relationships` list.
struct RelsSeed<'b>(&'b mut Bulk);

impl<'de> DeserializeSeed<'de> for RelsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl RelsSeed<'_> {
    fn wrong(&self) -> String {
        "snapshot: \"relationships\" is missing or not a list".into()
    }
}

impl<'de> Visitor<'de> for RelsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of relationships")
    }
    reject_scalars!();
    reject_map!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let mut index = 0;
        while a
            .next_element_seed(RelSeed {
                bulk: self.0,
                at: At {
                    list: "relationships",
                    index,
                },
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

/// One relationship record.
struct RelSeed<'b> {
    bulk: &'b mut Bulk,
    at: At,
}

impl<'de> DeserializeSeed<'de> for RelSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl RelSeed<'_> {
    fn wrong(&self) -> String {
        format!("{}: \"id\" is missing or not a small whole number", self.at)
    }
}

impl<'de> Visitor<'de> for RelSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a relationship")
    }
    reject_scalars!();
    reject_seq!();
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let at = self.at;
        let (mut id, mut rel_type, mut start, mut end, mut props) = (None, None, None, None, None);
        while let Some(Key(key)) = a.next_key()? {
            match &*key {
                "id" => id = Some(a.next_value::<Loose>()?),
                "type" => rel_type = Some(a.next_value::<Loose>()?),
                "start" => start = Some(a.next_value::<Loose>()?),
                "end" => end = Some(a.next_value::<Loose>()?),
                "properties" => props = Some(a.next_value_seed(PropsSeed(self.bulk, at))?),
                _ => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        let fail = |m: String| de::Error::custom(format!("{at}: {m}"));
        let number = |v: Option<Loose>, key: &str| match v {
            Some(Loose::U32(n)) => Ok(n),
            _ => Err(fail(format!(
                "\"{key}\" is missing or not a small whole number"
            ))),
        };
        let id = number(id, "id")?;
        self.bulk.check_rel_id(id).map_err(fail)?;
        let start = number(start, "start")?;
        let end = number(end, "end")?;
        let Some(Loose::Str(rel_type)) = rel_type else {
            // The ends are checked before the type, as they always were.
            self.bulk.check_rel(id, start, end).map_err(fail)?;
            return Err(fail("no \"type\"".into()));
        };
        let props =
            props.ok_or_else(|| fail("\"properties\" is missing or not an object".into()))?;
        let rel_type = self.bulk.symbol(&rel_type);
        self.bulk
            .add_rel(id, start, end, rel_type, props)
            .map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Direction;
    use crate::value::{Map, NodeId, Path as ValuePath, RelId};

    /// A graph with every storable value type, several labels, property
    /// orders that are not alphabetical, and ids freed by deletions.
    fn every_value() -> (Graph, NodeId, NodeId) {
        let mut g = Graph::new();
        let a = g.add_node(
            ["Actor", "Extra"],
            [
                ("name", Value::str("Kenya")),
                ("aliases", Value::from(vec!["Republic of Kenya", "KE"])),
                ("n", Value::Int(-3)),
                ("big", Value::Int(i64::MIN)),
                ("f", Value::Float(2.0)),
                ("neg_zero", Value::Float(-0.0)),
                ("small", Value::Float(1e-300)),
                ("nan", Value::Float(f64::NAN)),
                ("inf", Value::Float(f64::INFINITY)),
                ("ninf", Value::Float(f64::NEG_INFINITY)),
            ],
        );
        let gone = g.add_node(["X"], [("name", Value::str("gone"))]);
        let b = g.add_node(
            ["Mission"],
            [
                ("z", Value::Bool(true)),
                ("a", Value::Bool(false)),
                ("empty", Value::str("")),
                ("unicode", Value::str("Côte d\u{2019}Ivoire \u{1F30D}")),
                ("none", Value::List(vec![])),
                ("floats", Value::from(vec![1.5, 2.0])),
                ("bools", Value::List(vec![Value::Bool(true)])),
            ],
        );
        let also_gone = g.add_node([], []);
        let last = g.add_node([], []);
        let r = g.add_rel(a, gone, "GONE", []);
        g.add_rel(
            a,
            b,
            "SUPPORTS",
            [
                ("sources", Value::from(vec!["a.txt", "b.txt"])),
                ("mentions", Value::Int(2)),
                ("amount", Value::Float(1e9)),
            ],
        );
        g.add_rel(b, b, "LOOP", [("sources", Value::from(vec!["a.txt"]))]);
        g.add_rel(a, b, "SUPPORTS", []);
        g.add_rel(last, a, "T", []);
        g.delete_rel(r);
        g.delete_node(gone);
        g.delete_node(also_gone);
        (g, a, b)
    }

    /// Values only the library can store: maps, nesting, nulls in lists,
    /// graph elements. The binary format keeps them too.
    fn library_values() -> Graph {
        let mut g = Graph::new();
        let mut m = Map::new();
        m.insert("k".into(), Value::List(vec![Value::Null, Value::Int(1)]));
        g.add_node(
            ["L"],
            [
                ("map", Value::from(m)),
                (
                    "nested",
                    Value::List(vec![Value::List(vec![Value::Int(1)])]),
                ),
                ("node", Value::Node(NodeId(0))),
                ("rel", Value::Rel(RelId(7))),
                (
                    "path",
                    Value::from(ValuePath {
                        nodes: vec![NodeId(0), NodeId(1)],
                        rels: vec![RelId(3)],
                    }),
                ),
            ],
        );
        g
    }

    fn binary(g: &Graph) -> Vec<u8> {
        g.to_binary_snapshot().unwrap()
    }

    /// Two graphs are the same: elements, ids, properties with their
    /// types and order (the binary encoding is exact), indexes, and the
    /// ids new elements get.
    fn assert_same(x: &Graph, y: &Graph) {
        assert_eq!(binary(x), binary(y));
        assert_eq!(x.label_counts(), y.label_counts());
        assert_eq!(x.rel_type_counts(), y.rel_type_counts());
        for n in x.nodes() {
            for dir in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
                assert_eq!(
                    x.edges(n, dir, None).collect::<Vec<_>>(),
                    y.edges(n, dir, None).collect::<Vec<_>>()
                );
            }
            for m in x.nodes() {
                assert_eq!(
                    x.rels_between(n, m).collect::<Vec<_>>(),
                    y.rels_between(n, m).collect::<Vec<_>>()
                );
            }
            for key in ["name", "aliases"] {
                if let Some(v) = x.node_property(n, key) {
                    assert_eq!(x.nodes_by_property(key, v), y.nodes_by_property(key, v));
                    if let Some(name) = v.as_str() {
                        assert_eq!(
                            x.nodes_by_name(name).collect::<Vec<_>>(),
                            y.nodes_by_name(name).collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
        let (mut x, mut y) = (x.clone(), y.clone());
        for _ in 0..3 {
            let (p, q) = (x.add_node(["New"], []), y.add_node(["New"], []));
            assert_eq!(p, q);
            assert_eq!(x.add_rel(p, p, "NEW", []), y.add_rel(q, q, "NEW", []));
        }
    }

    #[test]
    fn snapshots_round_trip_ids_types_and_holes() {
        let mut g = Graph::new();
        let a = g.add_node(
            ["Actor"],
            [("name", Value::str("Kenya")), ("n", Value::Int(3))],
        );
        let gone = g.add_node(["X"], []);
        let b = g.add_node(
            ["Mission", "Extra"],
            [("f", Value::Float(2.0)), ("nan", Value::Float(f64::NAN))],
        );
        g.add_rel(a, b, "LEADS", [("l", Value::from(vec![1i64, 2]))]);
        g.delete_node(gone);
        let json = g.to_snapshot_json();
        let back = Graph::from_snapshot_json(&json).unwrap();
        assert_eq!(back.to_snapshot_json(), json);
        assert!(!back.contains_node(gone));
        assert_eq!(back.node_property(b, "f"), Some(&Value::Float(2.0)));
        assert_eq!(back.nodes_by_name("kenya").collect::<Vec<_>>(), vec![a]);
    }

    #[test]
    fn both_formats_round_trip_every_value_exactly() {
        let (g, a, b) = every_value();
        let dir = tempfile::tempdir().unwrap();
        let (json, bin) = (dir.path().join("g.json"), dir.path().join("g.NGB"));
        g.save(&json).unwrap();
        g.save(&bin).unwrap();
        assert!(std::fs::read(&bin).unwrap().starts_with(&binary::MAGIC));
        assert!(std::fs::read(&json).unwrap().starts_with(b"{\n"));
        let (from_json, from_bin) = (Graph::load(&json).unwrap(), Graph::load(&bin).unwrap());
        assert_same(&g, &from_json);
        assert_same(&g, &from_bin);
        assert_eq!(from_bin.to_snapshot_json(), g.to_snapshot_json());
        assert_eq!(
            from_bin
                .node_property(a, "neg_zero")
                .map(|v| v.as_f64().map(f64::to_bits)),
            Some(Some((-0.0f64).to_bits()))
        );
        assert_eq!(from_bin.node_property(b, "z"), Some(&Value::Bool(true)));
        assert_eq!(
            from_bin
                .node_properties(b)
                .map(|(k, _)| k)
                .collect::<Vec<_>>(),
            ["z", "a", "empty", "unicode", "none", "floats", "bools"]
        );
        assert_eq!(from_bin.nodes_by_name("ke").collect::<Vec<_>>(), vec![a]);
        // Saving what was loaded gives the same files.
        let again = dir.path().join("again.json");
        from_bin.save(&again).unwrap();
        assert_eq!(
            std::fs::read(&again).unwrap(),
            std::fs::read(&json).unwrap()
        );
        assert_eq!(binary(&from_json), std::fs::read(&bin).unwrap());
    }

    #[test]
    fn the_binary_format_keeps_what_json_cannot() {
        let g = library_values();
        assert_same(&g, &Graph::from_binary_snapshot(&binary(&g)).unwrap());
        assert!(
            Graph::from_snapshot_json(&g.to_snapshot_json())
                .unwrap_err()
                .ends_with("a property value cannot be an object")
        );
        let mut deep = Value::Int(0);
        for _ in 0..=binary::MAX_DEPTH {
            deep = Value::List(vec![deep]);
        }
        let mut g = Graph::new();
        g.add_node([], [("deep", deep)]);
        assert_eq!(
            g.save_as("/nonexistent/x", SnapshotFormat::Binary)
                .unwrap_err()
                .to_string(),
            "/nonexistent/x: a property value nests lists or maps deeper than 100 levels"
        );
    }

    #[test]
    fn empty_graphs_round_trip() {
        let g = Graph::new();
        let bytes = binary(&g);
        // Magic, version, three counts, no symbols, no node chunks, no
        // relationship chunks, checksum.
        assert_eq!(bytes.len(), 8 + 4 + 3 + 3 + 4);
        assert_same(&g, &Graph::from_binary_snapshot(&bytes).unwrap());
        assert_same(
            &g,
            &Graph::from_snapshot_json(&g.to_snapshot_json()).unwrap(),
        );
    }

    #[test]
    fn the_json_writer_streams_what_the_tree_held() {
        let (g, _, _) = every_value();
        let tree = serde_json::to_string_pretty(&g.to_snapshot_json()).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&SnapshotSer(&g)).unwrap(),
            tree
        );
        let n = g.nodes().next().unwrap();
        for v in library_values().node_properties(n).map(|(_, v)| v) {
            assert_eq!(serde_json::to_value(ValueSer(v)).unwrap(), value_to_json(v));
        }
        assert!(tree.contains("\"nan\": {\n          \"float\": \"NaN\""));
    }

    #[test]
    fn json_with_sorted_keys_or_repeated_properties_loads_the_same() {
        let (g, _, _) = every_value();
        // jq -S order: the lists come before the version.
        let json = g.to_snapshot_json();
        let mut sorted: Vec<(String, Json)> =
            json.as_object().unwrap().clone().into_iter().collect();
        sorted.sort_by(|x, y| x.0.cmp(&y.0));
        let text = format!(
            "{{{}}}",
            sorted
                .iter()
                .map(|(k, v)| format!("{k:?}: {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sorted.json");
        std::fs::write(&p, text).unwrap();
        assert_same(&g, &Graph::load(&p).unwrap());
        // A repeated key keeps its first place and its last value; a null
        // is no property, as in a JSON object read whole.
        let text = r#"{"format": "newsgraph-snapshot", "version": 1,
            "nodes": [{"id": 1, "labels": ["A", "A"], "properties":
                {"x": 1, "y": null, "z": 2, "x": 3.5}}],
            "relationships": []}"#;
        std::fs::write(&p, text).unwrap();
        let mut g = Graph::load(&p).unwrap();
        let n = NodeId(1);
        assert_eq!(g.labels(n).collect::<Vec<_>>(), ["A"]);
        assert_eq!(
            g.node_properties(n).collect::<Vec<_>>(),
            [("x", &Value::Float(3.5)), ("z", &Value::Int(2))]
        );
        assert!(!g.contains_node(NodeId(0)));
        assert_eq!(g.add_node([], []), NodeId(0));
    }

    #[test]
    fn malformed_snapshots_say_where() {
        let bad = json!({"format": FORMAT, "version": 1, "nodes": [{"id": 0, "labels": [1], "properties": {}}], "relationships": []});
        assert_eq!(
            Graph::from_snapshot_json(&bad).unwrap_err(),
            "nodes[0]: a label is not a string"
        );
        let bad = json!({"format": FORMAT, "version": 1, "nodes": [], "relationships": [{"id": 0, "type": "T", "start": 0, "end": 1, "properties": {}}]});
        assert_eq!(
            Graph::from_snapshot_json(&bad).unwrap_err(),
            "relationships[0]: node 0 does not exist"
        );
        assert!(
            Graph::from_snapshot_json(&json!([]))
                .unwrap_err()
                .contains("not a newsgraph snapshot")
        );
        let cases = [
            (json!({"format": FORMAT}), "snapshot has no version"),
            (
                json!({"format": FORMAT, "version": 2}),
                "snapshot version 2 is not supported (this build reads 1)",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": {}}),
                "snapshot: \"nodes\" is missing or not a list",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": []}),
                "snapshot: \"relationships\" is missing or not a list",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [3]}),
                "nodes[0]: \"id\" is missing or not a small whole number",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [{"id": 1, "labels": []}]}),
                "nodes[0]: \"properties\" is missing or not an object",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [{"id": 1, "labels": [], "properties": {}}, {"id": 1, "labels": [], "properties": {}}]}),
                "nodes[1]: id 1 is out of order or repeated",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [{"id": 0, "labels": [], "properties": {"m": {"a": 1}}}]}),
                "nodes[0].m: a property value cannot be an object",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [{"id": 0, "labels": [], "properties": {}}], "relationships": [{"id": 0, "start": 0, "end": 0, "properties": {}}]}),
                "relationships[0]: no \"type\"",
            ),
            (
                json!({"format": FORMAT, "version": 1, "nodes": [], "relationships": [{"id": -1}]}),
                "relationships[0]: \"id\" is missing or not a small whole number",
            ),
        ];
        for (json, message) in cases {
            assert_eq!(
                Graph::from_snapshot_json(&json).unwrap_err(),
                message,
                "{json}"
            );
        }
        // From a file, shape errors say the line too; broken JSON says it is not JSON.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.json");
        std::fs::write(
            &p,
            "{\"format\": \"newsgraph-snapshot\", \"version\": 1,\n\"nodes\": [{\"id\": \"x\"}]}",
        )
        .unwrap();
        let e = Graph::load(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("bad.json: nodes[0]: \"id\" is missing or not a small whole number at line 2 column 21"),
            "{e}"
        );
        std::fs::write(&p, "{\"format\": ").unwrap();
        let e = Graph::load(&p).unwrap_err().to_string();
        assert!(e.contains("bad.json: not a JSON snapshot: EOF"), "{e}");
    }

    /// A binary snapshot with `chunk` relationship records a chunk.
    fn binary_in_chunks(g: &Graph, chunk: usize) -> Vec<u8> {
        binary::encode_in_chunks(g, chunk).unwrap().concat()
    }

    #[test]
    fn relationships_in_many_chunks_load_the_same() {
        for g in [every_value().0, library_values(), Graph::new()] {
            for chunk in [1, 2, 3] {
                let back = Graph::from_binary_snapshot(&binary_in_chunks(&g, chunk)).unwrap();
                assert_same(&back, &g);
            }
        }
    }

    #[test]
    fn version_1_snapshots_still_load() {
        // Written by the build before version 2, from these same graphs.
        let v1 = include_bytes!("../../tests/binary_v1/every_value.ngb");
        assert_eq!(v1[8], 1);
        assert_same(&Graph::from_binary_snapshot(v1).unwrap(), &every_value().0);
        let v1 = include_bytes!("../../tests/binary_v1/library_values.ngb");
        assert_same(&Graph::from_binary_snapshot(v1).unwrap(), &library_values());
        let v1 = &v1[..v1.len() - 1];
        assert!(
            Graph::from_binary_snapshot(v1)
                .unwrap_err()
                .starts_with("binary snapshot truncated at byte 80, in the checksum")
        );
    }

    #[test]
    fn every_truncation_of_a_binary_snapshot_says_where_it_ends() {
        let (g, _, _) = every_value();
        for bytes in [binary(&g), binary_in_chunks(&g, 1)] {
            for k in 0..bytes.len() {
                let e = Graph::from_binary_snapshot(&bytes[..k]).unwrap_err();
                let want = format!("binary snapshot truncated at byte {k}, in ");
                assert!(e.starts_with(&want), "{k}: {e}");
            }
        }
        let bytes = binary(&g);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cut.ngb");
        std::fs::write(&p, &bytes[..bytes.len() - 5]).unwrap();
        let e = Graph::load(&p).unwrap_err().to_string();
        assert!(
            e.ends_with(&format!(
                "cut.ngb: binary snapshot truncated at byte {}, in relationship record 3",
                bytes.len() - 5
            )),
            "{e}"
        );
        std::fs::write(&p, b"").unwrap();
        assert!(Graph::load(&p).is_err());
    }

    #[test]
    fn corrupt_binary_snapshots_are_errors_not_panics() {
        let (g, _, _) = every_value();
        for bytes in [binary(&g), binary_in_chunks(&g, 1)] {
            for i in 0..bytes.len() {
                for mask in [0x01, 0x40, 0x80, 0xFF] {
                    let mut bad = bytes.clone();
                    bad[i] ^= mask;
                    assert!(
                        Graph::from_binary_snapshot(&bad).is_err(),
                        "byte {i} ^ {mask}"
                    );
                    // Past the checksum, the decoder itself never panics.
                    let _ = binary::decode(&bad, false);
                }
            }
        }
        let bytes = binary(&g);
        let mut bad = bytes.clone();
        bad[8] = 4;
        assert_eq!(
            Graph::from_binary_snapshot(&bad).unwrap_err(),
            "binary snapshot version 4 is not supported (this build reads 1 to 3)"
        );
        // A changed letter in a string still reads, but not past the checksum.
        let mut bad = bytes.clone();
        let k = bad.windows(5).position(|w| w == b"Kenya").unwrap();
        bad[k] = b'k';
        assert!(binary::decode(&bad, false).is_ok());
        assert!(
            Graph::from_binary_snapshot(&bad)
                .unwrap_err()
                .contains("the checksum does not match")
        );
        let mut long = bytes.clone();
        long.push(0);
        assert!(
            Graph::from_binary_snapshot(&long)
                .unwrap_err()
                .ends_with("1 bytes after the checksum")
        );
        assert_eq!(
            Graph::from_binary_snapshot(b"\x89PNG\r\n\x1a\n").unwrap_err(),
            "binary snapshot corrupt at byte 0, in the header: not a newsgraph binary snapshot"
        );
    }

    #[test]
    fn corrupt_lengths_allocate_nothing_large() {
        // A header claiming 2^63 strings, nodes or relationships, or a
        // string of 2^63 bytes, is a truncated file, found before any
        // allocation.
        let huge = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];
        for at in 0..4 {
            let mut bad = binary::MAGIC.to_vec();
            bad.extend_from_slice(&binary::VERSION.to_le_bytes());
            let mut counts = vec![vec![1u8], vec![0], vec![0], vec![]];
            counts[at] = huge.to_vec();
            for c in counts {
                bad.extend(c);
            }
            bad.extend_from_slice(&[0; 16]);
            let e = Graph::from_binary_snapshot(&bad).unwrap_err();
            assert!(e.starts_with("binary snapshot truncated at byte"), "{e}");
        }
        // Nesting deeper than the limit is refused, not a stack overflow,
        // in every version (version 2 declares the key `k` and no
        // relationship chunks; version 3 also the node record's chunk).
        let record = [[0, 0, 1, 0].as_slice(), &[6, 1].repeat(100_000)].concat();
        let mut chunk = vec![1, 0, 1, 1];
        put(&mut chunk, record.len());
        chunk.push(0);
        for (version, head) in [(1u32, &[][..]), (2, &[1, 0, 0][..]), (3, &chunk[..])] {
            let mut bad = binary::MAGIC.to_vec();
            bad.extend_from_slice(&version.to_le_bytes());
            bad.extend([1, 1, 0, 1, b'k']);
            bad.extend(head);
            bad.extend(&record);
            let e = binary::decode(&bad, false).unwrap_err();
            assert!(e.ends_with("values nest deeper than 100 levels"), "{e}");
        }
        // A chunk table claiming more than its bytes can hold: of the
        // relationships (in versions 2 and 3) or of the nodes.
        for (version, counts, tables, what) in [
            (2u32, [0, 0, 1], &[1, 30, 10][..], "relationships"),
            (3, [0, 0, 1], &[0, 1, 30, 10][..], "relationships"),
            (3, [0, 1, 0], &[1, 30, 10][..], "nodes"),
        ] {
            let mut bad = binary::MAGIC.to_vec();
            bad.extend_from_slice(&version.to_le_bytes());
            bad.extend(counts);
            bad.push(0);
            bad.extend(tables);
            bad.extend_from_slice(&[0; 200]);
            let e = binary::decode(&bad, false).unwrap_err();
            assert!(
                e.ends_with(&format!("a chunk of 10 bytes cannot hold 30 {what}")),
                "{e}"
            );
        }
    }

    /// A varint, as the binary format writes it.
    fn put(out: &mut Vec<u8>, mut v: usize) {
        while v >= 0x80 {
            out.push(v as u8 | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    #[test]
    fn version_2_snapshots_still_load() {
        // Written by the build before version 3, from these same graphs.
        let v2 = include_bytes!("../../tests/binary_v2/every_value.ngb");
        assert_eq!(v2[8], 2);
        assert_same(&Graph::from_binary_snapshot(v2).unwrap(), &every_value().0);
        let v2 = include_bytes!("../../tests/binary_v2/every_value_in_chunks_of_2.ngb");
        assert_same(&Graph::from_binary_snapshot(v2).unwrap(), &every_value().0);
        for k in 0..v2.len() {
            let e = Graph::from_binary_snapshot(&v2[..k]).unwrap_err();
            let want = format!("binary snapshot truncated at byte {k}, in ");
            assert!(e.starts_with(&want), "{k}: {e}");
        }
        let v2 = include_bytes!("../../tests/binary_v2/library_values.ngb");
        assert_same(&Graph::from_binary_snapshot(v2).unwrap(), &library_values());
        let v2 = &v2[..v2.len() - 1];
        assert!(
            Graph::from_binary_snapshot(v2)
                .unwrap_err()
                .starts_with("binary snapshot truncated at byte 88, in the checksum")
        );
    }

    #[test]
    fn strings_shared_by_many_records_load_the_same() {
        // A string in every record of a chunk is copied for the chunk
        // before it is cloned; others are cloned from the table.
        let mut g = Graph::new();
        let a = g.add_node(["A"], [("name", Value::str("a"))]);
        for i in 0..300 {
            let n = g.add_node(["B"], [("name", Value::str(&format!("b{i}")))]);
            g.add_rel(
                a,
                n,
                "T",
                [
                    ("evidence", Value::from(vec!["one sentence for all"])),
                    ("source", Value::str(&format!("doc{}", i % 7))),
                    ("n", Value::str(&format!("b{i}"))),
                ],
            );
        }
        for chunk in [1, 100, 300, 1000] {
            let back = Graph::from_binary_snapshot(&binary_in_chunks(&g, chunk)).unwrap();
            assert_same(&back, &g);
        }
    }
}
