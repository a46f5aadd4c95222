"""Reads a network file as a user's tool would, and prints what it read as JSON.

    python3 tests/readers/read_network.py networkx-graphml FILE
    python3 tests/readers/read_network.py networkx-gexf FILE
    python3 tests/readers/read_network.py igraph-graphml FILE

Prints {"reader", "directed", "multigraph", "nodes": {id: attributes}, "edges": [[source,
target, key, attributes], ...]}, every edge as the reader holds it (a GEXF `mutual` edge comes
back twice, once each way, as networkx stores it; igraph keeps no edge ids, so its keys are
the edges' places in the file). Used by tests/graph_exports.rs; needs
networkx and igraph (`pip install networkx igraph`).
"""

import json
import sys


def plain(value):
    """A value JSON can hold."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None  # igraph's NaN for a value missing from a node
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def with_networkx(kind, path):
    import networkx as nx

    graph = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path)
    if graph.is_multigraph():
        edges = [[u, v, k, plain(d)] for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        edges = [[u, v, d.get("id"), plain(d)] for u, v, d in graph.edges(data=True)]
    return {
        "reader": f"networkx {nx.__version__}",
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "nodes": {n: plain(d) for n, d in graph.nodes(data=True)},
        "edges": edges,
    }


def with_igraph(path):
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    names = graph.vs["id"]
    nodes = {names[v.index]: plain(v.attributes()) for v in graph.vs}
    # igraph keeps no edge ids: an edge's key is its place in the file.
    edges = [[names[e.source], names[e.target], e.index, plain(e.attributes())] for e in graph.es]
    return {
        "reader": f"igraph {igraph.__version__}",
        "directed": graph.is_directed(),
        "multigraph": not graph.is_simple(),
        "nodes": nodes,
        "edges": edges,
    }


def main():
    reader, path = sys.argv[1], sys.argv[2]
    if reader == "networkx-graphml":
        out = with_networkx("graphml", path)
    elif reader == "networkx-gexf":
        out = with_networkx("gexf", path)
    elif reader == "igraph-graphml":
        out = with_igraph(path)
    else:
        sys.exit(f"unknown reader {reader}")
    json.dump(out, sys.stdout, sort_keys=True, allow_nan=False)


if __name__ == "__main__":
    main()
