//! The query AST: what the parser builds and the semantic pass checks.
//! `Display` prints canonical query text that parses back to the same tree.

use std::fmt::{self, Display, Formatter, Write};

use crate::value::{Value, format_key};

/// A position in the query text (a byte offset), for error messages.
///
/// A position says where a tree came from, not what it is: any two
/// positions are equal, so `==` on the AST compares structure only (a query
/// and its printed text parse to equal trees although every offset differs).
#[derive(Debug, Clone, Copy, Default)]
pub struct Pos(pub usize);

impl PartialEq for Pos {
    fn eq(&self, _: &Pos) -> bool {
        true
    }
}

impl Eq for Pos {}

impl From<Pos> for usize {
    fn from(p: Pos) -> usize {
        p.0
    }
}

/// A whole query: one or more single queries joined by `UNION`.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The first single query.
    pub first: SingleQuery,
    /// Further parts: `UNION` (false) or `UNION ALL` (true), and the query.
    pub unions: Vec<(bool, SingleQuery)>,
}

/// A sequence of clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleQuery {
    /// The clauses, in order.
    pub clauses: Vec<Clause>,
}

/// One clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// `[OPTIONAL] MATCH pattern [WHERE expr]`
    Match {
        /// `OPTIONAL MATCH`.
        optional: bool,
        /// The pattern.
        pattern: Vec<PatternPart>,
        /// The filter.
        filter: Option<Expr>,
        /// Where the clause starts.
        pos: Pos,
    },
    /// `UNWIND expr AS var`
    Unwind {
        /// The list.
        expr: Expr,
        /// The variable bound to each element.
        var: Ident,
        /// Where the clause starts.
        pos: Pos,
    },
    /// `WITH projection [WHERE expr]`
    With {
        /// What is carried on.
        projection: Projection,
        /// The filter on the projected rows.
        filter: Option<Expr>,
    },
    /// `RETURN projection`
    Return(Projection),
    /// `CREATE pattern`, and where the clause starts.
    Create(Vec<PatternPart>, Pos),
    /// `MERGE part [ON MATCH SET ...] [ON CREATE SET ...]`
    Merge {
        /// The pattern that must exist.
        part: PatternPart,
        /// Set when the pattern was found.
        on_match: Vec<SetItem>,
        /// Set when the pattern was created.
        on_create: Vec<SetItem>,
        /// Where the clause starts.
        pos: Pos,
    },
    /// `SET items`, and where the clause starts.
    Set(Vec<SetItem>, Pos),
    /// `REMOVE items`, and where the clause starts.
    Remove(Vec<RemoveItem>, Pos),
    /// `[DETACH] DELETE exprs`
    Delete {
        /// `DETACH DELETE`.
        detach: bool,
        /// What to delete.
        exprs: Vec<Expr>,
        /// Where the clause starts.
        pos: Pos,
    },
    /// `CALL proc(args) [YIELD ...]`: parsed so that it can be refused with
    /// a precise error; newsgraph has no procedures.
    Call {
        /// The procedure name.
        name: String,
        /// Where it was written.
        pos: Pos,
    },
}

impl Clause {
    /// Where the clause starts.
    pub fn pos(&self) -> Pos {
        match self {
            Clause::With { projection: p, .. } | Clause::Return(p) => p.pos,
            Clause::Match { pos, .. }
            | Clause::Unwind { pos, .. }
            | Clause::Create(_, pos)
            | Clause::Merge { pos, .. }
            | Clause::Set(_, pos)
            | Clause::Remove(_, pos)
            | Clause::Delete { pos, .. }
            | Clause::Call { pos, .. } => *pos,
        }
    }
}

/// A variable name with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The name.
    pub name: String,
    /// Where it was written.
    pub pos: Pos,
}

/// The body of `WITH` and `RETURN`.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// `DISTINCT`.
    pub distinct: bool,
    /// `*`: every variable in scope.
    pub star: bool,
    /// The listed items.
    pub items: Vec<ProjectionItem>,
    /// `ORDER BY`.
    pub order_by: Vec<SortItem>,
    /// `SKIP`.
    pub skip: Option<Expr>,
    /// `LIMIT`.
    pub limit: Option<Expr>,
    /// Where the clause starts.
    pub pos: Pos,
}

/// One projected expression.
///
/// Two items are equal when they compute the same expression under the
/// same column name, however the name came about: `count( * )` and
/// ``count(*) AS `count( * )` `` are the same item.
#[derive(Debug, Clone)]
pub struct ProjectionItem {
    /// The expression.
    pub expr: Expr,
    /// `AS alias`.
    pub alias: Option<Ident>,
    /// The expression's source text: the column name when there is no alias.
    pub text: String,
}

