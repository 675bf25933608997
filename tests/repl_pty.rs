//! The REPL in a real pseudo-terminal, as a new user meets it: typing, Tab
//! completion, hints, colours, an error, Ctrl-C and Ctrl-D, history, all
//! read back from the screen a terminal emulator (vt100) draws.
#![cfg(unix)]

use std::io::Write;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use vt100::Color;

const ROWS: u16 = 60;
const COLS: u16 = 160;
/// Generous: CI machines are slow and the binary is a debug build.
const TIMEOUT: Duration = Duration::from_secs(60);

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The binary in a pseudo-terminal and the screen it draws.
struct Term {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
    /// Every byte the program wrote, for what the screen no longer shows
    /// (a progress bar that was cleared).
    transcript: Vec<u8>,
}

impl Term {
    fn start(home: &Path, history: &Path) -> Term {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        cmd.arg("repl")
            .arg("--input")
            .arg(seeds())
            .current_dir(home)
            .env("HOME", home)
            .env("NEWSGRAPH_HISTORY", history)
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        let mut session = expectrl::Session::spawn(cmd).expect("the binary starts in a pty");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("the window size is set");
        let rows = NonZeroU16::new(ROWS).unwrap();
        let cols = NonZeroU16::new(COLS).unwrap();
        Term {
            session,
            parser: vt100::Parser::new(rows, cols, 0),
            transcript: Vec::new(),
        }
    }

    /// Read what the program wrote so far; answer a cursor position request.
    fn pump(&mut self) {
        while self.pump_once() {}
    }

    /// Read at most one buffer of what the program wrote; whether there was any.
    fn pump_once(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.parser.process(&buf[..n]);
                self.transcript.extend_from_slice(&buf[..n]);
                if buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let (r, c) = self.parser.screen().cursor_position();
                    let _ = write!(self.session, "\x1b[{};{}R", r + 1, c + 1);
                }
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => false,
            // The program has gone (EIO on Linux).
            Err(_) => false,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen satisfies `done`; fail with the screen if it never does.
    fn wait(&mut self, what: &str, done: impl Fn(&Term) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if done(self) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&mut self, text: &str) {
        self.wait(&format!("{text:?}"), |t| t.screen().contains(text));
    }

    /// The line the cursor is on.
    fn cursor_line(&self) -> String {
        let (row, _) = self.parser.screen().cursor_position();
        self.screen_line(row)
    }

    fn screen_line(&self, row: u16) -> String {
        let screen = self.parser.screen();
        (0..COLS)
            .map(|c| {
                screen
                    .cell(row, c)
                    .map_or(" ".to_string(), |cell| match cell.contents() {
                        "" => " ".to_string(),
                        s => s.to_string(),
                    })
            })
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    /// Wait until the line being edited reads `text`.
    fn wait_line(&mut self, text: &str) {
        self.wait(&format!("the input line {text:?}"), |t| {
            t.cursor_line() == text.trim_end()
        });
    }

    /// Wait for an empty prompt.
    fn wait_prompt(&mut self) {
        self.wait("an empty prompt", |t| {
            let (_, col) = t.parser.screen().cursor_position();
            t.cursor_line() == "newsgraph>" && col == 11
        });
    }

    fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Where `text` starts on the cursor's line.
    fn find_on_cursor_line(&self, text: &str) -> (u16, u16) {
        let (row, _) = self.parser.screen().cursor_position();
        let line = self.screen_line(row);
        let byte = line
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} not on the line {line:?}"));
        (row, line[..byte].chars().count() as u16)
    }

    fn colour_at(&self, (row, col): (u16, u16)) -> (Color, bool) {
        let cell = self.parser.screen().cell(row, col).unwrap();
        (cell.fgcolor(), cell.bold())
    }

