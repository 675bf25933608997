//! Scalar functions: the graph, list, string, math and type-conversion
//! functions of openCypher, resolved by name at compile time.

use std::sync::Arc;

use super::error::{ErrorClass, QueryError};
use super::exec::Ctx;
use crate::value::{Map, Path, Value};

type Result<T> = std::result::Result<T, QueryError>;

macro_rules! functions {
    ($($variant:ident => $name:literal, $min:expr, $max:expr;)+) => {
        /// A scalar function.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Func {
            $(#[doc = concat!("`", $name, "`")] $variant),+
        }

        impl Func {
            /// The function called `name` (lower case), if there is one.
            pub fn lookup(name: &str) -> Option<Func> {
                match name {
                    $($name => Some(Func::$variant),)+
                    _ => None,
                }
            }

            /// The function's name.
            pub fn name(self) -> &'static str {
                match self {
                    $(Func::$variant => $name),+
                }
            }

            /// Fewest and most arguments.
            pub fn arity(self) -> (usize, usize) {
                match self {
                    $(Func::$variant => ($min, $max)),+
                }
            }

            /// Every function name, for completion and help.
            pub const NAMES: &'static [&'static str] = &[$($name),+];
        }
    };
}

functions! {
    Id => "id", 1, 1;
    ElementId => "elementid", 1, 1;
    Type => "type", 1, 1;
    Labels => "labels", 1, 1;
    Keys => "keys", 1, 1;
    Properties => "properties", 1, 1;
    StartNode => "startnode", 1, 1;
    EndNode => "endnode", 1, 1;
    Nodes => "nodes", 1, 1;
    Relationships => "relationships", 1, 1;
    Length => "length", 1, 1;
    Size => "size", 1, 1;
    Head => "head", 1, 1;
    Last => "last", 1, 1;
    Tail => "tail", 1, 1;
    Range => "range", 2, 3;
    Reverse => "reverse", 1, 1;
    Coalesce => "coalesce", 1, usize::MAX;
    Exists => "exists", 1, 1;
    IsEmpty => "isempty", 1, 1;
    ToInteger => "tointeger", 1, 1;
    ToIntegerOrNull => "tointegerornull", 1, 1;
    ToFloat => "tofloat", 1, 1;
    ToFloatOrNull => "tofloatornull", 1, 1;
    ToString => "tostring", 1, 1;
    ToStringOrNull => "tostringornull", 1, 1;
    ToBoolean => "toboolean", 1, 1;
    ToBooleanOrNull => "tobooleanornull", 1, 1;
    Abs => "abs", 1, 1;
    Ceil => "ceil", 1, 1;
    Floor => "floor", 1, 1;
    Round => "round", 1, 3;
    Sign => "sign", 1, 1;
    Sqrt => "sqrt", 1, 1;
    Exp => "exp", 1, 1;
    Log => "log", 1, 1;
    Log10 => "log10", 1, 1;
    E => "e", 0, 0;
    Pi => "pi", 0, 0;
    Rand => "rand", 0, 0;
    Sin => "sin", 1, 1;
    Cos => "cos", 1, 1;
    Tan => "tan", 1, 1;
    Cot => "cot", 1, 1;
    Asin => "asin", 1, 1;
    Acos => "acos", 1, 1;
    Atan => "atan", 1, 1;
    Atan2 => "atan2", 2, 2;
    Degrees => "degrees", 1, 1;
    Radians => "radians", 1, 1;
    Haversin => "haversin", 1, 1;
    Left => "left", 2, 2;
    Right => "right", 2, 2;
    Substring => "substring", 2, 3;
    ToUpper => "toupper", 1, 1;
    ToLower => "tolower", 1, 1;
    Upper => "upper", 1, 1;
    Lower => "lower", 1, 1;
    Trim => "trim", 1, 1;
    LTrim => "ltrim", 1, 1;
    RTrim => "rtrim", 1, 1;
    Replace => "replace", 3, 3;
    Split => "split", 2, 2;
    CharLength => "char_length", 1, 1;
    CharacterLength => "character_length", 1, 1;
    Timestamp => "timestamp", 0, 0;
    ValueType => "valuetype", 1, 1;
}

