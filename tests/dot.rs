//! DOT output: golden snapshots of every style, and every variant drawn by Graphviz.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use newsgraph::Graph;
use newsgraph::export::{DotOptions, result_to_dot, to_dot};
use newsgraph::query::ast::verified_query;

/// A graph with every label, kind, relationship type and mark the styles know.
fn fixture() -> Graph {
    let mut g = Graph::new();
    g.query_mut(verified_query(
        r#"CREATE
          (ke:Actor {name: 'Kenya', kind: 'country', aliases: ['Republic of Kenya']}),
          (us:Actor {name: 'United States', kind: 'country'}),
          (cn:Actor {name: 'China', kind: 'country'}),
          (un:Actor {name: 'United Nations', kind: 'organization'}),
          (hnp:Actor {name: 'Haitian National Police', kind: 'force'}),
          (g9:Actor {name: 'G9 "Family"', kind: 'group'}),
          (p:Actor {name: 'Jimmy Cherizier', kind: 'person'}),
          (x:Actor {name: 'Back\\slash\nand newline'}),
          (mss:Mission {name: 'Multinational Security Support Mission', personnel_planned: 2500, personnel_deployed: 400, annual_cost: 600000000, annual_cost_unit: 'USD'}),
          (pko:Mission {name: 'U.N. peacekeeping operation', status: 'proposed'}),
          (old:Mission {name: 'MINUSTAH', status: 'ended'}),
          (res:Resolution {name: 'Resolution 2699', status: 'adopted'}),
          (doc:Document {name: 'a.txt', title: 'Council extends mission'}),
          (note:Note {text: 'checked by hand'}),
          (ke)-[:LEADS {evidence: ['Kenya leads the mission.'], sources: ['a.txt'], mentions: 1}]->(mss),
          (ke)-[:CONTRIBUTES {kind: 'personnel', amount: 1000, unit: 'personnel', qualifier: 'about', negated: false}]->(mss),
          (us)-[:CONTRIBUTES {kind: 'money', amount: 300000000, unit: 'USD', qualifier: 'over', negated: false, mentions: 3}]->(mss),
          (cn)-[:CONTRIBUTES {kind: 'other', negated: true, evidence: ['China refrained from contributing.']}]->(mss),
          (us)-[:SUPPORTS {hedged: false, negated: false, status: 'abandoned'}]->(pko),
          (un)-[:SUPPORTS {hedged: true, negated: false, evidence: ['The U.N. could back a "full" operation.']}]->(pko),
          (cn)-[:OPPOSES {hedged: false, negated: false}]->(pko),
          (cn)-[:ABSTAINS]->(res),
          (ke)-[:MEMBER_OF]->(un),
          (mss)-[:LOCATED_IN]->(x),
          (mss)-[:SUPPORTS {hedged: false, negated: false}]->(hnp),
          (p)-[:OPPOSES {hedged: false, negated: false}]->(mss),
          (g9)-[:OPPOSES {hedged: false, negated: true}]->(hnp),
          (doc)-[:MENTIONS {count: 4}]->(ke),
          (doc)-[:MENTIONS {count: 1}]->(mss),
          (note)-[:ABOUT]->(old)"#,
    ))
    .expect("the fixture builds");
    g
}

/// Graphviz must accept the DOT; returns the SVG.
fn graphviz(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz (`dot`) is required for this test: install the graphviz package");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(dot.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Graphviz rejected the DOT: {err}\n{dot}"
    );
    assert!(!err.contains("syntax error"), "{err}");
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
    svg
}

fn bare() -> DotOptions {
    DotOptions {
        legend: false,
        documents: false,
    }
}

#[test]
fn whole_graph_with_legend() {
    let dot = to_dot(&fixture(), DotOptions::default());
    graphviz(&dot);
    insta::assert_snapshot!("whole_graph_with_legend", dot);
}

#[test]
fn documents_without_legend() {
    let dot = to_dot(
        &fixture(),
        DotOptions {
            legend: false,
            documents: true,
        },
    );
    graphviz(&dot);
    assert!(dot.contains("MENTIONS ×4"), "{dot}");
    assert!(!dot.contains("Legend"), "{dot}");
    insta::assert_snapshot!("documents_without_legend", dot);
}

#[test]
fn a_query_of_paths() {
    let g = fixture();
    let r = g
        .query(verified_query(
            "MATCH p = (a:Actor)-[:CONTRIBUTES]->(m:Mission) RETURN p ORDER BY a.name",
        ))
        .unwrap();
    let dot = result_to_dot(&g, &r, DotOptions::default());
    graphviz(&dot);
    insta::assert_snapshot!("query_of_paths", dot);
}

