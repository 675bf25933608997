"""Read a newsgraph export back with the tools users load it into, and print what they see as JSON.

    python3 read_back.py graphml FILE   # networkx.read_graphml
    python3 read_back.py json FILE      # networkx.node_link_graph
    python3 read_back.py kuzu DIR       # a new Kuzu database, loaded with DIR/kuzu.cypher

Exits 3 when the Python package it needs is not installed.
"""
import json
import os
import sys
import tempfile


def need(module):
    try:
        return __import__(module)
    except ImportError:
        print(f"python package {module} is not installed", file=sys.stderr)
        sys.exit(3)


def networkx_dump(g):
    return {
        "kind": type(g).__name__,
        "nodes": {str(n): attrs for n, attrs in g.nodes(data=True)},
        "edges": [[str(u), str(v), str(k), attrs] for u, v, k, attrs in g.edges(keys=True, data=True)],
    }


def kuzu_dump(folder):
    kuzu = need("kuzu")
    db_dir = tempfile.mkdtemp()
    db = kuzu.Database(os.path.join(db_dir, "graph.kuzu"))
    conn = kuzu.Connection(db)
    os.chdir(folder)
    with open("kuzu.cypher", encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("//"):
                conn.execute(line)

    def rows(query):
        result = conn.execute(query)
        while result.has_next():
            yield result.get_next()

    def props(d):
        return {k: v for k, v in d.items() if not k.startswith("_") and v is not None}

    nodes = [
        {"table": n["_label"], "id": n["id"], "properties": {k: v for k, v in props(n).items() if k != "id"}}
        for (n,) in rows("MATCH (n) RETURN n")
    ]
    rels = [
        {"type": r["_label"], "start": a, "end": b, "properties": props(r)}
        for a, r, b in rows("MATCH (a)-[r]->(b) RETURN a.id, r, b.id")
    ]
    return {"nodes": nodes, "relationships": rels}


def main():
    what, path = sys.argv[1], sys.argv[2]
    if what == "graphml":
        nx = need("networkx")
        out = networkx_dump(nx.read_graphml(path, force_multigraph=True))
    elif what == "json":
        nx = need("networkx")
        with open(path, encoding="utf-8") as f:
            out = networkx_dump(nx.node_link_graph(json.load(f)))
    elif what == "kuzu":
        out = kuzu_dump(path)
    else:
        sys.exit(f"unknown reader {what}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
