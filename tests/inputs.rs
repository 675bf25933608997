//! Document inputs end to end: .txt, .md, .html and .jsonl through the binary and the library, dates carried to facts, bad records, progress.

use std::path::Path;
use std::process::{Command, Output};

use newsgraph::query::ast::verified_query;
use newsgraph::{Extractor, Graph, Item};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

const ARTICLE_HTML: &str = r#"<!doctype html>
<html><head><title>Kenya to lead | Example Wire</title>
<meta property="og:title" content="Kenya to lead the mission">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<link rel="canonical" href="https://example.org/kenya-to-lead">
<script>window.ads = "Russia opposed the mission.";</script></head>
<body><nav><a href="/">Home</a> Russia opposed the mission.</nav>
<article><h1>Kenya to lead the mission</h1>
<p>Kenya will lead the Multinational Security Support mission in Haiti.</p>
<aside>Read more: Russia opposed the mission.</aside>
</article><footer>© Example Wire</footer></body></html>"#;

fn jsonl(lines: &[&str]) -> String {
    lines.join("\n") + "\n"
}

/// A folder with one document of each kind.
fn mixed_folder(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Ecuador supports the Multinational Security Support mission.\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.md"), "# Note\n\nKenya leads the MSS mission.\n").unwrap();
    std::fs::write(dir.join("c.html"), ARTICLE_HTML).unwrap();
    std::fs::write(
        dir.join("d.jsonl"),
        jsonl(&[
            r#"{"id": "wire-1", "title": "Opposition", "date": "2024-03-12", "url": "https://example.org/1", "text": "China opposed the Multinational Security Support mission."}"#,
            r#"{"id": "wire-2", "title": "Again", "date": "May 2, 2024", "text": "China opposed the Multinational Security Support mission again."}"#,
        ]),
    )
    .unwrap();
}

#[test]
fn a_folder_of_every_kind_builds_one_graph_through_the_library() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let g = Graph::from_paths([dir.path()]).unwrap();
    let docs = g
        .query(verified_query(
            "MATCH (d:Document) RETURN d.name, d.title, d.date, d.url ORDER BY d.name",
        ))
        .unwrap()
        .resolve(&g);
    let names: Vec<&str> = docs.rows.iter().filter_map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["a.txt", "b.md", "c.html", "wire-1", "wire-2"]);
    let html = &docs.rows[2];
    assert_eq!(html[1].as_str(), Some("Kenya to lead the mission"));
    assert_eq!(html[2].as_str(), Some("2024-03-12"));
    assert_eq!(html[3].as_str(), Some("https://example.org/kenya-to-lead"));
    assert_eq!(docs.rows[4][2].as_str(), Some("2024-05-02"));
    assert!(docs.rows[0][2].is_null());
}

#[test]
fn html_is_read_as_its_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, ARTICLE_HTML).unwrap();
    let g = Graph::from_paths([&page]).unwrap();
    let r = g
        .query(verified_query(
            "MATCH (a)-[r]->(m) WHERE type(r) <> 'MENTIONS' RETURN a.name, type(r)",
        ))
        .unwrap()
        .resolve(&g);
    let facts: Vec<String> = r
        .rows
        .iter()
        .map(|row| format!("{} {}", row[0].as_str().unwrap(), row[1].as_str().unwrap()))
        .collect();
    assert!(facts.contains(&"Kenya LEADS".to_string()), "{facts:?}");
    // Navigation, scripts and asides are not the article.
    assert!(!facts.iter().any(|f| f.starts_with("Russia")), "{facts:?}");
}

#[test]
fn facts_carry_the_dates_of_their_documents() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let g = Graph::from_paths([dir.path()]).unwrap();
    let t = g
        .query(verified_query(
            "MATCH (:Actor {name: 'China'})-[r:OPPOSES]->(m:Mission) RETURN r, r.date, r.dates",
        ))
        .unwrap()
        .resolve(&g);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(
        t.get(0, "r.date").and_then(Item::as_str),
        Some("2024-03-12")
    );
    let dates: Vec<&str> = t
        .get(0, "r.dates")
        .and_then(Item::as_list)
        .unwrap()
        .iter()
        .filter_map(Item::as_str)
        .collect();
    assert_eq!(dates, ["2024-03-12", "2024-05-02"]);
    let rel = t.get(0, "r").and_then(Item::as_relationship).unwrap();
    assert_eq!(rel.rel_type, "OPPOSES");
    // Stances over time: what was stated on or after a day.
    let later = g
        .query(verified_query("MATCH (a)-[r:OPPOSES]->(m) WHERE any(d IN r.dates WHERE d >= '2024-04-01') RETURN a.name"))
        .unwrap();
    assert_eq!(later.rows[0][0].as_str(), Some("China"));
}

