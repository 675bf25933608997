//! The evaluator: runs a compiled plan over the graph.
//!
//! Read-only queries stream: each row is pushed through the steps, so
//! `LIMIT` stops the pattern search early and only sorting and aggregation
//! hold rows back. Queries that write run clause by clause, as openCypher
//! requires (a clause sees every change the previous one made); deletions
//! take effect when the query ends, so a deleted element can still be
//! named but not read.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::time::{Duration, Instant};

use foldhash::{HashMapExt, HashSet, HashSetExt};

use super::ast::{BinaryOp, CmpOp, PatternDirection, Pos, Quantifier};
use super::error::{ErrorClass, QueryError};
use super::plan::*;
use crate::graph::{Direction, Graph, Symbol};
use crate::value::{GroupKey, Map, NodeId, Path, RelId, Value};

type Result<T> = std::result::Result<T, QueryError>;

/// A row: one value per slot.
pub type Row = Vec<Value>;

/// Query parameters by name.
pub type Params = HashMap<String, Value>;

/// Bounds that keep a query from running away. Running into one is an
/// error (class `LimitExceeded`) that names it, never a truncated result.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Most rows any step may produce, and most elements `range()` may make.
    pub max_rows: usize,
    /// Most pattern-matching steps (node and relationship visits) in one query.
    pub max_expansions: u64,
    /// Most relationships a variable-length relationship without an upper
    /// bound (`*`, `*2..`) may walk: a path that would go further is an
    /// error (`HopLimit`) naming the pattern. One with an upper bound
    /// (`*..40`) walks as far as it says.
    pub max_hops: u64,
    /// Wall-clock budget.
    pub timeout: Option<Duration>,
    /// Set from another thread (Ctrl-C) to cancel the query.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Limits {
    /// The default for [`Limits::max_hops`]: longer than any chain of
    /// facts a news graph holds (and than the openCypher TCK's longest
    /// path, 21), short enough that `MATCH p = (a)-[*]-(b)` on a small,
    /// well-connected graph fails at once instead of enumerating every
    /// trail.
    pub const MAX_HOPS: u64 = 25;
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_rows: 10_000_000,
            max_expansions: 200_000_000,
            max_hops: Limits::MAX_HOPS,
            timeout: None,
            cancel: None,
        }
    }
}

/// What a query changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Nodes created.
    pub nodes_created: usize,
    /// Nodes deleted.
    pub nodes_deleted: usize,
    /// Relationships created.
    pub rels_created: usize,
    /// Relationships deleted.
    pub rels_deleted: usize,
    /// Labels added.
    pub labels_added: usize,
    /// Labels removed.
    pub labels_removed: usize,
    /// Properties set.
    pub properties_set: usize,
    /// Properties removed.
    pub properties_removed: usize,
}

impl WriteStats {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == WriteStats::default()
    }
}

/// Elements deleted by the running query, removed from the graph when it ends.
#[derive(Debug, Default)]
pub struct Deleted {
    nodes: HashSet<NodeId>,
    rels: HashSet<RelId>,
}

/// What evaluation needs: the graph, parameters, limits and the deletions
/// pending in this query.
pub struct Ctx<'a> {
    /// The graph.
    pub graph: &'a Graph,
    /// Parameters.
    pub params: &'a Params,
    /// Limits.
    pub limits: &'a Limits,
    deleted: &'a Deleted,
    ticks: &'a Cell<u64>,
    started: Instant,
}

impl Ctx<'_> {
    /// Error if the node was deleted by this query.
    pub fn check_node(&self, n: NodeId) -> Result<()> {
        if self.deleted.nodes.contains(&n) || !self.graph.contains_node(n) {
            return Err(deleted_access("node"));
        }
        Ok(())
    }

    /// Error if the relationship was deleted by this query.
    pub fn check_rel(&self, r: RelId) -> Result<()> {
        if self.deleted.rels.contains(&r) || !self.graph.contains_rel(r) {
            return Err(deleted_access("relationship"));
        }
        Ok(())
    }

    fn node_alive(&self, n: NodeId) -> bool {
        !self.deleted.nodes.contains(&n)
    }

    fn rel_alive(&self, r: RelId) -> bool {
        !self.deleted.rels.contains(&r)
    }

    /// Count one unit of work; every so often check the budget and the
    /// cancel flag.
    fn tick(&self) -> Result<()> {
        let t = self.ticks.get() + 1;
        self.ticks.set(t);
        if t > self.limits.max_expansions {
            return Err(QueryError::runtime(
                ErrorClass::LimitExceeded,
                "ExpansionLimit",
                format!(
                    "the query visited more than {} nodes and relationships; narrow the pattern or bound the variable-length relationship (e.g. *1..3)",
                    self.limits.max_expansions
                ),
            ));
        }
        if t.is_multiple_of(4096) {
            self.check_interrupt()?;
        }
        Ok(())
    }

    fn check_interrupt(&self) -> Result<()> {
        if let Some(c) = &self.limits.cancel
            && c.load(AtomicOrdering::Relaxed)
        {
            return Err(QueryError::runtime(
                ErrorClass::LimitExceeded,
                "Cancelled",
                "the query was cancelled",
            ));
        }
        if let Some(t) = self.limits.timeout
            && self.started.elapsed() > t
        {
            return Err(QueryError::runtime(
                ErrorClass::LimitExceeded,
                "Timeout",
                format!(
                    "the query ran longer than its time budget of {}",
                    duration_text(t)
                ),
            ));
        }
        Ok(())
    }
}

/// `30 s`, `1.5 s`, `20 ms`.
fn duration_text(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{} s", d.as_secs_f64())
    }
}

fn deleted_access(what: &str) -> QueryError {
    QueryError::runtime(
        ErrorClass::EntityNotFound,
        "DeletedEntityAccess",
        format!("the {what} was deleted by this query"),
    )
}

fn type_error(message: impl Into<String>) -> QueryError {
    QueryError::type_error("InvalidArgumentType", message)
}

/// Whether a step should go on producing rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Enough rows: stop.
    Stop,
}

// ---------------------------------------------------------------- eval

/// Evaluate an expression on a row.
///
/// Evaluation recurses once per level of the expression tree, so this
/// function keeps a small stack frame: every case with locals of its own
/// lives in a helper.
pub fn eval(ctx: &Ctx, e: &CExpr, row: &[Value]) -> Result<Value> {
    super::deep(|| eval_here(ctx, e, row)).map_err(|err| locate(err, e.pos))
}

/// An error raised while evaluating an expression is reported where the
/// expression was written, unless a part of it already said where; a
/// budget running out or a cancellation is the whole query's doing, not
/// the expression's.
fn locate(err: QueryError, pos: Pos) -> QueryError {
    if err.class == ErrorClass::LimitExceeded {
        err
    } else {
        err.at(pos)
    }
}

/// Whether a condition holds on a row: true, not false or null; anything
/// but a boolean or null is an error at the condition.
fn holds(ctx: &Ctx, condition: &CExpr, row: &[Value]) -> Result<bool> {
    let v = eval(ctx, condition, row)?;
    Ok(truth(v).map_err(|err| err.at(condition.pos))? == Some(true))
}

fn eval_here(ctx: &Ctx, e: &CExpr, row: &[Value]) -> Result<Value> {
    match &e.kind {
        CExprKind::Const(v) => Ok(v.clone()),
        CExprKind::Param(name) => param(ctx, name),
        CExprKind::Slot(s) => Ok(row.get(*s).cloned().unwrap_or(Value::Null)),
        CExprKind::Property(base, key) => eval_property(ctx, base, key, row),
        CExprKind::Index(base, idx) => eval_index(ctx, base, idx, row),
        CExprKind::Slice(base, from, to) => eval_slice(ctx, base, from, to, row),
        CExprKind::HasLabels(base, labels) => eval_has_labels(ctx, base, labels, row),
        CExprKind::List(items) => eval_list(ctx, items, row),
        CExprKind::Map(entries) => eval_map(ctx, entries, row),
        CExprKind::MapProjection(slot, items) => map_projection(ctx, row, *slot, items),
        CExprKind::Not(_) | CExprKind::Neg(_) | CExprKind::Plus(_) | CExprKind::IsNull(..) => {
            eval_unary(ctx, e, row)
        }
        CExprKind::Binary(first, rest) => eval_binary(ctx, first, rest, row),
        CExprKind::Compare(first, rest) => eval_compare(ctx, first, rest, row),
        CExprKind::Call(func, args) => eval_call(ctx, *func, args, row),
        CExprKind::Case(subject, alternatives, default) => {
            eval_case(ctx, subject, alternatives, default, row)
        }
        CExprKind::ListComprehension(slot, list, filter, map) => {
            list_comprehension(ctx, *slot, list, filter, map, row)
        }
        CExprKind::Quantified(kind, slot, list, filter) => {
            quantified(ctx, *kind, *slot, list, filter, row)
        }
        CExprKind::Reduce(acc_slot, init, var_slot, list, step) => {
            reduce(ctx, *acc_slot, init, *var_slot, list, step, row)
        }
        CExprKind::Exists(pattern, filter) => exists(ctx, pattern, filter, row),
        CExprKind::ExistsQuery(plan) => exists_query(ctx, plan, row),
        CExprKind::PatternComprehension(pattern, filter, map) => {
            pattern_comprehension(ctx, pattern, filter, map, row)
        }
    }
}

fn eval_property(ctx: &Ctx, base: &CExpr, key: &str, row: &[Value]) -> Result<Value> {
    let base = eval(ctx, base, row)?;
    property(ctx, base, key)
}

fn eval_index(ctx: &Ctx, base: &CExpr, idx: &CExpr, row: &[Value]) -> Result<Value> {
    let base = eval(ctx, base, row)?;
    let idx = eval(ctx, idx, row)?;
    index(ctx, base, idx)
}

fn eval_has_labels(ctx: &Ctx, base: &CExpr, labels: &[Arc<str>], row: &[Value]) -> Result<Value> {
    let base = eval(ctx, base, row)?;
    has_labels(ctx, base, labels)
}

fn eval_unary(ctx: &Ctx, e: &CExpr, row: &[Value]) -> Result<Value> {
    match &e.kind {
        CExprKind::Not(inner) => not(eval(ctx, inner, row)?),
        CExprKind::Neg(inner) => negate(eval(ctx, inner, row)?),
        CExprKind::Plus(inner) => unary_plus(eval(ctx, inner, row)?),
        CExprKind::IsNull(inner, not) => Ok(Value::Bool(eval(ctx, inner, row)?.is_null() != *not)),
        _ => unreachable!("eval_unary takes unary operators"),
    }
}

/// An operator chain, folded from the left in a loop: a chain of any
/// length costs one level of recursion.
///
/// A step that fails is reported at its operator; an operand of `AND`,
/// `OR` or `XOR` that is not a boolean, at the operand.
fn eval_binary(
    ctx: &Ctx,
    first: &CExpr,
    rest: &[(BinaryOp, Pos, CExpr)],
    row: &[Value],
) -> Result<Value> {
    let mut acc = eval(ctx, first, row)?;
    for (i, (op, at, operand)) in rest.iter().enumerate() {
        acc = match op {
            BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => {
                // Both sides are evaluated (no short cut), the left checked first.
                let left = if i == 0 { first.pos } else { rest[i - 1].2.pos };
                let a = truth(acc).map_err(|err| err.at(left))?;
                let b = eval(ctx, operand, row)?;
                logic(*op, a, truth(b).map_err(|err| err.at(operand.pos))?)
            }
            BinaryOp::Add
            | BinaryOp::Sub
            | BinaryOp::Mul
            | BinaryOp::Div
            | BinaryOp::Mod
            | BinaryOp::Pow => {
                arithmetic(*op, acc, eval(ctx, operand, row)?).map_err(|err| err.at(*at))?
            }
            _ => predicate(*op, acc, eval(ctx, operand, row)?).map_err(|err| err.at(*at))?,
        };
    }
    Ok(acc)
}

fn param(ctx: &Ctx, name: &str) -> Result<Value> {
    match ctx.params.get(name) {
        Some(v) => Ok(v.clone()),
        None => Err(QueryError::runtime(
            ErrorClass::ParameterMissing,
            "MissingParameter",
            format!("parameter ${name} was not given"),
        )),
    }
}

type OptExpr = Option<Box<CExpr>>;

