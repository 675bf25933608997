//! The semantic pass: checks a parsed query against openCypher's rules
//! (scoping, variable kinds, aggregation, clause order) and compiles it to
//! a plan whose variables are slots in a row.

use std::sync::Arc;

use super::ast::{
    self, BinaryOp, Clause, CmpOp, Expr, ExprKind, Ident, PatternDirection, Pos, Quantifier,
    UnaryOp,
};
use super::error::{ErrorClass, QueryError};
use super::functions::Func;
use crate::value::Value;

type Result<T> = std::result::Result<T, QueryError>;

/// What a variable or expression holds, as far as the compiler knows.
/// Values other than graph elements get a kind when they are written as
/// literals (or derived from literals): openCypher rejects `NOT 1`,
/// `'a' % 2` or `WITH 1 AS n MATCH (n)` before running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarKind {
    /// A node.
    Node,
    /// A relationship.
    Rel,
    /// The list of relationships of a variable-length pattern.
    RelList,
    /// A path.
    Path,
    /// Any value: the compiler cannot tell which type (or null).
    Value,
    /// A boolean.
    Bool,
    /// An integer.
    Int,
    /// A float.
    Float,
    /// A string.
    String,
    /// A list.
    List,
    /// A map.
    Map,
}

impl VarKind {
    /// The kind of a constant (`None` for null).
    pub fn of_value(v: &Value) -> Option<VarKind> {
        Some(match v {
            Value::Null => return None,
            Value::Bool(_) => VarKind::Bool,
            Value::Int(_) => VarKind::Int,
            Value::Float(_) => VarKind::Float,
            Value::String(_) => VarKind::String,
            Value::List(_) => VarKind::List,
            Value::Map(_) => VarKind::Map,
            Value::Node(_) => VarKind::Node,
            Value::Rel(_) => VarKind::Rel,
            Value::Path(_) => VarKind::Path,
        })
    }

    /// The type name, as values print it (`INTEGER`, `NODE`, ...).
    pub fn type_name(self) -> &'static str {
        match self {
            VarKind::Node => "NODE",
            VarKind::Rel => "RELATIONSHIP",
            VarKind::RelList | VarKind::List => "LIST",
            VarKind::Path => "PATH",
            VarKind::Value => "ANY",
            VarKind::Bool => "BOOLEAN",
            VarKind::Int => "INTEGER",
            VarKind::Float => "FLOAT",
            VarKind::String => "STRING",
            VarKind::Map => "MAP",
        }
    }

    fn is_number(self) -> bool {
        matches!(self, VarKind::Int | VarKind::Float)
    }

    fn is_list(self) -> bool {
        matches!(self, VarKind::List | VarKind::RelList)
    }
}

/// A compiled expression and where its source text starts: an error that
/// escapes its evaluation is reported there (unless a part of it already
/// said where).
#[derive(Debug, Clone, PartialEq)]
pub struct CExpr {
    /// What it computes.
    pub kind: CExprKind,
    /// Where it was written.
    pub pos: Pos,
}

impl CExpr {
    /// A compiled expression written at `pos`.
    pub fn new(kind: CExprKind, pos: Pos) -> CExpr {
        CExpr { kind, pos }
    }
}

/// The kinds of compiled expression: variables are row slots.
#[derive(Debug, Clone, PartialEq)]
pub enum CExprKind {
    /// A constant.
    Const(Value),
    /// A parameter.
    Param(Arc<str>),
    /// A row slot.
    Slot(usize),
    /// `e.key`
    Property(Box<CExpr>, Arc<str>),
    /// `e[i]`
    Index(Box<CExpr>, Box<CExpr>),
    /// `e[a..b]`
    Slice(Box<CExpr>, Option<Box<CExpr>>, Option<Box<CExpr>>),
    /// `e:Label`
    HasLabels(Box<CExpr>, Vec<Arc<str>>),
    /// `[a, b]`
    List(Vec<CExpr>),
    /// `{k: v}`
    Map(Vec<(Arc<str>, CExpr)>),
    /// `n{.a, k: v, .*}`
    MapProjection(usize, Vec<CMapItem>),
    /// `NOT e`
    Not(Box<CExpr>),
    /// `-e`
    Neg(Box<CExpr>),
    /// `+e`
    Plus(Box<CExpr>),
    /// `a op b op c ...`: logic (`AND OR XOR`), arithmetic (`+ - * / % ^`)
    /// and predicates (`IN`, `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `=~`),
    /// applied left to right.
    /// Each step has its operator's position, where its own errors point.
    Binary(Box<CExpr>, Vec<(BinaryOp, Pos, CExpr)>),
    /// Chained comparison.
    Compare(Box<CExpr>, Vec<(CmpOp, CExpr)>),
    /// `e IS [NOT] NULL`
    IsNull(Box<CExpr>, bool),
    /// A scalar function call.
    Call(Func, Vec<CExpr>),
    /// `CASE`
    Case(Option<Box<CExpr>>, Vec<(CExpr, CExpr)>, Option<Box<CExpr>>),
    /// `[x IN list WHERE f | m]`: element slot, list, filter, mapping.
    ListComprehension(usize, Box<CExpr>, Option<Box<CExpr>>, Option<Box<CExpr>>),
    /// `all(x IN list WHERE f)` and friends.
    Quantified(Quantifier, usize, Box<CExpr>, Option<Box<CExpr>>),
    /// `reduce(acc = init, x IN list | e)`: accumulator slot, init, element slot, list, step.
    Reduce(usize, Box<CExpr>, usize, Box<CExpr>, Box<CExpr>),
    /// A pattern predicate (with an optional filter, for `EXISTS { }`).
    Exists(Box<CPattern>, Option<Box<CExpr>>),
    /// `[pattern WHERE f | m]`
    PatternComprehension(Box<CPattern>, Option<Box<CExpr>>, Box<CExpr>),
    /// `EXISTS { query }`: the plan runs from the current row.
    ExistsQuery(Box<Plan>),
}

/// One item of a compiled map projection.
#[derive(Debug, Clone, PartialEq)]
pub enum CMapItem {
    /// `.*`
    AllProperties,
    /// `.key`
    Property(Arc<str>),
    /// `key: expr` (and `var`, keyed by its name)
    Entry(Arc<str>, CExpr),
}

/// A node in a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct CNode {
    /// Its slot (anonymous nodes get a hidden one).
    pub slot: usize,
    /// Bound before this pattern: check it rather than find it.
    pub bound: bool,
    /// Required labels.
    pub labels: Vec<Arc<str>>,
    /// Required properties (a map expression).
    pub props: Option<CExpr>,
    /// Conditions of the clause's `WHERE` on its properties that an index
    /// may answer.
    pub hints: Vec<IndexHint>,
    /// Where it was written.
    pub pos: Pos,
}

/// A condition `n.key = value` (or `n.key IN list`) that the `WHERE` of a
/// `MATCH` puts on a node the pattern finds, with a value that does not
/// depend on the pattern. Where `key` is indexed, the matcher may start
/// from the nodes the index gives for the value rather than scan a label;
/// the `WHERE` still filters every row, so results are the same.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexHint {
    /// The property key.
    pub key: Arc<str>,
    /// The value, computed from what is bound before the pattern.
    pub value: CExpr,
    /// `IN`: the property equals one of the elements of the value.
    pub any_of: bool,
}

/// A relationship in a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct CRel {
    /// Its slot (anonymous relationships get a hidden one).
    pub slot: usize,
    /// Bound before this pattern.
    pub bound: bool,
    /// Allowed types (any when empty).
    pub types: Vec<Arc<str>>,
    /// Direction from the previous node to the next.
    pub direction: PatternDirection,
    /// Variable length `(min, max)`; `None` for one hop.
    pub length: Option<(u64, Option<u64>)>,
    /// Required properties.
    pub props: Option<CExpr>,
    /// How it was written (canonical text), for messages.
    pub text: Arc<str>,
    /// Where it was written.
    pub pos: Pos,
}

/// One comma-separated part of a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct CPart {
    /// Slot of the path variable.
    pub path_slot: Option<usize>,
    /// The nodes, in order.
    pub nodes: Vec<CNode>,
    /// `rels[i]` joins `nodes[i]` and `nodes[i + 1]`.
    pub rels: Vec<CRel>,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct CPattern {
    /// The parts.
    pub parts: Vec<CPart>,
}

/// A compiled `SET` item.
#[derive(Debug, Clone, PartialEq)]
pub enum CSet {
    /// `e.key = v`
    Property(CExpr, Arc<str>, CExpr),
    /// `n = map` (replace) or `n += map` (merge), and where `n` was written.
    Properties(usize, CExpr, bool, Pos),
    /// `n:Label`, and where `n` was written.
    Labels(usize, Vec<Arc<str>>, Pos),
}

impl CSet {
    /// Where the item was written.
    pub fn pos(&self) -> Pos {
        match self {
            CSet::Property(target, ..) => target.pos,
            CSet::Properties(.., at) | CSet::Labels(.., at) => *at,
        }
    }
}

/// A compiled `REMOVE` item.
#[derive(Debug, Clone, PartialEq)]
pub enum CRemove {
    /// `e.key`
    Property(CExpr, Arc<str>),
    /// `n:Label`, and where `n` was written.
    Labels(usize, Vec<Arc<str>>, Pos),
}

impl CRemove {
    /// Where the item was written.
    pub fn pos(&self) -> Pos {
        match self {
            CRemove::Property(target, _) => target.pos,
            CRemove::Labels(.., at) => *at,
        }
    }
}

/// An aggregate call in a projection.
#[derive(Debug, Clone, PartialEq)]
pub struct CAggregate {
    /// The function (lower case).
    pub func: AggFunc,
    /// `DISTINCT`.
    pub distinct: bool,
    /// The argument (none for `count(*)`).
    pub arg: Option<CExpr>,
    /// Second argument (percentiles).
    pub arg2: Option<CExpr>,
    /// The input slot the result is written to before the items are evaluated.
    pub slot: usize,
    /// Where the call was written.
    pub pos: Pos,
}

/// Aggregate functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AggFunc {
    /// `count(*)` / `count(e)`
    Count,
    /// `sum`
    Sum,
    /// `avg`
    Avg,
    /// `min`
    Min,
    /// `max`
    Max,
    /// `collect`
    Collect,
    /// `stDev`
    StDev,
    /// `stDevP`
    StDevP,
    /// `percentileCont`
    PercentileCont,
    /// `percentileDisc`
    PercentileDisc,
}