impl ProjectionItem {
    /// The column name: the alias, the variable, or the expression's
    /// source text.
    pub fn name(&self) -> &str {
        match (&self.alias, &self.expr.kind) {
            (Some(a), _) => &a.name,
            (None, ExprKind::Var(v)) => &v.name,
            (None, _) => &self.text,
        }
    }
}

impl PartialEq for ProjectionItem {
    fn eq(&self, other: &ProjectionItem) -> bool {
        self.expr == other.expr && self.name() == other.name()
    }
}

/// One `ORDER BY` key.
#[derive(Debug, Clone, PartialEq)]
pub struct SortItem {
    /// The key.
    pub expr: Expr,
    /// Descending order.
    pub descending: bool,
}

/// One `SET` item.
#[derive(Debug, Clone, PartialEq)]
pub enum SetItem {
    /// `target.key = value`
    Property {
        /// The element whose property is set.
        target: Expr,
        /// The property key.
        key: String,
        /// The new value.
        value: Expr,
    },
    /// `var = map`: replace all properties.
    Replace {
        /// The element.
        var: Ident,
        /// The new properties.
        value: Expr,
    },
    /// `var += map`: add properties.
    Merge {
        /// The element.
        var: Ident,
        /// The properties to add.
        value: Expr,
    },
    /// `var:Label:Other`
    Labels {
        /// The node.
        var: Ident,
        /// The labels to add.
        labels: Vec<String>,
    },
}

/// One `REMOVE` item.
#[derive(Debug, Clone, PartialEq)]
pub enum RemoveItem {
    /// `target.key`
    Property {
        /// The element.
        target: Expr,
        /// The property key.
        key: String,
    },
    /// `var:Label`
    Labels {
        /// The node.
        var: Ident,
        /// The labels to remove.
        labels: Vec<String>,
    },
}

/// One comma-separated part of a pattern, optionally named as a path.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternPart {
    /// `p = ...`
    pub path_var: Option<Ident>,
    /// The first node.
    pub start: NodePattern,
    /// Relationships and the nodes they lead to.
    pub chain: Vec<(RelPattern, NodePattern)>,
}

/// `(var:Label {props})`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodePattern {
    /// The variable.
    pub var: Option<Ident>,
    /// Required labels.
    pub labels: Vec<String>,
    /// Required properties: a map literal or a parameter.
    pub props: Option<Expr>,
    /// Where it was written.
    pub pos: Pos,
}

/// Which way a relationship pattern points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternDirection {
    /// `-->`
    Right,
    /// `<--`
    Left,
    /// `--` (or `<-->`)
    Either,
}

/// `-[var:TYPE|OTHER*1..3 {props}]->`
#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    /// The variable.
    pub var: Option<Ident>,
    /// Allowed types (any when empty).
    pub types: Vec<String>,
    /// Direction.
    pub direction: PatternDirection,
    /// Variable length: `(min, max)` hops; `None` for a single hop.
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// Required properties.
    pub props: Option<Expr>,
    /// Where it was written.
    pub pos: Pos,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `OR`
    Or,
    /// `XOR`
    Xor,
    /// `AND`
    And,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `^`
    Pow,
    /// `IN`
    In,
    /// `STARTS WITH`
    StartsWith,
    /// `ENDS WITH`
    EndsWith,
    /// `CONTAINS`
    Contains,
    /// `=~`
    Regex,
}

impl BinaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "OR",
            BinaryOp::Xor => "XOR",
            BinaryOp::And => "AND",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "^",
            BinaryOp::In => "IN",
            BinaryOp::StartsWith => "STARTS WITH",
            BinaryOp::EndsWith => "ENDS WITH",
            BinaryOp::Contains => "CONTAINS",
            BinaryOp::Regex => "=~",
        }
    }

    /// Binding strength: higher binds tighter (comparisons are 5).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::Xor => 2,
            BinaryOp::And => 3,
            BinaryOp::Regex => 5,
            BinaryOp::In | BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains => 6,
            BinaryOp::Add | BinaryOp::Sub => 7,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 8,
            BinaryOp::Pow => 9,
        }
    }
}

/// Comparison operators (they chain: `a < b < c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `<>`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "<>",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `NOT`
    Not,
    /// `-`
    Neg,
    /// `+`
    Plus,
}

/// `all`, `any`, `none`, `single`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantifier {
    /// Every element satisfies the predicate.
    All,
    /// At least one does.
    Any,
    /// None does.
    None,
    /// Exactly one does.
    Single,
}

impl Quantifier {
    /// The keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Quantifier::All => "all",
            Quantifier::Any => "any",
            Quantifier::None => "none",
            Quantifier::Single => "single",
        }
    }
}

