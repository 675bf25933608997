//! The openCypher TCK, run against newsgraph's query engine.
//!
//! Reads the feature files from `$NEWSGRAPH_TCK` (default `../shared/tck`),
//! runs every scenario (setup, query, expected rows, expected errors, side
//! effects) and prints a table per feature directory, then one line
//! `N passed, N failed, N skipped`. Scenarios that need procedures are
//! skipped with a reason; every other scenario runs.
//!
//! Options (after `--`): a substring to select scenarios by feature path
//! or name, and `--verbose` to print each failure.
//! Every query that parses (setup and test queries alike) also goes through
//! the round trip: parse, print, parse and print again must give the same
//! text, and the printed query must give the same result.
//! The run fails when a scenario panics or hangs, when a query fails the
//! round trip, or when fewer scenarios pass than `MIN_PASSED` (a guard
//! against regressions).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use newsgraph::Graph;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsgraph::query::ast::check_round_trip;
use newsgraph::query::{Limits, Params, PreparedQuery, QueryError, parser};
use newsgraph::value::{NodeId, RelId, Value};

/// Fewer passing scenarios than this fails the run.
const MIN_PASSED: usize = 2770;
/// Wall-clock budget of one scenario.
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(20);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose")
        || std::env::var_os("NEWSGRAPH_TCK_VERBOSE").is_some();
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let root = std::env::var_os("NEWSGRAPH_TCK")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tck"));
    let features = root.join("features");
    if !features.is_dir() {
        println!(
            "TCK not found at {} (set NEWSGRAPH_TCK); skipping",
            features.display()
        );
        return;
    }
    let mut files = Vec::new();
    collect_features(&features, &mut files);
    files.sort();

    let mut by_dir: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut totals = [0usize; 3];
    let mut broken = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&features).unwrap_or(file);
        let dir = rel
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let feature = match read_feature(file) {
            Ok(f) => f,
            Err(e) => {
                println!("cannot parse {}: {e}", file.display());
                continue;
            }
        };
        for case in expand(&feature) {
            let label = format!("{} :: {}", rel.display(), case.name);
            if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
                continue;
            }
            let outcome = run_with_timeout(case.clone(), root.clone());
            let slot = match &outcome {
                Outcome::Passed => 0,
                Outcome::Failed(why) => {
                    if verbose {
                        println!("FAIL {label}\n     {}", why.replace('\n', "\n     "));
                    }
                    if why.starts_with("panic") || why.starts_with("hang") {
                        broken.push(format!("{label}: {why}"));
                    }
                    1
                }
                Outcome::Skipped(why) => {
                    if verbose {
                        println!("SKIP {label}: {why}");
                    }
                    2
                }
            };
            by_dir.entry(dir.clone()).or_default()[slot] += 1;
            totals[slot] += 1;
        }
    }

    println!(
        "{:<48} {:>7} {:>7} {:>7}",
        "feature directory", "passed", "failed", "skipped"
    );
    for (dir, [p, f, s]) in &by_dir {
        println!("{dir:<48} {p:>7} {f:>7} {s:>7}");
    }
    let round_trip_failures = ROUND_TRIP_FAILURES.load(Ordering::Relaxed);
    println!(
        "round trip (parse, print, parse, print, same result): {} queries, {} failed",
        ROUND_TRIPS.load(Ordering::Relaxed),
        round_trip_failures
    );
    println!(
        "{} passed, {} failed, {} skipped",
        totals[0], totals[1], totals[2]
    );
    if !broken.is_empty() {
        println!("scenarios that panicked or hung:");
        for b in &broken {
            println!("  {b}");
        }
        std::process::exit(1);
    }
    if round_trip_failures > 0 {
        println!("queries failed the round trip: run with --verbose to see them");
        std::process::exit(1);
    }
    if filter.is_none() && totals[0] < MIN_PASSED {
        println!("fewer than {MIN_PASSED} scenarios passed: a regression");
        std::process::exit(1);
    }
}

