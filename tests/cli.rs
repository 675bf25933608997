//! The command line as a user drives it: golden runs of the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use newsgraph::query::ast::verified_query;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Run the binary; the queries it is given go through the round trip first.
fn run(args: &[&str]) -> Output {
    for q in queries(args) {
        verified_query(q);
    }
    bin().args(args).output().expect("the binary runs")
}

/// The queries on a command line: the last argument of `query`, the value
/// of `--query` (`-q`).
fn queries<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = args
        .windows(2)
        .filter(|w| matches!(w[0], "--query" | "-q"))
        .map(|w| w[1])
        .collect();
    if args.first() == Some(&"query") {
        out.extend(args.last());
    }
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A failure is one line on stderr starting with "error:", and a non-zero exit.
fn assert_one_line_error(o: &Output, contains: &str) {
    assert!(
        !o.status.success(),
        "expected failure, got success: {}",
        stdout(o)
    );
    let err = stderr(o);
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(contains), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_path_is_named() {
    let o = run(&["query", "--input", "no/such/place", "RETURN 1"]);
    assert_one_line_error(&o, "no/such/place: no such file or folder");
}

#[test]
fn a_folder_without_documents_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.csv"), "a,b\n").unwrap();
    let o = run(&["query", "--input", dir.path().to_str().unwrap(), "RETURN 1"]);
    assert_one_line_error(&o, "no .txt, .md, .html or .jsonl files in this folder");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("image.txt");
    std::fs::write(&f, [0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]).unwrap();
    let o = run(&["query", "--input", f.to_str().unwrap(), "RETURN 1"]);
    assert_one_line_error(&o, "not a text file");
    let g = dir.path().join("latin1.txt");
    std::fs::write(&g, b"caf\xe9").unwrap();
    let o = run(&["query", "--input", g.to_str().unwrap(), "RETURN 1"]);
    assert_one_line_error(&o, "invalid UTF-8 at byte 3");
}

#[test]
fn an_empty_query_is_refused() {
    let o = run(&["query", "--input", seeds().to_str().unwrap(), ""]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err, "error: the query is empty\n");
}