/// One item of a map projection `n{.a, b: 1, .*, v}`.
#[derive(Debug, Clone, PartialEq)]
pub enum MapProjectionItem {
    /// `.*`
    AllProperties,
    /// `.key`
    Property(String),
    /// `key: expr`
    Literal(String, Expr),
    /// `var`
    Variable(Ident),
}

/// An expression and where it starts in the query text.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it starts.
    pub pos: Pos,
}

impl Expr {
    /// An expression starting at `pos`.
    pub fn new(kind: ExprKind, pos: Pos) -> Expr {
        Expr { kind, pos }
    }
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Literal(Value),
    /// A literal that could not be read: the semantic pass reports it.
    BadLiteral {
        /// The error code (`IntegerOverflow`, `InvalidNumberLiteral`, ...).
        code: &'static str,
        /// The literal text.
        text: String,
    },
    /// `$name`
    Param(String),
    /// A variable.
    Var(Ident),
    /// `expr.key`
    Property(Box<Expr>, String),
    /// `expr[index]`
    Index(Box<Expr>, Box<Expr>),
    /// `expr[from..to]`
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `expr:Label:Other`
    HasLabels(Box<Expr>, Vec<String>),
    /// `[a, b]`
    List(Vec<Expr>),
    /// `{k: v}`
    Map(Vec<(String, Expr)>),
    /// `n{.a, b: 1}`
    MapProjection(Ident, Vec<MapProjectionItem>),
    /// `NOT e`, `-e`, `+e`
    Unary(UnaryOp, Box<Expr>),
    /// `a op b op c ...`: operators of one precedence level applied left to
    /// right, each with its position and right operand. A chain is one node
    /// however long it is, so a flat run of operators is not nesting, and
    /// the first operand is never itself a chain of the same level.
    Binary(Box<Expr>, Vec<(BinaryOp, Pos, Expr)>),
    /// `a < b <= c`: each comparison against the previous operand.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `e IS NULL` (false) or `e IS NOT NULL` (true).
    IsNull(Box<Expr>, bool),
    /// `name(DISTINCT? args)`
    Call {
        /// The function name as written.
        name: String,
        /// `DISTINCT` (aggregates only).
        distinct: bool,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// `count(*)`
    CountStar,
    /// `CASE [subject] WHEN .. THEN .. [ELSE ..] END`
    Case {
        /// The value compared with each `WHEN` (simple form).
        subject: Option<Box<Expr>>,
        /// `WHEN` and `THEN`.
        alternatives: Vec<(Expr, Expr)>,
        /// `ELSE`.
        default: Option<Box<Expr>>,
    },
    /// `[var IN list WHERE pred | map]`
    ListComprehension {
        /// The element variable.
        var: Ident,
        /// The list.
        list: Box<Expr>,
        /// The filter.
        filter: Option<Box<Expr>>,
        /// The mapping.
        map: Option<Box<Expr>>,
    },
    /// `[p = (a)-->(b) WHERE pred | expr]`
    PatternComprehension {
        /// The pattern (with its optional path variable).
        pattern: Box<PatternPart>,
        /// The filter.
        filter: Option<Box<Expr>>,
        /// The mapping.
        map: Box<Expr>,
    },
    /// `all(var IN list WHERE pred)` and friends.
    Quantified {
        /// Which quantifier.
        kind: Quantifier,
        /// The element variable.
        var: Ident,
        /// The list.
        list: Box<Expr>,
        /// The predicate.
        filter: Option<Box<Expr>>,
    },
    /// `reduce(acc = init, var IN list | expr)`
    Reduce {
        /// The accumulator.
        acc: Ident,
        /// Its initial value.
        init: Box<Expr>,
        /// The element variable.
        var: Ident,
        /// The list.
        list: Box<Expr>,
        /// The step.
        expr: Box<Expr>,
    },
    /// A pattern used as a predicate: true when it has a match.
    Pattern(Box<PatternPart>),
    /// `EXISTS { pattern [WHERE pred] }`
    Exists(Box<PatternPart>, Option<Box<Expr>>),
    /// `EXISTS { MATCH ... RETURN ... }`: a read-only query, correlated
    /// with the variables in scope, that has at least one row.
    ExistsQuery(Box<SingleQuery>),
}

impl Expr {
    /// Whether this expression calls an aggregate function at any depth
    /// (not counting nested comprehension scopes' own aggregates).
    pub fn contains_aggregate(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            if e.is_aggregate_call() {
                found = true;
            }
        });
        found
    }

    /// Whether this node itself is an aggregate call.
    pub fn is_aggregate_call(&self) -> bool {
        match &self.kind {
            ExprKind::CountStar => true,
            ExprKind::Call { name, .. } => is_aggregate_function(name),
            _ => false,
        }
    }

    /// Visit this expression and all sub-expressions, pre-order.
    pub fn walk(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        self.children(&mut |c| c.walk(f));
    }

    /// Whether the expression tree is more than `limit` levels deep. It
    /// never looks further down than that, so it is safe on any tree.
    pub fn deeper_than(&self, limit: usize) -> bool {
        if limit == 0 {
            return true;
        }
        let mut deeper = false;
        self.children(&mut |c| deeper = deeper || c.deeper_than(limit - 1));
        deeper
    }

    /// Visit the direct sub-expressions (and those of patterns in it).
    pub fn children(&self, f: &mut dyn FnMut(&Expr)) {
        match &self.kind {
            ExprKind::Literal(_)
            | ExprKind::BadLiteral { .. }
            | ExprKind::Param(..)
            | ExprKind::Var(_)
            | ExprKind::CountStar => {}
            ExprKind::Property(e, _)
            | ExprKind::HasLabels(e, _)
            | ExprKind::Unary(_, e)
            | ExprKind::IsNull(e, _) => f(e),
            ExprKind::Index(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Binary(first, rest) => {
                f(first);
                rest.iter().for_each(|(_, _, e)| f(e));
            }
            ExprKind::Slice(a, b, c) => {
                f(a);
                for e in [b, c].into_iter().flatten() {
                    f(e);
                }
            }
            ExprKind::List(items) => items.iter().for_each(f),
            ExprKind::Map(entries) => entries.iter().for_each(|(_, e)| f(e)),
            ExprKind::MapProjection(_, items) => {
                for item in items {
                    if let MapProjectionItem::Literal(_, e) = item {
                        f(e);
                    }
                }
            }
            ExprKind::Compare(first, rest) => {
                f(first);
                rest.iter().for_each(|(_, e)| f(e));
            }
            ExprKind::Call { args, .. } => args.iter().for_each(f),
            ExprKind::Case {
                subject,
                alternatives,
                default,
            } => {
                if let Some(s) = subject {
                    f(s);
                }
                for (w, t) in alternatives {
                    f(w);
                    f(t);
                }
                if let Some(d) = default {
                    f(d);
                }
            }
            ExprKind::ListComprehension {
                list, filter, map, ..
            } => {
                f(list);
                for e in [filter, map].into_iter().flatten() {
                    f(e);
                }
            }
            ExprKind::PatternComprehension {
                pattern,
                filter,
                map,
            } => {
                pattern.walk_exprs_shallow(f);
                if let Some(e) = filter {
                    f(e);
                }
                f(map);
            }
            ExprKind::Quantified { list, filter, .. } => {
                f(list);
                if let Some(e) = filter {
                    f(e);
                }
            }
            ExprKind::Reduce {
                init, list, expr, ..
            } => {
                f(init);
                f(list);
                f(expr);
            }
            ExprKind::Pattern(p) => p.walk_exprs_shallow(f),
            ExprKind::Exists(p, filter) => {
                p.walk_exprs_shallow(f);
                if let Some(e) = filter {
                    f(e);
                }
            }
            // A subquery is a scope of its own (its aggregates are its own).
            ExprKind::ExistsQuery(_) => {}
        }
    }
}

