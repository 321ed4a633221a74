import type { Core } from '@strapi/strapi';
import { TABLES, toDbDatetime } from '../../plugins/live-chat/server/src/repositories/sql';
import { createRandom } from '../inbox-list/random';

type Row = Record<string, unknown>;

/** The data set's shape; the defaults are the figures docs/benchmarks.md reports. */
export interface AnalyticsSeedSettings {
  conversations: number;
  /** Chats are spread evenly over this many days before now. */
  spanDays: number;
  agentIds: number[];
  randomSeed: number;
}

const PLAYBOOKS = 3;
const LINKS = {
  playbooks: `${TABLES.conversations}_playbook_lnk`,
  leads: 'live_chat_leads_conversation_lnk',
  deals: 'live_chat_deals_conversation_lnk',
} as const;

/** Multi-row INSERTs in one transaction per table (one fsync per table), a batch at a time. */
async function bulkInsert(strapi: Core.Strapi, table: string, rows: Row[]) {
  const batch = strapi.db.dialect.client === 'sqlite' ? 400 : 2000;
  await strapi.db.connection.transaction(async (trx) => {
    for (let from = 0; from < rows.length; from += batch) {
      await strapi.db.getConnection(table).transacting(trx).insert(rows.slice(from, from + batch));
    }
  });
  if (strapi.db.dialect.client === 'postgres' && rows.length > 0 && 'id' in rows[0]!) {
    await strapi.db.connection.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [table, table]);
  }
}

/**
 * Seeds chats as a busy shop has them: ~80% taken after 5 s–5 min (first reply 5 s–2 min later),
 * ~10% missed, ~70% closed, ~40% rated, 60% from one of three playbooks, a lead on 5% and a deal on
 * 2% of chats; three messages each (the visitor's, the agent's first reply, the visitor's answer).
 */
export async function seedAnalytics(strapi: Core.Strapi, settings: AnalyticsSeedSettings) {
  const started = performance.now();
  const random = createRandom(settings.randomSeed);
  const at = (ms: number) => toDbDatetime(strapi, new Date(ms));
  const spanMs = settings.spanDays * 86_400_000;
  const first = Date.now() - spanMs;
  const now = Date.now();

  const playbooks: Row[] = Array.from({ length: PLAYBOOKS }, (_, i) => ({
    id: i + 1, document_id: random.documentId(), name: `Playbook ${i + 1}`, active: true, locale: 'en',
    created_at: at(first), updated_at: at(first), published_at: at(first),
  }));
  const conversations: Row[] = [];
  const messages: Row[] = [];
  const playbookLinks: Row[] = [];
  const leads: Row[] = [];
  const deals: Row[] = [];
  const leadLinks: Row[] = [];
  const dealLinks: Row[] = [];
  for (let index = 0; index < settings.conversations; index += 1) {
    const id = index + 1;
    const start = first + Math.floor((index * spanMs) / settings.conversations) + random.int(60_000);
    const taken = random.next() < 0.8;
    const assigned = taken ? start + 5_000 + random.int(295_000) : null;
    const reply = assigned === null ? null : assigned + 5_000 + random.int(115_000);
    const closed = random.next() < 0.7;
    const rating = random.next() < 0.4 ? 1 + random.int(5) : null;
    conversations.push({
      id, document_id: random.documentId(),
      status: closed ? 'closed' : taken ? 'assigned' : 'unassigned',
      assignee_id: taken ? random.pick(settings.agentIds) : null,
      assigned_at: assigned === null ? null : at(assigned),
      first_assigned_at: assigned === null ? null : at(assigned),
      missed_at: !taken && random.next() < 0.5 ? at(start + 120_000) : null,
      closed_at: closed ? at(start + 1_800_000) : null,
      rating, rated_at: rating === null ? null : at(start + 1_900_000),
      last_activity_at: at(Math.min(now, start + 600_000)), last_message_seq: 3,
      created_at: at(start), updated_at: at(start),
    });
    const line = (seq: number, authorKind: string, time: number) => ({
      document_id: random.documentId(), conversation_id: id, seq, client_id: `bench-${seq}`, kind: 'text',
      author_kind: authorKind, audience: 'everyone', body: 'Hello', created_at: at(time), updated_at: at(time),
    });
    messages.push(line(1, 'visitor', start + 1_000));
    messages.push(reply === null ? line(2, 'visitor', start + 30_000) : line(2, 'agent', reply));
    messages.push(line(3, 'visitor', (reply ?? start + 30_000) + 20_000));
    if (random.next() < 0.6) playbookLinks.push({ conversation_id: id, playbook_id: 1 + random.int(PLAYBOOKS) });
    const record = (kind: 'lead' | 'deal', rows: Row[], links: Row[]) => {
      const recordId = rows.length + 1;
      rows.push({
        id: recordId, document_id: random.documentId(), title: `${kind} ${recordId}`, status: 'open',
        value: 100 + random.int(5000), currency: random.next() < 0.8 ? 'EUR' : 'USD', created_at: at(start), updated_at: at(start),
      });
      links.push({ [`${kind}_id`]: recordId, conversation_id: id });
    };
    if (random.next() < 0.05) record('lead', leads, leadLinks);
    if (random.next() < 0.02) record('deal', deals, dealLinks);
  }

  await bulkInsert(strapi, TABLES.playbooks, playbooks);
  await bulkInsert(strapi, TABLES.conversations, conversations);
  await bulkInsert(strapi, TABLES.messages, messages);
  await bulkInsert(strapi, LINKS.playbooks, playbookLinks);
  await bulkInsert(strapi, 'live_chat_leads', leads);
  await bulkInsert(strapi, 'live_chat_deals', deals);
  await bulkInsert(strapi, LINKS.leads, leadLinks);
  await bulkInsert(strapi, LINKS.deals, dealLinks);
  // As bench/inbox-list: autovacuum would have analyzed these tables soon after such a load.
  if (strapi.db.dialect.client === 'postgres') {
    for (const table of [TABLES.conversations, TABLES.messages, LINKS.playbooks, LINKS.leads, LINKS.deals]) {
      await strapi.db.connection.raw('VACUUM (ANALYZE) ??', [table]);
    }
  }
  return { conversations: conversations.length, messages: messages.length, leads: leads.length, deals: deals.length, seconds: (performance.now() - started) / 1000 };
}
