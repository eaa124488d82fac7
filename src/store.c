/*
 * store.c - the claim store on SQLite (see store.h).  The only file that
 * speaks SQL.
 *
 * Layout: articles (one row per article name, with the rules hash it was
 * last extracted with), their texts (article_texts, one row each, apart
 * so that writing an article's dates does not rewrite its text), their
 * sentences and claims (deleted with the article or when its text
 * changes: foreign keys cascade, and the replace paths delete
 * explicitly), findings (replaced wholesale by each comparison, each
 * with the scope it was computed from), what the last comparison saw of
 * each article (compare_articles: a fingerprint and its claims' scopes,
 * for the next incremental comparison) and a small meta table of
 * generation counters.
 *
 * The schema version lives in PRAGMA user_version and the file is tagged
 * with PRAGMA application_id, so a stranger's database is refused rather
 * than written into.  Each version has a migration function; opening an
 * older store runs the missing ones in one transaction.
 *
 * The database runs in WAL mode with a busy timeout, so a second
 * claimcheck started on the same store waits for the first one's write
 * transaction instead of failing, and readers never block.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "store.h"
#include "xmalloc.h"

/* "CCk1" in the file header: marks a claimcheck store. */
#define STORE_APPLICATION_ID	0x43436b31
#define STORE_BUSY_MS		5000

/*
 * Every statement the store runs more than once, prepared on first use
 * and kept until close.  The schema scripts of the migrations are run
 * once with sqlite3_exec() instead.
 */
enum stmt_id {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	ST_ARTICLE_FIND,
	ST_ARTICLE_INSERT,
	ST_ARTICLE_UPDATE,
	ST_ARTICLE_GET,
	ST_TEXT_PUT,
	ST_ARTICLE_NAMES,
	ST_PENDING,
	ST_EXTRACTED,
	ST_SENTENCES_DELETE,
	ST_SENTENCE_INSERT,
	ST_SENTENCES_GET,
	ST_CLAIMS_DELETE,
	ST_CLAIM_INSERT,
	ST_CLAIMS_GET,
	ST_CLAIMS_OF_ARTICLE,
	ST_CLAIMS_BY_IDS,
	ST_CLAIM_SENTENCE,
	ST_FINDINGS_DELETE,
	ST_FINDING_INSERT,
	ST_FINDINGS_GET,
	ST_JSON_LIST,
	ST_META_GET,
	ST_META_SET,
	ST_META_BUMP,
	ST_LINEKEYS_DELETE,
	ST_LINEKEY_INSERT,
	ST_LINEKEYS_REPEATED,
	ST_LINEKEYS_STALE,
	ST_ARTICLES_META,
	ST_CMPSTATE_GET,
	ST_CMPSTATE_PUT,
	ST_CMPSTATE_CLEAR,
	ST_CLAIMS_BY_TYPE,
	ST_CLAIMS_KEPT,
	ST_KEEP_ARTICLE,
	ST_KEEP_KEY,
	ST_KEEP_SPEAKER,
	ST_CLAIM_STAMPS,
	ST__COUNT
};

/* The columns of a claim as get_claims() reads them; _NS without its
 * sentence (read as NULL: a big corpus cites millions of claims). */
#define CLAIM_COLS_HEAD "c.id, a.name, a.outlet, c.type, c.subject," \
	" c.measure, c.value_kind, c.vmin, c.vmax, c.approx, c.vtext," \
	" c.unit, c.time_start, c.time_end, c.granularity,"
#define CLAIM_GET_COLS CLAIM_COLS_HEAD " c.basis, c.speaker," \
	" c.reported_by, c.polarity, c.text, c.ev_start, c.ev_end," \
	" c.sentence, c.rule"
#define CLAIM_NS_COLS CLAIM_COLS_HEAD " c.basis, c.speaker," \
	" c.reported_by, c.polarity, c.text, c.ev_start, c.ev_end, NULL," \
	" c.rule"

/* The same without what the comparison never reads (basis, rule):
 * read as NULL. */
#define CLAIM_CMP_COLS CLAIM_COLS_HEAD " NULL, c.speaker," \
	" c.reported_by, c.polarity, c.text, c.ev_start, c.ev_end," \
	" c.sentence, NULL"

static const char *const stmt_sql[ST__COUNT] = {
	/* IMMEDIATE takes the write lock at once, so a concurrent writer
	 * waits here (busy timeout) rather than failing at its first
	 * write with a stale snapshot. */
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_SAVEPOINT] = "SAVEPOINT cc_put",
	[ST_RELEASE] = "RELEASE cc_put",
	[ST_ROLLBACK_TO] = "ROLLBACK TO cc_put",
	[ST_ARTICLE_FIND] = "SELECT id, hash FROM articles WHERE name = ?1",
	[ST_ARTICLE_INSERT] =
	    "INSERT INTO articles (name, path, format, outlet, outlet_basis,"
	    " url, published, title, author, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_ARTICLE_UPDATE] =
	    "UPDATE articles SET path = ?2, format = ?3, outlet = ?4,"
	    " outlet_basis = ?5, url = ?6, published = ?7, title = ?8,"
	    " author = ?9, hash = ?10, date = NULL,"
	    " date_min = NULL, date_max = NULL, date_basis = NULL,"
	    " extracted_with = NULL WHERE name = ?1",
	[ST_ARTICLE_GET] =
	    "SELECT a.name, a.path, a.format, a.outlet, a.outlet_basis, a.url,"
	    " a.published, a.title, a.author, t.text, a.hash, a.date,"
	    " a.date_min, a.date_max, a.date_basis FROM articles a"
	    " LEFT JOIN article_texts t ON t.article = a.id WHERE a.name = ?1",
	[ST_TEXT_PUT] =
	    "INSERT OR REPLACE INTO article_texts (article, text)"
	    " VALUES (?1, ?2)",
	[ST_ARTICLE_NAMES] = "SELECT name FROM articles ORDER BY name",
	[ST_PENDING] =
	    "SELECT name FROM articles WHERE extracted_with IS NULL"
	    " OR extracted_with <> ?1 ORDER BY name",
	[ST_EXTRACTED] =
	    "UPDATE articles SET date = ?2, date_min = ?3, date_max = ?4,"
	    " date_basis = ?5, extracted_with = ?6, outlet = ?7,"
	    " outlet_basis = ?8 WHERE id = ?1",
	[ST_SENTENCES_DELETE] = "DELETE FROM sentences WHERE article = ?1",
	[ST_SENTENCE_INSERT] =
	    "INSERT INTO sentences (article, seq, start, \"end\", para, boiler)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_SENTENCES_GET] =
	    "SELECT s.start, s.\"end\", s.para, s.boiler FROM sentences s"
	    " JOIN articles a ON a.id = s.article WHERE a.name = ?1"
	    " ORDER BY s.seq",
	[ST_CLAIMS_DELETE] = "DELETE FROM claims WHERE article = ?1",
	[ST_CLAIM_INSERT] =
	    "INSERT INTO claims (article, type, subject, measure, value_kind,"
	    " vmin, vmax, approx, vtext, unit, time_start, time_end,"
	    " granularity, basis, speaker, reported_by, polarity, text,"
	    " ev_start, ev_end, sentence, rule) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
	    " ?19, ?20, ?21, ?22)",
	[ST_CLAIMS_GET] =
	    "SELECT " CLAIM_GET_COLS " FROM claims c"
	    " JOIN articles a ON a.id = c.article"
	    " WHERE (?1 IS NULL OR a.name = ?1) AND (?2 IS NULL OR c.type = ?2)"
	    " ORDER BY c.id",
	/* The same columns for one article and for a list of ids, in
	 * statements of their own: "?1 IS NULL OR" keeps SQLite from using
	 * an index, and these run once per article or for many ids. */
	[ST_CLAIMS_OF_ARTICLE] =
	    "SELECT " CLAIM_GET_COLS " FROM articles a"
	    " JOIN claims c ON c.article = a.id"
	    " WHERE a.name = ?1 AND (?2 IS NULL OR c.type = ?2)"
	    " ORDER BY c.id",
	/* ids from ?1 to ?2 in id order: a few claims one at a time, many
	 * in one pass (cc_store_get_claims_by_ids()) */
	[ST_CLAIMS_BY_IDS] =
	    "SELECT " CLAIM_NS_COLS " FROM claims c"
	    " JOIN articles a ON a.id = c.article"
	    " WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id",
	[ST_CLAIM_SENTENCE] = "SELECT sentence FROM claims WHERE id = ?1",
	[ST_FINDINGS_DELETE] = "DELETE FROM findings",
	[ST_FINDING_INSERT] =
	    "INSERT INTO findings (position, id, kind, severity, key, claims,"
	    " outlets, summary, status, scope)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_FINDINGS_GET] =
	    "SELECT id, kind, severity, key, claims, outlets, summary, status,"
	    " scope FROM findings WHERE (?1 IS NULL OR kind = ?1)"
	    " ORDER BY position",
	[ST_JSON_LIST] =
	    "SELECT value FROM json_each(?1) ORDER BY CAST(key AS INTEGER)",
	[ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[ST_META_SET] =
	    "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[ST_META_BUMP] =
	    "INSERT INTO meta (key, value) VALUES (?1, '1')"
	    " ON CONFLICT (key) DO UPDATE SET"
	    " value = CAST(value AS INTEGER) + 1",
	[ST_LINEKEYS_DELETE] =
	    "DELETE FROM line_keys"
	    " WHERE article = (SELECT id FROM articles WHERE name = ?1)",
	[ST_LINEKEY_INSERT] =
	    "INSERT OR IGNORE INTO line_keys (article, key, boiler)"
	    " SELECT id, ?2, ?3 FROM articles WHERE name = ?1",
	[ST_LINEKEYS_REPEATED] =
	    "SELECT key FROM line_keys GROUP BY key HAVING count(*) > 1",
	/* Articles extracted with a line as furniture that no other
	 * article prints any more, or without it as furniture though
	 * another article now prints it. */
	[ST_LINEKEYS_STALE] =
	    "SELECT DISTINCT a.name FROM line_keys l"
	    " JOIN articles a ON a.id = l.article"
	    " WHERE l.boiler <> EXISTS (SELECT 1 FROM line_keys o"
	    "  WHERE o.key = l.key AND o.article <> l.article)"
	    " ORDER BY a.name",
	/* ST_ARTICLE_GET's columns without the text. */
	[ST_ARTICLES_META] =
	    "SELECT name, path, format, outlet, outlet_basis, url, published,"
	    " title, author, NULL, hash, date, date_min, date_max, date_basis"
	    " FROM articles ORDER BY name",
	[ST_CMPSTATE_GET] =
	    "SELECT name, fp, scopes FROM compare_articles ORDER BY name",
	[ST_CMPSTATE_PUT] =
	    "INSERT INTO compare_articles (name, fp, scopes) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (name) DO UPDATE SET fp = excluded.fp,"
	    " scopes = excluded.scopes",
	[ST_CMPSTATE_CLEAR] = "DELETE FROM compare_articles",
	/* The comparison reads claims a few types or an article at a
	 * time.  Types: one scan in id (rowid) order, not the type index
	 * and a sort of every row it gives. */
	[ST_CLAIMS_BY_TYPE] =
	    "SELECT " CLAIM_CMP_COLS " FROM claims c NOT INDEXED"
	    " JOIN articles a ON a.id = c.article"
	    " WHERE c.type IN (?1, ?2, ?3, ?4) ORDER BY c.id",
	/* The same, only the claims a cc_claim_keep names (the temporary
	 * tables of keep_fill()); still one scan, as the few that are
	 * wanted are spread over the whole table. */
	[ST_CLAIMS_KEPT] =
	    "SELECT " CLAIM_CMP_COLS " FROM claims c NOT INDEXED"
	    " JOIN articles a ON a.id = c.article"
	    " WHERE c.type IN (?1, ?2, ?3, ?4)"
	    " AND (instr(c.subject, '/') > 0"
	    " OR c.article IN (SELECT id FROM articles"
	    "  WHERE name IN temp.cc_keep_article)"
	    " OR (c.type, c.subject) IN (SELECT type, subject"
	    "  FROM temp.cc_keep_key)"
	    " OR (c.type = 'quote' AND c.speaker IN temp.cc_keep_speaker))"
	    " ORDER BY c.id",
	[ST_KEEP_ARTICLE] =
	    "INSERT OR IGNORE INTO temp.cc_keep_article VALUES (?1)",
	[ST_KEEP_KEY] =
	    "INSERT OR IGNORE INTO temp.cc_keep_key VALUES (?1, ?2)",
	[ST_KEEP_SPEAKER] =
	    "INSERT OR IGNORE INTO temp.cc_keep_speaker VALUES (?1)",
	/* Claim ids are never reused: their count, sum and largest say
	 * whether an article's claims changed. */
	[ST_CLAIM_STAMPS] =
	    "SELECT a.name, count(c.id) || ':' || total(c.id) || ':' ||"
	    " ifnull(max(c.id), 0) FROM articles a"
	    " LEFT JOIN claims c ON c.article = a.id"
	    " GROUP BY a.id ORDER BY a.name",
};