/// A compiled `WITH` or `RETURN`.
#[derive(Debug, Clone, PartialEq)]
pub struct CProjection {
    /// Output column `i` is `items[i]`, evaluated on the input row.
    pub items: Vec<CExpr>,
    /// Input slots copied to hidden output slots, for `ORDER BY`.
    pub carried: Vec<(usize, usize)>,
    /// Width of the output rows.
    pub out_width: usize,
    /// Aggregates; when non-empty, the items that contain none are the grouping keys.
    pub aggregates: Vec<CAggregate>,
    /// Which items are grouping keys (only meaningful with aggregates).
    pub is_key: Vec<bool>,
    /// `DISTINCT`.
    pub distinct: bool,
    /// Sort keys on the output row.
    pub order_by: Vec<(CExpr, bool)>,
    /// `SKIP`.
    pub skip: Option<CExpr>,
    /// `LIMIT`.
    pub limit: Option<CExpr>,
    /// `WITH ... WHERE`, on the output row.
    pub filter: Option<CExpr>,
}

impl CProjection {
    /// Whether this projection needs all its input before it can emit.
    pub fn is_barrier(&self) -> bool {
        !self.aggregates.is_empty() || !self.order_by.is_empty()
    }
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `[OPTIONAL] MATCH`
    Match {
        /// `OPTIONAL MATCH`.
        optional: bool,
        /// The pattern.
        pattern: CPattern,
        /// `WHERE`.
        filter: Option<CExpr>,
        /// Slots the pattern binds (set to null when an optional match fails).
        introduced: Vec<usize>,
    },
    /// `UNWIND list AS var`
    Unwind(CExpr, usize),
    /// `WITH` / `RETURN`
    Project(Box<CProjection>),
    /// `CREATE`
    Create(CPattern),
    /// `MERGE`
    Merge {
        /// The pattern.
        pattern: CPattern,
        /// `ON MATCH SET`.
        on_match: Vec<CSet>,
        /// `ON CREATE SET`.
        on_create: Vec<CSet>,
    },
    /// `SET`
    Set(Vec<CSet>),
    /// `REMOVE`
    Remove(Vec<CRemove>),
    /// `[DETACH] DELETE`
    Delete(bool, Vec<CExpr>),
}

impl Op {
    /// Whether the step changes the graph.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Op::Create(_) | Op::Merge { .. } | Op::Set(_) | Op::Remove(_) | Op::Delete(..)
        )
    }
}

/// A compiled single query.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The steps.
    pub ops: Vec<Op>,
    /// Width of the first segment's rows.
    pub width: usize,
    /// Output column names (empty for a query that ends in an update).
    pub columns: Vec<String>,
}

/// A compiled query: one plan, or several joined by `UNION`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledQuery {
    /// The single queries.
    pub parts: Vec<Plan>,
    /// `UNION` (deduplicate) rather than `UNION ALL`.
    pub distinct_union: bool,
    /// Whether any part writes.
    pub writes: bool,
}

impl CompiledQuery {
    /// The output columns.
    pub fn columns(&self) -> &[String] {
        &self.parts[0].columns
    }
}

#[derive(Debug, Clone)]
struct Var {
    name: String,
    slot: usize,
    kind: VarKind,
}

/// Compile a parsed query, checking it.
pub fn compile(query: &ast::Query) -> Result<CompiledQuery> {
    let mut parts = vec![Compiler::default().single(&query.first)?];
    let mut distinct_union = None;
    for (all, q) in &query.unions {
        // Errors about a part of a UNION point at its first clause.
        let at = q.clauses.first().map_or(Pos(0), Clause::pos);
        match distinct_union {
            Some(d) if d == *all => {
                return Err(err(
                    "InvalidClauseComposition",
                    "UNION and UNION ALL cannot be mixed in one query",
                    at,
                ));
            }
            _ => distinct_union = Some(!*all),
        }
        let plan = Compiler::default().single(q)?;
        if plan.columns != parts[0].columns {
            return Err(err(
                "DifferentColumnsInUnion",
                format!(
                    "all parts of a UNION must return the same columns ({} vs {})",
                    parts[0].columns.join(", "),
                    plan.columns.join(", ")
                ),
                at,
            ));
        }
        parts.push(plan);
    }
    let writes = parts.iter().any(|p| p.ops.iter().any(Op::writes));
    Ok(CompiledQuery {
        parts,
        distinct_union: distinct_union.unwrap_or(false),
        writes,
    })
}

#[derive(Default)]
struct Compiler {
    scope: Vec<Var>,
    width: usize,
    /// Nesting of aggregate arguments (aggregates may not nest).
    in_aggregate: bool,
    /// Aggregates collected while compiling projection items.
    aggregates: Option<Vec<(String, CAggregate)>>,
    /// The first slot of the pattern being compiled.
    pattern_start: usize,
    /// Compiling a `WHERE` condition.
    in_where: bool,
    /// Compiling the query of `EXISTS { }`, which need not end in RETURN.
    subquery: bool,
}

fn err(code: &'static str, message: impl Into<String>, pos: impl Into<usize>) -> QueryError {
    QueryError::syntax(code, message).at(pos)
}

impl Compiler {
    fn alloc(&mut self) -> usize {
        self.width += 1;
        self.width - 1
    }

    fn lookup(&self, name: &str) -> Option<&Var> {
        self.scope.iter().rev().find(|v| v.name == name)
    }

    fn bind(&mut self, name: &str, kind: VarKind) -> usize {
        let slot = self.alloc();
        self.scope.push(Var {
            name: name.to_string(),
            slot,
            kind,
        });
        slot
    }

    fn single(mut self, q: &ast::SingleQuery) -> Result<Plan> {
        let mut ops = Vec::new();
        let mut columns = Vec::new();
        let n = q.clauses.len();
        // Rows of a segment (between projections) are as wide as every slot
        // the segment allocates, which is known only when it ends.
        let mut first_width = None;
        let mut last_projection: Option<usize> = None;
        let mut end_segment = |ops: &mut Vec<Op>, last: Option<usize>, width: usize| match last {
            None => first_width = Some(width),
            Some(i) => {
                if let Op::Project(p) = &mut ops[i] {
                    p.out_width = p.out_width.max(width);
                }
            }
        };
        for (i, clause) in q.clauses.iter().enumerate() {
            let last = i + 1 == n;
            if !columns.is_empty() {
                return Err(err(
                    "InvalidClauseComposition",
                    "RETURN can only be the last clause of a query",
                    clause.pos(),
                ));
            }
            match clause {
                Clause::Match {
                    optional,
                    pattern,
                    filter,
                    ..
                } => {
                    if let Some(Op::Match { optional: true, .. }) = ops.last()
                        && !optional
                    {
                        // MATCH after OPTIONAL MATCH is allowed in openCypher; nothing to check.
                    }
                    let before = self.width;
                    let mut pattern = self.pattern(pattern, PatternUse::Match)?;
                    let compiled = filter.as_ref().map(|f| self.predicate(f)).transpose()?;
                    if let Some(f) = filter {
                        self.index_hints(f, before, &mut pattern);
                    }
                    let filter = compiled;
                    ops.push(Op::Match {
                        optional: *optional,
                        pattern,
                        filter,
                        introduced: (before..self.width).collect(),
                    });
                }
                Clause::Unwind { expr, var, .. } => {
                    let list = self.expr(expr)?;
                    if self.lookup(&var.name).is_some() {
                        return Err(err(
                            "VariableAlreadyBound",
                            format!("variable `{}` is already bound", var.name),
                            var.pos,
                        ));
                    }
                    let slot = self.bind(&var.name, self.element_kind(expr));
                    ops.push(Op::Unwind(list, slot));
                }
                Clause::With { projection, filter } => {
                    let (proj, _, ended) = self.projection(projection, filter.as_ref(), true)?;
                    end_segment(&mut ops, last_projection, ended);
                    ops.push(Op::Project(Box::new(proj)));
                    last_projection = Some(ops.len() - 1);
                }
                Clause::Return(projection) => {
                    let (proj, names, ended) = self.projection(projection, None, false)?;
                    end_segment(&mut ops, last_projection, ended);
                    ops.push(Op::Project(Box::new(proj)));
                    last_projection = Some(ops.len() - 1);
                    columns = names;
                }
                Clause::Create(pattern, _) => {
                    let pattern = self.pattern(pattern, PatternUse::Create)?;
                    ops.push(Op::Create(pattern));
                }
                Clause::Merge {
                    part,
                    on_match,
                    on_create,
                    ..
                } => {
                    let pattern = self.pattern(std::slice::from_ref(part), PatternUse::Merge)?;
                    let on_match = on_match
                        .iter()
                        .map(|s| self.set_item(s))
                        .collect::<Result<_>>()?;
                    let on_create = on_create
                        .iter()
                        .map(|s| self.set_item(s))
                        .collect::<Result<_>>()?;
                    ops.push(Op::Merge {
                        pattern,
                        on_match,
                        on_create,
                    });
                }
                Clause::Set(items, _) => {
                    let items = items
                        .iter()
                        .map(|s| self.set_item(s))
                        .collect::<Result<_>>()?;
                    ops.push(Op::Set(items));
                }
                Clause::Remove(items, _) => {
                    let items = items
                        .iter()
                        .map(|r| self.remove_item(r))
                        .collect::<Result<_>>()?;
                    ops.push(Op::Remove(items));
                }
                Clause::Delete { detach, exprs, .. } => {
                    let mut compiled = Vec::new();
                    for e in exprs {
                        if let ExprKind::HasLabels(..) = e.kind {
                            return Err(err(
                                "InvalidDelete",
                                format!(
                                    "`{e}` cannot be deleted: labels and types are removed with REMOVE"
                                ),
                                e.pos,
                            ));
                        }
                        if let Some(kind) = self.static_kind(e)
                            && !matches!(
                                kind,
                                VarKind::Node | VarKind::Rel | VarKind::Path | VarKind::RelList
                            )
                        {
                            return Err(err(
                                "InvalidArgumentType",
                                format!("`{e}` is not a node, relationship or path"),
                                e.pos,
                            ));
                        }
                        if !matches!(
                            e.kind,
                            ExprKind::Var(_)
                                | ExprKind::Property(..)
                                | ExprKind::Index(..)
                                | ExprKind::Call { .. }
                                | ExprKind::Case { .. }
                                | ExprKind::Literal(Value::Null)
                        ) {
                            return Err(err(
                                "InvalidDelete",
                                format!(
                                    "`{e}` cannot be deleted: DELETE takes nodes, relationships or paths"
                                ),
                                e.pos,
                            ));
                        }
                        compiled.push(self.expr(e)?);
                    }
                    ops.push(Op::Delete(*detach, compiled));
                }
                Clause::Call { name, pos } => {
                    return Err(QueryError::compile(
                        ErrorClass::ProcedureError,
                        "ProcedureNotFound",
                        format!("there is no procedure `{name}`: newsgraph has no procedures"),
                    )
                    .at(*pos));
                }
            }
            if last && !self.subquery && columns.is_empty() && !ops.last().is_some_and(Op::writes) {
                let ends_in_update = ops.iter().any(Op::writes);
                if !ends_in_update || matches!(ops.last(), Some(Op::Project(_))) {
                    return Err(err(
                        "InvalidClauseComposition",
                        "a query must end with RETURN or an update clause",
                        clause.pos(),
                    ));
                }
            }
        }
        end_segment(&mut ops, last_projection, self.width);
        let width = first_width.unwrap_or(self.width);
        Ok(Plan {
            ops,
            width,
            columns,
        })
    }

