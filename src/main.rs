//! The newsgraph command line: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::export::dot::{RenderFormat, render as render_dot};
use newsgraph::export::{DotOptions, to_dot, try_result_to_dot};
use newsgraph::extract::{Extractor, Lexicon, render_explanation};
use newsgraph::output::{Format, render};
use newsgraph::query::{Limits, Params, PreparedQuery};
use newsgraph::repl::editor::{CONTINUATION, PROMPT, ReplHelper, colour_wanted, editor};
use newsgraph::repl::{LoadProgress, Session, parse_value};
use newsgraph::{Graph, input};
use rustyline::Editor;
use rustyline::history::FileHistory;

/// jemalloc: extraction and snapshot loading make millions of small
/// allocations, about a fifth faster than with the system allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "A knowledge graph of international affairs, built from news articles."
)]
#[command(
    after_help = "With no command, newsgraph builds the graph from ./seeds and opens the REPL."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
}

/// Where the graph comes from.
#[derive(clap::Args, Clone, Default)]
struct Source {
    /// Documents to read: files or folders (repeatable). Default: ./seeds
    #[arg(long = "input", short = 'i', value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// A snapshot (JSON, or binary when it ends in .ngb) to load instead of reading documents.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    graph: Option<PathBuf>,
    /// Extra lexicon (TOML): actors, aliases and trigger words (repeatable).
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Node-link JSON, as NetworkX and d3 read it.
    Json,
    /// GraphML, for Gephi, NetworkX, yEd and Neo4j (APOC).
    Graphml,
    /// A Cypher script of CREATE statements.
    Cypher,
    /// CSV files for Neo4j's and Kùzu's bulk import, into the folder -o names.
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Render {
    Svg,
    Png,
}

#[derive(Subcommand)]
enum Cmd {
    /// Open the interactive REPL.
    Repl {
        #[command(flatten)]
        source: Source,
    },
    /// Run one query and print its result.
    Query {
        #[command(flatten)]
        source: Source,
        /// Save the changes a writing query makes to the --graph snapshot.
        #[arg(long, requires = "graph")]
        write: bool,
        /// A query parameter: NAME=VALUE, the value a Cypher literal or a plain string (repeatable).
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "table")]
        format: OutFormat,
        /// Stop the query after this many seconds (0: no time limit).
        #[arg(long, value_name = "SECONDS", default_value_t = QUERY_TIMEOUT_SECS)]
        timeout: f64,
        /// The query.
        query: String,
    },
    /// Write the graph (or a query's result) as Graphviz DOT.
    Dot {
        #[command(flatten)]
        source: Source,
        /// Draw only what this query returns.
        #[arg(long, short = 'q')]
        query: Option<String>,
        /// Render with Graphviz instead of writing DOT (also chosen by an
        /// output file named .svg or .png).
        #[arg(long, value_enum)]
        render: Option<Render>,
        /// Also draw documents and their MENTIONS.
        #[arg(long)]
        documents: bool,
        /// Leave out the legend.
        #[arg(long)]
        no_legend: bool,
        /// Output file (default: standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Build the graph and save it as a snapshot: binary when the file ends in .ngb, else JSON.
    Build {
        #[command(flatten)]
        source: Source,
        /// The snapshot file.
        #[arg(long, short = 'o', required = true)]
        output: PathBuf,
    },
    /// Export the graph for other tools.
    Export {
        #[command(flatten)]
        source: Source,
        /// Export format.
        #[arg(long, short = 'f', value_enum)]
        format: ExportFormat,
        /// Output file (default: standard output); for csv, the folder to write.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Show what the extractor finds in a document, sentence by sentence, and why.
    Explain {
        /// The document (a .jsonl file: each of its records).
        file: PathBuf,
        /// Extra lexicon (TOML) (repeatable).
        #[arg(long = "lexicon", value_name = "FILE")]
        lexicons: Vec<PathBuf>,
    },
}

/// The `query` command's default time budget, in seconds.
const QUERY_TIMEOUT_SECS: f64 = 30.0;

/// The `query` command's limits: the library's, with a time budget.
fn query_limits(timeout_secs: f64) -> Result<Limits, Failure> {
    if !timeout_secs.is_finite() || timeout_secs < 0.0 {
        return Err(Failure(format!(
            "--timeout {timeout_secs}: give a number of seconds, 0 for no limit"
        )));
    }
    Ok(Limits {
        timeout: (timeout_secs > 0.0).then(|| std::time::Duration::from_secs_f64(timeout_secs)),
        ..Limits::default()
    })
}

/// A failure, printed as one line (queries add their caret lines).
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            // Usage errors too are one line.
            let text = e.to_string();
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
                .collect();
            eprintln!("{}", lines.join(" "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn extractor(lexicons: &[PathBuf]) -> Result<Extractor, Failure> {
    Ok(Extractor::with_lexicon(Lexicon::with_user_files(lexicons)?))
}

/// The graph of one command. The process ends when the command does, so
/// the graph is never freed: freeing millions of records one by one would
/// only delay the exit (about a second on 5M relationships).
fn load(source: &Source) -> Result<(ManuallyDrop<Graph>, Extractor), Failure> {
    let ex = extractor(&source.lexicons)?;
    if let Some(path) = &source.graph {
        return Ok((ManuallyDrop::new(Graph::load(path)?), ex));
    }
    let inputs = if source.inputs.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        source.inputs.clone()
    };
    let read = input::read_all(&inputs)?;
    report_skipped(&read.skipped);
    let bar = progress_bar(read.documents.len());
    let mut graph = Graph::new();
    graph.add_documents(&read.documents, &ex, |_| bar.inc(1));
    bar.finish_and_clear();
    Ok((ManuallyDrop::new(graph), ex))
}

/// Export CSV files for bulk importers into a folder.
fn export_csv(source: &Source, dir: Option<&Path>) -> Result<(), Failure> {
    let dir = dir.ok_or_else(|| {
        Failure("--format csv writes a folder of files: name it with -o DIR".into())
    })?;
    if dir.is_file() {
        return Err(Failure(format!(
            "{}: is a file; --format csv writes a folder of files",
            dir.display()
        )));
    }
    let (graph, _) = load(source)?;
    let files = newsgraph::export::write_csv(&graph, dir)
        .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    eprintln!(
        "wrote {} files to {} (load them with neo4j-import.sh or kuzu.cypher there)",
        files.len(),
        dir.display()
    );
    Ok(())
}

/// Warn on standard error about the .jsonl records that were skipped.
fn report_skipped(skipped: &[input::Skipped]) {
    for s in skipped {
        eprintln!("warning: {s}");
    }
}

/// A progress bar on standard error while many documents are extracted;
/// hidden when standard error is not a terminal.
fn progress_bar(documents: usize) -> ProgressBar {
    const MANY: usize = 8;
    if documents < MANY || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(documents as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("reading {bar:40} {pos}/{len} documents, {eta} left")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Write to standard output; a closed pipe ends quietly.
fn emit(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure(format!("writing output: {e}"))),
        Ok(()) => Ok(()),
    }
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure(format!("{}: {e}", p.display()))),
        None => emit(text),
    }
}

