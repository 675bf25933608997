//! Export a graph in every format other tools read: DOT, node-link JSON, GraphML, Cypher and CSV.
//!
//! ```sh
//! cargo run --example export -- seeds out/
//! ```

use std::path::Path;

use newsgraph::{DotOptions, Graph, export};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args.first().map_or("seeds", String::as_str);
    let out = Path::new(args.get(1).map_or("export", String::as_str));
    let graph = Graph::from_paths([folder])?;
    std::fs::create_dir_all(out)?;

    let dot = graph.to_dot_with(DotOptions {
        legend: false,
        documents: true,
    });
    std::fs::write(out.join("graph.dot"), dot)?;
    std::fs::write(
        out.join("graph.json"),
        serde_json::to_string_pretty(&export::node_link(&graph))?,
    )?;
    std::fs::write(out.join("graph.graphml"), export::to_graphml(&graph))?;
    std::fs::write(out.join("graph.cypher"), export::to_cypher(&graph))?;
    let files = export::write_csv(&graph, &out.join("csv"))?;
    println!(
        "wrote graph.dot, graph.json, graph.graphml, graph.cypher and {} CSV files to {}",
        files.len(),
        out.display()
    );
    Ok(())
}