impl SingleQuery {
    /// Every variable name the query mentions, in clauses and patterns
    /// (its own variables as well as those it takes from outside).
    pub fn mentioned_variables(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        };
        let mut exprs: Vec<&Expr> = Vec::new();
        let mut patterns: Vec<&PatternPart> = Vec::new();
        for c in &self.clauses {
            match c {
                Clause::Match {
                    pattern, filter, ..
                } => {
                    patterns.extend(pattern);
                    exprs.extend(filter);
                }
                Clause::Unwind { expr, var, .. } => {
                    exprs.push(expr);
                    add(&var.name);
                }
                Clause::With { projection, filter } => {
                    exprs.extend(projection.items.iter().map(|i| &i.expr));
                    exprs.extend(projection.order_by.iter().map(|s| &s.expr));
                    exprs.extend(filter);
                }
                Clause::Return(projection) => {
                    exprs.extend(projection.items.iter().map(|i| &i.expr));
                    exprs.extend(projection.order_by.iter().map(|s| &s.expr));
                }
                Clause::Create(pattern, _) => patterns.extend(pattern),
                Clause::Merge { part, .. } => patterns.push(part),
                Clause::Delete { exprs: es, .. } => exprs.extend(es),
                Clause::Set(..) | Clause::Remove(..) | Clause::Call { .. } => {}
            }
        }
        for p in patterns {
            let rels = p.chain.iter().filter_map(|(r, _)| r.var.as_ref());
            for v in p
                .path_var
                .iter()
                .chain(p.nodes().filter_map(|n| n.var.as_ref()))
                .chain(rels)
            {
                add(&v.name);
            }
        }
        for e in exprs {
            e.walk(&mut |x| match &x.kind {
                ExprKind::Var(v) | ExprKind::MapProjection(v, _) => add(&v.name),
                ExprKind::ExistsQuery(q) => q.mentioned_variables().iter().for_each(|n| add(n)),
                ExprKind::Pattern(p) | ExprKind::Exists(p, _) => p
                    .nodes()
                    .filter_map(|n| n.var.as_ref())
                    .for_each(|v| add(&v.name)),
                _ => {}
            });
        }
        names
    }
}

