/*
 * extract.c - the Extract stage: sentences x rules -> claims.
 *
 * The article is folded (text.h) so rules see ASCII quotes and plain
 * spaces, segmented into sentences, and boilerplate lines are marked;
 * then every rule whose trigger words occur in a sentence runs its
 * patterns over it.  A match becomes a claim whose fields come from the
 * rule (literals, named groups, vocab maps), whose value is normalized by
 * the number or duration recognizer, and whose time is the sentence's
 * first date mention resolved against the document date, else the
 * document date itself.  Offsets are mapped back to the stored text.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "hash.h"
#include "number.h"
#include "rematch.h"
#include "timex.h"
#include "xmalloc.h"

/* Bounds that keep a hostile pattern or sentence from hanging a run. */
#define EX_MATCH_LIMIT	2000000
#define EX_DEPTH_LIMIT	10000
#define EX_MAX_TIMEX	64
#define EX_SOLVE_TRIES	8	/* relative dates solved per document */
#define EX_MEMO		1024	/* speaker searches remembered */
#define EX_MEMO_PAIRS	32	/* ... of patterns with fewer groups */
#define EX_MEMO_TEXT	1024	/* ... on texts of at most this */
#define EX_GNUM_BITS	12
#define EX_GNUM		(1 << EX_GNUM_BITS)	/* group numbers remembered */
#define EX_ENTS		256	/* entity look-ups remembered, */
#define EX_ENT_TEXT	64	/* ... of texts of at most this */
#define EX_WINDOW	2048	/* sentences matched before claims are built */
#define EX_SMEMO	4096	/* sentences whose matches are remembered, */
#define EX_SMEMO_TEXT	2048	/* ... of at most this many bytes */
#define EX_SMEMO_OVS	1024	/* ... and offsets of matches */
#define EX_SCRATCH	4096	/* bytes of a scratch chunk (build_claim()) */
#define EX_GROUP_BYTES	((size_t)512 << 10)	/* text of articles read
						   together (at least one) */

/* A group's number in a pattern, by name (group_number()). */
struct ex_gnum {
	const pcre2_code	*re;
	const char		*name;
	int			 n;
};

/* A match of a rule's pattern in a sentence, kept from when it is found
 * (find_matches()) to when its claim is built (build_matches()). */
struct ex_match {
	const struct cc_rule	*r;
	pcre2_code		*re;	/* r->pats[p], or one of its halves */
	uint32_t		 p;
	uint32_t		 nov;	/* ovector pairs kept */
	size_t			 sent;	/* sentence, in the window */
	size_t			 ov;	/* ex->ovs[ov .. ov + 2 * nov) */
};

/* The matches of every rule in a sentence, remembered by its text
 * (find_window()). */
struct ex_smemo {
	uint64_t		 h;
	uint64_t		 used;
	char			*text;		/* NULL: empty */
	size_t			 len, tcap;
	struct ex_match		*mv;		/* sent unused, ov into ovs */
	size_t			 nm, mcap;
	PCRE2_SIZE		*ovs;
	size_t			 novs, ovcap;
	uint32_t		*aux;		/* the sentence's naux values
						   (ex->waux) */
	size_t			 naux;
};

/* A pattern to run on a sentence of the window (find_window()). */
struct ex_run {
	uint32_t	 gp;		/* pat_base[rule] + pattern */
	uint32_t	 rule;
	uint32_t	 pat;
	uint32_t	 sent;		/* in the window */
	uint32_t	 bound;		/* no match starts here or after
					   (find_matches()) */
};

/* Scratch space for the strings of the claim being built. */
struct ex_chunk {
	char	*p;
	size_t	 cap;
	size_t	 used;
};

/* A context or after search remembered (memo_match()). */
struct ex_memo {
	const pcre2_code	*re;	/* NULL: empty */
	uint64_t		 h;
	uint64_t		 used;	/* when last used (ex->memo_tick) */
	char			*text;	/* what the search could see */
	size_t			 len, tcap;
	size_t			 at;	/* start offset, in text */
	int			 start;	/* text is the subject's start */
	int			 rc;
	PCRE2_SIZE		 ov[2 * EX_MEMO_PAIRS];	/* from text */
};

/* A look-up of the pack's entities remembered (entity_id()). */
struct ex_ent {
	uint64_t	 h;
	size_t		 len;		/* 0: empty */
	char		 text[EX_ENT_TEXT];
	const char	*id;		/* the answer, in the pack */
};

/* What build_claim() asks of a rule for every claim, found once
 * (trig_index()): measuring and comparing the same strings a claim at a
 * time was a fiftieth of extraction on text dense in claims. */
struct ex_rinfo {
	size_t		 type_len;
	size_t		 id_len;
	int		 numeric;	/* is_numeric_type() */
};

struct cc_extractor {
	const struct cc_pack	*pack;
	const struct cc_lineset	*shared;	/* outlets' furniture, or NULL */
	pcre2_match_data	*md;
	pcre2_match_data	*cmd;		/* a rule's context match */
	pcre2_match_data	*amd;		/* a rule's after match */
	pcre2_match_data	*gmd;		/* a continuation (next_match()) */
	pcre2_match_context	*mctx;
	pcre2_match_context	*bctx;		/* mctx with an offset limit
						   (find_matches()) */
	pcre2_jit_stack		*jit;
	struct cc_timex_scanner	*ts;		/* dates, index built once */
	struct cc_timex		 tx[EX_MAX_TIMEX];

	/* The trigger, required and needed words of every rule as one
	 * automaton (triggered_all()), built on first use, for pack->rules
	 * as it is then. */
	const struct cc_rule	*trig_rules;
	size_t			 trig_nrules;
	uint32_t		*trig_next;	/* [state + class]: the next state;
						   a state is its row's offset,
						   number << trig_shift */
	uint32_t		 trig_out0;	/* states from here on end words: */
	uint32_t		*trig_outs;	/* the bits they set, tgt[outs[i],
						   outs[i + 1]), i = (state -
						   out0) >> trig_shift */
	uint32_t		*trig_pats;	/* of those (sorted by slot), the
						   patterns' are tgt[pats[2i],
						   pats[2i + 1]) */
	struct ex_tgt		*tgt;
	unsigned		 trig_shift;	/* log2 of a row's length */
	size_t			 trig_maxlen;	/* bytes of the longest word */
	unsigned char		 trig_class[256];	/* byte -> column; 0:
						   in no word */
	/* hit[r], rule r: EX_HIT_ALL if it may match; hit[trig_npats0 +
	 * pat_base[r] + p], pattern p of rule r: bit k set if one of the
	 * words of its needs' set k occurs (needs.h) */
	unsigned char		*hit;
	unsigned char		*hit0;		/* hit before any word:
						   rules without words */
	/* hitend[slot * CC_NEEDS_MAX + k], the pattern of that slot: where
	 * the last word of its needs' set k seen ends, from the sentence's
	 * start (0: none) */
	uint32_t		*hitend;
	uint32_t		*trig_hits;	/* triggered_all()'s word ends */
	size_t			 trig_hcap;
	/* the sentence triggered_all() reads, for words with edges */
	const char		*trig_lower;
	size_t			 trig_start, trig_end;
	size_t			*pat_base;
	struct ex_rinfo		*rinfo;		/* [rule] */
	size_t			 trig_npats0;	/* = the number of rules */
	size_t			 nslots;
	/* The sets of words the groups of the pack's context and after
	 * patterns need (pack.shared_gneeds), each distinct set once: set
	 * a is slot aux0 + a, its words aux_words[a] (aux_nwords[a] of
	 * them), of a context pattern (aux_after[a] 0) or an after one.
	 * Its value for a sentence is where a word of it first ends
	 * (context: searched before a match), else where one last ends
	 * (after: searched from a match's end), aux_none[a] if none, as
	 * triggered_all() finds it, into auxcur.  Group g of shared
	 * pattern i needs sets aux_gset[(aux_first[i] + g) * CC_NEEDS_MAX
	 * + k], k < aux_gn[aux_first[i] + g] (aux_gbehind: words of a
	 * look-behind among them). */
	size_t			 aux0;
	size_t			*rule_aux;	/* [2 * rule + EX_CONTEXT or
						   EX_AFTER]: its pattern's
						   i, or SIZE_MAX */
	size_t			*aux_first;
	uint32_t		*aux_gset;
	unsigned char		*aux_gn;
	unsigned char		*aux_gbehind;
	char			***aux_words;
	size_t			*aux_nwords;
	unsigned char		*aux_after;
	uint32_t		*aux_none;
	uint32_t		*auxcur;
	size_t			 naux;
	/* per sentence of the window: waux[k * naux ...], the values
	 * above; aux_on: build_sentence() reads sentence wcur */
	uint32_t		*waux;
	int			 aux_on;

	/* The matches of a window of sentences (find_window()): found
	 * rule by rule, built sentence by sentence. */
	struct ex_match		*mv, *mv2;
	size_t			 mn, mcap, mv2cap;
	PCRE2_SIZE		*ovs;
	size_t			 novs, ovcap;
	struct ex_run		*runs, *runs2;	/* pattern runs to make */
	size_t			 nruns, runs_cap;
	size_t			*run_start;	/* [slots of patterns + 1]:
						   counting (trig_index()) */
	size_t			 wart[EX_WINDOW];	/* article, */
	size_t			 wsent[EX_WINDOW];	/* sentence */
	size_t			 wstart[EX_WINDOW + 1];
	/* Sentences whose text an earlier one had (a wire story in many
	 * papers): its matches, remembered, are not searched again.
	 * wkey[k]: the hash of sentence k of the window, wkeep[k]: its
	 * matches are to be remembered. */
	struct ex_smemo		*smemo;		/* EX_SMEMO, on first use */
	uint64_t		 smemo_tick;
	int			 smemo_off;	/* cc_extractor_remember() */
	int			 match_err;	/* a search failed: keep none */
	uint64_t		 wkey[EX_WINDOW];
	unsigned char		 wkeep[EX_WINDOW];

	struct ex_memo		*memo;		/* EX_MEMO, on first use */
	uint64_t		 memo_tick;
	struct ex_ent		*ents;		/* EX_ENTS, on first use */
	const struct cc_vocab_list *pronouns;	/* on first use */

	/* The strings of the claim being built (build_claim()) are
	 * written here, then copied into the claim's one block when it is
	 * kept (cc_claim_pack()): a claim's some twenty strings were each
	 * malloc'd and freed, a fifth of the time building claims took on
	 * text dense in them. */
	struct ex_chunk		*ck;
	size_t			 nck;
	size_t			 ckcur;		/* the chunk written to */
	struct ex_gnum		 gnum[EX_GNUM];

	/* The date a claim of sentence k of the window takes when its
	 * rule gives none (claim_time()), found for the whole window
	 * before any claim is built: wdst[k] 0 not looked for, 1 none,
	 * 2 wdate[k].  wcur: the sentence build_sentence() reads. */
	struct cc_timex		*wdate;		/* EX_WINDOW, on first use */
	unsigned char		 wdst[EX_WINDOW];
	size_t			 wcur;

	/* The date mentions of the sentence being read (claim_time). */
	struct cc_timex		 stx[EX_MAX_TIMEX];
	size_t			 nstx;
	size_t			 stx_ss, stx_se;	/* sentence scanned */
	int			 stx_on;	/* cache in use */
	int			 stx_have;	/* stx is that sentence's */
	int			 stx_full;	/* ... every mention of it */
};

static void	aux_free(struct cc_extractor *);

struct cc_extractor *
cc_extractor_new(const struct cc_pack *pk)
{
	struct cc_extractor	*ex = xcalloc(1, sizeof *ex);

	ex->pack = pk;
	ex->ts = cc_timex_scanner_new(pk->vocab);
	ex->md = pcre2_match_data_create(64, NULL);
	ex->cmd = pcre2_match_data_create(64, NULL);
	ex->amd = pcre2_match_data_create(64, NULL);
	ex->gmd = pcre2_match_data_create(64, NULL);
	ex->mctx = pcre2_match_context_create(NULL);
	if (ex->md == NULL || ex->cmd == NULL || ex->amd == NULL ||
	    ex->gmd == NULL || ex->mctx == NULL) {
		fputs("claimcheck: fatal: out of memory\n", stderr);
		abort();
	}
	pcre2_set_match_limit(ex->mctx, EX_MATCH_LIMIT);
	pcre2_set_depth_limit(ex->mctx, EX_DEPTH_LIMIT);
	ex->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (ex->jit != NULL)
		pcre2_jit_stack_assign(ex->mctx, NULL, ex->jit);
	if ((ex->bctx = pcre2_match_context_copy(ex->mctx)) == NULL) {
		fputs("claimcheck: fatal: out of memory\n", stderr);
		abort();
	}
	return ex;
}

void
cc_extractor_set_shared(struct cc_extractor *ex,
    const struct cc_lineset *shared)
{
	ex->shared = shared;
}

void
cc_extractor_remember(struct cc_extractor *ex, int on)
{
	size_t	i;

	ex->smemo_off = !on;
	for (i = 0; ex->smemo != NULL && i < EX_SMEMO; i++) {
		free(ex->smemo[i].text);
		ex->smemo[i].text = NULL;
		ex->smemo[i].tcap = 0;
		free(ex->smemo[i].aux);
		ex->smemo[i].aux = NULL;
		ex->smemo[i].naux = 0;
	}
}

void
cc_extractor_free(struct cc_extractor *ex)
{
	size_t	i;

	if (ex == NULL)
		return;
	pcre2_match_data_free(ex->md);
	pcre2_match_data_free(ex->cmd);
	pcre2_match_data_free(ex->amd);
	pcre2_match_data_free(ex->gmd);
	pcre2_match_context_free(ex->mctx);
	pcre2_match_context_free(ex->bctx);
	pcre2_jit_stack_free(ex->jit);
	cc_timex_scanner_free(ex->ts);
	free(ex->trig_next);
	free(ex->trig_outs);
	free(ex->trig_pats);
	free(ex->tgt);
	free(ex->hit);
	free(ex->hit0);
	free(ex->hitend);
	free(ex->trig_hits);
	free(ex->pat_base);
	free(ex->rinfo);
	aux_free(ex);
	free(ex->mv);
	free(ex->mv2);
	free(ex->ovs);
	free(ex->runs);
	free(ex->runs2);
	free(ex->run_start);
	for (i = 0; ex->memo != NULL && i < EX_MEMO; i++)
		free(ex->memo[i].text);
	free(ex->memo);
	for (i = 0; ex->smemo != NULL && i < EX_SMEMO; i++) {
		free(ex->smemo[i].text);
		free(ex->smemo[i].mv);
		free(ex->smemo[i].ovs);
		free(ex->smemo[i].aux);
	}
	free(ex->smemo);
	free(ex->wdate);
	free(ex->ents);
	for (i = 0; i < ex->nck; i++)
		free(ex->ck[i].p);
	free(ex->ck);
	free(ex);
}

/* What one extraction pass works on. */
struct ex_doc {
	const char		*name;		/* for warnings */
	const struct cc_fold	*f;
	const char		*orig;		/* stored text */
	char			*lower;		/* ASCII-lower-cased fold */
	struct cc_date		 ref;		/* document date, or zero */
	const char		*outlet;
	size_t			 name_len;	/* of name, of outlet (0 if */
	size_t			 outlet_len;	/* NULL), for every claim */
	unsigned		 para;		/* paragraph being read */
	unsigned		 prev_para;	/* the one read before it */
	char			*speaker;	/* last named speaker ... */
	unsigned		 speaker_para;	/* ... and where */
	size_t			 speaker_sent;
	const struct cc_sentences *sents;
	size_t			 cur;		/* sentence being read */
	size_t			 spk_upto;	/* sentences before it were
						   searched for a speaker */
};

static int
is_numeric_type(const char *type)
{
	return strcmp(type, "casualty") == 0 || strcmp(type, "force") == 0 ||
	    strcmp(type, "quantity") == 0 || strcmp(type, "duration") == 0;
}

static char *
lower_copy(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	cc_ascii_lower(p, s, n);
	p[n] = '\0';
	return p;
}

/* Empty the scratch space for the next claim; a chunk made for a huge
 * sentence is let go. */
