//! The parser: `grammar/query.pest` through pest, then the pairs turned
//! into the AST at once. Only this file sees pest.

use std::sync::LazyLock;

use pest::Parser;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::ast::*;
use super::error::QueryError;
use crate::value::Value;

mod grammar {
    #![allow(missing_docs)]
    use pest_derive::Parser;

    /// The pest parser generated from `grammar/query.pest`.
    #[derive(Parser)]
    #[grammar = "../grammar/query.pest"]
    pub struct CypherParser;
}

use grammar::{CypherParser, Rule};

/// How deeply expressions may nest (brackets, lists, maps, `CASE`,
/// comprehensions, calls, prefix and postfix operators; an `EXISTS { }`
/// subquery counts twice) before the parser refuses the query. A flat chain
/// of infix operators (`1 + 2 - 3 ...`, `a OR b OR c ...`) is one level
/// however long it is. Every later pass recurses once per level, and any
/// query within the limit parses, compiles and runs on a 2 MB thread stack
/// in a debug build (a test checks the costliest constructs).
pub const MAX_NESTING: usize = 100;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or_op, Assoc::Left))
        .op(Op::infix(Rule::xor_op, Assoc::Left))
        .op(Op::infix(Rule::and_op, Assoc::Left))
        .op(Op::prefix(Rule::not_op))
        .op(Op::infix(Rule::eq_op, Assoc::Left)
            | Op::infix(Rule::ne_op, Assoc::Left)
            | Op::infix(Rule::lt_op, Assoc::Left)
            | Op::infix(Rule::gt_op, Assoc::Left)
            | Op::infix(Rule::le_op, Assoc::Left)
            | Op::infix(Rule::ge_op, Assoc::Left)
            | Op::infix(Rule::regex_op, Assoc::Left))
        .op(Op::infix(Rule::in_op, Assoc::Left)
            | Op::infix(Rule::starts_with_op, Assoc::Left)
            | Op::infix(Rule::ends_with_op, Assoc::Left)
            | Op::infix(Rule::contains_op, Assoc::Left)
            | Op::postfix(Rule::is_null_op)
            | Op::postfix(Rule::is_not_null_op))
        .op(Op::infix(Rule::add_op, Assoc::Left) | Op::infix(Rule::sub_op, Assoc::Left))
        .op(Op::infix(Rule::mul_op, Assoc::Left)
            | Op::infix(Rule::div_op, Assoc::Left)
            | Op::infix(Rule::mod_op, Assoc::Left))
        .op(Op::infix(Rule::pow_op, Assoc::Left))
        .op(Op::prefix(Rule::neg_op) | Op::prefix(Rule::pos_op))
        .op(Op::postfix(Rule::property_lookup)
            | Op::postfix(Rule::index_op)
            | Op::postfix(Rule::slice_op)
            | Op::postfix(Rule::label_check))
});

type Result<T> = std::result::Result<T, QueryError>;

/// Parse a query into its AST.
pub fn parse(text: &str) -> Result<Query> {
    check_nesting(text)?;
    let mut pairs = CypherParser::parse(Rule::query, text).map_err(|e| syntax_error(text, e))?;
    let query = pairs.next().expect("the query rule always yields one pair");
    if let Some(at) = nesting_beyond_limit(query.clone()) {
        return Err(too_deep(at));
    }
    let statement = query
        .into_inner()
        .next()
        .expect("a query holds a statement");
    build_statement(statement)
}

fn too_deep(at: impl Into<usize>) -> QueryError {
    QueryError::compile(
        super::error::ErrorClass::LimitExceeded,
        "NestingTooDeep",
        format!("the query nests more than {MAX_NESTING} levels deep"),
    )
    .at(at)
}

/// Refuse queries that nest brackets too deeply before pest recurses into
/// them (a cheap first check; [`nesting_beyond_limit`] is the exact one).
fn check_nesting(text: &str) -> Result<()> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && q != '`' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                // Brackets of patterns and maps nest without an expression
                // in between: allow some slack.
                if depth > 2 * MAX_NESTING {
                    return Err(too_deep(i));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Where the parse tree nests expressions more than [`MAX_NESTING`] deep,
/// if it does. Walks the tree with a stack of its own, so it is safe on any
/// tree pest returns.
fn nesting_beyond_limit(query: Pair<Rule>) -> Option<Pos> {
    let mut stack = vec![(query, 0usize)];
    while let Some((pair, depth)) = stack.pop() {
        let depth = match pair.as_rule() {
            Rule::expression | Rule::existential_subquery => depth + 1,
            _ => depth,
        };
        if depth > MAX_NESTING {
            return Some(pos(&pair));
        }
        stack.extend(pair.into_inner().map(|p| (p, depth)));
    }
    None
}

/// Friendly names for grammar rules in "expected ..." messages.
fn rule_name(rule: &Rule) -> String {
    let s = match rule {
        Rule::EOI => "end of query",
        Rule::expression => "an expression",
        Rule::node_pattern => "a node pattern such as (n)",
        Rule::relationship_pattern => "a relationship pattern such as -[r]->",
        Rule::variable => "a variable name",
        Rule::property_key => "a property key",
        Rule::label_name => "a label",
        Rule::rel_type_name => "a relationship type",
        Rule::pattern | Rule::pattern_part | Rule::pattern_element => "a pattern",
        Rule::projection_items | Rule::projection_item => "what to return",
        Rule::set_item => "a SET item",
        Rule::remove_item => "a REMOVE item",
        Rule::integer_literal => "an integer",
        Rule::string_literal => "a string",
        Rule::map_literal => "a map",
        Rule::parameter => "a parameter",
        Rule::AS => "AS",
        Rule::WHERE => "WHERE",
        Rule::MATCH => "MATCH",
        Rule::RETURN => "RETURN",
        Rule::WITH => "WITH",
        Rule::END => "END",
        Rule::THEN => "THEN",
        Rule::WHEN => "WHEN",
        Rule::IN => "IN",
        Rule::SET => "SET",
        Rule::BY => "BY",
        Rule::DELETE => "DELETE",
        other => return format!("{other:?}").replace('_', " "),
    };
    s.to_string()
}

fn syntax_error(text: &str, e: pest::error::Error<Rule>) -> QueryError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    // pest stops when the stack runs low: only a deeply nested query does that.
    if matches!(&e.variant, pest::error::ErrorVariant::CustomError { message } if message.contains("limit reached"))
    {
        return too_deep(pos);
    }
    let found = text[pos..].chars().next();
    if let Some(c) = found
        && is_unicode_lookalike(c)
    {
        return QueryError::syntax(
            "InvalidUnicodeCharacter",
            format!(
                "`{c}` (U+{:04X}) looks like an operator but is not one",
                c as u32
            ),
        )
        .at(pos);
    }
    let expected = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut names: Vec<String> = positives.iter().map(rule_name).collect();
            names.sort();
            names.dedup();
            names
        }
        pest::error::ErrorVariant::CustomError { message } => vec![message.clone()],
    };
    let found = match found {
        None => "end of query".to_string(),
        Some(_) => {
            let word: String = text[pos..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(20)
                .collect();
            format!("`{word}`")
        }
    };
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_alternatives(&expected))
    };
    QueryError::syntax("UnexpectedSyntax", message).at(pos)
}

