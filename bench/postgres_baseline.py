#!/usr/bin/env python3
"""The relevance baseline: the same catalogue and queries through PostgreSQL's own Dutch full-text
search, as a team would set it up without Weerbaar's search: one weighted tsvector over the same
fields (title A, keywords B, summary C, description D), websearch_to_tsquery('dutch', q) and
ts_rank_cd. Writes a ranking (query id -> ranked offering ids) for `weerbaar eval-relevance --ranking`.

usage: postgres_baseline.py DATABASE_URL CATALOGUE.json JUDGMENTS.json OUT.json
Only the standard library and psql are used.
"""
import csv, io, json, subprocess, sys

url, catalogue_path, judgments_path, out_path = sys.argv[1:5]

def psql(sql, variables=None, stdin=None):
    args = ["psql", url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"]
    for name, value in (variables or {}).items():
        args += ["-v", f"{name}={value}"]
    done = subprocess.run(args + ["-f", "-"], input=(sql if stdin is None else sql + stdin), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"psql failed: {done.stderr.strip()}")
    return done.stdout

offerings = json.load(open(catalogue_path, encoding="utf-8"))["offerings"]
rows = io.StringIO()
writer = csv.writer(rows, lineterminator="\n")
for o in offerings:
    writer.writerow([o["id"], o["title"], o.get("summary") or "", " ".join(o.get("keywords") or []), o.get("description") or ""])

psql("""
DROP TABLE IF EXISTS baseline_offerings;
CREATE TABLE baseline_offerings (id text PRIMARY KEY, title text, summary text, keywords text, description text, doc tsvector);
COPY baseline_offerings (id, title, summary, keywords, description) FROM STDIN WITH (FORMAT csv);
""", stdin=rows.getvalue() + "\\.\n" + """
UPDATE baseline_offerings SET doc =
    setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', keywords), 'B') ||
    setweight(to_tsvector('dutch', summary), 'C') || setweight(to_tsvector('dutch', description), 'D');
CREATE INDEX ON baseline_offerings USING gin (doc);
""")

ranking = {}
for query in json.load(open(judgments_path, encoding="utf-8"))["queries"]:
    # :'q' makes psql quote the text as a literal: the query never becomes SQL.
    out = psql("""SELECT id FROM baseline_offerings, websearch_to_tsquery('dutch', :'q') AS query
                  WHERE doc @@ query ORDER BY ts_rank_cd(doc, query) DESC, id LIMIT 100;""",
               variables={"q": query["query"]})
    ranking[query["id"]] = [line for line in out.splitlines() if line]
json.dump(ranking, open(out_path, "w", encoding="utf-8"), indent=1)
print(f"postgres baseline: {len(ranking)} queries ranked, {sum(1 for r in ranking.values() if not r)} with no result")