static void
scratch_reset(struct cc_extractor *ex)
{
	size_t	i, k = 0;

	for (i = 0; i < ex->nck; i++) {
		if (ex->ck[i].cap > 16 * EX_SCRATCH) {
			free(ex->ck[i].p);
			continue;
		}
		ex->ck[k] = ex->ck[i];
		ex->ck[k++].used = 0;
	}
	ex->nck = k;
	ex->ckcur = 0;
}

/* scratch_alloc() where the current chunk is full. */
static char *
scratch_grow(struct cc_extractor *ex, size_t n)
{
	struct ex_chunk	*k;

	while (ex->ckcur < ex->nck &&
	    ex->ck[ex->ckcur].cap - ex->ck[ex->ckcur].used < n)
		ex->ckcur++;
	if (ex->ckcur == ex->nck) {
		ex->ck = xreallocarray(ex->ck, ex->nck + 1, sizeof *ex->ck);
		k = &ex->ck[ex->nck++];
		k->cap = n > EX_SCRATCH ? n : EX_SCRATCH;
		k->p = xmalloc(k->cap);
		k->used = 0;
	}
	k = &ex->ck[ex->ckcur];
	k->used += n;
	return k->p + k->used - n;
}

/* n bytes of scratch space, valid until the next scratch_reset().
 * (Inline where the chunk has room: a claim takes a dozen strings.) */
static inline char *
scratch_alloc(struct cc_extractor *ex, size_t n)
{
	struct ex_chunk	*k;

	if (ex->ckcur < ex->nck) {
		k = &ex->ck[ex->ckcur];
		if (k->cap - k->used >= n) {
			k->used += n;
			return k->p + k->used - n;
		}
	}
	return scratch_grow(ex, n);
}

/* n bytes of s and a NUL, in scratch space: a string whose length is
 * known, without measuring it again. */