fn join_alternatives(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn is_unicode_lookalike(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                | '\u{00AD}'
                | '\u{27E8}'
                | '\u{27E9}'
                | '\u{3008}'
                | '\u{3009}'
                | '\u{FE64}'
                | '\u{FE65}'
                | '\u{FF1C}'
                | '\u{FF1E}'
    )
}

fn pos(pair: &Pair<Rule>) -> Pos {
    Pos(pair.as_span().start())
}

fn build_statement(pair: Pair<Rule>) -> Result<Query> {
    let mut inner = pair.into_inner();
    let first = build_single_query(inner.next().expect("a statement starts with a query"))?;
    let mut unions = Vec::new();
    while let Some(u) = inner.next() {
        let all = u.into_inner().nth(1).is_some();
        let q = build_single_query(inner.next().expect("UNION is followed by a query"))?;
        unions.push((all, q));
    }
    Ok(Query { first, unions })
}

fn build_single_query(pair: Pair<Rule>) -> Result<SingleQuery> {
    let mut clauses = Vec::new();
    for clause in pair.into_inner() {
        clauses.push(build_clause(clause)?);
    }
    Ok(SingleQuery { clauses })
}

/// Build a clause; each kind by a function of its own, to keep this frame
/// small (`EXISTS { }` subqueries recurse through here).
fn build_clause(pair: Pair<Rule>) -> Result<Clause> {
    match pair.as_rule() {
        Rule::match_clause => build_match(pair),
        Rule::unwind_clause => build_unwind(pair),
        Rule::with_clause => build_with(pair),
        Rule::return_clause => build_return(pair),
        Rule::create_clause => build_create(pair),
        Rule::merge_clause => build_merge(pair),
        Rule::set_clause => build_set(pair),
        Rule::remove_clause => build_remove(pair),
        Rule::delete_clause => build_delete(pair),
        Rule::call_clause => Ok(build_call(pair)),
        other => unreachable!("clause rule {other:?}"),
    }
}

fn build_match(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner().peekable();
    let optional = inner.next_if(|p| p.as_rule() == Rule::optional).is_some();
    inner.next(); // MATCH
    let pattern = build_pattern(inner.next().expect("MATCH has a pattern"))?;
    let filter = inner.next().map(build_where).transpose()?;
    Ok(Clause::Match {
        optional,
        pattern,
        filter,
        pos: at,
    })
}

fn build_unwind(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // UNWIND
    let expr = build_expr(inner.next().expect("UNWIND has a list"))?;
    inner.next(); // AS
    let var = build_ident(inner.next().expect("UNWIND has a variable"));
    Ok(Clause::Unwind { expr, var, pos: at })
}

fn build_with(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // WITH
    let projection = build_projection(inner.next().expect("WITH has items"), at)?;
    let filter = inner.next().map(build_where).transpose()?;
    Ok(Clause::With { projection, filter })
}

fn build_return(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // RETURN
    let projection = build_projection(inner.next().expect("RETURN has items"), at)?;
    Ok(Clause::Return(projection))
}

fn build_create(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // CREATE
    let pattern = build_pattern(inner.next().expect("CREATE has a pattern"))?;
    Ok(Clause::Create(pattern, at))
}

fn build_merge(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // MERGE
    let part = build_pattern_part(inner.next().expect("MERGE has a pattern"))?;
    let mut on_match = Vec::new();
    let mut on_create = Vec::new();
    for action in inner {
        let mut parts = action.into_inner();
        parts.next(); // ON
        let which = parts.next().expect("ON MATCH or ON CREATE");
        parts.next(); // SET
        let items = parts.map(build_set_item).collect::<Result<Vec<_>>>()?;
        if which.as_rule() == Rule::on_match {
            on_match.extend(items);
        } else {
            on_create.extend(items);
        }
    }
    Ok(Clause::Merge {
        part,
        on_match,
        on_create,
        pos: at,
    })
}

fn build_set(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // SET
    Ok(Clause::Set(
        inner.map(build_set_item).collect::<Result<_>>()?,
        at,
    ))
}

fn build_remove(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // REMOVE
    Ok(Clause::Remove(
        inner.map(build_remove_item).collect::<Result<_>>()?,
        at,
    ))
}

fn build_delete(pair: Pair<Rule>) -> Result<Clause> {
    let at = pos(&pair);
    let mut inner = pair.into_inner().peekable();
    let detach = inner.next_if(|p| p.as_rule() == Rule::detach).is_some();
    inner.next(); // DELETE
    Ok(Clause::Delete {
        detach,
        exprs: inner.map(build_expr).collect::<Result<_>>()?,
        pos: at,
    })
}

fn build_call(pair: Pair<Rule>) -> Clause {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // CALL
    let name = inner
        .next()
        .expect("CALL has a procedure name")
        .as_str()
        .to_string();
    Clause::Call { name, pos: at }
}

fn build_where(pair: Pair<Rule>) -> Result<Expr> {
    let mut inner = pair.into_inner();
    inner.next(); // WHERE
    build_expr(inner.next().expect("WHERE has an expression"))
}

fn build_projection(pair: Pair<Rule>, at: Pos) -> Result<Projection> {
    let mut projection = Projection {
        distinct: false,
        star: false,
        items: Vec::new(),
        order_by: Vec::new(),
        skip: None,
        limit: None,
        pos: at,
    };
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::distinct => projection.distinct = true,
            Rule::projection_items => {
                for item in part.into_inner() {
                    match item.as_rule() {
                        Rule::star => projection.star = true,
                        Rule::projection_item => {
                            let mut inner = item.into_inner();
                            let expr_pair = inner.next().expect("an item has an expression");
                            let text = expr_pair.as_str().trim_end().to_string();
                            let expr = build_expr(expr_pair)?;
                            inner.next(); // AS
                            let alias = inner.next().map(build_ident);
                            projection.items.push(ProjectionItem { expr, alias, text });
                        }
                        other => unreachable!("projection item {other:?}"),
                    }
                }
            }
            Rule::order_by => {
                for item in part.into_inner().filter(|p| p.as_rule() == Rule::sort_item) {
                    let mut inner = item.into_inner();
                    let expr = build_expr(inner.next().expect("a sort item has an expression"))?;
                    let descending = inner
                        .next()
                        .is_some_and(|d| d.as_rule() == Rule::descending);
                    projection.order_by.push(SortItem { expr, descending });
                }
            }
            Rule::skip => {
                projection.skip = Some(build_expr(part.into_inner().nth(1).expect("SKIP n"))?)
            }
            Rule::limit => {
                projection.limit = Some(build_expr(part.into_inner().nth(1).expect("LIMIT n"))?)
            }
            other => unreachable!("projection part {other:?}"),
        }
    }
    Ok(projection)
}

