import type { Core } from '@strapi/strapi';
import type { ConversationStatus } from '../../plugins/live-chat/shared/constants';
import { TABLES, toDbDatetime } from '../../plugins/live-chat/server/src/repositories/sql';
import { createRandom, type Random } from './random';
import { SETTINGS } from './settings';

type Row = Record<string, unknown>;

const FIRST_NAMES = [
  'Ada', 'Björn', 'Chiara', 'Dewi', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lucia',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tara', 'Umut', 'Vera', 'Wayan', 'Yusuf',
] as const;
const LAST_NAMES = [
  'Andersson', 'Bianchi', 'Costa', 'Demir', 'Eriksson', 'Fernández', 'García', 'Hartono', 'Illés', 'Jensen',
  'Kaya', 'Lindqvist', 'Moretti', 'Nugroho', 'Öztürk', 'Pérez', 'Quispe', 'Rossi', 'Santoso', 'Tanaka',
  'Uysal', 'Vargas', 'Wibowo', 'Xu', 'Yıldız',
] as const;
const BODIES = [
  'Hi, I have a question about my order.',
  'Sure, could you give me the order number?',
  'It is 48213, thanks for the quick answer!',
  'Do you ship to Indonesia?',
  'Yes, delivery takes about five working days.',
  'Can I change the size after ordering?',
] as const;

/** The search cases: a surname fragment shared by ~1/25 of visitors, and one visitor's address. */
export const COMMON_SEARCH = 'lindqv';
/** A word of every chat's first message (~1/10 of all messages) and a product one chat in 100 asks about. */
export const COMMON_WORD_SEARCH = 'question';
const PRODUCT_FAMILIES = ['Alder', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fjord', 'Grove', 'Heath', 'Isle', 'Juniper'] as const;
const PRODUCT_KINDS = ['lamp', 'chair', 'desk', 'shelf', 'rug', 'sofa', 'stool', 'bench', 'bed', 'table'] as const;
/** One of 100 product names, by conversation: each is asked about in ~1% of chats. */
const productOf = (index: number) => `${PRODUCT_FAMILIES[index % 10]}${PRODUCT_KINDS[Math.floor(index / 10) % 10]}`;
export const PRODUCT_SEARCH = productOf(37).toLowerCase();
/** Every chat's own order number: a word of exactly one chat. */
const orderNumberOf = (index: number) => String(4_000_000 + index);
/** A chat's message `seq`: the first asks about its order, the second about its product, then small talk. */
function bodyOf(index: number, seq: number): string {
  if (seq === 1) return `Hi, I have a question about my order ${orderNumberOf(index)}.`;
  if (seq === 2) return `Is the ${productOf(index)} still in stock?`;
  return BODIES[(index + seq) % BODIES.length] as string;
}

export interface SeedResult {
  conversations: number;
  visitors: number;
  messages: number;
  byStatus: Record<ConversationStatus, number>;
  /** Email of the visitor of the oldest unassigned chat: a search that must scan the whole folder. */
  rareSearch: string;
  /** The order number of the oldest unassigned chat: a word of one message among all. */
  rareWordSearch: string;
  seconds: number;
}

/**
 * Inserts rows in multi-row INSERTs inside one transaction per table: one fsync per table instead
 * of one per row is what makes 100k+ rows take seconds. `rows(from, to)` builds one batch at a time
 * so the whole data set is never in memory at once.
 */
async function bulkInsert(strapi: Core.Strapi, table: string, total: number, rows: (from: number, to: number) => Row[]) {
  const batch = strapi.db.dialect.client === 'sqlite' ? SETTINGS.batchRows.sqlite : SETTINGS.batchRows.postgres;
  await strapi.db.connection.transaction(async (trx) => {
    for (let from = 0; from < total; from += batch) {
      await strapi.db.getConnection(table).transacting(trx).insert(rows(from, Math.min(total, from + batch)));
    }
  });
  // Explicit ids leave PostgreSQL's sequence behind; a later insert by Strapi would collide.
  if (strapi.db.dialect.client === 'postgres') {
    await strapi.db.connection.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [table, table]);
  }
}

/** What one conversation looks like; derived from its index alone so batches can be built lazily. */
interface Plan {
  status: ConversationStatus;
  assigneeId: number | null;
  createdAt: Date;
  lastActivityAt: Date;
  firstName: string;
  lastName: string;
}

function planConversations(random: Random, total: number, agentIds: number[]): Plan[] {
  const spanMs = SETTINGS.spanDays * 24 * 3600 * 1000;
  const slotMs = Math.floor(spanMs / total);
  const start = Date.now() - spanMs;
  const plans: Plan[] = [];
  for (let index = 0; index < total; index += 1) {
    const roll = random.next();
    // ~20% unassigned, ~60% assigned, ~20% closed; closed chats keep the agent who had them.
    const status: ConversationStatus = roll < 0.2 ? 'unassigned' : roll < 0.8 ? 'assigned' : 'closed';
    // One time slot per conversation, so last_activity_at is distinct and grows with the id, as
    // in a real table where newer rows tend to be the recently active ones.
    const lastActivityAt = new Date(start + index * slotMs + random.int(slotMs));
    plans.push({
      status,
      assigneeId: status === 'unassigned' ? null : random.pick(agentIds),
      createdAt: new Date(lastActivityAt.getTime() - random.int(30 * 60 * 1000)),
      lastActivityAt,
      firstName: random.pick(FIRST_NAMES),
      lastName: random.pick(LAST_NAMES),
    });
  }
  return plans;
}

