import type { Core } from '@strapi/strapi';
import type { EmailSettings } from '../../../shared/contracts/email';
import { decideFollowUp, EMAIL_KEYS, resumeUrl, unseenReplies, type EmailKind } from '../../../shared/domain/email';
import { renderEmail, type EmailEntry } from '../../../shared/domain/email-content';
import { emailLanguageOf } from '../../../shared/domain/email-strings';
import { NAMESPACES } from '../../../shared/events';
import { invalidInput, notFound } from '../errors';
import { ROOMS } from '../realtime/rooms';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createEmailOutboxRepository, type RenderedContent } from '../repositories/email-outbox';
import { table, TABLES } from '../repositories/sql';
import { createTimelineRepository } from '../repositories/timeline';
import type { VisitorRecord } from './visitors';

/** The most timeline entries an email reads (a transcript longer than this shows its newest part). */
const MAX_EMAIL_ENTRIES = 2000;

interface VisitorDetails {
  email: string | null;
  name: string | null;
  timeZone: string | null;
  page: string | null;
}

/**
 * G8: what the plugin emails, and when. Each email is stored in the outbox under its idempotency
 * key (shared/domain/email.ts) and sent by the outbox worker (email-outbox.ts), never on the
 * request path:
 * - a transcript the visitor asked for, at the close (or at once when the chat is already closed);
 * - agent replies the visitor has not seen, once they have been gone the follow-up delay, with a
 *   signed link that reopens the chat (email-links.ts);
 * - a missed chat (B9) with a captured email, to the team's address.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = createEmailOutboxRepository(strapi);
  const conversations = createConversationRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const settings = (): Promise<EmailSettings> => service('email-settings').get();
  /** Checks started by sockets closing, awaited by destroy so none outlives the database. */
  const leaving = new Set<Promise<void>>();

  async function visitorDetails(visitorId: number | null): Promise<VisitorDetails | null> {
    if (visitorId === null) return null;
    const row = await table(strapi, TABLES.visitors).where({ id: visitorId }).first('email', 'name', 'time_zone', 'page');
    if (!row) return null;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
    // The page's identify() stores the email on the visitor; a capture card keeps it in the flow's answers.
    const answers = (await service('flow').answersOf(visitorId)) as { email?: unknown; name?: unknown };
    const email = text(row.email) ?? text(answers.email)?.toLowerCase() ?? null;
    return { email, name: text(row.name) ?? text(answers.name), timeZone: text(row.time_zone), page: text(row.page) };
  }

  async function entriesOf(conversationId: number, afterSeq = 0): Promise<EmailEntry[]> {
    const { entries } = await timeline.list(conversationId, { afterSeq, limit: MAX_EMAIL_ENTRIES });
    return entries.map((entry) => ({ ...entry, attachment: entry.attachment ? { name: entry.attachment.name ?? null } : null }));
  }

  /** Whether any widget of the visitor is connected now, on any server process (Socket.IO's adapter asks them all). */
  async function visitorPresent(visitorId: number): Promise<boolean> {
    const io = service('realtime').io();
    return (await io.of(NAMESPACES.visitor).in(ROOMS.visitor(visitorId)).fetchSockets()).length > 0;
  }

  /** Renders an email of the conversation for `to`, in the visitor's chat language (E5). */
  async function compose(
    kind: EmailKind,
    record: ConversationRecord,
    visitor: VisitorDetails,
    to: string,
    entries: EmailEntry[],
    link: string | null = null,
  ): Promise<RenderedContent> {
    const language = emailLanguageOf(record.visitorId === null ? null : await service('flow').chatLanguage(record.visitorId));
    const rendered = renderEmail({
      kind,
      language,
      timeZone: visitor.timeZone,
      visitor: { name: visitor.name, email: visitor.email },
      entries,
      link,
    });
    return { recipientEmail: to, locale: language, subject: rendered.subject, htmlBody: rendered.html, textBody: rendered.text };
  }

  /** Renders and queues the transcript of a closed conversation for its visitor. */
  async function queueTranscript(record: ConversationRecord, waitingId: number | null): Promise<void> {
    const visitor = await visitorDetails(record.visitorId);
    if (!visitor?.email) return;
    const content = await compose('transcript', record, visitor, visitor.email, await entriesOf(record.id));
    if (waitingId !== null) await outbox.promote(waitingId, 'waiting', content, new Date());
    else await outbox.insert({ idempotencyKey: EMAIL_KEYS.transcript(record.id), kind: 'transcript', state: 'pending', conversationId: record.id, recipientEmail: visitor.email, nextAttemptAt: new Date(), content });
  }

  /** Starts (or, when `restart`, restarts) the follow-up check of a conversation, due after the delay. */
  async function scheduleFollowUpCheck(record: ConversationRecord, restart: boolean): Promise<void> {
    const { followUpsEnabled, followUpDelaySeconds } = await settings();
    if (!followUpsEnabled || record.visitorId === null) return;
    const dueAt = new Date(Date.now() + followUpDelaySeconds * 1000);
    const key = EMAIL_KEYS.followUpCheck(record.id);
    if (restart && (await outbox.reschedule(key, dueAt))) return;
    await outbox.insert({ idempotencyKey: key, kind: 'followup', state: 'waiting', conversationId: record.id, recipientEmail: null, nextAttemptAt: dueAt });
  }

  async function restartFollowUpIfUnseen(visitorId: number): Promise<void> {
    if (await visitorPresent(visitorId)) return;
    const record = await conversations.findCurrentOfVisitor(visitorId);
    if (!record || record.lastMessageSeq <= record.visitorReadSeq) return;
    const unseen = unseenReplies(await entriesOf(record.id, record.visitorReadSeq), record.visitorReadSeq, await outbox.lastFollowUpSeq(record.id));
    if (unseen.length > 0) await scheduleFollowUpCheck(record, true);
  }

  return {
    /**
     * The visitor asks for (or, with `requested: false`, takes back) the transcript of their
     * current chat. 400 when transcripts are off or no email is known; a second ask is a no-op.
     */
    async requestTranscript(visitor: VisitorRecord, requested = true): Promise<{ requested: boolean; email: string }> {
      const record = await service('visitors').currentConversation(visitor.id);
      if (!record) throw notFound('Conversation');
      if (!(await settings()).transcriptsEnabled) {
        throw invalidInput('Transcripts by email are turned off', [{ path: ['requested'], message: 'Transcripts by email are turned off' }]);
      }
      const details = await visitorDetails(visitor.id);
      if (!details?.email) {
        throw invalidInput('No email address is known for this visitor', [{ path: ['email'], message: 'Give your email address first' }]);
      }
      const key = EMAIL_KEYS.transcript(record.id);
      if (!requested) {
        const row = await outbox.findByKey(key);
        if (row?.state === 'waiting') await outbox.remove(row.id, 'waiting');
        return { requested: false, email: details.email };
      }
      if (record.status === 'closed') {
        if (!(await outbox.findByKey(key))) await queueTranscript(record, null);
      } else {
        await outbox.insert({ idempotencyKey: key, kind: 'transcript', state: 'waiting', conversationId: record.id, recipientEmail: details.email, nextAttemptAt: null });
        // A close between the read above and this insert found no request: look again.
        const now = await conversations.findById(record.id);
        if (now?.status === 'closed') await this.conversationClosed(now);
      }
      return { requested: true, email: details.email };
    },

    /** The chat closed: a transcript the visitor asked for is rendered and queued. */
    async conversationClosed(record: ConversationRecord): Promise<void> {
      const waiting = await outbox.findByKey(EMAIL_KEYS.transcript(record.id));
      if (waiting?.state === 'waiting') await queueTranscript(record, waiting.id);
    },

    /** B9: a missed chat whose visitor left an email is sent to the team's address with its transcript. */
    async conversationMissed(record: ConversationRecord): Promise<void> {
      const { missedChatNoticesEnabled, teamAddress } = await settings();
      if (!missedChatNoticesEnabled || !teamAddress) return;
      const visitor = await visitorDetails(record.visitorId);
      if (!visitor?.email) return;
      const content = await compose('missed', record, visitor, teamAddress, await entriesOf(record.id));
      await outbox.insert({ idempotencyKey: EMAIL_KEYS.missed(record.id), kind: 'missed', state: 'pending', conversationId: record.id, recipientEmail: teamAddress, nextAttemptAt: new Date(), content });
    },

    /** An agent replied: a follow-up check is due after the delay (replies meanwhile join the same check). */
    async agentReplied(record: ConversationRecord): Promise<void> {
      await scheduleFollowUpCheck(record, false);
    },

    /** The visitor's last widget went away: if replies are unseen, the follow-up delay starts now. */
    visitorLeft(visitorId: number): Promise<void> {
      const run = restartFollowUpIfUnseen(visitorId).finally(() => leaving.delete(run));
      leaving.add(run);
      return run;
    },

    /** Resolves once every follow-up check started by a closing socket has finished (destroy). */
    async drain(): Promise<void> {
      while (leaving.size > 0) await Promise.allSettled([...leaving]);
    },


    /**
     * A follow-up check this process claimed (email-outbox.ts): emails the unseen replies when the
     * visitor is still away, else drops the check. The email's key names the last reply it carries,
     * so the same replies are never emailed twice.
     */
    async runFollowUpCheck(outboxId: number, now: Date): Promise<void> {
      const row = await outbox.findById(outboxId);
      const record = row?.conversationId ? await conversations.findById(row.conversationId) : null;
      if (!row || !record || record.visitorId === null) {
        if (row) await outbox.remove(row.id, 'sending');
        return;
      }
      const visitor = await visitorDetails(record.visitorId);
      const entries = await entriesOf(record.id, record.visitorReadSeq);
      const unseen = unseenReplies(entries, record.visitorReadSeq, await outbox.lastFollowUpSeq(record.id));
      const decision = decideFollowUp({
        enabled: (await settings()).followUpsEnabled,
        email: visitor?.email ?? null,
        visitorPresent: await visitorPresent(record.visitorId),
        unseenCount: unseen.length,
      });
      if (!decision.send || !visitor?.email) {
        await outbox.remove(row.id, 'sending');
        return;
      }
      const upToSeq = unseen[unseen.length - 1].seq;
      const link = resumeUrl(visitor.page, service('email-links').issue(record.id, record.visitorId, now));
      const content = await compose('followup', record, visitor, visitor.email, unseen, link);
      const queued = await outbox.promote(row.id, 'sending', { ...content, upToSeq }, now, EMAIL_KEYS.followUp(record.id, upToSeq));
      if (!queued) await outbox.remove(row.id, 'sending');
    },

    /** G8: a follow-up link → a session of the visitor it names, with the conversation (null when invalid or expired). */
    async resume(link: string): Promise<{ token: string; conversation: ConversationRecord } | null> {
      const named = service('email-links').verify(link) as { conversationId: number; visitorId: number } | null;
      if (!named) return null;
      const record = await conversations.findById(named.conversationId);
      if (!record || record.visitorId !== named.visitorId) return null;
      const row = await table(strapi, TABLES.visitors).where({ id: named.visitorId }).first('subject');
      if (!row) return null;
      return { token: service('visitors').issueToken(String(row.subject)), conversation: record };
    },
  };
};