fn build_set_item(pair: Pair<Rule>) -> Result<SetItem> {
    let item = pair.into_inner().next().expect("a SET item");
    let rule = item.as_rule();
    let mut inner = item.into_inner();
    Ok(match rule {
        Rule::set_property => {
            let (target, key) = build_property_target(inner.next().expect("a property"))?;
            let value = build_expr(inner.next().expect("a value"))?;
            SetItem::Property { target, key, value }
        }
        Rule::set_all => SetItem::Replace {
            var: build_ident(inner.next().expect("a variable")),
            value: build_expr(inner.next().expect("a value"))?,
        },
        Rule::set_merge => SetItem::Merge {
            var: build_ident(inner.next().expect("a variable")),
            value: build_expr(inner.next().expect("a value"))?,
        },
        Rule::set_labels => SetItem::Labels {
            var: build_ident(inner.next().expect("a variable")),
            labels: build_labels(inner.next().expect("labels")),
        },
        other => unreachable!("set item {other:?}"),
    })
}

fn build_remove_item(pair: Pair<Rule>) -> Result<RemoveItem> {
    let item = pair.into_inner().next().expect("a REMOVE item");
    Ok(match item.as_rule() {
        Rule::remove_labels => {
            let mut inner = item.into_inner();
            RemoveItem::Labels {
                var: build_ident(inner.next().expect("a variable")),
                labels: build_labels(inner.next().expect("labels")),
            }
        }
        Rule::remove_property => {
            let (target, key) =
                build_property_target(item.into_inner().next().expect("a property"))?;
            RemoveItem::Property { target, key }
        }
        other => unreachable!("remove item {other:?}"),
    })
}

/// `a.b.c` as (`a.b`, `c`).
fn build_property_target(pair: Pair<Rule>) -> Result<(Expr, String)> {
    let mut inner = pair.into_inner();
    let base = inner.next().expect("a base");
    let at = pos(&base);
    let mut expr = match base.as_rule() {
        Rule::variable => Expr::new(ExprKind::Var(build_ident(base)), at),
        _ => build_primary(base)?,
    };
    let keys: Vec<String> = inner.map(|k| symbolic_name(k.as_str())).collect();
    let (last, init) = keys.split_last().expect("at least one key");
    for k in init {
        expr = Expr::new(ExprKind::Property(Box::new(expr), k.clone()), at);
    }
    Ok((expr, last.clone()))
}

fn build_ident(pair: Pair<Rule>) -> Ident {
    Ident {
        name: symbolic_name(pair.as_str()),
        pos: pos(&pair),
    }
}

/// A name as written, with backtick quoting removed.
fn symbolic_name(text: &str) -> String {
    match text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        Some(inner) => inner.replace("``", "`"),
        None => text.to_string(),
    }
}

fn build_labels(pair: Pair<Rule>) -> Vec<String> {
    pair.into_inner()
        .map(|l| symbolic_name(l.as_str()))
        .collect()
}

fn build_pattern(pair: Pair<Rule>) -> Result<Vec<PatternPart>> {
    pair.into_inner().map(build_pattern_part).collect()
}

fn build_pattern_part(pair: Pair<Rule>) -> Result<PatternPart> {
    let mut inner = pair.into_inner().peekable();
    let path_var = inner
        .next_if(|p| p.as_rule() == Rule::variable)
        .map(build_ident);
    let mut element = inner.next().expect("a pattern element");
    // Parenthesized elements: `((a)-->(b))`.
    loop {
        let mut it = element.clone().into_inner();
        match it.next() {
            Some(first) if first.as_rule() == Rule::pattern_element => element = first,
            _ => break,
        }
    }
    let mut part = build_chain(element.into_inner())?;
    part.path_var = path_var;
    Ok(part)
}

fn build_chain(mut pairs: Pairs<Rule>) -> Result<PatternPart> {
    let start = build_node_pattern(pairs.next().expect("a pattern starts with a node"))?;
    let mut chain = Vec::new();
    for link in pairs {
        let mut inner = link.into_inner();
        let rel = build_rel_pattern(inner.next().expect("a relationship"))?;
        let node = build_node_pattern(inner.next().expect("a node"))?;
        chain.push((rel, node));
    }
    Ok(PatternPart {
        path_var: None,
        start,
        chain,
    })
}

fn build_node_pattern(pair: Pair<Rule>) -> Result<NodePattern> {
    let mut node = NodePattern {
        pos: pos(&pair),
        ..NodePattern::default()
    };
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::variable => node.var = Some(build_ident(part)),
            Rule::node_labels => node.labels = build_labels(part),
            Rule::properties => {
                node.props = Some(build_primary(
                    part.into_inner().next().expect("properties"),
                )?)
            }
            other => unreachable!("node pattern part {other:?}"),
        }
    }
    Ok(node)
}

fn build_rel_pattern(pair: Pair<Rule>) -> Result<RelPattern> {
    let at = pos(&pair);
    let mut left = false;
    let mut right = false;
    let mut rel = RelPattern {
        var: None,
        types: Vec::new(),
        direction: PatternDirection::Either,
        length: None,
        props: None,
        pos: at,
    };
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::left_arrow => left = true,
            Rule::right_arrow => right = true,
            Rule::relationship_detail => {
                for d in part.into_inner() {
                    match d.as_rule() {
                        Rule::variable => rel.var = Some(build_ident(d)),
                        Rule::relationship_types => {
                            rel.types = d.into_inner().map(|t| symbolic_name(t.as_str())).collect()
                        }
                        Rule::range => rel.length = Some(build_range(d)?),
                        Rule::bad_range => {
                            return Err(QueryError::syntax(
                                "InvalidRelationshipPattern",
                                format!(
                                    "`{}` is not a length: write *, *n, *min..max with bounds of 0 or more",
                                    d.as_str()
                                ),
                            )
                            .at(d.as_span().start()));
                        }
                        Rule::properties => {
                            rel.props =
                                Some(build_primary(d.into_inner().next().expect("properties"))?)
                        }
                        other => unreachable!("relationship detail {other:?}"),
                    }
                }
            }
            other => unreachable!("relationship part {other:?}"),
        }
    }
    rel.direction = match (left, right) {
        (true, false) => PatternDirection::Left,
        (false, true) => PatternDirection::Right,
        _ => PatternDirection::Either,
    };
    Ok(rel)
}

