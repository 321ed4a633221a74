import { randomBytes } from 'node:crypto';
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
