import type { Core } from '@strapi/strapi';
import { TABLES } from '../repositories/sql';

/**
 * G5: the full-text indexes inbox search reads (repositories/search.ts), created by the plugin's
 * bootstrap after Strapi's schema sync (they are built on tables the sync creates). Strapi leaves
 * tables, triggers and indexes it did not create alone, so they survive every later sync; each
 * statement is idempotent, so every start checks them and a new install or an upgrade builds them.
 *
 * - SQLite: FTS5 tables kept current by triggers, so every path that writes a message (the group
 *   commit, the event appends, a later erasure) updates the index in the same transaction.
 * - PostgreSQL: GIN indexes over `to_tsvector` of the names and of a stored generated column of a
 *   message's words (no extension needed); PostgreSQL maintains them with the rows.
 */

export const SEARCH_TABLES = {
  messages: 'live_chat_message_search',
  names: 'live_chat_conversation_search',
} as const;

/**
 * Stored text as words: every run of characters that are not letters or digits becomes a space, so
 * "jane.roe@example.com" is the words jane, roe, example, com on both databases, as the search
 * words are cut (shared/domain/search.ts). The same expression must appear in queries to use the index.
 */
export const pgWordsOf = (text: string) =>
  `to_tsvector('simple'::regconfig, regexp_replace(${text}, '[^[:alnum:]]+', ' ', 'g'))`;

/** The names a conversation and a visitor are found by, each as one text (columns of `alias`). */
export const pgConversationNames = (alias = '') => `coalesce(${alias}person_name, '') || ' ' || coalesce(${alias}person_email, '')`;
export const pgVisitorNames = (alias = '') => `coalesce(${alias}name, '') || ' ' || coalesce(${alias}email, '')`;
/**
 * A message's words are a stored generated column: a search for a word in thousands of messages
 * reads the newest rows one by one until it has enough, and recomputing each row's words there
 * cost ~10 µs a row (bench/inbox-list). Strapi's schema sync leaves a column it did not create alone.
 */
export const PG_MESSAGE_WORDS_COLUMN = 'search_words';

// unicode61 keeps letters and digits as tokens and folds case, as searchWords does; accents are kept
// (PostgreSQL's built-in configurations keep them too, and both databases must find the same chats).
const FTS5_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 0'";

const { messages: MS, names: NS } = SEARCH_TABLES;
const M = TABLES.messages;
const C = TABLES.conversations;
const V = TABLES.visitors;

/** SQL for the names text of the conversations `where` selects (alias c, its visitor v). */
const sqliteNamesOf = (where: string) =>
  `select c.id, trim(coalesce(c.person_name, '') || ' ' || coalesce(c.person_email, '') || ' ' ||
     coalesce(v.name, '') || ' ' || coalesce(v.email, ''))
   from ${C} c left join ${V} v on v.id = c.visitor_id where ${where}`;

const SQLITE_TRIGGERS = [
  `create trigger if not exists ${MS}_insert after insert on ${M} when new.body is not null begin
     insert into ${MS}(rowid, body) values (new.id, new.body);
   end`,
  `create trigger if not exists ${MS}_delete after delete on ${M} when old.body is not null begin
     insert into ${MS}(${MS}, rowid, body) values ('delete', old.id, old.body);
   end`,
  `create trigger if not exists ${MS}_update after update of body on ${M} begin
     insert into ${MS}(${MS}, rowid, body) select 'delete', old.id, old.body where old.body is not null;
     insert into ${MS}(rowid, body) select new.id, new.body where new.body is not null;
   end`,
  `create trigger if not exists ${NS}_insert after insert on ${C} begin
     insert into ${NS}(rowid, names) ${sqliteNamesOf('c.id = new.id')};
   end`,
  `create trigger if not exists ${NS}_update after update of person_name, person_email, visitor_id on ${C} begin
     delete from ${NS} where rowid = old.id;
     insert into ${NS}(rowid, names) ${sqliteNamesOf('c.id = new.id')};
   end`,
  `create trigger if not exists ${NS}_delete after delete on ${C} begin
     delete from ${NS} where rowid = old.id;
   end`,
  `create trigger if not exists ${NS}_visitor_update after update of name, email on ${V} begin
     delete from ${NS} where rowid in (select id from ${C} where visitor_id = new.id);
     insert into ${NS}(rowid, names) ${sqliteNamesOf('c.visitor_id = new.id')};
   end`,
];

async function ensureSqlite(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const existing = await knex('sqlite_master').whereIn('name', [MS, NS]).pluck('name');
  await knex.transaction(async (trx) => {
    if (!existing.includes(MS)) {
      // External content: the index keeps no second copy of the messages' text.
      await trx.raw(`create virtual table ${MS} using fts5(body, content = '${M}', content_rowid = 'id', ${FTS5_TOKENIZER})`);
      await trx.raw(`insert into ${MS}(${MS}) values ('rebuild')`);
    }
    if (!existing.includes(NS)) {
      await trx.raw(`create virtual table ${NS} using fts5(names, ${FTS5_TOKENIZER})`);
      await trx.raw(`insert into ${NS}(rowid, names) ${sqliteNamesOf('1 = 1')}`);
    }
    for (const trigger of SQLITE_TRIGGERS) await trx.raw(trigger);
    // F5: a deleted or changed row's words leave the index's own tables at once, not at a later
    // merge, so an erased name or message cannot be read back from the index (SQLite ≥ 3.42).
    for (const index of [MS, NS]) await trx.raw(`insert into ${index}(${index}, rank) values ('secure-delete', 1)`);
  });
}

const PG_INDEXES = [
  { name: 'live_chat_messages_search_idx', table: M, expression: PG_MESSAGE_WORDS_COLUMN },
  { name: 'live_chat_conversations_search_idx', table: C, expression: pgWordsOf(pgConversationNames()) },
  { name: 'live_chat_visitors_search_idx', table: V, expression: pgWordsOf(pgVisitorNames()) },
];

/**
 * Whether the column and every index are there already: a node that restarts while the others
 * store messages (F3) must not take the table locks below, which deadlock with those stores.
 */
async function postgresSearchInPlace(strapi: Core.Strapi): Promise<boolean> {
  const knex = strapi.db.connection;
  const column = await knex.raw(
    `select 1 from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = ?`,
    [M, PG_MESSAGE_WORDS_COLUMN],
  );
  if (column.rows.length === 0) return false;
  for (const index of PG_INDEXES) {
    const found = await knex.raw(`select to_regclass(format('%I.%I', current_schema(), ?::text)) as name`, [index.name]);
    if (found.rows[0]?.name === null) return false;
  }
  return true;
}

async function ensurePostgres(strapi: Core.Strapi) {
  if (await postgresSearchInPlace(strapi)) return;
  await strapi.db.connection.transaction(async (trx) => {
    // Several processes may start at once; one builds, the others then find the indexes there.
    await trx.raw("select pg_advisory_xact_lock(hashtext('live-chat search indexes'))");
    // Adding it rewrites the table once (an upgrade with many messages takes a while, once).
    await trx.raw(
      `alter table ${M} add column if not exists ${PG_MESSAGE_WORDS_COLUMN} tsvector
         generated always as (${pgWordsOf("coalesce(body, '')")}) stored`,
    );
    for (const index of PG_INDEXES) {
      await trx.raw(`create index if not exists ${index.name} on ${index.table} using gin ((${index.expression}))`);
    }
  });
}

/** Creates what is missing of the search indexes (and fills a new one from the stored rows). */
export async function ensureSearchIndexes(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client === 'sqlite') await ensureSqlite(strapi);
  else await ensurePostgres(strapi);
}
