import type { Core } from '@strapi/strapi';
import { markMissed } from '../../../shared/domain';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createTimelineRepository } from '../repositories/timeline';
import { stateOf, toTimelineEntryInput } from './conversations';
import type { EventBus } from './event-bus';

/** How many expired chats one sweep handles; the next tick takes the rest. */
const BATCH = 100;

/**
 * B9: the wait deadline is stored on the conversation and swept here, so a restart or a second
 * server process neither loses nor doubles it: marking is a compare-and-set on `missed_at IS NULL`,
 * and only the process whose update wins publishes `conversation:missed` (the offline path).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;
  let queue: Promise<unknown> = Promise.resolve();

  async function markOne(id: number, now: Date): Promise<boolean> {
    const record = await conversations.findById(id);
    if (!record) return false;
    const result = markMissed(stateOf(record), now);
    if (!result.ok) return false;
    const entries = await strapi.db.transaction(async ({ trx }) => {
      const won = await conversations.compareAndSet(
        trx,
        id,
        { status: record.status, assigneeId: record.assigneeId, notMissed: true },
        { missedAt: result.state.missedAt },
        now,
      );
      return won ? (await timeline.append(trx, id, result.events.map((event) => toTimelineEntryInput(event, null)))).entries : null;
    });
    if (!entries) return false;
    const updated = (await conversations.findById(id)) as ConversationRecord;
    await bus().publish({ type: 'conversation:missed', conversation: updated, entries, actorId: null });
    return true;
  }

  async function sweepOnce(now: Date): Promise<number> {
    let marked = 0;
    for (const id of await conversations.findExpiredWaits(now, BATCH)) {
      if (await markOne(id, now)) marked += 1;
    }
    return marked;
  }

  return {
    /** Marks every conversation whose wait ran out by `now` as missed; returns how many this call marked. */
    sweep(now: Date = new Date()): Promise<number> {
      // One sweep at a time per process, queued; a failed sweep does not block the ones after it.
      const run = queue.then(() => sweepOnce(now));
      queue = run.catch(() => undefined);
      return run;
    },
  };
};
