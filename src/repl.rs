//! The interactive session: lines in, text out. The rustyline loop in the
//! binary only reads lines and prints what [`Session::eval_line`] returns,
//! so everything a user can do here is tested without a terminal.
//!
//! The editor's helpers live beside it: [`syntax`] (a forgiving lexer),
//! [`complete`] (tab completion and hints), [`highlight`] (colours) and
//! [`editor`] (the rustyline glue).

pub mod complete;
pub mod editor;
pub mod highlight;
pub mod syntax;

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::export::dot::{self, RenderFormat};
use crate::export::{DotOptions, try_result_to_dot};
use crate::extract::{Extractor, render_explanation};
use crate::graph::Graph;
use crate::input::{read_all, read_document};
use crate::output::{Format, render};
use crate::query::{Limits, Params, PreparedQuery, QueryResult};
use crate::value::Value;

pub use complete::Vocabulary;

/// A meta-command (a line starting with `:`).
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `:help [command]`
    Help(Option<String>),
    /// `:quit`
    Quit,
    /// `:schema`
    Schema,
    /// `:stats`
    Stats,
    /// `:format table|json|csv`
    Format(Option<String>),
    /// `:param [name value]`: a literal, or else a string.
    Param(Option<(String, String)>),
    /// `:param name => expression` (cypher-shell's form): the expression's value.
    ParamExpr(String, String),
    /// `:param clear`
    ClearParams,
    /// `:timing [on|off]`
    Timing(Option<String>),
    /// `:load PATH`
    Load(String),
    /// `:save [FILE]`: by default the snapshot the graph was opened from.
    Save(Option<String>),
    /// `:open FILE`
    Open(String),
    /// `:why`
    Why,
    /// `:dot FILE [query]`
    Dot(String, Option<String>),
    /// `:explain FILE`
    Explain(String),
}

/// Every command with its one-line help, in the order `:help` lists them.
pub const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "help",
        ":help [command]",
        "list the commands, or explain one",
    ),
    ("quit", ":quit", "leave (Ctrl-D does too)"),
    (
        "schema",
        ":schema",
        "labels, relationship types and property keys, with counts",
    ),
    (
        "stats",
        ":stats",
        "numbers of nodes, relationships and documents",
    ),
    (
        "format",
        ":format table|json|csv",
        "how results are printed",
    ),
    (
        "param",
        ":param [name value|name => expr|clear]",
        "set a query parameter ($name), list them, or forget them all",
    ),
    (
        "timing",
        ":timing [on|off]",
        "show how long each query took",
    ),
    (
        "load",
        ":load PATH",
        "read more documents (a file or a folder) into the graph",
    ),
    (
        "save",
        ":save [FILE]",
        "write the graph to a snapshot, binary for .ngb, else JSON (by default the one it was opened from)",
    ),
    (
        "open",
        ":open FILE",
        "replace the graph with a snapshot (JSON or .ngb)",
    ),
    (
        "why",
        ":why",
        "the evidence sentences and sources behind the facts of the last result",
    ),
    (
        "dot",
        ":dot FILE [query]",
        "draw the graph (or a query's result) as Graphviz DOT; FILE.svg or FILE.png renders it",
    ),
    (
        "explain",
        ":explain FILE",
        "show what the extractor finds in a document, sentence by sentence",
    ),
];

/// Examples shown by `:help COMMAND`.
fn examples(name: &str) -> &'static [&'static str] {
    match name {
        "help" => &[":help dot"],
        "format" => &[":format csv"],
        "param" => &[
            ":param country 'Kenya'   then   MATCH (a {name: $country}) RETURN a;",
            ":param ids [1, 2, 3]",
            ":param limit => 2 * 5   (cypher-shell's form: the value of an expression)",
            ":param clear",
        ],
        "timing" => &[":timing off"],
        "load" => &[":load news/", ":load article.txt"],
        "save" => &[
            ":save graph.json",
            ":save   (after --graph FILE or :open FILE: writes that file)",
        ],
        "open" => &[":open graph.json"],
        "why" => &["MATCH (a {name: 'China'})-[r:OPPOSES]->(m) RETURN r;   then   :why"],
        "dot" => &[
            ":dot graph.dot",
            ":dot kenya.svg MATCH p = (:Actor {name: 'Kenya'})-[*1..2]->() RETURN p",
        ],
        "explain" => &[":explain article.txt"],
        _ => &[],
    }
}