fn parse_params(raw: &[String]) -> Result<Params, Failure> {
    let mut params = Params::new();
    for p in raw {
        let (name, value) = p
            .split_once('=')
            .ok_or_else(|| Failure(format!("--param `{p}`: expected NAME=VALUE")))?;
        params.insert(
            name.trim().trim_start_matches('$').to_string(),
            parse_value(value)?,
        );
    }
    Ok(params)
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => repl(&Source::default()),
        Some(Cmd::Repl { source }) => repl(&source),
        Some(Cmd::Query {
            source,
            write,
            params,
            format,
            timeout,
            query,
        }) => {
            let params = parse_params(&params)?;
            let limits = query_limits(timeout)?;
            if query.trim().is_empty() {
                return Err(Failure("the query is empty".into()));
            }
            let q = PreparedQuery::new(&query)
                .map_err(|e| Failure(format!("query: {}", e.render(&query))))?;
            if q.writes() && !write {
                return Err(Failure(
                    "this query changes the graph: run it on a snapshot with --graph FILE --write to save the changes".into(),
                ));
            }
            let (mut graph, _) = load(&source)?;
            let result = if q.writes() {
                q.run_mut(&mut graph, &params, &limits)
            } else {
                q.run(&graph, &params, &limits)
            }
            .map_err(|e| {
                let hint = if e.code == "Timeout" {
                    "; raise it with --timeout SECONDS (0 for no limit)"
                } else {
                    ""
                };
                Failure(format!("query: {}{hint}", e.render(&query)))
            })?;
            if q.writes()
                && let Some(path) = &source.graph
            {
                graph.save(path)?;
            }
            let format = match format {
                OutFormat::Table => Format::Table,
                OutFormat::Json => Format::Json,
                OutFormat::Csv => Format::Csv,
            };
            emit(&render(&graph, &result, format))
        }
        Some(Cmd::Dot {
            source,
            query,
            render: render_as,
            documents,
            no_legend,
            output,
        }) => {
            let (graph, _) = load(&source)?;
            let options = DotOptions {
                legend: !no_legend,
                documents,
            };
            let dot = match &query {
                Some(q) => {
                    let result = graph
                        .query(q)
                        .map_err(|e| Failure(format!("query: {}", e.render(q))))?;
                    try_result_to_dot(&graph, &result, options)?
                }
                None => to_dot(&graph, options),
            };
            let format = match render_as {
                Some(Render::Svg) => Some(RenderFormat::Svg),
                Some(Render::Png) => Some(RenderFormat::Png),
                None => output.as_deref().and_then(RenderFormat::from_path),
            };
            match format {
                None => write_output(output.as_deref(), &dot),
                Some(format) => {
                    if output.is_none() && std::io::stdout().is_terminal() {
                        let f = format.name();
                        return Err(Failure(format!(
                            "--render {f} writes an image: name a file with -o graph.{f}, or redirect standard output"
                        )));
                    }
                    let image = render_dot(&dot, format)?;
                    match &output {
                        Some(p) => std::fs::write(p, image)
                            .map_err(|e| Failure(format!("{}: {e}", p.display()))),
                        None => {
                            let mut out = std::io::stdout().lock();
                            out.write_all(&image)
                                .and_then(|_| out.flush())
                                .map_err(|e| Failure(format!("writing output: {e}")))
                        }
                    }
                }
            }
        }
        Some(Cmd::Build { source, output }) => {
            let (graph, _) = load(&source)?;
            graph.save(&output)?;
            eprintln!(
                "wrote {}: {} nodes, {} relationships",
                output.display(),
                graph.node_count(),
                graph.rel_count()
            );
            Ok(())
        }
        Some(Cmd::Export {
            source,
            format,
            output,
        }) => {
            let render: fn(&Graph) -> Result<String, Failure> = match format {
                ExportFormat::Csv => return export_csv(&source, output.as_deref()),
                ExportFormat::Json => {
                    |g| Ok(serde_json::to_string_pretty(&newsgraph::export::node_link(g))? + "\n")
                }
                ExportFormat::Graphml => |g| Ok(newsgraph::export::to_graphml(g)),
                ExportFormat::Cypher => |g| Ok(newsgraph::export::to_cypher(g)),
            };
            let (graph, _) = load(&source)?;
            write_output(output.as_deref(), &render(&graph)?)
        }
        Some(Cmd::Explain { file, lexicons }) => {
            let ex = extractor(&lexicons)?;
            let read = input::read_file(&file)?;
            report_skipped(&read.skipped);
            let mut text = String::new();
            for doc in &read.documents {
                if read.documents.len() > 1 {
                    text.push_str(&format!("== {} ({})\n", doc.info.name, doc.info.path));
                }
                let (_, reports) = ex.explain(doc);
                text.push_str(&render_explanation(&reports));
            }
            emit(&text)
        }
    }
}

fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".newsgraph_history"))
}

/// The history file: read when the REPL starts, and each statement
/// appended as soon as it is entered, so that it survives however the
/// REPL ends (and several REPLs add to one file).
struct HistoryFile {
    path: Option<PathBuf>,
    warned: bool,
}

impl HistoryFile {
    fn open(editor: &mut Editor<ReplHelper, FileHistory>) -> HistoryFile {
        let path = history_path();
        if let Some(p) = &path {
            // A missing file is a first run.
            let _ = editor.load_history(p);
        }
        HistoryFile {
            path,
            warned: false,
        }
    }

    /// Append the entries not yet in the file; warn once if it cannot be written.
    fn append(&mut self, editor: &mut Editor<ReplHelper, FileHistory>) {
        let Some(p) = &self.path else { return };
        if let Err(e) = editor.append_history(p)
            && !self.warned
        {
            self.warned = true;
            eprintln!("warning: history not saved to {}: {e}", p.display());
        }
    }
}

/// A progress bar for `:load`, drawn on standard error when it is a
/// terminal and there are many documents (as when the command line reads
/// them).
fn load_progress_bar() -> Box<dyn FnMut(LoadProgress) + Send> {
    let mut bar = ProgressBar::hidden();
    Box::new(move |event| match event {
        LoadProgress::Started(documents) => bar = progress_bar(documents),
        LoadProgress::Added => bar.inc(1),
        LoadProgress::Finished => bar.finish_and_clear(),
    })
}

