#!/usr/bin/env python3
"""Write synthetic English news text for the throughput benchmark.

Usage: bench/newsgen.py [MEGABYTES] > news.txt     (default 4)

The text is built from sentence templates in the register of wire copy:
attributions, casualty and economic figures, dates in every common shape
(weekdays, "last month", "Oct. 30", "the end of March", "2022-10-30"),
durations ("for two weeks", "an eight-month-old"), names and places, and
plenty of sentences with none of these, since most news prose has no date
in it.  A fixed seed makes every run write the same bytes, so MB/s figures
compare across commits.  Paragraphs are lines of three to six sentences,
as scraped articles are.  A few typographic characters (curly quotes, en
dashes, no-break spaces) appear, as they do in real copy, so folding has
work to do.
"""
import random
import sys

PEOPLE = ["Lavrov", "Erdogan", "Macron", "Scholz", "Biden", "Zelenskiy",
          "Guterres", "Stoltenberg", "Lagarde", "Powell", "Sunak", "Modi",
          "the prime minister", "a senior official", "the spokeswoman",
          "the mayor", "the governor", "the central bank chief",
          "a UN envoy", "the defence minister"]
PLACES = ["Kyiv", "Ankara", "Brussels", "Geneva", "Kherson", "Istanbul",
          "Warsaw", "Nairobi", "Jakarta", "Lima", "Toronto", "Seoul",
          "the capital", "the border region", "the northern province"]
ORGS = ["the World Bank", "the IMF", "the European Commission", "NATO",
        "the Red Cross", "Reuters", "the health ministry",
        "the statistics office", "the electoral commission", "OPEC"]
THINGS = ["civilians", "soldiers", "refugees", "workers", "patients",
          "students", "homes", "schools", "vehicles", "barrels a day",
          "tonnes of grain", "jobs", "votes", "flights"]
