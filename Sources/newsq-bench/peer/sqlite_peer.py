#!/usr/bin/env python3
"""The SQLite FTS5 peer of `newsq-bench queries` (issue 7; `make bench-scale`, BENCHMARKS.md).

    python3 Sources/newsq-bench/peer/sqlite_peer.py --quotes QUOTES.jsonl [--queries Sources/newsq-bench/peer/scale-queries.tsv]
                                 [--runs N] [--newsq NEWSQ.json]

QUOTES.jsonl is what `newsq --format jsonl -e quotes DIR` prints for the corpus: the same
quotations, with the same speakers, countries and outlets, as the newsq run measured. They are
loaded into an in-memory SQLite database (a `quotes` table, and an external-content FTS5 table
`quotes_fts` over their text, Porter stemming on the unicode61 tokenizer), then each query of the
third column of the query file is run --runs times after one warm-up; the time of a run includes
fetching every row into Python, as newsq's includes building its result rows. With --newsq (the
JSON of `newsq-bench queries --json`) the script also prints one table with both latencies, the
newsq/SQLite ratios and the answers' sizes side by side.

Python 3 standard library only.
"""
import argparse
import json
import math
import sqlite3
import sys
import time

COLUMNS = ["article", "start", "end", "text", "speaker", "speaker_mention", "cue", "cue_class", "kind",
           "source", "source_country", "speaker_country", "language", "speaker_type", "speaker_role"]


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                sys.exit(f"{path}: expected NAME<TAB>STATEMENT<TAB>SQL: {line}")
            queries.append({"name": fields[0], "statement": fields[1], "sql": None if fields[2] == "-" else fields[2]})
    return queries


def load(db, path):
    db.execute(f"CREATE TABLE quotes (id INTEGER PRIMARY KEY, {', '.join(f'{c}' for c in COLUMNS)})")
    db.execute("CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', "
               "tokenize='porter unicode61')")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                rows.append(tuple(", ".join(v) if isinstance(v, list) else v for v in (record.get(c) for c in COLUMNS)))
    db.executemany(f"INSERT INTO quotes ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    db.execute("INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes")
    db.execute("CREATE INDEX quotes_speaker ON quotes (speaker)")
    db.execute("CREATE INDEX quotes_speaker_country ON quotes (speaker_country)")
    db.execute("CREATE INDEX quotes_source_country ON quotes (source_country)")
    db.commit()
    return len(rows)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))]


def answer_size(cursor, rows):
    names = [d[0] for d in cursor.description]
    total = sum(r[names.index("count")] for r in rows) if "count" in names else None
    return len(rows), total


def run(db, queries, runs):
    results = {}
    for q in queries:
        if q["sql"] is None:
            continue
        cursor = db.execute(q["sql"])
        size = answer_size(cursor, cursor.fetchall())
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            rows = db.execute(q["sql"]).fetchall()
            times.append(time.perf_counter() - start)
            if len(rows) != size[0]:
                sys.exit(f"{q['name']}: answer changed")
        results[q["name"]] = {"p50_ms": percentile(times, 50) * 1000, "p99_ms": percentile(times, 99) * 1000,
                              "rows": size[0], "total": size[1]}
    return results


def fmt(x, digits=3):
    return "-" if x is None else f"{x:.{digits}f}"


def size_text(rows, total):
    return f"{rows}" if total is None else f"{rows}/{total}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", required=True)
    parser.add_argument("--queries", default="Sources/newsq-bench/peer/scale-queries.tsv")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--newsq")
    args = parser.parse_args()
    queries = read_queries(args.queries)

    db = sqlite3.connect(":memory:")
    start = time.perf_counter()
    count = load(db, args.quotes)
    load_seconds = time.perf_counter() - start
    pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
    print(f"SQLite {sqlite3.sqlite_version}: {count} quotations loaded from JSONL in {load_seconds:.2f} s "
          f"(table + FTS5 + 3 indexes), database {pages / 1e6:.1f} MB")
    results = run(db, queries, args.runs)
    print(f"\n{'query':<18} {'p50 ms':>9} {'p99 ms':>9} {'rows[/total]':>14}")
    for q in queries:
        r = results.get(q["name"])
        if r:
            print(f"{q['name']:<18} {r['p50_ms']:9.3f} {r['p99_ms']:9.3f} {size_text(r['rows'], r['total']):>14}")
        else:
            print(f"{q['name']:<18} {'-':>9} {'-':>9} {'(no peer)':>14}")
    print(f"({args.runs} runs per query after one warm-up; wall clock, rows fetched into Python)")

    if not args.newsq:
        return
    with open(args.newsq, encoding="utf-8") as f:
        newsq = json.load(f)
    mine = {t["name"]: t for t in newsq["queries"]}
    print(f"\nnewsq vs SQLite FTS5, {newsq['articles']} articles, {newsq['quotations']} quotations "
          f"({newsq['repeated_quotations']} in repeated passages), newsq load {newsq['load_seconds']:.1f} s, "
          f"SQLite load {load_seconds:.1f} s")
    header = (f"| {'query':<18} | {'newsq p50':>9} | {'newsq p99':>9} | {'SQLite p50':>10} | {'SQLite p99':>10} | "
              f"{'ratio p50':>9} | {'ratio p99':>9} | {'newsq rows/total':>16} | {'SQLite rows/total':>17} | same |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for q in queries:
        n, s = mine.get(q["name"]), results.get(q["name"])
        if n is None:
            continue
        ratio50 = n["p50_ms"] / s["p50_ms"] if s else None
        ratio99 = n["p99_ms"] / s["p99_ms"] if s else None
        print(f"| {q['name']:<18} | {n['p50_ms']:9.3f} | {n['p99_ms']:9.3f} | {fmt(s and s['p50_ms']):>10} | "
              f"{fmt(s and s['p99_ms']):>10} | {fmt(ratio50, 2):>9} | {fmt(ratio99, 2):>9} | "
              f"{size_text(n['rows'], n.get('total')):>16} | "
              f"{(size_text(s['rows'], s['total']) if s else '-'):>17} | "
              f"{('-' if not s else 'yes' if (s['rows'], s['total']) == (n['rows'], n.get('total')) else 'no'):>4} |")
    print("(times in ms; ratio = newsq / SQLite, above 1 means newsq is slower; same: the answers have the same\n"
          " number of rows and, for grouped answers, the same total count; see BENCHMARKS.md for why some differ)")


if __name__ == "__main__":
    main()
