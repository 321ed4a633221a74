import type { Core } from '@strapi/strapi';
import type { VisitorConversation } from '../../../shared/events';
import {
  CSAT_DEFAULTS,
  CSAT_SETTINGS_KEY,
  RATED_EVENT,
  mayRate,
  ratedEventData,
  type CsatSettings,
  type RatingInput,
  type RatingRefusal,
} from '../../../shared/domain/satisfaction';
import { conflict, forbidden, notFound } from '../errors';
import { toVisitorConversation } from '../realtime/views';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createPluginSettings } from '../repositories/plugin-settings';
import { createTimelineRepository } from '../repositories/timeline';
import { createTtlCache } from '../ttl-cache';
import type { EventBus } from './event-bus';
import type { VisitorRecord } from './visitors';

/** How long a process reuses the CSAT switch for what the widget is shown (writes here clear it). */
const SETTINGS_CACHE_MS = 5_000;

/** A refused rating in Strapi's error shape: 403 when CSAT is off, 409 for the conversation's state. */
export function ratingRefusalError(refusal: RatingRefusal) {
  if (refusal.code !== 'rating_off') return conflict(refusal.code, refusal.message);
  return Object.assign(forbidden(refusal.message), { details: { code: refusal.code } });
}

/**
 * Issue 16 (G6): the visitor's satisfaction rating of a closed chat, and the company's switch for
 * it (plugin-settings key `csat`). The rule is the domain's `mayRate`; the store's conditional
 * update makes the first of two concurrent answers the only one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createPluginSettings(strapi);
  const cached = createTtlCache<'csat', CsatSettings>(SETTINGS_CACHE_MS);
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;
  const readFresh = () => store.read(CSAT_SETTINGS_KEY, CSAT_DEFAULTS);
  const settings = () => cached.get('csat', readFresh);

  /** The visitor's current conversation (E4: their newest), which is the one they rate. */
  async function currentOf(visitor: VisitorRecord): Promise<ConversationRecord> {
    const record: ConversationRecord | null = await strapi.plugin('live-chat').service('visitors').currentConversation(visitor.id);
    if (!record) throw notFound('Conversation');
    return record;
  }

  /**
   * Stores the answer (a rating, or null for "no thanks") if the rule allows it and nobody answered
   * first; a loser is refused with the rule's reason as the stored row now gives it.
   */
  async function answer(visitor: VisitorRecord, rating: RatingInput | null): Promise<VisitorConversation> {
    const record = await currentOf(visitor);
    // Read fresh, not cached: turning CSAT off refuses ratings at once, on every process.
    const csat = await readFresh();
    const refusal = mayRate(record, csat);
    if (refusal) throw ratingRefusalError(refusal);
    const now = new Date();
    const stored = await strapi.db.transaction(async ({ trx }) => {
      const won = await conversations.answerRating(trx, record.id, rating && { rating: rating.score, comment: rating.comment }, now);
      if (!won) return null;
      if (!rating) return [];
      const event = { type: RATED_EVENT, data: ratedEventData({ score: rating.score, comment: rating.comment }) };
      return (await timeline.append(trx, record.id, [{ kind: 'event', authorKind: 'visitor', authorName: null, event, createdAt: now }])).entries;
    });
    const updated = (await conversations.findById(record.id)) as ConversationRecord;
    if (!stored) throw ratingRefusalError(mayRate(updated, csat) ?? { code: 'already_rated', message: 'This chat has already been rated.' });
    if (rating) await bus().publish({ type: 'conversation:rated', conversation: updated, entries: stored, actorId: null });
    return toVisitorConversation(updated, csat);
  }

  return {
    /** The company's CSAT settings, as the widget is shown them (reused for a few seconds per process). */
    settings(): Promise<CsatSettings> {
      return settings();
    },

    /** Replaces the company's CSAT settings (validated by the caller). */
    async updateSettings(settings: CsatSettings): Promise<CsatSettings> {
      await store.write(CSAT_SETTINGS_KEY, { enabled: settings.enabled });
      cached.clear();
      return readFresh();
    },

    /** The visitor's view of a conversation, with whether to ask them for a rating now. */
    async visitorView(record: ConversationRecord): Promise<VisitorConversation> {
      return toVisitorConversation(record, await settings());
    },

    /** The visitor rates their closed chat (once; 403 when CSAT is off, 409 when not closed or answered). */
    rate(visitor: VisitorRecord, rating: RatingInput): Promise<VisitorConversation> {
      return answer(visitor, rating);
    },

    /** The visitor declines to rate: the question is not asked again for this chat. */
    dismiss(visitor: VisitorRecord): Promise<VisitorConversation> {
      return answer(visitor, null);
    },
  };
};

export type SatisfactionService = ReturnType<typeof import('./satisfaction').default>;
