import { randomBytes } from 'node:crypto';
import { createTimelineRepository, type NewTimelineEntry } from '../../plugins/live-chat/server/src/repositories/timeline';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { TestApp } from './strapi';

export interface StartedConversation {
  id: number;
  documentId: string;
  visitorId: number;
}

/**
 * A conversation as a visitor's flow opens it at a Live Chat card (B1), through the plugin's own
 * service: the seam the widget and the flow engine call.
 */
export async function startConversation(
  app: TestApp,
  visitor: { name?: string; email?: string } = {},
  waitTimeSeconds = 120,
): Promise<StartedConversation> {
  const created = await app.strapi.db.query(uid('visitor')).create({
    data: { subject: randomBytes(12).toString('hex'), name: visitor.name ?? 'Visitor', email: visitor.email ?? null },
  });
  const record = await app.strapi
    .plugin('live-chat')
    .service('conversations')
    .start({ visitorId: created.id, waitTimeSeconds });
  return { id: record.id, documentId: record.documentId, visitorId: created.id };
}

/**
 * Appends entries to a conversation's timeline through the plugin's timeline repository, in one
 * transaction and without the broadcasts of the service that would write them: thousands in a
 * second, as if written while a client was away (E2 catch-up). Answers the last seq.
 */
export async function appendToTimeline(app: TestApp, documentId: string, entries: NewTimelineEntry[]): Promise<number> {
  const row = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId }, select: ['id'] });
  if (!row) throw new Error(`no conversation ${documentId}`);
  const timeline = createTimelineRepository(app.strapi);
  const { state } = await app.strapi.db.transaction(({ trx }) => timeline.append(trx, row.id, entries));
  if (!state) throw new Error('nothing appended');
  return state.lastMessageSeq;
}

/** `count` agent messages "<prefix> 1" … "<prefix> <count>". */
export function agentMessages(prefix: string, count: number, agentId: number | null = null): NewTimelineEntry[] {
  const start = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    kind: 'text' as const,
    authorKind: 'agent' as const,
    authorId: agentId,
    authorName: 'Ada Tester',
    body: `${prefix} ${i + 1}`,
    clientId: `${prefix.replace(/\W+/g, '-')}-${randomBytes(6).toString('hex')}-${i + 1}`,
    createdAt: new Date(start + i),
  }));
}

/** `count` CRM timeline events (B7: leads created) that agents see and visitors never do. */
export function internalEvents(count: number): NewTimelineEntry[] {
  const start = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    kind: 'event' as const,
    authorKind: 'agent' as const,
    authorName: 'Ada Tester',
    event: { type: 'lead_created', data: { title: `Lead ${i + 1}` } },
    createdAt: new Date(start + i),
  }));
}
