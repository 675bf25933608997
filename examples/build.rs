//! Build a graph from a folder of articles and save it as a snapshot.
//!
//! ```sh
//! cargo run --example build -- seeds graph.json [--lexicon extra.toml]
//! ```

use newsgraph::{Extractor, Graph, Lexicon, input};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args.first().map_or("seeds", String::as_str);
    let snapshot = args.get(1).map_or("graph.json", String::as_str);
    let lexicons: Vec<&String> = args
        .windows(2)
        .filter(|w| w[0] == "--lexicon")
        .map(|w| &w[1])
        .collect();

    // An extractor with the built-in lexicon and any extra ones.
    let extractor = Extractor::with_lexicon(Lexicon::with_user_files(&lexicons)?);
    // Read .txt, .md, .html and .jsonl; bad .jsonl lines are listed, not fatal.
    let read = input::read_all(&[folder])?;
    for skipped in &read.skipped {
        eprintln!("warning: {skipped}");
    }
    let mut graph = Graph::new();
    let mut done = 0;
    graph.add_documents(&read.documents, &extractor, |_| done += 1);
    graph.save(snapshot)?;
    println!(
        "{done} documents: {} nodes, {} relationships, saved to {snapshot}",
        graph.node_count(),
        graph.rel_count()
    );
    Ok(())
}