#[test]
fn a_query_of_relationships_and_of_nodes() {
    let g = fixture();
    // Relationships bring their endpoints.
    let r = g
        .query(verified_query(
            "MATCH (:Actor {name: 'China'})-[r]->() RETURN r",
        ))
        .unwrap();
    let dot = result_to_dot(&g, &r, bare());
    graphviz(&dot);
    insta::assert_snapshot!("query_of_relationships", dot);
    // Nodes alone are drawn with the relationships between them.
    let r = g
        .query(verified_query("MATCH (a:Actor {name: 'Kenya'}), (m:Mission {name: 'Multinational Security Support Mission'}) RETURN a, m"))
        .unwrap();
    let dot = result_to_dot(&g, &r, bare());
    graphviz(&dot);
    assert!(
        dot.contains("LEADS") && dot.contains("CONTRIBUTES"),
        "{dot}"
    );
    assert!(!dot.contains("United States"), "{dot}");
    // Values nested in lists and maps count too; documents returned are drawn.
    let r = g
        .query(verified_query("MATCH (d:Document)-[r]->(n) WITH d, collect(r) AS links RETURN {doc: d, links: links} AS m"))
        .unwrap();
    let dot = result_to_dot(&g, &r, bare());
    graphviz(&dot);
    assert!(
        dot.contains("shape=folder") && dot.contains("MENTIONS ×4"),
        "{dot}"
    );
}

#[test]
fn an_empty_graph_and_an_empty_result() {
    let dot = to_dot(&Graph::new(), DotOptions::default());
    graphviz(&dot);
    let g = fixture();
    let r = g
        .query(verified_query("MATCH (n:Nothing) RETURN n"))
        .unwrap();
    let empty = result_to_dot(&g, &r, DotOptions::default());
    graphviz(&empty);
    assert_eq!(dot, empty);
    insta::assert_snapshot!("empty", dot);
}

#[test]
fn output_is_deterministic() {
    assert_eq!(
        to_dot(&fixture(), DotOptions::default()),
        to_dot(&fixture(), DotOptions::default())
    );
    // A snapshot round trip draws the same picture.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("g.json");
    fixture().save(&f).unwrap();
    assert_eq!(
        to_dot(&Graph::load(&f).unwrap(), DotOptions::default()),
        to_dot(&fixture(), DotOptions::default())
    );
}

#[test]
fn escaping_survives_graphviz() {
    let svg = graphviz(&to_dot(&fixture(), bare()));
    // Graphviz shows the quotes and the backslash as typed; the newline breaks the line.
    assert!(svg.contains("G9 &quot;Family&quot;"), "{svg}");
    assert!(svg.contains(">Back\\slash<"), "{svg}");
    assert!(svg.contains(">and newline<"), "{svg}");
    // Evidence becomes a tooltip.
    assert!(svg.contains("China refrained from contributing."), "{svg}");
}

// ---------------------------------------------------------------- the binary

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn run(args: &[&str]) -> Output {
    // The queries it is given go through the round trip first.
    for w in args.windows(2).filter(|w| w[0] == "--query") {
        verified_query(w[1]);
    }
    let mut cmd = bin();
    cmd.arg("dot").arg("--input").arg(seeds()).args(args);
    cmd.output().expect("the binary runs")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn every_command_line_variant_goes_through_graphviz() {
    for args in [
        &[][..],
        &["--no-legend"],
        &["--documents"],
        &["--documents", "--no-legend"],
        &["--query", "MATCH p = (a:Actor)-[:LEADS]->(m) RETURN p"],
        &["--query", "MATCH (a:Actor)-[r:OPPOSES]->(b) RETURN r"],
        &["--query", "MATCH (a:Actor)-->(m:Mission) RETURN a, m"],
        &["--query", "MATCH (d:Document)-[r]->(n) RETURN d, r, n"],
        &["--query", "MATCH (n:Nothing) RETURN n"],
    ] {
        let dot = ok(&run(args));
        assert!(dot.starts_with("digraph newsgraph {"), "{args:?}: {dot}");
        graphviz(&dot);
        // The same command draws the same picture.
        assert_eq!(dot, ok(&run(args)), "{args:?}");
    }
}

#[test]
fn render_to_svg_and_png_files() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("g.svg");
    ok(&run(&["--render", "svg", "-o", svg.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let png = dir.path().join("g.png");
    ok(&run(&[
        "--render",
        "png",
        "--query",
        "MATCH p = ()-[:LEADS]->() RETURN p",
        "-o",
        png.to_str().unwrap(),
    ]));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    // The file name alone asks for rendering.
    let by_name = dir.path().join("by-name.svg");
    ok(&run(&["-o", by_name.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&by_name).unwrap().contains("<svg"));
    // Without -o the image goes to standard output (a pipe here).
    let piped = ok(&run(&["--render", "svg"]));
    assert!(piped.contains("<svg"));
    // A .dot file stays DOT.
    let dot = dir.path().join("g.dot");
    ok(&run(&["-o", dot.to_str().unwrap()]));
    graphviz(&std::fs::read_to_string(&dot).unwrap());
}

#[test]
fn rendering_without_graphviz_names_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.svg");
    // A PATH where no `dot` can be found.
    let o = bin()
        .env("PATH", dir.path())
        .args(["dot", "--input"])
        .arg(seeds())
        .args(["--render", "svg", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error: Graphviz is not installed"), "{err}");
    assert!(err.contains("install the `graphviz` package"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!out.exists());
    // Writing DOT needs no Graphviz.
    let o = bin()
        .env("PATH", dir.path())
        .args(["dot", "--input"])
        .arg(seeds())
        .output()
        .unwrap();
    assert!(o.status.success());
}

#[test]
fn a_bad_query_is_refused() {
    let o = run(&["--query", "MATCH (a RETURN a"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error: query: SyntaxError"), "{err}");
    let o = run(&["--query", "CREATE (:Note)"]);
    assert!(!o.status.success());
}