#[test]
fn a_bad_jsonl_line_is_reported_with_its_number_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("news.jsonl");
    std::fs::write(
        &f,
        jsonl(&[
            r#"{"id": "ok-1", "text": "China opposed the Multinational Security Support mission."}"#,
            r#"{"id": "bad", "text": "unterminated}"#,
            r#"{"id": "no-text"}"#,
            r#"{"id": "ok-2", "text": "Kenya leads the MSS mission."}"#,
        ]),
    )
    .unwrap();
    let o = bin()
        .args(["query", "--format", "csv", "--input"])
        .arg(&f)
        .arg(verified_query(
            "MATCH (d:Document) RETURN d.name ORDER BY d.name",
        ))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "d.name\nok-1\nok-2\n");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("warning: "), "{err}");
    assert!(lines[0].contains("news.jsonl:2: not JSON ("), "{err}");
    assert!(lines[0].ends_with("; line skipped"), "{err}");
    assert!(
        lines[1].ends_with("news.jsonl:3: no \"text\" field; line skipped"),
        "{err}"
    );
}

#[test]
fn an_html_page_without_an_article_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("menu.html");
    std::fs::write(
        &f,
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
    )
    .unwrap();
    let o = bin()
        .args(["query", "--input"])
        .arg(&f)
        .arg(verified_query("RETURN 1"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.trim_end()
            .ends_with("menu.html: no article text in this HTML page"),
        "{err}"
    );
}

#[test]
fn explain_reads_each_record_of_a_jsonl_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("two.jsonl");
    std::fs::write(
        &f,
        jsonl(&[
            r#"{"id": "one", "text": "Kenya leads the MSS mission."}"#,
            r#"{"id": "two", "text": "China opposed the MSS mission."}"#,
        ]),
    )
    .unwrap();
    let o = bin().arg("explain").arg(&f).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("== one (") && out.contains("== two ("),
        "{out}"
    );
}

fn many_documents(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("many.jsonl");
    let lines: Vec<String> = (0..12)
        .map(|i| {
            format!(r#"{{"id": "d{i}", "text": "Kenya leads the MSS mission, report {i} says."}}"#)
        })
        .collect();
    std::fs::write(&f, lines.join("\n")).unwrap();
    f
}

#[test]
fn no_progress_bar_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let f = many_documents(dir.path());
    let o = bin()
        .args(["query", "--input"])
        .arg(&f)
        .arg(verified_query("MATCH (d:Document) RETURN count(d) AS n"))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    assert!(stdout(&o).contains("| 12 |"), "{}", stdout(&o));
}

#[test]
fn a_progress_bar_on_a_terminal() {
    // util-linux `script` runs the binary on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let f = many_documents(dir.path());
    let snapshot = dir.path().join("g.json");
    let cmd = format!(
        "'{}' build --input '{}' -o '{}'",
        env!("CARGO_BIN_EXE_newsgraph"),
        f.display(),
        snapshot.display()
    );
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let screen = stdout(&o);
    assert!(screen.contains("/12 documents"), "{screen:?}");
    assert!(screen.contains("wrote "), "{screen:?}");
}

#[test]
fn an_extractor_with_extra_lexicons_and_documents_from_an_iterator() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("freedonia.toml");
    std::fs::write(
        &lexicon,
        "[[actor]]\nname = \"Freedonia\"\nkind = \"country\"\naliases = [\"Republic of Freedonia\"]\n",
    )
    .unwrap();
    let extractor =
        Extractor::with_lexicon(newsgraph::Lexicon::with_user_files(&[&lexicon]).unwrap());
    let docs = (0..3).map(|i| {
        newsgraph::Document::new(
            &format!("doc{i}.txt"),
            "The Republic of Freedonia opposed the MSS mission.",
        )
    });
    let g = Graph::from_documents(docs, &extractor);
    let t = g
        .query(verified_query(
            "MATCH (a:Actor {name: 'Freedonia'})-[r:OPPOSES]->(m) RETURN r.mentions",
        ))
        .unwrap();
    assert_eq!(t.rows[0][0].as_int(), Some(3));
}

// ------------------------------------------------------------ Markdown

const KENYA_MD: &str = "---
title: \"Kenya news\"
date: 12 March 2024
url: https://example.org/kenya
tags:
  - haiti
---

# Kenya news