SAID = ["said", "told reporters", "said in a statement", "wrote on Twitter",
        "told a news conference", "said on state television", "added"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
NUMWORDS = ["two", "three", "four", "five", "six", "eight", "ten",
            "twelve", "fifteen", "twenty"]
UNITS = ["day", "week", "month", "year"]
APPROX = ["about", "nearly", "more than", "almost", "at least", "some",
          "roughly", "fewer than", "up to"]


def r(xs):
    return random.choice(xs)


def number():
    k = random.random()
    if k < 0.3:
        return str(random.randint(2, 99))
    if k < 0.6:
        return "{:,}".format(random.randint(100, 999999))
    if k < 0.75:
        return "%.1f million" % (random.randint(11, 999) / 10)
    if k < 0.85:
        return "$%d billion" % random.randint(1, 900)
    if k < 0.93:
        return "%d%%" % random.randint(1, 99)
    return r(NUMWORDS)


def date():
    k = random.randint(0, 17)
    y = random.randint(2015, 2024)
    m = random.randint(1, 12)
    d = random.randint(1, 28)
    return [
        lambda: "on " + r(WEEKDAYS),
        lambda: "on %s %d" % (MONTHS[m - 1], d),
        lambda: "on %s %d, %d" % (MONTHS[m - 1], d, y),
        lambda: "in %s" % MONTHS[m - 1],
        lambda: "in %s %d" % (MONTHS[m - 1], y),
        lambda: "last " + r(["week", "month", "year", "Monday", "summer"]),
        lambda: "yesterday",
        lambda: "earlier this " + r(["week", "month", "year"]),
        lambda: "on %s %d" % (r(MON_ABBR), d),
        lambda: "at the end of " + MONTHS[m - 1],
        lambda: "in mid-" + MONTHS[m - 1],
        lambda: "in %d" % y,
        lambda: "on %d-%02d-%02d" % (y, m, d),
        lambda: "%s days ago" % r(NUMWORDS),
        lambda: "in the first quarter",
        lambda: "since %s %d" % (MONTHS[m - 1], y),
        lambda: "on the %dth of %s" % (random.randint(4, 20),
                                        MONTHS[m - 1]),
        lambda: "between %s and %s" % (MONTHS[m - 1],
                                       MONTHS[(m + 1) % 12]),
    ][k]()


def duration():
    return r([
        lambda: "for %s %ss" % (r(NUMWORDS), r(UNITS)),
        lambda: "for %d %ss" % (random.randint(2, 40), r(UNITS)),
        lambda: "over the past %s %ss" % (r(NUMWORDS), r(UNITS)),
        lambda: "for months",
        lambda: "for nearly a decade",
        lambda: "in recent years",
        lambda: "for a year and a half",
    ])()


TEMPLATES = [
    lambda: "%s %s %s that talks would resume." % (
        cap(r(PEOPLE)), r(SAID), date()),
    lambda: "%s %s people were killed and %s injured, %s %s." % (
        cap(r(APPROX)), number(), number(), r(ORGS), r(SAID)),
    lambda: "The offensive has lasted %s, %s %s." % (
        duration()[4:] if random.random() < 0.5 else "eight months",
        r(PEOPLE), r(SAID)),
    lambda: "%s met %s in %s %s." % (cap(r(PEOPLE)), r(PEOPLE), r(PLACES),
                                     date()),
    lambda: "Inflation rose to %d.%d%% %s, the highest since %d." % (
        random.randint(2, 15), random.randint(0, 9), date(),
        random.randint(1980, 2010)),
    lambda: "%s said %s %s had fled %s %s." % (
        cap(r(ORGS)), r(APPROX), number(), r(PLACES), duration()),
    lambda: "\u201cWe will not give up,\u201d %s %s." % (r(PEOPLE), r(SAID)),
    lambda: "The ceasefire, agreed %s, broke down within hours." % date(),
    lambda: "Prices have climbed %s, squeezing households across %s." % (
        duration(), r(PLACES)),
    lambda: "%s will travel to %s next %s for a summit." % (
        cap(r(PEOPLE)), r(PLACES), r(["week", "month", "Tuesday"])),
    lambda: "The company cut %s %s, or %d%% of its staff." % (
        number(), r(["jobs", "positions", "roles"]),
        random.randint(2, 30)),
    lambda: "A %s-year-old man was arrested %s in %s." % (
        random.randint(18, 80), date(), r(PLACES)),
    lambda: "Exports fell to %s %s in the %s quarter." % (
        number(), r(THINGS), r(["first", "second", "third", "fourth"])),
    lambda: "Residents of %s have been without power %s." % (
        r(PLACES), duration()),
    lambda: "%s did not respond to a request for comment." % cap(r(ORGS)),
    lambda: "The report, published %s, estimated the damage at %s." % (
        date(), number()),
    lambda: "Officials expect the vote to take place %s." % r([
        "in the spring", "early next year", "by the end of the year",
        "in late November", "next month", "within weeks"]),
    lambda: "%s has governed %s since %d." % (
        cap(r(PEOPLE)), r(PLACES), random.randint(1990, 2021)),
    lambda: "Police said %s %s were detained during the protest." % (
        r(APPROX), number()),
    lambda: "The bridge, closed %s, reopened to traffic." % date(),
    lambda: "Talks between %s and %s went nowhere." % (
        r(PEOPLE), r(PEOPLE)),
    lambda: "The\u00a0UN counted %s %s in the region." % (
        number(), r(THINGS)),
    lambda: "The two sides \u2013 meeting %s \u2013 signed a grain deal." %
        date(),
    lambda: "%s warned that the economy could shrink by %d%% %s." % (
        cap(r(ORGS)), random.randint(1, 9),
        r(["next year", "this year", "in 2023", "over two years"])),
    lambda: "Shares of the firm rose %d%% in early trading." %
        random.randint(1, 25),
    lambda: "The march through %s drew %s people." % (
        r(PLACES), number()),
    lambda: "It was the %s attack on %s %s." % (
        r(["third", "fifth", "latest", "deadliest"]), r(PLACES),
        r(["this month", "in a week", "since the war began", "this year"])),
    lambda: "%s, who took office %s, faces a confidence vote." % (
        cap(r(PEOPLE)), date()),
    lambda: "Read more: %s explains what happens next." % r(ORGS),
    lambda: "The %s-day strike ended after %s." % (
        r(NUMWORDS), r(["talks", "a court ruling", "a pay offer"])),
    lambda: "The decision drew criticism from opposition lawmakers, who " \
        "accused the government of ignoring the concerns of %s." % r(THINGS),
    lambda: "Witnesses described scenes of chaos as emergency crews " \
        "worked to reach people trapped under the rubble in %s." % r(PLACES),
    lambda: "%s has repeatedly denied targeting civilian infrastructure, " \
        "saying its forces strike only military objectives." % cap(r(ORGS)),
    lambda: "Analysts say the move is unlikely to change the course of the " \
        "conflict, but it could raise pressure on %s." % r(PEOPLE),
    lambda: "The agency said it could not independently verify the " \
        "figures, which were provided by local authorities.",
    lambda: "Diplomats in %s said a compromise remained possible, though " \
        "both sides have hardened their positions." % r(PLACES),
    lambda: "%s called for calm and urged residents to follow the advice " \
        "of the emergency services." % cap(r(PEOPLE)),
    lambda: "The plan, which still needs the approval of parliament, would " \
        "raise spending on schools, hospitals and roads.",
    lambda: "Markets were little changed as investors waited for " \
        "guidance from %s on interest rates." % r(ORGS),
    lambda: "It's not clear how many people remain in the city, %s %s." % (
        r(PEOPLE), r(SAID)),
]


def cap(s):
    return s[0].upper() + s[1:]


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    random.seed(20221030)
    want = int(mb * 1e6)
    out = []
    n = 0
    while n < want:
        para = " ".join(r(TEMPLATES)() for _ in range(random.randint(3, 6)))
        out.append(para)
        n += len(para.encode()) + 1
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