/*
 * Rows of claims and sentences go in one INSERT a row.  An INSERT of
 * many rows saves the statement's start and end per row, but a
 * statement that writes several rows and may fail half-way (a NOT NULL
 * or foreign key check) keeps a statement journal of every page it
 * changes, which SQLite writes to a temporary file once it passes 64 KB
 * (four of our pages): with the savepoints of save_begin(), 44,614 of
 * the 49,982 pwrite() calls of a 2,000-article extraction went there.
 * One row a statement and no savepoint per article took extract -j 1
 * of 10,000 articles from 4.15 to 3.73 s.
 */

struct cc_store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[ST__COUNT];
	struct cc_diag	 diag;
	/* a write inside cc_store_begin()'s transaction failed part-way
	 * (save_end()): only a rollback may end it */
	int		 broken;
};

/*
 * Migrations: migrations[i] brings a store from version i to i + 1.  A
 * released version's function never changes; a schema change is a new
 * function appended here.
 */
static const char schema_v1[] =
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT"
	");"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  path TEXT, format TEXT, outlet TEXT, outlet_basis TEXT,"
	"  url TEXT, published TEXT, title TEXT, author TEXT,"
	"  text TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  date TEXT, date_min TEXT, date_max TEXT, date_basis TEXT,"
	"  extracted_with TEXT"		/* rules hash; NULL: pending */
	");"
	"CREATE TABLE sentences ("
	"  article INTEGER NOT NULL REFERENCES articles (id)"
	"    ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  start INTEGER NOT NULL,"
	"  \"end\" INTEGER NOT NULL,"
	"  para INTEGER NOT NULL,"
	"  boiler INTEGER NOT NULL,"
	"  PRIMARY KEY (article, seq)"
	") WITHOUT ROWID;"
	/* AUTOINCREMENT: a claim id is never handed out twice in one store,
	 * so an id quoted in a review or a report cannot come to mean a
	 * different claim after an article changes. */
	"CREATE TABLE claims ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  article INTEGER NOT NULL REFERENCES articles (id)"
	"    ON DELETE CASCADE,"
	"  type TEXT, subject TEXT, measure TEXT,"
	"  value_kind TEXT,"		/* 'number', 'text' or NULL */
	"  vmin REAL, vmax REAL,"	/* NULL: open end */
	"  approx INTEGER NOT NULL DEFAULT 0,"
	"  vtext TEXT, unit TEXT,"
	"  time_start TEXT, time_end TEXT, granularity TEXT, basis TEXT,"
	"  speaker TEXT, reported_by TEXT, polarity TEXT, text TEXT,"
	"  ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL,"
	"  sentence TEXT, rule TEXT"
	");"
	"CREATE INDEX claims_key ON claims (type, subject, measure);"
	"CREATE INDEX claims_article ON claims (article);"
	/* Claim and outlet lists are JSON arrays: a finding is written and
	 * read as a whole, never queried by member. */
	"CREATE TABLE findings ("
	"  position INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  severity TEXT, key TEXT,"
	"  claims TEXT NOT NULL DEFAULT '[]',"
	"  outlets TEXT NOT NULL DEFAULT '[]',"
	"  summary TEXT,"
	"  status TEXT NOT NULL DEFAULT 'new'"
	");"
	"CREATE INDEX findings_kind ON findings (kind);";

/* Version 2: keys of the short lines each article prints (boiler.c),
 * so furniture shared by an outlet's articles is found in the corpus. */
static const char schema_v2[] =
	"CREATE TABLE line_keys ("
	"  article INTEGER NOT NULL REFERENCES articles (id)"
	"    ON DELETE CASCADE,"
	"  key INTEGER NOT NULL,"
	"  boiler INTEGER NOT NULL,"	/* extracted as furniture */
	"  PRIMARY KEY (article, key)"
	") WITHOUT ROWID;"
	"CREATE INDEX line_keys_key ON line_keys (key);"
	/* Articles extracted before have no keys: extract them again. */
	"UPDATE articles SET extracted_with = NULL;";

/* Version 3: what the last comparison saw of each article, so the next
 * one redoes only the findings the changed articles can reach
 * (compare.h, "Incremental"); each finding's scope.  Findings of an
 * older store have none: the next comparison is a full one. */
static const char schema_v3[] =
	"ALTER TABLE findings ADD COLUMN scope TEXT;"
	"CREATE TABLE compare_articles ("
	"  name TEXT PRIMARY KEY,"
	"  fp TEXT NOT NULL,"		/* claims and dates it was compared with */
	"  scopes TEXT NOT NULL"	/* its claims' scopes, one per line */
	") WITHOUT ROWID;";

/* Version 4: no index on the claim key.  Every reader of claims by type
 * scans the table (the comparison reads a type's claims whole), and
 * keeping the index up to date was a fifth of extraction's time with
 * two jobs. */
static const char schema_v4[] =
	"DROP INDEX IF EXISTS claims_key;";

/* Version 5: each article's text in a table of its own.  SQLite writes
 * a row whole when one of its columns changes, and extraction sets
 * every article's dates: with the text in the row, that rewrote a page
 * (and its copy in the WAL) per article; without it, some twenty
 * articles share a page.  Readers of names, outlets and dates (every
 * claim query joins articles) read those pages only.  The articles
 * table is built anew rather than losing its column to ALTER TABLE
 * DROP COLUMN, which leaves each row on its own page, nearly empty.
 * (Dropping the old table would delete every claim and sentence through
 * the foreign keys: migrate() runs with them off.) */
static const char schema_v5[] =
	"CREATE TABLE article_texts ("
	"  article INTEGER PRIMARY KEY REFERENCES articles (id)"
	"    ON DELETE CASCADE,"
	"  text TEXT NOT NULL"
	");"
	"INSERT INTO article_texts (article, text)"
	"  SELECT id, text FROM articles;"
	"CREATE TABLE articles_v5 ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  path TEXT, format TEXT, outlet TEXT, outlet_basis TEXT,"
	"  url TEXT, published TEXT, title TEXT, author TEXT,"
	"  hash TEXT NOT NULL,"
	"  date TEXT, date_min TEXT, date_max TEXT, date_basis TEXT,"
	"  extracted_with TEXT"
	");"
	"INSERT INTO articles_v5 (id, name, path, format, outlet,"
	"  outlet_basis, url, published, title, author, hash, date, date_min,"
	"  date_max, date_basis, extracted_with)"
	"  SELECT id, name, path, format, outlet, outlet_basis, url,"
	"  published, title, author, hash, date, date_min, date_max,"
	"  date_basis, extracted_with FROM articles ORDER BY id;"
	"DROP TABLE articles;"
	"ALTER TABLE articles_v5 RENAME TO articles;";

