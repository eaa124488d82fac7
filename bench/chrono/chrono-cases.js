#!/usr/bin/env node
/*
 * chrono-cases.js - run chrono-node over claimcheck's dated sentences, for
 * bench/compare-chrono.py (the peer column of its table).
 *
 * Usage: node chrono-cases.js CASES.tsv [RUNS]
 *
 * CASES.tsv is tests/data/timex/cases.tsv (REF, SENTENCE, then the
 * expected mention; a sentence with several mentions has a line each, so
 * consecutive lines with the same REF and SENTENCE are one sentence).
 * Prints one JSON object per sentence with chrono's results mapped to the
 * days they cover, then one object {"sps": [...]} with the sentences per
 * second of RUNS timed passes over all the sentences (default 7).
 *
 * Chrono is asked as a news reader would ask it: casual English, the
 * article's date as reference (noon, UTC), forwardDate false (the past
 * unless the text says otherwise, like claimcheck's rule).
 */
"use strict";

process.env.TZ = "UTC";	/* before any Date: days are UTC days */

const fs = require("fs");
const chrono = require("chrono-node");

function pad(n, w) {
	return String(n).padStart(w, "0");
}

function iso(y, m, d) {
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
}

function lastDay(y, m) {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/*
 * The first and last day a chrono component set covers, judged by what
 * chrono says it knows: a day (or a weekday) is a day, a month without a
 * day the whole month, a year alone the whole year.  Implied parts come
 * from the reference and only place the period.
 */
function coverage(c) {
	const y = c.get("year"), m = c.get("month"), d = c.get("day");

	if (c.isCertain("day") || c.isCertain("weekday"))
		return [iso(y, m, d), iso(y, m, d)];
	if (c.isCertain("month"))
		return [iso(y, m, 1), iso(y, m, lastDay(y, m))];
	if (c.isCertain("year"))
		return [iso(y, 1, 1), iso(y, 12, 31)];
	/* Only a time of day ("at noon"): the reference's day. */
	return [iso(y, m, d), iso(y, m, d)];
}

function parseOne(s) {
	return chrono.parse(s.text, s.ref, { forwardDate: false });
}

function main() {
	const path = process.argv[2];
	const runs = parseInt(process.argv[3] || "7", 10);
	const sents = [];
	let last = null;

	if (!path) {
		process.stderr.write("usage: node chrono-cases.js CASES.tsv " +
		    "[RUNS]\n");
		process.exit(2);
	}
	for (const line of fs.readFileSync(path, "utf8").split("\n")) {
		if (line === "" || line[0] === "#")
			continue;
		const f = line.split("\t");
		const key = f[0] + "\t" + f[1];
		if (key === last)
			continue;
		last = key;
		/* Sentences without a reference date have nothing to resolve
		 * against; the comparison leaves them out. */
		if (!/^\d{4}-\d{2}-\d{2}$/.test(f[0]))
			continue;
		const [y, m, d] = f[0].split("-").map(Number);
		sents.push({ refIso: f[0], text: f[1],
		    ref: new Date(Date.UTC(y, m - 1, d, 12, 0, 0)) });
	}

	for (const s of sents) {
		const ms = parseOne(s).map((r) => {
			const a = coverage(r.start);
			const b = r.end ? coverage(r.end) : a;
			return { start: r.index, end: r.index + r.text.length,
			    text: r.text, lo: a[0], hi: b[1] };
		});
		process.stdout.write(JSON.stringify({ ref: s.refIso,
		    sentence: s.text, mentions: ms }) + "\n");
	}

	/* Speed: whole passes over the sentences, after one to warm the JIT;
	 * a pass is repeated until it has run for at least 0.2 s. */
	const sps = [];
	let reps = 1, sink = 0;
	for (const s of sents)
		sink += parseOne(s).length;
	for (let r = 0; r < runs; r++) {
		let t0, dt;
		for (;;) {
			t0 = process.hrtime.bigint();
			for (let k = 0; k < reps; k++)
				for (const s of sents)
					sink += parseOne(s).length;
			dt = Number(process.hrtime.bigint() - t0) / 1e9;
			if (dt >= 0.2)
				break;
			reps *= 2;
		}
		sps.push(reps * sents.length / dt);
	}
	process.stdout.write(JSON.stringify({ sps: sps, sink: sink }) + "\n");
}

main();