#[test]
fn a_syntax_error_shows_line_column_and_caret() {
    let o = run(&[
        "query",
        "--input",
        seeds().to_str().unwrap(),
        "MATCH (a:Actor\nRETURN a",
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("error: query: SyntaxError (UnexpectedSyntax)"),
        "{err}"
    );
    assert!(lines[0].ends_with("(line 2, column 1)"), "{err}");
    assert_eq!(lines[1], "  RETURN a");
    assert_eq!(lines[2], "  ^");
}

#[test]
fn a_run_time_error_shows_line_column_and_caret() {
    let o = run(&[
        "query",
        "--input",
        seeds().to_str().unwrap(),
        "UNWIND [1, \"a\"] AS x\nRETURN x - 1",
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "error: query: TypeError (InvalidArgumentType): cannot apply - to STRING and INTEGER (line 2, column 10)",
        "{err}"
    );
    assert_eq!(lines[1], "  RETURN x - 1");
    assert_eq!(lines[2], "           ^");
}

/// Every trail of the seed graph, counted or filtered away: the hop limit
/// ends both at the first path too long, with the pattern named.
#[test]
fn unbounded_paths_on_the_seeds_fail_fast_and_say_why() {
    for q in [
        "MATCH p=(a)-[*]-(b) RETURN count(p)",
        "MATCH p=(a)-[*]-(b) WHERE length(p) < 0 RETURN count(p)",
    ] {
        let started = Instant::now();
        let o = run(&["query", "--input", seeds().to_str().unwrap(), q]);
        assert!(started.elapsed() < Duration::from_secs(2), "{q}");
        assert!(!o.status.success());
        let err = stderr(&o);
        assert!(
            err.starts_with("error: query: LimitExceeded (HopLimit): `-[*]-` would walk paths longer than 25 relationships"),
            "{err}"
        );
        assert!(err.contains("give it one (e.g. *..25)"), "{err}");
        assert!(err.lines().last().unwrap().ends_with('^'), "{err}");
    }
}

#[test]
fn the_query_command_has_a_time_budget() {
    let slow = "MATCH p = (a)-[*1..12]-(b) RETURN count(p)";
    let seeds = seeds();
    let started = Instant::now();
    let o = run(&[
        "query",
        "--timeout",
        "0.5",
        "--input",
        seeds.to_str().unwrap(),
        slow,
    ]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_one_line_error(
        &o,
        "LimitExceeded (Timeout): the query ran longer than its time budget of 500 ms; raise it with --timeout SECONDS (0 for no limit)",
    );
    let o = run(&[
        "query",
        "--timeout",
        "0",
        "--input",
        seeds.to_str().unwrap(),
        "RETURN 1 AS one",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let help = stdout(&run(&["query", "--help"]));
    assert!(help.contains("--timeout <SECONDS>"), "{help}");
    assert!(help.contains("[default: 30]"), "{help}");
}

#[test]
fn a_write_without_write_mode_is_refused() {
    let o = run(&[
        "query",
        "--input",
        seeds().to_str().unwrap(),
        "CREATE (:Note)",
    ]);
    assert_one_line_error(&o, "--graph FILE --write");
}

#[test]
fn json_rows_are_keyed_by_column() {
    let o = run(&[
        "query",
        "--format",
        "json",
        "--input",
        seeds().to_str().unwrap(),
        "MATCH (a:Actor {name: 'Kenya'})-[:LEADS]->(m:Mission) RETURN a.name AS leader, m.name AS mission",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rows[0]["leader"], "Kenya");
    assert!(
        rows[0]["mission"]
            .as_str()
            .unwrap()
            .starts_with("Multinational Security Support")
    );
}

#[test]
fn the_scorer_queries_run() {
    for q in [
        "MATCH (n:Actor) RETURN id(n) AS id, n.name AS name, n.aliases AS aliases, n.kind AS kind",
        "MATCH (n:Mission) RETURN id(n) AS id, n.name AS name, n.aliases AS aliases",
        "MATCH (n:Resolution) RETURN id(n) AS id, n.name AS name, n.aliases AS aliases",
        "MATCH (a)-[r]->(b) RETURN id(a) AS src, type(r) AS type, id(b) AS dst, r.kind AS kind, r.amount AS amount, r.unit AS unit, r.negated AS negated, r.status AS status",
    ] {
        let o = run(&[
            "query",
            "--format",
            "json",
            "--input",
            seeds().to_str().unwrap(),
            q,
        ]);
        assert!(o.status.success(), "{q}: {}", stderr(&o));
        let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let rows = rows.as_array().expect("an array of rows");
        // The seeds name no numbered resolution; every other query finds rows.
        assert_eq!(rows.is_empty(), q.contains(":Resolution"), "{q}");
    }
}

#[test]
fn csv_and_table_formats() {
    let o = run(&[
        "query",
        "--format",
        "csv",
        "--input",
        seeds().to_str().unwrap(),
        "RETURN 'a, b' AS x, 2 AS y",
    ]);
    assert_eq!(stdout(&o), "x,y\n\"a, b\",2\n");
    let o = run(&[
        "query",
        "--input",
        seeds().to_str().unwrap(),
        "RETURN 'a' AS x",
    ]);
    assert_eq!(stdout(&o), "+---+\n| x |\n+---+\n| a |\n+---+\n");
}

#[test]
fn snapshots_round_trip_and_writes_persist() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("graph.json");
    let o = run(&[
        "build",
        "--input",
        seeds().to_str().unwrap(),
        "-o",
        snap.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read_to_string(&snap).unwrap();
    let count = |args: &[&str]| {
        let o = run(args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let q = "MATCH (n) RETURN count(n) AS n";
    let from_docs = count(&[
        "query",
        "--format",
        "csv",
        "--input",
        seeds().to_str().unwrap(),
        q,
    ]);
    let from_snapshot = count(&[
        "query",
        "--format",
        "csv",
        "--graph",
        snap.to_str().unwrap(),
        q,
    ]);
    assert_eq!(from_docs, from_snapshot);
    // A write through --graph --write is saved; the file stays a valid snapshot.
    count(&[
        "query",
        "--graph",
        snap.to_str().unwrap(),
        "--write",
        "CREATE (:Note {text: 'checked by hand'})",
    ]);
    let notes = count(&[
        "query",
        "--format",
        "csv",
        "--graph",
        snap.to_str().unwrap(),
        "MATCH (n:Note) RETURN n.text AS t",
    ]);
    assert_eq!(notes, "t\nchecked by hand\n");
    count(&[
        "query",
        "--graph",
        snap.to_str().unwrap(),
        "--write",
        "MATCH (n:Note) DELETE n",
    ]);
    assert_eq!(std::fs::read_to_string(&snap).unwrap(), first);
}

#[test]
fn binary_snapshots_are_chosen_by_extension_and_read_like_json() {
    let dir = tempfile::tempdir().unwrap();
    let (json, bin) = (dir.path().join("graph.json"), dir.path().join("graph.ngb"));
    for out in [&json, &bin] {
        let o = run(&[
            "build",
            "--input",
            seeds().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let bytes = std::fs::read(&bin).unwrap();
    assert!(bytes.starts_with(b"\x89NGB\r\n\x1a\n"));
    assert!(bytes.len() < std::fs::metadata(&json).unwrap().len() as usize);
    let q = "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, r.sources ORDER BY a.name, type(r), b.name";
    let query = |snap: &std::path::Path| {
        let o = run(&[
            "query",
            "--format",
            "csv",
            "--graph",
            snap.to_str().unwrap(),
            q,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    assert_eq!(query(&json), query(&bin));
    // A write through --graph --write keeps the binary form.
    let o = run(&[
        "query",
        "--graph",
        bin.to_str().unwrap(),
        "--write",
        "CREATE (:Note {text: 'checked'})",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&bin).unwrap().starts_with(b"\x89NGB"));
    // A damaged file is a one-line error naming it.
    std::fs::write(&bin, &bytes[..bytes.len() / 2]).unwrap();
    let o = run(&["query", "--graph", bin.to_str().unwrap(), "RETURN 1"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "graph.ngb: binary snapshot truncated at byte {}",
            bytes.len() / 2
        )),
        "{err}"
    );
}

#[test]
fn parameters_from_the_command_line() {
    let o = run(&[
        "query",
        "--format",
        "csv",
        "--input",
        seeds().to_str().unwrap(),
        "--param",
        "name='Kenya'",
        "--param",
        "n=2",
        "MATCH (a:Actor {name: $name}) RETURN a.kind AS kind, $n + 1 AS m",
    ]);
    assert_eq!(stdout(&o), "kind,m\ncountry,3\n", "{}", stderr(&o));
}

#[test]
fn dot_output_is_accepted_by_graphviz() {
    let Ok(probe) = Command::new("dot").arg("-V").output() else {
        panic!("Graphviz (`dot`) is required for this test: install the graphviz package");
    };
    assert!(probe.status.success());
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    for extra in [
        &[][..],
        &["--query", "MATCH p = (a:Actor)-[:LEADS]->(m) RETURN p"][..],
        &["--documents", "--no-legend"][..],
    ] {
        let mut args = vec!["dot", "--input", seeds.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let dot_file = dir.path().join("g.dot");
        std::fs::write(&dot_file, &o.stdout).unwrap();
        let svg = Command::new("dot")
            .arg("-Tsvg")
            .arg(&dot_file)
            .output()
            .unwrap();
        assert!(
            svg.status.success(),
            "graphviz rejected the DOT: {}",
            String::from_utf8_lossy(&svg.stderr)
        );
        assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
    }
    let out = dir.path().join("g.svg");
    let o = run(&[
        "dot",
        "--input",
        seeds.to_str().unwrap(),
        "--render",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(out).unwrap().contains("<svg"));
}

#[test]
fn explain_names_rules() {
    let o = run(&[
        "explain",
        seeds().join("001_8fa152da395e9166.txt").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("fact     United States -[CONTRIBUTES]->"),
        "{text}"
    );
    assert!(text.contains("[rule: "), "{text}");
}

#[test]
fn explain_says_why_a_stated_fact_was_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("story.txt");
    std::fs::write(
        &f,
        "The African Union gave $5 million to the World Bank. Kenya gave $2 million to the World Bank.\n",
    )
    .unwrap();
    let o = run(&["explain", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("no fact  trigger gave (set aside: money between organizations)"),
        "{text}"
    );
    assert!(
        text.contains("fact     Kenya -[CONTRIBUTES]-> World Bank"),
        "{text}"
    );
}

#[test]
fn a_bad_lexicon_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("extra.toml");
    std::fs::write(&f, "[[actor]]\nname = \"Freedonia\"\nkind = \"planet\"\n").unwrap();
    let o = run(&[
        "query",
        "--lexicon",
        f.to_str().unwrap(),
        "--input",
        seeds().to_str().unwrap(),
        "RETURN 1",
    ]);
    assert_one_line_error(&o, "unknown ActorKind `planet`");
}

#[test]
fn export_json_is_node_link() {
    let o = run(&[
        "export",
        "--format",
        "json",
        "--input",
        seeds().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["nodes"].as_array().unwrap().len() > 5);
    assert!(v["links"][0]["source"].is_number());
}

#[test]
fn dot_of_a_query_without_nodes_relationships_or_paths_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    for (query, reason) in [
        (
            "MATCH (a:Actor) RETURN a.name",
            "error: the query returned no nodes, relationships or paths to draw (only values: a.name); return them, e.g. MATCH p = (a)-[r]->(b) RETURN p",
        ),
        (
            "MATCH (a:Actor)-[r]->(m) RETURN a.name AS actor, type(r) AS type, [m.name] AS targets",
            "error: the query returned no nodes, relationships or paths to draw (only values: actor, type, targets); return them, e.g. MATCH p = (a)-[r]->(b) RETURN p",
        ),
    ] {
        let out = dir.path().join("g.dot");
        let o = run(&[
            "dot",
            "--input",
            seeds.to_str().unwrap(),
            "--query",
            query,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_one_line_error(&o, "");
        assert_eq!(stderr(&o).trim_end(), reason);
        assert!(!out.exists(), "no empty drawing is written");
    }
    // Nodes alone are drawn.
    let o = run(&[
        "dot",
        "--input",
        seeds.to_str().unwrap(),
        "--query",
        "MATCH (a:Actor {name: 'Kenya'}) RETURN a",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"Kenya\""));
}

#[test]
fn the_repl_load_warns_about_skipped_lines_on_stderr_without_a_progress_bar_when_piped() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("many.jsonl");
    let mut lines: Vec<String> = (0..12)
        .map(|i| {
            format!(r#"{{"id": "d{i}", "text": "Chad leads the MSS mission, report {i} says."}}"#)
        })
        .collect();
    lines.insert(1, "{not json".into());
    std::fs::write(&f, lines.join("\n")).unwrap();
    let mut child = bin()
        .args(["repl", "--input", seeds().to_str().unwrap()])
        .env("NEWSGRAPH_HISTORY", dir.path().join("history"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), ":load {}", f.display()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("loaded 12 documents: +"),
        "{}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with(&format!("warning: {}:2: not JSON (", f.display())),
        "{err:?}"
    );
    assert!(err.ends_with("; line skipped\n"), "{err:?}");
}

#[test]
fn missions_the_text_only_describes_are_named_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("haiti.txt");
    std::fs::write(
        &doc,
        "Kenya has offered to lead a multinational force to Haiti. \
         Ministers approved the EU partnership mission in Moldova on Monday.\n",
    )
    .unwrap();
    let o = run(&[
        "query",
        "--format",
        "json",
        "--input",
        doc.to_str().unwrap(),
        "MATCH (m:Mission) RETURN m.name AS name ORDER BY name",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "European Union Partnership Mission in Moldova",
            "multinational force in Haiti"
        ]
    );
}