static int	migrate_v1(struct cc_store *);
static int	migrate_v2(struct cc_store *);
static int	migrate_v3(struct cc_store *);
static int	migrate_v4(struct cc_store *);
static int	migrate_v5(struct cc_store *);
static int	migrate_locked(struct cc_store *);

static int (*const migrations[])(struct cc_store *) = {
	migrate_v1,
	migrate_v2,
	migrate_v3,
	migrate_v4,
	migrate_v5,
};
#define STORE_VERSION	((int)(sizeof migrations / sizeof migrations[0]))

/* Record the database's last error for the caller, naming the file. */
static int
store_fail(struct cc_store *s, const char *what)
{
	cc_diag_set(&s->diag, NULL, 0, 0, "%s: %s%s%s", s->path,
	    what != NULL ? what : "", what != NULL ? ": " : "",
	    sqlite3_errmsg(s->db));
	return CC_ESTORE;
}

static sqlite3_stmt *
stmt_get(struct cc_store *s, enum stmt_id id)
{
	if (s->stmt[id] == NULL &&
	    sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL) != SQLITE_OK) {
		store_fail(s, "prepare");
		s->stmt[id] = NULL;
	}
	return s->stmt[id];
}

/* Make a statement ready for its next use (and drop borrowed strings). */
static void
stmt_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows to completion. */
static int
stmt_run(struct cc_store *s, sqlite3_stmt *st)
{
	int	rc;

	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? CC_OK : CC_ESTORE;
}

/* Run a statement whose parameters were bound (brc: the first binding's
 * error), naming what in the message of a failed binding. */
static int
stmt_run_bound(struct cc_store *s, sqlite3_stmt *st, int brc,
    const char *what)
{
	if (brc != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, what);
	}
	return stmt_run(s, st);
}

/* Run a parameterless statement. */
static int
stmt_exec(struct cc_store *s, enum stmt_id id)
{
	sqlite3_stmt	*st;

	if ((st = stmt_get(s, id)) == NULL)
		return CC_ESTORE;
	return stmt_run(s, st);
}

/*
 * Binding.  The helpers keep the first failure in *brc so a run of binds
 * is checked once.  Strings are bound SQLITE_STATIC: they outlive the
 * statement's use, and stmt_done() clears the bindings afterwards.
 */
static void
bind_str(sqlite3_stmt *st, int i, const char *v, int *brc)
{
	if (*brc != SQLITE_OK)
		return;
	if (v == NULL)
		*brc = sqlite3_bind_null(st, i);
	else
		*brc = sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* The statement id with one text parameter bound, ready to step; NULL
 * (the failure recorded) if it cannot be prepared or bound. */
static sqlite3_stmt *
stmt_get_str(struct cc_store *s, enum stmt_id id, const char *v)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK;

	if ((st = stmt_get(s, id)) == NULL)
		return NULL;
	bind_str(st, 1, v, &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		store_fail(s, NULL);
		return NULL;
	}
	return st;
}

static void
bind_int(sqlite3_stmt *st, int i, int64_t v, int *brc)
{
	if (*brc == SQLITE_OK)
		*brc = sqlite3_bind_int64(st, i, v);
}

static void
bind_real(sqlite3_stmt *st, int i, double v, int has, int *brc)
{
	if (*brc != SQLITE_OK)
		return;
	*brc = has ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

/* Column i as a fresh string, or NULL for SQL NULL. */
static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*p;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	p = sqlite3_column_text(st, i);
	return xstrndup(p != NULL ? (const char *)p : "",
	    (size_t)sqlite3_column_bytes(st, i));
}

/*
 * Each write of several statements is all-or-nothing.  On its own (no
 * transaction open) a savepoint makes it so.  Inside the caller's
 * transaction (cc_store_begin()) it takes none: SQLite keeps a
 * savepoint's journal of every page it changes, in a temporary file
 * past 64 KB, and the rows of one article after another change the
 * same few pages at the end of each table again and again (ingesting
 * 10,000 articles wrote 33,249 pages to it, extracting 2,000 another
 * 17,500).  A failure after the first write breaks the transaction
 * instead: cc_store_commit() rolls it back, so nothing half-written is
 * ever committed.  CC_ENOTFOUND is returned before any write.
 */
static int
save_begin(struct cc_store *s, int *own)
{
	*own = sqlite3_get_autocommit(s->db);
	return *own ? stmt_exec(s, ST_SAVEPOINT) : CC_OK;
}

static int
save_end(struct cc_store *s, int own, int rc)
{
	struct cc_diag	saved;

	if (!own) {
		if (rc != CC_OK && rc != CC_ENOTFOUND)
			s->broken = 1;
		return rc;
	}
	if (rc == CC_OK)
		return stmt_exec(s, ST_RELEASE);
	/* Undo, but report the first failure, not the undo's. */
	saved = s->diag;
	stmt_exec(s, ST_ROLLBACK_TO);
	stmt_exec(s, ST_RELEASE);
	s->diag = saved;
	return rc;
}

static int
meta_bump(struct cc_store *s, const char *key)
{
	sqlite3_stmt	*st;

	if ((st = stmt_get_str(s, ST_META_BUMP, key)) == NULL)
		return CC_ESTORE;
	return stmt_run(s, st);
}

static int
migrate_v2(struct cc_store *s)
{
	if (sqlite3_exec(s->db, schema_v2, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "adding line keys to the schema");
	return CC_OK;
}

static int
migrate_v3(struct cc_store *s)
{
	if (sqlite3_exec(s->db, schema_v3, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "adding comparison state to the schema");
	return CC_OK;
}

static int
migrate_v4(struct cc_store *s)
{
	if (sqlite3_exec(s->db, schema_v4, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "dropping the claim key index");
	return CC_OK;
}

static int
migrate_v5(struct cc_store *s)
{
	if (sqlite3_exec(s->db, schema_v5, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "moving article texts to their own table");
	return CC_OK;
}

static int
migrate_v1(struct cc_store *s)
{
	if (sqlite3_exec(s->db, schema_v1, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "creating the schema");
	return CC_OK;
}

/* Read one integer: the first column of sql's first row. */
static int
pragma_int(struct cc_store *s, const char *sql, int *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return CC_ESTORE;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CC_OK : CC_ESTORE;
}

/*
 * Decide whether the file is a claimcheck store we can use; version is
 * its schema version (0 for a new, empty database).
 */
static int
check_identity(struct cc_store *s, int *version)
{
	sqlite3_stmt	*st = NULL;
	int		 appid = 0, ntables = 0, rc;

	/* One statement, so one snapshot: read one by one, the three could
	 * straddle another run's creating the store (no version yet, but
	 * tables) and call it a stranger's. */
	rc = sqlite3_prepare_v2(s->db, "SELECT (SELECT user_version FROM"
	    " pragma_user_version), (SELECT application_id FROM"
	    " pragma_application_id), (SELECT count(*) FROM sqlite_master)",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		appid = sqlite3_column_int(st, 1);
		ntables = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		rc = sqlite3_errcode(s->db);
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
			cc_diag_set(&s->diag, NULL, 0, 0,
			    "%s: not a claimcheck store (%s)", s->path,
			    sqlite3_errmsg(s->db));
			return CC_EFORMAT;
		}
		return store_fail(s, "reading the schema version");
	}
	if ((*version == 0 && ntables > 0) ||
	    (*version > 0 && appid != STORE_APPLICATION_ID)) {
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: not a claimcheck store "
		    "(an SQLite database of another program)", s->path);
		return CC_EFORMAT;
	}
	if (*version > STORE_VERSION) {
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: claim store has schema "
		    "version %d, but this claimcheck knows only up to %d; "
		    "use a newer claimcheck or another --db", s->path,
		    *version, STORE_VERSION);
		return CC_EFORMAT;
	}
	return CC_OK;
}

/*
 * Bring the schema up to STORE_VERSION in one write transaction.  Foreign
 * keys are off meanwhile (SQLite ignores the pragma inside a transaction),
 * as a migration may rebuild a table others refer to; the rows are
 * checked against them before the commit.
 */
static int
migrate(struct cc_store *s)
{
	int	rc;

	if (sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL,
	    NULL) != SQLITE_OK)
		return store_fail(s, "migrating");
	rc = migrate_locked(s);
	if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL,
	    NULL) != SQLITE_OK && rc == CC_OK)
		rc = store_fail(s, "migrating");
	return rc;
}

static int
migrate_locked(struct cc_store *s)
{
	struct cc_diag	saved;
	char		sql[96];
	int		version, rc, i, bad;

	if (stmt_exec(s, ST_BEGIN) != CC_OK)
		return CC_ESTORE;
	/* Re-read under the write lock: another process may have created
	 * or migrated the store since we looked. */
	if ((rc = check_identity(s, &version)) != CC_OK)
		goto out;
	for (i = version; i < STORE_VERSION && rc == CC_OK; i++)
		rc = migrations[i](s);
	/* (rows to check: a store that was there, and not migrated by
	 * another run while this one waited for the lock) */
	if (rc == CC_OK && version > 0 && version < STORE_VERSION) {
		if ((rc = pragma_int(s, "SELECT count(*) FROM"
		    " pragma_foreign_key_check", &bad)) == CC_OK && bad > 0) {
			cc_diag_set(&s->diag, NULL, 0, 0, "%s: migrating: %d "
			    "rows refer to missing rows", s->path, bad);
			rc = CC_ESTORE;
		}
	}
	if (rc == CC_OK && version < STORE_VERSION) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; "
		    "PRAGMA application_id = %d", STORE_VERSION,
		    STORE_APPLICATION_ID);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			rc = store_fail(s, "setting the schema version");
	}