    /// Wait for the program to end; its exit code.
    fn wait_exit(&mut self) -> i32 {
        let start = Instant::now();
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => return code,
                Ok(WaitStatus::StillAlive) | Err(_) => {}
                Ok(other) => panic!("the program ended with {other:?}"),
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "the program did not leave; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A name of the seed graph and the shortest prefix that completes only to
/// it (the extractor may find more names over time).
fn unique_name() -> (String, String) {
    let graph = newsgraph::Graph::from_paths([seeds()]).unwrap();
    let vocab = newsgraph::repl::Vocabulary::from_graph(&graph);
    let all: Vec<String> = vocab
        .names
        .iter()
        .chain(&vocab.values)
        .map(|n| n.to_lowercase())
        .collect();
    for name in &vocab.names {
        let plain = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '.');
        if !plain || name.len() < 4 {
            continue;
        }
        let lower = name.to_lowercase();
        for len in 3..=lower.len() {
            let prefix = &lower[..len];
            if all.iter().filter(|n| n.starts_with(prefix)).count() == 1 {
                return (name[..len].to_string(), name.clone());
            }
        }
    }
    panic!("no name with a unique prefix in {:?}", vocab.names);
}

const TAB: &str = "\t";
const ENTER: &str = "\r";
const RIGHT: &str = "\x1b[C";
const UP: &str = "\x1b[A";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";

#[test]
fn typing_completing_and_making_mistakes() {
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("history");
    let mut t = Term::start(home.path(), &history);
    t.wait_for("End queries with ';'");
    t.wait_prompt();

    // A label by Tab; the keyword is blue and bold, the label magenta.
    t.send("MATCH (a:Act");
    t.send(TAB);
    t.wait_line("newsgraph> MATCH (a:Actor");
    assert_eq!(
        t.colour_at(t.find_on_cursor_line("MATCH")),
        (Color::Idx(4), true)
    );
    assert_eq!(
        t.colour_at(t.find_on_cursor_line("Actor")),
        (Color::Idx(5), false)
    );
    // A relationship type and a property key.
    t.send(" {name: 'Kenya'");
    t.send("})-[:LE");
    t.send(TAB);
    t.wait_line("newsgraph> MATCH (a:Actor {name: 'Kenya'})-[:LEADS");
    t.send("]->(m) RETURN a.na");
    t.send(TAB);
    t.wait_line("newsgraph> MATCH (a:Actor {name: 'Kenya'})-[:LEADS]->(m) RETURN a.name");
    t.send(" AS leader, m.name AS mission;");
    t.send(ENTER);
    t.wait_for("1 row (");
    let screen = t.screen();
    assert!(screen.contains("| leader | mission"), "{screen}");
    assert!(
        screen.contains("| Kenya  | Multinational Security Support"),
        "{screen}"
    );
    t.wait_prompt();

    // An entity name inside quotes, in green: a name the seeds hold whose
    // first letters no other name or value shares.
    let (prefix, name) = unique_name();
    t.send(&format!("MATCH (n {{name: '{prefix}"));
    t.send(TAB);
    let line = format!("newsgraph> MATCH (n {{name: '{name}'");
    t.wait_line(&line);
    assert_eq!(
        t.colour_at(t.find_on_cursor_line(&format!("'{name}'"))).0,
        Color::Idx(2)
    );
    t.send("}) RETURN n.name AS found;");
    t.send(ENTER);
    t.wait_for(&format!("| {name}"));
    t.wait_prompt();

    // A hint for a command, taken with the right arrow.
    t.send(":sch");
    t.wait_line("newsgraph> :schema");
    assert_eq!(t.colour_at(t.find_on_cursor_line("ema")).0, Color::Idx(8));
    t.send(RIGHT);
    t.send(ENTER);
    t.wait_for("relationship types:");
    t.wait_for("property keys:");
    t.wait_prompt();

    // A query over two lines shows the continuation prompt.
    t.send("MATCH (a:Actor)");
    t.send(ENTER);
    t.wait_line("      ->");
    t.send("RETURN count(*) AS actors;");
    t.send(ENTER);
    t.wait_for("| actors |");
    t.wait_prompt();

    // A mistake: the error points at the spot and the session goes on.
    t.send("MATCH (a RETURN a;");
    t.send(ENTER);
    t.wait_for("SyntaxError");
    t.wait_for("(line 1, column 10)");
    t.wait_prompt();
    let screen = t.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.contains("(line 1, column 10)"))
        .unwrap();
    assert_eq!(lines[at + 1], "  MATCH (a RETURN a");
    assert_eq!(lines[at + 2], "           ^");

    // A mistyped command.
    t.send(":shema");
    t.send(ENTER);
    t.wait_for("did you mean `:schema`?");
    t.wait_prompt();

    // Ctrl-C forgets a half-typed query; the session stays.
    t.send("MATCH (a:Actor)");
    t.send(ENTER);
    t.wait_line("      ->");
    t.send(CTRL_C);
    t.wait_for("(input cleared)");
    t.wait_prompt();
    t.send("RETURN 6 * 7 AS answer;");
    t.send(ENTER);
    t.wait_for("| 42     |");
    t.wait_prompt();