/// Parse a feature file. Cucumber keeps a backslash before any character
/// other than `n`, `|` and `\\` in a table cell, while the gherkin crate
/// rejects it: such backslashes are escaped first.
fn read_feature(file: &Path) -> Result<gherkin::Feature, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let mut fixed = String::with_capacity(text.len());
    for line in text.lines() {
        if line.trim_start().starts_with('|') {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                fixed.push(c);
                if c == '\\' {
                    match chars.peek() {
                        Some('n' | '|' | '\\') => fixed.push(chars.next().unwrap_or('\\')),
                        _ => fixed.push('\\'),
                    }
                }
            }
        } else {
            fixed.push_str(line);
        }
        fixed.push('\n');
    }
    gherkin::Feature::parse(fixed, gherkin::GherkinEnv::default()).map_err(|e| e.to_string())
}

fn collect_features(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_features(&p, out);
        } else if p.extension().is_some_and(|x| x == "feature") {
            out.push(p);
        }
    }
}

/// One runnable test case: a scenario, or one row of an outline's examples.
#[derive(Clone)]
struct Case {
    name: String,
    steps: Vec<Step>,
}

#[derive(Clone)]
struct Step {
    text: String,
    docstring: Option<String>,
    table: Option<Vec<Vec<String>>>,
}

fn expand(feature: &gherkin::Feature) -> Vec<Case> {
    let mut out = Vec::new();
    let background = feature.background.as_ref().map_or(&[][..], |b| &b.steps);
    for sc in &feature.scenarios {
        let steps: Vec<Step> = background
            .iter()
            .chain(&sc.steps)
            .map(|s| Step {
                text: s.value.clone(),
                docstring: s.docstring.clone(),
                table: s.table.as_ref().map(|t| t.rows.clone()),
            })
            .collect();
        if sc.examples.is_empty() {
            out.push(Case {
                name: sc.name.clone(),
                steps,
            });
            continue;
        }
        for ex in &sc.examples {
            let Some(table) = &ex.table else { continue };
            let Some((header, rows)) = table.rows.split_first() else {
                continue;
            };
            for (i, row) in rows.iter().enumerate() {
                let subst = |s: &str| {
                    let mut s = s.to_string();
                    for (k, v) in header.iter().zip(row) {
                        s = s.replace(&format!("<{k}>"), v);
                    }
                    s
                };
                out.push(Case {
                    name: format!("{} #{}", sc.name, i + 1),
                    steps: steps
                        .iter()
                        .map(|st| Step {
                            text: subst(&st.text),
                            docstring: st.docstring.as_deref().map(subst),
                            table: st.table.as_ref().map(|t| {
                                t.iter()
                                    .map(|r| r.iter().map(|c| subst(c)).collect())
                                    .collect()
                            }),
                        })
                        .collect(),
                });
            }
        }
    }
    out
}

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

fn run_with_timeout(case: Case, root: PathBuf) -> Outcome {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(&case, &root)));
        let outcome = match result {
            Ok(o) => o,
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Outcome::Failed(format!("panic: {msg}"))
            }
        };
        let _ = tx.send(outcome);
    });
    rx.recv_timeout(SCENARIO_TIMEOUT).unwrap_or_else(|_| {
        Outcome::Failed(format!(
            "hang: no answer within {} s",
            SCENARIO_TIMEOUT.as_secs()
        ))
    })
}

struct Run {
    graph: Graph,
    params: Params,
    result: Option<Result<newsgraph::QueryResult, QueryError>>,
    before: Option<State>,
}

fn limits() -> Limits {
    Limits {
        timeout: Some(Duration::from_secs(10)),
        ..Limits::default()
    }
}

