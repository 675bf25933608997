//! The REPL session as an analyst uses it, line by line, over the seed articles.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use std::ops::{Deref, DerefMut};

use newsgraph::query::ast::verified_query;
use newsgraph::repl::{Reply, Session};
use newsgraph::{Extractor, Graph};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn session() -> Checked {
    let graph = Graph::from_paths([seeds()]).expect("the seeds load");
    let mut s = Checked {
        session: Session::new(graph, Extractor::new()),
        typed: String::new(),
    };
    // Timings change from run to run.
    assert_eq!(s.eval_line(":timing off").text, "timing off");
    s
}

/// A session whose queries all go through the round trip: each statement
/// a line ends, and the query of `:dot`.
struct Checked {
    session: Session,
    /// The statement being typed.
    typed: String,
}

impl Checked {
    fn eval_line(&mut self, line: &str) -> Reply {
        let command = !self.session.is_pending() && line.trim_start().starts_with(':');
        if command {
            let mut words = line.trim().splitn(3, char::is_whitespace);
            match words.next() {
                Some(":dot") => {
                    if let Some(query) = words.nth(1) {
                        verified_query(query.trim().trim_end_matches(';').trim_end());
                    }
                }
                // `:param name => expression` evaluates `RETURN expression`.
                Some(":param") => {
                    if let Some((_, expr)) = line.split_once("=>") {
                        verified_query(&format!("RETURN {}", expr.trim()));
                    }
                }
                _ => {}
            }
        } else {
            if !self.typed.is_empty() {
                self.typed.push('\n');
            }
            self.typed.push_str(line);
        }
        let reply = self.session.eval_line(line);
        if !command && !reply.pending {
            let statement = std::mem::take(&mut self.typed);
            verified_query(statement.trim().trim_end_matches(';').trim());
        }
        reply
    }

    fn cancel_input(&mut self) {
        self.typed.clear();
        self.session.cancel_input();
    }
}

