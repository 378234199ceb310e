"""Reads a GraphML export with networkx and prints one JSON line: node and edge counts, and
the attributes of one node, the types of one edge's attributes, every node label, so that the caller can compare them with newsgraph's.

Usage: python networkx_graphml.py FILE.graphml NODE_ID
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])  # a MultiDiGraph only if parallel edges occur
node = g.nodes["n" + sys.argv[2]]
edge = next(iter(g.edges(data=True)), (None, None, {}))[2]
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "node": node,
    "edge_types": {k: type(v).__name__ for k, v in edge.items()},
    "labels": sorted(d["label"] for _, d in g.nodes(data=True)),
}, ensure_ascii=False))
