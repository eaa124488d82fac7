#!/usr/bin/env python3
"""Measure the date recognizer against the Recognizers-Text English specs.

Usage: bench/recognizers.py DRIVER|BUILD_DIR RULES_DIR SPEC_DIR [-v]

DRIVER is the compiled bench/timex-driver (it reads "REF<TAB>TEXT" lines and
prints one line per mention); given a configured build directory instead,
the script compiles the driver there from bench/timex-driver.c and the
build's libclaimcheck.a.  RULES_DIR is the directory holding the vocabulary
(claims/vocab), SPEC_DIR the directory with DateParser.json,
DatePeriodParser.json and DurationParser.json (shared/devdata/recognizers-
text).  The cases stay where they are: nothing is copied into the project.

A case is right when every expected mention is found with the same text and
the same resolution, and nothing else is found.  The resolution compared is
PastResolution, or FutureResolution when the input speaks of the future
(our rule for news prose: the past unless the tense says otherwise).  Dates
compare the day; periods compare the first day and the last (inclusive or
exclusive end both accepted); durations compare the TIMEX3 value or the
length in seconds.  A second figure ignores the text span and compares
values only.  Cases the suite marks NotSupported are counted too and
reported apart.
"""
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta

FILES = ["DateParser.json", "DatePeriodParser.json", "DurationParser.json"]
FUTURE = re.compile(r"\b(will|shall|going to|gonna|next|coming|upcoming)\b|'ll\b",
                    re.I)


def build_driver(build):
    """Compile bench/timex-driver.c against BUILD/libclaimcheck.a."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "timex-driver.c")
    out = os.path.join(build, "bench-timex-driver")
    libs = subprocess.run(["pkg-config", "--libs", "sqlite3", "libpcre2-8",
                           "yaml-0.1", "libutf8proc", "libxxhash"],
                          capture_output=True, text=True,
                          check=True).stdout.split()
    # A build with --enable-sanitizers needs them at link time too.
    san = []
    mk = os.path.join(build, "Makefile")
    if os.path.exists(mk) and re.search(r"^am__append_\d+ = -fsanitize",
                                        open(mk).read(), re.M):
        san = ["-fsanitize=address,undefined"]
    subprocess.run(["cc", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-I",
                    build, "-I", os.path.join(os.path.dirname(src), "..",
                                              "src"),
                    "-o", out, src, os.path.join(build, "libclaimcheck.a")]
                   + san + libs + ["-lm"], check=True)
    return out


def run_driver(driver, rules, cases):
    lines = []
    for c in cases:
        ref = c.get("Context", {}).get("ReferenceDateTime", "2016-11-07")[:10]
        text = c["Input"].replace("\t", " ").replace("\n", " ")
        lines.append(ref + "\t" + text + "\n")
    out = subprocess.run([driver, rules], input="".join(lines),
                         capture_output=True, text=True, check=True).stdout
    res = []
    ms = []
    for ln in out.split("\n"):
        if ln == "--":
            res.append(ms)
            ms = []
            continue
        if ln:
            f = ln.split("\t")
            ms.append({"start": int(f[0]), "end": int(f[1]), "kind": f[2],
                       "value": f[3], "mod": f[4], "lo": f[5], "hi": f[6],
                       "dmin": float(f[7]), "dmax": float(f[8])})
    return res


def char_span(text, m):
    b = text.replace("\t", " ").replace("\n", " ").encode()
    s = len(b[:m["start"]].decode(errors="ignore"))
    e = len(b[:m["end"]].decode(errors="ignore"))
    return s, e


def day_after(iso):
    try:
        return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def value_ok(exp, m, future):
    v = exp["Value"]
    r = v.get("FutureResolution" if future else "PastResolution") or {}
    if "date" in r:
        return m["lo"] == r["date"][:10] and m["hi"] == r["date"][:10]
    if "startDate" in r:
        return (m["lo"] == r["startDate"][:10] and
                r.get("endDate", "")[:10] in (m["hi"], day_after(m["hi"])))
    if "duration" in r:
        if m["kind"] != "duration":
            return False
        if m["value"] == v.get("Timex"):
            return True
        try:
            secs = float(r["duration"])
        except ValueError:
            return False
        return abs(m["dmin"] * 86400 - secs) < 1 and m["dmin"] == m["dmax"]
    # No resolution given (seasons...): compare the TIMEX3 value.
    return m["value"] == v.get("Timex")


def judge(case, ms):
    text = case["Input"]
    future = bool(FUTURE.search(text))
    exps = case["Results"]
    span_ok = len(ms) == len(exps)
    val_ok = len(ms) == len(exps)
    for exp in exps:
        es, el = exp["Start"], exp["Length"]
        hit = [m for m in ms if char_span(text, m) == (es, es + el)]
        if not hit or not any(value_ok(exp, m, future) for m in hit):
            span_ok = False
        if not any(value_ok(exp, m, future) for m in ms):
            val_ok = False
    return span_ok, val_ok


def main():
    if len(sys.argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    driver, rules, spec = sys.argv[1:4]
    if os.path.isdir(driver):
        driver = build_driver(driver)
    verbose = "-v" in sys.argv[4:]
    tot = [0, 0, 0]
    for fn in FILES:
        cases = json.load(open(spec + "/" + fn))
        res = run_driver(driver, rules, cases)
        right = vright = ns = nsright = 0
        for case, ms in zip(cases, res):
            span_ok, val_ok = judge(case, ms)
            right += span_ok
            vright += val_ok
            if case.get("NotSupported"):
                ns += 1
                nsright += span_ok
            if verbose and not span_ok:
                print("  MISS %s | %s | want %s | got %s" % (
                    case.get("Context", {}).get("ReferenceDateTime", "")[:10],
                    case["Input"],
                    [(e["Text"], e["Value"].get("Timex")) for e in
                     case["Results"]],
                    [(case["Input"].encode()[m["start"]:m["end"]].decode(
                        errors="replace"), m["value"], m["lo"], m["hi"])
                     for m in ms]))
        n = len(cases)
        print("%s: %d / %d right (values only: %d / %d; "
              "NotSupported: %d / %d)" % (fn, right, n, vright, n, nsright, ns))
        tot[0] += right
        tot[1] += vright
        tot[2] += n
    print("total: %d / %d right (values only: %d / %d)" % (
        tot[0], tot[2], tot[1], tot[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
