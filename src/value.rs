//! Values: what node and relationship properties hold and what queries compute.
//!
//! One type serves both the store and the query engine, so a property read
//! from the graph is handed to an expression without conversion. Ordering,
//! equality and equivalence follow openCypher: `=` is three-valued (see
//! [`Value::cypher_eq`]), grouping and `DISTINCT` use equivalence (see
//! [`GroupKey`]), and `ORDER BY` uses a total order across types (see
//! [`Value::order`]).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Identifier of a node, stable for the life of the graph and in snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u32);

/// Identifier of a relationship, stable for the life of the graph and in snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RelId(pub u32);

/// A path: alternating nodes and relationships, `nodes.len() == rels.len() + 1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path {
    /// The nodes along the path, in walking order.
    pub nodes: Vec<NodeId>,
    /// The relationships between consecutive nodes.
    pub rels: Vec<RelId>,
}

/// A map from keys to values, ordered by key.
pub type Map = BTreeMap<Arc<str>, Value>;

/// A value held by a property or computed by a query.
///
/// Every property of the graph is one, so its size is the size of each
/// stored property: 24 bytes. Maps and paths, which properties rarely or
/// never hold, are boxed to keep it so (unboxed, a path makes every value
/// twice as large).
#[derive(Debug, Clone, Default)]
pub enum Value {
    /// The absent value.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A 64-bit signed integer.
    Int(i64),
    /// A 64-bit float.
    Float(f64),
    /// A string (shared, cheap to clone).
    String(Arc<str>),
    /// A list of values.
    List(Vec<Value>),
    /// A map of values (boxed: see the type's documentation).
    Map(Box<Map>),
    /// A node of the graph.
    Node(NodeId),
    /// A relationship of the graph.
    Rel(RelId),
    /// A path through the graph (boxed).
    Path(Box<Path>),
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Map(Box::new(m))
    }
}

impl From<Path> for Value {
    fn from(p: Path) -> Value {
        Value::Path(Box::new(p))
    }
}

impl Value {
    /// A string value.
    pub fn str(s: &str) -> Value {
        Value::String(Arc::from(s))
    }

