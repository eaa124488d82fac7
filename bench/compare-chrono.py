#!/usr/bin/env python3
"""claimcheck's date recognizer side by side with chrono-node: one table.

Usage: bench/compare-chrono.py NORMALIZE_BENCH RULES_DIR [CASES.tsv] [-v]

NORMALIZE_BENCH is the compiled bench/normalize-bench ("make bench" builds
it), RULES_DIR the rule packs (claims/), CASES.tsv the dated sentences
(default: tests/data/timex/cases.tsv beside this script).  chrono-node is
a dev-only dependency under bench/chrono (install it with
"cd bench/chrono && npm ci"); without it, or without node, the table shows
claimcheck alone and says so, and the script still succeeds.

Both read the same sentences with the same reference date (the case's) and
are scored by the same rule:
  - a date case is right when a reported date overlaps the expected
    mention and covers the same first and last day ("last month" in an
    article of 2022-10-30 is 2022-09-01..2022-09-30; a day is itself);
    a second, looser row accepts a report inside the expected days (a
    day for a week, say);
  - a sentence with nothing to find is right when nothing is reported
    (plain numbers, impossible dates, "may" the verb...);
  - durations have no counterpart in chrono: claimcheck's TIMEX value is
    scored alone.
Sentences without a reference date are left out: there is nothing to
resolve them against.  Speed is sentences per second of whole passes over
the same sentences in one process each (claimcheck: fold and date scan,
as "claimcheck normalize" does, the pack loaded once; chrono: parse()),
the median of seven passes.

The cases are claimcheck's own test data, written for its rules: read the
"right" rows as how far chrono gets on our reading of news dates, not as
a neutral contest.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHRONO_DIR = os.path.join(HERE, "chrono")
RUNS = 7


def load_cases(path):
    """Sentences (ref, text) in file order with their expected lines."""
    sents = {}
    order = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 9 or len(f[0]) != 10:
            continue    # no reference date
        key = (f[0], f[1])
        if key not in sents:
            sents[key] = []
            order.append(key)
        if f[2] != "-":
            sents[key].append({"text": f[2], "kind": f[3], "value": f[4],
                               "lo": f[6], "hi": f[7]})
    return order, sents


def run_claimcheck(bench, rules, cases):
    out = subprocess.run([bench, "sentences", rules, cases, str(RUNS)],
                         capture_output=True, text=True, check=True).stdout
    got = {}
    cur = None
    sps = []
    for ln in out.split("\n"):
        f = ln.split("\t")
        if f[0] == "S":
            cur = (f[1], f[2])
            got[cur] = []
        elif f[0] == "M":
            b = cur[1].encode()
            s = len(b[:int(f[1])].decode(errors="ignore"))
            e = len(b[:int(f[2])].decode(errors="ignore"))
            got[cur].append({"start": s, "end": e, "value": f[3],
                             "lo": f[4], "hi": f[5], "kind": f[6]})
        elif f[0] == "SPS":
            sps = [float(x) for x in f[1:]]
    return got, sps


def chrono_missing():
    if shutil.which("node") is None:
        return "node is not installed"
    if not os.path.isdir(os.path.join(CHRONO_DIR, "node_modules",
                                      "chrono-node")):
        return "chrono-node is not installed: cd bench/chrono && npm ci"
    return None


def run_chrono(cases):
    out = subprocess.run(["node", os.path.join(CHRONO_DIR, "chrono-cases.js"),
                          cases, str(RUNS)], capture_output=True, text=True,
                         check=True, env=dict(os.environ, TZ="UTC")).stdout
    got = {}
    sps = []
    for ln in out.split("\n"):
        if not ln:
            continue
        o = json.loads(ln)
        if "sps" in o:
            sps = o["sps"]
        else:
            got[(o["ref"], o["sentence"])] = [
                dict(m, kind="date") for m in o["mentions"]]
    return got, sps


def score(order, sents, got):
    """Counts per row: right, total."""
    rows = {"exact": [0, 0], "inside": [0, 0], "none": [0, 0],
            "dur": [0, 0]}
    misses = []
    for key in order:
        ms = got.get(key, [])
        exps = sents[key]
        if not exps:
            rows["none"][1] += 1
            rows["none"][0] += not ms
            if ms:
                misses.append((key, "-", ms))
            continue
        for e in exps:
            es = key[1].find(e["text"])
            ee = es + len(e["text"])
            near = [m for m in ms if m["start"] < ee and es < m["end"]]
            if e["kind"] == "duration":
                rows["dur"][1] += 1
                rows["dur"][0] += any(m["kind"] == "duration" and
                                      m["value"] == e["value"]
                                      for m in near)
                continue
            dates = [m for m in near if m["kind"] == "date"]
            exact = any(m["lo"] == e["lo"] and m["hi"] == e["hi"]
                        for m in dates)
            inside = any(m["lo"] and e["lo"] <= m["lo"] <= m["hi"] <=
                         e["hi"] for m in dates)
            rows["exact"][1] += 1
            rows["exact"][0] += exact
            rows["inside"][1] += 1
            rows["inside"][0] += inside
            if not exact:
                misses.append((key, e["text"] + " " + e["lo"] + ".." +
                               e["hi"], near))
    return rows, misses


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    bench, rules = args[0], args[1]
    cases = args[2] if len(args) > 2 else os.path.join(
        HERE, "..", "tests", "data", "timex", "cases.tsv")
    order, sents = load_cases(cases)

    cc, cc_sps = run_claimcheck(bench, rules, cases)
    cc_rows, cc_miss = score(order, sents, cc)
    why = chrono_missing()
    if why is None:
        ch, ch_sps = run_chrono(cases)
        ch_rows, ch_miss = score(order, sents, ch)
        version = json.load(open(os.path.join(
            CHRONO_DIR, "node_modules", "chrono-node",
            "package.json")))["version"]
        peer = "chrono-node " + version
    else:
        ch_rows, ch_miss, ch_sps, peer = None, [], [], "chrono-node"

    def cell(rows, k):
        if rows is None:
            return "-"
        return "%d / %d" % tuple(rows[k])

    root = os.path.dirname(HERE)
    shown = os.path.abspath(cases)
    if shown.startswith(root + os.sep):
        shown = os.path.relpath(shown, root)
    print("dates in news sentences: claimcheck vs %s, %d dated sentences "
          "of %s" % (peer, len(order), shown))
    w = 44
    print("%-*s %16s %18s" % (w, "", "claimcheck", peer))
    print("%-*s %16s %18s" % (w, "dates: same first and last day",
                             cell(cc_rows, "exact"), cell(ch_rows, "exact")))
    print("%-*s %16s %18s" % (w, "dates: within the expected days",
                             cell(cc_rows, "inside"),
                             cell(ch_rows, "inside")))
    print("%-*s %16s %18s" % (w, "nothing to find: nothing reported",
                             cell(cc_rows, "none"), cell(ch_rows, "none")))
    print("%-*s %16s %18s" % (w, "durations: same TIMEX value",
                             cell(cc_rows, "dur"),
                             "n/a" if ch_rows is not None else "-"))
    cc_med = statistics.median(cc_sps)
    ch_med = statistics.median(ch_sps) if ch_sps else None
    print("%-*s %16.0f %18s" % (w, "sentences per second (median of %d)"
                               % RUNS, cc_med,
                               "%.0f" % ch_med if ch_med else "-"))
    if ch_med:
        print("%-*s %16s %18s" % (w, "speed, claimcheck / chrono",
                                 "%.1fx" % (cc_med / ch_med), ""))
    if why is not None:
        print("(%s)" % why)
    if verbose:
        for name, miss in (("claimcheck", cc_miss), (peer, ch_miss)):
            for key, want, near in miss:
                print("  %s MISS %s | %s | want %s | got %s" % (
                    name, key[0], key[1], want,
                    [(m.get("value", ""), m["lo"], m["hi"]) for m in near]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