impl Func {
    /// Whether the first argument may be a value of literal type `t`
    /// (`"INTEGER"`, `"MAP"`, ...): lets the compiler reject
    /// `properties(1)` before running.
    pub fn accepts_first(self, t: &str) -> bool {
        use Func::*;
        match self {
            Properties => matches!(t, "MAP" | "NODE" | "RELATIONSHIP"),
            Labels => t == "NODE",
            Type => t == "RELATIONSHIP",
            Keys => matches!(t, "MAP" | "NODE" | "RELATIONSHIP"),
            StartNode | EndNode => t == "RELATIONSHIP",
            Nodes | Relationships => t == "PATH",
            Length => matches!(t, "PATH" | "STRING" | "LIST"),
            Size => matches!(t, "LIST" | "STRING"),
            Head | Last | Tail => t == "LIST",
            ToUpper | ToLower | Upper | Lower | Trim | LTrim | RTrim | Left | Right | Substring
            | Split | Replace => t == "STRING",
            Abs | Ceil | Floor | Round | Sign | Sqrt | Exp | Log | Log10 | Sin | Cos | Tan
            | Cot | Asin | Acos | Atan | Atan2 | Degrees | Radians | Haversin => {
                matches!(t, "INTEGER" | "FLOAT")
            }
            ToInteger | ToFloat => matches!(t, "INTEGER" | "FLOAT" | "STRING" | "BOOLEAN"),
            ToBoolean => matches!(t, "BOOLEAN" | "STRING" | "INTEGER"),
            ToString => matches!(t, "INTEGER" | "FLOAT" | "STRING" | "BOOLEAN"),
            _ => true,
        }
    }