/// The result of one line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reply {
    /// What to print (may be empty).
    pub text: String,
    /// The line was an error (printed, the session goes on).
    pub error: bool,
    /// The user asked to leave.
    pub quit: bool,
    /// More lines are needed to finish the query (no `;` yet).
    pub pending: bool,
    /// Warnings to show apart from the text (the binary prints them on
    /// standard error), such as the lines of a .jsonl file `:load` skipped.
    pub warnings: Vec<String>,
}

impl Reply {
    fn text(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            ..Reply::default()
        }
    }

    fn error(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            error: true,
            ..Reply::default()
        }
    }
}

/// What `:load` reports as it adds documents, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadProgress {
    /// Adding starts: how many documents there are.
    Started(usize),
    /// One more document was added.
    Added,
    /// Adding ended, with every document or cancelled.
    Finished,
}

/// An interactive session over a graph.
pub struct Session {
    /// The graph.
    pub graph: Graph,
    extractor: Extractor,
    format: Format,
    params: Params,
    timing: bool,
    buffer: String,
    last: Option<QueryResult>,
    changes: u64,
    /// Limits for queries (the binary sets a cancel flag for Ctrl-C, which
    /// `:load` heeds too).
    pub limits: Limits,
    /// Told how `:load` goes (the binary draws a progress bar with it on a
    /// terminal).
    pub load_progress: Option<Box<dyn FnMut(LoadProgress) + Send>>,
    /// The snapshot the graph was opened from (`--graph FILE`, `:open
    /// FILE`): where a plain `:save` writes.
    pub graph_file: Option<PathBuf>,
}

impl Session {
    /// A session over a graph.
    pub fn new(graph: Graph, extractor: Extractor) -> Session {
        Session {
            graph,
            extractor,
            format: Format::Table,
            params: Params::new(),
            timing: true,
            buffer: String::new(),
            last: None,
            changes: 0,
            limits: Limits::default(),
            load_progress: None,
            graph_file: None,
        }
    }

    /// A number that changes whenever the graph or the parameters do (the
    /// editor refreshes its completions then).
    pub fn generation(&self) -> u64 {
        self.changes
    }

    /// What completion offers now: the graph's names and the parameters.
    pub fn vocabulary(&self) -> Vocabulary {
        let mut v = Vocabulary::from_graph(&self.graph);
        v.params = self.params.keys().cloned().collect();
        v.params.sort();
        v
    }

    /// Whether Ctrl-C has asked to stop, and forget that it did.
    fn take_cancel(&self) -> bool {
        self.limits
            .cancel
            .as_ref()
            .is_some_and(|c| c.swap(false, Ordering::Relaxed))
    }