**Kenya** leads the [Multinational Security Support](http://x) mission in Haiti.

```text
Russia opposed the Multinational Security Support mission.
```

![Russia opposed the mission](photo.jpg)

- China *opposed* the `MSS` mission.
";

/// The relationships of a graph other than MENTIONS, as "actor TYPE target".
fn facts(g: &Graph) -> Vec<String> {
    let r = g
        .query("MATCH (a)-[r]->(m) WHERE type(r) <> 'MENTIONS' RETURN a.name, type(r), m.name ORDER BY a.name, type(r)")
        .unwrap();
    r.rows
        .iter()
        .map(|row| {
            format!(
                "{} {} {}",
                row[0].as_str().unwrap(),
                row[1].as_str().unwrap(),
                row[2].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn markdown_is_read_as_its_text_and_yields_the_facts_plain_text_does() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("kenya.md");
    std::fs::write(&md, KENYA_MD).unwrap();
    let txt = dir.path().join("kenya.txt");
    std::fs::write(
        &txt,
        "Kenya news\n\nKenya leads the Multinational Security Support mission in Haiti.\n\nChina opposed the MSS mission.\n",
    )
    .unwrap();

    let doc = newsgraph::input::read_document(&md).unwrap();
    assert_eq!(
        doc.text,
        "Kenya news\n\nKenya leads the Multinational Security Support mission in Haiti.\n\nChina opposed the MSS mission."
    );
    assert_eq!(doc.info.title, "Kenya news");
    assert_eq!(doc.info.date.as_deref(), Some("2024-03-12"));
    assert_eq!(doc.info.url.as_deref(), Some("https://example.org/kenya"));

    let from_md = Graph::from_paths([&md]).unwrap();
    let from_txt = Graph::from_paths([&txt]).unwrap();
    let md_facts = facts(&from_md);
    assert!(
        md_facts.iter().any(|f| f.starts_with("Kenya LEADS ")),
        "{md_facts:?}"
    );
    // Code blocks and images are not the article.
    assert!(
        !md_facts.iter().any(|f| f.starts_with("Russia")),
        "{md_facts:?}"
    );
    assert_eq!(md_facts, facts(&from_txt));

    // Evidence is the text without markup, and its byte offsets point into
    // the text the extractor read.
    let t = from_md
        .query("MATCH (:Actor {name: 'Kenya'})-[r:LEADS]->() RETURN r.evidence[0], r.evidence_spans[0]")
        .unwrap();
    assert_eq!(
        t.rows[0][0].as_str(),
        Some("Kenya leads the Multinational Security Support mission in Haiti.")
    );
    let spans = t.rows[0][1].as_str().unwrap();
    let range = |what: &str| -> std::ops::Range<usize> {
        let at = spans
            .find(&format!("{what}="))
            .unwrap_or_else(|| panic!("{spans}"))
            + what.len()
            + 1;
        let text = spans[at..].split_whitespace().next().unwrap();
        let (a, b) = text.split_once("..").unwrap();
        a.parse().unwrap()..b.parse().unwrap()
    };
    assert_eq!(&doc.text[range("actor")], "Kenya", "{spans}");
    assert_eq!(&doc.text[range("trigger")], "leads", "{spans}");

    let d = from_md
        .query("MATCH (d:Document) RETURN d.title, d.date, d.url")
        .unwrap();
    assert_eq!(d.rows[0][0].as_str(), Some("Kenya news"));
    assert_eq!(d.rows[0][1].as_str(), Some("2024-03-12"));
    assert_eq!(d.rows[0][2].as_str(), Some("https://example.org/kenya"));
}

#[test]
fn markdown_titles_come_from_front_matter_or_the_first_heading() {
    use newsgraph::input::markdown_document;
    // No front matter: the first heading, wherever it is, without its marks.
    let doc = markdown_document(
        "a.md",
        "Lead paragraph.\n\n## Kenya *leads* {#top}\n\nSecond paragraph\nover two lines.\n",
    );
    assert_eq!(doc.info.title, "Kenya leads");
    assert_eq!(
        doc.text,
        "Lead paragraph.\n\nKenya leads\n\nSecond paragraph over two lines."
    );
    assert_eq!(doc.info.date, None);
    // TOML front matter; its title heads the text.
    let doc = markdown_document(
        "b.md",
        "+++\ntitle = 'Vote on Haiti'\ndate = \"2024-05-02T10:00:00Z\"\n+++\nChina abstained.\n",
    );
    assert_eq!(doc.info.title, "Vote on Haiti");
    assert_eq!(doc.info.date.as_deref(), Some("2024-05-02"));
    assert_eq!(doc.text, "Vote on Haiti\n\nChina abstained.");
    // Neither: the first line, as for .txt; tables, quotes and lists are
    // blocks of their own; HTML and footnote marks are left out.
    let doc = markdown_document(
        "c.md",
        "Plain first line\n\n> Quoted[^n].\n\n| a | b |\n|---|---|\n| Chad | Niger |\n\n<div>markup</div>\n\n[^n]: A note.\n",
    );
    assert_eq!(doc.info.title, "Plain first line");
    assert_eq!(
        doc.text,
        "Plain first line\n\nQuoted.\n\na\n\nb\n\nChad\n\nNiger\n\nA note."
    );
}