static char *
scratch_copy(struct cc_extractor *ex, const char *s, size_t n)
{
	char	*d = scratch_alloc(ex, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* As xstrndup() (NULL stays NULL), in scratch space. */
static char *
scratch_strndup(struct cc_extractor *ex, const char *s, size_t n)
{
	return s != NULL ? scratch_copy(ex, s, strnlen(s, n)) : NULL;
}

static char *
scratch_strdup(struct cc_extractor *ex, const char *s)
{
	size_t	n;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	return memcpy(scratch_alloc(ex, n), s, n);
}

/* Is p in scratch space?  (cc_claim_pack()'s borrowed()) */
static int
scratch_has(void *arg, const char *p)
{
	const struct cc_extractor *ex = arg;
	uintptr_t	a = (uintptr_t)p;
	size_t		i;

	for (i = 0; i < ex->nck; i++)
		if (a >= (uintptr_t)ex->ck[i].p &&
		    a < (uintptr_t)ex->ck[i].p + ex->ck[i].cap)
			return 1;
	return 0;
}

/*
 * Claim c's strings as one block (claim.h), as cc_claim_pack() makes it,
 * by one copy of the scratch space they were written to: its bytes from
 * the first of them on, the pointers moved by as much.  A string not in
 * scratch space goes after them.  (Each string was measured and copied
 * alone, and each asked scratch_has(): a tenth of the instructions
 * claims took to build.)  The block is out's (cc_claims_alloc()).  0,
 * and nothing done, if the claim took more than the first chunk.
 */
static int
scratch_adopt(struct cc_extractor *ex, struct cc_claim *c,
    struct cc_claims *out)
{
	const struct ex_chunk	*k = &ex->ck[0];
	char			**f[CC_CLAIM_NSTR], *b, *q;
	uintptr_t		 a, p0, p1;
	size_t			 i, lo = SIZE_MAX, extra = 0, n, l, first = 0;

	if (ex->nck == 0 || ex->ckcur != 0)
		return 0;
	p0 = (uintptr_t)k->p;
	p1 = p0 + k->used;
	cc_claim_strings(c, f);
	for (i = 0; i < CC_CLAIM_NSTR; i++) {
		if (*f[i] == NULL)
			continue;
		a = (uintptr_t)*f[i];
		if (a < p0 || a >= p1)
			extra += strlen(*f[i]) + 1;
		else if (a - p0 < lo) {
			lo = a - p0;
			first = i;
		}
	}
	if (lo == SIZE_MAX)
		return 0;
	n = k->used - lo + extra;
	b = cc_claims_alloc(out, sizeof n + n);
	memcpy(b, &n, sizeof n);
	memcpy(b + sizeof n, k->p + lo, k->used - lo);
	q = b + sizeof n + (k->used - lo);
	for (i = 0; i < CC_CLAIM_NSTR; i++) {
		if (*f[i] == NULL)
			continue;
		a = (uintptr_t)*f[i];
		if (a >= p0 && a < p1) {
			*f[i] = b + sizeof n + (a - p0 - lo);
			continue;
		}
		l = strlen(*f[i]) + 1;
		memcpy(q, *f[i], l);
		free(*f[i]);
		*f[i] = q;
		q += l;
	}
	c->packed = (unsigned)first + 1;
	c->held = 1;
	return 1;
}

/* Free a string of the claim being built unless it is in scratch
 * space. */
static void
scratch_free(struct cc_extractor *ex, char *p)
{
	if (p != NULL && !scratch_has(ex, p))
		free(p);
}

/* The word characters of PCRE2's \b (without Unicode properties), as
 * a table: find_led() asks it of every byte. */
#define WB_10	1, 1, 1, 1, 1, 1, 1, 1, 1, 1
#define WB_26	WB_10, WB_10, 1, 1, 1, 1, 1, 1
static const unsigned char word_byte[256] = {
	['0'] = WB_10,
	['A'] = WB_26,
	['_'] = 1,
	['a'] = WB_26
};

static int
is_word_char(unsigned char c)
{
	return word_byte[c];
}

/* Do the edges (CC_EDGE_*) of a word at lower[at..at + len) hold in
 * lower[start..end)?  The sentence's ends are edges. */
static int
edges_hold(const char *lower, size_t start, size_t end, size_t at,
    size_t len, unsigned char edges)
{
	if ((edges & CC_EDGE_BEFORE) && at > start &&
	    is_word_char((unsigned char)lower[at - 1]))
		return 0;
	if ((edges & CC_EDGE_AFTER) && at + len < end &&
	    is_word_char((unsigned char)lower[at + len]))
		return 0;
	return 1;
}

/* Does any of the n words occur in lower[start..end), with its edges?
 * None: yes. */
static int
any_word(char *const *w, const unsigned char *edges, size_t n,
    const char *lower, size_t start, size_t end)
{
	const char	*p, *e = lower + end;
	size_t		 i, len;

	if (n == 0)
		return 1;
	for (i = 0; i < n; i++) {
		len = strlen(w[i]);
		for (p = lower + start; (p = memmem(p, (size_t)(e - p), w[i],
		    len)) != NULL; p++) {
			if (edges[i] == 0 || edges_hold(lower, start, end,
			    (size_t)(p - lower), len, edges[i]))
				return 1;
			if (p == e)
				break;
		}
	}
	return 0;
}

/* May rule r match in lower[start..end)?  One of its trigger words must
 * occur there, and one of its "requires" words if it has any. */
int
cc_rule_triggered(const struct cc_rule *r, const char *lower, size_t start,
    size_t end)
{
	return any_word(r->triggers, r->trigger_edges, r->ntriggers, lower,
	    start, end) && any_word(r->requires, r->require_edges,
	    r->nrequires, lower, start, end);
}

/*
 * All rules at once: the same answer as cc_rule_triggered() for every
 * rule, in one pass over the sentence instead of a memmem per word per
 * rule (which cost more than the rules' patterns).  The words (triggers,
 * required words, and the words each pattern needs) make one
 * Aho-Corasick automaton, kept as a full table of the next state for
 * every state and byte class: each byte of the sentence costs one
 * look-up however many words there are (comparing the words that
 * start at each byte cost some sixty instructions a byte).  A word is
 * found wherever it occurs, inside a longer word too, as memmem finds
 * it, and only if it lies whole in the sentence: the scan starts at the
 * sentence's first byte in the empty state.  States that end a word are
 * numbered last, so one comparison a byte says whether any word ended
 * there; each carries the hit bits of every word that ends in it (its
 * own word and the shorter words that are suffixes of it).  A word with
 * edges (CC_EDGE_*) sets its bits only where they hold (trig_hit()).
 */
struct ex_tgt {				/* a hit bit to set */
	uint32_t	 slot;		/* in hit[] */
	unsigned char	 bit;		/* EX_HIT_TRIGGER or EX_HIT_REQUIRE,
					   or a pattern's set */
	unsigned char	 edges;		/* the word's CC_EDGE_*s, and */
	uint32_t	 len;		/* its length if any */
	uint32_t	 rule;		/* a pattern's slot: its rule */
};

struct ex_occ {				/* a word ends in state, for t */
	uint32_t	 state;
	struct ex_tgt	 t;
};

/* The automaton while it is built (trig_index()). */
struct ex_acb {
	unsigned char	*cls;		/* ex->trig_class */
	size_t		 nc;		/* row length: a power of two */
	uint32_t	*go;		/* [id * nc + class]: child, 0 none */
	size_t		 nstates;
	struct ex_occ	*occ;
	size_t		 nocc;
	size_t		 bytes;		/* of all the words */
	size_t		 maxlen;	/* of the longest */
};

/* A rule's context pattern, and its after pattern (aux_group()). */
#define EX_CONTEXT	0
#define EX_AFTER	1

#define EX_HIT_TRIGGER	1
#define EX_HIT_REQUIRE	2
#define EX_HIT_ALL	3

/* Call fn for every non-empty trigger and required word of every rule,
 * and every word its patterns need. */
static void
trig_each(struct cc_extractor *ex, void (*fn)(struct ex_acb *,
    const char *, size_t, size_t, unsigned char, unsigned char),
    struct ex_acb *b)
{
	const struct cc_pack	*pk = ex->pack;
	const struct cc_rule	*r;
	const struct cc_needs	*n;
	size_t			 i, k, p, s, w, slot;

	for (i = 0; i < pk->nrules; i++) {
		r = &pk->rules[i];
		for (k = 0; k < r->ntriggers; k++)
			if (r->triggers[k][0] != '\0')
				fn(b, r->triggers[k], strlen(r->triggers[k]),
				    i, EX_HIT_TRIGGER, r->trigger_edges[k]);
		for (k = 0; k < r->nrequires; k++)
			if (r->requires[k][0] != '\0')
				fn(b, r->requires[k], strlen(r->requires[k]),
				    i, EX_HIT_REQUIRE, r->require_edges[k]);
		for (p = 0; p < r->npats; p++) {
			n = &r->needs[p];
			slot = ex->trig_npats0 + ex->pat_base[i] + p;
			for (s = 0, w = 0; s < n->nsets; s++)
				for (k = 0; k < n->nwords[s]; k++, w++)
					fn(b, n->words[w], strlen(n->words[w]),
					    slot, (unsigned char)(1u << s), 0);
		}
	}
	/* (one bit a set: each is a slot of its own) */
	for (i = ex->aux0; i < ex->nslots; i++)
		for (k = 0; k < ex->aux_nwords[i - ex->aux0]; k++)
			fn(b, ex->aux_words[i - ex->aux0][k],
			    strlen(ex->aux_words[i - ex->aux0][k]), i, 1, 0);
}

/* First pass: the bytes the words use, and how much room they take. */
static void
trig_measure(struct ex_acb *b, const char *w, size_t len, size_t slot,
    unsigned char bit, unsigned char edges)
{
	size_t	i;

	(void)slot, (void)bit, (void)edges;
	for (i = 0; i < len; i++)
		b->cls[(unsigned char)w[i]] = 1;
	b->bytes += len;
	if (len > b->maxlen)
		b->maxlen = len;
	b->nocc++;
}

/* Second pass: w into the trie. */
static void
trig_insert(struct ex_acb *b, const char *w, size_t len, size_t slot,
    unsigned char bit, unsigned char edges)
{
	uint32_t	*g;
	size_t		 i, st = 0;

	for (i = 0; i < len; i++) {
		g = &b->go[st * b->nc + b->cls[(unsigned char)w[i]]];
		if (*g == 0)
			*g = (uint32_t)b->nstates++;
		st = *g;
	}
	b->occ[b->nocc].state = (uint32_t)st;
	b->occ[b->nocc].t.slot = (uint32_t)slot;
	b->occ[b->nocc].t.bit = bit;
	b->occ[b->nocc].t.edges = edges;
	b->occ[b->nocc++].t.len = (uint32_t)len;
}

static int
tgt_cmp(const void *a, const void *b)
{
	const struct ex_tgt	*x = a, *y = b;

	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

static int
occ_cmp(const void *a, const void *b)
{
	const struct ex_occ	*x = a, *y = b;

	return x->state < y->state ? -1 : x->state > y->state;
}

/*
 * The hit bits of every word that ends in state u (old numbering): its
 * own words' and, down the failure links, those of its suffixes, one
 * entry a slot but for words with edges, each kept apart with its
 * length.  Appended to ex->tgt (*n used, *cap room).
 */
static void
trig_outputs(struct cc_extractor *ex, const struct ex_acb *b,
    const uint32_t *fail, const size_t *own, uint32_t u, size_t *n,
    size_t *cap)
{
	size_t	first = *n, k, m;
	uint32_t v;

	for (v = u; v != 0; v = fail[v])
		for (k = own[v]; k < own[v + 1]; k++) {
			if (*n == *cap) {
				*cap = *cap * 2 + 16;
				ex->tgt = xreallocarray(ex->tgt, *cap,
				    sizeof *ex->tgt);
			}
			ex->tgt[(*n)++] = b->occ[k].t;
		}
	qsort(ex->tgt + first, *n - first, sizeof *ex->tgt, tgt_cmp);
	for (k = first, m = first; k < *n; k++) {
		if (m > first && ex->tgt[m - 1].slot == ex->tgt[k].slot &&
		    ex->tgt[m - 1].edges == 0 && ex->tgt[k].edges == 0)
			ex->tgt[m - 1].bit |= ex->tgt[k].bit;
		else
			ex->tgt[m++] = ex->tgt[k];
	}
	*n = m;
}

/*
 * For each of the nout states that end words, where its patterns'
 * targets lie among its targets (sorted by slot: the rules', the
 * patterns', the groups'), and the rule of each.  Most are of rules the
 * sentence does not trigger: "said" or "killed" is needed by patterns
 * of many rules.  Set only once the rule's own words are seen
 * (triggered_all()), they were four in five of the targets set.
 */
static void
trig_pattern_targets(struct cc_extractor *ex, size_t nout)
{
	const size_t	*base = ex->pat_base;
	size_t		 i, p0, p1, e, r;

	ex->trig_pats = xreallocarray(NULL, 2 * nout + 1,
	    sizeof *ex->trig_pats);
	for (i = 0; i < nout; i++) {
		e = ex->trig_outs[i + 1];
		for (p0 = ex->trig_outs[i]; p0 < e &&
		    ex->tgt[p0].slot < ex->trig_npats0; p0++)
			;
		for (p1 = p0, r = 0; p1 < e && ex->tgt[p1].slot < ex->aux0;
		    p1++) {
			while (ex->tgt[p1].slot - ex->trig_npats0 >=
			    base[r + 1])
				r++;
			ex->tgt[p1].rule = (uint32_t)r;
		}
		ex->trig_pats[2 * i] = (uint32_t)p0;
		ex->trig_pats[2 * i + 1] = (uint32_t)p1;
	}
}

static void
aux_free(struct cc_extractor *ex)
{
	free(ex->rule_aux);
	free(ex->aux_first);
	free(ex->aux_gset);
	free(ex->aux_gn);
	free(ex->aux_gbehind);
	free(ex->aux_words);
	free(ex->aux_nwords);
	free(ex->aux_after);
	free(ex->aux_none);
	free(ex->waux);
}

/* Set a (of ex->naux so far) for the words w[0..nw) of a context or
 * (after) an after pattern: the one already made for them, else a new
 * one. */
static uint32_t
aux_set(struct cc_extractor *ex, char **w, size_t nw, int after)
{
	size_t	a, k;

	for (a = 0; a < ex->naux; a++) {
		if (ex->aux_after[a] != after || ex->aux_nwords[a] != nw)
			continue;
		for (k = 0; k < nw && strcmp(ex->aux_words[a][k], w[k]) == 0;
		    k++)
			;
		if (k == nw)
			return (uint32_t)a;
	}
	ex->aux_words[ex->naux] = w;
	ex->aux_nwords[ex->naux] = nw;
	ex->aux_after[ex->naux] = (unsigned char)after;
	ex->aux_none[ex->naux] = after ? 0 : UINT32_MAX;
	return (uint32_t)ex->naux++;
}

/* The slots of the sets of words the groups of context and after
 * patterns need, from ex->nslots on (see aux0). */
static void
aux_index(struct cc_extractor *ex)
{
	const struct cc_pack	*pk = ex->pack;
	const struct cc_needs	*n;
	size_t			 i, g, total = 0, j, k, w, nsets = 0, x;
	int			 after;

	aux_free(ex);
	ex->rule_aux = xmalloc((2 * pk->nrules + 1) * sizeof *ex->rule_aux);
	for (i = 0; i < 2 * pk->nrules; i++) {
		const struct cc_rule *r = &pk->rules[i / 2];
		const pcre2_code *re = i % 2 == EX_AFTER ? r->after :
		    r->context;

		ex->rule_aux[i] = SIZE_MAX;
		for (j = 0; re != NULL && j < pk->nshared; j++)
			if (pk->shared[j] == re)
				ex->rule_aux[i] = j;
	}
	ex->aux_first = xcalloc(pk->nshared + 1, sizeof *ex->aux_first);
	for (i = 0; i < pk->nshared; i++) {
		ex->aux_first[i] = total;
		if (pk->shared_gneeds == NULL)
			continue;
		total += pk->shared_ngroups[i];
		for (g = 0; g < pk->shared_ngroups[i]; g++)
			nsets += pk->shared_gneeds[i][g].nsets;
	}
	ex->aux_first[pk->nshared] = total;
	ex->aux_gset = xcalloc((total + 1) * CC_NEEDS_MAX,
	    sizeof *ex->aux_gset);
	ex->aux_gn = xcalloc(total + 1, 1);
	ex->aux_gbehind = xcalloc(total + 1, 1);
	ex->aux_words = xcalloc(nsets + 1, sizeof *ex->aux_words);
	ex->aux_nwords = xcalloc(nsets + 1, sizeof *ex->aux_nwords);
	ex->aux_after = xcalloc(nsets + 1, 1);
	ex->aux_none = xcalloc(nsets + 1, sizeof *ex->aux_none);
	ex->aux0 = ex->nslots;
	ex->naux = 0;
	for (i = 0; i < pk->nshared && pk->shared_gneeds != NULL; i++) {
		/* (the key's first digit: an after pattern) */
		after = pk->shared_keys[i][0] == '1';
		for (g = 0; g < pk->shared_ngroups[i]; g++) {
			n = &pk->shared_gneeds[i][g];
			x = ex->aux_first[i] + g;
			for (k = 0, w = 0; k < n->nsets; w += n->nwords[k++])
				ex->aux_gset[x * CC_NEEDS_MAX + k] = aux_set(ex,
				    n->words + w, n->nwords[k], after);
			ex->aux_gn[x] = (unsigned char)n->nsets;
			ex->aux_gbehind[x] = (unsigned char)n->behind;
		}
	}
	ex->nslots += ex->naux;
	ex->waux = xmalloc((ex->naux + 1) * EX_WINDOW * sizeof *ex->waux);
	ex->auxcur = ex->waux;
	/* (values remembered for other sets are not these) */
	for (i = 0; ex->smemo != NULL && i < EX_SMEMO; i++)
		ex->smemo[i].naux = 0;
}

static void
trig_index(struct cc_extractor *ex)
{
	const struct cc_pack	*pk = ex->pack;
	struct ex_acb		 b;
	uint32_t		*fail, *order, *id, u, v, c;
	unsigned char		*out;
	size_t			*own, i, k, head, tail, nout, ntgt, cap;

	free(ex->trig_next);
	free(ex->trig_outs);
	free(ex->trig_pats);
	free(ex->tgt);
	free(ex->hit);
	free(ex->hit0);
	free(ex->hitend);
	free(ex->pat_base);
	free(ex->run_start);
	free(ex->rinfo);
	ex->tgt = NULL;
	ex->rinfo = xreallocarray(NULL, pk->nrules + 1, sizeof *ex->rinfo);
	for (i = 0; i < pk->nrules; i++) {
		ex->rinfo[i].type_len = strlen(pk->rules[i].type);
		ex->rinfo[i].id_len = strlen(pk->rules[i].id);
		ex->rinfo[i].numeric = is_numeric_type(pk->rules[i].type);
	}
	/* Slots: the rules, then every pattern of every rule, then the
	 * groups of context and after patterns that need words. */
	ex->pat_base = xcalloc(pk->nrules + 1, sizeof *ex->pat_base);
	ex->trig_npats0 = pk->nrules;
	for (i = 0; i < pk->nrules; i++)
		ex->pat_base[i + 1] = ex->pat_base[i] + pk->rules[i].npats;
	ex->run_start = xcalloc(ex->pat_base[pk->nrules] + 1,
	    sizeof *ex->run_start);
	ex->nslots = pk->nrules + ex->pat_base[pk->nrules];
	aux_index(ex);
	ex->hit = xmalloc(ex->nslots + 1);
	ex->hit0 = xcalloc(ex->nslots + 1, 1);
	ex->hitend = xcalloc(ex->nslots * CC_NEEDS_MAX, sizeof *ex->hitend);
	for (i = 0; i < pk->nrules; i++) {
		const struct cc_rule *r = &pk->rules[i];

		/* No words, or an empty one (memmem finds it): always. */
		ex->hit0[i] = 0;
		for (k = 0; k < r->ntriggers; k++)
			if (r->triggers[k][0] == '\0')
				break;
		if (r->ntriggers == 0 || k < r->ntriggers)
			ex->hit0[i] |= EX_HIT_TRIGGER;
		for (k = 0; k < r->nrequires; k++)
			if (r->requires[k][0] == '\0')
				break;
		if (r->nrequires == 0 || k < r->nrequires)
			ex->hit0[i] |= EX_HIT_REQUIRE;
	}

	/* Byte classes: one per byte some word holds; 0 for the rest,
	 * which lead back to the empty state from anywhere. */
	memset(&b, 0, sizeof b);
	memset(ex->trig_class, 0, sizeof ex->trig_class);
	b.cls = ex->trig_class;
	trig_each(ex, trig_measure, &b);
	for (i = 0, c = 1; i < 256; i++)
		if (ex->trig_class[i])
			ex->trig_class[i] = (unsigned char)c++;
	for (ex->trig_shift = 0; ((size_t)1 << ex->trig_shift) < c;
	    ex->trig_shift++)
		;
	b.nc = (size_t)1 << ex->trig_shift;
	ex->trig_maxlen = b.maxlen;

	/* The trie: at most a state a byte, and the empty state 0. */
	b.go = xcalloc((b.bytes + 1) * b.nc, sizeof *b.go);
	b.occ = xreallocarray(NULL, b.nocc + 1, sizeof *b.occ);
	b.nstates = 1;
	b.nocc = 0;
	trig_each(ex, trig_insert, &b);
	if (b.nstates > (UINT32_MAX >> ex->trig_shift)) {
		fputs("claimcheck: fatal: too many trigger words\n", stderr);
		abort();
	}
	qsort(b.occ, b.nocc, sizeof *b.occ, occ_cmp);
	own = xcalloc(b.nstates + 1, sizeof *own);
	for (k = 0; k < b.nocc; k++)
		own[b.occ[k].state + 1]++;
	for (i = 0; i < b.nstates; i++)
		own[i + 1] += own[i];

	/* Breadth first, so a state's failure state (shorter) is done
	 * before it: failure links, the missing moves (the failure
	 * state's), and whether a word ends in the state. */
	fail = xcalloc(b.nstates, sizeof *fail);
	order = xmalloc(b.nstates * sizeof *order);
	out = xcalloc(b.nstates, 1);
	order[0] = 0;
	for (head = 0, tail = 1; head < tail; head++) {
		u = order[head];
		out[u] = own[u] < own[u + 1] || (u != 0 && out[fail[u]]);
		for (c = 0; c < b.nc; c++) {
			v = b.go[u * b.nc + c];
			if (v != 0) {
				fail[v] = u == 0 ? 0 :
				    b.go[fail[u] * b.nc + c];
				order[tail++] = v;
			} else if (u != 0)
				b.go[u * b.nc + c] = b.go[fail[u] * b.nc + c];
		}
	}

	/* New numbers: the states that end no word first. */
	id = xmalloc(b.nstates * sizeof *id);
	for (i = 0, k = 0; i < b.nstates; i++)
		if (!out[order[i]])
			id[order[i]] = (uint32_t)k++;
	nout = b.nstates - k;
	ex->trig_out0 = (uint32_t)k << ex->trig_shift;
	ex->trig_outs = xreallocarray(NULL, nout + 1, sizeof *ex->trig_outs);
	ntgt = cap = 0;
	for (i = 0; i < b.nstates; i++)
		if (out[order[i]]) {
			ex->trig_outs[k - (ex->trig_out0 >> ex->trig_shift)] =
			    (uint32_t)ntgt;
			id[order[i]] = (uint32_t)k++;
			trig_outputs(ex, &b, fail, own, order[i], &ntgt, &cap);
		}
	ex->trig_outs[nout] = (uint32_t)ntgt;
	trig_pattern_targets(ex, nout);
	ex->trig_next = xreallocarray(NULL, b.nstates << ex->trig_shift,
	    sizeof *ex->trig_next);
	for (u = 0; u < b.nstates; u++)
		for (c = 0; c < b.nc; c++)
			ex->trig_next[((size_t)id[u] << ex->trig_shift) + c] =
			    id[b.go[u * b.nc + c]] << ex->trig_shift;

	free(id);
	free(out);
	free(order);
	free(fail);
	free(own);
	free(b.occ);
	free(b.go);
	ex->trig_rules = pk->rules;
	ex->trig_nrules = pk->nrules;
}

/* The automaton and slots for the pack's rules as they are now. */
static void
trig_ready(struct cc_extractor *ex)
{
	if (ex->hit == NULL || ex->trig_rules != ex->pack->rules ||
	    ex->trig_nrules != ex->pack->nrules)
		trig_index(ex);
}

/* Whether target t, of a word that ended at end (counted from the
 * sentence's start), stands between the edges it needs. */
static int
trig_edges(const struct cc_extractor *ex, const struct ex_tgt *t,
    uint32_t end)
{
	return t->edges == 0 || edges_hold(ex->trig_lower, ex->trig_start,
	    ex->trig_end, ex->trig_start + end - t->len, t->len, t->edges);
}

/* A word ended in state st (from trig_out0 on) at end, counted from
 * the sentence's start: set the bits of the rules' words and of the
 * groups' sets that it and the words that end with it hold, and for a
 * group's set, where its words first or last end. */
static void
trig_hit(struct cc_extractor *ex, uint32_t st, uint32_t end)
{
	uint32_t		 i = (st - ex->trig_out0) >> ex->trig_shift;
	const struct ex_tgt	*t = ex->tgt + ex->trig_outs[i];
	const struct ex_tgt	*p0 = ex->tgt + ex->trig_pats[2 * i];
	const struct ex_tgt	*p1 = ex->tgt + ex->trig_pats[2 * i + 1];
	const struct ex_tgt	*te = ex->tgt + ex->trig_outs[i + 1];
	uint32_t		*he;
	size_t			 j;

	for (; t < p0; t++)
		if (trig_edges(ex, t, end))
			ex->hit[t->slot] |= t->bit;
	for (t = p1; t < te; t++) {
		if (!trig_edges(ex, t, end))
			continue;
		ex->hit[t->slot] |= t->bit;
		j = t->slot - ex->aux0;
		he = ex->auxcur + j;
		if (ex->aux_after[j] ? *he < end : *he > end)
			*he = end;
	}
}

/* The same for the patterns' sets, of the rules the sentence triggers
 * (trig_hit() has run for every word): their bits, and where the last
 * word of each set ends. */
static void
trig_hit_patterns(struct cc_extractor *ex, uint32_t st, uint32_t end)
{
	uint32_t		 i = (st - ex->trig_out0) >> ex->trig_shift;
	const struct ex_tgt	*t = ex->tgt + ex->trig_pats[2 * i];
	const struct ex_tgt	*te = ex->tgt + ex->trig_pats[2 * i + 1];
	uint32_t		*he;
	unsigned		 m;

	for (; t < te; t++) {
		if (ex->hit[t->rule] != EX_HIT_ALL || !trig_edges(ex, t, end))
			continue;
		ex->hit[t->slot] |= t->bit;
		he = ex->hitend + (size_t)t->slot * CC_NEEDS_MAX;
		for (m = t->bit; m != 0; m >>= 1, he++)
			if ((m & 1) && *he < end)
				*he = end;
	}
}

/* Words ending in s[from, to) for the automaton from state st, noted
 * in hv from hv[*nh] on as (state, end) pairs, end counted from s. */
static void
trig_chain(const uint32_t *next, const unsigned char *cls, size_t out0,
    const unsigned char *s, size_t from, size_t to, size_t st,
    uint32_t *hv, size_t *nh)
{
	const unsigned char	*p = s + from, *pe = s + to;
	size_t			 n = *nh;

	for (; p < pe; p++) {
		st = next[st + cls[*p]];
		if (st >= out0) {
			hv[n++] = (uint32_t)st;
			hv[n++] = (uint32_t)(p - s + 1);
		}
	}
	*nh = n;
}

/*
 * Where the chain after x may start from the automaton's first state,
 * in s[0, len), and where the one before must read to: at a byte in no
 * word (class 0) within the longest word of x, where every word has
 * ended and none has begun; else at x, the chain before reading on past
 * it by the longest word less one byte, so that a word across x is found
 * whole there (one found twice sets the same bits).
 */
static void
trig_split(const unsigned char *cls, const unsigned char *s, size_t x,
    size_t maxlen, size_t *from, size_t *prev_to)
{
	size_t	z;

	for (z = x; z < x + maxlen; z++)
		if (cls[s[z]] == 0) {
			*from = *prev_to = z;
			return;
		}
	*from = x;
	*prev_to = x + maxlen - 1;
}

/*
 * Set ex->hit[r] to EX_HIT_ALL for every rule r that cc_rule_triggered()
 * would run on lower[start..end), and the bits of the patterns' sets
 * whose words occur there.
 *
 * Each byte's state is a load that waits on the one before, so a long
 * sentence is read as two halves at once, two chains of loads that
 * the processor overlaps (three were slower).  The second half starts
 * where no word can go on (trig_split()), so the first seldom reads on
 * past the middle.  The loop only notes where words end, in ex->trig_hits;
 * trig_hit() runs on them after it (the bits it sets do not depend on
 * the order): with a call in it, the loop kept its pointers on the
 * stack, ten instructions a byte instead of seven.  trig_hit_patterns()
 * runs on them last, when the rules the sentence triggers are known.
 */
static void
triggered_all(struct cc_extractor *ex, const char *lower, size_t start,
    size_t end)
{
	const unsigned char	*s = (const unsigned char *)lower + start;
	const unsigned char	*cls = ex->trig_class;
	const uint32_t		*next;
	uint32_t		*hv;
	/* (states as size_t: no zero extension before each index) */
	const unsigned char	*pa, *pb, *pe;
	size_t			 sa = 0, sb = 0, out0, len = end - start;
	size_t			 b, ae, m, nh = 0, i;
	size_t			 maxlen;

	trig_ready(ex);
	maxlen = ex->trig_maxlen;
	ex->trig_lower = lower;
	ex->trig_start = start;
	ex->trig_end = end;
	memcpy(ex->hit, ex->hit0, ex->nslots);
	memset(ex->hitend + ex->trig_npats0 * CC_NEEDS_MAX, 0,
	    (ex->aux0 - ex->trig_npats0) * CC_NEEDS_MAX *
	    sizeof *ex->hitend);
	memcpy(ex->auxcur, ex->aux_none, ex->naux * sizeof *ex->auxcur);
	/* at most a word end per byte of each chain: (state, end) pairs */
	if (ex->trig_hcap < 2 * (len + maxlen)) {
		ex->trig_hcap = 2 * (len + maxlen);
		ex->trig_hits = xreallocarray(ex->trig_hits, ex->trig_hcap,
		    sizeof *ex->trig_hits);
	}
	hv = ex->trig_hits;
	next = ex->trig_next;
	out0 = ex->trig_out0;
	/* (a word's end is counted from the sentence's start, one past its
	 * last byte) */
	if (maxlen == 0 || len < 2 * maxlen)
		trig_chain(next, cls, out0, s, 0, len, 0, hv, &nh);
	else {
		/* The halves [0, ae) and [b, len), each at least the
		 * longest word long. */
		trig_split(cls, s, len / 2, maxlen, &b, &ae);
		m = ae < len - b ? ae : len - b;
		for (pa = s, pb = s + b, pe = pb + m; pb < pe; pa++, pb++) {
			sa = next[sa + cls[*pa]];
			sb = next[sb + cls[*pb]];
			if (sa >= out0) {
				hv[nh++] = (uint32_t)sa;
				hv[nh++] = (uint32_t)(pa - s + 1);
			}
			if (sb >= out0) {
				hv[nh++] = (uint32_t)sb;
				hv[nh++] = (uint32_t)(pb - s + 1);
			}
		}
		trig_chain(next, cls, out0, s, m, ae, sa, hv, &nh);
		trig_chain(next, cls, out0, s, b + m, len, sb, hv, &nh);
	}
	for (i = 0; i < nh; i += 2)
		trig_hit(ex, hv[i], hv[i + 1]);
	for (i = 0; i < nh; i += 2)
		trig_hit_patterns(ex, hv[i], hv[i + 1]);
}

/*
 * The number of the group called name in re, or a negative PCRE2 error.
 * PCRE2 searches the pattern's name table each time; a claim asks for a
 * dozen groups, always by the pack's own strings, so the answer is kept
 * by the pattern's and the name's addresses.
 */
static int
group_number(struct cc_extractor *ex, const pcre2_code *re,
    const char *name)
{
	struct ex_gnum	*g;
	uint64_t	 h;

	/* (both addresses multiplied in whole: their low bits alone, a
	 * heap's alignment apart, left a fourteenth of look-ups missing) */
	h = ((uint64_t)(uintptr_t)re * 0x9e3779b97f4a7c15u ^
	    (uint64_t)(uintptr_t)name) * 0xc2b2ae3d27d4eb4fu;
	g = &ex->gnum[h >> (64 - EX_GNUM_BITS)];
	if (g->re != re || g->name != name) {
		g->re = re;
		g->name = name;
		g->n = pcre2_substring_number_from_name(re,
		    (PCRE2_SPTR)name);
	}
	return g->n;
}

/* Span of the named group in the current match: 0 if it is unset. */
static int
group_span(struct cc_extractor *ex, const pcre2_code *re,
    pcre2_match_data *md, const char *name, size_t *s, size_t *e)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(md);
	int		 n;

	n = group_number(ex, re, name);
	if (n < 0 || ov[2 * n] == PCRE2_UNSET)
		return 0;
	*s = ov[2 * n];
	*e = ov[2 * n + 1];
	return 1;
}

/* The white space squeeze() collapses. */
static const unsigned char squeeze_ws[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1
};

/* Collapse runs of white space and trim: for field values (in scratch
 * space). */
static char *
squeeze(struct cc_extractor *ex, const char *s, size_t n)
{
	char	*p = scratch_alloc(ex, n + 1), *q = p;
	size_t	 i;
	int	 sp = 0;

	/* (most values are one word, or words a space apart: as they are;
	 * one table look-up a byte finds the white space) */
	for (i = 0; i < n; i++)
		if (squeeze_ws[(unsigned char)s[i]] && (s[i] != ' ' ||
		    i == 0 || i + 1 == n || s[i + 1] == ' '))
			break;
	if (i == n) {
		memcpy(p, s, n);
		p[n] = '\0';
		return p;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			sp = (q != p);
			continue;
		}
		if (sp)
			*q++ = ' ';
		sp = 0;
		*q++ = s[i];
	}
	*q = '\0';
	return p;
}

static void
set_time_from(struct cc_extractor *ex, struct cc_claim *c,
    const struct cc_timex *t, const char *text)
{
	const char	*kind = t->relative ? "relative:" : "absolute:";
	size_t		 kl = strlen(kind), n = t->end - t->start;
	char		 buf[16];

	cc_date_iso(&t->lo, buf, sizeof buf);
	c->time_start = scratch_strdup(ex, buf);
	cc_date_iso(&t->hi, buf, sizeof buf);
	c->time_end = scratch_strdup(ex, buf);
	c->granularity = scratch_strdup(ex, t->granularity[0] ?
	    t->granularity : "day");
	/* "KIND:TEXT", put together by hand: a printf per claim was a
	 * fortieth of extraction on text dense in dated claims. */
	c->basis = scratch_alloc(ex, kl + n + 1);
	memcpy(c->basis, kind, kl);
	memcpy(c->basis + kl, text + t->start, n);
	c->basis[kl + n] = '\0';
}

/* The first date mention claim_time() takes. */
static int
claim_date(const struct cc_timex *t)
{
	return t->kind == CC_TIMEX_DATE && t->lo.y != 0 && t->lo.d != 0 &&
	    !t->anchor;
}

/*
 * The date mentions of the sentence [ss, se) in ex->stx (offsets from
 * ss), read with the whole sentence so its tense counts ("will visit
 * ... on June 24" is the coming June 24).  Returns how many: all of
 * them if all, else at least those up to the first claim_date(), where
 * the scan may stop (the rest of a sentence is most of its scan).  Their
 * value and basis strings are empty (cc_timex_scan_dates()):
 * set_time_from() reads neither.
 */
static size_t
sentence_dates(struct cc_extractor *ex, const struct ex_doc *doc,
    size_t ss, size_t se, int all)
{
	size_t	n;
	int	stopped = 0;

	/* A sentence with several claims is scanned once
	 * (build_sentence() says which sentence is being read). */
	if (ex->stx_on && ex->stx_have && ex->stx_ss == ss &&
	    ex->stx_se == se && (ex->stx_full || !all))
		return ex->nstx;
	n = cc_timex_scan_dates(ex->ts, doc->f->s + ss, se - ss,
	    doc->ref.y ? &doc->ref : NULL, ex->stx, EX_MAX_TIMEX,
	    all ? NULL : claim_date, &stopped);
	ex->nstx = n > EX_MAX_TIMEX ? EX_MAX_TIMEX : n;
	ex->stx_full = !stopped;
	ex->stx_have = ex->stx_on && ex->stx_ss == ss && ex->stx_se == se;
	return ex->nstx;
}

/*
 * Time of a claim: the first resolved date mention in the sentence, else
 * the document date.  The date a "since" counts from is no time of the
 * claim: "5,000 killed since February 24" holds at the article's date.
 */
static void
claim_time(struct cc_extractor *ex, const struct ex_doc *doc,
    struct cc_claim *c, size_t ss, size_t se)
{
	const char	*s = doc->f->s + ss;
	size_t		 n, i;
	char		 buf[16];

	if (ex->stx_on && ex->wdst[ex->wcur] != 0) {
		if (ex->wdst[ex->wcur] == 2) {
			set_time_from(ex, c, &ex->wdate[ex->wcur], s);
			return;
		}
	} else {
		n = sentence_dates(ex, doc, ss, se, 0);
		for (i = 0; i < n; i++)
			if (claim_date(&ex->stx[i])) {
				set_time_from(ex, c, &ex->stx[i], s);
				return;
			}
	}
	if (doc->ref.y != 0) {
		cc_date_iso(&doc->ref, buf, sizeof buf);
		c->time_start = scratch_strdup(ex, buf);
		c->time_end = scratch_strdup(ex, buf);
		c->granularity = scratch_copy(ex, "day", sizeof "day" - 1);
		c->basis = scratch_copy(ex, "article date",
		    sizeof "article date" - 1);
	}
}

/*
 * Time of a claim from its time group [gs, ge) of the sentence [ss, se):
 * the sentence's date mention in the group, read with the sentence's
 * tense; else the group read alone.  Returns 1 if it gave a date.
 */
static int
group_time(struct cc_extractor *ex, const struct ex_doc *doc,
    struct cc_claim *c, size_t ss, size_t se, size_t gs, size_t ge)
{
	const struct cc_timex	*t;
	size_t			 n, i;

	n = sentence_dates(ex, doc, ss, se, 1);
	for (i = 0; i < n; i++) {
		t = &ex->stx[i];
		if (t->kind == CC_TIMEX_DATE && t->lo.y != 0 &&
		    ss + t->start < ge && ss + t->end > gs) {
			set_time_from(ex, c, t, doc->f->s + ss);
			return 1;
		}
	}
	n = cc_timex_scan_with(ex->ts, doc->f->s + gs, ge - gs,
	    doc->ref.y ? &doc->ref : NULL, ex->tx, EX_MAX_TIMEX);
	if (n > 0 && ex->tx[0].kind == CC_TIMEX_DATE && ex->tx[0].lo.y != 0) {
		set_time_from(ex, c, &ex->tx[0], doc->f->s + gs);
		return 1;
	}
	return 0;
}

/* Value of a numeric claim from the text of its value group. */
static int
claim_value(struct cc_extractor *ex, struct cc_claim *c, const char *s,
    size_t n)
{
	struct cc_number	num;
	size_t			k, i;

	if (strcmp(c->type, "duration") == 0) {
		k = cc_timex_scan_with(ex->ts, s, n, NULL, ex->tx,
		    EX_MAX_TIMEX);
		for (i = 0; i < k && i < EX_MAX_TIMEX; i++)
			if (ex->tx[i].kind == CC_TIMEX_DURATION &&
			    ex->tx[i].days_max > 0) {
				c->value_kind = CC_VALUE_NUMBER;
				c->vmin = round(ex->tx[i].days_min);
				c->vmax = round(ex->tx[i].days_max);
				c->has_min = c->has_max = 1;
				c->approx = ex->tx[i].mod != NULL &&
				    strcmp(ex->tx[i].mod, "APPROX") == 0;
				scratch_free(ex, c->unit);
				c->unit = scratch_strdup(ex, "days");
				return 1;
			}
		return 0;
	}
	/* "two-thirds of the 300 soldiers": a share counts nothing. */
	if (cc_number_parse(ex->pack->vocab, s, n, &num) != CC_OK ||
	    num.fraction)
		return 0;
	c->value_kind = CC_VALUE_NUMBER;
	c->vmin = num.min;
	c->vmax = num.max;
	c->has_min = num.has_min;
	c->has_max = num.has_max;
	c->approx = num.approx;
	return 1;
}

static char **
claim_slot(struct cc_claim *c, enum cc_field field)
{
	switch (field) {
	case CC_FIELD_SUBJECT:		return &c->subject;
	case CC_FIELD_MEASURE:		return &c->measure;
	case CC_FIELD_UNIT:		return &c->unit;
	case CC_FIELD_SPEAKER:		return &c->speaker;
	case CC_FIELD_REPORTED_BY:	return &c->reported_by;
	case CC_FIELD_POLARITY:		return &c->polarity;
	case CC_FIELD_ITEM:		return &c->vtext;
	case CC_FIELD_VALUE:
	case CC_FIELD_TIME:
	case CC_FIELD_OTHER:
		break;
	}
	return NULL;
}

/*
 * A speaker is a canonical entity id when the alias tables know the name
 * ("Russian Foreign Minister Sergei Lavrov" -> lavrov).  A pronoun ("he
 * added") is the last named speaker of the same paragraph or, as scraped
 * articles put every paragraph on its own line and news paragraphs are
 * short, of the paragraph just before it ("In addition, he stated ...");
 * otherwise nobody.
 */
static void
set_doc_speaker(struct ex_doc *doc, const char *who, unsigned para,
    size_t sent)
{
	/* (a speaker is most often named again: "Lavrov said ... Lavrov
	 * added", or "he" found to be the same one) */
	if (doc->speaker == NULL || strcmp(doc->speaker, who) != 0) {
		free(doc->speaker);
		doc->speaker = xstrdup(who);
	}
	doc->speaker_para = para;
	doc->speaker_sent = sent;
}

/*
 * cc_entity_lookup() of s[0..n), remembered: a feed names the same few
 * speakers again and again ("Sergei Lavrov said"), and a look-up tries
 * every word of the text against the names and their misspellings
 * (2,000 instructions a speaker on the generated feed).  One place a
 * text, the newest kept.
 */
static const char *
entity_id(struct cc_extractor *ex, const char *s, size_t n)
{
	struct ex_ent	*e;
	uint64_t	 h;

	if (n == 0 || n > EX_ENT_TEXT)
		return cc_entity_lookup(ex->pack->entities, s, n);
	if (ex->ents == NULL)
		ex->ents = xcalloc(EX_ENTS, sizeof *ex->ents);
	h = cc_hash64(s, n);
	e = &ex->ents[h % EX_ENTS];
	if (e->len != n || e->h != h || memcmp(e->text, s, n) != 0) {
		e->id = cc_entity_lookup(ex->pack->entities, s, n);
		e->h = h;
		e->len = n;
		memcpy(e->text, s, n);
	}
	return e->id;
}

/* The person named in [s, s + n), as an entity id or the name; NULL if
 * it is not a person: a known entity of another kind, or one unknown
 * word (a place or a body as often as a surname). */
static char *
person_named(struct cc_extractor *ex, const char *s, size_t n)
{
	const char	*id, *kind;

	id = entity_id(ex, s, n);
	if (id != NULL) {
		kind = cc_entity_kind(ex->pack->entities, id);
		return kind != NULL && strcmp(kind, "person") == 0 ?
		    xstrdup(id) : NULL;
	}
	return memchr(s, ' ', n) != NULL ? xstrndup(s, n) : NULL;
}

/* The last person named as a speaker or a subject (ATT_SPEAKER, group
 * "who") in sentence j, or NULL. */
static char *
sentence_speaker(struct cc_extractor *ex, const struct ex_doc *doc,
    size_t j)
{
	const struct cc_sentence *st = &doc->sents->v[j];
	const char	*s = doc->f->s + st->start;
	size_t		 n = st->end - st->start, at = 0, gs, ge;
	PCRE2_SIZE	*ov;
	const struct cc_pack *pk = ex->pack;
	pcre2_code	*re = pk->speaker;
	char		*best = NULL, *p;

	/* Without a say verb only the branch that reads the sentence's
	 * opening can match: one try there, not one at every word. */
	if (pk->speaker_opens != NULL && pk->say_word != NULL &&
	    cc_re_match(pk->say_word, (PCRE2_SPTR)s, n, 0,
	    PCRE2_NO_UTF_CHECK, ex->cmd, ex->mctx) == PCRE2_ERROR_NOMATCH)
		re = pk->speaker_opens;
	while (at <= n && cc_re_match(re, (PCRE2_SPTR)s, n, at,
	    PCRE2_NO_UTF_CHECK, ex->cmd, ex->mctx) >= 0) {
		ov = pcre2_get_ovector_pointer(ex->cmd);
		if (!group_span(ex, re, ex->cmd, "who", &gs, &ge))
			break;
		if ((p = person_named(ex, s + gs, ge - gs)) != NULL) {
			free(best);
			best = p;
		}
		at = ov[1] > at ? ov[1] : at + 1;
	}
	return best;
}

/* The nearest person named in the sentences read since the last claim's
 * speaker, in this paragraph or the one before; NULL if none. */
static char *
tracked_speaker(struct cc_extractor *ex, struct ex_doc *doc)
{
	const struct cc_sentence *st;
	size_t		 j, i;
	char		*who;

	if (ex->pack->speaker == NULL || doc->sents == NULL)
		return NULL;
	/* Each sentence is searched once: a paragraph of a thousand "he
	 * said" stays linear. */
	i = doc->spk_upto;
	doc->spk_upto = doc->cur;
	for (j = doc->cur; j-- > i; ) {
		st = &doc->sents->v[j];
		if (st->para != doc->para && st->para != doc->prev_para)
			break;
		if (doc->speaker != NULL && j <= doc->speaker_sent)
			break;
		if (st->boiler)
			continue;
		if ((who = sentence_speaker(ex, doc, j)) != NULL) {
			set_doc_speaker(doc, who, st->para, j);
			return who;
		}
	}
	return NULL;
}

static void
resolve_speaker(struct cc_extractor *ex, struct ex_doc *doc,
    struct cc_claim *c)
{
	const char	*id;

	if (c->speaker == NULL)
		return;
	if (ex->pronouns == NULL)
		ex->pronouns = cc_vocab_list(ex->pack->vocab, "pronouns");
	if (cc_vocab_list_lookup(ex->pronouns, c->speaker,
	    strlen(c->speaker)) != NULL) {
		scratch_free(ex, c->speaker);
		c->speaker = tracked_speaker(ex, doc);
		if (c->speaker == NULL && doc->speaker != NULL &&
		    (doc->speaker_para == doc->para ||
		    doc->speaker_para == doc->prev_para))
			c->speaker = scratch_strdup(ex, doc->speaker);
		return;
	}
	id = entity_id(ex, c->speaker, strlen(c->speaker));
	if (id != NULL) {
		scratch_free(ex, c->speaker);
		c->speaker = scratch_strdup(ex, id);
	}
	set_doc_speaker(doc, c->speaker, doc->para, doc->cur);
}

/*
 * pcre2_match() of re on s[0..len) from offset into md, remembered: feeds
 * repeat their text (every article of a wire feed says "the ministry
 * said", syndicated copies repeat whole sentences), and a search for a
 * speaker costs microseconds.  The key is the pattern and all the text
 * the search can see, from offset back by the pattern's longest
 * look-behind to the end; its ovector is kept relative to that text.
 */
static int
memo_match(struct cc_extractor *ex, pcre2_code *re, const char *s,
    size_t len, size_t offset, pcre2_match_data *md)
{
	struct ex_memo	*m;
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(md);
	uint32_t	 lb = 0, ncap = 0;
	uint64_t	 h;
	size_t		 from, klen, i, k;
	int		 rc;

	(void)pcre2_pattern_info(re, PCRE2_INFO_MAXLOOKBEHIND, &lb);
	(void)pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	/* (look-behinds count characters, of one to four bytes) */
	for (from = offset; lb > 0 && from > 0; lb--)
		while (--from > 0 && ((unsigned char)s[from] & 0xc0) == 0x80)
			;
	klen = len - from;
	if (ncap + 1 > EX_MEMO_PAIRS || klen > EX_MEMO_TEXT ||
	    pcre2_get_ovector_count(md) < ncap + 1)
		return cc_re_match(re, (PCRE2_SPTR)s, len, offset,
		    PCRE2_NO_UTF_CHECK, md, ex->mctx);
	if (ex->memo == NULL)
		ex->memo = xcalloc(EX_MEMO, sizeof *ex->memo);
	h = cc_hash64(s + from, klen) ^ ((uint64_t)(uintptr_t)re *
	    0x9e3779b97f4a7c15u) ^ (offset - from);
	/* Two places a key may be kept, the one used longer ago taken
	 * for a new one: one place a key each made searches that shared
	 * it undo each other's work. */
	m = &ex->memo[(h % EX_MEMO) & ~(size_t)1];
	for (k = 0; k < 2; k++, m++)
		/* (whether the text is the subject's start counts: "^") */
		if (m->re == re && m->h == h && m->len == klen &&
		    m->at == offset - from && m->start == (from == 0) &&
		    memcmp(m->text, s + from, klen) == 0) {
			m->used = ++ex->memo_tick;
			for (i = 0; m->rc >= 0 && i < 2 * (ncap + 1); i++)
				ov[i] = m->ov[i] == PCRE2_UNSET ? PCRE2_UNSET :
				    m->ov[i] + from;
			return m->rc;
		}
	m -= 2;
	if (m[1].used < m[0].used)
		m++;
	rc = cc_re_match(re, (PCRE2_SPTR)s, len, offset, PCRE2_NO_UTF_CHECK,
	    md, ex->mctx);
	m->re = re;
	m->h = h;
	m->used = ++ex->memo_tick;
	if (klen + 1 > m->tcap) {
		m->tcap = klen + 1;
		m->text = xrealloc(m->text, m->tcap);
	}
	memcpy(m->text, s + from, klen);
	m->len = klen;
	m->at = offset - from;
	m->start = from == 0;
	m->rc = rc;
	for (i = 0; rc >= 0 && i < 2 * (ncap + 1); i++)
		m->ov[i] = ov[i] == PCRE2_UNSET ? PCRE2_UNSET : ov[i] - from;
	return rc;
}

/*
 * The group name of rule r's context (which = EX_CONTEXT) or after
 * (EX_AFTER) pattern for the current match [m0, m1) of sentence [ss, se):
 * 1 with its span, or 0.  Each pattern runs on first use, once per
 * match (*state: -1 not yet, else whether it matched), and not at all
 * when it has no such group: most claims take their fields from the
 * match and one of the two, and need not pay for the other.
 */

/*
 * Is group g of rule r's context (which = EX_CONTEXT) or after pattern
 * unset by any search of it for the current match [ov[0], ov[1]) of the
 * sentence build_sentence() reads, a word of a set the group needs
 * (pack.shared_gneeds) being nowhere the search reads: before ov[0],
 * or from ov[1] on?  Then the search need not run for it.
 */
static int
aux_absent(const struct cc_extractor *ex, const struct cc_rule *r,
    int which, int g, const PCRE2_SIZE *ov)
{
	const uint32_t		*v;
	size_t			 i, x, k;
	uint32_t		 a;

	if (!ex->aux_on ||
	    (i = ex->rule_aux[2 * (size_t)(r - ex->pack->rules) + which]) ==
	    SIZE_MAX || (size_t)g >= ex->aux_first[i + 1] - ex->aux_first[i])
		return 0;
	x = ex->aux_first[i] + (size_t)g;
	v = ex->waux + ex->wcur * ex->naux;
	for (k = 0; k < ex->aux_gn[x]; k++) {
		a = ex->aux_gset[x * CC_NEEDS_MAX + k];
		if (ex->aux_after[a] ? v[a] == 0 || (!ex->aux_gbehind[x] &&
		    v[a] <= ov[1]) : v[a] > ov[0])
			return 1;
	}
	return 0;
}

static int
aux_group(struct cc_extractor *ex, const struct ex_doc *doc,
    const struct cc_rule *r, int which, size_t ss, size_t se,
    const PCRE2_SIZE *ov, int *state, const char *name, size_t *gs,
    size_t *ge)
{
	pcre2_code		*re = which == EX_AFTER ? r->after : r->context;
	pcre2_match_data	*md = which == EX_AFTER ? ex->amd : ex->cmd;
	const char		*s = doc->f->s + ss;
	int			 g;

	if (re == NULL || (g = group_number(ex, re, name)) < 0)
		return 0;
	if (*state < 0) {
		if (aux_absent(ex, r, which, g, ov))
			return 0;
		/* The context is looked for in the sentence before the
		 * match, the after pattern where the match ends. */
		if (which == EX_AFTER)
			*state = memo_match(ex, re, s, se - ss, ov[1], md) >= 0;
		else
			*state = ov[0] > 0 && memo_match(ex, re, s, ov[0], 0,
			    md) >= 0;
	}
	return *state && group_span(ex, re, md, name, gs, ge);
}

/*
 * Build a claim from the current match of rule r's pattern re in the
 * sentence [ss, se) of the fold.  Returns 0 (and leaves no claim) when
 * the match does not make a usable claim, e.g. a value that is not a
 * number.
 */
static int
build_claim(struct cc_extractor *ex, struct ex_doc *doc,
    const struct cc_rule *r, pcre2_code *re, size_t ss, size_t se,
    struct cc_claims *out)
{
	const struct cc_fold	*f = doc->f;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(ex->md);
	struct cc_claim		*c = cc_claims_push(out);
	const struct cc_rule_field *fd;
	const struct ex_rinfo	*ri;
	const char		*mapped;
	char			**slot, *v;
	size_t			 i, gs = 0, ge = 0, ts, te;
	int			 have_value = 0, have_time = 0, ctx = -1;
	int			 aft = -1, k;

	trig_ready(ex);
	ri = &ex->rinfo[r - ex->pack->rules];
	scratch_reset(ex);
	c->type = scratch_copy(ex, r->type, ri->type_len);
	c->rule = scratch_copy(ex, r->id, ri->id_len);
	c->article = scratch_copy(ex, doc->name, doc->name_len);
	c->outlet = doc->outlet != NULL ? scratch_copy(ex, doc->outlet,
	    doc->outlet_len) : NULL;
	for (i = 0; i < r->nfields; i++) {
		/* The first alternative that gives a value wins: the
		 * match's group, else the after pattern's, else the
		 * context's. */
		for (fd = &r->fields[i]; fd != NULL; fd = fd->next) {
			if (fd->group == NULL)
				break;
			if (group_span(ex, re, ex->md, fd->group, &gs, &ge) ||
			    aux_group(ex, doc, r, EX_AFTER, ss, se, ov, &aft,
			    fd->group, &gs, &ge) ||
			    aux_group(ex, doc, r, EX_CONTEXT, ss, se, ov, &ctx,
			    fd->group, &gs, &ge))
				break;
		}
		if (fd == NULL)
			continue;
		if (fd->group != NULL) {
			gs += ss;
			ge += ss;
		} else
			gs = ge = 0;
		if (fd->field == CC_FIELD_VALUE) {
			if (fd->group != NULL)
				have_value = claim_value(ex, c, f->s + gs,
				    ge - gs);
			else {
				c->value_kind = CC_VALUE_TEXT;
				c->vtext = scratch_strdup(ex, fd->literal);
				have_value = 1;
			}
			continue;
		}
		if (fd->field == CC_FIELD_TIME) {
			if (fd->group != NULL)
				have_time = group_time(ex, doc, c, ss, se,
				    gs, ge);
			continue;
		}
		if ((slot = claim_slot(c, fd->field)) == NULL)
			continue;
		if (fd->group == NULL)
			v = scratch_strdup(ex, fd->literal);
		else {
			v = squeeze(ex, f->s + gs, ge - gs);
			mapped = fd->map ? cc_vocab_list_lookup(fd->map_list,
			    v, strlen(v)) : NULL;
			if (mapped != NULL && *mapped != '\0')
				v = scratch_strdup(ex, mapped);
			else if (fd->map != NULL)
				cc_ascii_lower(v, v, strlen(v));
		}
		scratch_free(ex, *slot);
		*slot = v;
		if (fd->field == CC_FIELD_ITEM)
			c->value_kind = CC_VALUE_TEXT;
	}
	/* The claim's words: the group named "text" if the rule has one. */
	ts = ov[0];
	te = ov[1];
	k = group_number(ex, re, "text");
	if (k > 0 && ov[2 * k] != PCRE2_UNSET) {
		ts = ov[2 * k];
		te = ov[2 * k + 1];
	}
	resolve_speaker(ex, doc, c);
	if (ri->numeric && (!have_value ||
	    c->value_kind != CC_VALUE_NUMBER)) {
		char	**str[CC_CLAIM_NSTR];

		cc_claim_strings(c, str);
		for (i = 0; i < CC_CLAIM_NSTR; i++)
			scratch_free(ex, *str[i]);
		memset(c, 0, sizeof *c);
		out->n--;
		return 0;
	}
	if (c->polarity == NULL)
		c->polarity = scratch_copy(ex, "affirmed",
		    sizeof "affirmed" - 1);
	c->text = scratch_strndup(ex, doc->orig + f->map[ss + ts],
	    cc_fold_orig_end(f, doc->orig, ss + te) - f->map[ss + ts]);
	c->ev_start = f->map[ss];
	c->ev_end = cc_fold_orig_end(f, doc->orig, se);
	c->sentence = scratch_strndup(ex, doc->orig + c->ev_start,
	    c->ev_end - c->ev_start);
	if (!have_time)
		claim_time(ex, doc, c, ss, se);
	if (!scratch_adopt(ex, c, out))
		cc_claim_pack(c, scratch_has, ex);
	return 1;
}

/* The same words matched by two rules (or two patterns) of one type are
 * one fact: the first rule in pack order wins.  Such a claim is one of
 * its sentence's, which come last and share its start (ev_start): the
 * article's earlier claims, from earlier sentences, are not read. */
static int
seen_before(const struct cc_claims *out, size_t upto)
{
	const struct cc_claim	*c = &out->v[upto];
	size_t			 i;

	for (i = upto; i > 0 && out->v[i - 1].ev_start == c->ev_start; i--)
		if (strcmp(out->v[i - 1].type, c->type) == 0 &&
		    strcmp(out->v[i - 1].text, c->text) == 0)
			return 1;
	return 0;
}

/*
 * The next match of pattern p of rule r in s[0, len) from off, as
 * pcre2_match() returns it; *re the code that matched, *md where.  A
 * pattern split in two (pack.h) gives what it gives whole: the
 * leftmost match, and at one place the first branch that matches
 * there.  Its continuation branches (\G) can only match at off, after
 * the other branches.
 */
static int
next_match(struct cc_extractor *ex, const struct cc_rule *r, size_t p,
    const char *s, size_t len, size_t off, pcre2_code **re,
    pcre2_match_data **md)
{
	int	rc, crc;

	*md = ex->md;
	if (r->anchs[p] != NULL) {
		/* Where the search starts, else after a non-word character
		 * (pack.h): the same places as the pattern, fewer tries. */
		*re = r->pats[p];
		rc = cc_re_match(r->anchs[p], (PCRE2_SPTR)s, len, off,
		    PCRE2_NO_UTF_CHECK, ex->md, ex->bctx);
		if (rc != PCRE2_ERROR_NOMATCH)
			return rc;
		return cc_re_match(r->words[p], (PCRE2_SPTR)s, len, off,
		    PCRE2_NO_UTF_CHECK, ex->md, ex->bctx);
	}
	if (r->mains[p] == NULL) {
		*re = r->pats[p];
		return cc_re_match(r->pats[p], (PCRE2_SPTR)s, len, off,
		    PCRE2_NO_UTF_CHECK, ex->md, ex->bctx);
	}
	*re = r->mains[p];
	rc = cc_re_match(r->mains[p], (PCRE2_SPTR)s, len, off,
	    PCRE2_NO_UTF_CHECK, ex->md, ex->bctx);
	/* (where it started, before any \K) */
	if ((rc < 0 && rc != PCRE2_ERROR_NOMATCH) ||
	    (rc >= 0 && pcre2_get_startchar(ex->md) == off))
		return rc;
	crc = cc_re_match(r->conts[p], (PCRE2_SPTR)s, len, off,
	    PCRE2_NO_UTF_CHECK, ex->gmd, ex->bctx);
	if (crc == PCRE2_ERROR_NOMATCH)
		return rc;
	*re = r->conts[p];
	*md = ex->gmd;
	return crc;
}

static void
match_failed(struct cc_extractor *ex, const struct ex_doc *doc,
    const struct cc_rule *r, int rc)
{
	PCRE2_UCHAR	msg[128];

	ex->match_err = 1;

	pcre2_get_error_message(rc, msg, sizeof msg);
	cc_warn("%s: rule %s (%s:%u) skipped on a sentence: %s", doc->name,
	    r->id, r->file, r->line, (const char *)msg);
}

/* Room in ex->mv for n more matches and in ex->ovs for nov more
 * offsets. */
static void
mv_reserve(struct cc_extractor *ex, size_t n, size_t nov)
{
	if (ex->mn + n > ex->mcap) {
		ex->mcap = 2 * (ex->mn + n);
		ex->mv = xreallocarray(ex->mv, ex->mcap, sizeof *ex->mv);
	}
	if (ex->novs + nov > ex->ovcap) {
		ex->ovcap = 2 * (ex->novs + nov);
		ex->ovs = xreallocarray(ex->ovs, ex->ovcap, sizeof *ex->ovs);
	}
}

/* Append the match in md of code re (pattern p of rule r) in sentence
 * sent, s[0, len), to ex->mv; where the next search starts. */
static size_t
keep_match(struct cc_extractor *ex, const struct cc_rule *r, size_t p,
    pcre2_code *re, pcre2_match_data *md, size_t sent, const char *s,
    size_t len)
{
	const PCRE2_SIZE *ov;
	struct ex_match	*m;
	uint32_t	 ncap = 0;
	size_t		 off;

	(void)pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	if (ncap + 1 > pcre2_get_ovector_count(md))
		ncap = pcre2_get_ovector_count(md) - 1;
	ov = pcre2_get_ovector_pointer(md);
	mv_reserve(ex, 1, 2 * (ncap + 1));
	m = &ex->mv[ex->mn++];
	m->r = r;
	m->re = re;
	m->p = (uint32_t)p;
	m->nov = ncap + 1;
	m->sent = sent;
	m->ov = ex->novs;
	memcpy(ex->ovs + ex->novs, ov, 2 * (ncap + 1) * sizeof *ov);
	ex->novs += 2 * (ncap + 1);
	off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	/* stay on a UTF-8 boundary */
	while (off < len && (s[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/*
 * find_matches() of a pattern with a leadmap (pack.h): its anchored
 * code tried, in order, where a word opens as a word of its lead may
 * (cc_leadmap_has()), instead of PCRE2 trying every place.  Every
 * match starts at such a place, so the first place that matches is
 * where the search would have found the match.
 */
static void
find_led(struct cc_extractor *ex, const struct ex_doc *doc,
    const struct cc_rule *r, size_t p, size_t ss, size_t len, size_t sent,
    size_t bound)
{
	const unsigned char	*m = r->leadmap[p];
	const unsigned char	*lw = (const unsigned char *)doc->lower + ss;
	const char		*s = doc->f->s + ss;
	size_t			 at, lim = bound < len ? bound : len;
	int			 rc, w, pw = 0;
	int			 b = r->needs[p].lead_edge == CC_NEEDS_EDGE_B;

	for (at = 0; at < lim; ) {
		w = word_byte[lw[at]];
		/* where \b holds, or after no word character; a lead's
		 * words are ASCII (and PCRE2 must start at a character) */
		if ((b ? w != pw : !pw) && lw[at] < 0x80 &&
		    cc_leadmap_has(m, lw[at],
		    at + 1 < len ? lw[at + 1] : 0, at + 2 < len ?
		    lw[at + 2] : 0)) {
			rc = cc_re_match(r->anchs[p], (PCRE2_SPTR)s, len, at,
			    PCRE2_NO_UTF_CHECK, ex->md, ex->mctx);
			if (rc >= 0) {
				at = keep_match(ex, r, p, r->pats[p], ex->md,
				    sent, s, len);
				pw = word_byte[lw[at - 1]];
				continue;
			}
			if (rc != PCRE2_ERROR_NOMATCH) {
				match_failed(ex, doc, r, rc);
				return;
			}
		}
		/* no place inside a word holds */
		if (w)
			while (++at < lim && word_byte[lw[at]])
				;
		else
			at++;
		pw = w;
	}
}

/*
 * Every match of pattern p of rule r in the sentence [ss, se) (sentence
 * sent of the window), appended to ex->mv with its ovector.  The caller
 * has checked that the sentence holds the words the pattern needs, and
 * knows that no match starts at bound or after it (needs.h: from there
 * on, the sentence lacks the words of one of the sets).
 */
static void
find_matches(struct cc_extractor *ex, const struct ex_doc *doc,
    const struct cc_rule *r, size_t p, size_t ss, size_t se, size_t sent,
    size_t bound)
{
	pcre2_code	*re;
	pcre2_match_data *md;
	const char	*s = doc->f->s + ss;
	size_t		 off, len = se - ss;
	int		 rc;

	/* The gate matches wherever the pattern would (needs.h). */
	if (r->gates[p] != NULL && cc_re_match(r->gates[p], (PCRE2_SPTR)s,
	    len, 0, PCRE2_NO_UTF_CHECK, ex->md, ex->mctx) ==
	    PCRE2_ERROR_NOMATCH)
		return;
	if (r->leadmap[p] != NULL) {
		find_led(ex, doc, r, p, ss, len, sent, bound);
		return;
	}
	/* No match starts at bound: PCRE2 stops trying there instead of
	 * at the sentence's end. */
	pcre2_set_offset_limit(ex->bctx, bound != SIZE_MAX && bound > 0 ?
	    bound - 1 : PCRE2_UNSET);
	off = 0;
	/* (after a match, most sentences have no word left for another) */
	while (off <= len && off < bound) {
		rc = next_match(ex, r, p, s, len, off, &re, &md);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			match_failed(ex, doc, r, rc);
			break;
		}
		off = keep_match(ex, r, p, re, md, sent, s, len);
	}
}

/* The claims of matches mv[from, to), all in the sentence [ss, se), in
 * their order. */
static void
build_matches(struct cc_extractor *ex, struct ex_doc *doc,
    const struct ex_match *mv, size_t from, size_t to, size_t ss, size_t se,
    struct cc_claims *out)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(ex->md);
	size_t		 i, before;

	for (i = from; i < to; i++) {
		/* build_claim() reads the match from ex->md's ovector; only
		 * the pattern's own groups are read. */
		memcpy(ov, ex->ovs + mv[i].ov, 2 * mv[i].nov * sizeof *ov);
		before = out->n;
		if (build_claim(ex, doc, mv[i].r, mv[i].re, ss,
		    se, out) && seen_before(out, before)) {
			cc_claim_release(&out->v[before]);
			out->n--;
		}
	}
}

/*
 * Every match of rule r's patterns in the sentence [ss, se), as claims
 * (rule examples: one rule, sentence by sentence).  A pattern runs only
 * if the sentence holds the words it needs.
 */
static void
run_rule(struct cc_extractor *ex, struct ex_doc *doc,
    const struct cc_rule *r, size_t ss, size_t se, struct cc_claims *out)
{
	size_t	p;

	ex->mn = ex->novs = 0;
	for (p = 0; p < r->npats; p++)
		if (cc_needs_met(&r->needs[p], doc->lower + ss, se - ss))
			find_matches(ex, doc, r, p, ss, se, 0, SIZE_MAX);
	build_matches(ex, doc, ex->mv, 0, ex->mn, ss, se, out);
}

/*
 * Counting sort: the n records of sz bytes at src into dst by key(),
 * below nkeys, keeping the order of records with one key;
 * start[0..nkeys] set to where each key's records begin in dst
 * (start[nkeys] = n).
 */
static void
sort_by_key(void *dst, const void *src, size_t n, size_t sz,
    size_t (*key)(const void *), size_t *start, size_t nkeys)
{
	const char	*s = src;
	size_t		 i, k;

	memset(start, 0, (nkeys + 1) * sizeof *start);
	for (i = 0; i < n; i++)
		start[key(s + i * sz) + 1]++;
	for (k = 0; k < nkeys; k++)
		start[k + 1] += start[k];
	for (i = 0; i < n; i++)
		memcpy((char *)dst + start[key(s + i * sz)]++ * sz, s + i * sz,
		    sz);
	/* (each start moved on to the next one's: back) */
	for (k = nkeys; k > 0; k--)
		start[k] = start[k - 1];
	start[0] = 0;
}

static size_t
run_pattern(const void *r)
{
	return ((const struct ex_run *)r)->gp;
}

static size_t
match_sentence(const void *m)
{
	return ((const struct ex_match *)m)->sent;
}

/* One article of a batch (cc_extract_batch()). */
struct ex_art {
	struct cc_article	*a;
	struct cc_sentences	*sents;
	struct cc_claims	*out;
	struct cc_fold		 f;
	struct ex_doc		 doc;
	unsigned		*paras;		/* of out->v[base...] */
	size_t			 nparas;	/* room in paras */
	size_t			 base;
};

/*
 * Where no match of the pattern of slot (whose needs are n) can start in
 * a sentence of len bytes just read by triggered_all(): where the last
 * word of one of its sets ends, the earliest such end; UINT32_MAX for
 * no bound (no sets, words a look-behind may hold, a sentence too long
 * for the ends kept).
 */
static uint32_t
run_bound(const struct cc_extractor *ex, const struct cc_needs *n,
    size_t slot, size_t len)
{
	const uint32_t	*he = ex->hitend + slot * CC_NEEDS_MAX;
	uint32_t	 b = UINT32_MAX;
	size_t		 k;

	if (n->behind || len >= UINT32_MAX)
		return UINT32_MAX;
	for (k = 0; k < n->nsets; k++)
		if (he[k] < b)
			b = he[k];
	return b;
}

/*
 * The matches of sentence k of the window, text s[0..len), appended to
 * ex->mv if a sentence of the same text had them (1); else 0, and the
 * sentence's key noted for smemo_put().  A sentence's matches depend on
 * its text alone: every search runs on the sentence as its subject.
 */
static int
smemo_get(struct cc_extractor *ex, const char *s, size_t len, size_t k)
{
	struct ex_smemo	*m;
	size_t		 i, j, ov;
	uint64_t	 h;

	ex->wkeep[k] = 0;
	if (ex->smemo_off || len > EX_SMEMO_TEXT)
		return 0;
	if (ex->smemo == NULL)
		ex->smemo = xcalloc(EX_SMEMO, sizeof *ex->smemo);
	h = cc_hash64(s, len);
	m = &ex->smemo[(h % EX_SMEMO) & ~(size_t)1];
	for (i = 0; i < 2; i++, m++) {
		if (m->text == NULL || m->h != h || m->len != len ||
		    memcmp(m->text, s, len) != 0)
			continue;
		m->used = ++ex->smemo_tick;
		mv_reserve(ex, m->nm, m->novs);
		for (j = 0; j < m->nm; j++) {
			ov = ex->novs + m->mv[j].ov;
			ex->mv[ex->mn] = m->mv[j];
			ex->mv[ex->mn].sent = k;
			ex->mv[ex->mn++].ov = ov;
		}
		if (m->novs > 0)
			memcpy(ex->ovs + ex->novs, m->ovs,
			    m->novs * sizeof *m->ovs);
		ex->novs += m->novs;
		/* (an entry from before the pack changed: none known) */
		memcpy(ex->waux + k * ex->naux, m->naux == ex->naux ? m->aux :
		    ex->aux_none, ex->naux * sizeof *ex->waux);
		return 1;
	}
	ex->wkey[k] = h;
	ex->wkeep[k] = 1;
	return 0;
}

/* Remember the n matches mv[] (their offsets in ex->ovs) of a sentence
 * of text s[0..len) and hash h, and the values aux of its groups' sets,
 * in place of the pair's older entry. */
static void
smemo_put(struct cc_extractor *ex, const char *s, size_t len, uint64_t h,
    const struct ex_match *mv, size_t n, const uint32_t *aux)
{
	struct ex_smemo	*m = &ex->smemo[(h % EX_SMEMO) & ~(size_t)1];
	size_t		 j, nov = 0;

	for (j = 0; j < n; j++)
		nov += 2 * mv[j].nov;
	if (nov > EX_SMEMO_OVS)
		return;		/* (a sentence of many matches: kept small) */
	if (m[1].used < m[0].used)
		m++;
	m->h = h;
	m->used = ++ex->smemo_tick;
	/* (grown only: a slot is taken over many times) */
	if (len + 1 > m->tcap) {
		m->tcap = len + 1;
		m->text = xrealloc(m->text, m->tcap);
	}
	memcpy(m->text, s, len);
	m->len = len;
	if (m->naux != ex->naux) {
		m->naux = ex->naux;
		m->aux = xreallocarray(m->aux, m->naux + 1, sizeof *m->aux);
	}
	if (m->naux > 0)
		memcpy(m->aux, aux, m->naux * sizeof *m->aux);
	if (n > m->mcap) {
		m->mcap = n;
		m->mv = xreallocarray(m->mv, n, sizeof *m->mv);
	}
	if (nov > m->ovcap) {
		m->ovcap = nov;
		m->ovs = xreallocarray(m->ovs, nov, sizeof *m->ovs);
	}
	m->nm = n;
	m->novs = 0;
	for (j = 0; j < n; j++) {
		m->mv[j] = mv[j];
		m->mv[j].ov = m->novs;
		memcpy(m->ovs + m->novs, ex->ovs + mv[j].ov,
		    2 * mv[j].nov * sizeof *m->ovs);
		m->novs += 2 * mv[j].nov;
	}
}

/*
 * Every match of every rule in a window of nw sentences (at most
 * EX_WINDOW) of the batch's articles: sentence k of the window is
 * sentence ex->wsent[k] of article ex->wart[k].  The matches go into
 * ex->mv2 in the order their claims are built: sentence by sentence,
 * and in each by rule, pattern and place; those of sentence k of the
 * window are mv2[wstart[k], wstart[k + 1]).
 *
 * The matching runs rule by rule over the window, not sentence by
 * sentence: the rules' machine code is megabytes (each NUMBER is a
 * large pattern), and one pattern run over many sentences in a row
 * keeps its code in the processor's caches.  Sentence by sentence, the
 * patterns ran at half the speed they reach rule by rule.  The claims
 * are then built in reading order, as speaker and date tracking need.
 */
static void
find_window(struct cc_extractor *ex, const struct ex_art *art, size_t nw)
{
	const struct cc_pack	*pk = ex->pack;
	const struct cc_rule	*r;
	const struct cc_sentence *st;
	const unsigned char	*h;
	struct ex_run		*ru;
	size_t			 i, ri, p, k, npat;
	unsigned		 all;

	trig_ready(ex);
	npat = ex->pat_base[pk->nrules];
	/* The runs, sentence by sentence (a remembered sentence's matches
	 * go first: the sort by sentence keeps them as they were) ... */
	ex->nruns = 0;
	ex->mn = ex->novs = 0;
	for (i = 0; i < nw; i++) {
		st = &art[ex->wart[i]].sents->v[ex->wsent[i]];
		ex->wkeep[i] = 0;
		if (st->boiler || smemo_get(ex, art[ex->wart[i]].doc.f->s +
		    st->start, st->end - st->start, i))
			continue;
		ex->auxcur = ex->waux + i * ex->naux;
		triggered_all(ex, art[ex->wart[i]].doc.lower, st->start,
		    st->end);
		h = ex->hit;
		for (ri = 0; ri < pk->nrules; ri++) {
			if (h[ri] != EX_HIT_ALL)
				continue;
			r = &pk->rules[ri];
			for (p = 0; p < r->npats; p++) {
				all = (1u << r->needs[p].nsets) - 1;
				if ((h[ex->trig_npats0 + ex->pat_base[ri] + p] &
				    all) != all)
					continue;
				if (ex->nruns == ex->runs_cap) {
					ex->runs_cap = ex->runs_cap ?
					    2 * ex->runs_cap : 1024;
					ex->runs = xreallocarray(ex->runs,
					    ex->runs_cap, sizeof *ex->runs);
					ex->runs2 = xreallocarray(ex->runs2,
					    ex->runs_cap, sizeof *ex->runs2);
				}
				ru = &ex->runs[ex->nruns++];
				ru->gp = (uint32_t)(ex->pat_base[ri] + p);
				ru->rule = (uint32_t)ri;
				ru->pat = (uint32_t)p;
				ru->sent = (uint32_t)i;
				ru->bound = run_bound(ex, &r->needs[p],
				    ex->trig_npats0 + ex->pat_base[ri] + p,
				    st->end - st->start);
			}
		}
	}
	/* ... made pattern by pattern, sentences kept in order */
	sort_by_key(ex->runs2, ex->runs, ex->nruns, sizeof *ex->runs,
	    run_pattern, ex->run_start, npat);
	ex->match_err = 0;
	for (k = 0; k < ex->nruns; k++) {
		ru = &ex->runs2[k];
		st = &art[ex->wart[ru->sent]].sents->v[ex->wsent[ru->sent]];
		find_matches(ex, &art[ex->wart[ru->sent]].doc,
		    &pk->rules[ru->rule], ru->pat, st->start, st->end,
		    ru->sent, ru->bound == UINT32_MAX ? SIZE_MAX : ru->bound);
	}
	/* by sentence, keeping the order within each */
	if (ex->mv2cap < ex->mcap) {
		ex->mv2cap = ex->mcap;
		ex->mv2 = xreallocarray(ex->mv2, ex->mv2cap, sizeof *ex->mv2);
	}
	sort_by_key(ex->mv2, ex->mv, ex->mn, sizeof *ex->mv, match_sentence,
	    ex->wstart, nw);
	/* (a search that failed was skipped: its sentence's matches are
	 * not all there) */
	for (i = 0; i < nw && !ex->match_err; i++)
		if (ex->wkeep[i]) {
			st = &art[ex->wart[i]].sents->v[ex->wsent[i]];
			k = ex->wstart[i + 1] - ex->wstart[i];
			/* (no match in the window: no mv2 yet) */
			smemo_put(ex, art[ex->wart[i]].doc.f->s + st->start,
			    st->end - st->start, ex->wkey[i],
			    k > 0 ? ex->mv2 + ex->wstart[i] : NULL, k,
			    ex->waux + i * ex->naux);
		}
}

/*
 * The date claim_time() takes for each sentence of the window that has
 * matches, all found before any claim is built: the date scanner's code
 * runs once for the window, not between each sentence's searches and
 * claims (where it left the instruction cache to them and they to it).
 */
static void
window_dates(struct cc_extractor *ex, const struct ex_art *art, size_t nw)
{
	const struct cc_sentence *st;
	const struct ex_doc	*doc;
	size_t			 k, n, i;
	int			 stopped;

	if (ex->wdate == NULL)
		ex->wdate = xreallocarray(NULL, EX_WINDOW, sizeof *ex->wdate);
	for (k = 0; k < nw; k++) {
		ex->wdst[k] = 0;
		st = &art[ex->wart[k]].sents->v[ex->wsent[k]];
		if (st->boiler || ex->wstart[k + 1] == ex->wstart[k])
			continue;
		doc = &art[ex->wart[k]].doc;
		n = cc_timex_scan_dates(ex->ts, doc->f->s + st->start,
		    st->end - st->start, doc->ref.y ? &doc->ref : NULL,
		    ex->stx, EX_MAX_TIMEX, claim_date, &stopped);
		if (n > EX_MAX_TIMEX)
			n = EX_MAX_TIMEX;
		ex->wdst[k] = 1;
		for (i = 0; i < n; i++)
			if (claim_date(&ex->stx[i])) {
				ex->wdate[k] = ex->stx[i];
				ex->wdst[k] = 2;
				break;
			}
	}
}

/* The claims of sentence k of the window (find_window()), read in its
 * article. */
static void
build_sentence(struct cc_extractor *ex, struct ex_art *x, size_t k)
{
	const struct cc_sentence *st = &x->sents->v[ex->wsent[k]];
	struct ex_doc		*doc = &x->doc;
	size_t			 first, j;

	if (st->boiler)
		return;
	doc->cur = ex->wsent[k];
	if (st->para != doc->para) {
		doc->prev_para = doc->para;
		doc->para = st->para;
	}
	first = x->out->n;
	ex->stx_on = 1;
	ex->aux_on = 1;
	ex->wcur = k;
	ex->stx_have = 0;
	ex->stx_ss = st->start;
	ex->stx_se = st->end;
	build_matches(ex, doc, ex->mv2, ex->wstart[k], ex->wstart[k + 1],
	    st->start, st->end, x->out);
	ex->stx_on = 0;
	ex->aux_on = 0;
	/* (most sentences give no claim: no need to grow) */
	if (x->out->n > first) {
		/* (doubled: a realloc per sentence with claims was 0.4 %
		 * of extraction on text dense in them) */
		if (x->out->n - x->base > x->nparas) {
			x->nparas = 2 * (x->out->n - x->base);
			x->paras = xreallocarray(x->paras, x->nparas,
			    sizeof *x->paras);
		}
		for (j = first; j < x->out->n; j++)
			x->paras[j - x->base] = doc->para;
	}
}

/* The outlet named in the text (lower-cased in lower) by an outlet's
 * marker pattern, if any.  A marker is searched for only in a text that
 * holds the words it needs. */
static const struct cc_outlet *
outlet_from_text(struct cc_extractor *ex, const struct cc_fold *f,
    const char *lower)
{
	const struct cc_pack	*pk = ex->pack;
	size_t			 i, j;

	for (i = 0; i < pk->noutlets; i++)
		for (j = 0; j < pk->outlets[i].nmarkers; j++)
			if (cc_needs_met(&pk->outlets[i].marker_needs[j],
			    lower, f->len) &&
			    cc_re_match(pk->outlets[i].markers[j],
			    (PCRE2_SPTR)f->s, f->len, 0, PCRE2_NO_UTF_CHECK,
			    ex->md, ex->mctx) >= 0)
				return &pk->outlets[i];
	return NULL;
}

/* Does the host of url (any scheme, any case) lie in domain, itself or a
 * subdomain ("www.tass.com" and "tass.com" in "tass.com")? */
static int
url_in_domain(const char *url, const char *domain)
{
	const char	*h, *e, *at;
	size_t		 n, k = strlen(domain);

	h = strstr(url, "://");
	h = h != NULL ? h + 3 : url;
	e = h + strcspn(h, "/?#");
	at = memchr(h, '@', (size_t)(e - h));
	if (at != NULL)
		h = at + 1;	/* user:password@host */
	n = strcspn(h, ":/?#");
	if (n > 0 && h[n - 1] == '.')
		n--;		/* "tass.com." */
	if (k == 0 || n < k || strncasecmp(h + n - k, domain, k) != 0)
		return 0;
	return n == k || h[n - k - 1] == '.';
}

/* The outlet whose id or name is s (any case), or whose domain s is. */
static const struct cc_outlet *
outlet_named(const struct cc_pack *pk, const char *s)
{
	size_t	i, j;

	for (i = 0; i < pk->noutlets; i++) {
		if (strcasecmp(pk->outlets[i].id, s) == 0 ||
		    (pk->outlets[i].name != NULL &&
		    strcasecmp(pk->outlets[i].name, s) == 0))
			return &pk->outlets[i];
		for (j = 0; j < pk->outlets[i].ndomains; j++)
			if (strcasecmp(pk->outlets[i].domains[j], s) == 0)
				return &pk->outlets[i];
	}
	return NULL;
}

static const struct cc_outlet *
outlet_from_url(const struct cc_pack *pk, const char *url)
{
	size_t	i, j;

	if (url == NULL)
		return NULL;
	for (i = 0; i < pk->noutlets; i++)
		for (j = 0; j < pk->outlets[i].ndomains; j++)
			if (url_in_domain(url, pk->outlets[i].domains[j]))
				return &pk->outlets[i];
	return NULL;
}

/* Set the outlet and its basis (either may point into a). */
static void
set_outlet(struct cc_article *a, const char *id, const char *basis)
{
	char	*s = xstrdup(id), *b = xstrdup(basis);

	free(a->outlet);
	a->outlet = s;
	free(a->outlet_basis);
	a->outlet_basis = b;
}

/*
 * The article's outlet and how it was found: what its metadata says
 * (front matter, a feed record, the sidecar, a page's og:site_name), as
 * a canonical id when claims/outlets.yaml knows the name; else the
 * domain of its URL; else a marker in its text; else its file name.
 * Metadata names the outlet for good; what an earlier extraction
 * inferred is inferred again, as the rules may have changed.
 */
static void
infer_outlet(struct cc_extractor *ex, struct cc_article *a,
    const struct cc_fold *f, const char *lower)
{
	const struct cc_outlet	*o;
	const char		*b = a->outlet_basis;

	if (a->outlet != NULL && (b == NULL || (strcmp(b, "text") != 0 &&
	    strcmp(b, "file name") != 0 && strcmp(b, "url") != 0))) {
		if ((o = outlet_named(ex->pack, a->outlet)) != NULL &&
		    strcmp(o->id, a->outlet) != 0)
			set_outlet(a, o->id, b != NULL ? b : "metadata");
		return;
	}
	if ((o = outlet_from_url(ex->pack, a->url)) != NULL)
		set_outlet(a, o->id, "url");
	else if ((o = outlet_from_text(ex, f, lower)) != NULL)
		set_outlet(a, o->id, "text");
	else
		set_outlet(a, a->name, "file name");
}

static void
set_date(struct cc_article *a, const struct cc_date *d,
    const struct cc_date *lo, const struct cc_date *hi, char *basis)
{
	char	buf[16];

	free(a->date);
	free(a->date_min);
	free(a->date_max);
	free(a->date_basis);
	cc_date_iso(d, buf, sizeof buf);
	a->date = xstrdup(buf);
	cc_date_iso(lo, buf, sizeof buf);
	a->date_min = xstrdup(buf);
	cc_date_iso(hi, buf, sizeof buf);
	a->date_max = xstrdup(buf);
	a->date_basis = basis;
}

/* --- document date ----------------------------------------------------- */

static int
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* Length of the white space at s[0..n). */
static size_t
span_space(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	return i;
}

/* Is lower-case s[0..n) one of the words in the NULL-ended list, with
 * white space around it and any white space between its words? */
static int
gap_is(const char *s, size_t n, const char *const *words)
{
	size_t	i, k, j, s0 = span_space(s, n);

	for (k = 0; words[k] != NULL; k++) {
		for (i = s0, j = 0; words[k][j] != '\0' && i < n; j++) {
			if (words[k][j] == ' ') {
				if (span_space(s + i, n - i) == 0)
					break;
				i += span_space(s + i, n - i);
			} else if (s[i] == words[k][j])
				i++;
			else
				break;
		}
		if (words[k][j] == '\0' && i + span_space(s + i, n - i) == n)
			return 1;
	}
	return 0;
}

/* Day count of one unit of a TIMEX3 duration ("P8M": 30). */
static long
unit_days(const char *value)
{
	size_t	n = strlen(value);

	if (n == 0)
		return 1;
	switch (value[n - 1]) {
	case 'W':	return 7;
	case 'M':	return 30;
	case 'Y':	return 365;
	default:	return 1;
	}
}

static void
docdate_set(struct cc_docdate *dd, long day, long lo, long hi,
    size_t start, size_t end, char *basis)
{
	cc_date_from_days(day, &dd->date);
	cc_date_from_days(lo, &dd->lo);
	cc_date_from_days(hi, &dd->hi);
	dd->start = start;
	dd->end = end;
	free(dd->basis);
	dd->basis = basis;
}

/*
 * The days d on which a relative date (the text of t, in s) puts the
 * event day ev inside its range: "the annexation last month" was written
 * in the month after the annexation.  The text is resolved against every
 * candidate day from ev on (two years at most); the first run of days
 * that fits is the answer.  Returns 0 if none does.
 */
static int
solve_relative(struct cc_extractor *ex, const char *s,
    const struct cc_timex *t, long ev, long *lo, long *hi)
{
	struct cc_timex	 r[4];
	struct cc_date	 ref;
	long		 d;
	size_t		 n;
	int		 in_run = 0;

	for (d = ev; d <= ev + 730; d++) {
		cc_date_from_days(d, &ref);
		n = cc_timex_scan_with(ex->ts, s + t->start, t->end - t->start,
		    &ref, r, 4);
		if (n >= 1 && r[0].kind == CC_TIMEX_DATE && r[0].lo.y != 0 &&
		    cc_date_days(&r[0].lo) <= ev &&
		    cc_date_days(r[0].hi.d ? &r[0].hi : &r[0].lo) >= ev) {
			if (!in_run)
				*lo = d;
			*hi = d;
			in_run = 1;
		} else if (in_run)
			break;
	}
	return in_run;
}

static const char *const GAP_AFTER[] = { "after the", "after", "since the",
    "since", "into the", "into", NULL };
static const char *const GAP_OLD[] = { "-old", "old", "-old the", "", NULL };
static const char *const GAP_NONE[] = { "", ",", "'s", NULL };
static const char *const GAP_DAY_OF[] = { "day of the", "day of", NULL };

/*
 * One mention of event ev ("invasion", at [ns, ne) of the sentence s,
 * lower-cased in l) against the dates, durations and numbers of the
 * sentence: the document date, if the words around it give one.
 *   eight-month-old war, the eight-month war      ev + duration
 *   eight months after / since / into the war      ev + duration
 *   the annexation last month, last month's annexation,
 *   the invasion eight months ago                  solved (above)
 *   the war's 200th day, the 200th day of the war  ev + 199 days
 */
static int
infer_at(struct cc_extractor *ex, const struct cc_event *e, long ev,
    const char *s, const char *l, size_t ns, size_t ne,
    const struct cc_timex *tx, size_t ntx, const struct cc_number *nums,
    size_t nnum, size_t base, int *budget, struct cc_docdate *dd)
{
	static const char *const poss[] = { "'s", NULL };
	const struct cc_timex	*t;
	long			 lo, hi, dmin, dmax;
	size_t			 i, a, z;

	for (i = 0; i < ntx; i++) {
		t = &tx[i];
		if (t->kind == CC_TIMEX_DURATION && t->end <= ns &&
		    t->days_max >= 0 && (gap_is(l + t->end, ns - t->end,
		    GAP_OLD) || gap_is(l + t->end, ns - t->end, GAP_AFTER))) {
			dmin = lround(t->days_min);
			dmax = lround(t->days_max);
			docdate_set(dd, ev + (dmin + dmax) / 2, ev + dmin,
			    ev + dmax + unit_days(t->value) - 1, base +
			    t->start, base + ne, xasprintf("inferred: \"%.*s\" "
			    "(%s %s)", (int)(ne - t->start),
			    s + t->start, e->id, e->date));
			return 1;
		}
		if (t->kind != CC_TIMEX_DATE || !t->relative)
			continue;
		if (t->start >= ne && gap_is(l + ne, t->start - ne, GAP_NONE)) {
			a = ns;
			z = t->end;
		} else if (t->end <= ns && gap_is(l + t->end, ns - t->end,
		    GAP_NONE)) {
			a = t->start;
			z = ne;
		} else
			continue;
		/* Each try scans the words hundreds of times: a few per
		 * text, or a hostile one repeating them would never end. */
		if (*budget <= 0)
			continue;
		(*budget)--;
		if (!solve_relative(ex, s, t, ev, &lo, &hi))
			continue;
		docdate_set(dd, lo + (hi - lo) / 2, lo, hi, base + a, base + z,
		    xasprintf("inferred: \"%.*s\" (%s %s)", (int)(z - a), s + a,
		    e->id, e->date));
		return 1;
	}
	for (i = 0; i < nnum; i++) {
		const struct cc_number *n = &nums[i];

		/* an ordinal: a number written with st/nd/rd/th */
		if (n->end - n->start < 3 || !n->has_min || n->min < 1 ||
		    n->min > 36500 || n->min != n->max ||
		    (l[n->end - 1] != 'h' && l[n->end - 1] != 't' &&
		    l[n->end - 1] != 'd'))
			continue;
		if (n->end <= ns && gap_is(l + n->end, ns - n->end, GAP_DAY_OF))
			a = n->start, z = ne;
		else if (n->start >= ne && gap_is(l + ne, n->start - ne,
		    poss) &&
		    strncmp(l + n->end, " day", 4) == 0 &&
		    !is_word_byte((unsigned char)l[n->end + 4]))
			a = ns, z = n->end + 4;
		else
			continue;
		lo = ev + (long)n->min - 1;
		docdate_set(dd, lo, lo, lo, base + a, base + z, xasprintf(
		    "inferred: \"%.*s\" (%s %s)", (int)(z - a), s + a, e->id,
		    e->date));
		return 1;
	}
	return 0;
}

/* The whole-word occurrence of w (n bytes) in l[0..len) at or after *at:
 * 1 with *at set to it, or 0. */
static int
next_word(const char *l, size_t len, const char *w, size_t n, size_t *at)
{
	const char	*p;
	size_t		 ns;

	if (n == 0 || *at > len)
		return 0;
	for (p = l + *at; (p = memmem(p, len - (size_t)(p - l), w, n)) !=
	    NULL; p++) {
		ns = (size_t)(p - l);
		if ((ns > 0 && is_word_byte((unsigned char)l[ns - 1])) ||
		    (ns + n < len && is_word_byte((unsigned char)l[ns + n])))
			continue;
		*at = ns;
		return 1;
	}
	return 0;
}

/*
 * Inferred from the text: a sentence that names a timeline event
 * (claims/timeline.yaml) and says how long ago it was.  Sentences in
 * text order, the first that gives a date wins.
 */
static int
infer_date(struct cc_extractor *ex, const struct cc_fold *f,
    const char *lower, const struct cc_sentences *sents,
    struct cc_docdate *dd)
{
	const struct cc_pack	*pk = ex->pack;
	struct cc_timex		 tx[EX_MAX_TIMEX];
	struct cc_number	 nums[EX_MAX_TIMEX];
	struct cc_date		 evd;
	size_t			 i, i2, j, k, ntx = 0, nnum = 0, ss, len,
				 nl, ns;
	const char		*l;
	char			 name[128];
	int			 scanned, budget = EX_SOLVE_TRIES;

	for (k = 0; k < sents->n; k++) {
		if (sents->v[k].boiler)
			continue;
		ss = sents->v[k].start;
		len = sents->v[k].end - ss;
		l = lower + ss;
		scanned = 0;
		for (i = 0; i < pk->nevents; i++) {
			const struct cc_event *e = &pk->events[i];

			if (cc_date_parse_iso(e->date, &evd) != CC_OK)
				continue;
			for (j = 0; j < e->nnames; j++) {
				nl = strlen(e->names[j]);
				if (nl >= sizeof name)
					continue;
				for (i2 = 0; i2 <= nl; i2++)
					name[i2] = (char)((e->names[j][i2] >=
					    'A' && e->names[j][i2] <= 'Z') ?
					    e->names[j][i2] + 32 :
					    e->names[j][i2]);
				for (ns = 0; next_word(l, len, name, nl, &ns);
				    ns++) {
					if (!scanned) {
						ntx = cc_timex_scan_with(ex->ts,
						    f->s + ss, len, NULL, tx,
						    EX_MAX_TIMEX);
						nnum = cc_number_scan(pk->vocab,
						    f->s + ss, len, nums,
						    EX_MAX_TIMEX);
						ntx = ntx > EX_MAX_TIMEX ?
						    EX_MAX_TIMEX : ntx;
						nnum = nnum > EX_MAX_TIMEX ?
						    EX_MAX_TIMEX : nnum;
						scanned = 1;
					}
					if (infer_at(ex, e, cc_date_days(&evd),
					    f->s + ss, l, ns, ns + nl, tx, ntx,
					    nums, nnum, ss, &budget, dd))
						return 1;
				}
			}
		}
	}
	return 0;
}

/*
 * Inferred as a bound: a sentence uses words that only make sense before
 * a timeline event ("Russia has denied it has any plans to invade"), so
 * the article was written in the event's before_days days before it.
 * The first such sentence wins.
 */
static int
infer_before(struct cc_extractor *ex, const char *lower,
    const struct cc_sentences *sents, struct cc_docdate *dd)
{
	const struct cc_pack	*pk = ex->pack;
	struct cc_date		 evd;
	size_t			 i, j, k, ss, len, nl, ns;
	const char		*l, *w;
	long			 ev;

	for (k = 0; k < sents->n; k++) {
		if (sents->v[k].boiler)
			continue;
		ss = sents->v[k].start;
		len = sents->v[k].end - ss;
		l = lower + ss;
		for (i = 0; i < pk->nevents; i++) {
			const struct cc_event *e = &pk->events[i];

			if (e->nbefore == 0 || e->before_days == 0 ||
			    cc_date_parse_iso(e->date, &evd) != CC_OK)
				continue;
			for (j = 0; j < e->nbefore; j++) {
				/* Cues are lower case (claims/README.md). */
				w = e->before[j];
				nl = strlen(w);
				ns = 0;
				if (!next_word(l, len, w, nl, &ns))
					continue;
				ev = cc_date_days(&evd);
				docdate_set(dd, ev - 1, ev - (long)e->before_days,
				    ev - 1, ss + ns, ss + ns + nl,
				    xasprintf("inferred: before the %s (%s): "
				    "\"%.*s\"", e->id, e->date, (int)nl, l + ns));
				dd->bound = 1;
				return 1;
			}
		}
	}
	return 0;
}

void
cc_docdate_release(struct cc_docdate *dd)
{
	free(dd->basis);
	memset(dd, 0, sizeof *dd);
}

/*
 * The document date: metadata; else a "Published ..." line or a line
 * that is only a full date; else inferred from the text against the
 * timeline's events.  Unknown otherwise (dd->date.y == 0).
 */
static void
docdate_find(struct cc_extractor *ex, const char *published,
    const struct cc_fold *f, const char *lower,
    const struct cc_sentences *sents, struct cc_docdate *dd)
{
	const struct cc_pack	*pk = ex->pack;
	struct cc_date		 d;
	size_t			 i, k, n, ss, se;

	cc_docdate_release(dd);
	if (published != NULL && cc_date_parse_iso(published, &d) == CC_OK) {
		dd->date = dd->lo = dd->hi = d;
		dd->basis = xstrdup("metadata");
		return;
	}
	/* A dateline near the top: the first full date with a year in a
	 * short line or one that starts with Published/Updated/Posted. */
	for (i = 0; i < sents->n && i < 40; i++) {
		ss = sents->v[i].start;
		se = sents->v[i].end;
		n = cc_timex_scan_with(ex->ts, f->s + ss, se - ss, NULL,
		    ex->tx, EX_MAX_TIMEX);
		for (k = 0; k < n && k < EX_MAX_TIMEX; k++) {
			struct cc_timex *t = &ex->tx[k];

			if (t->kind != CC_TIMEX_DATE || t->lo.y == 0 ||
			    t->lo.d == 0 || t->relative ||
			    cc_date_days(&t->lo) != cc_date_days(&t->hi))
				continue;
			if (se - ss > 60 && cc_vocab_lookup(pk->vocab,
			    "dateline_words", f->s + ss, strcspn(f->s + ss,
			    " ")) == NULL)
				continue;
			dd->date = dd->lo = dd->hi = t->lo;
			dd->start = ss + t->start;
			dd->end = ss + t->end;
			dd->basis = xasprintf("dateline: %.*s", (int)(se - ss),
			    f->s + ss);
			return;
		}
	}
	if (!infer_date(ex, f, lower, sents, dd))
		(void)infer_before(ex, lower, sents, dd);
}

void
cc_extract_docdate(struct cc_extractor *ex, const char *published,
    const struct cc_fold *f, const struct cc_sentences *sents,
    struct cc_docdate *dd)
{
	char	*lower = lower_copy(f->s, f->len);

	docdate_find(ex, published, f, lower, sents, dd);
	free(lower);
}

static void
document_date(struct cc_extractor *ex, struct cc_article *a,
    const struct cc_fold *f, const char *lower,
    const struct cc_sentences *sents, struct cc_date *ref)
{
	struct cc_docdate	dd;

	memset(&dd, 0, sizeof dd);
	memset(ref, 0, sizeof *ref);
	docdate_find(ex, a->published, f, lower, sents, &dd);
	if (dd.date.y != 0) {
		set_date(a, &dd.date, &dd.lo, &dd.hi, dd.basis);
		dd.basis = NULL;
		if (!dd.bound)
			*ref = dd.date;
	}
	cc_docdate_release(&dd);
}

/*
 * A claim made in a paragraph that cites a source ("TASS reported",
 * "Newsweek reports") carries that source in reported_by: the comparison
 * uses it to tell independent confirmation from one story copied.
 */
static int
is_source(const struct cc_claim *c)
{
	return strcmp(c->type, "source") == 0;
}

static void
attach_sources(struct cc_claims *out, size_t base, const unsigned *paras)
{
	size_t		 i, j, p0, p1;
	const char	*src;

	/* Claims come in reading order, so a paragraph's are a run: each
	 * source is held against its run, not against every claim of the
	 * article (a source in every paragraph made that quadratic). */
	for (p0 = base; p0 < out->n; p0 = p1) {
		for (p1 = p0 + 1; p1 < out->n &&
		    paras[p1 - base] == paras[p0 - base]; p1++)
			;
		for (i = p0; i < p1; i++) {
			if (!is_source(&out->v[i]))
				continue;
			src = out->v[i].vtext ? out->v[i].vtext :
			    out->v[i].subject;
			if (src == NULL)
				continue;
			for (j = p0; j < p1; j++)
				if (j != i && out->v[j].reported_by == NULL &&
				    !is_source(&out->v[j]))
					out->v[j].reported_by = xstrdup(src);
		}
	}
}

/* Read article x->a up to its claims: fold, sentences, boilerplate,
 * outlet and document date. */
static void
begin_article(struct cc_extractor *ex, struct ex_art *x)
{
	const struct cc_pack	*pk = ex->pack;
	struct cc_article	*a = x->a;
	struct ex_doc		*doc = &x->doc;

	cc_fold(a->text, a->len, &x->f);
	cc_segment(x->f.s, x->f.len, x->sents);
	memset(doc, 0, sizeof *doc);
	doc->lower = lower_copy(x->f.s, x->f.len);
	cc_boiler_mark_lower(pk->boiler, x->f.s, doc->lower, x->f.len,
	    x->sents);
	infer_outlet(ex, a, &x->f, doc->lower);
	cc_boiler_mark_shared(ex->shared, a->outlet, x->f.s, x->f.len,
	    x->sents);
	doc->name = a->name;
	doc->f = &x->f;
	doc->orig = a->text;
	doc->outlet = a->outlet;
	doc->name_len = strlen(doc->name);
	doc->outlet_len = doc->outlet != NULL ? strlen(doc->outlet) : 0;
	document_date(ex, a, &x->f, doc->lower, x->sents, &doc->ref);
	doc->sents = x->sents;
	x->paras = NULL;
	x->nparas = 0;
	x->base = x->out->n;
}

static void
end_article(struct ex_art *x)
{
	struct cc_sentences	*sents = x->sents;
	size_t			 i;

	attach_sources(x->out, x->base, x->paras);
	free(x->paras);
	free(x->doc.speaker);
	/* Sentences are stored with offsets into the stored text. */
	for (i = 0; i < sents->n; i++) {
		sents->v[i].start = x->f.map[sents->v[i].start];
		sents->v[i].end = cc_fold_orig_end(&x->f, x->a->text,
		    sents->v[i].end);
	}
	free(x->doc.lower);
	cc_fold_release(&x->f);
}

/* The articles of jobs[0..n), read together. */
static void
extract_group(struct cc_extractor *ex, const struct cc_extract_job *jobs,
    size_t n)
{
	struct ex_art	*art;
	size_t		 k, i, j, nw;

	art = xcalloc(n, sizeof *art);
	for (k = 0; k < n; k++) {
		art[k].a = jobs[k].a;
		art[k].sents = jobs[k].sents;
		art[k].out = jobs[k].out;
		begin_article(ex, &art[k]);
	}
	/* Windows of sentences across the articles, in reading order. */
	for (k = 0, i = 0; k < n; ) {
		for (nw = 0; nw < EX_WINDOW && k < n; ) {
			if (i >= art[k].sents->n) {
				k++;
				i = 0;
				continue;
			}
			ex->wart[nw] = k;
			ex->wsent[nw++] = i++;
		}
		if (nw == 0)
			break;
		find_window(ex, art, nw);
		window_dates(ex, art, nw);
		for (j = 0; j < nw; j++)
			build_sentence(ex, &art[ex->wart[j]], j);
	}
	for (k = 0; k < n; k++)
		end_article(&art[k]);
	free(art);
}

/* The articles are read together EX_GROUP_BYTES of text at a time (one
 * at least): a window's worth and more, and a batch of huge articles
 * does not hold all their folds at once. */
int
cc_extract_batch(struct cc_extractor *ex, const struct cc_extract_job *jobs,
    size_t n)
{
	size_t	k, k1, bytes;

	cc_pack_jit(ex->pack);
	for (k = 0; k < n; k = k1) {
		bytes = jobs[k].a->len;
		for (k1 = k + 1; k1 < n && bytes + jobs[k1].a->len <=
		    EX_GROUP_BYTES; k1++)
			bytes += jobs[k1].a->len;
		extract_group(ex, jobs + k, k1 - k);
	}
	return CC_OK;
}

int
cc_extract_article(struct cc_extractor *ex, struct cc_article *a,
    struct cc_sentences *sents, struct cc_claims *out)
{
	struct cc_extract_job	job;

	job.a = a;
	job.sents = sents;
	job.out = out;
	return cc_extract_batch(ex, &job, 1);
}

/* --- rule examples ------------------------------------------------------ */

/* The claim's value of an expect key, as text, into b. */
static void
expect_actual(const struct cc_claim *c, const char *key, struct cc_buf *b)
{
	char	**slot;

	cc_buf_reset(b);
	if (strcmp(key, "value") == 0)
		cc_claim_value_str(c, b);
	else if (strcmp(key, "min") == 0) {
		if (c->has_min)
			cc_buf_add_json_num(b, c->vmin);
	} else if (strcmp(key, "max") == 0) {
		if (c->has_max)
			cc_buf_add_json_num(b, c->vmax);
	} else if (strcmp(key, "approx") == 0)
		cc_buf_adds(b, c->approx ? "true" : "false");
	else if (strcmp(key, "text") == 0)
		cc_buf_adds(b, c->text ? c->text : "");
	else if (strcmp(key, "time") == 0)
		cc_buf_adds(b, c->time_start ? c->time_start : "");
	else if ((slot = claim_slot((struct cc_claim *)c,
	    cc_pack_field(key))) != NULL &&
	    *slot != NULL)
		cc_buf_adds(b, *slot);
}

static void
example_fail(cc_diag_fn err, void *errarg, const struct cc_rule_example *e,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
example_fail(cc_diag_fn err, void *errarg, const struct cc_rule_example *e,
    const char *fmt, ...)
{
	struct cc_diag	d;
	va_list		ap;

	cc_diag_clear(&d);
	snprintf(d.file, sizeof d.file, "%s", e->file);
	d.line = e->line;
	d.col = e->col;
	va_start(ap, fmt);
	vsnprintf(d.msg, sizeof d.msg, fmt, ap);
	va_end(ap);
	if (err != NULL)
		err(&d, errarg);
}

/* Run rule r alone over one example; 1 if it behaves as promised. */
static int
check_example(struct cc_extractor *ex, const struct cc_rule *r,
    const struct cc_rule_example *e, cc_diag_fn err, void *errarg)
{
	struct cc_fold		 f;
	struct cc_sentences	 sents;
	struct cc_claims	 out;
	struct cc_buf		 b = CC_BUF_INIT;
	struct ex_doc		 doc;
	size_t			 i, k;
	int			 ok = 1, match;

	memset(&sents, 0, sizeof sents);
	memset(&out, 0, sizeof out);
	cc_fold(e->text, strlen(e->text), &f);
	cc_segment(f.s, f.len, &sents);
	memset(&doc, 0, sizeof doc);
	doc.name = "example";
	doc.name_len = strlen(doc.name);
	doc.f = &f;
	doc.orig = e->text;
	doc.lower = lower_copy(f.s, f.len);
	/* Examples resolve relative dates against a fixed day. */
	doc.ref.y = 2022, doc.ref.m = 10, doc.ref.d = 30;
	for (i = 0; i < sents.n; i++)
		if (cc_rule_triggered(r, doc.lower, sents.v[i].start,
		    sents.v[i].end))
			run_rule(ex, &doc, r, sents.v[i].start,
			    sents.v[i].end, &out);
	match = out.n > 0;
	if (!e->match && match) {
		example_fail(err, errarg, e, "rule %s: example must not match "
		    "but gave a claim: \"%s\"", r->id, out.v[0].text);
		ok = 0;
	} else if (e->match && !match) {
		example_fail(err, errarg, e, "rule %s: example did not match",
		    r->id);
		ok = 0;
	}
	for (k = 0; ok && match && k < e->nexpect; k++) {
		const struct cc_rule_field *x = &e->expect[k];

		if (strcmp(x->name, "count") == 0) {
			if ((size_t)atol(x->literal) != out.n) {
				example_fail(err, errarg, e, "rule %s: expected "
				    "%s claims, got %zu", r->id, x->literal,
				    out.n);
				ok = 0;
			}
			continue;
		}
		expect_actual(&out.v[0], x->name, &b);
		if (strcmp(b.data ? b.data : "", x->literal) != 0) {
			example_fail(err, errarg, e, "rule %s: expected %s "
			    "'%s', got '%s'", r->id, x->name, x->literal,
			    b.data ? b.data : "");
			ok = 0;
		}
	}
	cc_buf_release(&b);
	cc_claims_release(&out);
	cc_sentences_release(&sents);
	free(doc.speaker);
	free(doc.lower);
	cc_fold_release(&f);
	return ok;
}

int
cc_extract_check_examples(const struct cc_pack *pk, cc_diag_fn err,
    void *errarg, unsigned *npass, unsigned *nfail)
{
	struct cc_extractor	*ex = cc_extractor_new(pk);
	size_t			 r, e;

	cc_pack_jit(pk);
	*npass = *nfail = 0;
	for (r = 0; r < pk->nrules; r++)
		for (e = 0; e < pk->rules[r].nexamples; e++) {
			if (check_example(ex, &pk->rules[r],
			    &pk->rules[r].examples[e], err, errarg))
				(*npass)++;
			else
				(*nfail)++;
		}
	cc_extractor_free(ex);
	return *nfail == 0 ? CC_OK : CC_ERULE;
}