fn run_case(case: &Case, root: &Path) -> Outcome {
    let mut run = Run {
        graph: Graph::new(),
        params: Params::new(),
        result: None,
        before: None,
    };
    for step in &case.steps {
        let t = step.text.trim();
        let doc = step.docstring.as_deref().unwrap_or("").trim();
        if t.starts_with("there exists a procedure") {
            return Outcome::Skipped("needs a procedure; newsgraph has none".into());
        }
        if t == "an empty graph" || t == "any graph" {
            run.graph = Graph::new();
        } else if let Some(name) = t
            .strip_prefix("the ")
            .and_then(|s| s.strip_suffix(" graph"))
        {
            let script = root
                .join("graphs")
                .join(name)
                .join(format!("{name}.cypher"));
            let Ok(text) = std::fs::read_to_string(&script) else {
                return Outcome::Failed(format!("no graph script {}", script.display()));
            };
            match execute(&mut run.graph, &text, &Params::new()) {
                Err(round_trip) => return Outcome::Failed(round_trip),
                Ok(Err(e)) => return Outcome::Failed(format!("setup graph {name}: {e}")),
                Ok(Ok(_)) => {}
            }
        } else if t == "having executed:" {
            match execute(&mut run.graph, doc, &Params::new()) {
                Err(round_trip) => return Outcome::Failed(round_trip),
                Ok(Err(e)) => return Outcome::Failed(format!("setup query failed: {e}\n{doc}")),
                Ok(Ok(_)) => {}
            }
        } else if t == "parameters are:" {
            for row in step.table.iter().flatten() {
                match parse_value(&row[1]) {
                    Ok(v) => {
                        run.params.insert(row[0].clone(), to_value(&v));
                    }
                    Err(e) => {
                        return Outcome::Failed(format!("cannot read parameter {}: {e}", row[1]));
                    }
                }
            }
        } else if t == "executing query:" || t == "executing control query:" {
            run.before = Some(State::of(&run.graph));
            match execute(&mut run.graph, doc, &run.params) {
                Err(round_trip) => return Outcome::Failed(round_trip),
                Ok(result) => run.result = Some(result),
            }
        } else if let Some(rest) = t.strip_prefix("the result should be") {
            let result = match &run.result {
                Some(Ok(r)) => r,
                Some(Err(e)) => return Outcome::Failed(format!("unexpected error: {e}")),
                None => return Outcome::Failed("no query ran".into()),
            };
            let (ordered, lists_unordered) = match rest.trim() {
                ", in order:" => (true, false),
                ", in order (ignoring element order for lists):" => (true, true),
                ", in any order:" => (false, false),
                "(ignoring element order for lists):" => (false, true),
                "empty" => {
                    if result.rows.is_empty() {
                        continue;
                    }
                    return Outcome::Failed(format!("expected no rows, got {}", result.rows.len()));
                }
                other => return Outcome::Failed(format!("unknown result step: {other}")),
            };
            if let Err(e) = compare_rows(
                &run.graph,
                result,
                step.table.as_deref().unwrap_or(&[]),
                ordered,
                lists_unordered,
            ) {
                return Outcome::Failed(e);
            }
        } else if let Some(rest) = t
            .strip_prefix("a ")
            .filter(|r| r.contains(" should be raised at "))
        {
            let (class, rest) = rest.split_once(" should be raised at ").unwrap_or_default();
            let (phase, code) = rest.split_once(": ").unwrap_or((rest, ""));
            match &run.result {
                Some(Err(e)) => {
                    let phase_ok = match phase {
                        "compile time" => e.phase == newsgraph::query::Phase::Compile,
                        "runtime" => e.phase == newsgraph::query::Phase::Runtime,
                        _ => true,
                    };
                    let code_ok = code == "*" || e.code == code;
                    if e.class.name() != class || !code_ok || !phase_ok {
                        return Outcome::Failed(format!(
                            "expected {class} at {phase}: {code}, got {e} ({:?})",
                            e.phase
                        ));
                    }
                }
                Some(Ok(r)) => {
                    return Outcome::Failed(format!(
                        "expected {class} {code}, got {} rows",
                        r.rows.len()
                    ));
                }
                None => return Outcome::Failed("no query ran".into()),
            }
        } else if t == "no side effects" {
            let after = State::of(&run.graph);
            let diff = run
                .before
                .as_ref()
                .map(|b| b.diff(&after))
                .unwrap_or_default();
            if diff.values().any(|v| *v != 0) {
                return Outcome::Failed(format!("expected no side effects, got {diff:?}"));
            }
        } else if t == "the side effects should be:" {
            let after = State::of(&run.graph);
            let diff = run
                .before
                .as_ref()
                .map(|b| b.diff(&after))
                .unwrap_or_default();
            let mut expected: BTreeMap<String, usize> = BTreeMap::new();
            for row in step.table.iter().flatten() {
                expected.insert(row[0].clone(), row[1].trim().parse().unwrap_or(0));
            }
            for (k, v) in &diff {
                if *v != expected.get(k).copied().unwrap_or(0) {
                    return Outcome::Failed(format!(
                        "side effects: expected {expected:?}, got {diff:?}"
                    ));
                }
            }
            for (k, v) in &expected {
                if diff.get(k).copied().unwrap_or(0) != *v {
                    return Outcome::Failed(format!(
                        "side effects: expected {expected:?}, got {diff:?}"
                    ));
                }
            }
        } else {
            return Outcome::Failed(format!("unknown step: {t}"));
        }
    }
    Outcome::Passed
}