impl PatternPart {
    /// Visit the property expressions of the pattern and all their
    /// sub-expressions.
    pub fn walk_exprs(&self, f: &mut dyn FnMut(&Expr)) {
        self.walk_exprs_shallow(&mut |e| e.walk(f));
    }

    /// Visit the property expressions of the pattern.
    pub fn walk_exprs_shallow(&self, f: &mut dyn FnMut(&Expr)) {
        if let Some(p) = &self.start.props {
            f(p);
        }
        for (rel, node) in &self.chain {
            for p in [&rel.props, &node.props].into_iter().flatten() {
                f(p);
            }
        }
    }

    /// The nodes of the pattern, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &NodePattern> {
        std::iter::once(&self.start).chain(self.chain.iter().map(|(_, n)| n))
    }
}

/// Whether `name` (any case) is an aggregate function.
pub fn is_aggregate_function(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "count"
            | "sum"
            | "avg"
            | "min"
            | "max"
            | "collect"
            | "stdev"
            | "stdevp"
            | "percentilecont"
            | "percentiledisc"
    )
}

// ---- Display: canonical text ----

/// Parse `text`, print it, parse the printed text and print that again:
/// both parses must succeed and give equal trees (positions aside), and
/// both printings must be the same text. Returns the canonical text, or
/// what went wrong. Tests run it on every query they parse.
///
/// ```
/// use newsgraph::query::ast::check_round_trip;
/// assert_eq!(
///     check_round_trip("match (n:Actor) return n.name as name").unwrap(),
///     "MATCH (n:Actor) RETURN n.name AS name"
/// );
/// ```
pub fn check_round_trip(text: &str) -> Result<String, String> {
    let ast = super::parser::parse(text).map_err(|e| format!("does not parse: {e}"))?;
    let printed = ast.to_string();
    let again = super::parser::parse(&printed)
        .map_err(|e| format!("the printed text does not parse: {e}\n  printed: {printed}"))?;
    if again != ast {
        return Err(format!(
            "the printed text parses to another tree\n  printed: {printed}\n  {}",
            first_difference(&ast, &again)
        ));
    }
    let reprinted = again.to_string();
    if reprinted != printed {
        return Err(format!(
            "printing is not stable\n  printed:   {printed}\n  reprinted: {reprinted}"
        ));
    }
    Ok(printed)
}

/// The round trip every query in the tests goes through (unit and
/// end-to-end tests, the TCK, the queries of the README and of the
/// examples): a query that parses must pass [`check_round_trip`], or this
/// panics with the reason; one that does not parse is left to the caller,
/// which expects its syntax error. Returns the text, so that a test wraps
/// the query it runs.
///
/// ```
/// use newsgraph::query::ast::verified_query;
/// let g = newsgraph::Graph::new();
/// let r = g.query(verified_query("RETURN 1 + 1 AS two")).unwrap();
/// assert_eq!(r.rows[0][0], newsgraph::Value::Int(2));
/// ```
pub fn verified_query(text: &str) -> &str {
    if super::parser::parse(text).is_ok()
        && let Err(e) = check_round_trip(text)
    {
        panic!("round trip of `{text}`: {e}");
    }
    text
}

/// The first clause where two parses of a query differ, for a message.
fn first_difference(a: &Query, b: &Query) -> String {
    let clauses = |q: &Query| -> Vec<Clause> {
        let mut all = q.first.clauses.clone();
        all.extend(q.unions.iter().flat_map(|(_, s)| s.clauses.iter().cloned()));
        all
    };
    let (ca, cb) = (clauses(a), clauses(b));
    match ca.iter().zip(&cb).find(|(x, y)| x != y) {
        Some((x, y)) => format!("first parse: {x:?}\n  second parse: {y:?}"),
        None if ca.len() != cb.len() => {
            format!("{} clauses, then {}", ca.len(), cb.len())
        }
        None => "the UNION parts differ".to_string(),
    }
}

/// Write an identifier, quoting it with backticks when needed.
fn ident(f: &mut Formatter<'_>, name: &str) -> fmt::Result {
    f.write_str(&format_key(name))
}

