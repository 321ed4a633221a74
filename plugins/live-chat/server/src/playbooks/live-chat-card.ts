import type { Core } from '@strapi/strapi';
import { WAIT_TIME_SECONDS, uid } from '../../../shared/constants';
import { sanitizeRichText, type RichText } from '../../../shared/domain';

export interface LiveChatCardSettings {
  /** The published playbook row the conversation links to. */
  playbookId: number;
  waitTimeSeconds: number;
  onlineMessage: RichText;
  offlineMessage: RichText;
}

/**
 * A3: the Live Chat card of a runnable (published, active) playbook: its wait time for the
 * conversation's deadline and its messages, sanitized again on the way out (A4).
 */
export async function findLiveChatCard(strapi: Core.Strapi, playbookDocumentId: string): Promise<LiveChatCardSettings | null> {
  const playbook = await strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(playbookDocumentId);
  const card = playbook?.cards.find((candidate: { kind: string }) => candidate.kind === 'live_chat');
  if (!card) return null;
  const row = await strapi.db
    .query(uid('playbook'))
    .findOne({ where: { documentId: playbookDocumentId, publishedAt: { $notNull: true } }, select: ['id'] });
  if (!row) return null;
  return {
    playbookId: row.id,
    waitTimeSeconds: card.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
    onlineMessage: sanitizeRichText(card.onlineMessage),
    offlineMessage: sanitizeRichText(card.offlineMessage),
  };
}