/// Run a query (setup or test). Every query that parses is also printed,
/// parsed and printed again ([`check_round_trip`]), and the printed text
/// is run on a copy of the graph: it must give the same rows, changes or
/// error. A round trip that fails is the outer `Err`.
fn execute(
    graph: &mut Graph,
    text: &str,
    params: &Params,
) -> Result<Result<newsgraph::QueryResult, QueryError>, String> {
    let printed = match parser::parse(text) {
        Ok(_) => {
            ROUND_TRIPS.fetch_add(1, Ordering::Relaxed);
            match check_round_trip(text) {
                Ok(p) => Some(p),
                Err(e) => return Err(round_trip_failed(format!("round trip: {e}"))),
            }
        }
        Err(_) => None,
    };
    let again = printed.map(|p| {
        let mut copy = graph.clone();
        let result = run_query(&mut copy, &p, params);
        (p, result)
    });
    let result = run_query(graph, text, params);
    if let Some((p, other)) = again {
        let same = match (&result, &other) {
            (Ok(a), Ok(b)) => {
                format!("{:?}", a.rows) == format!("{:?}", b.rows) && a.stats == b.stats
            }
            (Err(a), Err(b)) => a.code == b.code,
            _ => false,
        };
        if !same {
            return Err(round_trip_failed(format!(
                "round trip: the printed query gives another result\n  printed: {p}\n  original: {}\n  printed:  {}",
                show_result(&result),
                show_result(&other)
            )));
        }
    }
    Ok(result)
}

fn run_query(
    graph: &mut Graph,
    text: &str,
    params: &Params,
) -> Result<newsgraph::QueryResult, QueryError> {
    PreparedQuery::new(text)?.run_mut(graph, params, &limits())
}

fn show_result(r: &Result<newsgraph::QueryResult, QueryError>) -> String {
    match r {
        Ok(r) => format!("{} rows {:?}", r.rows.len(), r.stats),
        Err(e) => format!("error {}", e.code),
    }
}

/// Queries put through the round trip, and how many failed it.
static ROUND_TRIPS: AtomicUsize = AtomicUsize::new(0);
static ROUND_TRIP_FAILURES: AtomicUsize = AtomicUsize::new(0);

fn round_trip_failed(why: String) -> String {
    ROUND_TRIP_FAILURES.fetch_add(1, Ordering::Relaxed);
    why
}

/// What side effects are measured on: elements, label names and property
/// triples, as the TCK compares graph states.
struct State {
    nodes: std::collections::HashSet<NodeId>,
    rels: std::collections::HashSet<RelId>,
    labels: std::collections::HashSet<String>,
    props: std::collections::HashSet<String>,
}

impl State {
    fn of(g: &Graph) -> State {
        let mut s = State {
            nodes: g.nodes().collect(),
            rels: g.rels().collect(),
            labels: Default::default(),
            props: Default::default(),
        };
        for n in g.nodes() {
            for l in g.labels(n) {
                s.labels.insert(l.to_string());
            }
            for (k, v) in g.node_properties(n) {
                s.props.insert(format!("n{}.{k}={v}", n.0));
            }
        }
        for r in g.rels() {
            for (k, v) in g.rel_properties(r) {
                s.props.insert(format!("r{}.{k}={v}", r.0));
            }
        }
        s
    }