/// Print a reply on standard output in pieces of whole lines, and stop
/// when Ctrl-C asks to: the rest is left out and the prompt comes back.
fn print_reply(text: &str, stop: &AtomicBool) {
    const PIECE: usize = 16 * 1024;
    let mut out = std::io::stdout().lock();
    let mut rest = text;
    let mut at_line_start = true;
    while !rest.is_empty() {
        if stop.swap(false, Ordering::SeqCst) {
            let newline = if at_line_start { "" } else { "\n" };
            let _ = writeln!(out, "{newline}(output stopped)");
            let _ = out.flush();
            return;
        }
        let mut end = rest.len().min(PIECE);
        if end < rest.len() {
            match rest[..end].rfind('\n') {
                Some(i) => end = i + 1,
                None => {
                    while !rest.is_char_boundary(end) {
                        end += 1;
                    }
                }
            }
        }
        let (piece, after) = rest.split_at(end);
        if out.write_all(piece.as_bytes()).is_err() {
            return;
        }
        at_line_start = piece.ends_with('\n');
        rest = after;
    }
    let _ = out.write_all(b"\n");
    let _ = out.flush();
}

/// The REPL: rustyline reads lines, the session evaluates them. Ctrl-C
/// never leaves: at the prompt rustyline reads it as a key and the input
/// is cleared; elsewhere SIGINT reaches the handler, which cancels what is
/// being evaluated (queries and `:load` poll the flag) or stops the output
/// being printed. Ctrl-D and `:quit` leave.
fn repl(source: &Source) -> Result<(), Failure> {
    let (graph, ex) = load(source)?;
    // Never freed either, for the reason `load` gives.
    let mut session = ManuallyDrop::new(Session::new(ManuallyDrop::into_inner(graph), ex));
    session.graph_file = source.graph.clone();
    let cancel = Arc::new(AtomicBool::new(false));
    session.limits.cancel = Some(cancel.clone());
    session.load_progress = Some(load_progress_bar());
    let busy = Arc::new(AtomicBool::new(false));
    let stop_output = Arc::new(AtomicBool::new(false));
    {
        let (busy, cancel, stop_output) = (busy.clone(), cancel.clone(), stop_output.clone());
        // Outside readline (which reads Ctrl-C as a key) SIGINT arrives
        // here, on the handler's own thread.
        ctrlc::set_handler(move || {
            if busy.load(Ordering::SeqCst) {
                cancel.store(true, Ordering::SeqCst);
            } else {
                stop_output.store(true, Ordering::SeqCst);
            }
        })?;
    }
    let colour = colour_wanted() && std::io::stdout().is_terminal();
    let mut editor = editor(ReplHelper::new(session.vocabulary(), colour))?;
    let mut generation = session.generation();
    let mut history = HistoryFile::open(&mut editor);
    if std::io::stdin().is_terminal() {
        println!(
            "newsgraph: {} nodes, {} relationships. End queries with ';'. Tab completes, :help for commands, Ctrl-D leaves.",
            session.graph.node_count(),
            session.graph.rel_count()
        );
    }
    let mut statement = String::new();
    loop {
        let prompt = if session.is_pending() {
            CONTINUATION
        } else {
            PROMPT
        };
        match editor.readline(prompt) {
            Ok(line) => {
                // A Ctrl-C from before this line is not for its output.
                stop_output.store(false, Ordering::SeqCst);
                if !statement.is_empty() {
                    statement.push('\n');
                }
                statement.push_str(&line);
                busy.store(true, Ordering::SeqCst);
                let reply = session.eval_line(&line);
                busy.store(false, Ordering::SeqCst);
                if !reply.pending {
                    // One history entry per statement, however many lines.
                    if !statement.trim().is_empty() {
                        let _ = editor.add_history_entry(statement.as_str());
                        history.append(&mut editor);
                    }
                    statement.clear();
                }
                for w in &reply.warnings {
                    eprintln!("warning: {w}");
                }
                if !reply.text.is_empty() {
                    if reply.error {
                        if colour {
                            eprintln!("\x1b[31m{}\x1b[0m", reply.text);
                        } else {
                            eprintln!("{}", reply.text);
                        }
                    } else {
                        print_reply(&reply.text, &stop_output);
                    }
                }
                if reply.quit {
                    break;
                }
                if session.generation() != generation {
                    generation = session.generation();
                    if let Some(h) = editor.helper_mut() {
                        h.vocabulary = session.vocabulary();
                    }
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => {
                if session.is_pending() || !statement.is_empty() {
                    println!("(input cleared)");
                } else {
                    println!("(Ctrl-D or :quit leaves)");
                }
                session.cancel_input();
                statement.clear();
            }
            Err(rustyline::error::ReadlineError::Eof) => break,
            Err(e) => return Err(Failure(format!("reading input: {e}"))),
        }
    }
    history.append(&mut editor);
    Ok(())
}