out:
	if (rc == CC_OK)
		return stmt_exec(s, ST_COMMIT);
	saved = s->diag;
	cc_store_rollback(s);
	s->diag = saved;
	return rc;
}

/*
 * The connection's settings.  Turning a new store to WAL takes a lock
 * for a moment, and SQLite answers SQLITE_BUSY at once, without the
 * busy handler, when another run is opening it too: try again for the
 * busy timeout.
 *
 * A new store gets pages of 16 KB (an existing one keeps its own; WAL
 * forbids changing it): the store is written in long runs of appended
 * rows, and against SQLite's 4 KB, 16 KB pages took 11-14 % off
 * extraction's time at 10,000 articles (fewer pages, WAL frames and
 * B-tree levels per claim).
 */
static int
setup(struct cc_store *s)
{
	int	rc, waited;

	for (waited = 0; ; waited += 10) {
		rc = sqlite3_exec(s->db, "PRAGMA page_size = 16384; "
		    "PRAGMA journal_mode = WAL; "
		    "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
		    NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= STORE_BUSY_MS)
			return rc;
		sqlite3_sleep(10);
	}
}

int
cc_store_open(const char *path, struct cc_store **out, struct cc_diag *d)
{
	struct cc_store	*s;
	int		 version, rc;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	/* One thread uses a store (extraction's workers never touch it):
	 * no mutex around every call. */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		if (s->db == NULL)
			cc_diag_set(&s->diag, NULL, 0, 0, "%s: out of memory",
			    path);
		else
			store_fail(s, "cannot open");
		rc = CC_ESTORE;
		goto out;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	/* Look before writing anything (even the journal mode) into a file
	 * that may not be ours. */
	if ((rc = check_identity(s, &version)) != CC_OK)
		goto out;
	if (setup(s) != SQLITE_OK) {
		rc = store_fail(s, "setting up");
		goto out;
	}
	/* Up to date: no write lock, so a reader never waits for a run
	 * that is writing. */
	if (version < STORE_VERSION)
		rc = migrate(s);
out:
	if (rc != CC_OK) {
		if (d != NULL)
			*d = s->diag;
		cc_store_close(s);
		return rc;
	}
	*out = s;
	return CC_OK;
}

void
cc_store_close(struct cc_store *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	/* An open transaction here means a command failed half-way:
	 * closing rolls it back, which is what we want. */
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const struct cc_diag *
cc_store_diag(const struct cc_store *s)
{
	return &s->diag;
}

int
cc_store_schema_version(void)
{
	return STORE_VERSION;
}

void
cc_store_set_busy_timeout(struct cc_store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms);
}

int
cc_store_begin(struct cc_store *s)
{
	s->broken = 0;
	return stmt_exec(s, ST_BEGIN);
}

int
cc_store_commit(struct cc_store *s)
{
	if (s->broken) {
		cc_store_rollback(s);
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: a write failed part-way;"
		    " the transaction was rolled back", s->path);
		return CC_ESTORE;
	}
	return stmt_exec(s, ST_COMMIT);
}

int
cc_store_rollback(struct cc_store *s)
{
	/* Rolling back nothing is not an error: error paths call this
	 * without knowing how far they got. */
	s->broken = 0;
	if (sqlite3_get_autocommit(s->db))
		return CC_OK;
	return stmt_exec(s, ST_ROLLBACK);
}

/* Id of article name (0 if absent) and, if hash is not NULL, its hash. */
static int
article_find(struct cc_store *s, const char *name, int64_t *id,
    char hash[CC_HASH_HEXLEN + 1])
{
	sqlite3_stmt	*st;
	const char	*h;
	int		 rc;

	*id = 0;
	if ((st = stmt_get_str(s, ST_ARTICLE_FIND, name)) == NULL)
		return CC_ESTORE;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (hash != NULL) {
			h = (const char *)sqlite3_column_text(st, 1);
			snprintf(hash, CC_HASH_HEXLEN + 1, "%s",
			    h != NULL ? h : "");
		}
	} else if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

static int
delete_by_article(struct cc_store *s, enum stmt_id id, int64_t article)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK;

	if ((st = stmt_get(s, id)) == NULL)
		return CC_ESTORE;
	bind_int(st, 1, article, &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, NULL);
	}
	return stmt_run(s, st);
}

int
cc_store_put_article(struct cc_store *s, const struct cc_article *a,
    int *changed)
{
	sqlite3_stmt	*st;
	char		 old[CC_HASH_HEXLEN + 1], hash[CC_HASH_HEXLEN + 1];
	int64_t		 id;
	int		 brc = SQLITE_OK, rc, own;

	*changed = 0;
	/* A reader that forgot the hash must not make every article look
	 * unchanged: fall back to the text's own hash. */
	if (a->hash[0] != '\0')
		memcpy(hash, a->hash, sizeof hash);
	else
		cc_hash_hex(a->text, a->len, hash);
	if ((rc = save_begin(s, &own)) != CC_OK)
		return rc;
	if ((rc = article_find(s, a->name, &id, old)) != CC_OK)
		goto out;
	if (id != 0 && strcmp(old, hash) == 0)
		goto out;

	if (id != 0) {
		/* The old claims described the old text. */
		if ((rc = delete_by_article(s, ST_SENTENCES_DELETE,
		    id)) != CC_OK ||
		    (rc = delete_by_article(s, ST_CLAIMS_DELETE, id)) != CC_OK ||
		    (rc = meta_bump(s, "claims_gen")) != CC_OK)
			goto out;
	}
	if ((st = stmt_get(s, id != 0 ? ST_ARTICLE_UPDATE :
	    ST_ARTICLE_INSERT)) == NULL) {
		rc = CC_ESTORE;
		goto out;
	}
	bind_str(st, 1, a->name, &brc);
	bind_str(st, 2, a->path, &brc);
	bind_str(st, 3, a->format, &brc);
	bind_str(st, 4, a->outlet, &brc);
	bind_str(st, 5, a->outlet_basis, &brc);
	bind_str(st, 6, a->url, &brc);
	bind_str(st, 7, a->published, &brc);
	bind_str(st, 8, a->title, &brc);
	bind_str(st, 9, a->author, &brc);
	bind_str(st, 10, hash, &brc);
	if ((rc = stmt_run_bound(s, st, brc, a->name)) != CC_OK)
		goto out;
	if (id == 0)
		id = sqlite3_last_insert_rowid(s->db);
	if ((st = stmt_get(s, ST_TEXT_PUT)) == NULL) {
		rc = CC_ESTORE;
		goto out;
	}
	bind_int(st, 1, id, &brc);
	if (brc == SQLITE_OK)
		brc = sqlite3_bind_text64(st, 2, a->text != NULL ? a->text :
		    "", a->text != NULL ? a->len : 0, SQLITE_STATIC,
		    SQLITE_UTF8);
	if ((rc = stmt_run_bound(s, st, brc, a->name)) != CC_OK)
		goto out;
	*changed = 1;
out:
	rc = save_end(s, own, rc);
	if (rc != CC_OK)
		*changed = 0;
	return rc;
}

/* Collect column 0 of every row of st as strings. */
static int
collect_names(struct cc_store *s, sqlite3_stmt *st, char ***names,
    size_t *n)
{
	char	**v = NULL;
	size_t	  nv = 0, i;
	int	  rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, nv + 1, sizeof *v);
		v[nv++] = col_str(st, 0);
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, NULL);
		stmt_done(st);
		for (i = 0; i < nv; i++)
			free(v[i]);
		free(v);
		*names = NULL;
		*n = 0;
		return CC_ESTORE;
	}
	stmt_done(st);
	*names = v;
	*n = nv;
	return CC_OK;
}

int
cc_store_pending(struct cc_store *s, const char *rules_hash, char ***names,
    size_t *n)
{
	sqlite3_stmt	*st;

	*names = NULL;
	*n = 0;
	if ((st = stmt_get_str(s, ST_PENDING,
	    rules_hash != NULL ? rules_hash : "")) == NULL)
		return CC_ESTORE;
	return collect_names(s, st, names, n);
}

int
cc_store_put_line_keys(struct cc_store *s, const char *name,
    const uint64_t *keys, const unsigned char *boiler, size_t n)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 brc;

	if ((st = stmt_get_str(s, ST_LINEKEYS_DELETE, name)) == NULL ||
	    stmt_run(s, st) != CC_OK)
		return CC_ESTORE;
	for (i = 0; i < n; i++) {
		if ((st = stmt_get(s, ST_LINEKEY_INSERT)) == NULL)
			return CC_ESTORE;
		brc = SQLITE_OK;
		bind_str(st, 1, name, &brc);
		bind_int(st, 2, (int64_t)keys[i], &brc);
		bind_int(st, 3, boiler[i] != 0, &brc);
		if (brc != SQLITE_OK) {
			stmt_done(st);
			return store_fail(s, NULL);
		}
		if (stmt_run(s, st) != CC_OK)
			return CC_ESTORE;
	}
	return CC_OK;
}