impl Deref for Checked {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl DerefMut for Checked {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

/// The text of a line that must succeed.
fn ok(s: &mut Checked, line: &str) -> String {
    let r = s.eval_line(line);
    assert!(!r.error, "{line}: {}", r.text);
    r.text
}

/// The text of a line that must fail (and keep the session).
fn err(s: &mut Checked, line: &str) -> String {
    let r = s.eval_line(line);
    assert!(r.error && !r.quit, "{line}: {}", r.text);
    r.text
}

#[test]
fn a_query_prints_rows_and_a_count() {
    let mut s = session();
    let out = ok(
        &mut s,
        "MATCH (a:Actor {name: 'Kenya'})-[:LEADS]->(m:Mission) RETURN a.name AS leader;",
    );
    assert_eq!(
        out,
        "+--------+\n| leader |\n+--------+\n| Kenya  |\n+--------+\n1 row"
    );
    assert!(ok(&mut s, "MATCH (n:Nothing) RETURN n;").ends_with("0 rows"));
    ok(&mut s, ":timing on");
    let timed = ok(&mut s, "RETURN 1 AS one;");
    let last = timed.lines().last().unwrap();
    assert!(
        last.starts_with("1 row (") && last.ends_with(" ms)"),
        "{last}"
    );
}

#[test]
fn multi_line_queries_end_with_a_semicolon() {
    let mut s = session();
    for line in ["MATCH (a:Actor)", "WHERE a.name = 'Kenya'", ""] {
        let r = s.eval_line(line);
        assert!(r.pending && r.text.is_empty(), "{line}");
        assert!(s.is_pending());
    }
    // A `;` inside a string does not end the query.
    assert!(s.eval_line("RETURN 'a;b' AS x,").pending);
    let out = ok(&mut s, "a.kind AS kind;");
    assert!(out.contains("| a;b | country |"), "{out}");
    assert!(!s.is_pending());
    // Forgetting a half-typed query (Ctrl-C).
    assert!(s.eval_line("MATCH (a)").pending);
    s.cancel_input();
    assert!(!s.is_pending());
    assert!(ok(&mut s, "RETURN 2 AS two;").contains("| 2   |"));
}

#[test]
fn errors_point_at_the_spot_and_keep_the_session() {
    let mut s = session();
    let e = err(&mut s, "MATCH (a:Actor\nRETURN a;");
    assert!(e.starts_with("SyntaxError"), "{e}");
    assert!(e.ends_with("(line 2, column 1)\n  RETURN a\n  ^"), "{e}");
    let e = err(&mut s, "MATCH (a:Actor) RETURN nope;");
    assert!(e.contains("UndefinedVariable"), "{e}");
    assert!(ok(&mut s, "RETURN 1 AS one;").ends_with("1 row"));
}

#[test]
fn writes_summarize_their_changes() {
    let mut s = session();
    let before = s.generation();
    let out = ok(
        &mut s,
        "MATCH (a:Actor {name: 'Kenya'}) CREATE (a)-[:NOTED]->(:Note {text: 'seen', by: 'me'});",
    );
    assert_eq!(
        out,
        "0 rows; 1 node created, 1 relationship created, 1 label added, 2 properties set"
    );
    assert_ne!(
        s.generation(),
        before,
        "completion must learn the new names"
    );
    assert!(s.vocabulary().labels.contains(&"Note".to_string()));
    let out = ok(&mut s, "MATCH (n:Note) DETACH DELETE n;");
    assert_eq!(out, "0 rows; 1 node deleted, 1 relationship deleted");
    // A failing write changes nothing.
    let nodes = s.graph.node_count();
    err(
        &mut s,
        "CREATE (:Note {text: 'x'}) WITH 1 AS one UNWIND [1, 0] AS d RETURN 1 / d;",
    );
    assert_eq!(s.graph.node_count(), nodes);
}

#[test]
fn help_and_did_you_mean() {
    let mut s = session();
    let help = ok(&mut s, ":help");
    for cmd in [
        ":schema", ":stats", ":load", ":save", ":open", ":format", ":param", ":timing", ":why",
        ":dot", ":explain", ":quit", "Ctrl-C", "Ctrl-D", "Tab",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from :help\n{help}");
    }
    let dot_help = ok(&mut s, ":help dot");
    assert!(dot_help.starts_with(":dot FILE [query]"), "{dot_help}");
    assert!(dot_help.contains("e.g. :dot kenya.svg MATCH"), "{dot_help}");
    assert!(ok(&mut s, ":help q").starts_with(":quit"));
    assert!(ok(&mut s, ":help :why").starts_with(":why"));
    assert_eq!(
        err(&mut s, ":shcema"),
        "unknown command `:shcema`; did you mean `:schema`? (:help lists them)"
    );
    assert_eq!(
        err(&mut s, ":hlep"),
        "unknown command `:hlep`; did you mean `:help`? (:help lists them)"
    );
    assert_eq!(
        err(&mut s, ":frobnicate"),
        "unknown command `:frobnicate` (:help lists them)"
    );
    assert!(err(&mut s, ":help nothing").contains("unknown command `:nothing`"));
    assert!(err(&mut s, ":load").contains("needs a file or folder"));
    assert!(s.eval_line(":quit").quit);
    assert!(s.eval_line(":exit").quit);
}

#[test]
fn schema_and_stats_count() {
    let mut s = session();
    let schema = ok(&mut s, ":schema");
    let g = &s.graph;
    let actors = g.label_count("Actor");
    assert!(
        schema
            .lines()
            .any(|l| l.trim_start().starts_with(":Actor") && l.ends_with(&format!(" {actors}"))),
        "{schema}"
    );
    for part in [
        "labels:",
        "relationship types:",
        ":LEADS",
        "property keys:",
        "evidence",
    ] {
        assert!(schema.contains(part), "{part}: {schema}");
    }
    let stats = ok(&mut s, ":stats");
    assert_eq!(
        stats,
        format!(
            "{} nodes, {} relationships, 2 documents",
            s.graph.node_count(),
            s.graph.rel_count()
        )
    );
}

#[test]
fn formats_and_parameters() {
    let mut s = session();
    assert_eq!(ok(&mut s, ":format"), "format: table");
    ok(&mut s, ":format json");
    let out = ok(&mut s, "RETURN 'Kenya' AS name;");
    assert_eq!(out, "[\n  {\n    \"name\": \"Kenya\"\n  }\n]\n1 row");
    ok(&mut s, ":format csv");
    assert_eq!(
        ok(&mut s, "RETURN 1 AS a, 'x, y' AS b;"),
        "a,b\n1,\"x, y\"\n1 row"
    );
    assert!(err(&mut s, ":format xml").contains("use table, json or csv"));
    ok(&mut s, ":format table");

    assert!(ok(&mut s, ":param").starts_with("no parameters"));
    assert_eq!(ok(&mut s, ":param country 'Kenya'"), "$country = 'Kenya'");
    assert_eq!(ok(&mut s, ":param $n 2"), "$n = 2");
    assert_eq!(ok(&mut s, ":param list [1, 2]"), "$list = [1, 2]");
    assert_eq!(
        ok(&mut s, ":param"),
        "$country = 'Kenya'\n$list = [1, 2]\n$n = 2"
    );
    assert_eq!(s.vocabulary().params, ["country", "list", "n"]);
    let out = ok(
        &mut s,
        "MATCH (a:Actor {name: $country}) RETURN a.kind AS k, $n + size($list) AS m;",
    );
    assert!(out.contains("| country | 4 |"), "{out}");
    assert!(err(&mut s, ":param lonely").contains("needs a name and a value"));
    assert_eq!(ok(&mut s, ":param clear"), "parameters cleared");
    assert!(err(&mut s, "RETURN $n;").contains("n"));
    assert!(err(&mut s, ":timing maybe").contains("use on or off"));
}

#[test]
fn why_shows_evidence_and_sources() {
    let mut s = session();
    assert!(ok(&mut s, ":why").starts_with("no result yet"));
    ok(
        &mut s,
        "MATCH (a:Actor {name: 'Kenya'})-[r:LEADS]->(m:Mission) RETURN r;",
    );
    let why = ok(&mut s, ":why");
    let mut lines = why.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Kenya -[LEADS]-> Multinational Security Support"),
        "{why}"
    );
    assert!(lines.next().unwrap().starts_with("    \""), "{why}");
    assert!(why.contains("    sources: 00"), "{why}");
    // Paths and pairs of nodes work too.
    ok(
        &mut s,
        "MATCH p = (a:Actor {name: 'Kenya'})-[:LEADS]->() RETURN p;",
    );
    assert!(ok(&mut s, ":why").contains("-[LEADS]->"));
    ok(
        &mut s,
        "MATCH (a:Actor {name: 'Kenya'})-[:LEADS]->(m) RETURN a, m;",
    );
    assert!(ok(&mut s, ":why").contains("-[LEADS]->"));
    ok(&mut s, "RETURN 1 AS x;");
    assert!(ok(&mut s, ":why").contains("holds no relationships"));
}

#[test]
fn a_plain_save_writes_the_snapshot_the_graph_came_from() {
    let mut s = session();
    let dir = tempfile::tempdir().unwrap();
    // Not opened from a snapshot: a file must be named.
    assert_eq!(
        err(&mut s, ":save"),
        "`:save` needs a file name: the graph was not opened from a snapshot"
    );
    // As `--graph FILE` opens it.
    let snap = dir.path().join("r.json");
    s.graph.save(&snap).unwrap();
    s.graph_file = Some(snap.clone());
    ok(&mut s, "CREATE (:Note {text: 'checked'});");
    let out = ok(&mut s, ":save");
    assert_eq!(
        out,
        format!(
            "saved {} nodes and {} relationships to {} (the snapshot the graph was opened from)",
            s.graph.node_count(),
            s.graph.rel_count(),
            snap.display()
        )
    );
    let back = Graph::load(&snap).unwrap();
    assert_eq!(back.label_count("Note"), 1);
    // `:open FILE` makes FILE the one a plain `:save` writes.
    let other = dir.path().join("other.json");
    back.save(&other).unwrap();
    ok(&mut s, &format!(":open {}", other.display()));
    ok(&mut s, "MATCH (n:Note) DELETE n;");
    assert!(ok(&mut s, ":save").contains(&other.display().to_string()));
    assert_eq!(Graph::load(&other).unwrap().label_count("Note"), 0);
    assert_eq!(Graph::load(&snap).unwrap().label_count("Note"), 1);
}

#[test]
fn param_takes_cypher_shells_arrow_form() {
    let mut s = session();
    assert_eq!(ok(&mut s, ":param x => 5"), "$x = 5");
    assert_eq!(ok(&mut s, ":param $y=>$x * 2 + size([1, 2])"), "$y = 12");
    assert_eq!(ok(&mut s, ":param who => 'Ken' + 'ya'"), "$who = 'Kenya'");
    assert_eq!(
        ok(&mut s, ":param ids => [x IN range(1, 3) | x * $x]"),
        "$ids = [5, 10, 15]"
    );
    assert!(
        ok(
            &mut s,
            "MATCH (a:Actor {name: $who}) RETURN a.kind AS kind;"
        )
        .contains("country")
    );
    // The value is an expression: one that does not parse is an error
    // pointing into it, not a string.
    let e = err(&mut s, ":param bad => 1 +");
    assert!(e.starts_with("SyntaxError (UnexpectedSyntax)"), "{e}");
    assert!(e.ends_with("  1 +\n     ^"), "{e}");
    assert!(err(&mut s, ":param x =>").contains("needs a value"));
    assert!(err(&mut s, ":param z => $nope").contains("MissingParameter"));
    // The first form still takes a literal, or else a string.
    assert_eq!(ok(&mut s, ":param s 'a=>b'"), "$s = 'a=>b'");
    assert!(err(&mut s, ":param t => nothing").contains("UndefinedVariable"));
}

#[test]
fn load_save_open_and_explain() {
    let mut s = session();
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("chad.txt");
    std::fs::write(
        &doc,
        "Chad said on Monday it would send 500 troops to the Multinational Security Support mission in Haiti.\n",
    )
    .unwrap();
    let before = s.graph.label_count("Document");
    let gen0 = s.generation();
    let out = ok(&mut s, &format!(":load {}", doc.display()));
    assert!(out.starts_with("loaded 1 document: +"), "{out}");
    assert_eq!(s.graph.label_count("Document"), before + 1);
    assert_ne!(s.generation(), gen0);
    assert!(s.vocabulary().names.contains(&"Chad".to_string()));
    assert!(err(&mut s, ":load /no/such/place").contains("/no/such/place"));

    let snap = dir.path().join("graph.json");
    let out = ok(&mut s, &format!(":save {}", snap.display()));
    assert!(out.starts_with("saved "), "{out}");
    let nodes = s.graph.node_count();
    ok(&mut s, "MATCH (n) DETACH DELETE n;");
    assert_eq!(s.graph.node_count(), 0);
    let out = ok(&mut s, &format!(":open {}", snap.display()));
    assert!(
        out.starts_with(&format!("opened {}: {nodes} nodes", snap.display())),
        "{out}"
    );
    assert_eq!(s.graph.node_count(), nodes);
    assert!(err(&mut s, ":open /no/such/graph.json").contains("graph.json"));

    let out = ok(&mut s, &format!(":explain {}", doc.display()));
    assert!(out.contains("Chad"), "{out}");
    assert!(out.contains("[rule: "), "{out}");
}

/// Graphviz must accept a DOT file.
fn graphviz_accepts(file: &Path) {
    let o = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(file)
        .output()
        .expect("Graphviz (`dot`) is required for this test: install the graphviz package");
    assert!(
        o.status.success(),
        "Graphviz rejected {}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn dot_writes_and_renders() {
    let mut s = session();
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.dot");
    let out = ok(&mut s, &format!(":dot {}", whole.display()));
    assert!(
        out.starts_with(&format!("wrote {}", whole.display())),
        "{out}"
    );
    let text = std::fs::read_to_string(&whole).unwrap();
    assert!(text.starts_with("digraph newsgraph {") && text.contains("Legend"));
    graphviz_accepts(&whole);

    ok(&mut s, ":param who 'Kenya'");
    let part = dir.path().join("part.dot");
    ok(
        &mut s,
        &format!(
            ":dot {} MATCH p = (a:Actor {{name: $who}})-[:LEADS]->() RETURN p;",
            part.display()
        ),
    );
    let text = std::fs::read_to_string(&part).unwrap();
    assert!(
        text.contains("\"Kenya\"") && !text.contains("\"China\""),
        "{text}"
    );
    graphviz_accepts(&part);

    // .svg and .png go through Graphviz.
    let svg = dir.path().join("part.svg");
    let out = ok(
        &mut s,
        &format!(":dot {} MATCH (a)-[r:OPPOSES]->(b) RETURN r", svg.display()),
    );
    assert_eq!(out, format!("wrote {}", svg.display()));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let png = dir.path().join("whole.png");
    ok(&mut s, &format!(":dot {}", png.display()));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));