fn comma_list<T>(
    f: &mut Formatter<'_>,
    items: &[T],
    mut each: impl FnMut(&mut Formatter<'_>, &T) -> fmt::Result,
) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        each(f, item)?;
    }
    Ok(())
}

impl Display for Query {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first)?;
        for (all, q) in &self.unions {
            write!(f, " UNION{} {q}", if *all { " ALL" } else { "" })?;
        }
        Ok(())
    }
}

impl Display for SingleQuery {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl Display for Ident {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        ident(f, &self.name)
    }
}

impl Display for Clause {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Clause::Match {
                optional,
                pattern,
                filter,
                ..
            } => {
                if *optional {
                    f.write_str("OPTIONAL ")?;
                }
                f.write_str("MATCH ")?;
                comma_list(f, pattern, |f, p| write!(f, "{p}"))?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::Unwind { expr, var, .. } => write!(f, "UNWIND {expr} AS {var}"),
            Clause::With { projection, filter } => {
                write!(f, "WITH {projection}")?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::Return(p) => write!(f, "RETURN {p}"),
            Clause::Create(pattern, _) => {
                f.write_str("CREATE ")?;
                comma_list(f, pattern, |f, p| write!(f, "{p}"))
            }
            Clause::Merge {
                part,
                on_match,
                on_create,
                ..
            } => {
                write!(f, "MERGE {part}")?;
                for (name, items) in [("MATCH", on_match), ("CREATE", on_create)] {
                    if !items.is_empty() {
                        write!(f, " ON {name} SET ")?;
                        comma_list(f, items, |f, i| write!(f, "{i}"))?;
                    }
                }
                Ok(())
            }
            Clause::Set(items, _) => {
                f.write_str("SET ")?;
                comma_list(f, items, |f, i| write!(f, "{i}"))
            }
            Clause::Remove(items, _) => {
                f.write_str("REMOVE ")?;
                comma_list(f, items, |f, i| write!(f, "{i}"))
            }
            Clause::Delete { detach, exprs, .. } => {
                if *detach {
                    f.write_str("DETACH ")?;
                }
                f.write_str("DELETE ")?;
                comma_list(f, exprs, |f, e| write!(f, "{e}"))
            }
            Clause::Call { name, .. } => write!(f, "CALL {name}()"),
        }
    }
}

impl Display for Projection {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.distinct {
            f.write_str("DISTINCT ")?;
        }
        if self.star {
            f.write_char('*')?;
            if !self.items.is_empty() {
                f.write_str(", ")?;
            }
        }
        comma_list(f, &self.items, |f, item| {
            let expr = item.expr.to_string();
            f.write_str(&expr)?;
            // The column keeps its name: written otherwise than printed
            // (`count( * )`), an expression is named by an alias.
            match &item.alias {
                Some(a) => write!(f, " AS {a}"),
                None if item.name() != expr && !matches!(item.expr.kind, ExprKind::Var(_)) => {
                    f.write_str(" AS ")?;
                    ident(f, &item.text)
                }
                None => Ok(()),
            }
        })?;
        if !self.order_by.is_empty() {
            f.write_str(" ORDER BY ")?;
            comma_list(f, &self.order_by, |f, s| {
                write!(f, "{}{}", s.expr, if s.descending { " DESC" } else { "" })
            })?;
        }
        if let Some(s) = &self.skip {
            write!(f, " SKIP {s}")?;
        }
        if let Some(l) = &self.limit {
            write!(f, " LIMIT {l}")?;
        }
        Ok(())
    }
}

fn write_labels(f: &mut Formatter<'_>, labels: &[String]) -> fmt::Result {
    for l in labels {
        f.write_char(':')?;
        ident(f, l)?;
    }
    Ok(())
}

impl Display for SetItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            SetItem::Property { target, key, value } => {
                write!(f, "{}.", Prec(target, 11))?;
                ident(f, key)?;
                write!(f, " = {value}")
            }
            SetItem::Replace { var, value } => write!(f, "{var} = {value}"),
            SetItem::Merge { var, value } => write!(f, "{var} += {value}"),
            SetItem::Labels { var, labels } => {
                write!(f, "{var}")?;
                write_labels(f, labels)
            }
        }
    }
}

impl Display for RemoveItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            RemoveItem::Property { target, key } => {
                write!(f, "{}.", Prec(target, 11))?;
                ident(f, key)
            }
            RemoveItem::Labels { var, labels } => {
                write!(f, "{var}")?;
                write_labels(f, labels)
            }
        }
    }
}