    /// Compile `WITH`/`RETURN`. Returns the projection, its column names
    /// and the width of the segment it ends.
    fn projection(
        &mut self,
        p: &ast::Projection,
        filter: Option<&Expr>,
        is_with: bool,
    ) -> Result<(CProjection, Vec<String>, usize)> {
        // Items: `*` expands to the visible variables, sorted by name.
        let mut items: Vec<(String, Option<&Expr>, Option<usize>, VarKind)> = Vec::new();
        if p.star {
            let mut visible: Vec<&Var> = Vec::new();
            for v in self.scope.iter().rev() {
                if !v.name.starts_with(' ') && !visible.iter().any(|w| w.name == v.name) {
                    visible.push(v);
                }
            }
            if visible.is_empty() && !is_with {
                return Err(err(
                    "NoVariablesInScope",
                    format!(
                        "{} * has no variables to project",
                        if is_with { "WITH" } else { "RETURN" }
                    ),
                    p.pos,
                ));
            }
            visible.sort_by(|a, b| a.name.cmp(&b.name));
            for v in visible {
                items.push((v.name.clone(), None, Some(v.slot), v.kind));
            }
        }
        // Reported after ORDER BY, whose aggregation errors come first.
        let mut missing_alias = None;
        for item in &p.items {
            if is_with
                && item.alias.is_none()
                && !matches!(item.expr.kind, ExprKind::Var(_))
                && missing_alias.is_none()
            {
                missing_alias = Some(err(
                    "NoExpressionAlias",
                    format!(
                        "expression `{}` in WITH must be aliased (use AS)",
                        item.text
                    ),
                    item.expr.pos,
                ));
            }
            let name = item.name().to_string();
            let kind = self.static_kind(&item.expr).unwrap_or(VarKind::Value);
            items.push((name, Some(&item.expr), None, kind));
        }
        for (i, (name, expr, ..)) in items.iter().enumerate() {
            if items[..i].iter().any(|(n, ..)| n == name) {
                return Err(err(
                    "ColumnNameConflict",
                    format!("column `{name}` is projected more than once"),
                    expr.map_or(p.pos, |e| e.pos),
                ));
            }
        }

        // Compile the items against the input scope, collecting aggregates.
        self.aggregates = Some(Vec::new());
        let mut compiled = Vec::new();
        let mut has_agg = Vec::new();
        for (_, expr, slot, _) in &items {
            match (expr, slot) {
                (Some(e), _) => {
                    has_agg.push(e.contains_aggregate());
                    compiled.push(self.expr(e)?);
                }
                (None, Some(s)) => {
                    has_agg.push(false);
                    compiled.push(CExpr::new(CExprKind::Slot(*s), p.pos));
                }
                _ => unreachable!(),
            }
        }
        let aggregates: Vec<CAggregate> = self
            .aggregates
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        let aggregating = !aggregates.is_empty();
        if aggregating {
            self.check_ambiguous_aggregation(&items, &has_agg)?;
        }

        let in_scope = self.scope.clone();
        let out_names: Vec<String> = items.iter().map(|(n, ..)| n.clone()).collect();

        // ORDER BY sees the projected columns and, unless the projection
        // aggregates or is DISTINCT, the input variables too.
        let mut out = Compiler::default();
        for (name, _, _, kind) in &items {
            out.bind(name, *kind);
        }
        let item_texts: Vec<String> = items
            .iter()
            .map(|(_, e, _, _)| e.map(|e| e.to_string()).unwrap_or_default())
            .collect();
        let mut carried = Vec::new();
        let mut order_by = Vec::new();
        for sort in &p.order_by {
            let expr = self.rewrite_projected(&sort.expr, &items, &item_texts);
            let refs = free_variables(&expr);
            for name in &refs {
                if out.lookup(name).is_some() {
                    continue;
                }
                let Some(var) = in_scope.iter().rev().find(|v| &v.name == name) else {
                    continue; // reported as undefined when compiled below
                };
                if aggregating || p.distinct {
                    return Err(err(
                        "UndefinedVariable",
                        format!(
                            "variable `{name}` is not available after {}",
                            if aggregating {
                                "aggregation"
                            } else {
                                "DISTINCT"
                            }
                        ),
                        first_position(
                            &sort.expr,
                            |x| matches!(&x.kind, ExprKind::Var(v) if v.name == *name),
                        ),
                    ));
                }
                let hidden = out.alloc();
                out.scope.insert(
                    0,
                    Var {
                        name: name.clone(),
                        slot: hidden,
                        kind: var.kind,
                    },
                );
                carried.push((var.slot, hidden));
            }
            if aggregating && sort.expr.contains_aggregate() {
                let mut keys = GroupingKeys::of(&items, &has_agg);
                keys.vars.extend(out_names.iter().cloned());
                keys.check(&sort.expr)?;
            }
            if expr.contains_aggregate() {
                let at = first_position(&sort.expr, Expr::is_aggregate_call);
                if !aggregating {
                    return Err(err(
                        "InvalidAggregation",
                        "ORDER BY may only use an aggregate that the projection computes",
                        at,
                    ));
                }
                return Err(err(
                    "InvalidAggregation",
                    format!(
                        "aggregate in ORDER BY `{}` must also be projected",
                        sort.expr
                    ),
                    at,
                ));
            }
            order_by.push((out.expr(&expr)?, sort.descending));
        }

        if let Some(e) = missing_alias {
            return Err(e);
        }
        let skip = p
            .skip
            .as_ref()
            .map(|e| self.constant_count(e, "SKIP"))
            .transpose()?;
        let limit = p
            .limit
            .as_ref()
            .map(|e| self.constant_count(e, "LIMIT"))
            .transpose()?;

        // The filter of WITH ... WHERE sees only the projected names.
        let filter = match filter {
            Some(f) => {
                let f = self.rewrite_projected(f, &items, &item_texts);
                for name in free_variables(&f) {
                    if out.lookup(&name).is_none()
                        && let Some(var) = in_scope.iter().rev().find(|v| v.name == name)
                    {
                        if aggregating || p.distinct {
                            continue;
                        }
                        let hidden = out.alloc();
                        out.scope.insert(
                            0,
                            Var {
                                name: name.clone(),
                                slot: hidden,
                                kind: var.kind,
                            },
                        );
                        carried.push((var.slot, hidden));
                    }
                }
                Some(out.predicate(&f)?)
            }
            None => None,
        };

        let ended_width = self.width;
        let proj = CProjection {
            items: compiled,
            carried,
            out_width: out.width,
            aggregates,
            is_key: has_agg.iter().map(|a| !a).collect(),
            distinct: p.distinct,
            order_by,
            skip,
            limit,
            filter,
        };
        // The next segment starts from the projected names; hidden slots
        // used only for sorting stay allocated but out of scope.
        self.scope = out
            .scope
            .into_iter()
            .filter(|v| out_names.contains(&v.name) && v.slot < out_names.len())
            .collect();
        self.width = out.width;
        Ok((proj, out_names, ended_width))
    }

    /// In ORDER BY and WITH ... WHERE, an expression written like a
    /// projected item (`ORDER BY n.name` after `RETURN n.name`) refers to
    /// that column.
    fn rewrite_projected(
        &self,
        e: &Expr,
        items: &[(String, Option<&Expr>, Option<usize>, VarKind)],
        texts: &[String],
    ) -> Expr {
        let text = e.to_string();
        for ((name, expr, _, _), t) in items.iter().zip(texts) {
            if expr.is_some() && *t == text && !matches!(e.kind, ExprKind::Var(_)) {
                let var = Ident {
                    name: name.clone(),
                    pos: e.pos,
                };
                return Expr::new(ExprKind::Var(var), e.pos);
            }
        }
        let kind = match &e.kind {
            ExprKind::Binary(first, rest) => {
                // A projected chain may also be the leading part of a longer
                // one: `a + b` in `a + b + c`.
                let leading = items
                    .iter()
                    .find_map(|(name, expr, _, _)| match &(*expr)?.kind {
                        ExprKind::Binary(f, r)
                            if r.len() < rest.len()
                                && f.as_ref() == first.as_ref()
                                && rest.starts_with(r) =>
                        {
                            let var = Ident {
                                name: name.clone(),
                                pos: e.pos,
                            };
                            Some((Expr::new(ExprKind::Var(var), e.pos), r.len()))
                        }
                        _ => None,
                    });
                let (first, rest) = match leading {
                    Some((var, n)) => (var, &rest[n..]),
                    None => (self.rewrite_projected(first, items, texts), &rest[..]),
                };
                ExprKind::Binary(
                    Box::new(first),
                    rest.iter()
                        .map(|(op, at, x)| (*op, *at, self.rewrite_projected(x, items, texts)))
                        .collect(),
                )
            }
            ExprKind::Unary(op, a) => {
                ExprKind::Unary(*op, Box::new(self.rewrite_projected(a, items, texts)))
            }
            ExprKind::Compare(a, rest) => ExprKind::Compare(
                Box::new(self.rewrite_projected(a, items, texts)),
                rest.iter()
                    .map(|(op, x)| (*op, self.rewrite_projected(x, items, texts)))
                    .collect(),
            ),
            ExprKind::Call {
                name,
                distinct,
                args,
            } if !e.is_aggregate_call() => ExprKind::Call {
                name: name.clone(),
                distinct: *distinct,
                args: args
                    .iter()
                    .map(|a| self.rewrite_projected(a, items, texts))
                    .collect(),
            },
            _ => return e.clone(),
        };
        Expr::new(kind, e.pos)
    }

