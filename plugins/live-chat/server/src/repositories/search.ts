import type { Core } from '@strapi/strapi';
import { fts5Query, searchWords, tsQuery } from '../../../shared/domain';
import { PG_MESSAGE_WORDS_COLUMN, SEARCH_TABLES, pgConversationNames, pgVisitorNames, pgWordsOf } from '../migrations/search-index';
import { TABLES } from './sql';

/**
 * How many of the newest matches of each kind a search reads. A word in thousands of messages
 * ("order", "thanks") finds the chats of its newest matches instead of reading every one: the list
 * shows newest first anyway, and the bound keeps every search within the inbox's 30 ms (G5).
 */
export const SEARCH_CANDIDATES = 2000;

const { messages: MS, names: NS } = SEARCH_TABLES;
const M = TABLES.messages;
const C = TABLES.conversations;
const V = TABLES.visitors;

const sqliteSql = `select m.conversation_id as id
    from (select rowid from ${MS} where ${MS} match ? order by rowid desc limit ${SEARCH_CANDIDATES}) s
    join ${M} m on m.id = s.rowid
  union
  select rowid as id from (select rowid from ${NS} where ${NS} match ? order by rowid desc limit ${SEARCH_CANDIDATES})`;

const postgresSql = `select conversation_id as id from (select conversation_id from ${M}
    where ${PG_MESSAGE_WORDS_COLUMN} @@ to_tsquery('simple', ?) order by id desc limit ${SEARCH_CANDIDATES}) m
  union
  select id from (select id from ${C}
    where ${pgWordsOf(pgConversationNames())} @@ to_tsquery('simple', ?) order by id desc limit ${SEARCH_CANDIDATES}) c
  union
  select c.id from (select id from ${V} where ${pgWordsOf(pgVisitorNames())} @@ to_tsquery('simple', ?)
    order by id desc limit ${SEARCH_CANDIDATES}) v
  -- Each visitor's chats by the visitor index; "offset 0" keeps the planner from flattening this
  -- into a hash join, which read every conversation (bench/inbox-list).
  cross join lateral (select id from ${C} where visitor_id = v.id offset 0) c`;

/**
 * The ids of the conversations a search finds (one statement): by the names and emails of the
 * visitor and of the side panel's person, and by the words of any message (notes included: only
 * agents search). Null when the search names no word. Visibility (B6) and the folder are the
 * caller's: it lists only those of these ids the agent may see. Answering ids, not a subquery, lets
 * each database plan the page for the real number of matches (a few ids: a lookup each).
 */
export async function searchConversationIds(strapi: Core.Strapi, text: string): Promise<number[] | null> {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const query = sqlite ? fts5Query(words) : tsQuery(words);
  const result = await strapi.db.connection.raw(sqlite ? sqliteSql : postgresSql, sqlite ? [query, query] : [query, query, query]);
  // knex returns rows directly on SQLite and a { rows } result on PostgreSQL.
  const rows: Array<{ id: unknown }> = Array.isArray(result) ? result : result.rows;
  return rows.map((row) => Number(row.id));
}