    /// Call the function on evaluated arguments.
    pub fn call(self, ctx: &Ctx, args: Vec<Value>) -> Result<Value> {
        use Func::*;
        let mut args = args.into_iter();
        let mut next = || args.next().unwrap_or(Value::Null);
        let a = next();
        // Most functions return null for a null argument.
        let null_in_null_out = !matches!(
            self,
            Coalesce | E | Pi | Rand | Timestamp | Exists | ValueType | IsEmpty | Range
        );
        if null_in_null_out && a.is_null() {
            return Ok(Value::Null);
        }
        Ok(match self {
            Id => match a {
                Value::Node(n) => Value::Int(n.0 as i64),
                Value::Rel(r) => Value::Int(r.0 as i64),
                other => return Err(arg_type(self, &other)),
            },
            ElementId => match a {
                Value::Node(n) => Value::from(format!("node:{}", n.0)),
                Value::Rel(r) => Value::from(format!("relationship:{}", r.0)),
                other => return Err(arg_type(self, &other)),
            },
            Type => match a {
                Value::Rel(r) => ctx.graph.rel_type_value(r),
                other => return Err(arg_type(self, &other)),
            },
            Labels => match a {
                Value::Node(n) => {
                    ctx.check_node(n)?;
                    Value::List(ctx.graph.labels(n).map(Value::str).collect())
                }
                other => return Err(arg_type(self, &other)),
            },
            Keys => match a {
                Value::Node(n) => {
                    ctx.check_node(n)?;
                    Value::List(
                        ctx.graph
                            .node_properties(n)
                            .map(|(k, _)| Value::str(k))
                            .collect(),
                    )
                }
                Value::Rel(r) => {
                    ctx.check_rel(r)?;
                    Value::List(
                        ctx.graph
                            .rel_properties(r)
                            .map(|(k, _)| Value::str(k))
                            .collect(),
                    )
                }
                Value::Map(m) => Value::List(m.keys().map(|k| Value::String(k.clone())).collect()),
                other => return Err(arg_type(self, &other)),
            },
            Properties => match a {
                Value::Node(n) => {
                    ctx.check_node(n)?;
                    Value::from(
                        ctx.graph
                            .node_properties(n)
                            .map(|(k, v)| (Arc::from(k), v.clone()))
                            .collect::<Map>(),
                    )
                }
                Value::Rel(r) => {
                    ctx.check_rel(r)?;
                    Value::from(
                        ctx.graph
                            .rel_properties(r)
                            .map(|(k, v)| (Arc::from(k), v.clone()))
                            .collect::<Map>(),
                    )
                }
                Value::Map(m) => Value::Map(m),
                other => return Err(arg_type(self, &other)),
            },
            StartNode | EndNode => match a {
                Value::Rel(r) => match ctx.graph.rel_endpoints(r) {
                    Some((s, e)) => Value::Node(if self == StartNode { s } else { e }),
                    None => Value::Null,
                },
                other => return Err(arg_type(self, &other)),
            },
            Nodes => match a {
                Value::Path(p) => Value::List(p.nodes.iter().map(|n| Value::Node(*n)).collect()),
                other => return Err(arg_type(self, &other)),
            },
            Relationships => match a {
                Value::Path(p) => Value::List(p.rels.iter().map(|r| Value::Rel(*r)).collect()),
                other => return Err(arg_type(self, &other)),
            },
            Length => match a {
                Value::Path(p) => Value::Int(p.rels.len() as i64),
                Value::String(s) => Value::Int(s.chars().count() as i64),
                Value::List(l) => Value::Int(l.len() as i64),
                other => return Err(arg_type(self, &other)),
            },
            Size | CharLength | CharacterLength => match a {
                Value::List(l) if self == Size => Value::Int(l.len() as i64),
                Value::String(s) => Value::Int(s.chars().count() as i64),
                Value::Path(p) if self == Size => Value::Int(p.rels.len() as i64),
                other => return Err(arg_type(self, &other)),
            },
            Head => match a {
                Value::List(l) => l.into_iter().next().unwrap_or(Value::Null),
                other => return Err(arg_type(self, &other)),
            },
            Last => match a {
                Value::List(l) => l.into_iter().last().unwrap_or(Value::Null),
                other => return Err(arg_type(self, &other)),
            },
            Tail => match a {
                Value::List(l) => Value::List(l.into_iter().skip(1).collect()),
                other => return Err(arg_type(self, &other)),
            },
            Range => {
                let b = next();
                let step = next();
                // openCypher reports range()'s bounds and step of another
                // type than INTEGER as an argument error.
                let int = |v: &Value| match v {
                    Value::Int(i) => Ok(*i),
                    other => Err(QueryError::argument(
                        "InvalidArgumentType",
                        format!(
                            "range() takes integers, not a {}: {other}",
                            other.type_name()
                        ),
                    )),
                };
                let start = int(&a)?;
                let end = int(&b)?;
                let step = if step.is_null() { 1 } else { int(&step)? };
                if step == 0 {
                    return Err(QueryError::argument(
                        "NumberOutOfRange",
                        "range() step must not be zero",
                    ));
                }
                let count = if (step > 0 && end >= start) || (step < 0 && end <= start) {
                    ((end as i128 - start as i128) / step as i128 + 1) as u128
                } else {
                    0
                };
                if count > ctx.limits.max_rows as u128 {
                    return Err(QueryError::runtime(
                        ErrorClass::LimitExceeded,
                        "RowLimit",
                        format!(
                            "range() would make {count} elements, over the limit of {}",
                            ctx.limits.max_rows
                        ),
                    ));
                }
                let mut out = Vec::with_capacity(count as usize);
                let mut x = start as i128;
                for _ in 0..count {
                    out.push(Value::Int(x as i64));
                    x += step as i128;
                }
                Value::List(out)
            }
            Reverse => match a {
                Value::List(mut l) => {
                    l.reverse();
                    Value::List(l)
                }
                Value::String(s) => Value::from(s.chars().rev().collect::<String>()),
                other => return Err(arg_type(self, &other)),
            },
            Coalesce => {
                if !a.is_null() {
                    return Ok(a);
                }
                args.find(|v| !v.is_null()).unwrap_or(Value::Null)
            }
            Exists => Value::Bool(!a.is_null()),
            IsEmpty => match a {
                Value::Null => Value::Null,
                Value::List(l) => Value::Bool(l.is_empty()),
                Value::Map(m) => Value::Bool(m.is_empty()),
                Value::String(s) => Value::Bool(s.is_empty()),
                other => return Err(arg_type(self, &other)),
            },
            ToInteger | ToIntegerOrNull => match to_integer(&a) {
                Some(v) => v,
                None if self == ToIntegerOrNull => Value::Null,
                None => return Err(arg_type(self, &a)),
            },
            ToFloat | ToFloatOrNull => match to_float(&a) {
                Some(v) => v,
                None if self == ToFloatOrNull => Value::Null,
                None => return Err(arg_type(self, &a)),
            },
            ToString | ToStringOrNull => match &a {
                Value::Int(i) => Value::from(i.to_string()),
                Value::Float(f) => Value::from(crate::value::format_float(*f)),
                Value::String(_) => a,
                Value::Bool(b) => Value::from(b.to_string()),
                _ if self == ToStringOrNull => Value::Null,
                other => return Err(arg_type(self, other)),
            },
            ToBoolean | ToBooleanOrNull => match &a {
                Value::Bool(_) => a,
                Value::String(s) => match s.to_ascii_lowercase().trim() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::Null,
                },
                Value::Int(i) => Value::Bool(*i != 0),
                _ if self == ToBooleanOrNull => Value::Null,
                other => return Err(arg_type(self, other)),
            },
            Abs => match a {
                Value::Int(i) => Value::Int(i.checked_abs().ok_or_else(overflow)?),
                Value::Float(f) => Value::Float(f.abs()),
                other => return Err(arg_type(self, &other)),
            },
            Ceil => Value::Float(num_arg(self, &a)?.ceil()),
            Floor => Value::Float(num_arg(self, &a)?.floor()),
            Round => {
                let x = num_arg(self, &a)?;
                let precision = next();
                if precision.is_null() {
                    // Cypher rounds half up (towards positive infinity).
                    Value::Float((x + 0.5).floor())
                } else {
                    let p = int_arg(self, &precision)?;
                    let factor = 10f64.powi(p as i32);
                    Value::Float((x * factor).round() / factor)
                }
            }
            Sign => match a {
                Value::Int(i) => Value::Int(i.signum()),
                Value::Float(f) => Value::Int(if f > 0.0 {
                    1
                } else if f < 0.0 {
                    -1
                } else {
                    0
                }),
                other => return Err(arg_type(self, &other)),
            },
            Sqrt => Value::Float(num_arg(self, &a)?.sqrt()),
            Exp => Value::Float(num_arg(self, &a)?.exp()),
            Log => Value::Float(num_arg(self, &a)?.ln()),
            Log10 => Value::Float(num_arg(self, &a)?.log10()),
            E => Value::Float(std::f64::consts::E),
            Pi => Value::Float(std::f64::consts::PI),
            Rand => Value::Float(random_unit()),
            Sin => Value::Float(num_arg(self, &a)?.sin()),
            Cos => Value::Float(num_arg(self, &a)?.cos()),
            Tan => Value::Float(num_arg(self, &a)?.tan()),
            Cot => Value::Float(1.0 / num_arg(self, &a)?.tan()),
            Asin => Value::Float(num_arg(self, &a)?.asin()),
            Acos => Value::Float(num_arg(self, &a)?.acos()),
            Atan => Value::Float(num_arg(self, &a)?.atan()),
            Atan2 => {
                let b = next();
                if b.is_null() {
                    return Ok(Value::Null);
                }
                Value::Float(num_arg(self, &a)?.atan2(num_arg(self, &b)?))
            }
            Degrees => Value::Float(num_arg(self, &a)?.to_degrees()),
            Radians => Value::Float(num_arg(self, &a)?.to_radians()),
            Haversin => Value::Float((1.0 - num_arg(self, &a)?.cos()) / 2.0),
            Left | Right => {
                let s = str_arg(self, &a)?;
                let n = next();
                if n.is_null() {
                    return Err(QueryError::argument(
                        "InvalidArgumentValue",
                        format!("{}() needs a length", self.name()),
                    ));
                }
                let n = int_arg(self, &n)?;
                if n < 0 {
                    return Err(QueryError::argument(
                        "NegativeIntegerArgument",
                        format!("{}() length must not be negative", self.name()),
                    ));
                }
                let chars: Vec<char> = s.chars().collect();
                let n = (n as usize).min(chars.len());
                let slice = if self == Left {
                    &chars[..n]
                } else {
                    &chars[chars.len() - n..]
                };
                Value::from(slice.iter().collect::<String>())
            }
            Substring => {
                let s = str_arg(self, &a)?;
                let start = next();
                let len = next();
                let start = int_arg(self, &start)?;
                if start < 0 {
                    return Err(QueryError::argument(
                        "NegativeIntegerArgument",
                        "substring() start must not be negative",
                    ));
                }
                let chars: Vec<char> = s.chars().collect();
                let from = (start as usize).min(chars.len());
                let to = if len.is_null() {
                    chars.len()
                } else {
                    let l = int_arg(self, &len)?;
                    if l < 0 {
                        return Err(QueryError::argument(
                            "NegativeIntegerArgument",
                            "substring() length must not be negative",
                        ));
                    }
                    from.saturating_add(l as usize).min(chars.len())
                };
                Value::from(chars[from..to].iter().collect::<String>())
            }
            ToUpper | Upper => Value::from(str_arg(self, &a)?.to_uppercase()),
            ToLower | Lower => Value::from(str_arg(self, &a)?.to_lowercase()),
            Trim => Value::str(str_arg(self, &a)?.trim()),
            LTrim => Value::str(str_arg(self, &a)?.trim_start()),
            RTrim => Value::str(str_arg(self, &a)?.trim_end()),
            Replace => {
                let s = str_arg(self, &a)?.to_string();
                let (from, to) = (next(), next());
                if from.is_null() || to.is_null() {
                    return Ok(Value::Null);
                }
                Value::from(s.replace(str_arg(self, &from)?, str_arg(self, &to)?))
            }
            Split => {
                let s = str_arg(self, &a)?.to_string();
                let sep = next();
                if sep.is_null() {
                    return Ok(Value::Null);
                }
                let sep = str_arg(self, &sep)?;
                if sep.is_empty() {
                    Value::List(s.chars().map(|c| Value::from(c.to_string())).collect())
                } else {
                    Value::List(s.split(sep).map(Value::str).collect())
                }
            }
            Timestamp => Value::Int(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_millis() as i64),
            ),
            ValueType => Value::str(match &a {
                Value::Null => "NULL",
                Value::Bool(_) => "BOOLEAN NOT NULL",
                Value::Int(_) => "INTEGER NOT NULL",
                Value::Float(_) => "FLOAT NOT NULL",
                Value::String(_) => "STRING NOT NULL",
                Value::List(_) => "LIST<ANY> NOT NULL",
                Value::Map(_) => "MAP NOT NULL",
                Value::Node(_) => "NODE NOT NULL",
                Value::Rel(_) => "RELATIONSHIP NOT NULL",
                Value::Path(_) => "PATH NOT NULL",
            }),
        })
    }
}