fn eval_slice(
    ctx: &Ctx,
    base: &CExpr,
    from: &OptExpr,
    to: &OptExpr,
    row: &[Value],
) -> Result<Value> {
    let list = eval(ctx, base, row)?;
    let from = from.as_ref().map(|f| eval(ctx, f, row)).transpose()?;
    let to = to.as_ref().map(|t| eval(ctx, t, row)).transpose()?;
    slice(list, from, to)
}

fn has_labels(ctx: &Ctx, v: Value, labels: &[Arc<str>]) -> Result<Value> {
    Ok(match v {
        Value::Null => Value::Null,
        Value::Node(n) => {
            ctx.check_node(n)?;
            Value::Bool(labels.iter().all(|l| ctx.graph.has_label(n, l)))
        }
        // `r:T` asks for the relationship's type.
        Value::Rel(r) => {
            ctx.check_rel(r)?;
            Value::Bool(labels.iter().all(|l| ctx.graph.rel_type(r) == &**l))
        }
        other => {
            return Err(type_error(format!(
                "cannot check labels of a {}",
                other.type_name()
            )));
        }
    })
}

fn eval_list(ctx: &Ctx, items: &[CExpr], row: &[Value]) -> Result<Value> {
    Ok(Value::List(
        items
            .iter()
            .map(|i| eval(ctx, i, row))
            .collect::<Result<_>>()?,
    ))
}

fn eval_map(ctx: &Ctx, entries: &[(Arc<str>, CExpr)], row: &[Value]) -> Result<Value> {
    let mut m = Map::new();
    for (k, v) in entries {
        m.insert(k.clone(), eval(ctx, v, row)?);
    }
    Ok(Value::from(m))
}

fn not(v: Value) -> Result<Value> {
    Ok(match truth(v)? {
        Some(b) => Value::Bool(!b),
        None => Value::Null,
    })
}

fn negate(v: Value) -> Result<Value> {
    Ok(match v {
        Value::Int(i) => Value::Int(i.checked_neg().ok_or_else(int_overflow)?),
        Value::Float(f) => Value::Float(-f),
        Value::Null => Value::Null,
        other => return Err(type_error(format!("cannot negate a {}", other.type_name()))),
    })
}

fn unary_plus(v: Value) -> Result<Value> {
    match v {
        v @ (Value::Int(_) | Value::Float(_) | Value::Null) => Ok(v),
        other => Err(type_error(format!(
            "cannot apply unary + to a {}",
            other.type_name()
        ))),
    }
}

fn eval_compare(ctx: &Ctx, first: &CExpr, rest: &[(CmpOp, CExpr)], row: &[Value]) -> Result<Value> {
    let mut left = eval(ctx, first, row)?;
    let mut result = Some(true);
    for (op, e) in rest {
        let right = eval(ctx, e, row)?;
        let r = compare(*op, &left, &right);
        result = match (result, r) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (None, _) | (_, None) => None,
            _ => Some(true),
        };
        left = right;
    }
    Ok(result.map_or(Value::Null, Value::Bool))
}

fn eval_call(
    ctx: &Ctx,
    func: super::functions::Func,
    args: &[CExpr],
    row: &[Value],
) -> Result<Value> {
    let args = args
        .iter()
        .map(|a| eval(ctx, a, row))
        .collect::<Result<Vec<_>>>()?;
    func.call(ctx, args)
}

fn eval_case(
    ctx: &Ctx,
    subject: &OptExpr,
    alternatives: &[(CExpr, CExpr)],
    default: &OptExpr,
    row: &[Value],
) -> Result<Value> {
    let subject = subject.as_ref().map(|s| eval(ctx, s, row)).transpose()?;
    for (when, then) in alternatives {
        let w = eval(ctx, when, row)?;
        let hit = match &subject {
            Some(s) => s.cypher_eq(&w) == Some(true),
            None => matches!(w, Value::Bool(true)),
        };
        if hit {
            return eval(ctx, then, row);
        }
    }
    match default {
        Some(d) => eval(ctx, d, row),
        None => Ok(Value::Null),
    }
}

/// The elements of a list to iterate over; `None` for null.
fn iterated(ctx: &Ctx, list: &CExpr, row: &[Value]) -> Result<Option<Vec<Value>>> {
    match eval(ctx, list, row)? {
        Value::Null => Ok(None),
        Value::List(items) => Ok(Some(items)),
        other => Err(type_error(format!(
            "cannot iterate over a {}",
            other.type_name()
        ))),
    }
}

fn list_comprehension(
    ctx: &Ctx,
    slot: usize,
    list: &CExpr,
    filter: &OptExpr,
    map: &OptExpr,
    row: &[Value],
) -> Result<Value> {
    let Some(items) = iterated(ctx, list, row)? else {
        return Ok(Value::Null);
    };
    let mut env = local_env(row, slot);
    let mut out = Vec::new();
    for item in items {
        env[slot] = item;
        if let Some(f) = filter
            && !holds(ctx, f, &env)?
        {
            continue;
        }
        out.push(match map {
            Some(m) => eval(ctx, m, &env)?,
            None => env[slot].clone(),
        });
    }
    Ok(Value::List(out))
}

fn quantified(
    ctx: &Ctx,
    kind: Quantifier,
    slot: usize,
    list: &CExpr,
    filter: &OptExpr,
    row: &[Value],
) -> Result<Value> {
    let Some(items) = iterated(ctx, list, row)? else {
        return Ok(Value::Null);
    };
    let mut env = local_env(row, slot);
    let (mut yes, mut unknown) = (0usize, 0usize);
    let total = items.len();
    for item in items {
        env[slot] = item;
        let t = match filter {
            Some(f) => truth(eval(ctx, f, &env)?).map_err(|err| err.at(f.pos))?,
            None => truth(env[slot].clone()).map_err(|err| err.at(list.pos))?,
        };
        match t {
            Some(true) => yes += 1,
            None => unknown += 1,
            Some(false) => {}
        }
    }
    let no = total - yes - unknown;
    let r = match kind {
        Quantifier::All => {
            if no > 0 {
                Some(false)
            } else if unknown > 0 {
                None
            } else {
                Some(true)
            }
        }
        Quantifier::Any => {
            if yes > 0 {
                Some(true)
            } else if unknown > 0 {
                None
            } else {
                Some(false)
            }
        }
        Quantifier::None => {
            if yes > 0 {
                Some(false)
            } else if unknown > 0 {
                None
            } else {
                Some(true)
            }
        }
        Quantifier::Single => {
            if yes > 1 {
                Some(false)
            } else if unknown > 0 {
                None
            } else {
                Some(yes == 1)
            }
        }
    };
    Ok(r.map_or(Value::Null, Value::Bool))
}

fn reduce(
    ctx: &Ctx,
    acc_slot: usize,
    init: &CExpr,
    var_slot: usize,
    list: &CExpr,
    step: &CExpr,
    row: &[Value],
) -> Result<Value> {
    let mut acc = eval(ctx, init, row)?;
    let Some(items) = iterated(ctx, list, row)? else {
        return Ok(Value::Null);
    };
    let mut env = local_env(row, acc_slot.max(var_slot));
    for item in items {
        env[acc_slot] = acc;
        env[var_slot] = item;
        acc = eval(ctx, step, &env)?;
    }
    Ok(acc)
}

fn exists(ctx: &Ctx, pattern: &CPattern, filter: &OptExpr, row: &[Value]) -> Result<Value> {
    let mut found = false;
    let mut env = row.to_vec();
    Matcher::new(ctx, pattern, &env).run(&mut env, &mut |m| {
        if let Some(f) = filter
            && !holds(ctx, f, m)?
        {
            return Ok(Flow::Continue);
        }
        found = true;
        Ok(Flow::Stop)
    })?;
    Ok(Value::Bool(found))
}

fn exists_query(ctx: &Ctx, plan: &Plan, row: &[Value]) -> Result<Value> {
    let mut first = row.to_vec();
    first.resize(first.len().max(plan.width), Value::Null);
    Ok(Value::Bool(
        !run_plan(ctx, plan, first, Some(1))?.is_empty(),
    ))
}

fn pattern_comprehension(
    ctx: &Ctx,
    pattern: &CPattern,
    filter: &OptExpr,
    map: &CExpr,
    row: &[Value],
) -> Result<Value> {
    let mut out = Vec::new();
    let mut env = row.to_vec();
    Matcher::new(ctx, pattern, &env).run(&mut env, &mut |m| {
        if let Some(f) = filter
            && !holds(ctx, f, m)?
        {
            return Ok(Flow::Continue);
        }
        out.push(eval(ctx, map, m)?);
        Ok(Flow::Continue)
    })?;
    Ok(Value::List(out))
}

/// A copy of the row long enough to hold `slot`, for local variables.
fn local_env(row: &[Value], slot: usize) -> Vec<Value> {
    let mut env = row.to_vec();
    if env.len() <= slot {
        env.resize(slot + 1, Value::Null);
    }
    env
}

fn int_overflow() -> QueryError {
    QueryError::argument("NumberOutOfRange", "integer overflow")
}

/// Three-valued truth of a value: booleans and null only.
pub fn truth(v: Value) -> Result<Option<bool>> {
    match v {
        Value::Bool(b) => Ok(Some(b)),
        Value::Null => Ok(None),
        other => Err(type_error(format!(
            "expected a boolean, got {}",
            other.type_name()
        ))),
    }
}

fn logic(op: BinaryOp, a: Option<bool>, b: Option<bool>) -> Value {
    let r = match op {
        BinaryOp::And => match (a, b) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        },
        BinaryOp::Or => match (a, b) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
        _ => match (a, b) {
            (Some(x), Some(y)) => Some(x != y),
            _ => None,
        },
    };
    r.map_or(Value::Null, Value::Bool)
}

fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match op {
        CmpOp::Eq => a.cypher_eq(b),
        CmpOp::Ne => a.cypher_eq(b).map(|x| !x),
        _ => {
            let Some(ord) = a.cypher_cmp(b) else {
                // NaN is comparable with numbers, but neither less than,
                // equal to nor greater than any.
                return (a.as_f64().is_some() && b.as_f64().is_some()).then_some(false);
            };
            Some(match op {
                CmpOp::Lt => ord.is_lt(),
                CmpOp::Le => ord.is_le(),
                CmpOp::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            })
        }
    }
}