    let e = err(
        &mut s,
        &format!(":dot {} MATCH (a RETURN a", part.display()),
    );
    assert!(e.starts_with("SyntaxError"), "{e}");
    assert!(err(&mut s, ":dot /no/such/dir/g.dot").contains("/no/such/dir/g.dot"));
}

#[test]
fn cancelling_a_running_query_keeps_the_session() {
    let mut s = session();
    let cancel = Arc::new(AtomicBool::new(false));
    s.limits.cancel = Some(cancel.clone());
    // A flag left over from before the query is not for it.
    cancel.store(true, Ordering::SeqCst);
    assert!(ok(&mut s, "RETURN 1 AS x;").contains("1 row"));

    let flag = cancel.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, Ordering::SeqCst);
    });
    let started = Instant::now();
    let e = err(
        &mut s,
        "MATCH (a), (b), (c), (d), (e), (f), (g) WHERE a.name + b.name + c.name + d.name + e.name + f.name + g.name = '' RETURN count(*) AS n;",
    );
    canceller.join().unwrap();
    assert!(e.starts_with("cancelled after "), "{e}");
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(
        !cancel.load(Ordering::SeqCst),
        "the flag is cleared for the next query"
    );
    assert!(ok(&mut s, "RETURN 2 AS y;").contains("1 row"));
}