fn build_range(pair: Pair<Rule>) -> Result<(Option<u64>, Option<u64>)> {
    let Some(inner) = pair.into_inner().next() else {
        return Ok((None, None));
    };
    let bound = |p: Pair<Rule>| -> Result<u64> {
        let lit = p.into_inner().next().expect("an integer");
        match integer_value(&lit)? {
            Value::Int(i) if i >= 0 => Ok(i as u64),
            _ => Err(QueryError::syntax(
                "InvalidRelationshipPattern",
                "a length bound must be a non-negative integer",
            )
            .at(pos(&lit))),
        }
    };
    match inner.as_rule() {
        Rule::range_exact => {
            let n = bound(inner)?;
            Ok((Some(n), Some(n)))
        }
        Rule::range_dots => {
            let (mut min, mut max) = (None, None);
            for b in inner.into_inner() {
                match b.as_rule() {
                    Rule::range_min => min = Some(bound(b)?),
                    Rule::range_max => max = Some(bound(b)?),
                    _ => {}
                }
            }
            Ok((min, max))
        }
        other => unreachable!("range {other:?}"),
    }
}

/// An expression being folded, with whether it was written in parentheses
/// (so `(a < b) < c` does not chain like `a < b < c`).
struct Folded {
    expr: Expr,
    grouped: bool,
}

fn plain(expr: Expr) -> Result<Folded> {
    Ok(Folded {
        expr,
        grouped: false,
    })
}

fn build_expr(pair: Pair<Rule>) -> Result<Expr> {
    super::deep(|| build_expr_here(pair))
}

fn build_expr_here(pair: Pair<Rule>) -> Result<Expr> {
    debug_assert_eq!(pair.as_rule(), Rule::expression);
    let at = pair.as_span().start();
    // A run of prefix operators nests (`NOT NOT x` is the negation of a
    // negation, and the Pratt parser folds it by recursion): refuse a long
    // one before folding it.
    let (mut prefix_run, mut longest_prefix_run) = (0, 0);
    for p in pair.clone().into_inner() {
        if matches!(p.as_rule(), Rule::not_op | Rule::neg_op | Rule::pos_op) {
            prefix_run += 1;
            longest_prefix_run = longest_prefix_run.max(prefix_run);
        } else {
            prefix_run = 0;
        }
    }
    if longest_prefix_run > MAX_NESTING {
        return Err(too_deep(at));
    }
    let expr = fold(pair.into_inner())?.expr;
    // Infix operators of one level fold into one node, so a flat chain of
    // any length is shallow; prefix and postfix operators (`-x`, `x.a.b`)
    // and operators of different levels still nest, and the later passes
    // recurse once per level.
    if expr.deeper_than(MAX_NESTING) {
        return Err(too_deep(at));
    }
    Ok(expr)
}

fn fold(pairs: Pairs<Rule>) -> Result<Folded> {
    PRATT
        .map_primary(fold_primary)
        .map_prefix(fold_prefix)
        .map_postfix(fold_postfix)
        .map_infix(fold_infix)
        .parse(pairs)
}

fn fold_primary(p: Pair<Rule>) -> Result<Folded> {
    if p.as_rule() == Rule::parenthesized {
        let inner = p.into_inner().next().expect("an expression in parentheses");
        return build_expr(inner).map(|expr| Folded {
            expr,
            grouped: true,
        });
    }
    build_primary(p).map(|expr| Folded {
        expr,
        grouped: false,
    })
}

fn fold_prefix(op: Pair<Rule>, rhs: Result<Folded>) -> Result<Folded> {
    let rhs = rhs?;
    let at = pos(&op);
    let kind = match op.as_rule() {
        Rule::not_op => ExprKind::Unary(UnaryOp::Not, Box::new(rhs.expr)),
        Rule::pos_op => ExprKind::Unary(UnaryOp::Plus, Box::new(rhs.expr)),
        Rule::neg_op => negate(rhs.expr, rhs.grouped),
        other => unreachable!("prefix {other:?}"),
    };
    plain(Expr::new(kind, at))
}

fn fold_postfix(lhs: Result<Folded>, op: Pair<Rule>) -> Result<Folded> {
    let lhs = Box::new(lhs?.expr);
    let at = lhs.pos;
    let kind = match op.as_rule() {
        Rule::is_null_op => ExprKind::IsNull(lhs, false),
        Rule::is_not_null_op => ExprKind::IsNull(lhs, true),
        Rule::property_lookup => ExprKind::Property(
            lhs,
            symbolic_name(op.into_inner().next().expect("a key").as_str()),
        ),
        Rule::index_op => ExprKind::Index(lhs, build_inner_expr(op)?),
        Rule::slice_op => build_slice(lhs, op)?,
        Rule::label_check => {
            ExprKind::HasLabels(lhs, build_labels(op.into_inner().next().expect("labels")))
        }
        other => unreachable!("postfix {other:?}"),
    };
    plain(Expr::new(kind, at))
}

fn build_slice(lhs: Box<Expr>, op: Pair<Rule>) -> Result<ExprKind> {
    let (mut from, mut to) = (None, None);
    for b in op.into_inner() {
        let from_side = b.as_rule() == Rule::slice_from;
        let e = build_inner_expr(b)?;
        if from_side {
            from = Some(e);
        } else {
            to = Some(e);
        }
    }
    Ok(ExprKind::Slice(lhs, from, to))
}