fn arithmetic(op: BinaryOp, a: Value, b: Value) -> Result<Value> {
    use Value::*;
    if a.is_null() || b.is_null() {
        return Ok(Null);
    }
    if op == BinaryOp::Add {
        match (&a, &b) {
            (List(x), List(y)) => return Ok(List(x.iter().chain(y).cloned().collect())),
            (List(x), _) => {
                let mut v = x.clone();
                v.push(b);
                return Ok(List(v));
            }
            (_, List(y)) => {
                let mut v = vec![a];
                v.extend(y.iter().cloned());
                return Ok(List(v));
            }
            (String(x), String(y)) => return Ok(Value::from(format!("{x}{y}"))),
            (String(x), Int(_) | Float(_) | Bool(_)) => {
                return Ok(Value::from(format!("{x}{}", plain_text(&b))));
            }
            (Int(_) | Float(_) | Bool(_), String(y)) => {
                return Ok(Value::from(format!("{}{y}", plain_text(&a))));
            }
            _ => {}
        }
    }
    match (&a, &b) {
        (Int(x), Int(y)) => {
            let (x, y) = (*x, *y);
            let r = match op {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Sub => x.checked_sub(y),
                BinaryOp::Mul => x.checked_mul(y),
                BinaryOp::Div => {
                    if y == 0 {
                        return Err(QueryError::argument("DivisionByZero", "division by zero"));
                    }
                    x.checked_div(y)
                }
                BinaryOp::Mod => {
                    if y == 0 {
                        return Err(QueryError::argument("DivisionByZero", "division by zero"));
                    }
                    x.checked_rem(y)
                }
                _ => return Ok(Float((x as f64).powf(y as f64))),
            };
            r.map(Int).ok_or_else(int_overflow)
        }
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            Ok(Float(match op {
                BinaryOp::Add => x + y,
                BinaryOp::Sub => x - y,
                BinaryOp::Mul => x * y,
                BinaryOp::Div => x / y,
                BinaryOp::Mod => x % y,
                _ => x.powf(y),
            }))
        }
        _ => Err(type_error(format!(
            "cannot apply {} to {} and {}",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// A scalar as `toString` writes it (strings unquoted).
fn plain_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        Value::Float(f) => crate::value::format_float(*f),
        other => other.to_string(),
    }
}

fn predicate(op: BinaryOp, a: Value, b: Value) -> Result<Value> {
    use Value::*;
    Ok(match op {
        BinaryOp::In => match b {
            Null => Null,
            List(items) => {
                let mut unknown = false;
                for item in &items {
                    match a.cypher_eq(item) {
                        Some(true) => return Ok(Bool(true)),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                if unknown { Null } else { Bool(false) }
            }
            other => {
                return Err(type_error(format!(
                    "IN needs a list, got {}",
                    other.type_name()
                )));
            }
        },
        BinaryOp::Regex => match (&a, &b) {
            (String(s), String(p)) => {
                let re = regex::Regex::new(&format!("^(?:{p})$")).map_err(|e| {
                    QueryError::argument(
                        "InvalidArgumentValue",
                        format!("invalid regular expression: {e}"),
                    )
                })?;
                Bool(re.is_match(s))
            }
            _ => Null,
        },
        _ => match (&a, &b) {
            (String(s), String(t)) => Bool(match op {
                BinaryOp::StartsWith => s.starts_with(&**t),
                BinaryOp::EndsWith => s.ends_with(&**t),
                _ => s.contains(&**t),
            }),
            _ => Null,
        },
    })
}

fn property(ctx: &Ctx, base: Value, key: &str) -> Result<Value> {
    Ok(match base {
        Value::Null => Value::Null,
        Value::Node(n) => {
            ctx.check_node(n)?;
            ctx.graph
                .node_property(n, key)
                .cloned()
                .unwrap_or(Value::Null)
        }
        Value::Rel(r) => {
            ctx.check_rel(r)?;
            ctx.graph
                .rel_property(r, key)
                .cloned()
                .unwrap_or(Value::Null)
        }
        Value::Map(m) => m.get(key).cloned().unwrap_or(Value::Null),
        other => {
            return Err(type_error(format!(
                "cannot read property `{key}` of a {}",
                other.type_name()
            )));
        }
    })
}

fn index(ctx: &Ctx, base: Value, idx: Value) -> Result<Value> {
    Ok(match (base, idx) {
        (Value::Null, _) | (_, Value::Null) => Value::Null,
        (Value::List(items), Value::Int(i)) => {
            let len = items.len() as i64;
            let i = if i < 0 { len + i } else { i };
            if i < 0 || i >= len {
                Value::Null
            } else {
                items[i as usize].clone()
            }
        }
        (Value::List(_), other) => {
            return Err(type_error(format!(
                "a list index must be an integer, got {}",
                other.type_name()
            )));
        }
        (Value::Map(m), Value::String(k)) => m.get(&*k).cloned().unwrap_or(Value::Null),
        (base @ (Value::Node(_) | Value::Rel(_)), Value::String(k)) => property(ctx, base, &k)?,
        (Value::Map(_) | Value::Node(_) | Value::Rel(_), other) => {
            return Err(QueryError::type_error(
                "MapElementAccessByNonString",
                format!("a map key must be a string, got {}", other.type_name()),
            ));
        }
        (other, _) => {
            return Err(type_error(format!(
                "cannot index into a {}",
                other.type_name()
            )));
        }
    })
}

fn slice(list: Value, from: Option<Value>, to: Option<Value>) -> Result<Value> {
    let items = match list {
        Value::Null => return Ok(Value::Null),
        Value::List(items) => items,
        other => return Err(type_error(format!("cannot slice a {}", other.type_name()))),
    };
    let len = items.len() as i64;
    let bound = |v: Option<Value>, default: i64| -> Result<Option<i64>> {
        match v {
            None => Ok(Some(default)),
            Some(Value::Null) => Ok(None),
            Some(Value::Int(i)) => Ok(Some(if i < 0 { (len + i).max(0) } else { i.min(len) })),
            Some(other) => Err(type_error(format!(
                "a slice bound must be an integer, got {}",
                other.type_name()
            ))),
        }
    };
    let (Some(a), Some(b)) = (bound(from, 0)?, bound(to, len)?) else {
        return Ok(Value::Null);
    };
    if a >= b {
        return Ok(Value::List(Vec::new()));
    }
    Ok(Value::List(items[a as usize..b as usize].to_vec()))
}

fn map_projection(ctx: &Ctx, row: &[Value], slot: usize, items: &[CMapItem]) -> Result<Value> {
    let base = row.get(slot).cloned().unwrap_or(Value::Null);
    if base.is_null() {
        return Ok(Value::Null);
    }
    let all = |base: &Value| -> Result<Map> {
        Ok(match base {
            Value::Node(n) => {
                ctx.check_node(*n)?;
                ctx.graph
                    .node_properties(*n)
                    .map(|(k, v)| (Arc::from(k), v.clone()))
                    .collect()
            }
            Value::Rel(r) => {
                ctx.check_rel(*r)?;
                ctx.graph
                    .rel_properties(*r)
                    .map(|(k, v)| (Arc::from(k), v.clone()))
                    .collect()
            }
            Value::Map(m) => (**m).clone(),
            other => {
                return Err(type_error(format!(
                    "cannot project a {}",
                    other.type_name()
                )));
            }
        })
    };
    let mut out = Map::new();
    for item in items {
        match item {
            CMapItem::AllProperties => out.extend(all(&base)?),
            CMapItem::Property(k) => {
                out.insert(k.clone(), property(ctx, base.clone(), k)?);
            }
            CMapItem::Entry(k, e) => {
                out.insert(k.clone(), eval(ctx, e, row)?);
            }
        }
    }
    Ok(Value::from(out))
}

// ---------------------------------------------------------------- matching

/// How a pattern node is handled at its step: found or checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeRole {
    Assign,
    Check,
}

#[derive(Debug, Clone)]
struct Step {
    rel: usize,
    from: usize,
    to: usize,
    reversed: bool,
    to_role: NodeRole,
    rel_bound: bool,
}

#[derive(Debug, Clone)]
struct PartPlan {
    anchor: usize,
    anchor_role: NodeRole,
    steps: Vec<Step>,
}

/// Finds the matches of a pattern that extend a row, depth first, with
/// relationship uniqueness across the whole pattern.
struct Matcher<'c, 'a> {
    ctx: &'c Ctx<'a>,
    pattern: &'c CPattern,
    plans: Vec<PartPlan>,
    used: Vec<RelId>,
    /// Per part, per relationship: the relationships walked, in pattern order.
    walked: Vec<Vec<Vec<RelId>>>,
    types: Vec<Vec<Option<Vec<Symbol>>>>,
}

type Sink<'s> = dyn FnMut(&[Value]) -> Result<Flow> + 's;

impl<'c, 'a> Matcher<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>, pattern: &'c CPattern, row: &[Value]) -> Matcher<'c, 'a> {
        let mut assigned: HashSet<usize> = HashSet::new();
        for part in &pattern.parts {
            for n in &part.nodes {
                if n.bound {
                    assigned.insert(n.slot);
                }
            }
        }
        let mut plans = Vec::new();
        for part in &pattern.parts {
            let anchor = choose_anchor(ctx, part, &assigned, row);
            let anchor_role = if assigned.insert(part.nodes[anchor].slot) {
                NodeRole::Assign
            } else {
                NodeRole::Check
            };
            let mut steps = Vec::new();
            let visit = |to: usize, assigned: &mut HashSet<usize>| {
                if assigned.insert(part.nodes[to].slot) {
                    NodeRole::Assign
                } else {
                    NodeRole::Check
                }
            };
            for i in anchor..part.rels.len() {
                let to_role = visit(i + 1, &mut assigned);
                steps.push(Step {
                    rel: i,
                    from: i,
                    to: i + 1,
                    reversed: false,
                    to_role,
                    rel_bound: part.rels[i].bound,
                });
            }
            for i in (0..anchor).rev() {
                let to_role = visit(i, &mut assigned);
                steps.push(Step {
                    rel: i,
                    from: i + 1,
                    to: i,
                    reversed: true,
                    to_role,
                    rel_bound: part.rels[i].bound,
                });
            }
            plans.push(PartPlan {
                anchor,
                anchor_role,
                steps,
            });
        }
        let walked = pattern
            .parts
            .iter()
            .map(|p| vec![Vec::new(); p.rels.len()])
            .collect();
        let types = pattern
            .parts
            .iter()
            .map(|p| {
                p.rels
                    .iter()
                    .map(|r| {
                        (!r.types.is_empty())
                            .then(|| r.types.iter().filter_map(|t| ctx.graph.symbol(t)).collect())
                    })
                    .collect()
            })
            .collect();
        Matcher {
            ctx,
            pattern,
            plans,
            used: Vec::new(),
            walked,
            types,
        }
    }

    fn run(&mut self, env: &mut Vec<Value>, sink: &mut Sink) -> Result<Flow> {
        self.part(0, env, sink)
    }

    fn part(&mut self, pi: usize, env: &mut Vec<Value>, sink: &mut Sink) -> Result<Flow> {
        if pi == self.pattern.parts.len() {
            return sink(env);
        }
        let part = &self.pattern.parts[pi];
        let plan = &self.plans[pi];
        let node = &part.nodes[plan.anchor];
        let candidates: Vec<NodeId> = match plan.anchor_role {
            NodeRole::Check => match &env[node.slot] {
                Value::Node(n) if self.ctx.node_alive(*n) => vec![*n],
                Value::Node(_) | Value::Null => Vec::new(),
                other => {
                    return Err(
                        type_error(format!("expected a node, got {}", other.type_name()))
                            .at(node.pos),
                    );
                }
            },
            NodeRole::Assign => self.candidates(node, env)?,
        };
        let slot = node.slot;
        for n in candidates {
            self.ctx.tick()?;
            if !self.node_matches(node, n, env)? {
                continue;
            }
            let saved = std::mem::replace(&mut env[slot], Value::Node(n));
            let flow = self.step(pi, 0, env, sink);
            env[slot] = saved;
            if flow? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }

    fn candidates(&self, node: &CNode, env: &[Value]) -> Result<Vec<NodeId>> {
        let g = self.ctx.graph;
        if let Some(props) = &node.props
            && let Value::Map(m) = eval(self.ctx, props, env)?
        {
            for (k, v) in m.iter() {
                if let Some(hits) = g.nodes_by_property(k, v) {
                    return Ok(hits
                        .into_iter()
                        .filter(|n| self.ctx.node_alive(*n))
                        .collect());
                }
            }
        }
        for hint in &node.hints {
            if let Some(hits) = self.index_hits(hint, env) {
                return Ok(hits
                    .into_iter()
                    .filter(|n| self.ctx.node_alive(*n))
                    .collect());
            }
        }
        if let Some(label) = node.labels.iter().min_by_key(|l| g.label_count(l)) {
            return Ok(g
                .nodes_with_label(label)
                .filter(|n| self.ctx.node_alive(*n))
                .collect());
        }
        Ok(g.nodes().filter(|n| self.ctx.node_alive(*n)).collect())
    }

    /// The nodes the index gives for a condition of the `WHERE`: every node
    /// for which the condition can hold (and maybe others: the `WHERE`
    /// still filters). `None` when the index cannot answer: the key is not
    /// indexed, or the value fails or is not a list for `IN` (the scan then
    /// meets the same error or value the `WHERE` does).
    fn index_hits(&self, hint: &IndexHint, env: &[Value]) -> Option<Vec<NodeId>> {
        let g = self.ctx.graph;
        if !g.is_indexed(&hint.key) {
            return None;
        }
        let value = eval(self.ctx, &hint.value, env).ok()?;
        if !hint.any_of {
            return g.nodes_by_property(&hint.key, &value);
        }
        match value {
            // `x IN null` is null: no row passes.
            Value::Null => Some(Vec::new()),
            Value::List(items) => {
                let mut hits = std::collections::BTreeSet::new();
                for item in &items {
                    hits.extend(g.nodes_by_property(&hint.key, item)?);
                }
                Some(hits.into_iter().collect())
            }
            _ => None,
        }
    }

    fn node_matches(&self, node: &CNode, n: NodeId, env: &[Value]) -> Result<bool> {
        let g = self.ctx.graph;
        if !node.labels.iter().all(|l| g.has_label(n, l)) {
            return Ok(false);
        }
        if let Some(props) = &node.props {
            match eval(self.ctx, props, env)? {
                Value::Map(m) => {
                    for (k, v) in m.iter() {
                        let actual = g.node_property(n, k).unwrap_or(&Value::Null);
                        if actual.cypher_eq(v) != Some(true) {
                            return Ok(false);
                        }
                    }
                }
                Value::Null => {}
                other => {
                    return Err(type_error(format!(
                        "node properties must be a map, got {}",
                        other.type_name()
                    ))
                    .at(props.pos));
                }
            }
        }
        Ok(true)
    }

    fn rel_matches(&self, rel: &CRel, r: RelId, env: &[Value]) -> Result<bool> {
        if let Some(props) = &rel.props {
            match eval(self.ctx, props, env)? {
                Value::Map(m) => {
                    for (k, v) in m.iter() {
                        let actual = self.ctx.graph.rel_property(r, k).unwrap_or(&Value::Null);
                        if actual.cypher_eq(v) != Some(true) {
                            return Ok(false);
                        }
                    }
                }
                Value::Null => {}
                other => {
                    return Err(type_error(format!(
                        "relationship properties must be a map, got {}",
                        other.type_name()
                    ))
                    .at(props.pos));
                }
            }
        }
        Ok(true)
    }

    /// Whether the node reached fits the pattern node at the end of a step.
    fn arrive(&self, step: &Step, node: &CNode, n: NodeId, env: &[Value]) -> Result<bool> {
        match step.to_role {
            NodeRole::Check => Ok(matches!(&env[node.slot], Value::Node(m) if *m == n)
                && self.node_matches(node, n, env)?),
            NodeRole::Assign => self.node_matches(node, n, env),
        }
    }

    fn step(&mut self, pi: usize, k: usize, env: &mut Vec<Value>, sink: &mut Sink) -> Result<Flow> {
        super::deep(|| self.step_here(pi, k, env, sink))
    }

    fn step_here(
        &mut self,
        pi: usize,
        k: usize,
        env: &mut Vec<Value>,
        sink: &mut Sink,
    ) -> Result<Flow> {
        let part = &self.pattern.parts[pi];
        if k == self.plans[pi].steps.len() {
            let saved = part.path_slot.map(|s| {
                let path = self.build_path(pi, env);
                (s, std::mem::replace(&mut env[s], path))
            });
            let flow = self.part(pi + 1, env, sink);
            if let Some((s, old)) = saved {
                env[s] = old;
            }
            return flow;
        }
        let step = self.plans[pi].steps[k].clone();
        let rel = &part.rels[step.rel];
        let from = match &env[part.nodes[step.from].slot] {
            Value::Node(n) => *n,
            _ => return Ok(Flow::Continue),
        };
        let to_node = &part.nodes[step.to];
        let direction = match (rel.direction, step.reversed) {
            (PatternDirection::Right, false) | (PatternDirection::Left, true) => {
                Direction::Outgoing
            }
            (PatternDirection::Left, false) | (PatternDirection::Right, true) => {
                Direction::Incoming
            }
            (PatternDirection::Either, _) => Direction::Both,
        };
        let types = self.types[pi][step.rel].clone();
        if types.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Flow::Continue); // none of the types exists in the graph
        }
        match rel.length {
            None => {
                let edges: Vec<(RelId, NodeId)> = if step.rel_bound {
                    match &env[rel.slot] {
                        Value::Rel(r) => self
                            .ctx
                            .graph
                            .edges(from, direction, types.as_deref())
                            .filter(|(x, _)| x == r)
                            .collect(),
                        _ => Vec::new(),
                    }
                } else {
                    self.ctx
                        .graph
                        .edges(from, direction, types.as_deref())
                        .collect()
                };
                for (r, other) in edges {
                    self.ctx.tick()?;
                    if !self.ctx.rel_alive(r)
                        || self.used.contains(&r)
                        || !self.ctx.node_alive(other)
                    {
                        continue;
                    }
                    if !self.rel_matches(rel, r, env)?
                        || !self.arrive(&step, to_node, other, env)?
                    {
                        continue;
                    }
                    let saved_rel = std::mem::replace(&mut env[rel.slot], Value::Rel(r));
                    let saved_node = std::mem::replace(&mut env[to_node.slot], Value::Node(other));
                    self.used.push(r);
                    let walked = &mut self.walked[pi][step.rel];
                    walked.clear();
                    walked.push(r);
                    let flow = self.step(pi, k + 1, env, sink);
                    self.used.pop();
                    env[to_node.slot] = saved_node;
                    env[rel.slot] = saved_rel;
                    if flow? == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                }
                Ok(Flow::Continue)
            }
            Some((min, max)) => {
                // A list of relationships bound before fixes the length.
                let max = if step.rel_bound {
                    let len = match &env[rel.slot] {
                        Value::List(items) => items.len() as u64,
                        _ => 0,
                    };
                    Some(max.map_or(len, |m| m.min(len)))
                } else {
                    max
                };
                let mut trail = Vec::new();
                self.var_length(
                    pi,
                    k,
                    &step,
                    direction,
                    types.as_deref(),
                    min,
                    max,
                    from,
                    &mut trail,
                    env,
                    sink,
                )
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn var_length(
        &mut self,
        pi: usize,
        k: usize,
        step: &Step,
        direction: Direction,
        types: Option<&[Symbol]>,
        min: u64,
        max: Option<u64>,
        at: NodeId,
        trail: &mut Vec<RelId>,
        env: &mut Vec<Value>,
        sink: &mut Sink,
    ) -> Result<Flow> {
        let part = &self.pattern.parts[pi];
        let rel = &part.rels[step.rel];
        let to_node = &part.nodes[step.to];
        let depth = trail.len() as u64;
        if depth >= min && self.arrive(step, to_node, at, env)? {
            let mut in_order = trail.clone();
            if step.reversed {
                in_order.reverse();
            }
            let bound_ok = !step.rel_bound
                || matches!(&env[rel.slot], Value::List(items) if items.len() == in_order.len()
                    && items.iter().zip(&in_order).all(|(v, r)| matches!(v, Value::Rel(x) if x == r)));
            if bound_ok {
                let list = Value::List(in_order.iter().map(|r| Value::Rel(*r)).collect());
                let saved_rel =
                    (!step.rel_bound).then(|| std::mem::replace(&mut env[rel.slot], list));
                let saved_node = std::mem::replace(&mut env[to_node.slot], Value::Node(at));
                self.walked[pi][step.rel] = in_order;
                let used_before = self.used.len();
                self.used.extend(trail.iter().copied());
                let flow = self.step(pi, k + 1, env, sink);
                self.used.truncate(used_before);
                env[to_node.slot] = saved_node;
                if let Some(old) = saved_rel {
                    env[rel.slot] = old;
                }
                if flow? == Flow::Stop {
                    return Ok(Flow::Stop);
                }
            }
        }
        if max.is_some_and(|m| depth >= m) {
            return Ok(Flow::Continue);
        }
        let edges: Vec<(RelId, NodeId)> = self.ctx.graph.edges(at, direction, types).collect();
        for (r, other) in edges {
            self.ctx.tick()?;
            if !self.ctx.rel_alive(r)
                || !self.ctx.node_alive(other)
                || self.used.contains(&r)
                || trail.contains(&r)
            {
                continue;
            }
            if !self.rel_matches(rel, r, env)? {
                continue;
            }
            let hops = self.ctx.limits.max_hops;
            if max.is_none() && depth >= hops {
                return Err(QueryError::runtime(
                    ErrorClass::LimitExceeded,
                    "HopLimit",
                    format!(
                        "`{}` would walk paths longer than {hops} relationships, the limit for a variable-length relationship without an upper bound; give it one (e.g. *..{hops}) or narrow the pattern",
                        rel.text
                    ),
                )
                .at(rel.pos));
            }
            trail.push(r);
            let flow = super::deep(|| {
                self.var_length(
                    pi, k, step, direction, types, min, max, other, trail, env, sink,
                )
            });
            trail.pop();
            if flow? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }

    fn build_path(&self, pi: usize, env: &[Value]) -> Value {
        let part = &self.pattern.parts[pi];
        let Value::Node(mut at) = env[part.nodes[0].slot] else {
            return Value::Null;
        };
        let mut nodes = vec![at];
        let mut rels = Vec::new();
        for walked in &self.walked[pi] {
            for r in walked {
                let (s, e) = self.ctx.graph.rel_endpoints(*r).unwrap_or((at, at));
                at = if s == at { e } else { s };
                nodes.push(at);
                rels.push(*r);
            }
        }
        Value::from(Path { nodes, rels })
    }
}

/// Where to start matching a part: a node already bound, else one found
/// through the property index (by its property map, then by the
/// conditions the `WHERE` puts on it), else the rarest label, else the
/// first.
fn choose_anchor(ctx: &Ctx, part: &CPart, assigned: &HashSet<usize>, _row: &[Value]) -> usize {
    if let Some(i) = part.nodes.iter().position(|n| assigned.contains(&n.slot)) {
        return i;
    }
    let indexed = |n: &CNode| match n.props.as_ref().map(|p| &p.kind) {
        Some(CExprKind::Map(entries)) => entries.iter().any(|(k, _)| ctx.graph.is_indexed(k)),
        Some(CExprKind::Const(Value::Map(m))) => m.keys().any(|k| ctx.graph.is_indexed(k)),
        _ => false,
    };
    if let Some(i) = part.nodes.iter().position(indexed) {
        return i;
    }
    let hinted = |n: &CNode| n.hints.iter().any(|h| ctx.graph.is_indexed(&h.key));
    if let Some(i) = part.nodes.iter().position(hinted) {
        return i;
    }
    part.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.labels.is_empty())
        .min_by_key(|(_, n)| {
            n.labels
                .iter()
                .map(|l| ctx.graph.label_count(l))
                .min()
                .unwrap_or(usize::MAX)
        })
        .map_or(0, |(i, _)| i)
}

// ---------------------------------------------------------------- projection

/// State of a streaming projection: seen rows for DISTINCT, skip and limit counters.
#[derive(Default)]
struct ProjectionState {
    seen: HashSet<GroupKey>,
    skipped: usize,
    emitted: usize,
    skip: Option<usize>,
    limit: Option<usize>,
}

/// `SKIP` and `LIMIT` from a parameter: openCypher reports a bad value as
/// the syntax error it would be for a literal, raised at run time.
fn count_arg(ctx: &Ctx, e: &Option<CExpr>, what: &str) -> Result<Option<usize>> {
    let Some(e) = e else { return Ok(None) };
    match eval(ctx, e, &[])? {
        Value::Int(i) if i >= 0 => Ok(Some(i as usize)),
        Value::Int(i) => Err(QueryError::runtime(
            ErrorClass::SyntaxError,
            "NegativeIntegerArgument",
            format!("{what} must not be negative, got {i}"),
        )
        .at(e.pos)),
        other => Err(QueryError::runtime(
            ErrorClass::SyntaxError,
            "InvalidArgumentType",
            format!("{what} takes an integer, got {other}"),
        )
        .at(e.pos)),
    }
}

fn project_row(ctx: &Ctx, p: &CProjection, row: &[Value]) -> Result<Row> {
    let mut out = vec![Value::Null; p.out_width.max(p.items.len())];
    for (i, item) in p.items.iter().enumerate() {
        out[i] = eval(ctx, item, row)?;
    }
    for (from, to) in &p.carried {
        out[*to] = row.get(*from).cloned().unwrap_or(Value::Null);
    }
    Ok(out)
}

/// Run a projection that needs all its input: aggregation and sorting.
fn project_all(ctx: &Ctx, p: &CProjection, rows: Vec<Row>) -> Result<Vec<Row>> {
    let out = if p.aggregates.is_empty() {
        rows.iter()
            .map(|r| project_row(ctx, p, r))
            .collect::<Result<Vec<_>>>()?
    } else {
        aggregate(ctx, p, rows)?
    };
    finish_projection(ctx, p, out)
}

/// `DISTINCT`, `ORDER BY`, `SKIP`, `LIMIT` and the filter of a projection
/// over its projected (or aggregated) rows.
fn finish_projection(ctx: &Ctx, p: &CProjection, mut out: Vec<Row>) -> Result<Vec<Row>> {
    if p.distinct {
        let mut seen = HashSet::new();
        let n = p.items.len();
        out.retain(|r| seen.insert(GroupKey(r[..n].to_vec())));
    }
    if !p.order_by.is_empty() {
        let mut keyed = Vec::with_capacity(out.len());
        for r in out {
            let keys = p
                .order_by
                .iter()
                .map(|(e, _)| eval(ctx, e, &r))
                .collect::<Result<Vec<_>>>()?;
            keyed.push((keys, r));
        }
        keyed.sort_by(|(a, _), (b, _)| {
            for ((x, y), (_, desc)) in a.iter().zip(b).zip(&p.order_by) {
                let o = x.order(y);
                let o = if *desc { o.reverse() } else { o };
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        });
        out = keyed.into_iter().map(|(_, r)| r).collect();
    }
    let skip = count_arg(ctx, &p.skip, "SKIP")?.unwrap_or(0);
    let limit = count_arg(ctx, &p.limit, "LIMIT")?;
    let mut out: Vec<Row> = out
        .into_iter()
        .skip(skip)
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    if let Some(f) = &p.filter {
        let mut kept = Vec::with_capacity(out.len());
        for r in out {
            if holds(ctx, f, &r)? {
                kept.push(r);
            }
        }
        out = kept;
    }
    Ok(out)
}

fn aggregate(ctx: &Ctx, p: &CProjection, rows: Vec<Row>) -> Result<Vec<Row>> {
    let mut grouper = Grouper::new(p);
    for row in rows {
        grouper.add(ctx, p, &row)?;
    }
    grouper.finish(ctx, p)
}

/// Groups of an aggregating projection, filled one row at a time: a
/// streaming read folds each row in as it is matched instead of holding
/// every row until the match is done.
struct Grouper {
    key_items: Vec<usize>,
    /// Group keys in the order their first row came.
    order: Vec<GroupKey>,
    groups: foldhash::HashMap<GroupKey, (Row, Vec<AggState>)>,
}

impl Grouper {
    fn new(p: &CProjection) -> Grouper {
        Grouper {
            key_items: (0..p.items.len()).filter(|&i| p.is_key[i]).collect(),
            order: Vec::new(),
            groups: foldhash::HashMap::new(),
        }
    }

    fn add(&mut self, ctx: &Ctx, p: &CProjection, row: &[Value]) -> Result<()> {
        let key = GroupKey(
            self.key_items
                .iter()
                .map(|&i| eval(ctx, &p.items[i], row))
                .collect::<Result<_>>()?,
        );
        let entry = match self.groups.get_mut(&key) {
            Some(e) => e,
            None => {
                self.order.push(key.clone());
                let states = p.aggregates.iter().map(AggState::new).collect();
                self.groups.entry(key).or_insert((row.to_vec(), states))
            }
        };
        for (agg, state) in p.aggregates.iter().zip(entry.1.iter_mut()) {
            let v = match &agg.arg {
                None => Value::Bool(true),
                Some(a) => eval(ctx, a, row)?,
            };
            let v2 = match &agg.arg2 {
                Some(a) if state.param.is_none() => Some(eval(ctx, a, row)?),
                _ => None,
            };
            state.add(agg, v, v2).map_err(|err| err.at(agg.pos))?;
        }
        Ok(())
    }

    fn finish(mut self, ctx: &Ctx, p: &CProjection) -> Result<Vec<Row>> {
        if self.groups.is_empty() && self.key_items.is_empty() {
            let width = p.aggregates.iter().map(|a| a.slot + 1).max().unwrap_or(0);
            self.order.push(GroupKey(Vec::new()));
            self.groups.insert(
                GroupKey(Vec::new()),
                (
                    vec![Value::Null; width],
                    p.aggregates.iter().map(AggState::new).collect(),
                ),
            );
        }
        let mut out = Vec::with_capacity(self.order.len());
        for key in self.order {
            let (mut rep, states) = self.groups.remove(&key).expect("every key has a group");
            for (agg, state) in p.aggregates.iter().zip(states) {
                if rep.len() <= agg.slot {
                    rep.resize(agg.slot + 1, Value::Null);
                }
                rep[agg.slot] = state.finish(agg).map_err(|err| err.at(agg.pos))?;
            }
            out.push(project_row(ctx, p, &rep)?);
        }
        Ok(out)
    }
}

struct AggState {
    seen: HashSet<GroupKey>,
    count: i64,
    int_sum: Option<i64>,
    float_sum: f64,
    any_float: bool,
    best: Option<Value>,
    values: Vec<Value>,
    param: Option<Value>,
}

impl AggState {
    fn new(_: &CAggregate) -> AggState {
        AggState {
            seen: HashSet::new(),
            count: 0,
            int_sum: Some(0),
            float_sum: 0.0,
            any_float: false,
            best: None,
            values: Vec::new(),
            param: None,
        }
    }

    fn add(&mut self, agg: &CAggregate, v: Value, v2: Option<Value>) -> Result<()> {
        if v2.is_some() {
            self.param = v2;
        }
        if v.is_null() {
            return Ok(());
        }
        if agg.distinct && !self.seen.insert(GroupKey(vec![v.clone()])) {
            return Ok(());
        }
        self.count += 1;
        match agg.func {
            AggFunc::Count => {}
            AggFunc::Sum
            | AggFunc::Avg
            | AggFunc::StDev
            | AggFunc::StDevP
            | AggFunc::PercentileCont
            | AggFunc::PercentileDisc => {
                match v {
                    Value::Int(i) => {
                        self.int_sum = self.int_sum.and_then(|s| s.checked_add(i));
                        self.float_sum += i as f64;
                    }
                    Value::Float(f) => {
                        self.any_float = true;
                        self.float_sum += f;
                    }
                    other => {
                        return Err(type_error(format!(
                            "cannot aggregate a {} numerically",
                            other.type_name()
                        )));
                    }
                }
                if !matches!(agg.func, AggFunc::Sum | AggFunc::Avg) {
                    self.values.push(v);
                }
            }
            AggFunc::Min | AggFunc::Max => {
                let replace = match &self.best {
                    None => true,
                    Some(b) => {
                        let o = v.order(b);
                        if agg.func == AggFunc::Min {
                            o.is_lt()
                        } else {
                            o.is_gt()
                        }
                    }
                };
                if replace {
                    self.best = Some(v);
                }
            }
            AggFunc::Collect => self.values.push(v),
        }
        Ok(())
    }

    fn finish(self, agg: &CAggregate) -> Result<Value> {
        Ok(match agg.func {
            AggFunc::Count => Value::Int(self.count),
            AggFunc::Sum => match (self.any_float, self.int_sum) {
                (false, Some(s)) => Value::Int(s),
                (false, None) => return Err(int_overflow()),
                (true, _) => Value::Float(self.float_sum),
            },
            AggFunc::Avg => {
                if self.count == 0 {
                    Value::Null
                } else {
                    Value::Float(self.float_sum / self.count as f64)
                }
            }
            AggFunc::Min | AggFunc::Max => self.best.unwrap_or(Value::Null),
            AggFunc::Collect => Value::List(self.values),
            AggFunc::StDev | AggFunc::StDevP => {
                let n = self.values.len() as f64;
                let denom = if agg.func == AggFunc::StDev {
                    n - 1.0
                } else {
                    n
                };
                if denom <= 0.0 {
                    Value::Float(0.0)
                } else {
                    let mean = self.float_sum / n;
                    let ss: f64 = self
                        .values
                        .iter()
                        .map(|v| (v.as_f64().unwrap_or(0.0) - mean).powi(2))
                        .sum();
                    Value::Float((ss / denom).sqrt())
                }
            }
            AggFunc::PercentileCont | AggFunc::PercentileDisc => {
                let p = match &self.param {
                    Some(v) => v
                        .as_f64()
                        .ok_or_else(|| type_error("the percentile must be a number"))?,
                    None => return Ok(Value::Null),
                };
                if !(0.0..=1.0).contains(&p) {
                    return Err(QueryError::argument(
                        "NumberOutOfRange",
                        format!("the percentile must be between 0.0 and 1.0, got {p}"),
                    ));
                }
                let mut xs: Vec<Value> = self.values;
                if xs.is_empty() {
                    return Ok(Value::Null);
                }
                xs.sort_by(|a, b| a.order(b));
                if agg.func == AggFunc::PercentileDisc {
                    let idx = ((p * xs.len() as f64).ceil() as usize)
                        .saturating_sub(1)
                        .min(xs.len() - 1);
                    xs[idx].clone()
                } else {
                    let pos = p * (xs.len() - 1) as f64;
                    let lo = pos.floor() as usize;
                    let hi = pos.ceil() as usize;
                    let (a, b) = (
                        xs[lo].as_f64().unwrap_or(0.0),
                        xs[hi].as_f64().unwrap_or(0.0),
                    );
                    Value::Float(a + (b - a) * (pos - lo as f64))
                }
            }
        })
    }
}

// ---------------------------------------------------------------- running

/// The result of a query: column names, rows and what changed.
#[derive(Debug, Clone, Default)]
pub struct QueryOutput {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// Rows, each with one value per column.
    pub rows: Vec<Vec<Value>>,
    /// What the query changed.
    pub stats: WriteStats,
}

/// Run a compiled read-only query.
pub fn run_read(
    graph: &Graph,
    query: &CompiledQuery,
    params: &Params,
    limits: &Limits,
) -> Result<QueryOutput> {
    debug_assert!(!query.writes);
    let deleted = Deleted::default();
    let ticks = Cell::new(0);
    let ctx = Ctx {
        graph,
        params,
        limits,
        deleted: &deleted,
        ticks: &ticks,
        started: Instant::now(),
    };
    let mut parts = Vec::new();
    for plan in &query.parts {
        parts.push(run_plan(&ctx, plan, vec![Value::Null; plan.width], None)?);
    }
    Ok(QueryOutput {
        columns: query.columns().to_vec(),
        rows: union_rows(parts, query.distinct_union, query.columns().len()),
        stats: WriteStats::default(),
    })
}

fn union_rows(parts: Vec<Vec<Row>>, distinct: bool, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    if width == 0 {
        // A query that ends in an update returns no rows.
        return out;
    }
    let mut seen = HashSet::new();
    for rows in parts {
        for mut r in rows {
            r.truncate(width);
            if !distinct || seen.insert(GroupKey(r.clone())) {
                out.push(r);
            }
        }
    }
    out
}

/// Push-based execution: rows flow through the steps one at a time.
struct Pipeline<'p> {
    ops: &'p [Op],
    states: Vec<ProjectionState>,
    buffers: Vec<Vec<Row>>,
    /// Groups of each aggregating projection, filled as rows arrive.
    groupers: Vec<Option<Grouper>>,
    output: Vec<Row>,
    produced: usize,
    /// Stop once this many rows are out (an `EXISTS { }` needs one).
    wanted: Option<usize>,
}

/// Run a read plan from a first row; stop early after `wanted` rows.
fn run_plan(ctx: &Ctx, plan: &Plan, first: Row, wanted: Option<usize>) -> Result<Vec<Row>> {
    let mut pl = Pipeline {
        wanted,
        ops: &plan.ops,
        states: plan
            .ops
            .iter()
            .map(|_| ProjectionState::default())
            .collect(),
        buffers: plan.ops.iter().map(|_| Vec::new()).collect(),
        groupers: plan
            .ops
            .iter()
            .map(|op| match op {
                Op::Project(p) if !p.aggregates.is_empty() => Some(Grouper::new(p)),
                _ => None,
            })
            .collect(),
        output: Vec::new(),
        produced: 0,
    };
    for (i, op) in plan.ops.iter().enumerate() {
        if let Op::Project(p) = op {
            pl.states[i].skip = count_arg(ctx, &p.skip, "SKIP")?;
            pl.states[i].limit = count_arg(ctx, &p.limit, "LIMIT")?;
        }
    }
    pl.push(ctx, 0, first)?;
    for i in 0..plan.ops.len() {
        if wanted.is_some_and(|w| pl.output.len() >= w) {
            break;
        }
        if let Op::Project(p) = &plan.ops[i]
            && p.is_barrier()
        {
            let rows = match pl.groupers[i].take() {
                Some(grouper) => finish_projection(ctx, p, grouper.finish(ctx, p)?)?,
                None => project_all(ctx, p, std::mem::take(&mut pl.buffers[i]))?,
            };
            for r in rows {
                if pl.push(ctx, i + 1, r)? == Flow::Stop {
                    break;
                }
            }
        }
    }
    Ok(pl.output)
}

impl Pipeline<'_> {
    fn push(&mut self, ctx: &Ctx, i: usize, row: Row) -> Result<Flow> {
        super::deep(|| self.push_here(ctx, i, row))
    }

    fn push_here(&mut self, ctx: &Ctx, i: usize, row: Row) -> Result<Flow> {
        self.produced += 1;
        if self.produced > ctx.limits.max_rows {
            return Err(QueryError::runtime(
                ErrorClass::LimitExceeded,
                "RowLimit",
                format!(
                    "the query produced more than {} rows; add LIMIT or narrow it",
                    ctx.limits.max_rows
                ),
            ));
        }
        if self.produced.is_multiple_of(4096) {
            ctx.check_interrupt()?;
        }
        let ops = self.ops;
        let Some(op) = ops.get(i) else {
            self.output.push(row);
            if self.wanted.is_some_and(|w| self.output.len() >= w) {
                return Ok(Flow::Stop);
            }
            return Ok(Flow::Continue);
        };
        match op {
            Op::Match {
                optional,
                pattern,
                filter,
                introduced,
            } => {
                let mut any = false;
                let mut env = row.clone();
                let mut matcher = Matcher::new(ctx, pattern, &env);
                let flow = matcher.run(&mut env, &mut |m| {
                    if let Some(f) = filter
                        && !holds(ctx, f, m)?
                    {
                        return Ok(Flow::Continue);
                    }
                    any = true;
                    self.push(ctx, i + 1, m.to_vec())
                })?;
                if flow == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                if *optional && !any {
                    let mut r = row;
                    for s in introduced {
                        r[*s] = Value::Null;
                    }
                    return self.push(ctx, i + 1, r);
                }
                Ok(Flow::Continue)
            }
            Op::Unwind(list, slot) => {
                let items = match eval(ctx, list, &row)? {
                    Value::Null => Vec::new(),
                    Value::List(items) => items,
                    other => vec![other],
                };
                for item in items {
                    let mut r = row.clone();
                    r[*slot] = item;
                    if self.push(ctx, i + 1, r)? == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                }
                Ok(Flow::Continue)
            }
            Op::Project(p) => {
                if p.is_barrier() {
                    match &mut self.groupers[i] {
                        Some(grouper) => grouper.add(ctx, p, &row)?,
                        None => self.buffers[i].push(row),
                    }
                    return Ok(Flow::Continue);
                }
                let st = &mut self.states[i];
                if st.limit.is_some_and(|l| st.emitted >= l) {
                    return Ok(Flow::Stop);
                }
                let out = project_row(ctx, p, &row)?;
                let st = &mut self.states[i];
                if p.distinct && !st.seen.insert(GroupKey(out[..p.items.len()].to_vec())) {
                    return Ok(Flow::Continue);
                }
                if st.skipped < st.skip.unwrap_or(0) {
                    st.skipped += 1;
                    return Ok(Flow::Continue);
                }
                st.emitted += 1;
                let done = st.limit.is_some_and(|l| st.emitted >= l);
                if let Some(f) = &p.filter
                    && !holds(ctx, f, &out)?
                {
                    return Ok(if done { Flow::Stop } else { Flow::Continue });
                }
                let flow = self.push(ctx, i + 1, out)?;
                Ok(if done { Flow::Stop } else { flow })
            }
            _ => unreachable!("write steps run in run_write"),
        }
    }
}

/// Run a query that writes: clause by clause, then commit the deletions.
pub fn run_write(
    graph: &mut Graph,
    query: &CompiledQuery,
    params: &Params,
    limits: &Limits,
) -> Result<QueryOutput> {
    let mut w = Writer {
        deleted: Deleted::default(),
        deleted_at: foldhash::HashMap::new(),
        stats: WriteStats::default(),
        ticks: Cell::new(0),
        started: Instant::now(),
    };
    let mut parts = Vec::new();
    for plan in &query.parts {
        parts.push(w.run(graph, plan, params, limits)?);
    }
    w.commit(graph)?;
    Ok(QueryOutput {
        columns: query.columns().to_vec(),
        rows: union_rows(parts, query.distinct_union, query.columns().len()),
        stats: w.stats,
    })
}

struct Writer {
    deleted: Deleted,
    /// Where the query first deletes each node it deletes.
    deleted_at: foldhash::HashMap<NodeId, Pos>,
    stats: WriteStats,
    ticks: Cell<u64>,
    started: Instant,
}

macro_rules! ctx {
    ($w:expr, $graph:expr, $params:expr, $limits:expr) => {
        Ctx {
            graph: $graph,
            params: $params,
            limits: $limits,
            deleted: &$w.deleted,
            ticks: &$w.ticks,
            started: $w.started,
        }
    };
}

impl Writer {
    fn run(
        &mut self,
        graph: &mut Graph,
        plan: &Plan,
        params: &Params,
        limits: &Limits,
    ) -> Result<Vec<Row>> {
        let mut rows = vec![vec![Value::Null; plan.width]];
        for op in &plan.ops {
            rows = self.apply(graph, op, rows, params, limits)?;
            if rows.len() > limits.max_rows {
                return Err(QueryError::runtime(
                    ErrorClass::LimitExceeded,
                    "RowLimit",
                    format!("the query produced more than {} rows", limits.max_rows),
                ));
            }
        }
        Ok(rows)
    }

    fn apply(
        &mut self,
        graph: &mut Graph,
        op: &Op,
        rows: Vec<Row>,
        params: &Params,
        limits: &Limits,
    ) -> Result<Vec<Row>> {
        match op {
            Op::Match { .. } | Op::Unwind(..) => {
                let ctx = ctx!(self, graph, params, limits);
                let mut pl = Pipeline {
                    ops: std::slice::from_ref(op),
                    states: vec![ProjectionState::default()],
                    buffers: vec![Vec::new()],
                    groupers: vec![None],
                    output: Vec::new(),
                    produced: 0,
                    wanted: None,
                };
                for r in rows {
                    pl.push(&ctx, 0, r)?;
                }
                Ok(pl.output)
            }
            Op::Project(p) => {
                let ctx = ctx!(self, graph, params, limits);
                project_all(&ctx, p, rows)
            }
            Op::Create(pattern) => {
                let mut out = Vec::with_capacity(rows.len());
                for mut row in rows {
                    self.create(graph, pattern, &mut row, params, limits)?;
                    out.push(row);
                }
                Ok(out)
            }
            Op::Merge {
                pattern,
                on_match,
                on_create,
            } => {
                let mut out = Vec::new();
                for row in rows {
                    let matches = {
                        let ctx = ctx!(self, graph, params, limits);
                        let mut found = Vec::new();
                        let mut env = row.clone();
                        Matcher::new(&ctx, pattern, &env).run(&mut env, &mut |m| {
                            found.push(m.to_vec());
                            Ok(Flow::Continue)
                        })?;
                        found
                    };
                    if matches.is_empty() {
                        let mut r = row;
                        self.check_merge_nulls(graph, pattern, &r, params, limits)?;
                        self.create(graph, pattern, &mut r, params, limits)?;
                        for s in on_create {
                            self.set(graph, s, &r, params, limits)
                                .map_err(|err| err.at(s.pos()))?;
                        }
                        out.push(r);
                    } else {
                        for r in matches {
                            for s in on_match {
                                self.set(graph, s, &r, params, limits)
                                    .map_err(|err| err.at(s.pos()))?;
                            }
                            out.push(r);
                        }
                    }
                }
                Ok(out)
            }
            Op::Set(items) => {
                for row in &rows {
                    for s in items {
                        self.set(graph, s, row, params, limits)
                            .map_err(|err| err.at(s.pos()))?;
                    }
                }
                Ok(rows)
            }
            Op::Remove(items) => {
                for row in &rows {
                    for item in items {
                        self.remove(graph, item, row, params, limits)
                            .map_err(|err| err.at(item.pos()))?;
                    }
                }
                Ok(rows)
            }
            Op::Delete(detach, exprs) => {
                for row in &rows {
                    for e in exprs {
                        let v = {
                            let ctx = ctx!(self, graph, params, limits);
                            eval(&ctx, e, row)?
                        };
                        self.delete(graph, v, *detach, e.pos)
                            .map_err(|err| err.at(e.pos))?;
                    }
                }
                Ok(rows)
            }
        }
    }

    /// MERGE cannot create an element with a null property value.
    fn check_merge_nulls(
        &self,
        graph: &Graph,
        pattern: &CPattern,
        row: &[Value],
        params: &Params,
        limits: &Limits,
    ) -> Result<()> {
        let ctx = ctx!(self, graph, params, limits);
        for part in &pattern.parts {
            let props = part
                .nodes
                .iter()
                .filter(|n| !n.bound)
                .filter_map(|n| n.props.as_ref())
                .chain(part.rels.iter().filter_map(|r| r.props.as_ref()));
            for p in props {
                if let Value::Map(m) = eval(&ctx, p, row)?
                    && let Some((k, _)) = m.iter().find(|(_, v)| v.is_null())
                {
                    return Err(QueryError::runtime(
                        ErrorClass::SemanticError,
                        "MergeReadOwnWrites",
                        format!("cannot MERGE an element whose property `{k}` is null"),
                    )
                    .at(p.pos));
                }
            }
        }
        Ok(())
    }

    fn props_of(
        &self,
        graph: &Graph,
        e: &Option<CExpr>,
        row: &[Value],
        params: &Params,
        limits: &Limits,
    ) -> Result<Vec<(Arc<str>, Value)>> {
        let Some(e) = e else { return Ok(Vec::new()) };
        let ctx = ctx!(self, graph, params, limits);
        let props = eval(&ctx, e, row)?;
        self.storable_props(props).map_err(|err| err.at(e.pos))
    }

    /// The properties a map gives to a new element, null ones left out.
    fn storable_props(&self, props: Value) -> Result<Vec<(Arc<str>, Value)>> {
        match props {
            Value::Map(m) => {
                let mut out = Vec::new();
                for (k, v) in *m {
                    if v.is_null() {
                        continue;
                    }
                    check_storable(&k, &v)?;
                    out.push((k, v));
                }
                Ok(out)
            }
            Value::Null => Ok(Vec::new()),
            other => Err(type_error(format!(
                "properties must be a map, got {}",
                other.type_name()
            ))),
        }
    }

    fn create(
        &mut self,
        graph: &mut Graph,
        pattern: &CPattern,
        row: &mut Row,
        params: &Params,
        limits: &Limits,
    ) -> Result<()> {
        // Slots of the nodes this CREATE has made so far: a later mention
        // connects the same node.
        let mut made: Vec<usize> = Vec::new();
        for part in &pattern.parts {
            for node in &part.nodes {
                let already = matches!(row.get(node.slot), Some(Value::Node(_)))
                    && (node.bound || made.contains(&node.slot));
                if already {
                    if let Value::Node(n) = row[node.slot]
                        && self.deleted.nodes.contains(&n)
                    {
                        return Err(deleted_access("node").at(node.pos));
                    }
                    continue;
                }
                if node.bound {
                    let e = match &row[node.slot] {
                        Value::Null => QueryError::runtime(
                            ErrorClass::SemanticError,
                            "NullElement",
                            "cannot create a relationship to a node that is null",
                        ),
                        other => type_error(format!(
                            "CREATE needs a node here, got {}",
                            other.type_name()
                        )),
                    };
                    return Err(e.at(node.pos));
                }
                let props = self.props_of(graph, &node.props, row, params, limits)?;
                let id = graph.add_node(
                    node.labels.iter().map(|l| &**l),
                    props.iter().map(|(k, v)| (&**k, v.clone())),
                );
                self.stats.nodes_created += 1;
                self.stats.labels_added += node.labels.len();
                self.stats.properties_set += props.len();
                row[node.slot] = Value::Node(id);
                made.push(node.slot);
            }
            let mut walked = Vec::new();
            for (i, rel) in part.rels.iter().enumerate() {
                let (Value::Node(a), Value::Node(b)) =
                    (&row[part.nodes[i].slot], &row[part.nodes[i + 1].slot])
                else {
                    return Err(QueryError::runtime(
                        ErrorClass::SemanticError,
                        "NullElement",
                        "cannot create a relationship to a node that is null",
                    )
                    .at(rel.pos));
                };
                let (start, end) = if rel.direction == PatternDirection::Left {
                    (*b, *a)
                } else {
                    (*a, *b)
                };
                let props = self.props_of(graph, &rel.props, row, params, limits)?;
                let id = graph.add_rel(
                    start,
                    end,
                    &rel.types[0],
                    props.iter().map(|(k, v)| (&**k, v.clone())),
                );
                self.stats.rels_created += 1;
                self.stats.properties_set += props.len();
                row[rel.slot] = Value::Rel(id);
                walked.push(id);
            }
            if let Some(s) = part.path_slot {
                let nodes = part
                    .nodes
                    .iter()
                    .filter_map(|n| match row[n.slot] {
                        Value::Node(id) => Some(id),
                        _ => None,
                    })
                    .collect();
                row[s] = Value::from(Path {
                    nodes,
                    rels: walked,
                });
            }
        }
        Ok(())
    }

    fn set(
        &mut self,
        graph: &mut Graph,
        item: &CSet,
        row: &[Value],
        params: &Params,
        limits: &Limits,
    ) -> Result<()> {
        match item {
            CSet::Property(target, key, value) => {
                let (t, v) = {
                    let ctx = ctx!(self, graph, params, limits);
                    (eval(&ctx, target, row)?, eval(&ctx, value, row)?)
                };
                self.set_property(graph, t, key, v)
            }
            CSet::Properties(slot, value, merge, _) => {
                let target = row[*slot].clone();
                let v = {
                    let ctx = ctx!(self, graph, params, limits);
                    eval(&ctx, value, row)?
                };
                let map: Vec<(Arc<str>, Value)> = match v {
                    Value::Map(m) => m.into_iter().collect(),
                    Value::Node(n) => graph
                        .node_properties(n)
                        .map(|(k, v)| (Arc::from(k), v.clone()))
                        .collect(),
                    Value::Rel(r) => graph
                        .rel_properties(r)
                        .map(|(k, v)| (Arc::from(k), v.clone()))
                        .collect(),
                    Value::Null => Vec::new(),
                    other => {
                        return Err(type_error(format!(
                            "SET = needs a map, got {}",
                            other.type_name()
                        )));
                    }
                };
                if target.is_null() {
                    return Ok(());
                }
                if !*merge {
                    let existing: Vec<String> = match &target {
                        Value::Node(n) => graph
                            .node_properties(*n)
                            .map(|(k, _)| k.to_string())
                            .collect(),
                        Value::Rel(r) => graph
                            .rel_properties(*r)
                            .map(|(k, _)| k.to_string())
                            .collect(),
                        _ => Vec::new(),
                    };
                    for k in existing {
                        if !map.iter().any(|(m, _)| **m == *k) {
                            self.set_property(graph, target.clone(), &k, Value::Null)?;
                        }
                    }
                }
                for (k, v) in map {
                    self.set_property(graph, target.clone(), &k, v)?;
                }
                Ok(())
            }
            CSet::Labels(slot, labels, _) => match &row[*slot] {
                Value::Null => Ok(()),
                Value::Node(n) => {
                    if self.deleted.nodes.contains(n) {
                        return Err(deleted_access("node"));
                    }
                    for l in labels {
                        if graph.add_label(*n, l) {
                            self.stats.labels_added += 1;
                        }
                    }
                    Ok(())
                }
                other => Err(type_error(format!(
                    "cannot set labels on a {}",
                    other.type_name()
                ))),
            },
        }
    }

    fn set_property(
        &mut self,
        graph: &mut Graph,
        target: Value,
        key: &str,
        v: Value,
    ) -> Result<()> {
        if !v.is_null() {
            check_storable(key, &v)?;
        }
        let old = match target {
            Value::Null => return Ok(()),
            Value::Node(n) => {
                if self.deleted.nodes.contains(&n) {
                    return Err(deleted_access("node"));
                }
                graph.set_node_property(n, key, v.clone())
            }
            Value::Rel(r) => {
                if self.deleted.rels.contains(&r) {
                    return Err(deleted_access("relationship"));
                }
                graph.set_rel_property(r, key, v.clone())
            }
            other => {
                return Err(type_error(format!(
                    "cannot set a property on a {}",
                    other.type_name()
                )));
            }
        };
        if v.is_null() {
            if old.is_some() {
                self.stats.properties_removed += 1;
            }
        } else {
            self.stats.properties_set += 1;
        }
        Ok(())
    }

    fn remove(
        &mut self,
        graph: &mut Graph,
        item: &CRemove,
        row: &[Value],
        params: &Params,
        limits: &Limits,
    ) -> Result<()> {
        match item {
            CRemove::Property(target, key) => {
                let t = {
                    let ctx = ctx!(self, graph, params, limits);
                    eval(&ctx, target, row)?
                };
                let old = match t {
                    Value::Null => None,
                    Value::Node(n) => graph.set_node_property(n, key, Value::Null),
                    Value::Rel(r) => graph.set_rel_property(r, key, Value::Null),
                    other => {
                        return Err(type_error(format!(
                            "cannot remove a property from a {}",
                            other.type_name()
                        )));
                    }
                };
                if old.is_some() {
                    self.stats.properties_removed += 1;
                }
                Ok(())
            }
            CRemove::Labels(slot, labels, _) => match &row[*slot] {
                Value::Null => Ok(()),
                Value::Node(n) => {
                    for l in labels {
                        if graph.remove_label(*n, l) {
                            self.stats.labels_removed += 1;
                        }
                    }
                    Ok(())
                }
                other => Err(type_error(format!(
                    "cannot remove labels from a {}",
                    other.type_name()
                ))),
            },
        }
    }

    /// Mark for deletion what `v` holds; `at` is where the DELETE names it.
    fn delete(&mut self, graph: &Graph, v: Value, detach: bool, at: Pos) -> Result<()> {
        match v {
            Value::Null => {}
            Value::Node(n) => {
                if detach {
                    for (r, _) in graph.edges(n, Direction::Both, None) {
                        self.deleted.rels.insert(r);
                    }
                }
                self.deleted.nodes.insert(n);
                self.deleted_at.entry(n).or_insert(at);
            }
            Value::Rel(r) => {
                self.deleted.rels.insert(r);
            }
            Value::Path(p) => {
                for r in p.rels {
                    self.deleted.rels.insert(r);
                }
                for n in p.nodes {
                    if detach {
                        for (r, _) in graph.edges(n, Direction::Both, None) {
                            self.deleted.rels.insert(r);
                        }
                    }
                    self.deleted.nodes.insert(n);
                    self.deleted_at.entry(n).or_insert(at);
                }
            }
            Value::List(items) => {
                for item in items {
                    self.delete(graph, item, detach, at)?;
                }
            }
            other => return Err(type_error(format!("cannot delete a {}", other.type_name()))),
        }
        Ok(())
    }

    /// Apply the deletions, refusing to leave relationships without a node.
    fn commit(&mut self, graph: &mut Graph) -> Result<()> {
        // The first DELETE (in the query text) of a node left connected.
        let connected = self
            .deleted
            .nodes
            .iter()
            .filter(|&&n| {
                graph.contains_node(n)
                    && graph
                        .edges(n, Direction::Both, None)
                        .any(|(r, _)| !self.deleted.rels.contains(&r))
            })
            .map(|&n| (self.deleted_at.get(&n).map_or(0, |p| p.0), n))
            .min();
        if let Some((at, n)) = connected {
            return Err(QueryError::runtime(
                ErrorClass::ConstraintVerificationFailed,
                "DeleteConnectedNode",
                format!("node {} still has relationships; use DETACH DELETE", n.0),
            )
            .at(at));
        }
        let mut rels: Vec<RelId> = self.deleted.rels.iter().copied().collect();
        rels.sort();
        for r in rels {
            if graph.delete_rel(r) {
                self.stats.rels_deleted += 1;
            }
        }
        let mut nodes: Vec<NodeId> = self.deleted.nodes.iter().copied().collect();
        nodes.sort();
        for n in nodes {
            if graph.delete_node(n).is_some() {
                self.stats.nodes_deleted += 1;
            }
        }
        Ok(())
    }
}

fn check_storable(key: &str, v: &Value) -> Result<()> {
    if v.is_storable() {
        return Ok(());
    }
    Err(QueryError::type_error(
        "InvalidPropertyType",
        format!(
            "property `{key}` cannot hold a {}: only scalars and lists of scalars",
            v.type_name()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::{
        AtomicBool, AtomicOrdering, Duration, ErrorClass, Limits, NodeId, Params, QueryOutput,
        Value, compile, run_read,
    };
    use crate::graph::Graph;
    use crate::query::ast::verified_query;
    use std::sync::Arc;

    type QResult<T> = std::result::Result<T, super::QueryError>;

    /// Run `setup` (a write), then `query`; the rows, printed.
    fn rows(setup: &str, query: &str) -> Result<Vec<String>, String> {
        let mut g = Graph::new();
        if !setup.is_empty() {
            g.query_mut(verified_query(setup))
                .map_err(|e| e.to_string())?;
        }
        let r = g
            .query_mut(verified_query(query))
            .map_err(|e| e.code.to_string())?;
        Ok(r.rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect())
    }

    #[test]
    fn cyclic_patterns_join_on_the_repeated_node() {
        let setup = "CREATE (a {n: 1})-[:T]->(b {n: 2})-[:T]->(c {n: 3})-[:T]->(a)";
        let r = rows(setup, "MATCH (a)-->(b)-->(c)-->(a) RETURN a.n ORDER BY a.n");
        assert_eq!(r.unwrap(), ["1", "2", "3"]);
    }

    #[test]
    fn a_bound_node_met_again_must_fit_its_labels() {
        let setup = "CREATE (:A {n: 1})-[:T]->(:B {n: 2})";
        let r = rows(setup, "MATCH (a), (b) WHERE (a)-[:T]->(b:A) RETURN a.n");
        assert_eq!(r.unwrap(), Vec::<String>::new());
        let r = rows(setup, "MATCH (a), (b) WHERE (a)-[:T]->(b:B) RETURN a.n");
        assert_eq!(r.unwrap(), ["1"]);
    }

    /// A complete directed graph: every node linked to every other one.
    fn dense(n: usize) -> Graph {
        let mut g = Graph::new();
        let nodes: Vec<NodeId> = (0..n).map(|_| g.add_node(["N"], [])).collect();
        for &a in &nodes {
            for &b in &nodes {
                if a != b {
                    g.add_rel(a, b, "T", []);
                }
            }
        }
        g
    }

    fn run_with(g: &Graph, q: &str, limits: &Limits) -> QResult<QueryOutput> {
        let ast = super::super::parser::parse(verified_query(q))?;
        run_read(g, &compile(&ast)?, &Params::new(), limits)
    }

    #[test]
    fn unbounded_variable_length_on_a_dense_graph_hits_the_expansion_budget() {
        let g = dense(12);
        let limits = Limits {
            max_expansions: 200_000,
            max_hops: u64::MAX,
            ..Limits::default()
        };
        let e = run_with(&g, "MATCH (a)-[*]->(b) RETURN count(*)", &limits).unwrap_err();
        assert_eq!(
            (e.class, e.code),
            (ErrorClass::LimitExceeded, "ExpansionLimit")
        );
        assert!(e.message.contains("*1..3"), "{}", e.message);
        // The default budget is finite too, and a bounded length stays within it.
        assert!(Limits::default().max_expansions < u64::MAX);
        let r = run_with(&g, "MATCH (a)-[*1..2]->(b) RETURN count(*)", &limits).unwrap();
        // One hop, then two (back to the start is allowed: another relationship).
        assert_eq!(r.rows[0][0], Value::Int(12 * 11 + 12 * 11 * 11));
    }

    #[test]
    fn deep_variable_length_paths_do_not_exhaust_the_stack() {
        let mut g = Graph::new();
        let mut at = g.add_node(["Start"], []);
        for _ in 0..3000 {
            let next = g.add_node(["N"], []);
            g.add_rel(at, next, "T", []);
            at = next;
        }
        let small_stack = std::thread::Builder::new().stack_size(256 << 10);
        let count = small_stack
            .spawn(move || {
                let q = "MATCH (:Start)-[*]->(b) RETURN count(b)";
                let limits = Limits {
                    max_hops: 5000,
                    ..Limits::default()
                };
                run_with(&g, q, &limits).map(|r| r.rows[0][0].clone())
            })
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(count.unwrap(), Value::Int(3000));
    }

    /// A chain `(:Start)-[:T]->()-[:T]->() ...` of `hops` relationships.
    fn chain(hops: usize) -> Graph {
        let mut g = Graph::new();
        let mut at = g.add_node(["Start"], []);
        for _ in 0..hops {
            let next = g.add_node(["N"], []);
            g.add_rel(at, next, "T", []);
            at = next;
        }
        g
    }

    #[test]
    fn unbounded_variable_length_paths_stop_at_the_hop_limit() {
        let q = "MATCH (:Start)-[:T*]->(b)\nRETURN count(b)";
        // As long as the limit: every path is walked.
        let r = run_with(&chain(25), q, &Limits::default()).unwrap();
        assert_eq!(r.rows[0][0], Value::Int(25));
        // Longer: an error naming the pattern, at the pattern, not a
        // truncated count.
        let e = run_with(&chain(26), q, &Limits::default()).unwrap_err();
        assert_eq!((e.class, e.code), (ErrorClass::LimitExceeded, "HopLimit"));
        assert!(
            e.message
                .starts_with("`-[:T*]->` would walk paths longer than 25 relationships"),
            "{}",
            e.message
        );
        assert!(e.message.contains("*..25"), "{}", e.message);
        assert_eq!(e.line_col(q), Some((1, 15)));
        // An explicit upper bound walks as far as it says; so does a
        // raised limit.
        let bounded = "MATCH (:Start)-[:T*..40]->(b) RETURN count(b)";
        let r = run_with(&chain(30), bounded, &Limits::default()).unwrap();
        assert_eq!(r.rows[0][0], Value::Int(30));
        let raised = Limits {
            max_hops: 30,
            ..Limits::default()
        };
        assert_eq!(
            run_with(&chain(30), q, &raised).unwrap().rows[0][0],
            Value::Int(30)
        );
        // A minimum beyond the limit cannot be met without passing it.
        let e = run_with(
            &chain(30),
            "MATCH (:Start)-[*26..]->(b) RETURN b",
            &Limits::default(),
        );
        assert_eq!(e.unwrap_err().code, "HopLimit");
        // On a dense graph the first deep path ends the query at once.
        let started = std::time::Instant::now();
        let e = run_with(
            &dense(12),
            "MATCH p = (a)-[*]-(b) RETURN count(p)",
            &Limits::default(),
        );
        assert_eq!(e.unwrap_err().code, "HopLimit");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn the_row_budget_ends_a_runaway_query() {
        let limits = Limits {
            max_rows: 1000,
            ..Limits::default()
        };
        let q = "UNWIND range(1, 100) AS x UNWIND range(1, 100) AS y RETURN x, y";
        let e = run_with(&Graph::new(), q, &limits).unwrap_err();
        assert_eq!((e.class, e.code), (ErrorClass::LimitExceeded, "RowLimit"));
        assert!(e.message.contains("LIMIT"), "{}", e.message);
        let e = run_with(&Graph::new(), "RETURN size(range(1, 5000))", &limits).unwrap_err();
        assert_eq!(e.code, "RowLimit");
    }

    #[test]
    fn the_time_budget_ends_a_long_query() {
        let limits = Limits {
            timeout: Some(Duration::from_millis(20)),
            max_expansions: u64::MAX,
            max_hops: u64::MAX,
            ..Limits::default()
        };
        let e = run_with(&dense(12), "MATCH (a)-[*]->(b) RETURN count(*)", &limits).unwrap_err();
        assert_eq!((e.class, e.code), (ErrorClass::LimitExceeded, "Timeout"));
        assert!(e.message.ends_with("time budget of 20 ms"), "{}", e.message);
    }

    #[test]
    fn a_query_can_be_cancelled_from_another_thread() {
        let cancel = Arc::new(AtomicBool::new(false));
        let limits = Limits {
            cancel: Some(cancel.clone()),
            max_expansions: u64::MAX,
            max_hops: u64::MAX,
            ..Limits::default()
        };
        let flag = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            cancel.store(true, AtomicOrdering::Relaxed);
        });
        let e = run_with(&dense(12), "MATCH (a)-[*]->(b) RETURN count(*)", &limits).unwrap_err();
        flag.join().unwrap();
        assert_eq!((e.class, e.code), (ErrorClass::LimitExceeded, "Cancelled"));
    }

    #[test]
    fn create_connects_nodes_named_earlier_in_the_clause() {
        let r = rows(
            "CREATE (a:A), (b:B), (a)-[:T]->(b)",
            "MATCH (n) RETURN count(n)",
        );
        assert_eq!(r.unwrap(), ["2"]);
    }

    #[test]
    fn exists_subqueries_see_outer_variables_and_aggregate_on_their_own() {
        let setup = "CREATE (a {n: 1})-[:T]->(), (a)-[:T]->(), ({n: 2})-[:T]->()";
        let q = "MATCH (x) WHERE EXISTS { MATCH (x)-->(m) WITH x, count(*) AS c WHERE c > 1 RETURN c } RETURN x.n";
        assert_eq!(rows(setup, q).unwrap(), ["1"]);
    }

    #[test]
    fn nested_aggregates_make_one_row_from_no_input() {
        let r = rows(
            "",
            "MATCH (n) RETURN -(1 + count(*)), size([x IN collect(n) | x])",
        );
        assert_eq!(r.unwrap(), ["-1, 0"]);
    }

    #[test]
    fn nan_is_unordered_with_numbers_and_incomparable_with_strings() {
        let r = rows(
            "",
            "WITH 0.0 / 0.0 AS nan RETURN nan > 1, nan <= nan, nan < 'a'",
        );
        assert_eq!(r.unwrap(), ["false, false, null"]);
    }

    #[test]
    fn a_label_test_on_a_relationship_checks_its_type() {
        let r = rows("CREATE ()-[:T]->()", "MATCH ()-[r]->() RETURN r:T, r:U");
        assert_eq!(r.unwrap(), ["true, false"]);
    }

    /// Errors point at what raised them: `marker` is the text the caret
    /// goes under (its last occurrence in the query when `last`).
    #[test]
    fn errors_point_at_the_expression_that_raised_them() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // (setup, query, code, marker)
            (
                "",
                "UNWIND [1, 'a'] AS x\nRETURN x - 1",
                "InvalidArgumentType",
                "- 1",
            ),
            (
                "",
                "UNWIND [0, null] AS x RETURN 1 + 1 / x",
                "DivisionByZero",
                "/ x",
            ),
            (
                "",
                "UNWIND [1, null] AS x RETURN x.name",
                "InvalidArgumentType",
                "x.name",
            ),
            (
                "",
                "UNWIND [1, null] AS x RETURN true AND x",
                "InvalidArgumentType",
                "x",
            ),
            (
                "",
                "UNWIND ['a', null] AS x RETURN x STARTS WITH 'a' AND 2 IN x",
                "InvalidArgumentType",
                "IN x",
            ),
            (
                "",
                "UNWIND [1, null] AS x WITH x WHERE x RETURN x",
                "InvalidArgumentType",
                "x RETURN",
            ),
            (
                "",
                "UNWIND ['a', null] AS x RETURN 1 AS one, sum(x) AS s",
                "InvalidArgumentType",
                "sum(",
            ),
            (
                "",
                "UNWIND [0, null] AS x RETURN [y IN range(1, 2, x) | y]",
                "NumberOutOfRange",
                "range(",
            ),
            (
                "",
                "UNWIND [1, null] AS x RETURN [y IN [x] WHERE y | y]",
                "InvalidArgumentType",
                "y |",
            ),
            (
                "",
                "RETURN 1 AS x, $missing AS y",
                "MissingParameter",
                "$missing",
            ),
            (
                "",
                "UNWIND [1, null] AS x RETURN -'a' + x",
                "InvalidArgumentType",
                "-'a'",
            ),
            (
                "CREATE ({x: 1})",
                "MATCH (n) DELETE n RETURN n.x",
                "DeletedEntityAccess",
                "n.x",
            ),
            (
                "CREATE ()-[:T]->()",
                "MATCH (n) WITH n, 1 AS one DELETE n",
                "DeleteConnectedNode",
                "n",
            ),
            (
                "CREATE ()",
                "MATCH (n) SET n.x = {a: 1}",
                "InvalidPropertyType",
                "n.x",
            ),
            (
                "CREATE ()",
                "MATCH (n) UNWIND [1] AS k SET n:L, k:M",
                "InvalidArgumentType",
                "k:M",
            ),
            (
                "CREATE ()",
                "MATCH (n) UNWIND [1] AS k DELETE k",
                "InvalidArgumentType",
                "k",
            ),
            (
                "",
                "UNWIND [null] AS x CREATE (a)-[:T]->(b) WITH x, a CREATE (x)-[:T]->(a)",
                "NullElement",
                "(x)",
            ),
        ];
        for (setup, q, code, marker) in cases {
            let mut g = Graph::new();
            if !setup.is_empty() {
                g.query_mut(verified_query(setup)).unwrap();
            }
            let e = g.query_mut(verified_query(q)).unwrap_err();
            assert_eq!(e.code, *code, "{q}: {}", e.render(q));
            let expected = q.rfind(marker).expect("the marker is in the query");
            assert_eq!(e.pos, Some(expected), "{q}: {}", e.render(q));
        }
        // A budget running out is the whole query's doing.
        let limits = Limits {
            max_rows: 10,
            ..Limits::default()
        };
        let q = "UNWIND range(1, 100) AS x RETURN x";
        assert_eq!(run_with(&Graph::new(), q, &limits).unwrap_err().pos, None);
    }

    /// 2000 actors whose indexed `name` and unindexed `tag` hold the same
    /// value (`N0`, `N1`, ..., and one the number 7), `N1 -[:T]-> N2`.
    fn actors() -> Graph {
        let mut g = Graph::new();
        let mut ids = Vec::new();
        for i in 0..2000 {
            let v = Value::from(format!("N{i}"));
            ids.push(g.add_node(["Actor"], [("name", v.clone()), ("tag", v)]));
        }
        g.add_node(["Actor"], [("name", Value::Int(7)), ("tag", Value::Int(7))]);
        g.add_rel(ids[1], ids[2], "T", []);
        g
    }

    fn run_params(g: &Graph, q: &str, params: &Params, limits: &Limits) -> QResult<QueryOutput> {
        let ast = super::super::parser::parse(verified_query(q))?;
        run_read(g, &compile(&ast)?, params, limits)
    }

    /// `WHERE` equalities on an indexed property pick the start of the
    /// match: the query then visits a handful of nodes (a budget of 20
    /// visits is enough) where a scan visits all 2001; the rows are those
    /// of the same query on the unindexed twin property.
    #[test]
    fn where_equalities_on_indexed_properties_start_from_the_index() {
        let g = actors();
        let narrow = Limits {
            max_expansions: 20,
            ..Limits::default()
        };
        let mut params = Params::new();
        params.insert("who".into(), Value::from("N42"));
        let cases = [
            "MATCH (a:Actor) WHERE a.name = 'N1500' RETURN a.tag",
            "MATCH (a:Actor) WHERE 'N1500' = a.name AND a.tag <> 'x' RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name = $who RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name IN ['N2', 'N1', null, 'nobody'] RETURN a.tag ORDER BY a.tag",
            "MATCH (a:Actor) WHERE a.name = 7.0 RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name = null RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name IN null RETURN a.tag",
            "MATCH (a:Actor) WHERE (a.tag STARTS WITH 'N' AND a.name = 'N7') RETURN a.tag",
            "MATCH (b:Actor)-[:T]->(a:Actor) WHERE a.name = 'N2' RETURN b.tag",
            "MATCH (b:Actor {name: 'N9'}) MATCH (a:Actor) WHERE a.name = b.name RETURN a.tag",
            "OPTIONAL MATCH (a:Actor) WHERE a.name = 'nobody' RETURN a.tag",
        ];
        for q in cases {
            let fast = run_params(&g, q, &params, &narrow)
                .unwrap_or_else(|e| panic!("{q}: {}", e.render(q)));
            let scan = q.replace("a.name", "a.tag");
            let slow = run_params(&g, &scan, &params, &Limits::default()).unwrap();
            assert_eq!(fast.rows, slow.rows, "{q}");
        }
        // Without an indexed equality the label is scanned.
        for q in [
            "MATCH (a:Actor) WHERE a.tag = 'N1500' RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name = 'N1' OR a.name = 'N2' RETURN a.tag",
            "MATCH (a:Actor) WHERE a.name = toString(rand()) RETURN a.tag",
            "MATCH (a:Actor), (b:Actor) WHERE b.name = a.tag RETURN a.tag",
        ] {
            let e = run_params(&g, q, &params, &narrow).unwrap_err();
            assert_eq!(e.code, "ExpansionLimit", "{q}");
        }
        // An IN over something not a list is the same error as before.
        let e = run_params(
            &g,
            "MATCH (a:Actor) WHERE a.name IN 'N1' RETURN a",
            &params,
            &narrow,
        )
        .unwrap_err();
        assert_eq!(e.code, "InvalidArgumentType");
    }

    #[test]
    fn function_argument_errors_carry_tck_codes() {
        assert_eq!(
            rows("", "RETURN range(1.5, 3)").unwrap_err(),
            "InvalidArgumentType"
        );
        assert_eq!(
            rows("", "UNWIND [{}, 1] AS m RETURN toString(m)").unwrap_err(),
            "InvalidArgumentValue"
        );
    }
}