int
cc_store_repeated_line_keys(struct cc_store *s, struct cc_lineset *set)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = stmt_get(s, ST_LINEKEYS_REPEATED)) == NULL)
		return CC_ESTORE;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cc_lineset_add(set, (uint64_t)sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

/* The article names a parameterless statement lists. */
static int
names_of(struct cc_store *s, enum stmt_id id, char ***names, size_t *n)
{
	sqlite3_stmt	*st;

	*names = NULL;
	*n = 0;
	if ((st = stmt_get(s, id)) == NULL)
		return CC_ESTORE;
	return collect_names(s, st, names, n);
}

int
cc_store_line_keys_stale(struct cc_store *s, char ***names, size_t *n)
{
	return names_of(s, ST_LINEKEYS_STALE, names, n);
}

int
cc_store_article_names(struct cc_store *s, char ***names, size_t *n)
{
	return names_of(s, ST_ARTICLE_NAMES, names, n);
}

static void	article_row(sqlite3_stmt *, struct cc_article *);

int
cc_store_get_article(struct cc_store *s, const char *name,
    struct cc_article *a)
{
	sqlite3_stmt	*st;
	int		 rc;

	cc_article_init(a);
	if ((st = stmt_get_str(s, ST_ARTICLE_GET, name)) == NULL)
		return CC_ESTORE;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		stmt_done(st);
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: no article named '%s'",
		    s->path, name);
		return CC_ENOTFOUND;
	}
	if (rc != SQLITE_ROW) {
		store_fail(s, NULL);
		stmt_done(st);
		return CC_ESTORE;
	}
	article_row(st, a);
	if (a->text == NULL)
		a->text = xstrdup("");
	stmt_done(st);
	return CC_OK;
}

/* Fill a from a row of ST_ARTICLE_GET's columns (a NULL text is read
 * as none: len 0). */
static void
article_row(sqlite3_stmt *st, struct cc_article *a)
{
	const char	*h;

	a->name = col_str(st, 0);
	a->path = col_str(st, 1);
	a->format = col_str(st, 2);
	a->outlet = col_str(st, 3);
	a->outlet_basis = col_str(st, 4);
	a->url = col_str(st, 5);
	a->published = col_str(st, 6);
	a->title = col_str(st, 7);
	a->author = col_str(st, 8);
	a->text = col_str(st, 9);
	a->len = a->text != NULL ? (size_t)sqlite3_column_bytes(st, 9) : 0;
	h = (const char *)sqlite3_column_text(st, 10);
	snprintf(a->hash, sizeof a->hash, "%s", h != NULL ? h : "");
	a->date = col_str(st, 11);
	a->date_min = col_str(st, 12);
	a->date_max = col_str(st, 13);
	a->date_basis = col_str(st, 14);
}

int
cc_store_articles_meta(struct cc_store *s, struct cc_article **out,
    size_t *n)
{
	struct cc_article	*v = NULL;
	sqlite3_stmt		*st;
	size_t			 nv = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((st = stmt_get(s, ST_ARTICLES_META)) == NULL)
		return CC_ESTORE;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nv == cap) {
			cap = cap ? cap * 2 : 256;
			v = xreallocarray(v, cap, sizeof *v);
		}
		cc_article_init(&v[nv]);
		article_row(st, &v[nv++]);
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, NULL);
		while (nv > 0)
			cc_article_release(&v[--nv]);
		free(v);
		return CC_ESTORE;
	}
	*out = v;
	*n = nv;
	return CC_OK;
}

static void
bind_sentence(sqlite3_stmt *st, int64_t article, size_t seq,
    const struct cc_sentence *sn, int *brc)
{
	bind_int(st, 1, article, brc);
	bind_int(st, 2, (int64_t)seq, brc);
	bind_int(st, 3, (int64_t)sn->start, brc);
	bind_int(st, 4, (int64_t)sn->end, brc);
	bind_int(st, 5, sn->para, brc);
	bind_int(st, 6, sn->boiler ? 1 : 0, brc);
}

static int
put_sentences(struct cc_store *s, int64_t article,
    const struct cc_sentences *ss)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 brc, rc;

	if (ss == NULL)
		return CC_OK;
	for (i = 0; i < ss->n; i++) {
		if ((st = stmt_get(s, ST_SENTENCE_INSERT)) == NULL)
			return CC_ESTORE;
		brc = SQLITE_OK;
		bind_sentence(st, article, i, &ss->v[i], &brc);
		if ((rc = stmt_run_bound(s, st, brc, NULL)) != CC_OK)
			return rc;
	}
	return CC_OK;
}

static const char *
value_kind_name(enum cc_value_kind k)
{
	switch (k) {
	case CC_VALUE_NUMBER:
		return "number";
	case CC_VALUE_TEXT:
		return "text";
	case CC_VALUE_NONE:
		break;
	}
	return NULL;
}

static void
bind_claim(sqlite3_stmt *st, int64_t article,
    const struct cc_claim *c, int *brc)
{
	int	num = c->value_kind == CC_VALUE_NUMBER;

	bind_int(st, 1, article, brc);
	bind_str(st, 2, c->type, brc);
	bind_str(st, 3, c->subject, brc);
	bind_str(st, 4, c->measure, brc);
	bind_str(st, 5, value_kind_name(c->value_kind), brc);
	bind_real(st, 6, c->vmin, num && c->has_min, brc);
	bind_real(st, 7, c->vmax, num && c->has_max, brc);
	bind_int(st, 8, num && c->approx, brc);
	bind_str(st, 9, c->vtext, brc);
	bind_str(st, 10, c->unit, brc);
	bind_str(st, 11, c->time_start, brc);
	bind_str(st, 12, c->time_end, brc);
	bind_str(st, 13, c->granularity, brc);
	bind_str(st, 14, c->basis, brc);
	bind_str(st, 15, c->speaker, brc);
	bind_str(st, 16, c->reported_by, brc);
	bind_str(st, 17, c->polarity, brc);
	bind_str(st, 18, c->text, brc);
	bind_int(st, 19, (int64_t)c->ev_start, brc);
	bind_int(st, 20, (int64_t)c->ev_end, brc);
	bind_str(st, 21, c->sentence, brc);
	bind_str(st, 22, c->rule, brc);
}

/* Store claims v[0..n) of the article, setting their ids. */
static int
put_claims(struct cc_store *s, int64_t article, struct cc_claim *v,
    size_t n)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 brc, rc;

	for (i = 0; i < n; i++) {
		if ((st = stmt_get(s, ST_CLAIM_INSERT)) == NULL)
			return CC_ESTORE;
		brc = SQLITE_OK;
		bind_claim(st, article, &v[i], &brc);
		if ((rc = stmt_run_bound(s, st, brc, NULL)) != CC_OK)
			return rc;
		v[i].id = sqlite3_last_insert_rowid(s->db);
	}
	return CC_OK;
}

int
cc_store_put_extraction(struct cc_store *s, const struct cc_article *a,
    const char *rules_hash, const struct cc_sentences *ss,
    struct cc_claims *claims)
{
	sqlite3_stmt	*st;
	int64_t		 id;
	size_t		 i;
	int		 brc = SQLITE_OK, rc, own;

	if ((rc = save_begin(s, &own)) != CC_OK)
		return rc;
	if ((rc = article_find(s, a->name, &id, NULL)) != CC_OK)
		goto out;
	if (id == 0) {
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: no article named '%s'",
		    s->path, a->name);
		rc = CC_ENOTFOUND;
		goto out;
	}
	if ((rc = delete_by_article(s, ST_SENTENCES_DELETE, id)) != CC_OK ||
	    (rc = delete_by_article(s, ST_CLAIMS_DELETE, id)) != CC_OK ||
	    (rc = put_sentences(s, id, ss)) != CC_OK)
		goto out;
	if (claims != NULL &&
	    (rc = put_claims(s, id, claims->v, claims->n)) != CC_OK)
		goto out;
	if ((st = stmt_get(s, ST_EXTRACTED)) == NULL) {
		rc = CC_ESTORE;
		goto out;
	}
	bind_int(st, 1, id, &brc);
	bind_str(st, 2, a->date, &brc);
	bind_str(st, 3, a->date_min, &brc);
	bind_str(st, 4, a->date_max, &brc);
	bind_str(st, 5, a->date_basis, &brc);
	bind_str(st, 6, rules_hash != NULL ? rules_hash : "", &brc);
	bind_str(st, 7, a->outlet, &brc);
	bind_str(st, 8, a->outlet_basis, &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		rc = store_fail(s, NULL);
		goto out;
	}
	if ((rc = stmt_run(s, st)) != CC_OK)
		goto out;
	rc = meta_bump(s, "claims_gen");
out:
	rc = save_end(s, own, rc);
	/* Ids of rows that were rolled back mean nothing. */
	if (rc != CC_OK && claims != NULL)
		for (i = 0; i < claims->n; i++)
			claims->v[i].id = 0;
	return rc;
}

int
cc_store_add_claims(struct cc_store *s, const char *name,
    struct cc_claims *claims)
{
	int64_t		 id;
	size_t		 i;
	int		 rc, own;

	if ((rc = save_begin(s, &own)) != CC_OK)
		return rc;
	if ((rc = article_find(s, name, &id, NULL)) != CC_OK)
		goto out;
	if (id == 0) {
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: no article named '%s'",
		    s->path, name);
		rc = CC_ENOTFOUND;
		goto out;
	}
	if ((rc = put_claims(s, id, claims->v, claims->n)) == CC_OK)
		rc = meta_bump(s, "claims_gen");
out:
	rc = save_end(s, own, rc);
	if (rc != CC_OK)
		for (i = 0; i < claims->n; i++)
			claims->v[i].id = 0;
	return rc;
}

int
cc_store_claims_seq(struct cc_store *s, int64_t *seq)
{
	sqlite3_stmt	*st;
	int		 rc;

	*seq = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT seq FROM sqlite_sequence"
	    " WHERE name = 'claims'", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "claims_seq");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "claims_seq");
	return CC_OK;
}

/* The claim columns but the id, for copying rows. */
#define CLAIM_COLS "article, type, subject, measure, value_kind, vmin," \
	" vmax, approx, vtext, unit, time_start, time_end, granularity," \
	" basis, speaker, reported_by, polarity, text, ev_start, ev_end," \
	" sentence, rule"