impl Display for PatternPart {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path_var {
            write!(f, "{p} = ")?;
        }
        write!(f, "{}", self.start)?;
        for (rel, node) in &self.chain {
            write!(f, "{rel}{node}")?;
        }
        Ok(())
    }
}

impl Display for NodePattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        if let Some(v) = &self.var {
            write!(f, "{v}")?;
        }
        write_labels(f, &self.labels)?;
        if let Some(p) = &self.props {
            if self.var.is_some() || !self.labels.is_empty() {
                f.write_char(' ')?;
            }
            write!(f, "{p}")?;
        }
        f.write_char(')')
    }
}

impl Display for RelPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.direction == PatternDirection::Left {
            "<-"
        } else {
            "-"
        })?;
        let detail = self.var.is_some()
            || !self.types.is_empty()
            || self.length.is_some()
            || self.props.is_some();
        if detail {
            f.write_char('[')?;
            if let Some(v) = &self.var {
                write!(f, "{v}")?;
            }
            for (i, t) in self.types.iter().enumerate() {
                f.write_str(if i == 0 { ":" } else { "|" })?;
                ident(f, t)?;
            }
            if let Some((min, max)) = self.length {
                f.write_char('*')?;
                match (min, max) {
                    (Some(a), Some(b)) if a == b => write!(f, "{a}")?,
                    (None, None) => {}
                    _ => {
                        if let Some(a) = min {
                            write!(f, "{a}")?;
                        }
                        f.write_str("..")?;
                        if let Some(b) = max {
                            write!(f, "{b}")?;
                        }
                    }
                }
            }
            if let Some(p) = &self.props {
                if self.var.is_some() || !self.types.is_empty() || self.length.is_some() {
                    f.write_char(' ')?;
                }
                write!(f, "{p}")?;
            }
            f.write_char(']')?;
        }
        f.write_str(if self.direction == PatternDirection::Right {
            "->"
        } else {
            "-"
        })
    }
}

/// An expression printed inside a context of the given binding strength:
/// parenthesized when it binds more loosely.
struct Prec<'a>(&'a Expr, u8);

impl Expr {
    fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Binary(_, rest) => rest.first().map_or(12, |(op, ..)| op.precedence()),
            ExprKind::Compare(..) => 5,
            ExprKind::Unary(UnaryOp::Not, _) => 4,
            ExprKind::Unary(..) => 10,
            ExprKind::Literal(Value::Int(i)) if *i < 0 => 10,
            ExprKind::Literal(Value::Float(x)) if x.is_sign_negative() && !x.is_nan() => 10,
            ExprKind::IsNull(..) => 6,
            ExprKind::HasLabels(..) => 11,
            _ => 12,
        }
    }
}