fn overflow() -> QueryError {
    QueryError::argument("NumberOutOfRange", "integer overflow")
}

/// A function called at run time with an argument of a type it does not
/// take (the TCK's `InvalidArgumentValue`; the compile-time check of
/// literal arguments reports `InvalidArgumentType`).
fn arg_type(f: Func, v: &Value) -> QueryError {
    QueryError::type_error(
        "InvalidArgumentValue",
        format!("{}() does not take a {}: {v}", f.name(), v.type_name()),
    )
}

fn int_arg(f: Func, v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(arg_type(f, other)),
    }
}

fn num_arg(f: Func, v: &Value) -> Result<f64> {
    v.as_f64().ok_or_else(|| arg_type(f, v))
}

fn str_arg(f: Func, v: &Value) -> Result<&str> {
    v.as_str().ok_or_else(|| arg_type(f, v))
}

/// `toInteger`: numbers truncate, numeric strings parse, booleans map to
/// 0 and 1; `None` for a type it does not take.
pub fn to_integer(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(_) => v.clone(),
        Value::Float(f) => {
            if f.is_nan() || *f >= 9.223_372_036_854_776e18 || *f < -9.223_372_036_854_776e18 {
                Value::Null
            } else {
                Value::Int(f.trunc() as i64)
            }
        }
        Value::Bool(b) => Value::Int(*b as i64),
        Value::String(s) => {
            let t = s.trim();
            match t.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => match t.parse::<f64>() {
                    Ok(f) if f.is_finite() => Value::Int(f.trunc() as i64),
                    _ => Value::Null,
                },
            }
        }
        Value::Null => Value::Null,
        _ => return None,
    })
}

/// `toFloat`: numbers convert, numeric strings parse; `None` for a type it
/// does not take.
pub fn to_float(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(i) => Value::Float(*i as f64),
        Value::Float(_) => v.clone(),
        Value::String(s) => s.trim().parse::<f64>().map_or(Value::Null, Value::Float),
        Value::Null => Value::Null,
        _ => return None,
    })
}

/// A pseudo-random number in [0, 1): good enough for `rand()`, which only
/// samples.
fn random_unit() -> f64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut h = RandomState::new().build_hasher();
    h.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Build a map value from string keys.
pub fn map_of<'a>(entries: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    let m: Map = entries
        .into_iter()
        .map(|(k, v)| (Arc::from(k), v))
        .collect();
    Value::from(m)
}

/// A path from its nodes and relationships.
pub fn path(nodes: Vec<crate::value::NodeId>, rels: Vec<crate::value::RelId>) -> Value {
    Value::from(Path { nodes, rels })
}