    /// Whether this is `Null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The name of the value's type, as error messages and `valueType` print it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Bool(_) => "BOOLEAN",
            Value::Int(_) => "INTEGER",
            Value::Float(_) => "FLOAT",
            Value::String(_) => "STRING",
            Value::List(_) => "LIST",
            Value::Map(_) => "MAP",
            Value::Node(_) => "NODE",
            Value::Rel(_) => "RELATIONSHIP",
            Value::Path(_) => "PATH",
        }
    }

    /// The string slice, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, if this is an integer.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The number as a float, if this is an integer or a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// Whether the value may be stored as a property: scalars, and lists of
    /// scalars of one type (nulls excluded).
    pub fn is_storable(&self) -> bool {
        match self {
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::String(_) => true,
            Value::List(items) => items.iter().all(|v| {
                matches!(
                    v,
                    Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::String(_)
                )
            }),
            _ => false,
        }
    }

    /// openCypher equality: `None` when the answer is unknown (a null is
    /// involved, or NaN), otherwise whether the values are equal.
    pub fn cypher_eq(&self, other: &Value) -> Option<bool> {
        use Value::*;
        match (self, other) {
            (Null, _) | (_, Null) => None,
            (Bool(a), Bool(b)) => Some(a == b),
            (Int(a), Int(b)) => Some(a == b),
            (Float(a), Float(b)) => Some(a == b),
            (Int(a), Float(b)) | (Float(b), Int(a)) => {
                Some(int_float_cmp(*a, *b) == Some(Ordering::Equal))
            }
            (String(a), String(b)) => Some(a == b),
            (List(a), List(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.iter().zip(b) {
                    match x.cypher_eq(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            (Map(a), Map(b)) => {
                if a.len() != b.len() || a.keys().ne(b.keys()) {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.values().zip(b.values()) {
                    match x.cypher_eq(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            (Node(a), Node(b)) => Some(a == b),
            (Rel(a), Rel(b)) => Some(a == b),
            (Path(a), Path(b)) => Some(a == b),
            _ => Some(false),
        }
    }

    /// openCypher comparison for `<`, `<=`, `>`, `>=`: `None` when the
    /// values are not comparable (different types, nulls, NaN).
    pub fn cypher_cmp(&self, other: &Value) -> Option<Ordering> {
        use Value::*;
        match (self, other) {
            (Int(a), Int(b)) => Some(a.cmp(b)),
            (Float(a), Float(b)) => a.partial_cmp(b),
            (Int(a), Float(b)) => int_float_cmp(*a, *b),
            (Float(a), Int(b)) => int_float_cmp(*b, *a).map(Ordering::reverse),
            (String(a), String(b)) => Some(a.cmp(b)),
            (Bool(a), Bool(b)) => Some(a.cmp(b)),
            (List(a), List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    match x.cypher_cmp(y)? {
                        Ordering::Equal => {}
                        other => return Some(other),
                    }
                }
                Some(a.len().cmp(&b.len()))
            }
            _ => None,
        }
    }

    /// The total order used by `ORDER BY`: maps, nodes, relationships,
    /// lists, paths, strings, booleans, numbers, then null; NaN after all
    /// other numbers.
    pub fn order(&self, other: &Value) -> Ordering {
        use Value::*;
        let rank = |v: &Value| match v {
            Map(_) => 0,
            Node(_) => 1,
            Rel(_) => 2,
            List(_) => 3,
            Path(_) => 4,
            String(_) => 5,
            Bool(_) => 6,
            Int(_) | Float(_) => 7,
            Null => 8,
        };
        match (self, other) {
            (Int(a), Int(b)) => a.cmp(b),
            (Int(_) | Float(_), Int(_) | Float(_)) => {
                let (a, b) = (self.as_f64().unwrap_or(0.0), other.as_f64().unwrap_or(0.0));
                match (a.is_nan(), b.is_nan()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                    _ => match (self, other) {
                        (Int(a), Float(f)) => int_float_cmp(*a, *f).unwrap_or(Ordering::Equal),
                        (Float(f), Int(b)) => int_float_cmp(*b, *f)
                            .map(Ordering::reverse)
                            .unwrap_or(Ordering::Equal),
                        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
                    },
                }
            }
            (String(a), String(b)) => a.cmp(b),
            (Bool(a), Bool(b)) => a.cmp(b),
            (List(a), List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    match x.order(y) {
                        Ordering::Equal => {}
                        other => return other,
                    }
                }
                a.len().cmp(&b.len())
            }
            (Map(a), Map(b)) => {
                let ka: Vec<_> = a.keys().collect();
                let kb: Vec<_> = b.keys().collect();
                ka.cmp(&kb).then_with(|| {
                    for (x, y) in a.values().zip(b.values()) {
                        match x.order(y) {
                            Ordering::Equal => {}
                            other => return other,
                        }
                    }
                    Ordering::Equal
                })
            }
            (Node(a), Node(b)) => a.cmp(b),
            (Rel(a), Rel(b)) => a.cmp(b),
            (Path(a), Path(b)) => (&a.nodes, &a.rels).cmp(&(&b.nodes, &b.rels)),
            _ => rank(self).cmp(&rank(other)),
        }
    }

    /// openCypher equivalence, used by `DISTINCT`, grouping and `IN` on
    /// lists of keys: like equality, but null is equivalent to null and NaN
    /// to NaN.
    pub fn equivalent(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) => true,
            (Float(a), Float(b)) if a.is_nan() && b.is_nan() => true,
            (List(a), List(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.equivalent(y))
            }
            (Map(a), Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|((ka, va), (kb, vb))| ka == kb && va.equivalent(vb))
            }
            _ => self.cypher_eq(other) == Some(true),
        }
    }

    pub(crate) fn hash_equivalence<H: Hasher>(&self, state: &mut H) {
        use Value::*;
        match self {
            Null => 0u8.hash(state),
            Bool(b) => {
                1u8.hash(state);
                b.hash(state)
            }
            // Numbers that compare equal must hash equal: 1 and 1.0 alike.
            Int(i) => {
                2u8.hash(state);
                (*i as f64).to_bits().hash(state)
            }
            Float(f) => {
                2u8.hash(state);
                let f = if *f == 0.0 { 0.0 } else { *f };
                if f.is_nan() {
                    u64::MAX.hash(state)
                } else {
                    f.to_bits().hash(state)
                }
            }
            String(s) => {
                3u8.hash(state);
                s.hash(state)
            }
            List(items) => {
                4u8.hash(state);
                items.len().hash(state);
                for v in items {
                    v.hash_equivalence(state);
                }
            }
            Map(m) => {
                5u8.hash(state);
                for (k, v) in m.iter() {
                    k.hash(state);
                    v.hash_equivalence(state);
                }
            }
            Node(n) => {
                6u8.hash(state);
                n.hash(state)
            }
            Rel(r) => {
                7u8.hash(state);
                r.hash(state)
            }
            Path(p) => {
                8u8.hash(state);
                p.hash(state)
            }
        }
    }
}

/// Compare an integer with a float exactly, without losing precision on
/// integers beyond 2^53.
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.223_372_036_854_776e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223_372_036_854_776e18 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i64)) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        other => Some(other),
    }
}