    fn diff(&self, after: &State) -> BTreeMap<String, usize> {
        let mut d = BTreeMap::new();
        d.insert("+nodes".into(), after.nodes.difference(&self.nodes).count());
        d.insert("-nodes".into(), self.nodes.difference(&after.nodes).count());
        d.insert(
            "+relationships".into(),
            after.rels.difference(&self.rels).count(),
        );
        d.insert(
            "-relationships".into(),
            self.rels.difference(&after.rels).count(),
        );
        d.insert(
            "+labels".into(),
            after.labels.difference(&self.labels).count(),
        );
        d.insert(
            "-labels".into(),
            self.labels.difference(&after.labels).count(),
        );
        d.insert(
            "+properties".into(),
            after.props.difference(&self.props).count(),
        );
        d.insert(
            "-properties".into(),
            self.props.difference(&after.props).count(),
        );
        d
    }
}

// ---- values as the TCK writes them ----

#[derive(Debug, Clone)]
enum Tv {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Tv>),
    Map(BTreeMap<String, Tv>),
    Node(Vec<String>, BTreeMap<String, Tv>),
    Rel(String, BTreeMap<String, Tv>),
    /// Start node, then (relationship, walked forward, next node).
    Path(Box<Tv>, Vec<(Tv, bool, Tv)>),
}

fn tv_eq(a: &Tv, b: &Tv, lists_unordered: bool) -> bool {
    match (a, b) {
        (Tv::Null, Tv::Null) => true,
        (Tv::Bool(x), Tv::Bool(y)) => x == y,
        (Tv::Int(x), Tv::Int(y)) => x == y,
        (Tv::Float(x), Tv::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Tv::Str(x), Tv::Str(y)) => x == y,
        (Tv::List(x), Tv::List(y)) => {
            if x.len() != y.len() {
                return false;
            }
            if lists_unordered {
                let mut used = vec![false; y.len()];
                x.iter().all(|xi| {
                    (0..y.len()).any(|j| {
                        if !used[j] && tv_eq(xi, &y[j], true) {
                            used[j] = true;
                            true
                        } else {
                            false
                        }
                    })
                })
            } else {
                x.iter().zip(y).all(|(p, q)| tv_eq(p, q, false))
            }
        }
        (Tv::Map(x), Tv::Map(y)) => maps_eq(x, y, lists_unordered),
        (Tv::Node(l1, p1), Tv::Node(l2, p2)) => {
            let (mut l1, mut l2) = (l1.clone(), l2.clone());
            l1.sort();
            l2.sort();
            l1 == l2 && maps_eq(p1, p2, lists_unordered)
        }
        (Tv::Rel(t1, p1), Tv::Rel(t2, p2)) => t1 == t2 && maps_eq(p1, p2, lists_unordered),
        (Tv::Path(s1, st1), Tv::Path(s2, st2)) => {
            tv_eq(s1, s2, lists_unordered)
                && st1.len() == st2.len()
                && st1.iter().zip(st2).all(|((r1, f1, n1), (r2, f2, n2))| {
                    f1 == f2 && tv_eq(r1, r2, lists_unordered) && tv_eq(n1, n2, lists_unordered)
                })
        }
        _ => false,
    }
}

fn maps_eq(a: &BTreeMap<String, Tv>, b: &BTreeMap<String, Tv>, lu: bool) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| tv_eq(v, w, lu)))
}

