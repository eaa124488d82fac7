# bench/gencorpus.awk - a synthetic news corpus for the crash test and the
# scale benchmark, in awk so a fresh Debian needs nothing more.
#
#   awk -v n=1000 -v dir=corpus [-v first=0] [-v seed=1] [-v jsonl=1] \
#       -f bench/gencorpus.awk
#
# Writes n articles (about 3 KB each) as dir/aNNNNNNN.txt with YAML front
# matter, or with jsonl=1 one JSON Lines feed on standard output.  The
# same n, first and seed give the same bytes.  Each article: an outlet
# (one of eight), a publication date in 2022, a dateline, and paragraphs
# drawn from templates with casualty figures, troop counts, durations
# ("the eight-month-old conflict"), quotes with speakers, relative dates
# ("on Monday", "last month") and agency citations.  About 10% of the
# figures disagree with the "true" figure of their day (contradictions),
# and about 5% of articles re-run an earlier article's text under another
# outlet (copies).
function pick(a, k) { return a[int(rand() * k) + 1] }
function commas(x,    s, out) {
	s = sprintf("%d", x)
	out = ""
	while (length(s) > 3) {
		out = "," substr(s, length(s) - 2) out
		s = substr(s, 1, length(s) - 3)
	}
	return s out
}
function jesc(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	gsub(/\n/, "\\n", s)
	return s
}
function para(day, mon,    t, k, v) {
	t = int(rand() * 8)
	# The "true" figure grows with the day of the year; some disagree.
	v = 4000 + day * 9
	if (rand() < 0.1)
		v += 1 + int(rand() * 90)
	if (t == 0)
		return "On " pick(wd, 7) ", the UN human rights office said " \
		    commas(v) " civilians had been killed and " commas(v * 3 / 2) \
		    " injured since the start of the war."
	if (t == 1)
		return pick(sp, 6) " said on " pick(wd, 7) " that " \
		    pick(side, 3) " had about " commas(1000 * (20 + int(rand() * 180))) \
		    " troops near the border, " pick(ag, 4) " reported."
	if (t == 2)
		return "The " pick(dur, 6) "-month-old conflict has displaced " \
		    (2 + int(rand() * 10)) " million people, officials said last month."
	if (t == 3)
		return "\"We are " pick(pos, 4) ",\" " pick(sp, 6) " told reporters on " \
		    pick(wd, 7) ", adding that talks could begin in " pick(mn, 12) "."
	if (t == 4)
		return "At least " (2 + int(rand() * 60)) " people were killed and " \
		    (5 + int(rand() * 120)) " wounded when a missile hit a market in " \
		    pick(city, 6) " on " pick(wd, 7) ", " pick(ag, 4) " reported."
	if (t == 5)
		return pick(sp, 6) " met his counterpart in " pick(city, 6) " on " \
		    mon " " (1 + int(rand() * 28)) " for the first talks in " \
		    (2 + int(rand() * 10)) " weeks."
	if (t == 6)
		return "Prices of bread rose by " (2 + int(rand() * 30)) \
		    " percent in the past three weeks, and " (1 + int(rand() * 9)) \
		    " of the 24 regions reported shortages."
	return "The ministry said more than " commas(100 * (1 + int(rand() * 90))) \
	    " servicemen had been mobilized since " pick(mn, 12) \
	    ", and that the operation would last " (2 + int(rand() * 10)) " more months."
}
BEGIN {
	if (n == "") n = 1000
	if (first == "") first = 0
	if (seed == "") seed = 1
	srand(seed + first)
	split("anews wire-x tass reuters newsweek allnewshouse dailypost eastwire", ol, " ")
	split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday", wd, " ")
	split("January February March April May June July August September October November December", mn, " ")
	split("Sergei Lavrov|Olaf Scholz|Volodymyr Zelenskyy|John Kirby|Dmitry Peskov|Antony Blinken", sp, "|")
	split("Russia|Ukraine|Belarus", side, "|")
	split("TASS|Reuters|Interfax|AFP", ag, "|")
	split("two|four|six|eight|nine|ten", dur, "|")
	split("ready to negotiate|not ready to negotiate|open to talks|ruling out talks", pos, "|")
	split("Kyiv|Kharkiv|Odesa|Moscow|Ankara|Berlin", city, "|")
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	for (i = first; i < first + n; i++) {
		name = sprintf("a%07d", i)
		outlet = pick(ol, 8)
		day = 1 + int(rand() * 330)
		for (m = 1; day > mdays[m]; m++)
			day -= mdays[m]
		doy = 0
		for (k = 1; k < m; k++)
			doy += mdays[k]
		doy += day
		date = sprintf("2022-%02d-%02d", m, day)
		if (i > first + 20 && rand() < 0.05)
			body = prev[int(rand() * 20)]	# a copy of a recent one
		else {
			body = toupper(pick(city, 6)) ", " mn[m] " " day " (" outlet ") - "
			np = 18 + int(rand() * 10)
			for (p = 0; p < np; p++)
				body = body para(doy, mn[m]) (p % 2 ? "\n\n" : " ")
		}
		prev[i % 20] = body
		title = "Report " i " on the war"
		if (jsonl)
			printf "{\"id\":\"%s\",\"outlet\":\"%s\",\"url\":\"https://%s.example/%s\",\"published\":\"%s\",\"title\":\"%s\",\"text\":\"%s\"}\n",
			    name, outlet, outlet, name, date, title, jesc(body)
		else {
			f = dir "/" name ".txt"
			printf "---\noutlet: %s\npublished: %s\ntitle: %s\n---\n%s\n",
			    outlet, date, title, body > f
			close(f)
		}
	}
}