    /// Whether a query is being typed over several lines.
    pub fn is_pending(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Forget a half-typed query (Ctrl-C at the prompt).
    pub fn cancel_input(&mut self) {
        self.buffer.clear();
    }

    /// Evaluate one line of input.
    pub fn eval_line(&mut self, line: &str) -> Reply {
        let trimmed = line.trim();
        if self.buffer.is_empty() {
            if trimmed.is_empty() {
                return Reply::default();
            }
            if let Some(cmd) = trimmed.strip_prefix(':') {
                return match parse_command(cmd) {
                    Ok(c) => self.run_command(c),
                    Err(e) => Reply::error(e),
                };
            }
        }
        if !self.buffer.is_empty() {
            self.buffer.push('\n');
        }
        self.buffer.push_str(line);
        if !ends_statement(&self.buffer) {
            return Reply {
                pending: true,
                ..Reply::default()
            };
        }
        let text = std::mem::take(&mut self.buffer);
        let text = text.trim().trim_end_matches(';').trim().to_string();
        if text.is_empty() {
            return Reply::default();
        }
        self.run_query(&text)
    }

    /// Run a query and format its result with a "N rows (x ms)" line.
    pub fn run_query(&mut self, text: &str) -> Reply {
        // A Ctrl-C pressed before the query started is not for it.
        self.take_cancel();
        let started = Instant::now();
        let q = match PreparedQuery::new(text) {
            Ok(q) => q,
            Err(e) => return Reply::error(e.render(text)),
        };
        let result = if q.writes() {
            // All or nothing: a failing write leaves the graph as it was.
            let mut copy = self.graph.clone();
            match q.run_mut(&mut copy, &self.params, &self.limits) {
                Ok(r) => {
                    self.graph = copy;
                    Ok(r)
                }
                Err(e) => Err(e),
            }
        } else {
            q.run(&self.graph, &self.params, &self.limits)
        };
        let elapsed = started.elapsed();
        match result {
            Ok(r) => {
                let mut out = render(&self.graph, &r, self.format);
                let n = r.rows.len();
                let mut summary = format!("{n} row{}", if n == 1 { "" } else { "s" });
                if self.timing {
                    let _ = write!(summary, " ({:.1} ms)", elapsed.as_secs_f64() * 1000.0);
                }
                let s = r.stats;
                if !s.is_empty() {
                    self.changes += 1;
                    let mut parts = Vec::new();
                    for (count, one, many) in [
                        (s.nodes_created, "node created", "nodes created"),
                        (s.nodes_deleted, "node deleted", "nodes deleted"),
                        (
                            s.rels_created,
                            "relationship created",
                            "relationships created",
                        ),
                        (
                            s.rels_deleted,
                            "relationship deleted",
                            "relationships deleted",
                        ),
                        (s.labels_added, "label added", "labels added"),
                        (s.labels_removed, "label removed", "labels removed"),
                        (s.properties_set, "property set", "properties set"),
                        (
                            s.properties_removed,
                            "property removed",
                            "properties removed",
                        ),
                    ] {
                        if count > 0 {
                            parts.push(format!("{count} {}", if count == 1 { one } else { many }));
                        }
                    }
                    let _ = write!(summary, "; {}", parts.join(", "));
                }
                out.push_str(&summary);
                self.last = Some(r);
                Reply::text(out)
            }
            Err(e) if e.code == "Cancelled" => {
                self.take_cancel();
                Reply::error(format!(
                    "cancelled after {:.1} ms{}",
                    elapsed.as_secs_f64() * 1000.0,
                    if q.writes() {
                        "; the graph is unchanged"
                    } else {
                        ""
                    }
                ))
            }
            Err(e) => Reply::error(e.render(text)),
        }
    }

    fn run_command(&mut self, cmd: Command) -> Reply {
        match cmd {
            Command::Quit => Reply {
                quit: true,
                ..Reply::default()
            },
            Command::Help(None) => {
                let mut out = String::from(
                    "Type a query and end it with ';' (it may span lines). Commands:\n",
                );
                for (_, usage, what) in COMMANDS {
                    let _ = writeln!(out, "  {usage:<26} {what}");
                }
                out.push_str(
                    "Keys: Tab completes (keywords, labels, types, keys, names in quotes), \u{2192} takes the grey hint,\n\
                     \x20     Ctrl-C cancels a running query, stops the output or clears the input, Ctrl-D leaves, \u{2191} recalls history.\n\
                     Example: MATCH (a:Actor)-[:OPPOSES]->(m:Mission) RETURN a.name, m.name;",
                );
                Reply::text(out)
            }
            Command::Help(Some(name)) => {
                let name = name.trim_start_matches(':');
                let name = match name {
                    "h" | "?" => "help",
                    "q" | "exit" => "quit",
                    "params" => "param",
                    n => n,
                };
                match COMMANDS.iter().find(|(n, _, _)| *n == name) {
                    Some((_, usage, what)) => {
                        let mut text = format!("{usage}\n  {what}");
                        for ex in examples(name) {
                            let _ = write!(text, "\n  e.g. {ex}");
                        }
                        Reply::text(text)
                    }
                    None => Reply::error(unknown_command(name)),
                }
            }
            Command::Schema => Reply::text(self.schema()),
            Command::Stats => {
                let docs = self.graph.label_count("Document");
                Reply::text(format!(
                    "{} nodes, {} relationships, {} documents",
                    self.graph.node_count(),
                    self.graph.rel_count(),
                    docs
                ))
            }
            Command::Format(None) => Reply::text(format!("format: {}", format_name(self.format))),
            Command::Format(Some(f)) => match f.parse::<Format>() {
                Ok(f) => {
                    self.format = f;
                    Reply::text(format!("format: {}", format_name(f)))
                }
                Err(e) => Reply::error(e),
            },
            Command::Param(None) => {
                if self.params.is_empty() {
                    return Reply::text("no parameters (set one with :param name value)");
                }
                let mut names: Vec<_> = self.params.iter().collect();
                names.sort_by(|a, b| a.0.cmp(b.0));
                Reply::text(
                    names
                        .iter()
                        .map(|(k, v)| format!("${k} = {v}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            }
            Command::ClearParams => {
                self.params.clear();
                self.changes += 1;
                Reply::text("parameters cleared")
            }
            Command::ParamExpr(name, expr) => match self.evaluate(&expr) {
                Ok(v) => {
                    let shown = v.to_string();
                    self.params.insert(name.clone(), v);
                    self.changes += 1;
                    Reply::text(format!("${name} = {shown}"))
                }
                Err(e) => Reply::error(e),
            },
            Command::Param(Some((name, value))) => match parse_value(&value) {
                Ok(v) => {
                    let shown = v.to_string();
                    self.params.insert(name.clone(), v);
                    self.changes += 1;
                    Reply::text(format!("${name} = {shown}"))
                }
                Err(e) => Reply::error(e),
            },
            Command::Timing(arg) => {
                match arg.as_deref() {
                    None => self.timing = !self.timing,
                    Some("on") => self.timing = true,
                    Some("off") => self.timing = false,
                    Some(other) => {
                        return Reply::error(format!("`:timing {other}`: use on or off"));
                    }
                }
                Reply::text(format!("timing {}", if self.timing { "on" } else { "off" }))
            }
            Command::Load(path) => self.load(&path),
            Command::Save(path) => {
                let (path, whence) = match (path, &self.graph_file) {
                    (Some(p), _) => (PathBuf::from(p), ""),
                    (None, Some(f)) => (f.clone(), " (the snapshot the graph was opened from)"),
                    (None, None) => {
                        return Reply::error(
                            "`:save` needs a file name: the graph was not opened from a snapshot",
                        );
                    }
                };
                match self.graph.save(&path) {
                    Ok(()) => Reply::text(format!(
                        "saved {} nodes and {} relationships to {}{whence}",
                        self.graph.node_count(),
                        self.graph.rel_count(),
                        path.display()
                    )),
                    Err(e) => Reply::error(e.to_string()),
                }
            }
            Command::Open(path) => match Graph::load(&path) {
                Ok(g) => {
                    self.graph = g;
                    self.graph_file = Some(PathBuf::from(&path));
                    self.last = None;
                    self.changes += 1;
                    Reply::text(format!(
                        "opened {path}: {} nodes, {} relationships",
                        self.graph.node_count(),
                        self.graph.rel_count()
                    ))
                }
                Err(e) => Reply::error(e.to_string()),
            },
            Command::Why => Reply::text(self.why()),
            Command::Dot(file, query) => self.dot(&file, query.as_deref()),
            Command::Explain(path) => match read_document(Path::new(&path)) {
                Ok(doc) => {
                    let (_, reports) = self.extractor.explain(&doc);
                    Reply::text(render_explanation(&reports).trim_end().to_string())
                }
                Err(e) => Reply::error(e.to_string()),
            },
        }
    }

    /// Read documents into the graph: extraction in parallel, as the
    /// command line does; a .jsonl line that cannot be read is a warning
    /// with its file and number; Ctrl-C stops between batches.
    fn load(&mut self, path: &str) -> Reply {
        let read = match read_all(&[Path::new(path)]) {
            Ok(read) => read,
            Err(e) => return Reply::error(e.to_string()),
        };
        let total = read.documents.len();
        self.take_cancel();
        let cancel = self.limits.cancel.clone();
        let cancelled = || cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));
        let before = (self.graph.node_count(), self.graph.rel_count());
        let mut progress = self.load_progress.take();
        let mut report = |event| {
            if let Some(p) = progress.as_mut() {
                p(event);
            }
        };
        report(LoadProgress::Started(total));
        let mut loaded = 0;
        self.graph.add_documents(
            read.documents.iter().take_while(|_| !cancelled()),
            &self.extractor,
            |_| {
                loaded += 1;
                report(LoadProgress::Added);
            },
        );
        report(LoadProgress::Finished);
        self.load_progress = progress;
        self.take_cancel();
        self.changes += 1;
        let mut text = format!(
            "loaded {loaded} document{}: +{} nodes, +{} relationships",
            if loaded == 1 { "" } else { "s" },
            self.graph.node_count() - before.0,
            self.graph.rel_count() - before.1
        );
        if loaded < total {
            let _ = write!(text, " (cancelled: {} not read)", total - loaded);
        }
        let skipped = read.skipped.len();
        if skipped > 0 {
            let _ = write!(
                text,
                "; {skipped} line{} skipped",
                if skipped == 1 { "" } else { "s" }
            );
        }
        Reply {
            warnings: read.skipped.iter().map(ToString::to_string).collect(),
            ..Reply::text(text)
        }
    }

    /// The value of an expression, over the graph and with the parameters
    /// set so far; an error points into the expression.
    fn evaluate(&self, expr: &str) -> Result<Value, String> {
        const BEFORE: &str = "RETURN ";
        let query = format!("{BEFORE}{expr}");
        let in_expr = |mut e: crate::query::QueryError| {
            e.pos = e
                .pos
                .map(|p| p.saturating_sub(BEFORE.len()).min(expr.len()));
            e.render(expr)
        };
        let q = PreparedQuery::new(&query).map_err(in_expr)?;
        if q.writes() {
            return Err(format!(
                "`{expr}` changes the graph: a parameter takes a value"
            ));
        }
        let r = q
            .run(&self.graph, &self.params, &self.limits)
            .map_err(in_expr)?;
        match r.rows.as_slice() {
            [row] => Ok(row[0].clone()),
            _ => Err(format!("`{expr}` is not one value")),
        }
    }

    fn dot(&mut self, file: &str, query: Option<&str>) -> Reply {
        let dot = match query {
            Some(q) => {
                let q = q.trim().trim_end_matches(';').trim_end();
                self.take_cancel();
                let result = PreparedQuery::new(q)
                    .and_then(|p| p.run(&self.graph, &self.params, &self.limits));
                match result {
                    Ok(r) => match try_result_to_dot(&self.graph, &r, DotOptions::default()) {
                        Ok(dot) => dot,
                        Err(e) => return Reply::error(e.to_string()),
                    },
                    Err(e) => return Reply::error(e.render(q)),
                }
            }
            None => self.graph.to_dot(),
        };
        let format = RenderFormat::from_path(Path::new(file));
        let bytes = match format {
            Some(f) => match dot::render(&dot, f) {
                Ok(image) => image,
                Err(e) => return Reply::error(e.to_string()),
            },
            None => dot.into_bytes(),
        };
        if let Err(e) = std::fs::write(file, bytes) {
            return Reply::error(format!("{file}: {e}"));
        }
        Reply::text(match format {
            Some(_) => format!("wrote {file}"),
            None => format!(
                "wrote {file} (render it with: dot -Tsvg {file} -o graph.svg, or name the file .svg or .png)"
            ),
        })
    }

    fn schema(&self) -> String {
        let mut out = String::from("labels:\n");
        for (l, n) in self.graph.label_counts() {
            let _ = writeln!(out, "  :{l:<24} {n}");
        }
        out.push_str("relationship types:\n");
        for (t, n) in self.graph.rel_type_counts() {
            let _ = writeln!(out, "  :{t:<24} {n}");
        }
        out.push_str("property keys:\n");
        for (k, n) in self.graph.property_key_counts() {
            let _ = writeln!(out, "  {k:<25} {n}");
        }
        out.trim_end().to_string()
    }

    /// Evidence of the relationships the last result holds (directly, in
    /// paths, or between the nodes it returned).
    fn why(&self) -> String {
        let Some(r) = &self.last else {
            return "no result yet: run a query first".into();
        };
        let mut rels = Vec::new();
        let mut nodes = Vec::new();
        fn walk(
            v: &Value,
            rels: &mut Vec<crate::value::RelId>,
            nodes: &mut Vec<crate::value::NodeId>,
        ) {
            match v {
                Value::Rel(r) => rels.push(*r),
                Value::Node(n) => nodes.push(*n),
                Value::Path(p) => rels.extend(p.rels.iter().copied()),
                Value::List(items) => items.iter().for_each(|x| walk(x, rels, nodes)),
                Value::Map(m) => m.values().for_each(|x| walk(x, rels, nodes)),
                _ => {}
            }
        }
        for row in &r.rows {
            for v in row {
                walk(v, &mut rels, &mut nodes);
            }
        }
        if rels.is_empty() && nodes.len() >= 2 {
            for n in &nodes {
                for (rel, other) in self
                    .graph
                    .edges(*n, crate::graph::Direction::Outgoing, None)
                {
                    if nodes.contains(&other) {
                        rels.push(rel);
                    }
                }
            }
        }
        rels.sort();
        rels.dedup();
        let mut out = String::new();
        for rel in rels {
            let Some((a, b)) = self.graph.rel_endpoints(rel) else {
                continue;
            };
            let name = |n| {
                self.graph
                    .node_property(n, "name")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_string()
            };
            let _ = writeln!(
                out,
                "{} -[{}]-> {}",
                name(a),
                self.graph.rel_type(rel),
                name(b)
            );
            let sources = self
                .graph
                .rel_property(rel, "sources")
                .cloned()
                .unwrap_or_default();
            if let Value::List(ev) = self
                .graph
                .rel_property(rel, "evidence")
                .cloned()
                .unwrap_or_default()
            {
                for e in ev {
                    if let Value::String(s) = e {
                        let _ = writeln!(out, "    \"{s}\"");
                    }
                }
            }
            if let Value::List(src) = sources {
                let names: Vec<String> = src
                    .iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect();
                if !names.is_empty() {
                    let _ = writeln!(out, "    sources: {}", names.join(", "));
                }
            }
        }
        if out.is_empty() {
            "the last result holds no relationships with evidence (return relationships or paths, e.g. MATCH (a)-[r]->(b) RETURN r)".into()
        } else {
            out.trim_end().to_string()
        }
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Json => "json",
        Format::Csv => "csv",
    }
}

/// Whether the text ends a statement: a `;` at the end, outside quotes.
fn ends_statement(text: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut last_significant = None;
    for c in text.chars() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            last_significant = Some(c);
            continue;
        }
        if c == '\'' || c == '"' || c == '`' {
            quote = Some(c);
        }
        if !c.is_whitespace() {
            last_significant = Some(c);
        }
    }
    quote.is_none() && last_significant == Some(';')
}

/// Parse a parameter value: a Cypher literal (number, string, list, map,
/// boolean, null); anything else is taken as a string.
pub fn parse_value(text: &str) -> Result<Value, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("a parameter needs a value".into());
    }
    let g = Graph::new();
    match g.query(&format!("RETURN {t} AS v")) {
        Ok(r) if r.rows.len() == 1 => Ok(r.rows[0][0].clone()),
        _ => Ok(Value::str(t)),
    }
}

