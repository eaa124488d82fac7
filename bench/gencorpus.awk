# bench/gencorpus.awk - a synthetic news corpus for the crash test and the
# scale benchmark, in awk so a fresh Debian needs nothing more.
#
#   awk -v n=1000 -v dir=corpus [-v first=0] [-v seed=1] [-v jsonl=1] \
#       -f bench/gencorpus.awk
#
# Writes n articles (about 2.6 KB each) as dir/aNNNNNNN.txt with YAML
# front matter, or with jsonl=1 one JSON Lines feed on standard output.
# The same n, first and seed give the same bytes.  Each article: an
# outlet (one of eight), a publication date between 1 April and 30
# December 2022 (after the invasion of 24 February), a dateline, and
# 18-27 sentences drawn from templates with casualty figures, troop
# counts, durations ("the eight-month-old conflict"), quotes with
# speakers, meetings, relative dates ("on Monday", "last month") and
# agency citations.
#
# The text agrees with its date and with a "true" world, except at these
# known rates (each drawn on its own, per sentence or per article):
#
#   10%  of casualty and troop figures disagree with the true figure of
#        their day (casualties +1..+90, troops +25..+50%): contradictions,
#        and cumulative counts that go down;
#    5%  of war ages are 2-4 months off the publication date ("the
#        ten-month-old conflict" in June): timeline findings;
#    5%  of meetings are placed 1-3 days off their true day: a timeline
#        finding per speaker (the comparison reports one per event key);
#    5%  of quotes give the speaker's other position of the month
#        ("not ready to negotiate"): variants and contradictions;
#    5%  of articles re-run the text of one of the 20 articles before it
#        under another outlet, dated 0-2 days after it: copies, which
#        make agreements single-source.
#
# Everything else is consistent: the war's age in whole months since 24
# February, weekdays that fall 1-6 days before the publication date, a
# figure that belongs to the day the weekday names, meetings on a day
# not after the article's, "since <month>" not after it, talks "could
# begin" in a later month.  Figures the templates make up for one
# incident (a missile strike) are one per city and day, but the
# comparison keys casualties by month, so different strikes in one month
# still meet as one fact: those contradictions come from the keys, not
# from the generator.
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
# Month (1-12) and day of month of day of year d, into MD[1], MD[2].
function mday(d,    m) {
	for (m = 1; d > mdays[m]; m++)
		d -= mdays[m]
	MD[1] = m
	MD[2] = d
}
# Weekday name of day of year d of 2022 (1 January was a Saturday).
function wday(d) { return wd[(d - 1 + 5) % 7 + 1] }
# A hash of small integers for values that must agree across articles.
function h3(a, b, c) { return (a * 7919 + b * 104729 + c * 1299709) % 1000003 }
function para(doy, m,    t, v, k, s, age, sp, mm, d, q) {
	t = int(rand() * 8)
	if (t == 0) {
		# OHCHR's cumulative count: the true figure of the day named.
		k = 1 + int(rand() * 6)
		v = 4000 + (doy - k) * 9
		if (rand() < 0.1)
			v += 1 + int(rand() * 90)
		return "On " wday(doy - k) ", the UN human rights office said " \
		    commas(v) " civilians had been killed and " \
		    commas(int(v * 3 / 2)) " injured since the start of the war."
	}
	if (t == 1) {
		# A side's troops near the border: one true figure a month.
		s = 1 + int(rand() * 3)
		v = 1000 * (20 + h3(s, m, 1) % 180)
		if (rand() < 0.1)
			v = int(v * (1.25 + rand() * 0.25) / 1000) * 1000
		return pick(spk, 6) " said on " wday(doy - 1 - int(rand() * 6)) \
		    " that " side[s] " had about " commas(v) \
		    " troops near the border, " pick(ag, 4) " reported."
	}
	if (t == 2) {
		# The war's age in whole months since 24 February.
		age = int((doy - 55) / 30.44)
		if (rand() < 0.05)
			age += 2 + int(rand() * 3)
		return "The " num[age] "-month-old conflict has displaced " \
		    (2 + int(rand() * 10)) " million people, officials said last month."
	}
	if (t == 3) {
		# Each speaker holds one position a month; some quote the other.
		sp = 1 + int(rand() * 6)
		q = h3(sp, m, 2) % 4 + 1
		if (rand() < 0.05)
			q = q % 2 ? q + 1 : q - 1
		mm = m + 1 + int(rand() * 2)
		if (mm > 12)
			mm = 12
		return "\"We are " pos[q] ",\" " spk[sp] " told reporters on " \
		    wday(doy - 1 - int(rand() * 6)) ", adding that talks could begin in " \
		    mn[mm] "."
	}
	if (t == 4) {
		# A strike: its figures are one per city and day.
		k = 1 + int(rand() * 6)
		s = 1 + int(rand() * 6)
		d = h3(s, doy - k, 3)
		return "At least " (2 + d % 60) " people were killed and " \
		    (5 + d % 120) " wounded when a missile hit a market in " \
		    city[s] " on " wday(doy - k) ", " pick(ag, 4) " reported."
	}
	if (t == 5) {
		# A speaker's meetings: one a month on a fixed day; the last
		# one on or before the publication date.
		sp = 1 + int(rand() * 6)
		mday(doy)
		mm = MD[1]
		d = 1 + h3(sp, mm, 4) % 28
		if (d > MD[2]) {
			mm--
			d = 1 + h3(sp, mm, 4) % 28
		}
		if (rand() < 0.05)
			d += d > 3 ? -(1 + int(rand() * 3)) : 1 + int(rand() * 3)
		if (mm == MD[1] && d > MD[2])
			d = MD[2]
		return spk[sp] " met his counterpart in " pick(city, 6) " on " \
		    mn[mm] " " d " for the first talks in " \
		    (2 + int(rand() * 10)) " weeks."
	}
	if (t == 6)
		return "Prices of bread rose by " (2 + int(rand() * 30)) \
		    " percent in the past three weeks, and " (1 + int(rand() * 9)) \
		    " of the 24 regions reported shortages."
	return "The ministry said more than " commas(100 * (1 + int(rand() * 90))) \
	    " servicemen had been mobilized since " mn[3 + int(rand() * (m - 2))] \
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
	split("Sergei Lavrov|Olaf Scholz|Volodymyr Zelenskyy|John Kirby|Dmitry Peskov|Antony Blinken", spk, "|")
	split("Russia|Ukraine|Belarus", side, "|")
	split("TASS|Reuters|Interfax|AFP", ag, "|")
	split("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen", num, "|")
	split("ready to negotiate|not ready to negotiate|open to talks|ruling out talks", pos, "|")
	split("Kyiv|Kharkiv|Odesa|Moscow|Ankara|Berlin", city, "|")
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	for (i = first; i < first + n; i++) {
		name = sprintf("a%07d", i)
		outlet = pick(ol, 8)
		if (i > first + 20 && rand() < 0.05) {
			# a copy of a recent article, a little later
			k = int(rand() * 20)
			body = prev[k]
			doy = pdoy[k] + int(rand() * 3)
			if (doy > 364)
				doy = 364
		} else {
			doy = 91 + int(rand() * 274)	# 1 April .. 30 December
			mday(doy)
			body = toupper(pick(city, 6)) ", " mn[MD[1]] " " MD[2] \
			    " (" outlet ") - "
			np = 18 + int(rand() * 10)
			mday(doy)
			for (p = 0; p < np; p++)
				body = body para(doy, MD[1]) (p % 2 ? "\n\n" : " ")
		}
		mday(doy)
		date = sprintf("2022-%02d-%02d", MD[1], MD[2])
		prev[i % 20] = body
		pdoy[i % 20] = doy
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