    /// In an aggregating projection, an item that mixes an aggregate with
    /// other expressions may only use grouping keys and constants outside
    /// the aggregate.
    fn check_ambiguous_aggregation(
        &self,
        items: &[(String, Option<&Expr>, Option<usize>, VarKind)],
        has_agg: &[bool],
    ) -> Result<()> {
        let keys = GroupingKeys::of(items, has_agg);
        for ((_, e, _, _), agg) in items.iter().zip(has_agg) {
            if let (true, Some(e)) = (agg, e) {
                keys.check(e)?;
            }
        }
        Ok(())
    }

    /// `SKIP` and `LIMIT` take a constant non-negative integer (parameters allowed).
    fn constant_count(&mut self, e: &Expr, what: &str) -> Result<CExpr> {
        if !free_variables(e).is_empty() || e.contains_aggregate() || contains_pattern(e) {
            return Err(err(
                "NonConstantExpression",
                format!("{what} takes a constant expression, not `{e}`"),
                e.pos,
            ));
        }
        let c = self.expr(e)?;
        if let CExprKind::Const(v) = &c.kind {
            match v {
                Value::Int(i) if *i < 0 => {
                    return Err(err(
                        "NegativeIntegerArgument",
                        format!("{what} must not be negative, got {i}"),
                        e.pos,
                    ));
                }
                Value::Int(_) => {}
                other => {
                    return Err(err(
                        "InvalidArgumentType",
                        format!("{what} takes an integer, got {other}"),
                        e.pos,
                    ));
                }
            }
        }
        Ok(c)
    }

    /// A `WHERE` condition: a boolean without aggregates, the one place
    /// where a pattern may stand as a predicate.
    fn predicate(&mut self, e: &Expr) -> Result<CExpr> {
        if e.contains_aggregate() {
            return Err(err(
                "InvalidAggregation",
                format!("aggregate functions are not allowed in WHERE: `{e}`"),
                first_position(e, Expr::is_aggregate_call),
            ));
        }
        if let Some(k) = self.static_kind(e)
            && k != VarKind::Bool
        {
            return Err(err(
                "InvalidArgumentType",
                format!("WHERE needs a boolean, `{e}` is a {}", k.type_name()),
                e.pos,
            ));
        }
        let outer = std::mem::replace(&mut self.in_where, true);
        let c = self.expr(e);
        self.in_where = outer;
        c
    }

    /// Attach to the pattern's nodes the conditions of its `WHERE` that an
    /// index may answer: conjuncts `n.key = value`, `value = n.key` and
    /// `n.key IN list`, where `n` is a node the pattern finds (its slot is
    /// `first_slot` or above) and the value reads only variables bound
    /// before the pattern, calls no `rand()` and holds no pattern.
    fn index_hints(&mut self, filter: &Expr, first_slot: usize, pattern: &mut CPattern) {
        for c in conjuncts(filter) {
            let candidates: Vec<(&Expr, &Expr, bool)> = match &c.kind {
                ExprKind::Compare(a, rest) if rest.len() == 1 && rest[0].0 == CmpOp::Eq => {
                    vec![(a, &rest[0].1, false), (&rest[0].1, a, false)]
                }
                ExprKind::Binary(a, rest) if rest.len() == 1 && rest[0].0 == BinaryOp::In => {
                    vec![(a, &rest[0].2, true)]
                }
                _ => Vec::new(),
            };
            for (lookup, value, any_of) in candidates {
                let ExprKind::Property(base, key) = &lookup.kind else {
                    continue;
                };
                let ExprKind::Var(v) = &base.kind else {
                    continue;
                };
                let Some(slot) = self
                    .lookup(&v.name)
                    .filter(|var| var.kind == VarKind::Node && var.slot >= first_slot)
                    .map(|var| var.slot)
                else {
                    continue;
                };
                let independent = free_variables(value)
                    .iter()
                    .all(|name| self.lookup(name).is_some_and(|var| var.slot < first_slot))
                    && !contains_pattern(value)
                    && !calls_rand(value);
                if !independent {
                    continue;
                }
                let Ok(value) = self.expr(value) else {
                    continue;
                };
                let hint = IndexHint {
                    key: Arc::from(key.as_str()),
                    value,
                    any_of,
                };
                for node in pattern.parts.iter_mut().flat_map(|p| &mut p.nodes) {
                    if node.slot == slot && !node.bound {
                        node.hints.push(hint.clone());
                    }
                }
            }
        }
    }

    fn set_item(&mut self, item: &ast::SetItem) -> Result<CSet> {
        Ok(match item {
            ast::SetItem::Property { target, key, value } => {
                let t = self.expr(target)?;
                CSet::Property(t, Arc::from(key.as_str()), self.expr(value)?)
            }
            ast::SetItem::Replace { var, value } => {
                let slot = self.var_slot(var)?;
                CSet::Properties(slot, self.expr(value)?, false, var.pos)
            }
            ast::SetItem::Merge { var, value } => {
                let slot = self.var_slot(var)?;
                CSet::Properties(slot, self.expr(value)?, true, var.pos)
            }
            ast::SetItem::Labels { var, labels } => {
                let slot = self.var_slot(var)?;
                let labels = labels.iter().map(|l| Arc::from(l.as_str())).collect();
                CSet::Labels(slot, labels, var.pos)
            }
        })
    }

    fn remove_item(&mut self, item: &ast::RemoveItem) -> Result<CRemove> {
        Ok(match item {
            ast::RemoveItem::Property { target, key } => {
                CRemove::Property(self.expr(target)?, Arc::from(key.as_str()))
            }
            ast::RemoveItem::Labels { var, labels } => {
                let slot = self.var_slot(var)?;
                let labels = labels.iter().map(|l| Arc::from(l.as_str())).collect();
                CRemove::Labels(slot, labels, var.pos)
            }
        })
    }

    fn var_slot(&self, v: &Ident) -> Result<usize> {
        self.lookup(&v.name).map(|var| var.slot).ok_or_else(|| {
            err(
                "UndefinedVariable",
                format!("variable `{}` is not defined", v.name),
                v.pos,
            )
        })
    }

    /// The kind of an expression when the compiler can tell (`None`:
    /// unknown, or null).
    fn static_kind(&self, e: &Expr) -> Option<VarKind> {
        use VarKind as K;
        match &e.kind {
            ExprKind::Var(v) => self
                .lookup(&v.name)
                .map(|v| v.kind)
                .filter(|k| *k != K::Value),
            ExprKind::Literal(v) => VarKind::of_value(v),
            ExprKind::List(_)
            | ExprKind::ListComprehension { .. }
            | ExprKind::PatternComprehension { .. } => Some(K::List),
            ExprKind::Map(_) | ExprKind::MapProjection(..) => Some(K::Map),
            ExprKind::Unary(UnaryOp::Not, _)
            | ExprKind::Compare(..)
            | ExprKind::IsNull(..)
            | ExprKind::HasLabels(..)
            | ExprKind::Quantified { .. }
            | ExprKind::Pattern(_)
            | ExprKind::Exists(..)
            | ExprKind::ExistsQuery(_) => Some(K::Bool),
            ExprKind::Unary(_, inner) => self.static_kind(inner).filter(|k| k.is_number()),
            ExprKind::Binary(first, rest) => {
                let mut kind = self.static_kind(first);
                for (op, _, operand) in rest {
                    kind = binary_kind(*op, kind, self.static_kind(operand));
                }
                kind
            }
            _ => None,
        }
    }

    /// The kind of the elements of a list expression, when every element
    /// is known to be of one kind.
    fn element_kind(&self, list: &Expr) -> VarKind {
        let kinds: Option<Vec<VarKind>> = match &list.kind {
            ExprKind::List(items) => items.iter().map(|i| self.static_kind(i)).collect(),
            ExprKind::Literal(Value::List(items)) => items.iter().map(VarKind::of_value).collect(),
            _ => None,
        };
        match kinds.as_deref() {
            Some([first, rest @ ..]) if rest.iter().all(|k| k == first) => *first,
            _ => VarKind::Value,
        }
    }