int
cc_store_claims_renumber(struct cc_store *s, int64_t after)
{
	char	*sql;
	int	 rc;

	/* The ids above after were handed out in this transaction and
	 * nobody has seen them, so they may be handed out again. */
	sql = sqlite3_mprintf(
	    "SAVEPOINT renumber;"
	    "CREATE TEMP TABLE cc_renumber AS SELECT " CLAIM_COLS
	    " FROM claims WHERE 0;"
	    "INSERT INTO temp.cc_renumber SELECT " CLAIM_COLS " FROM"
	    " (SELECT c.*, a.name AS aname FROM claims c JOIN articles a"
	    " ON a.id = c.article WHERE c.id > %lld ORDER BY a.name, c.id);"
	    "DELETE FROM claims WHERE id > %lld;"
	    "UPDATE sqlite_sequence SET seq = %lld WHERE name = 'claims';"
	    "INSERT INTO claims (" CLAIM_COLS ") SELECT " CLAIM_COLS
	    " FROM temp.cc_renumber ORDER BY rowid;"
	    "DROP TABLE temp.cc_renumber;"
	    "RELEASE renumber;", (long long)after, (long long)after,
	    (long long)after);
	if (sql == NULL)
		return store_fail(s, "renumber");
	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? CC_OK :
	    store_fail(s, "renumbering claims");
	sqlite3_free(sql);
	if (rc != CC_OK) {
		sqlite3_exec(s->db, "ROLLBACK TO renumber; RELEASE renumber;"
		    "DROP TABLE IF EXISTS temp.cc_renumber", NULL, NULL, NULL);
	}
	return rc;
}

int
cc_store_get_sentences(struct cc_store *s, const char *name,
    struct cc_sentences *out)
{
	struct cc_sentence	*sn;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = stmt_get_str(s, ST_SENTENCES_GET, name)) == NULL)
		return CC_ESTORE;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sn = cc_sentences_push(out);
		sn->start = (size_t)sqlite3_column_int64(st, 0);
		sn->end = (size_t)sqlite3_column_int64(st, 1);
		sn->para = (unsigned)sqlite3_column_int64(st, 2);
		sn->boiler = sqlite3_column_int(st, 3) != 0;
	}
	if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

/*
 * One copy of each distinct string of a claim set: article, outlet,
 * type, unit, rule... repeat across hundreds of thousands of claims, and
 * claims of one sentence share it, so a corpus's claims take a fraction
 * of the memory of one malloc'd string per field.  The strings live in
 * big chunks; a hash table (open addressing) finds them.
 */
#define POOL_CHUNK	((size_t)1 << 20)
#define POOL_COLS	32

struct cc_store_strings {
	char		**chunks;
	size_t		  nchunks;
	size_t		  used;		/* in the last chunk */
	size_t		  chunk_len;	/* size of the last chunk */
	const char	**slot;		/* hash table, nslot a power of 2 */
	uint64_t	 *hash;
	size_t		  nslot;
	size_t		  n;
	/* each column's value in the row before: claims of one article
	 * and one sentence come one after another, so most values are
	 * the last one again and need no hashing */
	const char	 *last[POOL_COLS];
	size_t		  lastlen[POOL_COLS];
};

static char *
pool_add(struct cc_store_strings *p, const char *s, size_t len)
{
	char	*d;

	if (p->nchunks == 0 || p->chunk_len - p->used < len + 1) {
		p->chunk_len = len + 1 > POOL_CHUNK ? len + 1 : POOL_CHUNK;
		p->chunks = xreallocarray(p->chunks, p->nchunks + 1,
		    sizeof *p->chunks);
		p->chunks[p->nchunks++] = xmalloc(p->chunk_len);
		p->used = 0;
	}
	d = p->chunks[p->nchunks - 1] + p->used;
	memcpy(d, s, len);
	d[len] = '\0';
	p->used += len + 1;
	return d;
}

static void
pool_grow(struct cc_store_strings *p)
{
	const char	**slot = p->slot;
	uint64_t	 *hash = p->hash;
	size_t		  n = p->nslot, i, k;

	p->nslot = n ? n * 2 : 1024;
	p->slot = xcalloc(p->nslot, sizeof *p->slot);
	p->hash = xcalloc(p->nslot, sizeof *p->hash);
	for (i = 0; i < n; i++) {
		if (slot[i] == NULL)
			continue;
		for (k = hash[i] & (p->nslot - 1); p->slot[k] != NULL;
		    k = (k + 1) & (p->nslot - 1))
			;
		p->slot[k] = slot[i];
		p->hash[k] = hash[i];
	}
	free(slot);
	free(hash);
}

/* The pooled copy of column i (NULL for SQL NULL). */
static char *
pool_col(struct cc_store_strings *p, sqlite3_stmt *st, int i)
{
	const char	*s;
	size_t		 len, k;
	uint64_t	 h;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	if ((s = (const char *)sqlite3_column_text(st, i)) == NULL)
		s = "";
	len = (size_t)sqlite3_column_bytes(st, i);
	if (i < POOL_COLS && p->last[i] != NULL && p->lastlen[i] == len &&
	    memcmp(p->last[i], s, len) == 0)
		return (char *)p->last[i];
	if (2 * (p->n + 1) > p->nslot)
		pool_grow(p);
	h = cc_hash64(s, len);
	for (k = h & (p->nslot - 1); p->slot[k] != NULL;
	    k = (k + 1) & (p->nslot - 1))
		if (p->hash[k] == h && memcmp(p->slot[k], s, len) == 0 &&
		    p->slot[k][len] == '\0')
			break;
	if (p->slot[k] == NULL) {
		p->slot[k] = pool_add(p, s, len);
		p->hash[k] = h;
		p->n++;
	}
	if (i < POOL_COLS) {
		p->last[i] = p->slot[k];
		p->lastlen[i] = len;
	}
	return (char *)p->slot[k];
}

static char *
claim_col(struct cc_store_strings *p, sqlite3_stmt *st, int i)
{
	return p != NULL ? pool_col(p, st, i) : col_str(st, i);
}

static int	claim_rows(struct cc_store *, sqlite3_stmt *,
		    struct cc_claims *, struct cc_store_strings *);

static int
get_claims(struct cc_store *s, const struct cc_claim_filter *f,
    struct cc_claims *out, struct cc_store_strings *p)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK;

	if ((st = stmt_get(s, f != NULL && f->article != NULL ?
	    ST_CLAIMS_OF_ARTICLE : ST_CLAIMS_GET)) == NULL)
		return CC_ESTORE;
	bind_str(st, 1, f != NULL ? f->article : NULL, &brc);
	bind_str(st, 2, f != NULL ? f->type : NULL, &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, NULL);
	}
	return claim_rows(s, st, out, p);
}

int
cc_store_get_claims_pooled(struct cc_store *s,
    const struct cc_claim_filter *f, struct cc_claims *out,
    struct cc_store_strings **strs)
{
	if (*strs == NULL)
		*strs = xcalloc(1, sizeof **strs);
	return get_claims(s, f, out, *strs);
}

/* Read the claims of up to 4 types that statement id (?1..?4: the
 * types) gives, as cc_store_get_claims_types() does. */
static int
claims_of_types(struct cc_store *s, enum stmt_id id,
    const char *const *types, struct cc_claims *out,
    struct cc_store_strings **strs)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK, i, k = 0;

	if (*strs == NULL)
		*strs = xcalloc(1, sizeof **strs);
	if ((st = stmt_get(s, id)) == NULL)
		return CC_ESTORE;
	for (i = 1; i <= 4; i++)
		bind_str(st, i, types[k] != NULL ? types[k++] : NULL, &brc);
	if (brc != SQLITE_OK || types[k] != NULL) {
		stmt_done(st);
		if (brc != SQLITE_OK)
			return store_fail(s, NULL);
		cc_diag_set(&s->diag, NULL, 0, 0, "%s: more than 4 claim "
		    "types asked for at once", s->path);
		return CC_ESTORE;
	}
	return claim_rows(s, st, out, *strs);
}

int
cc_store_get_claims_types(struct cc_store *s, const char *const *types,
    struct cc_claims *out, struct cc_store_strings **strs)
{
	return claims_of_types(s, ST_CLAIMS_BY_TYPE, types, out, strs);
}

/* Insert n rows of one or two strings (b may be NULL) with statement
 * id. */
static int
keep_rows(struct cc_store *s, enum stmt_id id, char *const *a,
    char *const *b, size_t n)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i;
	int		 brc = SQLITE_OK, rc = CC_OK;

	if (n > 0 && (st = stmt_get(s, id)) == NULL)
		return CC_ESTORE;
	for (i = 0; i < n && rc == CC_OK; i++) {
		bind_str(st, 1, a[i], &brc);
		if (b != NULL)
			bind_str(st, 2, b[i], &brc);
		if (brc != SQLITE_OK) {
			stmt_done(st);
			return store_fail(s, NULL);
		}
		rc = stmt_run(s, st);
	}
	return rc;
}

