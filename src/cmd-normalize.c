/*
 * cmd-normalize.c - "claimcheck normalize --ref DATE TEXT|-": show every
 * date, duration and number the recognizers find in TEXT, with normalized
 * values, one JSON object per line (SPEC.md "Normalized mention").
 *
 * The text is folded first (text.h), as the extractor sees it, and every
 * offset is mapped back so start/end are byte offsets into the input.  A
 * number inside a date or duration ("30" in "October 30") is part of that
 * mention and not printed on its own.
 *
 * The first line is the document date, the reference relative dates are
 * resolved against: --ref if given, else the text's own (front matter
 * "published:", a dateline, or inferred from a timeline event, as the
 * extractor dates articles), with its basis and uncertainty interval.
 * Without either, relative dates keep unresolved values (XXXX-10-30) and
 * no range, and there is no such line.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "article.h"
#include "cmd.h"
#include "extract.h"
#include "file.h"
#include "number.h"
#include "text.h"
#include "timex.h"
#include "xmalloc.h"

/* Text read from stdin beyond this is refused, not truncated. */
#define NORMALIZE_MAX	((size_t)64 << 20)
#define NORMALIZE_FLUSH	((size_t)64 << 10)	/* output written in pieces */

/* One mention to print, in folded offsets. */
struct mention {
	size_t			 start;
	size_t			 end;
	const struct cc_timex	*x;	/* or */
	const struct cc_number	*num;	/* or */
	const struct cc_entity_mention *ent;
};

static int
mention_cmp(const void *a, const void *b)
{
	const struct mention	*ma = a, *mb = b;

	if (ma->start != mb->start)
		return ma->start < mb->start ? -1 : 1;
	/* "since February 24" before its date "February 24". */
	if (ma->end != mb->end)
		return ma->end > mb->end ? -1 : 1;
	return 0;
}


static void
add_iso(struct cc_buf *b, const struct cc_date *d)
{
	char	s[16];

	cc_date_iso(d, s, sizeof s);
	cc_buf_add_json_cstr(b, s);
}

