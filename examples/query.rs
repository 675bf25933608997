//! Query a graph with parameters and read typed results: nodes, relationships, paths, lists.
//!
//! ```sh
//! cargo run --example query -- seeds China
//! ```

use newsgraph::{Graph, Item, Params, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args.first().map_or("seeds", String::as_str);
    let actor = args.get(1).map_or("China", String::as_str);
    let graph = Graph::from_paths([folder])?;

    let mut params = Params::new();
    params.insert("name".into(), Value::str(actor));
    let result = graph.query_with_params(
        "MATCH p = (a {name: $name})-[r]->(b) WHERE type(r) <> 'MENTIONS'
         RETURN a, r, b.name AS target, r.sources AS sources, p",
        &params,
    )?;
    // Resolve ids into nodes, relationships and paths with their properties.
    let table = result.resolve(&graph);
    for record in table.records() {
        let (Some(a), Some(r)) = (record["a"].as_node(), record["r"].as_relationship()) else {
            continue;
        };
        let name = a.property("name").and_then(Item::as_str).unwrap_or("?");
        let target = record["target"].as_str().unwrap_or("?");
        let sources = record["sources"].as_list().map_or(0, <[Item]>::len);
        let hops = record["p"].as_path().map_or(0, |p| p.relationships.len());
        println!(
            "{name} -[{}]-> {target}  ({sources} source(s), path of {hops})",
            r.rel_type
        );
    }
    // Every typed result serializes with serde.
    println!("{}", serde_json::to_string(&table.columns)?);
    Ok(())
}