/* The temporary tables ST_CLAIMS_KEPT reads, holding keep. */
static int
keep_fill(struct cc_store *s, const struct cc_claim_keep *keep)
{
	static const char tables[] =
	    "CREATE TEMP TABLE IF NOT EXISTS cc_keep_article ("
	    "  name TEXT PRIMARY KEY) WITHOUT ROWID;"
	    "CREATE TEMP TABLE IF NOT EXISTS cc_keep_key ("
	    "  type TEXT, subject TEXT,"
	    "  PRIMARY KEY (type, subject)) WITHOUT ROWID;"
	    "CREATE TEMP TABLE IF NOT EXISTS cc_keep_speaker ("
	    "  speaker TEXT PRIMARY KEY) WITHOUT ROWID;"
	    "DELETE FROM temp.cc_keep_article;"
	    "DELETE FROM temp.cc_keep_key;"
	    "DELETE FROM temp.cc_keep_speaker;";
	int	rc;

	if (sqlite3_exec(s->db, tables, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "claims to read");
	if ((rc = keep_rows(s, ST_KEEP_ARTICLE, keep->articles, NULL,
	    keep->narticles)) != CC_OK ||
	    (rc = keep_rows(s, ST_KEEP_KEY, keep->types, keep->subjects,
	    keep->nkeys)) != CC_OK)
		return rc;
	return keep_rows(s, ST_KEEP_SPEAKER, keep->speakers, NULL,
	    keep->nspeakers);
}

int
cc_store_get_claims_kept(struct cc_store *s, const char *const *types,
    const struct cc_claim_keep *keep, struct cc_claims *out,
    struct cc_store_strings **strs)
{
	int	rc;

	if ((rc = keep_fill(s, keep)) != CC_OK)
		return rc;
	return claims_of_types(s, ST_CLAIMS_KEPT, types, out, strs);
}

int
cc_store_claim_stamps(struct cc_store *s, cc_store_stamp_fn fn, void *arg)
{
	sqlite3_stmt	*st;
	int		 rc, frc = CC_OK;

	if ((st = stmt_get(s, ST_CLAIM_STAMPS)) == NULL)
		return CC_ESTORE;
	while (frc == CC_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		frc = fn(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	stmt_done(st);
	if (frc != CC_OK)
		return frc;
	if (rc != SQLITE_DONE)
		return store_fail(s, NULL);
	return CC_OK;
}

/* One row of a statement of CLAIM_GET_COLS into c (strings pooled in p,
 * or malloc'd if p is NULL). */
static void
claim_row(sqlite3_stmt *st, struct cc_claim *c, struct cc_store_strings *p)
{
	const char	*kind;

	c->id = sqlite3_column_int64(st, 0);
	c->article = claim_col(p, st, 1);
	c->outlet = claim_col(p, st, 2);
	c->type = claim_col(p, st, 3);
	c->subject = claim_col(p, st, 4);
	c->measure = claim_col(p, st, 5);
	kind = (const char *)sqlite3_column_text(st, 6);
	if (kind != NULL && strcmp(kind, "number") == 0)
		c->value_kind = CC_VALUE_NUMBER;
	else if (kind != NULL && strcmp(kind, "text") == 0)
		c->value_kind = CC_VALUE_TEXT;
	else
		c->value_kind = CC_VALUE_NONE;
	c->has_min = sqlite3_column_type(st, 7) != SQLITE_NULL;
	c->vmin = c->has_min ? sqlite3_column_double(st, 7) : 0;
	c->has_max = sqlite3_column_type(st, 8) != SQLITE_NULL;
	c->vmax = c->has_max ? sqlite3_column_double(st, 8) : 0;
	c->approx = sqlite3_column_int(st, 9) != 0;
	c->vtext = claim_col(p, st, 10);
	c->unit = claim_col(p, st, 11);
	c->time_start = claim_col(p, st, 12);
	c->time_end = claim_col(p, st, 13);
	c->granularity = claim_col(p, st, 14);
	c->basis = claim_col(p, st, 15);
	c->speaker = claim_col(p, st, 16);
	c->reported_by = claim_col(p, st, 17);
	c->polarity = claim_col(p, st, 18);
	c->text = claim_col(p, st, 19);
	c->ev_start = (size_t)sqlite3_column_int64(st, 20);
	c->ev_end = (size_t)sqlite3_column_int64(st, 21);
	c->sentence = claim_col(p, st, 22);
	c->rule = claim_col(p, st, 23);
}

/* Read the claims a bound statement of CLAIM_GET_COLS gives into out
 * (strings pooled in p, or malloc'd if p is NULL); resets st. */
static int
claim_rows(struct cc_store *s, sqlite3_stmt *st, struct cc_claims *out,
    struct cc_store_strings *p)
{
	int	rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		claim_row(st, cc_claims_push(out), p);
	if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}


int
cc_store_get_claims(struct cc_store *s, const struct cc_claim_filter *f,
    struct cc_claims *out)
{
	return get_claims(s, f, out, NULL);
}

/* Step a bound statement once: *out is its first column (malloc'd),
 * or stays NULL when there is no row.  Finishes with the statement. */
static int
step_str(struct cc_store *s, sqlite3_stmt *st, char **out)
{
	int	rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*out = col_str(st, 0);
	else if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

int
cc_store_claim_sentence(struct cc_store *s, int64_t id, char **out)
{
	sqlite3_stmt	*st;

	*out = NULL;
	if ((st = stmt_get(s, ST_CLAIM_SENTENCE)) == NULL)
		return CC_ESTORE;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, NULL);
	}
	return step_str(s, st, out);
}

int
cc_store_claims_count(struct cc_store *s, size_t *n)
{
	int	k = 0;

	if (pragma_int(s, "SELECT count(*) FROM claims", &k) != CC_OK)
		return store_fail(s, NULL);
	*n = (size_t)k;
	return CC_OK;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

size_t
cc_store_ids_unique(int64_t *ids, size_t n)
{
	size_t	i, j;

	if (n > 1)
		qsort(ids, n, sizeof *ids, cmp_id);
	for (i = j = 0; i < n; i++)
		if (j == 0 || ids[i] != ids[j - 1])
			ids[j++] = ids[i];
	return j;
}

/*
 * The ids are sorted (and their repeats dropped: ids is changed) and,
 * where they lie close together, read in runs:
 * one pass over the rows from the first id of a run to its last, taking
 * the wanted ones (a row is decoded only then).  A run ends where the
 * next id is more than RUN_GAP ids on, so a few scattered claims cost a
 * lookup each and a findings list that cites half the store one pass.
 */
#define RUN_GAP	64

int
cc_store_get_claims_by_ids(struct cc_store *s, int64_t *ids, size_t n,
    struct cc_claims *out, struct cc_store_strings **strs)
{
	sqlite3_stmt	*st;
	size_t		 i, j, k;
	int64_t		 id;
	int		 brc, rc = SQLITE_DONE;

	*strs = xcalloc(1, sizeof **strs);
	n = cc_store_ids_unique(ids, n);
	/* at most n more: doubling could hold twice what is read */
	if (out->cap < out->n + n) {
		out->cap = out->n + n;
		out->v = xreallocarray(out->v, out->cap ? out->cap : 1,
		    sizeof *out->v);
	}
	for (i = 0; i < n && rc == SQLITE_DONE; i = j) {
		for (j = i + 1; j < n && ids[j] - ids[j - 1] <= RUN_GAP; j++)
			;
		if ((st = stmt_get(s, ST_CLAIMS_BY_IDS)) == NULL)
			return CC_ESTORE;
		brc = SQLITE_OK;
		bind_int(st, 1, ids[i], &brc);
		bind_int(st, 2, ids[j - 1], &brc);
		if (brc != SQLITE_OK) {
			stmt_done(st);
			return store_fail(s, NULL);
		}
		k = i;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			while (k < j && ids[k] < id)
				k++;
			if (k < j && ids[k] == id)
				claim_row(st, cc_claims_push(out), *strs);
		}
		if (rc != SQLITE_DONE)
			store_fail(s, NULL);
		stmt_done(st);
	}
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

int
cc_store_get_claims_shared(struct cc_store *s, struct cc_claims *out,
    struct cc_store_strings **strs)
{
	int	n = 0;

	*strs = xcalloc(1, sizeof **strs);
	/* the array at its final size: doubling would hold up to twice */
	if (pragma_int(s, "SELECT count(*) FROM claims", &n) != CC_OK)
		return store_fail(s, NULL);
	if (out->cap < out->n + (size_t)n) {
		out->cap = out->n + (size_t)n;
		out->v = xreallocarray(out->v, out->cap ? out->cap : 1,
		    sizeof *out->v);
	}
	return get_claims(s, NULL, out, *strs);
}

void
cc_store_strings_merge(struct cc_store_strings *into,
    struct cc_store_strings *from)
{
	size_t	n = into->nchunks;

	if (from == NULL)
		return;
	/* from's chunks go before into's last one, which strings are
	 * still added to */
	into->chunks = xreallocarray(into->chunks, n + from->nchunks + 1,
	    sizeof *into->chunks);
	if (n > 0) {
		into->chunks[n - 1 + from->nchunks] = into->chunks[n - 1];
		memcpy(into->chunks + n - 1, from->chunks,
		    from->nchunks * sizeof *from->chunks);
	} else {
		memcpy(into->chunks, from->chunks,
		    from->nchunks * sizeof *from->chunks);
		into->used = from->used;
		into->chunk_len = from->chunk_len;
	}
	into->nchunks = n + from->nchunks;
	free(from->chunks);
	free(from->slot);
	free(from->hash);
	free(from);
}

void
cc_store_claims_release_shared(struct cc_claims *cs,
    struct cc_store_strings *p)
{
	size_t	i;

	free(cs->v);
	memset(cs, 0, sizeof *cs);
	if (p == NULL)
		return;
	for (i = 0; i < p->nchunks; i++)
		free(p->chunks[i]);
	free(p->chunks);
	free(p->slot);
	free(p->hash);
	free(p);
}

/* A string list as a JSON array for the findings table. */
static int
json_list(char *const *v, size_t n, struct cc_buf *b)
{
	size_t	i;
	int	rc;

	rc = cc_buf_addc(b, '[');
	for (i = 0; i < n && rc == CC_OK; i++) {
		if (i > 0)
			rc = cc_buf_addc(b, ',');
		if (rc == CC_OK)
			rc = cc_buf_add_json_cstr(b, v[i] != NULL ? v[i] : "");
	}
	if (rc == CC_OK)
		rc = cc_buf_addc(b, ']');
	return rc;
}

/* The statement that lists the strings of the JSON array in column col
 * of row (as json_list() wrote it), bound; *st NULL when the column is
 * NULL. */
static int
json_list_open(struct cc_store *s, sqlite3_stmt *row, int col,
    sqlite3_stmt **st)
{
	*st = NULL;
	if (sqlite3_column_type(row, col) == SQLITE_NULL)
		return CC_OK;
	if ((*st = stmt_get(s, ST_JSON_LIST)) == NULL)
		return CC_ESTORE;
	if (sqlite3_bind_text(*st, 1,
	    (const char *)sqlite3_column_text(row, col), -1,
	    SQLITE_TRANSIENT) != SQLITE_OK) {
		stmt_done(*st);
		*st = NULL;
		return store_fail(s, NULL);
	}
	return CC_OK;
}

/* Parse a JSON array of strings (as json_list() wrote it) into *v. */
static int
json_unlist(struct cc_store *s, sqlite3_stmt *row, int col, char ***v,
    size_t *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	*v = NULL;
	*n = 0;
	if ((rc = json_list_open(s, row, col, &st)) != CC_OK || st == NULL)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = col_str(st, 0);
	}
	if (rc != SQLITE_DONE)
		store_fail(s, "findings");
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

/* The same for a finding's claim ids, in one block (claims_mem): two
 * million ids of 9 bytes cost 84 MB as strings of their own, 36 so. */
static int
json_unlist_packed(struct cc_store *s, sqlite3_stmt *row, int col,
    struct cc_finding *f)
{
	struct cc_buf	 b = CC_BUF_INIT;
	sqlite3_stmt	*st;
	const char	*p;
	size_t		 i, len, *off = NULL;
	int		 rc;

	f->claims = NULL;
	f->nclaims = 0;
	f->claims_mem = NULL;
	if ((rc = json_list_open(s, row, col, &st)) != CC_OK || st == NULL)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* (an id with a NUL inside ends there, as col_str's does) */
		p = (const char *)sqlite3_column_text(st, 0);
		off = xreallocarray(off, f->nclaims + 1, sizeof *off);
		off[f->nclaims++] = b.len;
		cc_buf_adds(&b, p != NULL ? p : "");
		cc_buf_addc(&b, '\0');
	}
	if (rc != SQLITE_DONE)
		store_fail(s, "findings");
	stmt_done(st);
	if (rc != SQLITE_DONE || f->nclaims == 0) {
		cc_buf_release(&b);
		free(off);
		f->nclaims = 0;
		return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
	}
	f->claims_mem = cc_buf_detach(&b, &len);
	f->claims_mem = xrealloc(f->claims_mem, len);	/* exact */
	f->claims = xreallocarray(NULL, f->nclaims, sizeof *f->claims);
	for (i = 0; i < f->nclaims; i++)
		f->claims[i] = f->claims_mem + off[i];
	free(off);
	return CC_OK;
}

int
cc_store_put_findings(struct cc_store *s, const struct cc_finding *f,
    size_t n)
{
	struct cc_buf	 claims = CC_BUF_INIT, outlets = CC_BUF_INIT;
	sqlite3_stmt	*st;
	size_t		 i;
	int		 brc, rc, own;

	if ((rc = save_begin(s, &own)) != CC_OK)
		return rc;
	if ((rc = stmt_exec(s, ST_FINDINGS_DELETE)) != CC_OK)
		goto out;
	if ((st = stmt_get(s, ST_FINDING_INSERT)) == NULL) {
		rc = CC_ESTORE;
		goto out;
	}
	for (i = 0; i < n && rc == CC_OK; i++) {
		cc_buf_reset(&claims);
		cc_buf_reset(&outlets);
		if ((rc = json_list(f[i].claims, f[i].nclaims,
		    &claims)) != CC_OK ||
		    (rc = json_list(f[i].outlets, f[i].noutlets,
		    &outlets)) != CC_OK) {
			cc_diag_set(&s->diag, NULL, 0, 0, "%s: finding %s: %s",
			    s->path, f[i].id != NULL ? f[i].id : "?",
			    cc_strerror(rc));
			break;
		}
		brc = SQLITE_OK;
		bind_int(st, 1, (int64_t)i, &brc);
		bind_str(st, 2, f[i].id != NULL ? f[i].id : "", &brc);
		bind_str(st, 3, f[i].kind != NULL ? f[i].kind : "", &brc);
		bind_str(st, 4, f[i].severity, &brc);
		bind_str(st, 5, f[i].key, &brc);
		bind_str(st, 6, claims.data, &brc);
		bind_str(st, 7, outlets.data, &brc);
		bind_str(st, 8, f[i].summary, &brc);
		bind_str(st, 9, f[i].status != NULL ? f[i].status : "new",
		    &brc);
		bind_str(st, 10, f[i].scope, &brc);
		if (brc != SQLITE_OK) {
			stmt_done(st);
			rc = store_fail(s, NULL);
			break;
		}
		rc = stmt_run(s, st);
	}
out:
	cc_buf_release(&claims);
	cc_buf_release(&outlets);
	return save_end(s, own, rc);
}

int
cc_store_get_findings(struct cc_store *s, const char *kind,
    struct cc_findings *out)
{
	struct cc_finding	*f;
	sqlite3_stmt		*st;
	int			 rc, lrc = CC_OK;

	if ((st = stmt_get_str(s, ST_FINDINGS_GET, kind)) == NULL)
		return CC_ESTORE;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f = cc_findings_push(out);
		f->id = col_str(st, 0);
		f->kind = col_str(st, 1);
		f->severity = col_str(st, 2);
		f->key = col_str(st, 3);
		f->summary = col_str(st, 6);
		f->status = col_str(st, 7);
		f->scope = col_str(st, 8);
		if ((lrc = json_unlist_packed(s, st, 4, f)) != CC_OK ||
		    (lrc = json_unlist(s, st, 5, &f->outlets,
		    &f->noutlets)) != CC_OK)
			break;
	}
	if (lrc != CC_OK) {
		stmt_done(st);
		return lrc;
	}
	if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

int
cc_store_compare_state(struct cc_store *s, cc_store_state_fn fn, void *arg)
{
	sqlite3_stmt	*st;
	int		 rc, frc = CC_OK;

	if ((st = stmt_get(s, ST_CMPSTATE_GET)) == NULL)
		return CC_ESTORE;
	while (frc == CC_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		frc = fn(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	if (frc != CC_OK) {
		stmt_done(st);
		return frc;
	}
	if (rc != SQLITE_DONE)
		store_fail(s, NULL);
	stmt_done(st);
	return rc == SQLITE_DONE ? CC_OK : CC_ESTORE;
}

int
cc_store_put_compare_state(struct cc_store *s, const char *name,
    const char *fp, const char *scopes)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK;

	if (name == NULL)
		return stmt_exec(s, ST_CMPSTATE_CLEAR);
	if ((st = stmt_get(s, ST_CMPSTATE_PUT)) == NULL)
		return CC_ESTORE;
	bind_str(st, 1, name, &brc);
	bind_str(st, 2, fp, &brc);
	bind_str(st, 3, scopes != NULL ? scopes : "", &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, NULL);
	}
	return stmt_run(s, st);
}

int
cc_store_meta_get(struct cc_store *s, const char *key, char **value)
{
	sqlite3_stmt	*st;

	*value = NULL;
	if ((st = stmt_get_str(s, ST_META_GET, key)) == NULL)
		return CC_ESTORE;
	return step_str(s, st, value);
}

int
cc_store_meta_set(struct cc_store *s, const char *key, const char *value)
{
	sqlite3_stmt	*st;
	int		 brc = SQLITE_OK;

	if ((st = stmt_get(s, ST_META_SET)) == NULL)
		return CC_ESTORE;
	bind_str(st, 1, key, &brc);
	bind_str(st, 2, value, &brc);
	if (brc != SQLITE_OK) {
		stmt_done(st);
		return store_fail(s, NULL);
	}
	return stmt_run(s, st);
}

/*
 * Consistency checks for cc_store_check(): each query returns one row
 * per problem, as text.  The first is SQLite's own; the others are the
 * store's invariants: every article has its text row, every sentence
 * and claim belongs to an article, an extracted article has its
 * sentences (they are written in the same transaction; a placeholder
 * made by ingest-claims has no text and none), and an article waiting
 * for extraction has no claims.
 */
static const char *const store_checks[] = {
	"SELECT integrity_check FROM pragma_integrity_check"
	" WHERE integrity_check <> 'ok'",
	"SELECT 'row ' || rowid || ' of ' || \"table\" || ' refers to a missing '"
	" || parent FROM pragma_foreign_key_check",
	"SELECT 'article ' || name || ' has no text row'"
	" FROM articles a WHERE NOT EXISTS"
	" (SELECT 1 FROM article_texts t WHERE t.article = a.id)",
	"SELECT 'article ' || name || ' is extracted but has no sentences'"
	" FROM articles a JOIN article_texts t ON t.article = a.id"
	" WHERE a.extracted_with IS NOT NULL AND length(t.text) > 0"
	" AND NOT EXISTS"
	" (SELECT 1 FROM sentences s WHERE s.article = a.id)",
	"SELECT 'article ' || name || ' is not extracted but has claims'"
	" FROM articles a WHERE extracted_with IS NULL AND EXISTS"
	" (SELECT 1 FROM claims c WHERE c.article = a.id)",
};

int
cc_store_check(struct cc_store *s, cc_diag_fn fn, void *arg,
    unsigned *nproblems)
{
	sqlite3_stmt	*st;
	struct cc_diag	 d;
	size_t		 i;
	int		 rc;

	*nproblems = 0;
	for (i = 0; i < sizeof store_checks / sizeof store_checks[0]; i++) {
		if (sqlite3_prepare_v2(s->db, store_checks[i], -1, &st,
		    NULL) != SQLITE_OK)
			return store_fail(s, "check");
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			(*nproblems)++;
			cc_diag_set(&d, s->path, 0, 0, "%s",
			    (const char *)sqlite3_column_text(st, 0));
			if (fn != NULL)
				fn(&d, arg);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, "check");
	}
	return CC_OK;
}