#[test]
fn dot_of_a_query_without_nodes_relationships_or_paths_is_refused() {
    let mut s = session();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("names.dot");
    let e = err(
        &mut s,
        &format!(":dot {} MATCH (a:Actor) RETURN a.name;", file.display()),
    );
    assert_eq!(
        e,
        "the query returned no nodes, relationships or paths to draw (only values: a.name); return them, e.g. MATCH p = (a)-[r]->(b) RETURN p"
    );
    assert!(!file.exists(), "no empty drawing is written");
    // No rows is what the query found: an empty drawing.
    ok(
        &mut s,
        &format!(":dot {} MATCH (a:Nothing) RETURN a", file.display()),
    );
    assert!(file.exists());
}

#[test]
fn load_reports_skipped_jsonl_lines_and_its_progress() {
    use newsgraph::repl::LoadProgress;
    use std::sync::Mutex;
    let mut s = session();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    s.load_progress = Some(Box::new(move |e| seen.lock().unwrap().push(e)));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("news.jsonl");
    std::fs::write(
        &f,
        [
            r#"{"id": "ok-1", "text": "Chad opposed the Multinational Security Support mission."}"#,
            r#"{"id": "bad", "text": "unterminated}"#,
            r#"{"id": "no-text"}"#,
            r#"{"id": "ok-2", "text": "Benin leads the MSS mission."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let r = s.eval_line(&format!(":load {}", f.display()));
    assert!(!r.error, "{}", r.text);
    assert!(r.text.starts_with("loaded 2 documents: +"), "{}", r.text);
    assert!(r.text.ends_with("; 2 lines skipped"), "{}", r.text);
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    let shown = f.display().to_string();
    assert!(
        r.warnings[0].starts_with(&format!("{shown}:2: not JSON (")),
        "{:?}",
        r.warnings
    );
    assert_eq!(
        r.warnings[1],
        format!("{shown}:3: no \"text\" field; line skipped")
    );
    assert_eq!(
        *events.lock().unwrap(),
        [
            LoadProgress::Started(2),
            LoadProgress::Added,
            LoadProgress::Added,
            LoadProgress::Finished
        ]
    );
    let names = ok(
        &mut s,
        "MATCH (d:Document) WHERE d.name STARTS WITH 'ok-' RETURN d.name ORDER BY d.name;",
    );
    assert!(
        names.contains("| ok-1   |") && names.contains("| ok-2   |"),
        "{names}"
    );
    // A file without bad lines has no warnings.
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Chad leads the MSS mission.\n").unwrap();
    let r = s.eval_line(&format!(":load {}", good.display()));
    assert!(
        r.text.starts_with("loaded 1 document: +") && r.warnings.is_empty(),
        "{r:?}"
    );
}

#[test]
fn load_is_cancelled_by_ctrl_c_between_batches() {
    let mut s = session();
    let cancel = Arc::new(AtomicBool::new(false));
    s.limits.cancel = Some(cancel.clone());
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("many.jsonl");
    let lines: Vec<String> = (0..500)
        .map(|i| {
            format!(r#"{{"id": "d{i}", "text": "Chad leads the MSS mission, report {i} says."}}"#)
        })
        .collect();
    std::fs::write(&f, lines.join("\n")).unwrap();
    // Ctrl-C while the first documents are added.
    let flag = cancel.clone();
    s.load_progress = Some(Box::new(move |e| {
        if e == newsgraph::repl::LoadProgress::Added {
            flag.store(true, Ordering::SeqCst);
        }
    }));
    let out = ok(&mut s, &format!(":load {}", f.display()));
    assert!(out.contains(" not read)"), "{out}");
    assert!(!cancel.load(Ordering::SeqCst), "the flag is cleared");
}