    /// openCypher's compile-time type checks of operators whose operands
    /// have a known kind.
    fn check_operands(&self, e: &Expr) -> Result<()> {
        let mismatch = |what: String| Err(err("InvalidArgumentType", what, e.pos));
        match &e.kind {
            ExprKind::Unary(op, inner) => {
                if let Some(k) = self.static_kind(inner) {
                    let ok = match op {
                        UnaryOp::Not => k == VarKind::Bool,
                        UnaryOp::Neg | UnaryOp::Plus => k.is_number(),
                    };
                    if !ok {
                        return mismatch(format!(
                            "`{e}`: a {} cannot be an operand here",
                            k.type_name()
                        ));
                    }
                }
            }
            ExprKind::Binary(first, rest) => {
                let mut ka = self.static_kind(first);
                for (op, at, operand) in rest {
                    let kb = self.static_kind(operand);
                    self.check_binary(e, *op, ka, kb).map_err(|e| e.at(*at))?;
                    ka = binary_kind(*op, ka, kb);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// openCypher's compile-time check of one step of an operator chain,
    /// from the kinds of the operands where they are known.
    fn check_binary(
        &self,
        e: &Expr,
        op: BinaryOp,
        ka: Option<VarKind>,
        kb: Option<VarKind>,
    ) -> Result<()> {
        {
            {
                let ok = match op {
                    BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => {
                        [ka, kb].iter().flatten().all(|k| *k == VarKind::Bool)
                    }
                    BinaryOp::Sub
                    | BinaryOp::Mul
                    | BinaryOp::Div
                    | BinaryOp::Mod
                    | BinaryOp::Pow => [ka, kb].iter().flatten().all(|k| k.is_number()),
                    BinaryOp::In => kb.is_none_or(VarKind::is_list),
                    BinaryOp::Add => match (ka, kb) {
                        (Some(x), Some(y)) => {
                            x.is_list()
                                || y.is_list()
                                || (x.is_number() || x == VarKind::String)
                                    && (y.is_number() || y == VarKind::String)
                        }
                        _ => true,
                    },
                    _ => true,
                };
                if !ok {
                    return Err(QueryError::syntax(
                        "InvalidArgumentType",
                        format!(
                            "`{e}`: {} cannot be applied to {} and {}",
                            op.symbol(),
                            ka.map_or("ANY", VarKind::type_name),
                            kb.map_or("ANY", VarKind::type_name)
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn pattern(&mut self, parts: &[ast::PatternPart], usage: PatternUse) -> Result<CPattern> {
        // Variables with slots below this were bound before the pattern;
        // a later mention of one bound in the pattern itself is a join.
        let outer_start = std::mem::replace(&mut self.pattern_start, self.width);
        let result = self.pattern_parts(parts, usage);
        self.pattern_start = outer_start;
        result
    }

    fn pattern_parts(&mut self, parts: &[ast::PatternPart], usage: PatternUse) -> Result<CPattern> {
        let mut compiled = Vec::new();
        let mut rels_here: Vec<String> = Vec::new();
        for part in parts {
            let mut nodes = Vec::new();
            let mut rels = Vec::new();
            for (i, node) in part.nodes().enumerate() {
                nodes.push(self.node_pattern(node, usage, part.chain.is_empty() && i == 0)?);
            }
            for (rel, _) in &part.chain {
                rels.push(self.rel_pattern(rel, usage, &mut rels_here)?);
            }
            let path_slot = match &part.path_var {
                Some(p) => {
                    if self.lookup(&p.name).is_some() {
                        return Err(err(
                            "VariableAlreadyBound",
                            format!("variable `{}` is already bound", p.name),
                            p.pos,
                        ));
                    }
                    Some(self.bind(&p.name, VarKind::Path))
                }
                None => None,
            };
            compiled.push(CPart {
                path_slot,
                nodes,
                rels,
            });
        }
        Ok(CPattern { parts: compiled })
    }

    fn node_pattern(
        &mut self,
        node: &ast::NodePattern,
        usage: PatternUse,
        alone: bool,
    ) -> Result<CNode> {
        if let Some(Expr {
            kind: ExprKind::Param(_),
            pos,
        }) = &node.props
            && usage != PatternUse::Create
        {
            return Err(err(
                "InvalidParameterUse",
                "a parameter cannot stand for a whole property map in MATCH or MERGE",
                *pos,
            ));
        }
        let props = node.props.as_ref().map(|p| self.expr(p)).transpose()?;
        let labels = node.labels.iter().map(|l| Arc::from(l.as_str())).collect();
        let (slot, bound) = match &node.var {
            Some(v) => match self.lookup(&v.name).cloned() {
                Some(var) => {
                    if !matches!(var.kind, VarKind::Node | VarKind::Value) {
                        return Err(err(
                            "VariableTypeConflict",
                            format!("variable `{}` is not a node", v.name),
                            v.pos,
                        ));
                    }
                    // CREATE and MERGE may refer to a bound node only to
                    // connect it: not alone, and without labels or properties.
                    if usage != PatternUse::Match
                        && (alone || !node.labels.is_empty() || node.props.is_some())
                    {
                        return Err(err(
                            "VariableAlreadyBound",
                            format!("variable `{}` is already bound", v.name),
                            v.pos,
                        ));
                    }
                    (var.slot, var.slot < self.pattern_start)
                }
                None => (self.bind(&v.name, VarKind::Node), false),
            },
            None => (self.bind(" anonymous", VarKind::Node), false),
        };
        Ok(CNode {
            slot,
            bound,
            labels,
            props,
            hints: Vec::new(),
            pos: node.pos,
        })
    }

    fn rel_pattern(
        &mut self,
        rel: &ast::RelPattern,
        usage: PatternUse,
        rels_here: &mut Vec<String>,
    ) -> Result<CRel> {
        if let Some(Expr {
            kind: ExprKind::Param(_),
            pos,
        }) = &rel.props
            && usage != PatternUse::Create
        {
            return Err(err(
                "InvalidParameterUse",
                "a parameter cannot stand for a whole property map in MATCH or MERGE",
                *pos,
            ));
        }
        if usage != PatternUse::Match {
            if let Some(v) = &rel.var
                && self.lookup(&v.name).is_some()
            {
                return Err(err(
                    "VariableAlreadyBound",
                    format!("variable `{}` is already bound", v.name),
                    v.pos,
                ));
            }
            if rel.types.len() != 1 {
                return Err(err(
                    "NoSingleRelationshipType",
                    "a relationship created by CREATE or MERGE needs exactly one type",
                    rel.pos,
                ));
            }
            if rel.length.is_some() {
                return Err(err(
                    "CreatingVarLength",
                    "CREATE and MERGE cannot create variable-length relationships",
                    rel.pos,
                ));
            }
            if usage == PatternUse::Create && rel.direction == PatternDirection::Either {
                return Err(err(
                    "RequiresDirectedRelationship",
                    "a relationship created by CREATE needs a direction (-> or <-)",
                    rel.pos,
                ));
            }
        }
        let props = rel.props.as_ref().map(|p| self.expr(p)).transpose()?;
        let types = rel.types.iter().map(|t| Arc::from(t.as_str())).collect();
        let length = rel.length.map(|(min, max)| (min.unwrap_or(1), max));
        let kind = if length.is_some() {
            VarKind::RelList
        } else {
            VarKind::Rel
        };
        let (slot, bound) = match &rel.var {
            Some(v) => {
                if rels_here.contains(&v.name) {
                    return Err(err(
                        "RelationshipUniquenessViolation",
                        format!("relationship `{}` appears twice in one pattern", v.name),
                        v.pos,
                    ));
                }
                rels_here.push(v.name.clone());
                match self.lookup(&v.name).cloned() {
                    Some(var) => {
                        if usage != PatternUse::Match {
                            return Err(err(
                                "VariableAlreadyBound",
                                format!("variable `{}` is already bound", v.name),
                                v.pos,
                            ));
                        }
                        // A variable-length pattern may take a list of
                        // relationships bound before.
                        let fits = var.kind == kind
                            || var.kind == VarKind::Value
                            || (kind == VarKind::RelList && var.kind == VarKind::List);
                        if !fits {
                            return Err(err(
                                "VariableTypeConflict",
                                format!("variable `{}` is not a relationship", v.name),
                                v.pos,
                            ));
                        }
                        (var.slot, var.slot < self.pattern_start)
                    }
                    None => (self.bind(&v.name, kind), false),
                }
            }
            None => (self.bind(" anonymous", kind), false),
        };
        Ok(CRel {
            slot,
            bound,
            types,
            direction: rel.direction,
            length,
            props,
            text: Arc::from(rel.to_string()),
            pos: rel.pos,
        })
    }

    /// Compile an expression. It recurses once per level of the tree, so
    /// it keeps a small stack frame: the cases with locals of their own
    /// live in helpers.
    /// Compile an expression. Each kind is compiled by a method of its
    /// own: this one recurses once per level of the tree, and a debug
    /// build keeps every arm's temporaries in its frame otherwise.
    fn expr(&mut self, e: &Expr) -> Result<CExpr> {
        let kind = super::deep(|| self.expr_here(e))?;
        Ok(CExpr::new(kind, e.pos))
    }

    fn expr_here(&mut self, e: &Expr) -> Result<CExprKind> {
        match &e.kind {
            ExprKind::Literal(v) => Ok(CExprKind::Const(v.clone())),
            ExprKind::BadLiteral { code, text } => {
                Err(err(code, format!("`{text}` is out of range"), e.pos))
            }
            ExprKind::Param(name) => Ok(CExprKind::Param(Arc::from(name.as_str()))),
            ExprKind::Var(v) => Ok(CExprKind::Slot(self.var_slot(v)?)),
            ExprKind::Property(base, key) => self.property_expr(base, key),
            ExprKind::Index(..) | ExprKind::HasLabels(..) | ExprKind::IsNull(..) => {
                self.postfix_expr(e)
            }
            ExprKind::Slice(base, from, to) => self.slice_expr(base, from, to),
            ExprKind::List(items) => self.list_expr(items),
            ExprKind::Map(entries) => self.map_expr(entries),
            ExprKind::MapProjection(var, items) => self.map_projection_expr(var, items),
            ExprKind::Unary(..) | ExprKind::Binary(..) => self.operator_expr(e),
            ExprKind::Compare(first, rest) => self.compare_expr(first, rest),
            ExprKind::CountStar => self.aggregate(e, AggFunc::Count, false, None, None),
            ExprKind::Call { .. } => self.call_expr(e),
            ExprKind::Case {
                subject,
                alternatives,
                default,
            } => self.case_expr(subject, alternatives, default),
            ExprKind::ListComprehension { .. } => self.list_comprehension_expr(e),
            ExprKind::Quantified { .. } => self.quantified_expr(e),
            ExprKind::Reduce { .. } => self.reduce_expr(e),
            ExprKind::Pattern(_)
            | ExprKind::ExistsQuery(_)
            | ExprKind::Exists(..)
            | ExprKind::PatternComprehension { .. } => self.pattern_expr(e),
        }
    }

    fn postfix_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        Ok(match &e.kind {
            ExprKind::Index(base, idx) => {
                CExprKind::Index(Box::new(self.expr(base)?), Box::new(self.expr(idx)?))
            }
            ExprKind::HasLabels(base, labels) => CExprKind::HasLabels(
                Box::new(self.expr(base)?),
                labels.iter().map(|l| Arc::from(l.as_str())).collect(),
            ),
            ExprKind::IsNull(inner, not) => CExprKind::IsNull(Box::new(self.expr(inner)?), *not),
            _ => unreachable!("postfix_expr takes index, label and null tests"),
        })
    }

    fn property_expr(&mut self, base: &Expr, key: &str) -> Result<CExprKind> {
        if let Some(k) = self.static_kind(base)
            && !matches!(k, VarKind::Map | VarKind::Node | VarKind::Rel)
        {
            // openCypher: a syntax error for a path, a type error
            // for other values.
            let class = if k == VarKind::Path {
                ErrorClass::SyntaxError
            } else {
                ErrorClass::TypeError
            };
            return Err(QueryError::compile(
                class,
                "InvalidArgumentType",
                format!("cannot read property `{key}` of a {}", k.type_name()),
            )
            .at(base.pos));
        }
        Ok(CExprKind::Property(
            Box::new(self.expr(base)?),
            Arc::from(key),
        ))
    }

    fn slice_expr(
        &mut self,
        base: &Expr,
        from: &Option<Box<Expr>>,
        to: &Option<Box<Expr>>,
    ) -> Result<CExprKind> {
        Ok(CExprKind::Slice(
            Box::new(self.expr(base)?),
            from.as_ref()
                .map(|f| self.expr(f).map(Box::new))
                .transpose()?,
            to.as_ref()
                .map(|t| self.expr(t).map(Box::new))
                .transpose()?,
        ))
    }

    fn list_expr(&mut self, items: &[Expr]) -> Result<CExprKind> {
        let items = items
            .iter()
            .map(|i| self.expr(i))
            .collect::<Result<Vec<_>>>()?;
        Ok(fold_constant_list(items))
    }

    fn map_expr(&mut self, entries: &[(String, Expr)]) -> Result<CExprKind> {
        let mut out = Vec::new();
        for (k, v) in entries {
            out.push((Arc::from(k.as_str()), self.expr(v)?));
        }
        Ok(CExprKind::Map(out))
    }

    fn map_projection_expr(
        &mut self,
        var: &Ident,
        items: &[ast::MapProjectionItem],
    ) -> Result<CExprKind> {
        let slot = self.var_slot(var)?;
        let mut out = Vec::new();
        for item in items {
            out.push(match item {
                ast::MapProjectionItem::AllProperties => CMapItem::AllProperties,
                ast::MapProjectionItem::Property(k) => CMapItem::Property(Arc::from(k.as_str())),
                ast::MapProjectionItem::Literal(k, e) => {
                    CMapItem::Entry(Arc::from(k.as_str()), self.expr(e)?)
                }
                ast::MapProjectionItem::Variable(v) => {
                    let slot = CExprKind::Slot(self.var_slot(v)?);
                    CMapItem::Entry(Arc::from(v.name.as_str()), CExpr::new(slot, v.pos))
                }
            });
        }
        Ok(CExprKind::MapProjection(slot, out))
    }

    fn operator_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        self.check_operands(e)?;
        Ok(match &e.kind {
            ExprKind::Unary(op, inner) => {
                let c = Box::new(self.expr(inner)?);
                match op {
                    UnaryOp::Not => CExprKind::Not(c),
                    UnaryOp::Neg => CExprKind::Neg(c),
                    UnaryOp::Plus => CExprKind::Plus(c),
                }
            }
            ExprKind::Binary(first, rest) => {
                let first = Box::new(self.expr(first)?);
                let rest = rest
                    .iter()
                    .map(|(op, at, operand)| Ok((*op, *at, self.expr(operand)?)))
                    .collect::<Result<_>>()?;
                CExprKind::Binary(first, rest)
            }
            _ => unreachable!("operator_expr takes operators"),
        })
    }

    fn compare_expr(&mut self, first: &Expr, rest: &[(CmpOp, Expr)]) -> Result<CExprKind> {
        let first = Box::new(self.expr(first)?);
        let rest = rest
            .iter()
            .map(|(op, e)| Ok((*op, self.expr(e)?)))
            .collect::<Result<_>>()?;
        Ok(CExprKind::Compare(first, rest))
    }

    fn call_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        let ExprKind::Call {
            name,
            distinct,
            args,
        } = &e.kind
        else {
            unreachable!("call_expr takes calls")
        };
        let lower = name.to_ascii_lowercase();
        if let Some(func) = aggregate_function(&lower) {
            let expected = if matches!(func, AggFunc::PercentileCont | AggFunc::PercentileDisc) {
                2
            } else {
                1
            };
            if args.len() != expected {
                return Err(err(
                    "InvalidNumberOfArguments",
                    format!("{name}() takes {expected} argument(s), got {}", args.len()),
                    e.pos,
                ));
            }
            return self.aggregate(e, func, *distinct, args.first(), args.get(1));
        }
        let func = Func::lookup(&lower).ok_or_else(|| {
            err(
                "UnknownFunction",
                format!("unknown function `{name}`"),
                e.pos,
            )
        })?;
        let (min, max) = func.arity();
        if args.len() < min || args.len() > max {
            return Err(err(
                "InvalidNumberOfArguments",
                format!(
                    "{name}() takes {} argument(s), got {}",
                    arity_text(min, max),
                    args.len()
                ),
                e.pos,
            ));
        }
        let compiled = args.iter().map(|a| self.expr(a)).collect::<Result<_>>()?;
        if let Some(first) = args.first()
            && let Some(t) = self.static_kind(first).map(VarKind::type_name)
            && !func.accepts_first(t)
        {
            return Err(err(
                "InvalidArgumentType",
                format!("{name}() does not take a {t}"),
                e.pos,
            ));
        }
        Ok(CExprKind::Call(func, compiled))
    }

    fn case_expr(
        &mut self,
        subject: &Option<Box<Expr>>,
        alternatives: &[(Expr, Expr)],
        default: &Option<Box<Expr>>,
    ) -> Result<CExprKind> {
        let subject = subject
            .as_ref()
            .map(|s| self.expr(s).map(Box::new))
            .transpose()?;
        let mut alts = Vec::new();
        for (w, t) in alternatives {
            alts.push((self.expr(w)?, self.expr(t)?));
        }
        let default = default
            .as_ref()
            .map(|d| self.expr(d).map(Box::new))
            .transpose()?;
        Ok(CExprKind::Case(subject, alts, default))
    }

    /// `[x IN list WHERE f | m]`: a list, and a variable bound to each
    /// element in a scope of its own.
    fn list_comprehension_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        let ExprKind::ListComprehension {
            var,
            list,
            filter,
            map,
        } = &e.kind
        else {
            unreachable!("list_comprehension_expr takes list comprehensions")
        };
        let elem = self.element_kind(list);
        let list = Box::new(self.expr(list)?);
        let saved = self.scope.len();
        let slot = self.bind(&var.name, elem);
        let filter = self.optional_predicate(filter);
        let map = match map {
            Some(m) => self
                .without_aggregates(|c| c.expr(m))
                .map(|m| Some(Box::new(m))),
            None => Ok(None),
        };
        self.scope.truncate(saved);
        Ok(CExprKind::ListComprehension(slot, list, filter?, map?))
    }

    /// `all(x IN list WHERE f)` and friends.
    fn quantified_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        let ExprKind::Quantified {
            kind,
            var,
            list,
            filter,
        } = &e.kind
        else {
            unreachable!("quantified_expr takes quantifiers")
        };
        let elem = self.element_kind(list);
        let list = Box::new(self.expr(list)?);
        let saved = self.scope.len();
        let slot = self.bind(&var.name, elem);
        let filter = self.optional_predicate(filter);
        self.scope.truncate(saved);
        Ok(CExprKind::Quantified(*kind, slot, list, filter?))
    }

    /// `reduce(acc = init, x IN list | step)`.
    fn reduce_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        let ExprKind::Reduce {
            acc,
            init,
            var,
            list,
            expr,
        } = &e.kind
        else {
            unreachable!("reduce_expr takes reduce")
        };
        let init = Box::new(self.expr(init)?);
        let list = Box::new(self.expr(list)?);
        let saved = self.scope.len();
        let acc_slot = self.bind(&acc.name, VarKind::Value);
        let var_slot = self.bind(&var.name, VarKind::Value);
        let step = self.without_aggregates(|c| c.expr(expr));
        self.scope.truncate(saved);
        Ok(CExprKind::Reduce(
            acc_slot,
            init,
            var_slot,
            list,
            Box::new(step?),
        ))
    }

    fn optional_predicate(&mut self, filter: &Option<Box<Expr>>) -> Result<Option<Box<CExpr>>> {
        match filter {
            Some(f) => Ok(Some(Box::new(self.predicate(f)?))),
            None => Ok(None),
        }
    }

    /// Patterns in expressions: predicates, `EXISTS { }`, comprehensions.
    fn pattern_expr(&mut self, e: &Expr) -> Result<CExprKind> {
        Ok(match &e.kind {
            ExprKind::Pattern(part) => {
                if !self.in_where {
                    return Err(err(
                        "UnexpectedSyntax",
                        format!(
                            "a pattern can only be a predicate in WHERE; use EXISTS {{ {part} }} or a pattern comprehension"
                        ),
                        e.pos,
                    ));
                }
                let saved = self.scope.len();
                let pattern = self.predicate_pattern(part);
                self.scope.truncate(saved);
                CExprKind::Exists(Box::new(pattern?), None)
            }
            ExprKind::ExistsQuery(q) => {
                // The subquery sees the variables in scope, in the same
                // slots; its own start above them.
                let inner = Compiler {
                    scope: self.scope.clone(),
                    width: self.width,
                    subquery: true,
                    ..Compiler::default()
                };
                CExprKind::ExistsQuery(Box::new(inner.single(q)?))
            }
            ExprKind::Exists(part, filter) => {
                let saved = self.scope.len();
                let result = (|| {
                    let pattern = self.pattern(std::slice::from_ref(part), PatternUse::Match)?;
                    let filter = filter
                        .as_ref()
                        .map(|f| self.predicate(f).map(Box::new))
                        .transpose()?;
                    Ok(CExprKind::Exists(Box::new(pattern), filter))
                })();
                self.scope.truncate(saved);
                result?
            }
            ExprKind::PatternComprehension {
                pattern,
                filter,
                map,
            } => {
                let saved = self.scope.len();
                let result = (|| {
                    let pattern =
                        self.pattern(std::slice::from_ref(pattern.as_ref()), PatternUse::Match)?;
                    let filter = filter
                        .as_ref()
                        .map(|f| self.predicate(f).map(Box::new))
                        .transpose()?;
                    let map = Box::new(self.without_aggregates(|c| c.expr(map))?);
                    Ok(CExprKind::PatternComprehension(
                        Box::new(pattern),
                        filter,
                        map,
                    ))
                })();
                self.scope.truncate(saved);
                result?
            }
            _ => unreachable!("pattern_expr takes patterns"),
        })
    }

    /// Compile a scope of its own (a comprehension's body), where
    /// aggregates are not allowed.
    fn without_aggregates<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let saved = self.aggregates.take();
        let result = f(self);
        self.aggregates = saved;
        result
    }

    /// A pattern used as a predicate may not introduce named variables.
    fn predicate_pattern(&mut self, part: &ast::PatternPart) -> Result<CPattern> {
        for node in part.nodes() {
            if let Some(v) = &node.var
                && self.lookup(&v.name).is_none()
            {
                return Err(err(
                    "UndefinedVariable",
                    format!(
                        "variable `{}` is not defined (a pattern predicate cannot introduce variables)",
                        v.name
                    ),
                    v.pos,
                ));
            }
        }
        for (rel, _) in &part.chain {
            if let Some(v) = &rel.var
                && self.lookup(&v.name).is_none()
            {
                return Err(err(
                    "UndefinedVariable",
                    format!(
                        "variable `{}` is not defined (a pattern predicate cannot introduce variables)",
                        v.name
                    ),
                    v.pos,
                ));
            }
        }
        self.pattern(std::slice::from_ref(part), PatternUse::Match)
    }

    fn aggregate(
        &mut self,
        e: &Expr,
        func: AggFunc,
        distinct: bool,
        arg: Option<&Expr>,
        arg2: Option<&Expr>,
    ) -> Result<CExprKind> {
        if self.in_aggregate {
            return Err(err(
                "NestedAggregation",
                format!("aggregate `{e}` is nested in another aggregate"),
                e.pos,
            ));
        }
        if self.aggregates.is_none() {
            return Err(err(
                "InvalidAggregation",
                format!("aggregate `{e}` can only be used in WITH or RETURN"),
                e.pos,
            ));
        }
        if calls_rand(e) {
            return Err(err(
                "NonConstantExpression",
                format!("aggregate `{e}` cannot take a random value"),
                e.pos,
            ));
        }
        let key = e.to_string();
        if let Some((_, existing)) = self
            .aggregates
            .as_ref()
            .and_then(|a| a.iter().find(|(k, _)| *k == key))
        {
            return Ok(CExprKind::Slot(existing.slot));
        }
        self.in_aggregate = true;
        let saved = self.aggregates.take();
        let compiled_arg = arg.map(|a| self.expr(a)).transpose();
        let compiled_arg2 = arg2.map(|a| self.expr(a)).transpose();
        self.aggregates = saved;
        self.in_aggregate = false;
        let slot = self.alloc();
        let agg = CAggregate {
            func,
            distinct,
            arg: compiled_arg?,
            arg2: compiled_arg2?,
            slot,
            pos: e.pos,
        };
        if let Some(list) = self.aggregates.as_mut() {
            list.push((key, agg));
        }
        Ok(CExprKind::Slot(slot))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PatternUse {
    Match,
    Create,
    Merge,
}

/// The kind of `a op b` from the kinds of `a` and `b`, when known.
fn binary_kind(op: BinaryOp, ka: Option<VarKind>, kb: Option<VarKind>) -> Option<VarKind> {
    use VarKind as K;
    match op {
        BinaryOp::And
        | BinaryOp::Or
        | BinaryOp::Xor
        | BinaryOp::In
        | BinaryOp::StartsWith
        | BinaryOp::EndsWith
        | BinaryOp::Contains
        | BinaryOp::Regex => Some(K::Bool),
        _ => match (op, ka?, kb?) {
            (BinaryOp::Add, x, y) if x.is_list() || y.is_list() => Some(K::List),
            (BinaryOp::Add, K::String, _) | (BinaryOp::Add, _, K::String) => Some(K::String),
            (BinaryOp::Pow, x, y) if x.is_number() && y.is_number() => Some(K::Float),
            (_, K::Int, K::Int) => Some(K::Int),
            (_, x, y) if x.is_number() && y.is_number() => Some(K::Float),
            _ => None,
        },
    }
}

fn arity_text(min: usize, max: usize) -> String {
    if min == max {
        min.to_string()
    } else if max == usize::MAX {
        format!("at least {min}")
    } else {
        format!("{min} to {max}")
    }
}

fn aggregate_function(name: &str) -> Option<AggFunc> {
    Some(match name {
        "count" => AggFunc::Count,
        "sum" => AggFunc::Sum,
        "avg" => AggFunc::Avg,
        "min" => AggFunc::Min,
        "max" => AggFunc::Max,
        "collect" => AggFunc::Collect,
        "stdev" => AggFunc::StDev,
        "stdevp" => AggFunc::StDevP,
        "percentilecont" => AggFunc::PercentileCont,
        "percentiledisc" => AggFunc::PercentileDisc,
        _ => return None,
    })
}

/// A list literal of constants is itself a constant.
fn fold_constant_list(items: Vec<CExpr>) -> CExprKind {
    if items.iter().all(|i| matches!(i.kind, CExprKind::Const(_))) {
        CExprKind::Const(Value::List(
            items
                .into_iter()
                .map(|i| match i.kind {
                    CExprKind::Const(v) => v,
                    _ => unreachable!(),
                })
                .collect(),
        ))
    } else {
        CExprKind::List(items)
    }
}

/// Variables an expression reads from its scope (not those its own
/// comprehensions bind).
pub fn free_variables(e: &Expr) -> Vec<String> {
    variables_read(e, false)
}

/// Free variables read outside the arguments of aggregate calls.
fn free_variables_outside_aggregates(e: &Expr) -> Vec<String> {
    variables_read(e, true)
}

fn variables_read(e: &Expr, skip_aggregates: bool) -> Vec<String> {
    let mut out = Vec::new();
    walk_free(e, &mut Vec::new(), &mut out, skip_aggregates);
    out
}

fn walk_free(e: &Expr, bound: &mut Vec<String>, out: &mut Vec<String>, skip_aggregates: bool) {
    if skip_aggregates && e.is_aggregate_call() {
        return;
    }
    let go = |e: &Expr, bound: &mut Vec<String>, out: &mut Vec<String>| {
        walk_free(e, bound, out, skip_aggregates)
    };
    let add = |name: &str, bound: &Vec<String>, out: &mut Vec<String>| {
        if !bound.iter().any(|b| b == name) && !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    };
    match &e.kind {
        ExprKind::Var(v) => add(&v.name, bound, out),
        ExprKind::MapProjection(v, items) => {
            add(&v.name, bound, out);
            for item in items {
                match item {
                    ast::MapProjectionItem::Literal(_, e) => go(e, bound, out),
                    ast::MapProjectionItem::Variable(v) => add(&v.name, bound, out),
                    _ => {}
                }
            }
        }
        ExprKind::ListComprehension {
            var,
            list,
            filter,
            map,
        } => {
            go(list, bound, out);
            bound.push(var.name.clone());
            for x in [filter, map].into_iter().flatten() {
                go(x, bound, out);
            }
            bound.pop();
        }
        ExprKind::Quantified {
            var, list, filter, ..
        } => {
            go(list, bound, out);
            bound.push(var.name.clone());
            if let Some(f) = filter {
                go(f, bound, out);
            }
            bound.pop();
        }
        ExprKind::Reduce {
            acc,
            init,
            var,
            list,
            expr,
        } => {
            go(init, bound, out);
            go(list, bound, out);
            bound.push(acc.name.clone());
            bound.push(var.name.clone());
            go(expr, bound, out);
            bound.pop();
            bound.pop();
        }
        ExprKind::ExistsQuery(q) => {
            // Over-approximated: every name the subquery mentions.
            for name in q.mentioned_variables() {
                add(&name, bound, out);
            }
        }
        ExprKind::Pattern(p)
        | ExprKind::Exists(p, _)
        | ExprKind::PatternComprehension { pattern: p, .. } => {
            for n in p.nodes() {
                if let Some(v) = &n.var {
                    add(&v.name, bound, out);
                }
            }
        }
        _ => {
            // Direct children only; the walk's own recursion would
            // miss comprehension scoping.
            let mut children = Vec::new();
            collect_children(e, &mut children);
            for c in children {
                go(c, bound, out);
            }
        }
    }
}

fn collect_children<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match &e.kind {
        ExprKind::Property(a, _)
        | ExprKind::HasLabels(a, _)
        | ExprKind::Unary(_, a)
        | ExprKind::IsNull(a, _) => out.push(a),
        ExprKind::Index(a, b) => {
            out.push(a);
            out.push(b);
        }
        ExprKind::Binary(first, rest) => {
            out.push(first);
            out.extend(rest.iter().map(|(_, _, e)| e));
        }
        ExprKind::Slice(a, b, c) => {
            out.push(a);
            out.extend([b, c].into_iter().flatten().map(|x| &**x));
        }
        ExprKind::List(items) => out.extend(items.iter()),
        ExprKind::Map(entries) => out.extend(entries.iter().map(|(_, v)| v)),
        ExprKind::Compare(a, rest) => {
            out.push(a);
            out.extend(rest.iter().map(|(_, e)| e));
        }
        ExprKind::Call { args, .. } => out.extend(args.iter()),
        ExprKind::Case {
            subject,
            alternatives,
            default,
        } => {
            out.extend(subject.iter().map(|s| &**s));
            for (w, t) in alternatives {
                out.push(w);
                out.push(t);
            }
            out.extend(default.iter().map(|d| &**d));
        }
        _ => {}
    }
}

/// The conjuncts of a condition: the operands of its `AND`s, at any depth
/// of parentheses, or the condition itself.
fn conjuncts(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Binary(first, rest) if rest.iter().all(|(op, ..)| *op == BinaryOp::And) => {
            let mut out = conjuncts(first);
            for (_, _, operand) in rest {
                out.extend(conjuncts(operand));
            }
            out
        }
        _ => vec![e],
    }
}

/// Whether an expression draws a random number.
fn calls_rand(e: &Expr) -> bool {
    let mut found = false;
    e.walk(&mut |x| {
        found |=
            matches!(&x.kind, ExprKind::Call { name, .. } if name.eq_ignore_ascii_case("rand"));
    });
    found
}

/// Where the first part of `e` (in pre-order) that fits `wanted` starts;
/// where `e` starts if none does.
fn first_position(e: &Expr, wanted: impl Fn(&Expr) -> bool) -> Pos {
    let mut found = None;
    e.walk(&mut |x| {
        if found.is_none() && wanted(x) {
            found = Some(x.pos);
        }
    });
    found.unwrap_or(e.pos)
}

fn contains_pattern(e: &Expr) -> bool {
    let mut found = false;
    e.walk(&mut |x| {
        if matches!(
            x.kind,
            ExprKind::Pattern(_) | ExprKind::Exists(..) | ExprKind::PatternComprehension { .. }
        ) {
            found = true;
        }
    });
    found
}

/// The grouping keys of an aggregating projection, as far as an
/// expression mixing them with aggregates may use them: variables, and
/// property lookups on variables (a more complex key cannot be reused).
struct GroupingKeys {
    /// Texts of the keys that are property lookups.
    lookups: Vec<String>,
    /// Names of the keys that are variables (and of usable columns).
    vars: Vec<String>,
}

impl GroupingKeys {
    fn of(items: &[(String, Option<&Expr>, Option<usize>, VarKind)], has_agg: &[bool]) -> Self {
        let mut keys = GroupingKeys {
            lookups: Vec::new(),
            vars: Vec::new(),
        };
        for ((name, e, _, _), agg) in items.iter().zip(has_agg) {
            match (agg, e) {
                (true, _) => {}
                (false, None) => keys.vars.push(name.clone()),
                (
                    false,
                    Some(Expr {
                        kind: ExprKind::Var(v),
                        ..
                    }),
                ) => keys.vars.push(v.name.clone()),
                (false, Some(e)) if is_lookup(e) => keys.lookups.push(e.to_string()),
                _ => {}
            }
        }
        keys
    }

    /// Fails when `e` uses, outside its aggregates, anything but keys
    /// and constants.
    fn check(&self, e: &Expr) -> Result<()> {
        if self.only_keys_outside_aggregates(e) {
            return Ok(());
        }
        Err(err(
            "AmbiguousAggregationExpression",
            format!("`{e}` mixes an aggregate with expressions that are not grouping keys"),
            e.pos,
        ))
    }

    fn only_keys_outside_aggregates(&self, e: &Expr) -> bool {
        if e.is_aggregate_call() || (is_lookup(e) && self.lookups.contains(&e.to_string())) {
            return true;
        }
        match &e.kind {
            ExprKind::Literal(_) | ExprKind::Param(..) => true,
            ExprKind::Var(v) => self.vars.contains(&v.name),
            ExprKind::ListComprehension { .. }
            | ExprKind::Quantified { .. }
            | ExprKind::Reduce { .. }
            | ExprKind::MapProjection(..)
            | ExprKind::Pattern(_)
            | ExprKind::Exists(..)
            | ExprKind::ExistsQuery(_)
            | ExprKind::PatternComprehension { .. } => {
                // Their own variables are local; check the free ones.
                free_variables_outside_aggregates(e)
                    .iter()
                    .all(|v| self.vars.contains(v))
            }
            _ => {
                let mut children = Vec::new();
                collect_children(e, &mut children);
                children
                    .into_iter()
                    .all(|c| self.only_keys_outside_aggregates(c))
            }
        }
    }
}

/// `n`, `n.a`, `n.a.b`: a variable or a chain of property lookups on one.
fn is_lookup(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Var(_) => true,
        ExprKind::Property(base, _) => is_lookup(base),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ast::verified_query;
    use crate::query::parser::parse;

    fn check(q: &str) -> std::result::Result<CompiledQuery, String> {
        let ast = parse(verified_query(q)).map_err(|e| e.code.to_string())?;
        compile(&ast).map_err(|e| e.code.to_string())
    }

    #[test]
    fn semantic_errors_carry_tck_codes() {
        let cases = [
            ("MATCH (a) RETURN b", "UndefinedVariable"),
            ("MATCH (a) CREATE (a)", "VariableAlreadyBound"),
            ("MATCH (a)-[a]->() RETURN a", "VariableTypeConflict"),
            ("MATCH (a) WITH a.name RETURN 1", "NoExpressionAlias"),
            ("RETURN 1 AS a, 2 AS a", "ColumnNameConflict"),
            (
                "MATCH (a) WHERE count(a) > 1 RETURN a",
                "InvalidAggregation",
            ),
            ("RETURN count(count(*))", "NestedAggregation"),
            ("MATCH (a) RETURN a LIMIT a.x", "NonConstantExpression"),
            ("RETURN 1 SKIP -1", "NegativeIntegerArgument"),
            ("RETURN 1 LIMIT 1.5", "InvalidArgumentType"),
            ("CREATE ()-[:T]-()", "RequiresDirectedRelationship"),
            ("CREATE ()-[:A|B]->()", "NoSingleRelationshipType"),
            ("CREATE ()-[:T*2]->()", "CreatingVarLength"),
            ("RETURN nosuch(1)", "UnknownFunction"),
            (
                "MATCH (a)-[r]->()-[r]->() RETURN r",
                "RelationshipUniquenessViolation",
            ),
            (
                "RETURN 1 AS a UNION RETURN 2 AS b",
                "DifferentColumnsInUnion",
            ),
            (
                "MATCH (n) RETURN n.x + count(*)",
                "AmbiguousAggregationExpression",
            ),
            (
                "MATCH (n) RETURN n UNION RETURN 1 AS n UNION ALL RETURN 2 AS n",
                "InvalidClauseComposition",
            ),
            ("MATCH (n)", "InvalidClauseComposition"),
            ("RETURN *", "NoVariablesInScope"),
            (
                "MATCH (n {x: $p})-[r $q]->() RETURN n",
                "InvalidParameterUse",
            ),
            ("RETURN NOT 1", "InvalidArgumentType"),
            ("RETURN 'a' % 2", "InvalidArgumentType"),
            ("RETURN [1] AND true", "InvalidArgumentType"),
            (
                "RETURN none(x IN ['a'] WHERE x % 2 = 0)",
                "InvalidArgumentType",
            ),
            ("WITH 1 AS x RETURN x.num", "InvalidArgumentType"),
            ("WITH 1 AS n MATCH (n) RETURN n", "VariableTypeConflict"),
            (
                "WITH [1] AS r MATCH ()-[r]->() RETURN r",
                "VariableTypeConflict",
            ),
            (
                "MATCH (p)-->() MATCH p = ()-->() RETURN p",
                "VariableAlreadyBound",
            ),
            ("MATCH ()-[r]->() CREATE ()-[r]->()", "VariableAlreadyBound"),
            ("RETURN 1 IN 2", "InvalidArgumentType"),
            ("MATCH (n) WHERE (n) RETURN n", "InvalidArgumentType"),
            ("MATCH (n) RETURN (n)-->()", "UnexpectedSyntax"),
            ("MATCH (n) RETURN size((n)-->())", "UnexpectedSyntax"),
            ("MATCH () DELETE 1 + 1", "InvalidArgumentType"),
            ("MATCH (n) DELETE n:L", "InvalidDelete"),
            ("RETURN count(rand())", "NonConstantExpression"),
            ("RETURN [x IN [1, 2] | count(*)]", "InvalidAggregation"),
            (
                "MATCH (a)--(b) RETURN a.x + b.x, a.x + b.x + count(*)",
                "AmbiguousAggregationExpression",
            ),
            (
                "MATCH (a)--(b) RETURN count(*) AS c ORDER BY a.x + count(*)",
                "UndefinedVariable",
            ),
            (
                "MATCH (a)--(b) WITH a.x + b.x, count(*) AS c ORDER BY a.x + b.x + count(*) RETURN c",
                "AmbiguousAggregationExpression",
            ),
        ];
        for (q, code) in cases {
            assert_eq!(check(q).err().as_deref(), Some(code), "{q}");
        }
    }

    /// Compile-time errors point at what raised them: the caret goes under
    /// the last occurrence of the marker.
    #[test]
    fn compile_errors_point_at_what_raised_them() {
        let cases = [
            ("WITH 1 AS n RETURN n + 1 - {a: 1}", "- {a"),
            ("RETURN 1 MATCH (n) RETURN n", "MATCH"),
            ("MATCH (n) SET n.x = 1 WITH n", "WITH"),
            ("RETURN 1 AS a UNION RETURN 2 AS b", "RETURN"),
            (
                "RETURN 1 AS a UNION RETURN 1 AS a UNION ALL RETURN 1 AS a",
                "RETURN",
            ),
            (
                "MATCH (n) RETURN n.name, count(*) ORDER BY n.kind",
                "n.kind",
            ),
            ("MATCH (n) RETURN n.name ORDER BY 1 + count(*)", "count"),
            ("MATCH (a) WHERE a.x > count(a) RETURN a", "count"),
            ("WITH 1 AS x MATCH (a) WHERE x + 1 RETURN a", "x + 1"),
            ("RETURN 1 AS a, 2 AS a", "2 AS"),
            ("MATCH (a) WITH a.name RETURN 1", "a.name"),
            ("RETURN 1 SKIP -1", "-1"),
            ("MATCH (a) RETURN a LIMIT a.x", "a.x"),
            ("MATCH (n) RETURN (n)-->()", "(n)-->"),
            ("MATCH (n) DELETE n:L", "n:L"),
            ("MATCH () DELETE 1 + 1", "1 + 1"),
            ("RETURN count(count(*))", "count(*)"),
            ("RETURN NOT 1", "NOT"),
            ("WITH 1 AS x RETURN x.num", "x.num"),
            ("MATCH (n) RETURN n.x + count(*)", "n.x +"),
            (
                "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n",
                "SET",
            ),
        ];
        for (q, marker) in cases {
            let e = parse(verified_query(q))
                .and_then(|ast| compile(&ast))
                .map(|_| panic!("{q} compiles"))
                .unwrap_err();
            let expected = q.rfind(marker).expect("the marker is in the query");
            assert_eq!(e.pos, Some(expected), "{q}: {}", e.render(q));
        }
    }

    #[test]
    fn valid_queries_compile() {
        for q in [
            "MATCH (a:Actor)-[r:SUPPORTS]->(m) WHERE r.hedged = false RETURN a.name, count(*) AS n ORDER BY n DESC",
            "MATCH (n) RETURN n.name ORDER BY n.name",
            "MATCH (n) WITH n ORDER BY n.x RETURN n",
            "UNWIND [1, 2] AS x RETURN x, [y IN range(1, x) | y * 2] AS ys",
            "MATCH (n) RETURN count(*) ORDER BY count(*)",
            "MATCH (n) RETURN n.x AS x, count(*) + 1 AS c",
            "CREATE (a)-[:T]->(b) MERGE (a)-[:U]->(c) SET c.x = 1 RETURN a",
            "CREATE (a {x: 1}), (b), (a)-[:T]->(b)",
            "WITH [1] AS l, 2 AS x RETURN l + x, 'a' + x, x + 1.5, NOT (x > 1)",
            "MATCH ()-[r1]->()-[r2]->() WITH [r1, r2] AS rs MATCH ()-[rs*]->() RETURN 1",
            "MATCH (n) WHERE (n)-->() AND NOT (n)<--() RETURN n",
            "MATCH (a) RETURN a.x, a.x + count(*), size([x IN collect(a) WHERE x <> null])",
            "MATCH () CREATE () WITH * CREATE ()",
            "MATCH (n) RETURN -(1 + count(*)), [x IN collect(n) | x]",
        ] {
            if let Err(e) = check(q) {
                panic!("{q}: {e}");
            }
        }
    }
}