    t.send(":quit");
    t.send(ENTER);
    assert_eq!(t.wait_exit(), 0);
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains("RETURN 6 * 7 AS answer;"), "{saved}");
}

#[test]
fn ctrl_c_cancels_a_running_query_and_ctrl_d_leaves() {
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("history");
    let mut t = Term::start(home.path(), &history);
    t.wait_prompt();

    // Seven-way cartesian product: minutes of work unless cancelled.
    t.send("MATCH (a), (b), (c), (d), (e), (f), (g) WHERE a.name + b.name + c.name + d.name + e.name + f.name + g.name = '' RETURN count(*) AS n;");
    t.send(ENTER);
    t.wait("the query to start", |t| t.cursor_line().is_empty());
    std::thread::sleep(Duration::from_millis(500));
    t.send(CTRL_C);
    t.wait_for("cancelled after");
    t.wait_prompt();

    // Still there, with the graph intact.
    t.send("MATCH (a:Actor {name: 'Kenya'}) RETURN a.kind AS kind;");
    t.send(ENTER);
    t.wait_for("| country |");
    t.wait_prompt();

    // Ctrl-C at an empty prompt does not leave; Ctrl-D does.
    t.send(CTRL_C);
    t.wait_for("Ctrl-D or :quit leaves");
    t.wait_prompt();
    t.send(CTRL_D);
    assert_eq!(t.wait_exit(), 0);

    // The history is kept: the up arrow brings the last query back.
    let mut t = Term::start(home.path(), &history);
    t.wait_prompt();
    t.send(UP);
    t.wait_line("newsgraph> MATCH (a:Actor {name: 'Kenya'}) RETURN a.kind AS kind;");
    t.send(ENTER);
    t.wait_for("| country |");
    t.wait_prompt();
    t.send(CTRL_D);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn ctrl_c_while_a_long_result_is_printed_stops_the_output_and_stays() {
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("history");
    let mut t = Term::start(home.path(), &history);
    t.wait_prompt();

    // Megabytes of rows. Read only until the table starts: the program then
    // fills the terminal's buffer and waits in the middle of printing.
    t.send("UNWIND range(1, 300000) AS x RETURN x AS row_number;");
    t.send(ENTER);
    let start = Instant::now();
    while !String::from_utf8_lossy(&t.transcript).contains("| row_number |") {
        if !t.pump_once() {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "no table; the screen shows:\n{}",
            t.screen()
        );
    }
    // Each statement is in the history file as soon as it is entered.
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(saved.contains("UNWIND range(1, 300000)"), "{saved:?}");
    std::thread::sleep(Duration::from_millis(500));
    t.send(CTRL_C);
    t.wait_for("(output stopped)");
    t.wait_prompt();
    assert!(!t.screen().contains("300000 rows"), "{}", t.screen());

    // Still there.
    t.send("RETURN 6 * 7 AS answer;");
    t.send(ENTER);
    t.wait_for("| 42     |");
    t.wait_prompt();
    t.send(CTRL_D);
    assert_eq!(t.wait_exit(), 0);
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains("RETURN 6 * 7 AS answer;"), "{saved}");
}

#[test]
fn load_reports_skipped_lines_and_shows_progress_on_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("history");
    let news = home.path().join("news.jsonl");
    let mut lines: Vec<String> = (0..12)
        .map(|i| {
            format!(r#"{{"id": "d{i}", "text": "Chad leads the MSS mission, report {i} says."}}"#)
        })
        .collect();
    lines.insert(1, "{not json".into());
    std::fs::write(&news, lines.join("\n")).unwrap();
    let mut t = Term::start(home.path(), &history);
    t.wait_prompt();
    t.send(&format!(":load {}", news.display()));
    t.send(ENTER);
    t.wait_for("loaded 12 documents: +");
    t.wait_prompt();
    let screen = t.screen();
    assert!(
        screen.contains(&format!("warning: {}:2: not JSON (", news.display())),
        "{screen}"
    );
    assert!(screen.contains("; 1 line skipped"), "{screen}");
    let transcript = String::from_utf8_lossy(&t.transcript);
    assert!(transcript.contains("/12 documents"), "{transcript}");
    t.send(CTRL_D);
    assert_eq!(t.wait_exit(), 0);
}
