import type { Core } from '@strapi/strapi';
import { fts5Query, searchWords, tsQuery } from '../../../shared/domain';
import {
  SEARCH_TABLES,
  pgConversationNames,
  pgMessageText,
  pgVisitorNames,
  pgWordsOf,
} from '../migrations/search-index';
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

/**
 * SQL answering the ids of the conversations a search finds: by the names and emails of the visitor
 * and of the side panel's person, and by the text of any message (notes included: only agents
 * search). Null when the search has no words. Visibility (B6) is the caller's: it filters these ids.
 */
export function searchedConversationIds(strapi: Core.Strapi, text: string): { sql: string; bindings: string[] } | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  if (strapi.db.dialect.client === 'sqlite') {
    const query = fts5Query(words);
    return {
      sql: `select m.conversation_id from (select rowid from ${MS} where ${MS} match ? order by rowid desc limit ${SEARCH_CANDIDATES}) s
         join ${M} m on m.id = s.rowid
       union
       select rowid from (select rowid from ${NS} where ${NS} match ? order by rowid desc limit ${SEARCH_CANDIDATES})`,
      bindings: [query, query],
    };
  }
  const query = tsQuery(words);
  return {
    sql: `select conversation_id from (select conversation_id from ${M}
       where ${pgWordsOf(pgMessageText)} @@ to_tsquery('simple', ?) order by id desc limit ${SEARCH_CANDIDATES}) m
     union
     select id from (select id from ${C}
       where ${pgWordsOf(pgConversationNames)} @@ to_tsquery('simple', ?) order by id desc limit ${SEARCH_CANDIDATES}) c
     union
     select id from (select c.id from ${C} c where c.visitor_id in (select id from ${V}
       where ${pgWordsOf(pgVisitorNames)} @@ to_tsquery('simple', ?)) order by c.id desc limit ${SEARCH_CANDIDATES}) v`,
    bindings: [query, query, query],
  };
}