/* Decimal digits of v: printf was a tenth of the command's time. */
static void
add_uint(struct cc_buf *b, size_t v)
{
	char	d[24];
	size_t	i = sizeof d;

	do
		d[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	cc_buf_add(b, d + i, sizeof d - i);
}

static void
add_num(struct cc_buf *b, double v)
{
	if (v >= 0 && v < 9.007199254740992e15 && v == (double)(size_t)v)
		add_uint(b, (size_t)v);
	else
		cc_buf_add_json_num(b, v);
}

static void
add_bound(struct cc_buf *b, double v, int has)
{
	if (has)
		add_num(b, v);
	else
		cc_buf_adds(b, "null");
}

/* One JSON line for m; start/end are already mapped to the input. */
static void
print_mention(struct cc_buf *b, const struct mention *m, const char *in,
    size_t start, size_t end)
{
	const struct cc_timex	*x = m->x;
	const struct cc_number	*n = m->num;

	cc_buf_adds(b, "{\"kind\":\"");
	cc_buf_adds(b, m->ent != NULL ? "entity" : n != NULL ? "number" :
	    x->kind == CC_TIMEX_DATE ? "date" : "duration");
	cc_buf_adds(b, "\",\"start\":");
	add_uint(b, start);
	cc_buf_adds(b, ",\"end\":");
	add_uint(b, end);
	cc_buf_adds(b, ",\"text\":");
	cc_buf_add_json_str(b, in + start, end - start);
	if (m->ent != NULL) {
		cc_buf_adds(b, ",\"id\":");
		cc_buf_add_json_cstr(b, m->ent->id);
		cc_buf_adds(b, ",\"variant_of\":");
		cc_buf_add_json_cstr(b, m->ent->variant_of);
	} else if (n != NULL) {
		cc_buf_adds(b, ",\"value\":{\"min\":");
		add_bound(b, n->min, n->has_min);
		cc_buf_adds(b, ",\"max\":");
		add_bound(b, n->max, n->has_max);
		cc_buf_adds(b, n->approx ? ",\"approx\":true}" :
		    ",\"approx\":false}");
	} else if (x->kind == CC_TIMEX_DATE) {
		cc_buf_adds(b, ",\"timex\":");
		cc_buf_add_json_cstr(b, x->value);
		cc_buf_adds(b, ",\"mod\":");
		cc_buf_add_json_cstr(b, x->mod);
		cc_buf_adds(b, ",\"range\":");
		if (x->lo.y != 0) {
			cc_buf_adds(b, "{\"start\":");
			add_iso(b, &x->lo);
			cc_buf_adds(b, ",\"end\":");
			add_iso(b, &x->hi);
			cc_buf_adds(b, "}");
		} else
			cc_buf_adds(b, "null");
		cc_buf_adds(b, ",\"basis\":");
		cc_buf_add_json_cstr(b, x->basis);
	} else {
		cc_buf_adds(b, ",\"timex\":");
		cc_buf_add_json_cstr(b, x->value);
		/* The modifier only when there is one ("more than eight
		 * months"), keeping the plain shape of SPEC.md otherwise. */
		if (x->mod != NULL) {
			cc_buf_adds(b, ",\"mod\":");
			cc_buf_add_json_cstr(b, x->mod);
		}
		cc_buf_adds(b, ",\"days\":{\"min\":");
		add_num(b, x->days_min);
		cc_buf_adds(b, ",\"max\":");
		add_bound(b, x->days_max, x->days_max >= 0);
		cc_buf_adds(b, "}");
	}
	cc_buf_adds(b, "}\n");
}

/*
 * The document date line: SPEC's date mention shape with kind
 * "document_date", start/end the input bytes it was read from (both 0
 * for --ref), "mod" APPROX when the range is more than a day.
 */
static void
print_docdate(struct cc_buf *b, const struct cc_docdate *dd, const char *in,
    size_t start, size_t end)
{
	cc_buf_printf(b, "{\"kind\":\"document_date\",\"start\":%zu,"
	    "\"end\":%zu,\"text\":", start, end);
	cc_buf_add_json_str(b, in + start, end - start);
	cc_buf_adds(b, ",\"timex\":");
	add_iso(b, &dd->date);
	cc_buf_printf(b, ",\"mod\":%s,\"range\":{\"start\":",
	    cc_date_days(&dd->lo) != cc_date_days(&dd->hi) ? "\"APPROX\"" :
	    "null");
	add_iso(b, &dd->lo);
	cc_buf_adds(b, ",\"end\":");
	add_iso(b, &dd->hi);
	cc_buf_adds(b, "},\"basis\":");
	cc_buf_add_json_cstr(b, dd->basis);
	cc_buf_adds(b, "}\n");
}

/*
 * Front matter at the top of in: its "published" date into *published
 * (caller frees) and the offset of the body, which is then all that is
 * scanned; the span of the date's value in *ps, *pe.  0 without front
 * matter (or with front matter the article reader rejects).
 */
static size_t
front_matter(const char *in, size_t len, char **published, size_t *ps,
    size_t *pe)
{
	struct cc_article	 a;
	struct cc_diag		 d;
	const char		*p;
	size_t			 body = 0, n;

	*published = NULL;
	*ps = *pe = 0;
	if (len < 4 || strncmp(in, "---", 3) != 0 || (in[3] != '\n' &&
	    in[3] != '\r'))
		return 0;
	cc_article_init(&a);
	cc_diag_clear(&d);
	if (cc_read_buffer("stdin", in, len, &a, &d) == CC_OK &&
	    (n = strlen(a.text)) <= len &&
	    memcmp(in + len - n, a.text, n) == 0) {
		body = len - n;
		if (a.published != NULL) {
			*published = xstrdup(a.published);
			for (p = in; p != NULL && p < in + body; p = memchr(p,
			    '\n', (size_t)(in + body - p)), p = p ? p + 1 :
			    NULL)
				if (strncmp(p, "published:", 10) == 0) {
					*ps = (size_t)(p - in) + 10;
					*ps += strspn(in + *ps, " \t\"'");
					*pe = *ps + strcspn(in + *ps,
					    "\"'\r\n");
					break;
				}
		}
	}
	cc_article_release(&a);
	return body;
}

static int
cmd_normalize_exec(struct cc_ctx *ctx, int argc, char **argv)
{
	const struct cc_cmd_entry	*e = &cc_cmd_normalize_entry;
	const char			*refarg = NULL, *why;
	struct cc_opt			 opts[] = {
		{ "ref", 1, &refarg },
		{ NULL, 0, NULL }
	};
	struct cc_buf			 in = CC_BUF_INIT, out = CC_BUF_INIT;
	struct cc_fold			 f;
	struct cc_date			 ref;
	struct cc_docdate		 dd;
	struct cc_sentences		 sents;
	struct cc_extractor		*ex;
	struct cc_timex			*tx = NULL;
	struct cc_number		*nums = NULL;
	struct cc_entity_mention	*ents = NULL;
	struct mention			*ms = NULL;
	struct cc_diag			 d;
	char				*data, *published;
	const char			*body;
	size_t				 ntx, nnum, nent, nms = 0, i, k, bad, cap;
	size_t				 off, ps, pe;
	int				 first, rc, ret = CC_EXIT_OK, inside;

	if ((first = cc_cmd_parse(e, argc, argv, opts)) < 0)
		return CC_EXIT_USAGE;
	if (first >= argc) {
		fprintf(stderr, "claimcheck %s: missing TEXT (or '-' for "
		    "standard input)\n", e->name);
		cc_cmd_usage(e, 1);
		return CC_EXIT_USAGE;
	}
	if (refarg != NULL && (strlen(refarg) != 10 ||
	    cc_date_parse_iso(refarg, &ref) != CC_OK)) {
		fprintf(stderr, "claimcheck %s: --ref '%s' is not a date "
		    "(YYYY-MM-DD)\n", e->name, refarg);
		return CC_EXIT_USAGE;
	}

	/* The text: '-' for standard input, else the operands joined by
	 * single spaces (an unquoted sentence works too). */
	cc_buf_init(&in, NORMALIZE_MAX);
	if (strcmp(argv[first], "-") == 0 && first + 1 == argc) {
		cc_diag_clear(&d);
		if (cc_file_read("-", NORMALIZE_MAX, &data, &i, &d) != CC_OK) {
			snprintf(d.file, sizeof d.file, "stdin");
			cc_diag_print(&d, "error");
			return CC_EXIT_USAGE;
		}
		in.data = data;
		in.len = in.cap = i;
	} else {
		for (i = (size_t)first; i < (size_t)argc; i++) {
			if (i > (size_t)first)
				cc_buf_addc(&in, ' ');
			if (cc_buf_adds(&in, argv[i]) != CC_OK) {
				cc_error("%s: text too large", e->name);
				cc_buf_release(&in);
				return CC_EXIT_USAGE;
			}
		}
	}
	if (in.len == 0) {
		cc_buf_release(&in);
		return CC_EXIT_OK;
	}
	if (cc_utf8_valid(in.data, in.len, &bad, &why) != CC_OK) {
		cc_error("%s: input is not usable text at byte %zu: %s",
		    strcmp(argv[first], "-") == 0 ? "stdin" : e->name, bad,
		    why);
		cc_buf_release(&in);
		return CC_EXIT_USAGE;
	}
	if ((rc = cc_ctx_pack(ctx)) != CC_EXIT_OK) {
		cc_buf_release(&in);
		return rc;
	}

	off = front_matter(in.data, in.len, &published, &ps, &pe);
	body = in.data + off;
	cc_fold(body, in.len - off, &f);
	memset(&dd, 0, sizeof dd);
	if (refarg != NULL) {
		dd.date = dd.lo = dd.hi = ref;
		dd.basis = xstrdup("--ref");
		print_docdate(&out, &dd, in.data, 0, 0);
	} else {
		/* The text's own date, found as the extractor finds it. */
		memset(&sents, 0, sizeof sents);
		cc_segment(f.s, f.len, &sents);
		cc_boiler_mark(ctx->pack->boiler, f.s, f.len, &sents);
		ex = cc_extractor_new(ctx->pack);
		cc_extract_docdate(ex, published, &f, &sents, &dd);
		cc_extractor_free(ex);
		cc_sentences_release(&sents);
		if (dd.date.y != 0) {
			ref = dd.date;
			refarg = "";
			if (strcmp(dd.basis, "metadata") == 0)
				print_docdate(&out, &dd, in.data, ps, pe);
			else
				print_docdate(&out, &dd, in.data, off +
				    f.map[dd.start], off + cc_fold_orig_end(&f,
				    body, dd.end));
		}
	}
	cc_docdate_release(&dd);
	free(published);
	/* One pass each into arrays sized for news prose (a mention every
	 * 64 bytes is dense); a second only when that was too few. */
	cap = f.len / 64 + 16;
	tx = xreallocarray(NULL, cap, sizeof *tx);
	ntx = cc_timex_scan(ctx->pack->vocab, f.s, f.len,
	    refarg != NULL ? &ref : NULL, tx, cap);
	if (ntx > cap) {
		tx = xreallocarray(tx, ntx, sizeof *tx);
		ntx = cc_timex_scan(ctx->pack->vocab, f.s, f.len,
		    refarg != NULL ? &ref : NULL, tx, ntx);
	}
	nums = xreallocarray(NULL, cap, sizeof *nums);
	nnum = cc_number_scan(ctx->pack->vocab, f.s, f.len, nums, cap);
	if (nnum > cap) {
		nums = xreallocarray(nums, nnum, sizeof *nums);
		nnum = cc_number_scan(ctx->pack->vocab, f.s, f.len, nums,
		    nnum);
	}

	/* The entity scan says only how many it wrote: grow until it fits
	 * (from the same guess, so a long text is not scanned ten times). */
	for (k = cap;; k *= 2) {
		ents = xreallocarray(ents, k, sizeof *ents);
		nent = cc_entity_scan(ctx->pack->entities, f.s, f.len, ents,
		    k);
		if (nent < k)
			break;
	}

	ms = xreallocarray(NULL, ntx + nnum + nent + 1, sizeof *ms);
	memset(ms, 0, (ntx + nnum + nent + 1) * sizeof *ms);
	for (i = 0; i < nent; i++) {
		ms[nms].start = ents[i].start;
		ms[nms].end = ents[i].end;
		ms[nms++].ent = &ents[i];
	}
	for (i = 0; i < ntx; i++) {
		ms[nms].start = tx[i].start;
		ms[nms].end = tx[i].end;
		ms[nms].x = &tx[i];
		ms[nms++].num = NULL;
	}
	for (k = 0, i = 0; i < nnum; i++) {
		/*
		 * A number inside a date or duration belongs to it.  Both
		 * lists run left to right (a nested date lies within the
		 * duration before it), so one pointer walks the mentions:
		 * those ending before this number end before the next one.
		 */
		while (k < ntx && tx[k].end <= nums[i].start)
			k++;
		inside = k < ntx && tx[k].start < nums[i].end;
		if (inside)
			continue;
		ms[nms].start = nums[i].start;
		ms[nms].end = nums[i].end;
		ms[nms].x = NULL;
		ms[nms++].num = &nums[i];
	}
	if (nms > 0)
		qsort(ms, nms, sizeof *ms, mention_cmp);
	/* Written as it is made, 64 KB at a time: the output of a long text
	 * is several times its size, and a buffer that grows to hold it all
	 * costs its page faults and copies (a fifth of the run on 4 MB). */
	for (i = 0; i < nms && ret == CC_EXIT_OK; i++) {
		print_mention(&out, &ms[i], in.data, off + f.map[ms[i].start],
		    off + cc_fold_orig_end(&f, body, ms[i].end));
		if (out.len >= NORMALIZE_FLUSH) {
			if (fwrite(out.data, 1, out.len, stdout) != out.len)
				ret = CC_EXIT_INTERNAL;
			cc_buf_reset(&out);
		}
	}
	if (ret == CC_EXIT_OK && out.len > 0 &&
	    fwrite(out.data, 1, out.len, stdout) != out.len)
		ret = CC_EXIT_INTERNAL;
	if (fflush(stdout) != 0)
		ret = CC_EXIT_INTERNAL;
	if (ret != CC_EXIT_OK)
		cc_error("stdout: %s", strerror(errno));

	free(ms);
	free(ents);
	free(nums);
	free(tx);
	cc_fold_release(&f);
	cc_buf_release(&out);
	cc_buf_release(&in);
	return ret;
}

const struct cc_cmd_entry cc_cmd_normalize_entry = {
	"normalize", "[--ref DATE] TEXT|-",
	"show the numbers, dates, durations and entities recognized in TEXT",
	"  --ref DATE   the article's date (YYYY-MM-DD): relative dates\n"
	"               (\"on Monday\", \"last month\") are resolved against it\n"
	"  TEXT         the text, or '-' to read it from standard input\n"
	"Prints one JSON object per mention, in text order; start and end are\n"
	"byte offsets into TEXT.  The first object (kind \"document_date\") is\n"
	"the date relative dates are resolved against: --ref, else the text's\n"
	"own (front matter, a dateline, or inferred from an event of the\n"
	"timeline: \"the eight-month-old war\"), with its basis and range.\n",
	CC_CMD_NEEDS_PACK, cmd_normalize_exec
};