fn fold_infix(lhs: Result<Folded>, op: Pair<Rule>, rhs: Result<Folded>) -> Result<Folded> {
    let (lhs, rhs) = (lhs?, rhs?);
    let at = lhs.expr.pos;
    let cmp = match op.as_rule() {
        Rule::eq_op => Some(CmpOp::Eq),
        Rule::ne_op => Some(CmpOp::Ne),
        Rule::lt_op => Some(CmpOp::Lt),
        Rule::le_op => Some(CmpOp::Le),
        Rule::gt_op => Some(CmpOp::Gt),
        Rule::ge_op => Some(CmpOp::Ge),
        _ => None,
    };
    if let Some(cmp) = cmp {
        return plain(match lhs {
            Folded {
                expr:
                    Expr {
                        kind: ExprKind::Compare(first, mut rest),
                        ..
                    },
                grouped: false,
            } => {
                rest.push((cmp, rhs.expr));
                Expr::new(ExprKind::Compare(first, rest), at)
            }
            l => Expr::new(
                ExprKind::Compare(Box::new(l.expr), vec![(cmp, rhs.expr)]),
                at,
            ),
        });
    }
    let bin = match op.as_rule() {
        Rule::or_op => BinaryOp::Or,
        Rule::xor_op => BinaryOp::Xor,
        Rule::and_op => BinaryOp::And,
        Rule::regex_op => BinaryOp::Regex,
        Rule::in_op => BinaryOp::In,
        Rule::starts_with_op => BinaryOp::StartsWith,
        Rule::ends_with_op => BinaryOp::EndsWith,
        Rule::contains_op => BinaryOp::Contains,
        Rule::add_op => BinaryOp::Add,
        Rule::sub_op => BinaryOp::Sub,
        Rule::mul_op => BinaryOp::Mul,
        Rule::div_op => BinaryOp::Div,
        Rule::mod_op => BinaryOp::Mod,
        Rule::pow_op => BinaryOp::Pow,
        other => unreachable!("infix {other:?}"),
    };
    // Operators of one level fold into one chain, whether or not the left
    // side was in parentheses: they associate to the left, so `(a - b) - c`
    // is `a - b - c`.
    let step = (bin, pos(&op), rhs.expr);
    plain(match lhs.expr {
        Expr {
            kind: ExprKind::Binary(first, mut rest),
            pos,
        } if rest[0].0.precedence() == bin.precedence() => {
            rest.push(step);
            Expr::new(ExprKind::Binary(first, rest), pos)
        }
        l => Expr::new(ExprKind::Binary(Box::new(l), vec![step]), at),
    })
}

/// `-` applied to an operand; a literal number becomes a negative literal,
/// which is how `-9223372036854775808` fits in an integer.
fn negate(expr: Expr, grouped: bool) -> ExprKind {
    if !grouped {
        match &expr.kind {
            ExprKind::Literal(Value::Int(i)) => return ExprKind::Literal(Value::Int(-*i)),
            ExprKind::Literal(Value::Float(f)) => return ExprKind::Literal(Value::Float(-*f)),
            ExprKind::BadLiteral {
                code: "IntegerOverflow",
                text,
            } => {
                return match parse_integer_magnitude(text) {
                    Some(m) if m == 1u128 << 63 => ExprKind::Literal(Value::Int(i64::MIN)),
                    _ => ExprKind::BadLiteral {
                        code: "IntegerOverflow",
                        text: format!("-{text}"),
                    },
                };
            }
            _ => {}
        }
    }
    ExprKind::Unary(UnaryOp::Neg, Box::new(expr))
}

fn parse_integer_magnitude(text: &str) -> Option<u128> {
    if let Some(hex) = text.strip_prefix("0x") {
        u128::from_str_radix(hex, 16).ok()
    } else if let Some(oct) = text.strip_prefix("0o") {
        u128::from_str_radix(oct, 8).ok()
    } else {
        text.parse().ok()
    }
}

fn integer_value(pair: &Pair<Rule>) -> Result<Value> {
    let text = pair.as_str();
    let at = pos(pair);
    let (digits, radix) = if let Some(h) = text.strip_prefix("0x") {
        (h, 16)
    } else if let Some(o) = text.strip_prefix("0o") {
        (o, 8)
    } else {
        (text, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(QueryError::syntax(
            "InvalidNumberLiteral",
            format!("`{text}` is not a valid number"),
        )
        .at(at));
    }
    match u128::from_str_radix(digits, radix) {
        Ok(m) if m <= i64::MAX as u128 => Ok(Value::Int(m as i64)),
        _ => Ok(Value::Null),
    }
}

/// Build an operand. Each kind of operand is built by a function of its
/// own: nested expressions recurse through here, and a debug build keeps
/// every arm's temporaries in one frame otherwise.
fn build_primary(pair: Pair<Rule>) -> Result<Expr> {
    let at = pos(&pair);
    let kind = match pair.as_rule() {
        Rule::null_literal
        | Rule::true_literal
        | Rule::false_literal
        | Rule::integer_literal
        | Rule::invalid_number
        | Rule::float_literal
        | Rule::string_literal => build_literal(pair),
        Rule::parameter => Ok(build_parameter(pair)),
        Rule::variable => Ok(ExprKind::Var(build_ident(pair))),
        Rule::parenthesized => return build_expr(pair.into_inner().next().expect("an expression")),
        Rule::list_literal => build_list_literal(pair),
        Rule::map_literal => build_map_entries(pair).map(ExprKind::Map),
        Rule::count_star => Ok(ExprKind::CountStar),
        Rule::function_call => build_function_call(pair),
        Rule::case_expression => build_case(pair),
        Rule::list_comprehension => build_list_comprehension(pair),
        Rule::pattern_comprehension => build_pattern_comprehension(pair),
        Rule::quantifier => build_quantifier(pair),
        Rule::reduce_expression => build_reduce(pair),
        Rule::relationships_pattern => build_relationships_pattern(pair),
        Rule::existential_subquery => build_exists(pair),
        Rule::map_projection => build_map_projection(pair),
        other => unreachable!("primary {other:?}"),
    };
    Ok(Expr::new(kind?, at))
}

fn build_literal(pair: Pair<Rule>) -> Result<ExprKind> {
    let at = pos(&pair);
    Ok(match pair.as_rule() {
        Rule::null_literal => ExprKind::Literal(Value::Null),
        Rule::true_literal => ExprKind::Literal(Value::Bool(true)),
        Rule::false_literal => ExprKind::Literal(Value::Bool(false)),
        Rule::integer_literal => match integer_value(&pair)? {
            Value::Null => ExprKind::BadLiteral {
                code: "IntegerOverflow",
                text: pair.as_str().to_string(),
            },
            v => ExprKind::Literal(v),
        },
        Rule::invalid_number => {
            return Err(QueryError::syntax(
                "InvalidNumberLiteral",
                format!("`{}` is not a valid number", pair.as_str()),
            )
            .at(at));
        }
        Rule::float_literal => {
            let f: f64 = pair.as_str().parse().map_err(|_| {
                QueryError::syntax(
                    "InvalidNumberLiteral",
                    format!("`{}` is not a valid number", pair.as_str()),
                )
                .at(at)
            })?;
            if f.is_infinite() {
                ExprKind::BadLiteral {
                    code: "FloatingPointOverflow",
                    text: pair.as_str().to_string(),
                }
            } else {
                ExprKind::Literal(Value::Float(f))
            }
        }
        Rule::string_literal => {
            let body = pair.into_inner().next().expect("a string body");
            ExprKind::Literal(Value::from(unescape(body.as_str(), pos(&body))?))
        }
        other => unreachable!("literal {other:?}"),
    })
}

fn build_parameter(pair: Pair<Rule>) -> ExprKind {
    let name = pair.into_inner().next().expect("a parameter name");
    ExprKind::Param(symbolic_name(name.as_str()))
}

fn build_list_literal(pair: Pair<Rule>) -> Result<ExprKind> {
    Ok(ExprKind::List(
        pair.into_inner().map(build_expr).collect::<Result<_>>()?,
    ))
}

fn build_function_call(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut inner = pair.into_inner().peekable();
    let name = inner.next().expect("a function name").as_str().to_string();
    let distinct = inner.next_if(|p| p.as_rule() == Rule::distinct).is_some();
    let args = inner.map(build_expr).collect::<Result<_>>()?;
    Ok(ExprKind::Call {
        name,
        distinct,
        args,
    })
}

/// The single expression inside a pair (`case_subject`, `slice_from`, ...).
fn build_inner_expr(pair: Pair<Rule>) -> Result<Box<Expr>> {
    let e = pair
        .into_inner()
        .find(|p| p.as_rule() == Rule::expression)
        .expect("an expression");
    build_expr(e).map(Box::new)
}

fn build_case(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut subject = None;
    let mut alternatives = Vec::new();
    let mut default = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::case_subject => subject = Some(build_inner_expr(part)?),
            Rule::case_alternative => alternatives.push(build_case_alternative(part)?),
            Rule::case_else => default = Some(build_inner_expr(part)?),
            _ => {}
        }
    }
    Ok(ExprKind::Case {
        subject,
        alternatives,
        default,
    })
}