/** Seeds visitors, conversations and their messages for the given agents; see SETTINGS for sizes. */
export async function seed(strapi: Core.Strapi, agentIds: number[]): Promise<SeedResult> {
  const started = performance.now();
  const random = createRandom(SETTINGS.randomSeed);
  const total = SETTINGS.conversations;
  const perConversation = SETTINGS.messagesPerConversation;
  const at = (date: Date) => toDbDatetime(strapi, date);
  const emailOf = (index: number, plan: Plan) =>
    `${plan.firstName}.${plan.lastName}.${index + 1}@example.com`.toLowerCase();

  for (const table of [TABLES.visitors, TABLES.conversations, TABLES.messages]) {
    const [{ count }] = await strapi.db.getConnection(table).count({ count: '*' });
    if (Number(count) !== 0) throw new Error(`${table} is not empty: the benchmark needs a fresh database`);
  }

  const plans = planConversations(random, total, agentIds);

  await bulkInsert(strapi, TABLES.visitors, total, (from, to) =>
    plans.slice(from, to).map((plan, offset) => {
      const index = from + offset;
      return {
        id: index + 1,
        document_id: random.documentId(),
        subject: `bench-visitor-${index + 1}`,
        name: `${plan.firstName} ${plan.lastName}`,
        email: emailOf(index, plan),
        consent: false,
        created_at: at(plan.createdAt),
        updated_at: at(plan.createdAt),
        published_at: at(plan.createdAt),
      };
    }),
  );

  await bulkInsert(strapi, TABLES.conversations, total, (from, to) =>
    plans.slice(from, to).map((plan, offset) => {
      const index = from + offset;
      return {
        id: index + 1,
        document_id: random.documentId(),
        status: plan.status,
        assignee_id: plan.assigneeId,
        visitor_id: index + 1,
        assigned_at: plan.status === 'unassigned' ? null : at(plan.createdAt),
        closed_at: plan.status === 'closed' ? at(plan.lastActivityAt) : null,
        last_activity_at: at(plan.lastActivityAt),
        last_message_seq: perConversation,
        last_message_preview: bodyOf(index, perConversation),
        visitor_read_seq: perConversation,
        agent_read_seq: plan.status === 'unassigned' ? 0 : perConversation,
        created_at: at(plan.createdAt),
        updated_at: at(plan.lastActivityAt),
        published_at: at(plan.createdAt),
      };
    }),
  );

  // Messages are spread evenly between the chat's creation and its last activity.
  await bulkInsert(strapi, TABLES.messages, total * perConversation, (from, to) => {
    const rows: Row[] = [];
    for (let row = from; row < to; row += 1) {
      const index = Math.floor(row / perConversation);
      const seq = (row % perConversation) + 1;
      const plan = plans[index] as Plan;
      const span = plan.lastActivityAt.getTime() - plan.createdAt.getTime();
      const createdAt = new Date(plan.createdAt.getTime() + Math.round((span * (seq - 1)) / Math.max(1, perConversation - 1)));
      const fromVisitor = seq % 2 === 1 || plan.status === 'unassigned';
      rows.push({
        document_id: random.documentId(),
        conversation_id: index + 1,
        seq,
        client_id: `bench-${seq}`,
        kind: 'text',
        author_kind: fromVisitor ? 'visitor' : 'agent',
        author_id: fromVisitor ? null : plan.assigneeId,
        body: bodyOf(index, seq),
        created_at: at(createdAt),
        updated_at: at(createdAt),
        published_at: at(createdAt),
      });
    }
    return rows;
  });

  // Planner statistics and the visibility map: PostgreSQL's autovacuum gathers both soon after a
  // bulk load (inserts trigger it since PG 13), so measuring without them would time a state
  // production does not stay in; without the visibility map no index-only scan is possible.
  // Only these tables: other schemas of the same database may belong to test runs in progress.
  // SQLite has no automatic ANALYZE and Strapi never runs one, so it is measured as deployed.
  if (strapi.db.dialect.client === 'postgres') {
    for (const table of [TABLES.visitors, TABLES.conversations, TABLES.messages]) {
      await strapi.db.connection.raw('VACUUM (ANALYZE) ??', [table]);
    }
  }

  const byStatus: Record<ConversationStatus, number> = { unassigned: 0, assigned: 0, closed: 0 };
  for (const plan of plans) byStatus[plan.status] += 1;
  const oldestUnassigned = plans.findIndex((plan) => plan.status === 'unassigned');
  return {
    conversations: total,
    visitors: total,
    messages: total * perConversation,
    byStatus,
    rareSearch: emailOf(oldestUnassigned, plans[oldestUnassigned] as Plan),
    rareWordSearch: orderNumberOf(oldestUnassigned),
    seconds: (performance.now() - started) / 1000,
  };
}