fn compare_rows(
    graph: &Graph,
    result: &newsgraph::QueryResult,
    table: &[Vec<String>],
    ordered: bool,
    lists_unordered: bool,
) -> Result<(), String> {
    let Some((header, rows)) = table.split_first() else {
        return Err("the expected table is missing".into());
    };
    if *header != result.columns {
        return Err(format!(
            "columns: expected {header:?}, got {:?}",
            result.columns
        ));
    }
    let expected: Vec<Vec<Tv>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| parse_value(c))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<_, _>>()?;
    let actual: Vec<Vec<Tv>> = result
        .rows
        .iter()
        .map(|r| r.iter().map(|v| from_value(graph, v)).collect())
        .collect();
    let show = |rows: &[Vec<Tv>]| {
        rows.iter()
            .map(|r| format!("{r:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mismatch = || {
        format!(
            "rows differ\nexpected:\n{}\nactual:\n{}",
            show(&expected),
            show(&actual)
        )
    };
    if expected.len() != actual.len() {
        return Err(mismatch());
    }
    let row_eq = |a: &Vec<Tv>, b: &Vec<Tv>| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| tv_eq(x, y, lists_unordered))
    };
    if ordered {
        if expected.iter().zip(&actual).all(|(e, a)| row_eq(e, a)) {
            return Ok(());
        }
        return Err(mismatch());
    }
    let mut used = vec![false; actual.len()];
    for e in &expected {
        match (0..actual.len()).find(|&j| !used[j] && row_eq(e, &actual[j])) {
            Some(j) => used[j] = true,
            None => return Err(mismatch()),
        }
    }
    Ok(())
}

fn from_value(g: &Graph, v: &Value) -> Tv {
    let node = |n: NodeId| {
        Tv::Node(
            g.labels(n).map(str::to_string).collect(),
            g.node_properties(n)
                .map(|(k, v)| (k.to_string(), from_value(g, v)))
                .collect(),
        )
    };
    let rel = |r: RelId| {
        Tv::Rel(
            g.rel_type(r).to_string(),
            g.rel_properties(r)
                .map(|(k, v)| (k.to_string(), from_value(g, v)))
                .collect(),
        )
    };
    match v {
        Value::Null => Tv::Null,
        Value::Bool(b) => Tv::Bool(*b),
        Value::Int(i) => Tv::Int(*i),
        Value::Float(f) => Tv::Float(*f),
        Value::String(s) => Tv::Str(s.to_string()),
        Value::List(items) => Tv::List(items.iter().map(|x| from_value(g, x)).collect()),
        Value::Map(m) => Tv::Map(
            m.iter()
                .map(|(k, v)| (k.to_string(), from_value(g, v)))
                .collect(),
        ),
        Value::Node(n) => node(*n),
        Value::Rel(r) => rel(*r),
        Value::Path(p) => {
            let mut steps = Vec::new();
            for (i, r) in p.rels.iter().enumerate() {
                let forward = g.rel_endpoints(*r).is_some_and(|(s, _)| s == p.nodes[i]);
                steps.push((rel(*r), forward, node(p.nodes[i + 1])));
            }
            Tv::Path(Box::new(node(p.nodes[0])), steps)
        }
    }
}

fn to_value(t: &Tv) -> Value {
    match t {
        Tv::Null => Value::Null,
        Tv::Bool(b) => Value::Bool(*b),
        Tv::Int(i) => Value::Int(*i),
        Tv::Float(f) => Value::Float(*f),
        Tv::Str(s) => Value::str(s),
        Tv::List(items) => Value::List(items.iter().map(to_value).collect()),
        Tv::Map(m) => Value::from(
            m.iter()
                .map(|(k, v)| (std::sync::Arc::from(k.as_str()), to_value(v)))
                .collect::<newsgraph::value::Map>(),
        ),
        _ => Value::Null,
    }
}

fn parse_value(text: &str) -> Result<Tv, String> {
    let mut p = ValueParser {
        s: text.trim().as_bytes(),
        i: 0,
        text: text.trim(),
    };
    let v = p.value()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(format!("trailing text in {text:?}"));
    }
    Ok(v)
}

struct ValueParser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