fn build_case_alternative(pair: Pair<Rule>) -> Result<(Expr, Expr)> {
    let mut it = pair
        .into_inner()
        .filter(|p| p.as_rule() == Rule::expression);
    let when = build_expr(it.next().expect("WHEN"))?;
    let then = build_expr(it.next().expect("THEN"))?;
    Ok((when, then))
}

fn build_list_comprehension(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut var = None;
    let mut list = None;
    let mut filter = None;
    let mut map = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::variable => var = Some(build_ident(part)),
            Rule::expression => list = Some(Box::new(build_expr(part)?)),
            Rule::where_clause => filter = Some(Box::new(build_where(part)?)),
            Rule::comprehension_map => map = Some(build_inner_expr(part)?),
            _ => {}
        }
    }
    Ok(ExprKind::ListComprehension {
        var: var.expect("a variable"),
        list: list.expect("a list"),
        filter,
        map,
    })
}

fn build_pattern_comprehension(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut path_var = None;
    let mut pattern = None;
    let mut filter = None;
    let mut map = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::variable => path_var = Some(build_ident(part)),
            Rule::relationships_pattern => pattern = Some(build_chain(part.into_inner())?),
            Rule::where_clause => filter = Some(Box::new(build_where(part)?)),
            Rule::comprehension_map => map = Some(build_inner_expr(part)?),
            _ => {}
        }
    }
    let mut pattern = pattern.expect("a pattern");
    pattern.path_var = path_var;
    Ok(ExprKind::PatternComprehension {
        pattern: Box::new(pattern),
        filter,
        map: map.expect("a mapping"),
    })
}

fn build_quantifier(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut inner = pair.into_inner();
    let kind = match inner
        .next()
        .expect("a quantifier")
        .as_str()
        .to_ascii_lowercase()
        .as_str()
    {
        "all" => Quantifier::All,
        "any" => Quantifier::Any,
        "none" => Quantifier::None,
        _ => Quantifier::Single,
    };
    let var = build_ident(inner.next().expect("a variable"));
    let mut list = None;
    let mut filter = None;
    for part in inner {
        match part.as_rule() {
            Rule::expression => list = Some(Box::new(build_expr(part)?)),
            Rule::where_clause => filter = Some(Box::new(build_where(part)?)),
            _ => {}
        }
    }
    Ok(ExprKind::Quantified {
        kind,
        var,
        list: list.expect("a list"),
        filter,
    })
}

fn build_reduce(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut it = pair
        .into_inner()
        .filter(|p| matches!(p.as_rule(), Rule::variable | Rule::expression));
    let acc = build_ident(it.next().expect("an accumulator"));
    let init = Box::new(build_expr(it.next().expect("an initial value"))?);
    let var = build_ident(it.next().expect("a variable"));
    let list = Box::new(build_expr(it.next().expect("a list"))?);
    let expr = Box::new(build_expr(it.next().expect("a step"))?);
    Ok(ExprKind::Reduce {
        acc,
        init,
        var,
        list,
        expr,
    })
}

fn build_relationships_pattern(pair: Pair<Rule>) -> Result<ExprKind> {
    Ok(ExprKind::Pattern(Box::new(build_chain(pair.into_inner())?)))
}

fn build_exists(pair: Pair<Rule>) -> Result<ExprKind> {
    let at = pos(&pair);
    let mut inner = pair.into_inner();
    inner.next(); // EXISTS
    let body = inner.next().expect("a subquery");
    match body.as_rule() {
        Rule::single_query => exists_of_query(build_single_query(body)?),
        Rule::pattern => {
            let mut pattern = build_pattern(body)?;
            let filter = inner.next().map(build_where).transpose()?.map(Box::new);
            if pattern.len() != 1 {
                return Err(
                    QueryError::syntax("UnexpectedSyntax", "EXISTS { } takes one pattern").at(at),
                );
            }
            Ok(ExprKind::Exists(Box::new(pattern.remove(0)), filter))
        }
        other => unreachable!("exists body {other:?}"),
    }
}

/// `EXISTS { MATCH pattern [WHERE pred] }` is a pattern predicate; any
/// other read-only query is a subquery.
fn exists_of_query(mut q: SingleQuery) -> Result<ExprKind> {
    if let [
        Clause::Match {
            optional: false,
            pattern,
            filter,
            ..
        },
    ] = q.clauses.as_mut_slice()
        && pattern.len() == 1
    {
        return Ok(ExprKind::Exists(
            Box::new(pattern.remove(0)),
            filter.take().map(Box::new),
        ));
    }
    let write = q.clauses.iter().find(|c| {
        matches!(
            c,
            Clause::Create(..)
                | Clause::Merge { .. }
                | Clause::Set(..)
                | Clause::Remove(..)
                | Clause::Delete { .. }
        )
    });
    if let Some(c) = write {
        return Err(QueryError::syntax(
            "InvalidClauseComposition",
            "EXISTS { } cannot change the graph",
        )
        .at(c.pos()));
    }
    Ok(ExprKind::ExistsQuery(Box::new(q)))
}

fn build_map_projection(pair: Pair<Rule>) -> Result<ExprKind> {
    let mut inner = pair.into_inner();
    let var = build_ident(inner.next().expect("a variable"));
    let items = inner
        .map(build_map_projection_item)
        .collect::<Result<_>>()?;
    Ok(ExprKind::MapProjection(var, items))
}

