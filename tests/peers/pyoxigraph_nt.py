"""Parses an N-Triples export with pyoxigraph and prints one JSON line: the number of triples,
the labels of one node IRI and every label, so that the caller can compare them with newsgraph's.

Usage: python pyoxigraph_nt.py FILE.nt NODE_IRI
"""
import json
import sys

import pyoxigraph as ox

with open(sys.argv[1], "rb") as f:
    triples = list(ox.parse(f, format=ox.RdfFormat.N_TRIPLES))
label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
me = ox.NamedNode(sys.argv[2])
labels = [t.object.value for t in triples if t.subject == me and t.predicate == label]
all_labels = sorted(t.object.value for t in triples if t.predicate == label)
print(json.dumps({"triples": len(triples), "distinct": len(set(triples)), "labels": labels, "all_labels": all_labels},
                 ensure_ascii=False))