fn unknown_command(name: &str) -> String {
    let best = COMMANDS
        .iter()
        .map(|(n, _, _)| (edit_distance(name, n), *n))
        .min()
        .filter(|(d, _)| *d <= 2);
    match best {
        Some((_, n)) => {
            format!("unknown command `:{name}`; did you mean `:{n}`? (:help lists them)")
        }
        None => format!("unknown command `:{name}` (:help lists them)"),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Parse a meta-command line (without the leading `:`).
pub fn parse_command(line: &str) -> Result<Command, String> {
    let line = line.trim();
    let (name, rest) = match line.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    let arg = (!rest.is_empty()).then(|| rest.to_string());
    let need = |what: &str| -> Result<String, String> {
        arg.clone().ok_or_else(|| format!("`:{name}` needs {what}"))
    };
    Ok(match name {
        "help" | "h" | "?" => Command::Help(arg),
        "quit" | "q" | "exit" => Command::Quit,
        "schema" => Command::Schema,
        "stats" => Command::Stats,
        "format" => Command::Format(arg),
        "param" | "params" => match arg {
            None => Command::Param(None),
            Some(a) if a == "clear" => Command::ClearParams,
            // cypher-shell's `:param name => expression`.
            Some(a)
                if a.split_once("=>").is_some_and(|(n, _)| {
                    !n.trim().is_empty() && !n.trim().contains(char::is_whitespace)
                }) =>
            {
                let (n, v) = a.split_once("=>").expect("checked above");
                if v.trim().is_empty() {
                    return Err("`:param name => value` needs a value: :param limit => 10".into());
                }
                Command::ParamExpr(
                    n.trim().trim_start_matches('$').to_string(),
                    v.trim().to_string(),
                )
            }
            Some(a) => {
                let (n, v) = a
                    .split_once(char::is_whitespace)
                    .ok_or("`:param` needs a name and a value: :param country 'Kenya'")?;
                Command::Param(Some((
                    n.trim_start_matches('$').to_string(),
                    v.trim().to_string(),
                )))
            }
        },
        "timing" => Command::Timing(arg),
        "load" => Command::Load(need("a file or folder")?),
        "save" => Command::Save(arg),
        "open" => Command::Open(need("a snapshot file")?),
        "why" => Command::Why,
        "dot" => {
            let a = need("a file name")?;
            match a.split_once(char::is_whitespace) {
                Some((f, q)) => Command::Dot(f.to_string(), Some(q.to_string())),
                None => Command::Dot(a, None),
            }
        }
        "explain" => Command::Explain(need("a document file")?),
        other => return Err(unknown_command(other)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'Kenya', kind: 'country'})-[:LEADS {evidence: ['Kenya leads it.'], sources: ['a.txt']}]->(:Mission {name: 'MSS'})").unwrap();
        Session::new(g, Extractor::new())
    }

    #[test]
    fn queries_span_lines_until_a_semicolon() {
        let mut s = session();
        assert!(s.eval_line("MATCH (a:Actor)").pending);
        let r = s.eval_line("RETURN a.name AS name;");
        assert!(!r.error, "{}", r.text);
        assert!(r.text.contains("| Kenya |"));
        assert!(r.text.contains("1 row ("));
    }

    #[test]
    fn errors_keep_the_session_and_point_at_the_spot() {
        let mut s = session();
        let r = s.eval_line("MATCH (a RETURN a;");
        assert!(r.error && !r.quit);
        assert!(r.text.contains("line 1, column 10"), "{}", r.text);
        assert!(!s.eval_line("RETURN 1 AS one;").error);
    }

    #[test]
    fn commands() {
        let mut s = session();
        assert!(s.eval_line(":schema").text.contains(":Actor"));
        assert_eq!(
            s.eval_line(":stats").text,
            "2 nodes, 1 relationships, 0 documents"
        );
        assert!(s.eval_line(":quit").quit);
        assert_eq!(
            s.eval_line(":shema").text,
            "unknown command `:shema`; did you mean `:schema`? (:help lists them)"
        );
        assert_eq!(s.eval_line(":param name 'Kenya'").text, "$name = 'Kenya'");
        assert!(
            s.eval_line("MATCH (a {name: $name}) RETURN a.kind AS k;")
                .text
                .contains("country")
        );
        s.eval_line("MATCH (a)-[r:LEADS]->(m) RETURN r;");
        let why = s.eval_line(":why").text;
        assert!(
            why.contains("Kenya -[LEADS]-> MSS")
                && why.contains("\"Kenya leads it.\"")
                && why.contains("sources: a.txt"),
            "{why}"
        );
        s.eval_line(":timing off");
        assert!(s.eval_line(":format csv").text.contains("csv"));
        assert_eq!(s.eval_line("RETURN 1 AS x;").text, "x\n1\n1 row");
    }

    #[test]
    fn writes_report_what_changed() {
        let mut s = session();
        s.eval_line(":timing off");
        let r = s.eval_line("CREATE (:Actor {name: 'Chad'});");
        assert_eq!(
            r.text,
            "0 rows; 1 node created, 1 label added, 1 property set"
        );
    }
}