impl Display for Prec<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.0.precedence() < self.1 {
            write!(f, "({})", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            // Negative numbers bind like unary minus (see `precedence`):
            // `(-1).x` but `abs(-1)` and `2 - -1`.
            ExprKind::Literal(v) => match v {
                Value::Float(x) if x.is_nan() => f.write_str("(0.0 / 0.0)"),
                Value::Float(x) if x.is_infinite() => f.write_str("(1.0 / 0.0)"),
                _ => write!(f, "{v}"),
            },
            ExprKind::BadLiteral { text, .. } => f.write_str(text),
            ExprKind::Param(name) => {
                f.write_char('$')?;
                if name.chars().all(|c| c.is_ascii_digit()) {
                    f.write_str(name)
                } else {
                    ident(f, name)
                }
            }
            ExprKind::Var(v) => write!(f, "{v}"),
            ExprKind::Property(e, key) => {
                write!(f, "{}.", Prec(e, 11))?;
                ident(f, key)
            }
            ExprKind::Index(e, i) => write!(f, "{}[{i}]", Prec(e, 11)),
            ExprKind::Slice(e, a, b) => {
                write!(f, "{}[", Prec(e, 11))?;
                if let Some(a) = a {
                    write!(f, "{a}")?;
                }
                f.write_str("..")?;
                if let Some(b) = b {
                    write!(f, "{b}")?;
                }
                f.write_char(']')
            }
            ExprKind::HasLabels(e, labels) => {
                write!(f, "{}", Prec(e, 12))?;
                write_labels(f, labels)
            }
            ExprKind::List(items) => {
                f.write_char('[')?;
                comma_list(f, items, |f, e| write!(f, "{e}"))?;
                f.write_char(']')
            }
            ExprKind::Map(entries) => {
                f.write_char('{')?;
                comma_list(f, entries, |f, (k, v)| {
                    ident(f, k)?;
                    write!(f, ": {v}")
                })?;
                f.write_char('}')
            }
            ExprKind::MapProjection(var, items) => {
                write!(f, "{var}{{")?;
                comma_list(f, items, |f, item| match item {
                    MapProjectionItem::AllProperties => f.write_str(".*"),
                    MapProjectionItem::Property(k) => {
                        f.write_char('.')?;
                        ident(f, k)
                    }
                    MapProjectionItem::Literal(k, e) => {
                        ident(f, k)?;
                        write!(f, ": {e}")
                    }
                    MapProjectionItem::Variable(v) => write!(f, "{v}"),
                })?;
                f.write_char('}')
            }
            ExprKind::Unary(op, e) => match op {
                UnaryOp::Not => write!(f, "NOT {}", Prec(e, 4)),
                // `-1` would be read back as a negative literal: `-(1)`
                // keeps the operator.
                UnaryOp::Neg
                    if matches!(
                        e.kind,
                        ExprKind::Literal(Value::Int(_) | Value::Float(_))
                            | ExprKind::BadLiteral { .. }
                    ) =>
                {
                    write!(f, "-({e})")
                }
                UnaryOp::Neg => write!(f, "-{}", Prec(e, 11)),
                UnaryOp::Plus => write!(f, "+{}", Prec(e, 11)),
            },
            ExprKind::Binary(first, rest) => {
                let p = self.precedence();
                write!(f, "{}", Prec(first, p))?;
                // Left-associative: a right operand needs parentheses at equal strength.
                for (op, _, e) in rest {
                    write!(f, " {} {}", op.symbol(), Prec(e, p + 1))?;
                }
                Ok(())
            }
            ExprKind::Compare(first, rest) => {
                write!(f, "{}", Prec(first, 6))?;
                for (op, e) in rest {
                    write!(f, " {} {}", op.symbol(), Prec(e, 6))?;
                }
                Ok(())
            }
            ExprKind::IsNull(e, not) => write!(
                f,
                "{} IS {}NULL",
                Prec(e, 7),
                if *not { "NOT " } else { "" }
            ),
            ExprKind::Call {
                name,
                distinct,
                args,
                ..
            } => {
                write!(f, "{name}(")?;
                if *distinct {
                    f.write_str("DISTINCT ")?;
                }
                comma_list(f, args, |f, e| write!(f, "{e}"))?;
                f.write_char(')')
            }
            ExprKind::CountStar => f.write_str("count(*)"),
            ExprKind::Case {
                subject,
                alternatives,
                default,
            } => {
                f.write_str("CASE")?;
                if let Some(s) = subject {
                    write!(f, " {s}")?;
                }
                for (w, t) in alternatives {
                    write!(f, " WHEN {w} THEN {t}")?;
                }
                if let Some(d) = default {
                    write!(f, " ELSE {d}")?;
                }
                f.write_str(" END")
            }
            ExprKind::ListComprehension {
                var,
                list,
                filter,
                map,
            } => {
                write!(f, "[{var} IN {list}")?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                if let Some(m) = map {
                    write!(f, " | {m}")?;
                }
                f.write_char(']')
            }
            ExprKind::PatternComprehension {
                pattern,
                filter,
                map,
            } => {
                write!(f, "[{pattern}")?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                write!(f, " | {map}]")
            }
            ExprKind::Quantified {
                kind,
                var,
                list,
                filter,
            } => {
                write!(f, "{}({var} IN {list}", kind.keyword())?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                f.write_char(')')
            }
            ExprKind::Reduce {
                acc,
                init,
                var,
                list,
                expr,
            } => write!(f, "reduce({acc} = {init}, {var} IN {list} | {expr})"),
            ExprKind::Pattern(p) => write!(f, "{p}"),
            ExprKind::Exists(p, filter) => {
                write!(f, "EXISTS {{ MATCH {p}")?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                f.write_str(" }")
            }
            ExprKind::ExistsQuery(q) => write!(f, "EXISTS {{ {q} }}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parser::parse;

    #[test]
    fn trees_compare_by_structure_not_position() {
        let a = parse("RETURN 1 AS a, n.x").unwrap();
        let b = parse("RETURN   1   AS a ,\n n.x").unwrap();
        assert_eq!(a, b);
        // The same text once printed, but not the same tree: `-(1)` applies
        // an operator, `-1` is a literal.
        assert_ne!(
            parse("RETURN -(1) AS a").unwrap(),
            parse("RETURN -1 AS a").unwrap()
        );
        assert_eq!(
            check_round_trip("RETURN -(1) AS a").unwrap(),
            "RETURN -(1) AS a"
        );
        // Column names are part of the tree.
        assert_ne!(parse("RETURN 1+1").unwrap(), parse("RETURN 1 + 1").unwrap());
        assert_eq!(
            check_round_trip("RETURN 1+1").unwrap(),
            "RETURN 1 + 1 AS `1+1`"
        );
    }
}
