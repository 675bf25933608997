//! The newsgraph command line: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::export::{DotOptions, result_to_dot, to_dot};
use newsgraph::extract::{Extractor, Lexicon, render_explanation};
use newsgraph::output::{Format, render};
use newsgraph::query::{Limits, Params, PreparedQuery};
use newsgraph::repl::{Session, parse_value};
use newsgraph::{Graph, input};

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
    /// A JSON snapshot to load instead of reading documents.
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
    Json,
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
        /// Render with Graphviz instead of writing DOT.
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
    /// Build the graph and save it as a JSON snapshot.
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
        /// Output file (default: standard output).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Show what the extractor finds in a document, sentence by sentence, and why.
    Explain {
        /// The document.
        file: PathBuf,
        /// Extra lexicon (TOML) (repeatable).
        #[arg(long = "lexicon", value_name = "FILE")]
        lexicons: Vec<PathBuf>,
    },
}

/// A failure, printed as one line (queries add their caret lines).
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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

fn load(source: &Source) -> Result<(Graph, Extractor), Failure> {
    let ex = extractor(&source.lexicons)?;
    if let Some(path) = &source.graph {
        return Ok((Graph::load(path)?, ex));
    }
    let inputs = if source.inputs.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        source.inputs.clone()
    };
    let files: Vec<PathBuf> = inputs
        .iter()
        .map(|p| input::document_files(p))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let mut graph = Graph::new();
    for f in &files {
        let doc = input::read_document(f)?;
        graph.merge(&ex.extract(&doc));
    }
    Ok((graph, ex))
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
            query,
        }) => {
            let params = parse_params(&params)?;
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
                q.run_mut(&mut graph, &params, &Limits::default())
            } else {
                q.run(&graph, &params, &Limits::default())
            }
            .map_err(|e| Failure(format!("query: {}", e.render(&query))))?;
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
                    result_to_dot(&graph, &result, options)
                }
                None => to_dot(&graph, options),
            };
            match render_as {
                None => write_output(output.as_deref(), &dot),
                Some(kind) => {
                    let fmt = match kind {
                        Render::Svg => "svg",
                        Render::Png => "png",
                    };
                    let out = output.ok_or_else(|| {
                        Failure(format!(
                            "--render {fmt} needs an output file: -o graph.{fmt}"
                        ))
                    })?;
                    render_graphviz(&dot, fmt, &out)
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
            let (graph, _) = load(&source)?;
            let text = match format {
                ExportFormat::Json => {
                    serde_json::to_string_pretty(&newsgraph::export::json::node_link(&graph))?
                        + "\n"
                }
            };
            write_output(output.as_deref(), &text)
        }
        Some(Cmd::Explain { file, lexicons }) => {
            let ex = extractor(&lexicons)?;
            let doc = input::read_document(&file)?;
            let (_, reports) = ex.explain(&doc);
            emit(&render_explanation(&reports))
        }
    }
}

/// Run Graphviz's `dot` to render DOT text into a file.
fn render_graphviz(dot: &str, format: &str, out: &Path) -> Result<(), Failure> {
    let child = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(out)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure(
                "Graphviz is not installed: install the `graphviz` package (apt-get install graphviz, brew install graphviz) or write DOT without --render".into(),
            ));
        }
        Err(e) => return Err(Failure(format!("running Graphviz: {e}"))),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes())?;
    }
    let result = child.wait_with_output()?;
    if !result.status.success() {
        let msg = String::from_utf8_lossy(&result.stderr);
        return Err(Failure(format!(
            "Graphviz failed: {}",
            msg.lines().next().unwrap_or("no message")
        )));
    }
    Ok(())
}

fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".newsgraph_history"))
}

fn repl(source: &Source) -> Result<(), Failure> {
    let (graph, ex) = load(source)?;
    let mut session = Session::new(graph, ex);
    let cancel = Arc::new(AtomicBool::new(false));
    session.limits.cancel = Some(cancel.clone());
    let mut editor = rustyline::DefaultEditor::new()?;
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        println!(
            "newsgraph: {} nodes, {} relationships. End queries with ';'. :help for commands, :quit to leave.",
            session.graph.node_count(),
            session.graph.rel_count()
        );
    }
    loop {
        let prompt = if session.is_pending() {
            "      -> "
        } else {
            "newsgraph> "
        };
        match editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                cancel.store(false, Ordering::Relaxed);
                let reply = session.eval_line(&line);
                if !reply.text.is_empty() {
                    if reply.error {
                        eprintln!("{}", reply.text);
                    } else {
                        println!("{}", reply.text);
                    }
                }
                if reply.quit {
                    break;
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => {
                session.cancel_input();
            }
            Err(rustyline::error::ReadlineError::Eof) => break,
            Err(e) => return Err(Failure(format!("reading input: {e}"))),
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(())
}