fn build_map_projection_item(item: Pair<Rule>) -> Result<MapProjectionItem> {
    let it = item.into_inner().next().expect("a projection item");
    Ok(match it.as_rule() {
        Rule::projection_all_properties => MapProjectionItem::AllProperties,
        Rule::projection_property => MapProjectionItem::Property(symbolic_name(
            it.into_inner().next().expect("a key").as_str(),
        )),
        Rule::projection_literal => {
            let mut kv = it.into_inner();
            let key = symbolic_name(kv.next().expect("a key").as_str());
            MapProjectionItem::Literal(key, build_expr(kv.next().expect("a value"))?)
        }
        Rule::projection_variable => {
            MapProjectionItem::Variable(build_ident(it.into_inner().next().expect("a variable")))
        }
        other => unreachable!("map projection item {other:?}"),
    })
}

fn build_map_entries(pair: Pair<Rule>) -> Result<Vec<(String, Expr)>> {
    pair.into_inner()
        .map(|entry| {
            let mut kv = entry.into_inner();
            let key = symbolic_name(kv.next().expect("a key").as_str());
            let value = build_expr(kv.next().expect("a value"))?;
            Ok((key, value))
        })
        .collect()
}

/// Resolve the escapes of a string literal's body.
fn unescape(body: &str, at: Pos) -> Result<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' | 'U' => {
                let len = if e == 'u' { 4 } else { 8 };
                let hex: String = chars.clone().take(len).map(|(_, c)| c).collect();
                let ch = (hex.len() == len && hex.chars().all(|c| c.is_ascii_hexdigit()))
                    .then(|| u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32))
                    .flatten();
                match ch {
                    Some(ch) => {
                        out.push(ch);
                        for _ in 0..len {
                            chars.next();
                        }
                    }
                    None => {
                        return Err(QueryError::syntax(
                            "InvalidUnicodeLiteral",
                            format!("`\\{e}{hex}` is not a valid unicode escape"),
                        )
                        .at(at.0 + i));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ast::check_round_trip;

    fn round_trip(q: &str) -> String {
        check_round_trip(q).unwrap_or_else(|e| panic!("{q}: {e}"))
    }

    #[test]
    fn malformed_lengths_are_invalid_relationship_patterns() {
        for q in [
            "MATCH (a)-[:T..]->(b) RETURN a",
            "MATCH (a)-[:T*-2]->(b) RETURN a",
        ] {
            assert_eq!(
                parse(q).unwrap_err().code,
                "InvalidRelationshipPattern",
                "{q}"
            );
        }
    }

    /// A flat chain of infix operators is one level, however long: it
    /// parses, prints, compiles and runs on a 2 MB stack without recursing
    /// per operator. Runs of prefix operators still nest.
    #[test]
    fn flat_operator_chains_are_not_nesting() {
        let runs = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let g = crate::Graph::new();
                let sum = format!("RETURN 1{} AS n", " + 1".repeat(10_000));
                check_round_trip(&sum).unwrap();
                let r = g.query(&sum).unwrap();
                assert_eq!(r.rows[0][0], Value::Int(10_001));
                let mixed = format!("RETURN 0{} AS n", " + 2 * 3 - 1".repeat(1_000));
                check_round_trip(&mixed).unwrap();
                assert_eq!(g.query(&mixed).unwrap().rows[0][0], Value::Int(5_000));
                let ors = (0..2_000)
                    .map(|i| format!("x = {i}"))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                let q = format!("UNWIND [3, 5000] AS x WITH x WHERE {ors} RETURN x");
                check_round_trip(&q).unwrap();
                let r = g.query(&q).unwrap();
                assert_eq!(r.rows, [[Value::Int(3)]]);
                let ands = format!("RETURN true{} AS t", " AND 1 < 2".repeat(2_000));
                assert_eq!(g.query(&ands).unwrap().rows[0][0], Value::Bool(true));
            })
            .unwrap();
        runs.join().expect("no stack overflow");
        let prefixes = format!("RETURN {}true", "NOT ".repeat(MAX_NESTING + 1));
        assert_eq!(parse(&prefixes).unwrap_err().code, "NestingTooDeep");
    }

    #[test]
    fn a_chain_of_one_level_is_one_node() {
        let q = parse("RETURN (1 - 2) - 3 + 4, 1 - (2 - 3)").unwrap();
        let Clause::Return(p) = &q.first.clauses[0] else {
            panic!()
        };
        let ExprKind::Binary(_, rest) = &p.items[0].expr.kind else {
            panic!()
        };
        assert_eq!(rest.len(), 3);
        assert_eq!(
            round_trip("RETURN (1 - 2) - 3 + 4 AS a, 1 - (2 - 3), (1 + 2) * 3"),
            "RETURN 1 - 2 - 3 + 4 AS a, 1 - (2 - 3), (1 + 2) * 3"
        );
    }

    /// A way of nesting a query `n` levels deep, by name.
    type Nesting = (&'static str, fn(usize) -> String);

    /// The costliest nestings, each as deep as the limit allows, one level
    /// deeper, and far deeper.
    fn nestings() -> Vec<Nesting> {
        vec![
            ("list comprehensions", |n| {
                format!("RETURN {}[1]{}", "[x IN ".repeat(n), " | x + 1]".repeat(n))
            }),
            ("lists", |n| {
                format!("RETURN {}1{}", "[".repeat(n), "]".repeat(n))
            }),
            ("maps", |n| {
                format!("RETURN {}1{}", "{a: ".repeat(n), "}".repeat(n))
            }),
            ("CASE", |n| {
                format!(
                    "RETURN {}1{}",
                    "CASE WHEN true THEN ".repeat(n),
                    " END".repeat(n)
                )
            }),
            ("function calls", |n| {
                format!("RETURN {}-1{}", "abs(".repeat(n), ")".repeat(n))
            }),
            ("reduce", |n| {
                format!(
                    "RETURN {}0{}",
                    "reduce(a = 0, x IN [1] | a + ".repeat(n),
                    ")".repeat(n)
                )
            }),
            ("quantifiers", |n| {
                format!(
                    "RETURN {}true{}",
                    "any(x IN [1] WHERE ".repeat(n),
                    ")".repeat(n)
                )
            }),
            ("EXISTS subqueries", |n| {
                format!(
                    "MATCH (n) WHERE {}true{} RETURN n",
                    "EXISTS { MATCH (n)-->(m) WHERE ".repeat(n),
                    " }".repeat(n)
                )
            }),
            ("pattern comprehensions", |n| {
                format!(
                    "MATCH (n) RETURN {}1{}",
                    "[(n)-->() | ".repeat(n),
                    "]".repeat(n)
                )
            }),
            ("parentheses", |n| {
                format!("RETURN {}1{}", "(".repeat(n), ")".repeat(n))
            }),
            ("right-nested operators", |n| {
                format!("RETURN {}1{}", "1 + (".repeat(n), ")".repeat(n))
            }),
            ("prefix operators", |n| {
                format!("RETURN {}true", "NOT ".repeat(n))
            }),
        ]
    }

    /// The deepest nesting of `make` that the parser accepts.
    fn deepest_accepted(make: fn(usize) -> String) -> usize {
        (1..=MAX_NESTING + 1)
            .take_while(|&n| parse(&make(n)).is_ok())
            .last()
            .expect("one level is always accepted")
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_at_once() {
        for (what, make) in nestings() {
            let n = deepest_accepted(make);
            assert!(n >= MAX_NESTING / 2 - 2, "{what}: only {n} levels accepted");
            assert_eq!(
                parse(&make(n + 1)).unwrap_err().code,
                "NestingTooDeep",
                "{what}"
            );
            for far in [10 * MAX_NESTING, 2000, 20_000] {
                let e = parse(&make(far)).unwrap_err();
                assert_eq!(e.code, "NestingTooDeep", "{what} x {far}");
                assert!(e.message.contains("levels deep"), "{}", e.message);
            }
        }
    }

    /// Any query within the limit parses, compiles and runs on a thread
    /// with a 2 MB stack, in a debug build too.
    #[test]
    fn queries_within_the_nesting_limit_run_on_a_2_mb_stack() {
        let runs = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let mut g = crate::Graph::new();
                g.query_mut("CREATE (:A)-[:T]->(:B)-[:T]->(:C)").unwrap();
                for (what, make) in nestings() {
                    let q = make(deepest_accepted(make));
                    check_round_trip(&q).unwrap_or_else(|e| panic!("{what}: {e}"));
                    g.query(&q)
                        .unwrap_or_else(|e| panic!("{what}: {}", e.render(&q)));
                }
                // Long chains of clauses and hops are not nesting: they run too.
                let clauses = format!("WITH 1 AS x {}RETURN x", "WITH x AS x ".repeat(2000));
                assert_eq!(g.query(&clauses).unwrap().rows.len(), 1);
                let hops = format!("MATCH (a){} RETURN count(*)", "-[*0..1]-()".repeat(60));
                assert!(g.query(&hops).is_ok());
            })
            .unwrap();
        runs.join().expect("no stack overflow");
    }

    #[test]
    fn full_exists_subqueries_round_trip() {
        let q = "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH n, count(*) AS c WHERE c > 1 RETURN true } RETURN n";
        assert_eq!(round_trip(q), q);
        let bad = "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n";
        assert_eq!(parse(bad).unwrap_err().code, "InvalidClauseComposition");
    }

    #[test]
    fn precedence_follows_cypher() {
        assert_eq!(
            round_trip("RETURN true OR false AND false"),
            "RETURN true OR false AND false"
        );
        assert_eq!(
            round_trip("RETURN NOT 1 = 2 AND true"),
            "RETURN NOT 1 = 2 AND true"
        );
        assert_eq!(
            round_trip("RETURN (1 + 2) * 3, 1 + 2 * 3"),
            "RETURN (1 + 2) * 3, 1 + 2 * 3"
        );
        assert_eq!(
            round_trip("RETURN 1 < 2 < 3, (1 < 2) < 3"),
            "RETURN 1 < 2 < 3, (1 < 2) < 3"
        );
        assert_eq!(
            round_trip("RETURN (-2) ^ 2 AS a, 2 - (-1) AS b, (-1).x AS c, -(1) AS d, -1 AS e"),
            "RETURN -2 ^ 2 AS a, 2 - -1 AS b, (-1).x AS c, -(1) AS d, -1 AS e"
        );
        // A column keeps its name when the expression prints otherwise.
        assert_eq!(
            round_trip("RETURN 1+1, count( * ), n.x, `n`"),
            "RETURN 1 + 1 AS `1+1`, count(*) AS `count( * )`, n.x, n"
        );
        assert_eq!(round_trip("RETURN a XOR b OR c"), "RETURN a XOR b OR c");
    }

    #[test]
    fn keywords_are_case_insensitive() {
        assert_eq!(
            round_trip(
                "match (n:Actor) where n.name starts with 'K' return n.name as name order by name desc limit 3"
            ),
            "MATCH (n:Actor) WHERE n.name STARTS WITH 'K' RETURN n.name AS name ORDER BY name DESC LIMIT 3"
        );
    }

    #[test]
    fn patterns_print_canonically() {
        assert_eq!(
            round_trip("MATCH p = (a:A {x: 1})<-[r:T|:U*1..3]-(b)-->(c) RETURN p"),
            "MATCH p = (a:A {x: 1})<-[r:T|U*1..3]-(b)-->(c) RETURN p"
        );
        assert_eq!(
            round_trip("MATCH (a)-[*]-(b) RETURN a"),
            "MATCH (a)-[*]-(b) RETURN a"
        );
    }

    #[test]
    fn integer_limits() {
        assert_eq!(
            round_trip("RETURN -9223372036854775808 AS m"),
            "RETURN -9223372036854775808 AS m"
        );
        assert!(matches!(
            parse("RETURN 9223372036854775808").unwrap().first.clauses[0],
            Clause::Return(ref p) if matches!(p.items[0].expr.kind, ExprKind::BadLiteral { code: "IntegerOverflow", .. })
        ));
        assert_eq!(parse("RETURN 0x").unwrap_err().code, "InvalidNumberLiteral");
        assert_eq!(
            parse("RETURN 12ab").unwrap_err().code,
            "InvalidNumberLiteral"
        );
    }

    #[test]
    fn syntax_errors_name_what_was_expected() {
        let e = parse("MATCH (n RETURN n").unwrap_err();
        assert_eq!(e.code, "UnexpectedSyntax");
        assert_eq!(e.pos, Some(9));
        assert_eq!(
            parse("RETURN 42 \u{2014} 41").unwrap_err().code,
            "InvalidUnicodeCharacter"
        );
        assert_eq!(
            parse("RETURN '\\uH'").unwrap_err().code,
            "InvalidUnicodeLiteral"
        );
    }

    #[test]
    fn column_text_is_the_source_text() {
        let q = parse("RETURN  n.name ,count( * )").unwrap();
        let Clause::Return(p) = &q.first.clauses[0] else {
            panic!()
        };
        assert_eq!(p.items[0].name(), "n.name");
        assert_eq!(p.items[1].name(), "count( * )");
    }
}
