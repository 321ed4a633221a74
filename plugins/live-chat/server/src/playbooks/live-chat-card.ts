import type { Core } from '@strapi/strapi';
import { WAIT_TIME_SECONDS } from '../../../shared/constants';
import { sanitizeRichText, validateCardSettings, type BusinessHours, type RichText } from '../../../shared/domain';
import type { RunnablePlaybook } from './runtime';

export interface LiveChatCardSettings {
  /** The published default-locale playbook row the conversation links to (one per document). */
  playbookId: number;
  waitTimeSeconds: number;
  onlineMessage: RichText;
  offlineMessage: RichText;
  /** G7: new chats of this card go to agents by round robin. */
  autoAssign: boolean;
  /** G7: when agents are expected; null = always. */
  businessHours: BusinessHours | null;
}

/**
 * A3: the Live Chat card of a runnable (published, active) playbook: its wait time for the
 * conversation's deadline and its messages in the visitor's language when a copy has them (E5),
 * sanitized again on the way out (A4).
 */
export async function findLiveChatCard(
  strapi: Core.Strapi,
  playbookDocumentId: string,
  language?: string | null,
): Promise<LiveChatCardSettings | null> {
  const playbooks = strapi.plugin('live-chat').service('playbooks');
  const playbook: RunnablePlaybook | null = await playbooks.findRunnablePlaybook(playbookDocumentId, language);
  const card = playbook?.cards.find((candidate) => candidate.kind === 'live_chat');
  if (!card) return null;
  const playbookId: number | null = await playbooks.publishedRowId(playbookDocumentId);
  if (playbookId === null) return null;
  return {
    playbookId,
    waitTimeSeconds: card.waitTimeSeconds ?? WAIT_TIME_SECONDS.default,
    onlineMessage: sanitizeRichText(card.onlineMessage),
    offlineMessage: sanitizeRichText(card.offlineMessage),
    ...settingsOf(card.settings),
  };
}

/** The card's G7 settings, when they are valid (a card saved before a rule changed is read as "none"). */
function settingsOf(settings: unknown): Pick<LiveChatCardSettings, 'autoAssign' | 'businessHours'> {
  if (!validateCardSettings('live_chat', settings).ok) return { autoAssign: false, businessHours: null };
  const valid = settings as { autoAssign?: unknown; businessHours?: BusinessHours | null } | null;
  return { autoAssign: valid?.autoAssign === true, businessHours: valid?.businessHours ?? null };
}