impl ValueParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!(
                "expected '{}' at {} in {:?}",
                c as char, self.i, self.text
            ))
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn name(&mut self) -> Result<String, String> {
        self.ws();
        if self.eat(b'`') {
            let start = self.i;
            while self.i < self.s.len() && self.s[self.i] != b'`' {
                self.i += 1;
            }
            let n = self.text[start..self.i].to_string();
            self.expect(b'`')?;
            return Ok(n);
        }
        let start = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_alphanumeric()
                || self.s[self.i] == b'_'
                || self.s[self.i] >= 0x80)
        {
            self.i += 1;
        }
        if start == self.i {
            return Err(format!("expected a name at {} in {:?}", self.i, self.text));
        }
        Ok(self.text[start..self.i].to_string())
    }

    fn props(&mut self) -> Result<BTreeMap<String, Tv>, String> {
        let mut m = BTreeMap::new();
        if !self.eat(b'{') {
            return Ok(m);
        }
        if self.eat(b'}') {
            return Ok(m);
        }
        loop {
            let k = self.name()?;
            self.expect(b':')?;
            let v = self.value()?;
            m.insert(k, v);
            if self.eat(b'}') {
                return Ok(m);
            }
            self.expect(b',')?;
        }
    }

    fn node(&mut self) -> Result<Tv, String> {
        self.expect(b'(')?;
        let mut labels = Vec::new();
        while self.eat(b':') {
            labels.push(self.name()?);
        }
        let props = self.props()?;
        self.expect(b')')?;
        Ok(Tv::Node(labels, props))
    }

    fn rel(&mut self) -> Result<Tv, String> {
        self.expect(b'[')?;
        self.expect(b':')?;
        let t = self.name()?;
        let props = self.props()?;
        self.expect(b']')?;
        Ok(Tv::Rel(t, props))
    }

    fn value(&mut self) -> Result<Tv, String> {
        match self.peek() {
            None => Err(format!("empty value in {:?}", self.text)),
            Some(b'(') => self.node(),
            Some(b'<') => {
                self.i += 1;
                let start = self.node()?;
                let mut steps = Vec::new();
                while self.peek() != Some(b'>') {
                    let back = self.eat(b'<');
                    self.expect(b'-')?;
                    let r = self.rel()?;
                    self.expect(b'-')?;
                    let fwd = self.eat(b'>');
                    let n = self.node()?;
                    steps.push((r, fwd && !back, n));
                }
                self.expect(b'>')?;
                Ok(Tv::Path(Box::new(start), steps))
            }
            Some(b'[') => {
                let save = self.i;
                self.i += 1;
                if self.peek() == Some(b':') {
                    self.i = save;
                    return self.rel();
                }
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Tv::List(items));
                }
                loop {
                    items.push(self.value()?);
                    if self.eat(b']') {
                        return Ok(Tv::List(items));
                    }
                    self.expect(b',')?;
                }
            }
            Some(b'{') => Ok(Tv::Map(self.props()?)),
            Some(b'\'') => {
                self.i += 1;
                let mut out = String::new();
                let rest = &self.text[self.i..];
                let mut chars = rest.char_indices();
                while let Some((j, c)) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                out.push(match e {
                                    'n' => '\n',
                                    't' => '\t',
                                    other => other,
                                });
                            }
                        }
                        '\'' => {
                            self.i += j + 1;
                            return Ok(Tv::Str(out));
                        }
                        c => out.push(c),
                    }
                }
                Err(format!("unterminated string in {:?}", self.text))
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && !matches!(self.s[self.i], b',' | b']' | b'}' | b')')
                    && !self.s[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
                let word = &self.text[start..self.i];
                Ok(match word {
                    "null" => Tv::Null,
                    "true" => Tv::Bool(true),
                    "false" => Tv::Bool(false),
                    "NaN" => Tv::Float(f64::NAN),
                    "Infinity" => Tv::Float(f64::INFINITY),
                    "-Infinity" => Tv::Float(f64::NEG_INFINITY),
                    w => {
                        if let Ok(i) = w.parse::<i64>() {
                            Tv::Int(i)
                        } else if let Ok(f) = w.parse::<f64>() {
                            Tv::Float(f)
                        } else {
                            return Err(format!("cannot read {w:?} in {:?}", self.text));
                        }
                    }
                })
            }
        }
    }
}