impl PartialEq for Value {
    /// Structural equivalence (see [`Value::equivalent`]).
    fn eq(&self, other: &Value) -> bool {
        self.equivalent(other)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(Arc::from(s))
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::List(items.into_iter().map(Into::into).collect())
    }
}

/// A tuple of values compared and hashed by equivalence: the key of a
/// group in aggregation and of a row in `DISTINCT`.
#[derive(Debug, Clone)]
pub struct GroupKey(pub Vec<Value>);

impl PartialEq for GroupKey {
    fn eq(&self, other: &GroupKey) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| a.equivalent(b))
    }
}

impl Eq for GroupKey {}

impl Hash for GroupKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for v in &self.0 {
            v.hash_equivalence(state);
        }
    }
}

/// Format a float the way openCypher prints it: always with a decimal
/// point or exponent, `NaN`, `Infinity`, `-Infinity`.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        "NaN".to_string()
    } else if f.is_infinite() {
        if f > 0.0 {
            "Infinity".to_string()
        } else {
            "-Infinity".to_string()
        }
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        let s = format!("{f}");
        if s.contains('e') || s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    }
}

/// Quote a string as a Cypher string literal, escaping what needs it.
pub fn quote_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Whether `s` can be written as a bare identifier in Cypher.
pub fn is_plain_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Write a map key, quoted with backticks when it is not a plain identifier.
pub fn format_key(k: &str) -> String {
    if is_plain_identifier(k) {
        k.to_string()
    } else {
        format!("`{}`", k.replace('`', "``"))
    }
}

impl fmt::Display for Value {
    /// Cypher literal syntax for scalars, lists and maps; graph elements
    /// print their id (rendering them in full needs the graph).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", format_float(*x)),
            Value::String(s) => write!(f, "{}", quote_string(s)),
            Value::List(items) => {
                write!(f, "[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{v}")?;
                }
                write!(f, "]")
            }
            Value::Map(m) => {
                write!(f, "{{")?;
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{}: {v}", format_key(k))?;
                }
                write!(f, "}}")
            }
            Value::Node(n) => write!(f, "node({})", n.0),
            Value::Rel(r) => write!(f, "relationship({})", r.0),
            Value::Path(p) => write!(f, "path({} nodes)", p.nodes.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_three_words() {
        assert_eq!(std::mem::size_of::<Value>(), 24);
    }

    #[test]
    fn equality_is_three_valued() {
        assert_eq!(Value::Null.cypher_eq(&Value::Int(1)), None);
        assert_eq!(Value::Int(1).cypher_eq(&Value::Float(1.0)), Some(true));
        let a = Value::List(vec![Value::Int(1), Value::Null]);
        let b = Value::List(vec![Value::Int(2), Value::Null]);
        assert_eq!(a.cypher_eq(&b), Some(false));
        assert_eq!(a.cypher_eq(&a.clone()), None);
    }

    #[test]
    fn order_puts_null_last_and_nan_after_numbers() {
        let mut v = vec![
            Value::Null,
            Value::Float(f64::NAN),
            Value::Int(3),
            Value::str("a"),
            Value::Float(1.5),
        ];
        v.sort_by(Value::order);
        assert_eq!(format!("{}", Value::List(v)), "['a', 1.5, 3, NaN, null]");
    }

    #[test]
    fn group_keys_treat_int_and_float_alike() {
        use std::collections::HashSet;
        let mut set = HashSet::new();
        set.insert(GroupKey(vec![Value::Int(1)]));
        assert!(set.contains(&GroupKey(vec![Value::Float(1.0)])));
        assert!(!set.contains(&GroupKey(vec![Value::Float(1.5)])));
    }

    #[test]
    fn large_integers_compare_exactly_with_floats() {
        let big = Value::Int(9_007_199_254_740_993);
        assert_eq!(
            big.cypher_cmp(&Value::Float(9_007_199_254_740_992.0)),
            Some(Ordering::Greater)
        );
    }

    #[test]
    fn floats_print_with_a_decimal_point() {
        assert_eq!(format_float(1.0), "1.0");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(f64::NEG_INFINITY), "-Infinity");
    }
}
