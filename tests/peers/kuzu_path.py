"""Loads a `newsgraph export --format csv` folder into Kùzu with its own schema.cypher and
load.cypher, then prints one JSON line: node and relationship counts and the length of the
shortest undirected path between two node ids (null when there is none), every node name and
every edge's evidence (parsed from its JSON column).

Usage: python kuzu_path.py CSV_DIR FROM_ID TO_ID
"""
import json
import os
import sys
import tempfile

import kuzu

folder, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.chdir(folder)  # load.cypher names its files relative to the folder
db = kuzu.Database(os.path.join(tempfile.mkdtemp(), "graph.kuzu"))
conn = kuzu.Connection(db)
for script in ("schema.cypher", "load.cypher"):
    with open(script, encoding="utf-8") as f:
        conn.execute(f.read())


def scalar(query, **params):
    rows = conn.execute(query, params).get_all()
    return rows[0][0] if rows else None


nodes = scalar("MATCH (n) RETURN count(n)")
rels = scalar("MATCH ()-[r]->() RETURN count(r)")
length = scalar("MATCH p = (x {id: $a})-[* SHORTEST 1..30]-(y {id: $b}) RETURN length(p)", a=a, b=b) if a != b else 0
from_name = scalar("MATCH (x {id: $a}) RETURN x.name", a=a)
names = sorted(row[0] for row in conn.execute("MATCH (x) RETURN x.name").get_all())
evidence = sorted(row[0] for row in conn.execute("MATCH ()-[r]->() RETURN r.evidence").get_all())
print(json.dumps({"nodes": nodes, "rels": rels, "length": length, "from_name": from_name, "names": names,
                  "evidence": [json.loads(e) for e in evidence]}, ensure_ascii=False))
